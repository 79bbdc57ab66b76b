"""curbside ingest PATH… — parse, chunk and store documents."""

from __future__ import annotations

import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from curbside.cli.common import kb_option, open_store, settings_from
from curbside.ingest import ingest_paths

FORMAT_CHOICES = ["auto", "pubmed", "pmc", "beir", "pubmedqa", "bioasq", "medquad", "ngc", "uspstf",
                  "markdown", "html", "text", "pdf"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="auto", show_default=True,
              help="Input format; auto detects it from each file's name and content.")
@click.option("--embed/--no-embed", default=False, show_default=True,
              help="Also compute dense vectors now (slow; `curbside embed` can catch up later).")
@kb_option
def ingest(paths: tuple[Path, ...], fmt: str, embed: bool, kb: Path | None) -> None:
    """Add files or folders to the knowledge base.

    Re-ingesting the same files adds nothing; a changed document is refreshed in place.
    Each file is stored whole or not at all, so an interrupted run leaves the knowledge base
    consistent and a re-run completes it. Lexical search works as soon as this finishes.

    \b
    Examples:
      curbside ingest ../shared/data/corpora/pubmedqa/abstracts.jsonl
      curbside ingest pubmed24n0001.xml.gz guidelines/ notes.md
      curbside ingest --format beir ../shared/data/benchmarks/scifact-train/corpus.jsonl
    """
    settings = settings_from(kb=kb)
    console = Console(stderr=True)
    started = time.perf_counter()
    with open_store(settings) as store:
        from curbside.sources import expand_paths

        files = expand_paths(list(paths))
        columns = [TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                   TextColumn("{task.fields[docs]:,} docs · {task.fields[rate]:,.0f}/s"), TimeElapsedColumn()]
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("ingest", total=len(files), docs=0, rate=0.0)
            docs = 0

            def progress(event: str, n: int) -> None:
                nonlocal docs
                if event == "document":
                    docs += n
                    if docs % 200 == 0:
                        rate = docs / max(time.perf_counter() - started, 1e-6)
                        bar.update(task, docs=docs, rate=rate)
                elif event == "file":
                    bar.update(task, advance=n, docs=docs)

            report = ingest_paths(store, files, fmt=fmt, chunk_words=settings.chunk_words, progress=progress)
        elapsed = time.perf_counter() - started
        for error in report.errors:
            console.print(f"[red]error:[/red] {error}", highlight=False, markup=True)
        console.print(
            f"{report.files} file(s): {report.added:,} added, {report.updated:,} updated, "
            f"{report.unchanged:,} unchanged, {report.passages:,} passages in {elapsed:.1f}s "
            f"({report.documents / max(elapsed, 1e-6):,.0f} docs/s) → {settings.kb}",
            highlight=False,
        )
        if report.added or report.updated:
            from curbside.cli.search_index import ensure_search_index

            ensure_search_index(store, settings, console)
        if embed:
            from curbside.cli.embed import run_embedding

            run_embedding(store, settings, console)
    if report.errors:
        raise SystemExit(1)
