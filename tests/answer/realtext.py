"""Passages copied verbatim from the shared corpora (NGC guideline summaries, as `curbside ingest`
stores them), for tests of how the extractive generator treats real guideline text."""

from __future__ import annotations

from collections.abc import Sequence

from curbside.answer.generators.extractive.candidates import Candidate
from curbside.records import Document, Hit, Kind, Passage, Section

# (passage id, document title, section label, passage text)
PASSAGES: dict[str, tuple[str, str, str]] = {
    "ngc:10781#63": (
        "Type 1 diabetes in adults: diagnosis and management.",
        "Major Recommendations — Blood Pressure Management",
        "Intervention levels for recommending blood pressure management should be 135/85 mmHg unless the adult "
        "with type 1 diabetes has albuminuria or 2 or more features of metabolic syndrome, in which case it should "
        "be 130/80 mmHg. See also \"Diabetic Kidney Disease\" below. [2004]\n"
        "To allow informed choice by the person with hypertension, discuss the following with them:\n"
        "- Reasons for choice of intervention level\n"
        "- Substantial potential gains from small improvements in blood pressure control\n"
        "- Possible negative consequences of therapy\n"
        "See also \"Diabetic Kidney Disease\" below. [2004, amended 2015]\n"
        "Start a trial of a renin–angiotensin system blocking drug as first-line therapy for hypertension in "
        "adults with type 1 diabetes. [2004, amended 2015]\n"
        "Provide information to adults with type 1 diabetes on the potential for lifestyle changes to improve "
        "blood pressure control and associated outcomes, and offer assistance in achieving their aims in this area."),
    "ngc:10598#44": (
        "VA/DoD clinical practice guideline for the diagnosis and management of hypertension in the primary care "
        "setting.",
        "Recommendation [Strong for] — First-Line Therapy",
        "The Work Group recommends the use of thiazide-type diuretics for the treatment of hypertension. "
        "(Strong for)"),
    "ngc:10598#45": (
        "VA/DoD clinical practice guideline for the diagnosis and management of hypertension in the primary care "
        "setting.",
        "Recommendation [Weak for] — First-Line Therapy",
        "The Work Group suggests the use of thiazide-type diuretics at recommended treatment doses as first-line "
        "therapy for drug treatment of hypertension either as monotherapy or in combination with other agents. "
        "(Modified from 2004 VA/DoD HTN CPG.) (Weak for)"),
    "ngc:10057#16": (
        "Screening for primary hypertension in children and adolescents: U.S. Preventive Services Task Force "
        "recommendation statement.",
        "Major Recommendations — Treatment",
        "Stage 1 hypertension in children is treated with lifestyle and pharmacologic interventions. Medications "
        "are not recommended as first-line therapy. Lifestyle interventions for hypertension include weight "
        "reduction in children who are overweight or obese, increased physical activity, and restricted sodium "
        "intake, as well as education and counseling. The NHBPEP recommends medication for children with stage 2 "
        "hypertension or for hypertension that is unresponsive to lifestyle modification.\n"
        "Many medications have been approved by the U.S. Food and Drug Administration for the treatment of "
        "hypertension in children, including diuretics, angiotensin-converting enzyme inhibitors, "
        "angiotensin-receptor blockers, β-blockers, and vasodilators."),
    "ngc:7748#17": (
        "Clinical practice guidelines on arterial hypertension. 2007 update.",
        "Major Recommendations — Pharmacological Treatment of AHT in Patients with No Associated Disease",
        "A: The treatment of hypertension is recommended independently of gender. With respect to age, it seems to "
        "be consistent in treating both young persons and adults under 80 years of age.\n"
        "Diuretics\n"
        "A: In the initial treatment of uncomplicated AHT, thiazide diuretics at low doses are the drugs of first "
        "choice ahead of the remainder of the families of antihypertensives (angiotensin-converting enzyme "
        "inhibitors [ACEIs], angiotensin II receptor antagonists [ARAs II], and calcium antagonists), in young "
        "hypertensive patients as well as those of a more advanced age and in isolated systolic AHT. They are also "
        "of choice in the initial treatment of hypertension in stages 1 and 2 associated with an additional risk "
        "factor.\n"
        "Beta Blockers\n"
        "A (2007): The use of beta blockers is not recommended as front-line drugs in the initial treatment of "
        "uncomplicated AHT.\n"
        "ACEI\n"
        "B: ACEIs can be used as alternative drugs to the diuretics with uncomplicated AHT, and in absence of "
        "stenosis of the renal artery."),
    "ngc:10362#74": (
        "Treatment of the hypertensive disorders of pregnancy. In: Diagnosis, evaluation, and management of the "
        "hypertensive disorders of pregnancy: executive summary.",
        "Recommendation [I-A] — Aspects of Care for Women with Preeclampsia: Magnesium Sulphate for Preventing or "
        "Treating Eclampsia",
        "Magnesium sulphate is recommended for first-line treatment of eclampsia. (I-A)"),
}


def text_hit(passage_id: str, title: str, section: str, text: str, kind: Kind = Kind.GUIDELINE,
             year: int = 2015) -> Hit:
    """A hit on one passage quoted in the test itself (``passage_id`` is "document#ordinal")."""
    doc_id, ordinal = passage_id.split("#")
    document = Document(id=doc_id, kind=kind, title=title, sections=(Section(section, text),), source="ngc",
                        issuer="test", year=year)
    return Hit(Passage(passage_id, doc_id, int(ordinal), section, text, 0, len(text)), document, 10.0)


def ranked(candidates: Sequence[Candidate], own: float = 0.6) -> list[Candidate]:
    """``candidates`` scored as on-topic evidence in the order given (evidence 1, 2, …), each covering ``own`` of the
    question: the setting a verdict test reads them in."""
    for n, c in enumerate(candidates, 1):
        c.relevance, c.score, c.own, c.on_topic, c.evidence = 1.0, 1.0, own, True, n
    return list(candidates)


def hit(passage_id: str, score: float = 10.0, kind: Kind = Kind.GUIDELINE) -> Hit:
    title, section, text = PASSAGES[passage_id]
    doc_id, ordinal = passage_id.split("#")
    document = Document(id=doc_id, kind=kind, title=title, sections=(Section(section, text),), source="ngc",
                        issuer="test", year=2015)
    return Hit(Passage(passage_id, doc_id, int(ordinal), section, text, 0, len(text)), document, score)


def hits(*passage_ids: str) -> list[Hit]:
    return [hit(p, score=10.0 - n) for n, p in enumerate(passage_ids)]


def documents() -> list[Document]:
    """One document per passage above (a knowledge base to retrieve from)."""
    return [hit(p).document for p in PASSAGES]
