"""What a sentence says, read as written (held-out set check8). Texts from the shared corpora: NIDDK
*Prolactinoma* (medquad:NIDDK:0000015), ACEP *well-appearing febrile infants* (ngc:10960), NHLBI
*Sarcoidosis* (medquad:NHLBI:0000116), SIGN 143 *Diagnosis and management of epilepsy in adults*
(ngc:10803)."""

from __future__ import annotations

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.lead_cues import LATER_STEP
from curbside.answer.population import Scope
from curbside.records import Audience, Kind
from tests.answer.realtext import text_hit

PROLACTINOMA = (
    "The goals of treatment are to return prolactin secretion to normal, reduce tumor size, correct any visual "
    "abnormalities, and restore normal pituitary function.\nMedical Treatment\nBecause dopamine is the chemical that "
    "normally inhibits prolactin secretion, doctors may treat prolactinoma with the dopamine agonists bromocriptine "
    "(Parlodel) or cabergoline (Dostinex). Agonists are drugs that act like a naturally occurring substance.")
SIGN = "Diagnosis and management of epilepsy in adults. A national clinical guideline."


def test_a_sentence_naming_a_drug_says_what_to_treat_with() -> None:
    hit = text_hit("medquad:NIDDK:0000015#8", "Prolactinoma", "What are the treatments for Prolactinoma ?",
                   PROLACTINOMA, kind=Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("What is the first-line treatment for a prolactinoma?", [hit],
                                           Audience.CLINICIAN)
    assert not draft.insufficient, draft.notes
    assert "bromocriptine" in draft.bottom_line.text


def test_a_key_question_is_not_an_answer() -> None:
    text = ("Physicians should consider urinalysis and urine culture testing to identify urinary tract infection in "
            "well-appearing infants and children aged 2 months to 2 years with a fever ≥38°C (100.4°F), especially "
            "among those at higher risk for urinary tract infection.\n- For well-appearing febrile infants and "
            "children aged 2 months to 2 years undergoing urine testing, which laboratory testing method(s) should "
            "be used to diagnose a urinary tract infection? (Level A recommendations).")
    hit = text_hit("ngc:10960#7", "Clinical policy for well-appearing infants and children younger than 2 years of "
                   "age presenting to the emergency department with fever.", "Major Recommendations", text)
    question = [c for c in extract([hit]) if "which laboratory" in c.text]
    assert question and all(c.meta for c in question)


def test_a_lead_in_keeps_the_sentence_that_names_whom_it_means() -> None:
    text = ("Certain people are at higher risk for poor outcomes from chronic (long-term) sarcoidosis. This includes "
            "people who have lung scarring, heart or brain complications, or lupus pernio (LU-pus PUR-ne-o). Lupus "
            "pernio is a serious skin condition that sarcoidosis may cause.")
    hit = text_hit("medquad:NHLBI:0000116#3", "Sarcoidosis", "What is (are) Sarcoidosis ?", text,
                   kind=Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("What is the prognosis of sarcoidosis?", [hit], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Certain people")
    assert "lung scarring" in draft.bottom_line.text


def test_adjunctive_treatment_is_a_later_step() -> None:
    assert LATER_STEP.search("Carbamazepine, gabapentin, lacosamide, lamotrigine, levetiracetam, oxcarbazepine, "
                             "perampanel, pregabalin, topiramate, sodium valproate and zonisamide may be used in the "
                             "adjunctive treatment of focal epilepsy.")
    assert not LATER_STEP.search("In patients with focal onset seizures, lamotrigine is the drug of choice.")


def test_focal_onset_seizures_are_focal_epilepsy() -> None:
    scope = Scope.of("What is the first-line drug treatment for focal epilepsy in adults?")
    sentence = "In patients with focal onset seizures, lamotrigine is the drug of choice."
    assert scope.names_topic(sentence)
    assert not scope.narrower(sentence)
    choice = ("A - In patients with focal onset seizures, lamotrigine is the drug of choice. Where lamotrigine is "
              "poorly tolerated, carbamazepine and levetiracetam may be reasonable alternatives.")
    adjunct = ("Carbamazepine, gabapentin, lacosamide, lamotrigine, levetiracetam, oxcarbazepine, perampanel, "
               "pregabalin, topiramate, sodium valproate and zonisamide may be used in the adjunctive treatment of "
               "focal epilepsy.")
    hits = [text_hit("ngc:10803#14", SIGN, "Major Recommendations — Drug-resistant Focal Epilepsy", adjunct),
            text_hit("ngc:10803#13", SIGN, "Major Recommendations — Choice of Formulation", choice)]
    draft = ExtractiveGenerator().generate("What is the first-line drug treatment for focal epilepsy in adults?",
                                           hits, Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("In patients with focal onset seizures, lamotrigine")


def test_steps_after_the_first_and_whom_to_test_are_read_as_such() -> None:
    from curbside.answer.lead_cues import NEXT_STEP, WHO_TO_TEST
    from curbside.answer.themes import names_intervention

    # (APA 2016 dementia, ngc:10994; Endocrine Society acromegaly, ngc:10692; ACG coeliac disease, ngc:9835)
    assert LATER_STEP.search("APA recommends that in patients with dementia who show adequate response of "
                             "behavioral/psychological symptoms to treatment with an antipsychotic drug, an attempt to "
                             "taper and withdraw the drug should be made within 4 months of initiation.")
    assert NEXT_STEP.match("Following biochemical diagnosis of acromegaly, the Task Force recommends performing an "
                           "imaging study to visualize tumor size and appearance.")
    assert WHO_TO_TEST.search("Patients with a first-degree family member who has a confirmed diagnosis of CD should "
                              "be tested if they show possible signs or symptoms or laboratory evidence of CD.")
    assert not WHO_TO_TEST.search("IgA anti-TTG antibody is the preferred single test for detection of CD.")
    # a growth factor named after insulin is not insulin
    assert not names_intervention("The Task Force recommends measurement of insulin-like growth factor 1 levels.")
    assert names_intervention("Offer basal insulin to adults with type 1 diabetes.")


def test_a_guideline_on_the_group_speaks_under_a_heading_on_the_disease() -> None:
    # NICE NG69 *Eating disorders* (ngc:11223): its bulimia section is about bulimia nervosa, and guided
    # self-help is a treatment
    hit = text_hit("ngc:11223#49", "Eating disorders: recognition and treatment.",
                   "Major Recommendations — Psychological Treatment for Bulimia Nervosa in Adults",
                   "Consider bulimia-nervosa-focused guided self-help for adults with bulimia nervosa.")
    found = ExtractiveGenerator().candidates("How is bulimia nervosa treated in adults?", [hit], Audience.CLINICIAN)
    assert found and not found[0].subgroup and found[0].primary == "treatment"


def test_a_short_line_opening_a_passage_is_its_heading() -> None:
    from curbside.answer.synonyms import alternatives
    from curbside.answer.text import stem
    from curbside.answer.topic_sources import subheading

    # (NHLBI *Sarcoidosis*: the outlook sits under "What is (are) Sarcoidosis ?", opening with "Outlook")
    assert subheading("Outlook\nThe outlook for sarcoidosis varies. Many people recover.") == "Outlook"
    assert subheading("The outlook for sarcoidosis varies.\nMany people recover.") == ""
    assert subheading("Outlook") == ""
    assert frozenset({stem("outlook")}) in alternatives(["prognosis", "sarcoidosis"])[stem("prognosis")]


def test_prevention_asked_in_lay_words() -> None:
    from curbside.answer.questions import analyse

    assert analyse("I had a kidney stone last year. What can I do so I don't get another one?").intents == (
        "prevention",)
    assert "prevention" in analyse("How can I stop getting kidney stones?").intents
    assert analyse("What can I do for my back pain?").intents == ("treatment",)


def test_what_a_sentence_is_for_sets_its_theme_and_a_hope_is_not_a_treatment() -> None:
    from curbside.answer.generators.extractive.cues import META_CUE, PIPELINE
    from curbside.answer.themes import primary_theme

    # (ACP 2014 kidney stones, ngc:10291 and its comparison with the AUA guideline; NIDDK *Urinary Tract
    # Infections in Adults*)
    assert primary_theme("ACP recommends management with increased fluid intake spread throughout the day to "
                         "achieve at least 2 L of urine per day to prevent recurrent nephrolithiasis.") == "prevention"
    assert META_CUE.search("Dietary and pharmacologic management to prevent recurrent nephrolithiasis in adults: a "
                           "clinical practice guideline from the American College of Physicians.")
    assert not META_CUE.search("Both developers recommend that stone formers maintain a fluid intake that will "
                               "achieve at least 2 liters of urine per day.")
    assert PIPELINE.search("If a similar process can be demonstrated in humans, the discovery may lead to new "
                           "treatments to prevent recurrent UTIs.")
    assert LATER_STEP.search("ACP recommends pharmacologic monotherapy with a thiazide diuretic, citrate, or "
                             "allopurinol to prevent recurrent nephrolithiasis in patients with active disease in "
                             "which increased fluid intake fails to reduce the formation of stones.")


def test_a_numbered_recommendation_label_goes_whole_and_a_regimen_for_the_treated_is_prevention() -> None:
    from curbside.answer.population import Scope
    from curbside.answer.questions import analyse
    from curbside.answer.themes import primary_theme

    # (ASCO 2017 *Antiemetics*, ngc:11283)
    asco = ("Recommendation 1.1: Adult patients who are treated with cisplatin and other high-emetic-risk single "
            "agents should be offered a four-drug combination of a neurokinin 1 (NK1) receptor antagonist, a serotonin "
            "(5-HT3) receptor antagonist, dexamethasone, and olanzapine.")
    hit = text_hit("ngc:11283#7", "Antiemetics: American Society of Clinical Oncology clinical practice guideline "
                   "update.", "Major Recommendations", asco)
    (found,) = extract([hit])
    assert found.text.startswith("Adult patients who are treated with cisplatin")
    # the patients being treated with chemotherapy are who it is for; what it offers is drugs
    assert primary_theme(found.text) == "drugs"
    # "high-emetic-risk" is how the guideline says "highly emetogenic"
    question = "How should nausea and vomiting be prevented in adults receiving highly emetogenic chemotherapy?"
    from curbside.answer.synonyms import alternatives
    from curbside.answer.text import stem

    assert frozenset({stem("emetic")}) in alternatives(["highly", "emetogenic"])[stem("emetogenic")]
    assert not Scope.of(question).narrower(found.text)
    assert analyse("What to do for a sprained ankle?").intents == ("treatment",)


def test_a_contrast_leans_on_what_went_before_and_relief_is_treatment() -> None:
    from curbside.answer.generators.extractive.cues import DANGLING
    from curbside.answer.themes import primary_theme

    assert DANGLING.match("However, the analysis lacked the statistical precision to exclude an important "
                          "beneficial effect (or harm) from the addition of valacyclovir.")
    assert not DANGLING.match("Howeverish claims are not a word.")
    # (WHO antenatal care 2016, ngc:11305)
    assert primary_theme("Ginger, chamomile, vitamin B6 and/or acupuncture are recommended for the relief of "
                         "nausea in early pregnancy, based on a woman's preferences and available options.") == (
        "treatment")


def test_advice_for_another_population_is_no_answer_even_without_a_disease_name() -> None:
    # (NICE NG31 *Care of dying adults in the last days of life*, ngc:10994 — for a question on pregnancy)
    dying = text_hit("ngc:10951#40", "Care of dying adults in the last days of life.",
                     "Major Recommendations — Nausea and Vomiting",
                     "For people in the last days of life with obstructive bowel disorders who have nausea or "
                     "vomiting, consider: hyoscine butylbromide as the first-line pharmacological treatment.")
    draft = ExtractiveGenerator().generate("What is the first-line treatment for nausea and vomiting of pregnancy?",
                                           [dying], Audience.CLINICIAN)
    assert draft.insufficient


def test_the_options_lead_over_what_is_for_some_cases() -> None:
    # (NCI *Skin Cancer* PDQ, medquad:CancerGov:0000028_1)
    options = ("Treatment of basal cell carcinoma may include the following: simple excision; Mohs micrographic "
               "surgery; radiation therapy; electrodesiccation and curettage; cryosurgery.")
    some = ("Topical imiquimod therapy (a cream applied to the skin) may be used to treat some small basal cell "
            "carcinomas.")
    hits = [text_hit("medquad:CancerGov:0000028_1#33", "Skin Cancer", "What are the treatments for Skin Cancer ?",
                     some, kind=Kind.CONSUMER),
            text_hit("medquad:CancerGov:0000028_1#34", "Skin Cancer", "What are the treatments for Skin Cancer ?",
                     options, kind=Kind.CONSUMER)]
    draft = ExtractiveGenerator().generate("How is basal cell carcinoma of the skin treated?", hits,
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Treatment of basal cell carcinoma may include")


def test_what_comes_before_another_treatment_is_a_first_step_and_refractory_disease_a_later_one() -> None:
    from curbside.answer.lead_cues import FIRST_STEP

    assert FIRST_STEP.search("Offer iron therapy to people with anaemia of CKD who are iron deficient and who are not "
                             "receiving ESA therapy, before discussing ESA therapy.")
    # (ACG GERD 2013, ngc:9639)
    assert LATER_STEP.search("The first step in management of refractory GERD is optimization of PPI therapy.")


def test_the_preferred_test_is_a_first_step() -> None:
    from curbside.answer.lead_cues import FIRST_STEP

    # (ACG coeliac disease 2013, ngc:9835; NICE NG20, ngc:10797)
    assert FIRST_STEP.search("IgA anti-TTG antibody is the preferred single test for detection of CD in individuals "
                             "over the age of 2 years.")


APA_AUD = "Practice guideline for the pharmacological treatment of patients with alcohol use disorder."


def test_a_recommendation_finished_by_its_list_leads_over_a_caution_and_a_fallback() -> None:
    from curbside.answer.generators.extractive.layout import segments

    # (APA 2018 alcohol use disorder, ngc:11359; VA/DoD substance use disorders 2015, ngc:10930)
    apa = ("- APA recommends (1B) that naltrexone or acamprosate be offered to patients with moderate to severe "
           "alcohol use disorder who\n- Have a goal of reducing alcohol consumption or achieving abstinence,\n- Prefer "
           "pharmacotherapy or have not responded to nonpharmacological treatments alone, and\n- Have no "
           "contraindications to the use of these medications.\n- APA recommends (1C) that for individuals with mild "
           "to moderate renal impairment, acamprosate not be used as a first-line treatment and, if used, the dose of "
           "acamprosate be reduced compared with recommended doses in individuals with normal renal function.")
    first = segments(apa)[0]
    assert first.startswith("APA recommends (1B) that naltrexone or acamprosate be offered")
    assert first.endswith("have no contraindications to the use of these medications.")
    vadod = ("For patients with moderate-severe alcohol use disorder for whom first-line pharmacotherapy is "
             "contraindicated or ineffective, the Work Group suggests offering gabapentin. (Weak for)")
    hits = [text_hit("ngc:10930#20", "VA/DoD clinical practice guideline for the management of substance use "
                     "disorders.", "Major Recommendations — Pharmacotherapy for Alcohol Use Disorder", vadod),
            text_hit("ngc:11359#9", APA_AUD, "Major Recommendations — Pharmacotherapy", apa)]
    found = extract(hits)
    caution = next(c for c in found if "renal impairment" in c.text)
    assert caution.pitfall  # "… recommends that … acamprosate not be used as a first-line treatment"
    offered = next(c for c in found if "naltrexone or acamprosate be offered" in c.text)
    assert not offered.pitfall and not offered.dangling  # "these medications" are named in it
    assert LATER_STEP.search(vadod) and not LATER_STEP.search(offered.text)
    draft = ExtractiveGenerator().generate("What is the first-line pharmacotherapy for alcohol use disorder?", hits,
                                           Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("APA recommends (1B) that naltrexone or acamprosate be offered")


def test_every_word_of_the_diseases_name_is_the_questions() -> None:
    from curbside.answer.population import Scope

    scope = Scope.of("What is the first-line pharmacotherapy for alcohol use disorder?")
    assert not scope.narrower("For patients with moderate-severe alcohol use disorder, the Work Group recommends "
                              "offering one of the following medications: acamprosate, disulfiram, naltrexone.")


def test_an_aim_a_label_and_the_outlook_read_as_such() -> None:
    from curbside.answer.generators.extractive.cues import METHOD_CUE
    from curbside.answer.questions import analyse
    from curbside.answer.themes import primary_theme

    assert METHOD_CUE.search("To evaluate extended dosing with faricimab, the first bispecific antibody designed for "
                             "intraocular use, in patients with neovascular age-related macular degeneration.")
    hit = text_hit("bioasq:1#0", "", "", "INTRODUCTION: Therapeutic plasma exchange (TPE) is the first-line treatment "
                   "for acute thrombotic thrombocytopenic purpura (TTP).", kind=Kind.REVIEW)
    assert extract([hit])[0].text.startswith("Therapeutic plasma exchange")
    # (NINDS *Huntington's Disease*)
    assert primary_theme("People with this disease usually die within 15 to 20 years following diagnosis.") == (
        "prognosis")
    assert "prognosis" in analyse("What is the risk of rupture of an unruptured intracranial aneurysm?").intents


def test_raynauds_phenomenon_is_a_condition() -> None:
    from curbside.answer.lexicon import disease_mentions

    assert disease_mentions("How is Raynaud's phenomenon treated?")


def test_the_outlook_in_figures_and_long_term_treatment() -> None:
    from curbside.answer.lead_cues import OPTIONS, UNSETTLED
    from curbside.answer.synonyms import alternatives
    from curbside.answer.text import stem
    from curbside.answer.themes import primary_theme

    # (NINDS *Creutzfeldt-Jakob Disease*; AAN IVIG 2012, ngc:9085; NCI PDQ *Childhood Vascular Tumors*)
    assert primary_theme("About 70 percent of individuals die within one year.") == "prognosis"
    assert frozenset({stem("die")}) in alternatives(["prognosis", "disease"])[stem("prognosis")]
    assert primary_theme("IVIg should be offered for the long-term treatment of CIDP (Level A).") != "prognosis"
    assert UNSETTLED.search("Data are insufficient to address the comparative efficacy of prednisolone and IVIg in "
                            "treating CIDP.")
    assert OPTIONS.search("If the hemangioma is large or causing other health problems, treatment may include: "
                          "propranolol or other beta-blocker therapy.")


def test_a_question_that_also_asks_what_to_do_instead_gets_no_verdict() -> None:
    from curbside.answer.generators.extractive.cues import META_CUE
    from curbside.answer.lexicon import disease_mentions
    from curbside.answer.questions import analyse, is_yes_no

    lay = ("My ears keep getting blocked with earwax. Is it OK to clean them with cotton swabs, or what should I use "
           "instead?")
    assert not is_yes_no(lay) and "treatment" in analyse(lay).intents and disease_mentions(lay)
    assert is_yes_no("Is it OK to clean my ears with cotton swabs?")
    # (AAO-HNS earwax update 2017, ngc:11229: notes on its own wording and its quality measures)
    assert META_CUE.search("The term accumulation is used but not precisely defined, as it is up to the clinician to "
                           "determine.")
    assert META_CUE.search("Quality improvement opportunity: Communicating safe preventive measures to patients.")
