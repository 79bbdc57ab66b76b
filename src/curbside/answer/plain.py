"""Plain words for patients: common medical terms glossed with everyday words that mean exactly
the same thing — "high blood pressure (hypertension)".

The source's own term stays, in brackets, so the sentence still says what its source says and
a reader can look the term up. Only the first mention in a sentence is glossed, never a term
qualified into another condition ("pulmonary hypertension" is not high blood pressure, "herpes
zoster oticus" is not shingles in general), never
one already explained, and a glossed draft bullet must still pass citation verification against
the passages it cites, or it keeps its original wording.

``gloss_draft`` is the patient step of the extractive generator: it first drops the asides that
serve specialists and splits semicolon-joined clauses (``simplify.py``), then glosses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from curbside.answer import verify
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.simplify import simplify_draft
from curbside.records import Hit

# term (its spelling variants separated by "|") → plain words with the same meaning
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("hypertension", "high blood pressure"),
    ("hypotension", "low blood pressure"),
    ("hyperglycemia|hyperglycaemia", "high blood sugar"),
    ("hypoglycemia|hypoglycaemia", "low blood sugar"),
    ("hypercholesterolemia|hypercholesterolaemia", "high cholesterol"),
    ("myocardial infarction", "heart attack"),
    ("cerebrovascular accident", "stroke"),
    ("dyspnea|dyspnoea", "shortness of breath"),
    ("dysphagia", "trouble swallowing"),
    ("pruritus", "itching"),
    ("edema|oedema", "swelling"),
    ("emesis", "vomiting"),
    ("syncope", "fainting"),
    ("pyrexia", "fever"),
    ("myalgia", "muscle pain"),
    ("arthralgia", "joint pain"),
    ("tachycardia", "fast heart rate"),
    ("bradycardia", "slow heart rate"),
    ("epistaxis", "nosebleed"),
    ("rhinorrhea|rhinorrhoea", "runny nose"),
    ("alopecia", "hair loss"),
    ("insomnia", "trouble sleeping"),
    ("hematuria|haematuria", "blood in the urine"),
    ("hemorrhage|haemorrhage", "bleeding"),
    ("analgesics", "pain relievers"),
    ("antipyretics", "fever reducers"),
    ("anticoagulants", "blood thinners"),
    ("renal failure", "kidney failure"),
    ("renal disease", "kidney disease"),
    ("hepatic failure", "liver failure"),
    ("nephrolithiasis", "kidney stones"),
    ("cholelithiasis", "gallstones"),
    ("otitis media", "middle ear infection"),
    ("pharyngitis", "sore throat"),
    ("conjunctivitis", "pink eye"),
    ("urticaria", "hives"),
    ("varicella", "chickenpox"),
    ("herpes zoster", "shingles"),
    ("hyperthyroidism", "overactive thyroid"),
    ("hypothyroidism", "underactive thyroid"),
    ("pulmonary embolism", "blood clot in the lung"),
    ("prophylaxis", "preventive treatment"),
    ("contraception", "birth control"),
)
# a modifier before the term makes it another condition ("portal hypertension", "orthostatic
# hypotension", "macular edema", "subarachnoid hemorrhage"): adjectival endings and a few words
_QUALIFIED = re.compile(r"(?:al|ar|ic|ary|ous|oid|ile|ine|ed)$|^(?:portal|white-coat|malignant|essential|"
                        r"primary|secondary|isolated|resistant|masked|ocular|lung|brain|eye|macular|retinal)$",
                        re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w-]+)\s*$")
# … and so does a Latin qualifier after it ("herpes zoster oticus" is not shingles in general), or the word that makes
# it part of a syndrome's name ("loin pain hematuria syndrome")
_LATIN_AFTER = re.compile(r"^\s+(?:[a-z]{3,}(?:us|is|ae|um)|syndromes?|diseases?|disorders?)\b")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<![\w-])(?:{term})(?![\w-])", re.IGNORECASE), plain) for term, plain in GLOSSARY)


def gloss(text: str) -> str:
    """``text`` with the first mention of each glossary term explained in plain words."""
    for pattern, plain in _patterns():
        if plain.lower() in text.lower():
            continue  # already in plain words
        for m in pattern.finditer(text):
            before = text[:m.start()]
            word = _WORD_BEFORE.search(before)
            if ((word and _QUALIFIED.search(word.group(1)) and not before.rstrip().endswith((",", ";", ":")))
                    or _LATIN_AFTER.match(text[m.end():])):
                break  # qualified into another condition: leave this sentence's term alone
            if before.count("(") > before.count(")") or text[m.end():].lstrip().startswith("("):
                break  # inside brackets, or already explained in brackets
            sentence_start = not before.strip() or before.rstrip().endswith((".", "!", "?", ":"))
            words = plain[0].upper() + plain[1:] if sentence_start else plain
            term = m.group(0)
            if sentence_start and term[0].isupper() and not term.isupper():
                term = term[0].lower() + term[1:]
            text = f"{text[:m.start()]}{words} ({term}){text[m.end():]}"
            break
    return text


def _bullet(bullet: DraftBullet, evidence: Sequence[Hit]) -> DraftBullet:
    glossed = gloss(bullet.text)
    if glossed == bullet.text:
        return bullet
    passages = [evidence[i - 1].passage.text for i in bullet.evidence if 1 <= i <= len(evidence)]
    if not passages or not verify.check(glossed, passages).supported:
        return bullet
    return replace(bullet, text=glossed)


def gloss_draft(draft: Draft, evidence: Sequence[Hit], question: str = "") -> Draft:
    """Every bullet of ``draft`` simplified (``simplify.simplify_draft``; ``question`` keeps the
    definitions of abbreviations it uses) and glossed, each only where it still verifies against
    its cited passages. Simplified first: a term already explained in brackets is not glossed,
    and the bracket may be an abbreviation that goes ("myocardial infarction (MI)")."""
    draft = simplify_draft(draft, evidence, question)
    return replace(
        draft,
        bottom_line=_bullet(draft.bottom_line, evidence) if draft.bottom_line.text else draft.bottom_line,
        sections=tuple(DraftSection(s.title, tuple(_bullet(b, evidence) for b in s.bullets)) for s in draft.sections),
        pitfalls=tuple(_bullet(b, evidence) for b in draft.pitfalls),
        escalation=tuple(_bullet(b, evidence) for b in draft.escalation),
    )
