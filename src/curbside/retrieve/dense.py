"""Dense retrieval: cosine similarity between the query vector and every passage vector.

The matrix of one embedding model is loaded once per knowledge base and kept while the KB's
content is unchanged (``DenseIndex`` cache below). Two search paths, both ending in exact cosines:

* up to ``exact_max`` vectors (default 200k): one float32 matrix-vector product over all rows;
* more: a 1-bit (sign) code per vector, Hamming distance over all rows to shortlist
  ``max(shortlist_factor·k, shortlist_min)`` candidates, then exact cosines for the shortlist
  from a float16 copy of the matrix (half the memory of float32). docs/retrieval.md gives the
  measured recall of this shortlist against the full product and its latency at 1M passages.

Filters (kind, year) become a boolean row mask computed in SQL and cached per filter.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from curbside.records import Hit
from curbside.retrieve.base import NO_FILTERS, Filters, Ranked
from curbside.retrieve.hits import to_hits
from curbside.retrieve.masks import filter_mask
from curbside.store import Store

F32 = npt.NDArray[np.float32]
EXACT_MAX = 200_000


@dataclass
class DenseIndex:
    """All vectors of one model: ``rowids[i]`` is the passage of row ``i``."""

    model: str
    rowids: npt.NDArray[np.int64]
    matrix: npt.NDArray[np.floating]  # float32 (exact path) or float16 (shortlist path)
    stamp: tuple[int, ...] = ()
    codes: npt.NDArray[np.uint64] | None = None  # (words, n) sign bits, column-major, shortlist path
    shortlist_factor: int = 20
    shortlist_min: int = 2000
    _masks: OrderedDict[Filters, npt.NDArray[np.bool_]] = field(default_factory=OrderedDict)

    @classmethod
    def build(cls, model: str, rowids: npt.NDArray[np.int64], matrix: F32, *, exact_max: int = EXACT_MAX,
              stamp: tuple[int, ...] = ()) -> DenseIndex:
        if len(rowids) <= exact_max:
            return cls(model, rowids, np.ascontiguousarray(matrix, dtype=np.float32), stamp)
        return cls(model, rowids, matrix.astype(np.float16), stamp, codes=sign_codes(matrix))

    @property
    def size(self) -> int:
        return len(self.rowids)

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1]) if self.matrix.ndim == 2 else 0

    @property
    def nbytes(self) -> int:
        return int(self.matrix.nbytes + self.rowids.nbytes + (self.codes.nbytes if self.codes is not None else 0))

    def search(self, qvec: F32, k: int, mask: npt.NDArray[np.bool_] | None = None) -> list[tuple[int, float]]:
        """Top ``k`` (passage rowid, cosine), best first, among rows allowed by ``mask``."""
        if self.size == 0 or k <= 0:
            return []
        q = np.asarray(qvec, dtype=np.float32).reshape(-1)
        if self.codes is None:
            scores: npt.NDArray[np.floating] = self.matrix @ q
            if mask is not None:
                scores = np.where(mask, scores, -np.inf)
            rows = _top(scores, k)
            best = scores[rows]
        else:
            short = self._shortlist(q, max(k * self.shortlist_factor, self.shortlist_min), mask)
            scores = self.matrix[short].astype(np.float32) @ q
            order = _top(scores, k)
            rows, best = short[order], scores[order]
        return [(int(self.rowids[r]), float(s)) for r, s in zip(rows, best, strict=True) if np.isfinite(s)]

    def scores_for(self, qvec: F32, rowids: Sequence[int]) -> dict[int, float]:
        """Exact cosines for given passages (those without a vector are left out)."""
        if not rowids or self.size == 0:
            return {}
        wanted = np.asarray(list(rowids), dtype=np.int64)
        pos = np.searchsorted(self.rowids, wanted)
        pos = np.minimum(pos, self.size - 1)
        ok = self.rowids[pos] == wanted
        sims = self.matrix[pos[ok]].astype(np.float32) @ np.asarray(qvec, dtype=np.float32).reshape(-1)
        return {int(r): float(s) for r, s in zip(wanted[ok], sims, strict=True)}

    def _shortlist(self, q: F32, n: int, mask: npt.NDArray[np.bool_] | None) -> npt.NDArray[np.intp]:
        assert self.codes is not None
        qcode = sign_codes(q.reshape(1, -1))[:, 0]
        dist = np.zeros(self.size, dtype=np.uint16)
        tmp = np.empty(self.size, dtype=np.uint64)
        cnt = np.empty(self.size, dtype=np.uint8)
        for w in range(self.codes.shape[0]):
            np.bitwise_xor(self.codes[w], qcode[w], out=tmp)
            np.bitwise_count(tmp, out=cnt)
            dist += cnt
        if mask is not None:
            dist[~mask] = np.iinfo(np.uint16).max
            n = min(n, int(mask.sum()))
        n = min(n, self.size)
        if n <= 0:
            return np.zeros(0, dtype=np.intp)
        # threshold from the distance histogram: cheaper than argpartition over every row
        hist = np.bincount(dist, minlength=self.dim + 2)
        cutoff = int(np.searchsorted(np.cumsum(hist), n))
        below = np.flatnonzero(dist < cutoff)
        ties = np.flatnonzero(dist == cutoff)[: n - len(below)]
        return np.concatenate([below, ties])

    def mask_for(self, store: Store, filters: Filters) -> npt.NDArray[np.bool_] | None:
        return filter_mask(store, self.rowids, filters, self._masks)


def sign_codes(matrix: npt.NDArray[np.floating]) -> npt.NDArray[np.uint64]:
    """1 bit per dimension (x > 0), packed into ⌈dim/64⌉ uint64 words, stored word-major (words, n)."""
    n, dim = matrix.shape
    words = (dim + 63) // 64
    bits = np.zeros((n, words * 64), dtype=bool)
    bits[:, :dim] = matrix > 0
    packed = np.packbits(bits, axis=1)  # (n, words*8) uint8
    return np.ascontiguousarray(packed.view(np.uint64).T)


def _top(scores: npt.NDArray[np.floating], k: int) -> npt.NDArray[np.intp]:
    k = min(k, len(scores))
    if k < len(scores):
        part = np.argpartition(-scores, k - 1)[:k]
    else:
        part = np.arange(len(scores))
    return part[np.argsort(-scores[part], kind="stable")]


# ------------------------------------------------------------------ loading and caching

_CACHE: OrderedDict[tuple[str, str], DenseIndex] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 2


def content_stamp(store: Store, model: str) -> tuple[int, ...]:
    """What the matrix depends on: the KB revision (documents) and this model's last vector rowid.

    Both are index lookups (a count of vectors would read every blob page: ~1 s at 100k). The
    embedding job stores each block's highest rowid last, so a finished block always moves it."""
    (last,) = store.conn.execute("SELECT max(passage_rowid) FROM vectors WHERE model = ?", (model,)).fetchone()
    return (store.revision, int(last or 0))


def has_vectors(store: Store, model: str) -> bool:
    return store.conn.execute("SELECT 1 FROM vectors WHERE model = ? LIMIT 1", (model,)).fetchone() is not None


def load_index(store: Store, model: str, *, exact_max: int = EXACT_MAX) -> DenseIndex:
    """The cached index of ``model`` for this KB, reloaded when the KB changed.

    Two caches: this process's memory, and ``.npy`` files in the user cache dir (memory-mapped
    on load), so a new process — every ``curbside search`` — does not re-read every vector
    blob from SQLite (tens of seconds at 1M passages)."""
    path = str(Path(store.path).resolve()) if str(store.path) != ":memory:" else f"mem:{id(store)}"
    key = (path, model)
    stamp = content_stamp(store, model)
    with _CACHE_LOCK:
        index = _CACHE.get(key)
        if index is not None and index.stamp == stamp:
            _CACHE.move_to_end(key)
            return index
    files = _files(path, model, stamp, exact_max) if not path.startswith("mem:") else None
    index = _read_files(files, model, stamp) if files else None
    if index is None:
        rowids, matrix = store.load_vectors(model)
        if matrix.size == 0:
            matrix = np.zeros((0, 0), dtype=np.float32)
        index = DenseIndex.build(model, rowids, matrix, exact_max=exact_max, stamp=stamp)
        if files and index.size:
            _write_files(files, index)
    with _CACHE_LOCK:
        _CACHE[key] = index
        _CACHE.move_to_end(key)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return index


def _files(path: str, model: str, stamp: tuple[int, ...], exact_max: int) -> dict[str, Path]:
    import hashlib

    import platformdirs

    digest = hashlib.sha256(f"{path}|{model}|{exact_max}".encode()).hexdigest()[:16]
    base = Path(platformdirs.user_cache_dir("curbside")) / "dense" / f"{digest}-{'-'.join(map(str, stamp))}"
    return {part: base.with_name(f"{base.name}.{part}.npy") for part in ("rowids", "matrix", "codes")}


def _read_files(files: dict[str, Path], model: str, stamp: tuple[int, ...]) -> DenseIndex | None:
    if not (files["rowids"].is_file() and files["matrix"].is_file()):
        return None
    try:
        rowids = np.load(files["rowids"])
        matrix = np.load(files["matrix"], mmap_mode="r")
        codes = np.load(files["codes"]) if files["codes"].is_file() else None
    except (OSError, ValueError):
        return None
    return DenseIndex(model, rowids, matrix, stamp, codes=codes)


def _write_files(files: dict[str, Path], index: DenseIndex) -> None:
    """Best effort: a read-only or full cache dir only costs the next process a slower load."""
    folder = files["rowids"].parent
    prefix = files["rowids"].name.split("-", 1)[0]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{prefix}-*.npy"):  # older stamps of the same KB and model
            stale.unlink(missing_ok=True)
        parts = {"rowids": index.rowids, "matrix": index.matrix, "codes": index.codes}
        for part, array in parts.items():
            if array is None:
                continue
            tmp = files[part].with_suffix(".tmp.npy")
            np.save(tmp, np.asarray(array))
            tmp.replace(files[part])
    except OSError:
        return


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


# ------------------------------------------------------------------ the retriever

class QueryEncoder:
    """Query vectors with a small LRU cache (the same question is often asked twice)."""

    def __init__(self, embedder: object, size: int = 256) -> None:
        self.embedder = embedder
        self._cache: OrderedDict[str, F32] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def __call__(self, text: str) -> F32:
        with self._lock:
            vec = self._cache.get(text)
            if vec is not None:
                self._cache.move_to_end(text)
                return vec
        vec = np.asarray(self.embedder.embed_query(text), dtype=np.float32).reshape(-1)  # type: ignore[attr-defined]
        with self._lock:
            self._cache[text] = vec
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return vec


class DenseRetriever:
    name = "dense"

    def __init__(self, store: Store, embedder: object, *, exact_max: int = EXACT_MAX) -> None:
        self.store = store
        self.embedder = embedder
        self.model = str(embedder.name)  # type: ignore[attr-defined]
        self.encode = QueryEncoder(embedder)
        self.exact_max = exact_max

    def index(self) -> DenseIndex:
        return load_index(self.store, self.model, exact_max=self.exact_max)

    def scored(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[tuple[int, float]]:
        index = self.index()
        if index.size == 0:
            return []
        return index.search(self.encode(query), k, index.mask_for(self.store, filters))

    def ranked(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Ranked]:
        return [Ranked(r, s, {self.name: s}) for r, s in self.scored(query, k, filters)]

    def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]:
        return to_hits(self.store, self.scored(query, k, filters), self.name)
