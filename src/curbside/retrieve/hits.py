"""Turning scored passage rowids into Hits (passage + document), and the light metadata
(document id, kind, year) that ranking stages need before the final Hits are built."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from curbside.records import Hit, Kind
from curbside.retrieve.base import Ranked
from curbside.store import Store


@dataclass(frozen=True, slots=True)
class PassageMeta:
    doc_id: str
    kind: Kind
    year: int | None


def to_hits(store: Store, scored: Sequence[tuple[int, float]], stage: str,
            extra: dict[int, dict[str, float]] | None = None) -> list[Hit]:
    passages = store.passages_by_rowids(r for r, _ in scored)
    docs = store.documents_by_ids(p.doc_id for p in passages.values())
    hits = []
    for rowid, score in scored:
        passage = passages.get(rowid)
        if passage is None or passage.doc_id not in docs:
            continue
        scores = {stage: score, **(extra or {}).get(rowid, {})}
        hits.append(Hit(passage=passage, document=docs[passage.doc_id], score=score, scores=scores))
    return hits


def passage_meta(store: Store, rowids: Iterable[int]) -> dict[int, PassageMeta]:
    """Document id, kind and year per passage rowid, without loading whole documents."""
    ids = list(dict.fromkeys(rowids))
    out: dict[int, PassageMeta] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT p.rowid, p.doc_id, d.kind, d.year FROM passages p JOIN documents d ON d.id = p.doc_id "
            f"WHERE p.rowid IN ({marks})", chunk)
        for rowid, doc_id, kind, year in rows:
            out[int(rowid)] = PassageMeta(str(doc_id), Kind(str(kind)), year if isinstance(year, int) else None)
    return out


def hits_from_ranked(store: Store, ranked: Sequence[Ranked]) -> list[Hit]:
    passages = store.passages_by_rowids(r.rowid for r in ranked)
    docs = store.documents_by_ids(p.doc_id for p in passages.values())
    hits = []
    for r in ranked:
        passage = passages.get(r.rowid)
        if passage is not None and passage.doc_id in docs:
            hits.append(Hit(passage=passage, document=docs[passage.doc_id], score=r.score, scores=dict(r.scores)))
    return hits
