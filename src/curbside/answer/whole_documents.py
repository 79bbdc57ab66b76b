"""Evidence read a whole document at a time, where no one passage says enough: a study's abstract cut into passages
(``whole_study``), the guideline on a case's disease whose other sections hold the case's findings
(``case_coverage``), and the health page on the disease a case describes without naming it (``described_page``).
``evidence.gather`` decides with them whether the evidence suffices (module docstring there).
"""

from __future__ import annotations

from collections.abc import Sequence

from curbside.answer.lead_cues import SCOPE_SECTION
from curbside.answer.population import Scope
from curbside.answer.terms import Terms, TermStats
from curbside.records import Hit, Kind
from curbside.store import Store

KEY_TERM_REQUIRED = True  # the question's rarest term must appear in the kept evidence
STUDY_MAX_CHARS = 4000  # a document this short is one study (PubMed abstracts here: 1,100–3,100)
STUDY_DOCUMENTS = 2  # leading documents tried as a whole (as many as `conclusions` reads for a verdict)
CASE_ASKED_MIN = 0.7  # share of a case's question a passage must say itself to answer it with its document's words
DESCRIBED_DOCUMENTS = 5  # leading documents among which a case's described disease's page is looked for
DESCRIBED_SCORE = "described"  # the mark of the described page's passages (the generator leads with what it says)


def leading(hits: Sequence[Hit], documents: int) -> dict[str, Hit]:
    """The first ``documents`` documents of ``hits``, each with its first hit."""
    out: dict[str, Hit] = {}
    for hit in hits:
        out.setdefault(hit.document.id, hit)
        if len(out) >= documents:
            break
    return out


def whole_study(store: Store, hits: Sequence[Hit], terms: Terms, stats: TermStats,
                documents: int = STUDY_DOCUMENTS) -> tuple[float, list[Hit]]:
    """The best of the first ``documents`` documents of ``hits`` taken whole — title and every
    passage — among those no longer than ``STUDY_MAX_CHARS`` that contain the key term: its
    coverage and all its passages (as hits scored like its first); (0.0, []) when none qualifies."""
    best: tuple[float, list[Hit]] = (0.0, [])
    for doc_id, first in leading(hits, documents).items():
        passages = store.passages_for(doc_id)
        if not passages or sum(len(p.text) for p in passages) > STUDY_MAX_CHARS:
            continue
        whole = [Hit(p, first.document, first.score, {"study": first.score}) for p in passages]
        stems = stats.document_stems(first.document)
        if KEY_TERM_REQUIRED and not terms.names_key(stems):
            continue
        coverage = terms.coverage(stems)
        if coverage > best[0]:
            best = (coverage, whole)
    return best


_RESEARCH = frozenset({Kind.RCT, Kind.OBSERVATIONAL, Kind.SYSTEMATIC_REVIEW, Kind.REVIEW, Kind.CASE_REPORT, Kind.OTHER})
CONCLUSIONS = "CONCLUSIONS"  # the section a structured abstract ends with


def study_conclusions(store: Store, hits: Sequence[Hit], documents: int = STUDY_DOCUMENTS) -> list[Hit]:
    """The conclusions of the first ``documents`` abstracts among ``hits`` that are kept without them (scored like their
    first hit): passage search finds the background of a meta-analysis of aromatase inhibitors against tamoxifen, whose
    answer to "How do they compare for serious cardiovascular side effects?" is its conclusion, which says "AIs" and
    "CVAEs"."""
    have = {h.passage.id for h in hits}
    out: list[Hit] = []
    studies = [hit for hit in hits if hit.document.kind in _RESEARCH]
    for first in leading(studies, documents).values():
        out.extend(Hit(p, first.document, first.score, {"conclusion": first.score})
                   for p in store.passages_for(first.document.id)
                   if p.section.upper() == CONCLUSIONS and p.id not in have)
    return out


def case_coverage(hits: Sequence[Hit], terms: Terms, stats: TermStats) -> float:
    """For a question put as a case: the best coverage of a hit that names the key, where what the question asks
    (``Terms.asked``) counts where the passage has it and the case's words where its document does. NICE's pneumonia
    guideline answers "… fever, productive cough …, RR 22, BP 128/78 … does he need sputum cultures or urinary antigen
    tests?" in its passage on microbiological tests, which repeats none of the findings; its sections on discharge
    (respiratory rate, blood pressure) and on what to tell patients (fever, cough) have them.
    A passage whose document does not describe the case does not qualify, nor one that says too little of what is
    asked (``CASE_ASKED_MIN``): the case's words in its document would make up for the question's; nor a guideline
    summary's scope fields ("Interventions and practices considered: … bridging … warfarin …"), which name what it
    covers and say nothing of it."""
    # (a several-part case's question is answered in part by a passage that says one part: SIGN's "In pregnancy, dosing
    # adjustment … (with the exception of lamotrigine …)" for "Should I check her lamotrigine levels and adjust the dose
    # …, does she need vitamin K …, and can she breastfeed on lamotrigine?"; not a part that asks little of its own
    # beside the key — "… and does his partner need treatment?" — nor the one part a question keeps of itself)
    parts = [part for part in terms.parts if len(part & terms.asked - {terms.key}) >= 2] if len(terms.parts) > 1 else []
    best = 0.0
    for hit in hits:
        stems = stats.stems_of(hit)
        if not terms.names_key(stems) or SCOPE_SECTION.search(hit.passage.section):
            continue
        for part in (None, *parts):
            if terms.asked_share(stems, part) >= CASE_ASKED_MIN:
                best = max(best, terms.coverage_with(stems, stats.document_stems(hit.document), part))
    return best


def described_page(store: Store, hits: Sequence[Hit], terms: Terms, stats: TermStats, scope: Scope,
                   documents: int = DESCRIBED_DOCUMENTS) -> tuple[float, list[Hit]]:
    """For a case that asks what its patient has: the health page among the first ``documents`` documents of ``hits``
    (five: NIDDK's *Renal Tubular Acidosis* is the fourth for a Sjögren's patient's distal RTA) that, taken whole, says
    most of the case — its coverage and all its passages (as hits scored like its first; the
    pipeline marks them ``DESCRIBED_SCORE`` once closeness in meaning confirms the page: ``closeness.with_described``);
    (0.0, []) when none does. A page on a disease the case names ("a maternal aunt was told she had mild cerebral
    palsy") is not the one it describes. NINDS's *Neuromyelitis Optica* says the optic neuritis, the intractable
    hiccups and vomiting, the long spinal cord lesion and the aquaporin-4 antibody of "… What is the most likely
    diagnosis and which antibody underlies it …?" over four passages, none of which says half of it."""
    best: tuple[float, list[Hit]] = (0.0, [])
    # (the first health pages, whatever guidelines rank among them: NHLBI's *Coronary Microvascular Disease* is the
    # sixth document, and the third page, for a woman whose angiogram showed smooth coronary arteries)
    pages = [hit for hit in hits if hit.document.kind is Kind.CONSUMER]
    for doc_id, first in leading(pages, documents).items():
        if scope.names_topic(first.document.title) or scope.names_finding(first.document.title):
            continue
        coverage = terms.coverage(stats.document_stems(first.document))
        if coverage > best[0]:
            best = (coverage, [Hit(p, first.document, first.score)
                               for p in store.passages_for(doc_id)])
    return best

