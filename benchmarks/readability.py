"""Readability of answers: mean Flesch–Kincaid grade of the answer text (bottom line and every
bullet, as `curbside eval answers` measures `reading_grade`) over consumer-health question sets,
per audience. The patient target is about US grade 8.

    python benchmarks/readability.py --kb KB [--limit 200] [--audience patient --audience clinician]

KB: a knowledge base built from all of ../shared/data/corpora. Sets: K-QA golden, LiveQA,
MedicationQA (MedLFQA versions, with must-have statements) and a spread of HealthSearchQA
(every n-th question; the file is alphabetical). Abstentions have no answer text and are
left out of the grade (the answered share is printed beside it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from curbside.eval.answers import EvalItem, load_items, run, summarize
from curbside.records import Audience
from curbside.settings import load_settings
from curbside.store import Store

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "benchmarks" / "medlfqa" / "MedLFQA"
SETS = [
    ("K-QA golden", DATA / "kqa_golden_test_MedLFQA.jsonl", 1),
    ("LiveQA", DATA / "live_qa_test_MedLFQA.jsonl", 1),
    ("MedicationQA", DATA / "medication_qa_test_MedLFQA.jsonl", 1),
    ("HealthSearchQA (spread)", DATA / "healthsearch_qa_test.jsonl", 20),
]
COLUMNS = ["n", "answered_rate", "reading_grade", "grade_median", "grade_le_9", "must_have_coverage",
           "citation_support"]


def _items(path: Path, limit: int, every: int) -> list[EvalItem]:
    items = load_items(path)[::every]
    return items[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--audience", action="append", choices=[a.value for a in Audience])
    args = parser.parse_args()
    audiences = [Audience(a) for a in (args.audience or ["patient", "clinician"])]
    settings = load_settings({"kb": args.kb})
    rows = []
    with Store.open(args.kb, readonly=True) as store:
        for audience in audiences:
            grades: list[float] = []
            for name, path, every in SETS:
                if not path.exists():
                    continue
                started = time.perf_counter()
                results = run(store, settings, _items(path, args.limit, every), audience=audience)
                summary = summarize(results)
                own = [g for r in results if (g := r.metrics.get("grade")) is not None]
                grades += own
                summary["grade_median"] = round(statistics.median(own), 2) if own else None
                summary["grade_le_9"] = round(sum(g <= 9 for g in own) / len(own), 3) if own else None
                rows.append((name, audience.value, summary))
                print(f"# {audience.value} · {name}: {time.perf_counter() - started:.0f}s", flush=True)
            overall = {"n": len(grades), "reading_grade": round(statistics.mean(grades), 2) if grades else None,
                       "grade_median": round(statistics.median(grades), 2) if grades else None,
                       "grade_le_9": round(sum(g <= 9 for g in grades) / len(grades), 3) if grades else None}
            rows.append(("all answered", audience.value, overall))
    print("\n| set | audience | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---:|" * len(COLUMNS))
    for name, audience_name, summary in rows:
        cells = ["—" if summary.get(c) is None else f"{summary[c]}" for c in COLUMNS]
        print(f"| {name} | {audience_name} | " + " | ".join(cells) + " |")
    print("\n" + json.dumps([{"set": n, "audience": a, **{c: s.get(c) for c in COLUMNS}} for n, a, s in rows]))


if __name__ == "__main__":
    main()
