"""The Embedder contract and helpers shared by the built-in embedders."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from curbside.errors import EmbedError


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors.

    ``name`` is a stable id of model + variant (e.g. ``"minilm-l6-v2-onnx"``): vectors made
    under different names are not comparable, so the store records it next to each vector.
    """

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """float32 array of shape (len(texts), dim); every non-zero row has unit L2 norm."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector, shape (dim,). Models that want a query prefix add it here."""
        ...


class EmbedderBase:
    """Default ``embed_query`` and input checking; subclasses implement ``_embed``."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        items = check_texts(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._embed(items)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def _embed(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, dim={self.dim})"


def check_texts(texts: Sequence[str]) -> list[str]:
    """The texts as a list; a bare string or a non-string item is an EmbedError."""
    if isinstance(texts, str):
        raise EmbedError("embed() takes a sequence of texts, not a single string (use embed_query)")
    items = list(texts)
    for i, t in enumerate(items):
        if not isinstance(t, str):
            raise EmbedError(f"text #{i} is {type(t).__name__}, not str")
    return items


def l2_normalize(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (all-zero rows stay zero), as float32."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return np.asarray(x / np.maximum(norms, 1e-12), dtype=np.float32)


def available_cores() -> int:
    """CPU cores this process may run on (respects affinity / cgroup cpusets)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)
