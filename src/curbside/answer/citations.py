"""One bullet against the passages it cites: which sentences stand, which citations are needed.

Each sentence of the bullet is judged on its own against all the bullet's cited passages (a
bullet may join several model sentences). Unsupported sentences are removed, and the bullet's
support is that of its weakest remaining sentence. Of several citations, one is kept when some
sentence is supported by it alone or would lose its support without it; the others are
*irrelevant* in the ALCE sense and removed, so reference lists name only evidence that is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from curbside.answer.support import SupportJudge
from curbside.sentences import sentences


@dataclass(frozen=True, slots=True)
class Dropped:
    sentence: str
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CheckedBullet:
    text: str  # the supported sentences ("" when none is)
    cited: tuple[int, ...]  # positions in the passages given, of the citations kept
    support: float  # the weakest kept sentence's support (0.0 when none is kept)
    dropped: tuple[Dropped, ...] = ()
    pruned: int = 0  # citations removed because no kept sentence needs them


def check_bullet(text: str, passages: Sequence[str], judge: SupportJudge) -> CheckedBullet:
    parts = [s for s in sentences(text) if s.strip()] or [text]
    kept: list[str] = []
    supports: list[float] = []
    dropped: list[Dropped] = []
    for sentence in parts:
        result = judge.check(sentence, passages)
        if result.supported:
            kept.append(sentence)
            supports.append(result.support)
        else:
            dropped.append(Dropped(sentence, result.problems))
    if not kept:
        return CheckedBullet("", (), 0.0, tuple(dropped))
    everything = tuple(range(len(passages)))
    cited = everything if len(passages) == 1 else tuple(
        i for i in everything if _needed(i, kept, passages, judge))
    cited = cited or everything  # each citation redundant given the others: keep them all
    joined = text.strip() if not dropped else " ".join(kept)
    return CheckedBullet(joined, cited, min(supports), tuple(dropped), len(passages) - len(cited))


def _needed(i: int, kept: Sequence[str], passages: Sequence[str], judge: SupportJudge) -> bool:
    rest = [p for j, p in enumerate(passages) if j != i]
    return any(judge.check(s, [passages[i]]).supported or not judge.check(s, rest).supported for s in kept)
