"""``curbside eval answers``: ask every question of a benchmark file and score the answers.

Question files (JSON lines) are recognised by their fields:

* PubMedQA — ``question``, ``final_decision`` (yes/no/maybe), ``long_answer``, ``gold_pmids``;
* BioASQ — ``question``, ``type``, ``exact_answer`` (yes/no for yes/no questions),
  ``ideal_answer`` [text], ``gold_pmids``;
* MedLFQA — ``Question``, ``Free_form_answer``, ``Must_have`` [statements], ``Nice_to_have``
  (the raw ``instances`` form and question-only files are read too).

Metrics (``None`` where the gold does not allow): ``verdict_accuracy`` (gold maybe = our
uncertain; no verdict counts as uncertain; ``verdict_accuracy_answered`` leaves abstentions
out), ``gold_cited`` (any gold PMID among the references), ``rougeL_bottom_line``,
``must_have_coverage`` (support judge, ``metrics_answers``), ``citation_support`` (bullets whose
cited passages, re-read from the store, the support judge accepts),
``citation_recall``/``citation_precision`` (ALCE-style, ``eval/citation_metrics``), latency
p50/p95, and answer-shape rates.

Citations are scored with the judge that verified the answers (``judge_for(generator,
settings.support_judge)``, named in the summary as ``support_judge``), so each generator is
measured by the standard its answers were held to.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

from curbside.answer import ask
from curbside.answer.generators.base import Generator
from curbside.answer.readability import fk_grade
from curbside.answer.registry import get_generator
from curbside.answer.support import SupportJudge, judge_for
from curbside.errors import CurbsideError, QueryError
from curbside.eval.citation_metrics import citation_scores
from curbside.eval.metrics_answers import percentile, rouge_l, supported
from curbside.records import Answer, Audience, Bullet, Verdict
from curbside.retrieve import Retriever
from curbside.settings import Settings
from curbside.store import Store

_VERDICTS = {"yes": Verdict.YES, "no": Verdict.NO, "maybe": Verdict.UNCERTAIN, "uncertain": Verdict.UNCERTAIN}


@dataclass(frozen=True)
class EvalItem:
    id: str
    question: str
    verdict: Verdict | None = None
    gold_pmids: tuple[str, ...] = ()
    reference: str = ""
    must_have: tuple[str, ...] = ()


@dataclass
class ItemResult:
    item: EvalItem
    answer: Answer | None
    latency_s: float
    error: str = ""
    metrics: dict[str, float | None] = field(default_factory=dict)


def _item(data: dict[str, Any], n: int) -> EvalItem | None:
    if "instances" in data and "Question" not in data:  # raw MedLFQA / MedInfo form
        inst = data["instances"]
        q = str(inst.get("input", "")).removeprefix("QUESTION:").strip()
        return EvalItem(str(data.get("id", n)), q, reference=str(inst.get("output", "")).strip())
    question = str(data.get("question") or data.get("Question") or "").strip().lstrip(",").strip()
    if not question:
        return None
    verdict = None
    if "final_decision" in data:
        verdict = _VERDICTS.get(str(data["final_decision"]).lower())
    elif data.get("type") == "yesno" and isinstance(data.get("exact_answer"), str):
        verdict = _VERDICTS.get(data["exact_answer"].lower())
    reference = data.get("long_answer") or data.get("Free_form_answer") or data.get("ideal_answer") or ""
    if isinstance(reference, list):
        reference = reference[0] if reference else ""
    return EvalItem(
        id=str(data.get("id", n)), question=question, verdict=verdict,
        gold_pmids=tuple(str(p) for p in data.get("gold_pmids", ())), reference=str(reference),
        must_have=tuple(str(s) for s in data.get("Must_have", ())),
    )


def load_items(path: Path, limit: int | None = None) -> list[EvalItem]:
    """Read a question file (JSON lines); CurbsideError for an unreadable file."""
    items: list[EvalItem] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                item = _item(json.loads(line), n)
                if item is not None:
                    items.append(item)
                if limit and len(items) >= limit:
                    break
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CurbsideError(f"{path}: cannot read question file: {exc}") from None
    return items


def _bullets(answer: Answer) -> list[Bullet]:
    return [answer.bottom_line, *(b for s in answer.sections for b in s.bullets), *answer.pitfalls,
            *answer.escalation]


def answer_text(answer: Answer) -> str:
    return " ".join(b.text for b in _bullets(answer))


def score_item(store: Store, item: EvalItem, answer: Answer, judge: SupportJudge | None = None
               ) -> dict[str, float | None]:
    judge = judge or SupportJudge()
    m: dict[str, float | None] = {}
    if item.verdict is not None:
        m["verdict"] = float((answer.verdict or Verdict.UNCERTAIN) is item.verdict)
    if item.gold_pmids:
        cited = {r.pmid for r in answer.references} | {r.document_id.removeprefix("pmid:") for r in answer.references}
        m["gold_cited"] = float(bool(cited & set(item.gold_pmids)))
    if item.reference:
        m["rougeL"] = rouge_l(answer.bottom_line.text, item.reference)
    if item.must_have:
        text = answer_text(answer) if not answer.insufficient else ""
        m["must_have"] = mean(float(supported(s, text)) for s in item.must_have)
    if not answer.insufficient:
        bullets = _bullets(answer)
        passages = store.passages_by_ids(p for b in bullets for p in b.passage_ids)
        ok = [judge.check(b.text, [passages[p].text for p in b.passage_ids if p in passages]).supported
              for b in bullets]
        m["citation_support"] = mean(float(x) for x in ok) if ok else None
        m["grade"] = fk_grade(answer_text(answer))
        scores = citation_scores(answer, passages, judge)
        m["citation_recall"], m["citation_precision"] = scores.recall, scores.precision
    return m


def run(store: Store, settings: Settings, items: Iterable[EvalItem], *, audience: Audience = Audience.CLINICIAN,
        generator: Generator | None = None, retriever: Retriever | None = None,
        progress: Callable[[ItemResult], None] | None = None, judge: SupportJudge | None = None,
        ) -> list[ItemResult]:
    """Answer every item (nothing is stored) and score it; ``judge`` verifies the answers and
    scores their citations (default: the one ``ask`` would choose for the generator)."""
    generator = generator or get_generator(settings.generator, settings, store=store)
    judge = judge or judge_for(generator, settings.support_judge)
    results = []
    for item in items:
        started = time.perf_counter()
        try:
            answer = ask(store, settings, item.question, audience=audience, generator=generator,
                         retriever=retriever, save=False, judge=judge)
        except QueryError as exc:
            result = ItemResult(item, None, time.perf_counter() - started, error=str(exc))
        else:
            result = ItemResult(item, answer, time.perf_counter() - started)
            result.metrics = score_item(store, item, answer, judge)
        results.append(result)
        if progress:
            progress(result)
    return results


def _mean(results: list[ItemResult], key: str) -> float | None:
    values = [r.metrics[key] for r in results if r.metrics.get(key) is not None]
    return round(mean(v for v in values if v is not None), 4) if values else None


def summarize(results: list[ItemResult]) -> dict[str, Any]:
    """One flat object: the issue's keys first, then extra shape and readability numbers."""
    answered = [r for r in results if r.answer is not None]
    latencies = [r.latency_s for r in results]
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    return {
        "n": len(results),
        "verdict_accuracy": _mean(results, "verdict"),
        "verdict_accuracy_answered": _mean([r for r in results if r.answer and not r.answer.insufficient],
                                           "verdict"),
        "gold_cited": _mean(results, "gold_cited"),
        "rougeL_bottom_line": _mean(results, "rougeL"),
        "must_have_coverage": _mean(results, "must_have"),
        "citation_support": _mean(results, "citation_support"),
        "citation_recall": _mean(results, "citation_recall"),
        "citation_precision": _mean(results, "citation_precision"),
        "latency_p50_s": None if p50 is None else round(p50, 3),
        "latency_p95_s": None if p95 is None else round(p95, 3),
        "answered_rate": round(sum(not r.answer.insufficient for r in answered if r.answer) / len(results), 4)
        if results else None,
        "declined_rate": round(sum(any(n.startswith("declined") for n in r.answer.notes)
                                   for r in answered if r.answer) / len(results), 4) if results else None,
        "errors": sum(bool(r.error) for r in results),
        "reading_grade": _mean(results, "grade"),
        "n_verdict": sum("verdict" in r.metrics for r in results),
        "n_must_have": sum("must_have" in r.metrics for r in results),
    }
