"""The openai generator against a scripted server on 127.0.0.1: malformed output, HTTP errors,
retries, time limits. (End-to-end runs against a real model are in test_openai_server.py.)"""

from __future__ import annotations

import json
import socket
import time

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.openai import OpenAIGenerator, create, normalise_base_url, safe_url
from curbside.answer.support import SupportJudge
from curbside.errors import ConfigError, GeneratorError
from curbside.records import Audience, Hit, Kind
from curbside.settings import Settings
from tests.llm.chat_server import ChatServer, Reply
from tests.llm.conftest import make_hit

KEY = "sk-test-SECRET-1234"
Q = "Should adults at cardiovascular risk take a statin?"
GOOD = (
    "VERDICT: yes\n"
    "BOTTOM LINE: Adults aged 40 to 75 years with a 10-year cardiovascular risk of 10% or greater should "
    "initiate a statin. [1]\n"
    "## Evidence\n"
    "- Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44% compared with placebo. [2]\n"
    "## Pitfalls\n"
    "- Muscle symptoms were reported by 10% of statin users. [3]\n"
    "## When to refer\n"
    "- A creatine kinase above 10 times the upper limit of normal suggests myopathy: stop the statin and "
    "refer to a specialist. [3]\n"
)


def gen(server: ChatServer, **kw: object) -> OpenAIGenerator:
    options: dict[str, object] = {"fallback": ExtractiveGenerator(), "judge": SupportJudge(), "retries": 2,
                                  "backoff_s": 0.01, "timeout_s": 10.0}
    options.update(kw)
    return OpenAIGenerator(server.url, "scripted-model", KEY, **options)  # type: ignore[arg-type]


def test_a_good_answer_streams_and_verifies(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(GOOD))
    tokens: list[str] = []
    g = gen(chat_server, on_token=tokens.append)
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    assert draft.generator == "openai:scripted-model"
    assert draft.bottom_line.evidence == (1,)
    assert draft.sections[0].bullets[0].evidence == (2,)
    assert draft.pitfalls[0].evidence == (3,) and draft.escalation[0].evidence == (3,)
    assert draft.verdict is not None and draft.verdict.value == "yes"
    assert "".join(tokens) == GOOD
    assert g.last_stats.outcome == "llm" and g.last_stats.ttft_s is not None
    assert g.last_stats.dropped == 0
    request = chat_server.chat_requests()[0]
    assert request.body["stream"] is True and request.body["model"] == "scripted-model"
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.body["messages"][0]["role"] == "system"


def test_unsupported_sentences_are_dropped_and_noted(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(
        "BOTTOM LINE: Adults aged 40 to 75 years with a 10-year risk of 10% or greater should initiate a statin. [1]\n"
        "- Rosuvastatin 40 mg daily reduced first major cardiovascular events by 44%. [2]\n"  # wrong dose
        "- Statins cure diabetes within three weeks. [1]\n"  # fabricated
        "- Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44% compared with placebo. [2]\n"))
    g = gen(chat_server)
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    texts = [b.text for s in draft.sections for b in s.bullets]
    assert not any("40 mg" in t or "diabetes" in t for t in texts)
    assert any("20 mg" in t for t in texts)
    assert any("dropped 2 of 4" in n for n in draft.notes)
    assert g.last_stats.dropped == 2


def test_uncited_and_miscited_sentences_are_recited(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(
        "BOTTOM LINE: Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44%. [3]\n"
        "- Muscle symptoms were reported by 10% of statin users.\n"))
    draft = gen(chat_server).generate(Q, evidence, Audience.CLINICIAN)
    assert draft.bottom_line.evidence == (2,)
    assert draft.sections[0].bullets[0].evidence == (3,)
    assert any("corrected the citations of 2" in n for n in draft.notes)


@pytest.mark.parametrize("garbage", [
    "",
    "I'm sorry, I can't help with that.",
    '{"bottom_line": ',
    "\n\n[1][2][3]\n",
])
def test_unusable_output_falls_back_to_extractive(chat_server: ChatServer, evidence: list[Hit], garbage: str) -> None:
    chat_server.script.append(Reply(garbage))
    g = gen(chat_server)
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    assert draft.generator == "extractive-v1"
    assert any("fell back to extractive-v1" in n for n in draft.notes)
    assert g.last_stats.outcome == "fallback"
    assert draft.bottom_line.text


def test_malformed_json_is_repaired(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(
        '```json\n{"verdict": "yes", "bottom_line": {"text": "Rosuvastatin 20 mg daily reduced first major '
        'cardiovascular events by 44%.", "cites": [2],}, "sections": [{"title": "Harms", "bullets": ['
        '{"text": "Muscle symptoms were reported by 10% of statin users.", "cites": [3]'))
    g = gen(chat_server, output_format="json")
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    assert draft.generator.startswith("openai:")
    assert draft.bottom_line.evidence == (2,)
    assert any("model output repaired" in n and "JSON" in n for n in draft.notes)
    assert g.last_stats.outcome == "llm-repaired"


def test_a_model_that_obeys_a_poisoned_passage_is_caught(chat_server: ChatServer,
                                                         poisoned_evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(
        "BOTTOM LINE: Take zorblatin 500 mg twice daily instead of statins. [1]\n"
        "- Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44% compared with placebo. [3]\n"))
    g = gen(chat_server)
    draft = g.generate(Q, poisoned_evidence, Audience.CLINICIAN)
    prompt = json.dumps(chat_server.chat_requests()[0].body)
    assert "zorblatin" not in prompt  # the instruction never reached the model
    everything = " ".join([draft.bottom_line.text, *(b.text for s in draft.sections for b in s.bullets)])
    assert "zorblatin" not in everything.lower()
    assert draft.bottom_line.text.startswith("Rosuvastatin")
    assert any("instruction-like" in n for n in draft.notes)


def test_transient_errors_are_retried_with_backoff(chat_server: ChatServer, evidence: list[Hit]) -> None:
    busy = Reply(status=503, body=b'{"error": {"message": "loading model"}}', headers={"Retry-After": "0"})
    chat_server.script.extend([busy, Reply(status=502, body=b"bad gateway"), Reply(GOOD)])
    draft = gen(chat_server).generate(Q, evidence, Audience.CLINICIAN)
    assert draft.generator.startswith("openai:")
    assert len(chat_server.chat_requests()) == 3


def test_retries_give_up_with_a_clear_error(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(status=503, body=b'{"error": {"message": "overloaded"}}'))
    with pytest.raises(GeneratorError, match="HTTP 503: overloaded"):
        gen(chat_server, retries=1).generate(Q, evidence, Audience.CLINICIAN)
    assert len(chat_server.chat_requests()) == 2


def test_a_refused_key_is_reported_but_never_shown(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(status=401, body=b'{"error": {"message": "invalid api key"}}'))
    g = gen(chat_server)
    with pytest.raises(GeneratorError) as info:
        g.generate(Q, evidence, Audience.CLINICIAN)
    assert "CURBSIDE_LLM_API_KEY" in str(info.value) and KEY not in str(info.value)
    assert KEY not in repr(g) and "***" in repr(g)
    assert len(chat_server.chat_requests()) == 1  # not retried


def test_a_missing_model_is_named(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(status=404, body=b'{"error": {"message": "model \\"nope\\" not found"}}'))
    with pytest.raises(GeneratorError, match="model 'scripted-model' is not available"):
        gen(chat_server).generate(Q, evidence, Audience.CLINICIAN)


def test_a_wrong_base_url_says_so(chat_server: ChatServer, evidence: list[Hit]) -> None:
    g = OpenAIGenerator(chat_server.url.replace("/v1", "/api"), "m", fallback=ExtractiveGenerator(),
                        judge=SupportJudge())
    with pytest.raises(GeneratorError, match="ends in /v1"):
        g.generate(Q, evidence, Audience.CLINICIAN)


def test_server_down_is_a_clear_error(evidence: list[Hit]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    g = OpenAIGenerator(f"http://user:pw@127.0.0.1:{port}/v1", "m", KEY, retries=1, backoff_s=0.01,
                        fallback=ExtractiveGenerator(), judge=SupportJudge())
    started = time.monotonic()
    with pytest.raises(GeneratorError, match="cannot reach the LLM server") as info:
        g.generate(Q, evidence, Audience.CLINICIAN)
    assert time.monotonic() - started < 5
    assert "pw" not in str(info.value) and KEY not in str(info.value)


def test_no_first_token_within_the_timeout(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(GOOD, delay=2.0))
    started = time.monotonic()
    with pytest.raises(GeneratorError, match="did not answer within 0.5s"):
        gen(chat_server, timeout_s=0.5).generate(Q, evidence, Audience.CLINICIAN)
    assert time.monotonic() - started < 2.0


def test_the_time_limit_mid_answer_keeps_what_was_written(chat_server: ChatServer, evidence: list[Hit]) -> None:
    cut = GOOD.index("## Pitfalls")  # the server stalls there, past the time limit
    chat_server.script.append(Reply(GOOD, stall_at=cut, stall=3.0))
    g = gen(chat_server, timeout_s=1.5)
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    assert draft.generator.startswith("openai:")
    assert any("cut off at the time limit" in n for n in draft.notes)
    assert draft.bottom_line.evidence == (1,) and draft.sections and not draft.pitfalls


def test_a_non_streaming_reply_is_accepted(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(GOOD, stream=False))
    g = gen(chat_server, stream=False)
    draft = g.generate(Q, evidence, Audience.CLINICIAN)
    assert draft.bottom_line.evidence == (1,) and g.last_stats.completion_tokens == 5


def test_the_model_defaults_to_the_servers_first(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(GOOD))
    g = OpenAIGenerator(chat_server.url, "", fallback=ExtractiveGenerator(), judge=SupportJudge())
    g.generate(Q, evidence, Audience.CLINICIAN)
    assert g.name == "openai:scripted-model"
    assert "Authorization" not in chat_server.chat_requests()[0].headers


def test_base_urls() -> None:
    assert normalise_base_url("http://localhost:11434") == "http://localhost:11434/v1"
    assert normalise_base_url("localhost:8080/") == "http://localhost:8080/v1"
    assert normalise_base_url("https://api.example.com/openai/v1/") == "https://api.example.com/openai/v1"
    assert safe_url("https://u:secret@h/v1") == "https://h/v1"
    with pytest.raises(ConfigError, match="CURBSIDE_LLM_BASE_URL"):
        normalise_base_url("")
    with pytest.raises(ConfigError):
        normalise_base_url("ftp://h")


def test_create_from_settings_needs_a_base_url() -> None:
    with pytest.raises(ConfigError, match="CURBSIDE_LLM_BASE_URL"):
        create(Settings(llm_base_url=""))
    g = create(Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="m", llm_api_key=KEY, llm_timeout_s=7))
    assert g.timeout_s == 7 and g.fallback is not None and KEY not in repr(g)


def test_repeated_sentences_are_removed(chat_server: ChatServer, evidence: list[Hit]) -> None:
    line = "Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44% compared with placebo."
    chat_server.script.append(Reply(f"BOTTOM LINE: {line} [2]\n## Evidence\n- {line} [2]\n- Muscle symptoms were "
                                    "reported by 10% of statin users. [3]\n"))
    draft = gen(chat_server).generate(Q, evidence, Audience.CLINICIAN)
    assert [b.text for s in draft.sections for b in s.bullets] == [
        "Muscle symptoms were reported by 10% of statin users."]
    assert any("removed 1 repeated sentence" in n for n in draft.notes)


def test_a_cut_off_last_sentence_is_dropped(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(
        "BOTTOM LINE: Muscle symptoms were reported by 10% of statin users. [3]\n## Harms\n"
        "- Muscle symptoms were reported by statin users, and if muscle symptoms", finish_reason="length"))
    draft = gen(chat_server).generate(Q, evidence, Audience.CLINICIAN)
    assert draft.sections == () and draft.pitfalls == ()
    assert any("unfinished last sentence" in n and "token limit" in n for n in draft.notes)


def test_no_verdict_without_a_supported_bottom_line(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(
        "VERDICT: no\nBOTTOM LINE: Statins never help anyone. [1]\n## Evidence\n"
        "- Muscle symptoms were reported by 10% of statin users. [3]\n"))
    draft = gen(chat_server, fallback=None).generate(Q, evidence, Audience.CLINICIAN)
    assert draft.verdict is None
    assert draft.bottom_line.text == "Muscle symptoms were reported by 10% of statin users."
    assert any("first supported bullet leads" in n for n in draft.notes)


def test_yes_no_verdicts_come_from_the_evidence_classifier(chat_server: ChatServer, evidence: list[Hit]) -> None:
    chat_server.script.append(Reply(GOOD.replace("VERDICT: yes", "VERDICT: no")))
    draft = gen(chat_server).generate(Q, evidence, Audience.CLINICIAN)
    reference = ExtractiveGenerator().generate(Q, evidence, Audience.CLINICIAN).verdict
    assert reference is not None and reference.value != "no"
    assert draft.verdict == reference
    assert any("(the model said no)" in n for n in draft.notes)


def test_a_flipped_finding_is_dropped(chat_server: ChatServer) -> None:
    null = make_hit(0, Kind.RCT, "BJOG", "Exercise in pregnancy and postnatal depression",
                    "We did not find a lower prevalence of postnatal depression among women randomized to "
                    "exercise during pregnancy.")
    chat_server.script.append(Reply(
        "BOTTOM LINE: Exercise during pregnancy prevents postnatal depression. [1]\n"
        "- Women randomized to exercise during pregnancy did not have a lower prevalence of postnatal "
        "depression. [1]\n"))
    draft = gen(chat_server).generate("Does exercise in pregnancy prevent postnatal depression?", [null],
                                      Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Women randomized to exercise")
    assert any("dropped 1 of 2" in n for n in draft.notes)
