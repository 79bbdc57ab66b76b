"""Abbreviations a text defines ("overactive bladder (OAB)"), with their long forms: the evidence
names a disease by its initials once it has defined them (``population.Scope.topic_abbreviations``)."""

from __future__ import annotations

import re

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
