"""Ages: the ages an age group's label covers ("aged 55 to 69", "65 years or older"), so that a
recommendation for another age group of the kind a question asks about is read as another group
(``population.Scope.narrower``); and a child named only by age ("my 3 year old"), whom the evidence calls a child
(``unnamed_child``)."""

from __future__ import annotations

import re

from curbside.answer.text import tokenize

_I = re.IGNORECASE

_RANGE = re.compile(r"(\d{1,3})\s*(?:years?\s*)?(?:to|-|–|through|and)\s*(\d{1,3})")
_FROM = re.compile(r"(?:≥|>=|over|above|older than|more than)\s*(\d{1,3})|(\d{1,3})\s*(?:years?|y)?\s*(?:of age\s*)?"
                   r"(?:or|and)\s*(?:older|over|above|more)", _I)
_BELOW = re.compile(r"(?:<=?|≤|under|below|less than|younger than)\s*(\d{1,3})|(\d{1,3})\s*(?:years?|y)?\s*"
                    r"(?:of age\s*)?(?:or|and)\s*(?:younger|under|less)", _I)


# one patient's age in a case ("a 3-year-old", "82-year-old woman", "aged 70", "a 4-month-old")
_PATIENT_AGE = re.compile(r"\b(\d{1,3}(?:\.\d)?)[- ](years?|months?|weeks?|days?)[- ]old\b|"
                          r"\baged (\d{1,3})\b(?! ?(?:to|-|–))", _I)
# … or as people type it ("my son is 9", "dad is 71", "my husband (52)", "im 49"): in years, unless a unit follows
# ("im 30 weeks pregnant")
_TYPED_AGE = re.compile(r"(?:\b(?:son|daughter|dad|mum|mom|father|mother|husband|wife|partner|boy|girl|grandson|"
                        r"granddaughter|brother|sister|nan|gran|grandad|grandma|grandpa|grandmother|grandfather)\s+"
                        r"(?:is\s+|\(\s*)|\b(?:i'?m|i am)\s+)(\d{1,3})\b(?!\s*(?:[-.]\d|%|years?|yrs?|months?|weeks?|"
                        r"days?|mo\b|wk|kg|lb|st\b|cm|mg|ml|mmol|times|hours?|minutes?|pounds?|stone|units?|cups?|"
                        r"pints?|glasses?|cigarettes?|a day|a week|per\b|ft\b|feet|foot|inch|/))", _I)
_UNIT = re.compile(r"\b(months?|weeks?|days?)\b", _I)
_PER_YEAR = {"month": 12.0, "week": 52.0, "day": 365.0}


def patient_ages(question: str) -> tuple[float, ...]:
    """The ages, in years, of the patients a case describes ("A 3-year-old …" → (3.0,), "a 4-month-old" → (0.33,), "my
    son is 9" → (9.0,))."""
    out = []
    for m in _PATIENT_AGE.finditer(question):
        if m.group(1):
            out.append(float(m.group(1)) / _PER_YEAR.get(m.group(2).lower().rstrip("s"), 1.0))
        else:
            out.append(float(m.group(3)))
    out += [float(m.group(1)) for m in _TYPED_AGE.finditer(question)]
    return tuple(out)


def age_range(label: str) -> tuple[float, float] | None:
    """The ages, in years, an age group's label covers ("aged 55 to 69" → (55, 69), "aged less than 55
    years" → (0, 54.5), "65 years or older" → (65, ∞), "younger than 3 months" → (0, 0.21)); None for a group
    without figures ("elderly")."""
    found = _years(label)
    unit = _UNIT.search(label)
    if found is None or unit is None:
        return found
    per_year = _PER_YEAR[unit.group(1).lower().rstrip("s")]
    return found[0] / per_year, found[1] / per_year


def _years(label: str) -> tuple[float, float] | None:
    if m := _RANGE.search(label):
        return float(m.group(1)), float(m.group(2))
    if m := _FROM.search(label):  # "over 65" leaves 65 out, "≥ 65" and "65 or older" keep it
        if m.group(1):
            low = float(m.group(1))
            return (low if m.group(0).startswith(("≥", ">=")) else low + 0.5), float("inf")
        return float(m.group(2)), float("inf")
    if m := _BELOW.search(label):  # "under 55" leaves 55 out, "≤ 55" and "55 or younger" keep it
        if m.group(1):
            high = float(m.group(1))
            return 0.0, (high if m.group(0).startswith(("≤", "<=")) else high - 0.5)
        return 0.0, float(m.group(2))
    return None


CHILD_AGE = 16  # a patient younger than this (in years) is a child: "my 3 year old" is said by "children"
SHORT_QUESTION_WORDS = 20  # … in a question this short, where the child is much of what it asks about
# (a child named so: "my 3 year old son", "our grandson")
_A_CHILD = frozenset("""child children baby babies son daughter boy girl infant infants toddler toddlers kid kids
grandson granddaughter pediatric paediatric""".split())


def about_a_child(question: str) -> bool:
    """``question`` is about a child, named so ("my son", "our baby") or by an age under ``CHILD_AGE``."""
    return bool(_A_CHILD & set(tokenize(question))) or any(age < CHILD_AGE for age in patient_ages(question))


def unnamed_child(question: str) -> bool:
    """``question`` is a short one about a child it names only by age ("Is it safe to give ibuprofen to my 3 year
    old?"): the evidence says "children", which the search adds. (Not a longer one, which says more of what it is
    about: "My 8 year old was bitten on the hand by our neighbour's dog …" drew a guideline on children's bladder and
    bowel dysfunction.)"""
    return (len(question.split()) <= SHORT_QUESTION_WORDS and any(age < CHILD_AGE for age in patient_ages(question))
            and not _A_CHILD & set(tokenize(question)))


__all__ = ["about_a_child", "age_range", "patient_ages", "unnamed_child"]
