"""Options and helpers shared by commands: --kb, settings, opening the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from curbside.settings import Settings, load_settings
from curbside.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def kb_option(func: F) -> F:
    return click.option(
        "--kb", "kb", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="Knowledge base file (default: $CURBSIDE_KB, else the user data dir).",
    )(func)


def settings_from(**overrides: Any) -> Settings:
    return load_settings(overrides)


def open_store(settings: Settings, *, readonly: bool = False) -> Store:
    return Store.open(settings.kb, readonly=readonly)
