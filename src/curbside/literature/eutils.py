"""A polite NCBI E-utilities client: esearch and efetch for PubMed.

What NCBI asks of clients (https://www.ncbi.nlm.nih.gov/books/NBK25497/), and how it is met:

* at most 3 requests/s without an API key, 10 with one — a process-wide sliding-window limiter
  per base URL (``ratelimit.shared_limiter``); retries count as requests;
* ``tool`` and ``email`` on every request (from settings), ``api_key`` when configured;
* id lists sent by POST in batches of at most 200; the history server (``usehistory=y``,
  ``WebEnv`` + ``query_key``) for pulls larger than one batch;
* retries with exponential back-off on 429 and 5xx and on timeouts, honouring ``Retry-After``.

Responses are cached in the store: searches by their parameters (for ``search_ttl_s``), articles
by PMID (until refreshed), so a repeated question makes no request. Article entries are written
only after the caller has parsed and stored them (``remember``), so a bad response never sticks.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from curbside import __version__
from curbside.errors import FetchError
from curbside.literature.ratelimit import RateLimiter, shared_limiter
from curbside.literature.responses import SearchResult, parse_esearch, split_efetch
from curbside.store.fetch_cache import CacheEntry

if TYPE_CHECKING:
    from curbside.settings import Settings
    from curbside.store import Store

DEFAULT_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
EFETCH_BATCH = 200  # NCBI: at most 200 ids per request
MAX_RETMAX = 10000  # esearch returns at most this many ids per request
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
SEARCH_TTL_S = 7 * 24 * 3600.0
OFFLINE_HINT = (
    "network use is disabled (offline mode: --offline or CURBSIDE_OFFLINE=1); "
    "add evidence with `curbside ingest FILES`, or go online and `curbside pull pubmed …`"
)
Sleep = Callable[[float], None]


@dataclass
class FetchBatch:
    """Articles for one slice of the requested ids: {pmid: article XML}, in request order."""

    requested: list[str]
    articles: dict[str, str]
    from_cache: int = 0
    new_entries: list[CacheEntry] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [p for p in self.requested if p not in self.articles]


def _cache_key(service: str, params: dict[str, str]) -> str:
    blob = json.dumps(params, sort_keys=True)
    return f"{service}:{hashlib.sha256(blob.encode()).hexdigest()[:32]}"


def article_key(pmid: str) -> str:
    return f"pubmed:{pmid}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class EutilsClient:
    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        *,
        api_key: str = "",
        tool: str = "curbside",
        email: str = "",
        cache: Store | None = None,
        offline: bool = False,
        timeout_s: float = 20.0,
        retries: int = 3,
        backoff_s: float = 0.5,
        max_backoff_s: float = 30.0,
        max_retry_after_s: float = 60.0,
        search_ttl_s: float = SEARCH_TTL_S,
        limiter: RateLimiter | None = None,
        sleep: Sleep = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.host = urlsplit(self.base_url).netloc or self.base_url
        self.api_key = api_key
        self.tool = tool
        self.email = email
        self.cache = cache
        self.offline = offline
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.max_retry_after_s = max_retry_after_s
        self.search_ttl_s = search_ttl_s
        self.limiter = limiter or shared_limiter(self.base_url, 10 if api_key else 3)
        self._sleep = sleep
        self.requests = 0  # HTTP requests sent (retries included)
        self.cache_hits = 0
        self._http: httpx.Client | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, cache: Store | None = None, **options: object) -> EutilsClient:
        return cls(
            settings.eutils_url, api_key=settings.ncbi_api_key, tool=settings.ncbi_tool,
            email=settings.ncbi_email, cache=cache, offline=settings.offline, **options,  # type: ignore[arg-type]
        )

    # ------------------------------------------------------------------ lifecycle

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(
                timeout=httpx.Timeout(self.timeout_s, connect=min(self.timeout_s, 10.0)),
                headers={"User-Agent": f"curbside/{__version__} (E-utilities client; tool={self.tool})"},
                follow_redirects=True,
            )
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> EutilsClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ HTTP

    def _identity(self) -> dict[str, str]:
        out = {"tool": self.tool} if self.tool else {}
        if self.email:
            out["email"] = self.email
        if self.api_key:
            out["api_key"] = self.api_key
        return out

    def _backoff(self, attempt: int) -> float:
        return float(min(self.max_backoff_s, self.backoff_s * (2**attempt)))

    def request(self, service: str, params: dict[str, str], *, post: bool = False) -> bytes:
        """One E-utilities call with rate limiting and retries; the body of a 200 answer."""
        if self.offline:
            raise FetchError(f"cannot query PubMed {service}: {OFFLINE_HINT}")
        url = f"{self.base_url}/{service}.fcgi"
        data = {**params, **self._identity()}
        http = self._client()
        problem = ""
        attempts = self.retries + 1
        for attempt in range(attempts):
            self.limiter.acquire()
            self.requests += 1
            delay = self._backoff(attempt)
            try:
                resp = http.post(url, data=data) if post else http.get(url, params=data)
            except httpx.TimeoutException:
                problem = f"no answer within {self.timeout_s:g}s"
            except httpx.ConnectError as exc:
                raise FetchError(
                    f"cannot reach PubMed E-utilities at {self.host}: {exc or 'connection failed'} — check "
                    "the network (or CURBSIDE_EUTILS_URL), or work offline with --offline"
                ) from None
            except httpx.TransportError as exc:
                problem = f"connection broken ({type(exc).__name__}: {exc})"
            else:
                if resp.status_code == 200:
                    return resp.content
                detail = " ".join(resp.text[:200].split())
                if resp.status_code not in RETRY_STATUSES:
                    reason = detail or resp.reason_phrase
                    raise FetchError(f"PubMed {service} answered HTTP {resp.status_code}: {reason}")
                problem = f"HTTP {resp.status_code}" + (f" ({detail})" if detail else "")
                wait = _retry_after(resp.headers.get("Retry-After"))
                if wait is not None:
                    if wait > self.max_retry_after_s:
                        raise FetchError(f"PubMed {service} is busy and asks to retry after {wait:.0f}s; try later")
                    delay = max(delay, wait)
            if attempt + 1 < attempts:
                self._sleep(delay)
        raise FetchError(
            f"PubMed {service} at {self.host} failed after {attempts} attempt(s): {problem}; "
            "check the network or try later"
        )

    def probe(self, timeout_s: float = 3.0) -> bool:
        """Is the E-utilities host answering? One short request, no retries."""
        if self.offline:
            return False
        self.limiter.acquire()
        self.requests += 1
        try:
            with httpx.Client(timeout=timeout_s) as http:
                resp = http.get(f"{self.base_url}/einfo.fcgi", params={"db": "pubmed", **self._identity()})
        except httpx.HTTPError:
            return False
        return resp.status_code < 500

    # ------------------------------------------------------------------ esearch

    def esearch(
        self, term: str, *, retmax: int = 20, retstart: int = 0, sort: str = "relevance",
        usehistory: bool = False, refresh: bool = False,
    ) -> SearchResult:
        """Search PubMed; served from the cache when the same search ran within ``search_ttl_s``."""
        if not term.strip():
            raise FetchError("empty PubMed query")
        params = {"db": "pubmed", "term": term, "retmax": str(max(0, min(retmax, MAX_RETMAX))),
                  "retstart": str(max(0, retstart)), "sort": sort}
        if usehistory:
            params["usehistory"] = "y"
        key = _cache_key("esearch", params)
        if self.cache is not None and not refresh:
            cached = self.cache.cache_get(key, max_age_s=self.search_ttl_s)
            if cached is not None:
                self.cache_hits += 1
                return parse_esearch(cached.encode("utf-8"), from_cache=True)
        long_term = len(term) > 1500  # NCBI: POST long queries
        body = self.request("esearch", params, post=long_term)
        result = parse_esearch(body)
        if self.cache is not None:
            self.cache.cache_put(key, "esearch", json.dumps(params, sort_keys=True), body.decode("utf-8", "replace"))
        return result

    # ------------------------------------------------------------------ efetch

    def efetch_ids(self, pmids: Sequence[str]) -> dict[str, str]:
        """One efetch POST for at most 200 ids → {pmid: article XML} (unknown ids are absent)."""
        if len(pmids) > EFETCH_BATCH:
            raise ValueError(f"at most {EFETCH_BATCH} ids per efetch request")
        params = {"db": "pubmed", "id": ",".join(pmids), "retmode": "xml"}
        return split_efetch(self.request("efetch", params, post=True))

    def efetch_history(self, webenv: str, query_key: str, retstart: int, retmax: int) -> dict[str, str]:
        """One page of a search kept on NCBI's history server."""
        params = {"db": "pubmed", "WebEnv": webenv, "query_key": query_key, "retstart": str(retstart),
                  "retmax": str(min(retmax, EFETCH_BATCH)), "retmode": "xml"}
        return split_efetch(self.request("efetch", params))

    def iter_fetch(
        self, pmids: Sequence[str], *, search: SearchResult | None = None, refresh: bool = False,
        batch_size: int = EFETCH_BATCH,
    ) -> Iterator[FetchBatch]:
        """Articles for ``pmids`` in batches; cached ones are not requested again.

        With ``search`` (a fresh esearch made with ``usehistory``), pages are fetched from the
        history server by position, which spares sending long id lists; otherwise ids are POSTed.
        """
        ids = list(dict.fromkeys(p.strip() for p in pmids if p.strip()))
        batch_size = max(1, min(batch_size, EFETCH_BATCH))
        history = search is not None and bool(search.webenv) and not search.from_cache
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            cached: dict[str, str] = {}
            if self.cache is not None and not refresh:
                cached = self.cache.cache_get_many(article_key(p) for p in chunk)
            have = {p: cached[article_key(p)] for p in chunk if article_key(p) in cached}
            self.cache_hits += len(have)
            need = [p for p in chunk if p not in have]
            fetched: dict[str, str] = {}
            if need:
                if history and search is not None and not have:
                    fetched = self.efetch_history(search.webenv, search.query_key,
                                                  search.retstart + start, len(chunk))
                else:
                    fetched = self.efetch_ids(need)
            articles = {p: have.get(p) or fetched[p] for p in chunk if p in have or p in fetched}
            entries = [CacheEntry(article_key(p), "efetch", json.dumps({"db": "pubmed", "id": p}), xml)
                       for p, xml in fetched.items() if p in chunk]
            yield FetchBatch(requested=chunk, articles=articles, from_cache=len(have), new_entries=entries)

    def remember(self, batch: FetchBatch) -> None:
        """Cache a batch's newly fetched articles (call once they are safely stored)."""
        if self.cache is not None and batch.new_entries:
            self.cache.cache_put_many(batch.new_entries)
