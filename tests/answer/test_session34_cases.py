"""Session 34. A worried relative's message typed without a question mark still asks at its end; lay and clinical
wordings of seizures, wind and stab wounds are one; "there is no treatment" answers "is there any treatment"; and a
question that names a health page — by its rarest word or the one disease it names — is answered from that page at a
lower closeness in meaning when nothing else is close (on the packaged MiniLM weights)."""

from __future__ import annotations

import pytest

from curbside.answer.gaps import unmentioned_parts
from curbside.answer.generators.extractive.assemble import says_what_to_do
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.cues import DANGLING
from curbside.answer.lexicon import disease_mentions
from curbside.answer.questions import analyse
from curbside.answer.synonyms import mentioned
from curbside.answer.terms import TermStats
from curbside.answer.text import content_stems, stem, tokenize
from curbside.answer.vignette import asking, case_of, part_texts
from curbside.embed.minilm import MINILM_PACKAGE
from curbside.records import Audience, Document, Hit, Kind, Passage, Section
from curbside.store import Store
from tests.answer.guideline_kb import ask_offline, guideline_kb
from tests.conftest import needs_weights

TODD = ("my son is 9 and has epilepsy. yesterday after one of his fits his right arm and leg went all floppy and weak "
        "and he couldnt talk properly for hours, we honestly thought he was having a stroke!! the hospital called it "
        "todds and said it would wear off. hes back to normal this morning. how long can it last, is there any "
        "treatment for it, and how will we know next time that its not a stroke")
TYPHOID = ("my husband is a chef and got typhoid on our trip to see family in pakistan, he was in hospital here 4 days "
           "on antibiotics and feels totally fine now. hes going stir crazy and wants to go back to work at the "
           "restaurant next week, is that ok?? hes still got a few days of tablets left, can he just stop them if hes "
           "better. could he give it to me or the kids")
TYPHOID_PAGE = "medquad/9_CDC_QA/0000419.xml"  # CDC, *Typhoid Fever*
HERPES_PAGE = "medquad/4_MPlus_Health_Topics_QA/0000467.xml"  # MedlinePlus, *Herpes Simplex*


def test_a_message_without_a_question_mark_asks_in_its_last_sentences() -> None:
    assert asking(TODD) == ("how long can it last, is there any treatment for it, and how will we know next time that "
                            "its not a stroke")
    assert case_of(TODD).startswith("my son is 9 and has epilepsy.")
    # (so the child's age is not a part the answer is told it leaves out)
    assert part_texts(TODD) == ("how long can it last", "is there any treatment for it",
                                "how will we know next time that its not a stroke")
    assert not any("my son" in part for part in unmentioned_parts(TODD, []))


@pytest.mark.parametrize("text", [
    "What is the treatment for scabies",  # (one sentence: nothing to split)
    "my mum has shingles. she is in pain",  # (nothing asked at its end: all of it is the question)
    "is it normal that my son passes wind 20 times a day. what can we do about it",  # (all of it asks: no case)
])
def test_a_message_that_asks_nothing_at_its_end_or_only_asks_is_left_whole(text: str) -> None:
    assert asking(text) == text and case_of(text) == ""


@pytest.mark.parametrize(("asked", "lay", "said"), [
    ("after one of his fits", "fits", "a seizure is followed by a brief period of temporary paralysis"),
    ("is it normal that i fart like 20 times a day", "fart", "Most people pass gas 13 to 21 times a day"),
    ("a patient with a stab wound to the neck", "stab",
     "Spinal immobilization of trauma patients with penetrating injuries is not recommended"),
])
def test_lay_and_clinical_wordings_are_one(asked: str, lay: str, said: str) -> None:
    assert stem(lay) in mentioned(tokenize(asked), set(content_stems(said)))


def _page_hit(text: str) -> Hit:
    document = Document(id="medquad:NINDS:0000121", kind=Kind.CONSUMER, title="Todd's Paralysis",
                        sections=(Section("Treatment", text),), source="test")
    return Hit(Passage("medquad:NINDS:0000121#1", document.id, 1, "Treatment", text, 0, len(text)), document, 10.0)


@pytest.mark.parametrize(("text", "answers"), [
    ("There is no treatment for Todd's paralysis.", True),
    ("There is no specific treatment for the infection.", True),
    ("There is currently no cure.", True),
    ("Todd's paralysis may also affect speech and vision.", False),
    ("There is no evidence that it recurs.", False),
])
def test_that_nothing_treats_it_says_what_to_do(text: str, answers: bool) -> None:
    [candidate] = extract([_page_hit(text)], min_words=3)
    assert says_what_to_do(candidate) is answers


@pytest.fixture(scope="module")
def typhoid_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return guideline_kb(tmp_path_factory, (), corpora=(TYPHOID_PAGE, HERPES_PAGE))


@needs_weights(MINILM_PACKAGE, "MiniLM")
def test_the_page_a_lay_question_names_answers_it_when_close_enough(typhoid_kb: Store) -> None:
    words_only = ask_offline(typhoid_kb, TYPHOID, Audience.PATIENT, semantic=False)
    assert words_only.insufficient  # (its rarest words are the couple's: "stir", "crazy", "chef")
    answer = ask_offline(typhoid_kb, TYPHOID, Audience.PATIENT)
    assert not answer.insufficient
    assert answer.bottom_line.text.startswith("In fact, if you work at a job where you handle food")
    assert "going back to work until a doctor has determined" in answer.bottom_line.text
    assert [r.document_id for r in answer.references] == ["medquad:CDC:0000419"]
    # (the page is the answer: its sentences follow in their own words — "can he just stop them if hes better")
    bullets = [b.text for section in answer.sections for b in section.bullets]
    assert "Keep taking the prescribed antibiotics for as long as the doctor has asked you to take them." in bullets
    assert "Even if your symptoms seem to go away, you may still be carrying Salmonella Typhi." in bullets
    [note] = [n for n in answer.notes if "closeness in meaning" in n]
    assert "the page the question names, “Typhoid Fever”" in note


@needs_weights(MINILM_PACKAGE, "MiniLM")
def test_a_question_without_a_case_is_answered_from_the_page_it_names(typhoid_kb: Store) -> None:
    # (K-QA: no passage says a third of it, so only the page it names is measured for closeness)
    answer = ask_offline(typhoid_kb, "can mouth sore or mouth herpes ever appear on the chin, or NOT on the lips?",
                         Audience.PATIENT)
    assert answer.bottom_line.text == "Oral herpes causes cold sores around the mouth or face."
    assert any("the page the question names, “Herpes Simplex”" in note for note in answer.notes)


@needs_weights(MINILM_PACKAGE, "MiniLM")
def test_the_named_page_does_not_answer_for_a_word_the_knowledge_base_lacks(typhoid_kb: Store) -> None:
    # (the question is about the drug no source names, not about typhoid)
    # (a drug no source names; CDC's typhoid page is as close to it in meaning as to a question it answers)
    answer = ask_offline(typhoid_kb, "is qorvexitine a good treatment for typhoid fever", Audience.PATIENT)
    assert answer.insufficient


@needs_weights(MINILM_PACKAGE, "MiniLM")
def test_the_named_page_does_not_answer_for_a_medicine_the_knowledge_base_lacks(typhoid_kb: Store) -> None:
    # (what the new medicine does to him is no part of CDC's page: the page answers the rest, not the whole)
    answer = ask_offline(typhoid_kb, f"{TYPHOID}. the gp also gave him elinzanetant for his hot sweats",
                         Audience.PATIENT)
    assert answer.insufficient


@pytest.mark.parametrize(("text", "dangling"), [
    ("It appears that early enteral nutrition (initiated within 72 hours) is safe.", False),
    ("It is recommended that all patients be screened.", False),
    ("It is unclear whether the benefit persists.", False),
    ("It reduced mortality by a third.", True),  # (what reduced it is in the sentence before)
    ("It is an effective drug.", True),
    ("If so, the illness could return, or you could pass the disease to other people.", True),  # (if what is so?)
])
def test_an_it_that_stands_for_nothing_does_not_lean_on_the_sentence_before(text: str, dangling: bool) -> None:
    assert bool(DANGLING.match(text)) is dangling


def test_enteral_feeding_is_enteral_nutrition_and_a_requirement_a_need() -> None:
    said = set(content_stems("Early enteral nutrition is safe; indirect calorimetry determines caloric needs"))
    assert {stem("feeding"), stem("requirements")} <= mentioned(tokenize("enteral feeding and calorie requirements"),
                                                               said)


def test_slapped_cheek_is_fifth_disease() -> None:
    # (check57's pregnant mother: "his teacher says slapped cheek is going round his class. is it dangerous for the
    # baby??" was answered *No* from a commentary on babies and bathwater)
    assert "fifth disease" in disease_mentions("his teacher says slapped cheek is going round his class")
    said = set(content_stems("Fifth disease is a viral infection caused by parvovirus B19."))
    assert stem("slapped") in mentioned(tokenize("slapped cheek"), said)


def test_a_stabbing_pain_is_no_wound() -> None:
    # ("sharp stabbing pain on the left side of her chest" is not penetrating trauma)
    said = set(content_stems("Spinal immobilization of trauma patients with penetrating injuries is not recommended"))
    assert not mentioned(tokenize("a sharp stabbing pain in her chest"), said)


@pytest.mark.parametrize("word", ["lol", "btw", "omg", "tbh"])
def test_net_speak_is_no_term_of_the_question(word: str) -> None:
    # ("… it looks like a map lol …": the answer said the knowledge base had nothing on "lol")
    info = analyse(f"ive got smooth red patches on my tongue that look like a map {word}. is this cancer??")
    assert word not in TermStats(None).terms(info).weights and "tongu" in TermStats(None).terms(info).weights
