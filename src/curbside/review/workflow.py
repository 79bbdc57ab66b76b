"""Moving an answer through review: check the move, append the event, update the status.

Both writes happen in one transaction, so the status column and the event history never
disagree. Events are never edited or deleted.
"""

from __future__ import annotations

from datetime import UTC, datetime

from curbside.errors import ReviewError
from curbside.records import ReviewEvent, ReviewStatus
from curbside.review.states import allowed_next
from curbside.store import Store

MAX_NOTE_CHARS = 4000
MAX_ACTOR_CHARS = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def transition(store: Store, answer_id: str, to_status: ReviewStatus, actor: str = "", note: str = "") -> ReviewEvent:
    """Move ``answer_id`` to ``to_status``; ReviewError if the move is not allowed,
    NotFoundError if the answer is unknown. Returns the recorded event."""
    actor, note = actor.strip(), note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise ReviewError(f"review note is too long ({len(note)} characters; the limit is {MAX_NOTE_CHARS})")
    if len(actor) > MAX_ACTOR_CHARS:
        raise ReviewError(f"reviewer name is too long (the limit is {MAX_ACTOR_CHARS} characters)")
    if to_status is ReviewStatus.CHANGES_REQUESTED and not note:
        raise ReviewError("say what should change: requesting changes needs a note")
    with store.transaction():
        current = store.answer_status(answer_id)
        allowed = allowed_next(current)
        if to_status not in allowed:
            options = " or ".join(s.label.lower() for s in allowed)
            raise ReviewError(
                f"answer {answer_id} is {current.label.lower()}; it cannot move to "
                f"{to_status.label.lower()} (it can move to {options})"
            )
        at = _now()
        event = store.add_review_event(answer_id, current, to_status, actor, note, at)
        store.set_answer_status(answer_id, to_status, at)
    return event


def history(store: Store, answer_id: str) -> list[ReviewEvent]:
    """The answer's review events, oldest first (NotFoundError if the answer is unknown)."""
    store.answer_status(answer_id)
    return store.review_history(answer_id)


__all__ = ["ReviewEvent", "history", "transition"]
