"""Sources: one parser per input format, each ``iter_documents(path) -> Iterator[Document]``.

::

    expand_paths(["corpora/"])           → files to read (directories walked, paperwork skipped)
    detect_format(path)                  → "pubmed" | "pmc" | … (extension *and* content)
    iter_path_documents(path, fmt="auto") → Documents, or SourceError naming the file

Every parser streams (multi-GB PubMed baselines and JSON Lines never sit in memory) and turns any
malformed input into a one-line ``SourceError``; a bad record in the middle of a file raises too,
so the caller, which ingests one file per transaction, keeps nothing half-written.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

from curbside.errors import SourceError, UnsupportedFormat
from curbside.records import Document
from curbside.sources.detect import detect_format
from curbside.sources.paths import expand_paths

FORMATS: tuple[str, ...] = (
    "pubmed", "pmc", "beir", "pubmedqa", "bioasq", "medquad", "ngc", "uspstf",
    "markdown", "html", "text", "pdf",
)
# Parsers are imported on first use: pypdf and markdown-it cost import time nobody else should pay.
_MODULES = {name: f"curbside.sources.{name}" for name in FORMATS}

__all__ = ["FORMATS", "detect_format", "expand_paths", "iter_path_documents", "parser_for"]


def parser_for(fmt: str) -> Callable[[Path], Iterator[Document]]:
    """The ``iter_documents`` function of format ``fmt``."""
    if fmt not in _MODULES:
        raise UnsupportedFormat(fmt, f"unknown format; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(_MODULES[fmt])
    return cast(Callable[[Path], Iterator[Document]], module.iter_documents)


def iter_path_documents(path: Path, fmt: str = "auto") -> Iterator[Document]:
    """Documents in one file, read with ``fmt`` (or the detected format)."""
    path = Path(path)
    if fmt != "auto" and fmt not in _MODULES:
        raise UnsupportedFormat(str(path), f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    parse = parser_for(detect_format(path) if fmt == "auto" else fmt)
    try:
        yield from parse(path)
    except SourceError:
        raise
    # Safety net: parsers convert what they expect; anything else escaping is still a bad file,
    # and callers rely on SourceError alone.
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceError(str(path), f"cannot read: {exc}") from exc
    except (UnicodeError, ValueError, KeyError, IndexError, TypeError, RecursionError) as exc:
        raise SourceError(str(path), f"cannot parse: {type(exc).__name__}: {exc}") from exc
