"""Retrieval quality on the development splits, per retriever and configuration.

    .venv/bin/python benchmarks/retrieval_quality.py [--sets scifact-train nfcorpus-dev] [--kb-dir DIR]
                                                     [--configs default lexical dense rrf convex …]

Each set is evaluated exactly as ``curbside eval retrieval`` does (same KB cache files, same
library code): the KB is built (ingest + embed) the first time and reused after. Configurations
are settings overrides on top of the defaults (see CONFIGS); the table prints nDCG@10,
Recall@100 and MRR@10 per set, and ms/query (noisy: the machine is shared).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT.parent / "shared" / "data" / "benchmarks"

# name → (retriever, settings overrides)
CONFIGS: dict[str, tuple[str, dict[str, object]]] = {
    "lexical": ("lexical", {"synonyms": False}),
    "lexical + abbreviations (default)": ("lexical", {}),
    "lexical + disease synonyms": ("lexical", {"disease_synonyms": True}),
    "lexical + RM3": ("lexical", {"synonyms": False, "prf": True}),
    "dense": ("dense", {}),
    "hybrid rrf (previous default)": ("hybrid", {"fusion": "rrf", "fusion_lexical_weight": 0.5, "priors": False}),
    "hybrid convex, no priors": ("hybrid", {"priors": False}),
    "hybrid (default)": ("hybrid", {}),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", default=["scifact-train", "nfcorpus-dev"])
    ap.add_argument("--configs", nargs="*", default=list(CONFIGS), choices=list(CONFIGS), metavar="CONFIG")
    ap.add_argument("--kb-dir", type=Path, default=None, help="KB cache folder (default: curbside's eval cache)")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    from curbside.eval.beir import load_beir
    from curbside.eval.retrieval import default_eval_kb, evaluate_retrievers, prepare_kb
    from curbside.settings import load_settings
    from curbside.store import Store

    base = load_settings()
    results: dict[tuple[str, str], dict[str, float]] = {}
    for set_name in args.sets:
        beir = load_beir(SETS / set_name)
        kb = (args.kb_dir / f"{set_name}.sqlite") if args.kb_dir else default_eval_kb(beir)
        with Store.open(kb) as store:
            t = time.perf_counter()
            prepare_kb(store, beir, base.replace(kb=kb), embed=True)
            print(f"{set_name}: KB ready in {time.perf_counter() - t:.0f}s ({kb})", file=sys.stderr)
            for config in args.configs:
                retriever, overrides = CONFIGS[config]
                settings = base.replace(kb=kb, **overrides)
                res = evaluate_retrievers(store, beir, settings, [retriever], limit=args.limit).results[retriever]
                results[(set_name, config)] = {**res.metrics, "ms": res.ms_per_query}
                m = res.metrics
                print(f"  {config:36s} nDCG@10 {m['ndcg@10']:.4f}  R@100 {m['recall@100']:.4f}  "
                      f"MRR@10 {m['mrr@10']:.4f}  {res.ms_per_query:.0f} ms/q", file=sys.stderr)
    print()
    header = "| configuration | " + " | ".join(f"{s} nDCG@10 | R@100 | MRR@10" for s in args.sets) + " |"
    print(header)
    print("|---|" + "---:|---:|---:|" * len(args.sets))
    for config in args.configs:
        cells = []
        for s in args.sets:
            m = results[(s, config)]
            cells.append(f"{m['ndcg@10']:.4f} | {m['recall@100']:.4f} | {m['mrr@10']:.4f}")
        print(f"| {config} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
