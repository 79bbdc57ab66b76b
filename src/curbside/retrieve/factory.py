"""Building dense and hybrid retrievers (kept apart so lexical search needs no numpy model)."""

from __future__ import annotations

import threading

from curbside.errors import ConfigError, CurbsideError
from curbside.retrieve.base import Retriever
from curbside.retrieve.dense import DenseRetriever, has_vectors
from curbside.retrieve.hybrid import FusionConfig, HybridRetriever
from curbside.retrieve.lexical import LexicalRetriever
from curbside.retrieve.prf import PRFConfig
from curbside.retrieve.priors import Priors
from curbside.settings import Settings
from curbside.store import Store

_EMBEDDERS: dict[str, object] = {}
_LOCK = threading.Lock()


def embedder_for(name: str) -> object:
    """One embedder per model name and process (loading MiniLM takes a second or two)."""
    with _LOCK:
        if name not in _EMBEDDERS:
            from curbside.embed import get_embedder

            _EMBEDDERS[name] = get_embedder(name)
        return _EMBEDDERS[name]


def fusion_config(settings: Settings) -> FusionConfig:
    if settings.fusion not in {"rrf", "convex"}:
        raise ConfigError(f"unknown fusion {settings.fusion!r}; choose rrf or convex")
    return FusionConfig(method=settings.fusion, rrf_k=settings.rrf_k,
                        lexical_weight=settings.fusion_lexical_weight, candidates=settings.candidates)


def priors_from(settings: Settings) -> Priors | None:
    if not settings.priors:
        return None
    return Priors(level_weight=settings.prior_level_weight, recency_weight=settings.prior_recency_weight)


def lexical_from(store: Store, settings: Settings) -> LexicalRetriever:
    return LexicalRetriever(store, expand=settings.synonyms, prf=PRFConfig() if settings.prf else None,
                            diseases=settings.disease_synonyms, exact_max=settings.lexical_index_above)


def dense_embedder(store: Store, settings: Settings) -> tuple[object, tuple[str, ...]]:
    """The embedder for dense search: the configured one when the KB has its vectors, else the
    registered embedder with the most vectors (the quickstart KB may be embedded with the fast
    static model because MiniLM takes hours here — search should use what is there)."""
    embedder = embedder_for(settings.embedder)
    model = str(embedder.name)  # type: ignore[attr-defined]
    if has_vectors(store, model):
        return embedder, ()
    from curbside.embed import embedder_names

    by_model = {}
    for name in embedder_names():
        if name != "hashing":  # the test double never stands in for a real model
            try:
                by_model[str(embedder_for(name).name)] = name  # type: ignore[attr-defined]
            except CurbsideError:
                continue
    rows = store.conn.execute("SELECT model, count(*) AS n FROM vectors GROUP BY model ORDER BY n DESC").fetchall()
    other = next((str(m) for m, _ in rows if str(m) in by_model), None)
    if other is None:
        return embedder, ()
    note = (f"no {model} vectors in the knowledge base; dense search uses its {other} vectors "
            f"(run `curbside embed` for {model})")
    return embedder_for(by_model[other]), (note,)


def build(store: Store, settings: Settings, name: str) -> Retriever:
    lexical = lexical_from(store, settings)
    if name not in {"hybrid", "dense"}:
        raise ConfigError(f"unknown retriever {name!r}; choose lexical, dense or hybrid")
    try:
        embedder, notes = dense_embedder(store, settings)
    except CurbsideError as exc:
        if name == "dense":
            raise
        return HybridRetriever(store, lexical, None, fusion_config(settings), priors_from(settings),
                               notes=(f"embedding model unavailable ({exc}); lexical search only",))
    model = str(embedder.name)  # type: ignore[attr-defined]
    present = has_vectors(store, model)
    if name == "dense":
        if not present:
            raise ConfigError(f"no {model} vectors in {store.path}; run `curbside embed` first")
        return DenseRetriever(store, embedder)
    dense = DenseRetriever(store, embedder) if present else None
    if not present:
        notes = (f"no {model} vectors in the knowledge base yet; lexical search only (run `curbside embed`)",)
    return HybridRetriever(store, lexical, dense, fusion_config(settings), priors_from(settings), notes=notes)
