"""Sentence splitting tuned for biomedical prose (abbreviations, decimals, "et al.", "vs.")."""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "e.g", "i.e", "et al", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "figs", "no", "approx", "ca",
    "cf", "etc", "st", "jr", "sr", "inc", "ltd", "co", "mg", "ml", "min", "max", "resp", "ref", "refs",
    "vol", "pp", "al", "sp", "spp", "var", "u.s", "dept", "univ", "eq", "incl", "mo", "yr", "yrs", "wk",
    "u.k",
}
# a sentence ends at . ! ? (optionally followed by quotes/brackets) then space and an upper-case
# letter, digit or opening bracket
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9(\[\"'])")
# … or, in what someone typed, a lower-case one too ("how long does a gout attack last?? my dad (61) woke up at 3am …
# he had a good few pints …"): a question is no prose whose abbreviations end in a full stop before a lower-case word
_TYPED_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Za-z0-9(\[\"'])")
_TRAILING_BRACKET = re.compile(r"(?P<bracket>\([^()\n]{1,40}\))[ \t]*\n\s*")


# a unit after a number ends a sentence ("… SpO2 95% on 2 L. What imaging …?", "… given 1 g. The next day …"): it is
# no initial ("J. Smith") nor an abbreviation the sentence goes on after
_UNIT_AFTER_NUMBER = re.compile(r"\d\s*(?:[a-zA-Z]|mg|ml|min|mo|wk|yrs?)\.\W*$")


def _after_number(before: str) -> bool:
    return bool(_UNIT_AFTER_NUMBER.search(before))


def split_sentences(text: str, *, typed: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``; whitespace between sentences is excluded. ``typed``: ``text`` is what
    someone typed (a question), whose sentences may begin in lower case."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in (_TYPED_BOUNDARY if typed else _BOUNDARY).finditer(text):
        if m.start() < start:
            continue  # (inside a trailing bracket already given to the sentence before)
        end = m.start()
        before = text[start:end]
        # ("… Food and Drug Administration (U.S. FDA)": an abbreviation opening a bracket is one too)
        last_word = before.rsplit(None, 1)[-1].rstrip(".!?\"')]").lstrip("([\"'").lower() if before.split() else ""
        if (last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())) and not _after_number(before):
            continue
        seg_end = end
        while seg_end > start and text[seg_end - 1].isspace():
            seg_end -= 1
        # keep the closing quote/bracket with the sentence
        close = m.group(0)
        trailing = len(close) - len(close.lstrip("\"')]"))
        seg_end = end + trailing
        # a bracket alone at the end of the line after a sentence is that sentence's ("… for the diagnosis of OSA.
        # (Strong)\nDiagnosis of OSA …"): an evidence grade, not the start of the next one
        grade = _TRAILING_BRACKET.match(text, m.end())
        if grade is not None:
            seg_end = grade.end("bracket")
        if seg_end > start:
            spans.append((start, seg_end))
        start = grade.end() if grade is not None else m.end()
    tail_end = n
    while tail_end > start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > start:
        spans.append((start, tail_end))
    return spans


def sentences(text: str, *, typed: bool = False) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, typed=typed)]
