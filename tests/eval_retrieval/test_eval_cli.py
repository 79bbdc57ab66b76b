from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curbside.cli.main import cli
from curbside.eval.beir import load_beir, read_qrels

CORPUS = [
    {"_id": i, "title": title, "text": text} for i, title, text in [
        ("d1", "Statins and breast cancer", "Statin use is associated with lower breast cancer mortality."),
        ("d2", "Hypertension treatment", "Thiazide diuretics are first-line for hypertension in adults."),
        ("d3", "Asthma inhalers", "As-needed budesonide-formoterol controls mild asthma."),
        ("d4", "Gout flares", "Colchicine reduces pain in acute gout flares."),
        ("d5", "Vitamin D and falls", "Vitamin D supplements do not prevent falls in older adults."),
    ]
]
QUERIES = [
    {"_id": "q1", "text": "statins breast cancer mortality"},
    {"_id": "q2", "text": "first-line drug for high blood pressure"},
    {"_id": "q3", "text": "colchicine for gout"},
    {"_id": "q9", "text": "a query without judgements is not scored"},
]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dense matrix cache files go to a tmp dir, not the user's cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def write_beir(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "qrels").mkdir()
    (root / "corpus.jsonl").write_text("\n".join(json.dumps(d) for d in CORPUS) + "\n")
    (root / "queries.jsonl").write_text("\n".join(json.dumps(q) for q in QUERIES) + "\n")
    (root / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2\nq3\td4\t1\n")
    return root


def test_load_beir_keeps_judged_queries_only(tmp_path: Path) -> None:
    beir = load_beir(write_beir(tmp_path / "tiny"))
    assert beir.name == "tiny" and list(beir.queries) == ["q1", "q2", "q3"]
    assert beir.qrels["q2"] == {"d2": 2}


def test_trec_style_qrels_are_read_too(tmp_path: Path) -> None:
    path = tmp_path / "q.tsv"
    path.write_text("q1 0 d1 2\n".replace(" ", "\t"))
    assert read_qrels(path) == {"q1": {"d1": 2}}


def test_missing_files_give_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["eval", "retrieval", str(tmp_path / "empty")])
    assert result.exit_code != 0
    assert "corpus.jsonl" in str(result.exception) or "corpus.jsonl" in result.output


def test_eval_retrieval_end_to_end_json_table_and_run_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURBSIDE_EMBEDDER", "hashing")
    root = write_beir(tmp_path / "tiny")
    kb = tmp_path / "eval.sqlite"
    run_file = tmp_path / "runs" / "tiny.run"
    runner = CliRunner()
    args = ["eval", "retrieval", str(root), "--kb", str(kb), "--json", "--run-file", str(run_file)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out["by_retriever"]) == {"lexical", "dense", "hybrid"}
    assert out["retriever"] == "hybrid" and out["queries"] == 3
    for metrics in out["by_retriever"].values():
        assert 0.0 <= metrics["ndcg@10"] <= 1.0 and 0.0 <= metrics["recall@100"] <= 1.0
    assert out["ndcg@10"] == out["by_retriever"]["hybrid"]["ndcg@10"]
    assert out["by_retriever"]["lexical"]["mrr@10"] == 1.0  # each query's words point at its document
    lines = run_file.read_text().splitlines()
    assert lines[0].split()[:4] == ["q1", "Q0", "d1", "1"] and {ln.split()[0] for ln in lines} == {"q1", "q2", "q3"}
    assert (tmp_path / "runs" / "tiny.lexical.run").is_file() and (tmp_path / "runs" / "tiny.dense.run").is_file()

    # a second run reuses the KB (nothing re-added) and prints the table
    again = runner.invoke(cli, ["eval", "retrieval", str(root), "--kb", str(kb), "--retriever", "lexical"])
    assert again.exit_code == 0, again.output
    assert "nDCG@10" in again.stdout and "lexical" in again.stdout
