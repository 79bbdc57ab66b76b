"""What a sentence assumes of its patient that a question's patient may not have: symptoms of what was found, the
conditions of an appropriateness table's scenario, never having been given a drug, an age range.

``population.Scope`` asks these when it decides whether a sentence is about a narrower population than the
question's ("Offer laparoscopic cholecystectomy to people diagnosed with symptomatic gallbladder stones" for stones
found on a scan for something else; ACR's row for "low velocity trauma, osteoporosis …" for a back with none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set

from curbside.answer.mentions import medical_stems, mentions
from curbside.answer.text import content_stems

# a patient without symptoms of what was found ("asymptomatic", "found on a scan for something else", "I've never had
# any pain or problems with it")
_NO_SYMPTOMS = re.compile(r"\basymptomatic\b|\bno (?:[\w-]+ (?:or|and) )?(?:other )?symptoms\b|"
                          r"\bwithout (?:any )?symptoms\b|\bincidental(?:ly)?\b|"
                          r"\b(?:never|not) (?:had|having|have) any (?:symptoms|pain|problems|trouble)\b|"
                          r"\bfound (?:by chance|incidentally)\b|\b(?:scan|test|x-ray|ct|mri) for something else\b",
                          re.IGNORECASE)
_SYMPTOMATIC = re.compile(r"\bsymptomatic\b", re.IGNORECASE)
# advice for people who have come with complaints ("… in people presenting with any of the following: breathlessness
# …; palpitations; …") is for symptomatic people too: not an answer on screening those with none
# ("whether symptomatic or not" is everyone)
_PRESENTING = re.compile(r"(?<!whether )\bsymptomatic\b(?! or (?:not|asymptomatic))|"
                         r"\b(?:presenting|who present(?:s|ed)?) with\b", re.IGNORECASE)
_ASYMPTOMATIC = re.compile(r"\basymptomatic\b", re.IGNORECASE)
# never given a drug or vaccine ("treatment-naive", "PPSV23-naive patients"): as anyone asking about starting it is
_NAIVE = re.compile(r"\w-na[iï]ve\b", re.IGNORECASE)
ADULT_AGES = (18, 65)  # an age range that holds these holds "an adult"
# an appropriateness table's row read as a sentence (tables.py): "<procedure> is usually appropriate (rating 7) for
# <scenario's parts, joined by "; "> — <comment>."
_SCENARIO_ROW = re.compile(r"\b(?:is usually (?:not )?appropriate|may be appropriate)\b(?: \([^)]*\))? for "
                           r"(?P<scenario>.+?)(?: — |\.$|$)", re.IGNORECASE)
# a part of a scenario that excludes ("no red flags", "no prior management"): anyone without them meets it
_EXCLUDING = re.compile(r"^\s*(?:no|not|without|none)\b", re.IGNORECASE)


def symptom_state(question: str) -> bool | None:
    """Whether the question's patient has symptoms of what it is about: False for "asymptomatic", "found on a scan for
    something else", "never had any pain"; True for "symptomatic"; None when it does not say."""
    if _NO_SYMPTOMS.search(question):
        return False
    return True if _SYMPTOMATIC.search(question) else None


def other_symptom_state(text: str, symptomatic: bool | None) -> str:
    """"symptomatic" when ``text`` is about symptomatic disease and the patient has none (and the other way round);
    "" otherwise."""
    if symptomatic is None:
        return ""
    if (_ASYMPTOMATIC if symptomatic else _PRESENTING).search(text):
        return "asymptomatic" if symptomatic else "symptomatic"
    return ""


def never_given(label: str) -> bool:
    """A population named for a drug or vaccine it has not had ("PPSV23-naive patients")."""
    return bool(_NAIVE.search(label))


def holds_adults(ages: tuple[float, float]) -> bool:
    """An age range that holds an adult of any age ("patients aged ≥2 years")."""
    return ages[0] <= ADULT_AGES[0] and ages[1] >= ADULT_AGES[1]


# advice for women who could become pregnant, opening its sentence ("In women of childbearing age, levetiracetam or
# lamotrigine may be a reasonable alternative."): it qualifies the advice before it for such a patient
_CHILDBEARING = re.compile(r"^(?:in|for|among) (?:(?:all|young|adult) )?(?:women|females|girls)(?: (?:and|or) girls)?"
                           r"(?: with [\w' -]{3,40}?)? (?:of (?:childbearing|child-bearing|reproductive) "
                           r"(?:age|potential)|who (?:are|could|may|might) (?:become|get) pregnant|"
                           r"(?:able|planning) to (?:become|get) pregnant)\b", re.IGNORECASE)
CHILDBEARING_AGES = (12, 50)  # a woman (or girl) of these ages is of childbearing age


def for_childbearing(text: str) -> bool:
    """``text`` is advice for women who could become pregnant, said as such at its start."""
    return bool(_CHILDBEARING.match(text))


def unmet_scenario(text: str, has: Set[str]) -> list[str]:
    """The conditions of an appropriateness table's scenario that a patient described by the stems ``has`` does not
    have: "… usually appropriate (rating 7) for … low back pain; one or more of the following: low velocity trauma,
    osteoporosis …" for a case that names none of them, or "suspicion of cancer, infection …" for one that rules cancer
    out (the caller leaves what a case rules out out of ``has``). A part that excludes ("no red flags") or names no
    medical word is met by anyone, and an age group is the age check's ("middle-aged and elderly patients")."""
    row = _SCENARIO_ROW.search(text)
    if row is None:
        return []
    out = []
    for part in row.group("scenario").split("; "):
        if _EXCLUDING.match(part):
            continue
        stems = medical_stems(part) - {s for m in mentions(part) if m.family != "condition"
                                       for s in content_stems(m.label)}
        if stems and not stems & has:
            out.append(part.strip())
    return out


def for_other_scenario(text: str, narrower: Iterable[str]) -> bool:
    """``text`` is an appropriateness table's row whose scenario has a condition among ``narrower``, the labels
    ``Scope.narrower`` gave it (``unmet_scenario`` labels a condition by the scenario's own words, after its "; ")."""
    return any(f"; {label}" in text for label in narrower)


__all__ = ["ADULT_AGES", "CHILDBEARING_AGES", "for_childbearing", "for_other_scenario", "holds_adults", "never_given",
           "other_symptom_state", "symptom_state", "unmet_scenario"]
