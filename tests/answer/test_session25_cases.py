"""Rules check40's blind read led to (session 25), each on the knowledge base's own text (NASS's isthmic
spondylolisthesis guideline, the Endocrine Society's Cushing's syndrome guideline, NHLBI's page on von Willebrand
disease): a unit is no word of its own, a part of a question is said by a statement and not by a question, "and does
adding …?" is a second question, "the Task Force suggests" recommends, asked for second-line options the second-line
section answers, a health page says what was asked under the heading that asks it, and a phrase is read where the
question says it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from curbside.answer import ask
from curbside.answer.gaps import part_passages, unmentioned_parts
from curbside.answer.generators.extractive.asks import Asks
from curbside.answer.generators.extractive.cues import RECOMMENDATION_CUE
from curbside.answer.patient_facts import sexes
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, is_yes_no
from curbside.answer.synonyms import alternatives
from curbside.answer.terms import TermStats
from curbside.answer.text import content_stems, stem
from curbside.answer.themes import primary_theme
from curbside.answer.topic_sources import page_siblings
from curbside.records import Audience, Bullet, Document, Hit, Kind, Passage, Section, Verdict
from curbside.retrieve.query import parse_query
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb

SPONDYLOLISTHESIS = ("For an adult with low-grade isthmic spondylolisthesis who needs a fusion, does a 360-degree "
                     "fusion give better results than a posterolateral fusion, and does adding pedicle screw "
                     "instrumentation to a posterolateral fusion help?")
_NASS = "Diagnosis and treatment of adult isthmic spondylolisthesis."
_NASS_25 = (
    "Does the addition of instrumentation to decompression and fusion for adult patients with isthmic "
    "spondylolisthesis improve surgical outcomes compared with decompression and fusion alone?\nIn patients with "
    "low-grade isthmic spondylolisthesis, the addition of instrumentation may not improve outcomes in the setting of "
    "posterolateral fusion, with or without decompression. Grade of Recommendation: B\nHow do outcomes of "
    "decompression with posterolateral fusion compare with those for 360° fusion in the treatment of adult patients "
    "with isthmic spondylolisthesis?")
_NASS_26 = (
    "Posterolateral fusion and 360° fusion surgeries are recommended to improve the clinical outcomes in adult "
    "patients with low grade isthmic spondylolisthesis. Grade of Recommendation: A\n360° fusion is recommended to "
    "provide higher radiographic fusion rates compared to posterolateral fusion in adult patients with low grade "
    "isthmic spondylolisthesis. Grade of Recommendation: A")
_NASS_29 = (
    "There is conflicting evidence whether in adult patients undergoing ALIF, supplemental posterior percutaneous "
    "pedicle screws lead to comparable clinical outcomes to those undergoing open posterior instrumentation. Grade of "
    "Recommendation: I (Insufficient/Conflicting Evidence)")


def _hit(passage_id: str, title: str, section: str, text: str, kind: Kind = Kind.GUIDELINE) -> Hit:
    doc_id, ordinal = passage_id.split("#")
    document = Document(id=doc_id, kind=kind, title=title, sections=(Section(section, text),), source="test",
                        issuer="NASS", year=2014)
    return Hit(Passage(passage_id, doc_id, int(ordinal), section, text, 0, len(text)), document, 10.0)


def test_a_degree_after_a_number_is_its_unit() -> None:
    assert "degree" not in parse_query(SPONDYLOLISTHESIS).terms
    assert stem("degree") not in content_stems("a 360-degree fusion")
    assert stem("degree") in content_stems("a first-degree relative")  # (an ordinal's degree is a word)


def test_a_part_is_said_by_a_statement_not_by_a_question() -> None:
    section = "Major Recommendations"
    kept = [_hit("ngc:10788#25", _NASS, section, _NASS_25), _hit("ngc:10788#29", _NASS, section, _NASS_29)]
    ranked = [*kept, _hit("ngc:10788#26", _NASS, section, _NASS_26)]
    # (the words' weights in the full knowledge base: "360" is rare, "better" and "results" are not)
    weights = {"360": 8.29, "bett": 4.12, "result": 2.2, "pedicl": 7.95, "screw": 8.32, "instru": 5.45}
    added = part_passages(ranked, kept, SPONDYLOLISTHESIS, TermStats(), weights)
    # (#25 names 360° fusion only in its PICO question, #29 says "comparable clinical outcomes" of pedicle screws:
    # neither says whether a 360-degree fusion gives better results)
    assert [h.passage.id for h in added] == ["ngc:10788#26"]
    # (counted, not weighed, "better" and "results" would be two of three)
    assert part_passages(ranked, kept, SPONDYLOLISTHESIS, TermStats(), {}) == []


def test_and_does_adding_is_a_second_question() -> None:
    assert not is_yes_no(SPONDYLOLISTHESIS)
    assert is_yes_no("Does adding pedicle screw instrumentation to a posterolateral fusion help?")


CUSHING = ("38-year-old woman with Cushing's disease had transsphenoidal surgery 3 months ago for a 6 mm "
           "corticotroph adenoma but remains cushingoid: two late-night salivary cortisols are raised, 24-hour urinary "
           "free cortisol is three times the upper limit of normal, and morning ACTH is inappropriately normal. She "
           "asks whether she can simply have pituitary radiotherapy now and avoid taking tablets. What are her "
           "second-line options, and what needs to be in place before radiotherapy is given?")


def test_radiation_mentions_radiotherapy_and_in_place_frames_the_question() -> None:
    bullet = Bullet("The Task Force recommends confirming that medical therapy is effective in normalizing cortisol "
                    "before administering radiation RT/radiosurgery (RS) for this goal because this will be needed "
                    "while awaiting the effect of radiation.", (1,))
    assert unmentioned_parts(CUSHING, [bullet]) == ["What are her second-line options"]
    assert any(stem("radiation") in form for form in alternatives(["radiotherapy"])[stem("radiotherapy")])


@pytest.mark.parametrize(("text", "recommends"), [
    ("The Task Force suggests RT/RS in patients who have failed TSS or have recurrent CD.", True),
    ("We suggest against the routine use of compression stockings.", True),
    ("These data suggest that early surgery improves outcomes.", False),
    ("Our results suggest a benefit of statins.", False),
    ("We suggest that disruption of normal endochondral ossification may be associated with juvenile OCD.", False),
])
def test_the_task_force_suggests_is_a_weak_recommendation(text: str, recommends: bool) -> None:
    assert bool(RECOMMENDATION_CUE.search(text)) is recommends


def test_asked_for_the_second_line_the_question_asks_a_later_step() -> None:
    assert Asks.of(CUSHING).later
    assert Asks.of("What is the next step if metformin does not work?").later
    # (the case's "despite" is how it got here, not what it asks)
    assert not Asks.of("A 50-year-old man remains hypertensive despite amlodipine. How should he be treated?").later


def test_a_symptom_after_surgery_is_no_treatment() -> None:
    assert primary_theme("People with this condition often experience easy bruising, long-lasting nosebleeds, and "
                         "excessive bleeding or oozing following an injury, surgery, or dental work.") != "treatment"
    assert primary_theme("Any prolonged, heavy, or repeated bleeding that required medical care after surgery or "
                         "dental extractions.") != "treatment"
    assert primary_theme("Surgery is the treatment of choice for a symptomatic Tarlov cyst.") == "treatment"


def test_man_made_names_no_sex() -> None:
    assert sexes("One treatment for VWD is a man-made hormone called desmopressin.") == frozenset()
    assert sexes("Men with VWD may bleed after dental work.") == {"men"}


VWD = ("My 15-year-old daughter has always had lots of nosebleeds and bruises, and her periods are so heavy she has to "
       "change her pad every hour. Blood tests have now shown type 1 von Willebrand disease. What treatments can help "
       "with her heavy periods?")


def test_a_phrase_is_read_where_the_question_says_it() -> None:
    # ("her periods are so heavy … her heavy periods": the terms list "periods" before "heavy")
    terms = TermStats().terms(analyse(VWD))
    assert frozenset({stem("menorrhagia")}) in terms.alternatives[stem("heavy")]


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    # NHLBI's page on von Willebrand disease (MedQuAD) beside the guideline summaries
    store = guideline_kb(tmp_path_factory, (), corpora=("medquad/8_NHLBI_QA_XML/0000139.xml",))
    yield store
    store.close()


def test_a_health_page_says_what_was_asked_under_the_heading_that_asks_it(kb: Store) -> None:
    page = kb.get_document("medquad:NHLBI:0000139")
    assert page is not None
    passages = kb.passages_for(page.id)
    # its passages on symptoms and on diagnosis (the medical history list: "… bleeding that required medical care
    # after surgery …") are not on treatment
    shown = [Hit(p, page, 10.0) for p in passages if p.section.startswith(("What are the symptoms", "How to diagnose"))]
    terms = TermStats(kb).terms(analyse(VWD))
    added = page_siblings(kb, shown, Scope.of(VWD), ("treatment",),
                          cover=lambda text: terms.coverage(set(content_stems(text))))
    assert [h.passage.section for h in added] == ["What are the treatments for Von Willebrand Disease ?"]
    assert "heavy menstrual bleeding" in added[0].passage.text
    answer = ask(kb, Settings(kb=kb.path, retriever="lexical", offline=True), VWD, save=False)
    assert answer.references[0].document_id == page.id
    assert "treatment" in answer.bottom_line.text


def test_a_drugs_classes_are_named() -> None:
    from curbside.answer.synonyms import class_names

    assert class_names("risperidone") == ("antipsychotic",)
    assert class_names("Sertraline") == ("ssri",)
    assert class_names("fusion") == ()


@pytest.mark.parametrize(("question", "treatment"), [
    ("How long should the risperidone continue, how should a taper be done and monitored?", True),
    ("How long should anticoagulation continue after a provoked DVT?", True),
    ("How long should I wait before flying after a pneumothorax?", False),
])
def test_how_long_it_goes_on_and_how_it_is_tapered_ask_about_treatment(question: str, treatment: bool) -> None:
    from curbside.answer.themes import question_intents

    assert ("treatment" in question_intents(question)) is treatment


RISPERIDONE = ("84-year-old man with moderate Alzheimer's disease living in a nursing home was started on risperidone "
               "10 weeks ago after repeatedly hitting staff during personal care, despite a behavioural care plan, a "
               "pain review and treatment of his constipation. On 0.5 mg twice daily the aggression has largely "
               "settled over the last 6 weeks, with no falls or oversedation. There is no delirium and no past "
               "psychotic illness. The home's GP wants to continue risperidone indefinitely to be safe, and his "
               "daughter asks whether haloperidol would be a cheaper alternative. How long should the risperidone "
               "continue, how should a taper be done and monitored, and is haloperidol appropriate?")


@pytest.fixture(scope="module")
def apa_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    # APA's guideline on antipsychotics in dementia (NGC) beside the first guideline summaries and the health pages on
    # Alzheimer's disease and caregiving that the case's words find first
    store = guideline_kb(tmp_path_factory, ("ngc-10994.xml", "ngc-11347.xml", "ngc-10815.xml", "ngc-10375.xml",
                                            "ngc-11047.xml", "ngc-11118.xml", "ngc-10208.xml"),
                         corpora=("medquad/4_MPlus_Health_Topics_QA/0000024.xml",
                                  "medquad/4_MPlus_Health_Topics_QA/0000259.xml",
                                  "medquad/7_SeniorHealth_QA/0000003.xml", "medquad/7_SeniorHealth_QA/0000004.xml"))
    yield store
    store.close()


def test_a_case_whose_story_outweighs_its_question_is_asked_again_by_its_question(apa_kb: Store) -> None:
    from curbside.answer.evidence import gather
    from curbside.retrieve import make_retriever

    settings = Settings(kb=apa_kb.path, retriever="lexical", offline=True)
    evidence = gather(make_retriever(apa_kb, settings), analyse(RISPERIDONE), Audience.CLINICIAN, k=settings.k,
                      stats=TermStats(apa_kb))
    assert any(h.document.id == "ngc:10994" for h in evidence.hits)
    # (answered, or shown first among the closest passages: in this small knowledge base the case's words weigh
    # differently, and the full one answers from it — check40's labels)
    answer = ask(apa_kb, settings, RISPERIDONE, save=False)
    assert answer.references[0].document_id == "ngc:10994"


def test_a_brand_named_beside_its_generic_is_read_as_the_drug() -> None:
    from curbside.drug_names import brand_generic

    # (the FDA's four-letter suffix is no word the literature writes: "teprotumumab-trbw")
    assert brand_generic("Tepezza") == "teprotumumab"
    assert brand_generic("Valtrex") == "valacyclovir"


def test_a_long_form_in_another_wording_of_the_question_is_asked() -> None:
    from curbside.answer.abbreviations import asked_abbreviations

    definitions = [{"IAP": "intracarotid amobarbital procedure"}]
    question = "Can functional MRI replace the Wada test for working out which side language sits on?"
    terms = TermStats().terms(analyse(question))
    wordings = {form for forms in terms.alternatives.values() for form in forms}
    assert asked_abbreviations(terms.weights, definitions, wordings) == {"IAP": "intracarotid amobarbital procedure"}
    assert asked_abbreviations(terms.weights, definitions) == {}


def test_erection_and_erectile_are_one_word() -> None:
    assert frozenset({stem("erectile")}) in alternatives(["erection"])[stem("erection")]


def test_whether_to_hold_off_gets_no_verdict() -> None:
    from curbside.answer.questions import asks_to_hold_off

    assert asks_to_hold_off("81-year-old woman with right iliac fossa pain. In a patient this age, do a normal white "
                            "count and CRP make acute appendicitis unlikely enough to hold off?")
    assert not asks_to_hold_off("Should she have an appendicectomy?")


def test_a_setting_is_no_part_of_its_own() -> None:
    from curbside.answer.gaps import own_words

    question = ("81-year-old woman with right iliac fossa pain, WCC 7.9, CRP 6. In a patient this age, do a normal "
                "white count and CRP make acute appendicitis unlikely enough to hold off?")
    assert [part for part, _words, _asked in own_words(question)] == [
        "do a normal white count and CRP make acute appendicitis unlikely enough to hold off?"]
    assert len(own_words(SPONDYLOLISTHESIS)) == 2


def test_an_abstracts_upper_case_conclusion_label_marks_its_conclusion() -> None:
    from curbside.answer.generators.extractive.candidates import extract

    text = ("METHODS In 209 consecutive patients with a history of syncope and positive head-up tilt tests, 19 had "
            "asystole lasting > 5 seconds. CONCLUSIONS (1) Asystole during head-up tilt test does not imply a "
            "malignant outcome and syncope recurrence is low; (2) pacemaker or drug therapy do not significantly "
            "influence outcome.")
    hit = _hit("beir:scifact:323335#2", "Asystole during head-up tilt test.", "Abstract", text, Kind.OTHER)
    found = {c.text: c.conclusion for c in extract([hit])}
    assert found["(1) Asystole during head-up tilt test does not imply a malignant outcome and syncope recurrence is "
                 "low; (2) pacemaker or drug therapy do not significantly influence outcome."] is True
    assert not any(conclusion for text, conclusion in found.items() if text.startswith("In 209"))


def test_a_conclusions_finding_and_what_it_means_are_one_statement() -> None:
    from curbside.answer.generators.extractive.candidates import extract

    text = ("Retinal haemorrhages following a convulsive episode are rare. Such a finding should trigger an extensive "
            "search for other reasons, including child abuse.")
    hit = _hit("pmid:11970923#3", "", "CONCLUSIONS", text, Kind.OTHER)
    assert [c.text for c in extract([hit])] == [text]


@pytest.mark.parametrize(("british", "american"), [
    ("bacteraemic", "bacteremic"), ("anaemic", "anemic"), ("aetiology", "etiology"), ("caesarean", "cesarean"),
    ("uraemic", "uremic"), ("systemic", "systemic"), ("measurement", "measurement"),
])
def test_the_adjectives_of_aemia_words_are_spelt_the_american_way(british: str, american: str) -> None:
    from curbside.spelling import american as to_american

    assert to_american(british) == american


def test_a_grade_label_after_the_statement_marks_a_recommendation() -> None:
    text = ("The World Health Organization (WHO) prequalified male circumcision devices are efficacious, safe and "
            "acceptable as additional methods of male circumcision for human immunodeficiency virus (HIV) prevention "
            "among healthy men 18 years and older in high HIV prevalence, resource-limited settings (conditional, "
            "moderate quality evidence).")
    assert RECOMMENDATION_CUE.search(text)
    assert not RECOMMENDATION_CUE.search("Devices were used in high HIV prevalence settings (moderate uptake).")


def test_good_practice_looking_like_something_asks_no_symptoms() -> None:
    from curbside.answer.themes import question_intents

    assert "symptoms" not in question_intents("What does good practice look like for the rest of her antenatal care?")
    assert "symptoms" in question_intents("What does a shingles rash look like?")


def test_how_to_respond_to_the_requests_asks_what_was_requested() -> None:
    from curbside.answer.vignette import asking

    question = ("26-year-old woman, G1 at 35 weeks, with type III female genital cutting. The couple ask whether she "
                "will need a caesarean because of the cutting. How should we respond to these requests, and what does "
                "good practice look like for her antenatal care?")
    assert "caesarean because of the cutting" in asking(question)


MERALGIA = ("For a couple of months I've had a burning, numb patch on the outside of my right thigh, and it feels "
            "horrible when my jeans rub against it. My leg isn't weak and my back doesn't hurt. What is this, and will "
            "it go away?")


@pytest.fixture(scope="module")
def pages_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    # NINDS's page on meralgia paresthetica and NHLBI's on von Willebrand disease (MedQuAD), beside the guidelines
    store = guideline_kb(tmp_path_factory, (), corpora=("medquad/6_NINDS_QA/0000046.xml",
                                                        "medquad/8_NHLBI_QA_XML/0000139.xml"))
    yield store
    store.close()


def test_a_question_naming_no_disease_reads_the_page_its_words_describe(pages_kb: Store) -> None:
    from curbside.answer.generators.extractive.asks import Asks

    assert Asks.of(MERALGIA).describes
    assert not Asks.of(VWD).describes  # (it names von Willebrand disease)
    answer = ask(pages_kb, Settings(kb=pages_kb.path, retriever="lexical", offline=True), MERALGIA, save=False)
    # (it says what this is, then whether it goes away: session 35's described page answers "What is this, …?" whether
    # or not the question has words of its own)
    assert answer.bottom_line.text.startswith("Meralgia paresthetica is a disorder characterized by tingling")
    assert answer.sections[0].bullets[0].text == "Meralgia paresthetica usually has a good prognosis."


MSLT = ("Initial multiple sleep latency testing (MSLT) and/or maintenance of wakefulness testing (MWT) is appropriate "
        "for suspected narcolepsy when all of the following conditions are met:\n"
        "- Daytime hypersomnolence has been present for at least eight weeks\n"
        "- The patient has at least one of the following:\n"
        "- Disrupted nocturnal sleep\n- Cataplexy\n- Hallucinations (hypnagogic or hypnopompic)\n- Sleep paralysis\n"
        "- The patient has undergone polysomnography (PSG) since the onset of symptoms and symptoms persist despite "
        "adequate treatment of obstructive sleep apnea (if present)\n"
        "Repeat MSLT and/or MWT is appropriate for suspected narcolepsy when all of the following conditions are met:\n"
        "- Previous MSLT/MWT did not provide a diagnosis of narcolepsy\n"
        "- The patient has continued symptoms suggestive of narcolepsy")


def test_a_list_nested_in_a_list_item_stays_in_it_and_conditions_that_must_all_hold_stay_together() -> None:
    from curbside.answer.generators.extractive.layout import _lines

    first, repeat = _lines(MSLT)
    assert first.endswith(
        "when all of the following conditions are met: daytime hypersomnolence has been present for at least eight "
        "weeks; the patient has at least one of the following: disrupted nocturnal sleep, cataplexy, hallucinations "
        "(hypnagogic or hypnopompic), sleep paralysis; the patient has undergone polysomnography (PSG) since the onset "
        "of symptoms and symptoms persist despite adequate treatment of obstructive sleep apnea (if present).")
    assert repeat.startswith("Repeat MSLT")


@pytest.fixture(scope="module")
def cushing_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    # the Endocrine Society's guideline on treating Cushing's syndrome (NGC) beside the first guideline summaries
    store = guideline_kb(tmp_path_factory, ("ngc-10806.xml",))
    yield store
    store.close()


def test_asked_for_second_line_options_the_advice_for_a_failed_first_treatment_leads(cushing_kb: Store) -> None:
    answer = ask(cushing_kb, Settings(kb=cushing_kb.path, retriever="lexical", offline=True), CUSHING, save=False)
    assert "several available second-line therapies" in answer.bottom_line.text
    assert not any(n.kind == "gaps" and "radiotherapy" in n.text for n in answer.safety)


def test_a_trials_title_is_no_statement() -> None:
    from curbside.answer.generators.extractive.candidates import extract
    from curbside.answer.lead_cues import STUDY_TITLE

    title = ("Robot-assisted radical cystectomy versus open radical cystectomy in patients with bladder cancer "
             "(RAZOR): an open-label, randomised, phase 3, non-inferiority trial.")
    assert STUDY_TITLE.match(title)
    (found,) = extract([_hit("bioasq:29976469#0", "", "Snippet", title, Kind.OTHER)])
    assert found.fragment
    assert not STUDY_TITLE.match("Robotic cystectomy was non-inferior to open cystectomy: the trial met its endpoint.")


def test_a_tools_title_names_the_tool() -> None:
    from curbside.answer.lead_cues import DESIGN_SUBTITLE

    # (BioASQ: "Which tool has been developed for microRNA-target enrichment and network-based analysis?")
    assert not DESIGN_SUBTITLE.search("MIENTURNET: an interactive web tool for microRNA-target enrichment and "
                                      "network-based analysis.")


SURFACTANT = ("Does early surfactant (for example Curosurf given within the first hour) help a newborn with a "
              "prenatally diagnosed left-sided diaphragmatic hernia (CDH) who is intubated straight after delivery?")
GEMFIBROZIL = ("Should I add gemfibrozil to atorvastatin for a 60-year-old with type 2 diabetes whose triglycerides "
               "are still 4.8 mmol/L despite dietary changes?")


@pytest.fixture(scope="module")
def neonatal_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    # AARC's surfactant guideline, ACC/AHA's and NICE's on lipids and others on diabetes (NGC), beside the first ones
    store = guideline_kb(tmp_path_factory, ("ngc-9840.xml", "ngc-10477.xml", "ngc-10501.xml", "ngc-10573.xml",
                                            "ngc-10856.xml", "ngc-10399.xml"))
    yield store
    store.close()


def test_a_contraindication_for_the_patients_condition_is_no_yes() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator

    title = "AARC clinical practice guideline. Surfactant replacement therapy: 2013."
    section = "Major Recommendations — Relative contraindications to surfactant administration are"
    text = ("- The presence of congenital anomalies incompatible with life beyond the neonatal period\n"
            "- Respiratory distress in infants with laboratory evidence of lung maturity\n"
            "- Diagnosis of congenital diaphragmatic hernia\n"
            "- Patient hemodynamically unstable\n- Active pulmonary hemorrhage")
    draft = ExtractiveGenerator().generate(SURFACTANT, [_hit("ngc:9840#17", title, section, text)], Audience.CLINICIAN)
    # (check42 read "Yes" over "Relative contraindications to surfactant administration are diagnosis of CDH")
    assert draft.verdict is Verdict.NO


def test_proof_is_no_key(neonatal_kb: Store) -> None:
    question = ("My husband is 58 and has had a bad lower back for years. He's spending a fortune on glucosamine "
                "tablets from the health food shop. Is there any proof they help back pain like his?")
    # (the question's rarest asked word would otherwise be its key: check42 printed "Yes" over spinal injections)
    assert TermStats(neonatal_kb).terms(analyse(question)).key == stem("glucosamine")


def test_a_drug_no_passage_found_is_searched_for_by_the_questions_medical_names(neonatal_kb: Store) -> None:
    from curbside.answer.evidence import gather
    from curbside.retrieve import make_retriever

    settings = Settings(kb=neonatal_kb.path, retriever="lexical", offline=True)
    evidence = gather(make_retriever(neonatal_kb, settings), analyse(GEMFIBROZIL), Audience.CLINICIAN, k=settings.k,
                      stats=TermStats(neonatal_kb))
    assert evidence.key_covered


def test_an_abstracts_interventions_label_marks_methods_and_post_procedure_names_the_procedure() -> None:
    from curbside.answer.generators.extractive.candidates import extract

    text = ("INTERVENTIONS Children were randomly assigned to receive dexamethasone (0.05, 0.15, or 0.5 mg/kg) or "
            "placebo intravenously after induction of anesthesia. CONCLUSIONS In this study of children undergoing "
            "tonsillectomy, dexamethasone decreased the risk of PONV dose dependently but was associated with an "
            "increased risk of postoperative bleeding.")
    first, conclusion = extract([_hit("beir:scifact:23349986#0", "", "Abstract", text, Kind.OTHER)])
    assert first.background and not first.text.startswith("INTERVENTIONS")
    assert conclusion.conclusion
    question = ("Does a single dose of IV dexamethasone at induction, given to stop children vomiting after having "
                "their tonsils out, make post-tonsillectomy bleeding more likely?")
    # ("children undergoing tonsillectomy" are the children the question asks about)
    assert not Scope.of(question).narrower(conclusion.text)


def test_what_works_best_asks_about_treatment() -> None:
    from curbside.answer.themes import question_intents

    assert "treatment" in question_intents("What works best for hemifacial spasm in a 62-year-old woman?")


def test_adults_whose_disease_is_being_monitored_are_a_narrower_group() -> None:
    question = ("A routine abdominal ultrasound for gallstones in a 50-year-old picked up a 2 cm liver lesion that the "
                "sonographer couldn't characterise. When is a microbubble contrast ultrasound (SonoVue) the right next "
                "test rather than going straight to CT or MRI?")
    text = ("Contrast-enhanced ultrasound with SonoVue is recommended for characterising focal liver lesions in adults "
            "whose cirrhosis is being monitored.")
    assert Scope.of(question).narrower(text)
    assert not Scope.of("How should the cirrhosis of adults be monitored?").narrower(text)
