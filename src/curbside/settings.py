"""One Settings object: defaults < curbside.toml < CURBSIDE_* environment < command-line flags.

``fingerprint()`` hashes every setting that can change an answer (never secrets); each answer
is stamped with it so review and eval can say what produced it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from curbside.errors import ConfigError

APP_NAME = "curbside"
SECRET_FIELDS = frozenset({"llm_api_key", "ncbi_api_key"})
# how the server runs, not what an answer says: left out of the answer fingerprint
SERVING_FIELDS = frozenset({"kb", "web_rate_limit", "web_ask_rate_limit", "web_max_body"})


def default_kb_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "kb.sqlite"


@dataclass(frozen=True)
class Settings:
    kb: Path = field(default_factory=default_kb_path)
    # ingest
    chunk_words: int = 160
    # retrieval
    retriever: str = "hybrid"  # lexical | dense | hybrid
    embedder: str = "minilm"
    k: int = 10
    candidates: int = 100  # per retriever, before fusion
    rrf_k: int = 60
    fusion: str = "convex"  # convex: w·bm25/best + (1−w)·cosine | rrf (see docs/retrieval.md)
    fusion_lexical_weight: float = 0.3  # lexical share in fusion (dense gets the rest); tuned on scifact-train
    lexical_index_above: int = 50_000  # passages; above this lexical search uses the numpy BM25 index
    prf: bool = False  # RM3 pseudo-relevance feedback on lexical search (small KBs only; slower)
    synonyms: bool = True  # expand clinical abbreviations in lexical queries (HTN → hypertension)
    disease_synonyms: bool = False  # also Disease Ontology synonyms (measured slightly negative)
    priors: bool = True  # level-of-evidence and recency priors
    prior_level_weight: float = 0.08
    prior_recency_weight: float = 0.04
    # answers
    generator: str = "extractive"
    max_question_chars: int = 2000
    # a question its words do not settle may be answered on closeness in meaning (MiniLM; answer/closeness.py)
    semantic_sufficiency: bool = True
    support_judge: str = "auto"  # auto | lexical | semantic: how citations are verified (answer/support.py)
    # LLM generators
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_model_path: str = ""
    llm_timeout_s: float = 120.0
    llm_evidence_tokens: int = 900  # prompt budget for evidence (CPU prompt processing is slow)
    llm_max_passages: int = 6
    llm_max_tokens: int = 400
    llm_context_tokens: int = 4096
    llm_output_format: str = "json"  # json | lines
    # web server (curbside serve; per worker process)
    web_rate_limit: float = 600.0  # requests per minute per client address (0: no limit)
    web_ask_rate_limit: float = 30.0  # questions per minute per client address (0: no limit)
    web_max_body: int = 64 * 1024  # largest request body in bytes
    # live literature
    offline: bool = False
    eutils_url: str = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
    ncbi_api_key: str = ""
    ncbi_tool: str = "curbside"
    ncbi_email: str = ""

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **_coerce_all(changes))

    def fingerprint(self) -> str:
        data = {
            f.name: str(getattr(self, f.name))
            for f in fields(self)
            if f.name not in SECRET_FIELDS and f.name not in SERVING_FIELDS
        }
        blob = json.dumps(data, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:12]

    def public_dict(self) -> dict[str, str]:
        """Settings for display: secrets masked."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = "***" if f.name in SECRET_FIELDS and value else str(value)
        return out


_FIELD_TYPES = {f.name: f.type for f in fields(Settings)}
# a few settings keep the names their own ecosystems use
_EXTRA_ENV = {"NCBI_API_KEY": "ncbi_api_key"}


def _coerce(name: str, value: Any) -> Any:
    if name not in _FIELD_TYPES:
        raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(_FIELD_TYPES))}")
    kind = str(_FIELD_TYPES[name])
    try:
        if kind == "Path":
            return Path(value).expanduser()
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(f"not a boolean: {value!r}")
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: {exc}") from None


def _coerce_all(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _coerce(k, v) for k, v in values.items()}


def _config_files() -> list[Path]:
    return [Path(platformdirs.user_config_dir(APP_NAME)) / "curbside.toml", Path.cwd() / "curbside.toml"]


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    config: Path | None = None,
) -> Settings:
    """Merge defaults, config file(s), environment and explicit overrides (None values ignored)."""
    env = os.environ if env is None else env
    merged: dict[str, Any] = {}
    paths = [config] if config else [p for p in _config_files() if p.is_file()]
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from None
        merged.update(data.get("curbside", data))
    for key, value in env.items():
        if key.startswith("CURBSIDE_"):
            name = key.removeprefix("CURBSIDE_").lower()
            if name in _FIELD_TYPES:
                merged[name] = value
        elif key in _EXTRA_ENV and value:
            merged.setdefault(_EXTRA_ENV[key], value)
    merged.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return Settings(**_coerce_all(merged))
