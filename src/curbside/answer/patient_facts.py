"""Facts a question or a statement gives about its patients, as a scope compares them (``population.Scope``): their
sex, their type of diabetes, the gene variants they carry, what they are with or without, and a treatment they tried and
could not go on with (or did not improve on)."""

from __future__ import annotations

import re

from curbside.answer.lexicon import disease_mentions
from curbside.answer.mentions import inclusive
from curbside.answer.synonyms import other_form
from curbside.answer.text import content_stems, stem
from curbside.answer.vignette import without_history
from curbside.drug_names import drug_words

_I = re.IGNORECASE

# that a treatment did not work or could not be taken ("Paracetamol doesn't do much for her", "… has not improved after
# a course of …", "an occipital neuralgia that has not responded to …")
_DID_NOT_WORK = (r"\b(?:(?:didn't|doesn't|hasn't|haven't|hadn't|don't|did not|does not|has not|have not|had not|do not)"
                 r"\s+(?:really\s+)?(?:help(?:ed)?|work(?:ed)?|improved?|responded?|do much|done much|shifted|"
                 r"tolerated?)|failed to (?:improve|respond)|not responding|no (?:better|improvement|response)|"
                 r"not tolerated|refractory to|intolerant(?: of| to)?|(?:couldn't|can't|cannot|could not) tolerate)\b")
# a case that tried a treatment and could not go on with it ("I've tried the CPAP for months but I just can't sleep with
# the mask on") is about a patient among "those with adverse effects associated with CPAP treatment"
TRIED = re.compile(r"\b(?:tried|trialled|trialed|been on|been using|been taking)\b[^.?!]{0,80}?\b(?:but|yet|however)\b"
                   r"[^.?!]{0,60}?(?:\b(?:can't|cannot|couldn't|could not|can not|didn't|did not|doesn't|does not|"
                   rf"won't|not|never|stopped|hate)\b|\bside[- ]effects?\b)|{_DID_NOT_WORK}", _I)
# … and the drug it names is not what the question is about, whatever its weight: the next step is ("What is the next
# step for a patient … who has not improved after a course of high-dose IV methylprednisolone …?")
_FAILED_ON = re.compile(rf"(?:{_DID_NOT_WORK}|\bfailed\b|\bdespite\b)(?P<what>[^,.;?]{{0,80}})", _I)
FAILED = frozenset(stem(w) for w in """adverse effects intolerance intolerant intolerable tolerate tolerated fail
failed failure failing inadequate response responders nonresponse nonresponders unresponsive refractory""".split())


# a gene variant by its protein change ("G551D", "R117H", "V600E", "F508del")
VARIANT = re.compile(r"(?-i:\b[ACDEFGHIKLMNPQRSTVWY]\d{2,4}(?:[ACDEFGHIKLMNPQRSTVWY]|del|fs)\b)")


# being with or without something ("with no signs of life", "without signs of life", "with signs of life"), as far as
# the clause goes
_SIDE = re.compile(r"\b(?P<side>without|with no|with)\s+(?P<phrase>[a-z][a-z' -]{2,40}?)"
                   r"(?=\s*[,.;:?()]|\s+(?:after|and|or|who|which|in|at|to|for|but|because|despite|be|should|must|"
                   r"are|is|were|was|have|has|had)\b|\s*$)", _I)


# whether someone is to have an operation or procedure: "… who will undergo a neurosurgical procedure" / "… who will not
# undergo …", "… who is not going to surgery"
_OPERATED = r"(?:a |an )?(?:[a-z-]+ ){0,2}?(?:surgery|procedure|operation)\b"
_NOT_OPERATED = re.compile(r"\b(?:not|won't|no)\s+(?:be\s+)?(?:going to|undergo(?:ing)?|hav(?:e|ing)|for)\s+"
                           + _OPERATED, _I)
_TO_BE_OPERATED = re.compile(r"\b(?:will (?:undergo|have)|going to(?: have)?|undergo(?:ing)?|having|scheduled for|"
                             r"planned for)\s+" + _OPERATED, _I)


def operated(text: str) -> bool | None:
    """``text`` says its patient is to have an operation or procedure (True), is not (False), or neither (None)."""
    if _NOT_OPERATED.search(text):
        return False
    return True if _TO_BE_OPERATED.search(text) else None


# … or told as "non-" ("In a non-cirrhotic patient …": without cirrhosis)
_NON = re.compile(r"\bnon-?(?P<word>[a-z]{5,}(?:otic|ic))\b", _I)


def sides(text: str) -> dict[str, bool]:
    """What ``text`` says someone is with (True) or without (False), by the phrase's words."""
    out = {" ".join(m.group("phrase").lower().split()): m.group("side").lower() == "with" for m in _SIDE.finditer(text)}
    for m in _NON.finditer(text):
        out.setdefault(other_form(m.group("word").lower()), False)
    return out


_DIABETES_TYPE = re.compile(r"\btype\s*(?P<n>[12])\s+diabet|\bt(?P<m>[12])dm\b", _I)


_SEX = (("women", re.compile(r"\b(?:women|woman|female|females|girls)\b", _I)),
        # (not "man-made", "man-hours": a synthetic hormone is no advice for men)
        ("men", re.compile(r"\b(?:men|man|male|males|boys)\b(?!-(?:made|hours?|power)\b)", _I)))


def sexes(text: str) -> frozenset[str]:
    """The sexes ``text`` names ("women", "men")."""
    return frozenset(label for label, rx in _SEX if rx.search(text))


def other_sex(asked: frozenset[str], text: str) -> frozenset[str]:
    """The sexes ``text`` names when they are not those of the question (``asked``): "men with LUTS" for a question
    about women, "… screening for chlamydia in sexually active females" for men."""
    named = sexes(text)
    return named if asked and named and not named & asked else frozenset()


def diabetes_types(text: str) -> frozenset[str]:
    """The types of diabetes ``text`` names ("1", "2")."""
    return frozenset(m.group("n") or m.group("m") for m in _DIABETES_TYPE.finditer(text))


def failed_drugs(question: str) -> list[str]:
    """The drugs ``question`` says the patient did not improve on or could not tolerate, or asks about despite."""
    return [d for m in _FAILED_ON.finditer(question) for d in drug_words(m.group("what"))]


# a state and its negation by prefix, either of which a question may say its patient is in: "unruptured aneurysms" are
# not the ruptured one asked about, nor "provoked VTE" an unprovoked clot
_STATES = ("ruptured", "complicated", "controlled", "resectable", "provoked", "vaccinated", "immunized", "immunised",
           "operable", "displaced")
_STATE = re.compile(r"\b(?P<neg>un|non-?|in)?(?P<state>" + "|".join(_STATES) + r")\b", _I)


def states(text: str) -> dict[str, bool]:
    """The states (``_STATES``) ``text`` names, each with whether it says the state (True) or its negation (False)
    ("unruptured" → {"ruptured": False}); a state named both ways is neither."""
    out: dict[str, bool | None] = {}
    for m in _STATE.finditer(text):
        state, neg = m.group("state").lower(), (m.group("neg") or "").lower()
        if neg == "in" and state != "operable":
            continue  # ("in" negates only "operable")
        said: bool | None = not neg
        out[state] = said if out.get(state, said) is said else None
    return {state: said for state, said in out.items() if said is not None}


def patient_has(question: str) -> bool:
    """The question's disease is what its patient has, not what it asks about: "a boy with newly diagnosed Hodgkin
    lymphoma", "I'm having chemotherapy for breast cancer" — not "… to screen asymptomatic adults for skin cancer"."""
    for disease in disease_mentions(without_history(question)):
        name = r"\W+".join(map(re.escape, disease.split()))
        if re.search(rf"\b(?:with|has|have|having|had)\s+(?:[\w-]+\s+){{0,3}}?{name}|"
                     rf"\b(?:chemotherapy|radiotherapy|treatment|surgery|therapy)\s+for\s+(?:[\w-]+\s+){{0,2}}?{name}|"
                     # (… or what the patient takes for it: "takes ibuprofen 400 mg three times a day for her hip
                     # arthritis")
                     rf"\bfor\s+(?:his|her|their|my|your)\s+(?:[\w-]+\s+){{0,2}}?{name}",
                     question, re.IGNORECASE):
            return True
    return False


# what the patient has been told they have ("gp says ive got 'metabolic syndrome'", "the doctor said it's pleurisy",
# "diagnosed with lupus"), or what the case's doctor suspects ("Her rheumatologist suspects lupus nephritis"): up to the
# disease's name, past who has it and a quote mark
_TOLD = (r"\b(?:(?P<suspected>suspects?|suspected|suspecting)|says?|said|thinks?|thought|reckons?|"
         r"told (?:me|us|him|her|them)(?: that)?|diagnosed (?:me |us |him |her |them )?(?:with|as)|confirmed)\s+"
         r"(?:(?:that|it|its|it's|it is|it was|i|i've|ive|i have|he|she|they|we|you|he's|she's|hes|shes|has|have|had|"
         r"got|may|might|could|be|probably|possibly|a|an|the|early|mild|moderate|severe|chronic|acute|dry|wet)\s+){0,4}['\"‘“]?")


def told_diagnosis(question: str, *, suspected: bool = False) -> list[str]:
    """The diseases ``question`` says its patient was told they have or is suspected to have (``_TOLD``); only the
    suspected ones with ``suspected``."""
    out = []
    for disease in disease_mentions(question):
        name = r"\W+".join(map(re.escape, disease.split()))
        for m in re.finditer(_TOLD + name, question, _I):
            if m.group("suspected") or not suspected:
                out.append(disease)
                break
    return out


# care in pregnancy ("treated during pregnancy", "pregnant women", "antenatal care"), not a study of women who
# "became pregnant" nor an infant "small for gestational age"
_IN_PREGNANCY = re.compile(r"\b(?:during|in|throughout|of) pregnancy\b|\bpregnant (?:women|woman|patients?|people|"
                           r"persons?|mothers?|adolescents?|individuals?|girls?)\b|"
                           r"\b(?:while|when|if|i'?m|am) pregnant\b|\b(?:ante|pre)natal care\b|"
                           # … or a case told as one ("24 weeks pregnant", "a primigravida at 36+3 weeks")
                           r"\bweeks? pregnant\b|\b(?:primi|multi)gravid|"
                           r"\b\d+(?:\+\d)? weeks (?:with (?:my|our|her) (?:first |second |third )?baby|gone|along)\b",
                           _I)


def in_pregnancy_care(question: str) -> bool:
    """The question asks about care in pregnancy — not when pregnancy is only included in a wider group
    ("Should asymptomatic adolescents and adults, including pregnant persons, be screened for genital herpes?")."""
    return any(not inclusive(question, m.start()) for m in _IN_PREGNANCY.finditer(question))


# the one purpose a question says something is for ("… had a Mirena levonorgestrel IUS fitted last month purely for
# contraception"): advice on using it for another ("Women using a Mirena® … for endometrial protection as part of a
# hormone replacement therapy (HRT) combination must have the device changed every 5 years") is not for this patient
_SOLE_PURPOSE = re.compile(r"\b(?:purely|only|just|solely|simply)\s+(?:for|as)\s+(?:an? |the )?"
                           r"(?P<purpose>[\w -]{3,40}?)(?=\s*[.,;?]|\s+(?:and|but)\b|$)", _I)


def _sole_purpose(question: str) -> frozenset[str]:
    """The stems of the one purpose ``question`` says something is used for (``_SOLE_PURPOSE``), or none."""
    m = _SOLE_PURPOSE.search(question)
    return frozenset(content_stems(m.group("purpose"))) if m else frozenset()


# (what the sentence's subject is used for: "Women using a Mirena® … for endometrial protection …")
_USING_FOR = re.compile(r"\b(?:using|used|use|uses|taking|taken|given|prescribed|fitted|inserted)\b[^.;]{0,60}?"
                        r"\b(?:for|as part of)\b", _I)


def _other_purpose(text: str, purpose: frozenset[str]) -> bool:
    """``text`` says what it speaks of is used for something (``_USING_FOR``) and never names ``purpose``."""
    return bool(purpose) and not purpose & set(content_stems(text)) and bool(_USING_FOR.search(text))


# a patient who does not smoke ("could she switch to the combined pill at 51 as a non-smoker"): advice for smokers
# ("Women who smoke should be advised to stop CHC at 35 …") is not for her
_NON_SMOKER = re.compile(r"\bnon-?smok(?:er|ers|ing)\b|\b(?:does not|doesn't|do not|don't|never) smoke[sd]?\b", _I)
_SMOKERS = re.compile(r"\b(?:who|that) (?:smoke|smokes|are smokers|is a smoker)\b|(?<!non-)(?<!non)\bsmokers\b|"
                      r"\bcurrent smokers?\b|"
                      # (… or ever did: "women … who have ever smoked or have a family history of AAA")
                      r"\b(?:who|that) (?:have|has) ever smoked\b|\bever[- ]smokers?\b|\bformer smokers?\b", _I)


# after the birth ("Women who have a CS should be prescribed … co-codamol with added ibuprofen"; "postnatal",
# "while breastfeeding") and during the pregnancy: what is advised for one is not advice for the other
_AFTER_BIRTH = re.compile(r"\b(?:who (?:have|have had|had|has had|underwent|undergo) (?:an? |their )?"
                          r"(?:elective |emergency )?(?:CS|caesarean|cesarean|c-section)|"
                          r"after (?:a |the |their |her )?(?:birth|delivery|childbirth|caesarean|cesarean|CS|c-section|"
                          r"baby is born)|post-?natal|post-?partum|"
                          r"puerper\w*|breast-?feed\w*|lactat\w*|nursing mothers?)\b", _I)
_DURING_PREGNANCY = re.compile(r"\bpregnan\w*|\bante-?natal\b|\bprenatal\b|\btrimester\b|\bgestation", _I)


_BOTH_PHASES = re.compile(r"\b(?:pregnan\w*|ante-?natal|prenatal)\W+(?:\w+\W+){0,3}?(?:and|or)\W+(?:\w+\W+){0,2}?"
                          r"(?:after|post|breast|lactat|nursing)|\b(?:post-?natal|post-?partum|breast-?feed\w*|"
                          r"lactat\w*)\W+(?:\w+\W+){0,3}?(?:and|or)\W+(?:\w+\W+){0,2}?"
                          r"(?:pregnan|ante-?natal|prenatal)", _I)


def _phase(text: str) -> str:
    """"after" (the birth), "during" (the pregnancy), or "" (neither, or both): where both are named, the first
    says whom the sentence is about ("… women who have had a CS should be provided with … care related to … other
    complications during pregnancy" is about after the birth), unless they are named together ("pregnant or
    breastfeeding women")."""
    after, during = _AFTER_BIRTH.search(text), _DURING_PREGNANCY.search(text)
    if after is None and during is None or _BOTH_PHASES.search(text):
        return ""
    if after is None or (during is not None and during.start() < after.start()):
        return "during"
    return "after"


_NOT_PREGNANT = re.compile(r"\bnon-?pregnant\b|\bnot (?:currently )?pregnant\b", _I)


def _other_phase(question: str, text: str) -> bool:
    """The question asks about the pregnancy and ``text`` is about after the birth, or the other way round; or the
    question's patient is not pregnant ("… an asymptomatic, non-pregnant 52-year-old woman") and ``text`` is about
    pregnancy ("… universal screening of thyroid function during pregnancy")."""
    if _NOT_PREGNANT.search(question):
        return _phase(_NOT_PREGNANT.sub(" ", text)) == "during"
    phase = _phase(text)
    if not phase:
        return False
    after = bool(_AFTER_BIRTH.search(question))
    if in_pregnancy_care(question) and not after:
        return phase == "after"
    return after and not _DURING_PREGNANCY.search(question) and phase == "during"


def for_another_patient(question: str, text: str) -> bool:
    """``text`` speaks of using something for another purpose than the one ``question`` says it is purely for
    (``_other_purpose``), of smokers where the question's patient does not smoke, or of after the birth where the
    question asks about the pregnancy (or the other way round: ``_other_phase``)."""
    return _other_purpose(text, _sole_purpose(question)) or _other_phase(question, text) or bool(
        _NON_SMOKER.search(question) and _SMOKERS.search(text) and not _NON_SMOKER.search(text))
