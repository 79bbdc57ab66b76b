"""Lexical retrieval: FTS5 bm25 over passage text, document title and section label.

FTS5 computes bm25 for every row that matches the query (~20 µs a row here), so an OR query
with a common word ("cancer", "patients") costs seconds on a million passages. Above
``exact_max`` passages the query is therefore *bounded*:

1. each query term's document frequency is probed up to ``budget`` rows (cached per KB revision);
2. the rarest terms whose frequencies add up to at most ``budget`` become *drivers*: the match
   becomes ``(drivers) AND (all terms)`` — only passages with a driver are scored, every term
   still adds to their bm25 (drivers count twice: a rare-term boost);
3. a question made only of common terms requires all of them (``a AND b …``), scoring at most
   ``budget`` of the newest matching passages.

Up to ``exact_max`` passages (every benchmark KB) the exact OR query runs unchanged; docs/retrieval.md
measures both the latency and how much of the exact top 100 the bounded query keeps.
"""

from __future__ import annotations

from collections import OrderedDict

from curbside.errors import ConfigError
from curbside.records import Hit
from curbside.retrieve.base import NO_FILTERS, Filters, Ranked
from curbside.retrieve.hits import to_hits
from curbside.retrieve.prf import PRFConfig, expansion_terms, weighted_expression
from curbside.retrieve.query import ParsedQuery, parse_query
from curbside.store import Store

EXACT_MAX = 50_000  # passages: above this the bounded query runs (exact OR is ~0.3-1 s at 100k here)
BUDGET = 5_000  # rows scored by bm25 per bounded query (~40 ms here; see docs/retrieval.md)


class LexicalRetriever:
    name = "lexical"

    def __init__(self, store: Store, *, expand: bool = True, exact_max: int = EXACT_MAX,
                 budget: int = BUDGET, prf: PRFConfig | None = None, diseases: bool = False) -> None:
        self.store = store
        self.expand = expand
        self.diseases = diseases
        self.prf = prf
        self._stemmer: object | None = None
        self.exact_max = exact_max
        self.budget = budget
        self._df: OrderedDict[tuple[int, str], int] = OrderedDict()

    def parse(self, query: str) -> ParsedQuery:
        parsed = parse_query(query)
        if self.expand:
            from curbside.retrieve.synonyms import expand_query, vocabulary

            parsed = expand_query(parsed, vocabulary(self.diseases))
        return parsed

    def match(self, parsed: ParsedQuery) -> tuple[str, str]:
        """The FTS5 MATCH expression and its mode: "exact", "drivers" or "all-common"."""
        phrases = parsed.phrases()
        full = " OR ".join(phrases)
        size = self.store.conn.execute("SELECT max(rowid) FROM passages").fetchone()[0] or 0
        if size <= self.exact_max:
            return full, "exact"
        revision = self.store.revision
        df = {p: self._df_capped(revision, p) for p in phrases}
        rare = sorted((p for p in phrases if df[p] <= self.budget), key=lambda p: df[p])
        drivers: list[str] = []
        total = 0
        for p in rare:
            if drivers and total + df[p] > self.budget:
                break
            drivers.append(p)
            total += df[p]
        if len(drivers) == len(phrases):
            return full, "exact"
        if drivers:
            return f"({' OR '.join(drivers)}) AND ({full})", "drivers"
        return " AND ".join(phrases), "all-common"

    def _df_capped(self, revision: int, phrase: str) -> int:
        key = (revision, phrase)
        n = self._df.get(key)
        if n is None:
            (n,) = self.store.conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM passage_fts WHERE passage_fts MATCH ? LIMIT ?)",
                (phrase, self.budget + 1),
            ).fetchone()
            self._df[key] = n
            while len(self._df) > 20_000:
                self._df.popitem(last=False)
        return n

    def scored(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[tuple[int, float]]:
        parsed = self.parse(query)
        expr, mode = self.match(parsed)
        if mode == "all-common":
            return self._newest_scored(expr, k, filters)
        if self.prf is None or mode != "exact":
            return self.store.lexical(expr, k, filters.kinds, filters.since)
        first = self.store.lexical(expr, max(k, self.prf.feedback), filters.kinds, filters.since)
        feedback = self._feedback(first[: self.prf.feedback])
        expansion = expansion_terms(parsed, feedback, self.prf, self._stem())
        if not expansion:
            return first[:k]
        return self.store.lexical(weighted_expression(parsed, expansion, self.prf), k, filters.kinds, filters.since)

    def _stem(self) -> object:
        if self._stemmer is None:
            try:
                import snowballstemmer
            except ImportError:
                raise ConfigError("prf = true needs the snowballstemmer package (pip install snowballstemmer)") \
                    from None
            self._stemmer = snowballstemmer.stemmer("porter")
        return self._stemmer

    def _feedback(self, scored: list[tuple[int, float]]) -> list[tuple[str, float]]:
        passages = self.store.passages_by_rowids(r for r, _ in scored)
        titles = {}
        if passages:
            ids = list({p.doc_id for p in passages.values()})
            marks = ",".join("?" * len(ids))
            titles = dict(self.store.conn.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", ids))
        return [(f"{titles.get(passages[r].doc_id, '')} {passages[r].text}", s) for r, s in scored if r in passages]

    def _newest_scored(self, expr: str, k: int, filters: Filters) -> list[tuple[int, float]]:
        """All-common-terms query: bm25 over at most ``budget`` of the newest matching passages."""
        from curbside.store.documents import passage_filter_sql

        where, params = passage_filter_sql(filters.kinds, filters.since)
        join = " JOIN passages p ON p.rowid = f.rowid JOIN documents d ON d.id = p.doc_id" if where else ""
        sql = (f"SELECT f.rowid, -bm25(passage_fts, 1.0, 0.5, 1.0) FROM passage_fts f{join} "
               f"WHERE passage_fts MATCH ? {'AND ' + where if where else ''} ORDER BY f.rowid DESC LIMIT ?")
        rows = self.store.conn.execute(sql, [expr, *params, self.budget]).fetchall()
        rows.sort(key=lambda r: -r[1])
        return [(int(r), float(s)) for r, s in rows[:k]]

    def ranked(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Ranked]:
        return [Ranked(r, s, {self.name: s}) for r, s in self.scored(query, k, filters)]

    def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]:
        return to_hits(self.store, self.scored(query, k, filters), self.name)
