"""Ingest: chunking and the transactional, idempotent pipeline."""

from curbside.ingest.chunking import chunk_document
from curbside.ingest.pipeline import IngestReport, ingest_documents, ingest_paths

__all__ = ["IngestReport", "chunk_document", "ingest_documents", "ingest_paths"]
