"""A disease named in passing is not what a sentence is about: answers about a disease come from
sentences about it (or from documents about it), and where the only sentences found mention it in
an example, an exclusion or a list of harms, the answer says the knowledge base has too little.
Texts are from the shared corpora (NGC, MedQuAD)."""

from __future__ import annotations

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.population import Scope
from curbside.records import Audience, Kind
from tests.answer.realtext import text_hit as _hit

BIPOLAR = ("Bipolar disorder: the assessment and management of bipolar disorder in adults, children and young "
           "people in primary and secondary care.")
COEXISTING = ("Offer people with bipolar disorder and coexisting disorders, such as personality disorder, attention "
              "deficit hyperactivity disorder, anxiety disorders or substance misuse, treatment in line with the "
              "relevant NICE clinical guideline, in addition to their treatment for bipolar disorder.")
BPPV = "Clinical practice guideline: benign paroxysmal positional vertigo (update)."




@pytest.mark.parametrize(("question", "text", "in_passing"), [
    ("How should attention deficit hyperactivity disorder be treated?", COEXISTING, True),
    ("How should chronic urticaria be managed?", "Nonsedating antihistamines are not recommended as a routine "
     "treatment for AD in the absence of urticaria or other atopic conditions such as rhinoconjunctivitis.", True),
    ("What is the management of hyperkalemia?", "The risk for adverse effects significantly increased with ACE "
     "inhibitor plus ARB combination therapy, including cough, hyperkalemia, hypotension, and acute kidney failure.",
     True),
    ("What are the symptoms of appendicitis?", "Gallstone symptoms may be similar to those of other conditions, such "
     "as appendicitis, ulcers, pancreatitis, and gastroesophageal reflux disease.", True),
    ("What is the management of hyperkalemia?", "People with hyporeninemic hypoaldosteronism are frequently given "
     "furosemide to correct hyperkalemia.", False),
    # one item of a long list (NICE TA on SGLT2 inhibitors, adverse effects)
    ("How is vulvovaginal candidiasis treated?", "Canagliflozin: balanitis, constipation, dyslipidaemia, haematocrit "
     "increase, nausea, polyuria, thirst, urinary tract infection and vulvovaginal candidiasis.", True),
    # what a drug was used for, in a sentence about another disease (BioASQ snippet)
    ("How is influenza treated?", "Avipiravir, a novel antiviral drug which was mainly used for the treatment of "
     "influenza, now has been demonstrated to have a curative effect in treating Ebola virus infection.", True),
    ("How is influenza treated?", "Oseltamivir, which is used for influenza, reduces the duration of symptoms.", False),
    ("How is attention deficit hyperactivity disorder treated?", "Most children with ADHD receive care through "
     "primary care physicians.", False),
])
def test_a_disease_named_in_passing(question: str, text: str, in_passing: bool) -> None:
    scope = Scope.of(question)
    assert scope.names_topic(text)
    assert scope.names_topic_in_passing(text) is in_passing


def test_a_long_disease_name_is_known_by_its_initials() -> None:
    scope = Scope.of("How is benign paroxysmal positional vertigo treated?")
    assert scope.names_topic("Clinicians should treat patients with posterior canal BPPV with a canalith "
                             "repositioning procedure (CRP).")
    # two letters are too few to stand for a disease ("AD", "PE" mean many things)
    assert not Scope.of("How is atopic dermatitis treated?").names_topic("AD is a common condition.")


def test_a_sentence_that_names_the_disease_in_passing_from_a_document_on_another_is_no_answer() -> None:
    question = "How should attention deficit hyperactivity disorder be treated in children?"
    bipolar = _hit("ngc:10556#9", BIPOLAR, "Major Recommendations — Treatment and Support for Specific Populations",
                   COEXISTING)
    draft = ExtractiveGenerator().generate(question, [bipolar], Audience.CLINICIAN)
    assert draft.insufficient and draft.bottom_line.text.startswith("The knowledge base has too little evidence")
    assert any("from a document about something else" in n for n in draft.notes)
    # a sentence from a document about the disease is preferred, though it does not name it
    adhd = _hit("ngc:9904#11", "Attention-deficit hyperactivity disorder.", "Recommendation [IA] — Diagnosis",
                "Stimulants are the first line treatment and have proven benefit to most people.")
    draft = ExtractiveGenerator().generate(question, [bipolar, adhd], Audience.CLINICIAN)
    assert not draft.insufficient and draft.bottom_line.text.startswith("Stimulants are the first line")
    assert COEXISTING not in [b.text for s in draft.sections for b in s.bullets]


def test_a_sentence_about_a_longer_named_disease_is_not_about_the_shorter_one() -> None:
    oticus = _hit("medquad:GARD:0007525#1", "Herpes zoster oticus", "What are the treatments for Herpes zoster oticus?",
                  "Treatment for herpes zoster oticus typically includes anti-inflammatory drugs called steroids, "
                  "which may reduce the inflammation of the nerves and help to ease the pain.", Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("What is the treatment for herpes zoster?", [oticus], Audience.CLINICIAN)
    assert draft.insufficient


def test_what_not_to_do_does_not_push_aside_the_recommended_treatment() -> None:
    dont = _hit("ngc:11216#38", BPPV, "Major Recommendations — Statement 6: Medical Therapy",
                "Clinicians should not routinely treat BPPV with vestibular suppressant medications such as "
                "antihistamines and/or benzodiazepines.\nRecommendation against routine medication based on "
                "observational studies and a preponderance of benefit over harm.")
    do = _hit("ngc:11216#24", BPPV, "Major Recommendations — Statement 4a. Repositioning Procedures as Initial Therapy",
              "Clinicians should treat, or refer to a clinician who can treat, patients with posterior canal BPPV with "
              "a canalith repositioning procedure (CRP).\nStrong recommendation based on systematic reviews of RCTs "
              "and a preponderance of benefit over harm.")
    draft = ExtractiveGenerator().generate("How is benign paroxysmal positional vertigo treated?", [dont, do],
                                           Audience.CLINICIAN)
    assert "canalith repositioning procedure" in draft.bottom_line.text
    assert any("vestibular suppressant" in b.text for b in draft.pitfalls)


ACNE = "Guidelines of care for the management of acne vulgaris."


def test_what_the_evidence_cannot_settle_does_not_lead_an_open_answer() -> None:
    physical = _hit("ngc:11046#15", ACNE, "Major Recommendations — Recommendations for Miscellaneous Therapies and "
                    "Physical Modalities", "There is limited evidence to recommend the use and benefit of physical "
                    "modalities for the routine treatment of acne, including pulsed dye laser, glycolic acid peels, "
                    "and salicylic acid peels.")
    topical = _hit("ngc:11046#10", ACNE, "Major Recommendations — Recommendations for Topical Therapies",
                   "Benzoyl peroxide or combinations with erythromycin or clindamycin are effective acne treatments "
                   "and are recommended as monotherapy for mild acne, or in conjunction with a topical retinoid, or "
                   "systemic antibiotic therapy for moderate to severe acne.")
    draft = ExtractiveGenerator().generate("How is acne vulgaris treated?", [physical, topical], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Benzoyl peroxide or combinations")


@pytest.mark.parametrize(("question", "intents"), [
    ("What is the first-line pharmacotherapy for smoking cessation?", ("drugs", "treatment")),
    ("What is first-line for acne?", ("treatment",)),
])
def test_first_line_and_pharmacotherapy_ask_about_treatment(question: str, intents: tuple[str, ...]) -> None:
    from curbside.answer.questions import analyse

    assert analyse(question).intents == intents


def test_abbreviations_defined_in_the_evidence_name_the_disease() -> None:
    from curbside.answer.abbreviations import defined_abbreviations

    assert defined_abbreviations("Mirabegron for treating symptoms of overactive bladder (OAB) in adults; the "
                                 "American Urological Association (AUA)") == {
        "OAB": "overactive bladder", "AUA": "American Urological Association"}
    # the long form may start inside a token ("(magnetic", "5,10-methylenetetrahydrofolate")
    assert defined_abbreviations("imaging (magnetic resonance imaging (MRI)) and 5,10-methylenetetrahydrofolate "
                                 "reductase (MTHFR)") == {"MRI": "magnetic resonance imaging",
                                                          "MTHFR": "methylenetetrahydrofolate reductase"}
    title = "Diagnosis and treatment of overactive bladder (non-neurogenic) in adults: AUA/SUFU guideline."
    first_line = _hit("ngc:10422#10", title, "Recommendation [Standard; Evidence Strength Grade B] — First-line "
                      "Treatments", "Clinicians should offer behavioral therapies (e.g., bladder training, bladder "
                      "control strategies, pelvic floor muscle training, fluid management) as first line therapy to "
                      "all patients with OAB. (Standard; Evidence Strength Grade B)")
    combined = _hit("ngc:10422#11", title, "Recommendation [Recommendation; Evidence Strength Grade C] — First-line "
                    "Treatments", "Behavioral therapies may be combined with anti-muscarinic therapies.")
    mirabegron = _hit("ngc:10170#3", "Mirabegron for treating symptoms of overactive bladder.",
                      "Major Recommendations", "Mirabegron is recommended as an option for treating the symptoms of "
                      "overactive bladder (OAB) only for people in whom antimuscarinic drugs are contraindicated.")
    question = "What is the first-line treatment for overactive bladder?"
    found = ExtractiveGenerator().candidates(question, [first_line, combined, mirabegron], Audience.CLINICIAN)
    offer = next(c for c in found if c.text.startswith("Clinicians should offer"))
    # "all patients with OAB" is everyone the question asks about, not a narrower group
    assert offer.names_topic and not offer.narrower
    draft = ExtractiveGenerator().generate(question, [first_line, combined, mirabegron], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Clinicians should offer behavioral therapies")


@pytest.mark.parametrize(("question", "disease"), [
    ("What is the management of diabetic foot ulcers?", "diabetic foot ulcer"),
    ("How can recurrent urinary tract infections be prevented in women?", "urinary tract infection"),
    ("What is the first-line treatment for overactive bladder?", "overactive bladder"),
    # (conditions guidelines are written about that the 2016 Disease Ontology lacks: the pulmonary-embolism guideline
    # had answered aortic dissection)
    ("In a patient with suspected acute aortic dissection, can a negative D-dimer rule it out?", "aortic dissection"),
    ("Should she be offered external cephalic version for a breech presentation?", "breech presentation"),
    ("How is carbon monoxide poisoning treated?", "carbon monoxide poisoning"),
    # (named in lay words by where it is: a hiatal-hernia repair rule had said "Yes" to an operation for it)
    ("My dad has a small hernia in his groin. Does he really need an operation?", "inguinal hernia"),
    ("Does a belly button hernia in a baby need surgery?", "umbilical hernia"),
    # (… or by its short name: check21's carpal-tunnel question had been answered with splints after stroke)
    ("The doctor thinks it's carpal tunnel. Will a wrist splint help?", "carpal tunnel syndrome"),
])
def test_plural_and_common_disease_names_are_topics(question: str, disease: str) -> None:
    from curbside.answer.lexicon import disease_mentions

    assert disease in disease_mentions(question)


def test_cold_sores_are_herpes() -> None:
    scope = Scope.of("How do I know if its a canker sore versus herpes")
    # the *Cold Sores* page is about one of the two things compared, not another disease
    assert scope.names_topic("Cold Sores") and not scope.other_topics("Cold Sores")


@pytest.mark.parametrize(("question", "intents"), [
    ("What is the risk of recurrence after a first unprovoked seizure?", ("prognosis",)),
    ("How should warfarin be reversed in a patient with major bleeding?", ("treatment",)),
    ("How should hyponatremia be evaluated?", ("diagnosis",)),
])
def test_recurrence_reversal_and_evaluation_are_what_is_asked(question: str, intents: tuple[str, ...]) -> None:
    from curbside.answer.questions import analyse

    assert analyse(question).intents == intents


def test_when_treatment_is_not_needed_does_not_lead_how_it_is_treated() -> None:
    tremor = _hit("medquad:NINDS:0000271#1", "Essential Tremor", "What are the treatments for Essential Tremor?",
                  "Treatment for essential tremor may not be necessary unless the tremors interfere with daily "
                  "activities or cause embarrassment. Essential tremor may be treated with propranolol or other "
                  "beta blockers (such as nadolol) and primidone, an anticonvulsant drug.", Kind.CONSUMER)
    draft = ExtractiveGenerator().generate("How is essential tremor treated?", [tremor], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Essential tremor may be treated with propranolol")


def test_checking_that_a_treatment_worked_is_a_later_step() -> None:
    # NICE *Blood transfusion* (NGC 10830): the reversal itself leads, not the INR check after it
    transfusion = _hit("ngc:10830#23", "Blood transfusion.", "Major Recommendations — Thresholds and Targets",
                       "Offer immediate prothrombin complex concentrate transfusions for the emergency reversal of "
                       "warfarin anticoagulation in patients with either:\n- severe bleeding or\n- head injury with "
                       "suspected intracerebral haemorrhage.\nMonitor the international normalised ratio (INR) to "
                       "confirm that warfarin anticoagulation has been adequately reversed, and consider further "
                       "prothrombin complex concentrate.")
    draft = ExtractiveGenerator().generate("How should warfarin be reversed in a patient with major bleeding?",
                                           [transfusion], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Offer immediate prothrombin complex concentrate")


def test_a_snippet_without_a_title_that_names_the_disease_in_passing_is_no_answer() -> None:
    # a BioASQ snippet has no title to say what it is about: its own words must
    ebola = _hit("bioasq:27095580#0", "", "Snippet", "Avipiravir, a novel antiviral drug which was mainly used for the "
                 "treatment of influenza, now has been demonstrated to have a curative effect in treating Ebola virus "
                 "infection.", Kind.OTHER)
    draft = ExtractiveGenerator().generate("How is influenza treated?", [ebola], Audience.CLINICIAN)
    assert draft.insufficient


def test_an_abbreviation_the_evidence_defines_for_the_questions_words_covers_them_in_the_plural_too() -> None:
    from curbside.answer.abbreviations import asked_abbreviations, defined_abbreviations
    from curbside.answer.evidence import abbreviated
    from curbside.answer.terms import Terms
    from curbside.answer.text import content_stems, stem

    question = "Can several patients be given doses from one single-dose vial of lidocaine?"
    definitions = [defined_abbreviations("… a medication packaged in a single-dose vial (SDV) or single-use vial."),
                   defined_abbreviations("… the United States Pharmacopeia (USP) and the vial (V) …")]
    asked = asked_abbreviations(content_stems(question), definitions)
    assert asked == {"SDV": "single-dose vial"}  # (not USP, whose words it does not say; not a one-word "V")
    terms = abbreviated(Terms({stem(w): 1.0 for w in ("single", "dose", "vial", "patients")}), asked)
    said = set(content_stems("SDVs must never be used for multiple patients"))
    assert terms.covered(said) == {stem("single"), stem("dose"), stem("vial"), stem("patients")}


def test_an_abbreviation_that_reads_as_a_stopword_covers_nothing() -> None:
    from curbside.answer.evidence import abbreviated
    from curbside.answer.terms import Terms
    from curbside.answer.text import stem

    terms = abbreviated(Terms({stem("ankylosing"): 5.0, stem("spondylitis"): 5.0}), {"AS": "ankylosing spondylitis"})
    assert terms.covered({stem("nsaids")}) == set()  # ("AS" has no content stem: it stood for every sentence)


def test_abbreviations_the_question_uses_itself_or_whose_letters_are_not_initials_stand_for_nothing_else() -> None:
    from curbside.answer.abbreviations import asked_abbreviations, defined_abbreviations
    from curbside.answer.text import content_stems

    # (the question's own letters find passages that use them for something else: "the child and/or PAC")
    pac = "Is periampullary carcinoma (PAC) a relatively rare genitourinary malignancy?"
    assert asked_abbreviations(content_stems(pac), [{"PAC": "periampullary carcinoma"}]) == {}
    cnv = "Are Copy Number Variants (CNVs) depleted in regions of low mappability?"
    assert asked_abbreviations(content_stems(cnv), [{"CNV": "copy number variants"}]) == {}
    # ("developmental disorders" holds D, D, D in order; the study is Deciphering Developmental Disorders)
    ddd = defined_abbreviations("… from the Deciphering Developmental Disorders (DDD) study …")
    assert asked_abbreviations(content_stems("Do changes in MEF2C cause developmental disorders?"), [ddd]) == {}


def test_evidence_reranking_knows_the_abbreviations_defined_for_the_questions_words() -> None:
    from curbside.answer.evidence import _defined_for
    from curbside.answer.terms import Terms
    from curbside.answer.text import stem

    question = "Can several patients be given doses from one single-dose vial of lidocaine?"
    hit = _hit("ngc:10583#6", "Society of Interventional Radiology position statement on injection safety.",
               "Major Recommendations", "An essential feature of injection practice involves the safe administration "
               "of a medication packaged in a single-dose vial (SDV) or single-use vial.")
    terms = Terms({stem(w): 1.0 for w in ("several", "patients", "doses", "single", "dose", "vial", "lidocaine")})
    assert _defined_for(Scope.of(question), terms, [hit]) == {"SDV": "single-dose vial"}
