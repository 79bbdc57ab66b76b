"""Markdown rendering of an answer (for files, chat tools and the docs)."""

from __future__ import annotations

import re

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
from curbside.records import Answer, Bullet

_SPECIAL = re.compile(r"([\\`*_<>|]|^#|\](?=\())")


def _md(text: str) -> str:
    """Escape Markdown syntax in source text (evidence is data, not markup)."""
    return _SPECIAL.sub(r"\\\1", text)


def _bullet(b: Bullet) -> str:
    mark = cite(b)
    return f"- {_md(b.text)}" + (f" {mark}" if mark else "")


def to_markdown(answer: Answer) -> str:
    out: list[str] = [f"# {_md(answer.question)}", ""]
    for notice in answer.safety:
        out += [f"> **{safety_label(notice.kind)}:** {_md(notice.message)}", ""]
    if answer.verdict is not None:
        out += [f"**Verdict: {VERDICT_LABELS[answer.verdict]}** — {VERDICT_EXPLAINED[answer.verdict]}.", ""]
    mark = cite(answer.bottom_line)
    out += [f"**Bottom line:** {_md(answer.bottom_line.text)}" + (f" {mark}" if mark else ""), ""]
    for section in answer.sections:
        out += [f"## {_md(section.title)}", *(_bullet(b) for b in section.bullets), ""]
    if answer.pitfalls:
        out += [f"## {pitfalls_title(answer)}", *(_bullet(b) for b in answer.pitfalls), ""]
    if answer.escalation:
        out += [f"## {escalation_title(answer)}", *(_bullet(b) for b in answer.escalation), ""]
    if answer.references:
        out += ["## References"]
        for ref in answer.references:
            link = reference_link(ref)
            line = f"{ref.number}. {_md(reference_meta(ref))} · *{_md(ref.title)}*"
            if link:
                line += f" · <{link}>"
            out.append(line)
        out.append("")
    if answer.follow_ups:
        out += ["**You could also ask:**", *(f"- {_md(q)}" for q in answer.follow_ups), ""]
    if answer.notes:
        out += ["**Notes:** " + "; ".join(_md(n) for n in answer.notes), ""]
    out += ["---", f"*{_md(answer.disclaimer)}*", "", f"<sub>{_md(footer(answer))}</sub>", ""]
    return "\n".join(out)
