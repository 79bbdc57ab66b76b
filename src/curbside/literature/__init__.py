"""Live literature: PubMed through NCBI E-utilities — query building, a polite cached client,
pulls into the knowledge base and the "fetch live?" decision for ``ask``."""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from curbside.literature.eutils import EutilsClient
    from curbside.literature.live import LiveResult, mark_fetched_live, maybe_fetch_live, network_available
    from curbside.literature.pull import PullReport, pull_pmids, pull_query
    from curbside.literature.query import PubmedQuery, build_query, raw_query

# loaded on first use: ``ask`` needs only the "fetch live?" decision, not the HTTP client (httpx is a tenth of a
# second of a cold answer)
_HOME = {"EutilsClient": "eutils", "LiveResult": "live", "mark_fetched_live": "live", "maybe_fetch_live": "live",
         "network_available": "live", "PullReport": "pull", "pull_pmids": "pull", "pull_query": "pull",
         "PubmedQuery": "query", "build_query": "query", "raw_query": "query"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)

__all__ = [
    "EutilsClient",
    "LiveResult",
    "PubmedQuery",
    "PullReport",
    "build_query",
    "mark_fetched_live",
    "maybe_fetch_live",
    "network_available",
    "pull_pmids",
    "pull_query",
    "raw_query",
]
