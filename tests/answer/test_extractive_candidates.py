"""How the extractive generator reads real guideline text: list items joined to the line that
introduces them, scope fields and profile labels kept out, fragments and titles not quoted,
and evidence about another disease not used. Texts are from the shared corpora (NGC, MedQuAD)."""

from __future__ import annotations

import pytest

from curbside.answer.clauses import is_clause
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.candidates import Candidate, extract, trim
from curbside.answer.themes import ESCALATION, PITFALL
from curbside.records import Audience, Kind
from tests.answer.realtext import text_hit as _hit


def _texts(found: list[Candidate], usable: bool = False) -> list[str]:
    return [c.text for c in found if not usable or not (c.meta or c.fragment)]


CKD_TITLE = ("Chronic kidney disease. Early identification and management of chronic kidney disease in adults in "
             "primary and secondary care.")


def test_list_items_join_the_heading_that_introduces_them() -> None:
    hit = _hit("ngc:10500#21", CKD_TITLE,
               "Major Recommendations — Offer a renal ultrasound scan to all people with CKD who",
               "- Have accelerated progression of CKD (see \"Defining Progression,\" below)\n"
               "- Have visible or persistent invisible haematuria\n"
               "- Are considered by a nephrologist to require a renal biopsy.\n"
               "Advise people with a family history of inherited kidney disease about the implications of an "
               "abnormal result before a renal ultrasound scan is arranged for them.")
    texts = _texts(extract([hit]))
    assert texts[0] == ("Offer a renal ultrasound scan to all people with CKD who have accelerated progression of "
                        "CKD; have visible or persistent invisible haematuria; "
                        "are considered by a nephrologist to require a renal biopsy.")
    assert not any(t.startswith("Have ") for t in texts)


def test_a_long_list_is_said_one_item_at_a_time() -> None:
    items = "".join(f"- Have condition number {n} that is described here in some detail for the reader\n"
                    for n in range(6))
    hit = _hit("ngc:10500#22", CKD_TITLE, "Major Recommendations — Offer a renal ultrasound scan to all people "
               "with CKD who", items)
    texts = _texts(extract([hit]))
    assert len(texts) == 6 and texts[0] == ("Offer a renal ultrasound scan to all people with CKD who have condition "
                                            "number 0 that is described here in some detail for the reader.")


def test_a_list_item_can_open_a_list_of_its_own() -> None:
    hit = _hit("ngc:10628#23", "VA/DoD clinical practice guideline for the management of chronic kidney disease.",
               "Major Recommendations — Clinical Management",
               "- Although there is insufficient evidence to recommend for or against referral to a nephrology "
               "specialist for patients with stage 3 CKD, the guideline panel suggests consultation with a "
               "nephrologist for patients with any of the following conditions:\n"
               "- Rapidly declining eGFR\n"
               "- Proteinuria above 1 g/day")
    found = extract([hit])
    assert [c.text for c in found] == [
        "Although there is insufficient evidence to recommend for or against referral to a nephrology specialist for "
        "patients with stage 3 CKD, the guideline panel suggests consultation with a nephrologist for patients with "
        "any of the following conditions: rapidly declining eGFR; proteinuria above 1 g/day."]
    assert not found[0].meta


def test_list_items_join_a_line_ending_in_a_colon() -> None:
    hit = _hit("ngc:10473#11", "Atrial fibrillation: the management of atrial fibrillation.",
               "Major Recommendations — Diagnosis and Assessment",
               "Perform transoesophageal echocardiography (TOE) in people with AF:\n"
               "- When TTE demonstrates an abnormality (such as valvular heart disease) that warrants further "
               "specific assessment\n"
               "- In whom TTE is technically difficult and/or of questionable quality and where there is a need "
               "to exclude cardiac abnormalities")
    texts = _texts(extract([hit]))
    assert texts == [("Perform transoesophageal echocardiography (TOE) in people with AF: when TTE demonstrates an "
                      "abnormality (such as valvular heart disease) that warrants further specific assessment; in "
                      "whom TTE is technically difficult and/or of questionable quality and where there is a need to "
                      "exclude cardiac abnormalities.")]


def test_items_under_a_meta_opening_are_dropped() -> None:
    hit = _hit("ngc:10116#3", "AAOS appropriate use criteria for non-arthroplasty treatment of osteoarthritis of "
               "the knee.", "Major Recommendations",
               "Before these Appropriate Use Criteria (AUC) are consulted, it is assumed that:\n"
               "- The patient has a diagnosis of osteoarthritis of the knee\n"
               "- The physician has an informed discussion with the patient about the treatment options\n"
               "Consider topical NSAIDs for pain relief in people with knee osteoarthritis.")
    assert _texts(extract([hit])) == ["Consider topical NSAIDs for pain relief in people with knee osteoarthritis."]


def test_scope_fields_and_profile_labels_are_not_claims() -> None:
    objective = _hit("ngc:10929#2", "Clinical practice guideline: otitis media with effusion (update).",
                     "Guideline objective(s)",
                     "- To provide evidence-based recommendations to manage otitis media with effusion (OME), "
                     "defined as the presence of fluid in the middle ear without signs or symptoms of acute ear "
                     "infection")
    profile = _hit("ngc:9684#9", "The diagnosis and management of acute otitis media.",
                   "Major Recommendations — Key Action Statement 1B",
                   "Key Action Statement Profile: KAS 1B\n"
                   "- Benefits: Identify AOM in children when the diagnosis is not highly certain.\n"
                   "- Risks, harms, cost: Overdiagnosis of AOM. Reduced precision in diagnosis.\n"
                   "- Benefits-harms assessment: Benefits greater than harms")
    found = extract([objective, profile])
    assert found and all(c.meta or c.fragment for c in found)


@pytest.mark.parametrize("text", [
    "Aspirin (not recommended for primary prevention)",
    "Chronic kidney disease stage 4 or 5.",
    "Metabolic complications of CKD (e.g., anemia, secondary hyperparathyroidism)",
    "Erenumab for Preventive Treatment of Migraine: A Systematic Review and Meta-Analysis of Efficacy and Safety.",
    "Use of emergency care or hospitalizations for asthma.",
    "Etizolam in the treatment of generalized anxiety disorder associated with depressive symptoms.",
])
def test_fragments(text: str) -> None:
    assert not is_clause(text)


@pytest.mark.parametrize("text", [
    "Offer a renal ultrasound scan to all people with CKD.",
    "Many nonradiologists use pulmonary nodule calculators to estimate the pretest probability of malignancy.",
    "This can damage your joints, skin, blood vessels and organs.",
    "In the presence of vomit, seizures or irregular breathing, turn the patient on their side.",
    "Benefits clearly outweigh risk and burdens.",
    "Twenty one patients underwent such procedures in January and February.",
    "Do not offer traction for managing low back pain.",
    "Mortality associated with sepsis was high.",
    "Patients treated with etizolam improved.",
])
def test_clauses(text: str) -> None:
    assert is_clause(text)


def test_cut_off_and_relative_sentences_are_fragments() -> None:
    hit = _hit("medquad:x#1", "H. pylori", "Prevention",
               "To help prevent an H. pylori infection, you should:\n"
               "In whom TTE is technically difficult and where there is a need to exclude cardiac abnormalities.\n",
               kind=Kind.CONSUMER)
    assert all(c.fragment for c in extract([hit]))


@pytest.mark.parametrize(("raw", "clean"), [
    ("Bleeding RiskThe risk for gastrointestinal bleeding increases with older age.",
     "The risk for gastrointestinal bleeding increases with older age."),
    ("PubMed was searched for trials.", "PubMed was searched for trials."),
    ("5The frequency of monitoring should be based on the stability of renal function.",
     "The frequency of monitoring should be based on the stability of renal function."),
    ("BACKGROUND In the assessment of severity in community acquired pneumonia, the rule identifies patients.",
     "In the assessment of severity in community acquired pneumonia, the rule identifies patients."),
    ("Know the Signs Knowing the warning signs of stroke and controlling its risk factors can lower your risk.",
     "Knowing the warning signs of stroke and controlling its risk factors can lower your risk."),
    ("The Work Group recommends that all patients be screened for depression.",
     "The Work Group recommends that all patients be screened for depression."),
    ("First-Line Therapy The Work Group recommends the use of thiazide-type diuretics for hypertension.",
     "The Work Group recommends the use of thiazide-type diuretics for hypertension."),
    ("Recommendation 2: Clinicians should not routinely obtain imaging in nonspecific low back pain.",
     "Clinicians should not routinely obtain imaging in nonspecific low back pain."),
    ("If metformin is not tolerated, consider dual therapy3 with a DPP-4 inhibitor and pioglitazone2.",
     "If metformin is not tolerated, consider dual therapy with a DPP-4 inhibitor and pioglitazone."),
])
def test_trim(raw: str, clean: str) -> None:
    assert trim(raw) == clean


def test_pitfall_and_escalation_cues_read_their_context() -> None:
    assert not ESCALATION.search("Heart failure with normal systolic function, also referred to as diastolic heart "
                                 "failure, is increasingly recognised.")
    assert not ESCALATION.search("Menopausal hormone therapy refers to the use of combined estrogen and progestin.")
    assert ESCALATION.search("Refer adults with CKD to a nephrologist if their eGFR is below 30.")
    assert not PITFALL.search("TIAs are often warning signs that a person is at risk for a more serious stroke.")
    assert not PITFALL.search("NPPV was found useful in avoiding endotracheal intubation in severe pneumonia.")
    assert not PITFALL.search("The balance of benefits and harms cannot be determined.")
    assert PITFALL.search("Avoid deep hip flexion stretching in the early phase.")


def test_evidence_about_another_disease_is_not_used() -> None:
    diabetes = _hit("ngc:10781#9", "Diagnosis and management of type 2 diabetes mellitus in adults.",
                    "Major Recommendations",
                    "A clinician should initiate metformin as first-line pharmacotherapy for patients with type 2 "
                    "diabetes, unless medically contraindicated.")
    lung = _hit("ngc:11310#26", "Systemic therapy for stage IV non–small-cell lung cancer.",
                "Major Recommendations — Recommendation A3",
                "If patients have stage IV NSCLC and ALK rearrangements, first-line crizotinib is recommended.")
    found = ExtractiveGenerator().candidates("What is the first-line treatment for type 2 diabetes?",
                                             [diabetes, lung], Audience.CLINICIAN)
    on_topic = {c.hit.document.id: c.on_topic for c in found}
    assert on_topic == {"ngc:10781": True, "ngc:11310": False}


def test_the_main_clause_sets_a_sentence_theme() -> None:
    from curbside.answer.themes import primary_theme

    assert primary_theme("The USPSTF recommends obtaining blood pressure measurements outside of the clinical "
                         "setting for diagnostic confirmation before starting treatment.") == "diagnosis"
    assert primary_theme("Pharmacological treatment of level-1 hypertension is recommended.") == "drugs"
    assert primary_theme("Treatment of hypertension is recommended independently of gender.") == "treatment"


def test_a_treatment_question_is_not_answered_by_a_screening_statement() -> None:
    screening = _hit("uspstf:1#0", "Hypertension in Adults: Screening", "Recommendation",
                     "The USPSTF recommends obtaining blood pressure measurements outside of the clinical setting "
                     "for diagnostic confirmation of hypertension before starting treatment (Grade A).")
    treatment = _hit("ngc:10598#44", "VA/DoD clinical practice guideline for the management of hypertension.",
                     "Recommendation [Strong for] — First-Line Therapy",
                     "The Work Group recommends the use of thiazide-type diuretics for the treatment of "
                     "hypertension. (Strong for)")
    draft = ExtractiveGenerator().generate("How is hypertension treated in adults?", [screening, treatment],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("The Work Group recommends the use of thiazide-type diuretics")


def test_a_referral_question_is_answered_by_when_to_refer() -> None:
    ultrasound = _hit("ngc:10500#21", CKD_TITLE, "Major Recommendations",
                      "Offer a renal ultrasound scan to all people with chronic kidney disease who have visible "
                      "haematuria. Use the CKD-EPI creatinine equation to estimate GFR in chronic kidney disease.")
    referral = _hit("ngc:10500#30", CKD_TITLE, "Major Recommendations — Referral Criteria",
                    "Refer people with chronic kidney disease to a nephrologist if their GFR is less than 30 "
                    "ml/min/1.73 m2.")
    draft = ExtractiveGenerator().generate("When should patients with chronic kidney disease be referred to a "
                                           "nephrologist?", [ultrasound, referral], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Refer people with chronic kidney disease to a nephrologist")


def test_a_list_that_starts_on_its_opening_line() -> None:
    hit = _hit("medquad:NIHSeniorHealth:0000066#33", "Stroke", "What are the symptoms of Stroke ?",
               "Warning signs are clues your body sends to tell you that your brain is not receiving enough oxygen. "
               "These are warning signs of a stroke, or brain attack: - sudden numbness or weakness of the face, "
               "arm, or leg, especially on one side of the body\n"
               "- sudden confusion, trouble speaking or understanding\n"
               "- sudden trouble seeing in one or both eyes", kind=Kind.CONSUMER)
    found = extract([hit])
    assert [c.text for c in found] == [
        "Warning signs are clues your body sends to tell you that your brain is not receiving enough oxygen.",
        "These are warning signs of a stroke, or brain attack: sudden numbness or weakness of the face, arm, or "
        "leg, especially on one side of the body; sudden confusion, trouble speaking or understanding; sudden "
        "trouble seeing in one or both eyes."]
    assert not found[1].dangling  # "These are …:" points forward to its list


def test_an_answer_says_when_nothing_speaks_to_what_was_asked() -> None:
    imaging = _hit("ngc:10400#5", "ACR Appropriateness Criteria acute pancreatitis.", "Major Recommendations",
                   "In acute pancreatitis, an enhanced CT should be performed if the clinical presentation and "
                   "amylase and lipase levels are equivocal.")
    draft = ExtractiveGenerator().generate("What is the management of acute pancreatitis?", [imaging],
                                           Audience.CLINICIAN)
    # for a clinician: an honest "too little evidence", with the closest sentence shown as such
    assert draft.insufficient and draft.bottom_line.text.startswith("The knowledge base has too little evidence")
    assert draft.sections[0].bullets[0].text.startswith("In acute pancreatitis, an enhanced CT")
    assert any("no evidence sentence speaks to the question (treatment)" in n for n in draft.notes)
    draft = ExtractiveGenerator().generate("What is the management of acute pancreatitis?", [imaging],
                                           Audience.PATIENT)
    assert not draft.insufficient and draft.bottom_line.text.startswith("In acute pancreatitis, an enhanced CT")
    assert any("no evidence sentence speaks directly to the question (treatment)" in n for n in draft.notes)
    treated = _hit("ngc:10401#6", "Acute pancreatitis.", "Major Recommendations",
                   "In acute pancreatitis, early oral feeding is recommended for the treatment of mild disease.")
    draft = ExtractiveGenerator().generate("What is the management of acute pancreatitis?", [imaging, treated],
                                           Audience.CLINICIAN)
    assert not draft.insufficient and not any("speaks" in n for n in draft.notes)


def test_a_bottom_line_says_more_than_the_question() -> None:
    restated = _hit("ngc:7748#68", "Clinical practice guidelines on arterial hypertension.", "Major Recommendations",
                    "The treatment of hypertension is recommended independently of gender.")
    drugs = _hit("ngc:10397#13", "2014 evidence-based guideline for the management of high blood pressure in "
                 "adults.", "Major Recommendations — Recommendation 6",
                 "In the general nonblack population, including those with diabetes, initial antihypertensive "
                 "treatment should include a thiazide-type diuretic, calcium channel blocker (CCB), "
                 "angiotensin-converting enzyme inhibitor (ACEI), or angiotensin receptor blocker (ARB).")
    draft = ExtractiveGenerator().generate("How is hypertension treated in adults?", [restated, drugs],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("In the general nonblack population")


def test_a_bottom_line_is_the_first_step_not_what_to_do_if_it_fails() -> None:
    later = _hit("ngc:10397#16", "2014 evidence-based guideline for the management of high blood pressure in "
                 "adults.", "Major Recommendations — Recommendation 9",
                 "If goal blood pressure is not reached within a month of treatment of hypertension, increase the "
                 "dose of the initial drug or add a second drug from one of the classes in recommendation 6.")
    first = _hit("ngc:10597#3", "Hypertension in adults: diagnosis and management.", "Major Recommendations",
                 "Offer a calcium channel blocker as step 1 treatment of hypertension to people aged over 55 years "
                 "and to black people of any age.")
    draft = ExtractiveGenerator().generate("How is hypertension treated?", [later, first], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Offer a calcium channel blocker")


def test_a_bullet_sits_under_the_theme_of_its_main_clause() -> None:
    from curbside.answer.themes import primary_theme, sentence_themes

    work_up = ("The initial study of the hypertensive patient is comprised by the physical examination, blood "
               "analysis (creatinine, sodium, potassium) and electrocardiography (ECG) (grade D).")
    assert "diagnosis" in sentence_themes(work_up) and primary_theme(work_up) == "diagnosis"
    assert "drugs" in sentence_themes("Initial treatment should include a thiazide-type diuretic or CCB.")
    assert "drugs" in sentence_themes("Consider an ACE inhibitor or an angiotensin receptor blocker.")


def test_a_list_repeated_without_its_markers_is_read_once() -> None:
    hit = _hit("medquad:NIHSeniorHealth:0000066#6", "Stroke", "What are the symptoms of Stroke ?",
               "These are warning signs of a stroke: - sudden numbness or weakness of the face, arm, or leg\n"
               "- sudden confusion, trouble speaking or understanding\n"
               "- sudden severe headache with no known cause. sudden numbness or weakness of the face, arm, or leg "
               "sudden confusion, trouble speaking or understanding sudden severe headache with no known cause. "
               "Other danger signs that may occur include double vision.", kind=Kind.CONSUMER)
    assert [c.text for c in extract([hit])] == [
        "These are warning signs of a stroke: sudden numbness or weakness of the face, arm, or leg; sudden "
        "confusion, trouble speaking or understanding; sudden severe headache with no known cause.",
        "Other danger signs that may occur include double vision."]


def test_for_those_refers_back() -> None:
    hit = _hit("ngc:1#1", "Head lice.", "Major Recommendations",
               "For those that are more strongly ovicidal, retreatment is recommended only if live lice are still "
               "present several days after treatment. For those who have an active infestation, treatment is "
               "recommended.")
    first, second = extract([hit])
    assert first.dangling and not second.dangling


def test_a_grade_on_its_own_line_joins_its_recommendation() -> None:
    hit = _hit("ngc:10397#13", "Management of high blood pressure in adults.", "Major Recommendations",
               "In the general nonblack population, initial antihypertensive treatment should include a "
               "thiazide-type diuretic or CCB.\nModerate Recommendation – Grade B")
    (only,) = extract([hit])
    assert only.text.endswith("thiazide-type diuretic or CCB (Moderate Recommendation – Grade B).")
    assert only.graded


def test_a_course_of_antibiotics_is_a_dose_not_a_prognosis() -> None:
    from curbside.answer.themes import primary_theme, sentence_themes

    assert primary_theme("Offer a 5-day course of a single antibiotic to patients with pneumonia.") == "drugs"
    assert "prognosis" not in sentence_themes("In women with recurrent urinary tract infection, consider imaging.")
    assert primary_theme("The natural course of the disease is benign.") == "prognosis"


def test_a_pitfall_for_another_population_is_not_a_general_pitfall() -> None:
    uti = _hit("ngc:1#1", "Urinary tract infection in women.", "Major Recommendations",
               "A 3-day course of antibiotics is the treatment of uncomplicated urinary tract infection in "
               "women.")
    luts = _hit("ngc:2#1", "Lower urinary tract symptoms in men: management.", "Major Recommendations",
                "Do not routinely offer imaging of the upper urinary tract to men with uncomplicated urinary tract "
                "infection at initial assessment.")
    draft = ExtractiveGenerator().generate("What is the treatment of uncomplicated urinary tract infection in "
                                           "women?", [uti, luts], Audience.CLINICIAN)
    assert not draft.pitfalls  # it stays in the body, with the statements about its group
    assert any("to men with" in b.text for section in draft.sections for b in section.bullets)


def test_a_research_question_is_answered_from_what_was_found() -> None:
    # "How many …" reads as a drugs question to the theme reader; no clinical management is asked, so
    # the closest finding is the answer, not "too little evidence"
    hit = _hit("bioasq:1#0", "Elephant TP53 copies.", "Abstract",
               "Here, we show that the elephant genome encodes 20 copies of the tumor suppressor gene TP53.",
               kind=Kind.OTHER)
    draft = ExtractiveGenerator().generate("How many copies of TP53 does the elephant genome contain?", [hit],
                                           Audience.CLINICIAN)
    assert not draft.insufficient and draft.bottom_line.text.startswith("Here, we show")


def test_a_guideline_leads_with_what_it_recommends_not_its_evidence_summary() -> None:
    title = "Management of acute and recurrent gout: a clinical practice guideline."
    summary = _hit("ngc:11127#16", title, "Major Recommendations",
                   "Moderate- to high-quality evidence suggests that urate-lowering therapy reduces the risk for "
                   "acute gout attacks after 1 year, but not within the first 6 months of treatment.")
    concession = _hit("ngc:11127#9", title, "Major Recommendations",
                      "Although indomethacin is commonly considered as the first-line NSAID for treatment of acute "
                      "gout, there is no evidence that it is more efficacious than other NSAIDs.")
    recommendation = _hit("ngc:11127#7", title, "Major Recommendations",
                          "Recommendation 1: The American College of Physicians (ACP) recommends that clinicians "
                          "choose corticosteroids, nonsteroidal anti-inflammatory drugs (NSAIDs), or colchicine to "
                          "treat patients with acute gout. (Grade: strong recommendation, high-quality evidence)")
    draft = ExtractiveGenerator().generate("How is gout treated during an acute flare?",
                                           [summary, concession, recommendation], Audience.CLINICIAN)
    assert draft.bottom_line.text == (
        "The American College of Physicians (ACP) recommends that clinicians choose corticosteroids, nonsteroidal "
        "anti-inflammatory drugs (NSAIDs), or colchicine to treat patients with acute gout (Grade: strong "
        "recommendation, high-quality evidence).")


def test_acute_counts_for_a_flare_but_is_not_a_key() -> None:
    from curbside.answer.synonyms import alternatives
    from curbside.answer.text import stem

    flare = alternatives(["gout", "flare"])[stem("flare")]
    assert frozenset({stem("acute")}) in flare
    assert not any(stem("flare") in form for form in alternatives(["acute", "bronchitis"]).get(stem("acute"), ()))


def test_a_purpose_is_not_a_pitfall_and_a_radiation_dose_is_not_a_drug_dose() -> None:
    from curbside.answer.themes import sentence_themes

    assert not PITFALL.search("Give the first subcutaneous insulin dose two hours before stopping the infusion to "
                              "avoid rebound hyperglycemia.")
    assert PITFALL.search("NSAIDs should be avoided in chronic kidney disease.")
    assert "drugs" not in sentence_themes("Tomosynthesis improves the detection of stones with only a slight "
                                          "increase in effective dose.")


@pytest.mark.parametrize("text", [
    "Recommendation based on systematic reviews of RCTs with a preponderance of benefit over harm.",
    "The work group recognizes that there is a balance between harms and benefit, based on moderate quality "
    "evidence, or that there is uncertainty about the estimates of the benefits.",
])
def test_a_grades_definition_is_not_a_claim(text: str) -> None:
    from curbside.answer.generators.extractive.cues import META_CUE

    assert META_CUE.search(text)


def test_setting_and_surgery_words_in_the_theme_reader() -> None:
    from curbside.answer.themes import primary_theme

    assert primary_theme("Patients who are actively being treated for CDI should not undergo testing for CDI.") \
        == "diagnosis"
    assert primary_theme("Appendectomy is not recommended in an elderly patient, although symptoms indicate "
                         "acute appendicitis.") == "treatment"


def test_a_bottom_line_about_another_disease_only_does_not_lead() -> None:
    other = _hit("bioasq:25808831#0", "Finafloxacin in otitis externa and acute pyelonephritis.", "Abstract",
                 "An otic suspension of finafloxacin was recently approved in the USA for the treatment of acute "
                 "otitis externa.", kind=Kind.OTHER)
    imaging = _hit("ngc:10666#18", "ACR Appropriateness Criteria acute pyelonephritis.", "Major Recommendations",
                   "CT is superior to ultrasound in the diagnosis of acute pyelonephritis.")
    draft = ExtractiveGenerator().generate("How should acute pyelonephritis be treated?", [other, imaging],
                                           Audience.CLINICIAN)
    # nothing about treating pyelonephritis itself: too little evidence, not otitis externa
    assert draft.insufficient


def test_a_grading_schemes_lines_are_not_claims() -> None:
    from curbside.answer.generators.extractive.cues import META_CUE

    assert META_CUE.search("Grade I: The evidence consists of results from studies of strong design.")
    assert not META_CUE.search("Grade A is a strong recommendation to offer metformin.")


def test_sentences_run_together_by_the_source_are_split() -> None:
    from curbside.answer.generators.extractive.layout import segments

    assert segments("Chest pain or discomfort.Most heart attacks involve discomfort in the chest. See U.S. "
                    "guidance.") == ["Chest pain or discomfort.", "Most heart attacks involve discomfort in the "
                                     "chest.", "See U.S. guidance."]


def test_a_grade_left_at_the_start_of_the_next_sentence_goes_back_to_its_own() -> None:
    from curbside.answer.generators.extractive.layout import segments

    # (ACG GERD guideline, ngc:9639)
    text = ("Traditional delayed release PPIs should be administered 30–60 minutes before meal for maximal pH control. "
            "(Strong recommendation, moderate level of evidence) Newer PPIs may offer dosing flexibility relative to "
            "meal timing. (Conditional recommendation, moderate level of evidence)")
    assert segments(text) == [
        "Traditional delayed release PPIs should be administered 30–60 minutes before meal for maximal pH control "
        "(Strong recommendation, moderate level of evidence).",
        "Newer PPIs may offer dosing flexibility relative to meal timing (Conditional recommendation, moderate level "
        "of evidence)."]


def test_a_body_bullet_that_restates_the_question_is_left_out() -> None:
    restated = _hit("ngc:7748#68", "Clinical practice guidelines on arterial hypertension.", "Major Recommendations",
                    "The treatment of hypertension is recommended independently of gender.")
    drugs = _hit("ngc:10397#13", "Management of high blood pressure in adults.", "Major Recommendations",
                 "In the general nonblack population, initial antihypertensive treatment should include a "
                 "thiazide-type diuretic, calcium channel blocker, ACE inhibitor or angiotensin receptor blocker.")
    target = _hit("ngc:7748#34", "Clinical practice guidelines on arterial hypertension.", "Major Recommendations",
                  "SBP numbers below 140 mm Hg and DBP below 90 mm Hg are recommended as the target of the "
                  "treatment of the hypertensive patient.")
    draft = ExtractiveGenerator().generate("How is hypertension treated in adults?", [restated, drugs, target],
                                           Audience.CLINICIAN)
    texts = [b.text for s in draft.sections for b in s.bullets]
    assert texts and not any("independently of gender" in t for t in texts)


def test_a_question_about_side_effects_is_answered_by_the_harm() -> None:
    use = _hit("medquad:2#1", "Metformin", "Metformin", "Metformin is recommended for treatment of some people at very "
               "high risk of developing type 2 diabetes.", kind=Kind.CONSUMER)
    harm = _hit("medquad:2#4", "Metformin", "Metformin", "The most common side effects of metformin are diarrhea, gas "
                "and nausea.", kind=Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("What are the side effects of metformin?", [use, harm], Audience.PATIENT)
    assert draft.bottom_line.text.startswith("The most common side effects")
    assert not any("speaks directly" in n for n in draft.notes)


def test_a_sentence_pointing_back_to_a_list_it_does_not_quote_is_not_a_bottom_line() -> None:
    page = _hit("medquad:MPlusHealthTopics:0000052#0", "Appendicitis", "What is (are) Appendicitis ?",
                "The main symptom is pain in the abdomen, often on the right side. It is usually sudden and gets "
                "worse over time. Other symptoms may include\n- Swelling in the abdomen\n- Loss of appetite\n"
                "Not everyone with appendicitis has all these symptoms.", Kind.CONSUMER)
    found = extract([page])
    assert [c.dangling for c in found if "these symptoms" in c.text] == [True]
    draft = ExtractiveGenerator().generate("What are the symptoms of appendicitis?", [page], Audience.CLINICIAN)
    assert draft.bottom_line.text == "The main symptom is pain in the abdomen, often on the right side."


def test_a_consumer_page_saying_what_gets_rid_of_it_speaks_to_treatment() -> None:
    from curbside.answer.themes import primary_theme

    # MedlinePlus, *Tinea Infections*: the only treatment sentence for athlete's foot in the KB
    assert primary_theme("Over-the-counter creams and powders will get rid of many tinea infections, particularly "
                         "athlete's foot and jock itch.") == "treatment"
    assert primary_theme("Most cases clear up with treatment in a few weeks.") == "treatment"


def test_an_entry_of_a_reference_list_is_not_a_claim() -> None:
    hit = _hit("file:815d44fb578ec9f4e8c7#9", "Hemorrhoids", "References",
               "Nienhuijs S, de Hingh I. Conventional versus LigaSure hemorrhoidectomy for patients with symptomatic "
               "hemorrhoids. Outpatient treatments for internal hemorrhoids include rubber band ligation.")
    found = extract([hit])
    assert [c.meta for c in found] == [True, False]


def test_a_sentence_cut_out_of_a_word_is_a_fragment() -> None:
    hit = _hit("bioasq:1#1", "Psychedelics and PTSD", "Snippet", "O have anxiolytic effects, whereas MDMA has been "
               "used effectively in PTSD. A short course of prolonged exposure therapy reduced symptoms in most "
               "patients.", Kind.OTHER)
    assert [c.fragment for c in extract([hit])] == [True, False]


def test_advice_not_to_stop_a_drug_is_not_a_pitfall() -> None:
    hit = _hit("ngc:10172#30", "ACG clinical guideline: management of patients with acute lower gastrointestinal "
               "bleeding.", "Major Recommendations", "In patients with established high-risk cardiovascular "
               "disease and a history of LGIB, aspirin used for secondary prevention should not be discontinued. "
               "Aspirin for primary prevention of cardiovascular events should be avoided in most patients with LGIB.")
    assert [c.pitfall for c in extract([hit])] == [False, True]


def test_a_patients_evidence_section_does_not_call_health_pages_studies() -> None:
    from curbside.answer.themes import EVIDENCE_TITLES

    assert EVIDENCE_TITLES[Audience.PATIENT] == "What the sources say"
    page = _hit("medquad:MPlusHealthTopics:0000900#0", "Shingles", "What is (are) Shingles ?",
                "You can't catch shingles from someone who has it. Shingles comes from the virus hiding inside the "
                "person's body, not from an outside source. As you get older, the virus may reappear as shingles.",
                Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("Can you catch shingles from someone?", [page], Audience.PATIENT)
    assert all(s.title != "What studies found" for s in draft.sections)


def test_a_list_introduced_by_the_following_x_y_listed_alphabetically_is_a_recommendation() -> None:
    # APA PTSD guideline (NGC 11297): the list's opening has a slash word and a parenthetical before the colon
    hit = _hit("ngc:11297#6", "Clinical practice guideline for the treatment of posttraumatic stress disorder (PTSD) "
               "in adults.", "Major Recommendations — Psychotherapy",
               "For adult patients with posttraumatic stress disorder (PTSD), the panel strongly recommends that "
               "clinicians offer one of the following psychotherapies/interventions (listed alphabetically):\n"
               "- Cognitive behavioral therapy (CBT)*\n- Cognitive processing therapy (CPT)\n- Cognitive therapy (CT)\n"
               "- Prolonged exposure therapy (PE)")
    found = extract([hit])
    assert len(found) == 1 and not found[0].meta
    assert found[0].text.endswith("cognitive therapy (CT); prolonged exposure therapy (PE).")
    assert "clinicians offer one of the following" in found[0].text
    people = "People with GAD can't seem to get rid of their concerns, even though they realize it."
    from curbside.answer.themes import primary_theme

    assert primary_theme(people) != "treatment"  # not being able to get rid of a worry is not a treatment


def test_a_list_item_that_is_a_name_keeps_its_capital() -> None:
    from curbside.answer.generators.extractive.layout import segments

    # NICE NG69 (ngc:11223)
    [joined] = segments("For adults with anorexia nervosa, consider one of:\n- Individual eating-disorder-focused "
                        "cognitive behavioural therapy (CBT-ED)\n- Maudsley Anorexia Nervosa Treatment for Adults "
                        "(MANTRA)\n- Specialist supportive clinical management (SSCM)")
    assert "(CBT-ED); Maudsley Anorexia Nervosa Treatment for Adults (MANTRA); specialist supportive" in joined
    assert "consider one of individual eating-disorder-focused" in joined


def test_a_number_that_ends_a_sentence_is_not_a_list_marker() -> None:
    # ngc:11331#26 (ACR Appropriateness Criteria, breast cancer screening): the age had been cut off as if "40."
    # opened a numbered item, leaving "… recommended beginning at age."
    hit = _hit("ngc:11331#26", "ACR Appropriateness Criteria® breast cancer screening.", "Summary of Recommendations",
               "- For average-risk women, annual screening mammography or DBT (with accompanying planar or synthesized "
               "2-D images) is recommended beginning at age 40. For women with dense breasts, US may also be "
               "considered, but the balance between increased cancer detection and the increased risk of a "
               "false-positive examination should be considered in the decision.")
    texts = _texts(extract([hit]))
    assert texts[0].endswith("is recommended beginning at age 40.")
    assert texts[1].startswith("For women with dense breasts")
    numbered = _hit("ngc:1#1", CKD_TITLE, "Recommendations",
                    "The following apply: 1. Offer a renal ultrasound scan to adults with CKD. "
                    "2. Review the result with a nephrologist within 6 weeks.")
    assert _texts(extract([numbered]))[-2:] == ["Offer a renal ultrasound scan to adults with CKD.",
                                                "Review the result with a nephrologist within 6 weeks."]


def test_a_handgun_wound_to_the_thigh_is_a_penetrating_lower_extremity_injury() -> None:
    from curbside.answer.synonyms import alternatives
    from curbside.answer.terms import Terms
    from curbside.answer.text import content_stems, stem

    found = alternatives(["handgun", "wound", "to", "the", "thigh"])
    terms = Terms({stem("handgun"): 5.0, stem("thigh"): 4.0}, alternatives=found)
    east = set(content_stems("Evaluation of penetrating lower extremity vascular injury"))
    assert terms.covered(east) == {stem("handgun"), stem("thigh")}
    # (the wider wordings count for the group, never make its key: a question on lower limb ulcers is not on thighs)
    assert stem("thigh") not in alternatives(["lower", "limb", "ulcer"])
