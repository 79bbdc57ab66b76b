"""Documents and passages (with their full-text index): the store's core tables."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Literal

from curbside.errors import NotFoundError
from curbside.records import Document, Kind, Passage, Section

Outcome = Literal["added", "updated", "unchanged"]

_TOKEN = re.compile(r"[^\W_]+")
_DOC_COLUMNS = (
    "id, kind, title, source, issuer, year, url, pmid, doi, pmcid, mesh, publication_types, "
    "license, retrieved_at, sections"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def row_to_document(row: Sequence[object]) -> Document:
    (doc_id, kind, title, source, issuer, year, url, pmid, doi, pmcid, mesh, ptypes, lic, retrieved,
     sections) = row
    return Document(
        id=str(doc_id), kind=Kind(str(kind)), title=str(title), source=str(source), issuer=str(issuer),
        year=int(year) if isinstance(year, int) else None, url=str(url), pmid=str(pmid), doi=str(doi),
        pmcid=str(pmcid), mesh=tuple(json.loads(str(mesh))), publication_types=tuple(json.loads(str(ptypes))),
        license=str(lic), retrieved_at=str(retrieved),
        sections=tuple(Section(label, text) for label, text in json.loads(str(sections))),
    )


def _row_to_passage(row: Sequence[object]) -> Passage:
    pid, doc_id, ordinal, section, text, start, end = row
    return Passage(id=str(pid), doc_id=str(doc_id), ordinal=int(str(ordinal)), section=str(section),
                   text=str(text), start=int(str(start)), end=int(str(end)))


class DocumentsMixin:
    conn: sqlite3.Connection
    # (state of the knowledge base, minimum passages, initial) → the vocabulary then (``vocabulary``)
    _vocabulary_cache: tuple[tuple[str, int, str], dict[str, int]] | None = None

    def _bump_revision(self) -> None:
        self.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")

    @property
    def revision(self) -> int:
        return int(self.conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    def upsert_document(self, doc: Document, passages: Sequence[Passage]) -> Outcome:
        """Insert or refresh a document in place. Call inside ``transaction()``."""
        fingerprint = doc.fingerprint()
        row = self.conn.execute("SELECT fingerprint FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None and row[0] == fingerprint:
            return "unchanged"
        if row is not None:
            self._delete_passages(doc.id)
            self.conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
        self.conn.execute(
            f"INSERT INTO documents ({_DOC_COLUMNS}, fingerprint, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.kind.value, doc.title, doc.source, doc.issuer, doc.year, doc.url, doc.pmid,
             doc.doi, doc.pmcid, json.dumps(list(doc.mesh)), json.dumps(list(doc.publication_types)),
             doc.license, doc.retrieved_at, json.dumps([[s.label, s.text] for s in doc.sections]),
             fingerprint, _now()),
        )
        for p in passages:
            cur = self.conn.execute(
                "INSERT INTO passages (id, doc_id, ordinal, section, text, start, end) VALUES (?,?,?,?,?,?,?)",
                (p.id, p.doc_id, p.ordinal, p.section, p.text, p.start, p.end),
            )
            self.conn.execute(
                "INSERT INTO passage_fts (rowid, title, section, body) VALUES (?,?,?,?)",
                (cur.lastrowid, doc.title, p.section, p.text),
            )
        self._bump_revision()
        return "updated" if row is not None else "added"

    def _delete_passages(self, doc_id: str) -> None:
        rowids = [r[0] for r in self.conn.execute("SELECT rowid FROM passages WHERE doc_id = ?", (doc_id,))]
        self.conn.executemany("DELETE FROM passage_fts WHERE rowid = ?", [(r,) for r in rowids])
        self.conn.executemany("DELETE FROM vectors WHERE passage_rowid = ?", [(r,) for r in rowids])
        self.conn.execute("DELETE FROM passages WHERE doc_id = ?", (doc_id,))

    def delete_document(self, doc_id: str) -> None:
        self._delete_passages(doc_id)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self._bump_revision()

    def find_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row_to_document(row) if row else None

    def get_document(self, doc_id: str) -> Document:
        doc = self.find_document(doc_id)
        if doc is None:
            raise NotFoundError(f"no document with id {doc_id!r}")
        return doc

    def documents_by_ids(self, ids: Iterable[str]) -> dict[str, Document]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, Document] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id IN ({marks})", chunk):
                doc = row_to_document(row)
                out[doc.id] = doc
        return out

    def titles_of_kind(self, kind: str) -> list[tuple[str, str, int | None]]:
        """(id, title, year) of every document of ``kind`` (guidelines: a few thousand at most)."""
        rows = self.conn.execute("SELECT id, title, year FROM documents WHERE kind = ?", (kind,))
        return [(str(r[0]), str(r[1]), r[2]) for r in rows]

    def document_ids_by_pmid(self, pmid: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents WHERE pmid = ?", (pmid,))]

    def passages_for(self, doc_id: str) -> list[Passage]:
        rows = self.conn.execute(
            "SELECT id, doc_id, ordinal, section, text, start, end FROM passages WHERE doc_id = ? ORDER BY ordinal",
            (doc_id,),
        )
        return [_row_to_passage(r) for r in rows]

    def get_passage(self, passage_id: str) -> Passage:
        found = self.passages_by_ids([passage_id])
        if passage_id not in found:
            raise NotFoundError(f"no passage with id {passage_id!r}")
        return found[passage_id]

    def passages_by_ids(self, ids: Iterable[str]) -> dict[str, Passage]:
        return self._passages_where("id", list(dict.fromkeys(ids)), key=lambda p, _r: p.id)

    def passages_by_rowids(self, rowids: Iterable[int]) -> dict[int, Passage]:
        return self._passages_where("rowid", list(dict.fromkeys(rowids)), key=lambda _p, r: r)

    def _passages_where(self, column: str, values: list, key):  # type: ignore[no-untyped-def]
        out = {}
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = (f"SELECT id, doc_id, ordinal, section, text, start, end, rowid FROM passages "
                   f"WHERE {column} IN ({marks})")
            for row in self.conn.execute(sql, chunk):
                passage = _row_to_passage(row[:7])
                out[key(passage, row[7])] = passage
        return out

    def lexical(
        self, match: str, limit: int, kinds: Sequence[str] = (), since: int | None = None,
        weights: tuple[float, float, float] = (1.0, 0.5, 1.0),
    ) -> list[tuple[int, float]]:
        """FTS5 bm25 over an already-safe MATCH expression → (passage rowid, score), best first.

        Scores are negated bm25, so larger is better."""
        if not match:
            return []
        where, params = _filters(kinds, since)
        if where:
            sql = (
                "SELECT f.rowid, -bm25(passage_fts, ?, ?, ?) AS s FROM passage_fts f "
                "JOIN passages p ON p.rowid = f.rowid JOIN documents d ON d.id = p.doc_id "
                f"WHERE passage_fts MATCH ? AND {where} ORDER BY s DESC LIMIT ?"
            )
        else:
            sql = ("SELECT rowid, -bm25(passage_fts, ?, ?, ?) AS s FROM passage_fts "
                   "WHERE passage_fts MATCH ? ORDER BY s DESC LIMIT ?")
        args = [*weights, match, *params, limit]
        return [(int(r[0]), float(r[1])) for r in self.conn.execute(sql, args)]

    def passage_count_estimate(self) -> int:
        """The highest passage rowid: a cheap upper bound on the passage count (for IDF)."""
        row = self.conn.execute("SELECT max(rowid) FROM passages").fetchone()
        return int(row[0] or 0)

    def term_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many passages match each term (FTS5, same stemming as search): weighs question terms."""
        out: dict[str, int] = {}
        for term in dict.fromkeys(terms):
            quoted = '"' + term.replace('"', '""') + '"'
            try:
                row = self.conn.execute("SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?",
                                        (quoted,)).fetchone()
            except sqlite3.OperationalError:
                row = (0,)
            out[term] = int(row[0])
        return out

    def vocabulary(self, min_passages: int = 1, initial: str = "") -> dict[str, int]:
        """The indexed terms (FTS5 Porter stems) in at least ``min_passages`` passages, with their passage counts:
        what a misspelt word is compared with (``answer.respell``); only those starting with ``initial`` when given
        (read as a range of the index: a tenth of the time of the whole, 0.3 s of a cold answer)."""
        key = (str(self.revision), min_passages, initial)
        if self._vocabulary_cache is None or self._vocabulary_cache[0] != key:
            self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_vocab "
                              "USING fts5vocab(main, 'passage_fts', 'row')")
            if initial:
                rows = self.conn.execute(
                    "SELECT term, doc FROM temp.passage_vocab WHERE term >= ? AND term < ? AND doc >= ? "
                    "AND length(term) >= 3", (initial, initial[:-1] + chr(ord(initial[-1]) + 1), min_passages))
            else:
                rows = self.conn.execute(
                    "SELECT term, doc FROM temp.passage_vocab WHERE doc >= ? AND length(term) >= 3", (min_passages,))
            self._vocabulary_cache = (key, {str(term): int(n) for term, n in rows})
        return self._vocabulary_cache[1]

    def surface_forms(self, term: str, limit: int = 50) -> dict[str, int]:
        """The words passages write that the index reads as ``term`` (a Porter stem), lower-cased, with how often
        each occurs in the first ``limit`` places the index has it ("neuritis" for "neuriti").

        Read from the index's own positions, not by searching: a search stems its words again, and a stem is not
        always its own stem ("mening", of meningitis, is searched as "mene")."""
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_places "
                          "USING fts5vocab(main, 'passage_fts', 'instance')")
        rows = self.conn.execute(
            "SELECT p.offset, f.body FROM (SELECT doc, offset FROM temp.passage_places WHERE term = ? AND col = 'body' "
            "LIMIT ?) AS p JOIN passage_fts AS f ON f.rowid = p.doc", (term, limit)).fetchall()
        out: dict[str, int] = {}
        for offset, body in rows:
            # (the index's tokenizer, unicode61, splits where Python's \w does, the underscore aside)
            words = _TOKEN.findall(body or "")
            if offset < len(words):
                word = words[offset].lower()
                out[word] = out.get(word, 0) + 1
        return out

    def counts(self) -> dict[str, int]:
        docs = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        passages = self.conn.execute("SELECT max(rowid) IS NOT NULL, count(*) FROM passages").fetchone()[1]
        return {"documents": int(docs), "passages": int(passages)}

    def counts_by_kind(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY 2 DESC")
        return {str(k): int(n) for k, n in rows}

    def counts_by_source(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT source, count(*) FROM documents GROUP BY source ORDER BY 2 DESC")
        return {str(k): int(n) for k, n in rows}


def _filters(kinds: Sequence[str], since: int | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if kinds:
        clauses.append(f"d.kind IN ({','.join('?' * len(kinds))})")
        params.extend(kinds)
    if since is not None:
        clauses.append("d.year >= ?")
        params.append(since)
    return " AND ".join(clauses), params


def passage_filter_sql(kinds: Sequence[str], since: int | None) -> tuple[str, list[object]]:
    """The same kind/year filter, for other modules that join passages p and documents d."""
    return _filters(kinds, since)
