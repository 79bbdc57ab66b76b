"""Stored answers (articles). Filled in by the answers work: save, get, list."""

from __future__ import annotations

import sqlite3


class AnswersMixin:
    conn: sqlite3.Connection
