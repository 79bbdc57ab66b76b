"""Does the knowledge base hold enough relevant evidence for a question?

Judged on the lexical retriever's top ``TOP_K`` hits (FTS5 bm25 via ``make_retriever(…,
"lexical")``). Two features per hit:

* **coverage** — the share of the question's concept words (generic question words left out)
  found in the hit's title and passage, with light stemming;
* **relative bm25** — the hit's score per question word, in units of the largest IDF a word can
  have in this KB (a word found in one passage), so it does not grow with question length or KB
  size.

A hit is *relevant* when ``coverage >= min_coverage`` and ``relative bm25 >= min_score``; the
knowledge base is *sufficient* when at least ``min_relevant`` distinct documents have a relevant
hit. Calibrated with ``python -m curbside.literature.calibrate`` (docs/live.md has the method and
the table): coverage 0.55 and one document decide; the best bm25 floor is 0 — any positive floor
makes one-topic KBs (what a live fetch builds) look thin, because there the question's words are
common and their IDF is low.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from curbside.errors import QueryError
from curbside.literature.query import GENERIC
from curbside.records import Hit
from curbside.retrieve import make_retriever
from curbside.retrieve.query import parse_query
from curbside.settings import Settings
from curbside.store import Store

MIN_COVERAGE = 0.55
MIN_SCORE = 0.0  # calibrated: any positive floor re-fetches on one-topic KBs (docs/live.md)
MIN_RELEVANT = 1
TOP_K = 10

_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ities", "ity", "ings", "ing", "ies", "ied",
             "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A light suffix-stripping stem, enough to match "treated"/"treatment", "women"/"woman"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def concept_stems(terms: Sequence[str]) -> tuple[str, ...]:
    """Stems of the question's content terms, without generic question words."""
    words = [w for t in terms for w in _WORD.findall(t.lower())]
    specific = [w for w in words if w not in GENERIC and len(w) > 1] or words
    return tuple(dict.fromkeys(stem(w) for w in specific))


def coverage(stems: Sequence[str], hit: Hit) -> float:
    if not stems:
        return 0.0
    text = f"{hit.document.title} {hit.passage.text}".lower()
    present = {stem(w) for w in _WORD.findall(text)}
    return sum(1 for s in stems if s in present) / len(stems)


@dataclass(frozen=True, slots=True)
class HitEvidence:
    doc_id: str
    relative_score: float  # relative bm25 (see the module docstring)
    coverage: float


@dataclass(frozen=True, slots=True)
class Sufficiency:
    sufficient: bool
    relevant_documents: int
    best_relative_score: float
    best_coverage: float
    hits: tuple[HitEvidence, ...] = ()

    @property
    def summary(self) -> str:
        return (f"{self.relevant_documents} relevant document(s) in the knowledge base "
                f"(best coverage {self.best_coverage:.0%}, best relative bm25 {self.best_relative_score:.2f})")


def lexical_evidence(store: Store, settings: Settings, question: str, *, k: int = TOP_K,
                     exclude: frozenset[str] = frozenset()) -> list[HitEvidence]:
    """Per-hit features of the lexical top ``k`` (``exclude``: document ids to leave out)."""
    try:
        parsed = parse_query(question, max_chars=settings.max_question_chars)
    except QueryError:
        return []
    retriever = make_retriever(store, settings, "lexical")
    hits = [h for h in retriever.search(question, k + 50 if exclude else k) if h.document.id not in exclude][:k]
    stems = concept_stems(parsed.terms)
    unit = max(1, len(parsed.terms)) * max_idf(store.counts()["passages"])
    return [HitEvidence(h.document.id, h.scores.get("lexical", h.score) / unit, coverage(stems, h)) for h in hits]


def max_idf(passages: int) -> float:
    """FTS5's bm25 IDF of a word found in one passage of ``passages``: the most a word can weigh.

    FTS5 computes ``log((N - n + 0.5) / (n + 0.5))`` and clamps it at 1e-6."""
    return max(1e-6, math.log((passages - 0.5) / 1.5)) if passages > 0 else 1.0


def judge(
    evidence: Sequence[HitEvidence], *, min_coverage: float = MIN_COVERAGE, min_score: float = MIN_SCORE,
    min_relevant: int = MIN_RELEVANT,
) -> Sufficiency:
    relevant = {e.doc_id for e in evidence if e.coverage >= min_coverage and e.relative_score >= min_score}
    return Sufficiency(
        sufficient=len(relevant) >= min_relevant,
        relevant_documents=len(relevant),
        best_relative_score=max((e.relative_score for e in evidence), default=0.0),
        best_coverage=max((e.coverage for e in evidence), default=0.0),
        hits=tuple(evidence),
    )


def assess(store: Store, settings: Settings, question: str, **thresholds: float) -> Sufficiency:
    """Judge the knowledge base for ``question`` (thresholds default to the calibrated ones)."""
    return judge(lexical_evidence(store, settings, question), **thresholds)  # type: ignore[arg-type]
