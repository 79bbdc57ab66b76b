"""Fixtures for live-literature tests: a local E-utilities server replaying real responses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curbside.literature.eutils import EutilsClient
from curbside.literature.live import forget_network_probe
from curbside.settings import Settings
from curbside.store import Store
from tests.conftest import SHARED_DATA
from tests.literature.eutils_server import EutilsServer, load_fixture_articles

FIXTURES = SHARED_DATA / "fixtures"
DATA = Path(__file__).parent / "data"
ASTHMA_PMID = "29768149"


@pytest.fixture(scope="session")
def fixture_articles() -> tuple[dict[str, str], dict[frozenset[str], bytes]]:
    if not (FIXTURES / "eutils").is_dir():
        pytest.skip(f"E-utilities fixtures not found at {FIXTURES} (shared data sits beside the checkout in CI)")
    return load_fixture_articles([FIXTURES / "eutils", FIXTURES / "pubmed"])


@pytest.fixture
def eutils(fixture_articles: tuple[dict[str, str], dict[frozenset[str], bytes]]) -> Iterator[EutilsServer]:
    articles, files = fixture_articles
    server = EutilsServer(articles, files).start()
    forget_network_probe()
    yield server
    server.stop()
    forget_network_probe()


@pytest.fixture
def settings(tmp_path: Path, eutils: EutilsServer) -> Settings:
    return Settings(kb=tmp_path / "kb.sqlite", eutils_url=eutils.url, ncbi_email="dev@example.org",
                    ncbi_tool="curbside-tests", retriever="lexical")


@pytest.fixture
def kb(settings: Settings) -> Iterator[Store]:
    with Store.open(settings.kb) as store:
        yield store


@pytest.fixture
def client(settings: Settings, kb: Store) -> Iterator[EutilsClient]:
    with EutilsClient.from_settings(settings, cache=kb, backoff_s=0.01, timeout_s=5.0) as c:
        yield c


@pytest.fixture
def fast_client(settings: Settings, kb: Store) -> Iterator[EutilsClient]:
    """A client with an API key (10 requests/s), for tests that make many requests."""
    with EutilsClient.from_settings(settings.replace(ncbi_api_key="test-key"), cache=kb, backoff_s=0.01) as c:
        yield c


@pytest.fixture(autouse=True)
def _online_to_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests talk to their own E-utilities server on 127.0.0.1, so network use is allowed."""
    monkeypatch.delenv("CURBSIDE_OFFLINE", raising=False)
