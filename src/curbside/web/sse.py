"""Streaming an answer as Server-Sent Events: ``progress`` events, then ``answer`` or ``error``.

The answer is composed in a worker thread (it is CPU-bound); its progress callback hands
stages to the event loop through a queue. A client that goes away does not cancel the work:
the answer is still saved, and the connection goes back to the pool when the thread ends.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from curbside.errors import CurbsideError
from curbside.records import Audience
from curbside.web import engine
from curbside.web.context import WebContext
from curbside.web.errors import Unavailable, error_body, status_for

log = logging.getLogger("curbside.web")
KEEPALIVE_S = 10.0

Event = tuple[str, dict[str, Any]]


def format_event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


async def stream_answer(ctx: WebContext, question: str, audience: Audience,
                        follow_up_of: str | None) -> StreamingResponse:
    # everything that can be checked up front is an ordinary 4xx/503, not an event
    question = engine.check_question(question, ctx.settings)
    if not engine.engine_available():
        raise Unavailable("the answer engine is not available in this build (curbside.answer.ask is missing)")
    if follow_up_of is not None:
        def check_follow_up() -> None:
            with ctx.pool.store() as store:
                engine.get_answer(store, follow_up_of)
        await run_in_threadpool(check_follow_up)

    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Event] = asyncio.Queue()

    def progress(stage: str) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, ("progress", {"stage": str(stage)}))

    def work() -> Event:
        try:
            with ctx.pool.connection() as pooled:
                answer = engine.ask(pooled, ctx.settings, question, audience, follow_up_of, progress)
                return "answer", engine.answer_dict(answer)
        except CurbsideError as exc:
            return "error", error_body(status_for(exc), str(exc))
        except Exception:
            log.exception("streamed ask failed")
            return "error", error_body(500, "internal error (this is a bug; the server log has the details)")

    async def run() -> None:
        await queue.put(await run_in_threadpool(work))

    task = asyncio.create_task(run())
    ctx.tasks.add(task)
    task.add_done_callback(ctx.tasks.discard)

    async def events() -> AsyncIterator[str]:
        yield format_event("progress", {"stage": "queued"})
        while True:
            try:
                name, data = await asyncio.wait_for(queue.get(), timeout=KEEPALIVE_S)
            except TimeoutError:
                yield ": still working\n\n"
                continue
            yield format_event(name, data)
            if name in ("answer", "error"):
                return

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
