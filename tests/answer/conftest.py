from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curbside.settings import Settings
from curbside.store import Store
from tests.answer.corpus import build


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[Store]:
    store = build(tmp_path / "kb.sqlite")
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(kb=tmp_path / "kb.sqlite", retriever="lexical")
