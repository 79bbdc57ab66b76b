"""curbside answers list|show|review|history against a real knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curbside.cli.main import cli
from curbside.store import Store
from tests.web.conftest import build_answer, kb_documents


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    from curbside.ingest import ingest_documents

    path = tmp_path / "kb.sqlite"
    with Store.open(path) as store:
        ingest_documents(store, kb_documents())
        store.save_answer(build_answer("a1"))
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, standalone_mode=False)
    return result.exit_code, result.output


def test_list_and_show(kb: Path) -> None:
    code, out = run("answers", "list", "--kb", str(kb), "--json")
    assert code == 0 and [a["id"] for a in json.loads(out)["answers"]] == ["a1"]
    code, out = run("answers", "list", "--kb", str(kb))
    assert "a1" in out and "Submitted" in out
    code, out = run("answers", "show", "a1", "--kb", str(kb), "--json")
    data = json.loads(out)
    assert data["id"] == "a1" and data["review_history"] == []
    code, out = run("answers", "show", "a1", "--kb", str(kb), "--markdown")
    assert "First-line treatment for hypertension in adults?" in out


def test_review_cycle_from_the_command_line(kb: Path) -> None:
    code, out = run("answers", "review", "a1", "--to", "under_review", "--actor", "ed", "--kb", str(kb))
    assert code == 0 and "Submitted → Under review" in out
    code, out = run("answers", "review", "a1", "--to", "approved", "--note", "checked", "--actor", "ed",
                    "--kb", str(kb), "--json")
    assert json.loads(out)["to_status"] == "approved"
    code, out = run("answers", "history", "a1", "--kb", str(kb))
    assert "Under review → Approved by ed — checked" in out
    code, out = run("answers", "list", "--status", "approved", "--kb", str(kb), "--json")
    assert [a["id"] for a in json.loads(out)["answers"]] == ["a1"]


def test_disallowed_move_is_a_clear_error(kb: Path) -> None:
    from curbside.errors import ReviewError

    with pytest.raises(ReviewError, match="cannot move to approved"):
        run("answers", "review", "a1", "--to", "approved", "--kb", str(kb))
    with pytest.raises(ReviewError, match="unknown review status"):
        run("answers", "review", "a1", "--to", "published", "--kb", str(kb))
