"""curbside embed — compute dense vectors for passages that lack them (resumable)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from curbside.cli.common import kb_option, open_store, settings_from
from curbside.embed import embedder_names
from curbside.embedding_job import EmbedReport, embed_missing
from curbside.settings import Settings
from curbside.store import Store


def run_embedding(store: Store, settings: Settings, console: Console, *, batch: int = 64,
                  limit: int | None = None) -> EmbedReport:
    """Embed what is missing for ``settings.embedder`` with a progress bar (rate and ETA).

    Ctrl-C stops after the batch in flight is stored or rolled back; the report says how many
    passages were done, and running again continues."""
    from curbside.embed import get_embedder

    embedder = get_embedder(settings.embedder)
    missing = store.count_missing_vectors(embedder.name)
    total = missing if limit is None else min(limit, missing)
    if total == 0:
        console.print(f"embed: every passage already has a {embedder.name} vector.", highlight=False)
        return EmbedReport(model=embedder.name)
    columns = [TextColumn(f"[bold]embed[/bold] {embedder.name}"), BarColumn(), MofNCompleteColumn(),
               TaskProgressColumn(), TextColumn("{task.fields[rate]:,.0f} passages/s"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    report: EmbedReport | None = None
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("embed", total=total, rate=0.0)

        def progress(n: int) -> None:
            bar.advance(task, n)
            t = bar.tasks[task]
            bar.update(task, rate=(t.completed / t.elapsed) if t.elapsed else 0.0)

        try:
            report = embed_missing(store, embedder, batch=batch, limit=limit, progress=progress)
        except KeyboardInterrupt:
            done = int(bar.tasks[task].completed)
            bar.stop()
            console.print(f"embed: interrupted after {done:,} passages; run `curbside embed` again to continue.",
                          highlight=False)
            raise
    console.print(
        f"embed: {report.embedded:,} passages with {embedder.name} in {report.seconds:.1f}s "
        f"({report.rate:,.0f}/s); {report.remaining:,} still without vectors.",
        highlight=False,
    )
    return report


@click.command()
@click.option("--model", type=click.Choice(embedder_names()), default=None,
              help="Embedding model (default from settings: minilm).")
@click.option("--batch", type=click.IntRange(1, 4096), default=64, show_default=True,
              help="Passages per batch (each batch is stored in its own transaction).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Embed at most this many passages now.")
@kb_option
def embed(model: str | None, batch: int, limit: int | None, kb: Path | None) -> None:
    """Compute dense vectors for passages that lack them.

    Lexical search works without vectors; hybrid search uses them as soon as they exist.
    Safe to interrupt (Ctrl-C): finished batches are kept and a re-run continues.

    Models: minilm (best ranking, but ~10-17 passages/s on 2 cores: hours for the 126k passages
    of the shared corpora) or static (WordLlama, ~1,300 passages/s: ~95 s for them; hybrid
    nDCG@10 0.716 vs lexical 0.700 on SciFact, see docs/benchmarks.md). Search uses the configured
    model's vectors, else whichever model's vectors the knowledge base has.

    \b
    Examples:
      curbside embed
      curbside embed --model static
      curbside embed --limit 10000 --batch 128
    """
    settings = settings_from(kb=kb, embedder=model)
    console = Console(stderr=True)
    with open_store(settings) as store:
        try:
            run_embedding(store, settings, console, batch=batch, limit=limit)
        except KeyboardInterrupt:
            sys.exit(130)
