"""Guideline and consumer-health sources: NGC summaries, USPSTF export, MedQuAD."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from curbside.errors import SourceError
from curbside.records import Kind
from curbside.sources import detect_format, iter_path_documents, medquad, ngc, uspstf
from curbside.sources.ngc import grade_of


def test_ngc_summary_with_graded_recommendations(corpora_dir: Path) -> None:
    path = corpora_dir / "ngc" / "summaries" / "ngc-10000.xml"
    assert detect_format(path) == "ngc"
    [doc] = list(iter_path_documents(path))
    assert doc.id == "ngc:10000" and doc.kind is Kind.GUIDELINE and doc.source == "ngc"
    assert doc.title.startswith("Guidelines for the management of mature T-cell and NK-cell neoplasms")
    assert doc.issuer == "British Society for Haematology Guidelines"
    assert doc.year == 2013  # "2011 May (revised 2013 Aug)": the current version
    assert doc.url.startswith("http://www.bcshguidelines.com/")
    assert doc.license == "copyright per guideline (test use only)"
    sections = {s.label: s.text for s in doc.sections}
    label = "Recommendation [Grade 1B] — T-prolymphocytic Leukaemia (T-PLL)"
    assert sections[label] == "Intravenous alemtuzumab should be used as first line therapy for T-PLL (Grade 1B)."
    assert "Major Recommendations — Diagnosis and Staging" in sections
    assert sections["Target population"].startswith("Patients with mature T-cell and natural killer")
    assert "Potential harms" in sections and "Qualifying statements" in sections
    assert not any("Disclaimer" in lbl or "Funding" in lbl for lbl in sections)
    assert "\n- " in sections["Interventions and practices considered"]  # HTML lists become lines


def test_ngc_pmid_and_empty_fields(corpora_dir: Path) -> None:
    [doc] = list(ngc.iter_documents(corpora_dir / "ngc" / "summaries" / "ngc-10031.xml"))
    assert doc.pmid == "23288205" and doc.year == 2013
    assert doc.issuer == "American College of Medical Genetics and Genomics"
    assert doc.url == "https://www.acmg.net/docs/MTHFR_gim2012165a_Feb2013.pdf"
    assert all(s.text.lower() not in {"not stated", "none provided"} for s in doc.sections)


def test_ngc_sample_parses(corpora_dir: Path) -> None:
    files = sorted((corpora_dir / "ngc" / "summaries").glob("*.xml"))
    for path in random.Random(7).sample(files, 25):
        [doc] = list(ngc.iter_documents(path))
        assert doc.title and doc.issuer and doc.year and doc.sections


@pytest.mark.parametrize(("text", "grade"), [
    ("Use X (Grade 1B).", "Grade 1B"),
    ("Use X [Level of Evidence: C]", "Level of Evidence: C"),
    ("Use X (Strong recommendation, low quality evidence).", "Strong recommendation, low quality evidence"),
    ("Use X [A]", "A"),
    ("Use X (II-2)", "II-2"),
    ("Use X (see the table below).", ""),
    ("Use X (computed tomography)", ""),
    ("Use X in adults.", ""),
    ("Offer X (Strong for).", "Strong for"),
    ("Avoid X (Weak against)", "Weak against"),
    # (an aside that says "for" is not a grade: NICE CKD 2014, the list after "If the eGFR change is 25% or more …:")
    ("Investigate other causes of a deterioration in renal function, such as volume depletion or concurrent "
     "medication (for example, NSAIDs)", ""),
    ("Give 20 mg/m²/day (for days 1–5)", ""),
])
def test_grade_detection(text: str, grade: str) -> None:
    assert grade_of(text) == grade


def test_uspstf(corpora_dir: Path) -> None:
    path = corpora_dir / "uspstf" / "uspstf_enriched.json"
    assert detect_format(path) == "uspstf"
    docs = list(iter_path_documents(path))
    assert len(docs) == 142 and len({d.id for d in docs}) == 142
    first = docs[0]
    assert first.id == "uspstf:1" and first.kind is Kind.GUIDELINE
    assert first.title == "Cervical Cancer: Screening -- Women aged 21 to 65 years"
    assert first.issuer == "U.S. Preventive Services Task Force" and first.year is None
    assert first.sections[0].label == "Recommendation (Grade A)"
    assert "(cotesting). See the Clinical Considerations" in first.sections[0].text  # glued sentence fixed
    assert "Grade A (USPSTF definition): The USPSTF recommends the service." in first.sections[0].text
    assert ("Population", "Sex: female; Age: 21 to 65 years") in [(s.label, s.text) for s in first.sections]


def test_uspstf_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    path.write_text('[{"id": "X", "title": "T", "recommendation": "R", "grade": "B"}, {"id": "Y"}]')
    with pytest.raises(SourceError, match="record 1: needs 'id', 'title' and 'recommendation'"):
        list(uspstf.iter_documents(path))


def test_medquad_answered_topic(corpora_dir: Path) -> None:
    path = corpora_dir / "medquad" / "1_CancerGov_QA" / "0000001_1.xml"
    assert detect_format(path) == "medquad"
    [doc] = list(iter_path_documents(path))
    assert doc.id == "medquad:CancerGov:0000001_1" and doc.kind is Kind.CONSUMER
    assert doc.title == "Adult Acute Lymphoblastic Leukemia"
    assert doc.issuer == "National Cancer Institute (cancer.gov)" and doc.license == "CC BY 4.0"
    assert doc.url == "https://www.cancer.gov/types/leukemia/patient/adult-all-treatment-pdq"
    assert doc.sections[0].label == "What is (are) Adult Acute Lymphoblastic Leukemia ?"
    assert "\n- Leukemia may affect red blood cells" in doc.sections[0].text  # bullet lists restored


def test_medquad_without_answers_and_older_spellings(corpora_dir: Path) -> None:
    root = corpora_dir / "medquad"
    assert list(medquad.iter_documents(root / "10_MPlus_ADAM_QA" / "0000001.xml")) == []
    [ninds] = list(iter_path_documents(root / "6_NINDS_QA" / "0000007.xml"))
    assert ninds.id == "medquad:NINDS:0000007" and ninds.title == "Holmes-Adie"
    [cdc] = list(iter_path_documents(root / "9_CDC_QA" / "0000397.xml"))
    assert cdc.id == "medquad:CDC:0000397" and cdc.title == "Parasites - Taeniasis"


def test_medquad_split_pages_get_distinct_ids(corpora_dir: Path) -> None:
    folder = corpora_dir / "medquad" / "1_CancerGov_QA"
    ids = {d.id for name in ("0000013_2.xml", "0000013_2_1.xml", "0000013_2_2.xml")
           for d in medquad.iter_documents(folder / name)}
    assert ids == {"medquad:CancerGov:0000013_2", "medquad:CancerGov:0000013_2_1", "medquad:CancerGov:0000013_2_2"}


def test_medquad_sample_of_every_folder(corpora_dir: Path) -> None:
    rng = random.Random(11)
    for folder in sorted(p for p in (corpora_dir / "medquad").iterdir() if p.is_dir() and "_QA" in p.name):
        for path in rng.sample(sorted(folder.glob("*.xml")), 8):
            for doc in medquad.iter_documents(path):
                assert doc.sections and doc.issuer and doc.url.startswith("http")


@pytest.mark.parametrize(("text", "tidy"), [
    ("Start a trial of an ACE inhibitor. [2004, amended 2015]", "Start a trial of an ACE inhibitor."),
    ("Offer metformin. [new 2014] Review it yearly. [2008]", "Offer metformin. Review it yearly."),
    ("A (2007): The use of beta blockers is not recommended.",
     "The use of beta blockers is not recommended (grade A)."),
    ("B*: Beta blockers are the drugs of choice in stable angina", "Beta blockers are the drugs of choice in stable "
     "angina (grade B*)."),
    ("GPP: Do not use REGICOR charts.", "Do not use REGICOR charts (GPP)."),
    ("[2008, amended 2015] indicates that the evidence has not been reviewed since 2008",
     "[2008, amended 2015] indicates that the evidence has not been reviewed since 2008"),
    ("BEP: bleomycin (30 units/week); etoposide", "BEP: bleomycin (30 units/week); etoposide"),
])
def test_recommendation_tidying(text: str, tidy: str) -> None:
    assert ngc.tidy_recommendation(text) == tidy


def test_ngc_provenance_tags_and_grade_labels(corpora_dir: Path) -> None:
    [doc] = list(ngc.iter_documents(corpora_dir / "ngc" / "summaries" / "ngc-10781.xml"))
    recommendations = [s for s in doc.sections if "Recommendation" in s.label]
    lines = [line for s in recommendations for line in s.text.splitlines()]
    assert "Start a trial of a renin–angiotensin system blocking drug as first-line therapy for hypertension in " \
           "adults with type 1 diabetes." in lines
    tag = re.compile(r"\[(?:new )?20\d\d(?:, amended 20\d\d)?\]")
    ends = re.compile(tag.pattern + r"\.?$")
    assert not any(ends.search(line) for line in lines)  # no recommendation ends with one
    assert any(tag.search(line) and "indicates" in line for line in lines)  # the key that explains them stays
    [doc] = list(ngc.iter_documents(corpora_dir / "ngc" / "summaries" / "ngc-7748.xml"))
    label = "Recommendation [grade A] — Pharmacological Treatment of AHT in Patients with No Associated Disease"
    assert (label, "The use of beta blockers is not recommended as front-line drugs in the initial treatment of "
            "uncomplicated AHT (grade A).") in [(s.label, s.text) for s in doc.sections]
