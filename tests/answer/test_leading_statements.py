"""A yes/no question is answered by the leading guideline's own statement on it, which passage search
ranks below the guideline's background; and a question on pregnancy is not answered by advice for
everyone else. Texts from the shared corpora: USPSTF 2017 *Hormone therapy in postmenopausal women*
(ngc:11315), VA/DoD hypertension (ngc:10598), SOGC 2014 hypertensive disorders of pregnancy (ngc:10362)."""

from __future__ import annotations

from pathlib import Path

from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.population import Scope
from curbside.answer.synonyms import alternatives
from curbside.answer.terms import Terms, _example_terms
from curbside.answer.topic_sources import leading_statements
from curbside.ingest import ingest_documents
from curbside.records import Document, Hit, Kind, Section
from curbside.store import Store
from tests.answer.realtext import text_hit

USPSTF = Document(
    id="ngc:11315", kind=Kind.GUIDELINE, source="ngc", year=2017, issuer="U.S. Preventive Services Task Force",
    title="Final recommendation statement: hormone therapy in postmenopausal women—primary prevention of chronic "
          "conditions.",
    sections=(
        Section("Disease/condition(s)", "Chronic conditions including:\n- Coronary heart disease\n- Breast cancer, "
                "colorectal cancer, and other types of cancer\n- Stroke\n- Fractures\n- Diabetes"),
        Section("Recommendation [D recommendation] — Recommendation Summary",
                "The USPSTF recommends against the use of combined estrogen and progestin for the primary "
                "prevention of chronic conditions in postmenopausal women. (D recommendation)"),
        Section("Recommendation [D recommendation] — Recommendation Summary",
                "The USPSTF recommends against the use of estrogen alone for the primary prevention of chronic "
                "conditions in postmenopausal women who have had a hysterectomy. (D recommendation)"),
        Section("Major Recommendations — Treatment and Intervention",
                "Menopausal hormone therapy refers to the use of combined estrogen and progestin in women with an "
                "intact uterus, or estrogen alone in women who have had a hysterectomy, taken at or after the time "
                "of menopause. For this recommendation, the USPSTF considered evidence on the benefits and harms of "
                "systemic (i.e., oral or transdermal) menopausal hormone therapy but not local formulations (e.g., "
                "creams or rings) of hormone therapy, because these are not generally used for the primary "
                "prevention of chronic conditions.\nIndications for hormone therapy approved by the U.S. Food and "
                "Drug Administration (FDA) in menopausal women are limited to the treatment of menopausal symptoms "
                "and the prevention of postmenopausal osteoporosis."),
        Section("Major Recommendations — Treatment and Intervention",
                "Several different formulations of menopausal hormone therapy are approved by the FDA for use in "
                "the United States. The use of menopausal hormone therapy is associated with both benefits and "
                "harms. Combined estrogen and progestin use is associated with a decreased risk of fractures, "
                "diabetes, and colorectal cancer; however, it is also associated with an increased risk of invasive "
                "breast cancer, coronary heart disease, thromboembolic events, stroke, dementia, gallbladder "
                "disease, and self-reported urinary incontinence."),
    ),
)


QUESTION = ("Should postmenopausal women take hormone therapy to prevent chronic conditions such as heart disease "
            "and osteoporosis?")
# the question's term weights in the shared-corpora knowledge base (IDF over 129,580 passages); a test KB of
# one guideline would weigh every word it repeats at nothing
IDF = {"postmenopaus": 6.11, "women": 3.05, "take": 3.30, "hormon": 4.03, "therapy": 2.11, "prev": 2.38,
       "chron": 2.99, "cond": 1.93, "heart": 3.18, "diseas": 1.64, "osteoporos": 5.47}


def test_a_yes_no_question_gets_the_leading_guidelines_statement(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "kb.sqlite")
    try:
        ingest_documents(store, [USPSTF])
        passages = store.passages_for("ngc:11315")
        background = next(p for p in passages if p.text.startswith("Menopausal hormone therapy refers"))
        terms = Terms({s: w for s, w in IDF.items() if s not in {"take"}}, alternatives([]))
        added = leading_statements(store, [Hit(background, USPSTF, 9.0)], terms)
    finally:
        store.close()
    assert [h.passage.text[:45] for h in added] == ["The USPSTF recommends against the use of comb",
                                                    "The USPSTF recommends against the use of estr"]
    # … not from a guideline whose title is on something else
    other = Document(id="x:1", kind=Kind.GUIDELINE, source="test", title="Diabetes and pregnancy.", sections=())
    assert leading_statements(store, [Hit(background, other, 9.0)], terms) == []


def test_what_a_question_gives_as_examples_weighs_less() -> None:
    examples = _example_terms(QUESTION)
    assert {"heart", "disease", "osteoporosis"} <= examples and not {"postmenopausal", "conditions"} & examples
    assert _example_terms("How is heart disease treated in women?") == frozenset()


def test_what_a_recommendation_was_based_on_is_not_what_it_says() -> None:
    hit = text_hit("ngc:11315#11", USPSTF.title, "Major Recommendations — Treatment and Intervention",
                   USPSTF.sections[3].text)
    based_on = next(c for c in extract([hit]) if c.text.startswith("For this recommendation"))
    assert based_on.meta


def test_advice_that_never_mentions_pregnancy_is_not_advice_in_pregnancy() -> None:
    scope = Scope.of("How should chronic hypertension be treated during pregnancy?")
    everyone = ("VA/DoD clinical practice guideline for the diagnosis and management of hypertension in the primary "
                "care setting. In patients with hypertension and CKD, we recommend treatment with an ACEI or ARB.")
    assert scope.outside_pregnancy(everyone)
    assert not scope.outside_pregnancy(
        "Treatment of the hypertensive disorders of pregnancy. Initial therapy in pregnancy can be with one of a "
        "variety of antihypertensive agents: methyldopa, labetalol, other beta-blockers and calcium channel blockers.")
    assert not Scope.of("How is hypertension treated?").outside_pregnancy(everyone)
    # … and a study of women who became pregnant, or of infants small for gestational age, is not about care in
    # pregnancy (PubMedQA 19542542, 19198736)
    for question in ("Is there a uniform basal endometrial gene expression profile during the implantation window "
                     "in women who became pregnant in a subsequent ICSI cycle?",
                     "Is being small for gestational age a risk factor for retinopathy of prematurity?"):
        assert not Scope.of(question).outside_pregnancy(everyone), question
    assert Scope.of("What is the first-line treatment for nausea and vomiting of pregnancy?").pregnant


def test_a_pregnancy_answer_leaves_out_advice_for_everyone_else() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.records import Audience

    sogc = text_hit("ngc:10362#23", "Treatment of the hypertensive disorders of pregnancy. In: Diagnosis, evaluation, "
                    "and management of the hypertensive disorders of pregnancy: executive summary.",
                    "Major Recommendations — Antihypertensive Drug Treatment",
                    "Initial therapy in pregnancy can be with one of a variety of antihypertensive agents as for "
                    "non-severe hypertension: methyldopa (I-A), labetalol (I-A), other beta-blockers (acebutolol, "
                    "metoprolol, pindolol, and propranolol) (I-B), and calcium channel blockers (nifedipine). (I-A)")
    vadod = text_hit("ngc:10598#60", "VA/DoD clinical practice guideline for the diagnosis and management of "
                     "hypertension in the primary care setting.", "Major Recommendations — Chronic Kidney Disease",
                     "In patients with hypertension and chronic kidney disease, we recommend treatment with an ACEI "
                     "or ARB to slow the progression of kidney disease. (Strong for)")
    draft = ExtractiveGenerator().generate("How should chronic hypertension be treated during pregnancy?",
                                           [sogc, vadod], Audience.CLINICIAN)
    texts = [draft.bottom_line.text, *(b.text for s in draft.sections for b in s.bullets)]
    assert any("methyldopa" in t for t in texts)
    assert not any("ACEI or ARB" in t for t in texts)


def test_a_guideline_abbreviation_defined_outside_the_evidence_still_names_the_disease(tmp_path: Path) -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.answer.terms import TermStats
    from curbside.records import Audience

    # (ACG GERD 2013, ngc:9639: the abbreviation is defined in the guideline's scope, not in its recommendations)
    acg = Document(id="ngc:9639", kind=Kind.GUIDELINE, source="ngc", year=2013,
                   title="Guidelines for the diagnosis and management of gastroesophageal reflux disease.",
                   sections=(Section("Disease/condition(s)", "Gastroesophageal reflux disease (GERD)"),
                             Section("Major Recommendations — Management of GERD",
                                     "Weight loss is recommended for GERD patients who are overweight.")))
    store = Store.open(tmp_path / "kb.sqlite")
    try:
        ingest_documents(store, [acg])
        passage = next(p for p in store.passages_for("ngc:9639") if "Weight loss" in p.text)
        hit = Hit(passage, acg, 9.0)
        question = "How is gastroesophageal reflux disease treated?"
        with_store = ExtractiveGenerator(TermStats(store)).candidates(question, [hit], Audience.CLINICIAN)
        without = ExtractiveGenerator().candidates(question, [hit], Audience.CLINICIAN)
    finally:
        store.close()
    assert with_store[0].names_topic and not without[0].names_topic


def test_the_leading_guidelines_first_step_joins_its_other_recommendations(tmp_path: Path) -> None:
    from curbside.answer.questions import analyse
    from curbside.answer.terms import TermStats
    from curbside.answer.topic_sources import sibling_recommendations

    # (NICE NG8 *Anaemia management in people with chronic kidney disease*, ngc:10726): iron comes before ESAs
    ng8 = Document(id="ngc:10726", kind=Kind.GUIDELINE, source="ngc", year=2015,
                   title="Anaemia management in people with chronic kidney disease.", sections=(
        Section("Major Recommendations — Benefits of Treatment with ESAs", "Offer treatment with ESAs to people with "
                "anaemia of CKD who are likely to benefit in terms of quality of life and physical function."),
        Section("Major Recommendations — Nutritional Supplements", "Supplements of vitamin C, folic acid, or "
                "carnitine should not be prescribed as adjuvants specifically for the treatment of anaemia of CKD."),
        Section("Major Recommendations — Androgens", "In people with anaemia of CKD, androgens should not be used to "
                "treat the anaemia."),
        Section("Major Recommendations — Clinical Utility of ESA Therapy", "ESAs need not be administered where the "
                "presence of comorbidities, or the prognosis, is likely to negate the benefits of correcting the "
                "anaemia of chronic kidney disease."),
        Section("Major Recommendations — Treatment with ESAs", "Treatment with ESAs should be managed to keep the "
                "haemoglobin of people with anaemia of chronic kidney disease in the aspirational range."),
        Section("Major Recommendations — Iron Therapy for People Who Are Iron Deficient and Not on ESA Therapy",
                "Offer iron therapy to people with anaemia of CKD who are iron deficient and who are not receiving "
                "ESA therapy, before discussing ESA therapy."),
    ))
    store = Store.open(tmp_path / "kb.sqlite")
    try:
        ingest_documents(store, [ng8])
        info = analyse("How should anemia of chronic kidney disease be managed?")
        stats = TermStats(store)
        passages = store.passages_for("ngc:10726")
        first = Hit(passages[0], ng8, 9.0)
        extra = sibling_recommendations(store, [first], Scope.of(info.text), info.intents, stats.terms(info), stats)
    finally:
        store.close()
    assert any(h.passage.text.startswith("Offer iron therapy") for h in extra)
    assert len(extra) <= 4


def test_patients_with_another_condition_are_answered_by_what_is_said_of_them() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.answer.themes import PITFALL, primary_theme
    from curbside.records import Audience
    from tests.answer.realtext import text_hit

    question = "How should venous thromboembolism be treated in patients with cancer?"
    scope = Scope.of(question)
    assert scope.qualifier and Scope.of("How should breathlessness be managed?").qualifier == ""
    # (CHEST 2016 antithrombotic therapy for VTE, ngc:10951; ASCO 2015 VTE in cancer, ngc:9844)
    chest = "Antithrombotic therapy for VTE disease: CHEST guideline and expert panel report."
    surgery = text_hit("ngc:10951#5", chest, "Major Recommendations — Duration of Anticoagulant Therapy",
                       "In patients with a proximal DVT of the leg or PE provoked by surgery, the panel recommends "
                       "treatment with anticoagulation for 3 months over treatment of a longer time-limited period "
                       "(Grade 1B).")
    no_cancer = text_hit("ngc:10951#9", chest, "Major Recommendations — Choice of Anticoagulant",
                         "In patients with DVT of the leg or PE and no cancer, as long-term anticoagulant therapy, the "
                         "panel suggests dabigatran, rivaroxaban, apixaban, or edoxaban over VKA therapy (Grade 2B).")
    asco = text_hit("ngc:9844#10", "Venous thromboembolism prophylaxis and treatment in patients with cancer: "
                    "American Society of Clinical Oncology clinical practice guideline update 2014.",
                    "Major Recommendations — Treatment",
                    "LMWH is preferred over UFH for the initial 5 to 10 days of anticoagulation for the patient with "
                    "cancer with newly diagnosed VTE who does not have severe renal impairment.")
    assert scope.excludes_qualifier(no_cancer.passage.text)
    draft = ExtractiveGenerator().generate(question, [surgery, no_cancer, asco], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("LMWH is preferred over UFH")
    assert not any("no cancer" in b.text for s in draft.sections for b in s.bullets)
    # (who it is for is not what it is about; a contraindication denied is no warning)
    assert primary_theme(asco.passage.text) != "diagnosis"
    assert not PITFALL.search("In patients for whom antithrombotic therapy is not contraindicated, consider LMWH.")


def test_a_yes_no_questions_population_is_the_studys() -> None:
    from curbside.answer.generators.extractive import ExtractiveGenerator
    from curbside.records import Audience
    from tests.answer.realtext import text_hit

    # (PubMedQA 20338971: the conclusion calls them "ESRD patients")
    background = text_hit("pmid:20338971#0", "", "BACKGROUND", "There are various causes of halitosis, one of which "
                          "is chronic renal failure.", kind=Kind.OBSERVATIONAL)
    conclusion = text_hit("pmid:20338971#3", "", "CONCLUSIONS", "PD may play an important role in decreasing the "
                          "level of halitosis in ESRD patients.", kind=Kind.OBSERVATIONAL)
    from curbside.answer.generators.extractive.assemble import choose_bottom

    question = "Does peritoneal dialysis affect halitosis in patients with end-stage renal disease?"
    found = ExtractiveGenerator().candidates(question, [background, conclusion], Audience.CLINICIAN)
    assert Scope.of(question).qualifier and not next(c for c in found if c.text.startswith("PD")).qualified
    assert choose_bottom(found, True).text.startswith("PD may play an important role")
