"""Answer quality: runs `curbside eval answers` on the development question sets and prints a table;
with --calibrate, recomputes the abstention threshold and the support judge's agreement.

    python benchmarks/answers_quality.py --kb KB [--limit 200] [--generator extractive]
    python benchmarks/answers_quality.py --calibrate --kb KB --kb-without-pubmedqa KB2

KB: a knowledge base built from all of ../shared/data/corpora (`curbside ingest --kb KB …`).
KB2 (calibration only): the same without corpora/pubmedqa (and bioasq), so that PubMedQA questions
are off-topic there: coverage on KB (gold abstract retrieved) = answerable, on KB2 = not.
The verdict model is fitted (and cross-validated) by benchmarks/fit_verdict.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from curbside.answer.evidence import KEY_TERM_REQUIRED, Evidence, gather
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.eval.answers import load_items, run, summarize
from curbside.eval.metrics_answers import calibrate_judge
from curbside.records import Audience
from curbside.retrieve import make_retriever
from curbside.settings import load_settings
from curbside.store import Store

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "benchmarks"
SETS = [
    ("PubMedQA (train)", DATA / "pubmedqa-train" / "questions.jsonl", Audience.CLINICIAN),
    ("BioASQ (dev)", DATA / "bioasq-dev" / "questions.jsonl", Audience.CLINICIAN),
    ("MedLFQA K-QA golden", DATA / "medlfqa" / "MedLFQA" / "kqa_golden_test_MedLFQA.jsonl", Audience.PATIENT),
    ("MedLFQA LiveQA", DATA / "medlfqa" / "MedLFQA" / "live_qa_test_MedLFQA.jsonl", Audience.PATIENT),
    ("MedLFQA MedicationQA", DATA / "medlfqa" / "MedLFQA" / "medication_qa_test_MedLFQA.jsonl", Audience.PATIENT),
]
COLUMNS = ["n", "verdict_accuracy", "gold_cited", "rougeL_bottom_line", "must_have_coverage", "citation_support",
           "citation_recall", "citation_precision", "answered_rate", "reading_grade", "latency_p50_s",
           "latency_p95_s"]


def quality(kb: Path, limit: int, generator: str | None) -> None:
    settings = load_settings({"kb": kb, "generator": generator})
    rows = []
    with Store.open(kb, readonly=True) as store:
        for name, path, audience in SETS:
            if not path.exists():
                continue
            started = time.perf_counter()
            summary = summarize(run(store, settings, load_items(path, limit), audience=audience))
            rows.append((name, audience.value, summary))
            print(f"# {name}: {time.perf_counter() - started:.0f}s", flush=True)
    print("\n| set | audience | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for name, audience, summary in rows:
        cells = ["—" if summary[c] is None else f"{summary[c]}" for c in COLUMNS]
        print(f"| {name} | {audience} | " + " | ".join(cells) + " |")
    print("\n" + json.dumps({name: summary for name, _a, summary in rows}, indent=1))


def _evidence(kb: Path, questions: list[tuple[str, tuple[str, ...]]], need_gold: bool) -> list[Evidence]:
    settings = load_settings({"kb": kb})
    out = []
    with Store.open(kb, readonly=True) as store:
        retriever, stats = make_retriever(store, settings), TermStats(store)
        for question, gold in questions:
            evidence = gather(retriever, analyse(question), Audience.CLINICIAN, k=settings.k, stats=stats)
            found = {h.document.pmid for h in evidence.hits}
            if need_gold and not found & set(gold):
                continue  # gold abstract not retrieved: says nothing about the threshold
            out.append(evidence)
    return out


def _passage_rule(evidence: Evidence, threshold: float) -> bool:
    """The single-passage rule alone (before yes/no studies could count whole)."""
    return bool(evidence.hits) and evidence.coverage >= threshold and (evidence.key_covered or not KEY_TERM_REQUIRED)


def calibrate(kb: Path, kb_without: Path, limit: int) -> None:
    items = load_items(DATA / "pubmedqa-train" / "questions.jsonl", limit)
    questions = [(i.question, i.gold_pmids) for i in items]
    positives = _evidence(kb, questions, need_gold=True)
    negatives = _evidence(kb_without, questions, need_gold=False)
    print(f"answerable (gold retrieved): {len(positives)}, off-topic: {len(negatives)}")
    print(f"median coverage answerable {statistics.median(e.coverage for e in positives):.2f}, "
          f"off-topic {statistics.median(e.coverage for e in negatives):.2f}")
    print("| threshold | answered (answerable) | abstained (off-topic) | balanced accuracy | passage rule alone: "
          "answered / abstained / balanced |")
    print("|---|---|---|---|---|")
    for step in range(30, 96, 5):
        t = step / 100
        tpr = sum(e.sufficient_at(t) for e in positives) / len(positives)
        tnr = sum(not e.sufficient_at(t) for e in negatives) / len(negatives)
        tpr1 = sum(_passage_rule(e, t) for e in positives) / len(positives)
        tnr1 = sum(not _passage_rule(e, t) for e in negatives) / len(negatives)
        print(f"| {t:.2f} | {tpr:.3f} | {tnr:.3f} | {(tpr + tnr) / 2:.3f} | {tpr1:.3f} / {tnr1:.3f} / "
              f"{(tpr1 + tnr1) / 2:.3f} |")
    judge = calibrate_judge(DATA / "k-qa" / "NLI_medical_annotator.csv")
    print(f"\nsupport judge on {judge.n} K-QA physician labels: threshold {judge.threshold}, accuracy "
          f"{judge.accuracy:.3f}, kappa {judge.kappa:.3f} (physicians vs each other: accuracy "
          f"{judge.physician_accuracy:.3f}, kappa {judge.physician_kappa:.3f}; 'never supported' "
          f"{1 - judge.entailed_share:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--kb-without-pubmedqa", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--generator", default=None)
    parser.add_argument("--calibrate", action="store_true")
    args = parser.parse_args()
    if args.calibrate:
        if not args.kb_without_pubmedqa:
            parser.error("--calibrate needs --kb-without-pubmedqa")
        calibrate(args.kb, args.kb_without_pubmedqa, args.limit)
    else:
        quality(args.kb, args.limit, args.generator)


if __name__ == "__main__":
    main()
