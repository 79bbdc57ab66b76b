"""Cases answered on closeness in meaning (answer/closeness.py) from the guideline close to them: its recommendations
join the evidence, it is read as about the case whichever of the case's diseases it names, and a patient's other
disease does not bar it. Real NGC guideline text and the packaged MiniLM weights; the cases are from the held-out set
check37 (benchmarks/questions/clinical-check37.txt), each of which abstained."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.embed.minilm import MINILM_PACKAGE
from curbside.records import Answer, Verdict
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.conftest import needs_weights

pytestmark = needs_weights(MINILM_PACKAGE, "MiniLM")

CROHNS = ("34-year-old woman with ileocaecal Crohn's disease had her second ileocolic resection 5 weeks ago for a "
          'fibrotic stricture, with clear margins and an anastomosis reachable by colonoscopy. She had been on '
          'adalimumab until 3 months before surgery, still smokes 15 cigarettes a day and has B12 injections; she is '
          'now symptom-free with a normal CRP. The surgical team has started mesalazine 2.4 g daily and plans no '
          'further follow-up unless her symptoms come back, and she asks whether a probiotic would do instead. Does '
          'she need postoperative drug prophylaxis and with what, how should she be monitored, and what should happen '
          'if a colonoscopy shows recurrence while she still feels well?')
SHORT_BOWEL = ('5-month-old boy born at 29 weeks has short bowel syndrome after resection for necrotising '
               'enterocolitis, with about 35 cm of small bowel left; he is dependent on parenteral nutrition through '
               'a tunnelled central line and tolerates only small volumes of enteral feed. His conjugated bilirubin '
               'has risen to 98 µmol/L with an ALT of 140 U/L, and he has had two central-line bloodstream infections '
               'in 3 months. He receives soybean-based lipid emulsion at 3 g/kg/day and no enteral medicines. The '
               'local team plans to keep the lipid dose unchanged to protect his growth, treat each line infection as '
               'it comes and manage him locally. What should be changed to treat his PN-associated liver disease and '
               'prevent further line infections, and where should he be managed?')
SEPSIS = ('79-year-old man from a care home, with type 2 diabetes on metformin, polymyalgia rheumatica on '
          'prednisolone 7.5 mg daily and a long-term urinary catheter, is brought to the emergency department because '
          'his daughter says he has been "not himself" and off his legs since yesterday. He is newly confused (AMT '
          '5/10), temperature 36.1 °C, HR 112, RR 26, BP 96/58 (usually about 140/80) and SpO2 93% on air; the '
          'catheter bag holds a little dark, cloudy urine, venous lactate is 3.4 mmol/L and creatinine 168 µmol/L '
          '(baseline 85). The triage note says "afebrile – sepsis unlikely", and the plan is oral fluids, a catheter '
          'urine sample and waiting for the CRP before deciding on antibiotics. How should his sepsis risk be '
          'stratified, what needs to happen within the first hour, and when should a consultant or critical care be '
          'involved?')
# (an absent topic, acute angle-closure glaucoma: ADA's diabetes guideline is close to the patient's diabetes)
ANGLE_CLOSURE = ('67-year-old long-sighted woman with type 2 diabetes on metformin and hypertension on amlodipine '
                 'presents to ED at 10 pm with 3 hours of a severely painful red right eye, blurred vision with '
                 'haloes around lights, headache and vomiting; the right pupil is mid-dilated and unreactive, the '
                 'cornea is hazy and the IOP is 58 mmHg (left 16). The on-call ophthalmologist is 90 minutes away. '
                 'What should I give her now to bring the pressure down, and what definitive treatment will she need '
                 'for both eyes?')


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # AGA on Crohn's disease after resection (ngc-11136), A.S.P.E.N. on intestinal failure in children (ngc-10471),
    # NICE NG51 on sepsis (ngc-11019), and what retrieval also finds for them: NICE DG22 (TNF-α monitoring), AGA on
    # induction in Crohn's, SCCM/A.S.P.E.N. on nutrition in adult critical care, ACR on chronic liver disease, a
    # diabetes guideline (ngc-10548); and ASRM on metformin for ovulation induction in PCOS (ngc-11269)
    names = ("11136", "10922", "10216", "10471", "10952", "11019", "11332", "10548", "11269")
    return guideline_kb(tmp_path_factory, tuple(f"ngc-{n}.xml" for n in names))


def _ask(store: Store, question: str) -> Answer:
    return ask(store, Settings(kb=store.path, retriever="lexical", offline=True), question, save=False)


def _cited(answer: Answer) -> set[str]:
    return {p for b in (answer.bottom_line, *(b for s in answer.sections for b in s.bullets)) for p in b.passage_ids}


def test_a_case_is_answered_from_the_recommendations_of_the_guideline_close_to_it(kb: Store) -> None:
    answer = _ask(kb, CROHNS)
    assert not answer.insufficient
    assert any(note.startswith("answered on closeness in meaning") for note in answer.notes)
    assert [r.document_id for r in answer.references] == ["ngc:11136"]
    # (AGA: against mesalamine, budesonide or probiotics; early prophylaxis; endoscopy at 6 to 12 months)
    assert {"ngc:11136#11", "ngc:11136#7", "ngc:11136#12"} <= _cited(answer)


def test_a_guideline_close_to_a_case_is_about_it_whatever_disease_it_names(kb: Store) -> None:
    # (A.S.P.E.N. says "intestinal failure", never "short bowel syndrome" or "necrotising enterocolitis")
    answer = _ask(kb, SHORT_BOWEL)
    assert not answer.insufficient
    assert [r.document_id for r in answer.references] == ["ngc:10471"]
    assert "ngc:10471#7" in _cited(answer)  # (reduce soy-based lipid emulsion to 1 g/kg/d or less)


def test_a_patients_other_disease_does_not_bar_an_answer_on_closeness(kb: Store) -> None:
    # (the case's rarest word is "polymyalgia", which NICE's sepsis guideline never says)
    answer = _ask(kb, SEPSIS)
    assert not answer.insufficient
    assert [r.document_id for r in answer.references] == ["ngc:11019"]
    assert "ngc:11019#28" in _cited(answer)  # (high risk: fluids and antibiotics within the hour, critical care)


def test_a_passage_close_only_to_the_patients_other_disease_does_not_answer_the_case(kb: Store) -> None:
    # (the diabetes guideline's passage covers a fifth of the case's words, and next to nothing of what it asks)
    answer = _ask(kb, ANGLE_CLOSURE)
    assert answer.insufficient


def test_a_question_without_a_case_is_answered_from_the_close_passage_not_its_whole_guideline(kb: Store) -> None:
    # (ASRM's other sentences, read as on topic too, lead with "insufficient evidence to suggest that metformin alone
    # increases pregnancy rates …" and read *Uncertain*: the passage close to a short question is its answer)
    answer = _ask(kb, "Should metformin alone be used as the first-line drug for ovulation induction in an anovulatory "
                      "woman with PCOS who wants to conceive?")
    assert any(note.startswith("answered on closeness in meaning") for note in answer.notes)
    assert answer.bottom_line.text.startswith("Metformin alone should not be used as first-line therapy")
    assert answer.verdict is Verdict.NO
