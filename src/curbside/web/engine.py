"""The web app's one door to the answer engine (``curbside.answer``) and stored answers.

Everything that touches answers goes through here, so the routes never care how answers
are produced or stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from curbside.errors import QueryError
from curbside.records import Answer, Audience, ReviewStatus
from curbside.settings import Settings
from curbside.store import Store
from curbside.store.answers import answer_to_dict
from curbside.web.errors import Unavailable
from curbside.web.pool import Pooled

Progress = Callable[[str], None]
MAX_ID_CHARS = 200


def check_question(question: str, settings: Settings) -> str:
    """The question, trimmed; QueryError (→ 422) when empty or longer than the limit."""
    text = question.strip()
    if not text:
        raise QueryError("the question is empty; type a clinical question")
    if len(text) > settings.max_question_chars:
        raise QueryError(
            f"the question is too long ({len(text):,} characters; the limit is {settings.max_question_chars:,})"
        )
    return text


def check_query(query: str) -> str:
    text = query.strip()
    if not text:
        raise QueryError("the search query is empty; type some words")
    return text


def _missing(name: str) -> Unavailable:
    return Unavailable(f"the answer engine is not available in this build ({name} is missing)")


def ask(pooled: Pooled, settings: Settings, question: str, audience: Audience, follow_up_of: str | None,
        progress: Progress | None = None) -> Answer:
    question = check_question(question, settings)
    try:
        from curbside.answer import ask as engine_ask
    except ImportError:
        raise _missing("curbside.answer.ask") from None
    if follow_up_of is not None:
        get_answer(pooled.store, follow_up_of)  # unknown → 404 before any work
    return engine_ask(pooled.store, settings, question, audience=audience, follow_up_of=follow_up_of,
                      retriever=pooled.retriever(), progress=progress)


def get_answer(store: Store, answer_id: str) -> Answer:
    return store.get_answer(answer_id)


def list_answers(store: Store, query: str = "", status: ReviewStatus | None = None, limit: int = 20,
                 offset: int = 0) -> list[Answer]:
    return store.list_answers(query=query or None, status=status.value if status else None, limit=limit,
                              offset=offset)


def count_answers(store: Store, query: str = "", status: ReviewStatus | None = None) -> int:
    return store.count_answers(query=query or None, status=status.value if status else None)


def answer_dict(answer: Answer) -> dict[str, Any]:
    """The answer JSON: the schema of ``curbside ask --json``, with review status and dates."""
    return answer_to_dict(answer)


def to_markdown(answer: Answer) -> str:
    try:
        from curbside.answer.render import to_markdown as render_markdown
    except ImportError:
        raise _missing("curbside.answer.render.to_markdown") from None
    text: str = render_markdown(answer)
    return text


def engine_available() -> bool:
    try:
        from curbside.answer import ask as _ask  # noqa: F401
    except ImportError:
        return False
    return True
