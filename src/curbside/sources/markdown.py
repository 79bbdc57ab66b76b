"""Markdown files: title from the first ``#`` heading (else YAML front matter, else file name),
sections at every heading of level 1–3 (deeper headings stay as lines inside their section).

Parsed with markdown-it-py tokens, not regex, so emphasis, links, tables and code fences are
handled the CommonMark way: link text and image alt text are kept, markup characters are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from curbside.records import Document, Section
from curbside.sources._file import decode_text, make_document, read_bytes
from curbside.sources._html import blocks_to_text, fragment_blocks

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(---|\.\.\.)[ \t]*(\n|\Z)", re.DOTALL)
_FM_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.MULTILINE)
_SECTION_LEVELS = {"h1", "h2", "h3"}


def iter_documents(path: Path) -> Iterator[Document]:
    data = read_bytes(path)
    source = decode_text(path, data)
    title = ""
    fm = _FRONT_MATTER.match(source)
    if fm:
        m = _FM_TITLE.search(fm.group(1))
        title = m.group(1) if m else ""
        source = source[fm.end():]
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    sections, h1 = _sections(tokens)
    yield make_document(path, data, h1 or title or path.stem, sections)


def _sections(tokens: list[Token]) -> tuple[list[Section], str]:
    sections: list[Section] = []
    label, lines = "Text", list[str]()
    first_h1 = ""
    item_depth, item_started = 0, False
    row: list[str] | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            text = _inline(tokens[i + 1])
            if tok.tag == "h1" and not first_h1:
                first_h1 = text
            if tok.tag in _SECTION_LEVELS:
                if lines:
                    sections.append(Section(label, "\n".join(lines)))
                label, lines = text or label, []
            elif text:
                lines.append(text)
        elif tok.type == "list_item_open":
            item_depth, item_started = item_depth + 1, True
        elif tok.type == "list_item_close":
            item_depth -= 1
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            if any(row):
                lines.append(" | ".join(row))
            row = None
        elif tok.type == "inline" and i > 0 and tokens[i - 1].type in ("th_open", "td_open") and row is not None:
            row.append(_inline(tok))
        elif tok.type == "inline" and i > 0 and tokens[i - 1].type == "paragraph_open":
            text = _inline(tok)
            if item_depth and item_started:
                text, item_started = f"- {text}", False
            lines.append(text)
        elif tok.type in ("fence", "code_block"):
            lines.extend(line for line in tok.content.splitlines() if line.strip())
        elif tok.type == "html_block":
            lines.append(blocks_to_text(fragment_blocks(tok.content)))
    if lines:
        sections.append(Section(label, "\n".join(lines)))
    return sections, first_h1


def _inline(tok: Token) -> str:
    parts: list[str] = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child) or child.content)
    return "".join(parts).strip()
