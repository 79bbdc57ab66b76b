"""A treatment question is answered first by what to start with: a step that follows a failed or
untolerated first one ("if there is no improvement within 4 weeks", "who cannot tolerate …") comes
after it. Texts from NICE CG166 *Ulcerative colitis* (ngc:9956) in the shared corpora."""

from __future__ import annotations

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.population import Scope
from curbside.answer.themes import primary_theme
from curbside.records import Audience, Kind
from tests.answer.realtext import text_hit

TITLE = "Ulcerative colitis. Management in adults, children and young people."
STEP_1 = ("Left-sided and Extensive Ulcerative Colitis\nTo induce remission in adults with a mild to moderate first "
          "presentation or inflammatory exacerbation of left-sided or extensive ulcerative colitis:\n"
          "- Offer a high induction dose of an oral aminosalicylate.\n"
          "- Consider adding a topical aminosalicylate or oral beclometasone dipropionate, taking into account the "
          "person's preferences.\n"
          "To induce remission in people with a mild to moderate first presentation or inflammatory exacerbation of "
          "left-sided or extensive ulcerative colitis who cannot tolerate or who decline aminosalicylates, in whom "
          "aminosalicylates are contraindicated or who have subacute ulcerative colitis, offer oral prednisolone.")
STEP_2 = ("All Extents of Disease\nConsider adding oral prednisolone to aminosalicylate therapy to induce remission in "
          "people with mild to moderate ulcerative colitis if there is no improvement within 4 weeks of starting step "
          "1 aminosalicylate therapy or if symptoms worsen despite treatment. Stop beclometasone dipropionate if "
          "adding oral prednisolone.\nConsider adding oral tacrolimus to oral prednisolone to induce remission in "
          "people with mild to moderate ulcerative colitis if there is an inadequate response to oral prednisolone "
          "after 2 to 4 weeks.")


def test_inducing_remission_is_treatment_not_outlook() -> None:
    assert primary_theme("To induce remission in adults with ulcerative colitis: offer an oral aminosalicylate.") \
        == "treatment"
    assert primary_theme("Remission was sustained in 40% of patients at 5 years.") == "prognosis"


def test_a_title_for_adults_and_children_covers_everyone() -> None:
    assert Scope.of("How is mild to moderate ulcerative colitis treated?").narrower(TITLE) == ()


def test_the_first_step_leads_and_the_step_after_it_follows() -> None:
    step_2 = text_hit("ngc:9956#11", TITLE, "Major Recommendations — Treating Mild to Moderate Ulcerative Colitis: "
                      "Step 2 Therapy", STEP_2)
    step_1 = text_hit("ngc:9956#10", TITLE, "Major Recommendations — Treating Mild to Moderate Ulcerative Colitis: "
                      "Step 1 Therapy", STEP_1)
    draft = ExtractiveGenerator().generate("How is mild to moderate ulcerative colitis treated?", [step_2, step_1],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("To induce remission in adults with a mild to moderate first presentation")
    assert "high induction dose of an oral aminosalicylate" in draft.bottom_line.text


def test_a_trials_statistics_are_not_treatment_advice() -> None:
    # (JAMA meta-analysis of influenza vaccination and cardiovascular events, PubMed abstract)
    stats = ("A treatment interaction was detected between patients with (RR, 0.45 [95% CI, 0.32-0.63]) and without "
             "(RR, 0.94 [95% CI, 0.55-1.61]) recent ACS (P for interaction = .02).")
    assert primary_theme(stats) != "treatment"


PHARYNGITIS = "Pharyngitis."  # (UMHS guideline, ngc:9967)
REASON = ("- The primary reason to identify and treat group A streptococcal (GAS) pharyngitis is to decrease the risk "
          "of acute rheumatic fever (ARF) [IB]. The endemic incidence of ARF is around 0.23-1.88/100,000.")
CHOICE = ("- Penicillin V is the drug of choice in patients who can swallow pills.\n- If using suspension, amoxicillin "
          "is better tolerated than penicillin V due to the salty/bitter taste.")


def test_a_treatment_question_is_answered_by_a_named_treatment() -> None:
    reason = text_hit("ngc:9967#8", PHARYNGITIS, "Major Recommendations — General Principles", REASON)
    choice = text_hit("ngc:9967#18", PHARYNGITIS, "Major Recommendations — Treatment", CHOICE)
    draft = ExtractiveGenerator().generate("How is streptococcal pharyngitis treated?", [reason, choice],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Penicillin V is the drug of choice")


def test_what_treatment_is_like_is_not_what_to_treat_with() -> None:
    # (MedlinePlus *Gonorrhea*, medquad:MPlusHealthTopics:0000408): nothing else on treatment was found
    page = text_hit("medquad:MPlusHealthTopics:0000408#1", "Gonorrhea", "What is (are) Gonorrhea ?",
                    "Your health care provider will diagnose gonorrhea with lab tests. Treatment is with antibiotics. "
                    "Treating gonorrhea is becoming more difficult because drug-resistant strains are increasing. "
                    "Correct usage of latex condoms greatly reduces, but does not eliminate, the risk of catching or "
                    "spreading gonorrhea.\nNIH: National Institute of Allergy and Infectious Diseases", Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("How is gonorrhea treated?", [page], Audience.CLINICIAN)
    assert draft.insufficient
    assert any("what to treat with" in n for n in draft.notes)


ENDOMETRIOSIS = "Endometriosis: diagnosis and management."  # (NICE NG73, ngc:11264)


def test_what_follows_surgery_is_a_later_step() -> None:
    offer = text_hit("ngc:11264#20", ENDOMETRIOSIS, "Major Recommendations — Staging Systems",
                     "Offer endometriosis treatment according to the woman's symptoms, preferences and priorities, "
                     "rather than the stage of the endometriosis.")
    after = text_hit("ngc:11264#29", ENDOMETRIOSIS, "Major Recommendations — Combination Treatments",
                     "After laparoscopic excision or ablation of endometriosis, consider hormonal treatment (with, for "
                     "example, the combined oral contraceptive pill), to prolong the benefits of surgery and manage "
                     "symptoms.")
    draft = ExtractiveGenerator().generate("How is endometriosis treated?", [after, offer], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Offer endometriosis treatment")


RLS = ("Practice guideline summary: treatment of restless legs syndrome in adults: report of the Guideline "
       "Development, Dissemination, and Implementation Subcommittee of the American Academy of Neurology.")  # ngc:11171
RLS_DRUGS = ("In moderate to severe primary restless legs syndrome (RLS), clinicians should consider prescribing a "
             "pharmacologic agent to reduce RLS symptoms. There is strong evidence to support the use of pramipexole, "
             "rotigotine, cabergoline, and gabapentin enacarbil (Level A); moderate evidence to support the use of "
             "ropinirole, pregabalin, and intravenous (IV) ferric carboxymaltose (FCM) (Level B); and weak evidence to "
             "support the use of levodopa (Level C). There are few head-to-head comparisons of these agents to suggest "
             "that one should be used preferentially, though in practice clinicians often decide on the basis of "
             "comorbidities or potential side effects such as augmentation with dopaminergic agents.")
RLS_OTHER = ("For patients or clinicians wanting to use nonpharmacologic approaches to treat RLS, clinicians should "
             "consider prescribing pneumatic compression before usual symptom onset (Level B) and may consider "
             "prescribing near-infrared spectroscopy (NIRS) or repetitive transcranial magnetic stimulation (rTMS) "
             "(where available) (Level C).")


def test_advice_to_use_a_kind_of_drug_keeps_the_sentence_that_names_them() -> None:
    drugs = text_hit("ngc:11171#7", RLS, "Recommendation [Level U] — Recommendations", RLS_DRUGS)
    other = text_hit("ngc:11171#15", RLS, "Recommendation [Level U] — Recommendations", RLS_OTHER)
    draft = ExtractiveGenerator().generate("What is the first-line treatment for restless legs syndrome?",
                                           [other, drugs], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("In moderate to severe primary restless legs syndrome (RLS), clinicians "
                                             "should consider prescribing a pharmacologic agent")
    assert "pramipexole, rotigotine, cabergoline, and gabapentin enacarbil (Level A)" in draft.bottom_line.text


IMPETIGO_PAGE = ("Impetigo is a skin infection caused by bacteria. It is usually caused by staphylococcal (staph) "
                 "bacteria, but it can also be caused by streptococcal (strep) bacteria.\nImpetigo can spread by "
                 "contact with sores or nasal discharge from an infected person. You can treat impetigo with "
                 "antibiotics.\nNIH: National Institute of Allergy and Infectious Diseases")
LICENCE = ("As a 1% ointment, retapamulin has been approved in the United States for the treatment of impetigo and "
           "in Europe for the shortterm treatment of impetigo and infected small lacerations, abrasions and sutured "
           "wounds.")


def test_where_a_drug_is_licensed_is_not_how_to_treat() -> None:
    page = text_hit("medquad:MPlusHealthTopics:0000503#0", "Impetigo", "What is (are) Impetigo ?", IMPETIGO_PAGE,
                    Kind.CONSUMER)
    licence = text_hit("bioasq:18389088#3", "Retapamulin: a new topical antibiotic for the treatment of "
                       "uncomplicated skin infections.", "Snippet", LICENCE, Kind.OTHER)
    draft = ExtractiveGenerator().generate("What is the treatment for impetigo?", [licence, page], Audience.CLINICIAN)
    assert draft.bottom_line.text == "You can treat impetigo with antibiotics."


def test_a_study_title_is_not_a_clause() -> None:
    from curbside.answer.clauses import is_clause

    assert not is_clause("Topical retapamulin ointment 1% versus oral linezolid in the treatment of secondarily "
                         "infected traumatic lesions and impetigo due to methicillin-resistant Staphylococcus aureus.")
    assert is_clause("Symptoms rapidly improved after treatment.")


def test_advice_for_those_who_cannot_take_the_first_choice_is_not_a_warning() -> None:
    from curbside.answer.generators.extractive.candidates import extract

    hit = text_hit("ngc:9956#10", TITLE, "Major Recommendations — Treating Mild to Moderate Ulcerative Colitis: "
                   "Step 1 Therapy", STEP_1)
    found = {c.text: c for c in extract([hit])}
    alternative = next(c for t, c in found.items() if "who cannot tolerate or who decline" in t)
    assert not alternative.pitfall and alternative.recommendation


@pytest.mark.parametrize("text", [
    # (ACR Appropriateness Criteria: a clinical scenario's label; a NICE TA's note on a later appraisal)
    "Variant 6: Suspect chronic epicondylitis, refractory to empirical treatment; radiographs nondiagnostic.",
    "Vedolizumab for treating moderately to severely active Crohn's disease after prior therapy was published while "
    "this guidance was in development.",
])
def test_labels_and_publication_notes_are_not_claims(text: str) -> None:
    from curbside.answer.generators.extractive.candidates import extract

    (candidate,) = extract([text_hit("ngc:1#1", "A guideline.", "Major Recommendations", text)])
    assert candidate.meta


def test_when_treatment_is_not_needed_does_not_answer_how_to_treat() -> None:
    gerd = text_hit("ngc:9639#15", "Guidelines for the diagnosis and management of gastroesophageal reflux disease.",
                    "Recommendation [Strong recommendation, low level of evidence] — Establishing the Diagnosis of "
                    "Gastroesophageal Reflux Disease (GERD)", "Screening for Helicobacter pylori infection is not "
                    "recommended in GERD patients. Treatment of H. pylori infection is not routinely required as part "
                    "of antireflux therapy. (Strong recommendation, low level of evidence)")
    page = text_hit("medquad:MPlusHealthTopics:0000453#0", "Helicobacter Pylori Infections",
                    "What is (are) Helicobacter Pylori Infections ?", "Helicobacter pylori (H. pylori) is a type of "
                    "bacteria that causes infection in the stomach.\nIf you have symptoms of a peptic ulcer, your "
                    "doctor will test your blood, breath or stool to see if it contains H. pylori. The best treatment "
                    "is a combination of antibiotics and acid-reducing medicines.", Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("How is Helicobacter pylori infection treated?", [gerd, page],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text == "The best treatment is a combination of antibiotics and acid-reducing medicines."


def test_a_papers_title_naming_what_was_studied_is_not_a_bullet() -> None:
    title = text_hit("bioasq:30186130#0", "", "Snippet", "Characterization of influenza virus variants induced by "
                     "treatment with the endonuclease inhibitor baloxavir marboxil.", Kind.OTHER)
    approval = text_hit("bioasq:30182321#0", "", "Snippet", "Japan was the first country to approve baloxavir "
                        "marboxil as a treatment for influenza.", Kind.OTHER)
    draft = ExtractiveGenerator().generate("How is influenza treated?", [title, approval], Audience.CLINICIAN)
    shown = [draft.bottom_line.text, *(b.text for s in draft.sections for b in s.bullets)]
    assert not any(t.startswith("Characterization of") for t in shown)


def test_a_weakly_graded_recommendation_does_not_lead() -> None:
    from curbside.answer.generators.extractive.cues import strength

    nice = text_hit("ngc:10649#18", "Irritable bowel syndrome in adults: diagnosis and management of irritable bowel "
                    "syndrome in primary care.", "Major Recommendations — Pharmacological Therapy",
                    "Healthcare professionals should consider prescribing antispasmodic agents for people with IBS. "
                    "These should be taken as required, alongside dietary and lifestyle advice.")
    aga = text_hit("ngc:10693#19", "American Gastroenterological Association Institute guideline on pharmacological "
                   "management of irritable bowel syndrome.", "Recommendation [Conditional recommendation; "
                   "Low-quality evidence]", "The AGA suggests using tricyclic antidepressants (over no drug "
                   "treatment) in patients with IBS. (Conditional recommendation; Low-quality evidence)")
    draft = ExtractiveGenerator().generate("How is irritable bowel syndrome managed?", [aga, nice], Audience.CLINICIAN)
    assert "antispasmodic" in draft.bottom_line.text
    assert strength("Recommendation [Grade of Recommendation D] — Physical Agents", "There is moderate evidence both "
                    "for and against the use of low-level laser therapy (Grade of Recommendation D).") == -1
    assert strength("Major Recommendations", "Offer X (Strong recommendation, high-quality evidence).") == 1
    assert strength("Major Recommendations", "Offer X.") == 0


def test_a_sentence_that_leans_on_the_one_before_is_not_a_bullet_of_its_own() -> None:
    # (ACR Appropriateness Criteria, ngc:10446): "It" is TEE; out of its paragraph it would read as whatever
    # bullet came before it
    echo = text_hit("ngc:10446#14", "ACR Appropriateness Criteria® suspected infective endocarditis.",
                    "Major Recommendations — Transthoracic and Transesophageal Echocardiography",
                    "TEE is indicated and increasingly used in suspected infective endocarditis for demonstrating "
                    "vegetations, paravalvular abscess, and valvular regurgitation. It is the most sensitive imaging "
                    "technique for identifying vegetations, the presence of which is the hallmark for the definitive "
                    "diagnosis of infective endocarditis. Using criteria for diagnosing infective endocarditis based "
                    "on echocardiographic features provides better diagnostic accuracy than using clinical criteria "
                    "alone.")
    draft = ExtractiveGenerator().generate("How is infective endocarditis diagnosed?", [echo], Audience.CLINICIAN)
    shown = [draft.bottom_line.text, *(b.text for s in draft.sections for b in s.bullets)]
    assert shown and not any(t.startswith("It is the most sensitive") for t in shown)
    from curbside.answer.generators.extractive.cues import EXPLETIVE

    assert EXPLETIVE.match("It is recommended that patients be assessed for GAD.")
    assert not EXPLETIVE.match("It is the most sensitive imaging technique for identifying vegetations.")


def test_a_question_on_prevention_is_answered_by_a_preventive_drug_for_whom_it_is_recommended() -> None:
    intro = text_hit("bioasq:27391203#1", "", "Snippet", "INTRODUCTION: Tenofovir disoproxil fumarate (TDF) and "
                     "emtricitabine (FTC) are nucleoside reverse transcriptase inhibitors approved as pre-exposure "
                     "prophylaxis (PrEP) against human immunodeficiency virus (HIV).", Kind.OTHER)
    iapac = text_hit("ngc:11085#24", "IAPAC guidelines for optimizing the HIV care continuum for adults and "
                     "adolescents.", "Recommendation [A I] — Increasing HIV Testing Coverage and Linkage to Care",
                     "For high-risk individuals who test HIV negative, offering preexposure prophylaxis (PrEP) is "
                     "recommended in addition to the provision of free condoms, education about risk reduction "
                     "strategies, postexposure prophylaxis (PEP), and voluntary medical male circumcision. (A I)")
    draft = ExtractiveGenerator().generate("Who should be offered HIV pre-exposure prophylaxis?", [intro, iapac],
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("For high-risk individuals who test HIV negative")
    assert primary_theme("For high-risk individuals who test HIV negative, offering PrEP is recommended.") != \
        "diagnosis"


def test_what_is_left_to_research_is_read_as_such() -> None:
    from curbside.answer.lead_cues import RESEARCH_ONLY

    # (WHO antenatal care, ngc:11305): penalised like a warning when choosing the bottom line
    assert RESEARCH_ONLY.search("Antibiotic prophylaxis is only recommended to prevent recurrent urinary tract "
                                "infections in pregnant women in the context of rigorous research (Context-specific "
                                "recommendation – research).")
    assert not RESEARCH_ONLY.search("Antibiotic prophylaxis is the most effective way to reduce recurrent UTIs.")


def test_a_guideline_on_the_disease_speaks_to_a_stage_of_it() -> None:
    # (USPSTF syphilis statement, ngc:10997) for a question on primary syphilis
    scope = Scope.of("What is the first-line treatment for primary syphilis?")
    assert scope.names_topic("Final recommendation statement: syphilis infection in nonpregnant adults and "
                             "adolescents: screening.")
    cdc = ("In its 2015 guidelines on the treatment of sexually transmitted diseases, the Centers for Disease Control "
           "and Prevention (CDC) recommends parenteral penicillin G benzathine for the treatment of syphilis.")
    assert primary_theme(cdc) != "prevention"  # the agency's name is not prevention
    # "primary care" and "eye-care services" are where care happens, not a treatment
    assert primary_theme("Primary care clinicians should be aware of applicable local public health laws and "
                         "reporting requirements for syphilis cases.") != "treatment"
    assert primary_theme("Supportive care is the mainstay of treatment for bronchiolitis.") == "treatment"
