"""Per-client rate limiting: an in-memory token bucket per client IP.

Each client gets ``burst`` tokens, refilled at ``per_minute / 60`` tokens a second; a request
takes one token or gets a 429 with ``Retry-After``. The clock is injectable for tests.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class TokenBuckets:
    """Buckets keyed by client; ``take(key)`` → 0.0 if allowed, else seconds to wait."""

    def __init__(self, per_minute: float, burst: int, *, clock: Clock = time.monotonic,
                 max_clients: int = 10_000) -> None:
        if per_minute < 0 or burst < 1:
            raise ValueError("rate must be >= 0 and burst >= 1")
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: dict[str, _Bucket] = {}

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, key: str, cost: float = 1.0) -> float:
        if not self.enabled:
            return 0.0
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_clients:
                self._prune(now)
            bucket = self._buckets[key] = _Bucket(self.burst, now)
        else:
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
            bucket.stamp = now
        if bucket.tokens >= cost:
            bucket.tokens -= cost
            return 0.0
        return (cost - bucket.tokens) / self.rate

    def _prune(self, now: float) -> None:
        """Forget clients whose bucket has refilled (they lose nothing by being forgotten)."""
        full_after = self.burst / self.rate
        for key in [k for k, b in self._buckets.items() if now - b.stamp >= full_after]:
            del self._buckets[key]
        if len(self._buckets) >= self.max_clients:  # still full: drop the oldest half
            for key, _b in sorted(self._buckets.items(), key=lambda kv: kv[1].stamp)[: self.max_clients // 2]:
                del self._buckets[key]


def retry_after_header(wait_s: float) -> str:
    return str(max(1, math.ceil(wait_s)))


class RateLimiter:
    """The app's two limits: all requests, and questions (which cost far more to answer)."""

    def __init__(self, per_minute: float, burst: int, ask_per_minute: float, ask_burst: int,
                 *, clock: Clock = time.monotonic) -> None:
        self.general = TokenBuckets(per_minute, burst, clock=clock)
        self.ask = TokenBuckets(ask_per_minute, ask_burst, clock=clock)
