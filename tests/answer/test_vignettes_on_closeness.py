"""Cases answered on closeness in meaning (answer/closeness.py) from the guideline close to them: its recommendations
join the evidence, it is read as about the case whichever of the case's diseases it names, and a patient's other
disease does not bar it. Real NGC guideline text and the packaged MiniLM weights; the cases are from the held-out set
check37 (benchmarks/questions/clinical-check37.txt), each of which abstained."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.evidence import CLOSE_DOCUMENT_SCORE, CLOSE_SCORE, TermStats
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.embed.minilm import MINILM_PACKAGE
from curbside.records import Answer, Audience, Hit, Verdict
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.answer.test_closeness import Abstaining
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
# (check38: its words are enough in BTS's guideline as a whole, yet no sentence says them: closeness finds one)
BRONCHOSCOPY = ('71-year-old man, an ex-smoker with COPD (FEV1 48% predicted) who uses tiotropium and a '
                'salmeterol/fluticasone inhaler, has a 3 cm right upper lobe mass on chest X-ray and has been booked '
                'directly for diagnostic flexible bronchoscopy with biopsies next week; no CT has been done. He had a '
                'drug-eluting coronary stent 14 months ago and still takes aspirin 75 mg and clopidogrel 75 mg. The '
                'booking letter tells him to continue both antiplatelets and to fast from midnight, and prescribes '
                'amoxicillin prophylaxis and atropine premedication; the unit routinely draws up 10 mg of midazolam '
                'and gives lidocaine by nebuliser, and he plans to drive himself home afterwards. What should be '
                'changed before and during this bronchoscopy, and what should he be told about aftercare?')
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
    # diabetes guideline (ngc-10548); ASRM on metformin for ovulation induction in PCOS (ngc-11269); BTS on
    # bronchoscopy (ngc-9984) with ICSI on stable coronary disease and two COPD guidelines
    names = ("11136", "10922", "10216", "10471", "10952", "11019", "11332", "10548", "11269", "9984", "9899", "10629",
             "11317")
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


def test_a_question_without_a_case_is_answered_from_the_passage_close_to_it(kb: Store) -> None:
    # (review set check25: its words fall short of ASRM's sentences, which say "metformin" and "ovulation induction" but
    # not "anovulatory" or "conceive"; the close one is its answer, *No*)
    answer = _ask(kb, "Should metformin alone be used as the first-line drug for ovulation induction in an anovulatory "
                      "woman with PCOS who wants to conceive?")
    assert any(note.startswith("answered on closeness in meaning") for note in answer.notes)
    assert answer.bottom_line.text.startswith("Metformin alone should not be used as first-line therapy")
    assert answer.verdict is Verdict.NO


def test_a_case_its_guideline_covers_but_no_sentence_says_is_answered_from_the_close_passage(kb: Store) -> None:
    answer = _ask(kb, BRONCHOSCOPY)
    assert not answer.insufficient
    assert any(note.startswith("answered on closeness in meaning") for note in answer.notes)
    assert answer.bottom_line.passage_ids == ("ngc:9984#46",)  # (no more than 2 mg midazolam drawn up for over-70s)


def test_only_a_case_is_tried_again_on_closeness_when_no_sentence_says_what_it_asks(kb: Store) -> None:
    settings = Settings(kb=kb.path, retriever="lexical", offline=True)
    case = Abstaining()
    ask(kb, settings, BRONCHOSCOPY, save=False, generator=case)
    assert len(case.given) == 2 and any(CLOSE_SCORE in h.scores for h in case.given[1])
    # (a question without a case whose words are enough: what no sentence says, a close one would say of something
    # else — "Does a patient with moderate mitral regurgitation … need antibiotic prophylaxis …?" read *Yes* from STS's
    # recommendation for mechanical valves)
    plain = Abstaining()
    answer = ask(kb, settings, "How much midazolam should be drawn up before bronchoscopy?", save=False,
                 generator=plain)
    assert answer.insufficient and len(plain.given) == 1


TYPE_2_TEEN = ('13-year-old boy with a BMI of 34, acanthosis nigricans and a strong family history of type 2 diabetes '
               'has had 3 weeks of thirst and polyuria; his random venous glucose is 310 mg/dL (17.2 mmol/L), HbA1c '
               '10.1%, urine ketones negative and venous pH 7.37, and islet autoantibodies are pending. Can I start '
               'metformin and lifestyle advice alone, or does he need insulin from the outset, and how should his '
               'glucose be monitored?')


@pytest.fixture(scope="module")
def diabetes_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return guideline_kb(tmp_path_factory, ("ngc-10782.xml",))  # (NICE NG18, diabetes in children and young people)


def test_a_sentence_from_a_close_guideline_naming_another_drug_is_off_the_case(diabetes_kb: Store) -> None:
    # (check33: NG18's "Give children and young people over 8 years old … 1 mg glucagon" — for hypoglycaemia — once
    # led the answer to a boy with new type 2 diabetes asked about metformin and insulin)
    store = diabetes_kb
    document = store.get_document("ngc:10782")
    passages = {p.id: p for p in store.passages_for("ngc:10782")}
    hits = [Hit(passages["ngc:10782#9"], document, 1.0, {CLOSE_SCORE: 0.62}),
            *(Hit(passages[pid], document, 0.9, {CLOSE_DOCUMENT_SCORE: 0.62})
              for pid in ("ngc:10782#40", "ngc:10782#60"))]
    found = ExtractiveGenerator(TermStats(store)).candidates(TYPE_2_TEEN, hits, Audience.CLINICIAN)
    glucagon = [c for c in found if "glucagon" in c.text]
    metformin = [c for c in found if c.text.startswith("Offer standard-release metformin")]
    assert glucagon and not any(c.on_topic for c in glucagon)
    assert metformin and all(c.on_topic for c in metformin)


@pytest.fixture(scope="module")
def veterans_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return guideline_kb(tmp_path_factory, ("ngc-10612.xml",))  # (VA/DoD on chronic multisymptom illness)


def test_a_close_passages_guideline_is_not_read_as_on_topic_for_a_question_without_a_case(veterans_kb: Store) -> None:
    # (the guideline's other recommendations, read as on topic too, would make VA/DoD's "suggests against the use of
    # doxycycline" read *Yes*)
    answer = _ask(veterans_kb, "Should doxycycline be prescribed for a Gulf War veteran with chronic multisymptom "
                               "illness?")
    assert any(note.startswith("answered on closeness in meaning") for note in answer.notes)
    assert answer.bottom_line.text.startswith("The guideline panel suggests against the use of doxycycline")
    assert answer.verdict is not Verdict.YES  # (*No* is right: "CMI" is not yet read as the illness it stands for)
