"""Generator registry: name → module and factory, imported only when asked for.

Adding a generator is one module plus one line here. The module defines
``create(settings) -> Generator`` (or ``create(settings, store=None)`` to receive the store).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect

from curbside.answer.generators.base import Generator
from curbside.errors import ConfigError
from curbside.settings import Settings
from curbside.store import Store

GENERATORS: dict[str, tuple[str, str]] = {
    "extractive": ("curbside.answer.generators.extractive", "create"),
    "openai": ("curbside.answer.generators.openai", "create"),
    "llamacpp": ("curbside.answer.generators.llamacpp", "create"),
}


def available_generators() -> list[str]:
    """Names whose module is present in this installation."""
    out = []
    for name, (module, _attr) in GENERATORS.items():
        try:
            if importlib.util.find_spec(module) is not None:
                out.append(name)
        except ModuleNotFoundError:
            continue
    return out


def get_generator(name: str, settings: Settings, *, store: Store | None = None) -> Generator:
    """Build the generator called ``name``; ConfigError if unknown or not installed."""
    entry = GENERATORS.get(name)
    if entry is None:
        raise ConfigError(f"unknown generator {name!r}; choose one of: {', '.join(GENERATORS)}")
    module_name, attr = entry
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise ConfigError(f"generator {name!r} is not available in this installation") from None
        raise
    factory = getattr(module, attr)
    if "store" in inspect.signature(factory).parameters:
        generator: Generator = factory(settings, store=store)
    else:
        generator = factory(settings)
    return generator
