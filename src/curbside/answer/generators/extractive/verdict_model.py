"""The verdict model: multinomial logistic regression (yes / no / uncertain) over the named cues of
``verdict_cues`` (and optionally hashed word n-grams of the conclusion: ``buckets`` > 0; the shipped
model has none, they cross-validated no better), shipped as ``answer/data/verdict_model.json``.

The file is produced by ``benchmarks/fit_verdict.py`` (which also reports its cross-validated
accuracy) and pinned here by checksum, so a changed or corrupted file fails loudly instead of
silently changing every verdict.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from curbside.answer.generators.extractive.verdict_cues import cues, ngram_buckets
from curbside.errors import CurbsideError

MODEL_FILE = "verdict_model.json"
MODEL_SHA256 = "549a684bbf505379ce64047f4c2fb1fe52423d4dd5589cea7c6870906daeaee2"
FORMAT = 1
CLASSES = ("yes", "no", "uncertain")
NGRAM_PREFIX = "ngram:"
_FLAT_LIST = re.compile(r"\[\s*([^\[\]{}]*?)\s*\]")  # a list of numbers or strings: one line

Weights = tuple[float, float, float]


def vectorize(question: str, sentences: Sequence[str], *, buckets: int) -> dict[str, float]:
    """Sparse feature vector: the named cues plus ``ngram:<bucket>`` entries."""
    features = cues(question, sentences)
    features.update((f"{NGRAM_PREFIX}{b}", v) for b, v in ngram_buckets(sentences, buckets).items())
    return features


@dataclass(frozen=True, slots=True)
class VerdictModel:
    version: str
    buckets: int  # hashed n-gram buckets
    weights: Mapping[str, Weights]  # feature → (yes, no, uncertain); absent features weigh 0
    bias: Weights
    meta: Mapping[str, Any]  # how it was trained and validated (shown by `fit_verdict.py`)

    def features(self, question: str, sentences: Sequence[str]) -> dict[str, float]:
        return vectorize(question, sentences, buckets=self.buckets)

    def probabilities(self, features: Mapping[str, float]) -> Weights:
        logits = list(self.bias)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is not None and value:
                for k in range(3):
                    logits[k] += w[k] * value
        top = max(logits)
        exp = [math.exp(z - top) for z in logits]
        total = sum(exp)
        return exp[0] / total, exp[1] / total, exp[2] / total

    def contributions(self, features: Mapping[str, float], k: int) -> list[tuple[str, float]]:
        """Named cues by how much they pushed towards class ``k`` against the others (largest first)."""
        out = []
        for name, value in features.items():
            w = self.weights.get(name)
            if w is None or not value or name.startswith(NGRAM_PREFIX):
                continue
            out.append((name, value * (w[k] - (sum(w) - w[k]) / 2)))
        return sorted(out, key=lambda t: t[1], reverse=True)


def to_json(model: VerdictModel) -> str:
    """Stable text (sorted keys, rounded weights): refits on the same data give the same file."""
    data = {"format": FORMAT, "version": model.version, "classes": list(CLASSES), "buckets": model.buckets,
            "bias": [round(b, 5) for b in model.bias], "meta": dict(model.meta),
            "weights": {name: [round(x, 5) for x in w] for name, w in sorted(model.weights.items())}}
    text = json.dumps(data, indent=1, sort_keys=True)
    return _FLAT_LIST.sub(lambda m: "[" + " ".join(m.group(1).split()) + "]", text) + "\n"


def from_json(text: str) -> VerdictModel:
    data = json.loads(text)
    if data.get("format") != FORMAT or tuple(data.get("classes", ())) != CLASSES:
        raise CurbsideError(f"verdict model: unsupported format {data.get('format')!r}")
    weights = {name: (float(w[0]), float(w[1]), float(w[2])) for name, w in data["weights"].items()}
    b = data["bias"]
    return VerdictModel(str(data["version"]), int(data["buckets"]), weights, (float(b[0]), float(b[1]), float(b[2])),
                        data.get("meta", {}))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load(path: Path | None = None) -> VerdictModel:
    """The packaged model (checksum-verified), or the model file at ``path`` (not verified)."""
    if path is not None:
        return from_json(path.read_text(encoding="utf-8"))
    return _packaged()


def verified(data: bytes, expected: str = MODEL_SHA256) -> VerdictModel:
    """The model in ``data``, or CurbsideError when its checksum is not the pinned one."""
    digest = sha256(data)
    if digest != expected:
        raise CurbsideError(f"verdict model {MODEL_FILE}: sha256 {digest} does not match the pinned "
                            f"{expected}; refit with benchmarks/fit_verdict.py and update MODEL_SHA256")
    return from_json(data.decode("utf-8"))


@lru_cache(maxsize=1)
def _packaged() -> VerdictModel:
    return verified(resources.files("curbside.answer").joinpath(f"data/{MODEL_FILE}").read_bytes())
