"""EXPERIMENT (not shipped; see docs/retrieval.md): features for a learned reranker.

Per candidate passage (after fusion), with its document's title:

==============  ==============================================================================
lex             bm25 / the query's best bm25 (0 when not a lexical candidate)
lex_rr          1 / (60 + lexical rank) (0 when absent)
dense           cosine to the query
dense_gap       cosine − the query's best cosine among candidates (≤ 0)
dense_rr        1 / (60 + dense rank) (0 when absent)
doc_lex         best ``lex`` over the document's candidate passages
doc_dense       best ``dense`` over the document's candidate passages
title_cov       idf-weighted share of the query's terms found in the title
pass_cov        idf-weighted share of the query's terms found in title + passage
best_sent       idf-weighted share found in the passage's best single sentence
bigram          share of the query's adjacent term pairs found adjacent in title + passage
==============  ==============================================================================

Terms are Porter stems (the same algorithm as the FTS5 index), idf from the index's own document
frequencies (``fts5vocab``), so features mean the same thing on any knowledge base.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from curbside.retrieve.base import Ranked
from curbside.retrieve.query import STOPWORDS, tokenize
from curbside.store import Store

FEATURES = ("lex", "lex_rr", "dense", "dense_gap", "dense_rr", "doc_lex", "doc_dense",
            "title_cov", "pass_cov", "best_sent", "bigram")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(])")


def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("porter")


class Stems:
    """Porter stems of content words, cached (queries and passages repeat words a lot)."""

    def __init__(self) -> None:
        self._stemmer = _stemmer()
        self._cache: dict[str, str] = {}

    def __call__(self, text: str, *, content_only: bool = True) -> list[str]:
        out = []
        for tok in tokenize(text):
            if content_only and (tok in STOPWORDS or len(tok) < 2):
                continue
            s = self._cache.get(tok)
            if s is None:
                s = self._stemmer.stemWord(tok)
                if len(self._cache) < 200_000:
                    self._cache[tok] = s
            out.append(s)
        return out


class TermStats:
    """Document frequencies from the FTS5 index (``fts5vocab`` in the temp schema: works read-only)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.curbside_vocab "
                           "USING fts5vocab(main, 'passage_fts', 'row')")
        self.n = max(store.counts()["passages"], 1)
        self._df: dict[str, int] = {}

    def idf(self, stems: Iterable[str]) -> dict[str, float]:
        wanted = [s for s in dict.fromkeys(stems) if s not in self._df]
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(self.store.conn.execute(
                f"SELECT term, doc FROM temp.curbside_vocab WHERE term IN ({marks})", chunk).fetchall())
            for s in chunk:
                self._df[s] = int(found.get(s, 0))
        return {s: math.log(1 + (self.n - self._df[s] + 0.5) / (self._df[s] + 0.5)) for s in stems}


@dataclass(frozen=True, slots=True)
class CandidateText:
    doc_id: str
    title: str
    text: str


def _coverage(stems: set[str], idf: dict[str, float], total: float) -> float:
    return sum(idf[s] for s in stems) / total if total > 0 else 0.0


def features(query: str, cands: Sequence[Ranked], texts: dict[int, CandidateText], stems: Stems,
             stats: TermStats) -> npt.NDArray[np.float32]:
    """A (len(cands), len(FEATURES)) matrix; ``cands`` carry "lexical"/"dense" stage scores."""
    q = list(dict.fromkeys(stems(query)))
    qset = set(q)
    idf = stats.idf(q)
    total = sum(idf.values())
    bigrams = {(a, b) for a, b in zip(q, q[1:], strict=False)}
    lex_rank = {c.rowid: i for i, c in enumerate(sorted((c for c in cands if "lexical" in c.scores),
                                                         key=lambda c: -c.scores["lexical"]))}
    dense_rank = {c.rowid: i for i, c in enumerate(sorted((c for c in cands if "dense" in c.scores),
                                                           key=lambda c: -c.scores["dense"]))}
    best_lex = max((c.scores["lexical"] for c in cands if "lexical" in c.scores), default=0.0)
    best_dense = max((c.scores["dense"] for c in cands if "dense" in c.scores), default=0.0)
    rows = np.zeros((len(cands), len(FEATURES)), dtype=np.float32)
    doc_lex: dict[str, float] = {}
    doc_dense: dict[str, float] = {}
    for i, c in enumerate(cands):
        t = texts.get(c.rowid)
        lex = c.scores["lexical"] / best_lex if "lexical" in c.scores and best_lex > 0 else 0.0
        dense = c.scores.get("dense", 0.0)
        rows[i, 0] = lex
        rows[i, 1] = 1 / (60 + lex_rank[c.rowid]) if c.rowid in lex_rank else 0.0
        rows[i, 2] = dense
        rows[i, 3] = dense - best_dense if "dense" in c.scores else -1.0
        rows[i, 4] = 1 / (60 + dense_rank[c.rowid]) if c.rowid in dense_rank else 0.0
        if t is None:
            continue
        doc_lex[t.doc_id] = max(doc_lex.get(t.doc_id, 0.0), lex)
        doc_dense[t.doc_id] = max(doc_dense.get(t.doc_id, -1.0), dense)
        title = stems(t.title)
        body = stems(t.text)
        rows[i, 7] = _coverage(qset & set(title), idf, total)
        rows[i, 8] = _coverage(qset & (set(title) | set(body)), idf, total)
        rows[i, 9] = max((_coverage(qset & set(stems(s)), idf, total) for s in _SENTENCE.split(t.text)),
                         default=0.0)
        seq = title + ["\x00"] + body
        pairs = set(zip(seq, seq[1:], strict=False))
        rows[i, 10] = len(bigrams & pairs) / len(bigrams) if bigrams else 0.0
    for i, c in enumerate(cands):
        t = texts.get(c.rowid)
        if t is not None:
            rows[i, 5] = doc_lex[t.doc_id]
            rows[i, 6] = doc_dense[t.doc_id]
    return rows


def candidate_texts(store: Store, rowids: Iterable[int]) -> dict[int, CandidateText]:
    ids = list(dict.fromkeys(rowids))
    out: dict[int, CandidateText] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT p.rowid, p.doc_id, d.title, p.text FROM passages p JOIN documents d ON d.id = p.doc_id "
            f"WHERE p.rowid IN ({marks})", chunk)
        for rowid, doc_id, title, text in rows:
            out[int(rowid)] = CandidateText(str(doc_id), str(title), str(text))
    return out
