"""Misspelt words searched as the knowledge base spells them.

Patients type "chylamdia", "allopurinal" and "amoxcicilin"; the knowledge base says chlamydia, allopurinol and
amoxicillin, and a word it has never seen can only make the answer abstain. A question word is respelt when
the knowledge base has no passage with it, it is not a drug name the brand table knows ("Saxenda" is a brand,
not a misspelling), and one word the knowledge base uses often enough is within a small edit distance of it
(optimal string alignment, so a swapped pair of letters is one edit) and starts with the same letter. Words
are compared as FTS5 indexes them (Porter stems), and the correction is written back as the knowledge base
writes it (a passage's own word). The answer says what was searched instead (``pipeline.ask``).

Two words the knowledge base writes as one are searched as one: "bed bugs" is MedlinePlus's "Bedbugs", whose
stem neither "bed" nor "bug" reaches (``joined``).

A word the dictionary holds is never respelt ("hes shattered" is not "scattered"): Debian's American English word
list, kept as ``data/english_words.txt``.

rapidfuzz does the edit distances: it is a well-kept C++ library, and the vocabulary (tens of thousands of
stems) is compared in milliseconds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from curbside.answer.terms import CHATTER
from curbside.drug_names import drug_names, generic_of
from curbside.retrieve.query import STOPWORDS
from curbside.spelling import PREFIXES
from curbside.store import Store

MIN_LENGTH = 6  # shorter words are too often abbreviations, slang or names to guess at ("tranq" is not "trans")
MIN_PASSAGES = 10  # the correction must be a word the knowledge base uses, not another rarity
_WORD = re.compile(rf"(?<![\w-])[A-Za-z]{{{MIN_LENGTH},}}(?![\w-])")


@dataclass(frozen=True)
class Respelling:
    wrote: str  # as the question has it
    meant: str  # as the knowledge base writes it


# what a word adds to its stem in another form of it (Porter stems: "treatabl" for "treatable")
_ENDINGS = frozenset("abl ibl abil ment ness li ing ed er ion iv al ic ist ism ous e s".split())


def _another_form(stem: str, other: str) -> bool:
    """One stem is the other with an ending ("treatabl" and "treat"), not a misspelling of it."""
    short, long = sorted((stem, other), key=len)
    return long.startswith(short) and long[len(short):] in _ENDINGS


def _named(text: str, m: re.Match[str]) -> bool:
    """The word ``m`` found is capitalised inside a sentence (not all capitals): a name, not a misspelling."""
    word = m.group(0)
    if not word[0].isupper() or word.isupper():
        return False
    before = text[:m.start()].rstrip()
    return bool(before) and before[-1] not in ".?!:;\"'(–—-"


def _same_letters(meant: str, wrote: str) -> bool:
    """A misspelling keeps most of the word's letters, in some order ("chylamdia", "ghonerrea"); another word
    close in spelling changes a syllable ("autorefraction" is not "autoreactive", nor "antirotation" "antidote")."""
    differ = sum(((Counter(meant) - Counter(wrote)) + (Counter(wrote) - Counter(meant))).values())
    return differ <= max(2, len(wrote) // 3)


def _allowed_edits(word: str) -> int:
    """Edits allowed for a word of this length: 1 up to 6 letters, 2 up to 8, 3 beyond."""
    return 1 if len(word) <= 6 else 2 if len(word) <= 8 else 3


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("porter")


def respell(store: Store, question: str, min_passages: int = MIN_PASSAGES) -> tuple[str, tuple[Respelling, ...]]:
    """``question`` with its misspelt words, and its words the knowledge base writes joined, written as the knowledge
    base writes them, and what was changed (``min_passages``: how many passages must use a correction)."""
    question, joins = joined(store, question)
    text, spelt = _respell(store, question, min_passages)
    return text, (*joins, *spelt)


JOINED_MIN = 2  # passages that write the two words as one: a page on bedbugs may say it twice (title and text)
_TOKEN = re.compile(r"[A-Za-z]+|[^A-Za-z\s]")


def joined(store: Store, question: str) -> tuple[str, tuple[Respelling, ...]]:
    """``question`` with each pair of words the knowledge base writes as one word more often than as two joined
    ("bed bugs" → "bedbugs"; "health care" stays, written apart as often as not). Only neighbouring words of three
    letters or more that are neither stopwords nor chatter, the first no prefix: "post stroke" stays, or the question
    would lose its stroke ("poststroke" is another stem), and search reads "post" joined to what follows anyway
    (``spelling.joined_pairs``)."""
    tokens = [m.group(0) for m in _TOKEN.finditer(question)]
    stem = _stemmer().stemWord
    # (… whose joined stem is neither word's: "inside red" joined is indexed as "insid", which is "inside")
    pairs = {f"{a} {b}": (a + b).lower() for a, b in zip(tokens, tokens[1:], strict=False)
             if a.isalpha() and b.isalpha() and len(a) >= 3 and len(b) >= 3
             and not {a.lower(), b.lower()} & (STOPWORDS | CHATTER) and a.lower() not in PREFIXES
             and stem((a + b).lower()) not in {stem(a.lower()), stem(b.lower())}}
    if not pairs:
        return question, ()
    counts = store.term_frequencies(pairs.values())
    written = {wrote: word for wrote, word in pairs.items() if counts.get(word, 0) >= JOINED_MIN}
    apart = store.term_frequencies(written) if written else {}
    out = [Respelling(wrote, word.capitalize() if wrote[0].isupper() else word)
           for wrote, word in written.items() if counts[word] > apart.get(wrote, 0)]
    for r in out:
        first, second = r.wrote.split()
        question = re.sub(rf"(?<![\w-]){first}\s+{second}(?![\w-])", r.meant, question)
    return question, tuple(out)


def _respell(store: Store, question: str, min_passages: int) -> tuple[str, tuple[Respelling, ...]]:
    # (conversational words are not misspelt medicine: "Alright" is not Albright, nor "wouldnt" "would")
    # (… nor is a word the dictionary holds, only one the knowledge base happens not to use: "hes shattered" is not
    # "scattered", nor "a painter" a "partner")
    unknown = [w for w in dict.fromkeys(m.group(0) for m in _WORD.finditer(question))
               if w.lower() not in STOPWORDS | CHATTER and generic_of(w) is None and w.lower() not in english_words()]
    if not unknown:
        return question, ()
    df = store.term_frequencies([w.lower() for w in unknown])
    unknown = [w for w in unknown if df.get(w.lower(), 0) == 0]
    if not unknown:
        return question, ()
    # (a capitalised word inside a sentence is a name — "trekking to Everest Base Camp" is not "Everted" — unless it is
    # a drug's: patients write "Allopurinal" as they see it on the box)
    named = {m.group(0) for m in _WORD.finditer(question) if _named(question, m)}
    out: list[Respelling] = []
    for word in unknown:
        stemmed = _stemmer().stemWord(word.lower())
        # (the same first letter; the nearest, then the commonest)
        vocabulary = store.vocabulary(min_passages, initial=stemmed[0])
        found = process.extract(stemmed, list(vocabulary), scorer=OSA.distance, score_cutoff=_allowed_edits(word),
                                limit=5)
        # (… and not another form of the same word: "treatable" is not a misspelling of "treated")
        near = sorted((score, -vocabulary[term], term) for term, score, _ in found
                      if not _another_form(stemmed, term))
        if not near:
            # (… or a drug name the brand table knows, which the knowledge base may write only as its generic:
            # "benedryl" is Benadryl, searched as diphenhydramine)
            # (… one whose generic the knowledge base writes: the table also holds oddities — "feritility" for
            # tocopherols — that a common word the knowledge base happens to lack must not become)
            if (drug := _drug_spelling(word.lower())) is not None and _written(store, generic_of(drug) or drug,
                                                                              min_passages):
                out.append(Respelling(word, drug.capitalize() if word[0].isupper() else drug))
            continue
        # (as passages most often write it; of those written as often, the nearest to what was typed)
        forms = store.surface_forms(near[0][2])
        if not forms:
            continue
        meant = min(forms, key=lambda form: (-forms[form], OSA.distance(form, word.lower())))
        if meant != word.lower() and _same_letters(meant, word.lower()) and (
                word not in named or generic_of(meant) is not None):
            out.append(Respelling(word, meant.capitalize() if word[0].isupper() else meant))
    text = question
    for r in out:
        text = re.sub(rf"(?<![\w-]){re.escape(r.wrote)}(?![\w-])", r.meant, text)
    return text, tuple(out)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Correctly spelt English words of ``MIN_LENGTH`` letters or more (``data/english_words.txt``, built by
    scripts/build_english_words.py from Debian's word list)."""
    text = files("curbside").joinpath("data/english_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=64)
def _drug_names(initial: str) -> tuple[str, ...]:
    return tuple(name for name in drug_names() if name[:1] == initial and name.isalpha())


def _drug_spelling(word: str) -> str | None:
    """The drug name (brand or generic) ``word`` misspells, by the same measure as the knowledge base's words."""
    found = process.extract(word, _drug_names(word[0]), scorer=OSA.distance, score_cutoff=_allowed_edits(word),
                            limit=3)
    near = sorted((score, name) for name, score, _ in found if _same_letters(name, word))
    return near[0][1] if near else None


def _written(store: Store, generic: str, min_passages: int) -> bool:
    words = generic.lower().split()
    return bool(words) and store.term_frequencies(words[:1]).get(words[0], 0) >= min_passages


def respelled_note(changes: tuple[Respelling, ...]) -> str:
    """What was searched instead, for the answer's notes."""
    said = ", ".join(f"“{r.meant}” for “{r.wrote}”" for r in changes)
    return f"searched for {said} (as the knowledge base writes it)"


__all__ = ["Respelling", "respell", "respelled_note"]
