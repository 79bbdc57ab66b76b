"""Server-rendered pages. Each one answers with its JSON twin for ``.json`` or Accept: application/json
(see ``templating``); the data comes from the same functions as the API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from curbside.errors import NotFoundError, QueryError, ReviewError
from curbside.records import Audience, Kind, ReviewStatus
from curbside.review import parse_status, transition
from curbside.web import engine
from curbside.web.api import answers_page, document_data, markdown_response, search_data
from curbside.web.context import Ctx, WebContext, limit_asks, limit_requests
from curbside.web.errors import Unavailable
from curbside.web.policy import policy_dict
from curbside.web.templating import answer_url, wants_json
from curbside.web.views import AnswerView, answer_summary

router = APIRouter(dependencies=[Depends(limit_requests)], include_in_schema=False)


def _audience(value: str) -> Audience:
    try:
        return Audience(value.strip().lower() or "clinician")
    except ValueError:
        raise HTTPException(422, f"audience must be clinician or patient, not {value[:40]!r}") from None


def _recent(ctx: WebContext) -> list[dict[str, Any]]:
    try:
        with ctx.pool.store() as store:
            return [answer_summary(a) for a in engine.list_answers(store, limit=ctx.options.recent_answers)]
    except Unavailable:
        return []


def _follow_up(ctx: WebContext, answer_id: str) -> dict[str, Any] | None:
    if not answer_id:
        return None
    try:
        with ctx.pool.store() as store:
            return answer_summary(engine.get_answer(store, answer_id))
    except (NotFoundError, Unavailable):
        return None


def _ask_context(ctx: WebContext, q: str = "", audience: str = "clinician", follow_up_of: str = "",
                 error: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    data = {"recent": _recent(ctx), "audiences": [a.value for a in Audience],
            "max_question_chars": ctx.settings.max_question_chars, "answer_engine": engine.engine_available()}
    context = {"q": q, "audience": audience if audience in ("clinician", "patient") else "clinician",
               "follow_up": _follow_up(ctx, follow_up_of), "error": error}
    return data, context


@router.get("/")
def ask_page(request: Request, ctx: Ctx, q: Annotated[str, Query(max_length=20_000)] = "",
             audience: str = "clinician", follow_up_of: Annotated[str, Query(max_length=200)] = "") -> Response:
    data, context = _ask_context(ctx, q, audience, follow_up_of)
    return ctx.pages.respond(request, "ask.html", data, context)


@router.post("/ask", dependencies=[Depends(limit_asks)])
async def ask_form(request: Request, ctx: Ctx) -> Response:
    from curbside.web.forms import read_form

    form = await read_form(request)
    question = form.get("question", "")
    audience = _audience(form.get("audience", ""))
    follow_up_of = form.get("follow_up_of", "").strip()[: engine.MAX_ID_CHARS] or None

    def work() -> dict[str, Any]:
        with ctx.pool.connection() as pooled:
            answer = engine.ask(pooled, ctx.settings, question, audience, follow_up_of)
            return engine.answer_dict(answer)

    try:
        data = await run_in_threadpool(work)
    except QueryError as exc:
        if wants_json(request):
            raise
        page_data, context = await run_in_threadpool(
            _ask_context, ctx, question[:20_000], audience.value, follow_up_of or "", str(exc))
        return ctx.pages.respond(request, "ask.html", page_data, context, status_code=422)
    if wants_json(request):
        return JSONResponse(data, status_code=201, headers={"Location": f"/api/v1/answers/{data['id']}"})
    return RedirectResponse(answer_url(str(data["id"])), status_code=303)


@router.get("/answers")
def answers_list_page(
    request: Request, ctx: Ctx,
    query: Annotated[str, Query(max_length=500)] = "",
    status: Annotated[str, Query(max_length=40)] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    try:
        chosen = parse_status(status) if status.strip() else None
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from None
    data = answers_page(ctx, query, chosen, limit, offset)
    return ctx.pages.respond(request, "answers.html", data, {"statuses": list(ReviewStatus)})


@router.get("/answers/{answer_id}.md")
def answer_markdown_page(answer_id: str, ctx: Ctx) -> Response:
    with ctx.pool.store() as store:
        answer = engine.get_answer(store, answer_id)
    return markdown_response(answer_id, engine.to_markdown(answer))


def _answer_response(request: Request, ctx: WebContext, answer_id: str, review_error: str | None = None,
                     status_code: int = 200) -> Response:
    with ctx.pool.store() as store:
        answer = engine.get_answer(store, answer_id)
        data = engine.answer_dict(answer)
        if wants_json(request):
            return JSONResponse(data, status_code=status_code, headers={"Vary": "Accept"})
        view = AnswerView(store, answer, store.review_history(answer.id))
    parent = _follow_up(ctx, answer.follow_up_of) if answer.follow_up_of else None
    return ctx.pages.respond(request, "answer.html", data,
                             {"a": answer, "view": view, "parent": parent, "review_error": review_error},
                             status_code=status_code)


@router.get("/answers/{answer_id}")
def answer_page(request: Request, answer_id: str, ctx: Ctx) -> Response:
    return _answer_response(request, ctx, answer_id)


@router.post("/answers/{answer_id}/review")
async def review_form(request: Request, answer_id: str, ctx: Ctx) -> Response:
    from curbside.web.forms import read_form

    form = await read_form(request)

    def work() -> Response:
        try:
            to = parse_status(form.get("to", ""))
            with ctx.pool.store() as store:
                transition(store, answer_id, to, form.get("actor", "")[:200], form.get("note", "")[:4000])
        except ReviewError as exc:
            if wants_json(request):
                raise
            return _answer_response(request, ctx, answer_id, review_error=str(exc), status_code=409)
        if wants_json(request):
            from curbside.web.views import review_dict

            with ctx.pool.store() as store:
                return JSONResponse(review_dict(store, answer_id))
        return RedirectResponse(answer_url(answer_id) + "#review", status_code=303)

    response: Response = await run_in_threadpool(work)
    return response


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str, ctx: Ctx,
                  passage: Annotated[str, Query(max_length=400)] = "") -> Response:
    data = document_data(ctx, doc_id)
    cited = next((p for p in data["passages"] if p["id"] == passage), None)
    return ctx.pages.respond(request, "document.html", data, {"cited": cited})


@router.get("/search")
def search_page(
    request: Request, ctx: Ctx,
    query: Annotated[str, Query(max_length=1000)] = "",
    kind: Annotated[str, Query(max_length=40)] = "",
    since: Annotated[str, Query(max_length=8)] = "",
    k: Annotated[int, Query(ge=1, le=100)] = 10,
) -> Response:
    kinds: tuple[Kind, ...] = ()
    if kind:
        try:
            kinds = (Kind(kind),)
        except ValueError:
            raise HTTPException(422, f"unknown kind {kind[:40]!r}") from None
    year: int | None = None
    if since.strip():
        if not since.strip().isdigit() or not 1800 <= int(since) <= 2100:
            raise HTTPException(422, "since must be a year between 1800 and 2100")
        year = int(since)
    data: dict[str, Any] = {"query": query, "retriever": None, "kinds": [x.value for x in kinds], "since": year,
                            "hits": []}
    if query.strip():
        data = search_data(ctx, query, k, kinds, year)
    return ctx.pages.respond(request, "search.html", data, {"all_kinds": list(Kind)})


@router.get("/policy")
def policy_page(request: Request, ctx: Ctx) -> Response:
    return ctx.pages.respond(request, "policy.html", policy_dict())


@router.get("/api/v1/docs")
def api_docs_page(request: Request, ctx: Ctx) -> Response:
    schema = request.app.openapi()
    return ctx.pages.render(request, "api_docs.html", {"schema": schema, "data": schema})


