"""Conclusions for yes/no questions: a study answers a yes/no question in its conclusion.

Evidence keeps the passages that best cover the question's words, and an abstract's objective
("To determine whether X reduces Y") usually covers them better than its conclusion ("X did not
reduce Y"), so the conclusion was often cut (PubMedQA: the leading abstract's conclusion was
missing for a third of the questions). The verdict and the evidence shown for it rest on that
conclusion, so the conclusion passages of the leading documents are appended to the evidence;
appending keeps the numbers of the evidence already there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from curbside.answer.evidence import Evidence
from curbside.answer.terms import TermStats
from curbside.records import Hit
from curbside.store import Store

CONCLUSION_SECTION = re.compile(r"conclu|interpret|implication|bottom line", re.IGNORECASE)
DOCUMENTS = 2  # leading documents whose conclusion joins the evidence
MAX_PASSAGES = 2  # … at most this many conclusion passages each


def is_conclusion(hit: Hit) -> bool:
    return bool(CONCLUSION_SECTION.search(hit.passage.section))


def missing_conclusions(store: Store, hits: Sequence[Hit], documents: int = DOCUMENTS) -> list[Hit]:
    """Conclusion passages of the first ``documents`` documents in ``hits`` that ``hits`` lacks."""
    leading: dict[str, Hit] = {}
    for hit in hits:
        leading.setdefault(hit.document.id, hit)
        if len(leading) >= documents:
            break
    have = {h.passage.id for h in hits}
    extra: list[Hit] = []
    for doc_id, first in leading.items():
        if any(h.document.id == doc_id and is_conclusion(h) for h in hits):
            continue
        found = [p for p in store.passages_for(doc_id) if CONCLUSION_SECTION.search(p.section)]
        extra.extend(Hit(p, first.document, first.score, {"conclusion": first.score})
                     for p in found[:MAX_PASSAGES] if p.id not in have)
    return extra


def with_conclusions(store: Store, evidence: Evidence, stats: TermStats) -> Evidence:
    """``evidence`` with the leading documents' conclusions appended (unchanged when present)."""
    extra = missing_conclusions(store, evidence.hits)
    if not extra:
        return evidence
    coverages = evidence.coverages
    if len(coverages) == len(evidence.hits):
        coverages += tuple(evidence.terms.coverage(stats.stems_of(h)) for h in extra)
    return replace(evidence, hits=(*evidence.hits, *extra), coverages=coverages)
