"""Lexical search at scale: a BM25 impact index held in numpy arrays.

FTS5 computes bm25 by first counting, for every query phrase, all rows that contain it (its
IDF), then scoring each matching row: a 15-term question over a million passages costs
0.1–5 s, and bounding it to the rarest terms still left p95 at ~150 ms and lost a fifth of the
exact top 10. Above ``LexicalRetriever.exact_max`` passages search therefore reads a
precomputed index instead: for every stem, the passages holding it and each one's BM25 term
weight (``idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))``, the formula and constants
FTS5's ``bm25()`` uses). A query sums the weights of its stems' postings (``np.bincount``) and
takes the top k: exact BM25 over every term, in tens of milliseconds.

Tokens are lower-cased runs of letters and digits, Porter-stemmed (as the FTS5 table's
``porter unicode61`` tokenizer does), minus the query stopwords. Title, section label and body
are one field; a title or body token counts 1, a section-label token 0.5 (FTS5 weights 1 / 0.5
/ 1 per column). A multi-word synonym phrase becomes its stems.

Built from the FTS5 content table in one pass (about 10 s per 100k passages here), then cached
like the dense matrix: in this process, and as ``.npy`` files in the user cache dir
(memory-mapped on load) keyed by the KB's path and revision.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from curbside.retrieve.base import NO_FILTERS, Filters
from curbside.retrieve.masks import filter_mask
from curbside.retrieve.query import STOPWORDS
from curbside.store import Store

K1 = 1.2
B = 0.75
SECTION_WEIGHT = 0.5
_TOKEN = re.compile(r"[^\W_]+")
_BATCH = 20_000

Progress = Callable[[int, int], None]  # (passages done, total)


class Stems:
    """Token → stem id, with a cache (a corpus has far fewer distinct tokens than tokens)."""

    def __init__(self, vocab: dict[str, int] | None = None) -> None:
        import Stemmer  # PyStemmer: the Snowball stemmers in C (the pure-Python one took 170 µs a word)

        self._stemmer = Stemmer.Stemmer("porter")
        self.vocab: dict[str, int] = vocab if vocab is not None else {}
        self._ids: dict[str, int] = {}

    def ids(self, text: str, *, grow: bool) -> list[int]:
        """Stem ids of ``text``'s tokens, stopwords left out; unknown stems are added when ``grow``."""
        toks = _TOKEN.findall(text.lower())
        get = self._ids.get
        ids = [get(t, -2) for t in toks]  # a comprehension: this loop is most of the index build
        if -2 in ids:
            for tok in {t for t, i in zip(toks, ids, strict=True) if i == -2}:
                self._learn(tok, grow)
            ids = [get(t, -1) for t in toks]
        return [i for i in ids if i >= 0]

    def _learn(self, tok: str, grow: bool) -> None:
        if tok in STOPWORDS:
            self._ids[tok] = -1
            return
        stem = self._stemmer.stemWord(tok)
        i = self.vocab.get(stem, -1)
        if i < 0 and grow:
            i = self.vocab[stem] = len(self.vocab)
        if grow or i >= 0:  # a query must not cache "unknown": the index may be rebuilt larger
            self._ids[tok] = i


@dataclass
class SparseIndex:
    """Postings of stem ``t``: ``docs[indptr[t]:indptr[t+1]]`` (row numbers) with ``weights``."""

    rowids: npt.NDArray[np.int64]  # row number → passage rowid (ascending)
    indptr: npt.NDArray[np.int64]
    docs: npt.NDArray[np.int32]
    weights: npt.NDArray[np.float32]
    vocab: dict[str, int]
    revision: int = 0
    _stems: Stems | None = None
    _masks: OrderedDict[Filters, npt.NDArray[np.bool_]] = field(default_factory=OrderedDict)

    @property
    def size(self) -> int:
        return len(self.rowids)

    def stems(self) -> Stems:
        if self._stems is None:
            self._stems = Stems(self.vocab)
        return self._stems

    def query_ids(self, phrases: Iterable[str]) -> list[int]:
        stems = self.stems()
        return list(dict.fromkeys(i for p in phrases for i in stems.ids(p, grow=False)))

    def search(self, phrases: Iterable[str], k: int, mask: npt.NDArray[np.bool_] | None = None
               ) -> list[tuple[int, float]]:
        """Top ``k`` (passage rowid, bm25) over every passage holding a query stem, best first."""
        ids = self.query_ids(phrases)
        if not ids or self.size == 0 or k <= 0:
            return []
        docs = np.concatenate([self.docs[self.indptr[i]:self.indptr[i + 1]] for i in ids])
        weights = np.concatenate([self.weights[self.indptr[i]:self.indptr[i + 1]] for i in ids])
        if len(docs) == 0:
            return []
        scores = np.bincount(docs, weights=weights, minlength=self.size)
        if mask is not None:
            scores[~mask] = 0.0
        k = min(k, int(np.count_nonzero(scores)))
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.rowids[r]), float(scores[r])) for r in top]

    def mask_for(self, store: Store, filters: Filters) -> npt.NDArray[np.bool_] | None:
        return filter_mask(store, self.rowids, filters, self._masks)


def build_index(store: Store, progress: Progress | None = None) -> SparseIndex:
    """One pass over the FTS5 content table; memory peaks near 20 bytes per posting."""
    (total,) = store.conn.execute("SELECT count(*) FROM passages").fetchone()
    stems = Stems()
    rowids: list[int] = []
    lengths: list[float] = []
    parts_t: list[npt.NDArray[np.int64]] = []
    parts_d: list[npt.NDArray[np.int32]] = []
    parts_f: list[npt.NDArray[np.float32]] = []
    cur = store.conn.execute("SELECT rowid, title, section, body FROM passage_fts ORDER BY rowid")
    done = 0
    while True:
        rows = cur.fetchmany(_BATCH)
        if not rows:
            break
        terms: list[int] = []
        docs: list[int] = []
        tfs: list[float] = []
        for rowid, title, section, body in rows:
            n = len(rowids)
            rowids.append(int(rowid))
            main = stems.ids(f"{title or ''} {body or ''}", grow=True)
            side = stems.ids(section or "", grow=True)
            terms += main
            terms += side
            docs += [n] * (len(main) + len(side))
            tfs += [1.0] * len(main)
            tfs += [SECTION_WEIGHT] * len(side)
            lengths.append(len(main) + SECTION_WEIGHT * len(side))
        if terms:
            key = (np.asarray(terms, dtype=np.int64) << 32) | np.asarray(docs, dtype=np.int64)
            uniq, inverse = np.unique(key, return_inverse=True)
            tf = np.bincount(inverse, weights=np.asarray(tfs), minlength=len(uniq))
            parts_t.append(uniq >> 32)
            parts_d.append((uniq & 0xFFFFFFFF).astype(np.int32))
            parts_f.append(tf.astype(np.float32))
        done += len(rows)
        if progress is not None:
            progress(done, total)
    return _finish(np.asarray(rowids, dtype=np.int64), np.asarray(lengths, dtype=np.float32), parts_t, parts_d,
                   parts_f, stems.vocab, store.revision)


def _finish(rowids: npt.NDArray[np.int64], lengths: npt.NDArray[np.float32], parts_t: list[npt.NDArray[np.int64]],
            parts_d: list[npt.NDArray[np.int32]], parts_f: list[npt.NDArray[np.float32]], vocab: dict[str, int],
            revision: int) -> SparseIndex:
    n = len(rowids)
    if not parts_t:
        return SparseIndex(rowids, np.zeros(len(vocab) + 1, dtype=np.int64), np.zeros(0, dtype=np.int32),
                           np.zeros(0, dtype=np.float32), vocab, revision)
    terms = np.concatenate(parts_t)
    order = np.argsort(terms, kind="stable")  # stable: postings stay in row order within a term
    terms = terms[order]
    docs = np.concatenate(parts_d)[order]
    tf = np.concatenate(parts_f)[order]
    df = np.bincount(terms, minlength=len(vocab))
    indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    # FTS5's bm25: idf = log((N − n + 0.5) / (n + 0.5)), floored at 1e-6 for very common terms
    idf = np.maximum(np.log((n - df + 0.5) / (df + 0.5)), 1e-6).astype(np.float32)
    avg = float(lengths.mean()) if n else 1.0
    norm = K1 * (1 - B + B * lengths[docs] / max(avg, 1e-9))
    weights = (idf[terms] * tf * (K1 + 1) / (tf + norm)).astype(np.float32)
    return SparseIndex(rowids, indptr, docs.astype(np.int32), weights, vocab, revision)


# ------------------------------------------------------------------ caching

_CACHE: OrderedDict[str, SparseIndex] = OrderedDict()
_LOCK = threading.Lock()
_CACHE_SIZE = 2


def load_index(store: Store, progress: Progress | None = None) -> SparseIndex:
    """This KB's index at its current revision: from memory, else the cache files, else built
    (and written to the cache files for the next process)."""
    path = str(Path(store.path).resolve()) if str(store.path) != ":memory:" else f"mem:{id(store)}"
    revision = store.revision
    with _LOCK:  # one build at a time: concurrent web requests wait for it instead of repeating it
        index = _CACHE.get(path)
        if index is not None and index.revision == revision:
            _CACHE.move_to_end(path)
            return index
        files = None if path.startswith("mem:") else _files(path, revision)
        index = _read(files, revision) if files else None
        if index is None:
            index = build_index(store, progress)
            if files:
                _write(files, index)
        _CACHE[path] = index
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
        return index


def cached(store: Store) -> bool:
    """Whether search can use the index without building it first."""
    path = str(Path(store.path).resolve())
    with _LOCK:
        index = _CACHE.get(path)
        if index is not None and index.revision == store.revision:
            return True
    return _files(path, store.revision)["vocab"].is_file()


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


_PARTS = ("rowids", "indptr", "docs", "weights")


def _files(path: str, revision: int) -> dict[str, Path]:
    import platformdirs

    digest = hashlib.sha256(path.encode()).hexdigest()[:16]
    base = Path(platformdirs.user_cache_dir("curbside")) / "lexical" / f"{digest}-{revision}"
    files = {part: base.with_name(f"{base.name}.{part}.npy") for part in _PARTS}
    files["vocab"] = base.with_name(f"{base.name}.vocab.json")  # written last: marks a complete set
    return files


def _read(files: dict[str, Path], revision: int) -> SparseIndex | None:
    if not files["vocab"].is_file():
        return None
    try:
        arrays = {part: np.load(files[part], mmap_mode="r") for part in _PARTS}
        words = json.loads(files["vocab"].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    vocab = {w: i for i, w in enumerate(words)}
    return SparseIndex(np.asarray(arrays["rowids"]), np.asarray(arrays["indptr"]), arrays["docs"],
                       arrays["weights"], vocab, revision)


def _write(files: dict[str, Path], index: SparseIndex) -> None:
    """Best effort: a read-only or full cache dir only costs the next process a rebuild."""
    folder = files["vocab"].parent
    prefix = files["vocab"].name.split("-", 1)[0]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{prefix}-*"):  # older revisions of the same KB
            stale.unlink(missing_ok=True)
        for part in _PARTS:
            tmp = files[part].with_suffix(".tmp.npy")
            np.save(tmp, np.asarray(getattr(index, part)))
            tmp.replace(files[part])
        words = sorted(index.vocab, key=index.vocab.__getitem__)
        tmp = files["vocab"].with_suffix(".tmp")
        tmp.write_text(json.dumps(words), encoding="utf-8")
        tmp.replace(files["vocab"])
    except OSError:
        return


def search(store: Store, phrases: Iterable[str], k: int, filters: Filters = NO_FILTERS) -> list[tuple[int, float]]:
    index = load_index(store)
    return index.search(phrases, k, index.mask_for(store, filters))

