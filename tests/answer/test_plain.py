"""Plain words for patients: glosses that keep the source's term and still verify."""

from __future__ import annotations

from dataclasses import replace

import pytest

from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.plain import gloss, gloss_draft
from curbside.records import Audience
from tests.answer.realtext import hit, hits


@pytest.mark.parametrize(("text", "glossed"), [
    ("Hypertension is a common condition.", "High blood pressure (hypertension) is a common condition."),
    ("Treat hypertension in adults.", "Treat high blood pressure (hypertension) in adults."),
    ("If you have hypertension, a myocardial infarction is more likely.",
     "If you have high blood pressure (hypertension), a heart attack (myocardial infarction) is more likely."),
    ("Anticoagulants prevent clots.", "Blood thinners (anticoagulants) prevent clots."),
    # another condition that shares the word, or a term already explained: unchanged
    ("Portal hypertension is a complication of cirrhosis.", "Portal hypertension is a complication of cirrhosis."),
    ("People with pulmonary hypertension need care.", "People with pulmonary hypertension need care."),
    ("Orthostatic hypotension causes dizziness.", "Orthostatic hypotension causes dizziness."),
    ("High blood pressure, or hypertension, is common.", "High blood pressure, or hypertension, is common."),
    ("Insomnia (in-SOM-ne-ah) is a common sleep disorder.", "Insomnia (in-SOM-ne-ah) is a common sleep disorder."),
    ("Use antibiotic prophylaxis before surgery.", "Use antibiotic prophylaxis before surgery."),
    ("Some cases of herpes zoster oticus do not require treatment.",
     "Some cases of herpes zoster oticus do not require treatment."),
    ("Hypertension is common.", "High blood pressure (hypertension) is common."),
])
def test_gloss(text: str, glossed: str) -> None:
    assert gloss(text) == glossed


def test_only_the_first_mention_is_glossed() -> None:
    assert gloss("Hypertension is common and hypertension is treatable.") == \
        "High blood pressure (hypertension) is common and hypertension is treatable."


def test_a_gloss_must_still_verify_against_the_cited_passage() -> None:
    evidence = [hit("ngc:10598#44")]
    ok = DraftBullet("The Work Group recommends the use of thiazide-type diuretics for the treatment of "
                     "hypertension.", (1,))
    short = DraftBullet("Hypertension.", (1,))  # the added words would outweigh the claim: kept as it was
    draft = gloss_draft(Draft(bottom_line=ok, sections=(DraftSection("Treatment", (short,)),)), evidence)
    assert draft.bottom_line.text.endswith("for the treatment of high blood pressure (hypertension).")
    assert draft.sections[0].bullets[0].text == "Hypertension."


def test_patient_answers_are_glossed_clinician_answers_are_not() -> None:
    evidence = hits("ngc:10598#44", "ngc:10598#45")
    generator = ExtractiveGenerator()
    question = "What is the first treatment for hypertension?"
    patient = generator.generate(question, evidence, Audience.PATIENT)
    clinician = generator.generate(question, evidence, Audience.CLINICIAN)
    assert "high blood pressure (hypertension)" in patient.bottom_line.text
    assert "high blood pressure" not in clinician.bottom_line.text


def test_an_unused_abbreviation_goes_before_its_term_is_glossed() -> None:
    # "(MI)" is not used again in the answer: dropped (simplify.py), so the term can take its gloss
    text = "Low-dose aspirin lowers the risk of a first myocardial infarction (MI) in adults at high risk."
    base = hit("ngc:10598#44")
    evidence = [replace(base, passage=replace(base.passage, text=text, end=len(text)))]
    draft = gloss_draft(Draft(bottom_line=DraftBullet(text, (1,)), sections=()), evidence)
    assert draft.bottom_line.text == ("Low-dose aspirin lowers the risk of a first heart attack (myocardial "
                                      "infarction) in adults at high risk.")
