"""Session 22: what closeness in meaning needs besides the model (answer/closeness.py): which words name a disease, a
drug or a procedure, how a recommendation close to the question votes, and the examples a question gives of a kind."""

from __future__ import annotations

from dataclasses import replace

from curbside.answer.evidence import CLOSE_SCORE
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.guideline_vote import guideline_verdict
from curbside.answer.lexicon import medical_name
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats, example_instances
from curbside.answer.text import content_stems
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

def test_the_examples_a_question_gives_of_a_kind_name_it() -> None:
    # (check37: NICE's "… LightCycler SeptiFast Test MGRADE, SepsiTest and IRIDICA BAC BSI assay …" never says "PCR")
    question = ("Should PCR-based tests such as the LightCycler SeptiFast, SepsiTest or IRIDICA assays be adopted "
                "routinely alongside blood cultures?")
    instances = example_instances(question)
    assert instances["pcr"] == (frozenset({"lightcycl", "septifast"}), frozenset({"sepsitest"}),
                                frozenset({"iridica", "assay"}))
    assert example_instances("Is sperm DNA fragmentation testing (e.g., SCSA or TUNEL) recommended?")["frag"] == (
        frozenset({"scsa"}), frozenset({"tunel"}))
    terms = TermStats().terms(analyse(question))
    nice = set(content_stems("… of the LightCycler SeptiFast Test MGRADE, SepsiTest and IRIDICA BAC BSI assay"))
    assert "pcr" in terms.covered(frozenset(nice))
