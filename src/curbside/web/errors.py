"""Errors as responses: every failure the client caused is a 4xx with a JSON error body
(or an HTML error page for a browser), never a 500.

Body: ``{"error": {"status": 404, "code": "not_found", "message": "…", "details": […]}}``.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from curbside.errors import (
    ConfigError,
    CurbsideError,
    FetchError,
    GeneratorError,
    NotFoundError,
    QueryError,
    ReviewError,
    StoreError,
)
from curbside.web.pool import PoolBusy
from curbside.web.templating import Pages, wants_json

log = logging.getLogger("curbside.web")

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 409: "conflict", 413: "request_too_large", 415: "unsupported_media_type",
    422: "invalid_input", 429: "rate_limited", 500: "internal_error", 502: "upstream_error",
    503: "unavailable", 504: "timeout",
}


class Unavailable(CurbsideError):
    """A part of the server this request needs is missing or not ready (→ 503)."""


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is larger than the limit of {limit:,} bytes")


def status_for(exc: CurbsideError) -> int:
    """The HTTP status for a curbside error (the exception hierarchy in curbside.errors)."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, PoolBusy | Unavailable):
        return 503
    if isinstance(exc, QueryError | ConfigError):
        return 422
    if isinstance(exc, ReviewError):
        return 409
    if isinstance(exc, GeneratorError | FetchError):
        return 502
    if isinstance(exc, StoreError):
        return 503
    return 400


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"status": status, "code": CODES.get(status, "error"), "message": message}
    if details:
        err["details"] = details
    return {"error": err}


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path")]
        out.append({"field": ".".join(loc) or str(next(iter(e.get("loc", ())), "")), "message": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))})
    return out


def install(app: FastAPI, pages: Pages) -> None:
    def respond(request: Request, status: int, message: str, details: list[dict[str, Any]] | None = None,
                headers: dict[str, str] | None = None) -> Response:
        if wants_json(request):
            return JSONResponse(error_body(status, message, details), status_code=status, headers=headers)
        response = pages.render(request, "error.html",
                                {"status": status, "message": message, "details": details or []}, status)
        if headers:
            response.headers.update(headers)
        return response

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error").replace("_", " ")
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"nothing at {request.url.path}"
        return respond(request, exc.status_code, message, headers=dict(exc.headers or {}))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = _validation_details(exc)
        first = details[0] if details else {"field": "", "message": "invalid input"}
        message = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
        return respond(request, 422, message, details)

    async def on_curbside(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, CurbsideError)
        status = status_for(exc)
        if status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return respond(request, status, str(exc))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal error (this is a bug; the server log has the details)")

    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(CurbsideError, on_curbside)
    app.add_exception_handler(Exception, on_unexpected)
