"""Word-level text helpers shared by the answer layer: tokens, a light stemmer, content terms.

The stemmer is deliberately small and consistent rather than linguistically exact: it only has
to make "treated", "treatment" and "treating" meet, and "reduce"/"reduction", "diabetes"/
"diabetic". It is used for overlap (relevance, redundancy, verification), never for display.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from curbside.retrieve.query import STOPWORDS, unit_degree
from curbside.retrieve.query import tokenize as _full_tokenize
from curbside.spelling import PREFIXES, american

__all__ = ["STOPWORDS", "content_stems", "idf", "stem", "stems", "tokenize", "words"]

# ("-ated" and "-ating" go as "-ation" does: "evaluated" and "evaluation" share "evalu", "strangulated" and
# "strangulation" "strangul"; "-ate" stays, for "neonate" and "prostate" are nouns)
# ("-ize" stays, so the verb's forms and its noun share a stem — "randomized", "randomization": "randomiz" — that is not
# another word's: "generalized" is not "general", "organization" not "organ")
_SUFFIXES = (
    "ated", "ating", "ational", "fulness", "iveness", "ousness", "ically", "ations", "ation",
    "itions", "ition", "ments", "ment", "ness", "ities", "ity", "ical", "ings", "ing", "ives", "ive",
    "ions", "ion", "ers", "er", "edly", "ed", "ly", "ous", "ants", "ant", "ents", "ent", "ences", "ence",
    "ances", "ance", "able", "ible", "ism", "ists", "ist", "ised", "ise", "al", "ic", "is",
    "e",
)
_TOKEN = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")


def tokenize(text: str) -> list[str]:
    """Lower-case tokens exactly as retrieval makes them, with a fast path for ASCII text."""
    if text.isascii():
        return _TOKEN.findall(text.lower())
    return _full_tokenize(text)


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*|\d+(?:[.,]\d+)?")
_MIN_STEM = 4
# Latin species names that read as a disease once stemmed: "Haemophilus influenzae" is a bacterium,
# not influenza; "Streptococcus pneumoniae" causes meningitis and otitis as well as pneumonia
_SPECIES_EPITHETS = frozenset({"influenzae", "pneumoniae"})


def _plural(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith(("ches", "shes", "xes")) and len(w) > 5:
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 4:
        return w[:-1]
    return w


def _strip_once(w: str) -> str:
    for suffix in _SUFFIXES:
        if suffix.startswith("at") and w[: -len(suffix)].endswith(("st", "e")):
            continue  # "repeated" is "repeat", as "repeat" is ("devastated", …)
        if w.endswith(suffix) and len(w) - len(suffix) >= _MIN_STEM:
            return w[: -len(suffix)]
    return w


def noun(token: str) -> str:
    """A possessive as its noun ("husband's": "husband"): the knowledge base rarely says the one, often the other."""
    return token[:-2] if token.endswith("'s") else token


# (deterministic, and called tens of thousands of times an answer: without the cache a cold ask spends a third of its
# time here)
@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light, deterministic stem of a lower-case word (numbers are returned unchanged), in American
    spelling ("hyponatraemia" and "hyponatremia" share a stem)."""
    w = noun(word.lower()).strip("'-")
    if len(w) <= _MIN_STEM or not w[0].isalpha() or w in _SPECIES_EPITHETS:
        return w
    w = american(w)
    w = _plural(w)
    if w.endswith("ium") or (w.endswith("ia") and len(w) > 5):  # pterygium/pterygia, bacterium/bacteria
        w = w[:-2] if w.endswith("um") else w[:-1]
    w = _strip_once(_strip_once(w))
    if w.endswith("ct"):
        w = w[:-1]
    if len(w) > _MIN_STEM and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return _SAME.get(w, w)


# adjectives whose suffix the rules above cannot undo: "diagnostic" is about diagnosis, "surgical" about surgery
_SAME = {"diagnost": "diagnos", "prognost": "prognos", "therapeut": "therapy", "surgery": "surg", "feverish": "fever"}


def words(text: str) -> list[str]:
    """Surface words (letters/digits), original case kept."""
    return _WORD.findall(text)


def stems(text: str) -> list[str]:
    """Stems of every token (stopwords included), in order."""
    return [stem(t) for t in tokenize(text)]


_IG_CLASSES = frozenset("adegm")
_DOSE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|g|iu|units?|ml|mmol|meq)\b", re.IGNORECASE)
DOSE_STEM = stem("dose")


def content_stems(text: str) -> list[str]:
    """Stems of content tokens (no stopwords, no single letters), in order, duplicates kept. A
    stated dose ("400 mg") also counts as the word "dose", and "antihypertensive" also as
    "hypertensive"; British spelling is read as American and a hyphenated prefix joins its word
    (``curbside.spelling``)."""
    out = []
    tokens = tokenize(text)
    lowered = text.lower()
    for i, t in enumerate(tokens):
        if (t in PREFIXES and i + 1 < len(tokens) and len(tokens[i + 1]) >= 5 and tokens[i + 1].isalpha()
                and f"{t}-{tokens[i + 1]}" in lowered):
            tokens[i + 1] = t + tokens[i + 1]  # "non-alcoholic" is one word, as "nonalcoholic" is
            continue
        if unit_degree(tokens, i):
            continue
        if t not in STOPWORDS and (len(t) > 1 or t.isdigit()):
            out.append(stem(t))
            if t == "immunoglobulin" and i + 1 < len(tokens) and tokens[i + 1] in _IG_CLASSES:
                # "immunoglobulin E" is IgE: the single letter that tells the classes apart is no content token
                out.append("ig" + tokens[i + 1])
            if t.startswith("anti") and len(t) >= 10:
                # "antihypertensive treatment" is treatment of hypertension: the drug class names the
                # disease it treats ("antidiabetic", "antiepileptic", "antiarrhythmic")
                out.append(stem(t[4:]))
    if _DOSE.search(text):
        out.append(DOSE_STEM)
    if _CAPITALS.search(text):
        out += acronyms(text)
    return out


_CAPITALS = re.compile(r"\b[A-Z]{2,5}s?\b")


def acronyms(text: str) -> list[str]:
    """The abbreviations in ``text`` that read as stopwords in lower case ("severe AS", "children with ALL", "ME/CFS"),
    as themselves in capitals: a stem no other word has, so that an abbreviation defined for a disease ("ankylosing
    spondylitis (AS)") can stand for it. Not in text written in capitals ("FOR ALL PATIENTS")."""
    letters = [ch for ch in text if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) * 2 > len(letters):
        return []
    return [word.removesuffix("s") for m in _CAPITALS.finditer(text)
            if (word := m.group()).removesuffix("s").lower() in STOPWORDS and word.removesuffix("s").isupper()]


def idf(df: int, n: int) -> float:
    """BM25-style inverse document frequency, floored at a small positive value."""
    return max(0.05, math.log(1.0 + (n - df + 0.5) / (df + 0.5)))


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
