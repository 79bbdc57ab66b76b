"""Fusing ranked lists from several retrievers.

* ``rrf``: reciprocal rank fusion, ``Σ w / (k + rank)`` — needs no score calibration.
* ``convex``: a weighted sum of per-list normalised scores (Bruch et al., 2023, found a tuned
  convex combination beats RRF; docs/retrieval.md has our numbers). Normalisers: ``minmax``
  (onto [0, 1] within the list), ``max`` (divide by the best: for bm25, whose floor is 0) and
  ``none`` (for cosines, already on a fixed scale). A key missing from a list scores 0 there.

Lists are ``[(key, score), …]`` best first; the result is the same, over the union of keys.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
Ranked = Sequence[tuple[K, float]]

FUSIONS = ("rrf", "convex")


def rrf(
    lists: Mapping[str, Ranked[K]], k: int = 60, weights: Mapping[str, float] | None = None
) -> list[tuple[K, float]]:
    fused: dict[K, float] = {}
    for name, ranked in lists.items():
        w = 1.0 if weights is None else weights.get(name, 0.0)
        if w == 0.0:
            continue
        for rank, (key, _score) in enumerate(ranked, 1):
            fused[key] = fused.get(key, 0.0) + w / (k + rank)
    return _sorted(fused)


def minmax(ranked: Ranked[K]) -> dict[K, float]:
    """Scores mapped onto [0, 1] within the list (all 1.0 when they are equal)."""
    if not ranked:
        return {}
    values = [s for _k, s in ranked]
    lo, hi = min(values), max(values)
    span = hi - lo
    return {key: ((s - lo) / span if span > 0 else 1.0) for key, s in ranked}


def by_max(ranked: Ranked[K]) -> dict[K, float]:
    """Scores divided by the list's best (a non-positive best leaves scores unchanged)."""
    best = max((s for _k, s in ranked), default=0.0)
    return {key: (s / best if best > 0 else s) for key, s in ranked}


NORMALISERS = {"minmax": minmax, "max": by_max, "none": lambda ranked: dict(ranked)}


def convex(lists: Mapping[str, Ranked[K]], weights: Mapping[str, float],
           normalise: Mapping[str, str] | None = None) -> list[tuple[K, float]]:
    fused: dict[K, float] = {}
    for name, ranked in lists.items():
        w = weights.get(name, 0.0)
        if w == 0.0:
            continue
        norm = NORMALISERS[(normalise or {}).get(name, "minmax")]
        for key, s in norm(ranked).items():
            fused[key] = fused.get(key, 0.0) + w * s
        for key in _keys(lists):  # present in another list only: this list's floor (0)
            fused.setdefault(key, 0.0)
    return _sorted(fused)


def _keys(lists: Mapping[str, Ranked[K]]) -> set[K]:
    return {key for ranked in lists.values() for key, _s in ranked}


def _sorted(fused: dict[K, float]) -> list[tuple[K, float]]:
    # stable: equal scores keep first-seen order, so results are deterministic
    return sorted(fused.items(), key=lambda kv: -kv[1])
