"""Sufficiency for yes/no questions whose words are spread over one study's sections.

A PubMedQA-style question is a study's title; the study's abstract names the population in one
section, the exposure in another and the outcome in the conclusion, so no single passage covers
the question although the study as a whole is exactly about it. Such a study counts whole; a long
document (a guideline) with the same words scattered over its sections does not, nor does the
study answer a question that is not yes/no or whose rarest term it lacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import curbside.answer.whole_documents as whole_documents
from curbside.answer import ask
from curbside.answer.evidence import COVERAGE_MIN, Evidence, gather
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.answer.whole_documents import STUDY_MAX_CHARS
from curbside.ingest import ingest_documents
from curbside.records import Audience, Document, Kind, Section, Verdict
from curbside.retrieve import make_retriever
from curbside.settings import Settings
from curbside.store import Store

STUDY_QUESTION = ("Is preoperative anaemia associated with anastomotic leakage in patients undergoing "
                  "colorectal resection?")

STUDY = Document(
    id="pmid:2000001", kind=Kind.OBSERVATIONAL, source="test", year=2018, pmid="2000001",
    title="A retrospective cohort from a teaching hospital", issuer="Surgical Outcomes",
    sections=(
        Section("BACKGROUND", "Anaemia is common before colorectal resection and is often left untreated."),
        Section("METHODS", "We reviewed 640 consecutive patients undergoing elective surgery; preoperative "
                           "haemoglobin was recorded at the clinic visit."),
        Section("RESULTS", "Leakage occurred in 48 patients (7.5%)."),
        Section("CONCLUSIONS", "Anaemia was independently associated with anastomotic leakage."),
    ),
)

# the same spread of a question's words, but over a guideline far longer than an abstract
_FILLER = [
    ("Fasting", "Clear fluids may be taken until two hours before anaesthesia and solid food until six hours "
                "before, unless gastric emptying is delayed by diabetes or opioid use."),
    ("Antibiotic prophylaxis", "A single dose of cefazolin within sixty minutes before incision is given for "
                               "clean procedures with implants; redosing follows long operations."),
    ("Skin preparation", "Chlorhexidine in alcohol is applied to dry skin and hair is clipped, not shaved, "
                         "immediately before the operation when removal is needed at all."),
    ("Warming", "Core temperature is kept above 36 degrees with forced-air warming from induction until the "
                "end of the operation and in the recovery room."),
    ("Mobilisation", "Walking with a physiotherapist begins on the day of the operation when it is safe, and "
                     "discharge is planned from the first clinic visit onwards."),
    ("Pain relief", "Regular paracetamol with short courses of oral opioids is preferred to continuous "
                    "infusions; nerve blocks are offered where the team is trained to place them."),
]
GUIDELINE = Document(
    id="test:perioperative-guideline", kind=Kind.GUIDELINE, source="test", year=2020,
    title="Perioperative care: clinical practice guideline", issuer="Society of Perioperative Medicine",
    sections=(
        Section("Scope", "This guideline covers adults having elective knee arthroplasty."),
        *(Section(label, f"{text} {text}") for label, text in _FILLER),
        Section("Bleeding", "Tranexamic acid is given intravenously at induction."),
        *(Section(f"{label} (review)", f"{text} {text}") for label, text in _FILLER),
        *(Section(f"{label} (audit)", f"{text} {text}") for label, text in _FILLER),
        Section("Outcomes", "Blood loss is measured from drains and haemoglobin on the first day."),
    ),
)
GUIDELINE_QUESTION = ("Is tranexamic acid associated with reduced blood loss in adults undergoing knee "
                      "arthroplasty?")


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[Store]:
    from tests.answer.corpus import DOCUMENTS

    store = Store.open(tmp_path / "kb.sqlite")
    ingest_documents(store, [*DOCUMENTS, STUDY, GUIDELINE])
    yield store
    store.close()


def _evidence(kb: Store, settings: Settings, question: str) -> Evidence:
    return gather(make_retriever(kb, settings), analyse(question), Audience.CLINICIAN, k=settings.k,
                  stats=TermStats(kb))


def test_documents_are_the_lengths_the_rule_is_about() -> None:
    assert len(STUDY.text) <= STUDY_MAX_CHARS < len(GUIDELINE.text)


def test_a_study_that_covers_a_yes_no_question_as_a_whole_answers_it(kb: Store, settings: Settings) -> None:
    evidence = _evidence(kb, settings, STUDY_QUESTION)
    assert evidence.coverage < COVERAGE_MIN  # no one passage covers it: the old rule abstained
    assert evidence.study_coverage >= COVERAGE_MIN and evidence.sufficient
    # the whole study joins the evidence: "preoperative", the rarest term, is only in its methods
    assert {h.passage.id for h in evidence.hits} >= {f"{STUDY.id}#{i}" for i in range(len(STUDY.sections))}

    answer = ask(kb, settings, STUDY_QUESTION)
    assert not answer.insufficient
    assert answer.verdict is Verdict.YES
    assert any(r.pmid == STUDY.pmid for r in answer.references)


def test_a_long_document_does_not_count_whole(kb: Store, settings: Settings) -> None:
    evidence = _evidence(kb, settings, GUIDELINE_QUESTION)
    assert evidence.hits[0].document.id == GUIDELINE.id
    assert evidence.coverage < COVERAGE_MIN and evidence.study_coverage == 0.0

    answer = ask(kb, settings, GUIDELINE_QUESTION)
    assert answer.insufficient and answer.verdict is None


def test_it_is_the_length_that_keeps_the_guideline_out(kb: Store, settings: Settings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whole_documents, "STUDY_MAX_CHARS", 10 * len(GUIDELINE.text))
    assert _evidence(kb, settings, GUIDELINE_QUESTION).study_coverage >= COVERAGE_MIN


def test_only_yes_no_questions_count_a_study_whole(kb: Store, settings: Settings) -> None:
    question = "How is preoperative anaemia associated with anastomotic leakage after colorectal resection?"
    assert not analyse(question).yes_no
    evidence = _evidence(kb, settings, question)
    assert evidence.coverage < COVERAGE_MIN and evidence.study_coverage == 0.0
    assert ask(kb, replace(settings, semantic_sufficiency=False), question).insufficient
    # (the study is about exactly what is asked: its closeness in meaning answers it, answer/closeness.py)
    answer = ask(kb, settings, question)
    assert not answer.insufficient and any(n.startswith("answered on closeness") for n in answer.notes)


def test_a_study_without_the_rarest_term_still_abstains(kb: Store, settings: Settings) -> None:
    question = ("Is preoperative anaemia associated with anastomotic leakage in patients undergoing "
                "pancreaticoduodenectomy?")
    evidence = _evidence(kb, settings, question)
    assert evidence.key_term == "pancreaticoduodenectomy" and not evidence.sufficient
    answer = ask(kb, settings, question)
    assert answer.insufficient and "pancreaticoduodenectomy" in answer.bottom_line.text


def test_sufficient_at_sweeps_both_rules(kb: Store, settings: Settings) -> None:
    evidence = _evidence(kb, settings, STUDY_QUESTION)
    assert evidence.sufficient_at(evidence.study_coverage)
    assert not evidence.sufficient_at(evidence.study_coverage + 0.01)
