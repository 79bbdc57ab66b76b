"""Spelling variants that keep a word's meaning: British and American medical spelling
("hyponatraemia" / "hyponatremia", "oesophagus" / "esophagus", "paediatric" / "pediatric") and a
prefix written joined or hyphenated ("posttraumatic" / "post-traumatic", "nonalcoholic" /
"non-alcoholic"). Search splits hyphenated words, so "post-traumatic" is two tokens in one text
and one token in another: without these, a question in one spelling misses a guideline written in
the other (the VA/DoD PTSD guideline writes "posttraumatic", NICE writes "non-alcoholic").

Lower-case tokens in, lower-case variants out; the word itself is never among its variants.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (British, American) spellings of word parts, applied in both directions; "^" anchors a part to
# the start of the word ("haemorrhage", not "them")
_PARTS: tuple[tuple[str, str], ...] = (
    ("aemia", "emia"), ("^haem", "^hem"), ("oesophag", "esophag"), ("oedem", "edem"), ("^paed", "^ped"),
    ("anaesth", "anesth"), ("^foet", "^fet"), ("gynaec", "gynec"), ("rrhoe", "rrhe"), ("leukaem", "leukem"),
    ("coeliac", "celiac"), ("tumour", "tumor"), ("behaviour", "behavior"), ("^oestr", "^estr"),
    ("ischaem", "ischem"), ("dyspnoea", "dyspnea"), ("apnoea", "apnea"), ("^faec", "^fec"), ("glycaem", "glycem"),
    ("kalaem", "kalem"), ("natraem", "natrem"), ("orthopaed", "orthoped"), ("^sulph", "^sulf"),
    # (the adjectives of "-aemia" words: "bacteraemic", "anaemic"; not "-emic" alone, which "systemic" and "academic"
    # end in)
    ("bacteraem", "bacterem"), ("septicaem", "septicem"), ("^anaem", "^anem"), ("viraem", "virem"),
    ("uraemi", "uremi"), ("^aetiol", "^etiol"), ("^caesar", "^cesar"),
    # "-our" words ("labour", NICE's word, is "labor" in American guidelines), not "rigour": "rigors" are chills
    ("^labour", "^labor"), ("^favour", "^favor"), ("^colour", "^color"), ("^odour", "^odor"), ("^flavour", "^flavor"),
    ("^humour", "^humor"),
)
# words that start with an American part but are no such word: "laboratory" is no "labour"
_NOT_PARTS = ("laborat",)
# British "-ise" verbs and their nouns, written with "z" in American ("randomised", "minimising", "hospitalisation");
# not the words whose "-ise" is no such suffix: "exercise", "advise", "compromise", "otherwise" have no "z" spelling
_ISE = re.compile(r"^(?P<base>[a-z]{3,})is(?P<end>e|ed|es|ing|ation|ations|er|ers|able)$")
_IZE = re.compile(r"^(?P<base>[a-z]{3,})iz(?P<end>e|ed|es|ing|ation|ations|er|ers|able)$")
_NOT_ISE = ("exerc", "adv", "prom", "expert", "rev", "superv", "prec", "conc", "exc", "inc", "circumc", "bru", "cru",
            "disgu", "compr", "ra", "mala", "lia", "dem", "prem", "surm", "surpr", "enterpr", "dev", "improv", "pract",
            "mort", "advert", "treat", "equipo", "torto", "no", "chem", "franch", "merchand", "parad", "w")
# prefixes written joined ("posttraumatic") or hyphenated ("post-traumatic": two search tokens)
PREFIXES = ("non", "post", "pre", "anti", "peri", "intra", "inter", "extra", "sub", "semi", "multi", "poly")
_MIN_REST = 5  # "nonalcoholic" splits, "preterm" does not


def _swap(word: str, old: str, new: str) -> str | None:
    if word.startswith(_NOT_PARTS):
        return None
    if old.startswith("^"):
        return new[1:] + word[len(old) - 1:] if word.startswith(old[1:]) else None
    return word.replace(old, new) if old in word else None


def spelling_variants(word: str) -> list[str]:
    """Other spellings of ``word`` (British ↔ American)."""
    return list(_variants(word))


@lru_cache(maxsize=100_000)  # (the disease vocabulary asks for its names' words once each at start: ~40,000 calls)
def _variants(word: str) -> tuple[str, ...]:
    out = []
    for british, american in _PARTS:
        if (v := _swap(word, british, american)) is not None:
            out.append(v)
        elif (v := _swap(word, american, british)) is not None:
            out.append(v)
    if (z := _ize(word)) != word:
        out.append(z)
    elif (m := _IZE.match(word)) is not None:
        out.append(f"{m['base']}is{m['end']}")
    return tuple(v for v in dict.fromkeys(out) if v != word)


def _ize(word: str) -> str:
    m = _ISE.match(word)
    if m is None or m["base"].endswith(_NOT_ISE):
        return word
    return f"{m['base']}iz{m['end']}"


def american(word: str) -> str:
    """``word`` in American spelling ("hyponatraemia" → "hyponatremia", "randomised" → "randomized"; unchanged if
    it is)."""
    for british, us in _PARTS:
        if (v := _swap(word, british, us)) is not None:
            word = v
    return _ize(word)


def split_prefix(word: str) -> tuple[str, str] | None:
    """("non", "alcoholic") for "nonalcoholic". Only "non" is split back out of a joined word:
    "prevention", "pregnancy", "posterior" would split into nonsense ("pre vention")."""
    rest = word[3:]
    if word.startswith("non") and len(rest) >= _MIN_REST and rest.isalpha():
        return "non", rest
    return None


def joined_pairs(tokens: list[str]) -> list[tuple[int, str]]:
    """(index of the prefix token, joined word) for each prefix token followed by a word of five
    letters or more: "post", "traumatic" → (i, "posttraumatic")."""
    return [(i, tokens[i] + tokens[i + 1]) for i in range(len(tokens) - 1)
            if tokens[i] in PREFIXES and len(tokens[i + 1]) >= _MIN_REST and tokens[i + 1].isalpha()]
