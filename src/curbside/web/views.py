"""Data shared by the API and the pages: each page's JSON twin is built here, once.

Also the answer page's citation links: every superscript points at the passage it cites
(``/documents/<id>?passage=<pid>#passage-<n>``) and carries that passage's text for hover.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curbside import __version__
from curbside.answer.render.common import VERDICT_LABELS, escalation_title, pitfalls_title, safety_label
from curbside.records import Answer, Bullet, Document, Passage, Reference, ReviewEvent
from curbside.review import allowed_next
from curbside.review.states import STEPS
from curbside.settings import Settings
from curbside.store import Store
from curbside.web.templating import answer_url, doc_url

TIP_CHARS = 600


def document_dict(doc: Document, passages: list[Passage]) -> dict[str, Any]:
    return {
        "id": doc.id, "kind": doc.kind.value, "kind_label": doc.kind.label, "title": doc.title,
        "source": doc.source, "issuer": doc.issuer, "year": doc.year, "url": doc.url, "pmid": doc.pmid,
        "doi": doc.doi, "pmcid": doc.pmcid, "mesh": list(doc.mesh), "publication_types": list(doc.publication_types),
        "license": doc.license, "retrieved_at": doc.retrieved_at,
        "passages": [{"id": p.id, "ordinal": p.ordinal, "section": p.section, "text": p.text, "start": p.start,
                      "end": p.end, "url": doc_url(doc.id, p.id, p.ordinal)} for p in passages],
    }


def answer_summary(answer: Answer) -> dict[str, Any]:
    return {
        "id": answer.id, "question": answer.question, "audience": answer.audience.value,
        "status": answer.status.value, "status_label": answer.status.label,
        "bottom_line": answer.bottom_line.text, "follow_up_of": answer.follow_up_of,
        "created_at": answer.created_at, "updated_at": answer.updated_at or answer.created_at,
        "url": answer_url(answer.id),
    }


def event_dict(event: ReviewEvent) -> dict[str, Any]:
    return {"id": event.id, "from_status": event.from_status.value if event.from_status else None,
            "to_status": event.to_status.value, "actor": event.actor, "note": event.note, "at": event.at}


def review_dict(store: Store, answer_id: str) -> dict[str, Any]:
    status = store.answer_status(answer_id)
    return {"answer_id": answer_id, "status": status.value, "status_label": status.label,
            "allowed_next": [s.value for s in allowed_next(status)],
            "events": [event_dict(e) for e in store.review_history(answer_id)]}


def stats_dict(store: Store, settings: Settings) -> dict[str, Any]:
    return {
        **store.counts(), "revision": store.revision, "kb_state": store.state(),
        "by_kind": store.counts_by_kind(), "by_source": store.counts_by_source(),
        "vectors": store.vector_models(), "answers_by_status": store.count_answers_by_status(),
        "retriever": settings.retriever, "generator": settings.generator, "version": __version__,
    }


@dataclass(frozen=True, slots=True)
class Cite:
    number: int
    href: str
    tip: str  # the cited passage, for hover / focus
    label: str  # accessible name


class AnswerView:
    """What the answer template needs beyond the Answer itself."""

    def __init__(self, store: Store, answer: Answer, history: list[ReviewEvent]) -> None:
        self.answer = answer
        self.history = history
        self.refs: dict[int, Reference] = {r.number: r for r in answer.references}
        ids = [pid for b in self._bullets() for pid in b.passage_ids]
        ids += [pid for r in answer.references for pid in r.passage_ids]
        self.passages: dict[str, Passage] = store.passages_by_ids(ids)
        self.steps = STEPS
        self.next_statuses = allowed_next(answer.status)
        self.pitfalls_title = pitfalls_title(answer)
        self.escalation_title = escalation_title(answer)
        self.verdict_label = VERDICT_LABELS[answer.verdict] if answer.verdict else ""
        self.safety_label = safety_label

    def _bullets(self) -> list[Bullet]:
        a = self.answer
        return [a.bottom_line, *(b for s in a.sections for b in s.bullets), *a.pitfalls, *a.escalation]

    def passage_for(self, ref: Reference, bullet: Bullet | None = None) -> Passage | None:
        candidates = [*(bullet.passage_ids if bullet else ()), *ref.passage_ids]
        for pid in candidates:
            p = self.passages.get(pid)
            if p is not None and p.doc_id == ref.document_id:
                return p
        return None

    def cites(self, bullet: Bullet) -> list[Cite]:
        out = []
        for n in bullet.citations:
            ref = self.refs.get(n)
            if ref is None:
                out.append(Cite(n, f"#ref-{n}", "", f"reference {n}"))
                continue
            p = self.passage_for(ref, bullet)
            tip = (p.text if len(p.text) <= TIP_CHARS else p.text[:TIP_CHARS].rstrip() + "…") if p else ref.title
            href = doc_url(ref.document_id, p.id, p.ordinal) if p else doc_url(ref.document_id)
            out.append(Cite(n, href, tip, f"reference {n}: {ref.title}"))
        return out

    def ref_href(self, ref: Reference) -> str:
        p = self.passage_for(ref)
        return doc_url(ref.document_id, p.id, p.ordinal) if p else doc_url(ref.document_id)

    @property
    def approved(self) -> bool:
        return self.answer.status.value == "approved"

    @property
    def updated(self) -> str:
        return self.answer.updated_at or self.answer.created_at
