from __future__ import annotations

from pathlib import Path

import pytest

from curbside.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(kb=tmp_path / "kb.sqlite", retriever="lexical")
