from __future__ import annotations

import pytest

from curbside.errors import NotFoundError, ReviewError
from curbside.records import ReviewStatus as S
from curbside.review import history, transition
from curbside.store import Store
from tests.web.conftest import build_answer


@pytest.fixture
def answer_id(store: Store) -> str:
    answer = build_answer("rev-1")
    store.save_answer(answer)
    return answer.id


def test_full_cycle_is_recorded_in_order(store: Store, answer_id: str) -> None:
    transition(store, answer_id, S.UNDER_REVIEW, "ed", "")
    transition(store, answer_id, S.CHANGES_REQUESTED, "ed", "cite the 2023 guideline")
    transition(store, answer_id, S.SUBMITTED, "author", "revised")
    transition(store, answer_id, S.UNDER_REVIEW, "ed2")
    event = transition(store, answer_id, S.APPROVED, "ed2", "good")
    assert event.from_status is S.UNDER_REVIEW and event.to_status is S.APPROVED
    events = history(store, answer_id)
    assert [(e.from_status, e.to_status) for e in events] == [
        (S.SUBMITTED, S.UNDER_REVIEW), (S.UNDER_REVIEW, S.CHANGES_REQUESTED), (S.CHANGES_REQUESTED, S.SUBMITTED),
        (S.SUBMITTED, S.UNDER_REVIEW), (S.UNDER_REVIEW, S.APPROVED),
    ]
    assert events[1].note == "cite the 2023 guideline" and events[1].actor == "ed"
    answer = store.get_answer(answer_id)
    assert answer.status is S.APPROVED
    assert answer.updated_at == events[-1].at  # the status column and updated_at move together


def test_disallowed_move_raises_and_changes_nothing(store: Store, answer_id: str) -> None:
    with pytest.raises(ReviewError, match="cannot move to approved"):
        transition(store, answer_id, S.APPROVED, "ed")
    assert store.answer_status(answer_id) is S.SUBMITTED
    assert history(store, answer_id) == []
    assert not store.conn.in_transaction


def test_requesting_changes_needs_a_note(store: Store, answer_id: str) -> None:
    transition(store, answer_id, S.UNDER_REVIEW)
    with pytest.raises(ReviewError, match="needs a note"):
        transition(store, answer_id, S.CHANGES_REQUESTED, "ed", "   ")
    assert store.answer_status(answer_id) is S.UNDER_REVIEW


def test_overlong_note_is_refused(store: Store, answer_id: str) -> None:
    with pytest.raises(ReviewError, match="too long"):
        transition(store, answer_id, S.UNDER_REVIEW, "ed", "x" * 5000)


def test_count_by_status(store: Store, answer_id: str) -> None:
    store.save_answer(build_answer("rev-2"))
    transition(store, answer_id, S.UNDER_REVIEW, "ed")
    assert store.count_answers_by_status() == {"submitted": 1, "under_review": 1}


def test_unknown_answer(store: Store) -> None:
    with pytest.raises(NotFoundError):
        transition(store, "nope", S.UNDER_REVIEW)
    with pytest.raises(NotFoundError):
        history(store, "nope")


def test_events_are_append_only_and_survive_a_resave(store: Store, answer_id: str) -> None:
    transition(store, answer_id, S.UNDER_REVIEW, "ed")
    # re-saving the answer body (e.g. a regenerated answer) keeps the review history
    store.save_answer(build_answer("rev-1"))
    assert len(history(store, answer_id)) == 1
