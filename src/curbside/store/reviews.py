"""Review events (append-only) and answer status. Filled in by the review/web work."""

from __future__ import annotations

import sqlite3


class ReviewsMixin:
    conn: sqlite3.Connection
