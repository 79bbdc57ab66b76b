"""Build the numpy BM25 index (retrieve/sparse.py) with a progress bar, before a search needs it.

Above ``LexicalRetriever.exact_max`` passages the first search after a KB change builds the
index (about 10 s per 100k passages here). Doing it at the end of ``ingest`` — and with a bar
when ``search`` or ``ask`` finds it missing — puts that wait where the user can see it.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from curbside.settings import Settings
from curbside.store import Store


def ensure_search_index(store: Store, settings: Settings, console: Console, *, quiet: bool = False) -> None:
    from curbside.retrieve import sparse
    from curbside.retrieve.factory import lexical_from

    if not lexical_from(store, settings).uses_index() or sparse.cached(store):
        return
    columns = [TextColumn("[bold]search index"), BarColumn(), MofNCompleteColumn(), TextColumn("passages"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    started = time.perf_counter()
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("index", total=None)
        index = sparse.load_index(store, progress=lambda done, total: bar.update(task, completed=done, total=total))
    if not quiet:
        console.print(f"search index: {index.size:,} passages, {len(index.docs):,} postings in "
                      f"{time.perf_counter() - started:.1f}s (rebuilt after each change to the knowledge base)",
                      highlight=False)
