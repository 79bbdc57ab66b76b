"""curbside eval … — benchmark harness commands (each subcommand in its own module)."""

from __future__ import annotations

import importlib

import click

_SUBCOMMANDS = {
    "retrieval": ("curbside.cli.eval_retrieval", "eval_retrieval", "nDCG@10, Recall@100, MRR@10 on a BEIR folder."),
    "answers": ("curbside.cli.eval_answers", "eval_answers", "Verdicts, citations, coverage on a question file."),
}


class _EvalGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _SUBCOMMANDS:
            return None
        module, attr, _ = _SUBCOMMANDS[cmd_name]
        try:
            command: click.Command = getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError:
            return None
        return command


@click.group("eval", cls=_EvalGroup)
def eval_group() -> None:
    """Score retrieval or answers on benchmark sets (see docs/benchmarks.md)."""
