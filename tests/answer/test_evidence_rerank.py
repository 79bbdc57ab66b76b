"""Reranking the retrieved pool: a passage under a heading that asks what the question asks
ranks above an equally covering one under another heading."""

from __future__ import annotations

from curbside.answer.evidence import _rerank
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.records import Audience, Document, Hit, Kind, Passage, Section


def _hit(ordinal: int, section: str, text: str) -> Hit:
    document = Document(id="medquad:1", kind=Kind.CONSUMER, title="Stroke", source="medquad", issuer="NIH",
                        year=2015, sections=(Section(section, text),))
    return Hit(Passage(f"medquad:1#{ordinal}", "medquad:1", ordinal, section, text, 0, len(text)), document, 5.0)


def test_a_section_that_asks_what_the_question_asks_ranks_first() -> None:
    risk = _hit(15, "Who is at risk for Stroke? ?", "Experiencing warning signs are risk factors for stroke.")
    signs = _hit(6, "What are the symptoms of Stroke ?", "These are warning signs of a stroke: sudden numbness.")
    info = analyse("What are the warning signs of stroke?")
    stats = TermStats()
    terms = stats.terms(info)
    ranked = _rerank([risk, signs], terms, Audience.PATIENT, 5.0, stats, None, info.intents)
    assert [row[-1].passage.id for row in ranked] == ["medquad:1#6", "medquad:1#15"]
    unasked = _rerank([risk, signs], terms, Audience.PATIENT, 5.0, stats, None, ())
    assert unasked[0][-1].passage.id == "medquad:1#15"  # retrieval order decides without the heading
