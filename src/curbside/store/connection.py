"""Opening the knowledge base: one SQLite file in WAL mode, migrated on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from curbside.errors import StoreError
from curbside.store.migrations import migrate


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating unless readonly) the KB at ``path``.

    ``isolation_level=None``: transactions are explicit (``BEGIN IMMEDIATE``), so an
    interrupted ingest rolls back whole batches and never leaves half a document.
    """
    path = Path(path)
    if str(path) != ":memory:":
        if readonly and not path.exists():
            raise StoreError(f"knowledge base not found: {path} (ingest something first: curbside ingest …)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the knowledge base folder {path.parent}: {exc}") from None
    try:
        uri = f"file:{path}?mode=ro" if readonly else str(path)
        conn = sqlite3.connect(uri, uri=readonly, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(path) != ":memory:" and mode.lower() != "wal":
                raise StoreError(f"{path}: could not switch the knowledge base to WAL mode")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA temp_store = MEMORY")
        if not readonly:
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable curbside knowledge base ({exc})") from None
    return conn
