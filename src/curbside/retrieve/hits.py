"""Turning scored passage rowids into Hits (passage + document)."""

from __future__ import annotations

from collections.abc import Sequence

from curbside.records import Hit
from curbside.store import Store


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
