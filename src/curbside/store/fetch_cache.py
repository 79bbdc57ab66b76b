"""Cache of remote literature responses (E-utilities), keyed by request. Filled in by live PubMed work."""

from __future__ import annotations

import sqlite3


class FetchCacheMixin:
    conn: sqlite3.Connection
