"""curbside eval retrieval DIR — nDCG@10, Recall@100 and MRR@10 on a BEIR folder."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from curbside.cli.common import settings_from
from curbside.retrieve import RETRIEVERS


@click.command("retrieval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--kb", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Knowledge base to build or reuse (default: a cache file for DIR in the user cache dir).")
@click.option("--retriever", "retrievers", multiple=True, type=click.Choice(RETRIEVERS),
              help="Retriever(s) to score (repeatable; default: all three).")
@click.option("--run-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TREC run file of the default retriever (others are written beside it). "
                   "Default: next to the KB.")
@click.option("--split", default="test", show_default=True, help="Qrels split: qrels/SPLIT.tsv.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N judged queries.")
@click.option("--no-priors", is_flag=True, help="Rank by relevance only (no evidence-level/recency priors).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (default retriever at top level).")
def eval_retrieval(directory: Path, kb: Path | None, retrievers: tuple[str, ...], run_file: Path | None,
                   split: str, limit: int | None, no_priors: bool, as_json: bool) -> None:
    """nDCG@10, Recall@100, MRR@10 on a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv).

    Builds the knowledge base (ingest, then embed for dense/hybrid) the first time and reuses it
    after; only queries with judgements are scored; passages are aggregated to documents by
    their best passage.

    \b
    Examples:
      curbside eval retrieval ../shared/data/benchmarks/scifact-train
      curbside eval retrieval ../shared/data/benchmarks/nfcorpus-dev --retriever lexical --json
    """
    from curbside.eval.beir import load_beir
    from curbside.eval.retrieval import default_eval_kb, evaluate_retrievers, prepare_kb, write_runs
    from curbside.store import Store

    beir = load_beir(directory, split)
    kb_path = kb or default_eval_kb(beir)
    settings = settings_from(kb=kb_path, priors=False if no_priors else None)
    names = list(dict.fromkeys(retrievers)) or list(RETRIEVERS)
    default = settings.retriever if settings.retriever in names else names[0]
    console = Console(stderr=True)
    n_queries = min(limit, len(beir.queries)) if limit else len(beir.queries)
    columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Store.open(kb_path) as store, Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, n: int) -> None:
            if stage not in tasks:
                total = None if stage in {"ingest", "embed"} else n_queries
                if stage == "embed":
                    total = store.count_missing_vectors(_model_name(settings.embedder)) + n
                tasks[stage] = bar.add_task(stage, total=total)
            bar.advance(tasks[stage], n)

        prepare_kb(store, beir, settings, embed=any(n != "lexical" for n in names), progress=progress)
        result = evaluate_retrievers(store, beir, settings, names, limit=limit, progress=progress)
        write_runs(result, run_file or kb_path.with_suffix(".run"), default)
    if as_json:
        click.echo(json.dumps(result.to_json(default)))
        return
    table = Table(title=f"{beir.name}: {result.queries} queries · KB {kb_path}")
    for col in ("retriever", "nDCG@10", "Recall@100", "MRR@10", "ms/query"):
        table.add_column(col, justify="left" if col == "retriever" else "right")
    for name, r in result.results.items():
        label = f"{name} (default)" if name == default else name
        table.add_row(label, f"{r.metrics['ndcg@10']:.4f}", f"{r.metrics['recall@100']:.4f}",
                      f"{r.metrics['mrr@10']:.4f}", f"{r.ms_per_query:.1f}")
    out = Console()
    out.print(table)
    for name, r in result.results.items():
        for note in r.notes:
            out.print(f"[yellow]{name}:[/yellow] {note}", highlight=False)
    for name, path in result.run_files.items():
        out.print(f"run file ({name}): {path}", highlight=False)


def _model_name(embedder: str) -> str:
    from curbside.retrieve.factory import embedder_for

    return str(embedder_for(embedder).name)  # type: ignore[attr-defined]
