"""Where a sentence names a disease only in passing — an example or a list item, an exclusion, a comparison, a harm,
what else a drug is used for — rather than speaking about it (``population.Scope.names_topic_in_passing``)."""

from __future__ import annotations

import re

from curbside.answer.feature_tables import FEATURE_LIST

_I = re.IGNORECASE
# where a disease is named only in passing: an example or list item ("coexisting disorders, such as
# … ADHD"), an exclusion ("in the absence of urticaria", "(without obstructive sleep apnea)"), a
# comparison ("similar to those of … appendicitis") or a harm ("… including cough, hyperkalemia")
# … or where a recommendation comes from, or a list of other guidelines to follow ("(this recommendation is from the
# NICE clinical guideline Generalised anxiety disorder …)", "in line with the following NICE guidelines: generalised
# anxiety disorder …"; not "… referral … in line with the NICE guideline Brief interventions and referral for smoking
# cessation", which is advice on smoking cessation)
_PASSING = (r"such as|including|include|includes|e\.g\.|for example|in the absence of|without|other than|similar to|"
            r"rather than|as well as|adverse effects?|side effects?|complications?|"
            r"this recommendation is (?:adapted )?from the (?:nice |sign )?(?:clinical )?guideline|"
            r"in line with the following (?:nice |sign )?(?:clinical )?guidelines")
_IN_PASSING = re.compile(rf"\b(?:{_PASSING}|(?:the )?risks? (?:of|for))\b[^.;:()]*", _I)
# (… but asked how to prevent it, its risk is what prophylaxis is given for: "Primary prophylaxis with a CSF … is
# recommended in patients who have an approximately 20% or higher risk for febrile neutropenia")
_IN_PASSING_PREVENTED = re.compile(rf"\b(?:{_PASSING})\b[^.;:()]*", _I)
# what a drug is (also) used for, said of a drug the sentence is about for another disease ("favipiravir,
# … which was mainly used for the treatment of influenza, … curative effect in treating Ebola virus infection")
_ALSO_USED = re.compile(r"\b(?:which|that) (?:is|was|are|were|has been|have been) (?:\w+ ){0,2}(?:used|approved|"
                        r"licensed|indicated|developed)\b[^.;:()]*?(?=,|$)", _I)
# one item of a list of four or more ("Canagliflozin: balanitis, constipation, …, urinary tract infection
# and vulvovaginal candidiasis"): a list names many things and is about none of them
_ITEM = r"[A-Za-z][\w'/-]*(?: [\w'/-]+){0,3}"
_ENUMERATION = re.compile(rf"{_ITEM}(?:, {_ITEM}){{2,}},? (?:and|or) {_ITEM}", _I)


def without_passing(text: str, *, prevented: bool = False) -> str:
    """``text`` without the phrases that name things in passing and without lists of four or more. ``prevented``: the
    question asks how to prevent its disease, so "the risk of" it is what is spoken about, not in passing."""
    if FEATURE_LIST.match(text):  # one sign among a rare disease's many
        return ""
    return _ENUMERATION.sub(" ", (_IN_PASSING_PREVENTED if prevented else _IN_PASSING).sub(" ", text))


def without_other_uses(text: str) -> str:
    """``text`` without what a drug is also used for ("…, which was mainly used for the treatment of influenza")."""
    return _ALSO_USED.sub(" ", text)

