"""Evidence-level and recency priors: a small multiplicative boost applied after fusion.

``score × (1 + level_weight·level_boost + recency_weight·recency_boost)`` where

* ``level_boost`` = (5 − Kind.level) / 4: 1 for guidelines and systematic reviews, 0 for "other";
* ``recency_boost`` falls linearly from 1 (this year) to 0 (``horizon`` years ago or older, or no year).

Multiplicative, so it works the same on RRF scores (~0.03) and normalised scores (~1) and can only
reorder results whose relevance is close. ``settings.priors`` (CLI ``--no-priors``) turns it off.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from curbside.records import Kind


class Dated(Protocol):
    """Anything with an evidence kind and a year: a Document, or a hit's light metadata."""

    @property
    def kind(self) -> Kind: ...

    @property
    def year(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class Priors:
    level_weight: float = 0.08
    recency_weight: float = 0.04
    horizon: int = 20  # years
    this_year: int = date.today().year

    def level_boost(self, doc: Dated) -> float:
        return (5 - doc.kind.level) / 4

    def recency_boost(self, doc: Dated) -> float:
        if doc.year is None:
            return 0.0
        age = max(self.this_year - doc.year, 0)
        return max(0.0, 1.0 - age / self.horizon)

    def factor(self, doc: Dated) -> float:
        return 1.0 + self.level_weight * self.level_boost(doc) + self.recency_weight * self.recency_boost(doc)


def apply_priors(scored: Sequence[tuple[int, float]], docs_by_key: Mapping[int, Dated],
                 priors: Priors) -> tuple[list[tuple[int, float]], dict[int, float]]:
    """Re-rank ``(key, score)`` by score × prior factor; returns the new ranking and each key's factor.

    Scores must be non-negative (fused scores are); keys without a document keep factor 1."""
    factors = {key: (priors.factor(docs_by_key[key]) if key in docs_by_key else 1.0) for key, _s in scored}
    boosted = [(key, score * factors[key]) for key, score in scored]
    boosted.sort(key=lambda kv: -kv[1])
    return boosted, factors
