"""Reading a question: validation, content terms, yes/no form, intents, topics, medical signal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from curbside.answer.lexicon import MedicalSignal, complaint_topic, disease_mentions, medical_signal
from curbside.answer.text import content_stems, noun, stem, unique
from curbside.answer.themes import question_intents
from curbside.answer.vignette import asking, negated_terms, ruled_in, without_history
from curbside.errors import QueryError
from curbside.retrieve.query import normalise, parse_query

_AUX = ("is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "will", "would", "has",
        "have", "had", "may", "might", "must", "shall", "isn't", "aren't", "doesn't", "don't", "didn't",
        "can't", "won't", "wasn't", "weren't", "hasn't", "haven't", "shouldn't", "couldn't",
        "wouldn't", "mustn't")
_YES_NO = re.compile(r"(^|[:;,?.]\s*|\b(so|and|but)\s+)(" + "|".join(re.escape(a) for a in _AUX) + r")\s+\w",
                     re.IGNORECASE)
_OK = re.compile(r"\b(is|are|will|would|should) (it|this|that|they|these|those|\w+) (be )?(ok|okay|safe|fine|normal|"
                 r"dangerous|serious|harmful|bad|contagious|curable)\b", re.IGNORECASE)
_WH = re.compile(r"^\W*(what|which|who|whom|whose|when|where|why|how|list|describe|explain|name)\b",
                 re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    text: str  # normalised question
    terms: tuple[str, ...]  # content tokens (what retrieval searches for)
    stems: tuple[str, ...]  # unique content stems of the question itself
    context_stems: tuple[str, ...]  # stems from an earlier question (follow-ups), not in ``stems``
    yes_no: bool
    intents: tuple[str, ...]
    topics: tuple[str, ...]  # disease names mentioned (question first, then context)
    medical: MedicalSignal


def validate(question: str, max_chars: int = 2000) -> str:
    """The normalised question, or QueryError (empty, too long, nothing searchable)."""
    if not isinstance(question, str):
        raise QueryError("the question must be text")
    parse_query(question, max_chars=max_chars)  # raises QueryError with a clear message
    # a sentence typed without its space ("… keratosis pilaris.Are there any options?") is two words, not one
    return _RUN_ON.sub(r"\1. \2", normalise(question))


_RUN_ON = re.compile(r"\b([a-z]{3,})\.([A-Z][a-z]+)\b")


# "Is it OK to clean them with cotton swabs, or what should I use instead?": the question asks what to do, and a
# verdict on its first half would answer only that half
_OR_WHAT = re.compile(r"\bor (?:what|how|which|who|when|where)\b", re.IGNORECASE)
# … and so does a choice between two courses ("Is a serum uric acid level enough, or do I need to aspirate the
# joint?", "Does he need more antibiotics, or should we be thinking about ear tubes?")
# … and so does a yes/no question with a part that asks what, which or how: it asks how to manage
# (after a comma "where" and "when" open a clause of the sentence unless a question follows: "…, where sporadic CJD is
# suspected …, is it worth …?")
# (not "who" opening a clause about the patient: "… for a 3-month-old with a problematic infantile haemangioma, who has
# no personal or family history of heart disease …, do I need a routine pretreatment ECG?")
_WH_AFTER_COMMA = (r"(?:what|which|how|whom|who(?!\s+(?:has|have|had|is|was|were|presents|presented|developed)\b)|"
                   r"(?:when|where)\s+(?:should|shall|is|are|was|were|do|does|did|can|could|"
                   r"would|will|might|must|to)\b)")
_AND_WHICH = re.compile(rf",\s+(?:and |or )?(?:(?:with|for|in|at|to|by|of) )?{_WH_AFTER_COMMA}\b", re.IGNORECASE)
# ("Should I add a third drug …, or is under 150 good enough at her age?")
_EITHER_OR = re.compile(r",\s+or (?:do|does|should|shall|must|would|will|can|is|are)\s+\w|"
                        # (the other course with its own subject, comma or not: "Does it need draining or will it go
                        # down by itself?")
                        r"\s+or (?:do|does|should|shall|must|would|will|can|is|are) (?:it|he|she|they|i|we|you|this|"
                        r"that)\b|"
                        # … or among options ("Does he need tetanus vaccine, tetanus immunoglobulin, or both?")
                        r",? or (?:both|neither|all three|none)\W*$|"
                        # … or between two courses of action ("Should I give her Calpol and Nurofen together or keep
                        # alternating them …?")
                        r"\bor (?:keep|carry on|continue|stop|switch|wait|just)\b",
                        re.IGNORECASE)
# … and so do two yes/no questions in one ("Does that mean I'll definitely get diabetes, and should I be on tablets
# like metformin?"; "…, and does adding pedicle screw instrumentation … help?"): one verdict cannot answer both, and
# the answers often differ
_AND_YES_NO = re.compile(r"(?:,|\band)\s+(?:and\s+)?(?:do|does|should|shall|must|would|will|can|could|is|are) "
                         r"(?:i|we|you|he|she|they|it|this|that|there|my|his|her|their|our|the|a|an|[a-z]{3,}ing)\b",
                         re.IGNORECASE)
# "Is there anything you'd recommend for the throat pain?", "Can you suggest something natural …?": a request for
# what to do, put politely as a question; "yes" would not answer it ("Is there a way to tell COVID-19 from
# influenza?" is a real yes/no question)
_REQUEST = re.compile(r"^\W*(?:(?:is|are) there (?:anything|something|any ?(?:kind|type|sort)s? of)\b|"
                      # ("Are there tablets I can take to stop them coming back?": which ones)
                      r"(?:is|are) there (?:any )?(?:tablets?|pills?|medicines?|medications?|drugs?|creams?|"
                      r"treatments?|remedies|exercises?) (?:i|we|you|to)\b|"
                      r"(?:can|could|would) you (?:suggest|recommend|prescribe|provide|give|advise)\b|"
                      r"do you (?:recommend|suggest|have any)\b)", re.IGNORECASE)

# a wh-question after the patient it is about ("For a patient with compensated cirrhosis …, what is the best option
# …: a non-selective beta-blocker or band ligation?"): the options it ends with are what it asks to choose from
_SET_WH = re.compile(rf"^\W*(?:for|in|among|after|during|with|when)\b[^?]*?,\s*(?:who\b|why\b|{_WH_AFTER_COMMA})",
                     re.IGNORECASE)


# … and so does whether the patient needs each of several things ("Does she need a renal ultrasound, a VCUG, and
# prophylactic antibiotics?"): the answers differ item by item
# (not one thing asked of several: "… am I any more likely to have problems with the pregnancy, the birth or the baby?")
_NEEDS_LIST = re.compile(r"\b(?:need|needs|have|get|be given|be offered|receive|start)\s+(?:an? |the )?"
                         r"(?![^?,;]{0,40}\b(?:with|of|in|for|during|after|before)\b)[^?,;]{2,60},"
                         r"\s+(?:an? |the )?[^?,;]{2,60},?\s+(?:and|or)\s+[^?]{2,60}\?", re.IGNORECASE)


def _two_questions(text: str) -> bool:
    """A yes/no question followed by another ("Does X …, and should I …?"); not a claim put as one ("Suturing of the
    nasal septum after septoplasty, is it an effective alternative …?")."""
    for m in _AND_YES_NO.finditer(text):
        sentence = re.split(r"[.?!]\s+", text[:m.start()])[-1]
        before = sentence.split(None, 1)
        if (before and before[0].lower() in _AUX) or "?" in text[:m.start()]:
            return True  # (or after one asked already: "Should my son have the HPV jab? … and is it safe?")
        # (or after one asked behind the patient it is about: "For a bed-bound inpatient …, should we ask for an
        # alternating-air mattress …, and do we need a formal scale …?")
        if _AND_YES_NO.search(sentence):
            return True
    return False


# … and so does a yes/no question followed by one that asks what, how or when ("Is that OK? And how soon after the
# birth should the midwife be checking on us?")
_THEN_WH = re.compile(r"\?\s+(?:(?:and|also|but|plus)\s+)?(?:what|which|how|when|where|who|why)\b", re.IGNORECASE)
# … or later, after another yes/no question ("is this just old age?? could the tablets be doing it and what can we do
# to get her eating again"): the evidence is weighed as for a yes/no question, but no verdict answers it all
_LATER_WH = re.compile(r"\?[^?]*?\b(?:and|but|also|plus)\s+(?:if so,?\s+)?(?:what|which|how|when|where|why)\b",
                       re.IGNORECASE)


def asks_more(question: str) -> bool:
    """After its yes/no questions, ``question`` asks what, how or when (``_LATER_WH``): no verdict answers it."""
    return _LATER_WH.search(question) is not None


# (a "choice" whose other course is anything else is whether to take the first: "Can a woman at high risk of HIV use
# DMPA injections, or should she be steered to a different method?")
_OR_ANY_OTHER = re.compile(r",?\s+or (?:should|must|would|will|can|do|does) (?:i|we|you|he|she|they) (?:be )?"
                           r"(?:steered|switched|moved|changed|directed|offered|given|use|try|choose|switch|change)\s+"
                           r"(?:to |for |onto )?(?:a |an |some )?(?:different|another|other|alternative)\b[^?]*",
                           re.IGNORECASE)


# whether to worry asks when to get help, which no finding says yes or no to ("My baby has a temperature of 38.5,
# should I be worried?")
_WORRY = re.compile(r"\b(?:should|do|must) (?:i|we) (?:be )?worr(?:y|ied)\b", re.IGNORECASE)


def is_yes_no(question: str) -> bool:
    text = _OR_ANY_OTHER.sub("", question.strip().lstrip(",.;:-\"' "))
    if (not text or _OR_WHAT.search(text) or _THEN_WH.search(text) or _REQUEST.search(text)
            or _REQUEST.search(asking(text)) or _WORRY.search(asking(text))
            or _EITHER_OR.search(text) or _two_questions(text) or _NEEDS_LIST.search(asking(text))):
        return False
    asked = asking(text)
    if asked != text and _WH.match(asked):  # "Initial management of ascites — which diuretics …, is …?"
        return False
    if _AND_WHICH.search(asked):  # "Should I start antiviral prophylaxis, with which drug, and for how long …?"
        return False
    first = text.split(None, 1)[0].lower()
    if first in _AUX:
        return True
    if _WH.match(text) or _SET_WH.match(text):
        return False
    if _YES_NO.search(text) or _OK.search(text):
        return True
    # "Actinobaculum schaalii, a cause of urinary tract infections?" — a claim put as a question
    last = re.split(r"[.:;]\s+", text.rstrip())[-1]
    return (text.rstrip().endswith("?") and bool(re.search(r"[,:]|--| - ", text)) and not _WH.match(last)
            and not re.search(r"\b(what|which|who|how|why|when|where)\b", last, re.IGNORECASE))


# whether to hold back from something ("… make acute appendicitis unlikely enough to hold off?"): the evidence speaks
# of doing it ("appendectomy is not recommended …"), and its "no" to that is this question's "yes"; which thing is held
# back is not said, so no verdict can be read from it safely
_HOLD_OFF = re.compile(r"\b(?:hold (?:off|back|fire)|put (?:it |this |that |surgery |the operation )?off|"
                       r"wait and see)\b", re.IGNORECASE)


def asks_between(question: str) -> bool:
    """The question asks which of two courses to take ("… be offered clipping or coiling, or is conservative management
    more appropriate at her age?"): no verdict answers it, but a study comparing them does, in its conclusion."""
    text = asking(question).strip()
    return bool(text) and text.split(None, 1)[0].lower() in _AUX and _EITHER_OR.search(text) is not None


def asks_to_hold_off(question: str) -> bool:
    """The question asks whether to hold back from doing something it need not name."""
    return bool(_HOLD_OFF.search(asking(question)))


# a relative by marriage is the relative ("my mother-in-law keeps dipping our baby's dummy in honey"): "law" is no
# word of the question's, and searched for it found quality-measurement essays
_IN_LAW = re.compile(r"\b(mother|father|sister|brother|son|daughter|parents?)-in-laws?\b", re.IGNORECASE)


def analyse(question: str, *, context: str = "", max_chars: int = 2000) -> QuestionInfo:
    text = _IN_LAW.sub(r"\1", validate(question, max_chars))
    # (a possessive is weighed as its noun: "my husband's gel" asks about a husband, a word the knowledge base uses)
    terms = tuple(unique(map(noun, parse_query(text, max_chars=max_chars).terms)))
    # (what a case rules out is not searched for: "no saddle anaesthesia" would find the cauda equina guideline)
    ruled_out = negated_terms(text)
    terms = tuple(t for t in terms if stem(t) not in ruled_out) or terms
    if not re.search(r"\bUS\b", text):  # ("the GP gave us": the pronoun, not US for ultrasound)
        terms = tuple(t for t in terms if t != "us") or terms
    stems = tuple(unique(content_stems(text)))
    context_stems: tuple[str, ...] = ()
    if context:
        context_stems = tuple(s for s in unique(content_stems(context)) if s not in stems)
    named = ruled_in(text, disease_mentions(without_history(text)))
    # (a case's question names its topic before the case's other diseases: "… on allopurinol for gout. How should
    # his bronchiolitis obliterans syndrome be treated?" is about the syndrome)
    question = asking(text)
    asked = [d for d in disease_mentions(question) if d in named] if question != text else []
    topics = unique([*asked, *named, *(disease_mentions(context) if context else [])]) or complaint_topic(text)
    return QuestionInfo(
        text=text, terms=terms, stems=stems, context_stems=context_stems, yes_no=is_yes_no(text),
        intents=_intents(text), topics=tuple(topics), medical=medical_signal(text),
    )


# "What can I do so I don't get another one?": what to do, asked about prevention, is prevention
_WHAT_TO_DO = re.compile(r"\bwhat (?:can|should) (?:i|we|you) do\b|\bhelps?\b", re.IGNORECASE)
_TREATMENT_WORD = re.compile(r"\btreat|\btherap|\bmanag|\bcure|\bmedic|\bdrug|\bsurg|\bget rid of\b", re.IGNORECASE)


def _intents(text: str) -> tuple[str, ...]:
    # (what the question asks, not the case set before it: "Newly diagnosed Addison's disease — what doses …?")
    intents = question_intents(asking(text)) or question_intents(text)
    if "definition" in intents and len(intents) > 1:  # "what is the dose of …" asks about the dose
        intents = tuple(i for i in intents if i != "definition")
    if {"treatment", "prevention"} <= set(intents) and _WHAT_TO_DO.search(text) and not _TREATMENT_WORD.search(text):
        intents = tuple(i for i in intents if i != "treatment")
    return intents
