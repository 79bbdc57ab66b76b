"""Which parser reads a file: by extension *and* by content, never by extension alone.

Only the first 64 KiB (decompressed for ``.gz``) are read, so sniffing a multi-GB baseline file
is instant. XML is identified by its root element, JSON Lines by the keys of the first record.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from curbside.errors import SourceError, UnsupportedFormat
from curbside.sources._text import looks_binary
from curbside.sources._xml import read_head

_XML_EXT = {".xml", ".nxml"}
_JSONL_EXT = {".jsonl", ".ndjson"}
_TEXT_EXT = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text"}
KNOWN_SUFFIXES = frozenset({*_XML_EXT, *_JSONL_EXT, ".json", ".pdf", *_TEXT_EXT})
# First element start tag after the prolog (skips <?xml …?>, <!DOCTYPE …>, comments).
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_PROLOG = re.compile(rb"\A(\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>)*", re.DOTALL)
_MAX_JSON_SNIFF = 64 * 1024 * 1024


def suffix_of(path: Path) -> str:
    """Lower-case suffix, looking through ``.gz`` (``x.xml.gz`` → ``.xml``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ""
    return suffixes[-1] if suffixes else ""


def detect_format(path: Path) -> str:
    """Name of the format (one of ``FORMATS``) that reads ``path``; raises UnsupportedFormat."""
    path = Path(path)
    if path.is_dir():
        raise UnsupportedFormat(str(path), "is a directory (use expand_paths)")
    head = read_head(path)
    if not head.strip():
        raise SourceError(str(path), "empty file")
    suffix = suffix_of(path)
    if suffix == ".pdf" or head.startswith(b"%PDF-"):
        if b"%PDF-" not in head[:1024]:
            raise UnsupportedFormat(str(path), "has a .pdf name but no %PDF- header")
        return "pdf"
    if looks_binary(head):
        raise UnsupportedFormat(str(path), "binary content that is not a PDF")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in _XML_EXT or (not suffix and stripped.startswith(b"<?xml")):
        return _xml_format(path, head)
    if suffix in _JSONL_EXT:
        return _jsonl_format(path, head)
    if suffix == ".json":
        return _json_format(path, head)
    if suffix in _TEXT_EXT:
        return _TEXT_EXT[suffix]
    if not suffix:
        if stripped[:1] == b"{":
            return _jsonl_format(path, head)
        if re.match(rb"<(!doctype html|html)", stripped, re.IGNORECASE):
            return "html"
        return "text"
    raise UnsupportedFormat(str(path), f"unknown file type {suffix!r}")


def _xml_format(path: Path, head: bytes) -> str:
    head = head.removeprefix(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    body = head[_PROLOG.match(head).end():]  # type: ignore[union-attr]  # the pattern always matches
    m = _ROOT_TAG.match(body.lstrip())
    if not m:
        raise SourceError(str(path), "malformed XML: no root element found")
    root = m.group(1).decode("ascii", "replace").rsplit(":", 1)[-1]
    if root == "PubmedArticleSet":
        return "pubmed"
    if root in ("article", "pmc-articleset"):
        return "pmc"
    if root in ("Document", "DiseaseFile", "doc") and any(
        marker in head for marker in (b"<QAPairs", b"<qaPairs", b"<Focus", b"<doctitle-focus")
    ):
        return "medquad"
    if root == "Version" and (b"FieldID=" in head or b"National Guideline Clearinghouse" in head):
        return "ngc"
    if root == "eFetchResult" and b"<ERROR>" in head:
        raise SourceError(str(path), "E-utilities error response, not articles")
    raise UnsupportedFormat(str(path), f"XML with root element <{root}> is not a known format")


def _jsonl_format(path: Path, head: bytes) -> str:
    first = next((line for line in head.splitlines() if line.strip()), b"")
    try:
        record = json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(str(path), f"line 1: invalid JSON ({exc})") from exc
    if not isinstance(record, dict):
        raise UnsupportedFormat(str(path), "JSON Lines whose records are not objects")
    keys = set(record)
    if {"_id", "text"} <= keys and "title" in keys:
        return "beir"
    if {"pmid", "sections"} <= keys:
        return "pubmedqa"
    if {"pmid", "snippets"} <= keys:
        return "bioasq"
    raise UnsupportedFormat(str(path), f"JSON Lines with fields {sorted(keys)[:8]} is not a known format")


def _json_format(path: Path, head: bytes) -> str:
    """Plain JSON: only the USPSTF export (a list of {title, recommendation, grade} objects)."""
    if path.stat().st_size > _MAX_JSON_SNIFF:
        raise UnsupportedFormat(str(path), "JSON file too large to be a known export")
    try:
        data = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        if head.lstrip()[:1] == b"{" and b"\n{" in head:  # JSON Lines saved as .json
            return _jsonl_format(path, head)
        raise SourceError(str(path), f"invalid JSON: {exc}") from exc
    if isinstance(data, list) and data and isinstance(data[0], dict) and {"title", "recommendation", "grade"} <= set(
        data[0]
    ):
        return "uspstf"
    raise UnsupportedFormat(str(path), "JSON that is not a known export (expected the USPSTF recommendation list)")
