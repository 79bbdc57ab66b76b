"""The E-utilities client against a local server: parameters, politeness, retries, failures."""

from __future__ import annotations

import socket
import time

import pytest

from curbside.errors import FetchError
from curbside.literature.eutils import EutilsClient
from curbside.literature.ratelimit import RateLimiter
from curbside.settings import Settings
from curbside.store import Store
from tests.literature.conftest import DATA, FIXTURES
from tests.literature.eutils_server import Canned, EutilsServer


def _max_in_window(times: list[float], window: float = 1.0) -> int:
    """Most requests that arrived within any ``window`` seconds."""
    times = sorted(times)
    best = 0
    for i, start in enumerate(times):
        best = max(best, sum(1 for t in times[i:] if t - start < window))
    return best


def test_esearch_sends_term_retmax_sort_tool_and_email(eutils: EutilsServer, client: EutilsClient) -> None:
    eutils.script("esearch", Canned(body=(FIXTURES / "eutils/esearch1.xml").read_bytes()))
    result = client.esearch("biopython", retmax=20, sort="pub_date")
    (call,) = eutils.calls("esearch")
    assert call.method == "GET"
    assert call.params == {"db": "pubmed", "term": "biopython", "retmax": "20", "retstart": "0", "sort": "pub_date",
                           "tool": "curbside-tests", "email": "dev@example.org"}
    assert "api_key" not in call.params
    # the recorded NCBI response, parsed
    assert result.count == 63 and len(result.ids) == 20 and result.ids[0] == "41282813"
    assert result.translation == '"biopython"[All Fields]'
    assert not result.webenv and not result.from_cache


def test_history_server_fields_are_read(eutils: EutilsServer, client: EutilsClient) -> None:
    eutils.script("esearch", Canned(body=(FIXTURES / "eutils/esearch2.xml").read_bytes()))
    result = client.esearch("cancer", retmax=100, usehistory=True)
    assert eutils.calls("esearch")[0].params["usehistory"] == "y"
    assert result.count == 42249 and len(result.ids) == 100
    assert result.webenv == "MCID_6927d6e7fee3e90f880ec190" and result.query_key == "1"


def test_api_key_is_sent_never_cached_and_allows_ten_per_second(
    eutils: EutilsServer, settings: Settings, kb: Store
) -> None:
    with EutilsClient.from_settings(settings.replace(ncbi_api_key="k3y"), cache=kb) as c:
        assert c.limiter.per_second == 10
        for i in range(10):
            c.esearch(f"term {i}")
    calls = eutils.calls("esearch")
    assert all(call.params["api_key"] == "k3y" for call in calls)
    assert calls[-1].at - calls[0].at < 1.0  # ten within a second: faster than the keyless allowance
    cached = kb.conn.execute("SELECT group_concat(request) FROM fetch_cache").fetchone()[0]
    assert "k3y" not in cached


def test_limiter_never_starts_more_than_its_allowance_in_a_second() -> None:
    now = [0.0]
    starts: list[float] = []

    def sleep(seconds: float) -> None:
        now[0] += seconds

    limiter = RateLimiter(10, clock=lambda: now[0], sleep=sleep)
    for _ in range(35):
        limiter.acquire()
        starts.append(now[0])
        now[0] += 0.01
    assert _max_in_window(starts) == 10
    assert starts[10] >= starts[0] + 1.0


def test_retries_after_429_honouring_retry_after_then_500(eutils: EutilsServer, client: EutilsClient) -> None:
    eutils.script(
        "esearch",
        Canned(status=429, body=b'{"error":"API rate limit exceeded","count":"4","limit":"3"}',
               headers={"Retry-After": "1"}),
        Canned(status=500, body=b"Internal Server Error"),
    )
    result = client.esearch("asthma")
    assert result.count == len(eutils.default_ids)
    calls = eutils.calls("esearch")
    assert len(calls) == 3
    assert calls[1].at - calls[0].at >= 1.0  # waited as Retry-After asked
    assert client.requests == 3


def test_gives_up_after_the_last_retry(eutils: EutilsServer, settings: Settings, kb: Store) -> None:
    eutils.script("esearch", *[Canned(status=503, body=b"Service Unavailable")] * 3)
    with EutilsClient.from_settings(settings, cache=kb, retries=2, backoff_s=0.01) as c:
        with pytest.raises(FetchError, match=r"failed after 3 attempt\(s\): HTTP 503"):
            c.esearch("asthma")
    assert len(eutils.calls()) == 3
    assert kb.cache_count() == 0


def test_client_errors_are_not_retried_and_quote_ncbi(eutils: EutilsServer, client: EutilsClient) -> None:
    eutils.script("esearch", Canned(status=400, body=b'{"error":"API key invalid"}'))
    with pytest.raises(FetchError, match="HTTP 400.*API key invalid"):
        client.esearch("asthma")
    assert len(eutils.calls()) == 1


def test_esearch_error_element_is_reported(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    eutils.script("esearch", Canned(body=(DATA / "esearch_error.xml").read_bytes()))
    with pytest.raises(FetchError, match="Empty term and query_key"):
        client.esearch("asthma")
    assert kb.cache_count() == 0


def test_timeout_is_a_fetch_error(eutils: EutilsServer, settings: Settings, kb: Store) -> None:
    eutils.script("esearch", Canned(delay=1.5, passthrough=True), Canned(delay=1.5, passthrough=True))
    started = time.monotonic()
    with EutilsClient.from_settings(settings, cache=kb, timeout_s=0.3, retries=1, backoff_s=0.01) as c:
        with pytest.raises(FetchError, match=r"no answer within 0.3s"):
            c.esearch("asthma")
    assert time.monotonic() - started < 1.5
    assert len(eutils.calls()) == 2
    assert kb.cache_count() == 0


def test_unreachable_host_fails_fast_with_advice(settings: Settings, kb: Store) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dead = settings.replace(eutils_url=f"http://127.0.0.1:{port}/entrez/eutils")
    with EutilsClient.from_settings(dead, cache=kb) as c:
        with pytest.raises(FetchError, match="cannot reach PubMed E-utilities at 127.0.0.1.*--offline"):
            c.esearch("asthma")
        assert c.probe(timeout_s=0.5) is False


def test_offline_makes_no_request(eutils: EutilsServer, settings: Settings, kb: Store) -> None:
    with EutilsClient.from_settings(settings.replace(offline=True), cache=kb) as c:
        with pytest.raises(FetchError, match="offline"):
            c.esearch("asthma")
        with pytest.raises(FetchError, match="offline"):
            list(c.iter_fetch(["29768149"]))
        assert c.probe() is False
    assert eutils.calls() == []


def test_identical_search_is_served_from_the_cache(eutils: EutilsServer, client: EutilsClient) -> None:
    first = client.esearch("asthma budesonide")
    second = client.esearch("asthma budesonide")
    assert second.ids == first.ids and second.from_cache
    assert len(eutils.calls()) == 1
    client.esearch("asthma budesonide", refresh=True)
    assert len(eutils.calls()) == 2


def test_efetch_posts_at_most_200_ids(eutils: EutilsServer, client: EutilsClient) -> None:
    ids = [str(100000 + i) for i in range(450)]
    batches = list(client.iter_fetch(ids))
    calls = eutils.calls("efetch")
    assert [c.method for c in calls] == ["POST"] * 3
    assert [len(c.ids) for c in calls] == [200, 200, 50]
    assert [i for c in calls for i in c.ids] == ids
    assert all(c.params["db"] == "pubmed" and c.params["tool"] == "curbside-tests" for c in calls)
    assert sum(len(b.missing) for b in batches) == 450  # unknown ids are simply absent


def test_efetch_replays_a_recorded_response(eutils: EutilsServer, client: EutilsClient) -> None:
    (batch,) = client.iter_fetch(["12091962", "9997"])
    assert list(batch.articles) == ["12091962", "9997"]
    assert "<ArticleTitle>The treatment of AIDS" in batch.articles["12091962"]
    assert batch.from_cache == 0 and len(batch.new_entries) == 2


def test_efetch_error_element_is_reported(eutils: EutilsServer, client: EutilsClient) -> None:
    eutils.script("efetch", Canned(body=(DATA / "efetch_error.xml").read_bytes()))
    with pytest.raises(FetchError, match="Unable to obtain query #1"):
        list(client.iter_fetch(["9997"]))
