"""Rich terminal rendering: safety first, then verdict, bottom line, sections, references."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from curbside.answer.render.common import (
    VERDICT_EXPLAINED,
    VERDICT_LABELS,
    cite,
    escalation_title,
    footer,
    pitfalls_title,
    reference_link,
    reference_meta,
    safety_label,
)
from curbside.records import Answer, Bullet, Verdict

_VERDICT_STYLE = {Verdict.YES: "bold green", Verdict.NO: "bold red", Verdict.UNCERTAIN: "bold yellow"}


def _bullet(console: Console, b: Bullet) -> None:
    mark = cite(b)
    console.print(f"  • {escape(b.text)}" + (f" [cyan]{escape(mark)}[/cyan]" if mark else ""), highlight=False)


def to_terminal(answer: Answer, console: Console) -> None:
    a = answer
    console.print(f"[bold]{escape(a.question)}[/bold]", highlight=False)
    for notice in a.safety:
        style = "yellow" if notice.kind in ("dosing", "gaps") else "bold red"
        console.print(Panel(escape(notice.message), title=escape(safety_label(notice.kind)), border_style=style,
                            title_align="left"), highlight=False)
    if a.verdict is not None:
        console.print(f"[{_VERDICT_STYLE[a.verdict]}]Verdict: {VERDICT_LABELS[a.verdict]}[/] "
                      f"[dim]— {VERDICT_EXPLAINED[a.verdict]}[/dim]", highlight=False)
    mark = cite(a.bottom_line)
    console.print(Panel(escape(a.bottom_line.text) + (f" [cyan]{escape(mark)}[/cyan]" if mark else ""),
                        title="Bottom line", title_align="left",
                        border_style="yellow" if a.insufficient else "green"), highlight=False)
    parts = [(s.title, s.bullets) for s in a.sections]
    if a.pitfalls:
        parts.append((pitfalls_title(a), a.pitfalls))
    if a.escalation:
        parts.append((escalation_title(a), a.escalation))
    for title, bullets in parts:
        console.print(f"\n[bold underline]{escape(title)}[/]", highlight=False)
        for b in bullets:
            _bullet(console, b)
    if a.references:
        console.print("\n[bold underline]References[/]")
        for ref in a.references:
            link = reference_link(ref)
            console.print(f"  [cyan]{ref.number}.[/cyan] [bold]{escape(reference_meta(ref))}[/bold] · "
                          f"{escape(ref.title)}" + (f" [dim]{escape(link)}[/dim]" if link else ""), highlight=False)
    if a.follow_ups:
        console.print("\n[bold]You could also ask:[/bold]")
        for q in a.follow_ups:
            console.print(f"  ? {escape(q)}", highlight=False)
    if a.notes:
        console.print(f"\n[dim]Notes: {escape('; '.join(a.notes))}[/dim]", highlight=False)
    console.print(f"\n[italic]{escape(a.disclaimer)}[/italic]", highlight=False)
    console.print(f"[dim]{escape(footer(a))}[/dim]", highlight=False)
