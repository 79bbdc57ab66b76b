"""curbside eval answers FILE — verdicts, citations, ROUGE-L, must-have coverage, latency.

Citation recall and precision are judged by the same support judge that verified the answers
(``judge_for``: the LLM generator's own, else ``support_judge`` from settings)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from curbside.cli.common import kb_option, open_store, settings_from
from curbside.records import Audience


@click.command("answers")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@kb_option
@click.option("--generator", default=None, metavar="NAME", help="Answer generator (default from settings).")
@click.option("--audience", type=click.Choice([a.value for a in Audience]), default=Audience.CLINICIAN.value,
              show_default=True, help="Audience the answers are written for.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N questions.")
@click.option("-k", "k", type=click.IntRange(1, 50), default=None, help="Evidence passages per answer.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--details", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write one JSON line per question (answer and scores) to this file.")
def eval_answers(file: Path, kb: Path | None, generator: str | None, audience: str, limit: int | None,
                 k: int | None, as_json: bool, details: Path | None) -> None:
    """Score answers to the questions in FILE (PubMedQA, BioASQ or MedLFQA JSON lines).

    Nothing is stored. Metrics are null where the file's gold does not allow them: verdict
    accuracy needs yes/no gold, gold-cited needs gold PMIDs, must-have coverage needs
    Must_have statements.

    \b
    Examples:
      curbside eval answers ../shared/data/benchmarks/pubmedqa-train/questions.jsonl --limit 100
      curbside eval answers ../shared/data/benchmarks/medlfqa/MedLFQA/live_qa_test_MedLFQA.jsonl \\
          --audience patient --json
    """
    from curbside.answer import get_generator
    from curbside.answer.support import judge_for
    from curbside.eval.answers import load_items, run, summarize
    from curbside.store.answers import answer_to_dict

    settings = settings_from(kb=kb, generator=generator, k=k)
    items = load_items(file, limit)
    console = Console(stderr=True)
    with open_store(settings, readonly=True) as store:
        gen = get_generator(settings.generator, settings, store=store)
        judge = judge_for(gen, settings.support_judge)  # verifies the answers and scores their citations
        columns = [TextColumn("[bold]eval answers"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*columns, console=console, transient=True, disable=as_json) as bar:
            task = bar.add_task("eval", total=len(items))
            results = run(store, settings, items, audience=Audience(audience), generator=gen, judge=judge,
                          progress=lambda _r: bar.advance(task))
    summary = {"file": str(file), "generator": gen.name, "support_judge": judge.name, **summarize(results)}
    if details:
        with details.open("w", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps({"id": r.item.id, "question": r.item.question, "latency_s": round(r.latency_s, 3),
                                     "metrics": r.metrics, "error": r.error,
                                     "answer": answer_to_dict(r.answer) if r.answer else None}) + "\n")
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    table = Table(title=f"{file.name} · {summary['n']} questions · {gen.name} · citations judged "
                        f"{judge.name}", show_edge=False)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        if key not in {"file", "generator", "support_judge"}:
            table.add_row(key, "—" if value is None else f"{value}")
    Console().print(table)
