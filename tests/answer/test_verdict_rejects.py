"""A yes/no question built on a claim the closest evidence contradicts reads no: the evidence says
the opposite about the same thing ("promotes" for "inhibit"), or the question claims a universal
("only", "never", "the same") the evidence does not affirm. Texts modelled on BioASQ snippets."""

from __future__ import annotations

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.verdict_cues import opposite_terms, raises_harm
from curbside.records import Audience, Document, Hit, Kind, Passage, Section, Verdict


def _snippet(passage_id: str, text: str) -> Hit:
    doc_id, ordinal = passage_id.split("#")
    document = Document(id=doc_id, kind=Kind.OTHER, title="", sections=(Section("", text),), source="test",
                        issuer="", year=2020)
    return Hit(Passage(passage_id, doc_id, int(ordinal), "", text, 0, len(text)), document, 10.0)


def _verdict(question: str, *texts: str) -> Verdict | None:
    hits = [_snippet(f"bioasq:{n}#0", text) for n, text in enumerate(texts, 1)]
    return ExtractiveGenerator().generate(question, hits, Audience.CLINICIAN).verdict


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("Is apelin usually decreased in diabetes?",
     "Plasma apelin concentrations are usually increased during obesity and type 2 diabetes.",
     ("decreased", "increased")),
    ("Is deletion at 6q24.2-26 associated with shorter survival for ovarian cancer patients?",
     "Deletion at 6q24.2-26 predicts longer survival of ovarian cancer patients.", ("shorter", "longer")),
    ("Is Keutel syndrome a common genetic disorder?",
     "Keutel syndrome is a rare genetic disease hallmarked by abnormal calcification.", ("common", "rare")),
    # the opposite said of something else is no contradiction: less leakage is not fewer risk factors
    ("Are there risk factors that increase the rate of staple line leakage?",
     "Efforts should focus on a further reduction of serious complications.", None),
    # the evidence uses the question's own word too: it may say both ways
    ("Does drug X increase insulin secretion?",
     "Drug X increased insulin secretion in islets but decreased insulin secretion in beta cell lines.", None),
    # a question naming both sides claims neither
    ("Is drug X an activator or an inhibitor of kinase Y?", "Drug X is a potent inhibitor of kinase Y.", None),
])
def test_opposite_terms(question: str, text: str, expected: tuple[str, str] | None) -> None:
    assert opposite_terms(question, text) == expected


def test_evidence_saying_the_opposite_of_the_question_reads_no() -> None:
    finding = "RUNX2 promotes astrocyte differentiation from neural precursor cells in the spinal cord."
    assert _verdict("Does RUNX2 inhibit astrocyte differentiation?", finding) is Verdict.NO
    assert _verdict("Does RUNX2 promote astrocyte differentiation?", finding) is Verdict.YES  # what it says


def test_a_universal_claim_the_evidence_does_not_affirm_reads_no() -> None:
    verdict = _verdict("Do only changes in coding regions of MEF2C cause developmental disorders?",
                       "Non-coding region variants upstream of MEF2C cause severe developmental disorder through "
                       "three distinct loss-of-function mechanisms.")
    assert verdict is Verdict.NO
    # … unless the evidence itself speaks universally
    assert _verdict("Is protein X expressed only in the testis?",
                    "Protein X is expressed exclusively in the testis of adult mice.") is Verdict.YES


# the PubMedQA abstract's conclusion (PMID 17621202), asked as check39 asked it
_SHAVING = ("The shaving of the incision site immediately before spinal surgery may increase the rate of "
            "postoperative infection.")


def test_a_finding_that_doing_it_raises_a_harm_answers_whether_to_do_it_no() -> None:
    assert _verdict("Should the skin at the incision site be shaved immediately before spinal surgery?",
                    _SHAVING) is Verdict.NO
    assert _verdict("Is it necessary to shave the incision site immediately before spinal surgery?",
                    _SHAVING) is Verdict.NO


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("Should the skin at the incision site be shaved immediately before spinal surgery?", _SHAVING, True),
    # a question about the harm itself is answered by the finding: yes, it does
    ("Does shaving the incision site before spinal surgery increase the rate of postoperative infection?",
     _SHAVING, False),
    ("Should the incision site be shaved, given the risk of infection, before spinal surgery?", _SHAVING, False),
    # a finding that it does not raise the harm, or one about something else, is no such answer
    ("Should the skin at the incision site be shaved immediately before spinal surgery?",
     "Shaving the incision site immediately before spinal surgery did not increase the rate of infection.", False),
    ("Should the skin at the incision site be shaved immediately before spinal surgery?",
     "Obesity may increase the rate of postoperative infection.", False),
    ("Should antibiotics be given after spinal surgery?",
     "Antibiotics given after spinal surgery reduced the rate of wound infection.", False),
])
def test_raises_harm(question: str, text: str, expected: bool) -> None:
    assert raises_harm(question, text) is expected
