"""Ingest: parse files, chunk, store — idempotent, one transaction per file.

A file either lands whole or not at all: a parse error, Ctrl-C or kill -9 in the middle of a
file rolls that file back, files already done stay, and a re-run skips what is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from curbside.errors import CurbsideError, SourceError
from curbside.ingest.chunking import chunk_document
from curbside.records import Document
from curbside.store import Store

ProgressFn = Callable[[str, int], None]  # (event, n): "file", "document", "passages"


@dataclass
class IngestReport:
    files: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    passages: int = 0
    errors: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.added + self.updated + self.unchanged

    def merge(self, other: IngestReport) -> None:
        self.files += other.files
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.passages += other.passages
        self.errors.extend(other.errors)
        self.doc_ids.extend(other.doc_ids)


def ingest_documents(
    store: Store, documents: Iterable[Document], *, chunk_words: int = 160,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Store documents in one transaction (all or nothing)."""
    report = IngestReport()
    with store.transaction():
        for doc in documents:
            passages = chunk_document(doc, chunk_words)
            outcome = store.upsert_document(doc, passages)
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.doc_ids.append(doc.id)
            if outcome != "unchanged":
                report.passages += len(passages)
            if progress:
                progress("document", 1)
    return report


def ingest_paths(
    store: Store, paths: Iterable[Path], *, fmt: str = "auto", chunk_words: int = 160,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Ingest files (directories are walked); a bad file is reported and skipped."""
    from curbside.sources import expand_paths, iter_path_documents

    report = IngestReport()
    for path in expand_paths(list(paths)):
        try:
            docs: Iterator[Document] = iter_path_documents(path, fmt)
            file_report = ingest_documents(store, docs, chunk_words=chunk_words, progress=progress)
        except SourceError as exc:
            report.errors.append(str(exc))
        except CurbsideError as exc:
            report.errors.append(f"{path}: {exc}")
        except OSError as exc:
            report.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        else:
            file_report.files = 1
            report.merge(file_report)
        if progress:
            progress("file", 1)
    return report
