from __future__ import annotations

import pytest

from curbside.errors import ReviewError
from curbside.records import ReviewStatus as S
from curbside.review import TRANSITIONS, allowed_next, can_transition, parse_status


def test_every_status_has_moves_and_none_is_a_self_loop() -> None:
    assert set(TRANSITIONS) == set(S)
    for status, targets in TRANSITIONS.items():
        assert targets, status
        assert status not in targets


def test_the_editorial_cycle() -> None:
    assert allowed_next(S.SUBMITTED) == (S.UNDER_REVIEW,)
    assert set(allowed_next(S.UNDER_REVIEW)) == {S.APPROVED, S.CHANGES_REQUESTED}
    assert allowed_next(S.CHANGES_REQUESTED) == (S.SUBMITTED,)
    assert allowed_next(S.APPROVED) == (S.UNDER_REVIEW,)
    assert not can_transition(S.SUBMITTED, S.APPROVED)  # no approving unread answers
    assert not can_transition(S.CHANGES_REQUESTED, S.APPROVED)


@pytest.mark.parametrize("text", ["approved", "Approved", " APPROVED ", "under review", "Under-Review", "under_review"])
def test_parse_status_is_forgiving_about_spelling(text: str) -> None:
    assert parse_status(text) in (S.APPROVED, S.UNDER_REVIEW)


def test_parse_status_names_the_choices() -> None:
    with pytest.raises(ReviewError, match="submitted, under_review, changes_requested, approved"):
        parse_status("published")
