"""Screening and preventive-medication questions the USPSTF has answered: is the verdict the task force's, and does
its statement lead?

For every screening or preventive-medication recommendation in the shared USPSTF export
(``corpora/uspstf/uspstf_enriched.json``; its title reads "Topic: Screening -- Population" or "Topic: Preventive
Medication -- Population"), this script asks the question the statement answers — "Should asymptomatic adults 50
years or older be screened for atrial fibrillation?", "Should adults 60 years or older be given aspirin to prevent
cardiovascular disease?" — and compares the answer with the
statement's grade: A or B is *yes*, D is *no*, I (insufficient evidence) is *uncertain*. Grade C ("selectively
offer") has no one-word verdict and is left out, as are titles shared by two statements and services that are
more than screening ("Screening and Preventive Interventions") or are counselling. Per grade it counts:

* *verdict right* — the printed verdict is the grade's;
* *statement leads* — the bottom line cites the statement's own document (``uspstf:N``);
* *statement cited* — the answer cites it anywhere;
* *answered* — not an abstention.

The questions are written from the titles by one template, so they are plainer than users' questions, and the
knowledge base holds the statements themselves: this measures whether a yes/no screening question finds and
reads the task force's statement, not how well lay wording is understood (the held-out sets do that).

    python benchmarks/uspstf_verdicts.py --kb KB [--json rows.jsonl]

KB: a knowledge base built from all of ../shared/data/corpora (scripts/quickstart.sh).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from curbside.answer import ask
from curbside.records import Answer, Audience, Verdict
from curbside.settings import load_settings
from curbside.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "uspstf" / "uspstf_enriched.json"
EXPECTED = {"A": Verdict.YES, "B": Verdict.YES, "D": Verdict.NO, "I": Verdict.UNCERTAIN}
COLUMNS = ("grade", "questions", "verdict right", "statement leads", "statement cited", "answered")
_TITLE = re.compile(r"^(?P<topic>.+?): (?P<service>(?:Serologic )?Screening(?: With (?P<means>[^-]+?))?) -- "
                    r"(?P<population>.+)$")
_MEDICATION = re.compile(r"^(?P<topic>.+?): Preventive Medication -- (?P<population>.+)$")
# the topic's own population, which the question's population says again ("Syphilis Infection in Nonpregnant
# Adolescents and Adults")
_TOPIC_POPULATION = re.compile(r" (?:in|during) (?:[A-Z][\w-]*(?: and | )?)+$")


def _plain(text: str) -> str:
    """Lower-case ordinary capitalised words; acronyms and "Rh(D)" keep their capitals."""
    return re.sub(r"\b([A-Z])([a-z]{2,})\b", lambda m: m.group(1).lower() + m.group(2), text)


def questions(corpus: Path) -> list[dict[str, str]]:
    records = json.loads(corpus.read_text(encoding="utf-8"))
    titles = Counter(r["title"] for r in records)
    out = []
    for r in records:
        if titles[r["title"]] > 1 or r.get("grade") not in EXPECTED:
            continue
        if m := _TITLE.match(r["title"]):
            topic = _plain(_TOPIC_POPULATION.sub("", m.group("topic")))
            means = f" with {_plain(m.group('means')).strip()}" if m.group("means") else ""
            question = f"Should {_plain(m.group('population')).rstrip('.')} be screened for {topic}{means}?"
        elif m := _MEDICATION.match(r["title"]):
            # ("Aspirin Use to Prevent Cardiovascular Disease" → "… be given aspirin to prevent cardiovascular disease")
            topic = _plain(_TOPIC_POPULATION.sub("", m.group("topic")).replace(" Use ", " "))
            question = f"Should {_plain(m.group('population')).rstrip('.')} be given {topic}?"
        else:
            continue
        out.append({"document": f"uspstf:{r['id'].removeprefix('USPSTF_')}", "grade": r["grade"],
                    "question": question})
    return out


def _cited(answer: Answer) -> set[str]:
    bullets = [answer.bottom_line, *(b for s in answer.sections for b in s.bullets), *answer.pitfalls,
               *answer.escalation]
    return {p.split("#")[0] for b in bullets for p in b.passage_ids}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the USPSTF export (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="also write one row per question to this file")
    args = parser.parse_args()
    settings = load_settings({"kb": args.kb, "offline": True})
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    with Store.open(args.kb, readonly=True) as store:
        for item in track(questions(args.corpus), description="asking"):
            answer = ask(store, settings, item["question"], audience=Audience.CLINICIAN, save=False, live=False)
            found = {
                "verdict right": answer.verdict is EXPECTED[item["grade"]],
                "statement leads": item["document"] in {p.split("#")[0] for p in answer.bottom_line.passage_ids},
                "statement cited": item["document"] in _cited(answer),
                "answered": not answer.insufficient,
            }
            for grade in (item["grade"], "all"):
                counts[grade]["questions"] += 1
                counts[grade].update({k: int(v) for k, v in found.items()})
            rows.append({**item, **found, "verdict": answer.verdict.value if answer.verdict else None,
                         "bottom_line": answer.bottom_line.text,
                         "bottom_line_passages": list(answer.bottom_line.passage_ids)})
    table = Table(title=f"{counts['all']['questions']} USPSTF statements asked as yes/no questions")
    for column in COLUMNS:
        table.add_column(column, justify="left" if column == "grade" else "right")
    for grade in (*sorted(g for g in counts if g != "all"), "all"):
        table.add_row(grade, *(str(counts[grade][c]) for c in COLUMNS[1:]))
    Console(width=120).print(table)
    if args.json:
        args.json.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
