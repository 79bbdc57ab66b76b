"""Values a cold process would otherwise rebuild for every ``curbside ask`` — the disease vocabulary, the index of
health-page titles — kept between processes in the user cache directory.

Each value is stored under a key made of what it was built from (its input's digest) and the source of the code
that builds it, so an edited word list, a changed knowledge base or a changed stemmer is never served stale. Files
are ``marshal`` dumps: built-in types only, so reading one runs no code (unlike pickle); a missing, damaged or
unwritable file only costs a rebuild."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("CURBSIDE_CACHE_DIR") or platformdirs.user_cache_dir("curbside")) / "built"


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:20]


def code_digest(*modules: ModuleType) -> str:
    """The source of the modules that build a value (and the interpreter, whose marshal format may change)."""
    sources: list[str | bytes] = [sys.version]
    for module in modules:
        path = getattr(module, "__file__", None)
        sources.append(Path(path).read_bytes() if path else module.__name__)
    return digest(*sources)


def load_or_build(name: str, key: str, kind: type[T], build: Callable[[], T]) -> T:
    """``build()``'s value, read from the cache when an earlier process stored it under ``key`` (and it is a
    ``kind``). Only values ``marshal`` can write (str, numbers, tuples, lists, dicts, sets, frozensets) may be
    cached."""
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        found = marshal.loads(path.read_bytes())
        if isinstance(found, kind):
            return found
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: Any) -> None:
    """Best effort, atomic (a concurrent reader never sees half a file); older versions of the same value go."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.marshal"):
            stale.unlink(missing_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(value))
        tmp.replace(path)
    except (OSError, ValueError):
        return
