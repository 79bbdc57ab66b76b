"""Retrieval: lexical (FTS5 bm25), dense, hybrid fusion and priors, behind one seam."""

from __future__ import annotations

from curbside.retrieve.base import Filters, Retriever
from curbside.retrieve.lexical import LexicalRetriever
from curbside.settings import Settings
from curbside.store import Store

RETRIEVERS = ("lexical", "dense", "hybrid")


def make_retriever(store: Store, settings: Settings, name: str | None = None) -> Retriever:
    """The retriever named by ``name`` (default: ``settings.retriever``)."""
    name = name or settings.retriever
    if name == "lexical":
        from curbside.retrieve.factory import lexical_from

        return lexical_from(store, settings)
    from curbside.retrieve.factory import build

    return build(store, settings, name)


__all__ = ["RETRIEVERS", "Filters", "LexicalRetriever", "Retriever", "make_retriever"]
