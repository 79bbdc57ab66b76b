"""curbside pull pubmed … — fetch PubMed articles into the knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from curbside.cli.common import kb_option, open_store, settings_from
from curbside.errors import QueryError
from curbside.literature.eutils import EutilsClient
from curbside.literature.pull import PullReport, pull_pmids, pull_query
from curbside.literature.query import build_query, raw_query


@click.group()
def pull() -> None:
    """Fetch literature into the knowledge base (PubMed via NCBI E-utilities)."""


@pull.command("pubmed")
@click.argument("words", nargs=-1, metavar="QUERY | PMID...")
@click.option("--pmid", "by_pmid", is_flag=True, help="The arguments are PubMed ids to fetch.")
@click.option("--max", "max_results", type=click.IntRange(1, 10000), default=20, show_default=True,
              help="At most this many articles.")
@click.option("--since", type=click.IntRange(1800, 2100), default=None,
              help="Only articles published from this year on.")
@click.option("--raw", is_flag=True, help="QUERY is PubMed syntax: send it as typed (no filters added).")
@click.option("--sort", type=click.Choice(["date", "relevance"]), default=None,
              help="Newest first (default for questions) or PubMed's Best Match (default for --raw).")
@click.option("--refresh", is_flag=True, help="Ignore the cache: fetch again and update stored articles in place.")
@click.option("--offline", is_flag=True, default=None,
              help="Make no network request: use only responses cached by earlier pulls.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@kb_option
def pubmed(words: tuple[str, ...], by_pmid: bool, max_results: int, since: int | None, raw: bool,
           sort: str | None, refresh: bool, offline: bool | None, as_json: bool, kb: Path | None) -> None:
    """Search PubMed and store the articles found, or fetch given PMIDs.

    A question is turned into a PubMed search: its key concepts (with synonyms) ANDed,
    favouring guidelines, systematic reviews, meta-analyses and randomised trials, English,
    humans, newest first — and relaxed step by step if that finds nothing. Articles land in the
    knowledge base like ingested files; a repeated pull is served from the cache.

    \b
    Examples:
      curbside pull pubmed "as-needed budesonide-formoterol in mild asthma" --max 30 --since 2015
      curbside pull pubmed --raw "asthma[mh] AND budesonide[tiab]"
      curbside pull pubmed --pmid 29768149 27797938
    Politeness: ≤3 requests/s (≤10 with NCBI_API_KEY); set CURBSIDE_NCBI_EMAIL to identify yourself.
    """
    if not words:
        raise click.UsageError("give a QUERY, or PubMed ids with --pmid")
    settings = settings_from(kb=kb, offline=True if offline else None)
    console = Console(stderr=True)
    text = " ".join(words)
    if not by_pmid:
        query = raw_query(text, since=since, sort=sort or "relevance") if raw else build_query(
            text, since=since, sort=sort or "date")
    elif since or raw:
        raise QueryError("--since and --raw apply to searches, not to --pmid")
    with open_store(settings) as store, EutilsClient.from_settings(settings, cache=store) as client:
        columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*columns, console=console, transient=True, disable=as_json or not console.is_terminal) as bar:
            tasks: dict[str, object] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

            if by_pmid:
                report = pull_pmids(store, client, words, refresh=refresh, chunk_words=settings.chunk_words,
                                    progress=progress)
            else:
                report = pull_query(store, client, query, max_results=max_results, refresh=refresh,
                                    chunk_words=settings.chunk_words, progress=progress)
    if as_json:
        click.echo(json.dumps(_report_json(report), indent=2))
    else:
        _print_report(console, report, settings.kb, by_pmid)
    if by_pmid and report.missing:
        raise SystemExit(1)


def _report_json(report: PullReport) -> dict[str, object]:
    return {
        "query": report.query, "count": report.count, "tried": report.tried, "requested": report.requested,
        "added": report.added, "updated": report.updated, "unchanged": report.unchanged,
        "passages": report.passages, "doc_ids": report.doc_ids, "missing": report.missing,
        "requests": report.requests, "from_cache": report.from_cache, "nothing_found": report.nothing_found,
    }


def _print_report(console: Console, report: PullReport, kb: Path, by_pmid: bool) -> None:
    if report.query:
        console.print(f"[dim]PubMed query: {escape(report.query)}[/dim]", highlight=False, soft_wrap=True)
    if report.nothing_found:
        console.print("PubMed found nothing for this search. Try fewer or broader words, drop --since, "
                      "or pass PubMed syntax with --raw.", highlight=False, soft_wrap=True)
        return
    source = "from the cache" if report.requests == 0 else f"{report.requests} request(s)"
    matched = "" if by_pmid else f"{report.count:,} match(es) in PubMed; "
    console.print(
        f"{matched}stored {report.documents} article(s): {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.passages} passages ({source}) → {kb}",
        highlight=False, soft_wrap=True,
    )
    if report.missing:
        missing = ", ".join(report.missing)
        console.print(f"[yellow]not returned by PubMed:[/yellow] {missing}", highlight=False, soft_wrap=True)
