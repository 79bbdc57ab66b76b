"""curbside ask QUESTION — a cited, verified answer from the knowledge base."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from curbside.cli.common import kb_option, open_store, settings_from
from curbside.records import Audience

FORMATS = ["terminal", "markdown", "html", "json"]
_EVENTS = {"retrieving": "Searching the knowledge base…", "composing": "Composing the answer…",
           "verifying": "Verifying citations…"}


@click.command()
@click.argument("question")
@click.option("--audience", type=click.Choice([a.value for a in Audience]), default=Audience.CLINICIAN.value,
              show_default=True, help="clinician: guidelines and primary evidence first; patient: consumer-health "
                                      "sources and plain words.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True,
              help="Output format.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json: print the answer object.")
@click.option("--follow-up", "follow_up", metavar="ANSWER_ID", default=None,
              help="Ask in the context of an earlier answer (its id is printed under every answer).")
@click.option("--generator", default=None, metavar="NAME",
              help="Answer generator: extractive (default, no model), openai, llamacpp.")
@click.option("--model-path", default=None, metavar="GGUF",
              help="llamacpp generator: a GGUF file or a packaged model name (sets llm_model_path).")
@click.option("--llm-base-url", default=None, metavar="URL",
              help="openai generator: an OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1.")
@click.option("--llm-model", default=None, metavar="NAME", help="openai generator: the model name.")
@click.option("-k", "k", type=click.IntRange(1, 50), default=None,
              help="Evidence passages to compose from (default from settings: 10).")
@click.option("--no-save", is_flag=True, help="Do not store the answer in the knowledge base.")
@kb_option
def ask(question: str, audience: str, fmt: str, as_json: bool, follow_up: str | None, generator: str | None,
        model_path: str | None, llm_base_url: str | None, llm_model: str | None,
        k: int | None, no_save: bool, kb: Path | None) -> None:
    """Answer a clinical question with cited evidence from the knowledge base.

    The answer has a bottom line, themed sections, critical pitfalls and when to escalate,
    each sentence citing numbered references (Guideline, Systematic review, Trial …). Yes/no
    questions get a verdict. With too little evidence it says so instead of padding; questions
    that are not medical are declined; emergencies lead with where to get help. Every answer is
    stored (status "submitted") for review: see `curbside answers`.

    \b
    Examples:
      curbside ask "How is hypertension treated in adults?"
      curbside ask "Do statins reduce mortality in breast cancer?" --format markdown
      curbside ask "What are the symptoms of shingles?" --audience patient
      curbside ask "And in older adults?" --follow-up 3f2a9c0d1e4b5a6c
      curbside ask "Is metformin safe in pregnancy?" --json > answer.json
    """
    from curbside.answer import ask as answer_question
    from curbside.answer.render import to_html_fragment, to_json, to_markdown, to_terminal

    fmt = "json" if as_json else fmt
    settings = settings_from(kb=kb, generator=generator, k=k, llm_model_path=model_path,
                             llm_base_url=llm_base_url, llm_model=llm_model)
    err = Console(stderr=True)
    with open_store(settings) as store:
        from curbside.cli.search_index import ensure_search_index

        ensure_search_index(store, settings, err, quiet=True)
        if fmt == "terminal" and err.is_terminal:
            with err.status(_EVENTS["retrieving"]) as status:
                answer = answer_question(store, settings, question, audience=Audience(audience),
                                         follow_up_of=follow_up, save=not no_save,
                                         progress=lambda e: status.update(_EVENTS.get(e, e)))
        else:
            answer = answer_question(store, settings, question, audience=Audience(audience),
                                     follow_up_of=follow_up, save=not no_save)
    if fmt == "json":
        click.echo(to_json(answer))
    elif fmt == "markdown":
        click.echo(to_markdown(answer), nl=False)
    elif fmt == "html":
        click.echo(to_html_fragment(answer), nl=False)
    else:
        to_terminal(answer, Console())
