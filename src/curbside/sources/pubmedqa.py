"""PubMedQA abstracts (``abstracts.jsonl``: ``pmid``, ``year``, ``mesh``, ``sections``).

PubMedQA ships no article titles. Rather than invent one (a first sentence or MeSH list would
read like a real title and be cited as one), the title says plainly what the record is.
Kind comes from text cues, since PubMedQA has no publication types.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from curbside.errors import SourceError
from curbside.records import Document, Section
from curbside.sources._jsonl import iter_records, require_pmid
from curbside.sources._text import clean_block, clean_inline, first_year, now_iso, split_run_in_labels
from curbside.sources.kinds import kind_from_text
from curbside.sources.pubmed import pubmed_url
from curbside.titles import untitled


def iter_documents(path: Path) -> Iterator[Document]:
    retrieved = now_iso()
    for lineno, obj in iter_records(path):
        pmid = require_pmid(path, lineno, obj)
        raw_sections = obj.get("sections")
        if not isinstance(raw_sections, list):
            raise SourceError(str(path), f"line {lineno}: 'sections' should be a list")
        sections: list[Section] = []
        for i, sec in enumerate(raw_sections):
            if not isinstance(sec, dict) or not isinstance(sec.get("text"), str):
                raise SourceError(str(path), f"line {lineno}: section {i} should be {{label, text}}")
            text = split_run_in_labels(clean_block(sec["text"]))
            if text:
                sections.append(Section(clean_inline(str(sec.get("label") or "")) or "Abstract", text))
        if not sections:
            raise SourceError(str(path), f"line {lineno}: PMID {pmid} has no section text")
        mesh = obj.get("mesh") or []
        if not isinstance(mesh, list):
            raise SourceError(str(path), f"line {lineno}: 'mesh' should be a list")
        yield Document(
            id=f"pmid:{pmid}",
            kind=kind_from_text("", " ".join(s.text for s in sections)),
            title=untitled(pmid),
            sections=tuple(sections),
            source="pubmed",
            year=first_year(str(obj.get("year") or "")),
            url=pubmed_url(pmid),
            pmid=pmid,
            mesh=tuple(clean_inline(str(m)) for m in mesh if str(m).strip()),
            license="PubMedQA (MIT); abstract copyright per publisher",
            retrieved_at=retrieved,
        )
