"""What the user-file parsers (Markdown, HTML, text, PDF) share: reading, ids, headings, Documents.

Ids are ``file:<hash of the file's bytes>`` so re-ingesting an unchanged file is a no-op and two
copies of one file are one document. ``url`` stays empty (a local path is neither stable nor
meaningful to other readers); ``issuer`` says "Local file: <name>" so a citation still shows where
the text came from.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from curbside.errors import SourceError
from curbside.records import Document, Section
from curbside.sources._text import clean_block, clean_inline, looks_binary, now_iso
from curbside.sources.kinds import kind_from_text

MAX_FILE_BYTES = 256 * 1024 * 1024
TITLE_MAX = 160
_CAPS_HEADING = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*$")  # "METHODS", "2. RESULTS AND DISCUSSION"
_COLON_HEADING = re.compile(r"^[A-Z][^.:!?]{0,70}:$")  # "Key recommendations:"
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+[A-Z][^.!?]{2,70}$")


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(str(path), f"file too large ({size} bytes; limit {MAX_FILE_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise SourceError(str(path), "empty file")
    return data


def decode_text(path: Path, data: bytes) -> str:
    if looks_binary(data[:65536]):
        raise SourceError(str(path), "binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(str(path), f"not valid UTF-8 (byte offset {exc.start})") from exc


def bytes_id(data: bytes) -> str:
    """``file:`` + 20 hex digits of SHA-256 (the length ``content_hash`` uses)."""
    return "file:" + hashlib.sha256(data).hexdigest()[:20]


def is_heading_line(line: str) -> bool:
    """A short line that reads as a heading in plain text: ALL CAPS, "Heading:", or "2.1 Heading"."""
    line = line.strip()
    if not line or len(line) > 80:
        return False
    return bool(_CAPS_HEADING.match(line) or _COLON_HEADING.match(line) or _NUMBERED_HEADING.match(line))


def split_by_heading_lines(paragraphs: list[str], default_label: str) -> list[Section]:
    """Paragraphs (blank-line separated) → sections, starting a new one at each heading paragraph."""
    sections: list[Section] = []
    body: list[str] = []
    label = default_label
    for para in paragraphs:
        if "\n" not in para and is_heading_line(para):
            if body:
                sections.append(Section(label, "\n".join(body)))
            label, body = clean_inline(para).rstrip(":"), []
        else:
            body.append(para)
    if body:
        sections.append(Section(label, "\n".join(body)))
    return sections


def make_document(path: Path, data: bytes, title: str, sections: list[Section], year: int | None = None,
                  issuer: str | None = None) -> Document:
    cleaned = [Section(clean_inline(s.label) or "Text", clean_block(s.text)) for s in sections]
    cleaned = [s for s in cleaned if s.text]
    if not cleaned:
        raise SourceError(str(path), "no text content")
    title = clean_inline(title)[:TITLE_MAX] or path.stem
    return Document(
        id=bytes_id(data),
        kind=kind_from_text(title, " ".join(s.text for s in cleaned), guideline_cues=True),
        title=title,
        sections=tuple(cleaned),
        source="file",
        issuer=issuer or f"Local file: {path.name}",
        year=year,
        retrieved_at=now_iso(),
    )
