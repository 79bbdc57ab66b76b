from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curbside.cli.main import cli
from curbside.eval.answers import load_items, run, summarize
from curbside.eval.metrics_answers import (
    calibrate_judge,
    cohen_kappa,
    percentile,
    rouge_l,
    support_score,
    supported,
)
from curbside.records import Verdict
from curbside.settings import Settings
from tests.answer.corpus import build

KEYS = {"n", "verdict_accuracy", "gold_cited", "rougeL_bottom_line", "must_have_coverage", "citation_support",
        "latency_p50_s", "latency_p95_s", "citation_recall", "citation_precision"}


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_load_items_recognises_each_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "q.jsonl", [
        {"id": "1", "question": "Does X help?", "final_decision": "maybe", "long_answer": "Perhaps.",
         "gold_pmids": ["11"]},
        {"id": "2", "type": "yesno", "question": "Is Y a gene?", "exact_answer": "yes", "ideal_answer": ["Yes."],
         "gold_pmids": ["22"]},
        {"id": "3", "type": "factoid", "question": "Which factor?", "exact_answer": [["XIa"]],
         "ideal_answer": ["Factor XIa."]},
        {"Question": ",Are warts serious?", "Free_form_answer": "Rarely.", "Must_have": ["Warts are benign."]},
        {"id": "seed", "instances": {"input": "QUESTION: what is lexapro\n", "output": "An SSRI."}},
    ])
    items = load_items(path)
    assert [i.verdict for i in items] == [Verdict.UNCERTAIN, Verdict.YES, None, None, None]
    assert items[0].gold_pmids == ("11",) and items[1].reference == "Yes."
    assert items[3].question == "Are warts serious?" and items[3].must_have == ("Warts are benign.",)
    assert items[4].question == "what is lexapro" and items[4].reference == "An SSRI."
    assert len(load_items(path, limit=2)) == 2


def test_metrics() -> None:
    assert rouge_l("the cat sat on the mat", "the cat sat on the mat") == 1.0
    assert rouge_l("", "anything") == 0.0
    assert 0.5 < rouge_l("statins reduced mortality", "statin use reduced breast cancer mortality") < 1
    assert supported("Statins reduce mortality", "In the trial, statins reduced mortality by a third.")
    assert support_score("Aspirin prevents migraine", "Statins reduce mortality.") < 0.4
    assert cohen_kappa([True, False, True], [True, False, True]) == 1.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0 and percentile([], 50) is None


def test_judge_calibration_on_physician_labels(shared_data: Path) -> None:
    calibration = calibrate_judge(shared_data / "benchmarks" / "k-qa" / "NLI_medical_annotator.csv")
    assert calibration.n == 399
    assert calibration.accuracy > 1 - calibration.entailed_share  # beats "never supported"
    assert 0 < calibration.kappa < calibration.physician_kappa


def test_run_and_summarize_on_a_small_kb(tmp_path: Path) -> None:
    store = build(tmp_path / "kb.sqlite")
    path = _write(tmp_path / "q.jsonl", [
        {"id": "a", "question": "Does vitamin D supplementation reduce fractures in older adults?",
         "final_decision": "no", "long_answer": "Vitamin D did not reduce fractures in older adults.",
         "gold_pmids": ["1000001"]},
        {"id": "b", "question": "How is malaria treated in pregnancy?", "final_decision": "maybe",
         "long_answer": "Unknown.", "gold_pmids": ["9"]},
        {"Question": "What are the symptoms of shingles?", "Free_form_answer": "Pain, then a rash.",
         "Must_have": ["Shingles starts with burning pain or tingling on one side of the body",
                       "Shingles is caused by the measles virus"]},
    ])
    results = run(store, Settings(kb=tmp_path / "kb.sqlite", retriever="lexical"), load_items(path))
    summary = summarize(results)
    assert KEYS <= set(summary) and summary["n"] == 3
    assert summary["verdict_accuracy"] == 1.0  # "no" right; no verdict on the uncovered one counts as uncertain
    assert summary["gold_cited"] == 0.5
    assert summary["must_have_coverage"] == 0.5
    assert summary["citation_support"] == 1.0
    assert 0 < summary["rougeL_bottom_line"] <= 1
    assert store.count_answers() == 0  # eval stores nothing
    store.close()


def test_cli_eval_answers_json(tmp_path: Path) -> None:
    build(tmp_path / "kb.sqlite").close()
    path = _write(tmp_path / "q.jsonl", [{"id": "a", "question": "Does vitamin D supplementation reduce fractures "
                                          "in older adults?", "final_decision": "no", "long_answer": "No.",
                                          "gold_pmids": ["1000001"]}])
    result = CliRunner().invoke(cli, ["eval", "answers", str(path), "--kb", str(tmp_path / "kb.sqlite"), "--json"],
                                env={"CURBSIDE_RETRIEVER": "lexical"})
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert KEYS <= set(data) and data["verdict_accuracy"] == 1.0 and data["must_have_coverage"] is None
    assert data["generator"] == "extractive-v1" and data["support_judge"] == "lexical+strict"
    assert data["citation_recall"] == 1.0 and data["citation_precision"] == 1.0  # held to the judge it is scored by


def test_unreadable_question_file(tmp_path: Path) -> None:
    from curbside.errors import CurbsideError

    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CurbsideError, match="cannot read"):
        load_items(bad)
