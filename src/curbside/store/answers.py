"""Stored answers (articles) and their JSON form: save (insert or update), get, find, list.

The JSON form (``answer_to_dict`` / ``answer_from_dict``) is the public answer schema: the
API, ``curbside ask --json`` and the ``answers.body`` column all use it. It lives here, below
the answer layer, because the store must read answers back without importing that layer.
The ``status`` and ``updated_at`` columns are authoritative over the body (reviews may move
the status without rewriting the body).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from curbside.errors import NotFoundError, StoreError
from curbside.records import (
    Answer,
    AnswerSection,
    Audience,
    Bullet,
    Kind,
    Reference,
    ReviewStatus,
    SafetyNotice,
    Verdict,
)

SCHEMA_VERSION = 1


def _bullet_to_dict(b: Bullet) -> dict[str, Any]:
    return {"text": b.text, "citations": list(b.citations), "passage_ids": list(b.passage_ids),
            "support": None if b.support is None else round(b.support, 3)}


def _bullet_from_dict(d: Mapping[str, Any]) -> Bullet:
    support = d.get("support")
    return Bullet(text=str(d["text"]), citations=tuple(int(c) for c in d.get("citations", ())),
                  passage_ids=tuple(str(p) for p in d.get("passage_ids", ())),
                  support=None if support is None else float(support))


def _reference_to_dict(r: Reference) -> dict[str, Any]:
    return {"number": r.number, "document_id": r.document_id, "kind": r.kind.value, "kind_label": r.kind.label,
            "title": r.title, "issuer": r.issuer, "year": r.year, "url": r.url, "pmid": r.pmid,
            "passage_ids": list(r.passage_ids), "fetched_live": r.fetched_live}


def _reference_from_dict(d: Mapping[str, Any]) -> Reference:
    year = d.get("year")
    return Reference(number=int(d["number"]), document_id=str(d["document_id"]), kind=Kind(d["kind"]),
                     title=str(d.get("title", "")), issuer=str(d.get("issuer", "")),
                     year=None if year is None else int(year), url=str(d.get("url", "")),
                     pmid=str(d.get("pmid", "")), passage_ids=tuple(str(p) for p in d.get("passage_ids", ())),
                     fetched_live=bool(d.get("fetched_live", False)))


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """The answer as plain JSON-able data (the public schema; see docs/answers.md)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": answer.id,
        "question": answer.question,
        "audience": answer.audience.value,
        "verdict": answer.verdict.value if answer.verdict else None,
        "bottom_line": _bullet_to_dict(answer.bottom_line),
        "sections": [{"title": s.title, "bullets": [_bullet_to_dict(b) for b in s.bullets]}
                     for s in answer.sections],
        "pitfalls": [_bullet_to_dict(b) for b in answer.pitfalls],
        "escalation": [_bullet_to_dict(b) for b in answer.escalation],
        "references": [_reference_to_dict(r) for r in answer.references],
        "safety": [{"kind": s.kind, "message": s.message} for s in answer.safety],
        "disclaimer": answer.disclaimer,
        "generator": answer.generator,
        "created_at": answer.created_at,
        "updated_at": answer.updated_at,
        "status": answer.status.value,
        "status_label": answer.status.label,
        "insufficient": answer.insufficient,
        "follow_up_of": answer.follow_up_of,
        "follow_ups": list(answer.follow_ups),
        "notes": list(answer.notes),
        "settings_fingerprint": answer.settings_fingerprint,
        "kb_state": answer.kb_state,
        "verified_by": answer.verified_by,
    }


def answer_from_dict(d: Mapping[str, Any]) -> Answer:
    """Inverse of :func:`answer_to_dict` (unknown keys are ignored; raises KeyError/ValueError)."""
    verdict = d.get("verdict")
    bottom = d["bottom_line"]
    if isinstance(bottom, str):  # tolerate the short form {"bottom_line": "text"}
        bottom = {"text": bottom}
    return Answer(
        id=str(d["id"]), question=str(d["question"]), audience=Audience(d.get("audience", "clinician")),
        bottom_line=_bullet_from_dict(bottom),
        sections=tuple(AnswerSection(str(s["title"]), tuple(_bullet_from_dict(b) for b in s.get("bullets", ())))
                       for s in d.get("sections", ())),
        pitfalls=tuple(_bullet_from_dict(b) for b in d.get("pitfalls", ())),
        escalation=tuple(_bullet_from_dict(b) for b in d.get("escalation", ())),
        references=tuple(_reference_from_dict(r) for r in d.get("references", ())),
        safety=tuple(SafetyNotice(str(s["kind"]), str(s["message"])) for s in d.get("safety", ())),
        disclaimer=str(d.get("disclaimer", "")), generator=str(d.get("generator", "")),
        created_at=str(d.get("created_at", "")), verdict=Verdict(verdict) if verdict else None,
        insufficient=bool(d.get("insufficient", False)), follow_up_of=d.get("follow_up_of") or None,
        follow_ups=tuple(str(q) for q in d.get("follow_ups", ())),
        settings_fingerprint=str(d.get("settings_fingerprint", "")), kb_state=str(d.get("kb_state", "")),
        verified_by=str(d.get("verified_by", "")),
        notes=tuple(str(n) for n in d.get("notes", ())), updated_at=str(d.get("updated_at", "")),
        status=ReviewStatus(d.get("status", ReviewStatus.SUBMITTED.value)),
    )


_COLUMNS = "body, status, updated_at"


def _row_to_answer(row: Sequence[object]) -> Answer:
    body, status, updated_at = row
    data = json.loads(str(body))
    data["status"], data["updated_at"] = str(status), str(updated_at)
    return answer_from_dict(data)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class AnswersMixin:
    conn: sqlite3.Connection

    def save_answer(self, answer: Answer) -> None:
        """Insert the answer, or update it in place (same id): body, status, updated_at."""
        updated = answer.updated_at or answer.created_at
        body = json.dumps(answer_to_dict(answer), ensure_ascii=False)
        try:
            self.conn.execute(
                "INSERT INTO answers (id, question, audience, follow_up_of, status, generator, "
                "settings_fingerprint, kb_state, body, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET question=excluded.question, status=excluded.status, "
                "generator=excluded.generator, body=excluded.body, updated_at=excluded.updated_at",
                (answer.id, answer.question, answer.audience.value, answer.follow_up_of, answer.status.value,
                 answer.generator, answer.settings_fingerprint, answer.kb_state, body, answer.created_at,
                 updated),
            )
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"cannot save answer {answer.id!r}: {exc}") from None

    def find_answer(self, answer_id: str) -> Answer | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM answers WHERE id = ?", (answer_id,)).fetchone()
        return _row_to_answer(row) if row else None

    def get_answer(self, answer_id: str) -> Answer:
        answer = self.find_answer(answer_id)
        if answer is None:
            raise NotFoundError(f"no answer with id {answer_id!r}")
        return answer

    def _answer_where(self, query: str | None, status: str | None) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if query:
            clauses.append("question LIKE ? ESCAPE '\\'")
            params.append(_like(query.strip()))
        if status:
            clauses.append("status = ?")
            params.append(ReviewStatus(status).value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list_answers(self, query: str | None = None, status: str | None = None,
                     limit: int = 50, offset: int = 0) -> list[Answer]:
        """Answers, newest update first; ``query`` matches words of the question (case-insensitive)."""
        where, params = self._answer_where(query, status)
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM answers{where} ORDER BY updated_at DESC, created_at DESC, id LIMIT ? OFFSET ?",
            [*params, max(0, limit), max(0, offset)],
        )
        return [_row_to_answer(r) for r in rows]

    def count_answers(self, query: str | None = None, status: str | None = None) -> int:
        where, params = self._answer_where(query, status)
        return int(self.conn.execute(f"SELECT count(*) FROM answers{where}", params).fetchone()[0])

    def follow_ups_of(self, answer_id: str) -> list[str]:
        """Ids of stored answers that follow up ``answer_id``, oldest first."""
        rows = self.conn.execute("SELECT id FROM answers WHERE follow_up_of = ? ORDER BY created_at, id",
                                 (answer_id,))
        return [str(r[0]) for r in rows]
