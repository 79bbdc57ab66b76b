"""A sliding-window rate limiter: at most ``per_second`` requests start in any one-second window.

NCBI asks for at most 3 requests per second without an API key and 10 with one, counted per
client. One limiter is shared by every client in the process that talks to the same E-utilities
base URL with the same allowance (``shared_limiter``), so two clients created back to back by
``ask`` and ``pull`` cannot add up to more than the allowance.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

# A little headroom: request *arrival* times at the server jitter by a few milliseconds.
MARGIN_S = 0.03


class RateLimiter:
    def __init__(
        self, per_second: int, *, clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_second < 1:
            raise ValueError("per_second must be at least 1")
        self.per_second = per_second
        self._clock = clock
        self._sleep = sleep
        self._starts: deque[float] = deque(maxlen=per_second)
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Block until one more request may start; returns the seconds waited."""
        waited = 0.0
        with self._lock:
            while True:
                now = self._clock()
                if len(self._starts) < self.per_second:
                    break
                wait = self._starts[0] + 1.0 + MARGIN_S - now
                if wait <= 0:
                    break
                self._sleep(wait)
                waited += wait
            self._starts.append(self._clock())
        return waited


_SHARED: dict[tuple[str, int], RateLimiter] = {}
_SHARED_LOCK = threading.Lock()


def shared_limiter(base_url: str, per_second: int) -> RateLimiter:
    """The process-wide limiter for one E-utilities base URL and allowance."""
    key = (base_url.rstrip("/"), per_second)
    with _SHARED_LOCK:
        limiter = _SHARED.get(key)
        if limiter is None:
            limiter = _SHARED[key] = RateLimiter(per_second)
        return limiter
