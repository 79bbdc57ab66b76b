"""Questions as people type them, from the held-out set check19: contractions ("I'll", typed with either
apostrophe), a drug's form ("tablets like metformin"), the side of the body, two yes/no questions in one, and
what others recommend reported in a guideline ("Various organizations have recommended routine screening …", in
the USPSTF statement that finds the evidence insufficient)."""

from __future__ import annotations

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, is_yes_no
from curbside.answer.synonyms import alternatives
from curbside.answer.terms import TermStats
from curbside.answer.text import content_stems, stem, tokenize
from curbside.answer.themes import question_intents
from curbside.answer.vignette import case_terms
from curbside.records import Audience, Kind
from curbside.retrieve.lexical import LexicalRetriever
from curbside.retrieve.query import parse_query
from curbside.store import Store
from tests.answer.realtext import text_hit

PREDIABETES = ("My blood test showed I have prediabetes. Does that mean I'll definitely get diabetes, and should I be "
               "on tablets like metformin?")


@pytest.mark.parametrize("question", [
    "Does that mean I'll definitely get diabetes?",
    "Does that mean I\u2019ll definitely get diabetes?",  # (the apostrophe phones and word processors type)
    "We're worried: they've said she'd need surgery, haven't they?",
])
def test_contractions_are_not_what_a_question_asks_about(question: str) -> None:
    terms = parse_query(question).terms
    assert not any("'" in t or t in ("ll", "re", "ve", "d") for t in terms), terms
    assert not any("'" in s for s in content_stems(question))


def test_a_typographic_apostrophe_still_splits_a_possessive() -> None:
    # (BioASQ "What are features of the Mackler’s Triad?": the knowledge base says "Mackler triad")
    assert parse_query("What are features of the Mackler\u2019s Triad?").terms[:2] == ("features", "mackler")


def test_a_drugs_form_is_not_the_key_term() -> None:
    # (without a store every word weighs by its length: "tablets" would outweigh "gout")
    assert TermStats().terms(analyse("Should I take tablets for gout?")).key == stem("gout")
    assert TermStats().terms(analyse(PREDIABETES)).key == stem("prediabetes")
    # (nor how a treatment is chosen: "empirical antibiotics" for a newborn with sepsis are about sepsis)
    assert TermStats().terms(analyse("Which empirical drugs for neonatal sepsis?")).key == stem("neonatal")


def test_whether_something_is_worth_it_asks_about_the_thing() -> None:
    terms = TermStats().terms(analyse("Measurement of head and neck paragangliomas: is volumetric analysis worth "
                                      "the effort?"))
    assert stem("worth") not in terms.weights and stem("paragangliomas") in terms.weights
    assert stem("gp") not in TermStats().terms(analyse("My GP wants to start me on sertraline. Is it safe?")).weights


def test_the_side_of_the_body_is_a_detail_of_the_case() -> None:
    shoulder = ("52-year-old painter with 3 months of right lateral shoulder pain, worse at night. Should I order an "
                "MRI or give a subacromial steroid injection?")
    assert "right" in case_terms(shoulder)
    nosebleeds = ("My dad is 76 and on warfarin, and he keeps getting nosebleeds. What's the right way to stop one at "
                  "home?")
    assert "right" not in case_terms(nosebleeds)


@pytest.mark.parametrize(("question", "yes_no"), [
    # two yes/no questions in one get no single verdict
    (PREDIABETES, False),
    ("Should my 12-year-old son have the HPV jab? I thought it was only for girls, and is it safe?", False),
    ("Is low-dose vaginal oestrogen appropriate, and does she need a progestogen since she has a uterus?", False),
    ("Do statins reduce mortality in breast cancer?", True),
    # (a claim put as a question, then the question: one question)
    ("Suturing of the nasal septum after septoplasty, is it an effective alternative to nasal packing?", True),
    # asking whether there are tablets to take asks which
    ("I get cold sores on my lip every few weeks and they're really getting me down. Are there tablets I can take to "
     "stop them coming back?", False),
    ("Are there exercises to help my knee?", False),
    ("Is there any treatment for the Facioscapulohumeral Muscular Dystrophy?", True),
    ("Is there a way to tell COVID-19 from influenza?", True),
])
def test_which_questions_a_yes_or_no_answers(question: str, yes_no: bool) -> None:
    assert is_yes_no(question) is yes_no


def test_what_others_recommend_is_not_the_documents_advice() -> None:
    hit = text_hit("ngc:11319#13", "Final recommendation statement: adolescent idiopathic scoliosis: screening.",
                   "Major Recommendations — Suggestions for Practice Regarding the I Statement",
                   "Various organizations have recommended routine screening for scoliosis in children and adolescents "
                   "since the 1980s. U.S. organizations that advocate screening recommend the forward bend test "
                   "combined with scoliometer measurement. The USPSTF recommends that clinicians screen adults for "
                   "obesity in primary care settings.", kind=Kind.GUIDELINE)
    found = {c.text.split()[0]: c.recommendation for c in extract([hit])}
    assert found == {"Various": False, "U.S.": False, "The": True}


def test_a_remark_that_recommends_is_advice() -> None:
    # (ACCP, symptom management in lung cancer: the starting dose of morphine is given as a "Remark")
    hit = text_hit("ngc:9887#25", "Symptom management in patients with lung cancer.", "Major Recommendations — Pain "
                   "Control", "Remark: The recommended starting dose is oral morphine 30 mg/24 h in patients not "
                   "previously treated with opioids, and 60 mg/24 h in those already taking an opioid at step 2 of the "
                   "WHO ladder.", kind=Kind.GUIDELINE)
    found = extract([hit])[0]
    assert found.text.startswith("The recommended starting dose is oral morphine 30 mg/24 h")
    assert found.recommendation and not found.meta
    # (a remark that weighs values is still the reasoning behind a recommendation)
    values = text_hit("ngc:1#2", "Antithrombotic therapy for VTE disease.", "Recommendations", "Remarks: Patients who "
                      "place a high value on avoiding the inconvenience of injections may reasonably choose otherwise.")
    assert extract([values])[0].meta


def test_a_case_asks_about_the_disease_its_question_names() -> None:
    iih = ("26-year-old woman with a BMI of 38 has two months of daily headaches and transient visual obscurations; "
           "she has bilateral papilloedema and a normal MRI brain. How should her idiopathic intracranial hypertension "
           "be treated, and when is surgery needed?")
    scope = Scope.of(iih)
    assert scope.names_topic("Idiopathic intracranial hypertension")
    assert not scope.names_topic("Diagnosis and treatment of headache")
    # (a kind of the disease asked about stays the case's: prediabetes with diabetes)
    assert Scope.of(PREDIABETES).names_topic("Insulin resistance and prediabetes")
    assert Scope.of("Does metformin prevent diabetes in prediabetes?").names_topic("Headache and diabetes")


@pytest.mark.parametrize(("lay", "clinical"), [
    ("an LP opening pressure of 34", "lumbar puncture"),
    ("normal liquor and no previous uterine surgery", "amniotic fluid"),
    ("a flat spot on the back of her head", "plagiocephaly"),
])
def test_words_for_the_same_thing_cover_each_other(lay: str, clinical: str) -> None:
    wordings = alternatives(tokenize(lay))
    assert any(form <= frozenset(content_stems(clinical)) for forms in wordings.values() for form in forms), wordings


def test_search_adds_the_clinical_words(store: Store) -> None:
    retriever = LexicalRetriever(store)
    assert "lumbar puncture" in retriever.parse("an LP opening pressure of 34 cmH2O").expansions
    assert "plagiocephaly" in retriever.parse("Our baby has a flat spot on the back of her head").expansions


@pytest.mark.parametrize(("question", "prognosis"), [
    ("Does he need a CT head now, or can he be observed, and for how long?", False),
    ("How long should anticoagulation continue after a provoked DVT?", False),
    ("How long will my cold last?", True),
    ("How long does it take to recover from a concussion?", True),
])
def test_how_long_to_do_something_is_not_the_outlook(question: str, prognosis: bool) -> None:
    assert ("prognosis" in question_intents(question)) is prognosis


def test_what_else_the_same_thing_does_joins_the_bottom_line() -> None:
    # (MedlinePlus, "Cold Sores": the second sentence is what the patient asked)
    page = text_hit("medquad:MPlusHealthTopics:0000214#1", "Cold Sores", "Summary",
                    "Cold sores usually go away on their own. Antiviral medicines can help them heal faster. They can "
                    "also help to prevent cold sores in people who often get them.", kind=Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("Which antiviral medicines help cold sores?", [page], Audience.CLINICIAN)
    assert draft.bottom_line.text == ("Antiviral medicines can help them heal faster. They can also help to prevent "
                                      "cold sores in people who often get them.")


def test_a_list_item_out_of_its_list_is_a_fragment() -> None:
    # (its lead-in, "… offer chemoprophylaxis to people who:", ended the passage before)
    hit = text_hit("ngc:1#3", "Meningococcal disease.", "Recommendations",
                   "- Have impaired immune systems because of illness or drugs.\n"
                   "Offer chemoprophylaxis to household contacts as soon as possible.")
    found = {c.text: c.fragment for c in extract([hit])}
    assert found == {"Have impaired immune systems because of illness or drugs.": True,
                     "Offer chemoprophylaxis to household contacts as soon as possible.": False}


def test_what_a_guidelines_grades_mean_is_not_a_recommendation() -> None:
    # (ACEP's TIA policy: the definitions under "Strength of Recommendations" had led the ABCD2 question)
    hit = text_hit("ngc:11066#11", "Clinical policy: suspected transient ischemic attack.",
                   "Major Recommendations — Strength of Recommendation",
                   "Level A recommendations. Generally accepted principles for patient care that reflect a high degree "
                   "of clinical certainty (i.e., based on evidence from 1 or more Class of Evidence I studies).")
    assert all(c.meta for c in extract([hit]))
    advice = text_hit("ngc:11066#6", "Clinical policy: suspected transient ischemic attack.", "Major Recommendations",
                      "In adult patients with suspected TIA, do not rely on current existing risk stratification "
                      "instruments to identify TIA patients who can be safely discharged from the ED.")
    assert not any(c.meta for c in extract([advice]))
