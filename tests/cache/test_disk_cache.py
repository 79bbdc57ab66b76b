"""Values kept between processes (``curbside.disk_cache``): served only under the key they were built for,
rebuilt when the file is missing, damaged or of the wrong kind, and never an error when the cache cannot be
written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from curbside import disk_cache
from curbside.disk_cache import code_digest, digest, load_or_build


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CURBSIDE_CACHE_DIR", str(tmp_path))
    return tmp_path / "built"


def test_a_value_is_read_back_without_building_again(cache: Path) -> None:
    builds: list[int] = []
    value = {frozenset({"a", "b"}): ["doc-1"], frozenset({"c"}): ["doc-2", "doc-3"]}
    assert load_or_build("index", "k1", dict, lambda: builds.append(1) or value) == value
    assert load_or_build("index", "k1", dict, lambda: builds.append(1) or {}) == value
    assert builds == [1]


def test_another_key_is_built_and_replaces_the_stale_file(cache: Path) -> None:
    load_or_build("index", "k1", dict, lambda: {"old": 1})
    assert load_or_build("index", "k2", dict, lambda: {"new": 2}) == {"new": 2}
    assert [p.name for p in cache.iterdir()] == ["index-k2.marshal"]


def test_a_damaged_or_foreign_file_is_rebuilt(cache: Path) -> None:
    load_or_build("names", "k", frozenset, lambda: frozenset({"asthma"}))
    (cache / "names-k.marshal").write_bytes(b"\x00garbage")
    assert load_or_build("names", "k", frozenset, lambda: frozenset({"copd"})) == frozenset({"copd"})
    (cache / "names-k.marshal").write_bytes(__import__("marshal").dumps(["a list"]))
    assert load_or_build("names", "k", frozenset, lambda: frozenset({"gout"})) == frozenset({"gout"})


def test_an_unwritable_cache_only_costs_a_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CURBSIDE_CACHE_DIR", str(blocker))
    assert load_or_build("index", "k", dict, lambda: {"x": 1}) == {"x": 1}


def test_keys_change_with_their_input_and_the_code() -> None:
    assert digest("a", "b") != digest("ab")
    assert code_digest(disk_cache) != code_digest(disk_cache, subprocess)


def test_the_disease_vocabulary_and_page_index_come_from_the_cache_in_a_new_process(cache: Path) -> None:
    from curbside.answer import lexicon

    names = lexicon._disease_names(Path(lexicon.__file__).with_name("data").joinpath("diseases.txt")
                                   .read_text(encoding="utf-8"))
    code = ("from curbside.answer.lexicon import _diseases; import sys; "
            "sys.stdout.write(str(len(_diseases())))")
    env = {"CURBSIDE_CACHE_DIR": str(cache.parent), "PATH": ""}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout == str(len(names))
    assert len(list(cache.glob("diseases-*.marshal"))) == 1
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert second.stdout == first.stdout


def test_answering_loads_neither_the_http_client_nor_the_parsers() -> None:
    """The live-PubMed client and the source parsers load only when used: a tenth of a second each of a cold ask."""
    code = ("import sys, curbside.answer, curbside.cli.ask; "
            "print(sorted({'httpx', 'curbside.sources'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
