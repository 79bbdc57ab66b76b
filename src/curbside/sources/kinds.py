"""Evidence kind from what a source tells us: PubMed publication types, or cues in the text.

Publication types are curated by NLM indexers and win when they say something specific. Text
cues are a fallback for sources without them (PubMedQA, BioASQ, BEIR, user files) and for older
MEDLINE records that predate the "Observational Study" / "Systematic Review" types.

Title cues are trusted more than body cues: an abstract that *mentions* randomised trials in its
background is not itself a trial, so body cues are phrased as what the authors did ("patients
were randomly assigned", "we searched MEDLINE"), not topics they mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from curbside.records import Kind

# Strongest first: when several types apply, the first match wins.
_PUBTYPE_KINDS: tuple[tuple[Kind, frozenset[str]], ...] = (
    (Kind.GUIDELINE, frozenset({
        "practice guideline", "guideline", "consensus development conference",
        "consensus development conference, nih",
    })),
    (Kind.SYSTEMATIC_REVIEW, frozenset({"systematic review", "meta-analysis", "network meta-analysis"})),
    (Kind.RCT, frozenset({
        "randomized controlled trial", "controlled clinical trial", "clinical trial",
        "clinical trial, phase i", "clinical trial, phase ii", "clinical trial, phase iii",
        "clinical trial, phase iv", "pragmatic clinical trial", "equivalence trial",
        "adaptive clinical trial", "randomized controlled trial, veterinary",
        "clinical trial, veterinary",
    })),
    # Comparative/Multicenter/Evaluation studies are weak signals, but in practice they tag
    # clinical comparisons far more often than anything weaker than observational evidence.
    (Kind.OBSERVATIONAL, frozenset({
        "observational study", "observational study, veterinary", "twin study",
        "comparative study", "multicenter study", "evaluation study",
    })),
    (Kind.CASE_REPORT, frozenset({"case reports"})),
    (Kind.REVIEW, frozenset({"review", "scoping review", "systematic review protocol"})),
)
# Publication types that say "this is not a study": text cues must not promote them.
_NOT_STUDIES = frozenset({
    "editorial", "comment", "letter", "news", "newspaper article", "published erratum",
    "retraction of publication", "retracted publication", "expression of concern", "biography",
    "interview", "lecture", "portrait", "historical article", "corrected and republished article",
})

_I = re.IGNORECASE
_TITLE_CUES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (Kind.SYSTEMATIC_REVIEW, re.compile(r"systematic(ally)?[- ]review|meta-?analy[sz]|umbrella review", _I)),
    (Kind.RCT, re.compile(
        r"randomi[sz]ed|placebo[- ]controlled|(controlled|clinical|phase [i1-4v]+) trial", _I)),
    (Kind.OBSERVATIONAL, re.compile(
        r"cohort|case[- ]control|cross[- ]sectional|retrospective|prospective|observational|"
        r"registry|population[- ]based|longitudinal stud", _I)),
    (Kind.CASE_REPORT, re.compile(r"case report|\ba case of\b|: a case\b|report of (a|two|three) cases?", _I)),
    (Kind.REVIEW, re.compile(r"\breview\b|\boverview\b|state of the art|\bupdate on\b", _I)),
)
# Body cues: (kind, trigger substrings, pattern). The pattern only runs when a trigger occurs in
# the lower-cased body; substring tests are ~50x cheaper than a regex scan of a whole abstract.
_TEXT_CUES: tuple[tuple[Kind, tuple[str, ...], re.Pattern[str]], ...] = (
    (Kind.SYSTEMATIC_REVIEW, ("systematic", "meta-analy", "metaanaly", "searched", "search of", "effect",
                              "pooled"), re.compile(
        r"systematic review and meta-?analy|we (conducted|performed|undertook|carried out) a "
        r"(systematic|meta-?analy)|this (systematic review|meta-?analysis)|(searched|search of) "
        r"(the )?(medline|pubmed|embase|cochrane|cinahl|web of science)|(random|fixed)[- ]effects? "
        r"(model|meta)|pooled (relative risk|odds ratio|risk ratio|hazard ratio|estimate)")),
    (Kind.RCT, ("randomi", "randomly", "placebo"), re.compile(
        r"(were|was) randomi[sz]ed|randomly (assigned|allocated)|we randomi[sz]ed|"
        r"underwent randomi[sz]ation|placebo[- ]controlled|"
        r"\b(this|our|the present|a)\b[\w ,-]{0,40}?randomi[sz]ed,? (controlled |clinical |crossover )?"
        r"(trial|study)")),
    (Kind.OBSERVATIONAL, ("retrospective", "prospective", "cohort", "case-control", "case control",
                          "cross-sectional", "cross sectional", "population", "observational",
                          "registry", "medical records"), re.compile(
        r"\b(retrospective|prospective)(ly)? (cohort|study|analysis|review|collected)|cohort study|"
        r"case[- ]control study|cross[- ]sectional (study|survey|analysis)|population[- ]based|"
        r"observational study|registry (data|study)|medical records (of|were reviewed)|"
        r"we (retrospectively|prospectively) (reviewed|analy[sz]ed|studied|enrolled)")),
    (Kind.CASE_REPORT, ("year-old", "we report", "we describe", "we present"), re.compile(
        r"we (report|describe|present) (a|an|the) (case|\d+-year-old|patient|unusual|rare)|"
        r"\ba \d+-year-old (man|woman|boy|girl|male|female|patient)\b")),
)
_GUIDELINE_TITLE = re.compile(
    r"guideline|recommendations|consensus statement|practice parameter|position statement|"
    r"clinical practice|standards of (medical )?care", _I)
_GUIDELINE_TEXT = re.compile(
    r"\bwe (strongly |conditionally )?(recommend|suggest)\b|\bis (strongly )?recommended\b|"
    r"\b(strong|weak|conditional) recommendation|\bthis guideline\b|\brecommendation \d|"
    r"\b(grade|level of evidence|strength of recommendation)[ :]+[a-d1-4]\b|"
    r"\bguideline (development|panel|group|committee)", _I)
_TEXT_LIMIT = 20000  # cues sit in the first pages; bounding keeps regexes cheap on long files


def kind_from_publication_types(types: Iterable[str]) -> Kind:
    """Kind from PubMed PublicationType names (strongest matching type wins)."""
    lowered = {t.strip().lower() for t in types}
    for kind, names in _PUBTYPE_KINDS:
        if lowered & names:
            return kind
    return Kind.OTHER


def is_non_study(types: Iterable[str]) -> bool:
    """Editorials, letters, errata…: publication types that text cues must not override."""
    return any(t.strip().lower() in _NOT_STUDIES for t in types)


def kind_from_text(title: str, text: str = "", *, guideline_cues: bool = False) -> Kind:
    """Best guess of a document's kind from its title and body.

    ``guideline_cues`` enables GUIDELINE detection ("guideline" in the title, or repeated "we
    recommend…" in the body); off for research abstracts, which often *discuss* guidelines.
    """
    body = text[:_TEXT_LIMIT]
    if guideline_cues and (_GUIDELINE_TITLE.search(title) or len(_GUIDELINE_TEXT.findall(body)) >= 2):
        return Kind.GUIDELINE
    for kind, pattern in _TITLE_CUES:
        if pattern.search(title):
            # "Review" in a title loses to concrete design cues in the body ("we searched MEDLINE").
            if kind is Kind.REVIEW:
                return _body_kind(body, stronger_than=Kind.REVIEW) or Kind.REVIEW
            return kind
    return _body_kind(body) or Kind.OTHER


def _body_kind(body: str, stronger_than: Kind | None = None) -> Kind | None:
    lowered = body.lower()
    for kind, triggers, pattern in _TEXT_CUES:
        if stronger_than is not None and kind.level > stronger_than.level:
            continue
        if any(t in lowered for t in triggers) and pattern.search(lowered):
            return kind
    return None


def upgrade(kind: Kind, candidate: Kind) -> Kind:
    """The stronger (lower evidence level) of two kinds; ties keep ``kind``."""
    order = list(Kind)
    return candidate if order.index(candidate) < order.index(kind) else kind
