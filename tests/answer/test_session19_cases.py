"""Questions put as cases, session 19: a comorbidity the case tells after the presentation ("She also has irritable
bowel syndrome.") is the patient's history, not what the question is about (``vignette.without_history``); a lead-in
that asks is part of the question; "next" and "either" ask nothing; EMG is electromyography and a drug's class covers
it (antipsychotics for haloperidol, NMBAs for cisatracurium).

Words that ask nothing ("a real thing", "worthwhile", "his first big joint bleed") are never what a question is about;
eyesight is vision and "adults over 65" are older adults (check30's read).

The end-to-end test needs real term weights: 150 NGC guideline summaries from the shared corpora with the AAO-HNS
consensus statement on laryngeal electromyography (ngc:11089)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from curbside.answer import ask
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.guideline_vote import guideline_verdict, vote_polarity
from curbside.answer.generators.extractive.verdict import decide
from curbside.answer.generators.extractive.verdict_cues import other_label
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.terms import Terms, TermStats, _example_terms
from curbside.answer.text import content_stems, stem
from curbside.answer.vignette import asking, case_terms, without_history
from curbside.records import Verdict
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.answer.realtext import ranked, text_hit

VOCAL_FOLD = ("47-year-old woman has had a weak, breathy voice since a total thyroidectomy 7 weeks ago, and flexible "
              "laryngoscopy shows an immobile left vocal fold. She also has irritable bowel syndrome. Is laryngeal EMG "
              "worth doing now, and how would the result change whether she has a temporary injection or a permanent "
              "procedure?")
ANTI_K = ("29-year-old in her second pregnancy, 11 weeks, has anti-K (Kell) antibodies at a titre of 16 on her booking "
          "screen; she had a 2-unit transfusion after a postpartum haemorrhage three years ago. She is RhD negative "
          "with no anti-D and takes levothyroxine for hypothyroidism. What should happen next, and does she still need "
          "routine anti-D prophylaxis?")
VOD = ("34-year-old woman is on day 12 after a myeloablative allogeneic stem cell transplant for AML; she has gained "
       "7% body weight, has tender hepatomegaly and new ascites, and her bilirubin has risen to 62 µmol/L. She has "
       "chronic plaque psoriasis. How should suspected veno-occlusive disease be confirmed, and what treatment should "
       "she get — is alteplase or N-acetylcysteine worth trying?")


@pytest.mark.parametrize(("question", "history"), [
    (VOCAL_FOLD, "She also has irritable bowel syndrome."),
    (ANTI_K, "and takes levothyroxine for hypothyroidism"),
    (VOD, "She has chronic plaque psoriasis."),
    ("24-year-old man was shot in the left buttock and proctoscopy shows a small wound of the lower rectum. He has "
     "mild asthma. Does he need a diverting colostomy?", "He has mild asthma."),
    ("55-year-old man was intubated for severe ARDS from pneumococcal pneumonia. He has gout on allopurinol. Should we "
     "start a continuous cisatracurium infusion?", "He has gout on allopurinol."),
])
def test_a_comorbidity_told_after_the_presentation_is_history(question: str, history: str) -> None:
    assert history in question and history not in without_history(question)
    # (the rest of the case stays: the presentation and what is asked)
    assert without_history(question).replace(" ", "") in question.replace(history, "").replace(" ", "")


@pytest.mark.parametrize("question", [
    # the presentation itself ("on warfarin for atrial fibrillation" is why the INR matters)
    "81-year-old man on warfarin for atrial fibrillation has an INR of 8.6. He has no bleeding. What should I do?",
    "My mum is 79 and has arthritis in both knees. Would a steroid injection help?",
    "I have type 2 diabetes. My feet often feel cold at night. Should I see a podiatrist?",
    # an event, not a standing condition ("He had a stroke" is why anticoagulation is asked about)
    "70-year-old man with new atrial fibrillation on a routine ECG. He had a stroke. Should he start apixaban?",
    # the disease or its drug is what is asked about
    "72-year-old with hip pain after a fall. She has osteoporosis. Should her osteoporosis treatment change?",
    "A woman of 40 has palpitations. She takes levothyroxine for hypothyroidism. Is her levothyroxine dose too high?",
    # a sentence that tells more than a disease and its drug
    "A 60-year-old man has a cough. He has had three chest infections this winter despite his asthma inhaler. "
    "Does he need a chest X-ray?",
    # no case
    "Is allopurinol safe in gout?",
])
def test_what_is_not_history(question: str) -> None:
    assert without_history(question) == question


def test_history_is_not_what_the_case_is_about() -> None:
    # (check29: "psoriasis" was the question's only disease, and guidelines on veno-occlusive disease, which never
    # name it, were set aside as about another topic)
    def psoriasis(question: str) -> bool:
        return any(stem("psoriasis") in form for forms in Scope.of(question).topics for form in forms)

    assert not psoriasis(VOD) and "psoriasis" not in analyse(VOD).topics
    assert not Scope.of(ANTI_K).topics  # (its only disease, hypothyroidism, is history: no guideline need name it)
    assert analyse(VOD).topics == ("veno occlusive disease",)
    told_first = VOD.replace("34-year-old woman is", "34-year-old woman with chronic plaque psoriasis is")
    assert "psoriasis" in analyse(told_first).topics  # (told in the presentation, it stays)
    # its words are the case's: they count where a passage has them, never against it, and are never the key
    optional = case_terms(ANTI_K)
    assert {stem("levothyroxine"), stem("hypothyroidism")} <= optional
    terms = TermStats().terms(analyse(ANTI_K))
    assert terms.key not in {stem("levothyroxine"), stem("hypothyroidism")}


def test_ards_and_veno_occlusive_disease_are_diseases() -> None:
    # (check29: "intubated for severe ARDS from pneumococcal pneumonia" had made pneumonia the only topic, and the
    # SCCM guideline on neuromuscular blockade in ARDS was set aside as about something else)
    ards = Scope.of("55-year-old man was intubated for severe ARDS from pneumococcal pneumonia. Should we start "
                    "cisatracurium?")
    assert any(frozenset({"ards"}) in forms for forms in ards.topics)
    assert Scope.of(VOD).names_topic("Defibrotide is recommended in the treatment of VOD in adults and children.")
    terms = TermStats().terms(analyse(VOD))
    assert {"veno", "occlus"} <= terms.covered(set(content_stems("Defibrotide is recommended for VOD.")))
    assert Scope.of(VOD).names_topic("Ursodeoxycholic acid may be considered for sinusoidal obstruction syndrome.")


def test_a_lead_in_that_asks_is_part_of_the_question() -> None:
    # (the lead-in before a dash had been read as the case, and "veno-occlusive disease" as a word of the case)
    assert "veno-occlusive disease" in asking(VOD)
    assert asking("What follow-up should he have — how often CEA and CT scans?").startswith("What follow-up")
    # (a lead-in that tells the patient is still the case)
    assert asking("Newly diagnosed Addison's disease in a 30-year-old woman — what doses of hydrocortisone?") == (
        "what doses of hydrocortisone?")


def test_next_and_either_ask_nothing() -> None:
    terms = TermStats().terms(analyse("The night team want to give haloperidol or lorazepam. What should happen next, "
                                      "and is either drug appropriate?"))
    assert stem("next") not in terms.weights and stem("either") not in terms.weights


def test_emg_and_drug_classes() -> None:
    stats = TermStats()
    terms = stats.terms(analyse(VOCAL_FOLD))
    assert stem("emg") in terms.covered(set(content_stems("Laryngeal electromyography (LEMG) should be performed.")))
    # a class covers its member where the member is not the key (the key is covered where it is named)
    delirium = stats.terms(analyse("84-year-old woman has postoperative delirium after a hip fracture repair. The "
                                   "team want to give haloperidol or lorazepam. Is that appropriate?"))
    said = set(content_stems("Do not prescribe antipsychotic or benzodiazepine medications for postoperative delirium "
                             "in older adults who are not agitated."))
    covered = delirium.covered(said)
    assert {stem("haloperidol"), stem("lorazepam")} - {delirium.key} <= covered
    nmba = stats.terms(analyse("Severe ARDS: should we start cisatracurium or rocuronium by infusion?"))
    assert stem("rocuronium") in nmba.covered(set(content_stems("An NMBA should be administered by continuous "
                                                                "infusion early in ARDS.")))


QUOTED = ("ngc-11089.xml",)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = guideline_kb(tmp_path_factory, QUOTED)
    yield store
    store.close()


def test_a_case_with_a_comorbidity_is_answered_by_the_guideline_on_what_is_asked(kb: Store) -> None:
    # (check29: "She also has irritable bowel syndrome" made IBS the topic, and "laryngeal EMG" was not
    # "laryngeal electromyography (LEMG)": the answer had abstained)
    answer = ask(kb, Settings(kb=kb.path, retriever="lexical"), VOCAL_FOLD, save=False)
    assert not answer.insufficient
    assert "lemg" in answer.bottom_line.text.lower()  # ("laryngeal electromyography (LEMG)", "the LEMG data")
    assert answer.references[0].document_id == "ngc:11089"


def test_words_that_ask_nothing_are_never_the_key() -> None:
    # (check30: "Is that a real thing …?", "Is … thoracotomy worthwhile …?", "A&E gave me a soft collar", "his first big
    # joint bleed", "since 14 months", "14 BU/mL": the key or a missing word had been one of these)
    stats = TermStats()
    crps = stats.terms(analyse("My mum broke her wrist last week. Her friend told her to take vitamin C so she doesn't "
                               "get complex regional pain syndrome. Is that a real thing, and how long for?"))
    assert stem("real") not in crps.weights and crps.key != stem("real")
    edt = stats.terms(analyse("Is an emergency department thoracotomy worthwhile after blunt trauma?"))
    assert stem("worthwhile") not in edt.weights
    bleed = ("2-year-old boy with severe haemophilia A on prophylaxis since 14 months has his first big joint bleed; "
             "his Bethesda assay is positive at 14 BU/mL. How should I treat this bleed?")
    terms = stats.terms(analyse(bleed))
    assert stem("since") not in terms.weights and stem("bu") in case_terms(bleed)
    # (a degree word, however rare, is not what is asked about: "big" as "large", "severe")
    assert Terms({stem("big"): 9.0, stem("bleed"): 4.0}).key == stem("bleed")


def test_eyesight_is_vision_and_adults_over_65_are_older_adults() -> None:
    question = ("Should primary care clinicians routinely test visual acuity in adults over 65 who have no complaints "
                "about their eyesight?")
    terms = TermStats().terms(analyse(question))
    assert stem("eyesight") in terms.covered(set(content_stems("Screening for impaired vision in older adults.")))
    # (who the question leaves out weighs less, as "without …" does: the USPSTF's I statement says "screening", not
    # "complaints about their eyesight"; an absence that is itself asked about stays: "an abscess with no pain")
    assert terms.weights[stem("complaints")] < TermStats().terms(analyse("Which complaints about eyesight need an "
                                                                         "optometrist?")).weights[stem("complaints")]
    assert not _example_terms("Is it common to have an abscess with no pain?")
    # (the USPSTF's statement "in older adults" is for the question's own group, not a narrower one)
    assert "age" in Scope.of(question).families
    assert Scope.of(question).narrower("The USPSTF concludes that the current evidence is insufficient to assess the "
                                       "balance of benefits and harms of screening for impaired visual acuity in older "
                                       "adults (Grade I).") == ()


def test_a_tie_with_a_guideline_that_finds_the_evidence_insufficient_is_uncertain() -> None:
    # (check30: the AOA's "should be tested … to decrease their risk of falls" and the USPSTF's I statement on screening
    # older adults' visual acuity, equally relevant, had read as Yes)
    aoa = text_hit("ngc:11071#31", "Comprehensive adult eye and vision examination.", "Major Recommendations",
                   "Older individuals should be tested for these vision functions in an effort to decrease their risk "
                   "of falls.")
    uspstf = text_hit("ngc:10920#7", "Final recommendation statement: impaired visual acuity in older adults: "
                      "screening.", "Major Recommendations", "The USPSTF concludes that the current evidence is "
                      "insufficient to assess the balance of benefits and harms of screening for impaired visual "
                      "acuity in older adults.")
    found = extract([aoa, uspstf])
    assert len(found) == 2
    ranked(found, own=0.5)
    result = guideline_verdict(found)
    assert result is not None and result.verdict is Verdict.UNCERTAIN
    # (the yes alone is a yes)
    alone = guideline_verdict(found[:1])
    assert alone is not None and alone.verdict is Verdict.YES


GBS = ("52M with Guillain-Barré after a diarrhoeal illness, day 5 of weakness, now walks only a few metres with a "
       "frame, areflexic, FVC 2.9 L and stable, no bulbar signs. Plasma exchange or IVIG — and is there any point in "
       "giving both, or adding steroids?")


def test_a_clinicians_shorthand_case() -> None:
    # (check30: "52M with …" had not read as a case, "Guillain-Barré" not as a disease, and "— and is there any point in
    # giving both" as a list of options the answer may speak of)
    assert asking(GBS).startswith("Plasma exchange or IVIG")
    assert stem("52m") in case_terms(GBS)
    assert analyse(GBS).topics[0] == "guillain barre"
    terms = TermStats().terms(analyse(GBS))
    assert {stem("giving"), stem("steroids")} <= terms.asked and not {stem("giving"), stem("steroids")} & terms.optional
    # (a figure in metres is not a patient: "A 5 m wall …" is not a case)
    assert asking("A 5 m tall wall fell on him. Is it safe to move him?") != "Is it safe to move him?"
    # (options after a dash still are: "… does a lower-risk BRUE need — admission, ECG, labs, imaging?")
    assert stem("admission") in case_terms("A 2-month-old had a brief resolved unexplained event. What does she need "
                                           "— admission, ECG, labs, imaging?")


def test_advice_to_test_first_is_not_a_yes() -> None:
    # (a question on using rasburicase in G6PD deficiency had read Yes from "… be tested for G6PD deficiency before
    # initiation of rasburicase")
    assert vote_polarity("The FDA recommends that patients at higher risk of G6PD deficiency, such as those with "
                         "African or Mediterranean ancestry, be tested for G6PD deficiency before initiation of "
                         "rasburicase.") is Verdict.UNCERTAIN
    assert vote_polarity("Rasburicase is recommended for patients at high risk of tumour lysis syndrome.") is (
        Verdict.YES)


_KDIGO = "KDIGO clinical practice guideline for lipid management in chronic kidney disease."


def test_another_age_does_not_contradict_a_yes() -> None:
    # (check30, unsafe: "Verdict: No" to starting a statin in adults aged 50 or over with eGFR below 60, because the
    # recommendation for adults aged 18–49 "says 'aged 18' where the question says 'aged 50'": an age is not a label)
    question = ("Should adults aged 50 or over with chronic kidney disease not on dialysis and an eGFR below 60 be "
                "started on a statin regardless of their LDL cholesterol?")
    over_50 = text_hit("ngc:10184#9", _KDIGO, "Major Recommendations", "In adults aged ≥50 years with estimated "
                       "glomerular filtration rate (eGFR) <60 ml/min/1.73 m² but not treated with chronic dialysis or "
                       "kidney transplantation (GFR categories G3a-G5), the Work Group recommends treatment with a "
                       "statin or statin/ezetimibe combination (1A).")
    younger = text_hit("ngc:10184#11", _KDIGO, "Major Recommendations", "In adults aged 18–49 years with CKD but not "
                       "treated with chronic dialysis or kidney transplantation, the Work Group suggests statin "
                       "treatment in people with one or more of the following: known coronary disease, diabetes "
                       "mellitus, prior ischemic stroke (2A).")
    found = extract([over_50, younger])
    for n, c in enumerate(found, 1):
        c.relevance, c.score, c.on_topic, c.evidence = 1.0, 1.0, True, n
        c.own = 0.6 if n == 1 else 0.45
    assert decide(question, found).verdict is Verdict.YES
    assert other_label(question, younger.passage.text) is None
    # (a label of a kind still contradicts: "type 2" where the question says "type 1")
    assert other_label("Is there a link between rare variants in PPARG and type 1 diabetes?",
                       "Rare variants in PPARG increase the risk of type 2 diabetes.") == ("type 1", "type 2")


def test_what_a_statement_leaves_out_is_not_what_it_is_about() -> None:
    # (check30: the KDIGO recommendation for eGFR < 60 "but not treated with chronic dialysis or kidney transplantation"
    # read as about transplantation, and the eGFR ≥ 60 row led)
    scope = Scope.of("Should adults aged 50 or over with chronic kidney disease not on dialysis and an eGFR below 60 "
                     "be started on a statin regardless of their LDL cholesterol?")
    left_out = ("In adults aged ≥50 years with eGFR <60 ml/min/1.73 m² but not treated with chronic dialysis or kidney "
                "transplantation, the Work Group recommends treatment with a statin.")
    assert scope.other_topics(left_out) == ()
    assert scope.other_topics("In kidney transplant recipients, the Work Group suggests treatment with a statin.")
