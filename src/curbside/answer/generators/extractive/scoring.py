"""Scoring candidate sentences: relevance first, then evidence quality and cue words.

score = relevance (IDF-weighted question-term coverage, with a little credit for the document
title) + conclusion/recommendation cues + level of evidence + recency + rank of the passage in
the reranked evidence − penalties (methods, meta text, dangling "This…", statistics-heavy, and for
patients, reading grade above 8 and again above 14). Weights were tuned by reading answers to the
development questions and checked on the eval sets (docs/answers.md, benchmarks/readability.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from curbside.answer.evidence import marked_close
from curbside.answer.generators.extractive.candidates import Candidate, heading
from curbside.answer.terms import Terms
from curbside.answer.text import content_stems, stem
from curbside.answer.themes import SECONDARY, names_intervention, related
from curbside.records import Audience, Kind

W_CONCLUSION = 0.22
W_RECOMMENDATION = 0.18
W_GRADED = 0.06
W_LEVEL = 0.10
W_RECENCY = 0.04
W_RANK = 0.18
P_METHOD = 0.30
P_BACKGROUND = 0.12  # background/objective/methods sections of an abstract
P_META = 0.40
P_DANGLING = 0.12
P_FRAGMENT = 0.2  # no verb: a title or a list item (assemble.py keeps those of guidelines out)
P_PIPELINE = 0.15  # a drug still in development: news, not management
P_STATS = 0.06  # per statistic beyond the first
P_GRADE = 0.05  # per reading grade above 8 (patients)
P_HARD = 0.10  # … and again per grade above 14: such sentences are for specialists (benchmarks/readability.py)
HARD_GRADE = 14.0
B_CONSUMER = 0.15  # patients: consumer-health sources
B_INTENT = 0.08  # sentence speaks to a theme the question asks about
W_ASKED = 0.3  # share of a case question's relevance that is what it asks (``Terms.asked_share``)
# words of the recommendation itself, not of what it recommends (``Candidate.novel``)
_SAYS_NOTHING = frozenset(stem(w) for w in """recommend recommended recommends recommendation suggest suggests
patient patients people person individuals clinician clinicians physician physicians grade evidence strong weak
should consider considered""".split())


def score_all(candidates: Sequence[Candidate], terms: Terms, audience: Audience,
              intents: Sequence[str], headed: Callable[[Candidate], bool] = lambda c: False) -> None:
    """Fill ``relevance`` and ``score`` on every candidate (in place). Terms a sentence lacks but
    its document's title or other evidence sentences have count half (the topic is set there); for
    a sentence ``headed`` by the question's disease in a document on another, the heading sets it, as
    a reader takes it ("Management of Prolonged Seizures Including Status Epilepticus" in a guideline
    on epilepsy)."""
    doc_words: dict[str, set[str]] = {}  # title, section labels and words of the document's evidence
    for c in candidates:
        words = doc_words.setdefault(c.hit.document.id, set(content_stems(c.hit.document.title)))
        words.update(content_stems(c.section))
        words.update(c.stems)
    title_stems = {doc_id: frozenset(words) for doc_id, words in doc_words.items()}
    asked_stems = set(terms.weights) | _SAYS_NOTHING
    for forms in terms.alternatives.values():
        for form in forms:
            asked_stems |= form
    key = terms.key
    treats = bool({"treatment", "drugs"} & set(intents))
    # documents whose own title names the question's key term (not only their evidence sentences)
    titles = {c.hit.document.id: c.hit.document.title for c in candidates}
    topic_titles = {doc_id for doc_id, title in titles.items()
                    if key and key in terms.covered(frozenset(content_stems(title)))}
    for c in candidates:
        doc = c.hit.document
        own = terms.coverage(c.stems | heading_stems(c.section) if headed(c) else c.stems, parts=0)
        if doc.id in topic_titles and key not in terms.covered(c.stems) and (
                (names_intervention(c.text)
                 and ((doc.kind is Kind.GUIDELINE and c.recommendation)
                      or (doc.kind is Kind.CONSUMER and treats and c.themes and c.themes[0] in related(intents))))
                # … and so does a health page titled for it on whatever else the question asks ("Symptoms usually
                # begin 2 or 3 days after infection and last 2 to 14 days", on "Common Cold", for "How long does a
                # cold last?")
                or (doc.kind is Kind.CONSUMER and not treats and set(c.themes) & set(intents))):
            # a guideline titled for the question's disease speaks of it throughout: what it recommends doing
            # rarely repeats the disease's name ("Recommended Regimes (Ia, A): metronidazole 2 g …" in the
            # BASHH guideline on Trichomonas vaginalis); so does a health page titled for it, on how it is
            # treated ("Sucking on lozenges … may ease the pain", on MedlinePlus's "Sore Throat" page)
            own = terms.coverage(c.stems | {key}, parts=0)
        with_title = terms.coverage(c.stems | title_stems[doc.id], parts=0)
        c.relevance = own + 0.5 * (with_title - own)  # terms only in the title count half
        if key in terms.asked:
            # a case's question that names what it asks about (its key: ``Terms.key``) is answered by a sentence on
            # that, not by one that repeats the case ("… among diabetics" for "… type 1 diabetes and gastroparesis …
            # Which prokinetic should I start?"); "How do we get rid of them?" names nothing of its own
            c.relevance = (1 - W_ASKED) * c.relevance + W_ASKED * terms.asked_share(c.stems)
        c.own = own
        c.novel = len(c.stems - asked_stems)
        c.on_topic = (not terms.key or terms.names_key(c.stems | title_stems[doc.id])
                      or marked_close(c.hit))
        s = c.relevance
        s += W_CONCLUSION * c.conclusion + W_RECOMMENDATION * c.recommendation
        s += 0.5 * W_RECOMMENDATION * c.in_recommendations + W_GRADED * (c.graded and c.strength >= 0)
        s += W_LEVEL * (5 - doc.kind.level) / 4
        if doc.year:
            s += W_RECENCY * min(1.0, max(0.0, (doc.year - 1990) / 35))
        s += W_RANK / (1 + 0.25 * (c.evidence - 1))
        s -= P_METHOD * c.method + P_BACKGROUND * c.background + P_META * c.meta + P_DANGLING * c.dangling
        s -= P_FRAGMENT * c.fragment + P_PIPELINE * c.pipeline
        s -= P_STATS * max(0, c.stats - 1)
        if intents and set(c.themes) & related(intents):
            s += B_INTENT
        elif intents and set(c.themes) - SECONDARY:  # speaks to something the question did not ask about
            s -= B_INTENT
        if audience is Audience.PATIENT:
            grade = min(c.grade, 20.0)
            s -= P_GRADE * max(0.0, grade - 8.0) + P_HARD * max(0.0, grade - HARD_GRADE)
            s -= 0.05 * min(c.stats, 3)
            if doc.kind is Kind.CONSUMER:
                s += B_CONSUMER
        c.score = s


def heading_stems(section: str) -> frozenset[str]:
    return frozenset(content_stems(heading(section)))


def similarity(a: Candidate, b: Candidate) -> float:
    """Jaccard similarity of content stems (redundancy)."""
    if not a.stems or not b.stems:
        return 0.0
    jaccard = len(a.stems & b.stems) / len(a.stems | b.stems)
    # parallel statements with different figures, or one for and one against ("… recommend anti-TNF
    # monotherapy over thiopurine monotherapy …" / "… suggest against using thiopurine monotherapy …")
    if (a.numbers != b.numbers or a.pitfall != b.pitfall) and jaccard < 0.8:
        return jaccard / 2
    return jaccard


REDUNDANT = 0.5  # stem Jaccard at or above this: same point
CORROBORATES = 0.6  # … and at or above this from another document: cite it too


def redundant(c: Candidate, chosen: Sequence[Candidate], asked: frozenset[str] = frozenset()) -> bool:
    """``c`` makes the point of a sentence ``chosen`` already (which then cites ``c``'s passage too, when another
    document's says it as well) — unless it names something the question asks that the other does not: "… the balance
    of benefits and harms of routine iron supplementation for pregnant women …" beside the same I statement on
    screening, asked about both (``asked``: the stems of what the question asks)."""
    for other in chosen:
        sim = similarity(c, other)
        if sim >= REDUNDANT:
            if (c.stems - other.stems) & asked - (other.stems & asked):
                continue
            if (sim >= CORROBORATES and c.hit.document.id != other.hit.document.id
                    and c.evidence not in other.corroboration and c.evidence != other.evidence):
                other.corroboration.append(c.evidence)
            return True
    return False
