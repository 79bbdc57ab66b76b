"""PubMed XML: E-utilities efetch responses and the annual baseline / update files (``.xml.gz``).

Streams ``PubmedArticle`` / ``PubmedBookArticle`` elements with lxml iterparse and frees each one
after use, so a 30,000-article baseline file never sits in memory. ``DeleteCitation`` blocks
(update files) are skipped: deletions are the ingest pipeline's business, not a document.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from curbside.errors import SourceError
from curbside.records import Document, Kind, Section
from curbside.sources._text import first_year, now_iso
from curbside.sources._xml import iter_elements, text_of
from curbside.sources.kinds import is_non_study, kind_from_publication_types, kind_from_text, upgrade

_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation")
# Labels NLM uses for "no real label"; such parts belong to the plain "Abstract" section.
_NO_LABEL = {"", "UNASSIGNED", "UNLABELLED", "UNLABELED"}


def pubmed_url(pmid: str) -> str:
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


def iter_documents(path: Path) -> Iterator[Document]:
    retrieved = now_iso()
    for n, elem in enumerate(iter_elements(path, _TAGS), start=1):
        if elem.tag == "DeleteCitation":
            continue
        try:
            if elem.tag == "PubmedArticle":
                doc = _article(elem, retrieved)
            else:
                doc = _book_article(elem, retrieved)
        except ValueError as exc:
            raise SourceError(str(path), f"record {n} (line {elem.sourceline}): {exc}") from exc
        yield doc


def _pmid(parent: etree._Element, record: str) -> str:
    pmid = text_of(parent.find("PMID"))
    if not pmid.isdigit():
        raise ValueError(f"{record} without a numeric PMID ({pmid!r})")
    return pmid


def _article(elem: etree._Element, retrieved: str) -> Document:
    citation = elem.find("MedlineCitation")
    if citation is None:
        raise ValueError("PubmedArticle without MedlineCitation")
    pmid = _pmid(citation, "PubmedArticle")
    article = citation.find("Article")
    if article is None:
        raise ValueError(f"PMID {pmid} has no Article element")
    title = text_of(article.find("ArticleTitle")) or text_of(article.find("VernacularTitle"))
    journal = article.find("Journal")
    issuer = text_of(journal.find("Title")) or text_of(journal.find("ISOAbbreviation")) if journal is not None else ""
    pub_types = tuple(text_of(t) for t in article.iterfind("PublicationTypeList/PublicationType"))
    sections = _abstract(article.find("Abstract"), title)
    ids = _article_ids(elem.find("PubmedData/ArticleIdList"))
    doi = text_of(article.find("ELocationID[@EIdType='doi']")) or ids.get("doi", "")
    return Document(
        id=f"pmid:{pmid}",
        kind=_kind(pub_types, title, sections),
        title=title,
        sections=sections,
        source="pubmed",
        issuer=issuer,
        year=_year(journal, article),
        url=pubmed_url(pmid),
        pmid=pmid,
        doi=doi,
        pmcid=_pmcid(ids.get("pmc", "")),
        mesh=tuple(text_of(d) for d in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")),
        publication_types=pub_types,
        retrieved_at=retrieved,
    )


def _book_article(elem: etree._Element, retrieved: str) -> Document:
    """Bookshelf records (GeneReviews, StatPearls…): parsed minimally."""
    book_doc = elem.find("BookDocument")
    if book_doc is None:
        raise ValueError("PubmedBookArticle without BookDocument")
    pmid = _pmid(book_doc, "PubmedBookArticle")
    book_title = text_of(book_doc.find("Book/BookTitle"))
    title = text_of(book_doc.find("ArticleTitle")) or book_title
    pub_types = tuple(text_of(t) for t in book_doc.iterfind("PublicationType"))
    sections = _abstract(book_doc.find("Abstract"), title)
    ids = _article_ids(book_doc.find("ArticleIdList"))
    year_text = text_of(book_doc.find("Book/PubDate/Year")) or text_of(book_doc.find("Book/PubDate/MedlineDate"))
    return Document(
        id=f"pmid:{pmid}",
        kind=_kind(pub_types, title, sections),
        title=title,
        sections=sections,
        source="pubmed",
        issuer=book_title or text_of(book_doc.find("Book/Publisher/PublisherName")),
        year=first_year(year_text),
        url=pubmed_url(pmid),
        pmid=pmid,
        doi=ids.get("doi", ""),
        pmcid=_pmcid(ids.get("pmc", "")),
        publication_types=pub_types,
        retrieved_at=retrieved,
    )


def _abstract(abstract: etree._Element | None, title: str) -> tuple[Section, ...]:
    """Structured parts keep their label; consecutive unlabelled parts merge into "Abstract"."""
    sections: list[Section] = []
    if abstract is not None:
        for part in abstract.iterfind("AbstractText"):
            text = text_of(part)
            if not text:
                continue
            label = (part.get("Label") or "").strip()
            if label.upper() in _NO_LABEL:
                category = (part.get("NlmCategory") or "").strip()
                label = category.capitalize() if category.upper() not in _NO_LABEL else "Abstract"
            if label == "Abstract" and sections and sections[-1].label == "Abstract":
                sections[-1] = Section("Abstract", f"{sections[-1].text}\n{text}")
            else:
                sections.append(Section(label, text))
    if not sections and title:
        # No abstract (letters, older records): the title is the only text there is.
        sections.append(Section("Title", title))
    return tuple(sections)


def _article_ids(id_list: etree._Element | None) -> dict[str, str]:
    if id_list is None:
        return {}
    return {(i.get("IdType") or "").lower(): text_of(i) for i in id_list.iterfind("ArticleId")}


def _pmcid(raw: str) -> str:
    if not raw:
        return ""
    return raw if raw.upper().startswith("PMC") else f"PMC{raw}"


def _year(journal: etree._Element | None, article: etree._Element) -> int | None:
    if journal is not None:
        pub_date = journal.find("JournalIssue/PubDate")
        if pub_date is not None:
            year = first_year(text_of(pub_date.find("Year")) or text_of(pub_date.find("MedlineDate")))
            if year:
                return year
    return first_year(text_of(article.find("ArticleDate/Year")))


def _kind(pub_types: tuple[str, ...], title: str, sections: tuple[Section, ...]) -> Kind:
    """Publication types first; text cues may promote OTHER/REVIEW records (older MEDLINE
    indexing lacks "Observational Study" and "Systematic Review"), never editorials or letters."""
    kind = kind_from_publication_types(pub_types)
    if kind in (Kind.OTHER, Kind.REVIEW) and not is_non_study(pub_types):
        body = " ".join(s.text for s in sections if s.label != "Title")
        kind = upgrade(kind, kind_from_text(title, body))
    return kind
