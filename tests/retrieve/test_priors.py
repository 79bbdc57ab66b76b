from __future__ import annotations

import pytest

from curbside.records import Kind
from curbside.retrieve.priors import Priors, apply_priors
from tests.conftest import make_doc


def test_factor_hand_computed() -> None:
    p = Priors(level_weight=0.08, recency_weight=0.04, horizon=20, this_year=2024)
    guideline_new = make_doc("g", "G", ("S", "x"), kind=Kind.GUIDELINE, year=2024)
    other_old = make_doc("o", "O", ("S", "x"), kind=Kind.OTHER, year=1990)
    rct_mid = make_doc("r", "R", ("S", "x"), kind=Kind.RCT, year=2014)
    undated = make_doc("u", "U", ("S", "x"), kind=Kind.OTHER, year=None)
    assert p.factor(guideline_new) == pytest.approx(1 + 0.08 * 1.0 + 0.04 * 1.0)
    assert p.factor(other_old) == pytest.approx(1.0)
    assert p.factor(rct_mid) == pytest.approx(1 + 0.08 * 0.75 + 0.04 * 0.5)  # level 2; 10 of 20 years
    assert p.factor(undated) == pytest.approx(1.0)


def test_priors_reorder_only_close_results() -> None:
    p = Priors(this_year=2024)
    docs = {1: make_doc("a", "A", ("S", "x"), kind=Kind.OTHER, year=2000),
            2: make_doc("b", "B", ("S", "x"), kind=Kind.SYSTEMATIC_REVIEW, year=2023),
            3: make_doc("c", "C", ("S", "x"), kind=Kind.SYSTEMATIC_REVIEW, year=2023)}
    ranked, factors = apply_priors([(1, 1.0), (2, 0.97), (3, 0.5)], docs, p)
    assert [k for k, _ in ranked] == [2, 1, 3]  # 3% behind: overtaken; 50% behind: not
    assert factors[1] == pytest.approx(1.0)
    assert ranked[0][1] == pytest.approx(0.97 * factors[2])
