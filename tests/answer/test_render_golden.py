"""Golden renders of a fixed answer. Refresh deliberately: UPDATE_GOLDEN=1 pytest tests/answer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.console import Console

from curbside.answer.render import to_html_fragment, to_json, to_markdown, to_terminal
from curbside.records import Answer, Audience, Bullet
from tests.answer.sample import sample_answer

GOLDEN = Path(__file__).parent / "golden"


def _terminal(answer: Answer) -> str:
    console = Console(record=True, width=100, color_system=None, force_terminal=False)
    to_terminal(answer, console)
    return console.export_text()


RENDERERS = {"answer.md": to_markdown, "answer.html": to_html_fragment, "answer.json": to_json,
             "answer.txt": _terminal}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden(name: str) -> None:
    rendered = RENDERERS[name](sample_answer())
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_html_is_escaped_and_links_are_safe() -> None:
    html = to_html_fragment(sample_answer())
    assert "<injections>" not in html and "&lt;injections&gt; &amp; surgery" in html
    assert "javascript:" not in html


def test_markdown_escapes_markup_in_evidence() -> None:
    md = to_markdown(sample_answer(bottom_line=Bullet("Use *only* <b>this</b>.", (1,))))
    assert r"\*only\*" in md and r"\<b\>" in md


def test_safety_comes_first_and_disclaimer_last() -> None:
    for name, render in RENDERERS.items():
        if name == "answer.json":
            continue
        text = render(sample_answer())
        assert text.index("Doses are quoted") < text.index("Bottom line"), name
        assert text.index("Bottom line") < text.index("Decision support for health professionals"), name


def test_patient_titles_are_plain() -> None:
    md = to_markdown(sample_answer(audience=Audience.PATIENT))
    assert "Things to watch out for" in md and "When to get help" in md
