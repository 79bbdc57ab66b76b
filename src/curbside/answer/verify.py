"""Citation verification: does the text of a bullet rest on the passages it cites?

Used for every generator's output (extractive sentences score ~1.0; paraphrases lower).

* **support** — lexical: the share of the claim's content stems found in the cited passages.
* **numbers** — strict: every number in the claim appears in the cited passages, and a number
  with a unit (dose, concentration, duration, percentage) appears with the *same* unit.
* **drug names** — strict: every drug-like word (by INN stem: ``-pril``, ``-mab``, ``-statin`` …)
  appears in the cited passages.

A claim is *supported* when support ≥ ``SUPPORT_MIN`` and both strict checks pass. An
entailment model can be layered on top (``check(..., judge=…)``) without changing callers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from curbside.answer.text import content_stems

SUPPORT_MIN = 0.6

_UNITS = (r"mg/kg/day|mg/kg/d|mg/kg|mcg/kg|µg/kg|μg/kg|mg/m2|mg/m²|mg/dl|mg/dL|mmol/l|mmol/L|mmhg|mm hg|"
          r"mmHg|mg|mcg|µg|μg|ng|g|kg|ml|mL|l|iu|IU|units?|meq|mEq|mmol|%|percent|days?|weeks?|months?|"
          r"years?|hours?|h|hrs?|minutes?|min|times|fold")
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?:\s*(" + _UNITS + r"))?(?![\w])", re.IGNORECASE)
_DRUG = re.compile(r"\b[a-z]{3,}(?:mab|nib|pril|sartan|olol|statin|azole|cillin|mycin|cycline|floxacin|vir|"
                   r"xaban|gatran|gliptin|gliflozin|dipine|prazole|tidine|triptan|setron|zepam|zolam|parin|"
                   r"lukast|terol|olone|profen|coxib|formin|glitazone|semide|thiazide|caine|dronate)s?\b",
                   re.IGNORECASE)
_CITATION_MARK = re.compile(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")

Judge = Callable[[str, str], float]  # (claim, evidence text) → entailment probability


@dataclass(frozen=True, slots=True)
class Check:
    support: float
    numbers_ok: bool = True
    names_ok: bool = True
    problems: tuple[str, ...] = ()

    @property
    def supported(self) -> bool:
        return self.support >= SUPPORT_MIN and self.numbers_ok and self.names_ok


def _norm_number(n: str) -> str:
    n = n.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", n) else n.replace(",", ".")
    return n.rstrip("0").rstrip(".") if "." in n else n


def _norm_unit(u: str | None) -> str:
    if not u:
        return ""
    u = u.lower().replace(" ", "").replace("μ", "µ").replace("²", "2")
    u = {"percent": "%", "µg": "mcg", "hrs": "h", "hr": "h", "hour": "h", "hours": "h", "min": "minute",
         "minutes": "minute", "unit": "units", "mg/kg/d": "mg/kg/day"}.get(u, u)
    return u[:-1] if u in {"days", "weeks", "months", "years"} else u


def numbers(text: str) -> list[tuple[str, str]]:
    """(number, unit) pairs in ``text``, normalised ("1,000 mg" → ("1000", "mg"))."""
    return [(_norm_number(m.group(1)), _norm_unit(m.group(2))) for m in _NUMBER.finditer(text)]


def lexical_support(claim: str, evidence: str) -> float:
    stems = set(content_stems(claim))
    if not stems:
        return 1.0
    return len(stems & set(content_stems(evidence))) / len(stems)


def check(claim: str, passages: Sequence[str], *, judge: Judge | None = None) -> Check:
    """Verify one claim against the texts of the passages it cites."""
    claim = _CITATION_MARK.sub("", claim)
    if not passages:
        return Check(0.0, problems=("cites nothing",))
    evidence = "\n".join(passages)
    problems: list[str] = []
    support = lexical_support(claim, evidence)
    if judge is not None:
        support = min(support, judge(claim, evidence)) if support < 1.0 else support
    found = numbers(evidence)
    found_numbers = {n for n, _ in found}
    found_pairs = set(found)
    numbers_ok = True
    for number, unit in numbers(claim):
        if number not in found_numbers:
            numbers_ok = False
            problems.append(f"number {number}{unit} not in the cited passages")
        elif unit and (number, unit) not in found_pairs:
            numbers_ok = False
            problems.append(f"{number} appears in the cited passages, but not with unit {unit!r}")
    evidence_lower = evidence.lower()
    names_ok = True
    for name in dict.fromkeys(m.group(0).lower().rstrip("s") for m in _DRUG.finditer(claim)):
        if name not in evidence_lower:
            names_ok = False
            problems.append(f"drug name {name!r} not in the cited passages")
    if support < SUPPORT_MIN:
        problems.append(f"low word overlap with the cited passages ({support:.2f})")
    return Check(support, numbers_ok, names_ok, tuple(problems))
