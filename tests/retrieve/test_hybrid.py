from __future__ import annotations

from pathlib import Path

import pytest

from curbside.embedding_job import embed_missing
from curbside.errors import ConfigError, EmbedError
from curbside.ingest import ingest_documents
from curbside.records import Kind
from curbside.retrieve import make_retriever
from curbside.retrieve.base import Filters
from curbside.retrieve.dense import DenseRetriever
from curbside.retrieve.hybrid import HybridRetriever
from curbside.retrieve.lexical import LexicalRetriever
from curbside.settings import Settings
from curbside.store import Store
from tests.conftest import make_doc

DOCS = [
    make_doc("obs", "Statins and breast cancer survival: a cohort", ("Abstract", "Statin use after diagnosis was "
             "associated with lower breast cancer mortality in a cohort of women."),
             kind=Kind.OBSERVATIONAL, year=2012),
    make_doc("sr", "Statins and breast cancer: systematic review", ("Abstract", "Pooled cohorts: statin use and "
             "breast cancer recurrence and survival."), kind=Kind.SYSTEMATIC_REVIEW, year=2022),
    make_doc("htn", "Hypertension in adults", ("Recommendations", "Thiazide diuretics, ACE inhibitors or calcium "
             "channel blockers are first-line treatment of hypertension in adults."), kind=Kind.GUIDELINE, year=2020),
    make_doc("asthma", "Mild asthma", ("Abstract", "As-needed budesonide-formoterol in mild asthma."),
             kind=Kind.RCT, year=2018),
]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dense matrix cache files go to a tmp dir, not the user's cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def _settings(tmp_path: Path, **kw: object) -> Settings:
    return Settings(kb=tmp_path / "kb.sqlite", embedder="hashing").replace(**kw)


def test_hybrid_without_vectors_falls_back_to_lexical_with_a_note(store: Store, tmp_path: Path) -> None:
    ingest_documents(store, DOCS)
    r = make_retriever(store, _settings(tmp_path))
    assert isinstance(r, HybridRetriever) and r.dense is None
    assert any("no" in n and "vectors" in n for n in r.notes)
    hits = r.search("first-line treatment of hypertension in adults", 3)
    assert hits[0].document.id == "htn"
    assert {"lexical", "fused", "prior"} <= set(hits[0].scores)
    with pytest.raises(ConfigError, match="curbside embed"):
        make_retriever(store, _settings(tmp_path), "dense")


def test_hybrid_scores_show_every_stage_and_priors_switch(store: Store, tmp_path: Path) -> None:
    ingest_documents(store, DOCS)
    from curbside.retrieve.factory import embedder_for

    embed_missing(store, embedder_for("hashing"))  # type: ignore[arg-type]
    r = make_retriever(store, _settings(tmp_path))
    assert isinstance(r, HybridRetriever) and isinstance(r.dense, DenseRetriever) and not r.notes
    hits = r.search("statins breast cancer survival", 4)
    ids = [h.document.id for h in hits]
    assert set(ids[:2]) == {"obs", "sr"}
    for h in hits:
        assert {"dense", "fused", "prior"} <= set(h.scores)
        assert h.score == pytest.approx(h.scores["fused"] * h.scores["prior"])
    top = hits[0]
    assert "lexical" in top.scores and top.scores["prior"] > 1.0
    plain = make_retriever(store, _settings(tmp_path, priors=False)).search("statins breast cancer survival", 4)
    assert all(h.scores["prior"] == 1.0 and h.score == h.scores["fused"] for h in plain)
    assert isinstance(make_retriever(store, _settings(tmp_path), "dense"), DenseRetriever)
    assert isinstance(make_retriever(store, _settings(tmp_path), "lexical"), LexicalRetriever)


@pytest.mark.parametrize("fusion", ["rrf", "convex"])
def test_fusions_and_filters(store: Store, tmp_path: Path, fusion: str) -> None:
    ingest_documents(store, DOCS)
    from curbside.retrieve.factory import embedder_for

    embed_missing(store, embedder_for("hashing"))  # type: ignore[arg-type]
    r = make_retriever(store, _settings(tmp_path, fusion=fusion))
    hits = r.search("statins breast cancer", 4, Filters(kinds=("systematic_review",)))
    assert [h.document.id for h in hits] == ["sr"]
    assert all(h.document.year and h.document.year >= 2019 for h in r.search("statins", 4, Filters(since=2019)))


def test_unknown_retriever_and_fusion_are_config_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown retriever"):
        make_retriever(store, _settings(tmp_path), "bogus")
    ingest_documents(store, DOCS)
    with pytest.raises(ConfigError, match="unknown fusion"):
        make_retriever(store, _settings(tmp_path, fusion="median"))


class _BrokenEmbedder:
    name = "hashing-64"
    dim = 64

    def embed(self, texts: list[str]) -> None:
        raise EmbedError("weights not installed")

    def embed_query(self, text: str) -> None:
        raise EmbedError("weights not installed")


def test_a_broken_embedding_model_degrades_to_lexical_with_a_note(store: Store, tmp_path: Path) -> None:
    ingest_documents(store, DOCS)
    from curbside.retrieve.factory import embedder_for

    embed_missing(store, embedder_for("hashing"))  # type: ignore[arg-type]
    r = HybridRetriever(store, LexicalRetriever(store), DenseRetriever(store, _BrokenEmbedder()))
    hits = r.search("first-line treatment of hypertension", 2)
    assert hits[0].document.id == "htn" and "dense" not in hits[0].scores
    assert any("weights not installed" in n for n in r.notes)


def test_dense_search_uses_the_vectors_the_kb_has_when_the_configured_model_has_none(
        store: Store, tmp_path: Path) -> None:
    """A KB embedded only with the fast static model (the quickstart's option) searches with it."""
    ingest_documents(store, DOCS)
    from curbside.retrieve.factory import embedder_for

    embed_missing(store, embedder_for("static"))  # type: ignore[arg-type]
    r = make_retriever(store, _settings(tmp_path, embedder="minilm"))
    assert isinstance(r, HybridRetriever) and isinstance(r.dense, DenseRetriever)
    assert r.dense.embedder.name.startswith("wordllama")  # type: ignore[attr-defined]
    assert any("uses its wordllama" in n for n in r.notes)
    hits = r.search("first-line treatment of hypertension in adults", 2)
    assert hits[0].document.id == "htn" and "dense" in hits[0].scores
    assert make_retriever(store, _settings(tmp_path, embedder="minilm"), "dense").name == "dense"
