"""A deterministic, model-free embedder for tests (and a lexical fallback).

Each lower-cased word token is hashed (blake2b, stable across processes and platforms,
unlike ``hash()``) to a dimension and a sign; the counts are L2-normalised. Texts that share
words get positive cosine similarity; a text with no word characters maps to the zero vector.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from curbside.embed.base import EmbedderBase, l2_normalize
from curbside.errors import EmbedError

_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder(EmbedderBase):
    def __init__(self, dim: int = 64) -> None:
        if dim < 2:
            raise EmbedError(f"hashing embedder needs dim >= 2, got {dim}")
        self.dim = dim
        self.name = f"hashing-{dim}"
        self._cache: dict[str, tuple[int, float]] = {}

    def _slot(self, token: str) -> tuple[int, float]:
        slot = self._cache.get(token)
        if slot is None:
            h = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")
            slot = (h % self.dim, 1.0 if (h >> 63) & 1 else -1.0)
            if len(self._cache) < 100_000:
                self._cache[token] = slot
        return slot

    def _embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _TOKEN.findall(text.lower()):
                col, sign = self._slot(token)
                out[row, col] += sign
        return l2_normalize(out)
