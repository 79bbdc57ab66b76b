"""A PubMed query from a clinical question.

1. **Concepts.** The question is split at punctuation, stop words and generic question words
   ("treated", "patients", "effective"…); each remaining run of words is one concept
   ("breast cancer survivors"). At most ``MAX_CONCEPTS`` are kept, in question order.
2. **Synonyms.** Within a concept, known abbreviations and synonyms are ORed
   (``hypertension OR high blood pressure OR htn[tiab]``); concepts are ANDed. Untagged words
   go through PubMed's Automatic Term Mapping, which adds MeSH headings.
3. **Filters.** Evidence that answers questions — guidelines, systematic reviews,
   meta-analyses, randomised trials (publication-type tags) —, English, humans (excluding
   animal-only MeSH indexing, so not-yet-indexed articles stay in), with an abstract, and
   ``since`` a year. Results are sorted newest first (``sort=pub_date``).
4. **Relaxation.** When the strict query finds too little, ``relaxations()`` drops the evidence
   filter and then trailing concepts, so a narrow question still gets something to read.

Everything emitted is built from ``[a-z0-9-']`` tokens, so nothing in a question can inject
PubMed syntax.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from curbside.errors import QueryError
from curbside.literature.synonyms import MAX_PHRASE_WORDS, synonym_group
from curbside.retrieve.query import STOPWORDS

MAX_CONCEPTS = 4
MAX_ALTERNATIVES = 6
MIN_YEAR, MAX_YEAR = 1800, 2100

# Words that make a question a question but narrow a literature search badly when ANDed.
GENERIC = frozenset(
    """treat treats treated treating treatment treatments therapy therapies manage managed managing
    management patient patients people person persons individual individuals
    effect effects effective effectiveness efficacy efficacious benefit benefits beneficial
    risk risks reduce reduces reduced reducing increase increases increased improve improves
    improved help helps helpful work works cause causes caused prevent prevents prevented
    recommend recommended recommendation recommendations guideline guidelines evidence study studies
    trial trials research good bad better worse safe safety option options approach approaches
    role indicated indication indications first-line line first second options needed need needs
    start started starting stop stopped stopping take taking taken give given giving usual usually
    common commonly current currently new newer latest clinical clinically compared comparison
    associated association outcome outcomes""".split()
)
EVIDENCE_TYPES = (
    "practice guideline", "guideline", "consensus development conference", "systematic review",
    "meta-analysis", "randomized controlled trial",
)
SORTS = {"date": "pub_date", "relevance": "relevance"}

_CLAUSE = re.compile(r"[,;:?!()\[\]{}/\\|\"<>]+|\.(?:\s|$)")
_TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _render(alt: str) -> str:
    if " " not in alt and len(alt) <= 4 and alt.isalpha():
        return f"{alt}[tiab]"  # short abbreviations: title/abstract words, not term mapping
    return alt


@dataclass(frozen=True, slots=True)
class PubmedQuery:
    """A PubMed search: either concepts from a question or a query typed in PubMed syntax."""

    question: str
    concepts: tuple[tuple[str, ...], ...] = ()  # per concept: alternatives, as written first
    raw: str = ""  # PubMed syntax given verbatim (``pull --raw``)
    evidence_filter: bool = True
    english: bool = True
    humans: bool = True
    has_abstract: bool = True
    since: int | None = None
    sort: str = "pub_date"

    @property
    def term(self) -> str:
        parts: list[str] = []
        if self.raw:
            parts.append(f"({self.raw})" if self.since else self.raw)
        for alternatives in self.concepts:
            rendered = " OR ".join(_render(a) for a in alternatives)
            parts.append(f"({rendered})" if len(alternatives) > 1 or self.raw or len(self.concepts) > 1
                         else rendered)
        if not self.raw:
            if self.evidence_filter:
                parts.append("(" + " OR ".join(f'"{t}"[pt]' for t in EVIDENCE_TYPES) + ")")
            if self.english:
                parts.append("english[la]")
            if self.has_abstract:
                parts.append("hasabstract")
        if self.since:
            parts.append(f'("{self.since}"[dp] : "3000"[dp])')
        term = " AND ".join(parts)
        if self.humans and not self.raw:
            term += " NOT (animals[mh] NOT humans[mh])"
        return term

    def relaxations(self) -> list[PubmedQuery]:
        """This query, then broader ones to try in order when it finds too little."""
        if self.raw:
            return [self]
        out = [self]
        if self.evidence_filter:
            out.append(dataclasses.replace(self, evidence_filter=False))
        concepts = self.concepts
        while len(concepts) > 2:
            concepts = concepts[:-1]
            out.append(dataclasses.replace(self, evidence_filter=False, concepts=concepts))
        return out


def _runs(question: str) -> list[list[str]]:
    runs: list[list[str]] = []
    for clause in _CLAUSE.split(_fold(question)):
        current: list[str] = []
        for token in _TOKEN.findall(clause):
            if token in STOPWORDS or token in GENERIC:
                if current:
                    runs.append(current)
                current = []
            else:
                current.append(token)
        if current:
            runs.append(current)
    # lone numbers, single letters ("a", "b") carry no concept by themselves
    return [r for r in runs if not (len(r) == 1 and (r[0].isdigit() or len(r[0]) < 2))]


def _alternatives(words: list[str]) -> tuple[str, ...]:
    """The concept as written, plus versions with each known phrase swapped for its synonyms."""
    written = " ".join(words)
    alts = [written]
    n = len(words)
    for size in range(min(MAX_PHRASE_WORDS, n), 0, -1):
        for start in range(0, n - size + 1):
            phrase = " ".join(words[start : start + size])
            for other in synonym_group(phrase):
                if other == phrase:
                    continue
                alts.append(" ".join([*words[:start], other, *words[start + size :]]))
    return tuple(dict.fromkeys(alts))[:MAX_ALTERNATIVES]


def build_query(question: str, *, since: int | None = None, sort: str = "date") -> PubmedQuery:
    """The PubMed query for a clinical question (see the module docstring)."""
    _check_since(since)
    runs = _runs(question)
    if not runs:
        raise QueryError(f"no searchable concepts in {question.strip()[:80]!r}")
    concepts = tuple(_alternatives(r) for r in runs[:MAX_CONCEPTS])
    return PubmedQuery(question=question.strip(), concepts=concepts, since=since, sort=SORTS.get(sort, sort))


def raw_query(term: str, *, since: int | None = None, sort: str = "relevance") -> PubmedQuery:
    """A query in PubMed's own syntax, sent as typed (plus the ``since`` year)."""
    _check_since(since)
    if not term.strip():
        raise QueryError("the PubMed query is empty")
    return PubmedQuery(question=term.strip(), raw=term.strip(), since=since, sort=SORTS.get(sort, sort))


def _check_since(since: int | None) -> None:
    if since is not None and not MIN_YEAR <= since <= MAX_YEAR:
        raise QueryError(f"--since must be a year between {MIN_YEAR} and {MAX_YEAR}, not {since}")
