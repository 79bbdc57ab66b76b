"""User files: Markdown, HTML, plain text and PDF, written here in tmp dirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from curbside.errors import SourceError, UnsupportedFormat
from curbside.records import Document, Kind
from curbside.sources import detect_format, iter_path_documents

from .conftest import make_pdf


def one(path: Path) -> Document:
    [doc] = list(iter_path_documents(path))
    return doc


def test_markdown(tmp_path: Path) -> None:
    path = tmp_path / "asthma.md"
    path.write_text(
        "---\ntitle: Front matter title\n---\n"
        "# Asthma in adults\n\nIntro with *emphasis*, a [link](http://x) and `code`.\n\n"
        "## Dosing\n\n- Budesonide **200 µg** twice daily\n- Step up if\n  uncontrolled\n\n"
        "#### Detail\n\n| Drug | Dose |\n|---|---|\n| SABA | 100 µg |\n\n"
        "## Follow-up\n\n```\nreview in 4–6 weeks\n```\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "markdown"
    doc = one(path)
    assert doc.title == "Asthma in adults" and doc.source == "file" and doc.url == ""
    assert doc.id.startswith("file:") and len(doc.id) == 25
    assert doc.issuer == "Local file: asthma.md"
    assert [(s.label, s.text) for s in doc.sections] == [
        ("Asthma in adults", "Intro with emphasis, a link and code."),
        ("Dosing", "- Budesonide 200 µg twice daily\n- Step up if uncontrolled\nDetail\nDrug | Dose\nSABA | 100 µg"),
        ("Follow-up", "review in 4–6 weeks"),
    ]


def test_markdown_without_heading_uses_front_matter_then_stem(tmp_path: Path) -> None:
    fm = tmp_path / "a.md"
    fm.write_text("---\ntitle: 'Lipid targets'\n---\nPlain text.\n", encoding="utf-8")
    assert one(fm).title == "Lipid targets"
    bare = tmp_path / "notes-on-gout.markdown"
    bare.write_text("Just a paragraph.\n", encoding="utf-8")
    assert one(bare).title == "notes-on-gout"
    assert one(bare).sections[0].label == "Text"


def test_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Gout | Example Health</title><style>p{}</style>"
        "<script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav>"
        "<h1>Gout</h1><p>Gout is inflammatory&nbsp;arthritis.</p>"
        "<h2>Treatment</h2><p>We recommend colchicine 0.5&#8239;mg.</p><ul><li>NSAIDs</li><li>Steroids</li></ul>"
        "<h4>Note</h4><table><tr><th>Drug</th><th>Dose</th></tr><tr><td>Allopurinol</td><td>100 mg</td></tr></table>"
        "<h2>Prevention</h2><p>Urate &lt; 360 µmol/L; we recommend treat-to-target.</p>"
        "<footer>© Example</footer></body></html>",
        encoding="utf-8",
    )
    assert detect_format(path) == "html"
    doc = one(path)
    assert doc.title == "Gout"  # the h1, since the <title> only adds the site name
    assert [(s.label, s.text) for s in doc.sections] == [
        ("Gout", "Gout is inflammatory arthritis."),
        ("Treatment", "We recommend colchicine 0.5 mg.\n- NSAIDs\n- Steroids\nNote\nDrug | Dose\nAllopurinol | 100 mg"),
        ("Prevention", "Urate < 360 µmol/L; we recommend treat-to-target."),
    ]
    assert doc.kind is Kind.GUIDELINE  # repeated "we recommend"
    assert "var x" not in doc.text and "Home" not in doc.text and "Example" not in doc.text
    assert doc.issuer == "Example Health"  # the site named in <title>


def test_saved_ngc_synthesis_page_names_its_publisher() -> None:
    from tests.sources.conftest import SHARED_DATA

    path = SHARED_DATA / "corpora" / "ngc" / "syntheses" / "cardiology" / "51014.htm"
    doc = one(path)
    assert doc.title == "Pharmacological Management of Hypertension"
    assert doc.issuer == "National Guideline Clearinghouse" and doc.kind is Kind.GUIDELINE
    assert "thiazide" in doc.text.lower()


def test_html_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    path.write_bytes(b'<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
                     b"<body><p>Dose \xb5g \x96 fine</p></body></html>")
    doc = one(path)
    assert doc.title == "Café" and doc.sections[0].text == "Dose µg – fine"


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "guideline.txt"
    path.write_text(
        "Hypertension guideline 2024\n\nINTRODUCTION\n\nHigh blood pressure is common.\nIt matters.\n\n"
        "Key recommendations:\n\nWe recommend a target below 130/80 mmHg.\n\n"
        "Follow-up\x07 in 4 weeks.\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "text"
    doc = one(path)
    assert doc.title == "Hypertension guideline 2024" and doc.kind is Kind.GUIDELINE
    assert [(s.label, s.text) for s in doc.sections] == [
        ("INTRODUCTION", "High blood pressure is common.\nIt matters."),
        ("Key recommendations", "We recommend a target below 130/80 mmHg.\nFollow-up in 4 weeks."),
    ]


def test_text_without_headings_is_one_section(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("A long first line that ends like a sentence, so it is not a title.\n\nMore.\n")
    doc = one(path)
    assert doc.title == "note" and [s.label for s in doc.sections] == ["Text"]
    assert doc.kind is Kind.OTHER


def test_same_bytes_same_id(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Same content.\n")
    b.write_text("Same content.\n")
    assert one(a).id == one(b).id
    assert one(a).fingerprint() != one(b).fingerprint()  # issuer names the file


def test_pdf_with_headings(tmp_path: Path) -> None:
    path = tmp_path / "copd.pdf"
    path.write_bytes(make_pdf([
        ["COPD management", "INTRODUCTION", "COPD is a common, preventable disease.",
         "RECOMMENDATIONS", "We recommend LAMA/LABA for patients with dyspnoea (strong recommendation)."],
        ["We recommend pulmonary rehabilitation after exacerbations."],
    ], title="GOLD-style COPD guideline", compress=True))
    assert detect_format(path) == "pdf"
    doc = one(path)
    assert doc.title == "GOLD-style COPD guideline" and doc.year == 2021 and doc.kind is Kind.GUIDELINE
    assert [s.label for s in doc.sections] == ["Text", "INTRODUCTION", "RECOMMENDATIONS"]
    assert "LAMA/LABA" in doc.sections[2].text and "pulmonary rehabilitation" in doc.sections[2].text


def test_pdf_without_headings_uses_pages(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([["First page line one", "continues here."], ["Second page."]]))
    doc = one(path)
    assert doc.title == "First page line one"
    assert [(s.label, s.text) for s in doc.sections] == [
        ("Page 1", "First page line one continues here."), ("Page 2", "Second page.")]


def test_pdf_errors(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"this is not a pdf at all")
    with pytest.raises(UnsupportedFormat, match="no %PDF- header"):
        detect_format(fake)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + bytes(range(1, 255)) * 20)
    with pytest.raises(SourceError, match=r"broken\.pdf: (malformed PDF|PDF has no extractable text)"):
        list(iter_path_documents(broken))
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(make_pdf([[]]))
    with pytest.raises(SourceError, match="no extractable text"):
        list(iter_path_documents(blank))


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café au lait\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin1\.txt: not valid UTF-8 \(byte offset 3\)"):
        list(iter_path_documents(path))
