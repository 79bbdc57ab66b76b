"""Lexical retrieval: bm25 over passage text, document title and section label.

Up to ``exact_max`` passages (every benchmark KB) this is FTS5's own ``bm25()`` over an OR of
the question's terms and synonym phrases — exact, with phrase matching and optional RM3
feedback (the configuration tuned in docs/retrieval.md). FTS5 computes bm25 by counting, for
every query phrase, all rows that hold it and then scoring every matching row, so one question
costs 0.1–5 s on a million passages. Above ``exact_max`` search reads the numpy BM25 index in
``retrieve/sparse.py`` instead (same formula and constants, built once per KB revision and
cached on disk): tens of milliseconds at 1M passages. docs/retrieval.md measures how much of
FTS5's exact top 10 it keeps.
"""

from __future__ import annotations

from curbside.records import Hit
from curbside.retrieve.base import NO_FILTERS, Filters, Ranked
from curbside.retrieve.hits import to_hits
from curbside.retrieve.prf import PRFConfig, expansion_terms, weighted_expression
from curbside.retrieve.query import ParsedQuery, parse_query
from curbside.store import Store

EXACT_MAX = 50_000  # passages: above this the numpy index serves (exact FTS5 OR is ~0.3-1 s at 100k here)
KNOWN_PASSAGES = 3  # a brand the knowledge base names this often is searched as written (synonyms.expansions_for)


def uses_word(store: Store, word: str) -> bool:
    """The knowledge base uses ``word`` (in at least ``KNOWN_PASSAGES`` passages): a drug brand it uses is
    searched and covered as written, one it does not by its generic (``synonyms.expansions_for``,
    ``terms.TermStats``)."""
    return store.term_frequencies([word]).get(word, 0) >= KNOWN_PASSAGES


class LexicalRetriever:
    name = "lexical"

    def __init__(self, store: Store, *, expand: bool = True, exact_max: int = EXACT_MAX,
                 prf: PRFConfig | None = None, diseases: bool = False) -> None:
        self.store = store
        self.expand = expand
        self.diseases = diseases
        self.prf = prf
        self._stemmer: object | None = None
        self.exact_max = exact_max

    def parse(self, query: str) -> ParsedQuery:
        parsed = parse_query(query)
        if self.expand:
            from curbside.retrieve.synonyms import expand_query, vocabulary

            parsed = expand_query(parsed, vocabulary(self.diseases), known=self.knows)
        return parsed

    def knows(self, word: str) -> bool:
        return uses_word(self.store, word)

    def uses_index(self) -> bool:
        """Whether this KB is big enough for the numpy index (see the module docstring)."""
        size = self.store.conn.execute("SELECT max(rowid) FROM passages").fetchone()[0] or 0
        return bool(size > self.exact_max)

    def scored(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[tuple[int, float]]:
        parsed = self.parse(query)
        if self.uses_index():
            from curbside.retrieve import sparse

            return sparse.search(self.store, parsed.phrases(), k, filters)
        expr = parsed.fts()
        if self.prf is None:
            return self.store.lexical(expr, k, filters.kinds, filters.since)
        first = self.store.lexical(expr, max(k, self.prf.feedback), filters.kinds, filters.since)
        feedback = self._feedback(first[: self.prf.feedback])
        expansion = expansion_terms(parsed, feedback, self.prf, self._stem())
        if not expansion:
            return first[:k]
        return self.store.lexical(weighted_expression(parsed, expansion, self.prf), k, filters.kinds, filters.since)

    def _stem(self) -> object:
        if self._stemmer is None:
            import Stemmer  # PyStemmer, a dependency: the same Porter stemmer as the numpy index

            self._stemmer = Stemmer.Stemmer("porter")
        return self._stemmer

    def _feedback(self, scored: list[tuple[int, float]]) -> list[tuple[str, float]]:
        passages = self.store.passages_by_rowids(r for r, _ in scored)
        titles = {}
        if passages:
            ids = list({p.doc_id for p in passages.values()})
            marks = ",".join("?" * len(ids))
            titles = dict(self.store.conn.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", ids))
        return [(f"{titles.get(passages[r].doc_id, '')} {passages[r].text}", s) for r, s in scored if r in passages]

    def ranked(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Ranked]:
        return [Ranked(r, s, {self.name: s}) for r, s in self.scored(query, k, filters)]

    def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]:
        return to_hits(self.store, self.scored(query, k, filters), self.name)
