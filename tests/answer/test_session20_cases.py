"""Questions put as cases, session 20: a question that asks about the sentence before it on its own ("The registrar
wants to start the high-dose methylprednisolone protocol. Should we, and …?") asks that sentence; a disease named as
what a test looks for ("should we get her allergy tested?") is not what a case is about; "us" in "the GP gave us" is
a pronoun, not ultrasound.

After check31's read: a yes/no question's verdict rests on what its last clause asks about ("For a patient with
polymyalgia rheumatica who relapses …, is a TNF inhibitor such as infliximab a reasonable steroid-sparing option?"
is answered No by "… recommends against the use of tumor necrosis factor alpha (TNFa) blocking agents …", not Yes by
the recommendations on glucocorticoid doses), and a question whether to screen by what is said of screening (WHO's
iron supplementation is not a yes to screening infants for iron deficiency anaemia). A patient who tried a treatment
and could not go on with it is among "those with adverse effects associated with CPAP treatment"; lay words for
devices and procedures ("mouth guards that push your jaw forward", "sew me back up") are the guidelines' words.

The end-to-end tests need real term weights: 150 NGC guideline summaries from the shared corpora with the ones they
quote (EULAR/ACR on polymyalgia rheumatica, USPSTF on iron deficiency anaemia in young children, WHO on iron
supplementation, UHMS on hyperbaric oxygen for diabetic foot ulcers, CCHMC on chlorhexidine bathing, ACR/SAA on
ankylosing spondylitis, C17 on antifungal prophylaxis) and the USPSTF statements. (A lay question's words — "buy",
"push", "jaw" — weigh as in a full knowledge base only with the consumer pages, so the sleep apnoea case is tested by
its parts.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from curbside.answer import ask
from curbside.answer.evidence import asks_only
from curbside.answer.gaps import unmentioned_parts
from curbside.answer.generators.extractive.assemble import choose_bottom
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.guideline_vote import (
    RECOMMENDS_AGAINST,
    guideline_verdict,
    names_subject,
    recommendation_polarity,
    vote_polarity,
)
from curbside.answer.generators.extractive.verdict_cues import other_label
from curbside.answer.patient_facts import failed_drugs
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, is_yes_no
from curbside.answer.synonyms import alternatives
from curbside.answer.terms import TermStats
from curbside.answer.text import content_stems, stem
from curbside.answer.vignette import asked_subject, asking, case_terms
from curbside.records import Answer, Bullet, Verdict
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.answer.realtext import ranked, text_hit

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


SLEEP_APNOEA = ("I was diagnosed with moderate sleep apnoea last year and I've honestly tried the CPAP for months but "
                "I just can't sleep with the mask on. Would one of those mouth guards that push your jaw forward work "
                "instead? Can I just buy one online?")
PMR = ("For a patient with polymyalgia rheumatica who relapses every time prednisolone is tapered below 7.5 mg, is a "
       "TNF inhibitor such as infliximab a reasonable steroid-sparing option?")
IRON = ("Should asymptomatic children aged 6 to 24 months be routinely screened for iron deficiency anaemia at their "
        "well-child checks?")
MAD = ("ACP recommends mandibular advancement devices (MADs) as an alternative therapy to CPAP treatment for "
       "patients diagnosed with OSA who prefer MADs or for those with adverse effects associated with CPAP treatment "
       "(Grade: weak recommendation; low-quality evidence).")


def test_a_patient_who_could_not_go_on_with_a_treatment_is_among_those_with_its_adverse_effects() -> None:
    assert Scope.of(SLEEP_APNOEA).narrower(MAD) == ()
    # (not every CPAP user: a question that tells of no trouble with it is not about them)
    assert Scope.of("Would a mouth guard that pushes the jaw forward work for my sleep apnoea?").narrower(MAD)
    assert Scope.of("My mum is 79 and has arthritis in both knees. Paracetamol doesn't do much for her. Is "
                    "ibuprofen gel safe for her?").narrower("For people who cannot tolerate paracetamol, …") == ()


def test_instead_asks_nothing() -> None:
    # ("Would one of those mouth guards … work instead?": the alternative is named by the question's other words)
    weights = TermStats(None).terms(analyse(SLEEP_APNOEA)).weights
    assert stem("instead") not in weights and stem("guards") in weights
    # (check31: "genuinely" was the key of "… if she genuinely can't have penicillin, is doxycycline …?")
    weights = TermStats(None).terms(analyse("If she genuinely can't have penicillin, is doxycycline an acceptable "
                                            "alternative, or paracetamol plus codeine?")).weights
    assert not {stem("genuinely"), stem("plus")} & set(weights) and stem("doxycycline") in weights


@pytest.mark.parametrize(("lay", "words"), [
    (["mouth", "guards"], "A mouthpiece, sometimes called an oral appliance, may help"),
    (["mouth", "guards"], "mandibular advancement devices"),
    (["sew", "back", "up"], "Requests for re-infibulation should be declined."),
    (["tnf", "inhibitor"], "the use of tumor necrosis factor alpha (TNFa) blocking agents"),
    (["adenotonsillectomy"], "applicable to all children undergoing tonsillectomy with or without adenoidectomy"),
])
def test_lay_words_for_devices_and_procedures(lay: list[str], words: str) -> None:
    said = set(content_stems(words))
    assert any(form <= said for form in alternatives(lay)[stem(lay[0])])


def test_what_the_last_clause_asks_about() -> None:
    subject = asked_subject(PMR)
    assert {"tnf", "infliximab"} <= set(subject) and "prednisolone" not in subject
    assert names_subject("The panel strongly recommends against the use of tumor necrosis factor alpha (TNFa) blocking "
                         "agents for treatment of PMR.", subject)
    assert not names_subject("The panel conditionally recommends using a single rather than divided daily doses of "
                             "oral GCs for the treatment of PMR …", subject)
    assert asked_subject(IRON) == ()  # (a question of one part)


# (and two that name the drugs asked about, so that their words weigh as in a full knowledge base)
QUOTED = ("ngc-11118.xml", "ngc-10798.xml", "ngc-10942.xml", "ngc-10678.xml", "ngc-10959.xml",
          "ngc-10470.xml", "ngc-10736.xml", "ngc-9995.xml", "ngc-11119.xml", "ngc-10637.xml")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = guideline_kb(tmp_path_factory, QUOTED, ("uspstf/uspstf_enriched.json",))
    yield store
    store.close()


def _ask(kb: Store, question: str) -> Answer:
    return ask(kb, Settings(kb=kb.path, retriever="lexical"), question, save=False)


def test_a_yes_no_verdict_rests_on_what_the_last_clause_asks_about(kb: Store) -> None:
    # (check31: "Yes" from the recommendation on single daily glucocorticoid doses — unsafe)
    answer = _ask(kb, PMR)
    assert answer.verdict is Verdict.NO
    assert "tumor necrosis factor" in answer.bottom_line.text


def test_a_question_whether_to_screen_is_answered_by_what_is_said_of_screening(kb: Store) -> None:
    # (check31: "Yes" from WHO's daily iron supplementation for children aged 6 to 23 months — unsafe)
    answer = _ask(kb, IRON)
    assert answer.verdict is Verdict.UNCERTAIN
    assert "screening" in answer.bottom_line.text


WAGNER = ("Should hyperbaric oxygen be added for a Wagner grade 2 diabetic foot ulcer that has been slow to heal "
          "despite good standard wound care?")


def test_a_recommendation_for_another_grade_does_not_vote() -> None:
    # (check31: the grade 3 recommendations voted yes, and only the overruling "grade 3 where the question says grade 2"
    # made it *No*, with a grade 3 recommendation leading the answer)
    title = "Hyperbaric oxygen therapy for the treatment of diabetic foot ulcers."
    against = text_hit("ngc:10736#7", title, "Major Recommendations", "In patients with Wagner Grade 2 or lower "
                       "diabetic foot ulcers (DFUs), the committee suggests against using hyperbaric oxygen (HBO2) "
                       "therapy.")
    adding = [text_hit(f"ngc:10736#{n}", title, "Major Recommendations", "In patients with Wagner Grade 3 or higher "
                       f"DFUs {situation}, the committee suggests adding HBO2 to the standard of care.")
              for n, situation in ((8, "that have not shown significant improvement after 30 days of treatment"),
                                   (9, "who have just had a surgical debridement of an infected foot"))]
    found = extract([against, *adding])
    ranked(found)
    result = guideline_verdict(found, question=WAGNER)
    assert result is not None and result.verdict is Verdict.NO
    assert result.deciding[0].startswith("In patients with Wagner Grade 2 or lower")


def test_intensive_care_is_critical_care() -> None:
    # (check31: "no evidence sentence addressed the question" — CCHMC's recommendation says "critical care setting")
    said = set(content_stems("patients receiving care in an inpatient critical care setting"))
    assert any(form <= said for form in alternatives(["intensive", "care", "unit"])[stem("intensive")])


def test_a_question_in_intensive_care_is_answered_in_critical_care(kb: Store) -> None:
    # (check31: "no evidence sentence addressed the question" — the recommendation says "critical care setting")
    answer = _ask(kb, "Is daily bathing with 2% chlorhexidine gluconate worth adopting for children in our paediatric "
                      "intensive care unit to cut bloodstream infections?")
    assert answer.verdict is Verdict.YES
    assert "daily bath using 2% chlorhexidine gluconate" in answer.bottom_line.text


def test_where_after_a_comma_opens_a_clause_not_a_question() -> None:
    # (check31: no verdict printed for the CSF 14-3-3 question)
    assert is_yes_no("In a 64-year-old with a 10-week history of rapidly progressive dementia and myoclonus, where "
                     "sporadic CJD is suspected but the diagnosis is still uncertain, is it worth sending CSF for "
                     "14-3-3 protein?")
    assert not is_yes_no("For a child with croup, when should dexamethasone be given?")
    assert not is_yes_no("In adults with sepsis, which antibiotic should be given first, and is a second one needed?")


def test_how_it_is_dosed_names_nothing_of_its_own() -> None:
    # (check31: "Not covered: how is it dosed" above bullets that titrate mitotane to a blood level)
    question = ("After resection of an adrenocortical carcinoma, who should receive adjuvant mitotane, how is it "
                "dosed, and what blood level should we aim for?")
    said = [Bullet("Patients with adrenocortical carcinoma and potential residual disease after resection should be "
                   "offered adjuvant mitotane.", (1,)),
            Bullet("Mitotane should be titrated to a blood level of 14–20 mg/L.", (1,))]
    assert unmentioned_parts(question, said) == []


def test_a_row_for_another_variant_is_for_its_carriers() -> None:
    # (check31, unsafe: the G551D row "use ivacaftor according to the product label" led for an F508del homozygote)
    question = ("15-year-old boy with cystic fibrosis, homozygous for F508del, FEV1 58% predicted. Is ivacaftor on its "
                "own appropriate for his genotype, and which modulator would the guidelines support?")
    scope = Scope.of(question)
    assert "G551D" in scope.narrower("Homozygous or heterozygous G551D-CFTR—e.g., G551D/F508del, G551D/G551D: use "
                                     "ivacaftor according to the product label.")
    assert not scope.narrower("Homozygous for F508del-CFTR (F508del/F508del): ivacaftor is not recommended.")
    # (a question that names no variant is not narrowed by one)
    assert not Scope.of("Is ivacaftor effective in cystic fibrosis?").narrower("Ivacaftor is recommended for G551D.")


EDT = ("Is an emergency department thoracotomy worthwhile in a patient who arrives pulseless, with no signs of life, "
       "after blunt trauma?")


def test_the_other_side_of_what_the_patient_is_without() -> None:
    # (check30: "… with signs of life after blunt injury, the panel conditionally recommends that patients undergo EDT"
    # led for a patient with none)
    scope = Scope.of(EDT)
    with_signs = ("In patients presenting pulseless to the emergency department with signs of life after blunt injury, "
                  "the panel conditionally recommends that patients undergo EDT.")
    assert scope.other_side(with_signs) == ("with signs of life",)
    assert not scope.other_side(with_signs.replace("with signs", "without signs"))
    assert not Scope.of("Is EDT worthwhile after blunt trauma?").other_side(with_signs)
    # (what a treatment is given with is how, not who: "usual care without acupuncture" is a comparison's other arm)
    assert not Scope.of("Neck pain treatment with acupuncture: does the number of needles matter?").other_side(
        "Both acupuncture and sham acupuncture are superior to usual care without acupuncture.")


def test_a_passage_that_only_asks_is_not_an_answer() -> None:
    assert asks_only("Health Question 2: Should Antifungal Prophylaxis Be Used to Prevent IFI in Children Undergoing "
                     "Autologous HSCT? If So, What Medication (Dose and Duration) Should Be Used?")
    assert asks_only('Definitions of the grades for recommendation are provided at the end of the "Major '
                     'Recommendations" field.\nHealth Question 1: Should Primary Antifungal Prophylaxis Be Used?')
    assert not asks_only("For children undergoing allogeneic HSCT, administer fluconazole 6–12 mg/kg/day. Should "
                         "fluconazole be contraindicated, give an echinocandin?")
    # (a pointer alone keeps its place: the passage that would take it is rarely better)
    assert not asks_only('Quality of evidence and strength of recommendation ratings are defined at the end of the '
                         '"Major Recommendations" field.')


def test_a_treatment_the_patient_did_not_improve_on_is_not_the_key() -> None:
    # (check31: "methylprednisolone" was the key, and "… fail to improve after corticosteroid treatment" did not say it)
    question = ("What is the next step for a patient with acute transverse myelitis who has not improved after a "
                "course of high-dose IV methylprednisolone, and which investigations help predict a relapse?")
    assert failed_drugs(question) == ["methylprednisolone"]
    assert TermStats(None).terms(analyse(question)).key != stem("methylprednisolone")
    assert failed_drugs("Should methylprednisolone be given for acute transverse myelitis?") == []


def test_hsct_is_a_stem_cell_transplant() -> None:
    said = set(content_stems("For children one month to less than 19 years of age undergoing allogeneic HSCT"))
    words = ["haematopoietic", "stem", "cell", "transplant"]
    assert any(form <= said for form in alternatives(words)[stem("transplant")])


def test_a_recommendation_for_the_other_side_does_not_vote() -> None:
    # (check30: the "with signs of life" recommendation split the vote: *Uncertain*)
    title = "An evidence-based approach to patient selection for emergency department thoracotomy."
    texts = ["In patients presenting pulseless to the emergency department with signs of life after blunt injury, the "
             "panel conditionally recommends that patients undergo EDT.",
             "In patients presenting pulseless to the emergency department without signs of life after blunt injury, "
             "the panel conditionally recommends against the performance of EDT."]
    found = extract([text_hit(f"ngc:10794#{n}", title, "Major Recommendations", text)
                     for n, text in zip((17, 19), texts, strict=True)])
    ranked(found, own=0.7)
    result = guideline_verdict(found, question=EDT)
    assert result is not None and result.verdict is Verdict.NO


def test_whom_a_recommendation_is_for_is_not_what_it_says() -> None:
    # (check32, unsafe: *No* to mirabegron from "… in whom antimuscarinic drugs are contraindicated or … ineffective")
    mirabegron = ("Mirabegron is recommended as an option for treating the symptoms of overactive bladder (OAB) only "
                  "for people in whom antimuscarinic drugs are contraindicated or clinically ineffective, or have "
                  "unacceptable side effects.")
    assert recommendation_polarity(mirabegron) is Verdict.YES
    assert vote_polarity(mirabegron) is Verdict.UNCERTAIN  # (for some patients only)
    assert recommendation_polarity("Antimuscarinic drugs are contraindicated in people in whom …") is Verdict.NO


def test_a_panel_that_suggests_not_prescribing() -> None:
    # (check32, unsafe: *Yes* to a PPI trial; CHEST's "suggests that … not be prescribed" was not read as a statement)
    # (it votes as a recommendation against, whatever else reads it as a statement)
    chest = ("In adult patients with unexplained chronic cough and a negative workup for acid gastroesophageal reflux "
             "disease, the Expert Panel suggests that proton pump inhibitor therapy not be prescribed (Grade 2C).")
    assert RECOMMENDS_AGAINST.search(chest)
    assert recommendation_polarity(chest) is Verdict.NO
    assert not RECOMMENDS_AGAINST.search("The panel suggests that PPI therapy be prescribed for typical heartburn.")


def test_a_list_of_labels_names_the_questions_own() -> None:
    # ("… patients with stage 3 and 4 CKD …" had contradicted a yes for CKD stage 4 as "stage 3")
    question = ("Should oral sodium bicarbonate be started in a patient with CKD stage 4 whose serum bicarbonate is "
                "persistently around 18 mmol/L?")
    assert other_label(question, "… not offering phosphate binders to patients with stage 3 and 4 CKD …") is None
    assert other_label(question, "… in patients with stages 2–5 CKD …") is None
    assert other_label(question, "… in patients with stage 3 CKD …") == ("stage 4", "stage 3")


def test_a_recommendation_under_a_heading_for_a_later_step_does_not_lead_a_first_line_answer() -> None:
    # ("Recommendation [Moderate-Quality Evidence] — In adults with active AS despite treatment with NSAIDs": its TNFi
    # recommendation had led "What is the first-line treatment …?")
    title = "American College of Rheumatology recommendations for the treatment of ankylosing spondylitis."
    nsaids = text_hit("ngc:11119#8", title, "Recommendation [Low-Quality Evidence] — In adults with active AS",
                      "The guideline authors strongly recommend treatment with nonsteroidal anti-inflammatory drugs "
                      "(NSAIDs) over no treatment with NSAIDs (Low-Quality Evidence).")
    tnfi = text_hit("ngc:11119#12", title, "Recommendation [Moderate-Quality Evidence] — In adults with active AS "
                    "despite treatment with NSAIDs", "The guideline authors strongly recommend treatment with tumor "
                    "necrosis factor inhibitor (TNFi) over no treatment with TNFi (Moderate-Quality Evidence).")
    found = extract([tnfi, nsaids])
    ranked(found)
    assert "NSAIDs" in choose_bottom(found, False, ("treatment",)).text


def test_a_guidelines_own_question_does_not_take_its_answers_place(kb: Store) -> None:
    # (check31: C17's "Health Question 1: Should Primary Antifungal Prophylaxis Be Used …?" passages kept, its
    # fluconazole recommendation left out)
    answer = _ask(kb, "Which children with cancer or undergoing haematopoietic stem cell transplant should receive "
                      "primary antifungal prophylaxis, and with which agent and dose?")
    assert "fluconazole 6–12 mg/kg/day" in answer.bottom_line.text


def test_a_guidelines_question_is_not_a_statement() -> None:
    # (a review-set answer on hoarseness had led with "Among adults with …, should the panel recommend adjuncts …")
    hit = text_hit("ngc:11301#5", "Evaluation of potentially malignant disorders in the oral cavity.", "Major "
                   "Recommendations", "Among adults with clinically evident, suspicious lesions, or other symptoms, "
                   "should the panel recommend adjuncts to identify potentially malignant or malignant disorders in "
                   "the oral cavity. The panel recommends a biopsy of the lesion.")
    found = {c.text[:20]: c.meta for c in extract([hit])}
    assert found["Among adults with cl"] and not found["The panel recommends"]
