from __future__ import annotations

import pytest

from curbside.retrieve.fusion import by_max, convex, minmax, rrf


def test_rrf_hand_computed() -> None:
    lex = [("a", 12.0), ("b", 9.0), ("c", 1.0)]
    dense = [("b", 0.9), ("d", 0.8)]
    fused = dict(rrf({"lexical": lex, "dense": dense}, k=60))
    assert fused["a"] == pytest.approx(1 / 61)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 63)
    assert fused["d"] == pytest.approx(1 / 62)
    assert [k for k, _ in rrf({"lexical": lex, "dense": dense}, k=60)] == ["b", "a", "d", "c"]


def test_rrf_weights_and_zero_weight_list_ignored() -> None:
    lists = {"lexical": [("a", 1.0)], "dense": [("b", 1.0)]}
    assert [k for k, _ in rrf(lists, weights={"lexical": 1.0, "dense": 0.0})] == ["a"]
    fused = dict(rrf(lists, k=10, weights={"lexical": 0.5, "dense": 1.5}))
    assert fused == pytest.approx({"a": 0.5 / 11, "b": 1.5 / 11})


def test_minmax() -> None:
    assert minmax([("a", 3.0), ("b", 2.0), ("c", 1.0)]) == {"a": 1.0, "b": 0.5, "c": 0.0}
    assert minmax([("a", 5.0), ("b", 5.0)]) == {"a": 1.0, "b": 1.0}
    assert minmax([]) == {}


def test_convex_hand_computed_missing_key_gets_floor() -> None:
    lex = [("a", 10.0), ("b", 6.0), ("c", 2.0)]  # normalised a=1, b=0.5, c=0
    dense = [("b", 0.8), ("d", 0.6), ("a", 0.4)]  # normalised b=1, d=0.5, a=0
    fused = dict(convex({"lexical": lex, "dense": dense}, {"lexical": 0.3, "dense": 0.7}))
    assert fused == pytest.approx({"a": 0.3, "b": 0.15 + 0.7, "c": 0.0, "d": 0.35})


def test_fusion_is_deterministic_on_ties() -> None:
    lists = {"x": [("p", 1.0), ("q", 1.0)], "y": [("q", 1.0), ("p", 1.0)]}
    assert [k for k, _ in rrf(lists)] == ["p", "q"]


def test_convex_with_bm25_by_max_and_raw_cosines_hand_computed() -> None:
    lex = [("a", 10.0), ("b", 5.0)]  # by max: a=1.0, b=0.5
    dense = [("b", 0.8), ("c", 0.6), ("a", 0.2)]  # raw cosines
    fused = convex({"lexical": lex, "dense": dense}, {"lexical": 0.3, "dense": 0.7},
                   normalise={"lexical": "max", "dense": "none"})
    assert dict(fused) == pytest.approx({"a": 0.3 + 0.14, "b": 0.15 + 0.56, "c": 0.42})
    assert [k for k, _ in fused] == ["b", "a", "c"]
    assert by_max([("x", 4.0), ("y", 1.0)]) == {"x": 1.0, "y": 0.25}
