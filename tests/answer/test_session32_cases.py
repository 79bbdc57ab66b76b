"""Session 32. Who reports a case's diagnosis is no part of it ("Her rheumatologist suspects lupus nephritis"), what the
patient was told they have is what the question is about ("gp says ive got 'metabolic syndrome' … is that the same as
diabetes??"), and a several-part case is about its suspected disease, not about the drug one of its parts asks of."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.chatter import phrasal_terms
from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import Candidate, extract
from curbside.answer.generators.extractive.gap_fill import fill_gaps
from curbside.answer.patient_facts import told_diagnosis
from curbside.answer.population import Scope
from curbside.answer.terms import Terms
from curbside.answer.themes import ASKS_DIAGNOSIS
from curbside.records import Answer, Audience, Document, Hit, Kind, Passage, Section
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb

LUPUS = ("A 27-year-old woman with systemic lupus erythematosus diagnosed 2 years ago (joint pains and a malar rash, "
         "on hydroxychloroquine) has noticed that her urine has become frothy and her ankles swell by the evening. "
         "Her BP is 148/94, urine dipstick shows 3+ protein and 2+ blood, and her creatinine has risen from 68 to 110 "
         "µmol/L. Her rheumatologist suspects lupus nephritis. How is the diagnosis confirmed and why is that test "
         "recommended, what is the standard treatment, should her hydroxychloroquine continue, how should her blood "
         "pressure be managed, and what are her long-term risks?")
METABOLIC = ("gp says ive got 'metabolic syndrome' after my bloods and measuring my waist (42 inches, bit of a "
             "tummy). im 49, bp was 138/88 and my good cholesterol is low. is that the same as diabetes?? what "
             "numbers count and do i need meds or can i sort it myself")


@pytest.fixture(scope="module")
def lupus_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (the Spanish NHS guideline on systemic lupus erythematosus; NIDDK's and GARD's lupus nephritis pages,
    # MedlinePlus's lupus page; NHLBI's and MedlinePlus's metabolic syndrome pages, NHLBI's diabetic heart disease page)
    return guideline_kb(tmp_path_factory, ("ngc-11372.xml",),
                        corpora=("medquad/5_NIDDK_QA/0000159.xml", "medquad/2_GARD_QA/0003688.xml",
                                 "medquad/4_MPlus_Health_Topics_QA/0000569.xml", "medquad/8_NHLBI_QA_XML/0000090.xml",
                                 "medquad/4_MPlus_Health_Topics_QA/0000608.xml", "medquad/8_NHLBI_QA_XML/0000052.xml"))


def _ask(store: Store, question: str, audience: Audience) -> Answer:
    return ask(store, Settings(kb=store.path, retriever="lexical", offline=True), question, audience=audience,
               save=False)


@pytest.mark.parametrize(("question", "chatter", "kept"), [
    ("Her rheumatologist suspects lupus nephritis.", {"rheumatologist", "suspects"}, {"lupus", "nephritis"}),
    ("His GP had advised painkillers and review in a week.", {"gp", "had", "advised"}, {"painkillers"}),
    ("Her neurologist told her there was no treatment.", {"neurologist", "told"}, {"treatment"}),
    # (a specialist the question asks about is no reporter)
    ("Should she see a rheumatologist about her lupus?", set(), {"rheumatologist"}),
])
def test_a_specialist_who_reports_the_case_is_chatter(question: str, chatter: set[str], kept: set[str]) -> None:
    found = phrasal_terms(question)
    assert chatter <= found
    assert not kept & found


def test_the_diagnosis_a_patient_was_told_of_or_is_suspected_to_have() -> None:
    assert told_diagnosis(METABOLIC) == ["metabolic syndrome"]
    assert told_diagnosis("the doctor said its pleurisy, what causes it?") == ["pleurisy"]
    assert told_diagnosis("the optician said she has early dry macular degeneration") == ["macular degeneration"]
    assert "lupus nephritis" in told_diagnosis(LUPUS, suspected=True)
    # (a diagnosis made years ago is told, not suspected; a disease only compared with is neither)
    assert told_diagnosis("She was diagnosed with Friedreich ataxia at 13.", suspected=True) == []
    assert "diabetes" not in told_diagnosis(METABOLIC)


def _terms(asked: set[str], parts: int, **kw: frozenset[str]) -> Terms:
    weights = {"hydroxychloroquin": 8.0, "nephrit": 7.2, "lupus": 5.6, "confirm": 4.2, "treat": 1.5}
    part_words = (frozenset({"hydroxychloroquin", "continu"}), *(frozenset({f"w{i}"}) for i in range(parts - 1)))
    return Terms(weights, asked=frozenset(asked), part_words=part_words, diseases=frozenset({"nephrit", "lupus"}), **kw)


def test_a_several_part_case_is_about_its_suspected_disease_not_one_parts_drug() -> None:
    suspected = frozenset({"nephrit", "lupus"})
    assert _terms({"hydroxychloroquin", "confirm", "treat"}, 5, suspected=suspected).key == "nephrit"
    # (not without a suspected disease, nor where the drug is asked in a question of fewer parts)
    assert _terms({"hydroxychloroquin", "confirm", "treat"}, 5).key == "hydroxychloroquin"
    assert _terms({"hydroxychloroquin", "confirm", "treat"}, 2, suspected=suspected).key == "hydroxychloroquin"


def test_asking_nothing_rare_a_question_is_about_the_disease_its_patient_was_told_of() -> None:
    weights = {"cholesterol": 4.9, "metabol": 4.0, "syndrom": 2.4, "diabet": 3.3}
    told = frozenset({"metabol", "syndrom"})
    assert Terms(weights, asked=frozenset({"diabet"}), told=told).key == "metabol"
    assert Terms(weights, asked=frozenset({"diabet"})).key == "cholesterol"


def test_the_scope_of_a_comparison_keeps_the_disease_the_patient_was_told_of() -> None:
    named = {form for forms in Scope.of(METABOLIC).topics for form in forms}
    assert frozenset({"metabol", "syndrom"}) in named


def test_a_suspected_lupus_nephritis_is_answered_from_its_pages(lupus_kb: Store) -> None:
    answer = _ask(lupus_kb, LUPUS, Audience.CLINICIAN)
    assert answer.insufficient is False
    assert any(r.document_id == "medquad:NIDDK:0000159" for r in answer.references)


def test_told_metabolic_syndrome_is_answered_from_its_own_pages(lupus_kb: Store) -> None:
    answer = _ask(lupus_kb, METABOLIC, Audience.PATIENT)
    assert answer.references[0].title == "Metabolic Syndrome"
    assert "good\" cholesterol" not in answer.bottom_line.text


CARCINOID = ("A 61-year-old woman has had 8 months of sudden episodes of redness and warmth of her face and neck "
             "lasting a few minutes, often set off by a glass of wine, together with watery diarrhoea, bloating and "
             "crampy abdominal pain; twice she has wheezed during an episode and felt her heart racing. Her GP put it "
             "down to the menopause. She now has a firm, enlarged liver, and ultrasound shows several liver lesions. "
             "What is the likely diagnosis and why have these symptoms appeared now, which blood and urine tests help "
             "confirm it, what treatment options are there for the tumour and for the symptoms, and what should she "
             "avoid?")


@pytest.fixture(scope="module")
def carcinoid_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (NCI's gastrointestinal carcinoid tumors page, beside the first NGC summaries)
    return guideline_kb(tmp_path_factory, (), corpora=("medquad/1_CancerGov_QA/0000010_1.xml",))


def test_a_part_a_cited_page_answers_is_answered_not_flagged(carcinoid_kb: Store) -> None:
    answer = _ask(carcinoid_kb, CARCINOID, Audience.CLINICIAN)
    gaps = " ".join(n.message for n in answer.safety if n.kind == "gaps")
    # (the page's sentences on blood and urine tests and on what helps were candidates below the body's score)
    assert "blood and urine tests" not in gaps
    assert "what should she avoid" not in gaps
    said = " ".join(b.text for s in answer.sections for b in s.bullets)
    assert "blood and urine" in said
    assert all(r.document_id == "medquad:CancerGov:0000010_1" for r in answer.references)


IRON = ("A 52-year-old man of Irish descent has had two years of fatigue, low libido and aching in the knuckles of his "
        "index and middle fingers, and was diagnosed with type 2 diabetes last year. His skin looks slightly "
        "greyish-bronze and his liver edge is palpable 2 cm below the costal margin. ALT is mildly raised, ferritin "
        "is 1,850 µg/L and transferrin saturation 78%. He drinks about 20 units of alcohol a week and takes an "
        "over-the-counter multivitamin with iron and vitamin C. What is the likely diagnosis and how is it confirmed, "
        "how is it treated and for how long, what should he change, what about his children, and what determines "
        "his outlook?")


@pytest.fixture(scope="module")
def iron_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (NHLBI's hemochromatosis page beside diabetes guidelines and NICE's cirrhosis guideline)
    return guideline_kb(tmp_path_factory, ("ngc-10782.xml", "ngc-10548.xml", "ngc-11167.xml", "ngc-11020.xml"),
                        corpora=("medquad/8_NHLBI_QA_XML/0000067.xml",))


def test_a_described_disease_is_found_past_the_diseases_the_case_names(iron_kb: Store) -> None:
    # (the case's type 2 diabetes had kept every page but the diabetes guidelines' out, and it abstained)
    answer = _ask(iron_kb, IRON, Audience.CLINICIAN)
    assert answer.insufficient is False
    assert answer.bottom_line.text.startswith("Hemochromatosis")
    assert answer.references[0].document_id == "medquad:NHLBI:0000067"


@pytest.mark.parametrize(("question", "asks"), [
    ("What is the likely tumour, and how is it staged?", True),
    ("What diagnosis must not be missed, and which eye sign should be looked for?", True),
    ("Which condition should be ruled out first?", True),
    ("What is the tumour's stage?", False),
])
def test_asking_for_the_diagnosis(question: str, asks: bool) -> None:
    assert bool(ASKS_DIAGNOSIS.search(question)) is asks


RIBS = ("What imaging is appropriate for an adult with suspected rib fractures after minor blunt trauma, and how does "
        "this change if a pathological rib fracture is suspected?")


def _hit(passage_id: str, title: str, text: str) -> Hit:
    doc_id, ordinal = passage_id.split("#")
    document = Document(id=doc_id, kind=Kind.GUIDELINE, title=title, sections=(Section("Recommendations", text),),
                        source="test", issuer="test", year=2014)
    return Hit(Passage(passage_id, doc_id, int(ordinal), "Recommendations", text, 0, len(text)), document, 10.0)


def _plan(*texts: tuple[str, str]) -> tuple[Plan, list[Candidate]]:
    # (ACR's rib fractures criteria: a chest radiograph leads; the other sentences are candidates left out)
    lead = _hit("acr:1#0", "ACR Appropriateness Criteria rib fractures",
                "A posteroanterior chest radiograph is usually appropriate for suspected rib fractures after minor "
                "blunt trauma.")
    others = []
    for ordinal, (title, text) in enumerate(texts, 1):
        doc_id = "acr:1" if title == lead.document.title else "other:2"
        others.append(_hit(f"{doc_id}#{ordinal}", title, text))
    found = extract([lead, *others])
    return Plan(found[0], [], [], []), found


WEIGHTS = {"patholog": 6.0, "fractur": 4.0, "chang": 2.0, "rib": 4.0, "imag": 2.0}
PATHOLOGIC = ("A PA chest radiograph may be sufficient for diagnosis of a pathologic fracture, but further evaluation "
              "using CT, bone scan, or FDG-PET may be necessary to characterise it.")


def test_a_part_is_answered_from_a_cited_document_that_names_what_it_asks() -> None:
    chosen, found = _plan(("ACR Appropriateness Criteria rib fractures", PATHOLOGIC))
    filled = fill_gaps(RIBS, chosen, found, WEIGHTS)
    assert [c.text for c in filled.body] == [PATHOLOGIC]


def test_a_part_is_not_answered_from_another_document_nor_by_a_glossary_entry() -> None:
    chosen, found = _plan(("Imaging of bone tumours", PATHOLOGIC))
    assert fill_gaps(RIBS, chosen, found, WEIGHTS).body == []
    glossary = ("Pathologic fracture: A break in a bone that has been weakened by disease, such as cancer, rather "
                "than by injury alone.")
    chosen, found = _plan(("ACR Appropriateness Criteria rib fractures", glossary))
    assert fill_gaps(RIBS, chosen, found, WEIGHTS).body == []


def test_a_sentence_naming_too_little_of_a_part_does_not_answer_it() -> None:
    weak = "Fractures of the ribs change the mechanics of breathing and can be very painful for weeks."
    chosen, found = _plan(("ACR Appropriateness Criteria rib fractures", weak))
    assert fill_gaps(RIBS, chosen, found, WEIGHTS).body == []
