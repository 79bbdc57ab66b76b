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
rarest word names a disease, a drug or a procedure that no kept passage names (of what a case asks: not the patient's
other diseases); those passages are marked (``CLOSE_SCORE``) so that the generator reads their sentences as on the
question's topic whether or not they name its rarest word.

A question that names a health page — by its rarest word, or by the one disease it names — may be answered from that
page at a lower closeness (``NAMED_PAGE_CLOSE_MIN``) when nothing else is close: "my husband … got typhoid … wants to go
back to work at the restaurant next week, is that ok??" is answered by CDC's *Typhoid Fever*, which says most of it in
other words.

A case says few of its words in any one passage: a passage covering ``CASE_CLOSE_COVERAGE_MIN`` of them may be close
when it says ``CASE_ASKED_MIN`` of what the case asks. In a case, a close passage is often a guideline's scope or a
comment on a recommendation, so its document's other kept passages are marked too (``CLOSE_DOCUMENT_SCORE``: on topic,
not themselves answers) and the guideline's recommendations closest to the case join the evidence
(``_recommendations``). Without the model (weights not installed) or with ``semantic_sufficiency`` off, the words decide
alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

import numpy as np

from curbside.answer.conclusions import is_conclusion, missing_conclusions
from curbside.answer.evidence import CLOSE_DOCUMENT_SCORE, CLOSE_MIN, CLOSE_SCORE, NAMED_PAGE_SCORE, Evidence
from curbside.answer.lexicon import disease_mentions, medical_name
from curbside.answer.terms import Terms, TermStats, content_terms
from curbside.answer.text import content_stems, stem
from curbside.answer.topic_sources import RECOMMENDATION_SECTION
from curbside.answer.unknown_words import unknown_to_the_kb
from curbside.answer.vignette import asking
from curbside.answer.whole_documents import DESCRIBED_SCORE
from curbside.embed.base import Embedder
from curbside.errors import EmbedError
from curbside.records import Hit, Kind
from curbside.retrieve.factory import embedder_for
from curbside.settings import Settings

CLOSE_COVERAGE_MIN = 0.4  # a close passage must also say this share of the question's words (coverage)
CASE_CLOSE_COVERAGE_MIN = 0.2  # … or of a case's words, most of which no guideline repeats …
CASE_ASKED_MIN = 0.2  # … when it says this share of what the case asks (``Terms.asked_share``)
CLOSE_DOCUMENTS = 2  # guidelines close to the question whose recommendations are read (``_recommendations``)
CLOSE_READ = 8  # … of each, those saying most of the question's words are measured
CLOSE_RECOMMENDATIONS = 3  # … and this many of them, the closest, join the evidence
CLOSE_RECOMMENDATION_MIN = 0.5  # … when at least this close
EMBEDDER = "minilm-int8"  # (loads faster than fp32 and runs 1.2-1.3x faster; they agree on the calibration set)


def closeness_embedder(settings: Settings) -> Embedder | None:
    """The model that measures closeness (one per process, shared), or None when ``semantic_sufficiency`` is off."""
    return cast(Embedder, embedder_for(EMBEDDER)) if settings.semantic_sufficiency else None


def with_closeness(evidence: Evidence, question: str, embedder: Embedder | None, stats: TermStats,
                   force: bool = False) -> Evidence:
    """``evidence`` with ``closeness`` measured: the best cosine between ``question`` and a kept passage that says
    ``CLOSE_COVERAGE_MIN`` of it; unchanged where the words settle it (sufficient, unless ``force``: enough, yet no
    sentence of it was found to say what was asked; or too thin to say anything) or where the model cannot load (its
    weights are not installed)."""
    if (embedder is None or (evidence.sufficient and not force) or evidence.thin
            or _unnamed_medical_key(evidence, question, stats)):
        return evidence
    terms = evidence.terms
    # (a case's passage that says few of its words must say some of what it asks: one on the patient's diabetes is close
    # to a case of a painful red eye in a woman with diabetes, and says nothing of what to do about the eye)
    named = _named_pages(evidence, question, stats)
    candidates = [hit for hit, cov in zip(evidence.hits, evidence.coverages, strict=False)
                  if cov >= CLOSE_COVERAGE_MIN or hit.document.id in named
                  or (terms.asked and cov >= CASE_CLOSE_COVERAGE_MIN
                      and terms.asked_share(stats.stems_of(hit)) >= CASE_ASKED_MIN)]
    if not candidates:
        return evidence
    try:
        vectors = embedder.embed([f"{hit.document.title}. {hit.passage.text}" for hit in candidates])
        asked = embedder.embed_query(question)
    except EmbedError:  # (the model loads on first use)
        return evidence
    cosines = vectors @ asked
    close = {hit.passage.id: float(cos) for hit, cos in zip(candidates, cosines, strict=True) if cos >= CLOSE_MIN}
    page: dict[str, float] = {}  # (the page the question names, only when nothing else is close: it would crowd theirs)
    if not close:
        close = {hit.passage.id: float(cos) for hit, cos in zip(candidates, cosines, strict=True)
                 if hit.document.id in named and cos >= NAMED_PAGE_CLOSE_MIN}
        for hit in candidates:
            if hit.passage.id in close:
                page[hit.document.id] = max(page.get(hit.document.id, 0.0), close[hit.passage.id])
    # in a case, a passage this close puts its document on the question's topic, and its kept passages with it: a
    # guideline's scope ("Incidence of catheter-related bloodstream infections …") is often what is closest, its
    # recommendations ("refer patients with PN-dependent intestinal failure to … intestinal rehabilitation programs")
    # what answers. (Not for a question without a case, whose answer is closer than that to it: among a guideline's
    # other recommendations there is one that says the opposite of the one it asks about.)
    documents: dict[str, float] = {}
    for hit in candidates:
        if hit.passage.id in close and terms.asked:
            documents[hit.document.id] = max(documents.get(hit.document.id, 0.0), close[hit.passage.id])
    # (marked: the generator reads their sentences as on the question's topic, named or not; the close passages' own as
    # answers, their documents' others as on topic only)
    for hit in evidence.hits:  # (a close study's conclusion speaks for it: ``_conclusions``)
        if hit.passage.id not in close and is_conclusion(hit) and hit.document.kind is not Kind.GUIDELINE:
            near = [close[h.passage.id] for h in candidates
                    if h.document.id == hit.document.id and h.passage.id in close]
            if near:
                close[hit.passage.id] = max(near)
    hits = tuple(_marked(hit, close, documents, page) for hit in evidence.hits)
    extra = [*_recommendations(evidence, documents, asked, embedder, stats), *_conclusions(hits, close, stats)]
    title = next((hit.document.title for hit in candidates if hit.document.id in page), "")
    return replace(evidence, hits=(*hits, *extra),
                   coverages=(*evidence.coverages, *(evidence.terms.coverage(stats.stems_of(h)) for h in extra)),
                   closeness=float(np.max(cosines)), named_page=title)


# cosine a passage of the health page a question names must reach when nothing else is close (``_named_pages``): a
# worried relative's message is long and mostly their own words, and the page's passages that answer it measured 0.58
# to 0.61 (typhoid and work, Todd's paralysis; docs/answers.md "Session 34")
NAMED_PAGE_CLOSE_MIN = 0.55


def _named_pages(evidence: Evidence, question: str, stats: TermStats) -> set[str]:
    """The kept health pages the question names: by its rarest word in their title ("todds" → *Todd's Paralysis*), or
    by the one disease it names ("… got typhoid on our trip …" → *Typhoid Fever*; not a case's several diseases, most of
    them its patient's history). None when the rarest word is one the knowledge base never uses, or the question names a
    drug or disease it never mentions: the question is about that ("… the newly approved … sebetralstat …", "… a new
    non-hormone tablet called elinzanetant …"), not about the disease's page."""
    terms = evidence.terms
    words = list(dict.fromkeys(content_terms(question)))
    # (… nor when it names a drug or a disease the knowledge base never mentions: "… a new non-hormone tablet called
    # elinzanetant …" is not answered by NCI's *Breast Cancer* page, whatever its rarest word)
    asked = [w for w in words if stem(w) == terms.key or medical_name(w)]
    if stats.store is None or not terms.key or unknown_to_the_kb(asked, stats.store):
        return set()
    names = {frozenset(content_stems(name)) for name in disease_mentions(question)}
    named = next(iter(names)) if len(names) == 1 else frozenset()
    out = set()
    for hit in evidence.hits:
        if hit.document.kind is not Kind.CONSUMER:
            continue
        title = set(content_stems(hit.document.title))
        if terms.key in title or (named and named <= title):
            out.add(hit.document.id)
    return out


DESCRIBED_CLOSE_MIN = 0.48  # cosine a passage of the page a case describes must reach for the page to answer it


def with_described(evidence: Evidence, question: str, embedder: Embedder | None, stats: TermStats) -> Evidence:
    """``evidence`` with the page on the disease its case describes (``Evidence.described``) joined to it — its passages
    marked ``DESCRIBED_SCORE``, its coverage counted — when one of the page's passages is close in meaning to the case
    (``DESCRIBED_CLOSE_MIN``): words alone also found NHLBI's *Polycythemia Vera* for burning red feet (erythromelalgia)
    and a dialysis page for a creeping rash after a beach holiday; closeness tells those apart (docs/answers.md,
    "Session 30"). Unchanged without such a page, or without the model."""
    coverage, page = evidence.described
    if not page or embedder is None:
        return evidence
    try:
        vectors = embedder.embed([f"{hit.document.title}. {hit.passage.text}" for hit in page])
        asked = embedder.embed_query(question)
    except EmbedError:
        return evidence
    if float(np.max(vectors @ asked)) < DESCRIBED_CLOSE_MIN:
        return evidence
    marked = {hit.passage.id: replace(hit, scores={**hit.scores, DESCRIBED_SCORE: hit.score}) for hit in page}
    hits = tuple(marked.pop(hit.passage.id, hit) for hit in evidence.hits)  # (its passages already kept, marked)
    extra = tuple(marked.values())
    return replace(evidence, hits=(*hits, *extra), described_coverage=coverage,
                   coverages=(*evidence.coverages, *(evidence.terms.coverage(stats.stems_of(h)) for h in extra)))


def _marked(hit: Hit, close: dict[str, float], documents: dict[str, float], page: dict[str, float]) -> Hit:
    scores = dict(hit.scores)
    if hit.document.id in page:  # (every kept passage of the page the question names: the page is the answer)
        scores[NAMED_PAGE_SCORE] = page[hit.document.id]
    if hit.passage.id in close:
        scores[CLOSE_SCORE] = close[hit.passage.id]
    elif hit.document.id in documents:
        scores[CLOSE_DOCUMENT_SCORE] = documents[hit.document.id]
    return replace(hit, scores=scores) if scores != hit.scores else hit


def _recommendations(evidence: Evidence, documents: dict[str, float], asked: np.ndarray, embedder: Embedder,
                     stats: TermStats) -> list[Hit]:
    """The recommendations of the guidelines close to the question that are closest to it, beyond those kept: what is
    close is often a guideline's scope or a comment on a recommendation ("Comments: Patients at lower risk …"), and its
    recommendations ("… the AGA suggests using anti-TNF therapy and/or thiopurines …") say few of a case's words."""
    if stats.store is None:
        return []
    have = {hit.passage.id for hit in evidence.hits}
    found: list[Hit] = []
    for doc_id, _cos in sorted(documents.items(), key=lambda item: -item[1])[:CLOSE_DOCUMENTS]:
        best = next(hit for hit in evidence.hits if hit.document.id == doc_id)
        if best.document.kind is not Kind.GUIDELINE:
            continue
        said = [Hit(p, best.document, best.score, {}) for p in stats.store.passages_for(doc_id)
                if p.id not in have and RECOMMENDATION_SECTION.search(p.section)]
        # (words first, to read few: meaning decides among those that say most of the question)
        said.sort(key=lambda hit: -evidence.terms.coverage(stats.stems_of(hit)))
        said = said[:CLOSE_READ]
        if not said:
            continue
        try:
            cosines = embedder.embed([f"{hit.document.title}. {hit.passage.text}" for hit in said]) @ asked
        except EmbedError:
            return found
        ranked = sorted(zip(cosines.tolist(), said, strict=True), key=lambda pair: -pair[0])
        found += [replace(hit, scores={CLOSE_DOCUMENT_SCORE: cos, "sibling": best.score})
                  for cos, hit in ranked[:CLOSE_RECOMMENDATIONS] if cos >= CLOSE_RECOMMENDATION_MIN]
    return found


def _conclusions(hits: tuple[Hit, ...], close: dict[str, float], stats: TermStats) -> list[Hit]:
    """The conclusion of a study whose passage is close to the question, when the evidence lacks it: a study speaks
    through its conclusion, and its results alone can mislead ("One child was found with unilateral retinal
    haemorrhages following … a simple febrile convulsion" without "… Such a finding should trigger an extensive
    search for other reasons, including child abuse"). Marked close, as the passage that brought it."""
    if stats.store is None:
        return []
    studies = [hit for hit in hits if hit.passage.id in close and hit.document.kind is not Kind.GUIDELINE]
    have = {h.passage.id for h in hits}
    found: list[Hit] = []
    for study in studies:
        for hit in missing_conclusions(stats.store, [study], documents=1):
            if hit.passage.id not in have:
                have.add(hit.passage.id)
                found.append(replace(hit, scores={**hit.scores, CLOSE_SCORE: close[study.passage.id]}))
    return found


def _unnamed_medical_key(evidence: Evidence, question: str, stats: TermStats) -> bool:
    """The question's rarest word names a disease, a drug or a procedure (``lexicon.medical_name``) that no kept
    passage names, nor its drug class: a passage close in meaning is then about something else ("… anastomotic
    leakage … undergoing pancreaticoduodenectomy?" is not answered by a study of colorectal resection). An everyday
    word is no such sign ("… in a boot?", "… so nasty?")."""
    terms = evidence.terms
    key = terms.key
    if evidence.key_covered or not key:
        return False
    # (of what a case asks, not of the case: a patient's other disease — "… polymyalgia rheumatica on prednisolone …" —
    # is rarely what the guideline that answers is about)
    if not any(key in wordings[0] for wordings in asked_names(question, terms)):
        return False
    classes = terms.broader.get(key, ())
    return not any(form <= stats.stems_of(hit) for hit in evidence.hits for form in classes)


def asked_names(question: str, terms: Terms) -> list[tuple[frozenset[str], ...]]:
    """The wordings (its stem, its synonyms, its drug class) of each drug, disease or procedure that what the question
    asks names (``lexicon.medical_name``; not its examples): "Starting low-dose weekly methotrexate: what baseline
    tests …, and should folic acid be given?" names methotrexate."""
    out = []
    for word in dict.fromkeys(content_terms(asking(question))):
        s = stem(word)
        if s in terms.weights and s not in terms.minor and medical_name(word):
            out.append((frozenset({s}), *terms.alternatives.get(s, ()), *terms.broader.get(s, ())))
    return out


def names_any(stems: set[str] | frozenset[str], names: list[tuple[frozenset[str], ...]]) -> bool:
    """``stems`` name one of ``names`` (``asked_names``) in one of its wordings, or there are none ("Can I start
    metformin …, or does he need insulin from the outset …?" is answered by a sentence on insulin)."""
    return not names or any(any(form <= stems for form in wordings) for wordings in names)


def closeness_note(evidence: Evidence) -> str:
    if evidence.closeness < CLOSE_MIN and evidence.named_page:
        return (f"answered from the page the question names, “{evidence.named_page}”, on closeness in meaning (MiniLM "
                f"cosine {evidence.closeness:.2f}): no one passage has most of the question's words; check that it "
                "says what was asked")
    return (f"answered on closeness in meaning (MiniLM cosine {evidence.closeness:.2f}): no one passage has most of "
            "the question's words; check that the evidence is about what was asked")


__all__ = ["CLOSE_COVERAGE_MIN", "CLOSE_MIN", "EMBEDDER", "asked_names", "closeness_embedder", "closeness_note",
           "names_any", "with_closeness"]
