"""Draft + evidence → Answer: resolve and verify every citation, number references by first
use, attach safety notices and the disclaimer, and stamp what produced the answer.

A generator cites evidence by position; here each position becomes a passage id and a
reference number. Citations that do not resolve are dropped. Every sentence is then checked
against its cited passages by the support judge it is given (``answer/support.py``: overlap,
numbers with units, drug names, negation, optionally similarity) — the same for every
generator. Unsupported sentences are removed, citations no sentence needs are pruned, each
bullet records its support, and the answer records the judge (``verified_by``); notes say what
was removed. A bullet left without a sentence or a resolving citation goes; if the bottom line
falls, the strongest remaining bullet takes its place.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from curbside.answer.citations import check_bullet
from curbside.answer.gaps import gaps_notice
from curbside.answer.generators.base import Draft, DraftBullet
from curbside.answer.safety import disclaimer, dosing_notice
from curbside.answer.support import SupportJudge
from curbside.records import Answer, AnswerSection, Audience, Bullet, Hit, Reference, SafetyNotice

INSUFFICIENT = "The knowledge base has too little evidence on this question to answer it."


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_answer_id() -> str:
    return uuid.uuid4().hex[:16]


def reference_title(hit: Hit) -> str:
    """The document title, or the opening words of an untitled record (labelled as such)."""
    doc = hit.document
    if doc.title.strip():
        return doc.title.strip()
    words = hit.passage.text.split()
    opening = " ".join(words[:14]) + ("…" if len(words) > 14 else "")
    return f"Untitled record: “{opening}”"


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n].rstrip() + "…"


class _Numbering:
    def __init__(self, evidence: Sequence[Hit], judge: SupportJudge) -> None:
        self.evidence = evidence
        self.judge = judge
        self.by_doc: dict[str, int] = {}
        self.passages: dict[int, list[str]] = {}
        self.hits: dict[int, Hit] = {}
        self.notes: list[str] = []

    def bullet(self, draft: DraftBullet) -> Bullet | None:
        valid = [i for i in dict.fromkeys(draft.evidence) if isinstance(i, int) and 1 <= i <= len(self.evidence)]
        if len(valid) < len(draft.evidence):
            self.notes.append(f"dropped {len(draft.evidence) - len(valid)} citation(s) that did not resolve")
        text = draft.text.strip()
        if not valid or not text:
            if text:
                self.notes.append(f"removed an uncited statement: {_clip(text)}")
            return None
        hits = [self.evidence[i - 1] for i in valid]
        checked = check_bullet(text, [h.passage.text for h in hits], self.judge)
        for dropped in checked.dropped:
            what = "statement" if not checked.text else "sentence"
            self.notes.append(f"removed a {what} that failed verification ({'; '.join(dropped.problems)}): "
                              f"{_clip(dropped.sentence)}")
        if not checked.text:
            return None
        if checked.pruned:
            self.notes.append(f"removed {checked.pruned} citation(s) that did not support their statement")
        hits = [hits[i] for i in checked.cited]
        numbers: list[int] = []
        for hit in hits:
            n = self.by_doc.setdefault(hit.document.id, len(self.by_doc) + 1)
            self.hits.setdefault(n, hit)
            ids = self.passages.setdefault(n, [])
            if hit.passage.id not in ids:
                ids.append(hit.passage.id)
            if n not in numbers:
                numbers.append(n)
        return Bullet(checked.text, tuple(numbers), tuple(h.passage.id for h in hits), round(checked.support, 3))

    def references(self) -> tuple[Reference, ...]:
        out = []
        for doc_id, n in sorted(self.by_doc.items(), key=lambda kv: kv[1]):
            hit = self.hits[n]
            doc = hit.document
            out.append(Reference(number=n, document_id=doc_id, kind=doc.kind, title=reference_title(hit),
                                 issuer=doc.issuer, year=doc.year, url=doc.url, pmid=doc.pmid,
                                 passage_ids=tuple(self.passages[n])))
        return tuple(out)


def compose(
    question: str, draft: Draft, evidence: Sequence[Hit], *, audience: Audience, generator: str,
    safety: Sequence[SafetyNotice] = (), settings_fingerprint: str = "", kb_state: str = "",
    follow_up_of: str | None = None, follow_ups: Sequence[str] = (), notes: Sequence[str] = (),
    answer_id: str | None = None, created_at: str | None = None, judge: SupportJudge | None = None,
) -> Answer:
    """``judge``: what verifies every sentence (default: lexical + strict checks)."""
    judge = judge or SupportJudge()
    numbering = _Numbering(evidence, judge)
    if draft.insufficient:  # a statement about the knowledge base, not a claim from evidence
        bottom: Bullet | None = Bullet(draft.bottom_line.text or INSUFFICIENT)
    else:
        bottom = numbering.bullet(draft.bottom_line) if draft.bottom_line.text else None
    sections = []
    for section in draft.sections:
        bullets = tuple(b for b in (numbering.bullet(d) for d in section.bullets) if b is not None)
        if bullets:
            sections.append(AnswerSection(section.title, bullets))
    pitfalls = tuple(b for b in (numbering.bullet(d) for d in draft.pitfalls) if b is not None)
    escalation = tuple(b for b in (numbering.bullet(d) for d in draft.escalation) if b is not None)
    if bottom is None and sections:  # promote the strongest remaining bullet
        first, *rest = sections[0].bullets
        bottom = first
        sections = ([AnswerSection(sections[0].title, tuple(rest))] if rest else []) + sections[1:]
    insufficient = draft.insufficient or bottom is None
    if bottom is None:
        bottom = Bullet(INSUFFICIENT)
    all_bullets = [bottom, *(b for s in sections for b in s.bullets), *pitfalls, *escalation]
    notices = list(safety)
    # (not over an answer that abstains: the closest passages it shows are said not to answer, and a notice on checking
    # their doses reads as if they did — "… 180 mg …" beside "the knowledge base has nothing on bempedoic acid")
    dosing = None if insufficient else dosing_notice(all_bullets, audience)
    if dosing is not None:
        notices.append(dosing)
    if not insufficient and (gaps := gaps_notice(question, all_bullets, audience)) is not None:
        notices.append(gaps)
    stamp = created_at or now()
    return Answer(
        id=answer_id or new_answer_id(), question=question, audience=audience, bottom_line=bottom,
        sections=tuple(sections), pitfalls=pitfalls, escalation=escalation,
        references=numbering.references(), safety=tuple(notices),
        disclaimer=disclaimer(audience, generator), generator=generator, created_at=stamp,
        verdict=draft.verdict if not insufficient else None, insufficient=insufficient,
        follow_up_of=follow_up_of, follow_ups=tuple(follow_ups), settings_fingerprint=settings_fingerprint,
        kb_state=kb_state, notes=tuple(dict.fromkeys([*draft.notes, *notes, *numbering.notes])),
        updated_at=stamp, verified_by=judge.name,  # read after checking: a judge whose embedder failed says so
    )
