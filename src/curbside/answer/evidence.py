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
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from curbside.answer.abbreviations import defined_abbreviations
from curbside.answer.lexicon import disease_mentions
from curbside.answer.population import Scope, patient_has
from curbside.answer.questions import QuestionInfo
from curbside.answer.synonyms import alternatives
from curbside.answer.text import content_stems, idf, stem, tokenize
from curbside.answer.themes import LAY_PREVENTION, theme_by_key
from curbside.answer.topic_sources import (
    RECOMMENDATION_SECTION,
    guideline_titles,
    leading_statements,
    page_siblings,
    pages_by_name,
    sibling_recommendations,
    topic_guidelines,
    topic_pages,
)
from curbside.answer.vignette import case_terms, parts, restatements
from curbside.drug_names import brand_generic
from curbside.records import Audience, Hit, Kind
from curbside.retrieve import Filters, Retriever
from curbside.retrieve.lexical import uses_word
from curbside.store import Store

COVERAGE_MIN = 0.6  # best single-passage coverage below this → "too little evidence"
KEY_TERM_REQUIRED = True  # the question's rarest term must appear in the kept evidence
STUDY_MAX_CHARS = 4000  # a document this short is one study (PubMed abstracts here: 1,100–3,100)
STUDY_DOCUMENTS = 2  # leading documents tried as a whole (as many as `conclusions` reads for a verdict)
CONTEXT_WEIGHT = 0.4  # weight of an earlier question's terms in a follow-up
EXAMPLE_WEIGHT = 0.5  # weight of a term only in the examples ("such as …") or exclusions ("without …") a question gives
MAX_PER_DOCUMENT = 2
WIDEN_DOCUMENTS = 5  # documents whose other passages join the pool
WIDEN_PASSAGES = 12  # … at most this many passages each
B_PATIENT_CONSUMER = 0.30  # patients: consumer-health pages (plain words; benchmarks/readability.py)
B_SECTION_ASKED = 0.05  # a passage under a heading that asks what the question asks
P_NARROWER_TITLE = 0.10  # a document about a narrower population or another disease (population.py)
P_NARROWER_SECTION = 0.04  # a section about a narrower population ("Treatment of children")
_TOPIC_WORDS = 1  # a health page titled with one word ("Pinworms") is named for its topic


@dataclass(frozen=True)
class Terms:
    """Weighted question terms (stem → IDF) and equivalent wordings for some of them."""

    weights: dict[str, float]
    alternatives: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    minor: frozenset[str] = frozenset()  # stems only in the question's examples or exclusions: never its key
    # a case's description, ages and figures: they count where a passage has them, never against it (vignette.py)
    optional: frozenset[str] = frozenset()
    parts: tuple[frozenset[str], ...] = ()  # what each part of a several-part question asks (vignette.py)

    def covered(self, stems: set[str] | frozenset[str]) -> set[str]:
        out = set()
        for s in self.weights:
            if s in stems or any(alt <= stems for alt in self.alternatives.get(s, ())):
                out.add(s)
        return out

    def coverage(self, stems: set[str] | frozenset[str], parts: int | None = None) -> float:
        """IDF-weighted share of the question's terms that ``stems`` contain (synonyms count), or of one of
        its first ``parts`` parts' terms (all by default) where that is more: a passage that answers one part
        answers the question in part."""
        covered = self.covered(stems)
        return max([self._share(covered, None), *(self._share(covered, part) for part in self.parts[:parts])])

    def _share(self, covered: set[str], asked: frozenset[str] | None) -> float:
        total = got = 0.0
        for s, w in self.weights.items():
            if asked is not None and s not in asked and s not in self.optional:
                continue  # (another part's term)
            if s in covered:
                got += w
                total += w
            elif s not in self.optional:
                total += w  # (a case word counts only where the passage has it)
        return got / total if total > 0 else 0.0

    @property
    def key(self) -> str:
        """The rarest term, not counting degree words ("heavy smoking", "severe asthma") or a drug's form
        ("tablets"): the key is what the question is about, and a degree is often said another way ("20 pack-years")."""
        if not self.weights:
            return ""
        never = _DEGREE | _FORMS | self.minor | self.optional
        named = [s for s in self.weights if s not in never] or list(self.weights)
        return max(named, key=lambda s: self.weights[s])


_DEGREE = frozenset(stem(w) for w in """heavy light severe mild moderate high low early late current former recent
daily frequent occasional old older young younger long short large small major minor new normal common rare
simple complicated uncomplicated significant persistent recurrent chronic acute suspected refractory ongoing
repeated isolated advanced stable unexplained empirical empiric""".split())
# … nor what a drug comes as ("should I be on tablets like metformin?"): the form, not the subject
_FORMS = frozenset(stem(w) for w in "tablet tablets pill pills capsule capsules".split())


# conversational words that carry no topic: they neither count for nor against coverage (contractions typed with
# their apostrophe are stopwords already: retrieve/query.py)
CHATTER = frozenset("""
alright ok okay am im ive id dont doesnt didnt cant wont isnt because perhaps instance super anything something
anyone someone everything nothing now really actually please thanks thank hi hello hey wondering curious
question questions know tell think thought thoughts like liked want wanted need needed get gets got getting go
take takes taking took another last one ones whenever says
going make makes made thing things stuff lot lots kind sort way ways even maybe probably sure good bad fine
ever day days time times same able try trying help helps let lets say said mean yes yeah just
up out come comes coming came worked
youd wouldnt couldnt shouldnt hasnt havent arent wasnt werent told today tonight tomorrow yesterday meantime
pretty generally exactly supposed assume assuming bit odd app along though whats hows whos wheres thinking
theres thats both
father mother dad mom mum son daughter wife husband partner friend brother sister boyfriend girlfriend
wants needs worth definitely certainly gp point already tried likely afterwards afterward beforehand
""".split())


class TermStats:
    """Question-term weights (IDF in the knowledge base); uniform-ish without a store."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self._cache: dict[tuple[str, tuple[str, ...]], Terms] = {}
        self._stems: dict[str, set[str]] = {}
        self._topics: tuple[dict[frozenset[str], list[str]], frozenset[str]] | None = None

    @property
    def _total(self) -> int:
        return max(1, self.store.passage_count_estimate()) if self.store is not None else 1

    def guideline_titles(self) -> list[tuple[str, str, int | None]]:
        """(id, title, year) of the knowledge base's guidelines, read once per revision."""
        return guideline_titles(self.store) if self.store is not None else []

    def pages_by_name(self) -> dict[frozenset[str], list[str]]:
        """Consumer-health pages by the stems of their titles (``topic_sources.pages_by_name``)."""
        return pages_by_name(self.store) if self.store is not None else {}

    def topic_words(self) -> frozenset[str]:
        """Stems of health pages' one-word titles ("Pinworms", "Bronchitis"): words that name a topic."""
        pages = self.pages_by_name()  # (read once per knowledge-base revision; so are its topic words)
        if self._topics is None or self._topics[0] is not pages:
            self._topics = (pages, frozenset(s for name in pages if len(name) <= _TOPIC_WORDS for s in name))
        return self._topics[1]

    def stems_of(self, hit: Hit) -> set[str]:
        """Content stems of a hit with its title and section (cached by passage id)."""
        found = self._stems.get(hit.passage.id)
        if found is None:
            found = self._stems[hit.passage.id] = hit_stems(hit)
        return found

    def terms(self, info: QuestionInfo, context_terms: Sequence[str] = ()) -> Terms:
        key = (info.text, tuple(context_terms))
        if key not in self._cache:
            weights = self._weights(info, context_terms)
            minor = frozenset(stem(t) for t in _example_terms(info.text))
            topics = self.topic_words()
            alternatives = self._alternatives([*info.terms, *context_terms])
            for key_stem, restated in restatements(info.text).items():
                if key_stem in weights:
                    alternatives[key_stem] = (*alternatives.get(key_stem, ()), restated)
            found = Terms(weights, alternatives, minor & set(weights), case_terms(info.text, topics) & set(weights))
            # (a part is a question of its own only with what the question is about: "get rid of them" alone is not)
            asked = tuple(part for part in parts(info.text, topics) if found.key in part)
            self._cache[key] = replace(found, parts=asked)
        return self._cache[key]

    def _alternatives(self, terms: list[str]) -> dict[str, tuple[frozenset[str], ...]]:
        """``synonyms.alternatives``, less a brand's generic where the knowledge base names the brand
        itself: "What is herceptin?" is answered by what is said of Herceptin, not of every trastuzumab
        regimen."""
        out = alternatives(terms)
        if self.store is not None:
            for brand in terms:
                if brand_generic(brand) is not None and uses_word(self.store, brand):
                    out.pop(stem(brand), None)
        return out

    def _weights(self, info: QuestionInfo, context_terms: Sequence[str]) -> dict[str, float]:
        terms = [t for t in info.terms if t not in CHATTER] or list(info.terms)
        extra = [t for t in context_terms if stem(t) in info.context_stems and t not in CHATTER]
        df = self.store.term_frequencies([*terms, *extra]) if self.store is not None else {}
        out: dict[str, float] = {}
        examples = _example_terms(info.text)
        for term, factor in ([(t, EXAMPLE_WEIGHT if t in examples else 1.0) for t in terms]
                             + [(t, CONTEXT_WEIGHT) for t in extra]):
            key = stem(term)
            if self.store is not None:
                w = idf(df.get(term, 0), self._total)
            else:
                w = 1.0 + 0.15 * min(len(term), 12)
            out[key] = max(out.get(key, 0.0), w * factor)
        return out


# the examples a question gives of what it asks about ("… to prevent chronic conditions such as heart disease and
# osteoporosis"): an answer about the conditions as a whole answers it ("… for the primary prevention of chronic
# conditions"), so the examples weigh less than the rest
_EXAMPLES = re.compile(r"\b(?:such as|e\.g\.|for example|for instance)\s+(?P<examples>[^?.;:()]+)", re.IGNORECASE)
# … and so do what it excludes ("… in a patient without signs of peritonitis or strangulation"): an answer for that
# patient need not name them
_EXCLUSIONS = re.compile(r"\b(?:without|excluding|other than)\s+(?:(?:any|clinical|the) )?(?:(?:signs?|symptoms?|"
                         r"evidence|history|features?) of\s+)?(?P<examples>[^?.;:(),]+)", re.IGNORECASE)


def _example_terms(question: str) -> frozenset[str]:
    inside = {t for rx in (_EXAMPLES, _EXCLUSIONS) for m in rx.finditer(question)
              for t in tokenize(m.group("examples"))}
    outside = set(tokenize(_EXCLUSIONS.sub(" ", _EXAMPLES.sub(" ", question))))
    return frozenset(inside - outside)


def hit_stems(hit: Hit) -> set[str]:
    return set(content_stems(f"{hit.document.title} {hit.passage.section} {hit.passage.text}"))


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

    @property
    def sufficient(self) -> bool:
        return self.sufficient_at(COVERAGE_MIN)

    def sufficient_at(self, threshold: float) -> bool:
        """Enough evidence at coverage ``threshold`` (``benchmarks/answers_quality.py --calibrate``
        sweeps it): one passage covers it and the rarest term is in the evidence, or, for a
        yes/no question, one leading study-length document covers it and contains the rarest term."""
        if not self.hits:
            return False
        if self.coverage >= threshold and (self.key_covered or not KEY_TERM_REQUIRED):
            return True
        return 0.0 < self.study_coverage >= threshold  # 0.0: no study qualified


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
    """``terms`` where an abbreviation the evidence defines for the question's disease counts for
    the words it stands for (``topical``: abbreviation → long form naming the disease)."""
    if not topical:
        return terms
    alternatives = dict(terms.alternatives)
    for abbr, long_form in topical.items():
        short = frozenset(content_stems(abbr))
        for word in terms.covered(frozenset(content_stems(long_form))):
            alternatives[word] = (*alternatives.get(word, ()), short)
    return replace(terms, alternatives=alternatives)


def _defined_for(scope: Scope, hits: Sequence[Hit]) -> dict[str, str]:
    """Abbreviations the hits define for the question's disease ("posttraumatic stress disorder
    (PTSD)")."""
    return scope.topic_abbreviations(defined_abbreviations(f"{hit.document.title}\n{hit.passage.text}")
                                     for hit in hits)


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
    pool = retriever.search(query, max(3 * k, 30), filters or Filters())
    context_terms = content_terms(context_question) if context_question else []
    terms = stats.terms(info, context_terms)
    key_term = terms.key
    if not pool:
        return Evidence((), terms, 0.0, key_term, False, 0)
    scope = Scope.of(info.text, context_question)
    group_asked = patient_has(info.text)  # (a question about a patient's disease, not about the disease itself)
    if (group_asked and scope.cancer and key_term
            and not any(key_term in terms.covered(stats.stems_of(h)) for h in pool)):
        # nothing found for a cancer says what was asked: ask it of cancers as a group ("Should sperm banking be
        # offered to a boy with Hodgkin lymphoma …?" → "sperm banking … cancer": ASCO's fertility preservation)
        named = {t for d in disease_mentions(info.text) for t in d.split()}
        wider = " ".join([*(t for t in info.terms if t not in named and stem(t) in terms.weights
                            and stem(t) not in terms.optional), "cancer"])
        have = {h.passage.id for h in pool}
        pool = [*pool, *(h for h in retriever.search(wider, max(3 * k, 30), filters or Filters())
                         if h.passage.id not in have)]
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
        if scope.topics:
            # "For patients with PTSD, the Work Group recommends …" covers a question on posttraumatic
            # stress disorder once the evidence defines the letters
            terms = abbreviated(terms, _defined_for(scope, [*pool, *widened]))
        scored = _rerank([*pool, *widened], terms, audience, top, stats, scope,
                         () if info.yes_no else info.intents)
    if scope.topics:
        # a question about a disease ("… mortality in breast cancer?") is not answered by evidence
        # about something else that shares its other words: keep documents that name the disease (in
        # any of its wordings, the same test the generator applies: ``Scope.names_topic``)
        doc_text: dict[str, list[str]] = {}
        for *_, hit in scored:
            doc_text.setdefault(hit.document.id, [hit.document.title]).extend((hit.passage.section, hit.passage.text))
        about = {doc_id: scope.names_topic(" ".join(parts)) for doc_id, parts in doc_text.items()}
        on_topic = [row for row in scored if about[row[-1].document.id]]
        if group_asked and on_topic and not any(key_term in terms.covered(stats.stems_of(row[-1]))
                                                for row in on_topic):
            # nothing about the disease says what was asked: a guideline for the group it belongs to may
            # ("Should sperm banking be offered to a boy with Hodgkin lymphoma …?" is answered by ASCO's fertility
            # preservation "for patients with cancer")
            group = [row for row in scored if not about[row[-1].document.id]
                     and key_term in terms.covered(stats.stems_of(row[-1]))
                     and scope.names_group(row[-1].document.title)]
            # (they say what was asked, the others do not; and a guideline for the group speaks for its diseases)
            disease = {s for d in disease_mentions(info.text) for s in content_stems(d)}
            on_topic = [*((score, r, terms.coverage(stats.stems_of(hit) | disease), hit) for score, r, _, hit in group),
                        *on_topic]
        if not on_topic:
            return Evidence(tuple(h for *_, h in scored[:k]), terms, 0.0, key_term, False, len(pool),
                            tuple(c for _s, _r, c, _h in scored[:k]))
        scored = on_topic
    kept: list[tuple[float, Hit]] = []
    per_doc: dict[str, int] = {}
    for _score, _r, cov, hit in scored:
        limit = MAX_PER_DOCUMENT + (hit.document.kind is Kind.GUIDELINE)
        if per_doc.get(hit.document.id, 0) >= limit:
            continue
        per_doc[hit.document.id] = per_doc.get(hit.document.id, 0) + 1
        kept.append((cov, hit))
        if len(kept) >= k:
            break
    best = max(cov for cov, _ in kept)
    key_covered = any(key_term in terms.covered(stats.stems_of(h)) for _, h in kept)
    hits = tuple(h for _, h in kept)
    coverages = tuple(c for c, _ in kept)
    if (audience is Audience.CLINICIAN and not info.yes_no and scope.topics and info.intents
            and stats.store is not None):
        extra = sibling_recommendations(stats.store, hits, scope, info.intents, terms, stats)
        hits += tuple(extra)
        coverages += tuple(terms.coverage(stats.stems_of(h)) for h in extra)
    if not info.yes_no and scope.topics and info.intents and stats.store is not None:
        extra = page_siblings(stats.store, hits, scope, info.intents)
        hits += tuple(extra)
        coverages += tuple(terms.coverage(stats.stems_of(h)) for h in extra)
    if audience is Audience.CLINICIAN and info.yes_no and stats.store is not None:
        extra = leading_statements(stats.store, hits, terms)
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
    return Evidence(hits, terms, best, key_term, key_covered, len(pool), coverages, study_cov)


def whole_study(store: Store, hits: Sequence[Hit], terms: Terms, stats: TermStats,
                documents: int = STUDY_DOCUMENTS) -> tuple[float, list[Hit]]:
    """The best of the first ``documents`` documents of ``hits`` taken whole — title and every
    passage — among those no longer than ``STUDY_MAX_CHARS`` that contain the key term: its
    coverage and all its passages (as hits scored like its first); (0.0, []) when none qualifies."""
    leading: dict[str, Hit] = {}
    for hit in hits:
        leading.setdefault(hit.document.id, hit)
        if len(leading) >= documents:
            break
    best: tuple[float, list[Hit]] = (0.0, [])
    for doc_id, first in leading.items():
        passages = store.passages_for(doc_id)
        if not passages or sum(len(p.text) for p in passages) > STUDY_MAX_CHARS:
            continue
        whole = [Hit(p, first.document, first.score, {"study": first.score}) for p in passages]
        stems = set().union(*(stats.stems_of(h) for h in whole))
        if KEY_TERM_REQUIRED and terms.key not in terms.covered(stems):
            continue
        coverage = terms.coverage(stems)
        if coverage > best[0]:
            best = (coverage, whole)
    return best


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


def _rerank(pool: Sequence[Hit], terms: Terms, audience: Audience, top: float,
            stats: TermStats, scope: Scope | None = None,
            intents: Sequence[str] = ()) -> list[tuple[float, int, float, Hit]]:
    """(score, -rank, coverage, hit), best first: retrieval score, passage coverage, document
    coverage (title and all its pooled passages: what the document is about), priors, a little
    for a section headed by what the question asks ("What are the symptoms of Stroke?" for a
    question on warning signs, not "Who is at risk for Stroke?"), and a penalty for documents
    and sections about a narrower population than the question's."""
    asks = [theme_by_key(key).question for key in intents if key != "definition"]
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


def content_terms(text: str) -> list[str]:
    from curbside.retrieve.query import STOPWORDS, tokenize

    return [t for t in tokenize(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]
