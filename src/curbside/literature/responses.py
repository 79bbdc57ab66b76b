"""Reading E-utilities responses: esearch results and efetch article sets.

Parsing is safe (no entities expanded, no DTD loaded, nothing fetched) and strict: anything that
is not the expected well-formed XML becomes a ``FetchError`` that says which service answered
what, so a bad response is never cached or stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from curbside.errors import FetchError

_PARSER_OPTIONS: dict[str, bool] = dict(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
    remove_pis=True,
)
_ARTICLE_TAGS = ("PubmedArticle", "PubmedBookArticle")
SET_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n'
SET_TAIL = "\n</PubmedArticleSet>\n"


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One esearch answer: how many records match, and the ids of this page."""

    count: int
    ids: tuple[str, ...]
    retstart: int = 0
    webenv: str = ""
    query_key: str = ""
    translation: str = ""  # PubMed's reading of the query ("QueryTranslation")
    not_found: tuple[str, ...] = ()  # phrases PubMed did not recognise
    from_cache: bool = False


def _snippet(data: bytes, limit: int = 160) -> str:
    text = data[:limit].decode("utf-8", "replace")
    return " ".join(text.split()) + ("…" if len(data) > limit else "")


def service_error(data: bytes) -> str | None:
    """NCBI's own error text in a JSON or XML error body, if there is one."""
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        try:
            payload = json.loads(stripped)
        except ValueError:
            return None
        if isinstance(payload, dict):
            err = payload.get("error") or payload.get("ERROR")
            if err:
                return str(err)
        return None
    return None


def parse_xml(service: str, data: bytes) -> etree._Element:
    """Parse a response body; any failure is a FetchError naming the service."""
    if not data.strip():
        raise FetchError(f"PubMed {service} returned an empty response")
    err = service_error(data)
    if err:
        raise FetchError(f"PubMed {service} refused the request: {err}")
    if b"<!ENTITY" in data[:65536]:
        raise FetchError(f"PubMed {service} returned XML that declares entities; refused")
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else 0)
        msg = (exc.msg or str(exc)).split(", line ")[0]
        raise FetchError(
            f"PubMed {service} returned malformed XML (line {line}: {msg}); nothing was stored"
        ) from None
    if root is None:
        raise FetchError(f"PubMed {service} returned no XML document: {_snippet(data)!r}")
    return root


def _error_text(root: etree._Element) -> str:
    return " ".join("".join(e.itertext()).strip() for e in root.iter("ERROR") if "".join(e.itertext()).strip())


def parse_esearch(data: bytes, *, from_cache: bool = False) -> SearchResult:
    root = parse_xml("esearch", data)
    if root.tag != "eSearchResult":
        raise FetchError(f"PubMed esearch returned <{root.tag}>, not an eSearchResult")
    error = _error_text(root)
    count_text = (root.findtext("Count") or "").strip()
    if not count_text.isdigit():
        raise FetchError(f"PubMed esearch failed: {error or 'no result count in the response'}")
    ids = tuple((e.text or "").strip() for e in root.iterfind("IdList/Id") if (e.text or "").strip())
    return SearchResult(
        count=int(count_text),
        ids=ids,
        retstart=int((root.findtext("RetStart") or "0").strip() or 0),
        webenv=(root.findtext("WebEnv") or "").strip(),
        query_key=(root.findtext("QueryKey") or "").strip(),
        translation=(root.findtext("QueryTranslation") or "").strip(),
        not_found=tuple((e.text or "").strip() for e in root.iterfind("ErrorList/PhraseNotFound")),
        from_cache=from_cache,
    )


def article_pmid(elem: etree._Element) -> str:
    path = "MedlineCitation/PMID" if elem.tag == "PubmedArticle" else "BookDocument/PMID"
    return (elem.findtext(path) or "").strip()


def split_efetch(data: bytes) -> dict[str, str]:
    """An efetch PubmedArticleSet → {pmid: the article's XML}, in response order."""
    root = parse_xml("efetch", data)
    if root.tag != "PubmedArticleSet":
        error = _error_text(root)
        detail = error or f"<{root.tag}> instead of a PubmedArticleSet"
        raise FetchError(f"PubMed efetch failed: {detail}")
    out: dict[str, str] = {}
    for elem in root:
        if elem.tag not in _ARTICLE_TAGS:
            continue
        pmid = article_pmid(elem)
        if not pmid.isdigit():
            raise FetchError(f"PubMed efetch returned an article without a numeric PMID ({pmid!r})")
        out[pmid] = etree.tostring(elem, encoding="unicode", with_tail=False)
    return out


def join_articles(articles: Iterable[str]) -> bytes:
    """Article XML fragments → one PubmedArticleSet document (what the PubMed parser reads)."""
    return (SET_HEAD + "\n".join(articles) + SET_TAIL).encode("utf-8")
