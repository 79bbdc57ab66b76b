"""National Guideline Clearinghouse summaries (2018 archive): ``<Version>`` field/value XML.

Each ``Field`` carries a name and one or more ``FieldValue/@Value`` strings holding escaped HTML.
We keep the clinically useful fields as sections (scope, population, interventions, benefits,
harms, qualifying statements, rating schemes) and split "Major Recommendations" so that every
recommendation carrying an evidence grade becomes its own section with the grade in its label
(``Recommendation [Grade 1B] — T-PLL``); ungraded text is grouped under the nearest sub-heading.
Administrative fields (funding, committee, disclaimers…) are left out.

Recommendation text is tidied without changing what it says: NICE provenance tags ("[2004,
amended 2015]", "[new 2014]" — when the evidence was last reviewed) are dropped, and a leading
grade label ("A: …", "A (2007): …", "GPP: …") moves to the end as "(grade A)", where graded
recommendations carry their grade (the year of the guideline update it came from is dropped).
Definition blocks (rating schemes, "[2008] indicates that …") are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from curbside.errors import SourceError
from curbside.records import Document, Kind, Section
from curbside.sources._html import Block, blocks_to_text, fragment_blocks, parse_fragment
from curbside.sources._text import clean_inline, first_year, now_iso
from curbside.sources._xml import parse_tree
from curbside.sources.pubmed import pubmed_url

LICENSE = "copyright per guideline (test use only)"
RECOMMENDATIONS = "Major Recommendations"
# Field name → section label, in reading order (recommendations sit between scope and evidence).
_BEFORE = {
    "Disease/Condition(s)": "Disease/condition(s)",
    "Other Disease/Condition(s) Addressed": "Other disease/condition(s) addressed",
    "Guideline Category": "Guideline category",
    "Guideline Objective(s)": "Guideline objective(s)",
    "Target Population": "Target population",
    "Interventions and Practices Considered": "Interventions and practices considered",
    "Major Outcomes Considered": "Major outcomes considered",
}
_AFTER = {
    "Rating Scheme for the Strength of the Evidence": "Rating scheme: strength of the evidence",
    "Rating Scheme for the Strength of the Recommendations": "Rating scheme: strength of the recommendations",
    "Type of Evidence Supporting the Recommendations": "Type of evidence supporting the recommendations",
    "Potential Benefits": "Potential benefits",
    "Potential Harms": "Potential harms",
    "Contraindications": "Contraindications",
    "Qualifying Statements": "Qualifying statements",
    "FDA Warning/Regulatory Alert": "FDA warning/regulatory alert",
    "Regulatory Alert": "Regulatory alert",
}
_EMPTY = re.compile(r"^(not (stated|applicable|provided|available)|none( (provided|available|stated))?|n/?a)\.?$",
                    re.IGNORECASE)
# A trailing "(Grade 1B)", "[Level of Evidence: C]", "(Strong recommendation, low quality evidence)",
# "[A]", "(II-2)" … at the end of a recommendation.
_TRAILING_GROUP = re.compile(r"[(\[]\s*([^()\[\]]{1,100}?)\s*[)\]]\s*\.?\s*$")
_GRADE_WORDS = re.compile(
    r"grade|level|evidence|recommendation|strength|strong|weak|conditional|consensus|quality|\bGPP\b|"
    r"good practice|expert opinion|insufficient|not graded|"
    # "(Strong for)", "(Weak against)", "(Standard against)" — not any aside that says "for": "(for example,
    # NSAIDs)" had split a NICE list from the line that introduces it, as a recommendation graded "for example …"
    r"^(?:standard )?(?:for|against)$|\b(?:strong|weak|conditional)(?:ly)? (?:for|against)\b", re.IGNORECASE)
_GRADE_CODE = re.compile(r"^(?=.*[A-DIVU1-5+])[A-DIVU1-5+\-–, /;]{1,10}$")
_DEFINITIONS = re.compile(
    r"definition|rating scheme|abbreviation|\bkey\b|legend|(quality|levels?|strength|grades?) of (the )?"
    r"(evidence|recommendation)", re.IGNORECASE)
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a provenance tag that ends a recommendation or precedes the next one (not "[2008] indicates …")
_DATE_TAG = re.compile(r"\s*\[(?:new\s+|updated\s+)?(?:19|20)\d\d(?:\s*[,;]\s*(?:amended|updated|reviewed|"
                       r"reaffirmed|revised)\s+(?:19|20)\d\d)*\](?=\s*$|\s+[A-Z(\[])")
_LEAD_GRADE = re.compile(r"^(?P<grade>[A-D]\*?|GPP)(?:\s*\((?:19|20)\d\d\))?\s*:\s+(?=[A-Z])")


def tidy_recommendation(text: str) -> str:
    """Drop provenance tags and move a leading grade label to the end ("… (grade A).")."""
    text = _DATE_TAG.sub("", text).strip()
    m = _LEAD_GRADE.match(text)
    if not m:
        return text
    label = m.group("grade")
    grade = "GPP" if label == "GPP" else f"grade {label}"
    body = text[m.end():].rstrip()
    stop = body[-1] if body and body[-1] in ".!" else ""
    return f"{body.removesuffix(stop).rstrip()} ({grade}){stop or '.'}"


def grade_of(text: str) -> str:
    """The evidence grade a recommendation ends with, or ''."""
    m = _TRAILING_GROUP.search(text)
    if not m:
        return ""
    group = m.group(1).strip()
    if group.lower().startswith(("see ", "e.g", "i.e")):
        return ""
    return group if (_GRADE_CODE.match(group) or _GRADE_WORDS.search(group)) else ""


def iter_documents(path: Path) -> Iterator[Document]:
    root = parse_tree(path)
    if root.tag != "Version":
        raise SourceError(str(path), f"not an NGC summary (root element <{root.tag}>)")
    fields = _fields(root)
    title = _plain(fields.get("Guideline Title", [])) or f"NGC summary {path.stem}"
    sections = [*_sections(fields, _BEFORE), *_recommendations(fields.get(RECOMMENDATIONS, [])),
                *_sections(fields, _AFTER)]
    if not sections:
        raise SourceError(str(path), "NGC summary without recommendations or scope text")
    citation = fields.get("Bibliographic Source(s)", [])
    pmid = _pmid(citation)
    ngc_id = path.stem.removeprefix("ngc-")
    yield Document(
        id=f"ngc:{ngc_id}",
        kind=Kind.GUIDELINE,
        title=title,
        sections=tuple(sections),
        source="ngc",
        issuer="; ".join(_developer(v) for v in fields.get("Guideline Developer(s)", [])),
        year=_year(fields.get("Date Released", [])) or first_year(_plain(citation)),
        url=_availability_url(fields.get("Guideline Availability", [])) or (pubmed_url(pmid) if pmid else ""),
        pmid=pmid,
        license=LICENSE,
        retrieved_at=now_iso(),
    )


def _fields(root: etree._Element) -> dict[str, list[str]]:
    """Field name → raw values; a field repeated in later sections keeps its first occurrence."""
    fields: dict[str, list[str]] = {}
    for field in root.iterfind("Section/Field"):
        name = (field.get("Name") or "").strip()
        if name and name not in fields:
            fields[name] = [v.get("Value") or "" for v in field.iterfind("FieldValue")]
    return fields


def _plain(values: list[str]) -> str:
    return clean_inline(" ".join(blocks_to_text(fragment_blocks(v)) for v in values))


def _sections(fields: dict[str, list[str]], wanted: dict[str, str]) -> Iterator[Section]:
    for name, label in wanted.items():
        values = fields.get(name)
        if not values:
            continue
        text = "\n".join(t for t in (blocks_to_text(fragment_blocks(v)) for v in values) if t)
        if text and not _EMPTY.match(text):
            yield Section(label, text)


def _recommendations(values: list[str]) -> Iterator[Section]:
    heading = ""
    in_definitions = False
    run: list[str] = []

    def run_section() -> Iterator[Section]:
        if run:
            yield Section(f"{RECOMMENDATIONS} — {heading}" if heading else RECOMMENDATIONS, "\n".join(run))
            run.clear()

    blocks: list[Block] = [b for v in values for b in fragment_blocks(v)]
    for block in blocks:
        if block.kind == "heading" or (block.kind == "para" and len(block.text) <= 60 and block.text.endswith(":")):
            yield from run_section()
            heading = block.text.rstrip(":")
            in_definitions = bool(_DEFINITIONS.search(heading))
            continue
        text = block.text if in_definitions or block.kind == "row" else tidy_recommendation(block.text)
        if not text:
            continue
        line = f"- {text}" if block.kind == "item" else text
        grade = "" if in_definitions or block.kind == "row" else grade_of(text)
        if grade:
            yield from run_section()
            label = f"Recommendation [{grade}]" + (f" — {heading}" if heading else "")
            yield Section(label, text)
        else:
            run.append(line)
    yield from run_section()


def _year(released: list[str]) -> int | None:
    """Latest year in "2011 May (revised 2013 Aug)" / "2012 Apr (reaffirmed 2014)": the version's date."""
    years = [int(y) for y in _YEARS.findall(" ".join(released))]
    return max(years) if years else None


def _developer(value: str) -> str:
    """"American Society for Gastrointestinal Endoscopy - Medical Specialty Society" → the name."""
    name = clean_inline(value)
    return name.rsplit(" - ", 1)[0] if " - " in name else name


def _links(values: list[str]) -> Iterator[str]:
    for value in values:
        if "<a" not in value:
            continue
        fragment = parse_fragment(value)
        if fragment is None:
            continue
        for a in fragment.iter("a"):
            href = (a.get("href") or "").strip()
            if href:
                yield href


def _pmid(citation: list[str]) -> str:
    for href in _links(citation):
        query = parse_qs(urlsplit(href).query)
        uids = query.get("list_uids") or []
        if uids and uids[0].isdigit():
            return uids[0]
    return ""


def _availability_url(values: list[str]) -> str:
    return next((h for h in _links(values) if h.startswith(("http://", "https://"))), "")
