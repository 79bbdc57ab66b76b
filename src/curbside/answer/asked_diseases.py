"""Which diseases a question is about, of those it names: the one its question part names (and the one its patient was
told of), not the case's findings; none of those a case names when it asks what its patient has; not one named only in
the group it sets its own against; and not one it rules out (``vignette.ruled_in``)."""

from __future__ import annotations

import re

from curbside.answer.lexicon import complaint_topic, disease_mentions, lay_named
from curbside.answer.patient_facts import told_diagnosis
from curbside.answer.text import stem, tokenize
from curbside.answer.themes import ASKS_DIAGNOSIS
from curbside.answer.vignette import asking, ruled_in, without_history

_I = re.IGNORECASE


def _tested(asked: str, disease: str) -> bool:
    """``disease`` is named as what a test looks for ("should we get her allergy tested?", "an HIV test"): the question
    asks about the test, not about that disease."""
    return bool(re.search(rf"\b{re.escape(disease)}\s+(?:tests?|tested|testing|screen(?:ed|ing)?)\b", asked, _I))


# the group a question sets its own against ("… to every pregnant patient, including those with a normal BMI, rather
# than only to women who start pregnancy with obesity?"): a disease named only there is not what it asks about
_OTHER_GROUP = re.compile(r"\b(?:rather than|instead of|as opposed to)\s+(?:only\s+|just\s+)?(?:to\s+|in\s+|for\s+)?"
                          r"(?:the\s+)?(?:women|men|patients|people|persons|those|children|adults|adolescents|girls|boys)"
                          r"\b[^,;?]*", re.IGNORECASE)


# a disease given as an example of what is asked about ("can they give you diseases like hiv or anything??" of bedbugs)
# is not the question's subject: the page on what gives them is
_EXAMPLE = re.compile(r"\b(?:diseases|infections|illness(?:es)?|viruses|germs)\s+(?:like|such as|e\.g\.)\s+"
                      r"(?P<example>[^,;.?!]*)", re.IGNORECASE)


def _examples(question: str) -> str:
    """The question's words after "diseases like", where it gives examples of a kind of disease."""
    return " ".join(m.group("example") for m in _EXAMPLE.finditer(question))


def asked_diseases(question: str) -> tuple[list[str], list[str]]:
    """The diseases ``question`` is about, and — for a case that asks what its patient has — those it names as
    findings instead (``Scope.findings``)."""
    diseases = disease_mentions(_OTHER_GROUP.sub(" ", without_history(question)))
    named_only: list[str] = []  # (a case asking what its patient has: the diseases it names as findings)
    asked = asking(question)
    if asked != question and (named := [d for d in disease_mentions(asked) if not _tested(asked, d)]):
        # a case asks about the disease its question names ("… daily headaches …, papilloedema … How should her
        # idiopathic intracranial hypertension be treated?"): the others it tells of are findings, and a headache
        # guideline's cluster-headache advice is not about it (a kind of the one asked about stays: "I have
        # prediabetes. Does that mean I'll get diabetes …?")
        # (… and about the one its patient was told they have: "gp says ive got 'metabolic syndrome' … is that the
        # same as diabetes??")
        named += told_diagnosis(question)
        asked_stems = {stem(t) for disease in named for t in tokenize(disease)}
        diseases = [d for d in diseases if d in named or any(
            a in stem(t) or stem(t) in a for t in tokenize(d) for a in asked_stems)]
    if asked != question and ASKS_DIAGNOSIS.search(asked) and not disease_mentions(asked):
        # a case that asks what its patient has is about the disease it describes, which it does not name: the ones
        # it names are findings, history or what was ruled out ("… bleeding gums. Two malaria films are negative.
        # What infection must be considered …?" is not about headache, diarrhoea or malaria) — but for one it
        # describes in lay words ("… shes been pulling her own hair out … what is this …?": trichotillomania)
        named_only = [d for d in diseases if d not in lay_named(question)]
        diseases = [d for d in diseases if d not in named_only]
    diseases = ruled_in(question, diseases) or complaint_topic(question)
    if (examples := disease_mentions(_examples(question))):
        diseases = [d for d in diseases if d not in examples]
    return diseases, named_only


__all__ = ["asked_diseases"]
