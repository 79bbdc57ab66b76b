"""`curbside ingest` end to end: idempotence, bad files in a batch, and kill -9 mid-ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from curbside.cli.main import cli
from curbside.store import Store


def _beir(path: Path, n: int, start: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as f:
        for i in range(start, start + n):
            f.write(json.dumps({"_id": str(i), "title": f"Trial {i} of thiazide diuretics",
                                "text": f"In trial {i}, chlorthalidone lowered systolic blood pressure. " * 3}) + "\n")
    return path


def test_ingest_is_idempotent_and_reports(tmp_path: Path) -> None:
    corpus = _beir(tmp_path / "mini" / "corpus.jsonl", 20)
    kb = tmp_path / "kb.sqlite"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", "--kb", str(kb), str(corpus)])
    assert first.exit_code == 0, first.output
    assert "20 added" in first.output
    second = runner.invoke(cli, ["ingest", "--kb", str(kb), str(corpus)])
    assert "0 added" in second.output and "20 unchanged" in second.output
    with Store.open(kb) as s:
        assert s.counts()["documents"] == 20


def test_bad_file_is_named_and_rest_of_batch_ingests(tmp_path: Path) -> None:
    good = _beir(tmp_path / "good" / "corpus.jsonl", 5)
    bad = tmp_path / "broken.xml"
    bad.write_text("<PubmedArticleSet><PubmedArticle><MedlineCitation>")  # truncated
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(os.urandom(2048))
    kb = tmp_path / "kb.sqlite"
    result = CliRunner().invoke(cli, ["ingest", "--kb", str(kb), str(bad), str(junk), str(good)])
    assert result.exit_code == 1
    assert "broken.xml" in result.output and "junk.pdf" in result.output
    with Store.open(kb) as s:
        assert s.counts()["documents"] == 5


def test_kill_9_mid_ingest_leaves_kb_consistent_and_rerun_completes(tmp_path: Path) -> None:
    files = [_beir(tmp_path / f"c{i}" / "corpus.jsonl", 3000, start=i * 3000) for i in range(4)]
    kb = tmp_path / "kb.sqlite"
    cmd = [sys.executable, "-m", "curbside.cli", "ingest", "--kb", str(kb), *map(str, files)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    # wait until at least one file is committed, then kill without warning
    while time.time() < deadline:
        time.sleep(0.2)
        if kb.exists():
            try:
                with Store.open(kb, readonly=True) as s:
                    if s.counts()["documents"] >= 3000:
                        break
            except Exception:
                continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store.open(kb) as s:
        docs = s.counts()["documents"]
        assert docs % 3000 == 0, "a file was half-written"
        orphans = s.conn.execute(
            "SELECT count(*) FROM passages p LEFT JOIN documents d ON d.id = p.doc_id WHERE d.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        fts = s.conn.execute("SELECT count(*) FROM passage_fts").fetchone()[0]
        assert fts == s.counts()["passages"]
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(kb) as s:
        assert s.counts()["documents"] == 12000


def test_a_big_kb_gets_its_search_index_at_the_end_of_ingest(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Above ``lexical_index_above`` passages, ingest builds the numpy BM25 index and search uses it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CURBSIDE_LEXICAL_INDEX_ABOVE", "10")
    from curbside.retrieve import sparse

    sparse.clear_cache()
    corpus = _beir(tmp_path / "mini" / "corpus.jsonl", 30)
    kb = tmp_path / "kb.sqlite"
    result = CliRunner().invoke(cli, ["ingest", "--kb", str(kb), str(corpus)])
    assert result.exit_code == 0, result.output
    assert "search index: 30 passages" in result.output
    assert len(list((tmp_path / "cache").rglob("*.vocab.json"))) == 1
    again = CliRunner().invoke(cli, ["ingest", "--kb", str(kb), str(corpus)])
    assert "search index" not in again.output  # nothing changed: the index is current
    found = CliRunner().invoke(cli, ["search", "--kb", str(kb), "chlorthalidone trial 7", "--retriever", "lexical",
                                     "--json"])
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)["hits"]
    assert hits and hits[0]["passage_id"].startswith("beir:mini:7#")
