"""Section-aware chunking: passages never cross a section; they break at sentence ends."""

from __future__ import annotations

from curbside.records import SECTION_SEPARATOR, Document, Passage
from curbside.sentences import split_sentences


def chunk_document(doc: Document, max_words: int = 160) -> list[Passage]:
    """Split each section into passages of at most ~``max_words`` words (a single longer
    sentence stays whole). Offsets point into ``doc.text``."""
    passages: list[Passage] = []
    offset = 0
    for section in doc.sections:
        text = section.text
        if text.strip():
            for start, end in _chunks(text, max_words):
                passages.append(
                    Passage(
                        id=f"{doc.id}#{len(passages)}", doc_id=doc.id, ordinal=len(passages),
                        section=section.label, text=text[start:end],
                        start=offset + start, end=offset + end,
                    )
                )
        offset += len(text) + len(SECTION_SEPARATOR)
    return passages


def _chunks(text: str, max_words: int) -> list[tuple[int, int]]:
    spans = split_sentences(text)
    chunks: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    words = 0
    for start, end in spans:
        n = len(text[start:end].split())
        if cur_start is not None and words + n > max_words:
            chunks.append((cur_start, cur_end))
            cur_start, words = None, 0
        if cur_start is None:
            cur_start = start
        cur_end = end
        words += n
    if cur_start is not None:
        chunks.append((cur_start, cur_end))
    # balance a short tail with its predecessor so no passage is a lone fragment
    if len(chunks) >= 2:
        (a0, _a1), (b0, b1) = chunks[-2], chunks[-1]
        if len(text[b0:b1].split()) < max_words // 4 and len(text[a0:b1].split()) <= max_words * 1.25:
            chunks[-2:] = [(a0, b1)]
    return chunks
