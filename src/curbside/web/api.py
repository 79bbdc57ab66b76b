"""The JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json, reference page at /api/v1/docs)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from curbside import __version__
from curbside.cli.search import hit_json
from curbside.records import Audience, Kind, ReviewStatus
from curbside.retrieve import Filters
from curbside.review import parse_status, transition
from curbside.web import engine
from curbside.web.context import Ctx, limit_asks, limit_requests
from curbside.web.sse import stream_answer
from curbside.web.views import answer_summary, document_dict, review_dict, stats_dict

router = APIRouter(prefix="/api/v1", dependencies=[Depends(limit_requests)])
open_router = APIRouter(prefix="/api/v1")  # not rate limited: health checks

MAX_QUESTION_SCHEMA = 20_000  # hard cap in the schema; settings.max_question_chars is the real limit
AnswerId = Annotated[str, Path(min_length=1, max_length=engine.MAX_ID_CHARS, description="Answer id")]


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=MAX_QUESTION_SCHEMA,
                          description="The clinical question (limit: settings.max_question_chars).")
    audience: Audience = Field(Audience.CLINICIAN, description="Who the answer is written for.")
    follow_up_of: str | None = Field(None, max_length=engine.MAX_ID_CHARS,
                                     description="Id of the earlier answer this question follows up.")


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: str = Field(min_length=1, max_length=40, description="Target status: under_review, approved, "
                    "changes_requested or submitted.")
    actor: str = Field("", max_length=200, description="Who is making the change.")
    note: str = Field("", max_length=4000, description="Why (required when requesting changes).")


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown id"}, 422: {"description": "Invalid input"},
    429: {"description": "Rate limited (see Retry-After)"}, 503: {"description": "Busy or unavailable"},
}


@open_router.get("/health", tags=["service"], summary="Liveness and knowledge-base state")
def health(ctx: Ctx) -> dict[str, Any]:
    with ctx.pool.store() as store:
        counts = store.counts()
        state = store.state()
    return {"status": "ok", "version": __version__, "kb_state": state, **counts,
            "answer_engine": engine.engine_available()}


@router.get("/stats", tags=["service"], summary="What the knowledge base holds")
def stats(ctx: Ctx) -> dict[str, Any]:
    with ctx.pool.store() as store:
        return stats_dict(store, ctx.settings)


@router.post("/ask", tags=["answers"], status_code=201, responses=ERRORS,
             dependencies=[Depends(limit_asks)], summary="Answer a question (saved, status submitted)")
def ask(body: AskRequest, ctx: Ctx) -> JSONResponse:
    with ctx.pool.connection() as pooled:
        answer = engine.ask(pooled, ctx.settings, body.question, body.audience, body.follow_up_of)
        data = engine.answer_dict(answer)
    return JSONResponse(data, status_code=201, headers={"Location": f"/api/v1/answers/{answer.id}"})


@router.get("/ask/stream", tags=["answers"], responses=ERRORS, dependencies=[Depends(limit_asks)],
            summary="Answer a question, streaming progress (Server-Sent Events)",
            response_class=Response,
            description="Events: `progress` (`{\"stage\": \"retrieving\" | \"composing\" | \"verifying\"}`), "
                        "then one `answer` (the answer JSON) or one `error` (the error body).")
async def ask_stream(
    ctx: Ctx,
    question: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_SCHEMA)],
    audience: Audience = Audience.CLINICIAN,
    follow_up_of: Annotated[str | None, Query(max_length=engine.MAX_ID_CHARS)] = None,
) -> Response:
    return await stream_answer(ctx, question, audience, follow_up_of)


@router.get("/answers", tags=["answers"], responses=ERRORS, summary="Stored answers, newest first")
def list_answers(
    ctx: Ctx,
    query: Annotated[str, Query(max_length=500, description="Words in the question")] = "",
    status: Annotated[ReviewStatus | None, Query(description="Review status")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    return answers_page(ctx, query, status, limit, offset)


def answers_page(ctx: Ctx, query: str, status: ReviewStatus | None, limit: int, offset: int) -> dict[str, Any]:
    with ctx.pool.store() as store:
        found = engine.list_answers(store, query, status, limit, offset)
        total = engine.count_answers(store, query, status)
    return {"query": query, "status": status.value if status else None, "total": total, "limit": limit,
            "offset": offset, "next_offset": offset + limit if offset + limit < total else None,
            "answers": [answer_summary(a) for a in found]}


@router.get("/answers/{answer_id}.md", tags=["answers"], responses=ERRORS, response_class=PlainTextResponse,
            summary="A stored answer as Markdown")
def answer_markdown(answer_id: AnswerId, ctx: Ctx) -> Response:
    with ctx.pool.store() as store:
        answer = engine.get_answer(store, answer_id)
    return markdown_response(answer_id, engine.to_markdown(answer))


def markdown_response(answer_id: str, text: str) -> Response:
    return Response(text, media_type="text/markdown; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="curbside-{answer_id[:40]}.md"'})


@router.get("/answers/{answer_id}", tags=["answers"], responses=ERRORS, summary="One stored answer")
def get_answer(answer_id: AnswerId, ctx: Ctx) -> dict[str, Any]:
    with ctx.pool.store() as store:
        return engine.answer_dict(engine.get_answer(store, answer_id))


@router.get("/answers/{answer_id}/review", tags=["review"], responses=ERRORS,
            summary="Review status, allowed next statuses and the event history")
def get_review(answer_id: AnswerId, ctx: Ctx) -> dict[str, Any]:
    with ctx.pool.store() as store:
        return review_dict(store, answer_id)


@router.post("/answers/{answer_id}/review", tags=["review"],
             responses={**ERRORS, 409: {"description": "Move not allowed from the current status"}},
             summary="Move an answer through review")
def post_review(answer_id: AnswerId, body: ReviewRequest, ctx: Ctx) -> dict[str, Any]:
    to = parse_status(body.to)
    with ctx.pool.store() as store:
        transition(store, answer_id, to, body.actor, body.note)
        return review_dict(store, answer_id)


@router.get("/search", tags=["evidence"], responses=ERRORS, summary="Ranked passages for a query")
def search(
    ctx: Ctx,
    query: Annotated[str, Query(min_length=1, max_length=1000, description="Plain words")],
    k: Annotated[int, Query(ge=1, le=100)] = 10,
    kind: Annotated[list[Kind] | None, Query(description="Only these kinds (repeatable)")] = None,
    since: Annotated[int | None, Query(ge=1800, le=2100)] = None,
) -> dict[str, Any]:
    return search_data(ctx, query, k, tuple(kind or ()), since)


def search_data(ctx: Ctx, query: str, k: int, kinds: tuple[Kind, ...], since: int | None) -> dict[str, Any]:
    engine.check_query(query)
    with ctx.pool.connection() as pooled:
        retriever = pooled.retriever()
        hits = retriever.search(query, k, Filters(kinds=tuple(k.value for k in kinds), since=since))
        name = retriever.name
    return {"query": query, "retriever": name, "kinds": [k.value for k in kinds], "since": since,
            "hits": [hit_json(i, h) for i, h in enumerate(hits, 1)]}


@router.get("/documents/{doc_id:path}", tags=["evidence"], responses=ERRORS,
            summary="A document's metadata and passages (so every citation can be opened)")
def get_document(doc_id: str, ctx: Ctx) -> dict[str, Any]:
    return document_data(ctx, doc_id)


def document_data(ctx: Ctx, doc_id: str) -> dict[str, Any]:
    with ctx.pool.store() as store:
        doc = store.get_document(doc_id)
        return document_dict(doc, store.passages_for(doc.id))

