"""Abbreviations a text defines ("overactive bladder (OAB)"), with their long forms: the evidence
names a disease by its initials once it has defined them (``population.Scope.topic_abbreviations``)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from curbside.answer.text import content_stems

# an abbreviation defined in the text: "overactive bladder (OAB)", "atopic dermatitis (AD)" — the brackets
# found first, then the words before them (a pattern that starts at every word is slow on long passages)
_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_PLAIN_WORD = re.compile(r"[A-Za-z][\w'-]*")
_WORD_TAIL = re.compile(r"[A-Za-z][\w'-]*$")


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations ``text`` defines, with their long forms: the shortest run of words before the
    brackets whose first word starts with the abbreviation's first letter and whose letters hold
    the abbreviation's in order (Schwartz & Hearst's rule, simplified)."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        before = text[max(0, m.start() - 200):m.start()]
        if not before or not before[-1].isspace():
            continue
        words: list[str] = []
        for token in reversed(before.split()):
            if len(words) == 8:
                break
            if not _PLAIN_WORD.fullmatch(token):
                # the run starts inside a token: "(magnetic" → "magnetic", "5,10-methylenetetrahydrofolate" →
                # "methylenetetrahydrofolate"
                if tail := _WORD_TAIL.search(token):
                    words.append(tail.group())
                break
            words.append(token)
        words.reverse()
        abbr = m.group(1)
        letters = abbr.lower()
        for start in range(len(words) - 1, -1, -1):
            if len(words) - start > len(letters) + 2:
                break
            phrase = " ".join(words[start:]).lower()
            if phrase[0] == letters[0] and _in_order(letters[1:], phrase[1:]):
                out[abbr] = " ".join(words[start:])
                break
    return out


def _in_order(letters: str, text: str) -> bool:
    at = 0
    for letter in letters:
        at = text.find(letter, at) + 1
        if not at:
            return False
    return True


def asked_abbreviations(asked: Collection[str], definitions: Iterable[Mapping[str, str]],
                        wordings: Collection[frozenset[str]] = ()) -> dict[str, str]:
    """Of the abbreviations some texts define (``defined_abbreviations`` of each), those whose long form the question
    says in words of its own (``asked``: its content stems), two words or more: a guideline that has defined
    "single-dose vial (SDV)" goes on to say "SDVs must never be used for multiple patients", which answers a question
    on drawing doses for several patients from one single-dose vial. The first definition of each is kept. Not letters
    the question uses itself ("Is periampullary carcinoma (PAC) …?"): passages that use them are found by them, and
    the search that found them found others that use them for something else ("the child and/or PAC"). The letters
    must be the long form's initials: "Deciphering Developmental Disorders (DDD)" is not read as "developmental
    disorders (DDD)", though those letters are in it in order. A long form that is another wording of what the question
    says (``wordings``, stem sets: "Wada test" is the "intracarotid amobarbital procedure (IAP)") counts as said."""
    out: dict[str, str] = {}
    for found in definitions:
        for abbr, long_form in found.items():
            stems = set(content_stems(long_form))
            if (abbr not in out and len(stems) >= _LONG_FORM_WORDS and (stems <= set(asked) or stems in wordings)
                    and _initials(long_form) == abbr.lower().removesuffix("s") and not _letters(abbr) & set(asked)):
                out[abbr] = long_form
    return out


_LONG_FORM_WORDS = 2  # (one word and its initial, "(A)", would stand for any word that starts with the letter)


def _letters(abbr: str) -> set[str]:
    """An abbreviation as a question's stems may hold it: "CNV", "CNVs" ("cnvs": four letters keep their "s")."""
    bare = abbr.lower().removesuffix("s")
    return {bare, f"{bare}s", *content_stems(bare), *content_stems(f"{bare}s")}


def _initials(long_form: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s-]+", long_form.lower()) if word)
