from __future__ import annotations

import json
from dataclasses import replace

import pytest

from curbside.answer import answer_from_dict, answer_to_dict, ask
from curbside.errors import NotFoundError
from curbside.records import ReviewStatus
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.sample import sample_answer

REQUIRED = {"id", "question", "audience", "verdict", "bottom_line", "sections", "pitfalls", "escalation",
            "references", "safety", "disclaimer", "generator", "created_at", "updated_at", "status",
            "follow_up_of", "follow_ups", "insufficient", "notes", "settings_fingerprint", "kb_state"}
REFERENCE = {"number", "document_id", "kind", "kind_label", "title", "issuer", "year", "url", "pmid", "passage_ids"}


def test_json_schema_has_the_documented_keys() -> None:
    data = answer_to_dict(sample_answer())
    assert REQUIRED <= set(data)
    assert REFERENCE <= set(data["references"][0])
    assert data["references"][0]["kind_label"] == "Guideline"
    assert data["sections"][0] == {"title": "Management", "bullets": [
        {"text": "Eccentric and isometric exercises reduce pain within 12 weeks.", "citations": [1],
         "passage_ids": ["g#0"], "support": 1.0}]}
    assert data["verdict"] == "no" and data["audience"] == "clinician" and data["status"] == "submitted"
    json.dumps(data)  # JSON-able


def test_round_trip() -> None:
    answer = sample_answer()
    assert answer_from_dict(json.loads(json.dumps(answer_to_dict(answer)))) == answer


def test_short_bottom_line_form_is_accepted() -> None:
    data = answer_to_dict(sample_answer())
    data["bottom_line"] = "Plain text."
    assert answer_from_dict(data).bottom_line.text == "Plain text."


def test_store_round_trip_update_and_list(store: Store) -> None:
    first = sample_answer()
    store.save_answer(first)
    assert store.get_answer(first.id) == first
    second = sample_answer(id="fedcba9876543210", question="How is shingles treated?",
                           created_at="2024-05-02T00:00:00+00:00", updated_at="2024-05-02T00:00:00+00:00",
                           follow_up_of=first.id)
    store.save_answer(second)
    assert [a.id for a in store.list_answers()] == [second.id, first.id]
    assert [a.id for a in store.list_answers(query="shingles")] == [second.id]
    assert [a.id for a in store.list_answers(query="100%_")] == []
    assert store.list_answers(limit=1, offset=1)[0].id == first.id
    assert store.count_answers() == 2 and store.follow_ups_of(first.id) == [second.id]
    updated = replace(first, status=ReviewStatus.APPROVED, updated_at="2024-05-03T00:00:00+00:00")
    store.save_answer(updated)
    assert store.get_answer(first.id).status is ReviewStatus.APPROVED
    assert [a.id for a in store.list_answers(status="approved")] == [first.id]
    assert store.count_answers() == 2


def test_status_column_is_authoritative(store: Store) -> None:
    store.save_answer(sample_answer())
    store.conn.execute("UPDATE answers SET status = 'under_review', updated_at = 'later' WHERE id = ?",
                       (sample_answer().id,))
    got = store.get_answer(sample_answer().id)
    assert got.status is ReviewStatus.UNDER_REVIEW and got.updated_at == "later"


def test_unknown_answer_raises(store: Store) -> None:
    assert store.find_answer("nope") is None
    with pytest.raises(NotFoundError):
        store.get_answer("nope")


def test_ask_saves_a_submitted_answer(kb: Store, settings: Settings) -> None:
    answer = ask(kb, settings, "What are the symptoms of shingles?")
    stored = kb.get_answer(answer.id)
    assert stored == answer and stored.status is ReviewStatus.SUBMITTED
    assert ask(kb, settings, "What are the symptoms of shingles?", save=False).id not in {
        a.id for a in kb.list_answers()}


def test_progress_events(kb: Store, settings: Settings) -> None:
    events: list[str] = []
    ask(kb, settings, "What are the symptoms of shingles?", progress=events.append)
    assert events == ["retrieving", "composing", "verifying"]
