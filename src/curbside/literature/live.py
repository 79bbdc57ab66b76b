"""Live literature for ``ask``: when the knowledge base is thin, search PubMed and keep what it finds.

``maybe_fetch_live`` never raises for network trouble: the answer falls back to the local
knowledge base and ``LiveResult.note`` says so in one line for ``Answer.notes``. When it
fetched, ``LiveResult.fetched_ids`` are the documents that came from PubMed, so ``ask`` can
retrieve again and mark those references with ``mark_fetched_live``.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from curbside.errors import CurbsideError, QueryError
from curbside.literature.query import build_query
from curbside.literature.sufficiency import Sufficiency, assess, judge
from curbside.records import Hit, Reference
from curbside.settings import Settings
from curbside.store import Store

if TYPE_CHECKING:
    from curbside.literature.eutils import EutilsClient
    from curbside.literature.pull import ProgressFn

LIVE_MAX_RESULTS = 20  # articles per live lookup: one esearch + one efetch
LIVE_MIN_RESULTS = 3  # relax the PubMed query until it finds at least this many
LIVE_TIMEOUT_S = 15.0
LIVE_RETRIES = 2
PROBE_TIMEOUT_S = 3.0

Status = Literal["not_needed", "offline", "unreachable", "not_searchable", "nothing_found", "failed", "fetched"]

_OFFLINE_NOTE = (
    "Offline: answered from the local knowledge base only. To add evidence, ingest files "
    "(curbside ingest FILES) or connect to the network and pull from PubMed (curbside pull pubmed \"…\")."
)
_UNREACHABLE_NOTE = (
    "PubMed could not be reached, so this answer uses the local knowledge base only; check the "
    "connection, or ingest files (curbside ingest FILES)."
)


@dataclass(frozen=True, slots=True)
class LiveResult:
    status: Status
    fetched_ids: tuple[str, ...] = ()  # documents stored from this live lookup, in PubMed's order
    query: str = ""  # the PubMed term whose results were fetched
    note: str = ""  # one line for Answer.notes ("" when there is nothing to say)
    error: str = ""
    requests: int = 0  # HTTP requests made (0 when served from the cache)
    sufficiency: Sufficiency | None = None

    @property
    def fetched(self) -> bool:
        """True when documents were added to the KB: retrieve again before answering."""
        return bool(self.fetched_ids)


# ---------------------------------------------------------------- network probe

_PROBES: dict[str, bool] = {}
_PROBES_LOCK = threading.Lock()


def network_available(settings: Settings, *, timeout_s: float = PROBE_TIMEOUT_S) -> bool:
    """False when offline; else whether the E-utilities host answers a short probe.

    The probe runs once per process and base URL; later calls return the remembered answer."""
    if settings.offline:
        return False
    key = settings.eutils_url.rstrip("/")
    with _PROBES_LOCK:
        if key not in _PROBES:
            from curbside.literature.eutils import EutilsClient

            with EutilsClient.from_settings(settings) as client:
                _PROBES[key] = client.probe(timeout_s)
        return _PROBES[key]


def forget_network_probe() -> None:
    """Drop remembered probe results (tests; or after the network came back)."""
    with _PROBES_LOCK:
        _PROBES.clear()


# ---------------------------------------------------------------- the decision

def needs_live(store: Store, settings: Settings, question: str, hits: Sequence[Hit] | None = None) -> Sufficiency:
    """Judge the KB for ``question``; an empty ``hits`` (the caller found nothing) short-cuts."""
    if hits is not None and not hits:
        return judge([])
    return assess(store, settings, question)


def maybe_fetch_live(
    store: Store,
    settings: Settings,
    question: str,
    hits: Sequence[Hit] | None = None,
    *,
    client: EutilsClient | None = None,
    max_results: int = LIVE_MAX_RESULTS,
    force: bool = False,
    progress: ProgressFn | None = None,
) -> LiveResult:
    """Fetch from PubMed when the KB holds too little relevant evidence for ``question``.

    ``hits``: what the caller already retrieved (optional; an empty list means "nothing").
    ``force``: fetch even when the KB looks sufficient. ``store`` must be writable.
    """
    verdict = needs_live(store, settings, question, hits)
    if verdict.sufficient and not force:
        return LiveResult("not_needed", sufficiency=verdict)
    if settings.offline:
        return LiveResult("offline", note=_OFFLINE_NOTE, sufficiency=verdict)
    try:
        query = build_query(question)
    except QueryError as exc:
        return LiveResult("not_searchable", error=str(exc), sufficiency=verdict)
    if client is None and not network_available(settings):
        return LiveResult("unreachable", query=query.term, note=_UNREACHABLE_NOTE, sufficiency=verdict)
    # (the HTTP client and the ingest path load only when PubMed is asked: most answers never do)
    from curbside.literature.eutils import EutilsClient
    from curbside.literature.pull import pull_query

    own = client is None
    client = client or EutilsClient.from_settings(settings, cache=store, timeout_s=LIVE_TIMEOUT_S,
                                                  retries=LIVE_RETRIES)
    before = client.requests
    try:
        report = pull_query(store, client, query, max_results=max_results, min_results=LIVE_MIN_RESULTS,
                            chunk_words=settings.chunk_words, progress=progress)
    except (CurbsideError, sqlite3.Error) as exc:
        message = str(exc)
        if isinstance(exc, sqlite3.Error):
            message = f"the knowledge base cannot be written ({exc})"
        return LiveResult("failed", query=query.term, error=message, requests=client.requests - before,
                          note=f"Live PubMed search failed ({message}); answered from the local knowledge base only.",
                          sufficiency=verdict)
    finally:
        if own:
            client.close()
    if report.nothing_found:
        return LiveResult("nothing_found", query=report.query, requests=report.requests, sufficiency=verdict,
                          note="PubMed found no articles for this question; answered from the local knowledge "
                               "base only.")
    ids = tuple(dict.fromkeys(report.doc_ids))
    n = len(ids)
    return LiveResult(
        "fetched", fetched_ids=ids, query=report.query, requests=report.requests, sufficiency=verdict,
        note=f"The knowledge base held too little on this question, so {n} PubMed article{'s' * (n != 1)} "
             "were fetched live and added to it; references marked \"fetched live\" come from them.",
    )


def mark_fetched_live(references: Iterable[Reference], fetched_ids: Iterable[str]) -> tuple[Reference, ...]:
    """References whose document came from the live lookup, with ``fetched_live=True``."""
    live = set(fetched_ids)
    return tuple(dataclasses.replace(r, fetched_live=True) if r.document_id in live else r for r in references)
