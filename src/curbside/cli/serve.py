"""curbside serve — the web app and HTTP API on one port."""

from __future__ import annotations

from pathlib import Path

import click

from curbside.cli.common import kb_option, settings_from


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to accept other machines — put a proxy with TLS in front).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free).")
@click.option("--rate-limit", "rate_limit", type=click.FloatRange(min=0), default=None,
              help="Requests per minute per client address (0: no limit; default 600, setting web_rate_limit).")
@click.option("--ask-rate-limit", "ask_rate_limit", type=click.FloatRange(min=0), default=None,
              help="Questions per minute per client address (0: no limit; default 30, setting web_ask_rate_limit).")
@click.option("--max-body", "max_body", type=click.IntRange(1024), default=None,
              help="Largest request body in bytes (default 65536, setting web_max_body).")
@click.option("--pool", "pool_size", type=click.IntRange(1, 64), default=8, show_default=True,
              help="SQLite connections kept for requests.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (answers are CPU-bound: use one per core). Rate limits are per worker.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True)
@kb_option
def serve(host: str, port: int, rate_limit: float | None, ask_rate_limit: float | None, max_body: int | None,
          pool_size: int, workers: int, log_level: str, kb: Path | None) -> None:
    """Run the web app and the HTTP API (/api/v1, reference at /api/v1/docs).

    \b
    Rate limits and the body limit come from settings (curbside.toml or CURBSIDE_WEB_RATE_LIMIT,
    CURBSIDE_WEB_ASK_RATE_LIMIT, CURBSIDE_WEB_MAX_BODY); the flags override them.

    \b
    Examples:
      curbside serve                          # http://127.0.0.1:8000
      curbside serve --kb ./kb.sqlite --port 8080
      CURBSIDE_WEB_ASK_RATE_LIMIT=120 curbside serve --workers 2
    """
    import os

    import uvicorn

    from curbside.store import Store
    from curbside.web import WebOptions, create_app
    from curbside.web.app import OPTIONS_ENV, options_to_env

    settings = settings_from(kb=kb, web_rate_limit=rate_limit, web_ask_rate_limit=ask_rate_limit,
                             web_max_body=max_body)
    rate_limit, ask_rate_limit = settings.web_rate_limit, settings.web_ask_rate_limit
    burst = max(1, int(rate_limit // 5)) if rate_limit else 1
    ask_burst = max(1, int(ask_rate_limit // 3)) if ask_rate_limit else 1
    options = WebOptions(rate_per_minute=rate_limit, burst=burst, ask_per_minute=ask_rate_limit,
                         ask_burst=ask_burst, max_body_bytes=settings.web_max_body, pool_size=pool_size)
    common = {"host": host, "port": port, "log_level": log_level, "proxy_headers": False, "server_header": False,
              "timeout_graceful_shutdown": 5}
    if settings.kb.is_file():  # a big KB's search index: built now, not inside the first request
        from rich.console import Console

        from curbside.cli.search_index import ensure_search_index

        with Store.open(settings.kb) as store:
            ensure_search_index(store, settings, Console(stderr=True))
    click.echo(f"curbside: serving {settings.kb} on http://{host}:{port} with {workers} worker(s) (Ctrl-C to stop)",
               err=True)
    if workers == 1:
        uvicorn.run(create_app(settings, options), **common)  # type: ignore[arg-type]
        return
    Store.open(settings.kb).close()  # fail here, once, if the knowledge base cannot be opened (and migrate it)
    os.environ["CURBSIDE_KB"] = str(settings.kb)
    os.environ[OPTIONS_ENV] = options_to_env(options)
    uvicorn.run("curbside.web.app:app_from_env", factory=True, workers=workers, **common)  # type: ignore[arg-type]
