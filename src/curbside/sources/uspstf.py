"""USPSTF recommendations (``uspstf_enriched.json``, a third-party export): one Document each.

The export has no publication year or URL, so those stay empty rather than guessed. The grade
goes into the recommendation's section label, and the grade's official meaning (published by
the USPSTF) is appended to that section so a reader of one passage knows what "Grade D" implies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from curbside.errors import SourceError
from curbside.records import Document, Kind, Section
from curbside.sources._text import clean_block, clean_inline, now_iso

ISSUER = "U.S. Preventive Services Task Force"
LICENSE = "US government work (public domain); third-party export"
MAX_BYTES = 64 * 1024 * 1024
# USPSTF grade definitions (uspreventiveservicestaskforce.org, "Grade Definitions").
GRADE_MEANINGS = {
    "A": "The USPSTF recommends the service. There is high certainty that the net benefit is substantial.",
    "B": "The USPSTF recommends the service. There is high certainty that the net benefit is moderate or "
         "there is moderate certainty that the net benefit is moderate to substantial.",
    "C": "The USPSTF recommends selectively offering or providing this service to individual patients based "
         "on professional judgment and patient preferences. There is at least moderate certainty that the "
         "net benefit is small.",
    "D": "The USPSTF recommends against the service. There is moderate or high certainty that the service "
         "has no net benefit or that the harms outweigh the benefits.",
    "I": "The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits "
         "and harms of the service. Evidence is lacking, of poor quality, or conflicting, and the balance "
         "of benefits and harms cannot be determined.",
}
# The export lost the space between some sentences ("…alone.See the Clinical…").
_GLUED_SENTENCE = re.compile(r"(?<=[a-z)]\.)(?=[A-Z][a-z])")
_NO_UPPER_AGE = 100  # the export writes 100 for "no upper age limit"


def _text(value: object) -> str:
    return _GLUED_SENTENCE.sub(" ", clean_block(str(value))) if value not in (None, "") else ""


def iter_documents(path: Path) -> Iterator[Document]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(str(path), f"file too large for a JSON export ({size} bytes)")
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SourceError(str(path), f"not valid UTF-8 (byte offset {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise SourceError(str(path), f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if not isinstance(data, list):
        raise SourceError(str(path), "expected a JSON list of recommendations")
    retrieved = now_iso()
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise SourceError(str(path), f"record {i}: expected an object")
        yield _document(path, i, item, retrieved)


def _document(path: Path, i: int, item: dict[str, Any], retrieved: str) -> Document:
    raw_id = clean_inline(str(item.get("id") or ""))
    title = clean_inline(str(item.get("title") or ""))
    recommendation = _text(item.get("recommendation"))
    if not raw_id or not title or not recommendation:
        raise SourceError(str(path), f"record {i}: needs 'id', 'title' and 'recommendation'")
    grade = clean_inline(str(item.get("grade") or "")).upper()
    if grade in GRADE_MEANINGS:  # appended, not a separate section: 142 identical passages help nobody
        recommendation += f"\nGrade {grade} (USPSTF definition): {GRADE_MEANINGS[grade]}"
    sections = [Section(f"Recommendation (Grade {grade})" if grade else "Recommendation", recommendation)]
    population = _population(item)
    if population:
        sections.append(Section("Population", population))
    for key, label in (("risk_factor", "Risk assessment"), ("frequency_of_service", "Frequency of service")):
        text = _text(item.get(key))
        if text and text not in recommendation:  # the export often repeats the recommendation
            sections.append(Section(label, text))
    return Document(
        id=f"uspstf:{raw_id.lower().removeprefix('uspstf_')}",
        kind=Kind.GUIDELINE,
        title=title,
        sections=tuple(sections),
        source="uspstf",
        issuer=ISSUER,
        license=LICENSE,
        retrieved_at=retrieved,
    )


def _population(item: dict[str, Any]) -> str:
    parts: list[str] = []
    sex = clean_inline(str(item.get("sex") or ""))
    if sex:
        parts.append(f"Sex: {sex}")
    low, high = item.get("age_min"), item.get("age_max")
    if isinstance(low, int) and isinstance(high, int):
        parts.append(f"Age: {low} years or older" if high >= _NO_UPPER_AGE else f"Age: {low} to {high} years")
    return "; ".join(parts)
