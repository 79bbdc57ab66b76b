"""Hybrid retrieval: lexical + dense candidates, fused, then evidence priors.

Every Hit's ``scores`` shows each stage: ``lexical`` (bm25; absent when the passage was not a
lexical candidate), ``dense`` (cosine; computed exactly for lexical-only candidates too),
``fused`` and ``prior`` (the multiplicative factor; 1.0 when priors are off). ``score`` is final.
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from curbside.errors import EmbedError
from curbside.records import Hit
from curbside.retrieve.base import NO_FILTERS, Filters, Ranked
from curbside.retrieve.dense import DenseRetriever
from curbside.retrieve.fusion import convex, rrf
from curbside.retrieve.hits import hits_from_ranked, passage_meta
from curbside.retrieve.lexical import LexicalRetriever
from curbside.retrieve.priors import Priors, apply_priors
from curbside.store import Store


@dataclass(frozen=True, slots=True)
class FusionConfig:
    method: str = "convex"  # convex: w·bm25/best bm25 + (1 − w)·cosine | rrf
    rrf_k: int = 60
    lexical_weight: float = 0.3  # share of the lexical list (dense gets 1 − this)
    candidates: int = 100  # per retriever, before fusion


PRIOR_HEAD = 3  # priors re-rank the best PRIOR_HEAD·k fused candidates
_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    """One worker for the dense stage, shared by every hybrid retriever in the process."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="curbside-dense")
        return _POOL


class HybridRetriever:
    name = "hybrid"

    def __init__(self, store: Store, lexical: LexicalRetriever, dense: DenseRetriever | None,
                 fusion: FusionConfig = FusionConfig(), priors: Priors | None = None,
                 notes: tuple[str, ...] = ()) -> None:
        self.store = store
        self.lexical = lexical
        self.dense = dense
        self.fusion = fusion
        self.priors = priors
        self.notes = notes

    def fused(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Ranked]:
        """Fused candidates before priors, best first, with their stage scores."""
        n = max(self.fusion.candidates, k)
        if self.dense is None:
            return [Ranked(r, s, {"lexical": s, "fused": s}) for r, s in self.lexical.scored(query, n, filters)]
        try:
            if sqlite3.threadsafety == 3:  # serialized SQLite: the two first stages overlap (both release the GIL)
                pending = _pool().submit(self.dense.scored, query, n, filters)
                try:
                    lex = self.lexical.scored(query, n, filters)
                finally:
                    dense = pending.result()
            else:
                lex = self.lexical.scored(query, n, filters)
                dense = self.dense.scored(query, n, filters)
        except EmbedError as exc:  # the model is missing or broken: keep answering, lexically
            self.notes = (*self.notes, f"dense search failed ({exc}); lexical search only")
            self.dense = None
            return self.fused(query, k, filters)
        lex_scores, dense_scores = dict(lex), dict(dense)
        missing = [r for r in lex_scores if r not in dense_scores]
        if missing:
            dense_scores.update(self.dense.index().scores_for(self.dense.encode(query), missing))
        w = self.fusion.lexical_weight
        if self.fusion.method == "convex":
            dense_all = sorted(dense_scores.items(), key=lambda kv: -kv[1])
            fused = convex({"lexical": lex, "dense": dense_all}, {"lexical": w, "dense": 1.0 - w},
                           normalise={"lexical": "max", "dense": "none"})
        else:
            fused = rrf({"lexical": lex, "dense": dense}, k=self.fusion.rrf_k,
                        weights={"lexical": 2 * w, "dense": 2 * (1.0 - w)})
        out = []
        for rowid, score in fused:
            scores = {"fused": score}
            if rowid in lex_scores:
                scores["lexical"] = lex_scores[rowid]
            if rowid in dense_scores:
                scores["dense"] = dense_scores[rowid]
            out.append(Ranked(rowid, score, scores))
        return out

    def ranked(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Ranked]:
        """The top ``k`` passages after fusion and priors."""
        cands = self.fused(query, k, filters)
        if self.priors is None:
            return [Ranked(c.rowid, c.score, {**c.scores, "prior": 1.0}) for c in cands[:k]]
        # priors move a result by at most ~12%, so only the head can reach the top k; looking up
        # kind and year for every candidate costs ~60 ms at 1M passages (random page reads)
        head = cands[: max(PRIOR_HEAD * k, 30)]
        meta = passage_meta(self.store, (c.rowid for c in head))
        by_rowid = {c.rowid: c for c in head if c.rowid in meta}
        boosted, factors = apply_priors([(c.rowid, c.score) for c in by_rowid.values()], meta, self.priors)
        return [Ranked(r, s, {**by_rowid[r].scores, "prior": factors[r]}) for r, s in boosted[:k]]

    def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]:
        return hits_from_ranked(self.store, self.ranked(query, k, filters))
