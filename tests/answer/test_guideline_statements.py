"""A guideline's statement is read as its authors wrote it: the grade closing a two-sentence statement
grades both sentences, "the therapy of choice" says what to start with, a title that names two
diseases side by side is about each, and who a recommendation is for ("diagnosed with Lyme disease")
is not what it is about. Texts from the shared corpora: ACG GERD 2013 (ngc:9639), ACG EoE 2013
(ngc:9836), NICE NG95 *Lyme disease* (ngc:11383)."""

from __future__ import annotations

from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.lead_cues import FIRST_STEP, LATER_STEP
from curbside.answer.population import Scope
from curbside.answer.themes import primary_theme
from curbside.answer.topic_sources import titled_for
from tests.answer.realtext import text_hit

GERD = "Guidelines for the diagnosis and management of gastroesophageal reflux disease."
EOE = ("ACG clinical guideline: evidenced based approach to the diagnosis and management of esophageal "
       "eosinophilia and eosinophilic esophagitis (EoE).")
PPI_COURSE = ("An 8-week course of PPIs is the therapy of choice for symptom relief and healing of erosive "
              "esophagitis. There are no major differences in efficacy between the different PPIs. (Strong "
              "recommendation, high level of evidence)")


def test_the_grade_closing_a_statement_grades_each_of_its_sentences() -> None:
    # (the heading repeats the grade in brackets, which does not make it a definition of grades)
    hit = text_hit("ngc:9639#19", GERD, "Recommendation [Strong recommendation, high level of evidence] — "
                   "Management of GERD", PPI_COURSE)
    first, second = extract([hit])
    assert first.text.startswith("An 8-week course of PPIs") and first.graded and first.strength > 0
    assert second.graded


def test_outside_a_recommendation_a_sentence_takes_no_grade_from_the_next() -> None:
    hit = text_hit("ngc:9639#19", GERD, "Description of the evidence", PPI_COURSE)
    first, _second = extract([hit])
    assert not first.graded


def test_the_therapy_of_choice_is_where_to_start_and_a_step_after_failure_is_not() -> None:
    assert FIRST_STEP.search(PPI_COURSE)
    # (ASGE/ESGE, ngc:11051)
    assert FIRST_STEP.search("SEMS placement is the preferred treatment for palliation of malignant colonic "
                             "obstruction (strong recommendation, high quality evidence).")
    prednisone = ("Prednisone may be useful to treat EoE if topical steroids are not effective or in patients who "
                  "require rapid improvement in symptoms.")
    assert LATER_STEP.search(prednisone)
    assert LATER_STEP.search("For patients requiring antibiotic therapy beyond the initial treatment period, "
                             "subsequent decisions … should be individualized.")
    assert not LATER_STEP.search("Topical steroids are a first-line pharmacologic therapy for treatment of EoE.")


def test_a_title_naming_two_diseases_side_by_side_is_about_each() -> None:
    scope = Scope.of("How is eosinophilic esophagitis treated?")
    assert titled_for(scope, EOE)
    # … not a title about a disease of a disease's patients
    assert not titled_for(Scope.of("How is COPD treated?"), "Treatment of pulmonary hypertension in COPD.")


def test_who_a_recommendation_is_for_is_not_what_it_is_about() -> None:
    nice = ("For adults and young people (aged 12 and over) diagnosed with Lyme disease, offer antibiotic treatment "
            "according to their symptoms as described in Table 1 below.")
    assert primary_theme(nice) == "drugs"
    acg = ("Ambulatory esophageal reflux monitoring is indicated before consideration of endoscopic or surgical "
           "therapy in patients with non-erosive disease (NERD), as part of the evaluation of patients refractory "
           "to PPI therapy, and in situations when the diagnosis of GERD is in question.")
    assert primary_theme(acg) == "diagnosis"


def test_should_prescribe_is_a_recommendation_and_what_it_is_for_is_its_theme() -> None:
    from curbside.answer.generators.extractive.cues import META_CUE, RECOMMENDATION_CUE

    # AAO-HNS acute otitis externa (ngc:10226)
    assert RECOMMENDATION_CUE.search("Clinicians should prescribe topical preparations for initial therapy of "
                                     "diffuse, uncomplicated AOE.")
    # NICE CG141 (ngc:9131): a preventive treatment is prevention, not management of the bleed
    assert primary_theme("Offer acid-suppression therapy (H2-receptor antagonists or proton pump inhibitors) for "
                         "primary prevention of upper gastrointestinal bleeding in acutely ill patients admitted to "
                         "critical care.") == "prevention"
    # NICE CG163 (IPF): measuring decline is assessment
    assert primary_theme("Measure the initial rate of decline in the person's condition, which may predict "
                         "subsequent prognosis, by using lung function test results.") == "diagnosis"
    # pointers to other advice are not advice (NICE NG69; USPSTF LTBI)
    assert META_CUE.search("For people with anorexia who have declined or do not want treatment, eating disorder "
                           "services should provide support as covered in the first recommendation of the "
                           "\"Treating Anorexia Nervosa\" section.")
    assert META_CUE.search("Recommendations for the treatment of LTBI are available from the CDC.")
    assert not META_CUE.search("For adults and young people (aged 12 and over) diagnosed with Lyme disease, offer "
                               "antibiotic treatment according to their symptoms as described in Table 1 below.")


def test_a_decision_after_treatment_has_started_or_been_declined_is_a_later_step() -> None:
    # NICE TA383 (ankylosing spondylitis), NICE NG69 (anorexia nervosa)
    assert LATER_STEP.search("The response to adalimumab, certolizumab pegol, etanercept, golimumab or infliximab "
                             "treatment should be assessed 12 weeks after the start of treatment.")
    assert LATER_STEP.search("For people with anorexia who have declined or do not want treatment …")


def test_a_disease_the_ontology_lacks_is_still_a_disease() -> None:
    from curbside.answer.lexicon import disease_mentions

    for question in ("What is the first-line treatment for heavy menstrual bleeding?",
                     "How is pheochromocytoma diagnosed?", "How is primary adrenal insufficiency diagnosed?",
                     "How is acute upper gastrointestinal bleeding managed?"):
        assert disease_mentions(question), question


def test_whom_to_treat_is_a_weaker_answer_to_how_than_what_to_treat_with() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.records import Audience

    # WHO 2015 chronic hepatitis B (ngc:10910)
    title = "Guidelines for the prevention, care and treatment of persons with chronic hepatitis B infection."
    whom = text_hit("ngc:10910#16", title, "Recommendation [Strong recommendation, low quality of evidence] — Who to "
                    "Treat and Who Not to Treat in Persons with Chronic Hepatitis B", "As a priority, all adults, "
                    "adolescents and children with chronic hepatitis B (CHB) and clinical evidence of compensated or "
                    "decompensated cirrhosis should be treated, regardless of alanine aminotransferase (ALT) levels, "
                    "hepatitis B e antigen (HBeAg) status or HBV DNA levels. (Strong recommendation, moderate quality "
                    "of evidence)")
    # NICE CG165 (ngc:9953), quoting its technology appraisals
    what = text_hit("ngc:9953#21", "Hepatitis B (chronic). Diagnosis and management of chronic hepatitis B in "
                    "children, young people and adults.", "Major Recommendations — Adults With Chronic Hepatitis B",
                    "Peginterferon alfa-2a is recommended as an option for the initial treatment of adults with "
                    "chronic hepatitis B (HBeAg-positive or HBeAg-negative), within its licensed indications.")
    draft = ExtractiveGenerator().generate("How is chronic hepatitis B treated?", [whom, what], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Peginterferon alfa-2a is recommended")
    assert LATER_STEP.search("The AASLD suggests that HBeAg-positive adults without cirrhosis with CHB who "
                             "seroconvert to anti-HBe on therapy discontinue NAs after a period of treatment "
                             "consolidation.")


def test_a_pointer_in_brackets_is_trimmed_and_the_criteria_are_not_meta() -> None:
    # Endocrine Society 2013 PCOS (ngc:10308)
    hit = text_hit("ngc:10308#7", "Diagnosis and treatment of polycystic ovary syndrome: an Endocrine Society "
                   "clinical practice guideline.", "Major Recommendations — Diagnosis of PCOS", "The Task Force "
                   "suggests that the diagnosis of PCOS be made if two of the three following criteria are met: "
                   "androgen excess, ovulatory dysfunction, or polycystic ovaries (PCO) (see Tables 1 and 2 in the "
                   "original guideline document), whereas disorders that mimic the clinical features of PCOS are "
                   "excluded.")
    [criteria] = extract([hit])
    assert "(see Tables" not in criteria.text and criteria.text.endswith("PCOS are excluded.")
    assert not criteria.meta


def test_reference_entries_grade_explanations_and_orphaned_lead_ins_are_not_claims() -> None:
    from curbside.answer.generators.extractive.cues import META_CUE, REFERENCE_ENTRY
    from curbside.answer.generators.extractive.layout import segments

    # MedlinePlus *Kawasaki disease* reference list; WHO 2015 hepatitis B (GRADE implications); AUA/SUFU 2017
    assert REFERENCE_ENTRY.search("Sve P, Stankovic K, Smail A, Durand DV, Marchand G, and Broussolle C. Adult "
                                  "Kawasaki disease: report of two cases and literature review.")
    assert META_CUE.search("Healthcare Workers - Most people should receive the recommended course of action.")
    assert META_CUE.search("In index patients considering surgery for stress urinary incontinence, physicians may "
                           "offer the following options: (Strong Recommendation; Evidence Level: Grade A).")
    # AUA 2013 PSA screening: the grade the splitter left at the next sentence's start goes back to its own
    aua = ("For this reason, the Panel strongly recommends shared decision-making for men age 55 to 69 years that are "
           "considering PSA screening, and proceeding based on men's values and preferences. (Standard; Evidence "
           "Strength Grade B) The greatest benefit of screening appears to be in men ages 55 to 69 years.")
    first, second = segments(aua)
    assert first.endswith("preferences (Standard; Evidence Strength Grade B).")
    assert second.startswith("The greatest benefit")


def test_parallel_recommendations_for_and_against_are_both_kept() -> None:
    from curbside.answer.generators.extractive.scoring import similarity
    from curbside.answer.themes import PITFALL

    # AGA 2013 Crohn's disease (ngc:10216)
    title = ("American Gastroenterological Association Institute guideline on the use of thiopurines, methotrexate, "
             "and anti–TNF-α biologic drugs for the induction and maintenance of remission in inflammatory Crohn's "
             "disease.")
    against = ("The guideline developers suggest against using thiopurine monotherapy to induce remission in patients "
               "with moderately severe Crohn's disease (CD) (Weak Recommendation, Moderate-Quality Evidence)")
    assert PITFALL.search(against)
    over = ("The guideline developers recommend using anti–TNF-α monotherapy over thiopurine monotherapy to induce "
            "remission in patients who have moderately severe CD (Strong Recommendation, Moderate-Quality Evidence)")
    a, b = extract([text_hit("ngc:10216#7", title, "Major Recommendations", against),
                    text_hit("ngc:10216#10", title, "Major Recommendations", over)])
    a.pitfall = True  # (``extract`` reads it with ``_warns``; the planner compares warnings with advice)
    assert similarity(a, b) < 0.5


def test_crohns_disease_is_not_ulcerative_colitis() -> None:
    scope = Scope.of("How is moderate to severe Crohn's disease treated?")
    assert not scope.names_topic("Infliximab, adalimumab and golimumab for treating moderately to severely active "
                                 "ulcerative colitis after the failure of conventional therapy.")


def test_calls_for_research_and_asides_are_not_advice() -> None:
    from curbside.answer.lead_cues import RESEARCH_ONLY

    # NICE DG22 (ngc:10922)
    assert RESEARCH_ONLY.search("Further research is recommended on the clinical and cost-effectiveness of using "
                                "LISA-TRACKER, IDKmonitor and Promonitor ELISA kits for therapeutic monitoring.")
    [aside] = extract([text_hit("ngc:10922#7", "Therapeutic monitoring of TNF-alpha inhibitors in Crohn's disease.",
                                "Major Recommendations", "(The Inflammatory Bowel Disease [IBD] Registry is being "
                                "adapted to receive data on TNFα inhibitor levels and antibodies against TNFα "
                                "inhibitors.")])
    assert aside.meta


BASHH_TV = "United Kingdom national guideline on the management of Trichomonas vaginalis 2014."
TV_REGIMENS = ("Recommended Regimes (Ia, A)\n- Metronidazole 2 g orally in a single dose\n- or\n- Metronidazole "
               "400mg to 500 mg twice daily for 5 to 7 days\nTinidazole 2 g orally in a single dose\nTinidazole has "
               "similar activity to metronidazole but is more expensive.")


def test_a_regimen_label_opens_its_list_and_the_regimens_answer_the_guidelines_disease() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.records import Audience

    regimens = text_hit("ngc:10298#19", BASHH_TV, "Major Recommendations — Alternative Regimen", TV_REGIMENS)
    first = extract([regimens])[0]
    assert first.text == ("Recommended Regimes (Ia, A): metronidazole 2 g orally in a single dose; or metronidazole "
                          "400mg to 500 mg twice daily for 5 to 7 days.")
    assert not first.fragment
    pregnancy = text_hit("ngc:10298#20", BASHH_TV, "Major Recommendations — Pregnancy and Breastfeeding",
                         "Metronidazole is likely to cure trichomoniasis, but it is not known whether this treatment "
                         "will have any effect on pregnancy outcomes.")
    alcohol = text_hit("ngc:10298#23", BASHH_TV, "Major Recommendations — General Advice", "Patients should be "
                       "advised not to take alcohol for the duration of treatment and for at least 48 hours, (72 hours "
                       "for tinidazole) afterwards because of the possibility of a disulfiram-like reaction.")
    draft = ExtractiveGenerator().generate("How is trichomoniasis treated?", [pregnancy, alcohol, regimens],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Recommended Regimes (Ia, A): metronidazole 2 g")


def test_how_a_guideline_grades_and_words_its_advice_is_not_advice() -> None:
    from curbside.answer.generators.extractive.cues import META_CUE

    for text in ("The Guideline Development Group (GDG) makes a recommendation based on the trade-off between the "
                 "benefits and harms of an intervention, taking into account the quality of the underpinning "
                 "evidence.",
                 "The choice of intervention, and whether or not to have the intervention at all, is more likely to "
                 "depend on the person's values and preferences than for a strong recommendation.",
                 "For recommendations on using neuromodulators to treat neuropathic pain, see the NICE guideline on "
                 "neuropathic pain."):
        assert META_CUE.search(text), text
    assert LATER_STEP.search("For maintenance treatment, prescribers should consider amisulpride, olanzapine or "
                             "risperidone as the preferred medications.")


def test_a_drug_in_development_a_hope_and_a_subjectless_use_are_not_answers() -> None:
    from curbside.answer.generators.extractive.cues import DANGLING, PIPELINE

    # (BioASQ snippets on tirbanibulin and orexin; AAP 2004 hyperbilirubinemia, on IVIG)
    assert PIPELINE.search("Tirbanibulin (Klisyri®) is a first-in-class Src kinase signaling inhibitor and tubulin "
                           "polymerisation inhibitor being developed by Athenex for the topical treatment of actinic "
                           "keratosis.")
    assert PIPELINE.search("ORX antagonists constitute a potential new treatment strategy for panic disorder.")
    assert DANGLING.match("Use should be restricted to select neonates in the neonatal intensive care unit (NICU) with "
                          "high bilirubin values.")
    assert not DANGLING.match("Useful tests include a urine culture.")
    from curbside.answer.lead_cues import RESEARCH_ONLY

    # NICE DG13
    assert RESEARCH_ONLY.search("Research is recommended into the clinical benefits and cost effectiveness of using "
                                "viscoelastometric point-of-care testing.")


def test_asked_for_the_outlook_advice_that_states_none_does_not_lead() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.records import Audience, Kind

    # AAN 2009 ALS practice parameter (ngc:7840) and NINDS *Amyotrophic Lateral Sclerosis* (MedQuAD)
    advice = text_hit("ngc:7840#10", "Practice parameter update: the care of the patient with amyotrophic lateral "
                      "sclerosis: multidisciplinary care, symptom management, and cognitive/behavioral impairment.",
                      "Recommendation [Level C] — Does multidisciplinary management improve outcomes?",
                      "Specialized multidisciplinary clinic referral should be considered for patients with ALS to "
                      "optimize health care delivery (Level B) and prolong survival (Level B), and may be considered "
                      "to enhance quality of life (Level C).")
    outlook = text_hit("medquad:NINDS:0000018#3", "Amyotrophic Lateral Sclerosis", "what is the prognosis for ALS ?",
                       "Although ventilation support can ease problems with breathing and prolong survival, it does "
                       "not affect the progression of ALS. Most people with ALS die from respiratory failure, usually "
                       "within 3 to 5 years from the onset of symptoms.", kind=Kind.CONSUMER)
    gen = ExtractiveGenerator()
    question = "What is the prognosis of amyotrophic lateral sclerosis?"
    draft = gen.generate(question, [advice, outlook], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Most people with ALS die")


def test_adults_do_not_answer_for_children_nor_children_for_adults() -> None:
    children = Scope.of("How is nocturnal enuresis treated in children?")
    assert children.conflicts("Consider offering oral desmopressin to men with nocturnal polyuria if other medical "
                              "causes have been excluded.")
    assert not children.conflicts("Most UI fades away naturally as a child grows and develops.")
    adults = Scope.of("How should syncope be evaluated in adults?")
    assert adults.conflicts("For children with syncope and a history atypical for VVS, the authors recommend referral "
                            "to a specialist.")
    assert not Scope.of("How should syncope be evaluated?").conflicts("For children with syncope, the authors "
                                                                      "recommend referral to a specialist.")
    assert _NEXT_STEP_OK("When treatment is needed, options include bladder training and related strategies, "
                         "moisture alarms, and medications.")
    # (AAN 2011 painful diabetic neuropathy, ngc:8504)
    assert _NEXT_STEP_OK("If clinically appropriate, pregabalin should be offered for the treatment of PDN (Level A).")


def _NEXT_STEP_OK(text: str) -> bool:
    from curbside.answer.lead_cues import NEXT_STEP

    return not NEXT_STEP.match(text)


def test_a_sentence_saying_when_to_do_it_stays_with_the_bottom_line() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.records import Audience

    # University of Michigan prenatal care (ngc:10231)
    hit = text_hit("ngc:10231#16", "Prenatal care.", "Recommendation [I-D] — Important Care Aspects",
                   "Tetanus diphtheria and pertussis (Tdap) vaccination. Offer Tdap vaccination to all women. This is "
                   "optimally performed at 27 to 36 weeks in order to facilitate passive immunization of newborns for "
                   "pertussis [I-D].")
    draft = ExtractiveGenerator().generate("When should Tdap vaccination be offered in pregnancy?", [hit],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Offer Tdap vaccination to all women. This is optimally performed at 27 "
                                             "to 36 weeks")
    assert not any("Offer Tdap" in b.text for s in draft.sections for b in s.bullets)
