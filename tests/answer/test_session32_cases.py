"""Session 32. Who reports a case's diagnosis is no part of it ("Her rheumatologist suspects lupus nephritis"), what the
patient was told they have is what the question is about ("gp says ive got 'metabolic syndrome' … is that the same as
diabetes??"), and a several-part case is about its suspected disease, not about the drug one of its parts asks of."""

from __future__ import annotations

import pytest

from curbside.answer.ages import patient_ages
from curbside.answer.chatter import phrasal_terms
from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import Candidate, extract
from curbside.answer.generators.extractive.gap_fill import fill_gaps
from curbside.answer.generators.extractive.guideline_vote import for_purpose, guideline_verdict
from curbside.answer.generators.extractive.verdict import _SET_AGAINST
from curbside.answer.generators.extractive.verdict_cues import UNIVERSAL_CLAIM
from curbside.answer.lexicon import disease_mentions, lay_named
from curbside.answer.mentions import mentions
from curbside.answer.patient_facts import told_diagnosis
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.terms import Terms, TermStats
from curbside.answer.text import content_stems
from curbside.answer.themes import ASKS_DIAGNOSIS, question_intents
from curbside.answer.whole_documents import described_page
from curbside.records import Audience, Document, Hit, Kind, Passage, Section, Verdict
from curbside.retrieve import Filters, make_retriever
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import ask_offline, guideline_kb

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
    answer = ask_offline(lupus_kb, LUPUS, Audience.CLINICIAN)
    assert answer.insufficient is False
    assert any(r.document_id == "medquad:NIDDK:0000159" for r in answer.references)


def test_told_metabolic_syndrome_is_answered_from_its_own_pages(lupus_kb: Store) -> None:
    answer = ask_offline(lupus_kb, METABOLIC, Audience.PATIENT)
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
    answer = ask_offline(carcinoid_kb, CARCINOID, Audience.CLINICIAN)
    gaps = " ".join(n.message for n in answer.safety if n.kind == "gaps")
    # (the page's sentences on blood and urine tests and on what helps were candidates below the body's score)
    assert "blood and urine tests" not in gaps
    assert "what should she avoid" not in gaps
    said = " ".join(b.text for s in answer.sections for b in s.bullets)
    assert "blood and urine" in said
    assert all(r.document_id == "medquad:CancerGov:0000010_1" for r in answer.references)


KENNEDY = ("A 46-year-old man has had 5 years of muscle cramps on exertion, a fine tremor of his outstretched hands "
           "and visible twitching in his arms and thighs. He now struggles to climb stairs and lift boxes above his "
           "head, and over the past year his speech has become slightly slurred and he sometimes chokes on food. He "
           "has bilateral breast enlargement, was diagnosed with type 2 diabetes at 42, and he and his wife needed "
           "fertility treatment because of a low sperm count. His maternal uncle had a similar illness. What is the "
           "likely diagnosis and its genetic basis, how is it inherited and what does that mean for his daughters and "
           "their sons, what treatment is available, and what is his outlook?")


@pytest.fixture(scope="module")
def kennedy_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (NINDS's Kennedy's disease page and GHR's, beside diabetes guidelines)
    return guideline_kb(tmp_path_factory, ("ngc-10782.xml", "ngc-10548.xml", "ngc-11167.xml"),
                        corpora=("medquad/6_NINDS_QA/0000055.xml", "medquad/3_GHR_QA/0000934.xml"))


def test_a_described_disease_is_found_past_the_diseases_the_case_names(kennedy_kb: Store) -> None:
    # (the case's type 2 diabetes had kept every page but the diabetes guidelines' out, and it abstained)
    answer = ask_offline(kennedy_kb, KENNEDY, Audience.CLINICIAN)
    assert answer.insufficient is False
    assert answer.bottom_line.text.startswith("Kennedy's disease")


@pytest.mark.parametrize(("question", "asks"), [
    ("What is the likely tumour, and how is it staged?", True),
    ("What diagnosis must not be missed, and which eye sign should be looked for?", True),
    ("Which condition should be ruled out first?", True),
    ("What infection must be considered, and how does it spread?", True),
    ("What condition could explain her symptoms, and how is it treated?", True),
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


WEIGHT_GAIN = ("Should I offer behavioural counselling on healthy gestational weight gain to every pregnant patient, "
               "including those with a normal BMI, rather than only to women who start pregnancy with obesity?")


def test_a_disease_named_only_in_the_group_a_question_sets_against_is_no_topic() -> None:
    assert Scope.of(WEIGHT_GAIN).topics == ()
    # (a disease the question asks about stays, whatever follows "rather than")
    assert Scope.of("Should metformin be used rather than insulin for gestational diabetes?").topics != ()


def test_the_only_of_the_course_set_against_is_no_universal_claim() -> None:
    assert _SET_AGAINST.sub(" ", WEIGHT_GAIN).rstrip(" ?").endswith("normal BMI,")
    assert UNIVERSAL_CLAIM.search(_SET_AGAINST.sub(" ", WEIGHT_GAIN)) is None
    assert UNIVERSAL_CLAIM.search(_SET_AGAINST.sub(" ", "Is aspirin only effective in men rather than women?"))


def test_a_case_that_asks_what_its_patient_has_is_about_no_disease_it_names() -> None:
    marburg = ("A 34-year-old photographer returned from Uganda 9 days ago; 12 days ago she spent an afternoon in a "
               "cave with fruit bats. She has fever, severe headache, watery diarrhoea and bleeding gums. Two malaria "
               "films are negative. What infection must be considered, and how does it spread from person to person?")
    assert Scope.of(marburg).topics == ()
    # (… unless what it asks names one)
    assert Scope.of("A 30-year-old has a headache. What is the likely cause of her migraine?").topics != ()


@pytest.fixture(scope="module")
def weight_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (the USPSTF's recommendations and the Canadian Task Force's adult obesity guideline, whose "Pregnant women … are
    # excluded" had led and made it No)
    return guideline_kb(tmp_path_factory, ("ngc-10640.xml",), corpora=("uspstf/uspstf_enriched.json",))


def test_counselling_every_pregnant_patient_is_a_yes_from_the_uspstf(weight_kb: Store) -> None:
    answer = ask_offline(weight_kb, WEIGHT_GAIN, Audience.CLINICIAN)
    assert answer.verdict is Verdict.YES
    assert answer.references[0].document_id == "uspstf:32"


SKIN_TO_SKIN = ("In a level III–IV neonatal intensive care unit in a high-income country, should skin-to-skin care be "
                "used specifically to reduce mortality or length of stay in sick newborns?")


@pytest.fixture(scope="module")
def nicu_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (NANN's best evidence statement on skin-to-skin care in a level III–IV NICU)
    return guideline_kb(tmp_path_factory, ("ngc-9921.xml",))


def test_a_recommendation_on_the_outcome_asked_decides_and_leads(nicu_kb: Store) -> None:
    # (its sibling on days of respiratory support, "There is insufficient evidence …", had led and made it Uncertain)
    answer = ask_offline(nicu_kb, SKIN_TO_SKIN, Audience.CLINICIAN)
    assert answer.verdict is Verdict.NO
    assert answer.bottom_line.text.startswith("It is not recommended that SSC be used to reduce mortality")
    # (… and, leading, it is no pitfall below itself)
    assert all(not p.text.startswith("It is not recommended that SSC") for p in answer.pitfalls)


def test_the_outcome_a_question_asks_about() -> None:
    found = extract([_hit("nann:1#0", "Skin to skin care in a level III-IV NICU",
                          "There is insufficient evidence to make a recommendation on the use of SSC to decrease the "
                          "number of days on respiratory support in a Level III-IV NICU. It is not recommended that "
                          "SSC be used to reduce mortality or length of stay in a Level III-IV NICU.")])
    assert [c.text[:26] for c in for_purpose(found, SKIN_TO_SKIN)] == ["It is not recommended that"]
    assert for_purpose(found, "Should SSC be used in a level III-IV NICU?") == found
    assert {m.family for m in mentions("in a Level III-IV NICU")} == {"children"}


def test_the_vote_is_on_the_outcome_asked_not_the_closer_worded_sibling() -> None:
    text = ("There is insufficient evidence and lack of consensus to make a recommendation on the use of skin to skin "
            "care (SSC) to decrease the number of days on non-invasive respiratory support in a Level III-IV neonatal "
            "intensive care unit (NICU) in a high income country. It is not recommended that SSC be used to reduce "
            "mortality or length of stay in a Level III-IV NICU.")
    found = extract([_hit("nann:1#0", "Skin to skin care in a level III-IV NICU", text)])
    found[0].own, found[1].own = 0.8, 0.55  # (the sibling shares more of the question's words)
    result = guideline_verdict(found, asked=frozenset(content_stems(SKIN_TO_SKIN)), question=SKIN_TO_SKIN)
    assert result is not None and result.verdict is Verdict.NO


@pytest.mark.parametrize(("question", "ages"), [
    ("My son is 9 and just passed a kidney stone", (9.0,)),
    ("dad is 71 and has had parkinsons for 12 years", (71.0,)),
    ("my husband (52) had a bad cold last week", (52.0,)),
    ("im 49, bp was 138/88", (49.0,)),
    # (a figure with its unit is no age)
    ("im 30 weeks pregnant", ()),
    ("my son is 6 ft tall", ()),
    ("our son is 5 weeks old", (5 / 52,)),
])
def test_an_age_typed_the_way_people_type_it(question: str, ages: tuple[float, ...]) -> None:
    assert patient_ages(question) == pytest.approx(ages)


def test_a_typed_childs_age_sets_the_scope_to_children() -> None:
    scope = Scope.of("My son is 9 and just passed a kidney stone. why would a kid get one?")
    assert "children" in scope.families
    assert scope.conflicts("Kidney Stones in Adults") and not scope.conflicts("Kidney Stones in Children")


@pytest.mark.parametrize(("text", "disease"), [
    ("dad has had parkinsons for 12 years", "parkinson's disease"),
    ("my mum has alzheimers", "alzheimer's disease"),
    ("crohns disease flare", "crohn's disease"),
])
def test_an_eponym_typed_without_its_apostrophe(text: str, disease: str) -> None:
    assert disease_mentions(text) == [disease]


def test_a_case_described_in_lay_words_keeps_its_disease() -> None:
    hair = ("my 15 yr old daughter has bald patches on her head and ive realised shes been pulling her own hair out, "
            "though she swears she isnt. what is this, is it a mental health thing, and what treatment actually helps?")
    assert lay_named(hair) == ["trichotillomania"]
    assert Scope.of(hair).topics != ()


GLUCOSE = ("For an adult inpatient on enteral or parenteral nutrition who becomes hyperglycaemic, what blood glucose "
           "target range should be used, what value defines hypoglycaemia, and should a diabetes-specific enteral "
           "formula be used?")


@pytest.fixture(scope="module")
def nutrition_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (A.S.P.E.N.'s guideline on nutrition support in hyperglycaemia, beside NICE's diabetes guidelines)
    return guideline_kb(tmp_path_factory, ("ngc-9368.xml", "ngc-10691.xml", "ngc-10781.xml", "ngc-10548.xml"))


def test_a_guidelines_scope_fields_answer_no_part_of_a_question(nutrition_kb: Store) -> None:
    # ("Interventions and practices considered: - Target blood glucose goals - Criteria for defining hypoglycemia …"
    # had stood for both parts, and the recommendations that answer them were left out)
    answer = ask_offline(nutrition_kb, GLUCOSE, Audience.CLINICIAN)
    said = " ".join(b.text for b in [answer.bottom_line, *(b for s in answer.sections for b in s.bullets)])
    assert "<70 mg/dL" in said or "140–180 mg/dL" in said


def test_the_described_page_is_sought_among_the_first_health_pages_past_guidelines(kennedy_kb: Store) -> None:
    # (NHLBI's Coronary Microvascular Disease was the sixth document, behind five guidelines, and was never tried)
    retriever = make_retriever(kennedy_kb, Settings(kb=kennedy_kb.path, retriever="lexical", offline=True))
    stats = TermStats(kennedy_kb)
    hits = retriever.search(KENNEDY, 60, Filters())
    guidelines = list({h.document.id: h for h in hits if h.document.kind is Kind.GUIDELINE}.values())[:5]
    pages = [h for h in hits if h.document.id == "medquad:NINDS:0000055"]
    assert len(guidelines) == 5 and pages
    coverage, page = described_page(kennedy_kb, [*guidelines, *pages], stats.terms(analyse(KENNEDY)), stats,
                                    Scope.of(KENNEDY))
    assert coverage > 0 and page[0].document.id == "medquad:NINDS:0000055"


@pytest.mark.parametrize(("question", "treats"), [
    ("the heart doctor says its tetralogy of fallot. when will they operate and what do they fix?", True),
    ("will he need more operations when hes older?", True),
    # (an operation said of a time asks when to give something, not how to treat)
    ("how long before the operation should they be given?", False),
])
def test_an_operation_asked_in_lay_words_asks_how_it_is_treated(question: str, treats: bool) -> None:
    assert ("treatment" in question_intents(question)) is treats


def test_whether_an_operation_is_needed_is_no_treatment_question() -> None:
    # ("Does he really need an operation?" then led with "Repair … via surgery is the only treatment" for a small,
    # painless hernia; and a growing 8 mm polyp with the advice for symptomatic ones)
    assert "treatment" not in question_intents("My dad is 72 and has a small hernia in his groin. Does he really need "
                                               "an operation?")
