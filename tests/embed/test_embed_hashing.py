from __future__ import annotations

import numpy as np
import pytest

from curbside.embed import Embedder, HashingEmbedder, available_embedders, embedder_names, get_embedder
from curbside.errors import CurbsideError, EmbedError


def test_shape_dtype_and_unit_rows() -> None:
    emb = HashingEmbedder(dim=64)
    vecs = emb.embed(["aspirin for primary prevention", "statins lower LDL", "Warfarin dosing"])
    assert vecs.shape == (3, 64)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, rtol=1e-6)


def test_deterministic_across_instances_and_batches() -> None:
    texts = ["metformin in type 2 diabetes", "beta blockers after myocardial infarction"]
    a = HashingEmbedder(dim=32).embed(texts)
    b = HashingEmbedder(dim=32).embed(list(reversed(texts)))[::-1]
    np.testing.assert_array_equal(a, b)
    single = HashingEmbedder(dim=32).embed_query(texts[0])
    np.testing.assert_array_equal(single, a[0])


def test_known_value_is_stable() -> None:
    # blake2b-based, so this holds on every platform and Python version
    v = HashingEmbedder(dim=8).embed_query("heart attack")
    assert np.count_nonzero(v) == 2
    np.testing.assert_allclose(np.abs(v[v != 0]), [np.sqrt(0.5)] * 2, rtol=1e-6)


def test_shared_words_raise_similarity() -> None:
    emb = HashingEmbedder(dim=256)
    q, near, far = emb.embed(["acute heart failure", "treatment of acute heart failure", "hip fracture surgery"])
    assert q @ near > q @ far


def test_case_and_punctuation_insensitive() -> None:
    emb = HashingEmbedder()
    a, b = emb.embed(["Heart Attack!", "heart attack"])
    np.testing.assert_allclose(a, b)


def test_empty_inputs() -> None:
    emb = HashingEmbedder(dim=16)
    assert emb.embed([]).shape == (0, 16)
    vecs = emb.embed(["", "  --  "])
    assert vecs.shape == (2, 16)
    assert not vecs.any()  # no word characters -> zero vector, not NaN


def test_bad_inputs_are_embed_errors() -> None:
    emb = HashingEmbedder()
    with pytest.raises(EmbedError, match="single string"):
        emb.embed("not a list")
    with pytest.raises(EmbedError, match="text #1 is int"):
        emb.embed(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(EmbedError):
        HashingEmbedder(dim=1)


def test_registry() -> None:
    emb = get_embedder("hashing")
    assert isinstance(emb, Embedder)
    assert (emb.name, emb.dim) == ("hashing-64", 64)
    assert "hashing" in available_embedders()
    assert set(available_embedders()) <= set(embedder_names())
    assert {"minilm", "minilm-int8", "static", "hashing"} == set(embedder_names())
    with pytest.raises(CurbsideError, match="unknown embedder 'nope'.*minilm"):
        get_embedder("nope")
