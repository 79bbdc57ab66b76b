"""Session 22: what closeness in meaning needs besides the model (answer/closeness.py): which words name a disease, a
drug or a procedure and how a recommendation close to the question votes."""

from __future__ import annotations

from dataclasses import replace

from curbside.answer.evidence import CLOSE_SCORE
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.guideline_vote import guideline_verdict
from curbside.answer.lexicon import medical_name
from curbside.answer.patient_facts import operated
from curbside.answer.synonyms import alternatives
from curbside.records import Verdict
from tests.answer.realtext import ranked, text_hit


def test_what_names_a_disease_a_drug_or_a_procedure() -> None:
    assert all(map(medical_name, ["pancreaticoduodenectomy", "ibuprofen", "Humira", "psoriasis", "colonoscopy"]))
    assert not any(map(medical_name, ["rectal", "sicker", "boot", "nasty", "ultrasound"]))

def test_a_recommendation_close_to_the_question_votes_at_the_subjects_share() -> None:
    # (review set check20: "Should primary care clinicians perform routine whole-body skin examinations to screen
    # asymptomatic adults for skin cancer?" read *No* from the conclusion model; the USPSTF's I statement names too
    # little of the question's wording to vote, yet it is what the question, answered on closeness, is about)
    statement = extract([text_hit(
        "ngc:11023#7", "Final recommendation statement: skin cancer: screening.", "Major Recommendations",
        "The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and harms of "
        "visual skin examination by a clinician to screen for skin cancer in adolescents and adults.")])
    ranked(statement, own=0.42)
    assert guideline_verdict(statement) is None  # (below the share a recommendation needs to vote)
    close = statement[0]
    close.hit = replace(close.hit, scores={**close.hit.scores, CLOSE_SCORE: 0.70})
    result = guideline_verdict([close])
    assert result is not None and result.verdict is Verdict.UNCERTAIN


def test_chemo_is_chemotherapy() -> None:
    # (check37: "Will chemo now harm my baby …?" missed BSH's "Delaying commencement of chemotherapy until post-delivery
    # would not be standard practice …" and was answered, on closeness, from a page on the second half of pregnancy)
    assert frozenset({"chemotherapy"}) in alternatives(["chemo"])["chemo"]


def test_a_recommendation_for_those_having_the_operation_does_not_answer_for_one_who_is_not() -> None:
    # (review set check16: *Yes* to platelets for aspirin-associated haemorrhage "who is not going to surgery" from the
    # recommendation for those who will undergo a neurosurgical procedure)
    question = ("Should I transfuse platelets in a patient on aspirin with a spontaneous intracerebral haemorrhage who "
                "is not going to surgery?")
    title = "Guideline for reversal of antithrombotics in intracranial hemorrhage."
    operating, not_operating = extract([
        text_hit("ngc:10943#73", title, "Major Recommendations", "The authors suggest platelet transfusion for "
                 "patients with aspirin- or adenosine diphosphate (ADP) inhibitor-associated intracranial hemorrhage "
                 "who will undergo a neurosurgical procedure. (Conditional recommendation, moderate-quality of "
                 "evidence)"),
        text_hit("ngc:10943#72", title, "Major Recommendations", "The authors suggest against platelet transfusion "
                 "for patients with antiplatelet-associated intracranial hemorrhage who will not undergo a "
                 "neurosurgical procedure, regardless of the type of platelet inhibitor, platelet function testing, "
                 "hemorrhage volume, or neurological exam. (Conditional recommendation, low-quality evidence)")])
    ranked([operating, not_operating])
    assert (operated(question), operated(operating.text), operated(not_operating.text)) == (False, True, False)
    result = guideline_verdict([operating, not_operating], question=question)
    assert result is not None and result.verdict is Verdict.NO
    assert operated("Exercise helps to prevent surgery.") is None
