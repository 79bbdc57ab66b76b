"""Build an ONNX graph for a BERT sentence encoder straight from its safetensors weights.

The packaged all-MiniLM-L6-v2 ships PyTorch weights only (``model.safetensors``), and
exporting with ``torch.onnx`` would need torch at run time. The architecture is small and
fixed, so we write the graph ourselves with ``onnx.helper`` and hand it to onnxruntime:

    embeddings: word[ids] + (position[0:S] + token_type[0]) -> LayerNorm
    N x encoder layer:  self-attention (H heads) -> dense -> add & LayerNorm
                        -> dense -> GELU(erf) -> dense -> add & LayerNorm
    mean pooling over attention_mask -> L2 normalise

Inputs are ``input_ids`` and ``attention_mask`` (int64, [batch, seq]); the one output is
``sentence_embedding`` (float32, [batch, hidden]). token_type_ids are always 0 for single
sentences, so the type-0 embedding is folded into the position table.

``int8=True`` replaces the Q/K/V and FFN-input matmuls (2/3 of the weight FLOPs) with
onnxruntime's ``DynamicQuantizeMatMul``: weights int8 symmetric per output channel,
activations quantised per tensor at run time. The attention-output and FFN-output
projections stay fp32: a sensitivity sweep (quantising one group at a time, 150 SciFact
abstracts) found FFN-output costs the most cosine (mean 0.9971 alone) and attention-output
makes results depend on batch composition. Result on the AVX2 development machine: about
1.3x less CPU per passage at cosine >= 0.996 to fp32 on real abstracts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from curbside.errors import EmbedError

OPSET = 18  # LayerNormalization needs 17, Reduce* with axes as input 18
_LN_EPS = 1e-12


@dataclass(frozen=True)
class BertConfig:
    hidden: int
    heads: int
    layers: int
    intermediate: int
    max_positions: int
    layer_norm_eps: float = _LN_EPS

    @classmethod
    def from_hf(cls, cfg: dict[str, Any]) -> BertConfig:
        """From a Hugging Face ``config.json`` of a BertModel."""
        if cfg.get("model_type") != "bert" or cfg.get("hidden_act") != "gelu":
            raise EmbedError(f"not a BERT/gelu config: {cfg.get('model_type')}/{cfg.get('hidden_act')}")
        try:
            made = cls(
                hidden=int(cfg["hidden_size"]),
                heads=int(cfg["num_attention_heads"]),
                layers=int(cfg["num_hidden_layers"]),
                intermediate=int(cfg["intermediate_size"]),
                max_positions=int(cfg["max_position_embeddings"]),
                layer_norm_eps=float(cfg.get("layer_norm_eps", _LN_EPS)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EmbedError(f"bad BERT config ({type(exc).__name__}: {exc})") from exc
        if made.hidden % made.heads:
            raise EmbedError(f"hidden size {made.hidden} is not a multiple of {made.heads} heads")
        return made


class _Graph:
    """Accumulates nodes and initializers with unique names."""

    def __init__(self, int8: bool) -> None:
        self.nodes: list[object] = []
        self.inits: list[object] = []
        self.int8 = int8
        self._n = 0

    def name(self, hint: str) -> str:
        self._n += 1
        return f"{hint}_{self._n}"

    def const(self, hint: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        name = self.name(hint)
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, op_type: str, inputs: list[str], hint: str | None = None, **attrs: Any) -> str:
        from onnx import helper

        out = self.name(hint or op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], **attrs))
        return out

    def linear(self, x: str, weight: np.ndarray, bias: np.ndarray, hint: str, quantize: bool = True) -> str:
        """x @ weight.T + bias (weights as stored by torch.nn.Linear: [out, in])."""
        b = self.const(f"{hint}_b", bias.astype(np.float32))
        if self.int8 and quantize:
            from onnx import helper

            w_t = weight.T.astype(np.float32)  # [in, out]
            scale = np.abs(w_t).max(axis=0) / 127.0
            scale[scale == 0] = 1.0
            q = np.clip(np.rint(w_t / scale), -127, 127).astype(np.int8)
            out = self.name(hint)
            inputs = [x, self.const(f"{hint}_q", q), self.const(f"{hint}_s", scale.astype(np.float32))]
            inputs += [self.const(f"{hint}_z", np.zeros_like(scale, dtype=np.int8)), b]
            self.nodes.append(helper.make_node("DynamicQuantizeMatMul", inputs, [out], domain="com.microsoft"))
            return out
        w = self.const(f"{hint}_w", weight.T.astype(np.float32))
        return self.op("Add", [self.op("MatMul", [x, w], f"{hint}_mm"), b], hint)

    def layer_norm(self, x: str, weight: np.ndarray, bias: np.ndarray, eps: float, hint: str) -> str:
        g = self.const(f"{hint}_g", weight.astype(np.float32))
        b = self.const(f"{hint}_b", bias.astype(np.float32))
        return self.op("LayerNormalization", [x, g, b], hint, axis=-1, epsilon=eps)


def build_bert_encoder(
    weights: dict[str, np.ndarray], cfg: BertConfig, *, int8: bool = False, check: bool = False
) -> bytes:
    """Serialized ONNX model (bytes) for mean-pooled, L2-normalised sentence embeddings.

    ``check`` runs the ONNX checker (slow on a 90 MB model; the tests use it).
    """
    from onnx import TensorProto, checker, helper

    def w(key: str) -> np.ndarray:
        for k in (key, f"bert.{key}"):
            if k in weights:
                return weights[k]
        raise EmbedError(f"model weights lack tensor {key!r}")

    g = _Graph(int8)
    hidden, heads = cfg.hidden, cfg.heads
    head_dim = hidden // heads
    i64 = np.int64

    # --- embeddings -------------------------------------------------------------------
    word = g.const("word_emb", w("embeddings.word_embeddings.weight").astype(np.float32))
    pos_table = w("embeddings.position_embeddings.weight") + w("embeddings.token_type_embeddings.weight")[0]
    pos = g.const("pos_emb", pos_table.astype(np.float32))
    shape_ids = g.op("Shape", ["input_ids"], "ids_shape")
    seq_len = g.op("Slice", [shape_ids, g.const("one", np.array([1], i64)), g.const("two", np.array([2], i64))])
    zero = g.const("zero", np.array([0], i64))
    pos_s = g.op("Slice", [pos, zero, seq_len, zero], "pos_s")  # [S, H]
    x = g.op("Add", [g.op("Gather", [word, "input_ids"], "tok"), pos_s], "emb")
    x = g.layer_norm(x, w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"), cfg.layer_norm_eps, "emb_ln")

    # --- attention mask -> additive bias [B, 1, 1, S] ------------------------------------
    maskf = g.op("Cast", ["attention_mask"], "maskf", to=TensorProto.FLOAT)
    inv = g.op("Sub", [g.const("onef", np.array(1.0, np.float32)), maskf], "inv_mask")
    bias = g.op("Mul", [inv, g.const("neg", np.array(-10000.0, np.float32))], "mask_bias")
    bias = g.op("Unsqueeze", [bias, g.const("ax12", np.array([1, 2], i64))], "mask_bias4")

    split_heads = g.const("split", np.array([0, 0, heads, head_dim], i64))
    merge_heads = g.const("merge", np.array([0, 0, hidden], i64))
    scale = g.const("scale", np.array(1.0 / np.sqrt(head_dim), np.float32))
    one, half = g.const("one", np.array(1.0, np.float32)), g.const("half", np.array(0.5, np.float32))
    sqrt2 = g.const("sqrt2", np.array(np.sqrt(2.0), np.float32))

    # --- encoder layers -------------------------------------------------------------------
    for i in range(cfg.layers):
        p = f"encoder.layer.{i}."

        def proj(name: str, perm: list[int], x: str = x, p: str = p) -> str:
            y = g.linear(x, w(f"{p}attention.self.{name}.weight"), w(f"{p}attention.self.{name}.bias"), name)
            return g.op("Transpose", [g.op("Reshape", [y, split_heads])], f"{name}_t", perm=perm)

        q = proj("query", [0, 2, 1, 3])  # [B, h, S, d]
        k = proj("key", [0, 2, 3, 1])  # [B, h, d, S]
        v = proj("value", [0, 2, 1, 3])  # [B, h, S, d]
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), bias], "scores")
        probs = g.op("Softmax", [scores], "probs", axis=-1)
        ctx = g.op("Transpose", [g.op("MatMul", [probs, v])], "ctx_t", perm=[0, 2, 1, 3])
        ctx = g.op("Reshape", [ctx, merge_heads], "ctx")
        attn = g.linear(
            ctx,
            w(f"{p}attention.output.dense.weight"),
            w(f"{p}attention.output.dense.bias"),
            "ao",
            quantize=False,
        )
        x = g.layer_norm(
            g.op("Add", [attn, x]),
            w(f"{p}attention.output.LayerNorm.weight"),
            w(f"{p}attention.output.LayerNorm.bias"),
            cfg.layer_norm_eps,
            "attn_ln",
        )
        h = g.linear(x, w(f"{p}intermediate.dense.weight"), w(f"{p}intermediate.dense.bias"), "ffn_in")
        # exact GELU: 0.5 * h * (1 + erf(h / sqrt(2)))
        erf = g.op("Erf", [g.op("Div", [h, sqrt2])])
        gelu = g.op("Mul", [g.op("Mul", [h, g.op("Add", [erf, one])]), half], "gelu")
        out = g.linear(gelu, w(f"{p}output.dense.weight"), w(f"{p}output.dense.bias"), "ffn_out", quantize=False)
        x = g.layer_norm(
            g.op("Add", [out, x]),
            w(f"{p}output.LayerNorm.weight"),
            w(f"{p}output.LayerNorm.bias"),
            cfg.layer_norm_eps,
            "out_ln",
        )

    # --- mean pooling + L2 normalisation ------------------------------------------------
    m3 = g.op("Unsqueeze", [maskf, g.const("ax2", np.array([2], i64))], "mask3")
    axis1 = g.const("ax1", np.array([1], i64))
    summed = g.op("ReduceSum", [g.op("Mul", [x, m3]), axis1], "summed", keepdims=0)
    count = g.op("ReduceSum", [maskf, axis1], "count", keepdims=1)
    count = g.op("Max", [count, g.const("eps9", np.array(1e-9, np.float32))], "count_c")
    mean = g.op("Div", [summed, count], "mean")
    norm = g.op("ReduceL2", [mean, axis1], "norm", keepdims=1)
    norm = g.op("Max", [norm, g.const("eps12", np.array(1e-12, np.float32))], "norm_c")
    g.nodes.append(helper.make_node("Div", [mean, norm], ["sentence_embedding"]))

    graph = helper.make_graph(
        g.nodes,  # type: ignore[arg-type]
        "bert_sentence_encoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
        ],
        [helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", hidden])],
        initializer=g.inits,  # type: ignore[arg-type]
    )
    opsets = [helper.make_opsetid("", OPSET)]
    if int8:
        opsets.append(helper.make_opsetid("com.microsoft", 1))
    model = helper.make_model(graph, opset_imports=opsets, producer_name="curbside")
    model.ir_version = 8
    if check:
        checker.check_model(model)
    return bytes(model.SerializeToString())
