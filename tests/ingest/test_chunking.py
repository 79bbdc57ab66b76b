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


def test_a_paragraph_that_will_not_fit_starts_the_next_passage() -> None:
    from curbside.ingest.chunking import _chunks

    first = " ".join(["Histamine blockers reduce acid."] * 20)  # 80 words: half of 160
    second = "Proton pump inhibitors include omeprazole. " + " ".join(["They block acid pumps."] * 25)
    text = f"{first}\n{second}"
    passages = [text[a:b] for a, b in _chunks(text, 160)]
    assert passages[1].startswith("Proton pump inhibitors include omeprazole.")  # not stranded at the end of [0]
    # a list item is not a paragraph of its own, and a short paragraph still joins the passage before it
    short = f"{first}\nProton pump inhibitors include omeprazole."
    assert len(_chunks(short, 160)) == 1
    listed = first + "\n- " + " ".join(["an item that goes on"] * 30)
    assert [listed[a:b] for a, b in _chunks(listed, 160)][0].startswith("Histamine")


def test_a_unit_after_a_number_ends_a_sentence() -> None:
    from curbside.sentences import sentences

    assert sentences("He is a former smoker, SpO2 95% on 2 L. What imaging should we ask for next?") == [
        "He is a former smoker, SpO2 95% on 2 L.", "What imaging should we ask for next?"]
    assert sentences("She was given 1 g. The next day she improved.") == [
        "She was given 1 g.", "The next day she improved."]
    assert sentences("Dr. J. Smith saw him. He was well.") == ["Dr. J. Smith saw him.", "He was well."]
