"""Parts of a several-part question that an answer's sentences do not mention.

"… Which contacts need chemoprophylaxis, and what drug and dose should they get?" answered with a sentence
on treating the child leaves its first part unanswered, and the reader should be told rather than left to
notice. A part is *unmentioned* when none of its own words — other than the words that frame a question
("what", "dose", "should", "how long") and conversational ones — appears in any sentence
of the answer, in any wording the synonyms know. It is a statement about the answer's words, not a judgement
of its meaning: the notice says which parts the sentences do not mention and that the evidence found may not
answer them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from curbside.answer.lead_cues import SCOPE_SECTION
from curbside.answer.synonyms import mentioned
from curbside.answer.terms import CHATTER, TermStats
from curbside.answer.text import content_stems, stem, tokenize
from curbside.answer.vignette import case_of, is_setting, part_texts
from curbside.records import Audience, Bullet, Hit, SafetyNotice
from curbside.sentences import sentences

# words that frame what a part asks rather than name it ("what drug and dose", "how soon should it start",
# "which agents", "is there a role for …"; function words are already left out by ``content_stems``)
_FRAME = frozenset(stem(w) for w in """next step steps add added adding first line option options choice choices
manage managed management approach start started starting stop stopping give given recommend recommended
recommendation need needed needs treat treated treatment treatments therapy therapies dose doses dosing long
often soon initial setting settings right safe safely still now usual usually way ways plan kind type types work dosed
works help helps offer offered choose check checked order ordered get gets take taking tell come comes go make
think because enough decide involve involves include includes role drug drugs agent agents medication
medications medicine medicines people patient patients later year years time instead increase increases decrease
decreases affect affects necessary necessarily happen happens happened place exceed exceeding maximum
likely probable diagnosis diagnoses mean means meant taken""".split())
# ("What is the most likely diagnosis?": answered by naming one; "what colony count means …", "when should the sample be
# taken": the count and the sample are asked)
PART_SAID = 0.5  # share of what a part asks (by weight) a passage or sentence must name to speak to it
# why a part asks what it asks ("… what daily dose should I try not to exceed given the risk of extrapyramidal side
# effects and akathisia?"): the reason, not what is asked
_REASON = re.compile(r"\b(?:given|because of|due to|in view of|considering|in light of)\b.*$", re.IGNORECASE)


def own_words(question: str) -> list[tuple[str, list[str], set[str]]]:
    """For each part of a several-part question (none for a question of one part): its text, its words (chatter
    aside) and the stems of what it asks of its own — not the words that frame a question, and not what the case or
    another part says too: "… does she need vitamin K late in pregnancy …, and can she breastfeed on lamotrigine?"
    about a pregnant woman on lamotrigine asks about vitamin K and breastfeeding."""
    parts = part_texts(question)
    case = set(content_stems(case_of(question)))
    every = [set(content_stems(part)) for part in parts]
    out = []
    for i, part in enumerate(parts):
        if is_setting(part):  # ("In a patient this age, do a normal white count …?": its setting is no part to answer)
            continue
        words = [t for t in tokenize(_REASON.sub("", part) or part) if t not in CHATTER]
        asked = ({stem(t) for t in words} & every[i]) - _FRAME
        if asked:  # (nothing of its own to look for: "how soon should it start?")
            others = case.union(*(stems for j, stems in enumerate(every) if j != i))
            out.append((part, words, (asked - others) or asked))
    return out


def part_share(words: list[str], asked: set[str], stems: set[str] | frozenset[str],
               weights: Mapping[str, float]) -> float:
    """The share of what a part asks of its own (``asked``; ``words``: the part's words), weighed by the question's term
    ``weights``, that ``stems`` name in any wording the synonyms know."""
    total = sum(weights.get(s, 1.0) for s in asked)
    return sum(weights.get(s, 1.0) for s in mentioned(words, stems) & asked) / total if total else 0.0


def unmentioned_parts(question: str, bullets: Sequence[Bullet]) -> list[str]:
    """The parts of ``question`` (several-part questions only) none of whose own words the bullets mention."""
    said: set[str] = set()
    for bullet in bullets:
        said |= set(content_stems(bullet.text))
    return [part.rstrip("?. ") for part, words, asked in own_words(question) if not mentioned(words, said) & asked]


def gaps_notice(question: str, bullets: Sequence[Bullet], audience: Audience) -> SafetyNotice | None:
    """A notice naming the parts of the question the answer does not mention (None when there are none)."""
    parts = unmentioned_parts(question, bullets)
    if not parts:
        return None
    quoted = "; ".join(f"“{p}”" for p in parts)
    it = "it" if len(parts) == 1 else "them"
    if audience is Audience.PATIENT:
        return SafetyNotice("gaps", f"This answer does not cover part of what you asked: {quoted}. Ask your doctor, "
                                    f"nurse or pharmacist about {it}.")
    return SafetyNotice("gaps", f"The sentences below do not mention part of the question: {quoted}. The evidence "
                                f"found may not answer {it}; check other sources.")


def part_passages(ranked: Sequence[Hit], kept: Sequence[Hit], question: str, stats: TermStats,
                  weights: Mapping[str, float]) -> list[Hit]:
    """For each part of a several-part question that the leading document's kept passages do not speak to
    (``own_words``), the first of its other passages in ``ranked`` that names at least half of what the part asks
    of its own (by the terms' ``weights``): "Is lenalidomide the next step …, and should I start iron chelation?" keeps
    BSH's passage on chelation beside its three on lenalidomide, which would otherwise fill the guideline's places (a
    sickle cell guideline's chelation passage answers for another disease)."""
    if not kept:
        return []
    leading = kept[0].document.id
    have = {h.passage.id for h in kept}
    # (a guideline summary's scope fields name what it covers and answer no part: "Interventions and practices
    # considered: - Target blood glucose goals - Criteria for defining hypoglycemia …" is not A.S.P.E.N.'s target of
    # 140–180 mg/dL)
    own = [h for h in kept if h.document.id == leading and not SCOPE_SECTION.search(h.passage.section)]
    out: list[Hit] = []
    for _part, words, asked in own_words(question):
        if any(_says(h, words, asked, stats, weights) for h in [*own, *out]):
            continue
        found = next((h for h in ranked if h.document.id == leading and h.passage.id not in have
                      and _says(h, words, asked, stats, weights)), None)
        if found is not None:
            out.append(found)
            have.add(found.passage.id)
    return out


def _says(hit: Hit, words: list[str], asked: set[str], stats: TermStats, weights: Mapping[str, float]) -> bool:
    """``hit`` names at least half of what a part asks of its own (``asked``, weighed by ``weights``; ``words``: the
    part's words) in what it says, not in the questions it puts. For "… does a 360-degree fusion give better results
    than a posterolateral fusion …?" neither NASS's "How do outcomes … compare with those for 360° fusion …?" (a
    question) nor its "… lead to comparable clinical outcomes …" on pedicle screws (better results, not 360°) says it;
    its next passage does."""
    said = sentences(hit.passage.text)
    stated = [s for s in said if not s.rstrip().endswith("?")]
    stems = (stats.stems_of(hit) if len(stated) == len(said)
             else set(content_stems(" ".join([hit.document.title, hit.passage.section, *stated]))))
    return part_share(words, asked, stems, weights) >= PART_SAID


__all__ = ["gaps_notice", "own_words", "PART_SAID", "part_passages", "part_share", "unmentioned_parts"]
