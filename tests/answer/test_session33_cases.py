"""Session 33. A patient's condition said as an adjective ("… who becomes hyperglycaemic") is a disease the question
names; a statement that no recommendation is made needs the heading it answers; a yes/no question followed by what or
how gets no verdict; and a described page's bottom line defines the page's own disease, whose patients are the
case's."""

from __future__ import annotations

import pytest

from curbside.answer.gaps import unmentioned_parts
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.asks import NO_ASKS, Asks
from curbside.answer.generators.extractive.assemble import choose_bottom
from curbside.answer.generators.extractive.candidates import described_first, extract
from curbside.answer.lexicon import disease_mentions
from curbside.answer.questions import analyse, asks_more, is_yes_no
from curbside.answer.terms import TermStats
from curbside.answer.themes import question_intents
from curbside.answer.whole_documents import DESCRIBED_SCORE
from curbside.records import Audience, Bullet, Document, Hit, Kind, Passage, Section, Verdict
from curbside.store import Store
from tests.answer.guideline_kb import ask_offline, guideline_kb

NUTRITION = ("For an adult inpatient on enteral or parenteral nutrition who becomes hyperglycaemic, what blood glucose "
             "target range should be used, what value defines hypoglycaemia, and should a diabetes-specific enteral "
             "formula be used?")
TASTE = ("my mum is 79 and keeps saying food tastes of nothing, or sometimes everything tastes metallic, so shes gone "
         "off her dinners and lost weight. shes on loads of tablets (bp ones, plus antibiotics for her chest last "
         "month) and has dentures. is this just old age?? could the tablets be doing it and what can we do to get her "
         "eating again")
DYSPLASIA = ("im 22 weeks pregnant and the scan found the babys left kidney is 'multicystic dysplastic', full of cysts "
             "and not working, the right one looks normal. i take medication for epilepsy, did my tablets cause this?? "
             "will he need dialysis or a transplant, and what happens after hes born")
PSEUDO = ("A 38-year-old woman with systemic sclerosis has had three admissions in a year with abdominal "
          "distension, cramping pain, nausea and vomiting; each time X-rays showed dilated small-bowel loops "
          "with fluid levels, but CT found no obstructing lesion and a laparotomy found no blockage. She takes "
          "codeine and amitriptyline for pain. Between episodes she alternates between constipation and "
          "diarrhoea and she has lost 9 kg. What is the likely diagnosis and its mechanism, which tests help "
          "confirm it, how should she be managed nutritionally and with medicines (including her current ones), "
          "and when are decompression, surgery or transplantation considered?")


@pytest.mark.parametrize(("text", "disease"), [
    ("an adult inpatient who becomes hyperglycaemic, what target", "hyperglycaemia"),
    ("she is anaemic and tired", "anaemia"),
    ("a diabetic woman with a leg ulcer", "diabetes"),
    ("an asthmatic child", "asthma"),
    ("he is hyponatraemic and confused", "hyponatraemia"),
    # (… and a refractive error in lay words: "just got glasses for being short sighted")
    ("my daughter just got glasses for being short sighted", "myopia"),
    ("is long-sightedness inherited?", "hyperopia"),
])
def test_a_condition_said_as_an_adjective_of_the_patient_is_named(text: str, disease: str) -> None:
    assert disease in disease_mentions(text)


@pytest.mark.parametrize(("text", "found"), [
    ("diabetic retinopathy", ["diabetic retinopathy"]),
    ("septic shock", ["septic shock"]),
    ("hypoglycaemic episodes at night", []),
    ("a hypertensive crisis", []),
    # (a treated condition told as history: "hypertensive on amlodipine" in a case about MDS)
    ("hypertensive on amlodipine", []),
])
def test_an_adjective_in_another_diseases_name_or_of_history_is_not(text: str, found: list[str]) -> None:
    assert disease_mentions(text) == found


def test_a_diabetes_specific_formula_asks_for_no_test() -> None:
    assert "diagnosis" not in question_intents(NUTRITION)
    # (nor does the figure that defines a condition ask what it is)
    assert "definition" not in question_intents(NUTRITION)
    assert "definition" in question_intents("How is hypoglycaemia defined in a newborn?")
    assert "diagnosis" in question_intents("How specific is a raised D-dimer?")
    assert "diagnosis" in question_intents("What is the sensitivity and specificity of CT for appendicitis?")


def _hit(passage_id: str, title: str, text: str, *, kind: Kind = Kind.GUIDELINE, section: str = "Recommendations",
         score: float = 10.0, described: bool = False) -> Hit:
    doc_id, ordinal = passage_id.split("#")
    document = Document(id=doc_id, kind=kind, title=title, sections=(Section(section, text),), source="test")
    return Hit(Passage(passage_id, doc_id, int(ordinal), section, text, 0, len(text)), document, score,
               {DESCRIBED_SCORE: score} if described else {})


ASPEN = "A.S.P.E.N. clinical guidelines: nutrition support of adult patients with hyperglycemia."
ASPEN_HEADING = ("Major Recommendations — Should Diabetes-Specific Enteral Formulas Be Used for Adult Hospitalized "
                 "Patients With Hyperglycemia?")


@pytest.mark.parametrize(("text", "dangling"), [
    ("The authors cannot make a recommendation at this time.", True),
    ("No recommendation can be made.", True),
    # (one that says what it is on stands alone)
    ("The panel cannot make a recommendation for or against routine use of diabetes-specific formulas.", False),
    ("The authors recommend a target blood glucose goal range of 140–180 mg/dL (7.8–10 mmol/L).", False),
])
def test_no_recommendation_without_its_subject_needs_its_heading(text: str, dangling: bool) -> None:
    [found] = extract([_hit("ngc:9368#9", ASPEN, text, section=ASPEN_HEADING)], min_words=3)
    assert found.dangling is dangling


@pytest.fixture(scope="module")
def session33_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (A.S.P.E.N.'s hyperglycaemia guideline and NICE's diabetes in pregnancy; NIH SeniorHealth's problems with taste,
    # MedlinePlus's dentures; NIDDK's intestinal pseudo-obstruction and kidney dysplasia)
    return guideline_kb(tmp_path_factory, ("ngc-9368.xml", "ngc-10691.xml"),
                        corpora=("medquad/7_SeniorHealth_QA/0000057.xml",
                                 "medquad/4_MPlus_Health_Topics_QA/0000263.xml", "medquad/5_NIDDK_QA/0000111.xml",
                                 "medquad/5_NIDDK_QA/0000154.xml"))


def test_the_glucose_target_leads_for_a_hyperglycaemic_inpatient_on_nutrition(session33_kb: Store) -> None:
    answer = ask_offline(session33_kb, NUTRITION, Audience.CLINICIAN)
    # (A.S.P.E.N.'s target or threshold, not NICE's ketone testing for pregnant women with type 1 diabetes)
    assert answer.bottom_line.passage_ids[0].startswith("ngc:9368#")
    assert "mg/dL" in answer.bottom_line.text
    # (… and its "cannot make a recommendation" is not printed without the question it answers)
    assert all("cannot make a recommendation" not in b.text for s in answer.sections for b in s.bullets)


def test_a_yes_no_question_followed_by_what_or_how_gets_no_verdict(session33_kb: Store) -> None:
    assert asks_more(TASTE)
    assert asks_more("did my tablets cause this?? will he need dialysis or a transplant, and what happens after hes "
                     "born")
    assert not asks_more("Is metformin safe in pregnancy? My GP and I discussed it.")
    assert is_yes_no(TASTE)  # (the evidence is still weighed as for one: a short page may answer it whole)
    # (composed from the pages that answer them, as the full knowledge base finds them)
    generator = ExtractiveGenerator(TermStats(session33_kb))
    for question, page in ((TASTE, "medquad:NIHSeniorHealth:0000057"),):
        document = session33_kb.get_document(page)
        hits = [Hit(p, document, 10.0 - p.ordinal / 100) for p in session33_kb.passages_for(page)]
        draft = generator.generate(question, hits, Audience.PATIENT)
        assert not draft.insufficient
        assert draft.verdict is None
        assert not any("verdict uncertain" in note for note in draft.notes)


def _page(ordinal: int, text: str, title: str = "Intestinal Pseudo-obstruction") -> Hit:
    return _hit(f"medquad:NIDDK:0000111#{ordinal}", title, text, kind=Kind.CONSUMER,
                section=f"What is (are) {title} ?", described=True)


def test_a_described_pages_bottom_line_defines_the_pages_own_disease() -> None:
    found = extract([_page(5, "Malnutrition is a condition that develops when the body does not get the right amount "
                              "of the vitamins, minerals, and other nutrients it needs."),
                     _page(7, "Intestinal pseudo-obstruction is a rare condition with symptoms that resemble those "
                              "caused by a blockage of the intestines.")])
    [first] = described_first(found)
    assert first.text.startswith("Intestinal pseudo-obstruction")
    # (… as the subject of the sentence, not a treatment for it: NCI's gastrointestinal carcinoid tumours page)
    carcinoid = [_page(3, "Chromogranin A is a tumor marker.", "Gastrointestinal Carcinoid Tumors"),
                 _page(9, "Chemoembolization of the hepatic artery is a type of regional chemotherapy that may be used "
                          "to treat a gastrointestinal carcinoid tumor.", "Gastrointestinal Carcinoid Tumors")]
    [first] = described_first(extract(carcinoid))
    assert first.text.startswith("Chromogranin A")


def test_a_case_of_pseudo_obstruction_leads_with_what_it_is(session33_kb: Store) -> None:
    answer = ask_offline(session33_kb, PSEUDO, Audience.CLINICIAN)
    assert answer.bottom_line.text.startswith("Intestinal pseudo-obstruction is")


ALAGILLE = ("A 4-month-old girl is brought to clinic because she is still yellow; her nappies contain pale, "
            "putty-coloured stools and dark urine, and she has started scratching at her skin. She was born at "
            "term and feeds reasonably well but has dropped from the 50th to the 9th weight centile. A soft "
            "systolic murmur is heard, a spine X-ray taken after a minor fall shows 'butterfly' vertebrae, and "
            "the ophthalmologist notes an opaque ring at the edge of both corneas. Her father had 'a heart murmur "
            "and a liver problem' as a child. What is the likely diagnosis and its genetic cause, is a liver "
            "biopsy essential for diagnosis, how are her itching and poor growth treated, and what is the "
            "long-term outlook?")


@pytest.fixture(scope="module")
def alagille_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (NIDDK's Alagille syndrome page, beside the first NGC summaries)
    return guideline_kb(tmp_path_factory, (), corpora=("medquad/5_NIDDK_QA/0000181.xml",))


def test_the_people_with_the_disease_a_case_describes_are_its_patient(alagille_kb: Store) -> None:
    answer = ask_offline(alagille_kb, ALAGILLE, Audience.CLINICIAN)
    assert answer.references[0].document_id == "medquad:NIDDK:0000181"
    outlook = [(s.title, b.text) for s in answer.sections for b in s.bullets if "long-term outlook" in b.text]
    # (the page's outlook answers the part it asks, not flagged as "not covered", and not filed as another population)
    assert outlook and outlook[0][0] == "Prognosis and outcomes"
    assert not any("long-term outlook" in n.message for n in answer.safety if n.kind == "gaps")


def test_a_drugs_other_name_in_brackets_is_the_same_drug_either_way() -> None:
    info = analyse("What is tebentafusp (Kimmtrak), what does it target, and how large was its overall survival "
                   "benefit in the phase 3 trial?")
    terms = TermStats().terms(info)
    # (the brand is the rarer word, and the key; a record on tebentafusp names it)
    assert terms.names_key(frozenset({"tebentafusp", "survival"}))
    assert terms.names_key(frozenset({"kimmtrak"}))
    # (not two words that name no drug: "the ankle (medial)")
    plain = TermStats().terms(analyse("Why does the ankle (medial) swell after a sprain?"))
    assert not plain.alternatives.get("medial")


TROFINETIDE = ("What is trofinetide (Daybue), how is it thought to work, who is it approved for, what dose was "
               "effective in the phase 2 trial, and what did the phase 3 LAVENDER trial show in Rett syndrome?")


def test_asked_what_a_drug_is_the_bottom_line_names_it() -> None:
    asks = Asks.of(TROFINETIDE)
    assert asks.what_drug == (frozenset({"trofinetid"}),)
    assert Asks.of("What is the dose of metformin in CKD?").what_drug == ()
    found = extract([
        _hit("bioasq:1#0", "Trofinetide-a new chapter in rett syndrome's treatment",
             "The drug significantly improved Rett syndrome behavioral scores in clinical studies.", kind=Kind.OTHER,
             section="Abstract", score=20.0),
        _hit("bioasq:2#0", "Trofinetide for Rett syndrome",
             "Trofinetide is the first drug approved by the FDA to treat Rett syndrome in children aged 2 years or "
             "above.", kind=Kind.OTHER, section="Abstract", score=17.0)])
    for c in found:
        c.score = c.hit.score / 20
        c.relevance = c.score
    assert choose_bottom(found, False, ("treatment", "drugs"), asks).text.startswith("Trofinetide is")
    assert choose_bottom(found, False, ("treatment", "drugs"), NO_ASKS).text.startswith("The drug")


def test_a_brand_in_brackets_is_the_drug_but_an_instance_is_no_synonym() -> None:
    alternatives = TermStats().terms(analyse(TROFINETIDE)).alternatives
    assert frozenset({"daybu"}) in alternatives["trofinetid"] and frozenset({"trofinetid"}) in alternatives["daybu"]
    tablet = TermStats().terms(analyse("My mum is 81 and has taken a sleeping tablet (temazepam) every night for "
                                       "years. Should she stop?"))
    assert not any(frozenset({"tablet"}) in forms for forms in tablet.alternatives.values())


def test_a_colony_count_or_a_sample_asked_for_is_found_where_the_answer_says_it() -> None:
    question = ("Should every pregnant woman be screened for asymptomatic bacteriuria with a urine culture, and what "
                "colony count means she needs treatment?")
    said = [Bullet("A urine culture showing >100,000 CFU/mL of a single uropathogen indicates treatment.", (1,)),
            Bullet("The USPSTF recommends screening for asymptomatic bacteriuria using urine culture in pregnant "
                   "persons.", (1,))]
    assert unmentioned_parts(question, said) == []
    assert unmentioned_parts(question, said[1:]) == ["what colony count means she needs treatment"]


@pytest.fixture(scope="module")
def af_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (AAN's guideline on stroke prevention in nonvalvular atrial fibrillation, NICE's on atrial fibrillation)
    return guideline_kb(tmp_path_factory, ("ngc-10290.xml", "ngc-10473.xml"))


def test_a_caution_that_decides_a_verdict_does_not_lead_without_what_it_qualifies(af_kb: Store) -> None:
    question = ("Should I offer an oral anticoagulant to an 84-year-old woman with nonvalvular atrial fibrillation who "
                "has mild dementia and has had two falls in the past year but no history of bleeding?")
    answer = ask_offline(af_kb, question, Audience.CLINICIAN)
    assert answer.verdict is Verdict.YES
    assert not answer.bottom_line.text.startswith("However")
    assert answer.bottom_line.passage_ids[0].startswith("ngc:10290#")
    # ("taken" frames what a part asks: a sentence on how long antibiotics are taken does not say when to sample)
    sample = "Should pregnant women be screened for bacteriuria, and when should the sample be taken?"
    taken = [Bullet("Screening pregnant women for bacteriuria is recommended; antibiotics should be taken for 7 days.",
                    (1,))]
    assert unmentioned_parts(sample, taken) == ["when should the sample be taken"]
