"""Patients' questions in their own words: frame words carry no topic, a polite request for what to do is
not a yes/no question, and a health page's self-care advice answers it. Questions from K-QA
(`../shared/data/benchmarks/medlfqa/MedLFQA/kqa_golden_test_MedLFQA.jsonl`); texts from the shared corpora:
MedlinePlus *Sore Throat* (medquad:MPlusHealthTopics:0000833) and NINDS *Glossopharyngeal Neuralgia*
(medquad:NINDS:0000140)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.assemble import Asks, choose_bottom, defines
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.cues import META_CUE
from curbside.answer.questions import QuestionInfo, analyse, is_yes_no
from curbside.answer.terms import Terms, TermStats
from curbside.answer.text import stem
from curbside.answer.themes import names_intervention, primary_theme
from curbside.records import Audience, Kind
from tests.answer.realtext import text_hit

SORE_THROAT = (
    "Your throat is a tube that carries food to your esophagus and air to your windpipe and larynx (also called the "
    "voice box). The technical name for the throat is pharynx.\nYou can have a sore throat for many reasons. Often, "
    "colds and flu cause sore throats. Other causes can include:\n- Allergies\n- Mononucleosis\n- Smoking\n"
    "- Strep throat\n- Tonsillitis - an infection in the tonsils\nTreatment depends on the cause. Sucking on "
    "lozenges, drinking lots of liquids, and gargling may ease the pain. Over-the-counter pain relievers can also "
    "help, but children should not take aspirin.")
GN_TREATMENT = (
    "Most doctors will attempt to treat the pain first with drugs. Some individuals respond well to anticonvulsant "
    "drugs, such as carbamazepine and gabapentin. Surgical options, including nerve resection, tractotomy, or "
    "microvascular decompression, should be considered when individuals either don't respond to, or stop "
    "responding to, drug therapy. Surgery is usually successful at ending the cycles of pain, although there may be "
    "some sensory loss in the mouth, throat, or tongue.")


@pytest.mark.parametrize(("question", "frame", "topic"), [
    ("Does metformin generally work pretty well?", {"pretty", "generally"}, "metformin"),
    ("I started taking lisinopril yesterday. Should my blood pressure be normal by now?", {"yesterday"},
     "lisinopril"),
    ("Is there anything youd recommend for the throat pain", {"youd"}, "throat"),
    ("I have gout and my doctor told me to take colchicine, how should I take it?", {"told"}, "colchicine"),
    ("If it was Bv wouldnt the metrogel have worked?", {"wouldnt"}, "metrogel"),
    ("My 3-year-old had an ear infection and the doctor says there's still fluid behind both eardrums.",
     {"there's", "both"}, "eardrums"),
])
def test_a_patients_frame_words_are_not_what_the_question_is_about(question: str, frame: set[str],
                                                                   topic: str) -> None:
    # ("pretty" had been the rarest word of the metformin question, so its key term: the answer was a sentence on
    # activities of daily living from a guideline on bathing persons with dementia)
    weights = TermStats().terms(analyse(question)).weights
    assert not {stem(w) for w in frame} & set(weights)
    assert stem(topic) in weights


@pytest.mark.parametrize("question", [
    "Is there anything youd recommend for the throat pain",
    "Is there anything I can do about feeling like Im going to pass out?",
    "Is there any kind of medication you can prescribe in the meantime to help reduce my sweating ?",
    "Can you suggest something in addition that is natural that could help with anxiety?",
    "Would you recommend something a bit stronger than meloxicam?",
])
def test_a_polite_request_for_what_to_do_is_not_a_yes_no_question(question: str) -> None:
    info = analyse(question)
    assert not info.yes_no and "treatment" in info.intents


def test_questions_that_are_yes_no_stay_so() -> None:
    assert is_yes_no("Is there a way to distinguish COVID-19 clinically from other respiratory illnesses, "
                     "particularly influenza?")  # (a BioASQ yes/no question)
    assert is_yes_no("Is there anti nausea medication that can be taken to allow fluids to stay down?")
    assert is_yes_no("Is it safe to take zyrtec / Claritin while breastfeeding?")


def test_self_care_a_health_page_names_is_treatment() -> None:
    eases = "Sucking on lozenges, drinking lots of liquids, and gargling may ease the pain."
    assert primary_theme(eases) == "treatment" and names_intervention(eases)
    assert primary_theme("Your health care provider may recommend pain relievers.") == "drugs"
    # (what a symptom comes with is not what eases it)
    assert primary_theme("Signs and symptoms of laryngeal cancer include a sore throat and ear pain.") != "treatment"


class _Weighted(TermStats):
    """The question's term weights as the shared corpora give them ("recommend" is common, "throat" rare)."""

    def terms(self, info: QuestionInfo, context_terms: Sequence[str] = ()) -> Terms:
        return Terms({"recommend": 1.04, "throat": 6.0, "pain": 2.83})


def test_a_health_page_on_the_complaint_answers_what_helps_it_though_its_sentence_does_not_repeat_it() -> None:
    question = "Is there anything youd recommend for the throat pain"
    page = text_hit("medquad:MPlusHealthTopics:0000833#0", "Sore Throat", "What is (are) Sore Throat ?",
                    SORE_THROAT, kind=Kind.CONSUMER)
    other = text_hit("medquad:NINDS:0000140#1", "Glossopharyngeal Neuralgia",
                     "What are the treatments for Glossopharyngeal Neuralgia ?", GN_TREATMENT, kind=Kind.CONSUMER)
    draft = ExtractiveGenerator(_Weighted()).generate(question, [other, page], Audience.PATIENT)
    # (it had led with surgery for a rare neuralgia: a recommendation on another page that does not name the throat)
    assert draft.bottom_line.text.startswith("Sucking on lozenges") and draft.verdict is None


def test_what_is_x_is_answered_by_a_sentence_that_says_what_x_is() -> None:
    asks = Asks.of("What is sarcoidosis?")
    lupus = text_hit("medquad:GARD:sarcoid#3", "Sarcoidosis", "Symptoms",
                     "Lupus pernio is a serious skin condition that sarcoidosis may cause.", kind=Kind.CONSUMER)
    disease = text_hit("medquad:MPlusHealthTopics:sarcoid#0", "Sarcoidosis", "What is (are) Sarcoidosis ?",
                       "Sarcoidosis is a disease that leads to inflammation, usually in your lungs, skin, or lymph "
                       "nodes.", kind=Kind.CONSUMER)
    other, itself = extract([lupus, disease])
    assert defines(itself, asks) and not defines(other, asks)
    for c in (other, itself):
        c.relevance, c.score, c.primary = 1.0, 1.0, "definition"
    other.score = 1.3  # (the passage search ranked it first)
    assert choose_bottom([other, itself], False, ("definition",), asks) is itself
    # "What is the treatment for scabies?" asks how it is treated, not what it is
    assert choose_bottom([other, itself], False, ("definition", "treatment"), asks) is other
    assert analyse("What exactly is cervical radiculopathy?").intents == ("definition",)
    assert analyse("Whats a cluster headache?").intents == ("definition",)


def test_emergency_advice_and_a_case_without_red_flags_do_not_ask_when_to_escalate() -> None:
    assert not Asks.of("What sick-day and emergency advice should the patient get?").escalate
    assert not Asks.of("A 6-year-old with a wet cough, no red-flag features and a normal exam: which antibiotic?"
                       ).escalate
    assert Asks.of("What are the red flags in low back pain?").escalate
    assert Asks.of("When is chest pain an emergency?").escalate


def test_an_effective_method_is_a_treatment_and_a_sections_contents_are_not_an_answer() -> None:
    assert primary_theme("IUDs are an effective method of emergency contraception and should be made available to "
                         "women seeking emergency contraception.") == "treatment"
    assert META_CUE.search("Each contraceptive method section generally includes information about initiation of "
                           "the method, regular follow-up, and management of problems with use.")


def test_a_glossary_row_is_not_an_answer() -> None:
    # (it had been the bottom line for hepatitis B prophylaxis before R-CHOP, under a verdict of No)
    assert META_CUE.search("DA-EPOCH-R, dose-adjusted etoposide, prednisone, vincristine, cyclophosphamide, "
                           "doxorubicin and rituximab.")
    assert not META_CUE.search("HIV, hepatitis B and hepatitis C should be screened for.")
    assert not META_CUE.search("Here, we show that the elephant genome encodes 20 copies of the tumor suppressor "
                               "gene TP53.")
