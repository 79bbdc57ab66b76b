"""The Store: the one place that writes SQL. Passed in to everything that needs it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from curbside.store.answers import AnswersMixin
from curbside.store.connection import connect
from curbside.store.documents import DocumentsMixin
from curbside.store.fetch_cache import FetchCacheMixin
from curbside.store.reviews import ReviewsMixin
from curbside.store.vectors import VectorsMixin


class Store(DocumentsMixin, VectorsMixin, AnswersMixin, ReviewsMixin, FetchCacheMixin):
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Store:
        return cls(connect(path, readonly=readonly), Path(path))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: Ctrl-C or an error inside rolls the whole block back."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def state(self) -> str:
        """A short stamp of the KB's content for answers: revision and size."""
        c = self.counts()
        return f"rev{self.revision}:{c['documents']}d:{c['passages']}p"
