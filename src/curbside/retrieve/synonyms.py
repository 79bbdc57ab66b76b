"""Medical synonym and abbreviation expansion (placeholder-free minimal version: no expansion
until the packaged vocabulary is built)."""

from __future__ import annotations

from curbside.retrieve.query import ParsedQuery


def expand_query(parsed: ParsedQuery) -> ParsedQuery:
    return parsed
