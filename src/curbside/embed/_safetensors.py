"""A minimal reader for the safetensors format (numpy only, no extra dependency).

Layout: 8-byte little-endian header length N, N bytes of JSON header
(``name -> {dtype, shape, data_offsets}``), then the raw little-endian tensor bytes.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np

from curbside.errors import EmbedError

_DTYPES: dict[str, str] = {
    "F64": "<f8",
    "F32": "<f4",
    "F16": "<f2",
    "I64": "<i8",
    "I32": "<i4",
    "I16": "<i2",
    "I8": "i1",
    "U8": "u1",
    "BOOL": "?",
}


def parse_safetensors(data: bytes | memoryview, source: str = "<bytes>") -> dict[str, np.ndarray]:
    """Tensors by name from the bytes of a ``.safetensors`` file (read-only views into ``data``)."""
    buf = memoryview(data)
    try:
        (header_len,) = struct.unpack("<Q", buf[:8])
        header = json.loads(bytes(buf[8 : 8 + header_len]))
        if not isinstance(header, dict):
            raise ValueError("header is not a JSON object")
    except (struct.error, ValueError) as exc:
        raise EmbedError(f"{source}: not a safetensors file ({exc})") from exc
    base = 8 + header_len
    tensors: dict[str, np.ndarray] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(meta["dtype"])
        if dtype is None:
            raise EmbedError(f"{source}: tensor {name} has unsupported dtype {meta['dtype']}")
        start, end = meta["data_offsets"]
        if not 0 <= start <= end or base + end > len(buf):
            raise EmbedError(f"{source}: tensor {name} lies outside the file (truncated download?)")
        try:
            arr = np.frombuffer(buf[base + start : base + end], dtype=dtype)
            tensors[name] = arr.reshape(meta["shape"])
        except ValueError as exc:
            raise EmbedError(f"{source}: tensor {name} does not match its shape ({exc})") from exc
    return tensors


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    return parse_safetensors(path.read_bytes(), str(path))
