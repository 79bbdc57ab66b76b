"""The editorial policy page's content (a page and its JSON twin share this)."""

from __future__ import annotations

from typing import Any

TITLE = "Editorial policy"

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("What curbside is", (
        "curbside answers clinical questions from the evidence in this knowledge base: guidelines, "
        "systematic reviews, trials, observational studies and consumer-health sources that the people "
        "running this server chose to ingest.",
        "It is an educational reference. It does not examine patients, it does not know their history, "
        "and it does not replace the judgement of the clinician responsible for their care.",
    )),
    ("How answers are written", (
        "Each answer is composed from retrieved passages. Every statement carries numbered citations, and "
        "every citation is checked against the stored passage it points to before the answer is shown; "
        "citations that do not hold up are dropped or flagged.",
        "References are numbered in order of first use and labelled by kind of evidence (Guideline, "
        "Systematic review, Trial, Observational, Consumer health, Research). Guidelines and systematic "
        "reviews are preferred for clinicians; plain-language consumer sources are preferred for patients.",
        "When the knowledge base holds too little evidence, the answer says so instead of padding. "
        "Questions that describe an emergency lead with advice to seek urgent care.",
        "Every answer records what produced it: the generator, the settings fingerprint and the state of "
        "the knowledge base, shown under “About this answer”.",
    )),
    ("Review", (
        "New answers are Submitted. An editor moves an answer to Under review, then either Approved or "
        "Changes requested (with a note saying what should change); a revised answer is resubmitted. "
        "An approved answer can be reopened for review when the evidence changes.",
        "Until an answer is approved it is marked “Educational purpose only • pending review”. "
        "Every review step is recorded with who made it, when and why; the history is never edited.",
    )),
    ("Sources and their text", (
        "Source text is shown exactly as stored, as plain text, with a link to the original. Each citation "
        "opens the source with the cited passage highlighted.",
        "Licences differ by source and are shown on each document page where the source states one.",
    )),
    ("Privacy", (
        "Questions are stored on this server with their answers so that they can be reviewed and reused. "
        "Do not type names, dates of birth or other details that identify a patient.",
    )),
    ("Corrections", (
        "If an answer is wrong, out of date or misquotes its source, tell the people who run this server. "
        "Editors can request changes on any answer, and the change is recorded in its review history.",
    )),
)


def policy_dict() -> dict[str, Any]:
    return {"title": TITLE, "sections": [{"heading": h, "paragraphs": list(ps)} for h, ps in SECTIONS]}
