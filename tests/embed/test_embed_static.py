"""WordLlama static embedder on the packaged weights (skipped when wordllama is not installed).

Reference values: ``wordllama.inference.WordLlamaInference(table, tokenizer).embed(texts,
norm=True)`` from wordllama 0.4.0.post1 on the same files (sha256 64b47a2d…); our numpy
path matched it exactly (max abs difference 0.0).
"""

from __future__ import annotations

import numpy as np
import pytest
from tests.conftest import needs_weights

from curbside.embed import Embedder, available_embedders, get_embedder
from curbside.embed.static import WORDLLAMA_PACKAGE, StaticEmbedder
from curbside.errors import EmbedError

pytestmark = needs_weights(WORDLLAMA_PACKAGE, "WordLlama")

REFERENCE = {
    "heart attack": [0.010222, -0.100327, 0.051639, 0.086434],
    "myocardial infarction": [-0.062978, -0.015489, -0.024239, 0.008592],
    "bone fracture": [-0.005587, 0.020838, -0.048032, 0.028165],
}


@pytest.fixture(scope="module")
def static() -> StaticEmbedder:
    return StaticEmbedder()


def test_reference_values_and_similarity(static: StaticEmbedder) -> None:
    vecs = static.embed(list(REFERENCE))
    assert isinstance(static, Embedder)
    assert (static.name, static.dim) == ("wordllama-l2-supercat-256", 256)
    assert vecs.shape == (3, 256) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(vecs[:, :4], np.array(list(REFERENCE.values())), atol=1e-5)
    heart, mi, fracture = vecs
    assert heart @ mi == pytest.approx(0.257454, abs=1e-4)
    assert heart @ mi > heart @ fracture


def test_batch_independent_and_empty(static: StaticEmbedder) -> None:
    texts = ["", "aspirin", "low-dose aspirin for primary prevention of cardiovascular disease", ""]
    vecs = static.embed(texts)
    assert not vecs[0].any() and not vecs[3].any()
    np.testing.assert_allclose(vecs[2], static.embed_query(texts[2]), atol=1e-6)
    assert static.embed([]).shape == (0, 256)


def test_truncated_dims_and_registry() -> None:
    small = StaticEmbedder(dim=64).embed(["heart attack"])
    assert small.shape == (1, 64)
    np.testing.assert_allclose(np.linalg.norm(small), 1.0, atol=1e-5)
    assert "static" in available_embedders()
    assert get_embedder("static").name == "wordllama-l2-supercat-256"
    with pytest.raises(EmbedError):
        StaticEmbedder(dim=100)
