"""Documents about the question's disease that passage search can miss: guidelines whose titles name
it (and what is asked), the other recommendations of the leading guidelines, and health pages named
for it in other words (*Shingles* for herpes zoster). ``evidence.gather`` adds their passages to the
pool; reranking decides what is kept. Titles are read from the store once per revision."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from curbside import spelling
from curbside.answer import disease_names
from curbside.answer import text as text_module
from curbside.answer.disease_names import name_key
from curbside.answer.lead_cues import FIRST_STEP, LATER_STEP, OPTIONS, SCOPE_SECTION
from curbside.answer.population import Scope
from curbside.answer.tables import rates, rows_as_sentences
from curbside.answer.text import content_stems, stem
from curbside.answer.themes import main_clause_themes, primary_theme, question_intents, related, theme_by_key
from curbside.disk_cache import code_digest, digest, load_or_build
from curbside.records import Hit, Kind
from curbside.retrieve import Filters
from curbside.sentences import sentences
from curbside.store import Store

if TYPE_CHECKING:
    from curbside.answer.terms import Terms, TermStats

TOPIC_GUIDELINES = 3  # guidelines whose titles name the question's disease and intent join the pool …
TOPIC_PASSAGES = 80  # … with at most this many of their recommendation passages each
TOPIC_PAGES = 3  # health pages named for the question's disease whose sections ask what it asks
SIBLING_DOCUMENTS = 2  # leading guidelines (titles naming the disease) whose other recommendations on
PAGE_SIBLING_DOCUMENTS = 2  # health pages on the disease, in evidence, whose passage on what was asked joins it
SIBLING_PASSAGES = 3  # … what was asked join the evidence, at most this many each (clinicians, open questions)
STATEMENT_PASSAGES = 2  # yes/no: the leading guideline's recommendations on the question that join the evidence
STATEMENT_SHARE = 0.4  # … covering at least this share of the question's terms in their own words
STATEMENT_DOCUMENTS = 2  # yes/no: leading guidelines whose statement naming what the evidence lacks joins it …
NAMED_WEIGHT = 5.5  # … a question's word at least this rare (IDF)
STATEMENT_TITLE = 0.6  # … from a guideline whose title covers this share (its title is on what is asked)
# a statement of what to do ("The USPSTF recommends against …", "… should be offered …"); whole words, unlike the
# generator's RECOMMENDATION_CUE, whose "recommend" also matches "This recommendation statement applies to …"
# (or, as NICE writes them, in the imperative: "Do not treat attachment difficulties with pharmacological
# interventions.")
_STATES = re.compile(r"\b(?:recommends?|recommended|suggests?|advises?|should)\b|"
                     r"(?:^|[.!?]\s+)(?:do not|offer|consider|avoid)\b", re.IGNORECASE | re.MULTILINE)
# a section that recommends or concludes ("Major Recommendations — …", "Conclusions")
RECOMMENDATION_SECTION = re.compile(r"recommend|conclu", re.IGNORECASE)


# what is read from a store once per revision (titles, their index): an answer builds new term statistics,
# and reading 5,000 titles for each would cost more than the answer (weak keys: a closed store goes)
_PER_STORE: weakref.WeakKeyDictionary[Store, dict[str, tuple[int, Any]]] = weakref.WeakKeyDictionary()
T = TypeVar("T")


def _per_revision(store: Store, name: str, read: Callable[[Store], T]) -> T:
    cached = _PER_STORE.setdefault(store, {})
    if name not in cached or cached[name][0] != store.revision:
        cached[name] = (store.revision, read(store))
    value: T = cached[name][1]
    return value


def _by_name(titles: Sequence[tuple[str, str, int | None]]) -> dict[frozenset[str], list[str]]:
    index: dict[frozenset[str], list[str]] = {}
    for doc_id, title, _year in titles:
        index.setdefault(name_key(title), []).append(doc_id)
    return index


def guideline_titles(store: Store) -> list[tuple[str, str, int | None]]:
    """(id, title, year) of the knowledge base's guidelines, read once per revision."""
    return _per_revision(store, Kind.GUIDELINE.value, lambda s: s.titles_of_kind(Kind.GUIDELINE.value))


def pages_by_name(store: Store) -> dict[frozenset[str], list[str]]:
    """Consumer-health pages by the stems of their titles (``population.name_key``), built once per
    revision: a question's disease finds the pages named for it by lookup."""
    return _per_revision(store, "pages by name", _pages_by_name)


def _pages_by_name(store: Store) -> dict[frozenset[str], list[str]]:
    # (stemming 10,000 titles is a tenth of a cold answer: the index is kept between processes, under the titles'
    # digest, so another knowledge base or a changed stemmer never reads it)
    titles = store.titles_of_kind(Kind.CONSUMER.value)
    key = digest("\n".join(f"{doc_id}\t{title}" for doc_id, title, _year in titles),
                 code_digest(disease_names, text_module, spelling))
    return load_or_build("pages-by-name", key, dict, lambda: _by_name(titles))


# items of a coordinated title: "… management of esophageal eosinophilia and eosinophilic esophagitis"
_COORDINATED = re.compile(r",\s*|\s+(?:and|or|&)\s+", re.IGNORECASE)


def titled_for(scope: Scope, title: str) -> bool:
    """A title about the question's disease, not a narrower population's or another disease's ("… of
    pregnancy", "pulmonary hypertension"): a guideline whose recommendations may answer it. A title
    that names another disease beside it, as an item of its own ("… of esophageal eosinophilia and
    eosinophilic esophagitis"), is about both; "pulmonary hypertension in COPD" is not about COPD."""
    if not scope.names_topic(title) or scope.narrower(title):
        return False
    return not scope.other_topics(title) or any(
        scope.names_topic(item) and not scope.other_topics(item) for item in _COORDINATED.split(title))


def topic_guidelines(store: Store, titles: Sequence[tuple[str, str, int | None]], scope: Scope,
                      intents: Sequence[str], pool: Sequence[Hit], filters: Filters,
                      documents: int = TOPIC_GUIDELINES) -> list[Hit]:
    """Recommendations of the guidelines whose titles name the question's disease and what it
    asks ("… management of hypertension …"), most recent first: a guideline's short
    recommendations rarely repeat the question's words, so passage search can miss the guideline
    that is the best source. Titles about a narrower population or another disease ("… of
    pregnancy", "pulmonary hypertension") are left out; ``titles`` are the knowledge base's
    guidelines as (id, title, year) (``guideline_titles``). The passages join the pool scored like
    its weakest hit; reranking decides what is kept."""
    asked = [theme_by_key(key).sentence for key in related(intents) if key != "definition"]
    seen = {h.passage.id for h in pool}
    floor = min((h.score for h in pool), default=0.0)
    titled = []
    for doc_id, title, year in titles:
        if not titled_for(scope, title) or (filters.since is not None and (year or 0) < filters.since):
            continue
        titled.append((any(p.search(title) for p in asked), year or 0, doc_id))
    ids = [doc_id for *_rank, doc_id in sorted(titled, reverse=True)[:documents]]
    docs = store.documents_by_ids(ids)
    extra = []
    for doc_id in ids:
        passages = store.passages_for(doc_id)
        recommendations = [p for p in passages if RECOMMENDATION_SECTION.search(p.section)]
        for passage in (recommendations or passages)[:TOPIC_PASSAGES]:
            if passage.id not in seen:
                seen.add(passage.id)
                extra.append(Hit(passage, docs[doc_id], floor, {"topic_guideline": floor}))
    return extra


def subheading(text: str) -> str:
    """A heading that opens a passage's text ("Outlook" under *What is (are) Sarcoidosis ?*): a short
    first line that is not a sentence; "" when there is none."""
    first = text.split("\n", 1)[0].strip()
    return first if first != text.strip() and len(first) <= 60 and not first.endswith((".", ":", ";")) else ""


def topic_pages(store: Store, pages: Mapping[frozenset[str], Sequence[str]], scope: Scope,
                 intents: Sequence[str], pool: Sequence[Hit], filters: Filters,
                 documents: int = TOPIC_PAGES) -> list[Hit]:
    """The sections of health pages named for the question's disease (in any of its wordings:
    *Shingles* for herpes zoster) that ask what the question asks ("What are the treatments for
    Shingles ?", or a passage opening with the heading "Outlook"): the page may call the disease by a
    name the question does not use, so passage search misses it. Scored like the pool's weakest hit;
    reranking decides what is kept."""
    if filters.kinds and Kind.CONSUMER.value not in filters.kinds:
        return []
    # (asked what the disease is, its page's "What is (are) Diabetes Type 2 ?" answers: passage search ranks the
    # pages that repeat "type 2 diabetes" above the one named for it)
    asked = [theme_by_key(key).question for key in intents]
    if not asked:
        return []
    ids = sorted({doc_id for name in scope.names() for doc_id in pages.get(name, ())})[:documents]
    if not ids:
        return []
    seen = {h.passage.id for h in pool}
    floor = min((h.score for h in pool), default=0.0)
    docs = store.documents_by_ids(ids)
    extra = []
    for doc_id in ids:
        for passage in store.passages_for(doc_id):
            heads = (passage.section, subheading(passage.text))
            if passage.id not in seen and any(p.search(h) for p in asked for h in heads):
                seen.add(passage.id)
                extra.append(Hit(passage, docs[doc_id], floor, {"topic_page": floor}))
    return extra


# a passage that only asks a key question or opens a list the next passage holds ("In patients suspected of having
# PCD should nasal nitric oxide be used as a diagnostic tool? Based on moderate confidence in the evidence, the Task
# Force recommends that:"), or only remarks on one: it repeats the question's words, but the advice is elsewhere
_ASKS_ONLY = re.compile(r"^[^\n]*\?(?:[^.\n]*:)?\s*$|^Remarks?:", re.IGNORECASE)


def sibling_recommendations(store: Store, hits: Sequence[Hit], scope: Scope, intents: Sequence[str],
                             terms: Terms, stats: TermStats, documents: int = SIBLING_DOCUMENTS,
                             per_document: int = SIBLING_PASSAGES) -> list[Hit]:
    """Other recommendations of the leading guidelines that speak to what was asked: a
    guideline about the disease is read as a whole by a clinician, and its drug recommendation
    ("initial antihypertensive treatment should include a thiazide-type diuretic …") names neither
    the disease nor the question's words, so passage search ranks it below the guideline's other
    recommendations. Guidelines whose titles name the question's disease, in evidence order;
    their passages for everyone the question covers first, then those naming more of the
    question's terms ("For acute COPD exacerbations, … systemic corticosteroids …"), then the
    guideline's order; each added passage is scored like that guideline's best hit, after the
    kept ones."""
    asked = main_clause_themes(intents) - {"definition"}
    if not asked:
        return []
    have = {h.passage.id for h in hits}
    leading: dict[str, Hit] = {}
    for hit in hits:
        doc = hit.document
        if (doc.kind is Kind.GUIDELINE and doc.id not in leading and len(leading) < documents
                and (titled_for(scope, doc.title) or scope.names_parent(doc.title))):
            leading[doc.id] = hit
    extra: list[Hit] = []
    for doc_id, best in leading.items():
        # (from a guideline on a group the disease belongs to, "Eating disorders: …", only the
        # recommendations that name the disease: "For adults with anorexia nervosa, consider one of …")
        parent = not titled_for(scope, best.document.title)
        found = [Hit(p, best.document, best.score, {"sibling": best.score}) for p in store.passages_for(doc_id)
                 if p.id not in have and RECOMMENDATION_SECTION.search(p.section) and not _ASKS_ONLY.search(p.text)
                 and primary_theme(rows_as_sentences(p.text)) in asked
                 and (not parent or scope.names_topic(f"{p.section} {p.text}"))]
        # (coverage to one decimal: near-equal recommendations keep the guideline's order)
        found.sort(key=lambda h: (bool(scope.narrower(h.passage.text)), -round(terms.coverage(stats.stems_of(h)), 1)))
        # (… and the one that says where to start, if those are not among them: "Offer iron therapy … before
        # discussing ESA therapy")
        # (… or, in an appropriateness guideline, its first table: the scenario it sets first is the common one,
        # "Variant 1: Fever, leukocytosis, and classic presentation clinically for appendicitis in adults")
        first = next((h for h in found[per_document:] if FIRST_STEP.search(h.passage.text)
                      and not (LATER_STEP.search(h.passage.text) or scope.narrower(h.passage.text))), None)
        table = None if any(rates(h.passage.text) for h in found[:per_document]) else next(
            (h for h in found[per_document:] if rates(h.passage.text)), None)
        for hit in [*found[:per_document], *(h for h in (first, table) if h is not None)]:
            have.add(hit.passage.id)
            extra.append(hit)
    return extra


# what a health page says how the disease is treated or diagnosed with ("Treatments include medicines …", "Wet AMD
# can be treated with laser surgery …", "Doctors diagnose it based on a physical exam …")
_TREATED = re.compile(r"\b(?:can|may|is|are) (?:usually |often |sometimes )?(?:be )?treated (?:with|by)\b",
                      re.IGNORECASE)
_SAYS_HOW = {"treatment": re.compile(f"{OPTIONS.pattern}|{_TREATED.pattern}", re.IGNORECASE), "drugs": _TREATED,
             "diagnosis": re.compile(r"\bdiagnos\w* (?:it |them |\w+ )?(?:with|by|based on|using)\b", re.IGNORECASE)}


def _heading_themes(section: str) -> set[str]:
    """What a section heading is about: a health page's heading is a question ("What is the outlook for Meralgia
    Paresthetica ?"), read as one; "What is (are) …" is about everything."""
    if section.rstrip().endswith("?"):
        return set(question_intents(section)) - {"definition"}
    return {theme} if (theme := primary_theme(section)) else set()


def page_siblings(store: Store, hits: Sequence[Hit], scope: Scope, intents: Sequence[str],
                  documents: int = PAGE_SIBLING_DOCUMENTS, cover: Callable[[str], float] | None = None) -> list[Hit]:
    """The passage of a health page on the question's disease, already in the evidence, that speaks to
    what was asked: MedlinePlus's one-section summary of Meniere's disease says what it is in one
    passage and "Treatments include medicines to control dizziness, limiting salt in your diet, and
    taking water pills" in the next, under the same "What is (are) …" heading, so neither its heading
    (``topic_pages``) nor passage search finds the second; for a question that names no disease, the page that leads
    the evidence. A page whose sections are questions ("What are the treatments for Von Willebrand Disease ?") says it
    under the one that asks it; of several such passages, the one ``cover`` (the question's coverage of a text) rates
    highest: NHLBI's "Treatments for women who have VWD with heavy menstrual bleeding include: …" for a girl's heavy
    periods. At most one passage a page, scored like the page's hit."""
    asked = main_clause_themes(intents) - {"definition"}
    if not asked:
        return []
    have = {h.passage.id for h in hits}
    pages: dict[str, Hit] = {}
    for hit in hits:
        # (a question that names no disease — "a burning, numb patch on the outside of my right thigh … What is this,
        # and will it go away?" — by the page that leads its evidence, the condition its words describe)
        if (hit.document.kind is Kind.CONSUMER and hit.document.id not in pages and len(pages) < documents
                and (titled_for(scope, hit.document.title) if scope.topics else hit is hits[0])):
            pages[hit.document.id] = hit
    extra = []
    for doc_id, best in pages.items():
        # (a passage under a question on something else is about that, whatever its words: "Any prolonged, heavy, or
        # repeated bleeding that required medical care after surgery …" under "How to diagnose …")
        if any((_heading_themes(h.passage.section) or {primary_theme(h.passage.text)}) & asked
               for h in hits if h.document.id == doc_id):
            continue  # (the page's passage on it is in already)
        passages = [p for p in store.passages_for(doc_id) if p.id not in have]
        headed = [p for p in passages if _heading_themes(p.section) & asked]
        found = (max(headed, key=lambda p: cover(f"{p.section} {p.text}")) if headed and cover is not None
                 else next((p for p in passages
                            if any((says := _SAYS_HOW.get(theme := primary_theme(s))) is not None and theme in asked
                                   and says.search(s) for s in sentences(p.text))), None))
        if found is not None:
            extra.append(Hit(found, best.document, best.score, {"page_sibling": best.score}))
    return extra


def named_statements(store: Store, hits: Sequence[Hit], terms: Terms, subject: tuple[str, ...],
                     documents: int = STATEMENT_DOCUMENTS, rare: float = NAMED_WEIGHT) -> list[Hit]:
    """For a yes/no question, the recommendation of a leading guideline that names what its last clause asks about
    (``subject``: ``vignette.asked_subject``) where the kept evidence does not: "For a patient with polymyalgia
    rheumatica who relapses …, is a TNF inhibitor such as infliximab a reasonable steroid-sparing option?" keeps the
    guideline's passages on glucocorticoid doses (they share the case's words), while its answer is another passage's
    "The panel strongly recommends against the use of tumor necrosis factor alpha (TNFa) blocking agents for treatment
    of PMR." A word of the subject this rare (IDF ``rare``) that no kept passage has is looked for in the
    recommendations of the first ``documents`` guidelines; the statement naming it that covers most of the question
    joins the evidence, scored like that guideline's best hit."""
    said: set[str] = set()
    for hit in hits:  # (a summary's scope fields name what it covers and say nothing of it)
        if not SCOPE_SECTION.search(hit.passage.section):
            said |= terms.covered(frozenset(content_stems(f"{hit.document.title} {hit.passage.text}")))
    asked = {stem(t) for t in subject}
    missing = {s for s, w in terms.weights.items() if w >= rare and s in asked and s not in said}
    if not missing:
        return []
    have = {h.passage.id for h in hits}
    leading: dict[str, Hit] = {}
    for hit in hits:
        if hit.document.kind is Kind.GUIDELINE and len(leading) < documents:
            leading.setdefault(hit.document.id, hit)
    found = []
    for doc_id, best in leading.items():
        for p in store.passages_for(doc_id):
            if p.id in have or not RECOMMENDATION_SECTION.search(p.section) or not _STATES.search(p.text):
                continue
            stems = frozenset(content_stems(p.text))
            if terms.covered(stems) & missing:
                found.append((terms.coverage(stems), Hit(p, best.document, best.score, {"statement": best.score})))
    found.sort(key=lambda oh: -oh[0])
    return [h for _, h in found[:1]]


def leading_statements(store: Store, hits: Sequence[Hit], terms: Terms,
                       per_document: int = STATEMENT_PASSAGES) -> list[Hit]:
    """For a yes/no question, the recommendations of the leading guideline (the first in evidence
    order) that speak to it but that passage search ranked below the guideline's background: "Should
    postmenopausal women take hormone therapy to prevent chronic conditions …?" finds USPSTF's
    description of hormone therapy, while its answer, "The USPSTF recommends against the use of
    combined estrogen and progestin for the primary prevention of chronic conditions in postmenopausal
    women (D recommendation)", says neither "hormone" nor "therapy". The guideline's title must be on
    what is asked (``STATEMENT_TITLE``). A statement (it recommends,
    suggests or says what should be done) whose own words cover enough of the question, most
    covering first, each scored like that guideline's best hit."""
    best = next((h for h in hits if h.document.kind is Kind.GUIDELINE), None)
    # (a guideline whose title is on what is asked: "Diabetes and pregnancy" is not on ACE inhibitors in pregnancy)
    if best is None or terms.coverage(frozenset(content_stems(best.document.title))) < STATEMENT_TITLE:
        return []
    have = {h.passage.id for h in hits}
    found = []
    for p in store.passages_for(best.document.id):
        if p.id in have or not RECOMMENDATION_SECTION.search(p.section) or not _STATES.search(p.text):
            continue
        # (its own words: the title, which every passage shares, says nothing of what this one says)
        if (own := terms.coverage(frozenset(content_stems(p.text)))) >= STATEMENT_SHARE:
            found.append((own, Hit(p, best.document, best.score, {"statement": best.score})))
    found.sort(key=lambda oh: -oh[0])
    return [h for _, h in found[:per_document]]


# a record of one recommendation with its population and risk assessment in passages of their own (the USPSTF's):
# "Recommendation (Grade B)"
RECORD_STATEMENT = re.compile(r"^Recommendation \(Grade [A-DI]\)", re.IGNORECASE)
# … and the passage of such a record that says who is at risk
RISK_ASSESSMENT = re.compile(r"^Risk assessment$", re.IGNORECASE)


def record_statements(store: Store, hits: Sequence[Hit]) -> list[Hit]:
    """The recommendation of each one-recommendation record whose other passages the evidence kept but not it: "Persons
    from such risk groups include persons who have injected drugs …; men who have sex with men …" answers whom to
    screen for hepatitis B, and its record's "The USPSTF recommends screening for hepatitis B virus (HBV) infection in
    adolescents and adults at increased risk for infection" whether to (its words say only "at increased risk"). Scored
    like the record's best kept passage."""
    have = {h.passage.id for h in hits}
    best: dict[str, Hit] = {}
    for hit in hits:
        if hit.document.kind is Kind.GUIDELINE and hit.document.id not in best:
            best[hit.document.id] = hit
    found = []
    for doc_id, hit in best.items():
        if any(RECORD_STATEMENT.match(h.passage.section) for h in hits if h.document.id == doc_id):
            continue
        statement = next((p for p in store.passages_for(doc_id) if RECORD_STATEMENT.match(p.section)), None)
        if statement is not None and statement.id not in have:
            found.append(Hit(statement, hit.document, hit.score, {"statement": hit.score}))
    return found
