"""Plain-text files (``.txt``): UTF-8 only; title from a short first line.

Sections start at blank-line-separated heading lines (ALL CAPS, "Heading:", "2.1 Heading");
a file without any is one "Text" section. Line breaks inside a paragraph are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curbside.records import Document
from curbside.sources._file import TITLE_MAX, decode_text, make_document, read_bytes, split_by_heading_lines

_BLANK_LINES = re.compile(r"\n\s*\n")


def iter_documents(path: Path) -> Iterator[Document]:
    data = read_bytes(path)
    text = decode_text(path, data).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]
    title = path.stem
    first_line = paragraphs[0].split("\n", 1)[0].strip() if paragraphs else ""
    if first_line and len(first_line) <= TITLE_MAX and not first_line.endswith((".", ",", ";")):
        title = first_line
        rest = [*paragraphs[0].split("\n", 1)[1:], *paragraphs[1:]]
        paragraphs = rest or paragraphs  # the title line is not repeated, unless it is all there is
    yield make_document(path, data, title, split_by_heading_lines(paragraphs, "Text"))
