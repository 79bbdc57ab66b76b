"""Shared fixtures: a real SQLite knowledge base in a tmp dir, and the shared data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curbside.embed._weights import PackagedModel
from curbside.errors import EmbedError
from curbside.records import Document, Kind, Section
from curbside.store import Store

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the internet: live PubMed tests point at their own local server."""
    monkeypatch.setenv("CURBSIDE_OFFLINE", "1")


def needs_weights(package: PackagedModel, model: str) -> pytest.MarkDecorator:
    """Skip a test (or, as ``pytestmark``, a module) when ``package``'s model files are not installed."""
    try:
        package.locate()
    except EmbedError as exc:
        return pytest.mark.skipif(True, reason=f"{model} weights unavailable: {exc}")
    return pytest.mark.skipif(False, reason="")


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (it sits beside the checkout in CI)")
    return SHARED_DATA


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[Store]:
    """The small answer corpus (``tests/answer/corpus.py``) ingested into a real SQLite KB."""
    from tests.answer.corpus import build

    store = build(tmp_path / "kb.sqlite")
    yield store
    store.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "kb.sqlite")
    yield s
    s.close()


def make_doc(doc_id: str, title: str, *sections: tuple[str, str], kind: Kind = Kind.OTHER,
             year: int | None = 2020, issuer: str = "Test Journal") -> Document:
    return Document(id=doc_id, kind=kind, title=title, source="test", issuer=issuer, year=year,
                    sections=tuple(Section(label, text) for label, text in sections))
