"""Pulling PubMed into the knowledge base: search → fetch → parse → ingest.

Each efetch batch (≤200 articles) is parsed and stored in one transaction, then its articles
are cached; a failure leaves earlier batches stored and the failing batch not stored at all.
Re-pulling an article that changed (``refresh=True``) updates it in place: documents are keyed
by PMID (``pmid:…``), and the store refreshes a document whose content fingerprint changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from curbside.errors import QueryError
from curbside.ingest import ingest_documents
from curbside.literature.articles import documents_from_articles
from curbside.literature.eutils import EFETCH_BATCH, MAX_RETMAX, EutilsClient
from curbside.literature.query import PubmedQuery
from curbside.literature.responses import SearchResult
from curbside.store import Store

# (stage, done, total): stages "search", "fetch" (articles), "store" (documents)
ProgressFn = Callable[[str, int, int], None]
_PMID_PREFIX = re.compile(r"\bpmid\s*:?\s*", re.IGNORECASE)


@dataclass
class PullReport:
    query: str = ""  # the PubMed term that produced the ids ("" for --pmid pulls)
    count: int = 0  # records PubMed matched (for a search)
    requested: list[str] = field(default_factory=list)  # PMIDs asked for
    tried: list[str] = field(default_factory=list)  # every term searched, strictest first
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    passages: int = 0
    doc_ids: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # PMIDs PubMed did not return
    requests: int = 0  # HTTP requests sent
    from_cache: int = 0  # articles served from the fetch cache
    search_from_cache: bool = False

    @property
    def documents(self) -> int:
        return self.added + self.updated + self.unchanged

    @property
    def nothing_found(self) -> bool:
        return not self.requested


def normalise_pmids(values: Iterable[str]) -> list[str]:
    """``123``, ``pmid:123``, ``PMID: 123`` or comma-separated lists → unique PMIDs, in order."""
    text = _PMID_PREFIX.sub(" ", " ".join(values))
    out: list[str] = []
    for part in re.split(r"[,;\s]+", text):
        if not part:
            continue
        if not (part.isdigit() and len(part) <= 9 and int(part) > 0):
            raise QueryError(f"not a PubMed id: {part!r} (expected digits, e.g. 29768149)")
        out.append(str(int(part)))
    if not out:
        raise QueryError("no PubMed ids given")
    return list(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    term: str  # the term whose result is used
    result: SearchResult
    tried: tuple[str, ...]  # every term searched, strictest first


def search(
    client: EutilsClient, query: PubmedQuery, *, max_results: int = 20, min_results: int = 1,
    refresh: bool = False, progress: ProgressFn | None = None,
) -> SearchOutcome:
    """Run ``query`` and, while it finds fewer than ``min_results``, its relaxations.

    Uses the first search that reached ``min_results``, else the first that found anything,
    else the last one tried."""
    if max_results < 1:
        raise QueryError("--max must be at least 1")
    retmax = min(max_results, MAX_RETMAX)
    tried: list[str] = []
    fallback: tuple[str, SearchResult] | None = None
    rungs = query.relaxations()
    for i, rung in enumerate(rungs):
        term = rung.term
        tried.append(term)
        result = client.esearch(term, retmax=retmax, sort=rung.sort, usehistory=retmax > EFETCH_BATCH,
                                refresh=refresh)
        done = result.ids and result.count >= min_results
        if progress:
            progress("search", len(rungs) if done else i + 1, len(rungs))
        if done:
            return SearchOutcome(term, result, tuple(tried))
        if fallback is None and result.ids:
            fallback = (term, result)
    term, result = fallback or (term, result)
    return SearchOutcome(term, result, tuple(tried))


def pull_query(
    store: Store, client: EutilsClient, query: PubmedQuery, *, max_results: int = 20, min_results: int = 1,
    refresh: bool = False, chunk_words: int = 160, progress: ProgressFn | None = None,
) -> PullReport:
    """Search PubMed and store up to ``max_results`` of the articles found."""
    before = client.requests
    found = search(client, query, max_results=max_results, min_results=min_results, refresh=refresh,
                   progress=progress)
    report = PullReport(query=found.term, count=found.result.count, tried=list(found.tried),
                        search_from_cache=found.result.from_cache)
    report.requested = list(found.result.ids[:max_results])
    _fetch_and_store(store, client, report.requested, report, search=found.result, refresh=refresh,
                     chunk_words=chunk_words, progress=progress)
    report.requests = client.requests - before
    return report


def pull_pmids(
    store: Store, client: EutilsClient, pmids: Iterable[str], *, refresh: bool = False, chunk_words: int = 160,
    progress: ProgressFn | None = None,
) -> PullReport:
    """Fetch and store the given PubMed articles."""
    before = client.requests
    ids = normalise_pmids(pmids)
    report = PullReport(requested=ids, count=len(ids))
    _fetch_and_store(store, client, ids, report, refresh=refresh, chunk_words=chunk_words, progress=progress)
    report.requests = client.requests - before
    return report


def _fetch_and_store(
    store: Store, client: EutilsClient, ids: list[str], report: PullReport, *, search: SearchResult | None = None,
    refresh: bool, chunk_words: int, progress: ProgressFn | None,
) -> None:
    done = 0
    for batch in client.iter_fetch(ids, search=search, refresh=refresh):
        done += len(batch.requested)
        if progress:
            progress("fetch", done, len(ids))
        report.missing.extend(batch.missing)
        report.from_cache += batch.from_cache
        if not batch.articles:
            continue
        docs = documents_from_articles(batch.articles.values())
        ingested = ingest_documents(store, docs, chunk_words=chunk_words)
        client.remember(batch)
        report.added += ingested.added
        report.updated += ingested.updated
        report.unchanged += ingested.unchanged
        report.passages += ingested.passages
        report.doc_ids.extend(ingested.doc_ids)
        if progress:
            progress("store", report.documents, len(ids))
