"""Server-only knobs (limits, pool size) that never change an answer, so they live apart
from ``Settings`` and its fingerprint."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WebOptions:
    #: requests per minute per client IP for everything but static files and /health (0 = off)
    rate_per_minute: float = 600.0
    burst: int = 120
    #: questions per minute per client IP (POST /ask, the stream, the ask form) (0 = off)
    ask_per_minute: float = 30.0
    ask_burst: int = 10
    #: largest request body accepted, in bytes
    max_body_bytes: int = 64 * 1024
    #: SQLite connections kept open for requests (WAL: readers never block each other)
    pool_size: int = 8
    #: seconds a request waits for a free connection before a 503
    pool_timeout_s: float = 30.0
    #: how many recent answers the ask page lists
    recent_answers: int = 8
