"""JSON Lines corpora: BEIR (SciFact), PubMedQA abstracts, BioASQ snippets."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from curbside.errors import SourceError, UnsupportedFormat
from curbside.sources import beir, bioasq, detect_format, iter_path_documents, pubmedqa
from curbside.sources.beir import beir_doc_id, raw_beir_id


def write_jsonl(path: Path, *records: object, raw_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r) for r in records] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_scifact_corpus(corpora_dir: Path) -> None:
    path = corpora_dir / "scifact" / "corpus.jsonl"
    assert detect_format(path) == "beir"
    first, second = islice(iter_path_documents(path), 2)
    assert first.id == "beir:scifact:4983" and raw_beir_id(first.id) == "4983"
    assert first.title.startswith("Microstructural development of human newborn cerebral white matter")
    assert first.sections[0].label == "Abstract"
    assert "preterm (n = 17) and full-term infants (n = 7)" in first.sections[0].text
    assert first.source == "beir"
    assert second.id == "beir:scifact:5836"


def test_beir_ids_round_trip_and_corpus_override(tmp_path: Path) -> None:
    assert raw_beir_id(beir_doc_id("nfcorpus", "MED-10:a")) == "MED-10:a"
    with pytest.raises(ValueError):
        raw_beir_id("pmid:1")
    with pytest.raises(ValueError):
        beir_doc_id("a:b", "1")
    folder = tmp_path / "my-corpus"
    folder.mkdir()
    path = write_jsonl(folder / "corpus.jsonl", {"_id": 7, "title": "", "text": "Body text."},
                       {"_id": "8", "title": "", "text": ""})
    docs = list(beir.iter_documents(path))
    assert [d.id for d in docs] == ["beir:my-corpus:7"]  # empty stub skipped, numeric id accepted
    assert [d.id for d in beir.iter_documents(path, corpus="other")] == ["beir:other:7"]


def test_pubmedqa_abstracts(corpora_dir: Path) -> None:
    path = corpora_dir / "pubmedqa" / "abstracts.jsonl"
    assert detect_format(path) == "pubmedqa"
    doc = next(iter_path_documents(path))
    assert doc.id == "pmid:21645374" and doc.pmid == "21645374" and doc.year == 2011
    assert doc.title == "PubMed abstract 21645374 (title not included in PubMedQA)"
    assert doc.source == "pubmed" and doc.url == "https://pubmed.ncbi.nlm.nih.gov/21645374/"
    assert [s.label for s in doc.sections] == ["BACKGROUND", "RESULTS", "CONCLUSIONS"]
    assert doc.mesh[:2] == ("Alismataceae", "Apoptosis")
    assert "(ΔΨm)" in doc.text


def test_bioasq_snippets(corpora_dir: Path) -> None:
    path = corpora_dir / "bioasq" / "snippets.jsonl"
    assert detect_format(path) == "bioasq"
    docs = list(islice(iter_path_documents(path), 200))
    first = docs[0]
    assert first.id == "bioasq:34022131" and first.pmid == "34022131" and first.source == "bioasq"
    assert first.url == "https://pubmed.ncbi.nlm.nih.gov/34022131/"
    assert first.title.startswith("Non-coding region variants upstream of MEF2C")
    assert {s.label for s in first.sections} == {"Snippet"}
    assert all(len({s.text for s in d.sections}) == len(d.sections) for d in docs)


def test_bioasq_dedupes_and_titles_conservatively(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "snippets.jsonl",
        {"pmid": "1", "snippets": ["We found that X is high.", "We found that X is high.", "Y."]},
        {"pmid": "2", "snippets": ["Aspirin for primary prevention of stroke", "Other sentence."]},
        {"pmid": "3", "snippets": ["  "]},
    )
    docs = list(bioasq.iter_documents(path))
    assert [d.pmid for d in docs] == ["1", "2"]
    assert [s.text for s in docs[0].sections] == ["We found that X is high.", "Y."] and docs[0].title == ""
    assert docs[1].title == "Aspirin for primary prevention of stroke"


def test_bad_line_is_named(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "abstracts.jsonl",
                       {"pmid": "1", "sections": [{"label": "A", "text": "x"}]},
                       {"pmid": "2", "sections": [{"label": "A", "text": "y"}]},
                       raw_lines=('{"pmid": "3", "sections": [',))
    with pytest.raises(SourceError, match=r"abstracts\.jsonl: line 3: invalid JSON"):
        list(pubmedqa.iter_documents(path))
    wrong = write_jsonl(tmp_path / "w.jsonl", {"pmid": "x1", "snippets": ["a"]})
    with pytest.raises(SourceError, match="line 1: 'pmid' is not a number"):
        list(bioasq.iter_documents(wrong))
    not_utf8 = tmp_path / "latin.jsonl"
    not_utf8.write_bytes(b'{"_id": "1", "title": "caf\xe9", "text": "x"}\n')
    with pytest.raises(SourceError, match="line 1: not valid UTF-8"):
        list(beir.iter_documents(not_utf8))


def test_unknown_jsonl_is_unsupported(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "queries.jsonl", {"_id": "q1", "text": "what?"})
    with pytest.raises(UnsupportedFormat, match="not a known format"):
        detect_format(path)
