"""Everyday words for formal ones, for patients: "approximately" → "about", "individuals" →
"people", "However, …" → "But …".

Only words whose plain equivalent says the same thing in every context the lexicon lets them
be swapped in. Where a word has another sense, the swap is limited to the contexts of the sense
it shares: "administered" → "given" only after "is", "be", "when" …, never "the nurse
administered"; "adequate" → "enough", never in "adequate evidence" (a grade of evidence);
"require" → "need", never in "require doctors to report" (an obligation; "required" not at all).

Left out on purpose: "elevated" ("elevated blood pressure" is a category of its own, not high
blood pressure), "associated with" (also "comes with"), "indicate" (weaker than "show"),
"generally" (also "in general": "generally healthy"), "clinician" and "provider" (not only
doctors), "occur" (no shorter: "happen" has as many syllables), and "medication" → "medicine"
(the same thing, but must-have statements say "medication" and are matched by their words: it
cost MedicationQA coverage, docs/benchmarks.md).

Never touched: anything in brackets or quotes (brand names, pronunciations, quoted titles), a
word capitalised inside a sentence (a name: "American College of Physicians", "Food and Drug
Administration"), numbers, units, drug names and negations (none is in the lexicon). Inflection
is spelled out per form rather than derived, so "discontinued" → "stopped" is as written here.

Medical terms ("hypertension" → "high blood pressure") are not swapped but glossed, keeping the
source's term (``plain.py``). The sentence must still verify against its cited passages: that is
for ``simplify.py`` to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "is administered", "when administered", "has been shown": a past participle, not a past tense
_PARTICIPLE_AFTER = frozenset("""is are was were be been being has have had when if once unless not also often
usually typically generally commonly sometimes always never first then already""".split())
# a verb "experience" (not "the experience of …"): after a modal, a subject or an adverb
_VERB_AFTER = frozenset("""may might can could will would should must often also usually sometimes commonly
rarely who you they we people patients women men children not to""".split())
_ARTICLE = frozenset({"a", "an"})
_NOUN_AFTER = frozenset({"a", "an", "the"})  # "a consult with …" is a noun
_PERSON = (r"(?:doctor|doctors|physician|physicians|pharmacist|dentist|nurse|specialist|health\s*care\s+"
           r"(?:provider|professional|team)|healthcare\s+(?:provider|professional|team)|provider)")
_OBJECT = r"\s+(?:your|their|them|you|him|her|patients|people)\b"


@dataclass(frozen=True, slots=True)
class Swap:
    formal: str  # lower case; a word or a phrase
    plain: str
    after: frozenset[str] = frozenset()  # only right after one of these words
    not_after: frozenset[str] = frozenset()  # never right after one of these
    before: str = ""  # the text that follows must match this (re.match)
    not_before: str = ""  # … and must not match this
    opening: bool = False  # only where it opens a sentence ("However," → "But")


def _forms(*pairs: str, not_after: frozenset[str] = frozenset(), not_before: str = "") -> tuple[Swap, ...]:
    """``_forms("utilize use", "utilizes uses")``: one Swap per "formal plain" pair of words."""
    return tuple(Swap(formal, plain, not_after=not_after, not_before=not_before)
                 for formal, plain in (p.split(" ") for p in pairs))


# first match wins: the narrower contexts of a word come before its general swap
LEXICON: tuple[Swap, ...] = (
    # sentence openers
    Swap("however,", "but", opening=True),
    Swap("furthermore,", "also,", opening=True),
    Swap("moreover,", "also,", opening=True),
    Swap("additionally,", "also,", opening=True),
    Swap("in addition,", "also,", opening=True),
    Swap("nevertheless,", "still,", opening=True),
    Swap("therefore,", "so,", opening=True),
    Swap("consequently,", "so,", opening=True),
    # phrases
    Swap("in order to", "to"),
    Swap("prior to", "before"),
    Swap("the majority of", "most of", before=r"\s+(?:the|these|those|them|their|its|his|her|our|your|us|this)\b"),
    Swap("the majority of", "most"),
    Swap("a majority of", "most of", before=r"\s+(?:the|these|those|them|their|its|his|her|our|your|us|this)\b"),
    Swap("a majority of", "most"),
    Swap("is able to", "can"),
    Swap("are able to", "can"),
    Swap("ensure that", "make sure that"),
    Swap("consult with", "talk with", not_after=_NOUN_AFTER),
    Swap("consult", "talk with", not_after=_NOUN_AFTER, before=rf"\s+(?:your|a|an|their)\s+{_PERSON}\b"),
    # words
    Swap("approximately", "about"),
    Swap("individuals", "people", not_before=r"['’]"),
    Swap("persons", "people", not_after=frozenset({"a", "an", "each", "every", "one"}), not_before=r"['’]"),
    *_forms("physician doctor", "physicians doctors", not_before=r"(?:['’]s)?\s+assistants?\b"),
    *_forms("utilize use", "utilizes uses", "utilized used", "utilizing using", "utilization use",
            "utilise use", "utilises uses", "utilised used", "utilising using", "utilisation use"),
    Swap("administered", "given", after=_PARTICIPLE_AFTER),
    *_forms("administer give", "administers gives", "administering giving"),
    Swap("demonstrated", "shown", after=_PARTICIPLE_AFTER),
    Swap("demonstrated", "showed", before=r"\s+that\b"),
    *_forms("demonstrate show", "demonstrates shows", "demonstrating showing"),
    Swap("performed", "done", after=_PARTICIPLE_AFTER),
    *_forms("perform do", "performs does", "performing doing"),
    *_forms("receive get", "receives gets", "receiving getting"),
    *_forms("obtain get", "obtains gets", "obtaining getting"),
    *_forms("initiate start", "initiates starts", "initiated started", "initiating starting"),
    *_forms("commence start", "commences starts", "commenced started", "commencing starting"),
    *_forms("discontinue stop", "discontinues stops", "discontinued stopped", "discontinuing stopping"),
    *_forms("modify change", "modifies changes", "modification change", "modifications changes"),
    *_forms("assist help", "assists helps"),
    # an obligation ("insurers are not required to pay", "require doctors to report") is not a need
    *_forms("require need", "requires needs", "requiring needing", not_before=r"(?:\s+[\w-]+){0,3}?\s+(?:to|that)\b"),
    Swap("experience", "have", after=_VERB_AFTER),
    Swap("experiencing", "having"),
    Swap("notify", "tell", before=_OBJECT),
    Swap("inform", "tell", before=_OBJECT),
    # "an adequate dose" would need its article changed; "adequate evidence" is a grade
    *_forms("adequate enough", "sufficient enough", not_after=_ARTICLE, not_before=r"\s+evidence\b"),
    Swap("additional", "extra"),
    Swap("numerous", "many"),
    Swap("frequently", "often"),
    Swap("commonly", "often"),
    Swap("difficult", "hard"),
    Swap("difficulty", "trouble"),  # "difficulty breathing"; not "difficulties" ("learning difficulties")
    *_forms("beverage drink", "beverages drinks"),
    Swap("the elderly", "older people"),
    Swap("participate in", "take part in"),
    Swap("inquire", "ask"),
    Swap("typically", "usually"),
    Swap("primarily", "mainly"),
    Swap("currently", "now"),
    Swap("subsequently", "since", after=frozenset({"has", "have", "had"})),  # "has later lowered" is not English
    Swap("subsequently", "later"),
    Swap("subsequent", "later", not_before=r"\s+to\b"),
    Swap("regarding", "about"),
    # "right away" only at the end of a clause: "immediately after surgery" is not "right away after"
    Swap("immediately", "right away", before=r"\s*(?:[.,;!?)]|$)"),
)

_PROTECTED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\"[^\"]*\"|“[^”]*”")
_OPENS = re.compile(r"(?:^|[.!?][\"'”’)\]]*)\s*$")
_PREVIOUS = re.compile(r"([\w'’-]+)\W*$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[Swap, re.Pattern[str]], ...]:
    out = []
    for swap in LEXICON:
        body = r"\s+".join(re.escape(w) for w in swap.formal.split())
        tail = "" if swap.formal.endswith(",") else r"(?![\w-])"
        out.append((swap, re.compile(rf"(?<![\w'’-]){body}{tail}", re.IGNORECASE)))
    return tuple(out)


def _fits(swap: Swap, text: str, m: re.Match[str]) -> bool:
    before, following = text[:m.start()], text[m.end():]
    opens = bool(_OPENS.search(before))
    word = m.group(0)
    if not (word.islower() or (opens and word[0].isupper() and word[1:].islower())):
        return False  # a capital inside a sentence is a name; all capitals are an acronym or a heading
    if swap.opening and not opens:
        return False
    previous = _PREVIOUS.search(before[-60:])
    last = previous.group(1).lower() if previous and not opens else ""
    if swap.after and last not in swap.after:
        return False
    if last in swap.not_after:
        return False
    if swap.before and not re.match(swap.before, following, re.IGNORECASE):
        return False
    return not (swap.not_before and re.match(swap.not_before, following, re.IGNORECASE))


def plain_words(text: str) -> str:
    """``text`` with the lexicon's everyday words for its formal ones (module docstring)."""
    for swap, pattern in _patterns():
        if swap.formal.split(" ", 1)[0].rstrip(",") not in text.lower():
            continue
        pieces: list[str] = []
        at = 0
        protected = [(p.start(), p.end()) for p in _PROTECTED.finditer(text)]
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in protected) or not _fits(swap, text, m):
                continue
            plain = swap.plain[0].upper() + swap.plain[1:] if m.group(0)[0].isupper() else swap.plain
            pieces += [text[at:m.start()], plain]
            at = m.end()
        if pieces:
            text = "".join(pieces) + text[at:]
    return text

