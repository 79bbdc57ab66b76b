"""How much of FTS5's exact bm25 top 10 / top 100 the numpy BM25 index keeps (a big KB).

On a KB scaled by copying (benchmarks/search_scale.py), near-identical copies of one abstract
compete for the same ranks, so overlap is also reported on original documents (``<id>~copy``
→ ``<id>``), which is what a reader of the results would notice.

    .venv/bin/python benchmarks/experiments/index_fidelity.py KB [--queries 30]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT.parent / "shared" / "data" / "benchmarks" / "scifact-train" / "queries.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("kb", type=Path)
    ap.add_argument("--queries", type=int, default=30)
    args = ap.parse_args()
    from curbside.retrieve.lexical import LexicalRetriever
    from curbside.store import Store

    qs = [json.loads(line)["text"] for line in QUERIES.open(encoding="utf-8")]
    random.Random(11).shuffle(qs)
    qs = qs[: args.queries]
    with Store.open(args.kb, readonly=True) as st:
        exact = LexicalRetriever(st, exact_max=10**12)
        truth, t_exact = [], []
        for q in qs:
            t = time.perf_counter()
            truth.append([r for r, _ in exact.scored(q, 100)])
            t_exact.append(time.perf_counter() - t)
        print(f"exact: median {statistics.median(t_exact) * 1000:.0f} ms/query")
        doc_of = dict(st.conn.execute("SELECT rowid, doc_id FROM passages"))

        def orig(rowids: list[int]) -> list[str]:
            return list(dict.fromkeys(str(doc_of[r]).split("~")[0] for r in rowids))

        print("| search | passages: top-10 kept | top-100 kept | originals: top-10 kept | top-100 kept | median ms |")
        print("|---|---:|---:|---:|---:|---:|")
        r = LexicalRetriever(st, exact_max=0)
        r.scored(qs[0], 10)  # builds or loads the index
        k10, k100, o10, o100, ts = [], [], [], [], []
        for q, want in zip(qs, truth, strict=True):
            t = time.perf_counter()
            got = [x for x, _ in r.scored(q, 100)]
            ts.append(time.perf_counter() - t)
            k10.append(len(set(got[:10]) & set(want[:10])) / max(len(want[:10]), 1))
            k100.append(len(set(got) & set(want)) / max(len(want), 1))
            go, wo = orig(got), orig(want)
            o10.append(len(set(go[:10]) & set(wo[:10])) / max(len(wo[:10]), 1))
            o100.append(len(set(go[:100]) & set(wo[:100])) / max(len(wo[:100]), 1))
        print(f"| numpy index | {statistics.fmean(k10):.2f} | {statistics.fmean(k100):.2f} | "
              f"{statistics.fmean(o10):.2f} | {statistics.fmean(o100):.2f} | {statistics.median(ts) * 1000:.0f} |")

if __name__ == "__main__":
    main()
