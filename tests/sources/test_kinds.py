"""Evidence kind from publication types and from text cues."""

from __future__ import annotations

import pytest

from curbside.records import Kind
from curbside.sources.kinds import is_non_study, kind_from_publication_types, kind_from_text, upgrade


@pytest.mark.parametrize(("types", "kind"), [
    (["Journal Article", "Practice Guideline"], Kind.GUIDELINE),
    (["Consensus Development Conference, NIH"], Kind.GUIDELINE),
    (["Review", "Meta-Analysis"], Kind.SYSTEMATIC_REVIEW),
    (["Clinical Trial, Phase III", "Comparative Study", "Randomized Controlled Trial"], Kind.RCT),
    (["Observational Study"], Kind.OBSERVATIONAL),
    (["Case Reports", "Review"], Kind.CASE_REPORT),
    (["Review"], Kind.REVIEW),
    (["Journal Article", "Research Support, Non-U.S. Gov't"], Kind.OTHER),
])
def test_publication_types(types: list[str], kind: Kind) -> None:
    assert kind_from_publication_types(types) is kind


@pytest.mark.parametrize(("title", "text", "kind"), [
    ("Statins for primary prevention: a systematic review and meta-analysis", "", Kind.SYSTEMATIC_REVIEW),
    ("", "We searched MEDLINE and Embase up to 2020 and pooled 12 trials.", Kind.SYSTEMATIC_REVIEW),
    ("", "In this double-blind, randomized trial, 300 patients received drug or placebo.", Kind.RCT),
    ("", "Patients were randomly assigned to surgery or observation.", Kind.RCT),
    ("", "We retrospectively reviewed the charts of 212 patients.", Kind.OBSERVATIONAL),
    ("", "A population-based cohort study of 1.2 million births.", Kind.OBSERVATIONAL),
    ("", "We report a case of a 54-year-old man with fever.", Kind.CASE_REPORT),
    ("Gout: a review", "Randomized controlled trials have shown benefit of colchicine.", Kind.REVIEW),
    ("Mechanisms of insulin resistance", "Insulin signalling involves IRS-1.", Kind.OTHER),
])
def test_text_cues(title: str, text: str, kind: Kind) -> None:
    assert kind_from_text(title, text) is kind


def test_guideline_cues_only_when_asked() -> None:
    text = "We recommend metformin first line. We suggest SGLT2 inhibitors for heart failure."
    assert kind_from_text("Diabetes care", text) is Kind.OTHER
    assert kind_from_text("Diabetes care", text, guideline_cues=True) is Kind.GUIDELINE
    assert kind_from_text("Clinical practice guideline for gout", "", guideline_cues=True) is Kind.GUIDELINE
    assert kind_from_text("Adherence to guidelines in a cohort", "") is Kind.OBSERVATIONAL


def test_helpers() -> None:
    assert is_non_study(["Letter", "Comment"]) and not is_non_study(["Journal Article"])
    assert upgrade(Kind.REVIEW, Kind.SYSTEMATIC_REVIEW) is Kind.SYSTEMATIC_REVIEW
    assert upgrade(Kind.RCT, Kind.OBSERVATIONAL) is Kind.RCT
