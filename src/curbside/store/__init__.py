"""The knowledge base: SQLite (WAL), migrations, documents, passages, FTS5, vectors."""

from curbside.store.store import Store

__all__ = ["Store"]
