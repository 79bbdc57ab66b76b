"""The ONNX BERT graph against a plain numpy BERT, on a tiny random model (no download, fast)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from curbside.embed._bert_graph import BertConfig, build_bert_encoder
from curbside.errors import EmbedError

ort = pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

CFG = BertConfig(hidden=16, heads=4, layers=2, intermediate=32, max_positions=24)
VOCAB = 50


def random_weights(seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)

    def r(*shape: int, scale: float = 0.3) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    h, i = CFG.hidden, CFG.intermediate
    w = {
        "embeddings.word_embeddings.weight": r(VOCAB, h, scale=1.0),
        "embeddings.position_embeddings.weight": r(CFG.max_positions, h),
        "embeddings.token_type_embeddings.weight": r(2, h),
        "embeddings.LayerNorm.weight": 1 + r(h, scale=0.1),
        "embeddings.LayerNorm.bias": r(h, scale=0.1),
    }
    for n in range(CFG.layers):
        p = f"encoder.layer.{n}."
        for name in ("query", "key", "value"):
            w[f"{p}attention.self.{name}.weight"], w[f"{p}attention.self.{name}.bias"] = r(h, h), r(h)
        w[f"{p}attention.output.dense.weight"], w[f"{p}attention.output.dense.bias"] = r(h, h), r(h)
        w[f"{p}attention.output.LayerNorm.weight"] = 1 + r(h, scale=0.1)
        w[f"{p}attention.output.LayerNorm.bias"] = r(h, scale=0.1)
        w[f"{p}intermediate.dense.weight"], w[f"{p}intermediate.dense.bias"] = r(i, h), r(i)
        w[f"{p}output.dense.weight"], w[f"{p}output.dense.bias"] = r(h, i), r(h)
        w[f"{p}output.LayerNorm.weight"] = 1 + r(h, scale=0.1)
        w[f"{p}output.LayerNorm.bias"] = r(h, scale=0.1)
    return w


def numpy_bert(w: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """One unpadded sequence, float64: the sentence-transformers pipeline written out."""

    def ln(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * g + b

    def lin(x: np.ndarray, name: str) -> np.ndarray:
        return x @ w[f"{name}.weight"].T.astype(np.float64) + w[f"{name}.bias"]

    gelu = np.vectorize(lambda v: 0.5 * v * (1 + math.erf(v / math.sqrt(2))))
    s, h, nh = len(ids), CFG.hidden, CFG.heads
    d = h // nh
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:s]
        + w["embeddings.token_type_embeddings.weight"][0]
    ).astype(np.float64)
    x = ln(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    for n in range(CFG.layers):
        p = f"encoder.layer.{n}."
        q, k, v = (
            lin(x, f"{p}attention.self.{m}").reshape(s, nh, d).transpose(1, 0, 2) for m in ("query", "key", "value")
        )
        a = q @ k.transpose(0, 2, 1) / math.sqrt(d)
        a = np.exp(a - a.max(-1, keepdims=True))
        a /= a.sum(-1, keepdims=True)
        ctx = (a @ v).transpose(1, 0, 2).reshape(s, h)
        x = ln(
            lin(ctx, f"{p}attention.output.dense") + x,
            w[f"{p}attention.output.LayerNorm.weight"],
            w[f"{p}attention.output.LayerNorm.bias"],
        )
        f = lin(gelu(lin(x, f"{p}intermediate.dense")), f"{p}output.dense")
        x = ln(f + x, w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"])
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def run(model: bytes, seqs: list[list[int]]) -> np.ndarray:
    sess = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    width = max(len(s) for s in seqs)
    ids = np.zeros((len(seqs), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for r, s in enumerate(seqs):
        ids[r, : len(s)], mask[r, : len(s)] = s, 1
    (out,) = sess.run(None, {"input_ids": ids, "attention_mask": mask})
    return np.asarray(out)


SEQS = [[1, 7, 9, 2], [1, 30, 31, 32, 33, 34, 35, 2], [1, 2], [1, 49, 48, 47, 5, 5, 5, 5, 5, 5, 5, 5, 5, 2]]


def test_graph_matches_numpy_bert_with_padding() -> None:
    w = random_weights()
    out = run(build_bert_encoder(w, CFG, check=True), SEQS)
    assert out.shape == (len(SEQS), CFG.hidden) and out.dtype == np.float32
    for row, seq in zip(out, SEQS, strict=True):
        np.testing.assert_allclose(row, numpy_bert(w, seq), atol=2e-5)


def test_padding_does_not_change_a_row() -> None:
    model = build_bert_encoder(random_weights(1), CFG)
    alone = run(model, [SEQS[0]])[0]
    batched = run(model, SEQS)[0]
    np.testing.assert_allclose(alone, batched, atol=1e-5)


def test_int8_graph_is_close() -> None:
    w = random_weights(2)
    fp32 = run(build_bert_encoder(w, CFG), SEQS)
    int8 = run(build_bert_encoder(w, CFG, int8=True, check=True), SEQS)
    cos = (fp32 * int8).sum(1)
    assert cos.min() > 0.98, cos


def test_bad_config_and_missing_tensor() -> None:
    with pytest.raises(EmbedError, match="not a BERT"):
        BertConfig.from_hf({"model_type": "gpt2", "hidden_act": "gelu"})
    with pytest.raises(EmbedError, match="bad BERT config"):
        BertConfig.from_hf({"model_type": "bert", "hidden_act": "gelu", "hidden_size": 8})
    w = random_weights()
    del w["encoder.layer.1.output.dense.bias"]
    with pytest.raises(EmbedError, match="lack tensor 'encoder.layer.1.output.dense.bias'"):
        build_bert_encoder(w, CFG)
