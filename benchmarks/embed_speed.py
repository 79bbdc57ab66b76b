"""Embedding throughput on real passages, and agreement between MiniLM variants.

    .venv/bin/python benchmarks/embed_speed.py [--n 500] [--sweep-n 128] [--corpus PATH]

Passages are the first N SciFact abstracts (title + text, ~200 words, most hit MiniLM's
256-token window). Prints, per embedder: load time, passages/s (wall) and passages per CPU-
second (steadier when other work shares the machine), one-query latency; then a batch-size
sweep for MiniLM, the padding that length-sorted batching saves, and cosine agreement of
int8 vs fp32. Wall numbers depend on load: the load average is printed with the table.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from curbside.embed import available_embedders, get_embedder
from curbside.embed.base import Embedder, available_cores
from curbside.embed.minilm import MiniLMEmbedder

DEFAULT_CORPUS = Path("/work/shared/data/corpora/scifact/corpus.jsonl")


def load_passages(path: Path, n: int) -> list[str]:
    passages: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc.get("text", "").strip():
                passages.append(f"{doc.get('title', '')} {doc['text']}".strip())
            if len(passages) == n:
                break
    return passages


def load_titles(path: Path, n: int) -> list[str]:
    titles: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            title = json.loads(line).get("title", "").strip()
            if title:
                titles.append(title)
            if len(titles) == n:
                break
    return titles


def timed(emb: Embedder, texts: list[str]) -> tuple[np.ndarray, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    vecs = emb.embed(texts)
    return vecs, time.perf_counter() - wall, time.process_time() - cpu


def load_time(emb: Embedder) -> float:
    start = time.perf_counter()
    emb.embed(["warm-up"])
    return time.perf_counter() - start


def query_ms(emb: Embedder) -> float:
    queries = ["first-line treatment for hypertension", "statin myopathy risk", "aspirin primary prevention"]
    start = time.perf_counter()
    for _ in range(3):
        for q in queries:
            emb.embed_query(q)
    return (time.perf_counter() - start) / 9 * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=500, help="passages for the main table")
    ap.add_argument("--sweep-n", type=int, default=128, help="passages for the MiniLM batch-size sweep")
    ap.add_argument("--batch-sizes", default="1,8,32,64")
    args = ap.parse_args(argv)

    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    passages = load_passages(args.corpus, args.n)
    words = np.mean([len(p.split()) for p in passages])
    names = [n for n in ("hashing", "static", "minilm", "minilm-int8") if n in available_embedders()]
    print(
        f"{len(passages)} SciFact passages, mean {words:.0f} words; {available_cores()} cores; "
        f"load average {os.getloadavg()[0]:.1f} at start"
    )
    print()
    print(f"| {'embedder':28} | dim | load s | passages/s | passages/CPU-s | query ms |")
    print(f"|{'-' * 30}|-----|--------|------------|----------------|----------|")
    vectors: dict[str, np.ndarray] = {}
    for name in names:
        emb = get_embedder(name)
        loaded = load_time(emb)
        vecs, wall, cpu = timed(emb, passages)
        vectors[name] = vecs
        print(
            f"| {emb.name:28} | {emb.dim:3} | {loaded:6.1f} | {len(passages) / wall:10.1f} | "
            f"{len(passages) / cpu:14.1f} | {query_ms(emb):8.1f} |"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at end of main table")

    if "minilm" in names:
        sweep = passages[: args.sweep_n]
        titles = load_titles(args.corpus, 4 * args.sweep_n)
        print()
        print(
            f"MiniLM batching ({len(sweep)} passages; {len(titles)} titles ~20 tokens). Texts are always "
            "sorted by length first; 'N' = N texts per run, 'N/T' = also at most T padded tokens per run:"
        )
        print()
        print("| variant | batching | passages/s | passages/CPU-s | titles/s | titles/CPU-s |")
        print("|---------|----------|------------|----------------|----------|--------------|")
        settings = [(int(b), 10**9) for b in args.batch_sizes.split(",")] + [(32, 2048)]
        for variant in ("fp32", "int8"):
            for bs, budget in settings:
                m = MiniLMEmbedder(variant, batch_size=bs, max_batch_tokens=budget)
                m.load()
                _, wall, cpu = timed(m, sweep)
                _, twall, tcpu = timed(m, titles)
                label = f"{bs}" if budget == 10**9 else f"{bs}/{budget}"
                print(
                    f"| {variant:7} | {label:8} | {len(sweep) / wall:10.1f} | {len(sweep) / cpu:14.1f} | "
                    f"{len(titles) / twall:8.0f} | {len(titles) / tcpu:12.0f} |"
                )

        default = MiniLMEmbedder()
        counts = np.array(default.token_counts(passages))
        real = int(counts.sum())

        def padded(batches: list[np.ndarray]) -> int:
            return int(sum(counts[b].max() * len(b) for b in batches))

        arrival = padded([np.arange(i, min(i + 32, len(counts))) for i in range(0, len(counts), 32)])
        order = np.argsort(counts, kind="stable")
        by_len = padded(default._batches(counts[order], order))
        print()
        print(
            f"tokens per passage: mean {counts.mean():.0f}, {np.mean(counts == counts.max()):.0%} at the "
            f"{counts.max()}-token cap; padding: arrival order in 32s +{arrival / real - 1:.1%}, "
            f"length-sorted default batching +{by_len / real - 1:.1%}"
        )

    if "minilm" in vectors and "minilm-int8" in vectors:
        cos = (vectors["minilm"] * vectors["minilm-int8"]).sum(1)
        a, b = vectors["minilm"], vectors["minilm-int8"]
        top_fp32 = np.argsort(-(a @ a.T), axis=1)[:, 1:11]
        top_int8 = np.argsort(-(b @ b.T), axis=1)[:, 1:11]
        overlap = np.mean([len(set(x) & set(y)) / 10 for x, y in zip(top_fp32, top_int8, strict=True)])
        print()
        print(
            f"int8 vs fp32 cosine per passage: min {cos.min():.4f}, mean {cos.mean():.4f}; "
            f"passage->passage top-10 neighbour overlap {overlap:.1%}"
        )
    if "minilm" in vectors and "static" in vectors:
        a, s = vectors["minilm"], vectors["static"]
        top_a = np.argsort(-(a @ a.T), axis=1)[:, 1:11]
        top_s = np.argsort(-(s @ s.T), axis=1)[:, 1:101]
        recall = np.mean([len(set(x) & set(y)) / 10 for x, y in zip(top_a, top_s, strict=True)])
        print(f"static as first stage: its top-100 holds {recall:.1%} of MiniLM's top-10 neighbours")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
