from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.render import to_markdown
from curbside.answer.safety import dosing_notice, red_flags
from curbside.records import Audience, Bullet
from curbside.settings import Settings
from curbside.store import Store


@pytest.mark.parametrize(
    ("question", "kind", "needle"),
    [
        ("I have crushing chest pain and I am short of breath", "emergency", "heart attack"),
        ("My mother suddenly has a drooping face and slurred speech", "emergency", "stroke"),
        ("I keep thinking about suicide, what can help?", "crisis", "988"),
        ("I want to end my life", "crisis", "988"),
        ("My son's lips are swelling after eating peanuts", "emergency", "anaphylaxis"),
        ("How is anaphylaxis managed in the emergency department?", "emergency", "anaphylaxis"),
        ("He took too many pills of paracetamol", "emergency", "1-800-222-1222"),
        # (check38: a toddler and a laundry capsule; a runner's collapse in the heat — neither had a notice)
        ("My 2-year-old got hold of one of those liquid laundry capsules about 10 minutes ago and bit into it.",
         "emergency", "poison"),
        ("2-year-old brought to the ED about an hour after probably swallowing a button battery from a TV remote",
         "emergency", "poison"),
        ("22-year-old man collapsed about 1 km from the finish of a half-marathon on a hot, humid morning",
         "emergency", "emergency number"),
    ],
)
def test_red_flags_match_emergencies(question: str, kind: str, needle: str) -> None:
    notices = red_flags(question, Audience.PATIENT)
    assert notices, question
    assert notices[0].kind == kind
    assert needle.lower() in " ".join(n.message for n in notices).lower()


@pytest.mark.parametrize("question", [
    "How is hypertension treated in adults?", "What is the dose of amoxicillin for otitis media?",
    "Does vitamin D reduce fractures?", "Is chest physiotherapy useful in bronchiolitis?",
    "Are laundry pods dangerous for toddlers?", "How can I prevent heat stroke when running in the summer?",
    "Vertebral body collapsed on MRI; is vertebroplasty indicated?",
])
def test_ordinary_questions_raise_no_flag(question: str) -> None:
    assert red_flags(question, Audience.CLINICIAN) == ()


def test_clinician_wording_differs_from_patient_wording() -> None:
    clinician = red_flags("signs of stroke: sudden weakness on one side", Audience.CLINICIAN)[0].message
    patient = red_flags("signs of stroke: sudden weakness on one side", Audience.PATIENT)[0].message
    assert clinician != patient and "emergency number" in patient


def test_dosing_notice_only_with_doses() -> None:
    assert dosing_notice([Bullet("Give ibuprofen 400 mg three times daily.", (1,))], Audience.CLINICIAN)
    assert dosing_notice([Bullet("Exercise reduces pain.", (1,))], Audience.CLINICIAN) is None


def test_emergency_notice_leads_the_answer(kb: Store, settings: Settings) -> None:
    answer = ask(kb, settings, "Sudden chest pain and sweating while running with proximal hamstring "
                               "tendinopathy: what should I do?", audience=Audience.PATIENT)
    assert answer.safety and answer.safety[0].kind == "emergency"
    md = to_markdown(answer)
    assert md.index("Seek urgent care") < md.index("Bottom line")


def test_suicidal_question_gets_crisis_resources_even_without_evidence(kb: Store, settings: Settings) -> None:
    answer = ask(kb, settings, "I have suicidal thoughts since my shingles started", audience=Audience.PATIENT)
    assert any(n.kind == "crisis" and "988" in n.message for n in answer.safety)


def test_every_answer_has_a_disclaimer(kb: Store, settings: Settings) -> None:
    for audience in Audience:
        answer = ask(kb, settings, "What are the symptoms of shingles?", audience=audience)
        assert answer.disclaimer
    assert "doctor" in answer.disclaimer  # patient wording: talk to your clinician


def test_dose_statement_keeps_source_units_and_adds_notice(kb: Store, settings: Settings) -> None:
    answer = ask(kb, settings, "Which drugs and doses help pain in proximal hamstring tendinopathy?")
    texts = [b.text for s in answer.sections for b in s.bullets] + [answer.bottom_line.text]
    assert any("400 mg three times daily" in t for t in texts)
    assert any(n.kind == "dosing" for n in answer.safety)


def test_no_verdict_on_a_described_emergency(kb: Store, settings: Settings) -> None:
    answer = ask(kb, settings, "I have crushing chest pain and feel sweaty, is early mobilisation after hip "
                               "fracture surgery the cause?", audience=Audience.PATIENT)
    assert answer.safety[0].kind == "emergency"
    assert answer.verdict is None
