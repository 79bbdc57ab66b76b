"""The llamacpp generator: a GGUF model in process (SmolLM2-135M), and the optional extra."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.llamacpp import LlamaCppGenerator, create
from curbside.answer.support import SupportJudge
from curbside.errors import ConfigError, MissingExtra
from curbside.records import Audience, Hit
from curbside.settings import Settings
from tests.llm.test_openai_server import SMALL, Q, assert_verified


def test_missing_llama_cpp_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as if not installed
    with pytest.raises(MissingExtra, match=r"pip install 'curbside\[llm\]'"):
        LlamaCppGenerator("smollm2-135m")
    with pytest.raises(MissingExtra):
        create(Settings(llm_model_path="smollm2-135m"))


@pytest.mark.llm
def test_no_model_path_is_a_clear_error() -> None:
    pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed: pip install 'curbside[llm]'")
    with pytest.raises(ConfigError, match="CURBSIDE_LLM_MODEL_PATH"):
        create(Settings(llm_model_path=""))


@pytest.mark.llm
def test_in_process_answer_is_verified(smollm2_path: Path, evidence: list[Hit]) -> None:
    tokens: list[str] = []
    g = LlamaCppGenerator(smollm2_path, n_ctx=2048, fallback=ExtractiveGenerator(), judge=SupportJudge(),
                          on_token=tokens.append, budget=SMALL)
    assert g.name == "llamacpp:SmolLM2-135M-Instruct.Q4_1"
    assert 3 <= g.count_tokens("Statins reduce cardiovascular events.") <= 12
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    assert tokens and "".join(tokens) == g.last_stats.raw_output
    assert g.last_stats.ttft_s is not None and g.last_stats.prompt_tokens
    assert_verified(draft, evidence)


@pytest.mark.llm
def test_packaged_model_name_as_model_path(smollm2_path: Path, evidence: list[Hit]) -> None:
    g = create(Settings(llm_model_path="smollm2-135m"))
    assert g.model_path == smollm2_path
    assert g.fallback is not None
