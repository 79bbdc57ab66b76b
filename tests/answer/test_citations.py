from __future__ import annotations

from collections.abc import Sequence

import pytest

from curbside.answer import ask
from curbside.answer.compose import compose
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.records import Answer, Audience, Bullet, Hit
from curbside.retrieve import make_retriever
from curbside.settings import Settings
from curbside.store import Store

QUESTIONS = [
    ("How should proximal hamstring tendinopathy be managed?", Audience.CLINICIAN),
    ("What are the symptoms of shingles?", Audience.PATIENT),
    ("Does vitamin D supplementation reduce fractures in older adults?", Audience.CLINICIAN),
    ("Is statin use associated with breast cancer mortality?", Audience.PATIENT),
]


def _bullets(answer: Answer) -> list[Bullet]:
    return [answer.bottom_line, *(b for s in answer.sections for b in s.bullets), *answer.pitfalls,
            *answer.escalation]


@pytest.mark.parametrize(("question", "audience"), QUESTIONS)
def test_every_sentence_cites_and_every_citation_resolves(kb: Store, settings: Settings, question: str,
                                                          audience: Audience) -> None:
    answer = ask(kb, settings, question, audience=audience)
    refs = {r.number: r for r in answer.references}
    assert sorted(refs) == list(range(1, len(refs) + 1))
    for bullet in _bullets(answer):
        assert bullet.citations, bullet.text
        assert len(bullet.passage_ids) >= 1
        passages = kb.passages_by_ids(bullet.passage_ids)
        assert set(passages) == set(bullet.passage_ids)  # every passage is stored
        docs = {passages[p].doc_id for p in bullet.passage_ids}
        assert docs == {refs[n].document_id for n in bullet.citations}
        assert bullet.support is not None and bullet.support >= 0.6
        for ref_n in bullet.citations:
            assert set(bullet.passage_ids) & set(refs[ref_n].passage_ids)


@pytest.mark.parametrize(("question", "audience"), QUESTIONS)
def test_references_are_numbered_by_first_use(kb: Store, settings: Settings, question: str,
                                              audience: Audience) -> None:
    answer = ask(kb, settings, question, audience=audience)
    order: list[int] = []
    for bullet in _bullets(answer):
        for n in bullet.citations:
            if n not in order:
                order.append(n)
    assert order == list(range(1, len(order) + 1))
    assert {r.kind.label for r in answer.references} <= {"Guideline", "Trial", "Observational", "Consumer health"}


class ScriptedGenerator:
    """A fake generator that returns a fixed draft (for testing compose's verification)."""

    name = "scripted"

    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    def generate(self, question: str, evidence: Sequence[Hit], audience: Audience, context: str = "") -> Draft:
        return self.draft


def _evidence(kb: Store, settings: Settings) -> list[Hit]:
    return make_retriever(kb, settings).search("vitamin D fractures older adults", 3)


def test_compose_drops_unresolvable_and_unsupported_claims(kb: Store, settings: Settings) -> None:
    hits = _evidence(kb, settings)
    conclusion = next(i for i, h in enumerate(hits, 1) if "did not reduce" in h.passage.text)
    draft = Draft(
        bottom_line=DraftBullet("Vitamin D supplementation did not reduce fractures in older adults.", (conclusion,)),
        sections=(DraftSection("Evidence", (
            DraftBullet("Vitamin D halves the fracture rate at 5000 IU daily.", (conclusion,)),  # unsupported
            DraftBullet("Vitamin D supplementation did not reduce fractures.", (99,)),  # does not resolve
            DraftBullet("An uncited sentence about vitamin D.", ()),
        )),),
    )
    answer = compose("Does vitamin D reduce fractures?", draft, hits, audience=Audience.CLINICIAN,
                     generator="scripted")
    assert answer.bottom_line.citations == (1,)
    assert answer.sections == ()
    notes = " ".join(answer.notes)
    assert "did not resolve" in notes and "failed verification" in notes and "uncited" in notes


def test_compose_promotes_a_bullet_when_the_bottom_line_fails(kb: Store, settings: Settings) -> None:
    hits = _evidence(kb, settings)
    conclusion = next(i for i, h in enumerate(hits, 1) if "did not reduce" in h.passage.text)
    draft = Draft(
        bottom_line=DraftBullet("Vitamin D cures osteoporosis at 50000 IU.", (conclusion,)),
        sections=(DraftSection("Evidence", (
            DraftBullet("Vitamin D supplementation did not reduce the incidence of fractures.", (conclusion,)),)),),
    )
    answer = compose("q?", draft, hits, audience=Audience.CLINICIAN, generator="scripted")
    assert answer.bottom_line.text.startswith("Vitamin D supplementation did not")
    assert not answer.insufficient


def test_ask_uses_an_injected_generator_and_records_it(kb: Store, settings: Settings) -> None:
    hits = _evidence(kb, settings)
    draft = Draft(DraftBullet(hits[0].passage.text.split(". ")[0] + ".", (1,)), (), generator="scripted-v0")
    answer = ask(kb, settings, "Does vitamin D supplementation reduce fractures in older adults?",
                 generator=ScriptedGenerator(draft))
    assert answer.generator == "scripted-v0"
    assert answer.settings_fingerprint == settings.fingerprint()
    assert answer.kb_state == kb.state()
