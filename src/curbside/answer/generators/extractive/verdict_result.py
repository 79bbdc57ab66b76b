"""What a yes/no verdict says and what it rests on (``verdict.py`` reads it from studies, ``guideline_vote.py`` from
guideline recommendations)."""

from __future__ import annotations

from dataclasses import dataclass

from curbside.records import Verdict

CLASSES = (Verdict.YES, Verdict.NO, Verdict.UNCERTAIN)


@dataclass(frozen=True, slots=True)
class VerdictResult:
    verdict: Verdict
    polarity: float  # P(yes) − P(no)
    hedge: float  # P(uncertain)
    basis: tuple[int, ...]  # evidence numbers of the sentences read, the deciding document first
    cues: tuple[str, ...] = ()  # named cues that pushed hardest towards the verdict
    note: str = ""  # e.g. why the verdict is uncertain
    deciding: tuple[str, ...] = ()  # the sentences of the deciding (first) document
