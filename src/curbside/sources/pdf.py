"""PDF files via pypdf: title from document metadata or the first line of page 1; sections at
heading-like lines when at least two are found, otherwise one section per page ("Page 3").

PDF text extraction loses layout: lines are re-joined into paragraphs and words hyphenated at a
line end are re-joined only between lower-case letters ("treat-\\nment"), so "COVID-19" and
"5-10 mg" split across lines keep their hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from curbside.errors import SourceError
from curbside.records import Document, Section
from curbside.sources._file import TITLE_MAX, is_heading_line, make_document, read_bytes
from curbside.sources._text import clean_inline, first_year

_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_GENERIC_TITLE = re.compile(r"^(untitled|microsoft word - .*|document\d*|slide \d+|\W*)$", re.IGNORECASE)
_MIN_HEADINGS = 2


def iter_documents(path: Path) -> Iterator[Document]:
    data = read_bytes(path)
    if b"%PDF-" not in data[:1024]:  # the spec tolerates a little junk before the header
        raise SourceError(str(path), "not a PDF (missing %PDF- header)")
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(str(path), "encrypted PDF (password required)")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        meta_title = str(meta.title or "") if meta else ""
        created = meta.creation_date if meta else None
    except SourceError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise SourceError(str(path), f"malformed PDF: {exc}") from exc
    pages = [_HYPHEN_BREAK.sub("", p) for p in pages]
    if not any(p.strip() for p in pages):
        raise SourceError(str(path), "PDF has no extractable text (scanned images?)")
    title = clean_inline(meta_title)
    if _GENERIC_TITLE.match(title):
        title = next((line.strip() for p in pages for line in p.splitlines() if line.strip()), "")[:TITLE_MAX]
    year = created.year if created is not None else first_year(pages[0][:2000])
    yield make_document(path, data, title or path.stem, _sections(pages), year=year)


def _sections(pages: list[str]) -> list[Section]:
    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    headings = sum(1 for line in lines if is_heading_line(line))
    if headings >= _MIN_HEADINGS:
        sections: list[Section] = []
        body: list[str] = []
        label = "Text"
        for line in lines:
            if is_heading_line(line):
                if body:
                    sections.append(Section(label, _paragraphs(body)))
                label, body = line.rstrip(":"), []
            else:
                body.append(line)
        if body:
            sections.append(Section(label, _paragraphs(body)))
        return sections
    return [Section(f"Page {i}", _paragraphs(p.splitlines())) for i, p in enumerate(pages, start=1) if p.strip()]


def _paragraphs(lines: list[str]) -> str:
    """Re-join wrapped lines; a line ending a sentence before a capitalised line ends a paragraph,
    and bullet lines stay lines."""
    out: list[str] = []
    for line in (s.strip() for s in lines):
        if not line:
            continue
        starts_item = line[:1] in "•-–*▪●" or bool(re.match(r"^\d{1,2}[.)]\s", line))
        if out and not starts_item and not (out[-1].endswith((".", ":", "?", "!")) and line[:1].isupper()):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)
