from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.followups import suggest
from curbside.answer.questions import analyse
from curbside.errors import NotFoundError
from curbside.records import Audience
from curbside.settings import Settings
from curbside.store import Store


def test_follow_up_answers_in_the_context_of_the_earlier_question(kb: Store, settings: Settings) -> None:
    first = ask(kb, settings, "How should proximal hamstring tendinopathy be managed?")
    # on its own this question names no condition; the earlier question supplies it
    follow = ask(kb, settings, "What about drugs and their doses?", follow_up_of=first.id)
    assert follow.follow_up_of == first.id
    assert not follow.insufficient
    texts = [follow.bottom_line.text, *(b.text for s in follow.sections for b in s.bullets)]
    assert any("ibuprofen" in t for t in texts)
    assert kb.follow_ups_of(first.id) == [follow.id]


def test_unknown_follow_up_id(kb: Store, settings: Settings) -> None:
    with pytest.raises(NotFoundError):
        ask(kb, settings, "and in athletes?", follow_up_of="does-not-exist")


def test_suggested_follow_ups_skip_what_was_asked() -> None:
    info = analyse("How is hypertension treated in adults?")
    suggestions = suggest(info, Audience.CLINICIAN)
    assert suggestions and all("hypertension" in q for q in suggestions)
    assert not any("first-line management" in q for q in suggestions)
    assert suggest(analyse("What are the symptoms of shingles?"), Audience.PATIENT)[0].startswith("How is shingles")


def test_no_suggestions_without_a_recognised_topic() -> None:
    assert suggest(analyse("Which factor is inhibited by milvexian?"), Audience.CLINICIAN) == ()
