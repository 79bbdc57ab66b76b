"""Cache of remote literature responses (E-utilities), keyed by request.

Keys are chosen by the caller: ``esearch:<hash of the query parameters>`` for searches and
``pubmed:<pmid>`` for single articles (efetch responses are split per article, so a later
request for an overlapping id list is served from here). ``request`` holds the canonical request
(never secrets) for inspection; ``response`` the raw XML text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from curbside.errors import StoreError


class CacheEntry(NamedTuple):
    key: str
    service: str
    request: str
    response: str


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


class FetchCacheMixin:
    conn: sqlite3.Connection

    def cache_get(self, key: str, *, max_age_s: float | None = None) -> str | None:
        """The cached response for ``key``, or None (also when older than ``max_age_s``)."""
        return self.cache_get_many([key], max_age_s=max_age_s).get(key)

    def cache_get_many(self, keys: Iterable[str], *, max_age_s: float | None = None) -> dict[str, str]:
        keys = list(dict.fromkeys(keys))
        cutoff = _stamp(_now() - timedelta(seconds=max_age_s)) if max_age_s is not None else ""
        out: dict[str, str] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.conn.execute(
                    f"SELECT key, response FROM fetch_cache WHERE key IN ({marks}) AND fetched_at >= ?",
                    [*chunk, cutoff],
                )
                out.update({str(k): str(v) for k, v in rows})
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the fetch cache: {exc}") from None
        return out

    def cache_put_many(self, entries: Sequence[CacheEntry]) -> None:
        """Insert or replace entries, all in one transaction."""
        if not entries:
            return
        stamp = _stamp(_now())
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany(
                    "INSERT OR REPLACE INTO fetch_cache (key, service, request, response, fetched_at) "
                    "VALUES (?,?,?,?,?)",
                    [(e.key, e.service, e.request, e.response, stamp) for e in entries],
                )
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write the fetch cache: {exc}") from None

    def cache_put(self, key: str, service: str, request: str, response: str) -> None:
        self.cache_put_many([CacheEntry(key, service, request, response)])

    def cache_count(self, service: str | None = None) -> int:
        if service is None:
            row = self.conn.execute("SELECT count(*) FROM fetch_cache").fetchone()
        else:
            row = self.conn.execute("SELECT count(*) FROM fetch_cache WHERE service = ?", (service,)).fetchone()
        return int(row[0])

    def cache_clear(self, service: str | None = None) -> int:
        """Delete cached responses (of one service, or all); returns how many were deleted."""
        if service is None:
            cur = self.conn.execute("DELETE FROM fetch_cache")
        else:
            cur = self.conn.execute("DELETE FROM fetch_cache WHERE service = ?", (service,))
        return int(cur.rowcount)
