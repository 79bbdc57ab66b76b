"""Population scope: narrower groups than the question asks about, found in real guideline text."""

from __future__ import annotations

import pytest

from curbside.answer.ages import age_range
from curbside.answer.population import Scope

GENERAL = Scope.of("first-line treatment of hypertension in adults")


@pytest.mark.parametrize(("text", "label"), [
    ("Start a trial of a renin–angiotensin system blocking drug as first-line therapy for hypertension in adults "
     "with type 1 diabetes.", "adults with type 1 diabetes"),
    ("Angiotensin-converting enzyme inhibitors, angiotensin receptor blockers, and direct renin inhibitors should "
     "be used as first-line antihypertensive therapy in LT recipients with DM, CKD, and/or significant proteinuria "
     "(Grade 1, Level A).", "LT recipients"),
    ("For patients with SCD who have an RHC-confirmed marked elevation of their pulmonary vascular resistance, the "
     "Committee recommends against phosphodiesterase-5 inhibitor therapy as a first-line treatment.",
     "patients with SCD"),
    ("Magnesium sulphate is recommended for first-line treatment of eclampsia. (I-A)", "eclampsia"),
    ("Screening for primary hypertension in children and adolescents", "children"),
    ("In the general population aged 60 years or older, initiate pharmacologic treatment to lower blood pressure.",
     "aged 60 years or older"),
    ("Beta blockers are not recommended in the diabetic hypertensive patient, unless there is a firm indication.",
     "in the diabetic hypertensive patient"),
    ("In cases of CKD and diabetes, a therapeutic option for the treatment of acute gout may be colchicine.",
     "In cases of CKD and diabetes"),
    ("In the population aged 18 years or older with chronic kidney disease (CKD), initiate pharmacologic treatment "
     "to lower BP at SBP of 140 mm Hg or higher.", "population aged 18 years or older with chronic kidney disease"),
])
def test_narrower_populations_are_found(text: str, label: str) -> None:
    assert label in GENERAL.narrower(text)


@pytest.mark.parametrize("text", [
    "The Work Group recommends the use of thiazide-type diuretics for the treatment of hypertension. (Strong for)",
    "In the general nonblack population, including those with diabetes, initial antihypertensive treatment should "
    "include a thiazide-type diuretic.",  # inclusive, not a subgroup
    "Treat people with high blood pressure with lifestyle changes first.",  # the question's own condition
    "In the initial treatment of uncomplicated AHT, thiazide diuretics at low doses are the drugs of first choice "
    "in young hypertensive patients as well as those of a more advanced age.",
    "Hypertension in Adults: Screening -- Adults 18 years or older without known hypertension",  # every adult
    "The use of ACE inhibitors in patients is common.",
    # how a disease arises, not whom the statement is about
    "Type 2 diabetes often results from progressive failure of pancreatic beta-cell function in the presence of "
    "chronic insulin resistance.",
])
def test_general_statements_are_not_narrower(text: str) -> None:
    assert GENERAL.narrower(text) == ()


def test_a_phase_of_the_same_disease_is_not_another_disease() -> None:
    copd = Scope.of("How should chronic obstructive pulmonary disease exacerbations be treated?")
    assert copd.narrower("For acute COPD exacerbations, the panel recommends systemic corticosteroids.") == ()
    assert GENERAL.narrower("Treat severe pulmonary hypertension with X.") == ("pulmonary hypertension",)


def test_adults_and_children_together_are_everyone() -> None:
    asthma = Scope.of("What is the treatment for asthma?")
    assert asthma.narrower("Do not use macrolide antibiotics in adults and children with severe asthma.") == ()
    assert asthma.narrower("Offer a SABA as reliever therapy to children under 5 with suspected asthma.") != ()


def test_a_question_that_names_the_group_accepts_it() -> None:
    pregnancy = Scope.of("How is high blood pressure treated in pregnancy?")
    assert pregnancy.narrower("Magnesium sulphate is recommended for first-line treatment of eclampsia.") == ()
    assert pregnancy.narrower("Stage 1 hypertension in children is treated with lifestyle changes.") == ("children",)
    diabetic = Scope.of("blood pressure targets in adults with type 1 diabetes")
    assert diabetic.narrower("Start a trial of an ACE inhibitor in adults with type 1 diabetes.") == ()


def test_document_titles_about_another_disease() -> None:
    assert GENERAL.other_topics("Type 1 diabetes in adults: diagnosis and management.") == ("type 1 diabetes",)
    assert GENERAL.other_topics("Pharmacologic therapy for pulmonary arterial hypertension in adults: CHEST "
                                "guideline.") == ("pulmonary arterial hypertension",)
    assert GENERAL.other_topics("Clinical practice guidelines on arterial hypertension. 2007 update.") == ()
    assert GENERAL.other_topics("VA/DoD clinical practice guideline for the diagnosis and management of "
                                "hypertension in the primary care setting.") == ()
    # a question without a disease has nothing to drift from
    assert Scope.of("How much exercise do adults need?").other_topics("Type 1 diabetes in adults") == ()


def test_type_1_and_type_2_diabetes_are_different_diseases() -> None:
    type2 = Scope.of("What is the first-line treatment for type 2 diabetes?")
    assert type2.narrower("Start a RAS blocking drug in adults with type 1 diabetes.") == ("type 1 diabetes",)
    assert type2.other_topics("Type 1 diabetes in adults: diagnosis and management.") == ("type 1 diabetes",)
    assert type2.narrower("Metformin is first-line pharmacotherapy for patients with T2DM.") == ()


def test_the_other_sex_is_another_population() -> None:
    women = Scope.of("What is the recommended treatment for uncomplicated urinary tract infection in women?")
    assert women.narrower("Offer men considering any treatment for LUTS an assessment of their symptoms.") == ("men",)
    assert women.narrower("In women suspected of having a recurrent UTI, consider cystoscopy.") == ()
    assert women.narrower("Men and women with UTI should drink fluids.") == ()
    assert Scope.of("How is gout treated?").narrower("Gout is more common in men.") == ()  # no sex asked


def test_an_equivalent_of_one_word_is_not_an_equivalent_of_the_disease() -> None:
    aki = Scope.of("What is the management of acute kidney injury?")
    assert not aki.names_topic("Renal mass attenuation change of 20 HU is indeterminate.")  # "renal" alone
    assert aki.names_topic("Patients with AKI should be monitored.")
    assert aki.names_topic("In acute renal failure, stop nephrotoxic drugs.")
    hcv = Scope.of("How is chronic hepatitis C treated?")
    assert not hcv.names_topic("AASLD guidance for the treatment of chronic hepatitis B.")  # the letter counts
    assert hcv.names_topic("Patients infected with HCV genotype 1 should be treated.")
    t2 = Scope.of("What is the first-line treatment for type 2 diabetes?")
    assert t2.names_topic("Metformin for patients with T2DM.") and not t2.names_topic("Diabetes care in schools.")


def test_a_rule_for_every_stratum_of_a_measure_is_not_about_a_narrower_group() -> None:
    scope = Scope.of("How should metformin be dosed in patients with chronic kidney disease?")
    # KDIGO 2012 (NGC 9925): one rule across GFR strata answers the question for everyone it asks about
    assert scope.narrower("The Work Group recommends that metformin be continued in people with GFR ≥45 "
                          "ml/min/1.73 m² (GFR categories G1–G3a); its use should be reviewed in those with GFR "
                          "30–44 ml/min/1.73 m² (GFR category G3b); and it should be discontinued in people with "
                          "GFR <30 ml/min/1.73 m² (GFR categories G4–G5).") == ()
    # … one stratum alone is a narrower group
    assert scope.narrower("Metformin should be discontinued in people with GFR <30 ml/min/1.73 m².")


def test_a_deficiency_is_one_of_the_disorders_of_what_is_lacking() -> None:
    # (BSH guideline, ngc:10402) for a question on vitamin B12 deficiency
    scope = Scope.of("How is vitamin B12 deficiency diagnosed?")
    assert scope.names_topic("Guidelines for the diagnosis and treatment of cobalamin and folate disorders.")
    assert not scope.names_topic("Guidelines for the management of thyroid disorders.")


def test_a_subtype_written_as_initials_and_a_letter_is_narrower() -> None:
    # (AGA IBS guideline) for a question on irritable bowel syndrome as a whole
    scope = Scope.of("How is irritable bowel syndrome managed?")
    assert scope.narrower("The AGA recommends using linaclotide (over no drug treatment) in patients with IBS-C.") \
        == ("IBS-C",)
    assert scope.narrower("Healthcare professionals should consider prescribing antispasmodic agents for people with "
                          "IBS.") == ()


def test_the_disease_arising_from_another_is_narrower() -> None:
    # (ACCF/AHA STEMI guideline) for a question on acute pericarditis in general
    scope = Scope.of("What is the initial management of acute pericarditis?")
    assert scope.narrower("Aspirin is recommended for treatment of pericarditis after STEMI (Level of Evidence: B).") \
        == ("pericarditis after STEMI",)
    assert scope.narrower("Recurrent pericarditis after a first episode is common.") == ()


def test_an_age_group_outside_the_asked_ages_is_another_group() -> None:
    # (CTFPHC 2014 and USPSTF 2018 on PSA screening)
    scope = Scope.of("Should men aged 55 to 69 be screened for prostate cancer with PSA testing?")
    assert scope.narrower("For men aged less than 55 years, the Task Force recommends not screening for prostate "
                          "cancer with the prostate-specific antigen (PSA) test.") == ("aged less than 55",)
    assert scope.narrower("The USPSTF recommends against PSA-based screening for prostate cancer in men 70 years "
                          "and older.") == ("70 years and older",)
    assert scope.narrower("For men aged 55 to 69 years, the decision to undergo periodic prostate-specific antigen "
                          "(PSA)-based screening for prostate cancer should be an individual one.") == ()
    assert age_range("aged 18 years or older") == (18.0, float("inf"))
    assert age_range("over 65 years") == (65.5, float("inf")) and age_range("elderly") is None


def test_a_group_a_statement_includes_or_adds_to_adults_is_not_narrower() -> None:
    # (USPSTF 2016, genital herpes serologic screening)
    scope = Scope.of("Should asymptomatic adults be screened for genital herpes with serologic testing?")
    assert scope.narrower("The USPSTF recommends against routine serologic screening for genital herpes simplex "
                          "virus (HSV) infection in asymptomatic adolescents and adults, including those who are "
                          "pregnant (D recommendation).") == ()
