from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from curbside.embedding_job import embed_missing
from curbside.ingest import ingest_documents
from curbside.records import Kind
from curbside.retrieve.base import Filters
from curbside.retrieve.dense import DenseIndex, DenseRetriever, clear_cache, load_index, sign_codes
from curbside.store import Store
from tests.conftest import make_doc


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dense matrix cache files go to a tmp dir, not the user's cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def _hashing():  # type: ignore[no-untyped-def]
    from curbside.embed import get_embedder

    return get_embedder("hashing")


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_exact_search_is_the_full_matrix_product() -> None:
    rng = np.random.default_rng(1)
    m = _unit(rng.standard_normal((500, 32)))
    rowids = np.arange(10, 510, dtype=np.int64)
    index = DenseIndex.build("t", rowids, m)
    q = m[42]
    top = index.search(q, 5)
    expect = np.argsort(-(m @ q))[:5]
    assert [r for r, _ in top] == [int(rowids[i]) for i in expect]
    assert top[0] == (52, pytest.approx(1.0, abs=1e-5))
    mask = np.ones(500, dtype=bool)
    mask[42] = False
    assert index.search(q, 1, mask)[0][0] != 52
    assert index.scores_for(q, [52, 99999]) == {52: pytest.approx(1.0, abs=1e-5)}


def test_shortlist_path_rescores_exactly() -> None:
    rng = np.random.default_rng(2)
    m = _unit(rng.standard_normal((3000, 64)))
    rowids = np.arange(1, 3001, dtype=np.int64)
    exact = DenseIndex.build("t", rowids, m)
    short = DenseIndex.build("t", rowids, m, exact_max=100)
    assert short.codes is not None and short.matrix.dtype == np.float16
    short.shortlist_min = 200
    for i in range(0, 3000, 150):  # a query near a stored vector finds it first, with its exact cosine
        q = _unit(m[i : i + 1] + 0.05 * rng.standard_normal((1, 64)))[0]
        got = short.search(q, 10)
        assert got[0][0] == i + 1 and got[0][1] == pytest.approx(float(m[i] @ q), abs=2e-3)
        assert got == sorted(got, key=lambda x: -x[1])
    short.shortlist_min = 3000  # a shortlist of everything is the exact search
    q = _unit(rng.standard_normal((1, 64)))[0]
    assert [r for r, _ in short.search(q, 10)] == [r for r, _ in exact.search(q, 10)]
    mask = np.zeros(3000, dtype=bool)
    mask[:5] = True
    assert {r for r, _ in short.search(q, 10, mask)} == {1, 2, 3, 4, 5}


def test_sign_codes_pack_64_dimensions_per_word() -> None:
    m = np.array([[1.0] * 64 + [-1.0] * 6, [-1.0] * 70], dtype=np.float32)
    codes = sign_codes(m)
    assert codes.shape == (2, 2)
    assert int(codes[0, 0]) == 2**64 - 1 and int(codes[0, 1]) == 0 and int(codes[:, 1].sum()) == 0


def test_dense_retriever_on_a_real_store_with_filters_and_cache(store: Store) -> None:
    clear_cache()
    docs = [
        make_doc("a", "Statins and breast cancer", ("Abstract", "Statin use and breast cancer survival."),
                 kind=Kind.OBSERVATIONAL, year=2015),
        make_doc("b", "Hypertension guideline", ("Recs", "Thiazide diuretics are first-line in hypertension."),
                 kind=Kind.GUIDELINE, year=2021),
        make_doc("c", "Asthma inhalers", ("Abstract", "Budesonide-formoterol as needed in mild asthma."),
                 kind=Kind.RCT, year=2018),
    ]
    ingest_documents(store, docs)
    embedder = _hashing()
    report = embed_missing(store, embedder, batch=2)
    assert report.embedded == 3 and report.remaining == 0
    r = DenseRetriever(store, embedder)
    hits = r.search("Statin use and breast cancer survival", 3)
    assert hits and hits[0].document.id == "a" and set(hits[0].scores) == {"dense"}
    only_guidelines = r.search("Statin use and breast cancer survival", 3, Filters(kinds=("guideline",)))
    assert [h.document.id for h in only_guidelines] == ["b"]
    assert [h.document.id for h in r.search("asthma", 3, Filters(since=2019))] == ["b"]
    first = load_index(store, embedder.name)
    assert load_index(store, embedder.name) is first  # cached while the KB is unchanged
    clear_cache()  # as in a new process: the matrix comes back from the cache files, memory-mapped
    again = load_index(store, embedder.name)
    assert again is not first and isinstance(again.matrix, np.memmap) and again.size == 3
    assert r.search("Statin use and breast cancer survival", 1)[0].document.id == "a"
    ingest_documents(store, [make_doc("d", "New", ("S", "A new passage about gout."))])
    embed_missing(store, embedder)
    assert load_index(store, embedder.name).size == 4  # a changed KB reloads


def test_embedding_job_is_resumable_in_batches(store: Store) -> None:
    ingest_documents(store, [make_doc(f"d{i}", f"T{i}", ("S", f"text number {i} " * (i + 1))) for i in range(7)])
    embedder = _hashing()
    seen: list[int] = []
    first = embed_missing(store, embedder, batch=2, limit=3, progress=seen.append)
    assert first.embedded == 3 and first.remaining == 4 and sum(seen) == 3
    second = embed_missing(store, embedder, batch=2)
    assert second.embedded == 4 and second.remaining == 0
    assert embed_missing(store, embedder).embedded == 0
