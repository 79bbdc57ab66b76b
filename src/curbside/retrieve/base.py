"""The Retriever seam and the filters every retriever honours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from curbside.records import Hit


@dataclass(frozen=True, slots=True)
class Filters:
    kinds: tuple[str, ...] = ()
    since: int | None = None


NO_FILTERS = Filters()


class Retriever(Protocol):
    name: str

    def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]: ...


@dataclass(frozen=True, slots=True)
class Ranked:
    """A passage (by store rowid) with its final score and each stage's score."""

    rowid: int
    score: float
    scores: dict[str, float]
