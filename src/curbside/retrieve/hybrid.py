"""Hybrid retrieval: lexical + dense candidates, fused, then evidence priors.

Every Hit's ``scores`` shows each stage: ``lexical`` (bm25; absent when the passage was not a
lexical candidate), ``dense`` (cosine; computed exactly for lexical-only candidates too),
``fused`` and ``prior`` (the multiplicative factor; 1.0 when priors are off). ``score`` is final.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    method: str = "rrf"  # rrf | convex
    rrf_k: int = 60
    lexical_weight: float = 0.5  # share of the lexical list (dense gets 1 − this)
    candidates: int = 100  # per retriever, before fusion


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
        lex = self.lexical.scored(query, n, filters)
        if self.dense is None:
            return [Ranked(r, s, {"lexical": s, "fused": s}) for r, s in lex]
        dense = self.dense.scored(query, n, filters)
        lex_scores, dense_scores = dict(lex), dict(dense)
        missing = [r for r in lex_scores if r not in dense_scores]
        if missing:
            dense_scores.update(self.dense.index().scores_for(self.dense.encode(query), missing))
        w = self.fusion.lexical_weight
        if self.fusion.method == "convex":
            dense_all = sorted(dense_scores.items(), key=lambda kv: -kv[1])
            fused = convex({"lexical": lex, "dense": dense_all}, {"lexical": w, "dense": 1.0 - w})
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
        meta = passage_meta(self.store, (c.rowid for c in cands))
        by_rowid = {c.rowid: c for c in cands if c.rowid in meta}
        boosted, factors = apply_priors([(c.rowid, c.score) for c in by_rowid.values()], meta, self.priors)
        return [Ranked(r, s, {**by_rowid[r].scores, "prior": factors[r]}) for r, s in boosted[:k]]

    def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]:
        return hits_from_ranked(self.store, self.ranked(query, k, filters))
