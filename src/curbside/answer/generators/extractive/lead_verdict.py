"""The bottom line of a yes or no agrees with its verdict: it is the sentence the verdict rests on, not one that reads
the other way or says less of what was asked (``lead_with_deciding``)."""

from __future__ import annotations

from collections.abc import Sequence

from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import Candidate
from curbside.answer.generators.extractive.cues import LEANS_ON_BEFORE
from curbside.answer.generators.extractive.guideline_vote import (
    GUIDELINE_CUE,
    INDIVIDUAL_DECISION,
    INSUFFICIENT_EVIDENCE,
    ONLY_SOME_PATIENTS,
    vote_polarity,
)
from curbside.answer.generators.extractive.verdict_result import VerdictResult
from curbside.records import Kind, Verdict


def lead_with_deciding(chosen: Plan, found: Sequence[Candidate], result: VerdictResult) -> None:
    """A guideline vote's yes or no leads with a recommendation that says so, not one that says
    the opposite ("… recommends not screening all other adults" under *Yes* to screening heavy
    smokers): the bottom line and the verdict must agree. An *Uncertain* that guidelines leave to an
    individual decision leads with the recommendation that says so. (A recommendation that only reads the same way
    from a passage the vote did not count — "… should be treated by anticoagulation without removal of the catheter"
    under *No* to a new catheter straight away — does not say so; a study's finding that agrees does. A yes or no's
    deciding sentence voted for it, as asked: "… should be delayed until 48 hours after …" is a no to "straight
    away".)"""
    bottom = chosen.bottom
    # (… nor by a sentence that neither finds nor advises: "Most medicines used to treat osteoarthritis have side
    # effects …" under *Yes* to stopping ibuprofen before a hip replacement, which a trial's finding decided)
    aside = not (bottom.method or bottom.background or bottom.conclusion or bottom.recommendation)
    if (result.cues != (GUIDELINE_CUE,) and (bottom.method or bottom.background or aside)
            and result.verdict is not Verdict.UNCERTAIN):
        # (a study's yes or no is said by its finding, not by how it was done: "Patient and family history,
        # pretreatment electrocardiogram (ECG), heart rate, and blood pressure were evaluated …" under *No* to a routine
        # ECG, where the same study's "Pretreatment ECG is of limited value …" decided it)
        # (… for an aside, the deciding sentence said as a finding or advice — from another document only for a health
        # page's aside: a research snippet's statement is no surer a finding than another study's, and BioASQ's ideal
        # answers are closer to the one leading)
        said = next((c for c in found if result.deciding and c.text == result.deciding[0]
                     and (c.hit.document.id == bottom.hit.document.id
                          or (aside and bottom.hit.document.kind is Kind.CONSUMER))
                     and (c.conclusion or c.recommendation or not aside) and not (c.method or c.background)), None)
        if said is not None and said is not bottom:
            promote(chosen, said)
        return
    if (result.cues != (GUIDELINE_CUE,) and result.verdict is not Verdict.UNCERTAIN and result.deciding
            and bottom.recommendation and not bottom.conclusion):
        # (a study's yes or no is said by its conclusion, not by a recommendation that says less of what was asked, or
        # reads the other way:
        # "We conclude that routine CXR after bronchoscopy with TBB is necessary only in patients with symptoms …" under
        # *No* to a routine chest X-ray, not ACCP's "… confirmed by the least invasive method …" on small cell cancer)
        opposite = vote_polarity(bottom.text) not in (result.verdict, Verdict.UNCERTAIN)
        said = next((c for c in found if c.text == result.deciding[0] and c.conclusion
                     and c.hit.document.kind not in (Kind.GUIDELINE, Kind.CONSUMER)
                     and not (c.method or c.background) and (opposite or c.own > bottom.own)), None)
        if said is not None and said is not bottom:
            promote(chosen, said)
        return
    # (… and one that guidelines find the evidence too thin to decide leads with the statement that says so, not a
    # sentence on another question that happens to read as uncertain: the USPSTF's I statement on screening for thyroid
    # dysfunction, not ASRM's "There is insufficient evidence that SCH … is associated with infertility")
    insufficient = result.note == INSUFFICIENT_EVIDENCE
    if (result.cues != (GUIDELINE_CUE,) or not result.deciding
            or (result.verdict is Verdict.UNCERTAIN
                and result.note not in (INDIVIDUAL_DECISION, ONLY_SOME_PATIENTS, INSUFFICIENT_EVIDENCE))
            or (vote_polarity(bottom.text) is result.verdict
                and (bottom.evidence in result.basis or not (bottom.recommendation or insufficient)))):
        return
    deciding = next((c for c in found if c.text == result.deciding[0]), None)
    if deciding is not None and LEANS_ON_BEFORE.match(deciding.text):
        # (a deciding sentence that qualifies the one before it is led by that one, which it is quoted with:
        # "Clinicians might offer oral anticoagulation to patients with NVAF who have dementia or occasional falls.
        # However, clinicians should counsel …", not "However, …" alone)
        before = deciding
        deciding = next((c for c in found if c.hit.passage.id == before.hit.passage.id
                         and c.position == before.position - 1 and not c.dangling), None)
    if deciding is None or deciding is chosen.bottom or (result.verdict is Verdict.UNCERTAIN
                                                         and vote_polarity(deciding.text) is not result.verdict):
        return
    promote(chosen, deciding)


def promote(chosen: Plan, lead: Candidate) -> None:
    """``lead`` becomes the bottom line, the old one the first bullet; nowhere else does it stay (a "not recommended"
    that leads is no pitfall below it too)."""
    for side in (chosen.body, chosen.pitfalls, chosen.escalation):
        if lead in side:
            side.remove(lead)
    chosen.body.insert(0, chosen.bottom)
    chosen.bottom = lead


__all__ = ["lead_with_deciding", "promote"]
