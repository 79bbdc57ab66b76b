"""Everyday words for formal ones in patient answers: the same meaning, inflection and capitals
right, names, numbers, drugs, negations and bracketed or quoted text untouched."""

from __future__ import annotations

import re

import pytest

from curbside.answer.plain_words import LEXICON, plain_words
from curbside.answer.support import _DRUGS, _NEGATION


@pytest.mark.parametrize(("text", "plain"), [
    ("Approximately 38% of individuals with HPS do not survive.", "About 38% of people with HPS do not survive."),
    ("However, if you have diabetes, speak with your doctor.", "But if you have diabetes, speak with your doctor."),
    ("In addition, there may be ulcers or blisters.", "Also, there may be ulcers or blisters."),
    ("Oxygen should be administered using a flow of at least 12 L/min.",
     "Oxygen should be given using a flow of at least 12 L/min."),
    ("Studies demonstrated that it helps. It has demonstrated a benefit.",
     "Studies showed that it helps. It has shown a benefit."),
    ("Treatment was discontinued after 2 weeks.", "Treatment was stopped after 2 weeks."),
    ("The majority of the patients recover.", "Most of the patients recover."),
    ("The majority of affected individuals survive into mid-life.", "Most affected people survive into mid-life."),
    ("Many people require colchicine for life.", "Many people need colchicine for life."),
    ("You might experience other symptoms such as dizziness.", "You might have other symptoms such as dizziness."),
    ("Get adequate sleep to prevent exhaustion.", "Get enough sleep to prevent exhaustion."),
    ("Consult your health care provider if you have bleeding.",
     "Talk with your health care provider if you have bleeding."),
    ("Call 911 immediately.", "Call 911 right away."),
    ("Surgery is performed in order to remove the stone.", "Surgery is done to remove the stone."),
    ("Persons with diabetes should not smoke.", "People with diabetes should not smoke."),
    ("Ask your physician's nurse.", "Ask your doctor's nurse."),
    ("Normal pressure hydrocephalus is commonly seen in the elderly.",
     "Normal pressure hydrocephalus is often seen in older people."),
    ("The FDA has subsequently lowered the dose. It was subsequently withdrawn.",
     "The FDA has since lowered the dose. It was later withdrawn."),
    ("Difficulty swallowing can make it difficult to take pills.",
     "Trouble swallowing can make it hard to take pills."),
])
def test_formal_words_become_everyday_words(text: str, plain: str) -> None:
    assert plain_words(text) == plain


@pytest.mark.parametrize("text", [
    "Antacids, however, can have side effects.",  # not opening the sentence: "but" would not fit
    "The American College of Physicians recommends metformin.",  # a capital inside a sentence: a name
    "The Food and Drug Administration approved it.",
    "The nurse administered the drug.",  # a past tense: "gave", which the lexicon does not guess
    "Insurers are not required to pay for it.",  # an obligation, not a need
    "CT scans require the person to lie on a table.",
    "The experience of chronic pain varies.",  # a noun
    "Adequate evidence indicates that supplements help.",  # a grade of evidence
    "An adequate dose is needed.",  # "an enough dose"
    "Consider a consult with a pain specialist.",
    "Stop the drug immediately after surgery.",  # "right away after surgery"
    "Take it (approximately 2 hours before meals).",  # brackets are left as they are
    "Read the leaflet \"Individuals at risk\" first.",  # and so are quotes
    "Ask a physician assistant.",
    "It depends on a persons age.",
    "Disease-modifying drugs slow the disease.",
    "Elevated blood pressure is not hypertension.",  # "elevated" is not in the lexicon on purpose
])
def test_words_with_another_sense_or_a_name_are_left_alone(text: str) -> None:
    assert plain_words(text) == text


def test_numbers_doses_drug_names_and_negations_survive() -> None:
    text = "Do not take ibuprofen 400 mg approximately every 6 hours prior to surgery."
    plain = plain_words(text)
    assert plain == "Do not take ibuprofen 400 mg about every 6 hours before surgery."
    for kept in ("not", "ibuprofen", "400 mg", "6 hours"):
        assert kept in plain


def test_the_lexicon_adds_or_removes_no_negation_drug_or_number() -> None:
    for swap in LEXICON:
        assert swap.formal == swap.formal.lower() and swap.formal != swap.plain
        for words in (swap.formal, swap.plain):
            assert not _NEGATION.search(words), swap
            assert not re.search(r"\d", words), swap
            assert not set(re.findall(r"[a-z]+", words)) & _DRUGS, swap
