from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from curbside.errors import NotFoundError, StoreError
from curbside.ingest import chunk_document
from curbside.records import Kind
from curbside.store import Store
from tests.conftest import make_doc


def test_new_kb_is_wal_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "kb.sqlite"
    with Store.open(path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = [r[0] for r in s.conn.execute("SELECT name FROM _curbside_migrations ORDER BY name")]
        assert names[0] == "m001_documents_passages"
        assert s.counts() == {"documents": 0, "passages": 0}
    # reopening applies nothing new and keeps data
    with Store.open(path) as s:
        assert s.revision == 0


def test_upsert_is_idempotent_and_refreshes_in_place(store: Store) -> None:
    doc = make_doc("pmid:1", "Aspirin after stroke", ("Abstract", "Aspirin reduces recurrence. It is cheap."))
    with store.transaction():
        assert store.upsert_document(doc, chunk_document(doc)) == "added"
    with store.transaction():
        assert store.upsert_document(doc, chunk_document(doc)) == "unchanged"
    changed = make_doc("pmid:1", "Aspirin after stroke", ("Abstract", "Aspirin reduces stroke recurrence by 20%."))
    with store.transaction():
        assert store.upsert_document(changed, chunk_document(changed)) == "updated"
    assert store.counts() == {"documents": 1, "passages": 1}
    assert "20%" in store.passages_for("pmid:1")[0].text
    assert store.conn.execute("SELECT count(*) FROM passage_fts").fetchone()[0] == 1
    assert store.get_document("pmid:1").kind is Kind.OTHER


def test_transaction_rolls_back_on_error(store: Store) -> None:
    doc = make_doc("a", "T", ("S", "Some text here."))
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert_document(doc, chunk_document(doc))
        raise RuntimeError("boom")
    assert store.counts()["documents"] == 0
    assert store.conn.execute("SELECT count(*) FROM passage_fts").fetchone()[0] == 0


def test_unknown_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_document("nope")
    with pytest.raises(NotFoundError):
        store.get_passage("nope#0")


def test_vectors_round_trip_and_missing(store: Store) -> None:
    doc = make_doc("d", "Title", ("S", "One sentence. " * 5), ("T", "Another section text."))
    with store.transaction():
        store.upsert_document(doc, chunk_document(doc))
    missing = store.missing_vectors("m", 10)
    assert len(missing) == 2 and store.count_missing_vectors("m") == 2
    vecs = np.eye(2, 4, dtype=np.float32)
    store.put_vectors("m", [r for r, _t, _x in missing], vecs)
    assert store.count_missing_vectors("m") == 0
    rowids, matrix = store.load_vectors("m")
    assert list(rowids) == [r for r, _t, _x in missing]
    assert np.array_equal(matrix, vecs)


def test_not_a_database_gives_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(StoreError, match="not a usable curbside knowledge base"):
        Store.open(junk)


def test_readonly_missing_kb(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not found"):
        Store.open(tmp_path / "none.sqlite", readonly=True)


def test_readonly_cannot_write(tmp_path: Path) -> None:
    Store.open(tmp_path / "kb.sqlite").close()
    with Store.open(tmp_path / "kb.sqlite", readonly=True) as s, pytest.raises(sqlite3.OperationalError):
        s.conn.execute("INSERT INTO meta VALUES ('x', 'y')")
