"""A knowledge base of real NGC guideline summaries from the shared corpora, for tests that term weights decide: the
first ``GUIDELINES`` summaries (enough for real IDFs, ingested in about a second) and the ones a test quotes."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.ingest import ingest_paths
from curbside.records import Answer, Audience
from curbside.settings import Settings
from curbside.store import Store
from tests.conftest import SHARED_DATA

GUIDELINES = 150


def guideline_kb(tmp_path_factory: pytest.TempPathFactory, quoted: tuple[str, ...],
                 corpora: tuple[str, ...] = ()) -> Store:
    """A new store holding the first ``GUIDELINES`` NGC summaries, ``quoted`` (file names) and ``corpora`` (paths under
    the shared corpora: "uspstf/uspstf_enriched.json"); skips the test when the shared data is not beside the
    checkout."""
    summaries = SHARED_DATA / "corpora" / "ngc" / "summaries"
    if not summaries.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (it sits beside the checkout in CI)")
    files = [*sorted(summaries.glob("ngc-*.xml"))[:GUIDELINES], *(summaries / name for name in quoted),
             *(SHARED_DATA / "corpora" / path for path in corpora)]
    store = Store.open(tmp_path_factory.mktemp("guidelines") / "kb.sqlite")
    ingest_paths(store, files)
    return store


def ask_offline(store: Store, question: str, audience: Audience, *, semantic: bool = True) -> Answer:
    """``question`` answered from ``store`` alone, with lexical retrieval, unsaved: the pipeline a test checks
    (``semantic``: whether closeness in meaning may decide sufficiency, as by default)."""
    return ask(store, Settings(kb=store.path, retriever="lexical", offline=True, semantic_sufficiency=semantic),
               question, audience=audience, save=False)
