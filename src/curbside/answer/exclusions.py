"""Whom a guideline says its recommendations do not apply to.

NICE's hepatitis B guideline says "Antiviral drug recommendations below do not apply to people with chronic hepatitis B
who also have hepatitis C, hepatitis D or HIV"; its treatment thresholds then answer nothing for a man with HIV and
hepatitis B (BHIVA's guideline does). A guideline that excludes a disease the question's patient has is read as
advice for other patients (``Candidate.conflicts``), whatever its sentences repeat of the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from curbside.answer.lexicon import disease_mentions
from curbside.answer.text import content_stems

_EXCLUDES = re.compile(r"\b(?:recommendations?|guidelines?|guidance|they)\s+(?:\w+\s+){0,2}?(?:does|do)\s+not\s+"
                       r"apply\s+to\s+(?P<who>[^.;]+)", re.IGNORECASE)


def excluded_diseases(texts: Iterable[str], own: str = "") -> set[frozenset[str]]:
    """The diseases (as content stems) ``texts`` say their recommendations do not apply to, other than the ones ``own``
    (the guideline's title) names: "… do not apply to people with chronic hepatitis B who also have hepatitis C,
    hepatitis D or HIV" excludes hepatitis C, hepatitis D and HIV from a hepatitis B guideline."""
    titled = {frozenset(content_stems(name)) for name in disease_mentions(own)}
    out = set()
    for text in texts:
        for m in _EXCLUDES.finditer(text):
            for name in disease_mentions(m.group("who")):
                stems = frozenset(content_stems(name))
                if stems and not any(stems <= other or other <= stems for other in titled):
                    out.add(stems)
    return out


def excludes(question: str, excluded: set[frozenset[str]]) -> bool:
    """The question's patient has a disease the guideline excludes (``excluded_diseases``)."""
    named = {frozenset(content_stems(name)) for name in disease_mentions(question)}
    return any(stems in excluded for stems in named)


__all__ = ["excluded_diseases", "excludes"]
