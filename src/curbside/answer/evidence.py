"""Evidence for an answer: retrieve a pool, rerank it for the question and audience, keep the
best passages, and decide whether they are enough to answer at all.

Sufficiency (abstention) uses *question-term coverage*: the share of the question's content
terms, weighted by their inverse document frequency in the knowledge base, that one passage
(with its document title) contains. Retrieval scores are not comparable across questions;
coverage is. ``COVERAGE_MIN`` and ``KEY_TERM_REQUIRED`` were calibrated with
``benchmarks/answers_quality.py --calibrate`` (see docs/answers.md).

A yes/no question is often a study's title ("Is X associated with Y in patients with Z
undergoing W?"), and a study's abstract is cut into passages by section: the population is in
the background, the exposure in the methods, the outcome in the conclusion, and no one passage
repeats them all. For a yes/no question, each of the two leading documents (``STUDY_DOCUMENTS``)
counts as one passage when it is no longer than an abstract (``STUDY_MAX_CHARS``): passage
boundaries inside one short text are an artefact of chunking, not a change of subject. The bar
is the same (``COVERAGE_MIN`` and the rarest term); a long document (a guideline) does not
qualify, because terms scattered over its many sections need not be about one thing. When a
study answers this way, all its passages join the evidence, since the answer rests on the whole
of it. Open questions ("How is X …?") keep the single-passage rule: their answer is a statement,
which one passage has to make.

A question put as a case ("56-year-old man 3 years after a lung transplant, on ciclosporin …, FEV1 down 25% …; a pH
study confirms reflux. How should his bronchiolitis obliterans syndrome be treated?") is answered by a guideline on the
case's disease in a passage on what is asked, while the case's findings and history are in the guideline's other
sections, if anywhere. When no passage covers it, a kept passage that names the key and says most of what is asked
itself (``CASE_ASKED_MIN``) counts with the case's words found anywhere in its document (``case_coverage``); the bar is
the same ``COVERAGE_MIN``, a guideline summary's scope fields do not qualify, and a document that does not describe the
case does not either. A case that asks what its patient has ("What is the most likely diagnosis …?") and names no
disease it asks about is answered by the health page on the disease it describes, when one of the leading documents
is such a page and, taken whole, covers the case as well (``whole_documents.described_page``) and one of its passages
is close to the case in meaning (``closeness.with_described``): a rare disease's page tells its signs, tests and
treatment in passages of their own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from curbside.answer.abbreviations import asked_abbreviations, defined_abbreviations
from curbside.answer.ages import unnamed_child
from curbside.answer.gaps import part_passages
from curbside.answer.lexicon import disease_mentions
from curbside.answer.patient_facts import patient_has
from curbside.answer.population import Scope
from curbside.answer.questions import QuestionInfo
from curbside.answer.second_search import (
    HELP_SCORE,
    asked_alone,
    help_statements,
    named_alone,
    screening_statements,
)
from curbside.answer.terms import Terms, TermStats, content_terms
from curbside.answer.text import content_stems, stem
from curbside.answer.themes import ASKS_DIAGNOSIS, ESCALATION, LAY_PREVENTION, theme_by_key
from curbside.answer.topic_sources import (
    RECOMMENDATION_SECTION,
    leading_statements,
    named_statements,
    page_siblings,
    record_statements,
    sibling_recommendations,
    topic_guidelines,
    topic_pages,
)
from curbside.answer.vignette import asked_subject, asking
from curbside.answer.whole_documents import (
    KEY_TERM_REQUIRED,
    case_coverage,
    described_page,
    study_conclusions,
    whole_study,
)
from curbside.drug_names import drug_words
from curbside.records import Audience, Hit, Kind
from curbside.retrieve import Filters, Retriever
from curbside.sentences import sentences
from curbside.store import Store

CLOSE_MIN = 0.62  # cosine (MiniLM) between a question and a kept passage that answers it (closeness.py measures it)
COVERAGE_MIN = 0.6  # best single-passage coverage below this → "too little evidence"
ASKED_FOUND_MIN = 0.5  # a case's documents on its disease say at best this share of what it asks: try its group's
MAX_PER_DOCUMENT = 2
# the mark of a passage from a guideline for the group the question's disease belongs to ("for patients with cancer"),
# kept because nothing on the disease itself says what was asked
GROUP_SCORE = "group"
# the mark of a passage close in meaning to a question its words did not settle (closeness.py): what the answer is
# about, whatever the question's rarest word ("… in a boot?" for a passage on Achilles tendon rupture)
CLOSE_SCORE = "close"
# … or from the document of a passage that close, in a case (closeness.py): on the case's topic, not itself an answer
CLOSE_DOCUMENT_SCORE = "close-document"
# … or of the health page the question names, found close enough for a page it names (closeness.py): the page is the
# answer, and its sentences say the question in their own words ("Keep taking the prescribed antibiotics …" for "can he
# just stop them if hes better")
NAMED_PAGE_SCORE = "named-page"
WIDEN_DOCUMENTS = 5  # documents whose other passages join the pool
WIDEN_PASSAGES = 12  # … at most this many passages each
B_PATIENT_CONSUMER = 0.30  # patients: consumer-health pages (plain words; benchmarks/readability.py)
B_SECTION_ASKED = 0.05  # a passage under a heading that asks what the question asks
P_NARROWER_TITLE = 0.10  # a document about a narrower population or another disease (population.py)
P_NARROWER_SECTION = 0.04  # a section about a narrower population ("Treatment of children")
THIN_REQUIRED = 0.1  # a question whose required words weigh less than this share of it …
THIN_SAID = 0.3  # … is answered only by a passage that says at least this share of it
P_ASKS_ONLY = 0.15  # a passage that only asks ("Health Question 2: Should … Be Used? …"), pointers aside
# a pointer to where a guideline defines its grades ("Definitions of the grades … are provided at the end of the "Major
# Recommendations" field."): it says nothing of its own
_POINTER = re.compile(r"\b(?:are|is)\s+(?:provided|defined|given|presented|listed)\s+at the end of\b", re.IGNORECASE)


def marked_close(hit: Hit) -> bool:
    """``hit`` was marked close in meaning to the question, itself or through its document (closeness.py)."""
    return CLOSE_SCORE in hit.scores or CLOSE_DOCUMENT_SCORE in hit.scores


@dataclass(frozen=True)
class Evidence:
    hits: tuple[Hit, ...]
    terms: Terms
    coverage: float  # best single-passage coverage
    key_term: str  # the highest-weight stem of the question
    key_covered: bool
    pool: int  # how many passages were retrieved before reranking
    coverages: tuple[float, ...] = field(default=())  # per kept hit
    # yes/no questions: best coverage of a leading study-length document taken whole (title and
    # every passage), among those that contain the key term; 0.0 otherwise (see module docstring)
    study_coverage: float = 0.0
    # a case's question: best coverage of a kept passage that names the key, with what it asks read in the passage and
    # the case's own words in its whole document (``case_coverage``); 0.0 otherwise
    case_coverage: float = 0.0
    # the question asks next to nothing of its own and the best passage says little of the rest (``thin``)
    thin: bool = False
    # a question its words do not settle: the best closeness in meaning of a kept passage to it (closeness.py); 0.0 when
    # not measured
    closeness: float = 0.0
    # a case that asks what its patient has: the coverage of the page on the disease it describes, taken whole
    # (``whole_documents.described_page``), once closeness in meaning confirms it (``closeness.with_described``); 0.0
    # otherwise
    described_coverage: float = 0.0
    # … and the page found, not yet confirmed: its coverage and its passages
    described: tuple[float, tuple[Hit, ...]] = (0.0, ())
    # the title of the health page the question names (its rarest word, or the one disease it names), when nothing else
    # kept is close to the question and one of the page's passages is close enough for a page it names (closeness.py)
    named_page: str = ""

    @property
    def sufficient(self) -> bool:
        return self.sufficient_at(COVERAGE_MIN)

    def sufficient_at(self, threshold: float) -> bool:
        """Enough evidence at coverage ``threshold`` (``benchmarks/answers_quality.py --calibrate``
        sweeps it): one passage covers it and the rarest term is in the evidence, or, for a
        yes/no question, one leading study-length document covers it and contains the rarest term;
        or the question is close enough in meaning to a kept passage (``CLOSE_MIN``, closeness.py)."""
        if not self.hits or self.thin:
            return False
        if self.coverage >= threshold and (self.key_covered or not KEY_TERM_REQUIRED):
            return True
        if self.closeness >= CLOSE_MIN or self.named_page:
            return True
        return any(0.0 < whole >= threshold  # (0.0: none qualified)
                   for whole in (self.study_coverage, self.case_coverage, self.described_coverage))


def _prior(hit: Hit, audience: Audience) -> float:
    kind = hit.document.kind
    bonus = 0.06 * (5 - kind.level) / 4
    if hit.document.year:
        bonus += 0.03 * min(1.0, max(0.0, (hit.document.year - 1990) / 35))
    if audience is Audience.PATIENT:
        bonus += B_PATIENT_CONSUMER if kind is Kind.CONSUMER else 0.0
    elif kind in (Kind.GUIDELINE, Kind.SYSTEMATIC_REVIEW):
        bonus += 0.04
    if RECOMMENDATION_SECTION.search(hit.passage.section):
        bonus += 0.05
    return bonus


def abbreviated(terms: Terms, topical: Mapping[str, str]) -> Terms:
    """``terms`` where an abbreviation the evidence defines for the question's disease, or for words it says, counts
    for the words it stands for (``topical``: abbreviation → long form)."""
    if not topical:
        return terms
    alternatives = dict(terms.alternatives)
    for abbr, long_form in topical.items():
        # (in the plural too: "SDVs", whose stem, four letters long, keeps its "s")
        # (never an empty set, a subset of every passage's words: "US" for ultrasound is a stopword)
        shorts = tuple(dict.fromkeys(short for form in (abbr, f"{abbr}s") if (short := frozenset(content_stems(form)))))
        for word in terms.covered(frozenset(content_stems(long_form))):
            alternatives[word] = (*alternatives.get(word, ()), *shorts)
    return replace(terms, alternatives=alternatives)


def _defined_for(scope: Scope, terms: Terms, hits: Sequence[Hit]) -> dict[str, str]:
    """Abbreviations the hits define for the question's disease ("posttraumatic stress disorder
    (PTSD)") or for words the question says ("single-dose vial (SDV)")."""
    definitions = [defined_abbreviations(f"{hit.document.title}\n{hit.passage.text}") for hit in hits]
    topical = scope.topic_abbreviations(definitions) if scope.topics else {}
    wordings = {form for forms in terms.alternatives.values() for form in forms}
    return {**asked_abbreviations(terms.weights, definitions, wordings), **topical}


def gather(
    retriever: Retriever, info: QuestionInfo, audience: Audience, *, k: int, stats: TermStats,
    context_question: str = "", filters: Filters | None = None,
) -> Evidence:
    """Retrieve a pool (3k, at least 30), widen it with the other passages of the best few
    documents (a guideline's recommendations rarely repeat the question's words), rerank, and
    keep ``k`` passages (at most ``MAX_PER_DOCUMENT`` per document, one more for a guideline)."""
    query = f"{info.text} {context_question}".strip()
    if "prevention" in info.intents and LAY_PREVENTION.search(info.text) and not any(
            s.startswith("prevent") for s in info.stems):
        # asked in lay words ("What can I do so I don't get another one?"): the literature says "prevent"
        query += " prevention"
    if unnamed_child(info.text):
        query += " children"  # ("… to my 3 year old?": the guidelines say "children")
    pool = retriever.search(query, max(3 * k, 30), filters or Filters())
    pool += screening_statements(retriever, info.text, pool, max(3 * k, 30), filters or Filters())
    pool += help_statements(retriever, info.text, pool, max(3 * k, 30), filters or Filters())
    context_terms = content_terms(context_question) if context_question else []
    terms = stats.terms(info, context_terms)
    key_term = terms.key
    if not pool:
        return Evidence((), terms, 0.0, key_term, False, 0)
    scope = Scope.of(info.text, context_question)
    group_asked = patient_has(info.text)  # (a question about a patient's disease, not about the disease itself)
    if (group_asked and scope.cancer and key_term
            and not any(terms.names_key(stats.stems_of(h)) for h in pool)):
        # nothing found for a cancer says what was asked: ask it of cancers as a group ("Should sperm banking be
        # offered to a boy with Hodgkin lymphoma …?" → "sperm banking … cancer": ASCO's fertility preservation)
        named = {t for d in disease_mentions(info.text) for t in d.split()}
        wider = " ".join([*(t for t in info.terms if t not in named and stem(t) in terms.weights
                            and stem(t) not in terms.optional), "cancer"])
        have = {h.passage.id for h in pool}
        pool = [*pool, *(h for h in retriever.search(wider, max(3 * k, 30), filters or Filters())
                         if h.passage.id not in have)]
    if (terms.asked and key_term and scope.topics and not any(terms.names_key(stats.stems_of(h)) for h in pool)
            and max(terms.coverage(stats.stems_of(h)) for h in pool) < COVERAGE_MIN):
        pool = [*pool, *asked_alone(retriever, info, terms, pool, max(3 * k, 30), filters or Filters())]
    elif not terms.asked and key_term and not any(terms.names_key(stats.stems_of(h)) for h in pool):
        pool = [*pool, *named_alone(retriever, info, terms, pool, max(3 * k, 30), filters or Filters(), stats)]
    top = max(h.score for h in pool) or 1.0
    scored = _rerank(pool, terms, audience, top, stats, scope, () if info.yes_no else info.intents)
    if stats.store is not None:
        widened = _widen(stats.store, [h for *_, h in scored], pool)
        if (audience is Audience.CLINICIAN and not info.yes_no and scope.topics
                and (not filters or not filters.kinds or "guideline" in filters.kinds)):
            widened += topic_guidelines(stats.store, stats.guideline_titles(), scope, info.intents,
                                         [*pool, *widened], filters or Filters())
        if scope.topics and info.intents:
            widened += topic_pages(stats.store, stats.pages_by_name(), scope, info.intents, [*pool, *widened],
                                    filters or Filters())
        # "For patients with PTSD, the Work Group recommends …" covers a question on posttraumatic stress disorder
        # once the evidence defines the letters, as "SDVs must never be used for multiple patients" covers one on a
        # single-dose vial
        terms = abbreviated(terms, _defined_for(scope, terms, [*pool, *widened]))
        scored = _rerank([*pool, *widened], terms, audience, top, stats, scope,
                         () if info.yes_no else info.intents)
    if scope.topics:
        # a question about a disease ("… mortality in breast cancer?") is not answered by evidence
        # about something else that shares its other words: keep documents that name the disease (in
        # any of its wordings, the same test the generator applies: ``Scope.names_topic``)
        doc_text: dict[str, list[str]] = {}
        for *_, hit in scored:
            doc_text.setdefault(hit.document.id, [hit.document.title]).extend((hit.passage.section, hit.passage.text))
        about = {doc_id: scope.about(parts[0], " ".join(parts)) for doc_id, parts in doc_text.items()}
        on_topic = [row for row in scored if about[row[-1].document.id]]
        # (… or names it only where it says little else of what is asked: a fever on chemotherapy for breast cancer is
        # answered by a guideline on fever in "cancer patients receiving chemotherapy")
        keyless = not any(terms.names_key(stats.stems_of(row[-1])) for row in on_topic)
        # (… or not among what would be kept: an osteoarthritis guideline that names ibuprofen in its 40th passage says
        # nothing of stopping it before a hip replacement)
        unkept = not any(terms.names_key(stats.stems_of(row[-1])) for row in on_topic[:k])
        little = keyless or max(terms.asked_share(stats.stems_of(row[-1])) for row in on_topic) < ASKED_FOUND_MIN
        if group_asked and on_topic and (little or unkept):
            # nothing about the disease says what was asked: a guideline for the group it belongs to may ("Should sperm
            # banking be offered to a boy with Hodgkin lymphoma …?": ASCO's fertility preservation "for patients with
            # cancer"); or, where nothing on the disease names what is asked, one that does and names the drug asked
            # (CPIC's TPMT dosing for "… Crohn's … azathioprine … TPMT genotype is *1/*3A"; not "Aneurysm clipping …")
            drugs = {stem(d) for d in drug_words(info.text)}
            group = [row for row in scored if not about[row[-1].document.id]
                     and terms.names_key(stats.stems_of(row[-1]))
                     and ((little and scope.names_group(row[-1].document.title))
                          or (bool(drugs & stats.document_stems(row[-1].document)) and (
                              keyless
                              # (… or, where what would be kept does not name it, one that says what is asked of it: not
                              # "Consider using either paracetamol or ibuprofen in children with fever …" for a
                              # 79-year-old's knees)
                              or (unkept and terms.asked_share(stats.stems_of(row[-1])) >= ASKED_FOUND_MIN))))]
            # (they say what was asked, the others do not; and a guideline for the group speaks for its diseases)
            # (marked, so that the generator reads their sentences as about the patient's disease too)
            disease = {s for d in disease_mentions(info.text) for s in content_stems(d)}
            on_topic = [*((score, r, terms.coverage(stats.stems_of(hit) | disease),
                           replace(hit, scores={**hit.scores, GROUP_SCORE: 1.0})) for score, r, _, hit in group),
                        *on_topic]
        if not on_topic:
            return Evidence(tuple(h for *_, h in scored[:k]), terms, 0.0, key_term, False, len(pool),
                            tuple(c for _s, _r, c, _h in scored[:k]))
        scored = on_topic
    kept: list[tuple[float, Hit]] = []
    per_doc: dict[str, int] = {}
    # (… and, on a health page written as questions and answers, the first passage under a heading that asks each thing
    # asked: "What treatment helps … Isaacs' syndrome …, and what is the long-term outlook?" keeps the NINDS page's
    # treatment and outlook answers beside its overview)
    asks = _asked_headings(() if info.yes_no else info.intents)
    answered: dict[str, set[int]] = {}  # by document, the things asked a kept passage's heading asks
    for _score, _r, cov, hit in scored:
        heads = ({i for i, rx in enumerate(asks) if rx.search(hit.passage.section)}
                 if hit.document.kind is Kind.CONSUMER else set())
        new = heads - answered.get(hit.document.id, set())
        if per_doc.get(hit.document.id, 0) >= MAX_PER_DOCUMENT + (hit.document.kind is Kind.GUIDELINE) and not new:
            continue
        per_doc[hit.document.id] = per_doc.get(hit.document.id, 0) + 1
        answered.setdefault(hit.document.id, set()).update(heads)
        kept.append((cov, hit))
        if len(kept) >= k:
            break
    kept += [(terms.coverage(stats.stems_of(h)), h) for h in part_passages([h for *_, h in scored],
                                                                          [h for _, h in kept], info.text, stats,
                                                                          terms.weights)]
    best = max(cov for cov, _ in kept)
    key_covered = any(terms.names_key(stats.stems_of(h)) for _, h in kept)
    hits = tuple(h for _, h in kept)
    coverages = tuple(c for c, _ in kept)
    if (audience is Audience.CLINICIAN and not info.yes_no and scope.topics and info.intents
            and stats.store is not None):
        extra = sibling_recommendations(stats.store, hits, scope, info.intents, terms, stats)
        hits += tuple(extra)
        coverages += tuple(terms.coverage(stats.stems_of(h)) for h in extra)
    if not info.yes_no and info.intents and stats.store is not None:
        extra = page_siblings(stats.store, hits, scope, info.intents,
                              cover=lambda text: terms.coverage(set(content_stems(text))))
        extra += study_conclusions(stats.store, [*hits, *extra])
        hits += tuple(extra)
        coverages += tuple(terms.coverage(stats.stems_of(h)) for h in extra)
    if audience is Audience.CLINICIAN and info.yes_no and stats.store is not None:
        extra = leading_statements(stats.store, hits, terms)
        extra += named_statements(stats.store, [*hits, *extra], terms, asked_subject(info.text))
        extra += record_statements(stats.store, [*hits, *extra])
        hits += tuple(extra)
        coverages += tuple(terms.coverage(stats.stems_of(h)) for h in extra)
    study_cov = 0.0
    if info.yes_no and stats.store is not None:
        study_cov, study = whole_study(stats.store, hits, terms, stats)
        if study_cov >= COVERAGE_MIN and not (best >= COVERAGE_MIN and key_covered):
            # the study as a whole is what answers: its other passages join the evidence (the key
            # term may be only in its methods), appended so the numbers already given stay
            have = {h.passage.id for h in hits}
            extra = [h for h in study if h.passage.id not in have]
            hits += tuple(extra)
            coverages += tuple(terms.coverage(stats.stems_of(h)) for h in extra)
    case_cov = 0.0
    if terms.asked and stats.store is not None and not (best >= COVERAGE_MIN and key_covered):
        case_cov = case_coverage(hits, terms, stats)
    described: tuple[float, tuple[Hit, ...]] = (0.0, ())
    question = asking(info.text)
    # (a case, whether or not its question has words of its own: "What is the condition, how is it usually treated, and
    # what is his outlook …?" has none)
    if question != info.text and stats.store is not None and ASKS_DIAGNOSIS.search(question):
        # a case that asks what its patient has may be answered by the page on the disease it describes, whole (once
        # closeness in meaning confirms it: ``closeness.with_described``), whether or not its words found enough else
        coverage, page = described_page(stats.store, hits, terms, stats, scope)
        if coverage >= COVERAGE_MIN:
            described = (coverage, tuple(page))
    best_hit = max(kept, key=lambda row: row[0])[1]
    return Evidence(hits, terms, best, key_term, key_covered, len(pool), coverages, study_cov, case_cov,
                    thin(terms, stats.stems_of(best_hit)), described=described)


def thin(terms: Terms, stems: set[str]) -> bool:
    """The question's required words are a small share of it (``THIN_REQUIRED``: a case whose question asks only "What
    should I actually do, and when do I need to take him to a doctor?") and the best passage, ``stems``, says little of
    the whole (``THIN_SAID``): "Aspirin can relieve … burning feelings", on polycythaemia vera, covers every required
    word of a question about a child stung by a jellyfish and nothing of the sting."""
    total = sum(terms.weights.values())
    required = sum(w for s, w in terms.weights.items() if s not in terms.optional)
    said = sum(terms.weights[s] for s in terms.covered(stems))
    return total > 0 and required < THIN_REQUIRED * total and said < THIN_SAID * total


def _narrower(pool: Sequence[Hit], scope: Scope | None) -> dict[tuple[str, str], float]:
    """Penalty per (document, section) about a narrower population than the question's."""
    if scope is None:
        return {}
    titles: dict[str, float] = {}
    out: dict[tuple[str, str], float] = {}
    for hit in pool:
        doc = hit.document
        if doc.id not in titles:
            titles[doc.id] = P_NARROWER_TITLE * bool(scope.narrower(doc.title) or scope.other_topics(doc.title))
        key = (doc.id, hit.passage.section)
        if key not in out:
            out[key] = titles[doc.id] + P_NARROWER_SECTION * bool(scope.narrower(hit.passage.section))
    return out


def asks_only(text: str) -> bool:
    """``text`` only asks questions (and points to another field): a guideline's PICO question ("Health Question 2:
    Should Antifungal Prophylaxis Be Used …? If So, What Medication … Should Be Used?") shares the question's words and
    answers none of them."""
    said = sentences(text)
    # (a pointer alone is not penalised: it costs a slot, and the passage that would take it is rarely better)
    return (any(s.rstrip().endswith("?") for s in said)
            and all(s.rstrip().endswith("?") or _POINTER.search(s) for s in said))


def _asked_headings(intents: Sequence[str]) -> list[re.Pattern[str]]:
    """The headings that ask what the question asks ("What are the treatments for …?" for a treatment question)."""
    return [theme_by_key(key).question for key in intents if key != "definition"]


def _rerank(pool: Sequence[Hit], terms: Terms, audience: Audience, top: float,
            stats: TermStats, scope: Scope | None = None,
            intents: Sequence[str] = ()) -> list[tuple[float, int, float, Hit]]:
    """(score, -rank, coverage, hit), best first: retrieval score, passage coverage, document
    coverage (title and all its pooled passages: what the document is about), priors, a little
    for a section headed by what the question asks ("What are the symptoms of Stroke?" for a
    question on warning signs, not "Who is at risk for Stroke?"), and a penalty for documents
    and sections about a narrower population than the question's."""
    asks = _asked_headings(intents)
    doc_stems: dict[str, set[str]] = {}
    for hit in pool:
        doc_stems.setdefault(hit.document.id, set()).update(stats.stems_of(hit))
    doc_cov = {doc_id: terms.coverage(s, parts=0) for doc_id, s in doc_stems.items()}
    narrower = _narrower(pool, scope)
    scored = []
    for rank, hit in enumerate(pool):
        # (the order reads the question whole; whether the evidence suffices also reads its parts)
        cov = terms.coverage(stats.stems_of(hit))
        whole = terms.coverage(stats.stems_of(hit), parts=0) if terms.parts else cov
        score = (0.3 * (hit.score / top if top > 0 else 0.0) + 0.5 * whole + 0.2 * doc_cov[hit.document.id]
                 + _prior(hit, audience) - narrower.get((hit.document.id, hit.passage.section), 0.0))
        if any(rx.search(hit.passage.section) for rx in asks):
            score += B_SECTION_ASKED
        if HELP_SCORE in hit.scores and ESCALATION.search(hit.passage.text):
            score += B_PATIENT_CONSUMER  # (what says when to seek help is what a patient asking when to is shown)
        if asks_only(hit.passage.text):
            score -= P_ASKS_ONLY
        scored.append((score, -rank, cov, hit))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return scored


def _widen(store: Store, ranked: list[Hit], pool: list[Hit], documents: int = WIDEN_DOCUMENTS) -> list[Hit]:
    """Other passages of the best-ranked documents, scored like their best retrieved passage."""
    seen = {h.passage.id for h in pool}
    top_docs: dict[str, Hit] = {}
    for hit in ranked:
        if hit.document.id not in top_docs:
            top_docs[hit.document.id] = hit
        if len(top_docs) >= documents:
            break
    extra = []
    for doc_id, parent in top_docs.items():
        for passage in store.passages_for(doc_id)[:WIDEN_PASSAGES]:
            if passage.id not in seen:
                seen.add(passage.id)
                extra.append(Hit(passage, parent.document, parent.score, {"widened": parent.score}))
    return extra
