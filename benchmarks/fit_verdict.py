"""Fit the verdict model (``src/curbside/answer/data/verdict_model.json``) and report its
cross-validated accuracy.

    python benchmarks/fit_verdict.py --kb KB [--questions FILE] [--limit N] [--folds 5] [--repeats 3]
        [--out MODEL.json] [--cache EXAMPLES.json] [--ablations]

Every question goes through the answer pipeline's own steps (retrieve, rerank, the leading
conclusions added, candidate sentences, ``verdict.bases``), so the model is fitted on exactly what
``ask`` reads. Questions the pipeline would not give a verdict (too little evidence, not yes/no)
count as *uncertain*, as in ``curbside eval answers``. The reported accuracy is k-fold
cross-validated: each fold's verdicts come from a model fitted on the other folds only. The final
model is then fitted on every question and written with its checksum printed (pin it in
``verdict_model.MODEL_SHA256``). KB: built from all of ../shared/data/corpora.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from curbside.answer.conclusions import with_conclusions
from curbside.answer.evidence import gather
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.assemble import plan
from curbside.answer.generators.extractive.verdict import Basis, bases, weigh
from curbside.answer.generators.extractive.verdict_model import CLASSES, VerdictModel, sha256, to_json, vectorize
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.eval.answers import load_items
from curbside.records import Audience, Verdict
from curbside.retrieve import make_retriever
from curbside.settings import load_settings
from curbside.store import Store

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT.parent / "shared" / "data" / "benchmarks" / "pubmedqa-train" / "questions.jsonl"
MODEL = ROOT / "src" / "curbside" / "answer" / "data" / "verdict_model.json"
LABEL = {Verdict.YES: 0, Verdict.NO: 1, Verdict.UNCERTAIN: 2}
LAMBDA = 0.01  # L2 strength (chosen by cross-validation on PubMedQA among 0.001, 0.01, 0.03)
BUCKETS = 0  # hashed n-gram buckets: 1024 cross-validated no better than the cues alone (--ablations)
STEPS = 400


@dataclass(frozen=True)
class Example:
    id: str
    question: str
    gold: int  # 0 yes, 1 no, 2 maybe
    answered: bool  # the pipeline gives a verdict (else it counts as uncertain)
    bases: tuple[Basis, ...]


def collect(kb: Path, questions: Path, limit: int | None) -> list[Example]:
    settings = load_settings({"kb": kb})
    out = []
    with Store.open(kb, readonly=True) as store:
        retriever, stats = make_retriever(store, settings), TermStats(store)
        generator = ExtractiveGenerator(stats)
        for item in load_items(questions, limit):
            if item.verdict is None:
                continue
            info = analyse(item.question)
            evidence = gather(retriever, info, Audience.CLINICIAN, k=settings.k, stats=stats)
            found_bases: list[Basis] = []
            answered = info.yes_no and evidence.sufficient
            if answered:
                evidence = with_conclusions(store, evidence, stats)
                found = generator.candidates(info.text, evidence.hits, Audience.CLINICIAN)
                answered = plan(found, Audience.CLINICIAN, True, info.intents) is not None
                found_bases = bases(found) if answered else []
            out.append(Example(item.id, info.text, LABEL[item.verdict], answered and bool(found_bases),
                               tuple(found_bases)))
    return out


def save_examples(examples: Sequence[Example], path: Path) -> None:
    path.write_text(json.dumps([asdict(e) for e in examples]), encoding="utf-8")


def load_examples(path: Path) -> list[Example]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [Example(r["id"], r["question"], r["gold"], r["answered"],
                    tuple(Basis(tuple(b["texts"]), tuple(b["evidence"]), b["conclusion"], b["relevance"])
                          for b in r["bases"])) for r in rows]


def features(example: Example, buckets: int) -> dict[str, float]:
    """The training view: the first (deciding) document's conclusion."""
    first = example.bases[0]
    return vectorize(example.question, first.texts, buckets=buckets)


def fit(rows: Sequence[dict[str, float]], labels: Sequence[int], lam: float = LAMBDA,
        steps: int = STEPS) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2 on the weights (not the bias), full-batch Adam from zero:
    deterministic, numpy only. Returns (feature names, weights [features × 3], bias [3])."""
    names = sorted({name for row in rows for name in row})
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    for i, row in enumerate(rows):
        for name, value in row.items():
            x[i, index[name]] = value
    x[:, -1] = 1.0
    y = np.eye(3)[np.asarray(labels)]
    w = np.zeros((x.shape[1], 3))
    m, v = np.zeros_like(w), np.zeros_like(w)
    penalty = np.ones((x.shape[1], 1))
    penalty[-1] = 0.0
    for t in range(1, steps + 1):
        z = x @ w
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        grad = x.T @ (p - y) / len(x) + lam * w * penalty
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return names, w[:-1], w[-1]


def train(examples: Sequence[Example], buckets: int, lam: float = LAMBDA,
          meta: dict[str, object] | None = None, version: str = "2") -> VerdictModel:
    used = [e for e in examples if e.answered]
    if not used:
        raise SystemExit("no answered questions to fit on (is the KB built from the corpora?)")
    names, w, b = fit([features(e, buckets) for e in used], [e.gold for e in used], lam)
    weights = {n: (float(w[i, 0]), float(w[i, 1]), float(w[i, 2])) for i, n in enumerate(names)
               if np.abs(w[i]).max() >= 1e-5}
    return VerdictModel(version, buckets, weights, (float(b[0]), float(b[1]), float(b[2])), meta or {})


def predict(example: Example, model: VerdictModel, first_only: bool = False) -> int:
    if not example.answered:
        return 2
    found = example.bases[:1] if first_only else example.bases
    return LABEL[weigh(example.question, found, model).verdict]


def scores(gold: Sequence[int], pred: Sequence[int]) -> dict[str, object]:
    g, p = np.asarray(gold), np.asarray(pred)
    confusion = [[int(((g == a) & (p == b)).sum()) for b in range(3)] for a in range(3)]
    f1 = []
    for k in range(3):
        tp, fp, fn = confusion[k][k], sum(confusion[a][k] for a in range(3)) - confusion[k][k], \
            sum(confusion[k]) - confusion[k][k]
        f1.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {"accuracy": round(float((g == p).mean()), 4), "macro_f1": round(float(np.mean(f1)), 4),
            "confusion_gold_rows_yes_no_maybe": confusion, "predicted": [int((p == k).sum()) for k in range(3)]}


def cross_validate(examples: Sequence[Example], folds: int, repeats: int, buckets: int, lam: float = LAMBDA,
                   first_only: bool = False) -> dict[str, object]:
    """Repeated k-fold: every prediction comes from a model that never saw that question."""
    gold = [e.gold for e in examples]
    runs, answered_acc, preds = [], [], []
    answered = np.array([e.answered for e in examples])
    for seed in range(repeats):
        order = np.random.default_rng(seed).permutation(len(examples))
        pred = [2] * len(examples)
        for fold in np.array_split(order, folds):
            held = set(fold.tolist())
            rest = [e for i, e in enumerate(examples) if i not in held]
            if not any(e.answered for e in rest):
                continue  # (tiny samples) nothing to fit: the held-out fold stays uncertain
            model = train(rest, buckets, lam)
            for i in held:
                pred[i] = predict(examples[i], model, first_only)
        runs.append(scores(gold, pred))
        answered_acc.append(float((np.asarray(gold)[answered] == np.asarray(pred)[answered]).mean())
                            if answered.any() else 0.0)
        preds.append(pred)
    return {"folds": folds, "repeats": repeats,
            "accuracy": round(float(np.mean([r["accuracy"] for r in runs])), 4),  # type: ignore[misc]
            "accuracy_sd": round(float(np.std([r["accuracy"] for r in runs])), 4),  # type: ignore[misc]
            "accuracy_answered": round(float(np.mean(answered_acc)), 4),
            "macro_f1": round(float(np.mean([r["macro_f1"] for r in runs])), 4),  # type: ignore[misc]
            "first_run": runs[0]}


def baselines(examples: Sequence[Example]) -> dict[str, float]:
    gold = np.asarray([e.gold for e in examples])
    answered = np.array([e.answered for e in examples])
    return {"n": len(examples), "answered": int(answered.sum()),
            "always_yes": round(float((gold == 0).mean()), 4),
            "always_yes_when_answered": round(float(np.where(answered, gold == 0, gold == 2).mean()), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, help="knowledge base (not needed with an existing --cache)")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--buckets", type=int, default=BUCKETS)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--cache", type=Path, help="read the collected examples from here, or write them")
    parser.add_argument("--ablations", action="store_true", help="also cross-validate simpler variants")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.cache and args.cache.exists():
        examples = load_examples(args.cache)
    else:
        if not args.kb:
            parser.error("--kb is needed to collect the examples")
        examples = collect(args.kb, args.questions, args.limit)
        if args.cache:
            save_examples(examples, args.cache)
    print(f"# {len(examples)} questions collected in {time.perf_counter() - started:.0f}s", flush=True)
    report: dict[str, object] = {"baselines": baselines(examples)}
    report["cross_validated"] = cross_validate(examples, args.folds, args.repeats, args.buckets)
    if args.ablations:
        report["ablation_with_ngrams_1024"] = cross_validate(examples, args.folds, args.repeats, 1024)
        report["ablation_first_document_only"] = cross_validate(examples, args.folds, args.repeats, args.buckets,
                                                                first_only=True)
    print(json.dumps(report, indent=1))
    meta = {"trained_on": args.questions.name,
            "questions_sha256": hashlib.sha256(args.questions.read_bytes()).hexdigest()[:16],
            "n": len(examples), "n_fitted": sum(e.answered for e in examples), "lambda": LAMBDA,
            "classes": list(CLASSES), "cross_validated": report["cross_validated"]}
    model = train(examples, args.buckets, meta=meta)
    text = to_json(model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} weights); sha256 {sha256(text.encode())}")


if __name__ == "__main__":
    main()
