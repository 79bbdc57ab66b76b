"""Answer metrics: ROUGE-L, a calibrated lexical support judge for must-have statements, and
its agreement with the physician NLI labels of K-QA.

ROUGE-L is the F-measure of the longest common subsequence of (lower-cased, lightly stemmed)
tokens, as in ``rouge-score`` with ``use_stemmer=True`` (our stemmer, not Porter's).

The support judge says whether a statement is supported by an answer text: the best share of
the statement's content stems found in any window of up to three consecutive answer sentences,
compared with ``JUDGE_THRESHOLD``. ``calibrate_judge`` picks the threshold that maximises
agreement (accuracy) with the majority physician label (Entailment vs Neutral/Contradiction)
of ``benchmarks/k-qa/NLI_medical_annotator.csv`` and reports accuracy and Cohen's kappa, beside
the physicians' own agreement with each other.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from curbside.answer.text import content_stems, stems
from curbside.sentences import sentences

JUDGE_THRESHOLD = 0.43  # calibrated on K-QA (accuracy 0.69, kappa 0.35; see docs/answers.md)


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 between two texts (0.0 when either is empty)."""
    c, r = stems(candidate), stems(reference)
    lcs = _lcs(c, r)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(c), lcs / len(r)
    return 2 * precision * recall / (precision + recall)


def support_score(statement: str, text: str) -> float:
    """Best share of the statement's content stems inside a window of ≤3 sentences of ``text``."""
    wanted = set(content_stems(statement))
    if not wanted:
        return 1.0
    units = [set(content_stems(s)) for s in sentences(text)] or [set(content_stems(text))]
    best = 0.0
    for i in range(len(units)):
        window: set[str] = set()
        for j in range(i, min(i + 3, len(units))):
            window |= units[j]
            best = max(best, len(wanted & window) / len(wanted))
    return best


def supported(statement: str, text: str, threshold: float = JUDGE_THRESHOLD) -> bool:
    return support_score(statement, text) >= threshold


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    n = len(a)
    if n == 0:
        return 0.0
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 0.0 if expected == 1 else (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class JudgeCalibration:
    n: int
    threshold: float
    accuracy: float
    kappa: float
    physician_accuracy: float  # one physician vs the majority of the other two, averaged
    physician_kappa: float
    entailed_share: float  # share of Entailment labels (accuracy of "always not supported": 1 − this)


def calibrate_judge(csv_path: Path) -> JudgeCalibration:
    """Choose the judge threshold on the K-QA physician labels and report agreement."""
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    gold = [r["majority_label"] == "Entailment" for r in rows]
    scores = [support_score(r["claim"], r["answer"]) for r in rows]
    best = (0.0, 0.0, JUDGE_THRESHOLD)
    for step in range(20, 96):
        threshold = step / 100
        pred = [s >= threshold for s in scores]
        acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(rows)
        if acc > best[0]:
            best = (acc, cohen_kappa(pred, gold), threshold)
    accs, kappas = [], []
    labels = [[r[f"label_{i}"] == "Entailment" for r in rows] for i in range(3)]
    for i in range(3):
        others = [labels[j] for j in range(3) if j != i]
        # majority of the other two, ties (one each) broken towards "not entailed"
        majority = [x and y for x, y in zip(*others, strict=True)]
        accs.append(sum(p == g for p, g in zip(labels[i], majority, strict=True)) / len(rows))
        kappas.append(cohen_kappa(labels[i], majority))
    return JudgeCalibration(n=len(rows), threshold=best[2], accuracy=best[0], kappa=best[1],
                            physician_accuracy=sum(accs) / 3, physician_kappa=sum(kappas) / 3,
                            entailed_share=sum(gold) / len(rows))


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]
