from __future__ import annotations

import math

import pytest

from curbside.eval.metrics_retrieval import evaluate, mrr_at, ndcg_at, per_query, recall_at


def test_hand_computed_example() -> None:
    # q1 ranks d1 (not relevant), d2 (grade 1), d3 (grade 2); d4 (grade 1) is never retrieved.
    # DCG  = 0/log2(2) + 1/log2(3) + 2/log2(4)            = 0.6309298 + 1.0       = 1.6309298
    # IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4)            = 2 + 0.6309298 + 0.5   = 3.1309298
    judged = {"d2": 1, "d3": 2, "d4": 1}
    ranking = ["d1", "d2", "d3"]
    assert ndcg_at(ranking, judged, 10) == pytest.approx(1.6309298 / 3.1309298, abs=1e-6)
    assert ndcg_at(ranking, judged, 10) == pytest.approx(0.5209, abs=1e-4)
    assert recall_at(ranking, judged, 100) == pytest.approx(2 / 3)
    assert mrr_at(ranking, judged, 10) == pytest.approx(0.5)


def test_cutoffs() -> None:
    judged = {"rel": 1}
    ranking = [f"x{i}" for i in range(10)] + ["rel"]  # relevant at rank 11
    assert ndcg_at(ranking, judged, 10) == 0.0
    assert mrr_at(ranking, judged, 10) == 0.0
    assert recall_at(ranking, judged, 100) == 1.0
    assert recall_at(ranking, judged, 10) == 0.0
    assert ndcg_at(["rel"], judged, 10) == 1.0


def test_perfect_graded_ranking_is_one() -> None:
    judged = {"a": 2, "b": 1, "c": 0}
    assert ndcg_at(["a", "b", "c"], judged, 10) == pytest.approx(1.0)
    # swapping the grades costs exactly (1 + 2/log2 3) / (2 + 1/log2 3)
    assert ndcg_at(["b", "a"], judged, 10) == pytest.approx((1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3)))


def test_mean_over_judged_queries_unanswered_count_zero_unjudgeable_skipped() -> None:
    qrels = {"q1": {"d2": 1, "d3": 2, "d4": 1}, "q2": {"d9": 1}, "q3": {"d1": 0}}
    run = {"q1": ["d1", "d2", "d3"], "q3": ["d1"]}  # q2 not answered; q3 has nothing relevant
    scores = per_query(run, qrels)
    assert set(scores) == {"q1", "q2"}
    assert scores["q2"] == {"ndcg@10": 0.0, "recall@100": 0.0, "mrr@10": 0.0}
    means = evaluate(run, qrels)
    assert means["queries"] == 2
    assert means["ndcg@10"] == pytest.approx(0.5209 / 2, abs=1e-4)
    assert means["recall@100"] == pytest.approx(1 / 3)
    assert means["mrr@10"] == pytest.approx(0.25)


def test_duplicate_documents_count_once() -> None:
    assert per_query({"q": ["a", "a", "b"]}, {"q": {"b": 1}})["q"]["mrr@10"] == pytest.approx(0.5)
