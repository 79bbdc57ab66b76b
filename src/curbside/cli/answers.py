"""curbside answers list|show|review|history — stored answers and their editorial review."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from curbside.cli.common import kb_option, open_store, settings_from
from curbside.records import Answer, ReviewStatus
from curbside.review import allowed_next, history, parse_status, transition
from curbside.store.answers import answer_to_dict

STATUS_CHOICES = [s.value for s in ReviewStatus]


def _summary(a: Answer) -> dict[str, object]:
    return {"id": a.id, "question": a.question, "audience": a.audience.value, "status": a.status.value,
            "created_at": a.created_at, "updated_at": a.updated_at or a.created_at}


@click.group()
def answers() -> None:
    """List, show and review stored answers.

    \b
    Review moves: submitted → under_review → approved | changes_requested;
    changes_requested → submitted (resubmitted); approved → under_review (reopened).
    """


@answers.command("list")
@click.option("--query", "-q", default="", help="Words in the question.")
@click.option("--status", type=click.Choice(STATUS_CHOICES), default=None, help="Only this review status.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@kb_option
def list_cmd(query: str, status: str | None, limit: int, offset: int, as_json: bool, kb: Path | None) -> None:
    """Stored answers, newest first."""
    settings = settings_from(kb=kb)
    with open_store(settings, readonly=True) as store:
        found: list[Answer] = store.list_answers(
            query=query or None, status=status, limit=limit, offset=offset)
    if as_json:
        click.echo(json.dumps({"answers": [_summary(a) for a in found]}, indent=2))
        return
    if not found:
        click.echo("No stored answers match.")
        return
    table = Table(show_edge=False)
    for col in ("id", "status", "audience", "updated", "question"):
        table.add_column(col)
    for a in found:
        table.add_row(escape(a.id), a.status.label, a.audience.value, (a.updated_at or a.created_at)[:10],
                      escape(a.question if len(a.question) <= 70 else a.question[:69] + "…"))
    Console().print(table)


@answers.command("show")
@click.argument("answer_id")
@click.option("--json", "as_json", is_flag=True, help="The answer JSON (as `curbside ask --json`).")
@click.option("--markdown", "as_markdown", is_flag=True, help="The answer as Markdown.")
@kb_option
def show_cmd(answer_id: str, as_json: bool, as_markdown: bool, kb: Path | None) -> None:
    """One stored answer, with its review history."""
    settings = settings_from(kb=kb)
    with open_store(settings, readonly=True) as store:
        answer: Answer = store.get_answer(answer_id)
        events = history(store, answer_id)
    from curbside.answer.render import to_markdown

    if as_json:
        data = answer_to_dict(answer)
        data["review_history"] = [{"from_status": e.from_status.value if e.from_status else None,
                                   "to_status": e.to_status.value, "actor": e.actor, "note": e.note, "at": e.at}
                                  for e in events]
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(to_markdown(answer))
    if as_markdown:
        return
    click.echo(f"\nReview status: {answer.status.label} (updated {answer.updated_at or answer.created_at})")
    for e in events:
        who = f" by {e.actor}" if e.actor else ""
        note = f" — {e.note}" if e.note else ""
        click.echo(f"  {e.at}  {e.from_status.label if e.from_status else '∅'} → {e.to_status.label}{who}{note}")


@answers.command("review")
@click.argument("answer_id")
@click.option("--to", "to", required=True, help="New status: under_review, approved, changes_requested, submitted.")
@click.option("--note", default="", help="Why (required for changes_requested).")
@click.option("--actor", default="", help="Who is reviewing (default: $USER).")
@click.option("--json", "as_json", is_flag=True, help="Print the recorded event as JSON.")
@kb_option
def review_cmd(answer_id: str, to: str, note: str, actor: str, as_json: bool, kb: Path | None) -> None:
    """Move an answer through editorial review (the move is recorded, never edited)."""
    import getpass

    status = parse_status(to)
    settings = settings_from(kb=kb)
    actor = actor or getpass.getuser()
    with open_store(settings) as store:
        event = transition(store, answer_id, status, actor, note)
        nxt = allowed_next(event.to_status)
    if as_json:
        click.echo(json.dumps({"answer_id": answer_id, "from_status": event.from_status.value if event.from_status
                               else None, "to_status": event.to_status.value, "actor": event.actor,
                               "note": event.note, "at": event.at}, indent=2))
        return
    from_label = event.from_status.label if event.from_status else "?"
    click.echo(f"{answer_id}: {from_label} → {event.to_status.label}. "
               f"Next: {', '.join(s.value for s in nxt)}.")


@answers.command("history")
@click.argument("answer_id")
@kb_option
def history_cmd(answer_id: str, kb: Path | None) -> None:
    """The review events of one answer, oldest first."""
    settings = settings_from(kb=kb)
    with open_store(settings, readonly=True) as store:
        events = history(store, answer_id)
        status = store.answer_status(answer_id)
    if not events:
        click.echo(f"{answer_id}: {status.label}; no review steps yet.")
    for e in events:
        who = f" by {e.actor}" if e.actor else ""
        note = f" — {e.note}" if e.note else ""
        click.echo(f"{e.at}  {e.from_status.label if e.from_status else '∅'} → {e.to_status.label}{who}{note}")
