"""The JSON API in process, over a real SQLite knowledge base."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import EVIL


def error_of(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    assert body["error"]["message"]
    return body["error"]


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    for path in ("/api/v1/ask", "/api/v1/ask/stream", "/api/v1/answers", "/api/v1/answers/{answer_id}",
                 "/api/v1/answers/{answer_id}/review", "/api/v1/search", "/api/v1/documents/{doc_id}",
                 "/api/v1/health", "/api/v1/stats"):
        assert path in paths, path
    assert not any(p.startswith(("/answers", "/documents", "/policy")) for p in paths)  # pages stay out
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
    assert "/api/v1/ask/stream" in docs.text and "cdn" not in docs.text.lower()
    assert "<code>/api/v1/documents/{id}</code>" in docs.text  # `code` in descriptions, escaped around it


def test_health_and_stats(client: TestClient) -> None:
    health = client.get("/api/v1/health").json()
    assert health["status"] == "ok" and health["documents"] == 5
    stats = client.get("/api/v1/stats").json()
    assert stats["documents"] == 5 and stats["passages"] >= 6
    assert stats["by_kind"]["guideline"] == 1
    assert stats["answers_by_status"] == {"submitted": 2}


def test_search_returns_hits_with_documents(client: TestClient) -> None:
    data = client.get("/api/v1/search", params={"query": "thiazide diuretics mortality", "k": 3}).json()
    assert data["query"] == "thiazide diuretics mortality"
    assert data["hits"][0]["document"]["id"] == "pmid:111"
    assert data["hits"][0]["rank"] == 1 and data["hits"][0]["passage_id"] == "pmid:111#0"


def test_search_filters_by_kind_and_year(client: TestClient) -> None:
    data = client.get("/api/v1/search", params={"query": "hypertension", "kind": "guideline"}).json()
    assert {h["document"]["kind"] for h in data["hits"]} == {"guideline"}
    data = client.get("/api/v1/search", params={"query": "blood pressure", "since": 2022}).json()
    assert all(h["document"]["year"] >= 2022 for h in data["hits"])


def test_search_validation(client: TestClient) -> None:
    cases: list[dict[str, str | int]] = [
        {}, {"query": ""}, {"query": "   "}, {"query": "x", "k": 0}, {"query": "x", "k": 101},
        {"query": "x", "kind": "horoscope"}, {"query": "x", "since": "soon"}, {"query": "x" * 1001}]
    for params in cases:
        r = client.get("/api/v1/search", params=params)
        assert r.status_code == 422, params
        error_of(r)


def test_search_with_operator_characters_is_plain_text(client: TestClient) -> None:
    r = client.get("/api/v1/search", params={"query": 'salt" OR NEAR( -) * ^ ' + EVIL})
    assert r.status_code == 200


def test_document_with_passages(client: TestClient) -> None:
    data = client.get("/api/v1/documents/ngc:hypertension-2023").json()
    assert data["kind"] == "guideline" and data["issuer"] == "National Guideline Group"
    assert [p["id"] for p in data["passages"]] == ["ngc:hypertension-2023#0", "ngc:hypertension-2023#1"]
    expected = "/documents/ngc:hypertension-2023?passage=ngc%3Ahypertension-2023%231#passage-1"
    assert data["passages"][1]["url"] == expected


def test_document_id_with_a_slash(client: TestClient) -> None:
    data = client.get("/api/v1/documents/doi:10.1000/xyz.123").json()
    assert data["id"] == "doi:10.1000/xyz.123"
    assert client.get("/api/v1/documents/doi%3A10.1000%2Fxyz.123").json()["id"] == "doi:10.1000/xyz.123"


def test_unknown_ids_are_404_json(client: TestClient) -> None:
    for url in ("/api/v1/documents/nope", "/api/v1/answers/nope", "/api/v1/answers/nope/review", "/api/v1/nothing"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert error_of(r)["code"] == "not_found"
    r = client.post("/api/v1/answers/nope/review", json={"to": "under_review"})
    assert r.status_code == 404


def test_wrong_method_is_405_json(client: TestClient) -> None:
    r = client.delete("/api/v1/answers/ans-fixture-1")
    assert r.status_code == 405 and error_of(r)["code"] == "method_not_allowed"


def test_stored_answer_and_list(client: TestClient) -> None:
    data = client.get("/api/v1/answers/ans-fixture-1").json()
    assert data["id"] == "ans-fixture-1" and data["status"] == "submitted"
    assert data["references"][0]["kind"] == "guideline" and data["updated_at"]
    listing = client.get("/api/v1/answers", params={"query": "first-line"}).json()
    assert listing["total"] == 2 and {a["id"] for a in listing["answers"]} == {"ans-fixture-1", "ans-evil"}
    assert all(a["status"] == "submitted" and a["updated_at"] for a in listing["answers"])
    assert client.get("/api/v1/answers", params={"status": "approved"}).json()["answers"] == []
    page = client.get("/api/v1/answers", params={"limit": 1}).json()
    assert len(page["answers"]) == 1 and page["next_offset"] == 1
    assert client.get("/api/v1/answers", params={"status": "published"}).status_code == 422
    assert client.get("/api/v1/answers", params={"limit": 0}).status_code == 422


def test_review_transitions_over_the_api(client: TestClient) -> None:
    url = "/api/v1/answers/ans-fixture-1/review"
    r = client.post(url, json={"to": "approved", "actor": "ed"})
    assert r.status_code == 409 and error_of(r)["code"] == "conflict"
    assert "cannot move to approved" in r.json()["error"]["message"]
    r = client.post(url, json={"to": "under_review", "actor": "ed", "note": "reading"})
    assert r.status_code == 200
    assert r.json()["status"] == "under_review" and r.json()["allowed_next"] == ["approved", "changes_requested"]
    assert client.post(url, json={"to": "changes_requested"}).status_code == 409  # needs a note
    r = client.post(url, json={"to": "Approved", "actor": "ed", "note": "checked against sources"})
    assert r.status_code == 200
    review = client.get(url).json()
    assert [e["to_status"] for e in review["events"]] == ["under_review", "approved"]
    answer = client.get("/api/v1/answers/ans-fixture-1").json()
    assert answer["status"] == "approved" and answer["updated_at"] == review["events"][-1]["at"]
    assert client.get("/api/v1/answers", params={"status": "approved"}).json()["total"] == 1


def test_review_validation(client: TestClient) -> None:
    url = "/api/v1/answers/ans-fixture-1/review"
    for body in ({}, {"to": ""}, {"to": "published"}, {"to": "approved", "extra": 1}, {"to": "x", "note": "n" * 5000}):
        r = client.post(url, json=body)
        assert r.status_code in (409, 422), body
        error_of(r)
    r = client.post(url, content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_ask_validation_before_any_work(client: TestClient) -> None:
    for body in ({}, {"question": ""}, {"question": "   "}, {"question": "x" * 2001},
                 {"question": "ok?", "audience": "martian"}, {"question": "ok?", "follow_up_of": "x" * 300},
                 {"question": 5}, {"question": "ok?", "unknown": True}):
        r = client.post("/api/v1/ask", json=body)
        assert r.status_code == 422, (body, r.status_code)
        error_of(r)
    r = client.post("/api/v1/ask", json={"question": "x" * 2001})
    assert "too long" in r.json()["error"]["message"] and "2,000" in r.json()["error"]["message"]
    for params in ({"question": " "}, {"question": "x" * 2001}, {}, {"question": "ok?", "audience": "martian"}):
        r = client.get("/api/v1/ask/stream", params=params)
        assert r.status_code == 422, params
        assert error_of(r)["code"] == "invalid_input"


def test_errors_never_leak_html_on_the_api(client: TestClient) -> None:
    r = client.get("/api/v1/documents/nope", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
