"""Who a text names: the population groups (children, pregnancy, older adults and age bands, the last days of
life, transplant recipients) and the condition qualifiers ("adults with type 1 diabetes", "diabetic patients")
of ``population``'s Scope, read from the text as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from curbside.answer.lexicon import medical_signal
from curbside.answer.text import stem, tokenize

_I = re.IGNORECASE
# family → pattern; a question naming any group of a family accepts the whole family
GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("children", re.compile(
        r"\b(?:child(?:ren|hood)?|p(?:a)?ediatrics?|infan(?:ts?|cy)|neonat\w*|new-?borns?|toddlers?|"
        r"adolescen(?:ts?|ce)|teen(?:agers?|s)?|youths?|kids|school-?aged?|juveniles?|boys|girls|young people|"
        r"preterm|NICUs?|PICUs?)\b", _I)),
    # ("non-pregnant adult women" are everyone else)
    ("pregnancy", re.compile(
        r"(?<!\bnon-)(?<!\bnon )(?<!\bnot )\b(?:pregnan(?:t|cy|cies)|gestation(?:al)?|antenatal|prenatal|perinatal|"
        r"post-?partum|peripartum|"
        r"obstetric(?:s|al)?|(?:pre-?)?eclampsia|breast-?feeding|lactat(?:ing|ion)|trimesters?|"
        r"expectant mothers?|parturients?|labou?ring (?:patients?|women|mothers?)|"
        r"in (?:active |established |spontaneous |preterm )?labou?r|"
        # (what only a pregnancy has: "If external cephalic version is unsuccessful … induction …")
        r"induction of labou?r|c(?:a|ae|e)sarean|external cephalic version|intrapartum|fo?etus|fo?etal)\b", _I)),
    # care in the last days of life ("Do not routinely start oxygen … in the last days of life") is not
    # everyone's
    ("end of life", re.compile(r"\b(?:last (?:days|hours|weeks|months) of (?:their |a person's )?life|"
                               r"end[- ]of[- ]life|dying (?:patients?|people|persons?|adults?)|(?:a|the) person "
                               r"(?:who is )?dying|terminally ill|imminently dying|hospice)\b", _I)),
    ("age", re.compile(
        r"\b(?:elderly|older (?:adults?|people|persons?|patients?|women|men|individuals|population)|"
        r"geriatrics?|frail(?:ty)?|nursing homes?|very old)\b|"
        r"\b(?:aged?|ages)\s+(?:\d{1,3}\s*(?:to|-|–|through|and)\s*\d{1,3}|(?:≥|>=?|<=?|≤|over|under|above|"
        r"below|less than|more than|younger than|older than)\s*\d{1,3}(?:\s*(?:months?|weeks?|days?)\b)?|"
        r"\d{1,3}\s*(?:years?|y)?\s*(?:or|and)\s*(?:older|over|above|younger|under|less|more))|"
        r"\b\d{1,3}\s*years?\s*(?:of age\s*)?(?:or|and)\s*(?:older|over|above|younger|under)\b|"
        r"\b(?:older|younger) than\s*\d{1,3}\b(?:\s*(?:years?|months?|weeks?|days?)\b)?|"
        r"\b(?:over|under)\s+(?:the age of\s+)?\d{1,3}\s*(?:years|months|weeks)\b|"
        # (a group by its age alone: "adults over 65", "women over 50")
        r"\b(?:adults|people|patients|persons|individuals|women|men)\s+(?:over|above|under)\s+\d{2}\b(?![-.,]?\d)|"
        r"(?:≥|>=|≤|<=)\s*\d{1,3}\s*(?:years|yrs|y)\b", _I)),
    ("transplant", re.compile(r"\b(?:transplant(?:ation)?|graft|LT|KT|organ) recipients\b|\brecipients of\b|"
                              r"\bpost-?transplant(?:ation)?\b|\btransplant(?:ation)? patients\b|\bafter HSCT\b|"
                              r"\bHSCT (?:patients|recipients)\b|"
                              # (a case told as one: "3 years after a bilateral lung transplant", "had a kidney
                              # transplant in 2015"; not a transplant asked about: "should he be listed for one?")
                              r"\b(?:after|had|received|underwent|since) (?:an?|his|her|their) (?:[\w-]+ ){0,2}"
                              r"transplant(?:ation)?\b", _I)),
    # an immunocompromised host ("vaccination of the immunocompromised host") is not everyone
    ("immunocompromised", re.compile(r"\bimmuno-?(?:compromised|suppressed|deficient)\b|\bimmunocompromise\b|"
                                     r"\bimmunodeficiency\b(?! virus)", _I)),
)

# "adults and children", "adults, children and young people", "all ages": everyone, not a narrower group
_EVERYONE = re.compile(r"\b(?:adults,? (?:and |or )?(?:children|adolescents|young people)|"
                       r"(?:children|adolescents|young people),? (?:and|or) adults|all ages|"
                       r"any age|people of all ages)\b", _I)
# "18 years or older" is every adult
_ALL_ADULTS = re.compile(r"^(?:aged?\s+)?(?:≥|>=|over\s+)?\s*(?:18|19|20|21)\s*(?:years?|yrs|y)?(?:\s+(?:of age\s+)?"
                         r"(?:or|and)\s+(?:older|over|above))?$", _I)
_PEOPLE = (r"(?:patients?|adults?|people|persons?|individuals?|subjects?|women|men|mothers?|children|infants?|"
           r"those|recipients?|survivors?|populations?|smokers?|users?)")
# ("the population aged 18 years or older with chronic kidney disease": an age between them)
_AGED = r"(?:\s+aged?\s+[\d\s≥>=<≤-]{1,12}(?:years?\s+)?(?:(?:or|and)\s+(?:older|over|younger))?)?"
_AFTER = re.compile(rf"\b{_PEOPLE}{_AGED}\s+(?:with|who (?:have|has|had)|having|undergoing|receiving|treated with|"
                    # ("all patients who present with new-onset urinary symptoms")
                    rf"taking|after|following|who present(?:s|ed)? with|presenting with|"
                    # ("… focal liver lesions in adults whose cirrhosis is being monitored")
                    rf"whose(?= [\w-]+(?: [\w-]+)? (?:is|are) being (?:monitored|treated|followed|managed)))"
                    rf"\s+(?P<cond>[^,.;:()\[\]|]{{2,80}})",
                    _I)
# "In cases of CKD and diabetes, a therapeutic option … is colchicine": a qualifier with no noun for people,
# only where it opens the sentence or a clause ("… beta-cell failure in the presence of chronic insulin
# resistance" says how a disease arises, not whom the statement is about)
_IN_CASE = re.compile(r"(?:^\W*|(?<=[,;:] ))\bin (?:the )?(?:cases? of|presence of|setting of|event of)\s+"
                      r"(?P<cond>[^,.;:()\[\]|]{2,80})", _I)
_BEFORE = re.compile(rf"\b(?:in|for|among|of)\s+(?:all\s+|the\s+)?(?P<cond>(?:[\w-]+\s+){{1,3}}?){_PEOPLE}\b", _I)
_INCLUSIVE = re.compile(r"(?:including|regardless of|irrespective of|independent(?:ly)? of|with or without|"
                        r"whether or not|as well as|even in|even|also in|and also|and in)\s+(?:\w+\s+){0,3}$", _I)
# a condition ends where the clause goes on ("adults with type 1 diabetes should …")
_STOP = frozenset("""should must may might can could will would is are was were be been has have had who whom
whose which that to in for at from by than as because if when unless whereas while where but so then do does
did not""".split())
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
# medical words that describe any patient, not a subgroup
GENERIC = frozenset(stem(w) for w in """patient patients treatment treat therapy therapies medication medications
drug drugs medicine care health clinical risk disease disorder condition conditions symptom symptoms symptomatic
intervention hospital doctor diagnosis diagnosed problem problems history clinic physician nurse blood dose""".split())
# age groups are families of their own (``GROUPS``), not conditions ("asymptomatic adolescents and adults")
_AGE_WORDS = frozenset(stem(w) for w in "adolescent adolescents adult adults child children infant infants".split())


@dataclass(frozen=True, slots=True)
class Mention:
    family: str  # a GROUPS family, or "condition"
    label: str  # the words as written ("adults with type 1 diabetes")
    stems: frozenset[str] = frozenset()  # for a condition: its medical stems


def _condition(phrase: str) -> str:
    words = []
    for word in phrase.split():
        if word.lower().strip("-") in _STOP:
            break
        words.append(word)
        if len(words) >= 6:
            break
    return " ".join(words)


def medical_stems(phrase: str) -> frozenset[str]:
    """Stems of the medical words of a condition phrase (abbreviations such as CKD included)."""
    out: set[str] = set()
    for found in medical_signal(phrase).medical:
        out.update(stem(t) for t in tokenize(found))
    out.update(stem(a.lower()) for a in _ABBREVIATION.findall(phrase))
    return frozenset(s for s in out if s not in GENERIC | _AGE_WORDS and not s.isdigit())


def inclusive(text: str, start: int) -> bool:
    """What starts at ``start`` is named as included in a wider group ("adolescents and adults, including those who
    are pregnant", "… including pregnant persons"), not as the group spoken of."""
    return bool(_INCLUSIVE.search(text[max(0, start - 40):start]))


@lru_cache(maxsize=20_000)
def mentions(text: str) -> tuple[Mention, ...]:
    """Every population ``text`` names: groups, then condition qualifiers."""
    out: list[Mention] = []
    everyone = bool(_EVERYONE.search(text))
    for family, pattern in GROUPS:
        if everyone and family in ("children", "age"):
            continue
        # ("… adolescents and adults, including those who are pregnant": the group is covered too)
        out.extend(Mention(family, m.group(0).strip()) for m in pattern.finditer(text)
                   if not _ALL_ADULTS.search(m.group(0))
                   and not inclusive(text, m.start()))
    for pattern in (_AFTER, _IN_CASE, _BEFORE):
        for m in pattern.finditer(text):
            if inclusive(text, m.start()):
                continue
            if pattern is not _BEFORE:
                cond = _condition(m.group("cond"))
            else:  # "the use of ACE inhibitors in patients": only the words right before the noun
                words = m.group("cond").split()
                cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _STOP), default=0)
                cond = " ".join(words[cut:])
            stems = medical_stems(cond)
            if stems:
                label = text[m.start():m.start("cond") + len(cond)] if pattern is not _BEFORE else m.group(0)
                out.append(Mention("condition", label.strip(), stems))
    return tuple(out)
