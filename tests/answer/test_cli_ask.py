from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from curbside.cli.main import cli
from curbside.errors import ConfigError, NotFoundError, QueryError
from tests.answer.corpus import build


def _kb(tmp_path: Path) -> Path:
    path = tmp_path / "kb.sqlite"
    build(path).close()
    return path


CURBSIDE = str(Path(sys.executable).with_name("curbside"))


def _env() -> dict[str, str]:
    return {"CURBSIDE_RETRIEVER": "lexical"}


def test_ask_json(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    result = CliRunner().invoke(cli, ["ask", "--kb", str(kb), "--json",
                                      "Does vitamin D supplementation reduce fractures in older adults?"], env=_env())
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["verdict"] == "no" and data["references"][0]["pmid"] == "1000001"
    assert data["status"] == "submitted"


def test_ask_formats_and_follow_up(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    runner = CliRunner()
    first = json.loads(runner.invoke(cli, ["ask", "--kb", str(kb), "--format", "json",
                                           "How should proximal hamstring tendinopathy be managed?"],
                                     env=_env()).output)
    md = runner.invoke(cli, ["ask", "--kb", str(kb), "--format", "markdown", "--follow-up", first["id"],
                             "What about drugs and their doses?"], env=_env())
    assert md.exit_code == 0 and "**Bottom line:**" in md.output and "ibuprofen" in md.output
    html = runner.invoke(cli, ["ask", "--kb", str(kb), "--format", "html", "--audience", "patient",
                               "What are the symptoms of shingles?"], env=_env())
    assert html.output.startswith('<article class="curbside-answer"')
    term = runner.invoke(cli, ["ask", "--kb", str(kb), "--no-save", "What are the symptoms of shingles?"], env=_env())
    assert "Bottom line" in term.output and "References" in term.output


def test_ask_help_teaches() -> None:
    result = CliRunner().invoke(cli, ["ask", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--follow-up" in result.output and "--audience" in result.output


def test_ask_errors_are_curbside_errors(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    runner = CliRunner()
    for args, error, needle in (
        (["ask", "--kb", str(kb), ""], QueryError, "the question is empty"),
        (["ask", "--kb", str(kb), "--follow-up", "nope", "and then?"], NotFoundError, "no answer with id"),
        (["ask", "--kb", str(kb), "--generator", "nonsense", "Is aspirin useful?"], ConfigError, "unknown generator"),
    ):
        result = runner.invoke(cli, args, env=_env())
        assert isinstance(result.exception, error) and needle in str(result.exception)


def test_ask_error_is_one_line_in_a_real_process(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    proc = subprocess.run([CURBSIDE, "ask", "--kb", str(kb), "   "], capture_output=True, text=True,
                          env={**os.environ, **_env()}, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: the question is empty"


def test_ask_real_subprocess(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    proc = subprocess.run([CURBSIDE, "ask", "--kb", str(kb), "--format",
                           "markdown", "How should proximal hamstring tendinopathy be managed?"],
                          capture_output=True, text=True, env={**os.environ, **_env()}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Critical pitfalls" in proc.stdout and "When to escalate or refer" in proc.stdout
