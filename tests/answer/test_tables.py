"""A guideline table's row is read as one sentence under its header, not cell by cell: the rating
keeps its procedure, the comment its subject, the Beers recommendation its drug. Texts from the shared
corpora: ACR Appropriateness Criteria right lower quadrant pain — suspected appendicitis (ngc:10146),
ACR imaging of deep inferior epigastric arteries (ngc:11320), AGS 2015 Beers criteria (ngc:10857), CPIC's
HLA-B/abacavir and CYP3A5/tacrolimus tables (ngc:9587, ngc:10769) and ACOG's inherited thrombophilias in pregnancy
(ngc:9990)."""

from __future__ import annotations

from pathlib import Path

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.assemble import Asks, choose_bottom
from curbside.answer.generators.extractive.candidates import Candidate, extract
from curbside.answer.generators.extractive.layout import segments
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.tables import header, rows_as_sentences, table_context
from curbside.answer.terms import TermStats
from curbside.answer.themes import primary_theme
from curbside.answer.topic_sources import titled_for
from curbside.ingest import ingest_documents
from curbside.records import Audience, Document, Hit, Kind, Section
from curbside.store import Store
from tests.answer.realtext import text_hit

LEGEND = ("Rating Scale: 1,2,3 Usually not appropriate; 4,5,6 May be appropriate; 7,8,9 Usually appropriate | "
          "*Relative Radiation Level")
RLQ_FIRST = (
    "Variant 1: Fever, leukocytosis, and classic presentation clinically for appendicitis in adults.\n"
    "Radiologic Procedure | Rating | Comments | RRL*\n"
    "CT abdomen and pelvis with contrast | 8 | Oral or rectal contrast may not be needed depending on institutional "
    "preference.\n"
    "US abdomen | 6 | Perform this procedure with graded compression. | O\n"
    "US pelvis | 5 | This procedure is appropriate in women with pelvic pain. | O\n"
    "MRI abdomen and pelvis without and with contrast | 5 | See statement regarding contrast in text below under "
    "\"Anticipated Exceptions.\" | O")
RLQ_NEXT = ("MRI abdomen and pelvis without contrast | 4 | O\n"
            "X-ray contrast enema | 2\n"
            "Tc-99m WBC scan abdomen and pelvis | 2\n" + LEGEND + "\n"
            "Note: Abbreviations used in the tables are listed at the end of the \"Major Recommendations\" field.")
DIEP = ("Variant 1: Imaging of deep inferior epigastric arteries for surgical planning (breast reconstruction "
        "surgery).\n"
        "Procedure | Appropriateness Category | Relative Radiation Level\n"
        "CTA abdomen and pelvis with IV contrast | Usually Appropriate\n"
        "MRA abdomen and pelvis without IV contrast | May Be Appropriate | O\n"
        "Arteriography abdomen and pelvis | Usually Not Appropriate")
BEERS = (
    "Organ System, Therapeutic Category, Drug | Rationale | Recommendation | Quality of Evidence | Strength of "
    "Recommendation\n"
    "Anti-infective\n"
    "Nitrofurantoin | Potential for pulmonary toxicity, hepatotoxicity, and peripheral neuropathy, especially with "
    "long-term use; safer alternatives available | Avoid in individuals with creatinine clearance <30 mL/min or for "
    "long-term suppression of bacteria | Low | Strong")


def test_an_appropriateness_row_keeps_its_procedure_scenario_and_meaning() -> None:
    read = ["", *rows_as_sentences(RLQ_FIRST + "\n" + LEGEND).split("\n")]  # (each row says its scenario)
    assert read[1] == ("CT abdomen and pelvis with contrast is usually appropriate (rating 8) for fever, leukocytosis, "
                       "and classic presentation clinically for appendicitis in adults — oral or rectal contrast may "
                       "not be needed depending on institutional preference.")
    assert read[3].startswith("US pelvis may be appropriate (rating 5) for fever") and read[3].endswith(
        " — this procedure is appropriate in women with pelvic pain.")
    # a pointer is not a comment, the radiation-level column is not read, header and legend are gone
    assert read[4].endswith("appendicitis in adults.") and "Rating Scale" not in " ".join(read)
    assert len(read) == 5 and not any(line.startswith("Variant") for line in read)


def test_a_table_run_on_from_an_earlier_passage_is_read_under_the_header_carried_from_there() -> None:
    carried = table_context([RLQ_FIRST], RLQ_FIRST + "\n" + RLQ_NEXT)
    assert carried == (RLQ_FIRST.split("\n")[0], "Radiologic Procedure | Rating | Comments | RRL*", LEGEND)
    sentences = segments(RLQ_NEXT, carried=carried)
    assert "X-ray contrast enema is usually not appropriate (rating 2) for fever, leukocytosis, and classic " \
           "presentation clinically for appendicitis in adults." in sentences
    # without its header the row is what it was: cells
    assert not any("contrast enema is" in s for s in segments(RLQ_NEXT))


def test_a_category_column_reads_as_the_category() -> None:
    read = ["", *rows_as_sentences(DIEP).split("\n")]
    assert read[1] == ("CTA abdomen and pelvis with IV contrast is usually appropriate for imaging of deep inferior "
                       "epigastric arteries for surgical planning (breast reconstruction surgery).")
    assert read[2].startswith("MRA abdomen and pelvis without IV contrast may be appropriate for imaging")
    assert read[3].startswith("Arteriography abdomen and pelvis is usually not appropriate for")


def test_a_recommendation_row_keeps_its_drug_reason_and_grade() -> None:
    read = rows_as_sentences(BEERS).split("\n")
    assert read[1] == ("Nitrofurantoin: avoid in individuals with creatinine clearance <30 mL/min or for long-term "
                       "suppression of bacteria — potential for pulmonary toxicity, hepatotoxicity, and peripheral "
                       "neuropathy, especially with long-term use; safer alternatives available (quality of "
                       "evidence: low; strength of recommendation: strong).")
    assert read[0] == "Anti-infective" and len(read) == 2  # (the header is not a sentence)


def test_other_tables_are_left_as_they_are() -> None:
    grades = "Grade | Recommendation\nA | Offer the test to everyone at risk."
    levels = "Level of Certainty | Description\nHigh | The available evidence usually includes consistent results."
    assert header("Grade | Recommendation") is None and rows_as_sentences(grades) == grades
    assert rows_as_sentences(levels) == "Level of Certainty | Description"  # (its legend row is left out)
    # a row cut where its passage ends (fewer cells than its header) is not guessed at
    cut = BEERS.rsplit(" | ", 2)[0]
    assert rows_as_sentences(cut).split("\n")[1] == cut.split("\n")[2]


def test_the_generator_reads_a_table_under_the_header_of_its_documents_earlier_passage(tmp_path: Path) -> None:
    doc = Document(
        id="ngc:10146", kind=Kind.GUIDELINE, source="ngc", year=2013, issuer="American College of Radiology",
        title="ACR Appropriateness Criteria® right lower quadrant pain — suspected appendicitis.",
        sections=(Section("Major Recommendations — Clinical Condition: Right Lower Quadrant Pain—Suspected "
                          "Appendicitis", RLQ_FIRST),
                  Section("Major Recommendations — Clinical Condition: Right Lower Quadrant Pain—Suspected "
                          "Appendicitis", RLQ_NEXT)))
    store = Store.open(tmp_path / "kb.sqlite")
    try:
        ingest_documents(store, [doc])
        later = store.passages_for("ngc:10146")[-1]
        assert later.text.startswith("MRI abdomen and pelvis without contrast")
        found = ExtractiveGenerator(TermStats(store)).candidates(
            "What imaging is appropriate for suspected appendicitis?", [Hit(later, doc, 5.0)], Audience.CLINICIAN)
    finally:
        store.close()
    assert any(c.text.startswith("MRI abdomen and pelvis without contrast may be appropriate (rating 4) for fever")
               for c in found)


def test_a_title_naming_a_symptom_then_the_disease_is_about_the_disease() -> None:
    # "right lower quadrant pain — suspected appendicitis" names pain, then appendicitis: not a kind of appendicitis
    scope = Scope.of("What imaging is appropriate for suspected appendicitis in adults?")
    title = "ACR Appropriateness Criteria® right lower quadrant pain — suspected appendicitis."
    assert titled_for(scope, title)
    assert scope.narrower("Clinical Condition: Right Lower Quadrant Pain—Suspected Appendicitis") == ()
    # (a qualifier within the phrase still makes another disease)
    assert Scope.of("How is hypertension treated?").narrower("Pulmonary arterial hypertension") != ()


def test_imaging_by_its_modality_is_diagnosis_and_mortality_is_the_outlook() -> None:
    assert primary_theme("US pelvis may be appropriate (rating 5) for fever.") == "diagnosis"
    assert primary_theme("Among US adults, statin use rose.") == ""
    assert analyse("What is the mortality risk after hip fracture in older adults?").intents == ("prognosis",)


def _row(text: str, *, titled: bool, conclusion: bool = False, evidence: int = 1) -> Candidate:
    (c,) = extract([text_hit(f"d{evidence}#0", "A guideline", "Major Recommendations", text)])
    c.titled, c.names_topic, c.conclusion, c.recommendation = titled, True, conclusion, False
    c.relevance, c.score = 0.8, (1.36 if conclusion else 1.13)  # (as scored for the question, shared corpora)
    return c


def test_asked_which_imaging_the_tables_usually_appropriate_rating_leads() -> None:
    remark = _row("MRI is the most sensitive modality if appendicitis is suspected.", titled=False, conclusion=True)
    seven = _row("CT abdomen and pelvis without contrast is usually appropriate (rating 7) for fever, leukocytosis, "
                 "and classic presentation clinically for appendicitis in adults.", titled=True, evidence=2)
    eight = _row("CT abdomen and pelvis with contrast is usually appropriate (rating 8) for fever, leukocytosis, and "
                 "classic presentation clinically for appendicitis in adults.", titled=True, evidence=3)
    pool = [remark, seven, eight]
    assert choose_bottom(pool, False, ("diagnosis",), Asks(imaging=True)) is eight
    assert choose_bottom(pool, False, ("diagnosis",)) is remark  # (asked how it is diagnosed: one part of that)


def test_a_grading_schemes_legend_row_is_left_out() -> None:
    legend = ("Levels of Recommendation\n"
              "Level 1 | Generally accepted principles for patient management, which reflect a high degree of "
              "clinical certainty\n"
              "Level 2 | Recommendations for patient management which reflect clinical certainty (usually this "
              "requires class II evidence or a strong consensus of class III evidence)\n"
              "Class I Evidence Level 1 Recommendation | Evidence provided by one or more well-designed clinical "
              "studies of a diverse population.\n"
              "Very Low | Any estimate of effect is very uncertain.")
    assert rows_as_sentences(legend) == "Levels of Recommendation"
    # (cell by cell, the next row's label had become this row's grade: "… clinical certainty (Level 2).")
    assert not any("Level 2" in s or "clinical certainty" in s for s in segments(legend))
    # a graded recommendation, or a clinical table's row, is not a legend
    kept = "A | Offer the test to everyone at risk.\nGrade III | 1-2 wk | >10 wk"
    assert rows_as_sentences(kept) == kept


ABACAVIR = ("Genotype | Implications for Phenotypic Measures | Recommendations for Abacavir | Classification of "
            "Recommendations\n"
            "Noncarrier of HLA-B*57:01 | Low or reduced risk of abacavir hypersensitivity | Use abacavir per standard "
            "dosing guidelines | Strong\n"
            "Carrier of HLA-B*57:01 | Significantly increased risk of abacavir hypersensitivity | Abacavir is not "
            "recommended | Strong")
TACROLIMUS = ("CYP3A5 Phenotype | Implications for Tacrolimus Pharmacologic Measures | Therapeutic Recommendations | "
              "Classification of Recommendations\n"
              "Poor metabolizer (CYP3A5 nonexpresser) | Higher (\"normal\") dose-adjusted trough concentrations of "
              "tacrolimus and increased chance of achieving target tacrolimus concentrations | Initiate therapy with "
              "standard recommended dose. Use therapeutic drug monitoring to guide dose adjustments. | Strong")
THROMBOPHILIA = ("Clinical Scenario | Antepartum Management | Postpartum Management\n"
                 "Low-risk thrombophilia with a family history (first-degree relative) of VTE | Surveillance without "
                 "anticoagulation therapy | Postpartum anticoagulation therapy or intermediate-dose LMWH/UFH")


def test_a_pharmacogenetic_row_keeps_its_genotype_and_recommendation() -> None:
    # (check30: CPIC's "Carrier of HLA-B*57:01 | … | Abacavir is not recommended | Strong" had been read cell by cell,
    # and check29's tacrolimus answer had led with an orphaned "Use therapeutic drug monitoring …" cell)
    assert rows_as_sentences(ABACAVIR).split("\n")[1] == (
        "Carrier of HLA-B*57:01: abacavir is not recommended (classification of recommendations: strong).")
    # (what the genotype implies for drug levels is left out: "… trough concentrations" is not about monitoring)
    assert "trough" not in rows_as_sentences(TACROLIMUS)
    assert rows_as_sentences(TACROLIMUS).startswith("Poor metabolizer (CYP3A5 nonexpresser): initiate therapy with "
                                                   "standard recommended dose.")
    # (a gene's name is not a figure; a year or a threshold in a header cell still is)
    assert header("CYP3A5 Phenotype | Therapeutic Recommendations") is not None
    assert header("Age ≥65 | Recommendations") is None and header("2015 | Recommendations") is None


def test_a_management_row_keeps_its_scenario_and_each_phase() -> None:
    # (check30: the row naming the patient's situation had been printed without what to do)
    assert rows_as_sentences(THROMBOPHILIA) == (
        "Low-risk thrombophilia with a family history (first-degree relative) of VTE — antepartum management: "
        "surveillance without anticoagulation therapy; postpartum management: postpartum anticoagulation therapy or "
        "intermediate-dose LMWH/UFH.")
    # (a table whose other columns are not what to do is left as it is)
    counts = "Clinical Scenario | Number of Patients\nPregnancy | 12"
    mixed = "Clinical Scenario | Management | Number of Patients\nPregnancy | Surveillance | 12"
    assert rows_as_sentences(counts) == counts and rows_as_sentences(mixed) == mixed
