"""A real ``curbside serve`` process on 127.0.0.1, hit over HTTP with httpx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import engine_ask_available
from tests.web.helpers import free_port, start_server, stop_server


@pytest.fixture
def server(kb_path: Path, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    proc = start_server(kb_path, port, "--ask-rate-limit", "0", cwd=tmp_path)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stderr = stop_server(proc)
        assert "Traceback" not in stderr, stderr


def test_real_server_serves_api_and_pages(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as http:
        health = http.get("/api/v1/health").json()
        assert health["status"] == "ok" and health["documents"] == 5
        assert http.get("/api/v1/openapi.json").json()["info"]["title"] == "curbside"
        hits = http.get("/api/v1/search", params={"query": "thiazide"}).json()["hits"]
        assert hits[0]["document"]["id"] == "pmid:111"
        page = http.get("/answers/ans-fixture-1")
        assert page.status_code == 200 and "Educational purpose only • pending review" in page.text
        assert "server" not in page.headers  # no version banner
        assert http.get("/api/v1/answers/nope").status_code == 404
        assert http.post("/api/v1/ask", json={"question": ""}).status_code == 422
        r = http.post("/api/v1/ask", content=b"x" * 100_000, headers={"content-type": "application/json"})
        assert r.status_code == 413
        if engine_ask_available():
            answer = http.post("/api/v1/ask", json={"question": "Which drugs treat hypertension in adults?"})
            assert answer.status_code == 201
            answer_id = answer.json()["id"]
            assert http.get(f"/answers/{answer_id}").status_code == 200
            with http.stream("GET", "/api/v1/ask/stream", params={"question": "Is salt reduction useful?"}) as s:
                body = "".join(s.iter_text())
            assert "event: progress" in body and "event: answer" in body


def test_worker_processes_build_the_app_from_the_environment(kb_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from curbside.web import WebOptions
    from curbside.web.app import OPTIONS_ENV, app_from_env, options_to_env

    monkeypatch.setenv("CURBSIDE_KB", str(kb_path))
    monkeypatch.setenv(OPTIONS_ENV, options_to_env(WebOptions(rate_per_minute=60, burst=2)))
    with TestClient(app_from_env()) as client:
        assert client.get("/api/v1/health").json()["documents"] == 5
        assert [client.get("/api/v1/stats").status_code for _ in range(3)] == [200, 200, 429]


def test_rate_limits_come_from_settings_and_flags_override_them(kb_path: Path, tmp_path: Path) -> None:
    """CURBSIDE_WEB_RATE_LIMIT (or curbside.toml) limits a real server; they do not change answers' fingerprint."""
    from curbside.settings import Settings

    assert Settings(web_rate_limit=5).fingerprint() == Settings().fingerprint()
    port = free_port()
    proc = start_server(kb_path, port, cwd=tmp_path, env={"CURBSIDE_WEB_RATE_LIMIT": "6"})
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            codes = [http.get("/api/v1/stats").status_code for _ in range(8)]
        assert 429 in codes
    finally:
        stop_server(proc)
    port = free_port()
    proc = start_server(kb_path, port, "--rate-limit", "0", cwd=tmp_path, env={"CURBSIDE_WEB_RATE_LIMIT": "6"})
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            assert all(http.get("/api/v1/stats").status_code == 200 for _ in range(8))
    finally:
        stop_server(proc)
