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


def _paragraph_words(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """For each sentence that opens a paragraph (a line of its own, not a list item), the words
    of that paragraph — up to the next such sentence; 0 for the other sentences."""
    opens = [i for i, (start, _end) in enumerate(spans)
             if i > 0 and "\n" in text[spans[i - 1][1]:start] and text[start:start + 1] not in "-•*"]
    out = [0] * len(spans)
    bounds = [*opens, len(spans)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        out[a] = sum(len(text[s:e].split()) for s, e in spans[a:b])
    return out


def _chunks(text: str, max_words: int) -> list[tuple[int, int]]:
    spans = split_sentences(text)
    paragraph = _paragraph_words(text, spans)
    chunks: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    words = 0
    for (start, end), para in zip(spans, paragraph, strict=True):
        n = len(text[start:end].split())
        # a paragraph that will not fit starts the next passage when this one is at least half full: its
        # opening sentence ("Proton pump inhibitors (PPIs) include …") belongs with the rest of it
        full = words + n > max_words or (para and words >= max_words // 2 and words + para > max_words)
        if cur_start is not None and full:
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
