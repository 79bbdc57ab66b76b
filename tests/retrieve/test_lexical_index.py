"""Lexical search above ``exact_max`` passages: the numpy BM25 index (retrieve/sparse.py)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from curbside.ingest import ingest_documents
from curbside.records import Kind
from curbside.retrieve import sparse
from curbside.retrieve.base import Filters
from curbside.retrieve.lexical import LexicalRetriever
from curbside.store import Store
from tests.conftest import make_doc


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    sparse.clear_cache()


def _kb(store: Store) -> None:
    docs = [make_doc(f"c{i}", f"Cancer study {i}", ("Abstract", f"Cancer patients in cohort {i} were followed."),
                     year=2000 + i) for i in range(8)]
    docs.append(make_doc("s", "Statins", ("Abstract", "Statin use and cancer survival in patients."),
                         kind=Kind.OBSERVATIONAL, year=2015))
    docs.append(make_doc("h", "Hypertension in adults", ("Recommendations", "Thiazide diuretics are first-line "
                         "treatment of hypertension in adults; statins are not."), kind=Kind.GUIDELINE, year=2020))
    ingest_documents(store, docs)


def test_small_kbs_use_fts5_and_big_ones_the_index(store: Store) -> None:
    _kb(store)
    assert not LexicalRetriever(store).uses_index()
    assert LexicalRetriever(store, exact_max=0).uses_index()


def test_the_index_ranks_like_fts5_bm25(store: Store) -> None:
    _kb(store)
    fts = LexicalRetriever(store, expand=False)
    idx = LexicalRetriever(store, expand=False, exact_max=0)
    for q in ("statin cancer survival", "first-line treatment of hypertension", "cancer cohort 3"):
        want = [h.document.id for h in fts.search(q, 3)]
        got = [h.document.id for h in idx.search(q, 3)]
        assert got[0] == want[0], q
    stemmed = [h.document.id for h in idx.search("statin", 5)]  # "Statins" and "Statin" share the Porter stem
    assert set(stemmed) == {"s", "h"}
    assert idx.search("zebrafish", 5) == []


def test_bm25_weight_is_the_fts5_formula(store: Store) -> None:
    ingest_documents(store, [make_doc("a", "", ("", "alpha beta beta")), make_doc("b", "", ("", "gamma delta")),
                             make_doc("c", "", ("", "gamma epsilon zeta eta"))])
    index = sparse.build_index(store)
    stem = index.vocab["beta"]
    lo, hi = index.indptr[stem], index.indptr[stem + 1]
    assert hi - lo == 1
    n, df, tf, length, avg = 3, 1, 2.0, 3.0, (3 + 2 + 4) / 3
    idf = math.log((n - df + 0.5) / (df + 0.5))
    want = idf * tf * (sparse.K1 + 1) / (tf + sparse.K1 * (1 - sparse.B + sparse.B * length / avg))
    assert float(index.weights[lo]) == pytest.approx(want, rel=1e-5)


def test_filters_apply_to_index_results(store: Store) -> None:
    _kb(store)
    r = LexicalRetriever(store, expand=False, exact_max=0)
    assert [h.document.id for h in r.search("cancer", 10, Filters(kinds=("observational",)))] == ["s"]
    assert all(h.document.year and h.document.year >= 2006 for h in r.search("cancer", 10, Filters(since=2006)))


def test_the_index_is_cached_on_disk_and_rebuilt_when_the_kb_changes(store: Store, tmp_path: Path) -> None:
    _kb(store)
    r = LexicalRetriever(store, expand=False, exact_max=0)
    assert r.search("asthma", 3) == []
    files = list((tmp_path / "xdg-cache").rglob("*.vocab.json"))
    assert len(files) == 1
    sparse.clear_cache()
    assert sparse.cached(store)  # a new process would read the files, not rebuild
    ingest_documents(store, [make_doc("a", "Asthma", ("Abstract", "Inhaled corticosteroids in asthma."))])
    assert not sparse.cached(store)
    assert [h.document.id for h in r.search("asthma", 3)] == ["a"]
    assert len(list((tmp_path / "xdg-cache").rglob("*.vocab.json"))) == 1  # the stale revision was removed


def test_a_corrupt_cache_file_is_rebuilt(store: Store, tmp_path: Path) -> None:
    _kb(store)
    r = LexicalRetriever(store, expand=False, exact_max=0)
    r.search("statin", 3)
    sparse.clear_cache()
    for f in (tmp_path / "xdg-cache").rglob("*.docs.npy"):
        f.write_bytes(b"not numpy")
    assert {h.document.id for h in r.search("statin", 3)} == {"s", "h"}


def test_injection_and_odd_queries_are_plain_words(store: Store) -> None:
    _kb(store)
    r = LexicalRetriever(store, exact_max=0)
    for q in ('statin" OR 1=1 --', "NEAR(cancer AND *)", "κβ ∞ statin"):
        assert isinstance(r.search(q, 3), list)
    assert np.all(np.diff(sparse.load_index(store).rowids) > 0)
