"""ALCE-style citation recall and precision."""

from __future__ import annotations

from curbside.answer.support import SupportJudge
from curbside.eval.citation_metrics import aggregate, citation_scores, score_claims
from curbside.records import Answer, AnswerSection, Audience, Bullet, Passage

A = "Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44% compared with placebo."
B = "Muscle symptoms were reported by 10% of statin users in the cohort."
C = "Zinc lozenges shortened colds in children."


def _passage(pid: str, text: str) -> Passage:
    return Passage(pid, pid.split("#")[0], 0, "", text, 0, len(text))


PASSAGES = {"a#0": _passage("a#0", A), "b#0": _passage("b#0", B), "c#0": _passage("c#0", C)}


def _answer(*bullets: Bullet, insufficient: bool = False) -> Answer:
    first, *rest = bullets
    return Answer(id="x", question="q", audience=Audience.CLINICIAN, bottom_line=first,
                  sections=(AnswerSection("S", tuple(rest)),) if rest else (), pitfalls=(), escalation=(),
                  references=(), safety=(), disclaimer="", generator="g", created_at="", insufficient=insufficient)


def test_all_supported_and_precise() -> None:
    answer = _answer(Bullet(A, (1,), ("a#0",)), Bullet(B, (2,), ("b#0",)))
    s = citation_scores(answer, PASSAGES)
    assert (s.recall, s.precision, s.sentences, s.citations) == (1.0, 1.0, 2, 2)


def test_an_irrelevant_extra_citation_lowers_precision_only() -> None:
    answer = _answer(Bullet(A, (1, 3), ("a#0", "c#0")))
    s = citation_scores(answer, PASSAGES)
    assert s.recall == 1.0 and s.precision == 0.5


def test_unsupported_or_uncited_sentences_lower_recall() -> None:
    answer = _answer(Bullet(A, (1,), ("a#0",)), Bullet(C, (1,), ("a#0",)), Bullet(B, (), ()))
    s = citation_scores(answer, PASSAGES)
    assert s.recall == 1 / 3
    assert s.precision == 0.5  # the citation of the unsupported sentence is not precise


def test_multi_sentence_bullets_are_scored_per_sentence() -> None:
    answer = _answer(Bullet(f"{A} {C}", (1,), ("a#0",)))
    assert citation_scores(answer, PASSAGES).recall == 0.5


def test_lookup_function_like_the_store() -> None:
    answer = _answer(Bullet(A, (1,), ("a#0",)))
    s = citation_scores(answer, lambda ids: {i: PASSAGES[i] for i in ids})
    assert s.recall == 1.0


def test_insufficient_answers_are_excluded_from_averages() -> None:
    s = citation_scores(_answer(Bullet("Too little evidence."), insufficient=True), PASSAGES)
    assert s.recall is None and s.precision is None
    assert aggregate([s, score_claims([(A, [A])], SupportJudge())]) == {
        "citation_recall": 1.0, "citation_precision": 1.0}
    assert aggregate([s]) == {"citation_recall": None, "citation_precision": None}
