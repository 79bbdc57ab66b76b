"""How often the bottom line comes from a passage a reviewer named as the answer.

Each held-out question set (clinical-check6 … check59) was read by a second reader against a key written
before any answer existed; for every answer that was not good, the reader named the knowledge-base passages
that should have led ("ngc:10951#29"), and for a good one, the passage it came from.
``questions/bottom-line-labels.jsonl`` keeps those passages per question (and the questions the key marks as
absent from the knowledge base, which should abstain). This script asks every labelled question again and
counts, per set:

* *answered* — not an abstention;
* *lead* — the bottom line cites one of the named passages (a lower bound on a right lead: another passage
  can say the same);
* *in answer* — a named passage is cited anywhere in the answer;
* *in evidence* — a named passage is among the passages the answer was composed from (retrieval's share of
  a miss: when it is not there, no sentence choice could have found it);
* *gap notice* — the answer says a part of the question is not covered by its sentences (``answer/gaps.py``);
* *absent, abstained* — of the questions the knowledge base cannot answer, how many still abstain.

Every set up to check19 was read and then used to find general errors (they are tuned on; check19 was read once on
commit 3272e0c, then tuned on in session 12). check20 was read once, blind, on 3272e0c and on b92879a (its labels
come from the b92879a read); two changes followed. check21 was read once, blind, on e1e443b (session 12's final) and
on ac17f79 (session 13; the two differ in one bottom line); its labels come from that read, and session 13
tuned on it afterwards. check22 was read once, blind, on e1e443b and 717b4f3 (session 13's final code but for one
change, which moves one of its bottom lines); its labels come from that read. check23 was read once, blind, on session
13's final code (5d113e9; session 14), and session 14 tuned on it afterwards; its labels come from that read. check24
was read once, blind, on 5d113e9 and on b795401 (session 14's final code but for one change, made after the read, which
moves one of its bottom lines); its labels come from the b795401 read, and session 15 tuned on it. check25 was read
once, blind, on 25d5fb1 (session 14's final) and a4b79a6 (session 15), which the reader graded alike on every
question; its labels come from that read, and session 16 tuned on it. check26 was read once, on 2dafe92, whose
bottom lines on it are those of c5b99de (session 15's final); its labels come from that read, and session 16 tuned on
it. check27 was read once, on 2a09229 (session 16), whose bottom lines and verdicts on it are those of c5b99de; its
labels come from that read, and two verdict rules followed; session 17 tuned on it. check28 was read once, on 461eea5
(session 17), whose bottom lines on it are those of 02f6c8f (session 16's final); its labels come from that read.
check29 was read once, blind, on 155f30a (session 18); its labels come from that read, and three rules followed (an
insufficient-evidence statement is no verdict, autism is autism spectrum disorder, a choice is not a yes/no question).
check30 was read once, blind, on f581683 (session 19, after its case rules); its labels come from that read, and
session 19 tuned on it. check31 was read once, blind, on 30fa31e (session 20, after its first three rules); its labels
come from that read, and session 20 tuned on it. check32 was read once, blind, on e782483 (session 20, after the
rules check31's read led to); its labels come from that read, and session 20 tuned on it. check33 was read once,
blind, on 54014d9 (session 20's final code); its labels come from that read, and session 21 tuned on it. check34 was
read once, blind, on 4f5458d (session 21, after the rules check33's read led to); its labels come from that read, and
session 21 tuned on it. check35 was read once, blind, on 3e46237 (session 21); its labels come from that read, and
session 21 tuned on it. check36 was read once, blind, on dfe5707, whose answers on it are those of 1f4e71d; its
labels come from that read, and one rule followed it (session 21's last: "inconclusive" of a test is no verdict),
which turns one of its verdicts. check37 was read once, blind, on ac9cae8 (session 22: closeness in meaning, before
its vote and fallback rules); its labels come from that read, and session 23 tuned on it. check38 was read once, blind,
on 358f5f1 (session 23: closeness for cases); its labels come from that read, and session 23 tuned on it. check39 was
read once, blind, on 51392e6 (session 23's final answers); its labels come from that read, and session 24 tuned on
it. check40 was read once, blind, on session 24's code before its last three changes (which move two of its
bottom lines); its labels come from that read. check41 was read once, blind, on 38afce6 (session 24's final); its
labels come from that read, and session 25 tuned on it. check42 was read once, blind, on 7db34ae (session 25, after
the rules check41's read led to); its labels come from that read, and four rules followed it. check43 was read once,
blind, on 1071d20 (session 25's final); its labels come from that read, and session 26 tuned on it. check44 was read
once, blind, on 30ffa9e (session 26, after the rules check43's read led to); its labels come from that read, and five
rules followed it. check45 was read once, blind, on c5f94f5 (session 27, after its signs-table and screening-verdict
rules); its labels come from that read, and session 27 tuned on it. check46 was read once, blind, on 4f94242 (session
27, after the rules check45's read led to); its labels come from that read, and four rules on its verdicts
followed; session 28 tuned on it. check47 was read once, blind, on session 28's first changes (c1, between 3d331e9 and
6d40ca8); its labels come from that read, and session 28 tuned on it. check48 was read once, blind, on 1513b80
(session 28); its labels come from that read, and session 28 tuned on it. check49 was read once, blind, on 9a73797
(session 28); its labels come from that read, and three rules followed. check50 was read once, blind, on session
29's first changes (c3, between 1100fff and 275f1e5); its labels come from that read, and session 29 tuned on it.
check51 was read once, blind, on session 30's first changes (c1, between 097393f and ee1d6bc); its labels come from
that read, and session 30 tuned on it. check52 was read once, blind, on 2bf494a (session 30's final code); its labels
come from that read, and session 31 tuned on it. check53 was read once, blind, on 468d864 (session 31's final code);
its labels come from that read, and three rules followed ("meds"; the drug its question calls "it"; screening read in
its own part). check54 was read once, blind, on 5072798 (session 32, after its first rules); its labels come from that
read, and session 32 tuned on it afterwards. check55 was read once, blind, on session 33's first changes (c6, between
4d0e0f2 and 83fc480); its labels come from that read, and one rule followed (a deciding caution does not lead alone).
check56 was read once, blind, on 2ec840d (session 33's final code); its labels come from that read, and session 34
tuned on it. check57 was read once, blind, on session 34's c8 (between 7eb76de and 4385cf9); its labels come from that
read, and two rules followed (slapped cheek; a drug the knowledge base lacks keeps the named page out). check58 was
read once, blind, on 70d35c9 (session 34's final code); its labels come from that read, and session 35 tuned on it.
check59 was read once, blind, on 0ddb2c3 (session 35's first commit); its labels come from that read, and six rules
followed (a conclusion that casts doubt reads no; what a case "does not have"; "Buerger disease"; a health page's
treatment sentence leads; an abstract's conclusions; lay contractions as chatter).
Write and read a new set before judging a change by its first read.

    python benchmarks/bottom_lines.py --kb KB [--labels benchmarks/questions/bottom-line-labels.jsonl]

KB: a knowledge base built from all of ../shared/data/corpora (scripts/quickstart.sh).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from curbside.answer import ask
from curbside.answer.evidence import gather
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.records import Answer, Audience
from curbside.retrieve import make_retriever
from curbside.settings import load_settings
from curbside.store import Store

LABELS = Path(__file__).parent / "questions" / "bottom-line-labels.jsonl"
COLUMNS = ("set", "labelled", "answered", "lead", "in answer", "in evidence", "gap notice", "absent, abstained")


def _cited(answer: Answer) -> set[str]:
    bullets = [answer.bottom_line, *(b for s in answer.sections for b in s.bullets), *answer.pitfalls,
               *answer.escalation]
    return {p for b in bullets for p in b.passage_ids}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--json", type=Path, help="also write one row per question to this file")
    args = parser.parse_args()
    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    settings = load_settings({"kb": args.kb, "offline": True})
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLUMNS[1:], 0))
    rows = []
    with Store.open(args.kb, readonly=True) as store:
        stats = TermStats(store)
        retriever = make_retriever(store, settings)
        for label in track(labels, description="asking"):
            question, named = label["question"], set(label["answer_passages"])
            # (the sets were read as the clinician answers)
            answer = ask(store, settings, question, audience=Audience.CLINICIAN, save=False, live=False)
            row = counts[label["set"]]
            if not named:  # the key says the knowledge base cannot answer it
                row["absent, abstained"] += answer.insufficient
                rows.append({**label, "abstained": answer.insufficient, "bottom_line": answer.bottom_line.text,
                             "verdict": answer.verdict.value if answer.verdict else None})
                continue
            evidence = gather(retriever, analyse(question), Audience.CLINICIAN, k=settings.k, stats=stats)
            found = {
                "answered": not answer.insufficient,
                "lead": bool(set(answer.bottom_line.passage_ids) & named),
                "in answer": bool(_cited(answer) & named),
                "in evidence": bool({h.passage.id for h in evidence.hits} & named),
                "gap notice": any(notice.kind == "gaps" for notice in answer.safety),
            }
            row["labelled"] += 1
            for column, value in found.items():
                row[column] += value
            rows.append({**label, **found, "bottom_line": answer.bottom_line.text,
                         "verdict": answer.verdict.value if answer.verdict else None,
                         "bottom_line_passages": list(answer.bottom_line.passage_ids),
                         "cited": sorted(_cited(answer))})
    absent: dict[str, int] = defaultdict(int)
    for label in labels:
        absent[label["set"]] += not label["answer_passages"]
    table = Table(title=f"{len(labels)} labelled questions: bottom lines from a passage a reviewer named")
    for column in COLUMNS:
        table.add_column(column, justify="left" if column == "set" else "right")
    totals = dict.fromkeys(COLUMNS[1:], 0)
    for name in sorted(counts, key=lambda s: int(s.removeprefix("check"))):
        row = counts[name]
        for column in totals:
            totals[column] += row[column]
        table.add_row(name, *(str(row[c]) if c != "absent, abstained" else f"{row[c]}/{absent[name]}"
                              for c in COLUMNS[1:]))
    table.add_row("all", *(str(totals[c]) if c != "absent, abstained" else f"{totals[c]}/{sum(absent.values())}"
                           for c in COLUMNS[1:]))
    Console(width=120).print(table)
    if args.json:
        args.json.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
