from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.generators.extractive.verdict_cues import sentence_polarity
from curbside.answer.questions import is_yes_no
from curbside.records import Verdict
from curbside.settings import Settings
from curbside.store import Store


@pytest.mark.parametrize(("question", "expected"), [
    ("Does vitamin D supplementation reduce fractures in older adults?", Verdict.NO),
    ("Does early mobilisation after hip fracture surgery reduce complications?", Verdict.YES),
    ("Is statin use associated with breast cancer mortality?", Verdict.YES),
])
def test_verdicts_from_conclusions(kb: Store, settings: Settings, question: str, expected: Verdict) -> None:
    answer = ask(kb, settings, question)
    assert answer.verdict is expected
    assert answer.bottom_line.citations  # the verdict comes with its evidence


def test_open_questions_get_no_verdict(kb: Store, settings: Settings) -> None:
    assert ask(kb, settings, "How should proximal hamstring tendinopathy be managed?").verdict is None


@pytest.mark.parametrize(("sentence", "question", "polarity"), [
    ("X did not reduce mortality.", "Does X reduce mortality?", -1.0),
    ("X significantly reduced mortality.", "Does X reduce mortality?", 1.0),
    ("There was no significant difference between X and Y.", "Is X better than Y?", -1.0),
    ("X was as safe as Y and comparable in efficacy.", "Is X as safe as Y?", 1.0),
    ("X is not only effective but also cheap.", "Is X effective?", 1.0),
])
def test_sentence_polarity(sentence: str, question: str, polarity: float) -> None:
    assert sentence_polarity(sentence, question)[0] == polarity


def test_hedged_conclusions_are_uncertain() -> None:
    _, hedge = sentence_polarity("The role of X remains unclear and further studies are needed.", "Does X help?")
    assert hedge == 1.0


@pytest.mark.parametrize(("question", "yes_no"), [
    ("Do statins reduce mortality?", True), ("Double balloon enteroscopy: is it efficacious and safe?", True),
    (",Are genital warts serious?", True), ("How is hypertension treated?", False),
    ("What is the dose of amoxicillin?", False), ("Which factor is inhibited by milvexian?", False),
])
def test_yes_no_detection(question: str, yes_no: bool) -> None:
    assert is_yes_no(question) is yes_no
