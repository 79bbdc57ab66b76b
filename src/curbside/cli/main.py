"""The ``curbside`` command. Subcommands live in their own modules and load lazily, so
``curbside --help`` is instant and a missing optional extra only affects its own command."""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from curbside import __version__
from curbside.errors import CurbsideError

# name → (module, attribute, one-line help shown in `curbside --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "ask": ("curbside.cli.ask", "ask", "Answer a clinical question with cited evidence."),
    "search": ("curbside.cli.search", "search", "Search the knowledge base for passages."),
    "ingest": ("curbside.cli.ingest", "ingest", "Add files or folders to the knowledge base."),
    "embed": ("curbside.cli.embed", "embed", "Compute dense vectors for passages that lack them."),
    "stats": ("curbside.cli.stats", "stats", "Show what the knowledge base holds."),
    "eval": ("curbside.cli.evaluate", "eval_group", "Score retrieval or answers on benchmark sets."),
    "serve": ("curbside.cli.serve", "serve", "Run the web app and HTTP API."),
    "pull": ("curbside.cli.pull", "pull", "Fetch literature (PubMed) into the knowledge base."),
    "answers": ("curbside.cli.answers", "answers", "List, show and review stored answers."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (mod, _a, _h) in COMMANDS.items() if importlib.util.find_spec(mod)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attr, _help = COMMANDS[cmd_name]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        command: click.Command = getattr(module, attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="curbside")
def cli() -> None:
    """curbside — evidence-grounded answers to clinical questions, from your own knowledge base.

    \b
    Quick start:
      curbside ingest ../shared/data/corpora/medquad      # add sources (files or folders)
      curbside ask "How is hypertension treated in adults?"
      curbside search "statins breast cancer survival" -k 5

    The knowledge base is one SQLite file: --kb PATH, else $CURBSIDE_KB, else the user data dir.
    Settings: defaults < curbside.toml < CURBSIDE_* environment < flags.
    """


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except CurbsideError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
