"""Rules check43's blind read led to (session 26), on the knowledge base's own sentences (NICE's atrial fibrillation
and suspected cancer guidelines, USPSTF's atrial fibrillation statement, ACR's follow-up imaging of treated
aneurysms): advice for people presenting with symptoms is not about screening those without, a state's negation is
another population ("unruptured" for a ruptured aneurysm), weight loss told in kilograms is weight loss, and a
sentence that names the question's disease only among others is a weaker bottom line than one about it."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.generators.extractive.assemble import Asks, choose_bottom
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.guideline_vote import sets_aside
from curbside.answer.generators.extractive.verdict import decide
from curbside.answer.patient_facts import states
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, asks_between, is_yes_no
from curbside.answer.scenarios import other_symptom_state, symptom_state
from curbside.answer.synonyms import alternatives
from curbside.answer.terms import CHATTER, Terms, TermStats, _example_terms, _patient_clause_terms, phrasal_terms
from curbside.answer.text import stem
from curbside.answer.vignette import case_terms
from curbside.records import Kind, Verdict
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.answer.realtext import ranked, text_hit

AF_SCREENING = ("Should I be screening my patients aged 50 and over for atrial fibrillation, with an ECG or a pulse "
                "check on a smartwatch, even when they have no palpitations or other symptoms?")
NICE_AF = "Atrial fibrillation: the management of atrial fibrillation."
PALPATION = ("Perform manual pulse palpation to assess for the presence of an irregular pulse that may indicate "
             "underlying atrial fibrillation (AF) in people presenting with any of the following: "
             "breathlessness/dyspnoea; palpitations; syncope/dizziness; chest discomfort; stroke/transient ischaemic "
             "attack.")
ECG = ("Perform an electrocardiogram (ECG) in all people, whether symptomatic or not, in whom AF is suspected because "
       "an irregular pulse has been detected.")
USPSTF = ("The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and harms "
          "of screening for atrial fibrillation.")


def test_no_palpitations_or_other_symptoms_is_a_patient_without_symptoms() -> None:
    assert symptom_state(AF_SCREENING) is False
    assert symptom_state("Should adults with no symptoms be screened for carotid stenosis?") is False
    assert symptom_state("Should I screen my patients for atrial fibrillation?") is None
    # (and what the question excludes weighs less: an answer for them need not name it)
    assert "palpitations" in _example_terms(AF_SCREENING)


def test_advice_for_people_presenting_with_symptoms_is_for_symptomatic_people() -> None:
    assert other_symptom_state(PALPATION, symptomatic=False) == "symptomatic"
    assert other_symptom_state(ECG, symptomatic=False) == ""  # ("whether symptomatic or not" is everyone)
    assert other_symptom_state(USPSTF, symptomatic=False) == ""
    assert other_symptom_state(PALPATION, symptomatic=None) == ""


def test_a_screening_statement_joins_when_what_says_most_is_for_a_narrower_population() -> None:
    palpation, uspstf = extract([
        text_hit("ngc:10473#9", NICE_AF, "Major Recommendations — Diagnosis and Assessment", PALPATION),
        text_hit("uspstf:89#0", "Atrial Fibrillation: Screening -- Asymptomatic adults", "Recommendation (Grade I)",
                 USPSTF)])
    # (NICE's sentence says most of the question's words, and is for people presenting with symptoms; USPSTF's says
    # fewer: below 0.6 of the best, it had not been read)
    palpation.relevance, palpation.score, palpation.narrower = 0.55, 0.9, ("symptomatic",)
    uspstf.relevance, uspstf.score = 0.30, 0.95
    for c in (palpation, uspstf):
        c.own, c.on_topic = c.relevance, True
    assert choose_bottom([palpation, uspstf], True) is uspstf
    palpation.narrower = ()
    assert choose_bottom([palpation, uspstf], True) is palpation


@pytest.mark.parametrize(("text", "found"), [
    ("ruptured anterior communicating artery aneurysm", {"ruptured": True}),
    ("In the case of patients with unruptured aneurysms that have been treated", {"ruptured": False}),
    ("both ruptured and unruptured aneurysms", {}),
    ("unprovoked femoral DVT", {"provoked": False}),
    ("inoperable or non-resectable disease", {"operable": False, "resectable": False}),
    ("an incomplete response", {}),
])
def test_a_state_and_its_negation(text: str, found: dict[str, bool]) -> None:
    assert states(text) == found


def test_a_sentence_about_the_negated_state_is_about_other_patients() -> None:
    scope = Scope.of("Should an 84-year-old woman with a ruptured anterior communicating artery aneurysm be offered "
                     "clipping or coiling?")
    assert "unruptured" in scope.narrower("In the case of patients with unruptured aneurysms that have been treated "
                                          "with flow diverters, DSA remains the study of choice.")
    assert "unruptured" not in scope.narrower("Flow diverters are very infrequently used in the treatment of ruptured "
                                              "aneurysms.")


PANCREAS = ("A 66-year-old man has lost 6 kg without trying and has just been found to have diabetes; he also mentions "
            "a dull backache but isn't jaundiced. Which symptoms in older adults should prompt urgent imaging or an "
            "urgent referral for possible pancreatic cancer, and does he qualify?")
NICE_CT = ("Consider an urgent direct access computed tomography (CT) scan (to be performed within 2 weeks), or an "
           "urgent ultrasound scan if CT is not available, to assess for pancreatic cancer in people aged 60 and over "
           "with weight loss and any of the following: diarrhoea; back pain; abdominal pain; nausea; vomiting; "
           "constipation; new-onset diabetes.")
NICE_WEIGHT = ("For people with unexplained weight loss, which is a symptom of several cancers including colorectal, "
               "gastro-oesophageal, lung, prostate, pancreatic and urological cancer: carry out an assessment for "
               "additional symptoms, signs or findings that may help to clarify which cancer is most likely; offer "
               "urgent investigation or a suspected cancer pathway referral (for an appointment within 2 weeks).")


def test_weight_lost_in_kilograms_is_weight_loss() -> None:
    assert not any("weight" in label for label in Scope.of(PANCREAS).narrower(NICE_CT))
    assert any("weight" in label for label in Scope.of(PANCREAS.replace("has lost 6 kg without trying and ", ""))
               .narrower(NICE_CT))


def test_a_disease_named_among_others_is_a_weaker_bottom_line() -> None:
    title = "Suspected cancer: recognition and referral."
    ct, weight = extract([text_hit("ngc:10742#14", title, "Major Recommendations", NICE_CT),
                          text_hit("ngc:10742#5", title, "Major Recommendations", NICE_WEIGHT)])
    for c, score in ((ct, 1.10), (weight, 1.15)):  # (NICE's general advice ranked first by a little)
        c.relevance, c.score, c.own, c.on_topic = 0.52, score, 0.4, True
    asks = Asks(escalate=True)  # ("… should prompt urgent imaging or an urgent referral …")
    weight.in_passing = True
    assert choose_bottom([ct, weight], False, ("diagnosis", "symptoms"), asks) is ct
    weight.in_passing = False
    assert choose_bottom([ct, weight], False, ("diagnosis", "symptoms"), asks) is weight


def test_what_else_names_nothing() -> None:
    assert {"else", "embarrassing"} <= CHATTER


GABAPENTIN = ("Is gabapentin worth trying for a 34-year-old woman with two years of chronic pelvic pain whose "
              "diagnostic laparoscopy showed no endometriosis or other pathology?")


def test_what_a_clause_tells_of_the_patient_is_not_what_the_question_is_about() -> None:
    # (rarer in the knowledge base than "gabapentin", "laparoscopy" had been the key: the bottom line was NICE's
    # advice to consider laparoscopy for suspected endometriosis, not the trial that found gabapentin ineffective)
    weights = {"gabapentin": 6.97, "chron": 2.99, "pelv": 4.93, "pain": 2.83, "diagnos": 3.33, "laparoscopy": 7.31,
               "endometriosi": 6.5, "patholog": 4.0}
    terms = Terms(weights, minor=frozenset(stem(t) for t in _patient_clause_terms(GABAPENTIN)) & set(weights))
    assert terms.key == "gabapentin"
    assert Terms(weights).key == "laparoscopy"
    assert "laparoscopy" in TermStats().terms(analyse(GABAPENTIN)).minor
    # (a word also said outside the clause stays a candidate: "… for a man who has gout, is allopurinol … for gout?")
    assert "gout" not in _patient_clause_terms("For a man who has gout, should allopurinol be started for his gout?")
    # (and the clause ends where the question goes on: "For a patient who has had a stroke, should we …")
    assert "aspirin" not in _patient_clause_terms("For a patient who has had a stroke, should we start aspirin?")
    assert "supplemental" not in _patient_clause_terms(
        "Should a 52-year-old woman at average risk whose screening mammogram was negative but reported "
        "heterogeneously dense breasts be offered supplemental breast ultrasound or MRI?")


def test_a_shot_in_a_muscle_is_intramuscular() -> None:
    # (check43: "Does she need intramuscular B12 injections or will high-dose tablets do …?" — NHLBI's page on
    # pernicious anaemia says "shots" and had no sentence on the question's topic)
    forms = alternatives(["intramuscular"])[stem("intramuscular")]
    assert frozenset({stem("shots")}) in forms
    assert frozenset({stem("injections")}) in forms


ANEURYSM = ("Should an 84-year-old woman with a ruptured anterior communicating artery aneurysm (WFNS grade II, fully "
            "independent beforehand) be offered clipping or coiling, or is conservative management more appropriate at "
            "her age?")


def test_which_of_two_courses_is_asked_between_them() -> None:
    assert asks_between(ANEURYSM) and not is_yes_no(ANEURYSM)
    assert not asks_between("Should an 84-year-old woman with a ruptured aneurysm be offered clipping?")
    assert not asks_between("What is the treatment of a ruptured aneurysm, or is it best left alone?")


@pytest.fixture(scope="module")
def aneurysm_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (ACR's follow-up imaging of treated aneurysms and PubMedQA's 1,000 abstracts)
    return guideline_kb(tmp_path_factory, ("ngc-11059.xml",), corpora=("pubmedqa/abstracts.jsonl",))


def test_a_study_comparing_the_two_courses_answers_in_its_conclusion(aneurysm_kb: Store) -> None:
    # (check43: ACR's advice on imaging unruptured aneurysms treated with flow diverters had led, the study of
    # repair against conservative care in patients over 80 a bullet below it)
    answer = ask(aneurysm_kb, Settings(kb=aneurysm_kb.path, retriever="lexical", offline=True), ANEURYSM, save=False)
    assert "we should not hesitate to offer the definitive surgery for the elderly" in answer.bottom_line.text
    assert answer.verdict is None


VITAMINS = ("Is it worth recommending a daily vitamin E or beta-carotene supplement to a healthy 55-year-old man who "
            "wants to cut his risk of heart disease and cancer?")
USPSTF_D = ("The USPSTF recommends against the use of beta carotene or vitamin E supplements for the prevention of "
            "cardiovascular disease or cancer.")
USPSTF_I = ("The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and "
            "harms of the use of single or paired nutrient supplements (other than beta carotene and vitamin E) for "
            "the prevention of cardiovascular disease or cancer.")


def test_heart_disease_is_named_by_cardiovascular_disease() -> None:
    # (check44: the USPSTF's statements on vitamin supplements were set aside as not about the question's disease)
    assert Scope.of(VITAMINS).names_topic(USPSTF_D)


def test_what_a_statement_sets_aside_is_not_what_it_speaks_of() -> None:
    assert sets_aside(USPSTF_I, VITAMINS)
    assert not sets_aside(USPSTF_D, VITAMINS)
    title = "Vitamin, mineral, and multivitamin supplements for the primary prevention of cardiovascular disease"
    against, insufficient = ranked(extract([
        text_hit("uspstf:84#0", title, "Recommendation (Grade D)", USPSTF_D),
        text_hit("ngc:10273#9", title, "Major Recommendations", USPSTF_I)]))
    assert decide(VITAMINS, [insufficient, against]).verdict is Verdict.NO


IVIG = ("Is intravenous immunoglobulin worth trying in a woman with anti-GAD-positive stiff-person syndrome whose "
        "spasms and falls continue despite high-dose diazepam?")


def test_a_health_page_sentence_not_on_the_subject_decides_nothing() -> None:
    cause = ("Scientists don't yet understand what causes SPS, but research indicates that it is the result of an "
             "autoimmune response gone awry in the brain and spinal cord.")
    [page] = ranked(extract([text_hit("medquad:NINDS:0000259#0", "Stiff-Person Syndrome", "What is SPS?", cause,
                                      kind=Kind.CONSUMER)]))
    assert decide(IVIG, [page]).verdict is Verdict.UNCERTAIN


HONEY = ("My mother-in-law keeps dipping our 4-month-old's dummy in honey to settle him, and now she wants to give him "
         "honey and lemon for his cough because \"it's natural and we always did it\". I've heard honey isn't safe for "
         "babies but she says that's nonsense. Who's right, and what would I need to watch out for?")


def test_a_question_about_what_was_just_said_asks_it() -> None:
    # (check44: every word of the story was the patient's, "watch" the key, "law" a word: the answer abstained with
    # the CDC's "Honey can contain the bacteria that causes infant botulism …" among the closest passages)
    assert "law" not in analyse(HONEY).terms
    assert stem("honey") not in case_terms(HONEY)
    assert stem("honey") in case_terms(HONEY.replace("Who's right, and w", "W"))
    assert "watch" in phrasal_terms(HONEY)
    assert {"nonsense", "heard"} <= CHATTER


def test_is_it_true_that_asks_what_follows() -> None:
    roaccutane = ("The dermatologist wants to put my 17 year old daughter on Roaccutane because her acne has left "
                  "scars and hasn't cleared with antibiotics. What blood tests will she need, does she really have to "
                  "be on contraception, and is it true it can cause depression?")
    assert stem("scars") in case_terms(roaccutane)  # (the story stays the patient's)
    assert stem("scars") in case_terms("My daughter is 17 and on Roaccutane. Her acne has left deep scars on her "
                                       "cheeks. Is it true it can cause depression?")
