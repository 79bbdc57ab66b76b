"""Asking over the API: POST /ask and the Server-Sent Events stream, with the real answer engine."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.web.conftest import needs_engine

pytestmark = needs_engine
QUESTION = "What is the first-line treatment for hypertension in adults?"


def read_events(client: TestClient, **params: str) -> list[tuple[str, dict]]:
    events = []
    with client.stream("GET", "/api/v1/ask/stream", params=params) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        name = ""
        for line in r.iter_lines():
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.append((name, json.loads(line.removeprefix("data: "))))
    return events


def test_post_ask_returns_the_answer_json_and_stores_it(client: TestClient) -> None:
    r = client.post("/api/v1/ask", json={"question": QUESTION})
    assert r.status_code == 201
    answer = r.json()
    assert r.headers["location"] == f"/api/v1/answers/{answer['id']}"
    for key in ("id", "question", "audience", "verdict", "bottom_line", "sections", "pitfalls", "escalation",
                "references", "safety", "disclaimer", "generator", "created_at", "status", "updated_at"):
        assert key in answer, key
    assert answer["status"] == "submitted" and answer["audience"] == "clinician"
    assert answer["references"], "expected cited references"
    assert client.get(f"/api/v1/answers/{answer['id']}").json() == answer
    # every citation resolves to a passage that the documents endpoint serves
    for ref in answer["references"]:
        doc = client.get(f"/api/v1/documents/{ref['document_id']}").json()
        assert set(ref["passage_ids"]) <= {p["id"] for p in doc["passages"]}


def test_patient_audience_and_follow_up(client: TestClient) -> None:
    first = client.post("/api/v1/ask", json={"question": "How can I lower my blood pressure?",
                                             "audience": "patient"}).json()
    assert first["audience"] == "patient"
    follow = client.post("/api/v1/ask", json={"question": "Does eating less salt help?", "audience": "patient",
                                              "follow_up_of": first["id"]})
    assert follow.status_code == 201 and follow.json()["follow_up_of"] == first["id"]
    r = client.post("/api/v1/ask", json={"question": "And in children?", "follow_up_of": "no-such-answer"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_stream_sends_progress_then_the_answer(client: TestClient) -> None:
    events = read_events(client, question=QUESTION, audience="clinician")
    names = [n for n, _ in events]
    assert names[-1] == "answer" and names[:-1] == ["progress"] * (len(names) - 1)
    stages = [d["stage"] for n, d in events if n == "progress"]
    assert stages[0] == "queued" and "retrieving" in stages and "composing" in stages
    answer = events[-1][1]
    assert answer["question"] == QUESTION
    assert client.get(f"/api/v1/answers/{answer['id']}").status_code == 200  # saved


def test_stream_checks_input_before_streaming(client: TestClient) -> None:
    r = client.get("/api/v1/ask/stream", params={"question": "x", "follow_up_of": "nope"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_non_medical_question_is_declined_not_an_error(client: TestClient) -> None:
    r = client.post("/api/v1/ask", json={"question": "What is the capital of France?"})
    assert r.status_code == 201 and r.json()["insufficient"] is True and not r.json()["references"]
    page = client.get(f"/answers/{r.json()['id']}")
    assert page.status_code == 200 and "does not look like a medical question" in page.text


def test_answers_from_the_engine_render_with_working_citations(client: TestClient) -> None:
    answer = client.post("/api/v1/ask", json={"question": QUESTION}).json()
    html = client.get(f"/answers/{answer['id']}").text
    assert html.count('class="cite"') >= 1
    for ref in answer["references"]:
        assert f'id="ref-{ref["number"]}"' in html
    md = client.get(f"/answers/{answer['id']}.md")
    assert md.status_code == 200 and answer["bottom_line"]["text"][:40] in md.text


def test_stream_reports_engine_refusals_as_error_events(client: TestClient) -> None:
    events = read_events(client, question="???")
    assert events[-1][0] == "error"
    assert events[-1][1]["error"] == {"status": 422, "code": "invalid_input",
                                      "message": "the question has no searchable words"}


def test_emergency_notice_leads_the_answer_page(client: TestClient) -> None:
    r = client.post("/api/v1/ask", json={"question": "I have crushing chest pain and can't breathe, what should I do?",
                                         "audience": "patient"})
    assert r.status_code == 201 and r.json()["safety"][0]["kind"] == "emergency"
    html = client.get(f"/answers/{r.json()['id']}").text
    assert html.index('class="safety safety-emergency urgent" role="alert"') < html.index('id="answer-title"')


def test_a_part_the_answer_does_not_mention_is_named_on_the_page(client: TestClient) -> None:
    r = client.post("/api/v1/ask", json={"question": "How should hypertension be treated in adults with type 2 "
                                                     "diabetes, and does yoga help?"})
    assert r.status_code == 201, r.text
    gaps = [n for n in r.json()["safety"] if n["kind"] == "gaps"]
    assert len(gaps) == 1 and "“does yoga help”" in gaps[0]["message"]
    html = client.get(f"/answers/{r.json()['id']}").text
    assert 'class="safety safety-gaps" role="note"' in html and "Not covered:" in html
