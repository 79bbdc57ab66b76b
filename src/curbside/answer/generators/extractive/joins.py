"""Sentences that complete the one before them in their passage, joined to it when it is quoted: how or when to do
what it recommends, whom it left unnamed, the patient's own group, or the caution that follows it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from curbside.answer.generators.extractive.candidates import Candidate

# a sentence that says how or when to do what the sentence before it recommends ("Offer Tdap vaccination to
# all women. This is optimally performed at 27 to 36 weeks …"): without it the advice is incomplete
_QUALIFIER = re.compile(r"^(?:this|these|it|they) (?:is|are|should be) (?:optimally|best|ideally|preferably|usually|"
                        r"typically|generally) (?:performed|given|done|administered|started|used|offered|taken)\b",
                        re.IGNORECASE)
# … or names whom or what the sentence before it left unnamed ("Certain people are at higher risk for poor
# outcomes from chronic sarcoidosis. This includes people who have lung scarring …")
_UNNAMED = re.compile(r"^(?:certain|some|several|a (?:number|few) of|a few|other|specific) \w+", re.IGNORECASE)
_NAMES_THEM = re.compile(r"^(?:this|these|they|those) (?:includes?|are|consist of)\b", re.IGNORECASE)
# … or says what else the same thing does ("Antiviral medicines can help them heal faster. They can also help to
# prevent cold sores in people who often get them."): without its subject it cannot stand alone, and it is often
# what was asked
_ALSO = re.compile(r"^(?:this|these|they|it|both) (?:can|may|will|could|should|is|are) also\b", re.IGNORECASE)


def with_its_qualifier(bottom: Candidate, candidates: Sequence[Candidate]) -> Candidate:
    """The bottom line with the next sentence of its passage when that one says how or when to do it,
    or names what it left unnamed."""
    follow = next((c for c in candidates if c.hit.passage.id == bottom.hit.passage.id
                   and c.position == bottom.position + 1
                   and (_QUALIFIER.match(c.text) or _ALSO.match(c.text)
                        or (_UNNAMED.match(bottom.text) and _NAMES_THEM.match(c.text)))),
                  None)
    return _joined(bottom, follow)


OWN_GROUP_REACH = 3  # sentences after the bottom line, in its passage, that may qualify it for the patient's group


def with_own_group(bottom: Candidate, candidates: Sequence[Candidate]) -> Candidate:
    """The bottom line with a sentence of its passage, shortly after it, that qualifies it for a group the patient
    belongs to: "… sodium valproate is the most effective antiepileptic drug." is not the answer for a 19-year-old
    woman without "In women of childbearing age, levetiracetam or lamotrigine may be a reasonable alternative"."""
    follow = next((c for c in candidates if c.hit.passage.id == bottom.hit.passage.id and c.own_group
                   and 0 < c.position - bottom.position <= OWN_GROUP_REACH and not bottom.own_group), None)
    return _joined(bottom, follow)


def _joined(bottom: Candidate, follow: Candidate | None) -> Candidate:
    """The bottom line with the sentence of its passage that completes it, if any."""
    if follow is None:
        return bottom
    return replace(bottom, text=f"{bottom.text} {follow.text}", stems=bottom.stems | follow.stems)


# … or the caution its passage puts right after it ("Over-the-counter medications such as loperamide (Imodium) … may
# help stop diarrhea in adults. However, people with bloody diarrhea … should not use these medications."): quoted
# alone, it is advice the source withholds from some of the people who ask
# (a corpus that lost its dashes — "people with bloody diarrheaa sign of bacterial or parasitic infectionshould not use"
# — hides the warning's words: the contrast it opens with is enough)
_CAVEAT = re.compile(r"^(?:however|but),?\s", re.IGNORECASE)


def with_caveat(c: Candidate, candidates: Sequence[Candidate]) -> Candidate:
    """``c`` with the next sentence of its passage when that one opens "However" or "But": what it qualifies."""
    follow = next((d for d in candidates if d.hit.passage.id == c.hit.passage.id and d.position == c.position + 1
                   and _CAVEAT.match(d.text)), None)
    return _joined(c, follow)
