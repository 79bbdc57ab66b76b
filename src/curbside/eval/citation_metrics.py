"""ALCE-style citation recall and precision of an answer, judged against the cited passage text.

Following Gao et al. (2023, "Enabling Large Language Models to Generate Text with Citations"),
with curbside's support judge (``answer/support.py``) in place of the NLI model:

- **citation recall**: the share of the answer's sentences that are fully supported by the
  concatenation of the passages they cite (a sentence with no citation scores 0);
- **citation precision**: the share of all citations that are *needed and supportive*. A
  citation is counted when its sentence is supported by all its citations together and the
  citation is not *irrelevant* — irrelevant meaning it does not support the sentence on its
  own and removing it leaves the sentence still supported by the rest.

Citation units are passages (``Bullet.passage_ids``). Insufficient/declined answers carry no
claims and return ``None`` for both (excluded from averages, not counted as perfect).

In ``curbside eval answers`` add, per answer::

    scores = citation_scores(answer, store.passages_by_ids, judge)
    # aggregate: citation_recall = mean of scores.recall over answers where it is not None, etc.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from curbside.answer.support import SupportJudge
from curbside.records import Answer, Bullet, Passage
from curbside.sentences import sentences

PassageLookup = Callable[[Iterable[str]], Mapping[str, Passage]]


@dataclass(frozen=True, slots=True)
class CitationScores:
    recall: float | None  # share of sentences fully supported by their citations
    precision: float | None  # share of citations needed and supportive
    sentences: int
    supported: int
    citations: int
    precise: int


def answer_bullets(answer: Answer) -> list[Bullet]:
    if answer.insufficient:
        return []
    out = [answer.bottom_line]
    for section in answer.sections:
        out.extend(section.bullets)
    return out + list(answer.pitfalls) + list(answer.escalation)


def citation_scores(answer: Answer, lookup: PassageLookup | Mapping[str, Passage],
                    judge: SupportJudge | None = None) -> CitationScores:
    """Recall and precision of one answer's citations (``lookup``: e.g. ``store.passages_by_ids``)."""
    judge = judge or SupportJudge()
    bullets = answer_bullets(answer)
    ids = {pid for b in bullets for pid in b.passage_ids}
    passages = dict(lookup) if isinstance(lookup, Mapping) else dict(lookup(ids))
    claims: list[tuple[str, list[str]]] = []
    for bullet in bullets:
        texts = [passages[pid].text for pid in dict.fromkeys(bullet.passage_ids) if pid in passages]
        for sentence in sentences(bullet.text) or [bullet.text]:
            if sentence.strip():
                claims.append((sentence, texts))
    return score_claims(claims, judge)


def score_claims(claims: Sequence[tuple[str, Sequence[str]]], judge: SupportJudge) -> CitationScores:
    """The ALCE computation over (sentence, cited passage texts) pairs."""
    if not claims:
        return CitationScores(None, None, 0, 0, 0, 0)
    supported = citations = precise = 0
    for sentence, texts in claims:
        citations += len(texts)
        if not texts or not judge.check(sentence, texts).supported:
            continue
        supported += 1
        if len(texts) == 1:
            precise += 1
            continue
        for i, text in enumerate(texts):
            alone = judge.check(sentence, [text]).supported
            rest = [t for j, t in enumerate(texts) if j != i]
            irrelevant = not alone and judge.check(sentence, rest).supported
            precise += 0 if irrelevant else 1
    return CitationScores(
        recall=supported / len(claims), precision=(precise / citations) if citations else 0.0,
        sentences=len(claims), supported=supported, citations=citations, precise=precise,
    )


def aggregate(scores: Iterable[CitationScores]) -> dict[str, float | None]:
    """Macro averages over answers (``None`` when no answer had claims), for ``--json``."""
    items = list(scores)
    recalls = [s.recall for s in items if s.recall is not None]
    precisions = [s.precision for s in items if s.precision is not None]
    return {
        "citation_recall": round(sum(recalls) / len(recalls), 4) if recalls else None,
        "citation_precision": round(sum(precisions) / len(precisions), 4) if precisions else None,
    }
