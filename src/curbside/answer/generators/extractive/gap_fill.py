"""A part of a several-part question that nothing chosen mentions, answered from a document the answer already cites.

"… What is the likely diagnosis and why have these symptoms appeared now, which blood and urine tests help confirm it,
… and what should she avoid?" answered from NCI's carcinoid page left "which blood and urine tests" and "what should she
avoid" to a "Not covered" notice (``gaps.py``), while the page's own sentences on the 24-hour urine test and on alcohol,
nuts and cheese were candidates all along, below the score the body keeps. A reader told a part is not covered by a
page the answer cites, which covers it, stops trusting the notices. For each such part, the best usable candidate from a
cited document that names what the part asks of its own joins the body: one per part, beyond the body's usual number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from curbside.answer.gaps import PART_SAID, own_words, part_share
from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import Candidate
from curbside.answer.generators.extractive.scoring import redundant
from curbside.answer.lead_cues import RESEARCH_ONLY
from curbside.answer.synonyms import mentioned

MAX_FILLED = 3  # parts answered this way, at most
# a glossary's entry ("CT scan (CAT scan): A procedure that makes a series of detailed pictures …"): what a word means,
# not what the part asks of it
_GLOSSARY = re.compile(r"^[^.:;]{1,60}:\s+(?:A|An|The)\s")


def _usable(c: Candidate, bottom: Candidate) -> bool:
    """``c`` may speak for the answer: on the question's topic, for its patient, a statement of its own."""
    return (c.on_topic and not (c.conflicts or c.another_patient or c.method or c.meta or c.fragment or c.dangling)
            and not (c.strays and not bottom.strays) and RESEARCH_ONLY.search(c.text) is None
            and _GLOSSARY.match(c.text) is None)


def fill_gaps(question: str, chosen: Plan, candidates: Sequence[Candidate], weights: Mapping[str, float]) -> Plan:
    """``chosen`` with, for each part of ``question`` its sentences do not mention (as ``gaps.unmentioned_parts``
    reads them), the best candidate from a document it cites that names what that part asks (``weights``: the
    question's term weights)."""
    picked = [chosen.bottom, *chosen.body, *chosen.pitfalls, *chosen.escalation]
    cited = {c.hit.document.id for c in picked}
    said = set().union(*(c.stems for c in picked))
    added: list[Candidate] = []
    for _part, words, asked in own_words(question):
        if len(added) >= MAX_FILLED or mentioned(words, said) & asked:
            continue
        # (the most of what the part asks, then the best scored; never a sentence already chosen)
        # (… naming at least half of what it asks, by the question's term weights, as ``gaps.part_passages`` reads
        # a part: "Do not routinely offer spinal MRI to all men with … known bone metastases" does not say how to
        # protect his bones)
        options = [(share, c.score, -c.position, c) for c in candidates
                   if c.hit.document.id in cited and all(c is not o for o in picked) and _usable(c, chosen.bottom)
                   and (share := part_share(words, asked, c.stems, weights)) >= PART_SAID]
        for *_, c in sorted(options, key=lambda row: row[:3], reverse=True):
            if not redundant(c, [*picked, *added]):
                added.append(c)
                said |= c.stems
                break
    if not added:
        return chosen
    return Plan(chosen.bottom, [*chosen.body, *added], chosen.pitfalls, chosen.escalation)


__all__ = ["fill_gaps"]
