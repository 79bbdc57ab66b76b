"""What every request handler needs, built once per app by ``create_app`` (no globals)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from curbside.settings import Settings
from curbside.web.options import WebOptions
from curbside.web.pool import StorePool
from curbside.web.ratelimit import RateLimiter, retry_after_header
from curbside.web.templating import Pages


@dataclass(frozen=True)
class WebContext:
    settings: Settings
    options: WebOptions
    pool: StorePool
    limiter: RateLimiter
    pages: Pages
    #: running background work (streamed asks) — held so it is not garbage-collected mid-flight
    tasks: set[asyncio.Task[None]] = field(default_factory=set)


def get_ctx(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


Ctx = Annotated[WebContext, Depends(get_ctx)]


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _limited(wait: float) -> HTTPException:
    return HTTPException(429, f"too many requests from this address; try again in {retry_after_header(wait)} s",
                         headers={"Retry-After": retry_after_header(wait)})


async def limit_requests(request: Request) -> None:
    """Router-wide: every request spends one token of the client's bucket."""
    wait = get_ctx(request).limiter.general.take(client_ip(request))
    if wait:
        raise _limited(wait)


async def limit_asks(request: Request) -> None:
    """On the ask endpoints: questions have their own, smaller bucket."""
    wait = get_ctx(request).limiter.ask.take(client_ip(request))
    if wait:
        raise _limited(wait)
