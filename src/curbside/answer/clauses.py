"""Is a sentence a clause, or a fragment lifted out of a list or a table?

Guideline summaries are full of list items ("Chronic kidney disease stage 4 or 5.", "Aspirin
(not recommended for primary prevention)") and titles ("Erenumab for Preventive Treatment of
Migraine: A Systematic Review"). Quoted alone as a bullet they read as claims they are not, so
the extractive generator only quotes sentences with a finite verb. No tagger is available
offline; a verb lexicon does well enough: the verbs below are the words that follow a modal
("should", "may", "can" …) in the consumer-health and PubMed corpora (MedQuAD, PubMedQA,
SciFact, BioASQ), curated by hand, plus imperatives that guidelines use. A word counts as a verb
in its base form only at the start (an imperative: "Offer …") or after a subject; inflected
forms count anywhere. A sentence without any is a fragment.
"""

from __future__ import annotations

import re
from functools import lru_cache

_BASE = """
be have cause include use help lead occur need develop affect get show result become want make increase
recommend experience spread take receive prevent enter ask vary reduce appear prescribe improve damage pass do
require begin feel play provide give contribute come go involve lower continue find last diagnose form happen
benefit trigger suggest see look raise treat reach perform work talk change range check worsen interfere
control detect build remove order avoid produce identify try slow tell mention depend impair stop keep live
block relieve call grow explain discuss progress start remain allow contact indicate eat notice limit
influence inherit choose learn move follow lose survive function refer harm determine disrupt break delay
consider kill confirm return represent advise put protect save recur present lie drink mean promote test
breathe reveal arise speak carry cure contain listen stay offer induce hear place act bleed weaken respond
create hold run transmit attach consult tolerate leak decide bind assist wear interact know persist differ
measure accumulate restore injure attack cross alter turn watch undergo suffer exhibit pay irritate suspect
serve think regulate adjust seek replace rupture predict examine restrict lessen stimulate die add extend
travel underlie send cut seem support open fail predispose contract cover set absorb facilitate infect focus
gain urinate reverse correct impact teach collect inject exist recover bring cough buy insert modulate
disappear aid monitor understand stretch release contaminate destroy resolve reflect achieve compress review
walk leave participate fill compensate signal harden stand pump ease inhibit press visit overlap read mimic
expand expect flow rule suppress let rise generate proceed prove catch heal deliver maintain face invade
wish spend shrink search address accompany diminish meet react encourage close compare apply speed assess
consume shorten enhance consist manifest minimize share inform perceive push modify burst repair say wait
strike ensure request record obtain prolong feed activate sleep access locate alleviate evaluate describe
recognize recognise sit fall combine pose beat manage qualify aim switch overcome mediate enable enlarge shed
expose quit resemble report evolve convert complicate realize realise hurt digest guide enjoy study draw plan
analyze analyse schedule prefer demonstrate constitute acquire fluctuate pull compromise coexist conduct
distinguish precede exert divide point retain hide narrow inhale exceed drive miss overestimate screen yield
submit derive swell wash metastasize clear rely escape stabilize process repeat regress answer target
differentiate thicken resume relax donate breastfeed handle note enroll wake discover sustain restart weigh
halt judge recall possess ameliorate mitigate link translate confer assign outweigh permit appraise adopt worry
tend propose display colonize colonise merit define validate highlight observe correlate associate warrant emerge
elicit attenuate exacerbate augment elevate
initiate discontinue administer titrate document educate counsel reassure arrange withhold tailor communicate
implement integrate incorporate establish prioritize prioritise utilize utilise optimize optimise individualize
individualise reassess re-evaluate defer postpone omit recheck emphasize emphasise coordinate audit base
undertake exclude ascertain explore agree involve measure supplement encourage offer start stop give tell equal
""".split()
_IRREGULAR = """
is are was were am been being has had does did can could may might must shall should will would cannot
found led made took given gave became began begun grew grown saw seen knew known thought brought kept left
held ran fell fallen rose risen got gotten went gone came told felt met showed shown chose chosen wrote
written lost paid said spent sent built bought won stood understood taken done put set cut hurt spread
underwent undergone sought drew drawn bore borne arose arisen fed bled
""".split()
_NOUN_CONTEXT = frozenset("the a an of for with in on at by from its their his her our your these those "
                          "each every any some all other such no".split())
_PRONOUNS = frozenset("i we you they he she it who which that people".split())
_AUXILIARIES = frozenset("is are was were has had does did can could may might must shall should will would "
                         "cannot".split())
_ADVERBS = frozenset("also often then still not only usually always never sometimes even".split())
_PLURAL = re.compile(r"[^su]s$|ren$")
# base forms that are as often nouns ("the use", "a test"): verbs only after a plural or a pronoun
_AMBIGUOUS = frozenset("""
use test order form range change work control study report record plan support review screen target link
note point access cough bleed function process result cause need help lead experience damage benefit trigger
check progress block contact limit influence return present cure place act hold run attack turn watch pay
rule release walk face wish search address speed push repair request sleep beat aim switch guide draw
schedule answer handle halt judge recall supplement measure document audit base focus cut set fill signal
pump press visit overlap flow rise catch close spread harm cover impact aid stretch compress drink rest
wash leak shed sit lie stand fall break strike feed rupture show look call move live love order equal
""".split())
# past participles that, right after a noun and before a preposition, modify it (a title's "X associated
# with Y") rather than make a clause; a sentence with another verb is still a clause
_REDUCED_RELATIVE = frozenset("associated related caused induced treated based compared used given defined "
                              "characterized characterised mediated linked combined".split())
_RELATIVE_NEXT = frozenset("with by to in for from as among during".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[,;:]")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _inflections(base: str) -> set[str]:
    out = {base + "s", base + "d" if base.endswith("e") else base + "ed"}
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "o", "u"):
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(base + "es")
    if len(base) > 2 and base[-1] in "bdglmnprt" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        out.add(base + base[-1] + "ed")  # stop → stopped, refer → referred
    return out


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(base forms, forms that are verbs anywhere)."""
    anywhere = set(_IRREGULAR)
    for base in _BASE:
        anywhere |= _inflections(base)
    return frozenset(_BASE), frozenset(anywhere)


def is_verb(word: str) -> bool:
    """``word`` is (also) a verb form in the lexicon ("Is", "recommend", "causes")."""
    base, anywhere = _lexicon()
    return word.lower() in base or word.lower() in anywhere


def is_clause(sentence: str) -> bool:
    """The sentence (outside parentheses) has a finite verb or is an imperative."""
    text = _PARENS.sub(" ", sentence)
    words = [w.lower().removeprefix("re-") for w in _WORD.findall(text)]
    if not words:
        return False
    base, anywhere = _lexicon()
    if (words[0] in base and words[1:2] != ["of"]) or words[0] in ("do", "don't", "never", "please"):
        return True  # an imperative: "Offer …", "Do not …" (not "Use of emergency care …")
    for i, (previous, word) in enumerate(zip(words, words[1:], strict=False)):
        if word in _AUXILIARIES:  # "These are …": never a noun, whatever comes before
            return True
        if previous in _NOUN_CONTEXT:  # "the use of", "of screening tests": nouns, not verbs
            continue
        if word in _REDUCED_RELATIVE and words[i + 2: i + 3] and words[i + 2] in _RELATIVE_NEXT:
            continue  # "… anxiety disorder associated with depressive symptoms": a noun's modifier
        if previous.endswith("ly") and i > 0 and words[i - 1] in _NOUN_CONTEXT and words[i + 2: i + 3]:
            continue  # "… of secondarily infected traumatic lesions": an adjective
        if word in anywhere or "n't" in word or (word.endswith("ed") and len(word) > 4):
            return True
        if word not in base:
            continue
        # a base form after a plural subject, a pronoun or an adverb ("Many clinicians use …",
        # "they have …", "clearly outweigh"), or an imperative after an opening phrase ("…, turn the")
        if (previous in _PRONOUNS or _PLURAL.search(previous) or previous.endswith("ly") or previous in _ADVERBS
                or previous in (",", ";", ":") or word not in _AMBIGUOUS):
            return True
    return False


ITEM_SEPARATORS = 3  # "; " this many times: a list's items joined to the line that introduced them


def item_list(text: str) -> bool:
    """``text`` is a list read as one sentence ("… should seek further advice if the child has a fit; the child
    develops a non-blanching rash; …", ``layout.segments``): its items depend on its opening, so it is not split into
    sentences of their own, and it reads as short sentences, one item at a time."""
    return text.count("; ") >= ITEM_SEPARATORS
