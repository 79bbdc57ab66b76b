"""A question's terms: what it asks, weighted by how rare each word is in the knowledge base (``TermStats``),
and how much of it a passage covers (``Terms.coverage``), which decides whether the evidence is enough
(``evidence.py``).

A term's weight is its inverse document frequency; conversational words (``CHATTER``) carry none; the examples
and exclusions a question gives ("such as …", "without …") weigh less; a case's description and the shaping half of a
hyphenated word ("standing" of "long-standing") count for a passage that has them and never against one that does not
(``vignette.py``, ``compound_parts``); a several-part question is covered when one
passage covers one of its parts. The *key* is the rarest term that is not a degree, a drug's form or a case word:
what the question is about, which the evidence must contain.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from curbside.answer.chatter import CHATTER, phrasal_terms
from curbside.answer.lexicon import disease_mentions, medical_name
from curbside.answer.patient_facts import failed_drugs, told_diagnosis
from curbside.answer.questions import QuestionInfo
from curbside.answer.synonyms import alternatives, broader
from curbside.answer.text import content_stems, idf, noun, stem, tokenize
from curbside.answer.topic_sources import guideline_titles, pages_by_name
from curbside.answer.vignette import asking, case_terms, drug_referred_to, part_texts, parts, restatements
from curbside.drug_names import brand_generic
from curbside.records import Document, Hit, Kind
from curbside.retrieve.lexical import uses_word
from curbside.retrieve.query import STOPWORDS, unit_degree
from curbside.retrieve.query import tokenize as query_tokens
from curbside.spelling import PREFIXES
from curbside.store import Store

CONTEXT_WEIGHT = 0.4  # weight of an earlier question's terms in a follow-up
EXAMPLE_WEIGHT = 0.5  # weight of a term only in the examples ("such as …") or exclusions ("without …") a question gives
ASKED_KEY_WEIGHT = 6.0  # a word of a case's question this rare (IDF) is its key before the case's own words
DOCUMENT_CACHE = 512  # documents whose words are kept (``TermStats.document_stems``)
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
    # a drug's class ("NSAIDs" for ibuprofen): covers the drug unless the drug is the key (synonyms.broader)
    broader: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # the stems of the sentence a case is followed by: what is asked about it (empty without a case)
    asked: frozenset[str] = frozenset()
    # the stems each part of a several-part question says itself, the case aside (``vignette.part_texts``)
    part_words: tuple[frozenset[str], ...] = ()
    # the stems of the diseases the question names (``lexicon.disease_mentions``)
    diseases: frozenset[str] = frozenset()
    # … of those, the stems of the ones its patient was told they have, and of the ones suspected
    # (``patient_facts.told_diagnosis``)
    told: frozenset[str] = frozenset()
    suspected: frozenset[str] = frozenset()

    def covered(self, stems: set[str] | frozenset[str]) -> set[str]:
        out = set()
        key = self.key if self.broader else ""
        for s in self.weights:
            wordings = self.alternatives.get(s, ())
            if s != key:  # (the key is covered where it is named: "warfarin", not "anticoagulants")
                wordings = (*wordings, *self.broader.get(s, ()))
            if s in stems or any(alt <= stems for alt in wordings):
                out.add(s)
        return out

    def names_key(self, stems: set[str] | frozenset[str]) -> bool:
        """``stems`` name what the question is about (its key) in one of its wordings, not only its class."""
        key = self.key
        return bool(key) and (key in stems or any(alt <= stems for alt in self.alternatives.get(key, ())))

    def coverage(self, stems: set[str] | frozenset[str], parts: int | None = None) -> float:
        """IDF-weighted share of the question's terms that ``stems`` contain (synonyms count), or of one of
        its first ``parts`` parts' terms (all by default) where that is more: a passage that answers one part
        answers the question in part."""
        covered = self.covered(stems)
        return max([self._share(covered, None), *(self._share(covered, part) for part in self.parts[:parts])])

    def coverage_with(self, stems: set[str] | frozenset[str], around: set[str] | frozenset[str],
                      part: frozenset[str] | None = None) -> float:
        """Coverage (of the whole question, or of one of its ``parts``) where what the case's question asks
        (``asked``) must be in ``stems`` and the rest of the question may be in ``around`` (the passage's document:
        ``case_coverage`` in evidence.py)."""
        here = self.covered(stems)
        covered = here | (self.covered(around) - self.asked)
        return self._share(covered, part)

    def asked_share(self, stems: set[str] | frozenset[str], part: frozenset[str] | None = None) -> float:
        """IDF-weighted share of what a case's question asks (``asked``; of one of its ``parts`` where given) that
        ``stems`` contain; 0.0 without a case."""
        asked = self.asked if part is None else self.asked & part
        covered = self.covered(stems) & asked
        # (the options it offers count only where the passage names them, as in ``_share``: "… which treatments have
        # evidence in MS — an SSRI, CBT, or dextromethorphan/quinidine?" is answered by what is said of one of them)
        total = sum(self.weights[s] for s in asked if s in covered or s not in self.optional)
        return sum(self.weights[s] for s in covered) / total if total else 0.0

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
        never = _DEGREE | _FORMS | _ASPECTS | _OCCASIONS | self.minor | self.optional
        # (nor a spinal level: "a T2 lesion running continuously from C6 to T5" is not about T5; nor a prefix, which a
        # hyphen leaves as a word of its own: "at pre-assessment" is not about "pre")
        named = [s for s in self.weights
                 if s not in never and s not in PREFIXES and not _SPINAL_LEVEL.match(s)] or list(self.weights)
        # a case's question is about what it asks, where it names something rare enough to say so ("… positive for
        # RSV. … can the lumbar puncture be skipped?" asks about the lumbar puncture, not RSV)
        asked = [s for s in named if s in self.asked and self.weights[s] >= ASKED_KEY_WEIGHT]
        if asked:
            # (… and a several-part question about what its parts share: "Should I check her lamotrigine levels …,
            # does she need vitamin K …, and can she breastfeed on lamotrigine?" is about lamotrigine, not
            # breastfeeding)
            # (… and, among words its parts share as much, about the disease it names: "how long does a gout attack
            # last?? … will it go on its own …, and is the beer to blame?" is about gout, not beer)
            best = max(asked, key=lambda s: (sum(s in part for part in self.part_words), s in self.diseases,
                                            self.weights[s]))
            # (… but not about what one part of three or more asks, where the case says what its patient is suspected
            # to have: "… Her rheumatologist suspects lupus nephritis. How is the diagnosis confirmed …, what is the
            # standard treatment, should her hydroxychloroquine continue, …?" is about lupus nephritis)
            suspected = [s for s in named if s in self.suspected and s not in self.asked]
            if suspected and len(self.part_words) >= 3 and sum(best in part for part in self.part_words) == 1:
                return max(suspected, key=lambda s: self.weights[s])
            return best
        # (… and, asking nothing that rare, about the disease its patient was told they have: "gp says ive got
        # 'metabolic syndrome' … my good cholesterol is low. is that the same as diabetes??" is not about cholesterol)
        told = [s for s in named if s in self.told]
        return max(told or named, key=lambda s: self.weights[s])


_DEGREE = frozenset(stem(w) for w in """heavy light severe mild moderate high low early late current former recent
daily frequent occasional old older young younger long short large small big major minor new normal common rare
simple complicated uncomplicated significant persistent recurrent chronic acute suspected refractory ongoing
repeated isolated advanced stable unexplained empirical empiric mandatory obligatory nonstop
fast faster quick quicker quickly slow slower better worse safer indefinitely forever permanently lifelong""".split())
# … nor which side of it is asked about ("are there any other downsides?"): the topic is what has them
_ASPECTS = frozenset(stem(w) for w in "downside downsides drawback drawbacks disadvantage disadvantages upside upsides"
                     " proof"  # ("Is there any proof they help back pain like his?": what they are is the topic)
                     " outlook outlooks prognosis"  # ("… what is the outlook …?": the intent, not the topic)
                     # ("… will the pill hurt the baby?": what is asked of the pill)
                     " hurt hurts harm harms harmful"
                     .split())
# … nor what a drug comes as ("should I be on tablets like metformin?"): the form, not the subject
_FORMS = frozenset(stem(w) for w in "tablet tablets pill pills capsule capsules".split())
_SPINAL_LEVEL = re.compile(r"^[ctls]\d{1,2}$")
# … nor the occasion it is asked of ("several vaccine injections at the same visit"): not what is asked about
_OCCASIONS = frozenset(stem(w) for w in """visit visits appointment appointments consultation consultations session
sessions""".split())


SLANG_LETTERS = 3  # a word the knowledge base never uses, this short or shorter, is slang unless medical …
SLANG_KB_MIN = 10_000  # … in a knowledge base of at least this many documents (a small one lacks everyday words)

class TermStats:
    """Question-term weights (IDF in the knowledge base); uniform-ish without a store."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self._cache: dict[tuple[str, tuple[str, ...]], Terms] = {}
        self._stems: dict[str, set[str]] = {}
        self._documents: dict[str, frozenset[str]] = {}
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

    def document_stems(self, document: Document) -> frozenset[str]:
        """Content stems of a document's title and every passage (cached by document id)."""
        found = self._documents.get(document.id)
        if found is None:
            words = set(content_stems(document.title))
            for passage in self.store.passages_for(document.id) if self.store is not None else ():
                words.update(content_stems(f"{passage.section} {passage.text}"))
            if len(self._documents) >= DOCUMENT_CACHE:  # (a server answers for days: keep the most recent only)
                del self._documents[next(iter(self._documents))]
            found = self._documents[document.id] = frozenset(words)
        return found

    def terms(self, info: QuestionInfo, context_terms: Sequence[str] = ()) -> Terms:
        key = (info.text, tuple(context_terms))
        if key not in self._cache:
            weights = self._weights(info, context_terms)
            minor = frozenset(stem(t) for t in [*_example_terms(info.text), *failed_drugs(info.text),
                                                *_patient_clause_terms(asking(info.text))])
            described = frozenset(stem(t) for t in _told_case_terms(asking(info.text)))
            means, after = _screening_words(asking(info.text), weights)
            # (what is screened for is what it is about, however the patient is told: "Should I screen a healthy,
            # asymptomatic 60-year-old for pancreatic cancer …?")
            screened = set(weights) - means if means else set()
            minor, described = (minor | means) - screened, (described | after) - screened
            topics = self.topic_words()
            alternatives = self._alternatives([*info.terms, *context_terms])
            # (the terms are each word once, in first use: "her periods are so heavy … her heavy periods" lists
            # "periods" before "heavy"; the phrase is read where the question says it)
            said = [t for t in content_terms(info.text) if stem(t) in weights]
            for word_stem, forms in self._alternatives(said).items():
                alternatives.setdefault(word_stem, forms)
            for key_stem, restated in restatements(info.text).items():
                if key_stem in weights:
                    alternatives[key_stem] = (*alternatives.get(key_stem, ()), restated)
            for first, second in _ALIAS.findall(info.text):
                # (a drug's other name in brackets, either way round: "tebentafusp (Kimmtrak)" is answered by what is
                # said of tebentafusp, though the brand is the rarer word)
                # (a brand, in capitals, beside a drug: not "a sleeping tablet (temazepam)")
                one, other = stem(first), stem(second)
                if (one != other and {one, other} <= set(weights) and not {one, other} & _FORMS
                        and ((first[0].isupper() and medical_name(second))
                             or (second[0].isupper() and medical_name(first)))):
                    alternatives[one] = (*alternatives.get(one, ()), frozenset({other}))
                    alternatives[other] = (*alternatives.get(other, ()), frozenset({one}))
            question = asking(info.text)  # (the question itself when there is no case)
            asked_words = frozenset(content_stems(question)) & set(weights) if question != info.text else frozenset()
            # (what a question tells of its patient in a clause is its case: "For a 38-year-old stonemason who has spent
            # ten years cutting engineered quartz … and now has a dry cough …, should I order a CT chest …?")
            optional = (case_terms(info.text, topics) | compound_parts(info.text) | described) & set(weights)
            if asked_words and (referred := stem(drug_referred_to(info.text) or "-")) in weights:
                # ("… a tablet called omaveloxolone … How does it work …?": it is what is asked about)
                optional, asked_words = optional - {referred}, asked_words | {referred}
            every = parts(info.text, topics)
            found = Terms(weights, alternatives, minor & set(weights), optional,
                          broader=broader(list(info.terms)), asked=asked_words,
                          part_words=tuple(frozenset(content_stems(text)) for text in part_texts(info.text)),
                          diseases=frozenset(s for d in disease_mentions(info.text) for s in content_stems(d))
                          & set(weights),
                          told=frozenset(s for d in told_diagnosis(info.text) for s in content_stems(d)) & set(weights),
                          suspected=frozenset(s for d in told_diagnosis(info.text, suspected=True)
                                              for s in content_stems(d)) & set(weights))
            # (a part is a question of its own only with what the question is about: "get rid of them" alone is not)
            asked = tuple(part for part in every if found.key in part)
            self._cache[key] = replace(found, parts=asked)
        return self._cache[key]

    def _alternatives(self, terms: list[str]) -> dict[str, tuple[frozenset[str], ...]]:
        """``synonyms.alternatives``, less a brand's generic where the knowledge base names the brand
        itself: "What is herceptin?" is answered by what is said of Herceptin, not of every trastuzumab
        regimen."""
        out = alternatives(terms)
        if self.store is not None:
            said = {stem(t) for t in terms}
            for brand in terms:
                # (not where the question names the generic too: "teprotumumab (Tepezza)" asks about the drug)
                if ((generic := brand_generic(brand)) is not None and uses_word(self.store, brand)
                        and not {stem(t) for t in tokenize(generic)} <= said):
                    out.pop(stem(brand), None)
        return out

    def _weights(self, info: QuestionInfo, context_terms: Sequence[str]) -> dict[str, float]:
        phrasal = phrasal_terms(info.text)
        terms = [t for t in info.terms if t not in CHATTER and t not in phrasal] or list(info.terms)
        extra = [t for t in context_terms if stem(t) in info.context_stems and t not in CHATTER]
        df = self.store.term_frequencies([*terms, *extra]) if self.store is not None else {}
        if self.store is not None and self._total >= SLANG_KB_MIN:
            # (a short word a large knowledge base never uses and that names nothing medical is slang, not a topic: "on
            # the loo paper", "since a bbq last night"; as the rarest word it was the key, and the answer abstained)
            # (not an abbreviation, written in capitals: "a normal GGT")
            terms = [t for t in terms if df.get(t) or len(t) > SLANG_LETTERS or medical_name(t)
                     or re.search(rf"\b{re.escape(t.upper())}\b", info.text)] or terms
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
# (… "including smokers and heavy drinkers" for "… screen asymptomatic adults … for oral cancer?")
# (", say with a whispered voice test," offers an example too)
_EXAMPLES = re.compile(r"\b(?:such as|e\.g\.|for example|for instance|including|(?<=, )say(?: with| by| using)?)\s+"
                       r"(?P<examples>[^?.;:()]+)", re.IGNORECASE)
# … and so do what it excludes ("… in a patient without signs of peritonitis or strangulation"): an answer for that
# patient need not name them
# ("… even when they have no palpitations or other symptoms")
_EXCLUSIONS = re.compile(r"\b(?:without|excluding|other than|(?:who|that|they|he|she) (?:have|has) no)\s+"
                         r"(?:(?:any|clinical|the) )?(?:(?:signs?|symptoms?|evidence|history|features?) of\s+)?"
                         r"(?P<examples>[^?.;:(),]+)", re.IGNORECASE)


# what a question tells of its patient in a clause of its own ("Is gabapentin worth trying for a woman with chronic
# pelvic pain whose diagnostic laparoscopy showed no endometriosis …?"): it says whom the question is about, not what
# (to where the question goes on: "… whose screening mammogram … reported dense breasts be offered supplemental MRI?")
_PATIENT_CLAUSE = re.compile(r"\b(?:whose|who (?:has|have|had|is|are|was|were|developed|presents?|presented))\s+"
                             r"(?P<examples>(?:(?!\b(?:be|should|can|could|would|will|must)\b)[^?.;:(),])+)",
                             re.IGNORECASE)


# … and so does the patient's own description after the age ("For a 38-year-old stonemason who …", "26-year-old painter
# and decorator who smokes …"): who, not what (an occupation is a word no guideline repeats)
_PERSON = re.compile(r"\b\d+[- ](?:years?|yrs?|months?)[- ]old\s+"
                     r"(?P<examples>(?!(?:with|from|on|in|at|and|who|whose|man|woman|boy|girl|child|baby|infant|"
                     r"patient|adult|male|female|lady|person)\b)[a-z]+(?:(?:\s+and\s+|\s+|-)[a-z]+){0,2}?)"
                     r"(?=\s+(?:who|with|whose|from|on|presents?|presenting|has|had|is)\b|,)")


# one word with another in brackets after it ("tebentafusp (Kimmtrak)", "bulevirtide (Hepcludex®)")
_ALIAS = re.compile(r"\b([A-Za-z][\w-]{3,})\s+\(([A-Za-z][\w-]{3,})[®™]?\)")


def _patient_clause_terms(question: str) -> frozenset[str]:
    """The words only in the question's clauses about its patient (``_PATIENT_CLAUSE``) or in its description of the
    patient (``_PERSON``; not a medical word: "a 45-year-old diabetic with …"): never its key."""
    inside = {t for m in _PATIENT_CLAUSE.finditer(question) for t in tokenize(m.group("examples"))}
    inside |= {t for m in _PERSON.finditer(question) for t in tokenize(m.group("examples")) if not medical_name(t)}
    rest = _PATIENT_CLAUSE.sub(" ", _PERSON.sub(" ", question))
    return frozenset(inside - set(tokenize(rest)))


def _told_case_terms(question: str) -> frozenset[str]:
    """A case told in the question's one sentence ("For a 38-year-old stonemason who has spent ten years cutting
    engineered quartz … and now has a dry cough …, should I order a CT chest …?"): its patient's description and clauses
    (``_patient_clause_terms``), which count where a passage has them and never against it, as a case's do. (Not a
    clause without the patient's age: "… offered to men who have sex with men to prevent bacterial STIs" says whom the
    question is about.)"""
    return _patient_clause_terms(question) if _PERSON.search(question) else frozenset()


# what a question whether to screen screens for ("… tTG-IgA blood tests to screen for coeliac disease in adults …", "…
# screening … for atrial fibrillation, with an ECG or a pulse check on a smartwatch …"): to where the population or the
# means begins
_SCREENS_FOR = re.compile(r"\bscreen(?:s|ed|ing)?\b(?:\s+[\w'-]+,?){0,6}?\s+for\s+(?P<what>[^?.;:,()]+?)"
                          r"(?=\s+(?:in|among|with|by|as|at|using|who|that|if|when|even|during|before|after)\b|[?.;:,()]|$)",
                          re.IGNORECASE)


# (… or by a generic word: "thyroid disease", "hearing loss")
_DISEASE_WORD = re.compile(r"\b(?:cancers?|carcinomas?|tumou?rs?|malignanc(?:y|ies)|diseases?|disorders?|dysfunction|"
                     r"infections?|deficiency|loss)\b", re.IGNORECASE)


def screened_for(question: str) -> str:
    """What a question whether to screen screens for, where it is a disease ("pancreatic cancer"); "" otherwise."""
    found = _screened(question)
    return found.group("what") if found else ""


def _screened(question: str) -> re.Match[str] | None:
    """Where ``question`` says what it asks to screen for, when that names a disease (a cancer by its site counts,
    named or not: "oral cancer")."""
    found = _SCREENS_FOR.search(question)
    if found is None:
        return None
    what = found.group("what")
    named = disease_mentions(what) or _DISEASE_WORD.search(what) or any(medical_name(t) for t in tokenize(what))
    return found if named else None


def _screening_words(question: str, weights: Mapping[str, float]) -> tuple[frozenset[str], frozenset[str]]:
    """In a question whether to screen for a disease: every other word, never its key (the disease is what it is
    about, never the test or device it names as the means: "tTG-IgA", "smartwatch", "whispered voice test", which the
    statement on screening for it seldom names: the USPSTF's "… screening for celiac disease in asymptomatic
    persons"); and what it says after the disease ("… for oral cancer, even heavy smokers and drinkers, by examining
    the mouth at their check-ups?": whom and how), which counts where a statement says it and never against one that
    does not (the USPSTF's "… screening for oral cancer in asymptomatic adults"). Both empty for other questions. (In a
    several-part question, only the part that asks it: "How does it work, what did the MOXIe trial … show, …, and does
    it change the need to monitor her heart and screen for diabetes?" is not about diabetes.)"""
    pieces = part_texts(question)
    within = next((piece for piece in pieces if _screened(piece)), question) if len(pieces) > 1 else question
    found = _screened(within)
    screened = {stem(t) for t in tokenize(found.group("what"))} & set(weights) if found else set()
    if not found or not screened:
        return frozenset(), frozenset()
    after = frozenset(content_stems(within[found.end():])) & set(weights) - screened
    said = set(weights) if within is question else set(content_stems(within)) & set(weights)
    return frozenset(said - screened), after


def _example_terms(question: str) -> frozenset[str]:
    inside = {t for rx in (_EXAMPLES, _EXCLUSIONS) for m in rx.finditer(question)
              for t in tokenize(m.group("examples"))}
    outside = set(tokenize(_EXCLUSIONS.sub(" ", _EXAMPLES.sub(" ", question))))
    return frozenset(inside - outside)


# the half of a hyphenated word that only shapes the other ("long-standing", "check-ups", "add-on", "non-smoker",
# "long-term"): a passage writes it joined ("longstanding"), spaced or in other words ("chronic"), or not at all
_COMPOUND = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
_SHAPING = frozenset(stem(w) for w in """long short standing lasting term up ups on off add non self well check based
related like free wide going""".split())


def compound_parts(question: str) -> frozenset[str]:
    """Stems of the shaping halves of the question's hyphenated words (``_SHAPING``): they count where a passage has
    them and never against it ("standing" of "long-standing depression")."""
    return frozenset(s for m in _COMPOUND.finditer(question) for part in m.group(0).split("-")
                     if (s := stem(part.lower())) in _SHAPING)


def hit_stems(hit: Hit) -> set[str]:
    """The content stems of a hit: its document's title, its section and text, and the initials a guideline's issuer
    goes by ("Under NICE guidance on controlled drugs, …" is answered by the National Institute for Health and Care
    Excellence's passages, which never say "NICE")."""
    text = f"{hit.document.title} {hit.passage.section} {hit.passage.text}"
    if hit.document.kind is Kind.GUIDELINE and hit.document.issuer:
        text += " " + " ".join(issuer_initials(hit.document.issuer))
    return set(content_stems(text))


_BRACKETED_INITIALS = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_OF_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


@lru_cache(maxsize=4096)
def issuer_initials(issuer: str) -> tuple[str, ...]:
    """The initials each issuer of ``issuer`` (";"-separated) goes by: as it brackets them ("National Institute for
    Health and Care Excellence (NICE)") or its words' first letters ("U.S. Preventive Services Task Force": USPSTF,
    "Society of Obstetricians and Gynaecologists of Canada": SOGC); none for a name of fewer than four words."""
    out = []
    for name in issuer.split(";"):
        if m := _BRACKETED_INITIALS.search(name):
            out.append(m.group(1))
            continue
        # (four letters at least: three-letter initials are too often something else — "ACR" is also the albumin-
        # creatinine ratio, "CNS" the central nervous system)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", name) if w.lower() not in _OF_WORDS]
        if len(words) >= 4:
            out.append("".join(w[0].upper() for w in words))
    return tuple(out)


def content_terms(text: str) -> list[str]:
    """The question's content words as search reads them (no stopwords, no single letters), a possessive as its noun
    ("my husband's gel": "husband", which the knowledge base uses; "husband's" it hardly ever does)."""
    tokens = [noun(t) for t in query_tokens(text)]
    return [t for i, t in enumerate(tokens) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())
            and not unit_degree(tokens, i)]
