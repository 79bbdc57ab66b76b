"""Safe, streaming XML reading shared by the PubMed, PMC, MedQuAD and NGC parsers.

Safety: entities are never expanded (``resolve_entities=False``), no DTD is loaded, nothing is
fetched over the network and libxml2's ``huge_tree`` limits stay on. On top of that, a document
whose prolog declares its own entities is refused outright: none of the formats we read ever
does, and it is the shape of an entity-expansion ("billion laughs") bomb.

Errors: every failure becomes a one-line ``SourceError`` naming the file (and line, if known).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from lxml import etree

from curbside.errors import SourceError
from curbside.sources._text import clean_inline

HEAD_BYTES = 65536
MAX_TREE_BYTES = 64 * 1024 * 1024  # whole-tree parsing (one article / one summary per file)

_PARSER_OPTIONS: dict[str, Any] = dict(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
    remove_pis=True,
)


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for reading, transparently decompressing ``.gz``."""
    try:
        return cast(IO[bytes], gzip.open(path, "rb") if is_gzip(path) else open(path, "rb"))
    except OSError as exc:
        raise SourceError(str(path), f"cannot open: {exc.strerror or exc}") from exc


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """First ``size`` bytes of the (decompressed) content, for sniffing."""
    with open_binary(path) as fh:
        try:
            return fh.read(size)
        except (OSError, EOFError, zlib.error) as exc:
            raise SourceError(str(path), f"corrupt or truncated gzip data: {exc}") from exc


def check_prolog(path: Path, head: bytes) -> None:
    """Refuse internal entity declarations (see module docstring)."""
    if b"<!ENTITY" in head:
        raise SourceError(str(path), "XML declares its own entities; refused (possible entity-expansion bomb)")


def _error(path: Path, exc: BaseException) -> SourceError:
    if isinstance(exc, etree.XMLSyntaxError):
        line = exc.lineno if exc.lineno else (exc.position[0] if exc.position else 0)
        msg = (exc.msg or str(exc)).split(", line ")[0]
        return SourceError(str(path), f"malformed XML at line {line}: {msg}")
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return SourceError(str(path), f"corrupt or truncated gzip data: {exc}")
    if isinstance(exc, OSError):
        return SourceError(str(path), f"cannot read: {exc.strerror or exc}")
    return SourceError(str(path), f"cannot parse XML: {exc}")


def parse_tree(path: Path) -> etree._Element:
    """Parse a small XML file (one record) into a tree and return its root."""
    check_prolog(path, read_head(path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _error(path, exc) from exc
    if size == 0:
        raise SourceError(str(path), "empty file")
    if size > MAX_TREE_BYTES and not is_gzip(path):
        raise SourceError(str(path), f"file too large for a single-record XML format ({size} bytes)")
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        with open_binary(path) as fh:
            return etree.parse(fh, parser).getroot()
    except (etree.XMLSyntaxError, OSError, EOFError, zlib.error) as exc:
        raise _error(path, exc) from exc


def iter_elements(path: Path, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Stream the elements named ``tags`` (not nested in each other), freeing memory as we go.

    Each yielded element is cleared after the consumer is done with it and its already-handled
    siblings are deleted, so memory stays flat on multi-GB baseline files.
    """
    check_prolog(path, read_head(path))
    with open_binary(path) as fh:
        context = etree.iterparse(fh, events=("end",), tag=tags, **_PARSER_OPTIONS)
        try:
            for _event, elem in context:
                yield elem
                elem.clear(keep_tail=False)
                parent = elem.getparent()
                if parent is not None:
                    while elem.getprevious() is not None:
                        del parent[0]
        except (etree.XMLSyntaxError, OSError, EOFError, zlib.error) as exc:
            raise _error(path, exc) from exc


def text_of(elem: etree._Element | None) -> str:
    """All text inside an element, inline markup (<i>, <sup>…) flattened, whitespace collapsed."""
    if elem is None:
        return ""
    if len(elem) == 0:  # leaf (PMID, Year, DescriptorName…): skip the itertext machinery
        return clean_inline(elem.text or "")
    return clean_inline("".join(elem.itertext()))


def local_name(tag: object) -> str:
    """Tag without namespace; comments/PIs (non-str tags) give ''."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
