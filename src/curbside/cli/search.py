"""curbside search QUERY — ranked passages with document metadata and scores."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from curbside.cli.common import kb_option, open_store, settings_from
from curbside.records import Hit, Kind
from curbside.retrieve import RETRIEVERS, Filters, make_retriever

KIND_CHOICES = [k.value for k in Kind]


def hit_json(rank: int, hit: Hit) -> dict[str, object]:
    d, p = hit.document, hit.passage
    return {
        "rank": rank, "score": round(hit.score, 6), "scores": {k: round(v, 6) for k, v in hit.scores.items()},
        "passage_id": p.id, "section": p.section, "text": p.text, "start": p.start, "end": p.end,
        "document": {"id": d.id, "kind": d.kind.value, "kind_label": d.kind.label, "title": d.title,
                     "issuer": d.issuer, "year": d.year, "url": d.url, "pmid": d.pmid, "doi": d.doi},
    }


@click.command()
@click.argument("query")
@click.option("-k", "k", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many passages.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KIND_CHOICES),
              help="Only these kinds of evidence (repeatable).")
@click.option("--since", type=click.IntRange(1800, 2100), default=None, help="Only documents from this year on.")
@click.option("--retriever", type=click.Choice(RETRIEVERS), default=None,
              help="Retriever (default from settings: hybrid).")
@click.option("--no-priors", is_flag=True, help="Rank by relevance only (no evidence-level/recency priors).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@kb_option
def search(query: str, k: int, kinds: tuple[str, ...], since: int | None, retriever: str | None,
           no_priors: bool, as_json: bool, kb: Path | None) -> None:
    """Search the knowledge base for passages.

    The query is plain words: quotes, hyphens and operators are treated as text.

    \b
    Examples:
      curbside search "first-line treatment of hypertension in adults"
      curbside search "statins breast cancer survival" -k 5 --kind systematic_review --since 2010
    """
    settings = settings_from(kb=kb, retriever=retriever, priors=False if no_priors else None)
    with open_store(settings, readonly=True) as store:
        from curbside.cli.search_index import ensure_search_index

        ensure_search_index(store, settings, Console(stderr=True), quiet=True)
        r = make_retriever(store, settings)
        hits = r.search(query, k, Filters(kinds=kinds, since=since))
    notes = [str(n) for n in getattr(r, "notes", ())]
    if as_json:
        click.echo(json.dumps({"query": query, "retriever": r.name, "notes": notes,
                               "hits": [hit_json(i, h) for i, h in enumerate(hits, 1)]}, indent=2))
        return
    console = Console()
    for note in notes:
        console.print(f"[dim]note: {escape(note)}[/dim]")
    if not hits:
        console.print("No passages matched. Try other words, or ingest more sources.")
        return
    for i, hit in enumerate(hits, 1):
        d = hit.document
        meta = " · ".join(str(x) for x in (d.kind.label, d.issuer, d.year) if x)
        console.print(f"[bold]{i}.[/bold] {escape(d.title or d.id)}  [dim]{escape(meta)} · {escape(d.id)}"
                      f" · score {hit.score:.3f}[/dim]")
        snippet = hit.passage.text if len(hit.passage.text) < 400 else hit.passage.text[:400] + "…"
        console.print(f"   [italic]{escape(hit.passage.section)}[/italic]: {escape(snippet)}\n")
