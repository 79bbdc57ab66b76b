"""Retrieval evaluation on a BEIR folder: build or reuse a KB, rank documents per query with
each retriever, score nDCG@10 / Recall@100 / MRR@10, and write TREC run files.

Retrievers return passages; qrels judge documents, so a document's score is its best passage's
(max aggregation) and its rank is the rank of that best passage.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from curbside.eval.beir import BeirSet, write_trec_run
from curbside.eval.metrics_retrieval import evaluate
from curbside.records import Hit
from curbside.retrieve import make_retriever
from curbside.retrieve.base import Retriever
from curbside.settings import Settings
from curbside.store import Store

DEPTH = 100  # documents ranked per query (Recall@100 needs 100)
PASSAGES_PER_DOC = 3  # passages fetched per document wanted, before aggregation

Progress = Callable[[str, int], None]  # (stage, n done): "ingest" documents, "embed" passages, "<retriever>" queries


@dataclass
class RetrieverResult:
    name: str
    metrics: dict[str, float]
    run: dict[str, list[tuple[str, float]]]
    seconds: float
    notes: tuple[str, ...] = ()

    @property
    def ms_per_query(self) -> float:
        return 1000 * self.seconds / max(len(self.run), 1)


@dataclass
class RetrievalEval:
    dataset: str
    kb: Path
    queries: int
    results: dict[str, RetrieverResult] = field(default_factory=dict)
    run_files: dict[str, Path] = field(default_factory=dict)

    def to_json(self, default: str) -> dict[str, object]:
        top = self.results[default] if default in self.results else next(iter(self.results.values()))
        by = {name: {**{m: round(v, 4) for m, v in r.metrics.items() if m != "queries"},
                     "ms_per_query": round(r.ms_per_query, 1), **({"notes": list(r.notes)} if r.notes else {})}
              for name, r in self.results.items()}
        return {
            **{m: round(v, 4) for m, v in top.metrics.items() if m != "queries"},
            "retriever": top.name, "dataset": self.dataset, "queries": self.queries,
            "by_retriever": by, "kb": str(self.kb),
            "run_files": {name: str(p) for name, p in self.run_files.items()},
        }


def default_eval_kb(beir: BeirSet) -> Path:
    """A cache file per BEIR folder (name + hash of its absolute path) in the user cache dir."""
    digest = hashlib.sha256(str(beir.root).encode()).hexdigest()[:8]
    return Path(platformdirs.user_cache_dir("curbside")) / "eval" / f"{beir.name}-{digest}.sqlite"


def prepare_kb(store: Store, beir: BeirSet, settings: Settings, *, embed: bool,
               progress: Progress | None = None) -> None:
    """Ingest the corpus (idempotent: a reused KB adds nothing) and embed what lacks vectors."""
    from curbside.ingest import ingest_documents
    from curbside.sources.beir import iter_documents

    def on_doc(event: str, n: int) -> None:
        if progress and event == "document":
            progress("ingest", n)

    ingest_documents(store, iter_documents(beir.corpus), chunk_words=settings.chunk_words, progress=on_doc)
    if embed:
        from curbside.embedding_job import embed_missing
        from curbside.retrieve.factory import embedder_for

        embedder = embedder_for(settings.embedder)
        embed_missing(store, embedder, progress=_ticker(progress, "embed") if progress else None)  # type: ignore[arg-type]


def documents_ranked(hits: Sequence[Hit], corpus: str, depth: int = DEPTH) -> list[tuple[str, float]]:
    """Passage hits → (raw BEIR document id, best passage score), best first, ``depth`` at most."""
    return _aggregate(((h.document.id, h.score) for h in hits), corpus, depth)


def _aggregate(scored: Iterable[tuple[str, float]], corpus: str, depth: int) -> list[tuple[str, float]]:
    from curbside.sources.beir import raw_beir_id

    prefix = f"beir:{corpus}:"
    best: dict[str, float] = {}
    for doc_id, score in scored:  # best first: a document's first passage is its best
        if doc_id.startswith(prefix):
            raw = raw_beir_id(doc_id)
            if raw not in best:
                best[raw] = score
                if len(best) == depth:
                    break
    return list(best.items())


def run_queries(retriever: Retriever, queries: dict[str, str], corpus: str, store: Store, depth: int = DEPTH,
                progress: Callable[[int], None] | None = None) -> dict[str, list[tuple[str, float]]]:
    """Rank documents for every query. Retrievers with ``ranked()`` skip building Hits."""
    ranked_fn = getattr(retriever, "ranked", None)
    doc_of: dict[int, str] = {}
    if ranked_fn is not None:
        doc_of = {int(r): str(d) for r, d in store.conn.execute("SELECT rowid, doc_id FROM passages")}
    run: dict[str, list[tuple[str, float]]] = {}
    for qid, text in queries.items():
        n = depth * PASSAGES_PER_DOC
        if ranked_fn is not None:
            pairs = ((doc_of.get(r.rowid, ""), r.score) for r in ranked_fn(text, n))
            run[qid] = _aggregate(pairs, corpus, depth)
        else:
            run[qid] = documents_ranked(retriever.search(text, n), corpus, depth)
        if progress:
            progress(1)
    return run


def evaluate_retrievers(
    store: Store, beir: BeirSet, settings: Settings, names: Sequence[str], *, limit: int | None = None,
    progress: Progress | None = None,
) -> RetrievalEval:
    from curbside.sources.beir import corpus_name

    corpus = corpus_name(beir.corpus)
    queries = dict(list(beir.queries.items())[:limit]) if limit else beir.queries
    out = RetrievalEval(dataset=beir.name, kb=store.path, queries=len(queries))
    for name in names:
        retriever = make_retriever(store, settings, name)
        started = time.perf_counter()
        tick = _ticker(progress, name) if progress else None
        run = run_queries(retriever, queries, corpus, store, progress=tick)
        seconds = time.perf_counter() - started
        metrics = evaluate({q: [d for d, _s in ranked] for q, ranked in run.items()},
                           {q: beir.qrels[q] for q in queries})
        out.results[name] = RetrieverResult(name, metrics, run, seconds, tuple(getattr(retriever, "notes", ())))
    return out


def _ticker(progress: Progress, stage: str) -> Callable[[int], None]:
    return lambda n: progress(stage, n)


def write_runs(result: RetrievalEval, path: Path, default: str) -> dict[str, Path]:
    """The default retriever's run at ``path``; the others beside it as ``<stem>.<retriever><suffix>``."""
    files: dict[str, Path] = {}
    for name, r in result.results.items():
        target = path if name == default else path.with_name(f"{path.stem}.{name}{path.suffix or '.run'}")
        write_trec_run(target, r.run, tag=f"curbside-{name}")
        files[name] = target
    result.run_files = files
    return files
