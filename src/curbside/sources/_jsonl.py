"""Line-by-line JSON Lines reading with errors that name the line.

The file is streamed (never read whole), so multi-GB corpora stay cheap; a bad line raises a
``SourceError`` with its line number and the caller rolls back the whole file.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from curbside.errors import SourceError
from curbside.sources._xml import open_binary

MAX_LINE_BYTES = 64 * 1024 * 1024  # one record; guards against a newline-free multi-GB file


def iter_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-blank line; every line must be a JSON object."""
    seen = False
    with open_binary(path) as fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(MAX_LINE_BYTES)
            except (OSError, EOFError, zlib.error) as exc:
                raise SourceError(str(path), f"cannot read after line {lineno}: {exc}") from exc
            if not raw:
                break
            lineno += 1
            if len(raw) == MAX_LINE_BYTES and not raw.endswith(b"\n"):
                raise SourceError(str(path), f"line {lineno}: longer than {MAX_LINE_BYTES} bytes")
            if raw.strip():
                yield lineno, _decode(path, lineno, raw)
                seen = True
    if not seen:
        raise SourceError(str(path), "empty file (no JSON lines)")


def _decode(path: Path, lineno: int, raw: bytes) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(str(path), f"line {lineno}: not valid UTF-8 (byte offset {exc.start})") from exc
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(str(path), f"line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise SourceError(str(path), f"line {lineno}: expected a JSON object, got {type(obj).__name__}")
    return obj


def require_str(path: Path, lineno: int, obj: dict[str, Any], key: str, *, optional: bool = False) -> str:
    """A string field (numbers are accepted and converted: some exports write ids as ints)."""
    value = obj.get(key)
    if value is None:
        if optional:
            return ""
        raise SourceError(str(path), f"line {lineno}: missing field {key!r}")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise SourceError(str(path), f"line {lineno}: field {key!r} should be a string")
    return str(value)


def require_pmid(path: Path, lineno: int, obj: dict[str, Any]) -> str:
    """The record's ``pmid`` field, which must be a number (PubMedQA and BioASQ key on it)."""
    pmid = require_str(path, lineno, obj, "pmid").strip()
    if not pmid.isdigit():
        raise SourceError(str(path), f"line {lineno}: 'pmid' is not a number ({pmid!r})")
    return pmid
