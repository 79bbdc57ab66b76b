"""A second opinion on sufficiency: how close, in meaning, the evidence is to a question its words do not settle.

Coverage (evidence.py) counts the question's words in one passage. A case is mostly words no guideline repeats — the
patient's age, job and other drugs, "five-a-side football", "a boot" — and its rarest word, the one coverage requires,
is often one of them; a study's title asked as a question spreads its words over the abstract's sections. Counting
words, a covered question and one on an absent topic look alike: on the 299 cases of
``benchmarks/questions/bottom-line-labels.jsonl`` whose words alone were not enough, the passage a reader named as the
answer and the best passage for an absent topic had the same spread of coverage (medians 0.39 and 0.50), key terms and
document coverage. Their closeness in meaning differs: the best MiniLM cosine between the whole question and a kept
passage (with its document's title) had a median of 0.62 where a reader named an answer among the kept passages and
0.43 for absent topics; the other questions' labels split the same way.

So a question the words do not settle is answered when a kept passage that says at least ``CLOSE_COVERAGE_MIN`` of it
is at least ``CLOSE_MIN`` close to it (calibrated on those labels: ``benchmarks/closeness_calibration.py``), unless its
rarest word names a disease, a drug or a procedure that no kept passage names; those passages are marked
(``CLOSE_SCORE``) so that the generator reads their sentences as on the question's topic whether or not they name its
rarest word. Without the model (weights not installed) or with ``semantic_sufficiency`` off, the words decide alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

import numpy as np

from curbside.answer.evidence import CLOSE_MIN, CLOSE_SCORE, Evidence
from curbside.answer.lexicon import medical_name
from curbside.answer.terms import TermStats, content_terms
from curbside.answer.text import stem
from curbside.embed.base import Embedder
from curbside.errors import EmbedError
from curbside.retrieve.factory import embedder_for
from curbside.settings import Settings

CLOSE_COVERAGE_MIN = 0.4  # a close passage must also say this share of the question's words (coverage)
EMBEDDER = "minilm-int8"  # (loads faster than fp32 and runs 1.2-1.3x faster; they agree on the calibration set)


def closeness_embedder(settings: Settings) -> Embedder | None:
    """The model that measures closeness (one per process, shared), or None when ``semantic_sufficiency`` is off."""
    return cast(Embedder, embedder_for(EMBEDDER)) if settings.semantic_sufficiency else None


def with_closeness(evidence: Evidence, question: str, embedder: Embedder | None, stats: TermStats) -> Evidence:
    """``evidence`` with ``closeness`` measured: the best cosine between ``question`` and a kept passage that says
    ``CLOSE_COVERAGE_MIN`` of it; unchanged where the words settle it (sufficient, or too thin to say anything) or
    where the model cannot load (its weights are not installed)."""
    if embedder is None or evidence.sufficient or evidence.thin or _unnamed_medical_key(evidence, question, stats):
        return evidence
    candidates = [hit for hit, cov in zip(evidence.hits, evidence.coverages, strict=False)
                  if cov >= CLOSE_COVERAGE_MIN]
    if not candidates:
        return evidence
    try:
        vectors = embedder.embed([f"{hit.document.title}. {hit.passage.text}" for hit in candidates])
        asked = embedder.embed_query(question)
    except EmbedError:  # (the model loads on first use)
        return evidence
    cosines = vectors @ asked
    close = {hit.passage.id: float(cos) for hit, cos in zip(candidates, cosines, strict=True) if cos >= CLOSE_MIN}
    # (marked: the generator reads their sentences as on the question's topic, named or not)
    hits = tuple(replace(hit, scores={**hit.scores, CLOSE_SCORE: close[hit.passage.id]})
                 if hit.passage.id in close else hit for hit in evidence.hits)
    return replace(evidence, hits=hits, closeness=float(np.max(cosines)))


def _unnamed_medical_key(evidence: Evidence, question: str, stats: TermStats) -> bool:
    """The question's rarest word names a disease, a drug or a procedure (``lexicon.medical_name``) that no kept
    passage names, nor its drug class: a passage close in meaning is then about something else ("… anastomotic
    leakage … undergoing pancreaticoduodenectomy?" is not answered by a study of colorectal resection). An everyday
    word is no such sign ("… in a boot?", "… so nasty?")."""
    terms = evidence.terms
    key = terms.key
    if evidence.key_covered or not key:
        return False
    if not any(medical_name(word) for word in content_terms(question) if stem(word) == key):
        return False
    classes = terms.broader.get(key, ())
    return not any(form <= stats.stems_of(hit) for hit in evidence.hits for form in classes)


def closeness_note(closeness: float) -> str:
    return (f"answered on closeness in meaning (MiniLM cosine {closeness:.2f}): no one passage has most of the "
            "question's words; check that the evidence is about what was asked")


__all__ = ["CLOSE_COVERAGE_MIN", "CLOSE_MIN", "EMBEDDER", "closeness_embedder", "closeness_note", "with_closeness"]
