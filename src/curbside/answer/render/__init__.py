"""Renderers: Markdown, an HTML fragment, rich terminal output and JSON — one each."""

from __future__ import annotations

import json

from curbside.answer.render.html import to_html_fragment
from curbside.answer.render.markdown import to_markdown
from curbside.answer.render.terminal import to_terminal
from curbside.records import Answer
from curbside.store.answers import answer_to_dict


def to_json(answer: Answer) -> str:
    """The answer object (``answer_to_dict``) as indented JSON."""
    return json.dumps(answer_to_dict(answer), indent=2, ensure_ascii=False)


__all__ = ["to_html_fragment", "to_json", "to_markdown", "to_terminal"]
