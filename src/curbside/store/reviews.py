"""Review events (append-only) and answer status: the SQL behind ``curbside.review``.

The current status of an answer is the ``answers.status`` column; how it got there is the
``review_events`` table, which is only ever appended to. Callers wrap a status change and its
event in one ``store.transaction()`` (see ``curbside.review.workflow.transition``).
"""

from __future__ import annotations

import sqlite3

from curbside.errors import NotFoundError
from curbside.records import ReviewEvent, ReviewStatus

__all__ = ["ReviewEvent", "ReviewsMixin"]


class ReviewsMixin:
    conn: sqlite3.Connection

    def answer_status(self, answer_id: str) -> ReviewStatus:
        """The current review status of a stored answer (NotFoundError if unknown)."""
        row = self.conn.execute("SELECT status FROM answers WHERE id = ?", (answer_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no answer with id {answer_id!r}")
        return ReviewStatus(str(row[0]))

    def add_review_event(
        self, answer_id: str, from_status: ReviewStatus | None, to_status: ReviewStatus,
        actor: str, note: str, at: str,
    ) -> ReviewEvent:
        """Append one event (never updates or deletes events)."""
        cur = self.conn.execute(
            "INSERT INTO review_events (answer_id, from_status, to_status, actor, note, at) VALUES (?,?,?,?,?,?)",
            (answer_id, from_status.value if from_status else None, to_status.value, actor, note, at),
        )
        return ReviewEvent(id=int(cur.lastrowid or 0), answer_id=answer_id, from_status=from_status,
                           to_status=to_status, actor=actor, note=note, at=at)

    def set_answer_status(self, answer_id: str, status: ReviewStatus, updated_at: str) -> None:
        cur = self.conn.execute(
            "UPDATE answers SET status = ?, updated_at = ? WHERE id = ?", (status.value, updated_at, answer_id)
        )
        if cur.rowcount == 0:
            raise NotFoundError(f"no answer with id {answer_id!r}")

    def review_history(self, answer_id: str) -> list[ReviewEvent]:
        """Every event for the answer, oldest first."""
        rows = self.conn.execute(
            "SELECT id, answer_id, from_status, to_status, actor, note, at FROM review_events "
            "WHERE answer_id = ? ORDER BY id",
            (answer_id,),
        )
        return [
            ReviewEvent(id=int(r[0]), answer_id=str(r[1]), from_status=ReviewStatus(r[2]) if r[2] else None,
                        to_status=ReviewStatus(str(r[3])), actor=str(r[4]), note=str(r[5]), at=str(r[6]))
            for r in rows
        ]

    def count_answers_by_status(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT status, count(*) FROM answers GROUP BY status ORDER BY status")
        return {str(s): int(n) for s, n in rows}
