"""Rate limiting (token bucket per client address) and request-size limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from curbside.settings import Settings
from curbside.web import WebOptions, create_app
from curbside.web.ratelimit import TokenBuckets


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_allows_a_burst_then_refills() -> None:
    clock = Clock()
    buckets = TokenBuckets(per_minute=60, burst=3, clock=clock)
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = buckets.take("a")
    assert wait == pytest.approx(1.0)
    assert buckets.take("b") == 0.0  # per client
    clock.now += 1.0
    assert buckets.take("a") == 0.0
    clock.now += 100
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]  # refills up to the burst, no more
    assert buckets.take("a") > 0


def test_disabled_bucket_never_limits() -> None:
    buckets = TokenBuckets(per_minute=0, burst=1)
    assert all(buckets.take("a") == 0.0 for _ in range(1000))


def test_bucket_memory_is_bounded() -> None:
    clock = Clock()
    buckets = TokenBuckets(per_minute=60, burst=2, clock=clock, max_clients=100)
    for i in range(1000):
        buckets.take(f"10.0.{i // 250}.{i % 250}")
        clock.now += 0.01
    assert len(buckets._buckets) <= 100


@pytest.fixture
def strict_client(settings: Settings) -> Iterator[TestClient]:
    options = WebOptions(rate_per_minute=60, burst=5, ask_per_minute=6, ask_burst=2, max_body_bytes=2048, pool_size=2)
    with TestClient(create_app(settings, options)) as c:
        yield c


def test_requests_over_the_limit_get_429_with_retry_after(strict_client: TestClient) -> None:
    codes = [strict_client.get("/api/v1/stats").status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    r = strict_client.get("/api/v1/stats")
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert r.json()["error"]["code"] == "rate_limited"
    page = strict_client.get("/policy")
    assert page.status_code == 429 and "Too many requests" in page.text  # pages get an HTML error page
    assert strict_client.get("/api/v1/health").status_code == 200  # health checks are never limited
    assert strict_client.get("/static/style.css").status_code == 200


def test_asking_has_its_own_smaller_bucket(strict_client: TestClient) -> None:
    codes = [strict_client.post("/api/v1/ask", json={"question": " "}).status_code for _ in range(3)]
    assert codes == [422, 422, 429]
    r = strict_client.get("/api/v1/ask/stream", params={"question": "x"})
    assert r.status_code == 429
    r = strict_client.post("/ask", data={"question": "x"})
    assert r.status_code == 429


def test_oversized_bodies_get_413(strict_client: TestClient) -> None:
    big = {"question": "x" * 5000}
    r = strict_client.post("/api/v1/ask", json=big)
    assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"question": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    r = strict_client.post("/api/v1/ask", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = strict_client.post("/ask", data={"question": "z" * 5000})
    assert r.status_code == 413 and "text/html" in r.headers["content-type"]


def test_form_with_too_many_fields_is_refused(client: TestClient) -> None:
    body = "&".join(f"f{i}=1" for i in range(50))
    r = client.post("/ask", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 422
