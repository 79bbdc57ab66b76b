"""Readability: Flesch–Kincaid grade level (our own implementation; no dependency).

grade = 0.39 · words/sentences + 11.8 · syllables/words − 15.59. Syllables are counted with the
usual vowel-group heuristic (silent final "e", "-le" endings, at least one per word).
"""

from __future__ import annotations

import re
from functools import lru_cache

from curbside.sentences import sentences

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    w = word.lower()
    if len(w) <= 3:
        return 1
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith(("ed", "es")) and not w.endswith(("ted", "ded", "ses", "zes", "ces", "ges")) and count > 1:
        count -= 1
    return max(1, count)


def fk_grade(text: str) -> float:
    """Flesch–Kincaid grade of ``text`` (0.0 for text without words)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    n_sentences = max(1, len(sentences(text)))
    n_syllables = sum(syllables(w) for w in words)
    return 0.39 * len(words) / n_sentences + 11.8 * n_syllables / len(words) - 15.59
