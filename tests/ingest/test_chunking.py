from __future__ import annotations

from curbside.ingest import chunk_document
from curbside.sentences import sentences
from tests.conftest import make_doc


def test_offsets_point_into_document_text() -> None:
    long = " ".join(f"Sentence number {i} talks about hypertension and diuretics." for i in range(60))
    doc = make_doc("d", "T", ("Background", "Short background."), ("Results", long), ("Conclusions", "Done."))
    passages = chunk_document(doc, max_words=50)
    text = doc.text
    assert [p.ordinal for p in passages] == list(range(len(passages)))
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert len(p.text.split()) <= 62
    assert {p.section for p in passages} == {"Background", "Results", "Conclusions"}
    # passages never cross sections
    assert passages[0].text == "Short background."


def test_sentence_splitter_keeps_abbreviations_and_decimals() -> None:
    text = ("Smith et al. found a 2.5 mg dose effective, e.g. in adults vs. children. "
            "The HR was 0.8 (95% CI 0.7-0.9). Dr. Jones disagreed!")
    assert sentences(text) == [
        "Smith et al. found a 2.5 mg dose effective, e.g. in adults vs. children.",
        "The HR was 0.8 (95% CI 0.7-0.9).",
        "Dr. Jones disagreed!",
    ]
