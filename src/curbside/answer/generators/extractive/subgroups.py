"""Candidates about a narrower population than the question asks about (``answer/population.py``).

A sentence that names a narrower group ("… in adults with type 1 diabetes") is *labelled* by its
own words: it may stay in a section, a little lower. A sentence whose document title or section
names the group but which does not say so itself ("Medications are not recommended as first-line
therapy." under "Screening for hypertension in children"; "Treatment will depend on what type of
PH you have." under "Pulmonary Hypertension") would read as general advice: the planner keeps it
out of a general answer. Neither kind becomes the bottom line of a general
question while a general statement is at hand (``assemble.choose_bottom``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from curbside.answer.ages import patient_ages
from curbside.answer.generators.extractive.candidates import Candidate, heading
from curbside.answer.generators.extractive.scoring import heading_stems
from curbside.answer.lexicon import disease_mentions
from curbside.answer.population import Scope
from curbside.answer.text import content_stems
from curbside.answer.whole_documents import DESCRIBED_SCORE

P_SUBGROUP = 0.15  # score penalty for a sentence about a narrower population


KIN_PREFIX = 6  # letters a disease's name shares with a form of it ("epilepsy" → "status epilepticus")


def kin(disease: str, stems: frozenset[str]) -> bool:
    """``disease`` shares the root of one of ``stems``: its parent or a form of it."""
    return any(word[:KIN_PREFIX] == other[:KIN_PREFIX] for word in content_stems(disease) if len(word) >= KIN_PREFIX
               for other in stems if len(other) >= KIN_PREFIX)


def mark(candidates: Sequence[Candidate], scope: Scope, scopes: Mapping[str, Scope] | None = None) -> None:
    """Fill ``narrower``, ``implied`` and ``drift`` on every candidate and lower the score of
    the narrower ones (in place). ``scopes``: the question's scope per document id, knowing the
    abbreviations the document defines (``Scope.with_abbreviations``)."""
    by_doc: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    by_section: dict[tuple[str, str], tuple[str, ...]] = {}
    question_scope = scope
    for c in candidates:
        doc = c.hit.document
        scope = (scopes or {}).get(doc.id, question_scope)
        if doc.id not in by_doc:
            others = scope.other_topics(doc.title)
            if scope.names_topic(doc.title):
                # a title about the question's disease and another ("… prevention of cardiovascular disease
                # and colorectal cancer") is about the question's too; a qualified form of it ("pulmonary
                # hypertension" for hypertension) is still another disease
                others = tuple(o for o in others if scope.names_topic(o))
            by_doc[doc.id] = (scope.narrower(doc.title), others)
        title_narrower, drift = by_doc[doc.id]
        key = (doc.id, c.section)
        if key not in by_section:
            by_section[key] = scope.narrower(c.section)
        # under a heading on the question's disease in a document on a wider one ("Management of
        # Prolonged Seizures Including Status Epilepticus" in a guideline on epilepsy), a sentence is
        # about the question's disease, whatever condition it names ("Patients with prolonged
        # tonic-clonic seizures … should be given: midazolam …")
        # about the question's disease, whatever condition it names ("Patients with prolonged tonic-clonic
        # seizures … should be given: midazolam …") — when the document's disease is its parent (or the group it
        # belongs to, ``population.PARENTS``: "Eating disorders"); the heading "Cellulitis" in a guideline on
        # ascites is about the cellulitis of those patients
        under_topic = (scope.names_disease and scope.names_topic(heading(c.section))
                       and all(kin(other, scope.allowed) or scope.names_parent(other) for other in drift))
        # (a rare disease's table of signs names no population or other disease it speaks for: "large for
        # gestational age", "aganglionic megacolon" are signs of ABCD syndrome; ``feature_tables``)
        text = "" if c.listed else c.text
        c.narrower = scope.narrower(text, within=heading_stems(c.section) - scope.allowed if under_topic
                                    else frozenset())
        if DESCRIBED_SCORE in c.hit.scores:
            # (the people with the disease a case describes, on its page, are the case's patient: "The long-term
            # outlook for people with Alagille syndrome …" for a 4-month-old whose case is Alagille's)
            named = set(content_stems(doc.title))
            c.narrower = tuple(label for label in c.narrower if not named <= set(content_stems(label)))
        c.conflicts = (scope.conflicts(text) or (not c.narrower and scope.conflicts(doc.title))
                       or scope.outside_pregnancy(f"{doc.title} {c.section} {c.text}")
                       or scope.excludes_qualifier(c.text) or scope.excludes_treatment(c.text))
        c.qualified = not scope.qualifier or scope.names_qualifier(f"{doc.title} {c.section} {c.text}")
        c.own_group = scope.for_own_group(c.text)
        if scope.names_disease and not scope.names_topic(c.text) and not under_topic:
            c.elsewhere = scope.other_topics(text)
        c.drift = () if under_topic else drift
        # the title's population, or its other disease when the sentence does not name the
        # question's ("Treatment will depend on what type of PH you have." under *Pulmonary
        # Hypertension*), is implied by the title alone
        implied = [*title_narrower, *by_section[key], *(() if scope.names_topic(c.text) else c.drift)]
        c.implied = () if c.narrower else tuple(dict.fromkeys(implied))
        if c.narrower or c.implied:
            c.score -= P_SUBGROUP


def for_patients_with_a_disease(candidates: Sequence[Candidate], question: str,
                                defined: Mapping[str, Mapping[str, str]]) -> None:
    """A question that names no disease ("Is it safe to give ibuprofen to my 3 year old?") is not answered for its
    patient by a sentence for patients with one ("For children with CF, ages 2 through 5 years, the CF Foundation
    concludes that there is insufficient evidence …", CF being cystic fibrosis in its guideline): such a sentence is
    for another patient, as advice for smokers is for a patient who does not smoke (in place; ``defined``: the
    abbreviations each document defines, by document id). (A complaint is no disease: "My baby has a temperature of
    38.5, should I be worried?" is not answered by "Remind people with SCD … to seek immediate medical attention
    whenever fever … occurs".)"""
    # (… one about a patient of the asker's: "How is delayed sleep-wake phase disorder treated?" names a disease the
    # lexicon does not know, and "adults with … depression" is no other patient of its)
    if disease_mentions(question) or not (patient_ages(question) or _ONES_OWN.search(question)):
        return
    for c in candidates:
        spelled = defined.get(c.hit.document.id, {})
        # (not those with it and without it alike: "… treat DSWPD in adults with and without depression …")
        if any(disease_mentions(" ".join(spelled.get(word, word) for word in label.split()))
               for label in c.narrower if not _WITH_AND_WITHOUT.search(label)):
            c.another_patient = c.conflicts = True


# a patient of one's own ("My baby has a temperature of 38.5 …"; or by age: "… to my 3 year old?")
_ONES_OWN = re.compile(r"\b(?:my|our|his|her) (?:baby|babies|son|daughter|child|children|kids?|toddler|"
                       r"newborn|husband|wife|partner|mum|mom|dad|father|mother|grandchild|grandson|granddaughter)\b",
                       re.IGNORECASE)
_WITH_AND_WITHOUT = re.compile(r"\bwith (?:and|or) without\b", re.IGNORECASE)
