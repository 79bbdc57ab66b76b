"""Jinja2 (autoescape always on) and content negotiation: every page has a JSON twin.

A page answers with JSON when the URL ends in ``.json`` (``/answers/ID.json``, ``/index.json``
for ``/``) or the request prefers ``application/json`` in its Accept header; the JSON is the
same object the matching ``/api/v1`` endpoint returns.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup, escape

from curbside import __version__
from curbside.records import Kind

HERE = Path(__file__).parent
JSON_FORMAT_KEY = "curbside.format"


def doc_url(doc_id: str, passage_id: str | None = None, ordinal: int | None = None) -> str:
    """``/documents/<id>`` with the cited passage (``?passage=`` to highlight, ``#passage-N`` to jump)."""
    url = "/documents/" + quote(doc_id, safe=":/@")
    if passage_id:
        url += "?passage=" + quote(passage_id, safe="")
    if ordinal is not None:
        url += f"#passage-{ordinal}"
    return url


def answer_url(answer_id: str, suffix: str = "") -> str:
    return "/answers/" + quote(answer_id, safe="") + suffix


def kind_class(kind: str) -> str:
    return "kind-" + Kind(kind).value.replace("_", "-") if kind in Kind._value2member_map_ else "kind-other"


def nice_date(iso: str) -> str:
    """``2025-11-28T06:02:00+00:00`` → ``28 Nov 2025``; anything unparsable is returned as is."""
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).strftime("%-d %b %Y")
    except (ValueError, AttributeError):
        return iso


def safe_url(url: str) -> str:
    """Only http(s) links leave the page: a source's ``javascript:`` URL becomes no link at all."""
    text = str(url or "").strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return ""
    return text if scheme in ("http", "https") else ""


def inline_code(text: str) -> Markup:
    """Markdown-style `code` spans → <code>; every part escaped (for the API reference page)."""
    parts = str(text).split("`")
    if len(parts) % 2 == 0:  # unbalanced backticks: plain text
        return Markup(escape(text))
    return Markup("").join(escape(p) if i % 2 == 0 else Markup("<code>") + escape(p) + Markup("</code>")
                           for i, p in enumerate(parts))


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # everything from sources and users is text, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(doc_url=doc_url, answer_url=answer_url, version=__version__)
    env.filters.update(kind_class=kind_class, nice_date=nice_date, safe_url=safe_url, inline_code=inline_code,
                       urlquote=lambda s: quote(str(s), safe=""), pathquote=lambda s: quote(str(s), safe="/:;()"))
    return env


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return True
    if request.scope.get(JSON_FORMAT_KEY) == "json":
        return True
    return _prefers_json(request.headers.get("accept", ""))


def _prefers_json(accept: str) -> bool:
    best: dict[str, float] = {}
    for part in accept.split(","):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best[media.strip().lower()] = max(q, best.get(media.strip().lower(), 0.0))
    json_q = best.get("application/json", 0.0)
    html_q = max(best.get("text/html", 0.0), best.get("application/xhtml+xml", 0.0))
    return json_q > 0 and json_q > html_q


class Pages:
    """Renders a page, or its JSON twin, from one handler's data."""

    def __init__(self) -> None:
        self.env = make_env()

    def render(self, request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
        html = self.env.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status_code=status_code)

    def respond(self, request: Request, template: str, data: Any, context: dict[str, Any] | None = None,
                status_code: int = 200) -> Response:
        if wants_json(request):
            return JSONResponse(data, status_code=status_code, headers={"Vary": "Accept"})
        response = self.render(request, template, {"data": data, **(context or {})}, status_code)
        response.headers["Vary"] = "Accept"
        return response
