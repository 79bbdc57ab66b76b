"""Search latency (p50/p95) and peak memory at 10k, 100k and 1M passages.

    .venv/bin/python benchmarks/search_scale.py build --base KB [--base KB …] --passages 1000000 --out DIR
    .venv/bin/python benchmarks/search_scale.py measure --kb DIR/kb-1000000.sqlite [--queries 200]
    .venv/bin/python benchmarks/search_scale.py all --base … --sizes 10000 100000 1000000 --out DIR

How the corpus is scaled: the base KBs are the evaluation KBs of scifact-train and nfcorpus-dev
(real abstracts, chunked by the real pipeline, with real MiniLM vectors; build them with
``curbside eval retrieval``). Their passages are copied until the target count is reached; copy
``c`` of a document gets the id ``<id>~c``, and each of its passages drops a deterministic
random 10% of its words (so bm25 scores and posting lists vary between copies) and gets the base
passage's vector plus Gaussian noise (σ = 0.25/√dim per dimension, re-normalised; a cosine of
about 0.97 to the original), so near-duplicates do not collapse into exact ties.

``measure`` runs in a fresh process per retriever so that peak RSS is that retriever's own: it
opens the KB, runs ``--warmup`` queries (loading the dense matrix is reported separately as
"load s"), then times ``--queries`` real queries (scifact and nfcorpus, k=10) end to end,
including query embedding and building Hits.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
QUERY_SETS = [DATA / "benchmarks" / name / "queries.jsonl" for name in ("scifact-train", "nfcorpus-dev")]


def _base_rows(base: list[Path], model: str) -> tuple[list[tuple], dict[str, object], np.ndarray]:
    """Passages (doc_id, ordinal, section, text, start, end, vector row) and their documents."""
    from curbside.store import Store

    passages: list[tuple] = []
    docs: dict[str, object] = {}
    vectors: list[np.ndarray] = []
    for path in base:
        with Store.open(path, readonly=True) as st:
            rowids, matrix = st.load_vectors(model)
            pos = {int(r): i for i, r in enumerate(rowids)}
            rows = st.conn.execute(
                "SELECT rowid, doc_id, ordinal, section, text, start, end FROM passages ORDER BY rowid")
            for rowid, doc_id, ordinal, section, text, start, end in rows:
                if rowid not in pos:
                    continue
                passages.append((doc_id, ordinal, section, text, start, end, len(vectors)))
                vectors.append(matrix[pos[rowid]])
            docs.update(st.documents_by_ids({p[0] for p in passages} - set(docs)))
    return passages, docs, np.vstack(vectors).astype(np.float32)


def build(base: list[Path], n_passages: int, out: Path, model: str) -> Path:
    from dataclasses import replace

    from curbside.records import Passage
    from curbside.store import Store

    passages, docs, vecs = _base_rows(base, model)
    by_doc: dict[str, list[tuple]] = {}
    for p in passages:
        by_doc.setdefault(p[0], []).append(p)
    doc_ids = list(by_doc)
    out.mkdir(parents=True, exist_ok=True)
    kb = out / f"kb-{n_passages}.sqlite"
    kb.unlink(missing_ok=True)
    rng = np.random.default_rng(7)
    sigma = 0.25 / np.sqrt(vecs.shape[1])
    written = 0
    copy = 0
    t0 = time.perf_counter()
    with Store.open(kb) as st:
        while written < n_passages:
            st.conn.execute("BEGIN IMMEDIATE")
            rowids: list[int] = []
            rows: list[int] = []
            for doc_id in doc_ids:
                if written >= n_passages:
                    break
                doc = docs[doc_id]
                new_id = doc_id if copy == 0 else f"{doc_id}~{copy}"
                rnd = random.Random(f"{new_id}")
                new_passages = []
                for (_d, ordinal, section, text, start, end, vrow) in by_doc[doc_id]:
                    words = text.split()
                    if copy:
                        words = [w for w in words if rnd.random() > 0.10] or words
                    new_passages.append(Passage(id=f"{new_id}#{ordinal}", doc_id=new_id, ordinal=ordinal,
                                                section=section, text=" ".join(words), start=start, end=end))
                    rows.append(vrow)
                st.upsert_document(replace(doc, id=new_id), new_passages)  # type: ignore[type-var]
                written += len(new_passages)
            st.conn.execute("COMMIT")
            # vectors of this copy, in the order the passages were inserted
            first = st.conn.execute("SELECT max(rowid) FROM passages").fetchone()[0] - len(rows) + 1
            rowids = list(range(first, first + len(rows)))
            block = vecs[rows]
            if copy:
                block = block + rng.normal(0, sigma, block.shape).astype(np.float32)
                block /= np.linalg.norm(block, axis=1, keepdims=True)
            for i in range(0, len(rowids), 20000):
                st.put_vectors(model, rowids[i : i + 20000], block[i : i + 20000])
            copy += 1
            print(f"  {written:,} passages ({copy} copies) {time.perf_counter() - t0:.0f}s", file=sys.stderr)
        st.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return kb


def _queries(n: int) -> list[str]:
    qs: list[str] = []
    for path in QUERY_SETS:
        with path.open(encoding="utf-8") as fh:
            qs.extend(json.loads(line)["text"] for line in fh if line.strip())
    random.Random(3).shuffle(qs)
    return qs[:n]


def measure_one(kb: Path, retriever: str, n_queries: int, warmup: int, embedder: str) -> dict[str, float]:
    """Runs in its own process (see ``measure``)."""
    from curbside.retrieve import make_retriever
    from curbside.settings import Settings
    from curbside.store import Store

    settings = Settings(kb=kb, embedder=embedder, retriever=retriever)
    queries = _queries(n_queries + warmup)
    with Store.open(kb, readonly=True) as st:
        passages = st.counts()["passages"]
        t = time.perf_counter()
        r = make_retriever(st, settings, retriever)
        r.search(queries[0], 10)  # loads the matrix / embedder
        load = time.perf_counter() - t
        for q in queries[1:warmup]:
            r.search(q, 10)
        times = []
        for q in queries[warmup:]:
            t = time.perf_counter()
            r.search(q, 10)
            times.append(1000 * (time.perf_counter() - t))
    times.sort()
    return {"passages": passages, "p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
            "mean_ms": statistics.fmean(times), "load_s": load,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure(kb: Path, retrievers: list[str], n_queries: int, warmup: int, embedder: str) -> list[dict[str, object]]:
    rows = []
    for name in retrievers:
        cmd = [sys.executable, __file__, "_one", "--kb", str(kb), "--retriever", name, "--queries", str(n_queries),
               "--warmup", str(warmup), "--embedder", embedder]
        res = subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy())
        if res.returncode != 0:
            rows.append({"retriever": name, "error": res.stderr.strip().splitlines()[-1:]})
            continue
        rows.append({"retriever": name, **json.loads(res.stdout.strip().splitlines()[-1])})
    return rows


def print_table(rows: list[dict[str, object]]) -> None:
    print("| passages | retriever | p50 ms | p95 ms | mean ms | first query (load) s | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in rows:
        if "error" in r:
            print(f"| ? | {r['retriever']} | error: {r['error']} | | | | |")
            continue
        print(f"| {r['passages']:,} | {r['retriever']} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['mean_ms']:.1f} | "
              f"{r['load_s']:.1f} | {r['peak_rss_mb']:,.0f} |")


def _model_name(embedder: str) -> str:
    from curbside.embed import get_embedder

    return get_embedder(embedder).name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["build", "measure", "all", "_one"])
    ap.add_argument("--base", type=Path, action="append", default=[])
    ap.add_argument("--passages", type=int, default=10_000)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--out", type=Path, default=Path("/tmp/curbside-scale"))
    ap.add_argument("--kb", type=Path)
    ap.add_argument("--retriever", default="lexical")
    ap.add_argument("--retrievers", nargs="*", default=["lexical", "dense", "hybrid"])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--embedder", default="minilm")
    args = ap.parse_args()
    if args.command == "_one":
        print(json.dumps(measure_one(args.kb, args.retriever, args.queries, args.warmup, args.embedder)))
    elif args.command == "build":
        print(build(args.base, args.passages, args.out, _model_name(args.embedder)))
    elif args.command == "measure":
        print_table(measure(args.kb, args.retrievers, args.queries, args.warmup, args.embedder))
    else:
        rows = []
        for n in args.sizes:
            kb = args.out / f"kb-{n}.sqlite"
            if not kb.exists():
                t = time.perf_counter()
                build(args.base, n, args.out, _model_name(args.embedder))
                print(f"built {kb} in {time.perf_counter() - t:.0f}s", file=sys.stderr)
            rows.extend(measure(kb, args.retrievers, args.queries, args.warmup, args.embedder))
            print_table(rows)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
