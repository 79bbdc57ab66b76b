"""PMC full text in JATS XML: ``.nxml`` files and E-utilities ``pmc-articleset`` responses.

One Document per ``<article>``: the abstract(s) and body sections. Nested sections are flattened
with "Parent / Child" labels so a passage always says where it came from. Figures, tables and
supplementary material are left out (their captions alone mislead more than they help), as are
back-matter and administrative sections (acknowledgements, competing interests…).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from curbside.errors import SourceError
from curbside.records import Document, Kind, Section
from curbside.sources._text import clean_inline, first_year, now_iso
from curbside.sources._xml import iter_elements, text_of
from curbside.sources.kinds import kind_from_text, upgrade
from curbside.sources.pubmed import pubmed_url

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Subtrees whose text is not running prose.
_SKIP_INLINE = frozenset({"fig", "table-wrap", "supplementary-material", "fn", "graphic", "media",
                          "alternatives", "object-id", "disp-formula-group", "fig-group", "table-wrap-group"})
_SKIP_SECTION = re.compile(
    r"^(competing interests?|conflicts? of interests?|declaration of (competing )?interests?|"
    r"authors?'? contributions?|acknowledge?ments?|funding|abbreviations|pre-publication history|"
    r"supplementary (material|information|data)|supporting information|electronic supplementary "
    r"material|additional files?|data availability( statement)?|ethics statement)$",
    re.IGNORECASE,
)
_ARTICLE_TYPE_KINDS = {
    "systematic-review": Kind.SYSTEMATIC_REVIEW,
    "meta-analysis": Kind.SYSTEMATIC_REVIEW,
    "guideline": Kind.GUIDELINE,
    "practice-guideline": Kind.GUIDELINE,
    "case-report": Kind.CASE_REPORT,
    "review-article": Kind.REVIEW,
}
_NON_STUDY_TYPES = frozenset({
    "editorial", "letter", "correction", "retraction", "news", "book-review", "obituary", "reply",
    "addendum", "announcement", "calendar", "article-commentary", "expression-of-concern", "erratum",
})


def pmc_url(pmcid: str) -> str:
    return f"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"


def iter_documents(path: Path) -> Iterator[Document]:
    retrieved = now_iso()
    n = 0
    for n, article in enumerate(iter_elements(path, ("article",)), start=1):
        try:
            yield _article(article, retrieved)
        except ValueError as exc:
            raise SourceError(str(path), f"article {n} (line {article.sourceline}): {exc}") from exc
    if n == 0:  # e.g. JATS in a default namespace, which PMC never publishes
        raise SourceError(str(path), "no JATS <article> element (namespaced JATS is not supported)")


def _article(article: etree._Element, retrieved: str) -> Document:
    meta = article.find("front/article-meta")
    if meta is None:
        raise ValueError("no front/article-meta")
    ids = {(i.get("pub-id-type") or "").lower(): text_of(i) for i in meta.iterfind("article-id")}
    pmid = ids.get("pmid", "")
    raw_pmc = ids.get("pmcid") or ids.get("pmc") or ""
    pmcid = raw_pmc if raw_pmc.upper().startswith("PMC") or not raw_pmc else f"PMC{raw_pmc}"
    doi = ids.get("doi", "")
    if pmid:
        doc_id, url = f"pmid:{pmid}", pmc_url(pmcid) if pmcid else pubmed_url(pmid)
    elif pmcid:
        doc_id, url = f"pmcid:{pmcid}", pmc_url(pmcid)
    elif doi:
        doc_id, url = f"doi:{doi}", f"https://doi.org/{doi}"
    else:
        raise ValueError("article has no pmid, pmcid or doi")
    title = _text(meta.find("title-group/article-title"))
    sections = [*_abstracts(meta), *_body(article.find("body"))]
    if not sections:
        if not title:
            raise ValueError(f"{doc_id} has neither title nor text")
        sections.append(Section("Title", title))
    article_type = (article.get("article-type") or "").strip().lower()
    journal = text_of(article.find("front/journal-meta/journal-title-group/journal-title")) or text_of(
        article.find("front/journal-meta/journal-title")) or text_of(
        article.find("front/journal-meta/journal-id[@journal-id-type='nlm-ta']"))
    return Document(
        id=doc_id,
        kind=_kind(article_type, title, sections),
        title=title,
        sections=tuple(sections),
        source="pmc",
        issuer=journal,
        year=_year(meta),
        url=url,
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        publication_types=(article_type,) if article_type else (),
        license=_license(meta),
        retrieved_at=retrieved,
    )


def _text(elem: etree._Element | None) -> str:
    """Prose text of an element, skipping figures/tables nested inside it."""
    if elem is None:
        return ""
    parts: list[str] = []
    _collect(elem, parts)
    return clean_inline("".join(parts))


def _collect(elem: etree._Element, parts: list[str]) -> None:
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        if isinstance(child.tag, str) and child.tag not in _SKIP_INLINE:
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def _abstracts(meta: etree._Element) -> Iterator[Section]:
    for abstract in meta.iterfind("abstract"):
        kind = (abstract.get("abstract-type") or "").lower()
        if kind in {"toc", "graphical", "teaser", "web-summary"}:
            continue
        label = _text(abstract.find("title")) or ("Abstract" if not kind else kind.replace("-", " ").capitalize())
        yield from _container(abstract, label, top=True)


def _body(body: etree._Element | None) -> Iterator[Section]:
    if body is not None:
        yield from _container(body, "Main text", top=True)


def _container(elem: etree._Element, label: str, top: bool = False) -> Iterator[Section]:
    """Paragraphs directly in ``elem`` form one section; each child <sec> recurses."""
    paragraphs: list[str] = []
    subsections: list[etree._Element] = []
    for child in elem:
        tag = child.tag
        if tag == "sec":
            subsections.append(child)
        elif tag == "p":
            paragraphs.append(_text(child))
        elif tag in {"list", "def-list"}:
            paragraphs.extend(f"- {_text(item)}" for item in child.iter("list-item", "def-item"))
        elif tag in {"disp-quote", "boxed-text", "statement"}:
            paragraphs.extend(_text(p) for p in child.iter("p"))
    text = "\n".join(p for p in paragraphs if p.strip("- "))
    if text:
        yield Section(label, text)
    for sec in subsections:
        if sec.get("sec-type") == "supplementary-material":
            continue
        title = _text(sec.find("title"))
        if _SKIP_SECTION.match(title):
            continue
        if not title:
            child_label = label
        elif top and label in {"Main text", "Abstract"}:
            child_label = title if label == "Main text" else f"Abstract / {title}"
        else:
            child_label = f"{label} / {title}"
        yield from _container(sec, child_label)


def _year(meta: etree._Element) -> int | None:
    """Earliest publication year; pmc-release dates (embargo ends) only as a last resort."""
    preferred: list[int] = []
    fallback: list[int] = []
    for date in meta.iterfind("pub-date"):
        year = first_year(text_of(date.find("year")))
        if year is None:
            continue
        kind = (date.get("pub-type") or date.get("date-type") or "").lower()
        (fallback if kind == "pmc-release" else preferred).append(year)
    years = preferred or fallback
    return min(years) if years else None


def _license(meta: etree._Element) -> str:
    lic = meta.find("permissions/license")
    if lic is None:
        return ""
    href = lic.get(_XLINK_HREF) or ""
    if not href:
        for ref in lic.iter("{http://www.niso.org/schemas/ali/1.0/}license_ref"):
            href = text_of(ref)
            break
    if href:
        return href
    text = _text(lic)
    return text[:200] if text else (lic.get("license-type") or "")


def _kind(article_type: str, title: str, sections: list[Section]) -> Kind:
    if article_type in _NON_STUDY_TYPES:
        return Kind.OTHER
    kind = _ARTICLE_TYPE_KINDS.get(article_type, Kind.OTHER)
    if kind in (Kind.OTHER, Kind.REVIEW):
        abstract = " ".join(s.text for s in sections if s.label.startswith("Abstract"))
        kind = upgrade(kind, kind_from_text(title, abstract))
    return kind
