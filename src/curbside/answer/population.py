"""Populations: who a question, a sentence or a document is about.

Evidence about a narrower group (children, pregnancy, older adults, people with type 1 diabetes,
transplant recipients …) answers a general question only for that group, so it must not become
the bottom line of a general answer, and a document whose *title* names such a group speaks for
that group in every sentence, even one that does not repeat it.

Two kinds of mention, both read from the text as written (nothing is inferred; ``mentions``):

* **groups** — fixed patterns: children, pregnancy, older adults and age bands, transplant
  recipients. A group is narrower unless the question names the same group;
* **qualifiers** — "<people> with / who have / undergoing <condition>" ("adults with type 1
  diabetes", "LT recipients with DM") and "<condition> patients" ("diabetic patients"). A
  qualifier is narrower when its condition has a medical word (clinical vocabulary, disease name,
  medical morphology or an abbreviation such as CKD) that the question — with its equivalent
  wordings — does not have. Inclusive wordings ("including those with diabetes", "with or
  without …") are not qualifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from curbside.answer.ages import age_range, patient_ages
from curbside.answer.asked_diseases import asked_diseases
from curbside.answer.disease_names import NEUTRAL, PHASE, name_key, name_stems, wordings
from curbside.answer.lexicon import disease_mentions, medical_signal
from curbside.answer.mentions import GENERIC, medical_stems, mentions
from curbside.answer.passing import without_other_uses, without_passing
from curbside.answer.patient_facts import (
    FAILED,
    TRIED,
    VARIANT,
    diabetes_types,
    in_pregnancy_care,
    other_sex,
    sexes,
    sides,
    states,
)
from curbside.answer.scenarios import (
    CHILDBEARING_AGES,
    for_childbearing,
    holds_adults,
    never_given,
    other_symptom_state,
    symptom_state,
    unmet_scenario,
)
from curbside.answer.synonyms import alternatives
from curbside.answer.text import content_stems, stem, tokenize
from curbside.answer.themes import question_intents
from curbside.answer.vignette import (
    asking,
    negated_terms,
    patient_drugs_asked,
    restatements,
)
from curbside.drug_names import drug_words

_I = re.IGNORECASE
# the group a guideline may be titled for instead of the disease ("Eating disorders: recognition and
# treatment" holds NICE's advice on anorexia nervosa; "… valvular heart disease" the AHA/ACC's on aortic
# stenosis): its recommendations that name the disease answer for it
# a cancer, by its name's stems ("hodgkin lymphoma" → "hodgkin lymphoma"), and the words for cancers as a group
_CANCER = re.compile(r"lymphoma|leuka?emi|carcinoma|melanoma|myeloma|sarcoma|\bcanc|tumou?r|neoplas|blastoma|glioma|"
                     r"mesothelioma", re.IGNORECASE)
_CANCER_GROUP = re.compile(r"\b(?:cancers?|malignanc(?:y|ies)|oncology|tumou?rs)\b", re.IGNORECASE)
PARENTS: dict[str, tuple[str, ...]] = {
    "anorexia nervosa": ("eating disorders",), "bulimia nervosa": ("eating disorders",),
    "binge eating disorder": ("eating disorders",),
    "heavy menstrual bleeding": ("abnormal uterine bleeding",), "menorrhagia": ("abnormal uterine bleeding",),
    "aortic stenosis": ("valvular heart disease",), "aortic regurgitation": ("valvular heart disease",),
    "mitral stenosis": ("valvular heart disease",), "mitral regurgitation": ("valvular heart disease",),
    "focal epilepsy": ("epilepsy",),
}
# the condition a question's patients have, beside the disease it asks about ("How should venous
# thromboembolism be treated in patients with cancer?"): its last word names it
_QUALIFIED = re.compile(r"\b(?:in|for|among) (?:patients|people|persons|adults|children|women|men|individuals|those) "
                        r"(?:with|who have) (?P<cond>[a-z][a-z -]{2,40}?)\s*(?:\?|$|,|\band\b|\bwho\b)|"
                        # ("… in an adult who is having treatment for cancer")
                        r"\b(?:in|for) an? (?:patient|person|adult|child|woman|man|individual) who (?:is|are) "
                        r"(?:having|receiving|undergoing) (?:treatment|chemotherapy|radiotherapy) for "
                        r"(?P<cond2>[a-z][a-z -]{2,40}?)\s*(?:\?|$|,|\band\b|\bwho\b)", _I)
_WITHOUT = re.compile(r"\b(?:no|without|not having|who do not have|free of)\s+(?:active\s+)?(?P<word>[a-z]+)", _I)
# people not given a treatment ("… anti-HBs negative and are not taking rituximab or other B cell-depleting
# therapies: …"): not a question's patient who is given it ("about to start R-CHOP … after the last rituximab dose")
# "not taking", "never treated with", "not currently receiving" …
_NOT_GIVEN = (r"\b(?:not|never|no longer)\s+(?:(?:being|currently|yet|already)\s+)?(?:taking|receiving|undergoing|on|"
              r"using|treated with|starting|started on|given)\s+")
_NOT_TAKING = re.compile(rf"{_NOT_GIVEN}(?P<word>[a-z][\w-]+)", _I)


def _treated(question: str) -> frozenset[str]:
    """The drugs a question names without denying them ("not on rituximab")."""
    denied = {stem(m.group("word").lower()) for m in _NOT_TAKING.finditer(question)}
    return frozenset(stem(w) for w in drug_words(question)) - denied


def _qualifier(question: str) -> str:
    found = _QUALIFIED.search(question)
    if found is None or not disease_mentions(question):
        return ""  # (the question's own disease is what its patients have: "in patients with asthma")
    words = [stem(w) for w in tokenize(found.group("cond") or found.group("cond2")) if stem(w) not in GENERIC | PHASE]
    return words[-1] if words else ""


ADULTS = re.compile(r"\badults?\b|\bgrown-?ups?\b", _I)
_ARISING = re.compile(r"\b([A-Za-z]+)\s+(?:after|following|post|due to|secondary to|caused by|induced by)\s+"
                      r"(?:an?\s+|the\s+)?(?P<cond>[\w-]+(?:\s+(?!(?:with|in|for|and|or|to|is|are|should|may)\b)"
                      r"[\w-]+){0,2})", _I)
_SUBTYPE = re.compile(r"\b([A-Z]{2,6})-[A-Z]\b")
# disease nouns the Disease Ontology lacks in the form titles use ("Type 1 diabetes in adults")
_DISEASE_WORDS = frozenset(stem(w) for w in """diabetes diabetic asthma stroke dementia depression obesity epilepsy hiv
aids tuberculosis pneumonia influenza covid sepsis migraine arthritis osteoporosis anemia anaemia angina
arrhythmia fibrillation eclampsia transplant transplantation infarction dialysis cirrhosis leukemia lymphoma
cancer carcinoma tumor tumour""".split())
_DISEASE_MORPHOLOGY = re.compile(r"(?:itis|osis|emia|aemia|oma|omas|pathy|plasia|penia|uria)$")
_NOT_DISEASES = frozenset({"diagnosis", "diagnoses", "prognosis", "prognoses", "diploma"})
_LEFT_OUT = re.compile(rf"{_NOT_GIVEN}[^,.;:()]+", _I)
# kinds of a disease by origin: a question that names one is not answered for another
_KINDS = frozenset(stem(w) for w in "idiopathic primary secondary congenital acquired familial hereditary".split())
_PHRASE_BREAK = re.compile(r"\s*[—–]\s*|\s-\s|[:;,()]")
def _restated(question: str, disease: str) -> tuple[frozenset[str], ...]:
    """The other name the question gives a disease in brackets after it ("vestibular neuritis (unilateral
    vestibular hypofunction)"): a guideline on that answers the question on the disease."""
    restated = restatements(question)
    return tuple(restated[s] for s in content_stems(disease)[-1:] if s in restated)


# a group defined by a threshold of a measurement: "people with GFR ≥45", "those with GFR 30–44"
_MEASURED = re.compile(r"\b([A-Za-z][A-Za-z0-9]{1,10})\s*(?:[≥≤<>]=?\s*\d|\d+(?:\.\d+)?\s*[–-]\s*\d)")


def _stratified(labels: Iterable[str]) -> set[str]:
    """Measures a text splits into two or more groups by threshold ("metformin continued with GFR
    ≥45, reviewed with GFR 30–44, stopped with GFR <30"): a rule for every stratum, not advice for
    a narrower group."""
    seen: dict[str, set[str]] = {}
    for label in labels:
        if m := _MEASURED.search(label):
            seen.setdefault(m.group(1).lower(), set()).add(label)
    return {measure for measure, groups in seen.items() if len(groups) >= 2}


_AFTER_PROCEDURE = re.compile(r"\bpost-?([a-z]{4,}(?:ectomy|otomy|ostomy|plasty|operative|surgical))\b", re.IGNORECASE)
# weight loss told in figures ("has lost 6 kg without trying"): "people aged 60 and over with weight loss" include him
_LOST_WEIGHT = re.compile(r"\b(?:lost|losing|loses|dropped) (?:about |around |nearly |over |almost )?\d+(?:\.\d+)?\s?"
                          r"(?:kg|kilos?|kilograms?|lbs?|pounds|stone)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Scope:
    """Whom a question is about: the group families it names and the stems it covers (its own
    words, their equivalent wordings and a few neutral modifiers)."""

    families: frozenset[str]
    allowed: frozenset[str]
    names_disease: bool  # the question names a disease (so a title naming another is a drift)
    topics: tuple[tuple[frozenset[str], ...], ...] = ()  # each disease the question names: its wordings
    diabetes_types: frozenset[str] = frozenset()  # "1", "2": the diabetes types the question names
    sexes: frozenset[str] = frozenset()  # "women", "men": the sexes the question names
    ages: tuple[tuple[float, float], ...] = ()  # the age ranges the question names ("aged 55 to 69")
    adults: bool = False  # the question says "adults"
    parents: tuple[frozenset[str], ...] = ()  # the groups its diseases belong to (``PARENTS``), as stems
    pregnant: bool = False  # the question asks about care in pregnancy (``in_pregnancy_care``)
    qualifier: str = ""  # the stem of the condition the question's patients have ("… in patients with cancer")
    # the treatments the question's patient is given ("about to start R-CHOP … the last rituximab dose"), as stems
    treated: frozenset[str] = frozenset()
    # whether the patient has symptoms of it: "asymptomatic", "found on a scan for something else" (False),
    # "symptomatic" (True); None when the question does not say
    symptomatic: bool | None = None
    ruled_out: frozenset[str] = frozenset()  # stems of what the case says the patient does not have (vignette.py)
    prevents: bool = False  # the question asks how to prevent its disease ("… primary prophylaxis with G-CSF")
    # the patient's drugs the question asks about, as stems ("… on sodium valproate … What should I do about her
    # valproate?")
    asked_drugs: frozenset[str] = frozenset()
    # the gene variants the question names ("homozygous for F508del"), upper-cased
    variants: frozenset[str] = frozenset()
    # what the question says the patient is without ("signs of life" → False for "with no signs of life")
    sides: tuple[tuple[str, bool], ...] = ()
    # the states the question's patient is in or not ("ruptured" → True, "unprovoked" → ("provoked", False))
    states: tuple[tuple[str, bool], ...] = ()
    # a case that asks what its patient has: the diseases it names that are not what it is about (findings, history,
    # what was ruled out), in their wordings
    findings: tuple[tuple[frozenset[str], ...], ...] = ()

    @classmethod
    def of(cls, question: str, context: str = "") -> Scope:
        text = f"{question} {context}".strip()
        terms = tokenize(text)
        allowed = set(content_stems(text)) | NEUTRAL
        # (what follows a procedure is said of it: "post-tonsillectomy bleeding" is about children having their tonsils
        # out, and "In this study of children undergoing tonsillectomy, …" is about them)
        allowed.update(stem(m.group(1)) for m in _AFTER_PROCEDURE.finditer(text))
        if _LOST_WEIGHT.search(text):
            allowed.update(content_stems("weight loss"))
        if TRIED.search(question):  # (the patient is among those who could not take it)
            allowed |= FAILED
        for forms in alternatives(terms).values():
            for form in forms:
                allowed.update(form)
        families = {m.family for m in mentions(text) if m.family != "condition"}
        in_pregnancy = in_pregnancy_care(question)
        if in_pregnancy:  # ("I'm 41 weeks with my first baby": pregnancy care is hers)
            families.add("pregnancy")
        diseases, named_only = asked_diseases(question)
        # every word of a disease's name, even one content stems drop ("use" in alcohol use disorder)
        allowed.update(stem(t) for disease in diseases for t in tokenize(disease))
        topics = []
        for disease in diseases:
            topics.append((*wordings(disease), *_restated(question, disease)))
        ages = tuple(r for m in mentions(text) if m.family == "age" and (r := age_range(m.label)))
        # a case's patient is of one age ("A 3-year-old …"): a statement for another age group ("For children
        # younger than 3 months, …") is about someone else
        patients = patient_ages(question)
        if patients:
            ages += tuple((age, age) for age in patients)
            families.add("age")
            if any(age < 18 for age in patients):
                families.add("children")
            elif "children" in families and not any(m.family == "children" for m in mentions(asking(question))):
                # an adult's case that tells of childhood ("had his tetanus shots as a child") is about the adult
                families.discard("children")
        adults = bool(ADULTS.search(question)) or (bool(patients) and all(age >= 18 for age in patients))
        parents = tuple(frozenset(name_stems(parent)) for disease in diseases
                        for parent in PARENTS.get(" ".join(tokenize(disease)), ()))
        symptomatic, treated = symptom_state(question), _treated(question)
        if symptomatic is not None:  # (said of the patient in other words: "people with asymptomatic gallstones")
            allowed.add(stem("symptomatic" if symptomatic else "asymptomatic"))
        return cls(frozenset(families), frozenset(allowed), bool(diseases), tuple(topics), diabetes_types(text),
                   sexes(text), ages, adults, parents, in_pregnancy,
                   _qualifier(question), treated, symptomatic, negated_terms(question),
                   "prevention" in question_intents(question),
                   frozenset(stem(d) for d in patient_drugs_asked(question, drug_words(question))) & treated,
                   frozenset(v.upper() for v in VARIANT.findall(question)),
                   # (only what the patient is without: "treatment with acupuncture" is how, not who — "usual care
                   # without acupuncture" is a comparison's other arm)
                   tuple((phrase, said) for phrase, said in sides(question).items() if not said),
                   tuple(states(question).items()),
                   tuple(tuple(wordings(d)) for d in named_only))

    def names_finding(self, text: str) -> bool:
        """``text`` names a disease the case names as a finding, not what it asks about (``findings``)."""
        stems = name_stems(text)
        return any(form <= stems for forms in self.findings for form in forms)

    def topic_abbreviations(self, definitions: Iterable[Mapping[str, str]]) -> dict[str, str]:
        """Of the abbreviations defined in some texts (``abbreviations.defined_abbreviations`` of each), those that
        stand for the question's disease ("posttraumatic stress disorder (PTSD)"), the first
        definition of each kept."""
        out: dict[str, str] = {}
        for found in definitions:
            for abbr, long_form in found.items():
                if abbr not in out and self.names_topic(long_form):
                    out[abbr] = long_form
        return out

    def with_abbreviations(self, definitions: Mapping[str, str]) -> Scope:
        """This scope, knowing the abbreviations defined for the question's diseases ("overactive
        bladder (OAB)"; ``definitions``: abbreviation → long form): "all patients with OAB" then
        names the disease, not a group."""
        extra: list[tuple[frozenset[str], ...]] = list(self.topics)
        allowed = set(self.allowed)
        for abbr, long_form in definitions.items():
            for i, forms in enumerate(extra):
                if any(form <= name_stems(long_form) for form in forms):
                    short = frozenset(name_stems(abbr))
                    extra[i] = (*forms, short)
                    allowed |= short
        if len(allowed) == len(self.allowed):
            return self
        # (every other field kept: the treatments, symptoms and findings the case gives are the same)
        return replace(self, allowed=frozenset(allowed), topics=tuple(extra))

    def is_named(self, title: str) -> bool:
        """``title`` is one of the names of the question's disease and nothing more (a health page
        titled *Shingles* for herpes zoster; not *Herpes Zoster Oticus*)."""
        return name_key(title) in self.names()

    def names(self) -> frozenset[frozenset[str]]:
        """Every wording of the question's diseases, as ``name_key`` gives a title's."""
        return frozenset(form for forms in self.topics for form in forms)

    def names_topic(self, text: str) -> bool:
        """``text`` names a disease the question names (in any of its wordings)."""
        stems = name_stems(text)
        return any(form <= stems for forms in self.topics for form in forms)

    def about(self, title: str, text: str) -> bool:
        """A document with ``title`` and evidence ``text`` is about what the question asks: it names the question's
        disease, or its title names a drug the patient is on ("… guidelines for CYP2C19 genotype and clopidogrel
        therapy" for a patient on clopidogrel after an NSTEMI), or its text the drug the question asks about ("Do not
        prescribe sodium valproate to women of childbearing age" in a perinatal mental health guideline, for "What
        should I do about her valproate?")."""
        return (self.names_topic(text) or bool(self.treated & set(content_stems(title)))
                or bool(self.asked_drugs & set(content_stems(text))))

    def names_parent(self, text: str) -> bool:
        """``text`` names a group the question's disease belongs to ("eating disorders" for anorexia
        nervosa)."""
        stems = name_stems(text)
        return any(parent <= stems for parent in self.parents)

    @property
    def cancer(self) -> bool:
        """The question's disease is a cancer ("Hodgkin lymphoma")."""
        return any(_CANCER.search(" ".join(sorted(form))) for forms in self.topics for form in forms)

    def names_group(self, text: str) -> bool:
        """``text`` names a group the question's disease belongs to: a parent (``PARENTS``), or cancer for a
        cancer ("Fertility preservation for patients with cancer" for a boy with Hodgkin lymphoma)."""
        return self.names_parent(text) or (self.cancer and bool(_CANCER_GROUP.search(text)))

    def names_topic_in_passing(self, text: str) -> bool:
        """``text`` names the question's disease, but only in passing (an example, an exclusion, a
        harm): the sentence is about something else."""
        if not self.names_topic(text):
            return False
        rest = without_passing(text, prevented=self.prevents)
        if not self.names_topic(rest):
            return True
        main = without_other_uses(rest)
        return not self.names_topic(main) and bool(disease_mentions(main))

    def narrower(self, text: str, within: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """Labels of the populations ``text`` names that the question does not cover. ``within``: stems
        of a heading on the question's disease that the text sits under; a condition sharing one is
        the heading's ("patients with prolonged tonic-clonic seizures" under "… Prolonged Seizures
        Including Status Epilepticus")."""
        out = []
        found = mentions(text)
        strata = _stratified(m.label for m in found if m.family == "condition")
        for m in found:
            if m.family == "condition":
                if m.stems & within:
                    continue
                if (measure := _MEASURED.search(m.label)) and measure.group(1).lower() in strata:
                    continue  # one stratum of a rule that covers several: the rule covers everyone asked about
                if never_given(m.label):
                    continue  # ("For PPSV23-naive patients …": those not yet given it, as anyone asking is)
                # "heel pain/plantar fasciitis": one alternative the question names is enough
                parts = re.split(r"/|\bor\b", m.label)
                if m.stems - self.allowed and not (len(parts) > 1 and any(
                        (stems := medical_stems(p)) and stems <= self.allowed for p in parts)):
                    out.append(m.label)
            elif m.family not in self.families:
                if m.family == "age" and self.adults and (ages := age_range(m.label)) and holds_adults(ages):
                    continue  # ("patients aged ≥2 years" include the adult asked about)
                out.append(m.label)
            elif m.family == "age" and self.ages and age_range(m.label) and not self._of_age(m.label) and not any(
                    self._of_age(other.label) for other in found if other.family == "age"):
                # "men aged less than 55 years" for a question on men aged 55 to 69 (not a rule for each age that
                # has one for the patient's: "if age ≥30 years then mammogram …; if age <30 years then …")
                out.append(m.label)
        if self.names_disease:
            out.extend(self._qualified(text))
            # a subtype written as the disease's initials and a letter ("IBS-C", "IBS-D")
            out.extend(m.group(0) for m in _SUBTYPE.finditer(text) if self.names_topic(m.group(1)))
            # the disease arising from another ("pericarditis after STEMI", "… secondary to chemotherapy")
            out.extend(m.group(0) for m in _ARISING.finditer(text)
                       if stem(m.group(1).lower()) in self.allowed and medical_stems(m.group("cond")) - self.allowed)
        if other := other_symptom_state(text, self.symptomatic):
            out.append(other)  # ("… people diagnosed with symptomatic gallbladder stones" for stones found by chance)
        out.extend(self._other_diabetes(text))
        # (a table's row for a scenario the patient is not in; what the case rules out it does not have)
        out.extend(unmet_scenario(text, self.allowed - self.ruled_out))
        out.extend(self.other_side(text))
        if self.variants and (variant := VARIANT.search(text)) and variant.group(0).upper() not in self.variants:
            # a statement (or a table's row) led by another variant is for its carriers: "Homozygous or heterozygous
            # G551D-CFTR—e.g., G551D/F508del …: use ivacaftor …" is not for a patient homozygous for F508del
            out.append(variant.group(0))
        out.extend(sorted(other_sex(self.sexes, text)))  # "men with LUTS" for a question about women
        if "children" in self.families and (named := sexes(text)) and not any(m.family == "children" for m in found):
            out.extend(sorted(named))  # "men with nocturnal polyuria" for a question about children: adults
        return tuple(dict.fromkeys(out))

    def other_side(self, text: str) -> tuple[str, ...]:
        """What ``text`` says its patients are with where the question's patient is without: "In patients presenting
        pulseless … with signs of life after blunt injury, … recommends that patients undergo EDT" is not for one who
        arrives with no signs of life; nor one on "unruptured aneurysms" for a ruptured one."""
        asked, stated = dict(self.sides), dict(self.states)
        # (… by the condition it names last: "with decompensated cirrhosis" for a non-cirrhotic patient)
        return (*(f"{'with' if said else 'without'} {phrase}" for phrase, said in sides(text).items()
                  if asked.get(phrase, asked.get(phrase.split()[-1], said)) is not said),
                *(("" if said else "un") + state for state, said in states(text).items()
                  if stated.get(state, said) is not said))

    def _of_age(self, label: str) -> bool:
        """An age group ``label`` that holds one of the question's ages (False when it names no range)."""
        ages = age_range(label)
        return ages is not None and any(ages[0] <= high and low <= ages[1] for low, high in self.ages)

    def conflicts(self, text: str) -> bool:
        """``text`` is about the other side of the age line the question draws: adults ("men with
        nocturnal polyuria") for a question on children, children ("For children with syncope …") for
        one that says adults."""
        named = {m.family for m in mentions(text)}
        if "children" in self.families:
            return "children" not in named and bool(sexes(text) or ADULTS.search(text))
        # (in pregnancy care the baby is the patient's own: "… to reduce perinatal mortality" is advice for her)
        return self.adults and "children" in named and not ADULTS.search(text) and "pregnancy" not in named

    def outside_pregnancy(self, text: str) -> bool:
        """The question is about care in pregnancy and ``text`` (a sentence with its heading and its
        document's title) never mentions pregnancy: advice for everyone else ("In patients with
        hypertension and CKD, … treatment with an ACEI or ARB") is not advice in pregnancy, where it
        may harm the fetus."""
        return self.pregnant and not any(m.family == "pregnancy" for m in mentions(text))

    def for_own_group(self, text: str) -> bool:
        """``text`` is advice for a group the question's patient belongs to and the advice before it may not hold
        for: women of childbearing age, for a woman of those ages who is not pregnant."""
        low, high = CHILDBEARING_AGES
        return ("women" in self.sexes and not self.pregnant and bool(self.ages)
                and all(low <= a and b <= high for a, b in self.ages) and for_childbearing(text))

    def names_qualifier(self, text: str) -> bool:
        """``text`` speaks of the condition the question's patients have ("… in patients with cancer")."""
        return bool(self.qualifier) and self.qualifier in content_stems(text)

    def excludes_qualifier(self, text: str) -> bool:
        """``text`` is about patients without that condition ("In patients with DVT of the leg or PE and no
        cancer, …" for a question on VTE in patients with cancer)."""
        if not self.qualifier:
            return False
        return any(stem(m.group("word")) == self.qualifier for m in _WITHOUT.finditer(text))

    def excludes_treatment(self, text: str) -> bool:
        """``text`` is about people not given a treatment the question's patient is given ("… and are not taking
        rituximab …" for a patient starting R-CHOP)."""
        return any(stem(m.group("word").lower()) in self.treated for m in _NOT_TAKING.finditer(text))

    def _other_diabetes(self, text: str) -> list[str]:
        """"type 1 diabetes" in a text for a question on type 2 diabetes (or the other way round):
        word-level checks see the same disease words ("diabetes") and a bare digit."""
        if not self.diabetes_types:
            return []
        return [f"type {t} diabetes" for t in sorted(diabetes_types(text) - self.diabetes_types)]

    def other_topics(self, title: str) -> tuple[str, ...]:
        """Diseases a document title names that the question does not (only when the question
        names a disease itself: otherwise there is nothing to drift from)."""
        if not self.names_disease:
            return ()
        # (what a statement leaves out is not what it is about: "In adults … not treated with chronic dialysis or
        # kidney transplantation, the Work Group recommends …")
        title = _LEFT_OUT.sub(" ", title)
        named = [d for d in disease_mentions(title) if set(content_stems(d)) - self.allowed]
        tokens = tokenize(title)
        words = [t for t in tokens if (stem(t) in _DISEASE_WORDS or (len(t) > 5 and _DISEASE_MORPHOLOGY.search(t)))
                 and stem(t) not in self.allowed | GENERIC and t not in _NOT_DISEASES
                 and not any(t in d.split() for d in named)]
        return tuple(dict.fromkeys([*named, *words, *self._qualified(title), *self._other_diabetes(title)]))

    def _qualified(self, text: str) -> list[str]:
        """The question's disease with a medical qualifier the question lacks ("pulmonary arterial
        hypertension" for "hypertension"): another disease that shares its name. A qualifier is read
        within its phrase: "right lower quadrant pain — suspected appendicitis" names pain, then
        appendicitis, not a kind of appendicitis."""
        return [q for part in _PHRASE_BREAK.split(text) for q in self._qualified_in(tokenize(part))]

    def _qualified_in(self, tokens: list[str]) -> list[str]:
        out = []
        for i, token in enumerate(tokens):
            if not (stem(token) in self.allowed and disease_mentions(token)):
                continue
            j = i - 1
            while j >= 0 and i - j <= 2 and stem(tokens[j]) in NEUTRAL | PHASE:
                j -= 1
            if j >= 0 and i - j <= 2:
                qualifier = stem(tokens[j])
                if qualifier not in self.allowed | GENERIC and medical_signal(tokens[j]).medical:
                    out.append(" ".join(tokens[j:i + 1]))
            # another kind of the question's own disease than the one it names, before the disease's whole name
            # ("secondary normal pressure hydrocephalus" for idiopathic normal pressure hydrocephalus; a question
            # naming no kind, or the usual one, asks about every kind: "chronic idiopathic constipation" answers
            # "chronic constipation")
            j = i - 1
            while j >= 0 and i - j <= 4 and stem(tokens[j]) in self.allowed - _KINDS:
                j -= 1
            if j >= 0 and stem(tokens[j]) in _KINDS - self.allowed and self.allowed & _KINDS - NEUTRAL:
                out.append(" ".join(tokens[j:i + 1]))
        return list(dict.fromkeys(out))

    def general(self) -> bool:
        """The question names no population group of its own."""
        return not self.families

