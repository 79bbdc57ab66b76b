from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from curbside.cli.main import cli
from curbside.ingest import ingest_documents
from curbside.store import Store
from tests.conftest import make_doc


def test_embed_command_is_resumable_and_idempotent(tmp_path: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    with Store.open(kb) as store:
        ingest_documents(store, [make_doc(f"d{i}", f"Title {i}", ("S", f"passage text {i}")) for i in range(5)])
    runner = CliRunner()
    first = runner.invoke(cli, ["embed", "--model", "hashing", "--limit", "2", "--batch", "1", "--kb", str(kb)])
    assert first.exit_code == 0, first.output
    assert "2 passages" in first.output and "3 still without vectors" in first.output
    rest = runner.invoke(cli, ["embed", "--model", "hashing", "--kb", str(kb)])
    assert rest.exit_code == 0 and "0 still without vectors" in rest.output
    again = runner.invoke(cli, ["embed", "--model", "hashing", "--kb", str(kb)])
    assert again.exit_code == 0 and "already has" in again.output
    with Store.open(kb) as store:
        assert store.vector_models() == {"hashing-64": 5}
