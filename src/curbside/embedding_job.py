"""Resumable batch embedding: passages that lack a vector for the model → vectors in the store.

Passages are read in rowid order a block at a time, sorted by length inside the block (so a batch
holds texts of similar length and little padding), embedded a batch at a time, and each batch is
stored in its own transaction. Ctrl-C or kill loses at most the batch in flight; running again
continues with what is still missing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from curbside.store import Store

BLOCK = 4096  # passages read from the store at a time (sorted by length inside a block)


class BatchEmbedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> npt.NDArray[np.float32]: ...


ProgressFn = Callable[[int], None]  # called with the number of passages just stored


@dataclass
class EmbedReport:
    model: str
    embedded: int = 0
    remaining: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0


def passage_text(title: str, text: str) -> str:
    """What a passage vector encodes: the document title, then the passage."""
    title = title.strip().rstrip(".")
    return f"{title}. {text}" if title else text


def embed_missing(
    store: Store, embedder: BatchEmbedder, *, batch: int = 64, limit: int | None = None,
    progress: ProgressFn | None = None,
) -> EmbedReport:
    """Embed every passage without a vector for ``embedder.name`` (at most ``limit``)."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    report = EmbedReport(model=embedder.name)
    started = time.perf_counter()
    after = 0
    budget = limit if limit is not None else -1
    try:
        while budget != 0:
            want = BLOCK if budget < 0 else min(BLOCK, budget)
            rows = store.missing_vectors(embedder.name, want, after_rowid=after)
            if not rows:
                break
            after = rows[-1][0]
            rows.sort(key=lambda r: len(r[1]) + len(r[2]))
            batches = [rows[i : i + batch] for i in range(0, len(rows), batch)]
            # the batch holding the block's highest rowid goes last: readers watch max(rowid)
            last = next(i for i, part in enumerate(batches) if any(r[0] == after for r in part))
            batches.append(batches.pop(last))
            for part in batches:
                vectors = embedder.embed([passage_text(title, text) for _r, title, text in part])
                store.put_vectors(embedder.name, [r for r, _t, _x in part], _as_matrix(vectors, embedder.dim))
                report.embedded += len(part)
                if progress:
                    progress(len(part))
            if budget > 0:
                budget -= len(rows)
    finally:
        report.seconds = time.perf_counter() - started
        report.remaining = store.count_missing_vectors(embedder.name)
    return report


def _as_matrix(vectors: npt.NDArray[np.float32], dim: int) -> npt.NDArray[np.float32]:
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2 or (dim and matrix.shape[1] != dim):
        raise ValueError(f"embedder returned shape {matrix.shape}, expected (n, {dim})")
    return matrix
