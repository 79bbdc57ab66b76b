"""`curbside pull pubmed` against the local E-utilities server."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from curbside.cli.main import cli, main
from curbside.errors import FetchError, QueryError
from curbside.literature.query import build_query
from curbside.store import Store
from tests.literature.conftest import ASTHMA_PMID
from tests.literature.eutils_server import EutilsServer

pytest.importorskip("curbside.sources.pubmed", reason="the PubMed parser (sources/pubmed.py) is not there yet")

def _env(eutils: EutilsServer | None, tmp_path: Path) -> dict[str, str]:
    env = {"CURBSIDE_KB": str(tmp_path / "kb.sqlite"), "CURBSIDE_NCBI_EMAIL": "cli@example.org"}
    env["CURBSIDE_EUTILS_URL"] = eutils.url if eutils else "http://127.0.0.1:9/entrez/eutils"
    return env


def test_pull_pmids(eutils: EutilsServer, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["pull", "pubmed", "--pmid", ASTHMA_PMID, "9997"], env=_env(eutils, tmp_path))
    assert result.exit_code == 0, result.output
    assert "stored 2 article(s): 2 added" in result.stderr
    assert eutils.calls("efetch")[0].params["email"] == "cli@example.org"
    with Store.open(tmp_path / "kb.sqlite") as kb:
        assert kb.counts()["documents"] == 2


def test_pull_question_prints_query_and_json(eutils: EutilsServer, tmp_path: Path) -> None:
    question = "as-needed budesonide-formoterol in mild asthma"
    eutils.searches[build_query(question, since=2015).term] = [ASTHMA_PMID]
    args = ["pull", "pubmed", question, "--since", "2015", "--max", "5", "--json"]
    result = CliRunner().invoke(cli, args, env=_env(eutils, tmp_path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["added"] == 1 and data["doc_ids"] == [f"pmid:{ASTHMA_PMID}"] and data["requests"] == 2
    assert eutils.calls("esearch")[0].params["retmax"] == "5"
    again = CliRunner().invoke(cli, args[:-1], env=_env(eutils, tmp_path))
    assert "1 unchanged" in again.stderr and "from the cache" in again.stderr
    assert len(eutils.calls()) == 2  # the repeat made no request


def test_pull_raw_query_and_nothing_found(eutils: EutilsServer, tmp_path: Path) -> None:
    eutils.default_ids = []
    result = CliRunner().invoke(cli, ["pull", "pubmed", "--raw", "xyzzyplugh[ti]"], env=_env(eutils, tmp_path))
    assert result.exit_code == 0
    assert "PubMed found nothing" in result.stderr
    assert eutils.calls("esearch")[0].params["term"] == "xyzzyplugh[ti]"


def test_offline_makes_no_request(eutils: EutilsServer, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["pull", "pubmed", "--offline", "--pmid", ASTHMA_PMID],
                                env=_env(eutils, tmp_path))
    assert isinstance(result.exception, FetchError) and "offline" in str(result.exception)
    env = {**_env(eutils, tmp_path), "CURBSIDE_OFFLINE": "1"}
    result = CliRunner().invoke(cli, ["pull", "pubmed", "asthma"], env=env)
    assert isinstance(result.exception, FetchError)
    assert eutils.calls() == []


def test_offline_pull_uses_the_cache(eutils: EutilsServer, tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["pull", "pubmed", "--pmid", ASTHMA_PMID], env=_env(eutils, tmp_path))
    result = CliRunner().invoke(cli, ["pull", "pubmed", "--offline", "--pmid", ASTHMA_PMID],
                                env=_env(eutils, tmp_path))
    assert result.exit_code == 0 and "from the cache" in result.stderr
    assert len(eutils.calls()) == 1


def test_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    assert "give a QUERY" in runner.invoke(cli, ["pull", "pubmed"], env=_env(None, tmp_path)).output
    bad = runner.invoke(cli, ["pull", "pubmed", "--pmid", "12x"], env=_env(None, tmp_path))
    assert isinstance(bad.exception, QueryError)
    help_text = runner.invoke(cli, ["pull", "pubmed", "--help"]).output
    assert "Examples:" in help_text and "--since" in help_text and "--offline" in help_text


def test_errors_read_as_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    for name, value in _env(None, tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "argv", ["curbside", "pull", "pubmed", "--pmid", ASTHMA_PMID])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot reach PubMed E-utilities at 127.0.0.1:9") and err.count("\n") == 1
