"""A small pool of Store connections shared by request threads (no module-level state).

Each pooled store also keeps its retriever, rebuilt only when the knowledge base changes,
so a dense index is not reloaded on every request.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from curbside.errors import StoreError
from curbside.retrieve import Retriever, make_retriever
from curbside.settings import Settings
from curbside.store import Store


class PoolBusy(StoreError):
    """Every connection stayed in use for longer than the pool timeout."""


@dataclass
class Pooled:
    store: Store
    settings: Settings
    _retriever: Retriever | None = field(default=None, repr=False)
    _revision: int = -1

    def retriever(self) -> Retriever:
        revision = self.store.revision
        if self._retriever is None or revision != self._revision:
            self._retriever = make_retriever(self.store, self.settings)
            self._revision = revision
        return self._retriever


class StorePool:
    def __init__(self, settings: Settings, size: int = 8, timeout_s: float = 30.0) -> None:
        if size < 1:
            raise ValueError("pool size must be at least 1")
        self.settings = settings
        self.size = size
        self.timeout_s = timeout_s
        self._idle: queue.LifoQueue[Pooled] = queue.LifoQueue()
        self._all: list[Pooled] = []
        self._lock = threading.Lock()
        self._closed = False
        # open one now: a KB that cannot be opened fails at start-up, not on the first request
        self._idle.put(self._open())

    def _open(self) -> Pooled:
        item = Pooled(Store.open(self.settings.kb), self.settings)
        self._all.append(item)
        return item

    def _acquire(self) -> Pooled:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._closed:
                raise StoreError("the server is shutting down")
            if len(self._all) < self.size:
                return self._open()
        try:
            return self._idle.get(timeout=self.timeout_s)
        except queue.Empty:
            raise PoolBusy("the server is busy; try again in a moment") from None

    @contextmanager
    def connection(self) -> Iterator[Pooled]:
        item = self._acquire()
        try:
            yield item
        finally:
            if item.store.conn.in_transaction:  # never hand on a connection mid-transaction
                item.store.conn.execute("ROLLBACK")
            self._idle.put(item)

    @contextmanager
    def store(self) -> Iterator[Store]:
        with self.connection() as item:
            yield item.store

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for item in self._all:
                item.store.close()
            self._all.clear()
