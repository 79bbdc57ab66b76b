"""LLM answers through ``ask``: what the model writes is verified again in ``compose``, with the
judge named in the answer; ``eval answers --generator openai`` scores citations with that judge.

The model is the scripted chat server on 127.0.0.1 (it must be made to write wrong doses, drugs
and negations); the knowledge base is the small one the answer tests build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from curbside.answer import ask
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.openai import OpenAIGenerator
from curbside.answer.support import Support, SupportJudge
from curbside.cli.main import cli
from curbside.records import Answer, Bullet
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.corpus import build
from tests.llm.chat_server import ChatServer, Reply

HAMSTRING = "How should proximal hamstring tendinopathy be managed?"
VITAMIN_D = "Does vitamin D supplementation reduce fractures in older adults?"
DOSE = "For pain in proximal hamstring tendinopathy, ibuprofen 400 mg three times daily for up to 14 days may be used."
LOADING = "Eccentric and isometric hamstring exercises reduce pain in proximal hamstring tendinopathy within 12 weeks."


class Credulous(SupportJudge):
    """A generator-side judge that accepts everything, so that only ``compose`` stands guard."""

    def check(self, claim: str, passages: Sequence[str]) -> Support:
        return Support(1.0, True, 1.0)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(kb=tmp_path / "kb.sqlite", retriever="lexical", offline=True, generator="openai")


def bullets(answer: Answer) -> list[Bullet]:
    return [answer.bottom_line, *(b for s in answer.sections for b in s.bullets), *answer.pitfalls,
            *answer.escalation]


def shown(server: ChatServer) -> dict[int, str]:
    """The passages of the last prompt, by the number the model saw."""
    prompt = server.chat_requests()[-1].body["messages"][-1]["content"]
    return {int(n): text for n, text in re.findall(r'<passage n="(\d+)"[^>]*>(.*?)</passage>', prompt, re.DOTALL)}


def numbered(server: ChatServer, store: Store, settings: Settings, question: str, generator: OpenAIGenerator
             ) -> dict[int, str]:
    """Ask once to learn which number the model sees each passage under (the order is stable)."""
    server.script.append(Reply("I cannot answer."))
    ask(store, settings, question, generator=generator, save=False)
    return shown(server)


def cite(passages: dict[int, str], sentence: str) -> int:
    return next(n for n, text in passages.items() if sentence[:40] in " ".join(text.split()))


@pytest.mark.parametrize("generator_judge", [Credulous(), SupportJudge()], ids=["credulous-generator", "strict"])
def test_wrong_doses_drugs_negations_and_citations_never_reach_the_answer(
        chat_server: ChatServer, kb: Store, settings: Settings, generator_judge: SupportJudge) -> None:
    g = OpenAIGenerator(chat_server.url, "scripted-model", fallback=ExtractiveGenerator(), judge=generator_judge,
                        retries=0)
    passages = numbered(chat_server, kb, settings, HAMSTRING, g)
    dose, loading = cite(passages, DOSE), cite(passages, LOADING)
    wrong = {  # distinct sentences: near-repeats of another sentence are removed before any check
        "dose": "Ibuprofen 800 mg three times daily eases the pain.",
        "unit": "Ibuprofen is taken at 400 g per dose.",
        "drug": "Naproxen may be used for up to 14 days.",
        "negation": "Corticosteroid injection for proximal hamstring tendinopathy does not give short-term relief.",
    }
    chat_server.script.append(Reply(json.dumps({
        "bottom_line": {"text": LOADING, "cites": [loading, 99]},  # 99: not a passage the model was given
        "sections": [{"title": "Drugs", "bullets": [{"text": t, "cites": [dose]} for t in [*wrong.values(), DOSE]]}],
    })))
    answer = ask(kb, settings, HAMSTRING, generator=g, judge=SupportJudge(), save=False)
    assert answer.generator == "openai:scripted-model" and answer.verified_by == "lexical+strict"
    texts = [b.text for b in bullets(answer)]
    assert LOADING in texts and DOSE in texts
    assert not set(wrong.values()) & set(texts)
    notes = " ".join(answer.notes)
    assert "removed 1 citation(s) to passages the model was not given" in notes
    if isinstance(generator_judge, Credulous):  # the generator let them through: compose removed them
        for problem in ("number 800mg", "unit 'g'", "drug name 'naproxen'", "negation"):
            assert problem in notes, problem
    else:
        assert "dropped 4 of 6 model sentence(s)" in notes
    for bullet in bullets(answer):
        assert bullet.support is not None and bullet.support >= 0.6
        assert bullet.citations and all(r in {ref.number for ref in answer.references} for r in bullet.citations)


def test_a_flipped_finding_from_the_model_is_removed(chat_server: ChatServer, kb: Store, settings: Settings) -> None:
    g = OpenAIGenerator(chat_server.url, "scripted-model", fallback=ExtractiveGenerator(), judge=Credulous(),
                        retries=0)
    finding = "Vitamin D supplementation did not reduce the incidence of fractures in older adults"
    passages = numbered(chat_server, kb, settings, VITAMIN_D, g)
    n = cite(passages, finding)
    flipped = "Vitamin D supplementation reduced the incidence of fractures in older adults compared with placebo."
    chat_server.script.append(Reply(f"BOTTOM LINE: {finding}. [{n}]\n## Evidence\n- {flipped} [{n}]\n"))
    answer = ask(kb, settings, VITAMIN_D, generator=g, judge=SupportJudge(), save=False)
    assert answer.bottom_line.text == f"{finding}."
    assert flipped not in [b.text for b in bullets(answer)]
    assert any("negates" in note for note in answer.notes)


def test_an_llm_answer_is_stamped_with_the_generators_judge(chat_server: ChatServer, kb: Store,
                                                             settings: Settings) -> None:
    judge = SupportJudge()
    g = OpenAIGenerator(chat_server.url, "scripted-model", fallback=ExtractiveGenerator(), judge=judge, retries=0)
    chat_server.script.append(Reply(f"BOTTOM LINE: {LOADING} [1]\n"))
    answer = ask(kb, settings, HAMSTRING, generator=g, save=False)  # no judge given: the generator's own
    assert answer.verified_by == judge.name


@pytest.mark.parametrize("as_json", [True, False])
def test_eval_answers_reports_citation_recall_and_precision_for_an_llm(chat_server: ChatServer, tmp_path: Path,
                                                                       as_json: bool) -> None:
    build(tmp_path / "kb.sqlite").close()
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "a", "question": HAMSTRING, "long_answer": LOADING}) + "\n",
                         encoding="utf-8")
    # cited to passage 1 whatever it is: the generator re-cites a sentence to the passage supporting it
    chat_server.script.append(Reply(f"BOTTOM LINE: {LOADING} [1]\n## Drugs\n- {DOSE} [1]\n"))
    env = {"CURBSIDE_RETRIEVER": "lexical", "CURBSIDE_LLM_BASE_URL": chat_server.url,
           "CURBSIDE_LLM_MODEL": "scripted-model", "CURBSIDE_SUPPORT_JUDGE": "lexical"}
    args = ["eval", "answers", str(questions), "--kb", str(tmp_path / "kb.sqlite"), "--generator", "openai"]
    result = CliRunner().invoke(cli, [*args, "--json"] if as_json else args, env=env)
    assert result.exit_code == 0, result.output
    if as_json:
        data = json.loads(result.output)
        assert data["generator"] == "openai:scripted-model" and data["support_judge"] == "lexical+strict"
        assert data["citation_recall"] == 1.0 and data["citation_precision"] == 1.0
    else:
        assert "citation_recall" in result.output and "citation_precision" in result.output
        assert "lexical+strict" in result.output
