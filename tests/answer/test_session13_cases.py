"""Cases from the held-out set check20 read again in session 13: a criterion of a list joined in capitals is
not a sentence of its own, and frame words ("reasonable", "is there any point", "already tried") are not what a
question is about."""

from __future__ import annotations

from pathlib import Path

from curbside.answer import ask
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.assemble import Asks
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.cues import RECOMMENDATION_CUE
from curbside.answer.generators.extractive.guideline_vote import recommendation_polarity
from curbside.answer.generators.extractive.verdict import decide
from curbside.answer.patient_facts import patient_has
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, is_yes_no
from curbside.answer.terms import TermStats
from curbside.answer.text import stem
from curbside.answer.themes import question_intents
from curbside.ingest import ingest_documents
from curbside.records import Audience, Document, Kind, Section, Verdict
from curbside.retrieve.query import parse_query
from curbside.sentences import sentences
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.realtext import text_hit


def test_a_criterion_joined_in_capitals_is_a_fragment() -> None:
    # (WA L&I's cauda equina criteria: "AND this has been done (if recommended)" had led an answer)
    hit = text_hit("ngc:10442#6", "Work-related acute cauda equina syndrome (CES) diagnosis and treatment.",
                   "Major Recommendations",
                   "Urgent referral for surgical decompression is indicated when criteria are met.\n"
                   "AND this has been done (if recommended).\n"
                   "OR Computed tomography (CT) may provide useful information when MRI cannot be done.")
    found = {c.text: c.fragment for c in extract([hit])}
    assert found["Urgent referral for surgical decompression is indicated when criteria are met."] is False
    assert [fragment for text, fragment in found.items() if text.startswith(("AND ", "OR "))] == [True, True]
    # (a sentence that merely starts with the word is not one: "And", "Or" in running text)
    plain = text_hit("ngc:1#1", "Guideline.", "Recommendations", "Or offer a pessary to women with prolapse.")
    assert not any(c.fragment for c in extract([plain]))


def test_frame_words_are_not_what_a_question_is_about() -> None:
    assert parse_query("Would digoxin be reasonable after falling onto her abdomen?").terms == (
        "digoxin", "falling", "abdomen")
    weights = TermStats().terms(analyse("Is there any point in the shingles vaccine if I've already had shingles, "
                                        "and what should be tried first?")).weights
    assert set(weights) == {stem("shingles"), stem("vaccine"), stem("first")}
    weights = TermStats().terms(analyse("What is the likely diagnosis, and how long should the person be observed "
                                        "afterwards?")).weights
    assert set(weights) == {stem("diagnosis"), stem("long"), stem("person"), stem("observed")}


def test_a_regimen_is_asked_about_a_drug() -> None:
    assert "drugs" in question_intents("Is methotrexate appropriate, what regimen, and how should she be followed up?")


ECTOPIC = ("29-year-old, haemodynamically stable, with an unruptured 2.5 cm tubal ectopic pregnancy, no fetal "
           "heartbeat and a serum hCG of 1,800 IU/L. Is methotrexate appropriate, what regimen, and how should she be "
           "followed up?")


def test_a_case_asking_about_a_drug_is_not_answered_by_how_its_disease_is_diagnosed() -> None:
    # (check18: ACR's imaging criteria had answered it; the knowledge base has no methotrexate regimen)
    hit = text_hit("ngc:10920#12", "ACR Appropriateness Criteria® acute pelvic pain in the reproductive age group.",
                   "Major Recommendations",
                   "The absence of an intrauterine pregnancy when the β-hCG level is above the discriminatory zone of "
                   "3510 mIU/mL should be strongly suggestive of an ectopic pregnancy.")
    other = text_hit("ngc:10921#3", "ACR Appropriateness Criteria® first trimester vaginal bleeding.",
                     "Major Recommendations",
                     "Given the potential for inappropriate management with methotrexate or surgical intervention, the "
                     "diagnosis of ectopic pregnancy should generally be based on positive findings and not solely on "
                     "the absence of an IUP. For a hemodynamically stable patient with no sonographic evidence of an "
                     "IUP or ectopic pregnancy, management decisions should generally not be made based on a single "
                     "hCG level.")
    draft = ExtractiveGenerator().generate(ECTOPIC, [hit, other], Audience.CLINICIAN)
    assert draft.insufficient and draft.notes[0].startswith("insufficient evidence: no evidence sentence speaks")
    advice = text_hit("ngc:1#1", "Medical management of tubal ectopic pregnancy.", "Major Recommendations",
                      "Offer systemic methotrexate to women with an unruptured tubal ectopic pregnancy, no fetal "
                      "heartbeat and a serum hCG level below 1,500 IU/L.")
    assert not ExtractiveGenerator().generate(ECTOPIC, [hit, other, advice], Audience.CLINICIAN).insufficient


BREECH = ("31-year-old primigravida at 36+3 weeks has an uncomplicated singleton breech presentation confirmed on "
          "scan, normal liquor and no previous uterine surgery. Should she be offered external cephalic version, and "
          "what are the options if it fails?")


def test_a_pregnancy_told_as_a_case_is_care_in_pregnancy() -> None:
    assert Scope.of(BREECH).pregnant
    assert Scope.of("A 26-year-old RhD-negative woman, 24 weeks pregnant, fell onto her abdomen. Does she need "
                    "anti-D immunoglobulin?").pregnant
    # (what only a pregnancy has is pregnancy care: induction of labour after a failed version is not advice for
    # everyone else)
    assert not Scope.of(BREECH).outside_pregnancy(
        "Induction of labour. If external cephalic version is unsuccessful, declined or contraindicated, induction "
        "of labour is not generally recommended.")


def test_the_baby_in_pregnancy_care_is_not_another_age_group() -> None:
    # (NICE: "… should be offered CS because it reduces perinatal mortality and neonatal morbidity" had been read as
    # advice for children, for a 31-year-old; BCSH's anti-D guideline is titled for "the fetus and newborn")
    scope = Scope.of(BREECH)
    assert not scope.conflicts("Pregnant women with a singleton breech presentation at term should be offered CS "
                               "because it reduces perinatal mortality and neonatal morbidity.")
    assert not scope.conflicts("BCSH guideline for the use of anti-D immunoglobulin for the prevention of haemolytic "
                               "disease of the fetus and newborn.")
    assert scope.conflicts("Neonates with jaundice should have their bilirubin measured within 6 hours.")


def test_a_wh_question_after_the_patient_it_is_about_is_not_yes_no() -> None:
    # (check21: "Verdict: No" had been printed over the choice between a beta-blocker and band ligation)
    assert not is_yes_no("For a patient with compensated cirrhosis and medium-sized oesophageal varices that have "
                         "never bled, what is the best option to prevent a first variceal bleed: a non-selective "
                         "beta-blocker or band ligation?")
    assert is_yes_no("In adults with hypertension, does salt restriction reduce blood pressure?")
    assert is_yes_no("For patients with AF, is warfarin better than aspirin?")
    # (two yes/no questions in one, the second about "the" thing: one verdict cannot answer both)
    assert not is_yes_no("Does he still need blood and urine tests, and can the lumbar puncture be skipped?")
    assert is_yes_no("In twin-twin transfusion syndrome, are the twins identical?")


def test_a_recommendation_for_a_situation_the_question_does_not_name_does_not_vote() -> None:
    # (check21: NICE's hypernatraemia row had made "Should hypotonic fluids … be used for routine maintenance …?"
    # *Uncertain*, "the guidelines' recommendations differ by group or setting")
    question = ("Should hypotonic fluids such as 0.18% sodium chloride with 4% glucose be used for routine maintenance "
                "IV fluids in hospitalised children?")
    nice = text_hit("ngc:10872#18", "Intravenous fluid therapy in children and young people in hospital.",
                    "Major Recommendations",
                    "If hypernatraemia develops in term neonates, children and young people, review the fluid status "
                    "and take action as follows: if there is no evidence of dehydration and an isotonic fluid is "
                    "being used for routine maintenance, consider changing to a hypotonic fluid (for example, 0.18% "
                    "sodium chloride with 4% glucose) in hospitalised children.")
    cps = text_hit("ngc:9957#10", "Recommendations for maintenance intravenous fluids in hospitalised children.",
                   "Major Recommendations",
                   "Hypotonic IV fluids containing <0.45% NaCl should not be used to provide routine fluid "
                   "maintenance in hospitalised children and should not be generally available on paediatric wards.")
    found = ExtractiveGenerator().candidates(question, [nice, cps], Audience.CLINICIAN)
    assert decide(question, found).verdict is Verdict.NO


SPERM = ("Should sperm banking be offered to a 17-year-old boy with newly diagnosed Hodgkin lymphoma before he starts "
         "chemotherapy?")


def test_a_patients_cancer_is_answered_by_advice_for_cancers_when_nothing_on_it_says_what_was_asked(
        tmp_path: Path) -> None:
    # (check21: lymphoma guidelines filled the evidence and none says "sperm banking"; ASCO's fertility preservation
    # "for patients with cancer" does, and was never searched for)
    assert patient_has(SPERM) and not patient_has(
        "Should primary care clinicians perform routine whole-body skin examinations to screen for skin cancer?")
    lymphoma = [Document(id=f"ngc:{n}", kind=Kind.GUIDELINE, source="test", year=2016, issuer="NICE",
                         title="Hodgkin lymphoma: diagnosis and management.",
                         sections=(Section("Major Recommendations", f"Offer chemotherapy regimen {n} to people with "
                                           "newly diagnosed Hodgkin lymphoma; a 17-year-old boy starts it as an "
                                           "adult does."),))
                for n in range(1, 41)]
    asco = Document(id="ngc:10026", kind=Kind.GUIDELINE, source="test", year=2013, issuer="ASCO",
                    title="Fertility preservation for patients with cancer: ASCO clinical practice guideline update.",
                    sections=(Section("Major Recommendations — What Is the Quality of Evidence Supporting Options for "
                                      "Preservation of Fertility in Males?",
                                      "Sperm cryopreservation is effective, and health care providers should "
                                      "discuss sperm banking with postpubertal males receiving cancer treatment. "
                                      "It is strongly recommended that sperm be collected before initiation of "
                                      "chemotherapy."),))
    with Store.open(tmp_path / "kb.sqlite") as store:
        ingest_documents(store, [*lymphoma, asco])
        settings = Settings(kb=tmp_path / "kb.sqlite", retriever="lexical", offline=True)
        answer = ask(store, settings, SPERM, save=False, live=False)
    assert not answer.insufficient
    assert answer.verdict is Verdict.YES
    assert any(r.document_id == "ngc:10026" for r in answer.references)


def test_should_not_dissuade_is_do_it() -> None:
    assert recommendation_polarity("These concerns should not dissuade patients from banking sperm.") is Verdict.YES


def test_the_condition_a_single_patient_is_treated_for_qualifies_the_question() -> None:
    # (check21: "… depression … in an adult who is having treatment for cancer" had led with the VA's advice for young
    # adults on antidepressants; the cancer-depression guideline now leads)
    assert Scope.of("How should depression be managed in an adult who is having treatment for cancer, and when "
                    "should an antidepressant be started?").qualifier == stem("cancer")
    assert Scope.of("What empirical antibiotic should be started in an adult with febrile neutropenia after "
                    "chemotherapy?").qualifier == ""


def test_weeks_with_a_first_baby_is_pregnancy_and_its_care_is_hers() -> None:
    # (check21: "I'm 41 weeks with my first baby …" had read NICE's "Women should be offered induction of labour
    # between 41+0 and 42+0 weeks …" as advice for a narrower group)
    question = ("I'm 41 weeks with my first baby and everything's been normal. The midwife wants to book me in to be "
                "induced. Is it really necessary?")
    scope = Scope.of(question)
    assert scope.pregnant and not scope.narrower(
        "Women should be offered induction of labour between 41+0 and 42+0 weeks as this intervention may reduce "
        "perinatal mortality and meconium aspiration syndrome without increasing the Caesarean section rate.")


def test_a_sentence_about_this_information_refers_back() -> None:
    hit = text_hit("ngc:10625#19", "Intrapartum care.", "Recommendations",
                   "Ask the woman about her plans for labour. Use this information to support and guide her through "
                   "her labour.")
    found = {c.text: c.dangling for c in extract([hit])}
    assert found == {"Ask the woman about her plans for labour.": False,
                     "Use this information to support and guide her through her labour.": True}


def test_a_grade_alone_at_the_end_of_a_line_belongs_to_the_sentence_before() -> None:
    # (check22: AASM's "(Strong)" after Recommendation 2 had opened Recommendation 5, a "suggests", as if strong)
    text = ("Recommendation 2: The TF recommends that polysomnography be used for the diagnosis of OSA. (Strong)\n"
            "Diagnosis of OSA Using a Split-Night Protocol Recommendation 5: The TF suggests that a split-night "
            "protocol be used.")
    assert sentences(text) == [
        "Recommendation 2: The TF recommends that polysomnography be used for the diagnosis of OSA. (Strong)",
        "Diagnosis of OSA Using a Split-Night Protocol Recommendation 5: The TF suggests that a split-night protocol "
        "be used."]
    # (a strength label that opens its own line's advice stays with it: VA/DoD's "( Weak for ) …")
    assert sentences("First sentence. ( Weak for ) Offer CBT for insomnia.") == [
        "First sentence.", "( Weak for ) Offer CBT for insomnia."]


def test_a_do_not_that_answers_what_a_part_asks_leads() -> None:
    # (check22: "… does he need a bisphosphonate routinely?" had led with dexamethasone for hormone-relapsed disease;
    # NICE's "Do not routinely offer bisphosphonates …" was penalised as a pitfall and was not a recommendation)
    question = ("A man with non-metastatic prostate cancer is starting long-term androgen deprivation therapy. What "
                "should be done to protect his bones – does he need a bisphosphonate routinely?")
    title = "Prostate cancer: diagnosis and treatment."
    hits = [text_hit("ngc:10205#31", title, "Major Recommendations",
                     "Do not routinely offer bisphosphonates to prevent osteoporosis in men with prostate cancer "
                     "having androgen deprivation therapy. Offer bisphosphonates to men who are having androgen "
                     "deprivation therapy and have osteoporosis."),
            text_hit("ngc:10205#36", title, "Major Recommendations",
                     "Offer a corticosteroid such as dexamethasone (0.5 mg daily) as third-line hormonal therapy after "
                     "androgen deprivation therapy and anti-androgen therapy to men with hormone-relapsed prostate "
                     "cancer.")]
    draft = ExtractiveGenerator().generate(question, hits, Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Do not routinely offer bisphosphonates")
    # ("Do not offer …" is a recommendation; the part asks whether he needs a bisphosphonate routinely)
    assert RECOMMENDATION_CUE.search("Do not routinely offer bisphosphonates to prevent osteoporosis.")
    assert frozenset({stem("bisphosphonate"), stem("routinely")}) in Asks.of(question).whether
