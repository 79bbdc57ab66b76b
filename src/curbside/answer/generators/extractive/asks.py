"""What a question's wording asks for beside its intents (``Asks``): when to refer, the harms, which imaging, a
measure by name, the subject of a yes/no question or a definition, what the patient may need, and the drugs it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from curbside.answer.generators.extractive.candidates import Candidate
from curbside.answer.lexicon import disease_mentions
from curbside.answer.synonyms import alternatives, broader
from curbside.answer.text import content_stems, stem, tokenize, unique
from curbside.answer.themes import (
    ASKS_ABOUT,
    ASKS_DEFINITION,
    ASKS_ESCALATION,
    ASKS_HARMS,
    ASKS_IMAGING,
    ASKS_MEASURE,
    DEFINED,
)
from curbside.answer.vignette import asking, patient_drugs_asked
from curbside.drug_names import drug_words
from curbside.records import Kind


@dataclass(frozen=True, slots=True)
class Asks:
    """What the question's wording asks for, beside its intents (``themes.ASKS_*``)."""

    escalate: bool = False  # when to refer ("When should … be referred?")
    harms: bool = False  # the side effects ("What are the side effects of metformin?")
    imaging: bool = False  # which imaging ("What imaging is appropriate for …?")
    measure: str = ""  # the stem of a measure asked for by name ("What surgical margins …")
    # a yes/no question's subject, in each of its wordings, as stem sets ("exercise" or "physical activity")
    about: tuple[frozenset[str], ...] = ()
    # what "What is X?" asks to have defined, in each of its wordings
    defines: tuple[frozenset[str], ...] = ()
    # what a part of the question asks whether the patient needs ("… – does he need a bisphosphonate routinely?")
    whether: tuple[frozenset[str], ...] = ()
    # the drugs the question names, in each of their wordings and their classes' ("ibuprofen": "NSAIDs")
    drugs: tuple[frozenset[str], ...] = ()
    # … of which those the patient is on that the question asks about ("… on sodium valproate … What should I do about
    # her valproate?"), in each of their wordings
    asked_drugs: tuple[frozenset[str], ...] = ()
    # whether something must be done to it ("… will the cyst have to be drained or taken out?"): that treatment is not
    # needed answers it
    done: bool = False
    # the step after a first treatment ("What are her second-line options …?"): what to do when it fails answers
    later: bool = False
    # a lay question that tells its symptoms and names no disease ("… a burning, numb patch on the outside of my right
    # thigh … What is this, and will it go away?")
    describes: bool = False
    # the stems of what it asks (the case aside)
    stems: frozenset[str] = frozenset()
    # the drug it asks what it is, in each of its wordings ("What is trofinetide (Daybue), how is it thought to work
    # …?")
    what_drug: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, question: str) -> Asks:
        measure = ASKS_MEASURE.search(question)
        subject = ASKS_ABOUT.search(question)
        about = _wordings(subject.group("subject")) if subject is not None else ()
        defined = ASKS_DEFINITION.search(question)
        needs = _NEEDS.search(question)
        # (the drug table lacks a few generics: "ibuprofen" is known by its class)
        named = unique([*drug_words(question), *(t for t in tokenize(question) if broader([t]))])
        drugs = tuple(form for drug in named for form in (*_wordings(drug), *broader([drug]).get(stem(drug), ())))
        asked_drugs = tuple(form for drug in patient_drugs_asked(question, named) for form in _wordings(drug))
        return cls(bool(ASKS_ESCALATION.search(question)), bool(ASKS_HARMS.search(question)),
                   bool(ASKS_IMAGING.search(question)), stem(measure.group("measure").lower()) if measure else "",
                   about, _wordings(defined.group("subject")) if defined else (),
                   _wordings(needs.group("subject")) if needs else (), drugs, asked_drugs,
                   bool(_MUST_BE_DONE.search(question)), bool(_LATER.search(asking(question))),
                   asking(question) != question and not disease_mentions(question),
                   frozenset(content_stems(asking(question))), _what_drug(question, named))


# "What is trofinetide (Daybue), …?", "What is Hepcludex, how does it work …?"
_WHAT_IS = re.compile(r"^\W*what (?:is|are) (?P<word>[\w-]+)\b", re.IGNORECASE)


def _what_drug(question: str, named: Sequence[str]) -> tuple[frozenset[str], ...]:
    """The wordings of the drug ``question`` opens by asking what it is (``named``: the drugs it names, in order)."""
    what = _WHAT_IS.match(question)
    if what is None or not named or stem(what.group("word")) != stem(named[0]):
        return ()
    return _wordings(named[0])
_NEEDS = re.compile(r"\b(?:does|do|should|would|will)\s+(?:he|she|they|i|we|the patient|my \w+)\s+(?:really |still )?"
                    r"(?:need|have|get|take|be given|be offered|be started on)\s+(?:an? |the |any )?"
                    r"(?P<subject>[\w-]+(?: [\w-]+)?)", re.IGNORECASE)


_MUST_BE_DONE = re.compile(r"\b(?:have|has|need|needs|got) to be (?:drained|removed|taken out|cut out|operated on|"
                           r"treated|excised|aspirated|repaired|fixed|lanced|stitched|reset|pinned)\b|"
                           r"\b(?:need|needs|require|requires) (?:an? )?(?:operation|surgery|treatment|procedure)\b",
                           re.IGNORECASE)


# (in what the question asks, not its case: "… remains cushingoid despite surgery. What are the options?" may ask for
# any of them)
_LATER = re.compile(r"\b(?:second|third)[- ]line\b|\bnext (?:step|option|line|treatment)s?\b|"
                    r"\bwhat (?:now|next)\b|\bif (?:\w+ ){0,3}(?:fails|doesn't work|does not work)\b", re.IGNORECASE)


def _wordings(phrase: str) -> tuple[frozenset[str], ...]:
    """The stems of ``phrase``, and of each of its other wordings (synonyms)."""
    stems = frozenset(content_stems(phrase))
    if not stems:
        return ()
    return (stems, *(form for forms in alternatives(tokenize(phrase)).values() for form in forms))


def defines(c: Candidate, asks: Asks, *, loosely: bool = False) -> bool:
    """``c`` says what the thing "What is X?" asks about is: X is its subject ("Gout is a form of arthritis …").
    ``loosely``: or, on a health page named for X, X (or what X is a kind of) is its subject, whatever the verb."""
    page = loosely and c.titled and c.hit.document.kind is Kind.CONSUMER
    # (a health page named for it says what it is in its own words: "Diabetes insipidus (DI) causes frequent
    # urination")
    subject = DEFINED.match(c.text) or (_PAGE_SUBJECT.match(c.text) if page else None)
    if subject is None:
        return False
    # (the thing itself, not something of it or a kind of it: "The symptoms of Mollaret meningitis are the same as …"
    # and "Bacterial meningitis is rare" do not say what meningitis is; a bracketed other name may follow it)
    stems = frozenset(content_stems(_BRACKETED.sub(" ", subject.group("subject"))))
    # (… or, on a health page named for it, the broader thing it is a kind of: MedlinePlus's "Diabetes Type 2" opens
    # "Diabetes means your blood glucose, or blood sugar, levels are too high", then says what type 2 is)
    return any(form == stems or (page and stems and stems < form) for form in asks.defines)


_BRACKETED = re.compile(r"\([^()]*\)")
_PAGE_SUBJECT = re.compile(r"^(?P<subject>[A-Z][^,;:]{1,80}?)\s(?:is|are|causes?|affects?|happens?|occurs?|develops?|"
                           r"makes?|damages?|leads? to)\b")


NO_ASKS = Asks()  # a question that asks for nothing beyond its intents
