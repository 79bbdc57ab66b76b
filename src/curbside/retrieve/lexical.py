"""Lexical retrieval: FTS5 bm25 over passage text, document title and section label."""

from __future__ import annotations

from curbside.records import Hit
from curbside.retrieve.base import NO_FILTERS, Filters, Ranked
from curbside.retrieve.hits import to_hits
from curbside.retrieve.query import ParsedQuery, parse_query
from curbside.store import Store


class LexicalRetriever:
    name = "lexical"

    def __init__(self, store: Store, *, expand: bool = True) -> None:
        self.store = store
        self.expand = expand

    def parse(self, query: str) -> ParsedQuery:
        parsed = parse_query(query)
        if self.expand:
            from curbside.retrieve.synonyms import expand_query

            parsed = expand_query(parsed)
        return parsed

    def scored(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[tuple[int, float]]:
        return self.store.lexical(self.parse(query).fts(), k, filters.kinds, filters.since)

    def ranked(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Ranked]:
        return [Ranked(r, s, {self.name: s}) for r, s in self.scored(query, k, filters)]

    def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]:
        return to_hits(self.store, self.scored(query, k, filters), self.name)
