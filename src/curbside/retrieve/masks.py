"""Filters (kind, year) as a boolean mask over an index's rows, shared by the dense and the
numpy lexical index: computed once in SQL per filter and kept (the same filter repeats)."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
import numpy.typing as npt

from curbside.retrieve.base import Filters
from curbside.store import Store
from curbside.store.documents import passage_filter_sql

MAX_MASKS = 16
_LOCK = threading.Lock()  # web requests share an index and its masks


def filter_mask(store: Store, rowids: npt.NDArray[np.int64], filters: Filters,
                cache: OrderedDict[Filters, npt.NDArray[np.bool_]]) -> npt.NDArray[np.bool_] | None:
    """``mask[i]``: the passage ``rowids[i]`` passes ``filters``; None when nothing is filtered."""
    if not filters.kinds and filters.since is None:
        return None
    mask = cache.get(filters)
    if mask is None:
        where, params = passage_filter_sql(filters.kinds, filters.since)
        allowed = np.fromiter((r[0] for r in store.conn.execute(
            f"SELECT p.rowid FROM passages p JOIN documents d ON d.id = p.doc_id WHERE {where}", params)),
            dtype=np.int64)
        mask = np.isin(rowids, allowed)
        with _LOCK:
            cache[filters] = mask
            while len(cache) > MAX_MASKS:
                cache.popitem(last=False)
    return mask
