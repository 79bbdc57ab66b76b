"""``create_app(settings)``: the FastAPI app behind ``curbside serve``.

The app owns a small pool of Store connections (opened here, closed on shutdown); nothing
lives at module level, so tests can build as many apps as they like side by side.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from curbside import __version__
from curbside.settings import Settings, load_settings
from curbside.web import api, engine, errors, pages
from curbside.web.context import WebContext
from curbside.web.middleware import BodyLimit, FormatSuffix, SecurityHeaders
from curbside.web.options import WebOptions
from curbside.web.pool import StorePool
from curbside.web.ratelimit import RateLimiter
from curbside.web.templating import HERE, Pages

DESCRIPTION = """Evidence-grounded answers to clinical questions, from this server's knowledge base.

Every answer cites the passages it rests on; every citation can be opened at `/api/v1/documents/{id}`.
Errors are JSON: `{"error": {"status", "code", "message", "details"?}}`. Requests are rate limited
per client address (429 with `Retry-After`)."""


def create_app(settings: Settings, options: WebOptions | None = None) -> FastAPI:
    options = options or WebOptions()
    engine.engine_available()  # import the answer engine now, not inside the first request
    pool = StorePool(settings, size=options.pool_size, timeout_s=options.pool_timeout_s)
    ctx = WebContext(
        settings=settings, options=options, pool=pool, pages=Pages(),
        limiter=RateLimiter(options.rate_per_minute, options.burst, options.ask_per_minute, options.ask_burst),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="curbside", version=__version__, description=DESCRIPTION, lifespan=lifespan,
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,  # our own docs page: no CDN
    )
    app.state.ctx = ctx
    errors.install(app, ctx.pages)
    app.include_router(api.open_router)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # outermost last: headers on every response, the body limit before anything reads it
    app.add_middleware(BodyLimit, limit=options.max_body_bytes)
    app.add_middleware(FormatSuffix)
    app.add_middleware(SecurityHeaders)
    return app


OPTIONS_ENV = "CURBSIDE_WEB_OPTIONS"


def options_to_env(options: WebOptions) -> str:
    return json.dumps(dataclasses.asdict(options))


def app_from_env() -> FastAPI:
    """The app for each worker process of ``curbside serve --workers N`` (uvicorn ``factory=True``):
    settings from the environment the parent set (``CURBSIDE_KB`` …), options from ``CURBSIDE_WEB_OPTIONS``."""
    raw = os.environ.get(OPTIONS_ENV, "")
    options = WebOptions(**json.loads(raw)) if raw else WebOptions()
    return create_app(load_settings(), options)
