"""HTML files (``.html``/``.htm``): title from <title> or the first <h1>, sections at h1–h3.

Page chrome (script, style, nav, header, footer, forms, asides) is dropped; when the page marks
its content with <main> (or a single <article>), only that is read. Text must be UTF-8 unless the
page declares its charset in a <meta> tag.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from curbside.errors import SourceError
from curbside.records import Document, Section
from curbside.sources._file import decode_text, make_document, read_bytes
from curbside.sources._html import Block, blocks_to_text, element_blocks
from curbside.sources._text import clean_inline

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def iter_documents(path: Path) -> Iterator[Document]:
    data = read_bytes(path)
    root = etree.fromstring(_XML_DECL.sub("", _decode(path, data)), _PARSER)
    if root is None:
        raise SourceError(str(path), "no HTML content")
    content = _content_root(root)
    blocks = element_blocks(content)
    h1 = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "")
    page_title = clean_inline("".join(root.findtext(".//head/title") or ""))
    # "<title>Bell's palsy | Site name</title>" + "<h1>Bell's palsy</h1>": the h1 is the cleaner one.
    title = h1 if h1 and (not page_title or h1 in page_title) else page_title or h1
    yield make_document(path, data, title, _sections(blocks), issuer=site_name(page_title, title))


_SITE_SEPARATOR = re.compile(r"^\s*[|\u2013\u2014:\u00b7-]\s*(.{3,80}?)\s*$")


def site_name(page_title: str, title: str) -> str | None:
    """The site in "<title>Page | Site</title>": who published a saved web page."""
    if not title or not page_title.startswith(title):
        return None
    m = _SITE_SEPARATOR.match(page_title[len(title):])
    return m.group(1) if m else None


def _decode(path: Path, data: bytes) -> str:
    try:
        return decode_text(path, data)
    except SourceError:
        m = _META_CHARSET.search(data[:4096])
        if not m or b"\x00" in data[:65536]:
            raise
        name = m.group(1).decode("ascii")
        try:
            codecs.lookup(name)
            return data.decode(name)
        except (LookupError, UnicodeDecodeError) as exc:
            raise SourceError(str(path), f"cannot decode as its declared charset {name!r}") from exc


def _content_root(root: etree._Element) -> etree._Element:
    main = root.find(".//main")
    if main is not None:
        return main
    articles = root.findall(".//article")
    if len(articles) == 1:
        return articles[0]
    body = root.find("body")
    return body if body is not None else root


def _sections(blocks: list[Block]) -> list[Section]:
    sections: list[Section] = []
    body: list[Block] = []
    label = "Text"
    for block in blocks:
        if block.kind == "heading" and block.level <= 3:
            if body:
                sections.append(Section(label, blocks_to_text(body)))
            label, body = block.text, []
        else:
            body.append(block)
    if body:
        sections.append(Section(label, blocks_to_text(body)))
    return sections
