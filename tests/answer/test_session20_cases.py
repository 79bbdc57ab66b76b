"""Questions put as cases, session 20: a question that asks about the sentence before it on its own ("The registrar
wants to start the high-dose methylprednisolone protocol. Should we, and …?") asks that sentence; a disease named as
what a test looks for ("should we get her allergy tested?") is not what a case is about; "us" in "the GP gave us" is
a pronoun, not ultrasound."""

from __future__ import annotations

from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.text import stem
from curbside.answer.vignette import asking, case_terms

SPINAL = ("24-year-old man dived into a shallow lake this afternoon and is now in resus with a C5 burst fracture and "
          "an incomplete cord injury (ASIA C); BP 88/50, HR 52, no head injury, otherwise stable. The orthopaedic "
          "registrar wants to start the high-dose methylprednisolone protocol. Should we, and what blood pressure "
          "should I be aiming for over the next few days?")
ECZEMA = ("My 6-year-old's eczema clears up nicely with the steroid cream the GP gave us, but within a week or two of "
          "stopping it's back in the same places, her elbow creases and behind her knees. I hate keeping her on "
          "steroids. Is there a way to stop it coming back all the time, and should we cut out dairy or get her "
          "allergy tested?")


def test_a_question_that_asks_about_the_sentence_before_it() -> None:
    asked = asking(SPINAL)
    assert asked.startswith("The orthopaedic registrar wants to start the high-dose methylprednisolone protocol.")
    words = case_terms(SPINAL)
    assert stem("methylprednisolone") not in words and stem("protocol") not in words
    assert {stem("resus"), stem("lake")} <= words  # (the case stays a case)


def test_a_question_that_asks_on_its_own_keeps_its_case() -> None:
    question = ("52-year-old man is on day 10 of severe gallstone pancreatitis with infected necrosis. The surgical "
                "registrar wants to do an open necrosectomy tomorrow. Should we wait and drain it first?")
    assert asking(question) == "Should we wait and drain it first?"


def test_a_disease_a_test_looks_for_is_not_what_the_case_is_about() -> None:
    topics = {word for wordings in Scope.of(ECZEMA).topics for form in wordings for word in form}
    assert stem("eczema") in topics
    # (a disease the question asks about still is: the case's others are findings)
    headache = ("28-year-old woman with a BMI of 38 has daily headaches and papilloedema. How should her idiopathic "
                "intracranial hypertension be treated?")
    topics = {word for wordings in Scope.of(headache).topics for form in wordings for word in form}
    assert stem("hypertension") in topics and stem("headache") not in topics


def test_us_is_a_pronoun_unless_written_as_ultrasound() -> None:
    assert "us" not in analyse(ECZEMA).terms
    assert "us" in analyse("Is US as accurate as CT for suspected appendicitis in children?").terms
