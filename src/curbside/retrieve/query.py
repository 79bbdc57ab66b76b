"""Turn a user's question into a safe FTS5 query.

Every term is emitted as a quoted FTS5 string, so quotes, hyphens, colons, ``NEAR``/``AND``/
``OR``/``NOT`` and ``*`` in a question are plain words, never syntax (no errors, no injection).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from curbside.errors import QueryError

# question scaffolding and function words that only dilute bm25
STOPWORDS = frozenset(
    """a an the of in on at to for from by with without and or not no nor is are was were be been being
    do does did done doing have has had having what which who whom whose when where why how whether
    this that these those it its it's their there then than so such as if into about over under
    can could should would may might must shall will i me my we our ours you your he she they them his her hers him
    most more less least very much many any some all each every other others also only just per
    vs versus via among between during before after while use used using best appropriate
    onto upon reasonable""".split()
) | frozenset(  # contractions: "Does that mean I'll definitely get diabetes?" asks nothing about "I'll"
    [f"{pronoun}'{ending}" for pronoun in "i you we they he she it that there what who where how here let".split()
     for ending in ("ll", "re", "ve", "d", "m", "s")]
    + """don't doesn't didn't can't won't wouldn't couldn't shouldn't isn't aren't wasn't weren't hasn't haven't
    hadn't mustn't needn't""".split()
    # … typed with a typographic apostrophe, which splits a word ("I’ll" → "i", "ll"; "Mackler’s" → "mackler", "s",
    # as the index reads "Mackler’s triad": read whole, "mackler's" would not match "Mackler triad")
    + ["ll", "re", "ve"]
)

_TOKEN = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
MAX_TERMS = 64


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    text: str  # normalised text
    terms: tuple[str, ...]  # content terms, in order, unique
    expansions: tuple[str, ...] = ()  # synonym phrases added by expansion

    def phrases(self) -> list[str]:
        """Quoted FTS5 strings: the terms, then the synonym phrases (unique, in order)."""
        return list(dict.fromkeys([_quote(t) for t in self.terms] + [_quote(p) for p in self.expansions]))

    def fts(self) -> str:
        """FTS5 MATCH expression: OR of quoted terms and quoted synonym phrases."""
        return " OR ".join(self.phrases())


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())


def tokenize(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    if not folded.isascii():  # accents go ("Sjögren" is "sjogren"); read run by run, not character by character
        folded = _NON_ASCII.sub(_without_marks, folded)
    return _TOKEN.findall(folded)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _without_marks(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


_DEGREES = frozenset({"degree", "degrees"})


def unit_degree(tokens: list[str], i: int) -> bool:
    """``tokens[i]`` is the unit of the number before it: "360-degree fusion" is the "360° fusion" a guideline
    writes, and the unit is no word of its own."""
    return tokens[i] in _DEGREES and i > 0 and tokens[i - 1].isdigit()


def parse_query(text: str, *, max_chars: int = 2000) -> ParsedQuery:
    norm = normalise(text)
    if not norm:
        raise QueryError("the question is empty")
    if len(norm) > max_chars:
        raise QueryError(f"the question is too long ({len(norm)} characters; at most {max_chars})")
    tokens = tokenize(norm)
    terms = [t for i, t in enumerate(tokens) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())
             and not unit_degree(tokens, i)]
    if not terms:  # a question made only of function words: fall back to every token
        terms = [t for t in tokens if t]
    if not terms:
        raise QueryError("the question has no searchable words")
    return ParsedQuery(text=norm, terms=tuple(dict.fromkeys(terms))[:MAX_TERMS])
