"""Live literature: PubMed through NCBI E-utilities — query building, a polite cached client,
pulls into the knowledge base and the "fetch live?" decision for ``ask``."""

from curbside.literature.eutils import EutilsClient
from curbside.literature.live import LiveResult, mark_fetched_live, maybe_fetch_live, network_available
from curbside.literature.pull import PullReport, pull_pmids, pull_query
from curbside.literature.query import PubmedQuery, build_query, raw_query

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
