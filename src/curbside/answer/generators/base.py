"""The Generator seam: question + numbered evidence → Draft (cited by evidence number).

A generator never numbers references or touches the store: ``compose`` maps evidence numbers
to passages, verifies every citation against the passage text, numbers references by first
use and stamps the answer. Evidence numbers are 1-based positions in the ``evidence`` list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from curbside.records import Audience, Hit, Verdict


@dataclass(frozen=True, slots=True)
class DraftBullet:
    text: str
    evidence: tuple[int, ...]  # 1-based indexes into the evidence given to the generator


@dataclass(frozen=True, slots=True)
class DraftSection:
    title: str
    bullets: tuple[DraftBullet, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    bottom_line: DraftBullet
    sections: tuple[DraftSection, ...]
    pitfalls: tuple[DraftBullet, ...] = ()
    escalation: tuple[DraftBullet, ...] = ()
    verdict: Verdict | None = None
    insufficient: bool = False
    notes: tuple[str, ...] = ()  # e.g. "model output repaired", "fell back to extractive"
    generator: str = ""  # id of what actually produced the draft (may differ after fallback)


class Generator(Protocol):
    name: str  # stable id, e.g. "extractive-v1", "openai:qwen2.5-1.5b"

    def generate(self, question: str, evidence: Sequence[Hit], audience: Audience,
                 context: str = "") -> Draft:
        """``context``: the earlier question/answer when this is a follow-up."""
        ...
