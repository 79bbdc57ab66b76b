"""How plainly the knowledge base's own sources read: Flesch–Kincaid grade of every sentence
stored in the KB, per document kind and per issuer. An extractive answer quotes these sentences,
so their grade is the floor a patient answer can reach without rewording them (the patient target
is about US grade 8; `benchmarks/readability.py` measures the answers themselves).

    python benchmarks/source_readability.py --kb KB [--kind consumer_health --kind guideline] [--top 10]

Sentences are the ones `curbside.sentences` finds in each passage, kept when they have six words
or more and end in ".", "?" or "!" (list items and headings are not what answers quote as
sentences). KB: a knowledge base built from all of ../shared/data/corpora (scripts/quickstart.sh).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from curbside.answer.readability import fk_grade
from curbside.sentences import sentences

_MIN_WORDS = 6


def grades_by_issuer(db: sqlite3.Connection, kind: str) -> dict[str, list[float]]:
    rows = db.execute(
        "SELECT d.issuer, p.text FROM passages p JOIN documents d ON d.id = p.doc_id WHERE d.kind = ?",
        (kind,),
    ).fetchall()
    out: dict[str, list[float]] = defaultdict(list)
    for issuer, text in track(rows, description=f"{kind:>16}", transient=True):
        for sentence in sentences(text):
            if len(sentence.split()) >= _MIN_WORDS and sentence.rstrip().endswith((".", "?", "!")):
                out[issuer or "(no issuer)"].append(fk_grade(sentence))
    return out


def _row(table: Table, name: str, grades: list[float]) -> None:
    table.add_row(name, str(len(grades)), f"{statistics.mean(grades):.2f}", f"{statistics.median(grades):.2f}",
                  f"{sum(g <= 8 for g in grades) / len(grades):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True, help="knowledge base (SQLite file)")
    parser.add_argument("--kind", action="append", help="document kind (default: consumer_health, guideline)")
    parser.add_argument("--top", type=int, default=8, help="issuers shown per kind, by sentence count")
    args = parser.parse_args()
    if not args.kb.exists():
        parser.error(f"no knowledge base at {args.kb}")
    db = sqlite3.connect(f"file:{args.kb}?mode=ro", uri=True)
    table = Table(title="Flesch–Kincaid grade of the KB's sentences")
    for column in ("kind / issuer", "sentences", "grade mean", "median", "share ≤ 8"):
        table.add_column(column, justify="left" if column == "kind / issuer" else "right")
    for kind in args.kind or ["consumer_health", "guideline"]:
        by_issuer = grades_by_issuer(db, kind)
        every = [g for grades in by_issuer.values() for g in grades]
        if not every:
            table.add_row(kind, "0", "—", "—", "—")
            continue
        _row(table, f"[bold]{kind}[/bold]", every)
        for issuer, grades in sorted(by_issuer.items(), key=lambda kv: -len(kv[1]))[: args.top]:
            _row(table, f"  {issuer}", grades)
    Console().print(table)


if __name__ == "__main__":
    main()
