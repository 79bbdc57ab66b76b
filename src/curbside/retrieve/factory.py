"""Building dense and hybrid retrievers (kept apart so lexical search needs no numpy model)."""

from __future__ import annotations

from curbside.errors import ConfigError
from curbside.retrieve.base import Retriever
from curbside.retrieve.lexical import LexicalRetriever
from curbside.settings import Settings
from curbside.store import Store


def build(store: Store, settings: Settings, name: str) -> Retriever:
    if name in {"hybrid", "dense"}:
        # dense retrieval arrives with the embedding layer; until then hybrid is lexical
        return LexicalRetriever(store, expand=settings.synonyms)
    raise ConfigError(f"unknown retriever {name!r}; choose lexical, dense or hybrid")
