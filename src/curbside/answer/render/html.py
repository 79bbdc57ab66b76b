"""An HTML fragment for embedding (the web app wraps it in a page). Everything is escaped;
only http(s) links become hrefs."""

from __future__ import annotations

from html import escape

from curbside.answer.render.common import (
    VERDICT_EXPLAINED,
    VERDICT_LABELS,
    escalation_title,
    footer,
    pitfalls_title,
    reference_link,
    reference_meta,
    safety_label,
)
from curbside.records import Answer, Bullet


def _cites(answer: Answer, b: Bullet) -> str:
    if not b.citations:
        return ""
    links = ", ".join(f'<a href="#ref-{escape(answer.id)}-{n}">{n}</a>' for n in b.citations)
    return f' <span class="cite">[{links}]</span>'


def _list(answer: Answer, bullets: tuple[Bullet, ...]) -> list[str]:
    return ["<ul>", *(f"<li>{escape(b.text)}{_cites(answer, b)}</li>" for b in bullets), "</ul>"]


def to_html_fragment(answer: Answer) -> str:
    a = answer
    out = [f'<article class="curbside-answer" id="answer-{escape(a.id)}" data-audience="{a.audience.value}">',
           f'<h2 class="question">{escape(a.question)}</h2>']
    for notice in a.safety:
        out.append(f'<aside class="safety safety-{escape(notice.kind)}" role="alert"><strong>'
                   f"{escape(safety_label(notice.kind))}:</strong> {escape(notice.message)}</aside>")
    if a.verdict is not None:
        out.append(f'<p class="verdict verdict-{a.verdict.value}"><strong>Verdict: '
                   f"{VERDICT_LABELS[a.verdict]}</strong> — {VERDICT_EXPLAINED[a.verdict]}.</p>")
    css = "bottom-line insufficient" if a.insufficient else "bottom-line"
    out.append(f'<p class="{css}"><strong>Bottom line:</strong> {escape(a.bottom_line.text)}'
               f"{_cites(a, a.bottom_line)}</p>")
    for section in a.sections:
        out += ['<section class="part">', f"<h3>{escape(section.title)}</h3>", *_list(a, section.bullets),
                "</section>"]
    if a.pitfalls:
        out += ['<section class="part pitfalls">', f"<h3>{escape(pitfalls_title(a))}</h3>",
                *_list(a, a.pitfalls), "</section>"]
    if a.escalation:
        out += ['<section class="part escalation">', f"<h3>{escape(escalation_title(a))}</h3>",
                *_list(a, a.escalation), "</section>"]
    if a.references:
        out += ['<section class="references">', "<h3>References</h3>", "<ol>"]
        for ref in a.references:
            url = reference_link(ref)
            title = escape(ref.title)
            linked = f'<a href="{escape(url)}" rel="noopener">{title}</a>' if url else title
            out.append(f'<li id="ref-{escape(a.id)}-{ref.number}" value="{ref.number}">'
                       f'<span class="kind kind-{ref.kind.value}">{escape(reference_meta(ref))}</span> · '
                       f"{linked}</li>")
        out += ["</ol>", "</section>"]
    if a.follow_ups:
        out += ['<section class="follow-ups">', "<h3>You could also ask</h3>", "<ul>",
                *(f"<li>{escape(q)}</li>" for q in a.follow_ups), "</ul>", "</section>"]
    if a.notes:
        out.append(f'<p class="notes">Notes: {escape("; ".join(a.notes))}</p>')
    out += [f'<p class="disclaimer">{escape(a.disclaimer)}</p>',
            f'<p class="provenance">{escape(footer(a))}</p>', "</article>"]
    return "\n".join(out) + "\n"
