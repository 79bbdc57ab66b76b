"""A small E-utilities server on 127.0.0.1 for tests: esearch, efetch (GET and POST), einfo.

It replays the real responses in ``shared/data/fixtures``: an efetch whose ids are exactly one
fixture file's articles gets that file byte for byte; other id lists get the fixture articles
reassembled into a PubmedArticleSet (unknown ids are left out, as NCBI does). Searches answer
from ``searches`` (term → PMIDs, else ``default_ids``) in the esearch format of the fixtures,
with a WebEnv/query_key when ``usehistory=y``. ``script`` queues canned answers (status,
headers, body, delay) per service; every request is recorded with its arrival time.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

ESEARCH_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
EFETCH_HEAD = (
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
EINFO = b'<?xml version="1.0" ?>\n<eInfoResult><DbList><DbName>pubmed</DbName></DbList></eInfoResult>\n'


@dataclass
class Recorded:
    at: float  # time.monotonic() on arrival
    method: str
    service: str
    params: dict[str, str]

    @property
    def ids(self) -> list[str]:
        return [i for i in self.params.get("id", "").split(",") if i]


@dataclass
class Canned:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    passthrough: bool = False  # after ``delay``, answer normally


def load_fixture_articles(folders: list[Path]) -> tuple[dict[str, str], dict[frozenset[str], bytes]]:
    """{pmid: article XML} and {the PMIDs of a file: its bytes} for every PubMed fixture file."""
    articles: dict[str, str] = {}
    files: dict[frozenset[str], bytes] = {}
    for folder in folders:
        for path in sorted(folder.glob("pubmed*.xml")):
            data = path.read_bytes()
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
            ids = []
            for elem in root.iterfind("PubmedArticle"):
                pmid = elem.findtext("MedlineCitation/PMID") or ""
                articles[pmid] = etree.tostring(elem, encoding="unicode", with_tail=False)
                ids.append(pmid)
            files[frozenset(ids)] = data
    return articles, files


class EutilsServer:
    def __init__(self, articles: dict[str, str], files: dict[frozenset[str], bytes] | None = None) -> None:
        self.articles = dict(articles)
        self.files = dict(files or {})
        self.searches: dict[str, list[str]] = {}
        self.default_ids: list[str] = list(articles)
        self.requests: list[Recorded] = []
        self.webenvs: dict[str, list[str]] = {}
        self._script: dict[str, deque[Canned]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01},
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/entrez/eutils"

    def start(self) -> EutilsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def script(self, service: str, *answers: Canned) -> None:
        with self._lock:
            self._script[service].extend(answers)

    def calls(self, service: str | None = None) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if service is None or r.service == service]

    def revise(self, pmid: str, old: str, new: str) -> None:
        """Change an article's text (as if PubMed corrected it); whole-file replay stops for it."""
        assert old in self.articles[pmid]
        self.articles[pmid] = self.articles[pmid].replace(old, new)
        self.files = {k: v for k, v in self.files.items() if pmid not in k}

    # ------------------------------------------------------------ answers

    def answer(self, method: str, service: str, params: dict[str, str]) -> Canned:
        with self._lock:
            self.requests.append(Recorded(time.monotonic(), method, service, params))
            canned = self._script[service].popleft() if self._script[service] else None
        if canned is not None:
            if canned.delay:
                time.sleep(canned.delay)
            if not canned.passthrough:
                return canned
        if service == "esearch":
            return Canned(body=self._esearch(params))
        if service == "efetch":
            return Canned(body=self._efetch(params))
        if service == "einfo":
            return Canned(body=EINFO)
        return Canned(status=404, body=b"unknown service")

    def _esearch(self, params: dict[str, str]) -> bytes:
        term = params.get("term", "")
        if not term:
            return (ESEARCH_HEAD + "<eSearchResult><ERROR>Empty term and query_key - nothing todo</ERROR>"
                    "</eSearchResult>").encode()
        ids = self.searches.get(term, self.default_ids)
        start, retmax = int(params.get("retstart", 0)), int(params.get("retmax", 20))
        page = ids[start : start + retmax]
        history = ""
        if params.get("usehistory") == "y":
            webenv = f"MCID_test{len(self.webenvs) + 1:04d}"
            self.webenvs[webenv] = list(ids)
            history = f"<QueryKey>1</QueryKey><WebEnv>{webenv}</WebEnv>"
        if not ids:
            return (ESEARCH_HEAD + "<eSearchResult><Count>0</Count><RetMax>0</RetMax><RetStart>0</RetStart>"
                    f"{history}<IdList/><TranslationSet/><QueryTranslation>{_esc(term)}</QueryTranslation>"
                    f"<ErrorList><PhraseNotFound>{_esc(term[:40])}</PhraseNotFound></ErrorList><WarningList>"
                    "<OutputMessage>No items found.</OutputMessage></WarningList></eSearchResult>").encode()
        id_xml = "".join(f"<Id>{i}</Id>\n" for i in page)
        return (ESEARCH_HEAD + f"<eSearchResult><Count>{len(ids)}</Count><RetMax>{len(page)}</RetMax>"
                f"<RetStart>{start}</RetStart>{history}<IdList>\n{id_xml}</IdList><TranslationSet/>"
                f"<QueryTranslation>{_esc(term)}</QueryTranslation></eSearchResult>").encode()

    def _efetch(self, params: dict[str, str]) -> bytes:
        if "WebEnv" in params:
            ids = self.webenvs.get(params["WebEnv"])
            if ids is None:
                return (b'<?xml version="1.0" encoding="UTF-8" ?>\n<eFetchResult>\n\t<ERROR>Unable to obtain query '
                        b"#1</ERROR>\n</eFetchResult>\n")
            start, retmax = int(params.get("retstart", 0)), int(params.get("retmax", 20))
            ids = ids[start : start + retmax]
        else:
            ids = [i for i in params.get("id", "").split(",") if i]
        whole = self.files.get(frozenset(ids))
        if whole is not None:
            return whole
        body = "\n".join(self.articles[i] for i in ids if i in self.articles)
        return (EFETCH_HEAD + f"<PubmedArticleSet>\n{body}\n</PubmedArticleSet>\n").encode()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: EutilsServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out and hung up is part of the tests


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _serve(self, method: str) -> None:
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            params.update(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
        service = url.path.rsplit("/", 1)[-1].removesuffix(".fcgi")
        canned = self.server.owner.answer(method, service, params)
        try:
            self.send_response(canned.status)
            self.send_header("Content-Type", "text/xml; charset=UTF-8")
            self.send_header("Content-Length", str(len(canned.body)))
            for name, value in canned.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(canned.body)
        except OSError:
            pass

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")
