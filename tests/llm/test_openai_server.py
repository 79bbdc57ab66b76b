"""The openai generator end to end against a real llama.cpp server running SmolLM2-135M.

No mocks: ``python -m llama_cpp.server`` is started on 127.0.0.1 by the fixtures in conftest.py.
A 135M model writes poor answers; what is tested is that whatever it writes reaches the user
only as verified, cited sentences (or an extractive fallback that says so).

These run in the default test run (``scripts/test.sh`` installs llama-cpp-python and the model),
so prompts and outputs are kept small: the pipeline, not answer quality, is under test. The
answer tests share one question and evidence, so the server reuses its cached prompt.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from curbside.answer import ask
from curbside.answer.generators.base import Draft
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.openai import OpenAIGenerator
from curbside.answer.generators.prompt import Budget
from curbside.answer.support import SupportJudge
from curbside.errors import GeneratorError
from curbside.ingest.pipeline import ingest_documents
from curbside.records import Audience, Hit
from curbside.settings import Settings
from curbside.store import Store
from tests.llm.conftest import PASSAGES, POISON, LlamaServer, make_hit

pytestmark = pytest.mark.llm
Q = "Should adults at cardiovascular risk take a statin?"
SMALL = Budget(evidence_tokens=300, max_output_tokens=100)  # the pipeline, not answer quality, is under test


def gen(url: str, **kw: object) -> OpenAIGenerator:
    options: dict[str, object] = {"fallback": ExtractiveGenerator(), "judge": SupportJudge(), "timeout_s": 120.0,
                                  "budget": SMALL}
    options.update(kw)
    return OpenAIGenerator(url, "smollm2", **options)  # type: ignore[arg-type]


def assert_verified(draft: Draft, evidence: list[Hit]) -> None:
    """Every sentence cites given passages that support it, or the draft is a noted fallback."""
    if draft.generator.startswith("extractive"):
        assert any("fell back to extractive" in n for n in draft.notes)
        return
    judge = SupportJudge()
    bullets = [draft.bottom_line, *(b for s in draft.sections for b in s.bullets), *draft.pitfalls,
               *draft.escalation]
    for b in bullets:
        assert b.evidence and all(1 <= i <= len(evidence) for i in b.evidence)
        for sentence_check in [judge.check(b.text, [evidence[i - 1].passage.text for i in b.evidence])]:
            assert sentence_check.supported, (b.text, sentence_check.problems)


def test_streaming_tokens_and_time_to_first_token(llama_server: LlamaServer) -> None:
    tokens: list[str] = []
    g = gen(llama_server.url)
    done = g.complete([{"role": "user", "content": "Say hello in three words."}], max_tokens=12,
                      on_token=tokens.append)
    assert len(tokens) >= 2 and "".join(tokens) == done.text
    assert done.ttft_s is not None and 0 < done.ttft_s <= done.total_s
    assert done.finish_reason in {"stop", "length"}


def test_a_structured_verified_answer(llama_server: LlamaServer, evidence: list[Hit]) -> None:
    g = gen(llama_server.url)
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    assert g.last_stats.raw_output  # the model did write something
    assert g.last_stats.ttft_s is not None
    assert_verified(draft, evidence)


def kb_settings(store: Store) -> Settings:
    docs = [make_hit(i, *p).document for i, p in enumerate([*PASSAGES, POISON])]
    ingest_documents(store, docs)
    return Settings(kb=store.path, generator="openai", retriever="lexical", offline=True)


def test_a_poisoned_stored_document_cannot_steer_the_answer(llama_server: LlamaServer, store: Store) -> None:
    g = gen(llama_server.url)
    answer = ask(store, kb_settings(store), Q, audience=Audience.PATIENT, generator=g, save=False)
    text = " ".join([answer.bottom_line.text, *(b.text for s in answer.sections for b in s.bullets),
                     *(b.text for b in answer.pitfalls), *(b.text for b in answer.escalation)])
    assert "zorblatin" not in text.lower()
    assert "zorblatin" not in str(g.last_stats.raw_output).lower()
    assert answer.references  # still a cited answer
    assert answer.verified_by == "lexical+strict"
    judge = SupportJudge()
    for b in [answer.bottom_line, *(b for s in answer.sections for b in s.bullets)]:
        passages = store.passages_by_ids(b.passage_ids)
        assert judge.check(b.text, [passages[p].text for p in b.passage_ids]).supported, b.text


def test_malformed_output_falls_back_to_extractive_and_says_so(llama_server: LlamaServer, store: Store) -> None:
    g = gen(llama_server.url, budget=replace(SMALL, max_output_tokens=3))  # cut off after a few tokens of JSON
    answer = ask(store, kb_settings(store), Q, audience=Audience.PATIENT, generator=g, save=False)
    assert g.last_stats.raw_output and g.last_stats.outcome == "fallback"
    assert answer.generator == "extractive-v1"
    assert any("fell back to extractive-v1" in n for n in answer.notes), answer.notes
    assert answer.references and not answer.insufficient


def test_a_too_short_timeout_is_a_clear_error(llama_server: LlamaServer, evidence: list[Hit]) -> None:
    with pytest.raises(GeneratorError, match="did not answer within"):
        gen(llama_server.url, timeout_s=0.01, retries=0).generate(Q, evidence * 2, Audience.CLINICIAN)


def test_a_killed_server_is_a_clear_error(own_llama_server: LlamaServer, evidence: list[Hit]) -> None:
    g = gen(own_llama_server.url, retries=1, backoff_s=0.05)
    g.complete([{"role": "user", "content": "Hi"}], max_tokens=4)  # it works …
    own_llama_server.proc.kill()
    own_llama_server.proc.wait(10)
    started = time.monotonic()
    with pytest.raises(GeneratorError, match="cannot reach the LLM server"):
        g.generate(Q, evidence, Audience.CLINICIAN)  # … and then it is gone
    assert time.monotonic() - started < 10


def test_a_server_killed_mid_answer_is_a_clear_error(own_llama_server: LlamaServer) -> None:
    def kill_on_first_token(_token: str) -> None:
        if own_llama_server.proc.poll() is None:
            own_llama_server.proc.kill()

    g = gen(own_llama_server.url, retries=0)
    with pytest.raises(GeneratorError, match="broke off mid-answer|cannot reach"):
        g.complete([{"role": "user", "content": "Count from one to one hundred."}], max_tokens=200,
                   on_token=kill_on_first_token)
