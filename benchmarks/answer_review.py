"""Structural review of answers to a spread of clinical questions, and the answers themselves for
a human to read. No gold answers exist for these questions, so the table does not score
correctness: it counts what a reader would notice at a glance — a bottom line whose main clause
is not about what was asked, a bottom line that does not name the disease asked about, quoted
fragments (list items or titles without a verb, sentences cut at the start or left open at the end,
ones that lean on a sentence that is not quoted), answers built on one source, and the latency.
Correctness is judged by reading the answers (written to --out) against their citations; the
last review is summarised in docs/answers.md ("A spread of clinical questions").

    python benchmarks/answer_review.py --kb KB [--questions benchmarks/questions/clinical.txt]
        [--audience clinician] [--out answers.md]

Question files: clinical.txt (40, tuned on), clinical-check1.txt (20), clinical-check2.txt (20),
clinical-check3.txt … clinical-check20.txt (24 each, written with an answer key and first read by a
second reader; check4 to check20 were held out until that read). All have been used to find
general errors since (check20 for two changes only): write a fresh file before judging a change by it.
``bottom_lines.py`` scores the
bottom lines against the passages those readers named.

KB: a knowledge base built from all of ../shared/data/corpora (scripts/quickstart.sh).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from curbside.answer import ask
from curbside.answer.clauses import is_clause
from curbside.answer.generators.extractive.cues import DANGLING, OPEN_END, RELATIVE_START
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.render import to_markdown
from curbside.answer.themes import ASKS_ESCALATION, ESCALATION, main_clause_themes, primary_theme
from curbside.records import Answer, Audience
from curbside.settings import load_settings
from curbside.store import Store

QUESTIONS = Path(__file__).resolve().parent / "questions" / "clinical.txt"


def _asked(question: str) -> set[str]:
    return main_clause_themes(analyse(question).intents)



def _fragment(text: str) -> bool:
    """Not a sentence a reader can take on its own: no verb, cut at the start ("which …", a lower-case
    opening), left open at the end ("… should be offered to"), or leaning on one not quoted ("These …")."""
    text = text.strip()
    return (not is_clause(text) or text[:1].islower() or bool(RELATIVE_START.match(text))
            or bool(OPEN_END.search(text.rstrip(". "))) or bool(DANGLING.match(text)))

def review(answer: Answer) -> dict[str, object]:
    """What a reader notices at a glance (None where it does not apply)."""
    if answer.insufficient:
        return {"answered": False}
    bottom = answer.bottom_line.text
    asked = _asked(answer.question)
    scope = Scope.of(answer.question)
    bullets = [answer.bottom_line, *(b for s in answer.sections for b in s.bullets), *answer.pitfalls,
               *answer.escalation]
    on_intent: bool | None = None
    if ASKS_ESCALATION.search(answer.question):
        on_intent = bool(ESCALATION.search(bottom))
    elif asked and answer.verdict is None:
        on_intent = primary_theme(bottom) in asked
    return {
        "answered": True,
        "on_intent": on_intent,
        "names_topic": scope.names_topic(bottom) if scope.topics else None,
        "fragments": sum(_fragment(b.text) for b in bullets),
        "bullets": len(bullets),
        "references": len(answer.references),
        "kinds": "".join(sorted({r.kind.value[0].upper() for r in answer.references})),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--audience", choices=[a.value for a in Audience], default="clinician")
    parser.add_argument("--out", type=Path, help="also write every answer as Markdown to this file")
    args = parser.parse_args()
    questions = [q.strip() for q in args.questions.read_text(encoding="utf-8").splitlines() if q.strip()]
    settings = load_settings({"kb": args.kb, "offline": True})
    table = Table(title=f"{len(questions)} questions, {args.audience}")
    for column in ("question", "on intent", "names topic", "fragments", "bullets", "refs", "kinds", "s"):
        table.add_column(column, justify="left" if column == "question" else "right")
    rows: list[dict[str, object]] = []
    latencies: list[float] = []
    markdown: list[str] = []
    with Store.open(args.kb, readonly=True) as store:
        for question in questions:
            started = time.perf_counter()
            answer = ask(store, settings, question, audience=Audience(args.audience), save=False, live=False)
            latencies.append(time.perf_counter() - started)
            row = review(answer)
            rows.append(row)
            markdown.append(to_markdown(answer))

            def show(value: object) -> str:
                return "–" if value is None else ("yes" if value is True else "no" if value is False else str(value))

            if row["answered"]:
                table.add_row(question[:60], show(row["on_intent"]), show(row["names_topic"]), show(row["fragments"]),
                              show(row["bullets"]), show(row["references"]), show(row["kinds"]),
                              f"{latencies[-1]:.2f}")
            else:
                table.add_row(question[:60], "abstained", "", "", "", "", "", f"{latencies[-1]:.2f}")
    console = Console(width=140)
    console.print(table)
    answered = [r for r in rows if r["answered"]]
    judged = [r["on_intent"] for r in answered if r["on_intent"] is not None]
    named = [r["names_topic"] for r in answered if r["names_topic"] is not None]
    console.print(
        f"answered {len(answered)}/{len(rows)} · bottom line on intent {sum(map(bool, judged))}/{len(judged)} · "
        f"names the disease {sum(map(bool, named))}/{len(named)} · quoted fragments "
        f"{sum(int(str(r['fragments'])) for r in answered)} of {sum(int(str(r['bullets'])) for r in answered)} "
        f"bullets · one-source answers {sum(1 for r in answered if r['references'] == 1)} · latency p50 "
        f"{statistics.median(latencies):.2f} s, max {max(latencies):.2f} s"
    )
    if args.out:
        args.out.write_text("\n\n".join(markdown), encoding="utf-8")
        console.print(f"answers written to {args.out}")


if __name__ == "__main__":
    main()
