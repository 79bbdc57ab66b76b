"""Ranking metrics as BEIR / trec_eval compute them: nDCG@k, Recall@k, MRR@k.

Conventions (matching pytrec_eval, which BEIR uses):

* a run is ``{query_id: [doc_id, …]}`` best first (ties already broken by the ranker);
* qrels are ``{query_id: {doc_id: grade}}``; a document is relevant when its grade is > 0;
* nDCG uses the grade itself as the gain (``rel / log2(rank + 1)``) and the ideal ranking of
  every judged document of the query;
* a query in the qrels that the run does not answer scores 0; queries with no relevant document
  are left out of the mean (they cannot be scored).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

Run = Mapping[str, Sequence[str]]
Qrels = Mapping[str, Mapping[str, int]]


def dcg(gains: Sequence[float]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    if not ideal:
        return 0.0
    gains = [max(judged.get(d, 0), 0) for d in ranking[:k]]
    return dcg(gains) / dcg(ideal)


def recall_at(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    relevant = {d for d, g in judged.items() if g > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranking[:k])) / len(relevant)


def mrr_at(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    for i, d in enumerate(ranking[:k]):
        if judged.get(d, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


def per_query(run: Run, qrels: Qrels) -> dict[str, dict[str, float]]:
    """Every metric for every scorable query: ``{qid: {"ndcg@10": …, "recall@100": …, "mrr@10": …}}``."""
    out: dict[str, dict[str, float]] = {}
    for qid, judged in qrels.items():
        if not any(g > 0 for g in judged.values()):
            continue
        ranking = list(dict.fromkeys(run.get(qid, ())))  # a document counts once, at its best rank
        out[qid] = {
            "ndcg@10": ndcg_at(ranking, judged, 10),
            "recall@100": recall_at(ranking, judged, 100),
            "mrr@10": mrr_at(ranking, judged, 10),
        }
    return out


def evaluate(run: Run, qrels: Qrels) -> dict[str, float]:
    """Mean of each metric over the scorable queries (plus ``queries``: how many)."""
    scores = per_query(run, qrels)
    n = len(scores)
    means = {m: (sum(s[m] for s in scores.values()) / n if n else 0.0) for m in ("ndcg@10", "recall@100", "mrr@10")}
    return {**means, "queries": float(n)}
