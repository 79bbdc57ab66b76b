"""Frozen records that flow through curbside: documents, passages, hits, answers.

Ids are stable: source ids where the source has them (``pmid:123``, ``doi:10.…``,
``medquad:…``, ``ngc:…``) and content hashes otherwise, so re-ingesting is idempotent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Kind of evidence, from strongest to weakest in the usual hierarchy."""

    GUIDELINE = "guideline"
    SYSTEMATIC_REVIEW = "systematic_review"
    RCT = "rct"
    OBSERVATIONAL = "observational"
    CASE_REPORT = "case_report"
    REVIEW = "review"
    CONSUMER = "consumer_health"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def level(self) -> int:
        """Evidence level, 1 (strongest) … 5; used by retrieval priors and reference ranking."""
        return _KIND_LEVELS[self]


_KIND_LABELS = {
    Kind.GUIDELINE: "Guideline",
    Kind.SYSTEMATIC_REVIEW: "Systematic review",
    Kind.RCT: "Trial",
    Kind.OBSERVATIONAL: "Observational",
    Kind.CASE_REPORT: "Case report",
    Kind.REVIEW: "Review",
    Kind.CONSUMER: "Consumer health",
    Kind.OTHER: "Research",
}
_KIND_LEVELS = {
    Kind.GUIDELINE: 1,
    Kind.SYSTEMATIC_REVIEW: 1,
    Kind.RCT: 2,
    Kind.OBSERVATIONAL: 3,
    Kind.CASE_REPORT: 4,
    Kind.REVIEW: 4,
    Kind.CONSUMER: 4,
    Kind.OTHER: 5,
}


def content_hash(*parts: str) -> str:
    """Short, stable hash of text parts (ids for sources without their own ids)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Section:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    kind: Kind
    title: str
    sections: tuple[Section, ...]
    source: str  # parser that produced it: pubmed, pmc, beir, medquad, ngc, uspstf, file …
    issuer: str = ""  # journal for articles, issuing organisation for guidelines
    year: int | None = None
    url: str = ""
    pmid: str = ""
    doi: str = ""
    pmcid: str = ""
    mesh: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()
    license: str = ""
    retrieved_at: str = ""  # ISO-8601 UTC

    @property
    def text(self) -> str:
        """The document body that passage offsets point into."""
        return SECTION_SEPARATOR.join(s.text for s in self.sections)

    def fingerprint(self) -> str:
        """Hash of everything stored; a changed fingerprint means refresh in place."""
        return content_hash(
            self.id, self.kind.value, self.title, self.source, self.issuer, str(self.year),
            self.url, self.pmid, self.doi, self.pmcid, "|".join(self.mesh),
            "|".join(self.publication_types), self.license,
            *(f"{s.label}\x1e{s.text}" for s in self.sections),
        )


SECTION_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Passage:
    id: str  # f"{doc_id}#{ordinal}"
    doc_id: str
    ordinal: int
    section: str
    text: str
    start: int  # char offsets into Document.text
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """One retrieved passage with the document it belongs to and how it scored."""

    passage: Passage
    document: Document
    score: float
    scores: dict[str, float] = field(default_factory=dict)  # per stage: lexical, dense, fused…


# ---------------------------------------------------------------- answers

class Audience(StrEnum):
    CLINICIAN = "clinician"
    PATIENT = "patient"


class Verdict(StrEnum):
    YES = "yes"
    NO = "no"
    UNCERTAIN = "uncertain"


class ReviewStatus(StrEnum):
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """One recorded move of an answer from one review status to another."""

    id: int
    answer_id: str
    from_status: ReviewStatus | None
    to_status: ReviewStatus
    actor: str
    note: str
    at: str  # ISO-8601 UTC


@dataclass(frozen=True, slots=True)
class Bullet:
    """One claim: text and the reference numbers (and passages) it rests on."""

    text: str
    citations: tuple[int, ...] = ()
    passage_ids: tuple[str, ...] = ()
    support: float | None = None  # verification score of text vs cited passages


@dataclass(frozen=True, slots=True)
class AnswerSection:
    title: str
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    number: int
    document_id: str
    kind: Kind
    title: str
    issuer: str = ""
    year: int | None = None
    url: str = ""
    pmid: str = ""
    passage_ids: tuple[str, ...] = ()
    fetched_live: bool = False


@dataclass(frozen=True, slots=True)
class SafetyNotice:
    kind: str  # "emergency", "crisis", "dosing"…
    message: str


@dataclass(frozen=True, slots=True)
class Answer:
    id: str
    question: str
    audience: Audience
    bottom_line: Bullet
    sections: tuple[AnswerSection, ...]
    pitfalls: tuple[Bullet, ...]
    escalation: tuple[Bullet, ...]
    references: tuple[Reference, ...]
    safety: tuple[SafetyNotice, ...]
    disclaimer: str
    generator: str
    created_at: str
    verdict: Verdict | None = None
    insufficient: bool = False
    follow_up_of: str | None = None
    follow_ups: tuple[str, ...] = ()  # suggested next questions
    settings_fingerprint: str = ""
    kb_state: str = ""
    verified_by: str = ""  # the support judge that checked every sentence, e.g. "lexical+strict"
    notes: tuple[str, ...] = ()  # e.g. "fell back to extractive", "fetched live from PubMed"
    updated_at: str = ""
    status: ReviewStatus = ReviewStatus.SUBMITTED
