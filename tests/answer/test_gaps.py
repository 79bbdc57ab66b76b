"""A several-part question whose answer does not mention one of its parts says so (held-out check18: 8 of 11
answered questions left a part unanswered without a word)."""

from __future__ import annotations

from curbside.answer.compose import compose
from curbside.answer.gaps import gaps_notice, unmentioned_parts
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.render import to_markdown
from curbside.records import Audience, Bullet
from tests.answer.realtext import text_hit

MENINGOCOCCAL = ("A 3-year-old who attends daycare was admitted overnight with meningococcal septicaemia. Which "
                 "contacts need chemoprophylaxis, and what drug and dose should they get?")
TREATMENT = ("Give parenteral antibiotics to children with suspected meningococcal disease at the earliest "
             "opportunity (either benzylpenicillin or a third-generation cephalosporin).")


def test_a_part_none_of_whose_own_words_the_answer_mentions_is_named() -> None:
    assert unmentioned_parts(MENINGOCOCCAL, [Bullet(TREATMENT)]) == ["Which contacts need chemoprophylaxis"]
    # ("what drug and dose should they get" has no words of its own beyond the frame: it is not judged)
    said = Bullet("Chemoprophylaxis with rifampicin is recommended for household and close contacts.")
    assert unmentioned_parts(MENINGOCOCCAL, [Bullet(TREATMENT), said]) == []
    # (nor is "is it really necessary" or "what happens if I say no": check21's induction question had been told
    # the answer did not mention them)
    induction = ("I'm 41 weeks with my first baby. The midwife wants to book me in to be induced. Is it really "
                 "necessary, and what happens if I say no?")
    offered = Bullet("Offer induction of labour to women with uncomplicated pregnancies between 41+0 and 42+0 weeks.")
    assert unmentioned_parts(induction, [offered]) == []


def test_another_wording_of_a_parts_word_mentions_it() -> None:
    stroke = Bullet("Women who have migraines with aura have a higher risk of stroke with the use of "
                    "estrogen-containing contraceptive.")
    assert unmentioned_parts("Is migraine with aura a stroke risk, and what about the combined pill?", [stroke]) == []
    assert unmentioned_parts("Is migraine with aura a stroke risk, and what about hormone therapy?", [stroke]) == [
        "what about hormone therapy"]


def test_a_question_of_one_part_is_never_flagged() -> None:
    assert unmentioned_parts("How is chronic hepatitis B treated?", [Bullet("Rest well.")]) == []
    assert gaps_notice("How is chronic hepatitis B treated?", [Bullet("Rest well.")], Audience.CLINICIAN) is None


def test_the_notice_is_shown_with_the_answer_and_worded_for_its_reader() -> None:
    hit = text_hit("ngc:9891#40", "Feverish illness in children: assessment and initial management in children "
                   "younger than 5 years.", "Recommendations", TREATMENT)
    draft = Draft(DraftBullet(TREATMENT, (1,)), (DraftSection("Management", ()),))
    answer = compose(MENINGOCOCCAL, draft, [hit], audience=Audience.CLINICIAN, generator="test")
    gaps = [n for n in answer.safety if n.kind == "gaps"]
    assert len(gaps) == 1 and "“Which contacts need chemoprophylaxis”" in gaps[0].message
    assert "**Not covered:**" in to_markdown(answer)
    patient = gaps_notice(MENINGOCOCCAL, [Bullet(TREATMENT)], Audience.PATIENT)
    assert patient is not None and "Ask your doctor" in patient.message
    # (an abstention says what is missing its own way)
    empty = compose(MENINGOCOCCAL, Draft(DraftBullet("", ()), (), insufficient=True), [hit],
                    audience=Audience.CLINICIAN, generator="test")
    assert not [n for n in empty.safety if n.kind == "gaps"]
