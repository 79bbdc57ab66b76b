"""The trained verdict model: verdicts on clear, negative and hedged conclusions, the pinned model
file, the conclusions added for yes/no questions, and the training script on a tiny sample."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from curbside.answer.conclusions import missing_conclusions
from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.verdict import Basis, bases, show_basis, weigh
from curbside.answer.generators.extractive.verdict_cues import CUES, cues, tokens
from curbside.answer.generators.extractive.verdict_model import (
    MODEL_FILE,
    MODEL_SHA256,
    load,
    sha256,
    verified,
)
from curbside.errors import CurbsideError
from curbside.records import Hit, Verdict
from curbside.store import Store
from tests.answer.corpus import build

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "Does drug X reduce mortality in heart failure?"


def _basis(*texts: str, relevance: float = 0.9) -> Basis:
    return Basis(tuple(texts), (1,), True, relevance)


@pytest.mark.parametrize(("texts", "expected"), [
    (("Drug X significantly reduced mortality in patients with heart failure.",
      "Drug X should be considered for all patients with reduced ejection fraction."), Verdict.YES),
    (("Drug X did not reduce mortality in heart failure.",
      "There was no significant difference in survival between drug X and placebo."), Verdict.NO),
    (("Whether drug X reduces mortality in heart failure remains unclear; the results were inconclusive.",
      "Larger randomised trials are needed."), Verdict.UNCERTAIN),
])
def test_verdicts_on_conclusions(texts: tuple[str, ...], expected: Verdict) -> None:
    result = weigh(QUESTION, [_basis(*texts)], load())
    assert result.verdict is expected
    assert result.deciding == texts  # what the answer must show


def test_a_call_for_more_research_after_a_finding_is_not_uncertain() -> None:
    result = weigh(QUESTION, [_basis("Drug X reduced mortality in heart failure.",
                                     "Further studies are needed to confirm these findings.")], load())
    assert result.verdict is Verdict.YES


def test_leading_studies_that_disagree_make_it_uncertain() -> None:
    yes = _basis("Drug X significantly reduced mortality in patients with heart failure.")
    no = _basis("Drug X did not reduce mortality in heart failure; it was not effective.")
    result = weigh(QUESTION, [yes, no], load())
    assert result.verdict is Verdict.UNCERTAIN and "differently" in result.note
    # a much less relevant second study does not count against the first
    assert weigh(QUESTION, [yes, _basis(*no.texts, relevance=0.3)], load()).verdict is Verdict.YES


def test_no_evidence_is_uncertain() -> None:
    assert weigh(QUESTION, [], load()).verdict is Verdict.UNCERTAIN


def test_cues_read_the_question() -> None:
    same = cues("Are the two procedures the same?", ["The procedures differ in duration and yield."])
    assert same["asks_same_finds_different"] == 1.0
    negated = cues("Are clinical predictors adequate?", ["Clinical predictors appear inadequate."])
    assert negated["question_word_negated"] > 0
    assert cues(QUESTION, ["Drug X is safe with no complications."])["plain_negation"] == 0.0
    assert set(cues(QUESTION, [])) == set(CUES)
    assert tokens("X did not reduce mortality.") == ["x", "did", "not", "NEG_reduce", "NEG_mortality"]


def test_packaged_model_is_pinned() -> None:
    data = resources.files("curbside.answer").joinpath(f"data/{MODEL_FILE}").read_bytes()
    assert sha256(data) == MODEL_SHA256
    model = load()
    assert model.version == "2" and model.bias
    assert set(model.weights) <= set(CUES)  # every weight belongs to a named, documented cue
    cv = model.meta["cross_validated"]
    assert cv["folds"] == 5 and 0.5 < cv["accuracy"] < 1  # how it was validated travels with it
    with pytest.raises(CurbsideError, match="does not match"):
        verified(data.replace(b'"version": "2"', b'"version": "3"'))


def _hits(store: Store, doc_id: str, sections: tuple[str, ...]) -> list[Hit]:
    doc = store.get_document(doc_id)
    return [Hit(p, doc, 1.0) for p in store.passages_for(doc_id) if p.section in sections]


def test_missing_conclusions_are_added_and_shown(tmp_path: Path) -> None:
    store = build(tmp_path / "kb.sqlite")
    try:
        hits = _hits(store, "pmid:1000001", ("BACKGROUND",))
        extra = missing_conclusions(store, hits)
        assert [h.passage.section for h in extra] == ["CONCLUSIONS"]
        assert missing_conclusions(store, [*hits, *extra]) == []  # nothing twice
        found = extract([*hits, *extra])
        question = "Does vitamin D supplementation reduce fractures in older adults?"
        result = weigh(question, bases(found), load())
        assert result.verdict is Verdict.NO
        chosen = Plan(bottom=found[0], body=[], pitfalls=[], escalation=[])  # the background sentence
        show_basis(chosen, found, result)
        assert chosen.body[0].text.startswith("Vitamin D supplementation did not reduce")
    finally:
        store.close()


def test_training_script_runs_on_a_tiny_sample(tmp_path: Path) -> None:
    build(tmp_path / "kb.sqlite").close()
    questions = tmp_path / "q.jsonl"
    rows = [("Does vitamin D supplementation reduce fractures in older adults?", "no"),
            ("Does early mobilisation after hip fracture surgery reduce complications?", "yes"),
            ("Is statin use associated with breast cancer mortality?", "yes"),
            ("Does vitamin D supplementation prevent fractures in adults aged 70 years or older?", "no")]
    questions.write_text("".join(json.dumps({"id": str(i), "question": q, "final_decision": d}) + "\n"
                                 for i, (q, d) in enumerate(rows)), encoding="utf-8")
    out = tmp_path / "model.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fit_verdict.py"), "--kb", str(tmp_path / "kb.sqlite"),
         "--questions", str(questions), "--folds", "2", "--repeats", "1", "--out", str(out)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "cross_validated" in done.stdout and "sha256" in done.stdout
    model = load(out)
    assert model.meta["n"] == 4 and model.meta["n_fitted"] >= 3
    assert weigh("Does X help?", [_basis("X did not help.")], model).verdict in set(Verdict)


def test_evidence_that_leans_neither_way_is_uncertain() -> None:
    """The real USPSTF aspirin statements (the corpora KB's top evidence): yes for some ages, an
    individual decision for others, no benefit in a third group. P(yes) and P(no) are within a
    hair, so no yes/no is claimed — a "No" here contradicted the bottom line."""
    texts = ("The USPSTF recommends initiating low-dose aspirin use for the primary prevention of cardiovascular "
             "disease (CVD) and colorectal cancer (CRC) in adults aged 50 to 59 years who have a 10% or greater "
             "10-year CVD risk, are not at increased risk for bleeding, have a life expectancy of at least 10 years, "
             "and are willing to take low-dose aspirin daily for at least 10 years.",
             "The decision to initiate low-dose aspirin use for the primary prevention of CVD and CRC in adults aged "
             "60 to 69 years who have a 10% or greater 10-year CVD risk should be an individual one.",
             "Persons who are not at increased risk for bleeding, have a life expectancy of at least 10 years, and are "
             "willing to take low-dose aspirin daily for at least 10 years are more likely to benefit.",
             "Persons who place a higher value on the potential benefits than the potential harms may choose to "
             "initiate low-dose aspirin.",
             "Evidence indicates that the net benefit of aspirin use in this group is small.",
             "Evidence shows that low-dose aspirin treatment in asymptomatic patients with a low ABI does not "
             "improve health outcomes and may increase bleeding.")
    question = "Is low-dose aspirin recommended for primary prevention of cardiovascular disease?"
    result = weigh(question, [Basis(texts, (1,), False, 0.9)], load())
    assert abs(result.polarity) < 0.05
    assert result.verdict is Verdict.UNCERTAIN and "neither way" in result.note
