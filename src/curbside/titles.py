"""The title a record that ships none is given, and how a reader tells it from a real one (outside
``curbside.sources``, whose parsers an answer does not need to load)."""

from __future__ import annotations

import re


def untitled(pmid: str) -> str:
    """PubMedQA ships no titles: the title says plainly what the record is rather than invent one."""
    return f"PubMed abstract {pmid} (title not included in PubMedQA)"


def has_title(title: str) -> bool:
    """A real title, not empty nor the placeholder ``untitled`` writes."""
    return bool(title.strip()) and not _PLACEHOLDER.match(title)


_PLACEHOLDER = re.compile(r"PubMed abstract \d+ \(title not included in PubMedQA\)$")
