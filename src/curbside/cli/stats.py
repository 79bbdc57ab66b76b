"""curbside stats — what the knowledge base holds."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from curbside.cli.common import kb_option, open_store, settings_from


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@kb_option
def stats(as_json: bool, kb: Path | None) -> None:
    """Show documents by kind and source, passages, and embedding coverage."""
    settings = settings_from(kb=kb)
    with open_store(settings, readonly=True) as store:
        data = {
            "kb": str(settings.kb),
            **store.counts(),
            "revision": store.revision,
            "by_kind": store.counts_by_kind(),
            "by_source": store.counts_by_source(),
            "vectors": store.vector_models(),
        }
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    console = Console()
    console.print(f"[bold]{data['kb']}[/bold]  {data['documents']:,} documents · {data['passages']:,} passages")
    for title, key in (("kind", "by_kind"), ("source", "by_source"), ("vectors (model)", "vectors")):
        table = Table(title=None, show_edge=False)
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, n in dict(data[key]).items():  # type: ignore[call-overload]
            table.add_row(str(name), f"{n:,}")
        console.print(table)
