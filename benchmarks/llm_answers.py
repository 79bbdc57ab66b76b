"""Extractive vs LLM answers on dev question sets: quality, citation recall/precision, latency, TTFT.

    # answers (CPU-heavy for LLMs: run in the background)
    python benchmarks/llm_answers.py run --kb KB.sqlite --n 15 \
        --generator extractive --generator llamacpp:qwen2.5-coder-1.5b [--generator openai]
    # support-judge agreement with the 399 physician NLI labels of K-QA
    python benchmarks/llm_answers.py calibrate

``run`` samples ``--n`` questions (fixed seed) from PubMedQA (train) and from BioASQ (dev, yes/no and
summary), answers each with every generator through ``curbside.answer.ask`` (nothing saved) and
prints one Markdown table: verdict accuracy (yes/no questions), gold-source cited rate, ROUGE-L of
the bottom line against the reference answer, ALCE citation recall and precision (support judge of
``answer/support.py``), share of LLM answers that fell back to extractive, sentences dropped by
verification, latency p50/p95 and time to first token p50. ``--jsonl FILE`` keeps every answer.
``openai`` uses CURBSIDE_LLM_BASE_URL/MODEL (e.g. a ``python -m llama_cpp.server`` on 127.0.0.1).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from curbside.answer import ask
from curbside.answer.generators.base import Generator
from curbside.answer.support import SupportJudge, default_judge
from curbside.eval.citation_metrics import citation_scores
from curbside.records import Answer, Audience
from curbside.settings import load_settings
from curbside.store import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "benchmarks"


def load_questions(n: int, seed: int = 13) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pubmedqa = [json.loads(x) for x in (DATA / "pubmedqa-train" / "questions.jsonl").read_text().split("\n") if x]
    bioasq = [json.loads(x) for x in (DATA / "bioasq-dev" / "questions.jsonl").read_text().split("\n") if x]
    bioasq = [q for q in bioasq if q["type"] in {"yesno", "summary"}]
    out = []
    for q in rng.sample(pubmedqa, n):
        out.append({"set": "pubmedqa", "question": q["question"], "verdict": q["final_decision"],
                    "reference": q["long_answer"], "gold_pmids": q.get("gold_pmids") or [q["id"]]})
    for q in rng.sample(bioasq, n):
        verdict = q["exact_answer"] if q["type"] == "yesno" else None
        ideal = q["ideal_answer"][0] if isinstance(q["ideal_answer"], list) else q["ideal_answer"]
        out.append({"set": "bioasq", "question": q["question"], "verdict": verdict, "reference": ideal,
                    "gold_pmids": q["gold_pmids"]})
    return out


def rouge_l(candidate: str, reference: str) -> float:
    a, b = candidate.lower().split(), reference.lower().split()
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[-1]))
        prev = cur
    lcs = prev[-1]
    if not lcs:
        return 0.0
    p, r = lcs / len(a), lcs / len(b)
    return 2 * p * r / (p + r)


def make_generator(spec: str, settings: Any, store: Store) -> Generator:
    from curbside.answer import get_generator

    name, _, rest = spec.partition(":")
    model, _, fmt = rest.partition(":")
    if name == "llamacpp" and model:
        settings = settings.replace(llm_model_path=model)
    gen = get_generator(name, settings, store=store)
    if fmt:
        gen.output_format = fmt  # type: ignore[attr-defined]
    return gen


def score(answer: Answer, q: dict[str, Any], store: Store, judge: SupportJudge) -> dict[str, Any]:
    cites = citation_scores(answer, store.passages_by_ids, judge)
    pmids = {r.pmid for r in answer.references if r.pmid} | {
        r.document_id.removeprefix("pmid:") for r in answer.references}
    verdict_ok = None
    if q["verdict"] in {"yes", "no", "maybe"}:
        got = answer.verdict.value if answer.verdict else "none"
        verdict_ok = got == q["verdict"] or (q["verdict"] == "maybe" and got == "uncertain")
    return {"verdict_ok": verdict_ok, "gold_cited": bool(pmids & set(q["gold_pmids"])),
            "rougeL": rouge_l(answer.bottom_line.text, q["reference"]), "citation_recall": cites.recall,
            "citation_precision": cites.precision, "insufficient": answer.insufficient}


def run(args: argparse.Namespace) -> None:
    settings = load_settings({"kb": args.kb, "retriever": args.retriever})
    questions = load_questions(args.n)
    judge = default_judge()
    rows: dict[str, list[dict[str, Any]]] = {}
    out = open(args.jsonl, "a", encoding="utf-8") if args.jsonl else None
    with Store.open(args.kb, readonly=True) as store:
        for spec in args.generator:
            gen = make_generator(spec, settings, store)
            rows[spec] = []
            for i, q in enumerate(questions, start=1):
                if hasattr(gen, "last_stats"):  # stale otherwise when ask() answers without the generator
                    gen.last_stats = type(gen.last_stats)()
                started = time.perf_counter()
                answer = ask(store, settings, q["question"], audience=Audience.CLINICIAN, generator=gen, save=False)
                elapsed = time.perf_counter() - started
                stats = getattr(gen, "last_stats", None)
                row = {"generator": spec, "set": q["set"], "question": q["question"], "latency_s": elapsed,
                       **score(answer, q, store, judge),
                       "ttft_s": getattr(stats, "ttft_s", None), "outcome": getattr(stats, "outcome", ""),
                       "claims": getattr(stats, "claims", 0), "dropped": getattr(stats, "dropped", 0),
                       "bottom_line": answer.bottom_line.text, "notes": list(answer.notes),
                       "answer_generator": answer.generator}
                rows[spec].append(row)
                if out:
                    out.write(json.dumps(row) + "\n")
                    out.flush()
                print(f"[{spec} {i}/{len(questions)}] {elapsed:5.1f}s {row['outcome'] or '-':12} "
                      f"{q['question'][:70]}", file=sys.stderr)
    if out:
        out.close()
    print(table(rows, judge.name))


def _mean(values: list[Any]) -> str:
    vals = [float(v) for v in values if v is not None]
    return f"{statistics.mean(vals):.2f}" if vals else "—"


def _pct(values: list[float], q: float) -> str:
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return "—"
    return f"{vals[min(len(vals) - 1, int(q * len(vals)))]:.1f}"


def table(rows: dict[str, list[dict[str, Any]]], judge: str) -> str:
    head = ("| generator | n | verdict acc. | gold cited | ROUGE-L bottom line | citation recall | "
            "citation precision | fell back | sentences dropped | latency p50 / p95 (s) | TTFT p50 (s) |")
    lines = [head, "|" + "---|" * 11]
    for spec, items in rows.items():
        llm = [r for r in items if r["outcome"]]
        fell = sum(1 for r in llm if r["outcome"] == "fallback")
        claims = sum(r["claims"] for r in llm)
        dropped = sum(r["dropped"] for r in llm)
        lat = [r["latency_s"] for r in items]
        lines.append(
            f"| {spec} | {len(items)} | {_mean([r['verdict_ok'] for r in items])} | "
            f"{_mean([r['gold_cited'] for r in items])} | {_mean([r['rougeL'] for r in items])} | "
            f"{_mean([r['citation_recall'] for r in items])} | {_mean([r['citation_precision'] for r in items])} | "
            f"{f'{fell}/{len(llm)}' if llm else '—'} | {f'{dropped}/{claims}' if claims else '—'} | "
            f"{_pct(lat, 0.5)} / {_pct(lat, 0.95)} | {_pct([r['ttft_s'] for r in items], 0.5)} |")
    return "\n".join(lines) + f"\n\nsupport judge: {judge}"


def calibrate(args: argparse.Namespace) -> None:
    path = DATA / "k-qa" / "NLI_medical_annotator.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    judges = {"lexical+strict": SupportJudge(None)}
    semantic = default_judge()
    if semantic.embedder is not None:
        judges[semantic.name] = semantic
    print(f"K-QA physician NLI labels: {len(rows)} (claim vs answer; Entailment = supported)\n")
    print("| judge | accuracy | precision | recall | F1 |\n|---|---|---|---|---|")
    for name, judge in judges.items():
        tp = fp = fn = tn = 0
        for r in rows:
            gold = r["majority_label"] == "Entailment"
            got = judge.check(r["claim"], [r["answer"]]).supported
            tp += gold and got
            fp += got and not gold
            fn += gold and not got
            tn += not gold and not got
        p = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        print(f"| {name} | {(tp + tn) / len(rows):.3f} | {p:.3f} | {rec:.3f} | {f1:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--kb", required=True)
    r.add_argument("--n", type=int, default=15, help="questions per set (PubMedQA, BioASQ)")
    r.add_argument("--generator", action="append", default=[],
                   help="extractive | openai[::FORMAT] | llamacpp:MODEL[:FORMAT] (FORMAT lines or json)")
    r.add_argument("--jsonl", help="append every answer's scores here")
    r.add_argument("--retriever", default="hybrid", help="lexical | dense | hybrid (default hybrid)")
    sub.add_parser("calibrate")
    args = parser.parse_args()
    if args.command == "run":
        args.generator = args.generator or ["extractive"]
        run(args)
    else:
        calibrate(args)


if __name__ == "__main__":
    main()
