"""The ``openai`` generator: any OpenAI-compatible chat-completions server.

Works with llama.cpp's server (``python -m llama_cpp.server`` or ``llama-server``), Ollama
(``http://localhost:11434/v1``), vLLM (``http://HOST:8000/v1``) and hosted APIs. Settings:
``llm_base_url``, ``llm_model`` (empty: the server's first model), ``llm_api_key`` (sent as a
bearer token, never logged or shown in errors), ``llm_timeout_s``.

Streaming over server-sent events, with a token callback and time to first token measured.
Connection failures, HTTP 429 and 5xx are retried with exponential back-off (``Retry-After``
honoured); anything else raises ``GeneratorError`` with a message that says what to fix. If the
overall time limit passes mid-answer, the text so far is used (the parser repairs a cut-off
answer) rather than thrown away.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from curbside.answer.generators.base import Generator
from curbside.answer.generators.llmbase import Completion, LLMGenerator, TokenCallback
from curbside.answer.generators.prompt import Budget
from curbside.errors import ConfigError, GeneratorError
from curbside.settings import Settings
from curbside.store import Store

RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})


def normalise_base_url(url: str) -> str:
    """``http://host:8080`` → ``http://host:8080/v1``; a URL with a path is kept as given."""
    url = url.strip().rstrip("/")
    if not url:
        raise ConfigError(
            "the openai generator needs a server: set CURBSIDE_LLM_BASE_URL (or llm_base_url in curbside.toml), "
            "e.g. http://127.0.0.1:8080/v1 for llama.cpp or http://localhost:11434/v1 for Ollama"
        )
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ConfigError(f"llm_base_url {safe_url(url)!r} is not an http(s) URL")
    path = parts.path if parts.path not in {"", "/"} else "/v1"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def safe_url(url: str) -> str:
    """The URL without any user:password part (for messages)."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class OpenAIGenerator(LLMGenerator):
    def __init__(self, base_url: str, model: str = "", api_key: str = "", *, timeout_s: float = 120.0,
                 connect_timeout_s: float = 5.0, retries: int = 2, backoff_s: float = 0.5, stream: bool = True,
                 budget: Budget | None = None, fallback: Generator | None = None,
                 on_token: TokenCallback | None = None, output_format: str = "json",
                 temperature: float = 0.0, **kwargs: Any) -> None:
        super().__init__(budget=budget, fallback=fallback, on_token=on_token, output_format=output_format,
                         temperature=temperature, **kwargs)
        self.base_url = normalise_base_url(base_url)
        self.model = model
        self._api_key = api_key
        self.timeout_s = timeout_s
        self.connect_timeout_s = min(connect_timeout_s, timeout_s)
        self.retries = retries
        self.backoff_s = backoff_s
        self.stream = stream

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"openai:{self.model or 'default'}"

    def __repr__(self) -> str:
        key = "***" if self._api_key else "none"
        return f"OpenAIGenerator(base_url={safe_url(self.base_url)!r}, model={self.model!r}, api_key={key})"

    # ------------------------------------------------------------------ HTTP
    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream, application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _client(self) -> httpx.Client:
        timeout = httpx.Timeout(self.timeout_s, connect=self.connect_timeout_s)
        return httpx.Client(timeout=timeout, headers=self._headers(), trust_env=False)

    def list_models(self) -> list[str]:
        """Model ids the server offers (``GET /models``)."""
        with self._client() as client:
            try:
                response = client.get(f"{self.base_url}/models")
            except httpx.HTTPError as exc:
                where = safe_url(self.base_url)
                raise GeneratorError(f"cannot reach the LLM server at {where}: {_reason(exc)}") from None
        if response.status_code != 200:
            raise GeneratorError(self._http_problem(response))
        try:
            data = response.json().get("data", [])
            return [str(m["id"]) for m in data if isinstance(m, dict) and "id" in m]
        except (ValueError, AttributeError):
            raise GeneratorError(f"{safe_url(self.base_url)}/models did not return a model list") from None

    def _resolve_model(self) -> str:
        if not self.model:
            models = self.list_models()
            if not models:
                raise GeneratorError(f"the LLM server at {safe_url(self.base_url)} offers no models; set "
                                     "CURBSIDE_LLM_MODEL")
            self.model = models[0]
        return self.model

    def complete(self, messages: Sequence[dict[str, str]], *, max_tokens: int,
                 on_token: TokenCallback | None = None) -> Completion:
        model = self._resolve_model()
        payload: dict[str, Any] = {"model": model, "messages": list(messages), "max_tokens": max_tokens,
                                   "temperature": self.temperature, "stream": self.stream}
        attempt = 0
        while True:
            try:
                return self._request(payload, on_token)
            except _Retryable as exc:
                if attempt >= self.retries:
                    raise GeneratorError(exc.message) from None
                time.sleep(exc.retry_after if exc.retry_after is not None else self.backoff_s * 2**attempt)
                attempt += 1

    def _request(self, payload: dict[str, Any], on_token: TokenCallback | None) -> Completion:
        url = f"{self.base_url}/chat/completions"
        started = time.perf_counter()
        deadline = started + self.timeout_s
        where = safe_url(self.base_url)
        try:
            with self._client() as client, client.stream("POST", url, json=payload) as response:
                if response.status_code != 200:
                    response.read()
                    problem = self._http_problem(response)
                    if response.status_code in RETRY_STATUS:
                        raise _Retryable(problem, _retry_after(response))
                    raise GeneratorError(problem)
                if "text/event-stream" not in response.headers.get("content-type", ""):
                    response.read()
                    return self._whole(response, started)
                return self._consume(response.iter_lines(), started, deadline, on_token)
        except httpx.ConnectError as exc:
            raise _Retryable(f"cannot reach the LLM server at {where}: {_reason(exc)} — is it running? "
                             "(CURBSIDE_LLM_BASE_URL)") from None
        except httpx.ConnectTimeout:
            raise _Retryable(f"cannot reach the LLM server at {where}: no connection within "
                             f"{self.connect_timeout_s:g}s") from None
        except httpx.TimeoutException:
            raise GeneratorError(f"the LLM server at {where} did not answer within {self.timeout_s:g}s "
                                 "(raise llm_timeout_s, or use a smaller model or fewer passages)") from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise GeneratorError(f"the connection to the LLM server at {where} broke off mid-answer "
                                 f"({_reason(exc)})") from None
        except httpx.HTTPError as exc:
            raise GeneratorError(f"LLM request to {where} failed: {_reason(exc)}") from None

    def _consume(self, lines: Iterator[str], started: float, deadline: float,
                 on_token: TokenCallback | None) -> Completion:
        pieces: list[str] = []
        ttft: float | None = None
        finish: str | None = None
        usage: dict[str, Any] = {}
        chunks = 0
        stream = _Stalled(lines, pieces)
        for line in stream:
            if not line.startswith("data:"):
                continue  # comments, event names, keep-alives
            data = line[5:].strip()
            if data == "[DONE]":
                break
            try:
                event = json.loads(data)
            except json.JSONDecodeError:
                continue  # a garbled event: skip it, the parser copes with gaps
            if "error" in event:
                raise GeneratorError(f"the LLM server reported an error mid-answer: {_message(event)}")
            usage = event.get("usage") or usage
            for choice in event.get("choices") or []:
                delta = choice.get("delta") or choice.get("message") or {}
                text = delta.get("content") or choice.get("text") or ""
                if text:
                    if ttft is None:
                        ttft = time.perf_counter() - started
                    pieces.append(text)
                    chunks += 1
                    if on_token is not None:
                        on_token(text)
                finish = choice.get("finish_reason") or finish
            if time.perf_counter() > deadline:
                finish = "timeout"
                break
        if stream.stalled:
            finish = "timeout"
        if not pieces and finish == "timeout":
            raise GeneratorError(f"the LLM server produced nothing within {self.timeout_s:g}s")
        return Completion("".join(pieces), ttft, time.perf_counter() - started, usage.get("prompt_tokens"),
                          usage.get("completion_tokens") or chunks, finish)

    def _whole(self, response: httpx.Response, started: float) -> Completion:
        try:
            data = response.json()
            choice = data["choices"][0]
            text = (choice.get("message") or {}).get("content") or choice.get("text") or ""
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise GeneratorError(f"the LLM server at {safe_url(self.base_url)} sent a response that is not a "
                                 "chat completion") from None
        elapsed = time.perf_counter() - started
        usage = data.get("usage") or {}
        return Completion(str(text), elapsed, elapsed, usage.get("prompt_tokens"), usage.get("completion_tokens"),
                          choice.get("finish_reason"))

    def _http_problem(self, response: httpx.Response) -> str:
        where = safe_url(self.base_url)
        status = response.status_code
        detail = _message_of(response)
        if status in {401, 403}:
            return (f"the LLM server at {where} refused the request (HTTP {status}): check CURBSIDE_LLM_API_KEY"
                    + (f" — {detail}" if detail else ""))
        lowered = detail.lower()
        if status == 404 or ("model" in lowered and ("not found" in lowered or "exist" in lowered)):
            if "model" in lowered:
                return f"model {self.model!r} is not available at {where}: {detail}"
            return (f"no chat-completions endpoint at {where} (HTTP 404); the base URL usually ends in /v1 "
                    "(CURBSIDE_LLM_BASE_URL)")
        return f"the LLM server at {where} answered HTTP {status}" + (f": {detail}" if detail else "")


class _Stalled:
    """Lines of a stream; a read timeout after some text ends the stream instead of failing it."""

    def __init__(self, lines: Iterator[str], pieces: list[str]) -> None:
        self.lines = lines
        self.pieces = pieces
        self.stalled = False

    def __iter__(self) -> Iterator[str]:
        try:
            yield from self.lines
        except httpx.ReadTimeout:
            if not self.pieces:
                raise
            self.stalled = True


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return min(10.0, max(0.0, float(response.headers.get("retry-after", ""))))
    except ValueError:
        return None


def _message(data: Any) -> str:
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        return str(error.get("message") or error)[:300]
    if isinstance(error, str):
        return error[:300]
    if isinstance(data, dict) and "detail" in data:
        return str(data["detail"])[:300]
    return ""


def _message_of(response: httpx.Response) -> str:
    try:
        return _message(response.json())
    except ValueError:
        return " ".join(response.text.split())[:200]


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def create(settings: Settings, store: Store | None = None) -> OpenAIGenerator:
    from curbside.answer.registry import get_generator
    from curbside.answer.support import make_judge

    return OpenAIGenerator(
        settings.llm_base_url, settings.llm_model, settings.llm_api_key, timeout_s=settings.llm_timeout_s,
        budget=budget_from(settings), fallback=get_generator("extractive", settings, store=store),
        output_format=str(getattr(settings, "llm_output_format", "json")),
        judge=make_judge(settings.support_judge, llm=True),
    )


def budget_from(settings: Settings) -> Budget:
    """The prompt budget, from settings when they carry it (``llm_evidence_tokens``, ``llm_max_tokens``)."""
    default = Budget()
    return Budget(
        evidence_tokens=int(getattr(settings, "llm_evidence_tokens", default.evidence_tokens)),
        max_passages=int(getattr(settings, "llm_max_passages", default.max_passages)),
        max_output_tokens=int(getattr(settings, "llm_max_tokens", default.max_output_tokens)),
    )
