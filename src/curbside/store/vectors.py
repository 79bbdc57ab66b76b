"""Dense vectors per (embedding model, passage), stored as float32 blobs."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt


class VectorsMixin:
    conn: sqlite3.Connection

    def count_missing_vectors(self, model: str) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM passages p WHERE NOT EXISTS "
            "(SELECT 1 FROM vectors v WHERE v.model = ? AND v.passage_rowid = p.rowid)",
            (model,),
        ).fetchone()
        return int(row[0])

    def missing_vectors(self, model: str, limit: int, after_rowid: int = 0) -> list[tuple[int, str, str]]:
        """Passages without a vector for ``model``: (rowid, document title, passage text)."""
        rows = self.conn.execute(
            "SELECT p.rowid, d.title, p.text FROM passages p JOIN documents d ON d.id = p.doc_id "
            "WHERE p.rowid > ? AND NOT EXISTS "
            "(SELECT 1 FROM vectors v WHERE v.model = ? AND v.passage_rowid = p.rowid) "
            "ORDER BY p.rowid LIMIT ?",
            (after_rowid, model, limit),
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def put_vectors(self, model: str, rowids: Sequence[int], matrix: npt.NDArray[np.float32]) -> None:
        """Store one batch of vectors in its own transaction (embedding is resumable by batch)."""
        if len(rowids) != len(matrix):
            raise ValueError("rowids and matrix rows differ in number")
        data = np.ascontiguousarray(matrix, dtype=np.float32)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany(
                "INSERT OR REPLACE INTO vectors (model, passage_rowid, vec) VALUES (?,?,?)",
                [(model, int(r), data[i].tobytes()) for i, r in enumerate(rowids)],
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def load_vectors(self, model: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """All vectors for ``model`` as (rowids, matrix); matrix rows are L2-normalised."""
        rows = self.conn.execute(
            "SELECT passage_rowid, vec FROM vectors WHERE model = ? ORDER BY passage_rowid", (model,)
        ).fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
        return rowids, matrix

    def vector_models(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT model, count(*) FROM vectors GROUP BY model")
        return {str(m): int(n) for m, n in rows}
