"""Yes/no verdicts from the leading studies' conclusions, honest about uncertainty.

A study answers a yes/no question in its conclusion, so the verdict rests on the conclusion
sentences of the leading evidence documents (``conclusions.py`` makes sure they are in the
evidence). Each document's conclusion is read by a small trained model (``verdict_model``:
named cues such as negative findings, similarity read against the question's framing and hedges)
into P(yes), P(no), P(uncertain); documents about as relevant as the first are combined by rank.
The model's own *uncertain* class rarely wins (PubMedQA's "maybe" is not separable by such cues),
so *uncertain* comes from what a reader would call undecided: a conclusion that says it cannot
decide, or leading studies that answer oppositely. Without any conclusion section (guidelines,
snippets) the most relevant conclusion-like sentences stand in. Evidence led by guidelines is read by a vote of their
recommendations first (``guideline_vote.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from curbside.answer.conclusions import CONCLUSION_SECTION
from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import Candidate
from curbside.answer.generators.extractive.guideline_vote import (
    CANNOT_SAY,
    INSUFFICIENT_EVIDENCE,
    ONLY_SOME,
    ONLY_SOME_PATIENTS,
    OWN_MIN,
    SCREENING,
    SUBJECT_OWN_MIN,
    for_risk,
    guideline_verdict,
    names_subject,
    risk_levels,
)
from curbside.answer.generators.extractive.verdict_cues import (
    UNDECIDED,
    UNIVERSAL_CLAIM,
    UNIVERSAL_FINDING,
    names_label,
    opposite_terms,
    other_label,
    raises_harm,
    sentence_polarity,
)
from curbside.answer.generators.extractive.verdict_model import VerdictModel, load
from curbside.answer.generators.extractive.verdict_result import CLASSES, VerdictResult
from curbside.answer.population import Scope
from curbside.answer.text import content_stems
from curbside.answer.themes import ASKS_ABOUT
from curbside.answer.vignette import asked_subject, asking
from curbside.records import Kind, Verdict

MAX_DOCUMENTS = 3  # leading documents whose conclusions are read
MAX_SENTENCES = 6  # … at most this many sentences each
RANK_DECAY = 1.5  # weight of a counted document at rank r (0-based): relevance / (1 + RANK_DECAY · r)
MIN_RELEVANCE = 0.8  # a later document counts when its conclusion is about as relevant as the first's
CONFLICT = 0.6  # two counted documents each this sure of opposite answers → uncertain
LEAN_MIN = 0.05  # |P(yes) − P(no)| below this: the evidence leans neither way → uncertain
CLOSEST = 0.9  # sentences at least this share of the best relevance are what the evidence says to the question
__all__ = ["Basis", "VerdictResult", "bases", "decide", "rejects", "sentence_polarity", "show_basis", "weigh"]


@dataclass(frozen=True, slots=True)
class Basis:
    """The sentences of one document a verdict reads, in reading order."""

    texts: tuple[str, ...]
    evidence: tuple[int, ...]  # evidence numbers they come from
    conclusion: bool  # from a conclusion section (else the best conclusion-like sentences)
    relevance: float  # best question-term coverage among them


def _basis(sentences: Sequence[Candidate], conclusion: bool) -> Basis:
    chosen = sorted(sentences, key=lambda c: (c.evidence, c.position))[:MAX_SENTENCES]
    return Basis(tuple(c.text for c in chosen), tuple(dict.fromkeys(c.evidence for c in chosen)), conclusion,
                 max(c.relevance for c in chosen))


def bases(candidates: Sequence[Candidate]) -> list[Basis]:
    """One basis per leading document that has a conclusion section (at most ``MAX_DOCUMENTS``,
    evidence order); else one basis of the most relevant conclusion-like sentences."""
    ordered = sorted(candidates, key=lambda c: (c.evidence, c.position))
    documents = list(dict.fromkeys(c.hit.document.id for c in ordered))[:MAX_DOCUMENTS]
    out = []
    for doc_id in documents:
        found = [c for c in ordered if c.hit.document.id == doc_id and CONCLUSION_SECTION.search(c.section)]
        if found:
            out.append(_basis(found, conclusion=True))
    if out or not candidates:
        return out
    best = max(c.relevance for c in candidates)
    pool = [c for c in candidates if c.conclusion and c.relevance >= 0.5 * best and not c.method]
    # (what a document on another disease concludes does not answer for the question's own, when one on it concludes
    # or recommends: EAACI's food-allergy "Determination of total IgE is particularly useful in patients with severe
    # eczema" is no yes to IgE for atopic dermatitis beside AAD's "Monitoring of immunoglobulin E levels is not
    # recommended …")
    if pool and all(c.drift for c in pool):
        pool = [c for c in candidates if not c.drift and (c.conclusion or c.recommendation) and not c.method
                and c.relevance >= 0.5 * best] or pool
    return [_basis(pool or sorted(candidates, key=lambda c: c.score, reverse=True)[:3], conclusion=False)]


def weigh(question: str, found: Sequence[Basis], model: VerdictModel) -> VerdictResult:
    """Rank-weighted mean of the documents' probabilities; opposite confident answers from the
    counted documents make it uncertain."""
    if not found:
        return VerdictResult(Verdict.UNCERTAIN, 0.0, 1.0, (), note="no evidence sentence to read")
    first = found[0].relevance or 1.0
    counted = [b for i, b in enumerate(found) if i == 0 or b.relevance >= MIN_RELEVANCE * first]
    per_doc = [model.probabilities(model.features(question, b.texts)) for b in counted]
    weights = [(b.relevance or 1.0) / (1 + RANK_DECAY * i) for i, b in enumerate(counted)]
    probs = [sum(w * p[k] for w, p in zip(weights, per_doc, strict=True)) / sum(weights) for k in range(3)]
    note = ""
    if found[0].conclusion and UNDECIDED.search(found[0].texts[0]):
        note = "the leading study's conclusion is undecided"
    elif any(p[0] >= CONFLICT for p in per_doc) and any(p[1] >= CONFLICT for p in per_doc):
        note = "the leading studies conclude differently"
    if not note and abs(probs[0] - probs[1]) < LEAN_MIN:
        # a coin flip between yes and no is not an answer: "aspirin for primary prevention" read
        # P(yes) − P(no) = −0.01 from a USPSTF recommendation that says yes for some ages and no for others
        note = "the evidence leans neither way"
    best = 2 if note else max(range(3), key=lambda k: probs[k])
    features = model.features(question, found[0].texts)
    cues = tuple(name for name, push in model.contributions(features, best)[:3] if push > 0)
    basis = tuple(dict.fromkeys(n for b in counted for n in b.evidence))
    return VerdictResult(CLASSES[best], probs[0] - probs[1], probs[2], basis, cues, note, found[0].texts)


def show_basis(chosen: Plan, candidates: Sequence[Candidate], result: VerdictResult) -> None:
    """Make the answer show what the verdict rests on: when neither the bottom line nor a body
    bullet comes from the deciding document's conclusion, its first sentence leads the body."""
    shown = (chosen.bottom, *chosen.body, *chosen.pitfalls, *chosen.escalation)
    if not result.deciding or any(c.text in result.deciding for c in shown):
        return
    sentence = next((c for c in candidates if c.text == result.deciding[0]), None)
    if sentence is not None:
        chosen.body.insert(0, sentence)


# a question about what someone may do ("Can I take …", "Is it safe to …"): a yes must rest on advice
_PERSONAL = re.compile(r"\b(?:can|could|should|may|must) (?:i|we|you|he|she|they|my \w+)\b|\bis it (?:ok|okay|safe|"
                       r"dangerous|bad)\b", re.IGNORECASE)
# whether to use a treatment in a patient ("Can rasburicase be used to treat …", "Should I start a statin …")
_USE = re.compile(r"^\W*(?:can|could|should|may|must)\b[^?]*\b(?:be (?:used|given|prescribed|offered|started|"
                  r"continued|administered|transfused)|use|give|start|prescribe|transfuse|treat|take)\b", re.IGNORECASE)
# … or whether one needs it ("Do they honestly need helmets?")
_NEED = re.compile(r"\b(?:do|does) (?:my \w+|\w+)(?: \w+ly)? (?:really |still )?need\b", re.IGNORECASE)
# a question whether to stop a treatment ("Can I just stop taking it?") is answered by what is said of stopping it or of
# how long to keep it up, not by a recommendation to use it
# (not what a treatment is to stop: "… should I start mesalamine to stop it coming back?")
_STOPPING = re.compile(r"\b(?:stop|stopping|stopped|come off|coming off|discontinue|discontinued|quit|taper|wean)\b"
                       r"(?!\s+(?:\w+\s+){0,2}?(?:from\b|coming back|recurring|returning|happening|spreading|"
                       r"getting worse))", re.IGNORECASE)
# a question about doing something on the day itself ("Should a beta-blocker be started on the morning of surgery?"),
# or at once ("Can a new central venous catheter be inserted straight away …?")
_SAME_DAY = re.compile(r"\bon the (?:morning|day|night|evening) of\b|\bthe same day\b|"
                      r"\bimmediately (?:before|prior to)\b|\b(?:straight|right) away\b", re.IGNORECASE)


_SET_AGAINST = re.compile(r"\b(?:rather than|instead of|as opposed to)\b[^?]*", re.IGNORECASE)


def rejects(question: str, candidates: Sequence[Candidate], result: VerdictResult) -> VerdictResult:
    """A yes turned no when the sentences closest to the question contradict its claim: they say the
    opposite of it about the same thing, or name only another of the kind it asks about ("type 2"
    for "type 1 diabetes"), or the question claims a universal ("only", "never", "the same") they do
    not affirm. The conclusion model sees none of these (there is no negation to read, and it reads
    the conclusion, not the claim), so a question built on a false premise read yes."""
    if result.verdict is not Verdict.YES or not candidates:
        return result
    best = max(c.relevance for c in candidates)
    closest = sorted((c for c in candidates if c.relevance >= CLOSEST * best), key=lambda c: (c.evidence, c.position))
    # (another label counts against only when the yes does not rest first on a sentence that names the question's own:
    # "There is insufficient evidence … botulinum toxin B …" does not contradict "… botulinum toxin A (BoNT-A) should be
    # offered …"; "Hemochromatosis type 1 is inherited in an autosomal recessive manner" does contradict a yes to
    # "Is hemochromatosis type 4 caused by a mutation in a recessive gene?")
    own_label = bool(result.deciding) and names_label(question, result.deciding[0])
    # (nor does whom a guideline is for: "Pregnant women and people with health conditions where weight loss is
    # inappropriate are excluded" says "loss" where the question says "gain", of something else)
    opposed = next(((c, pair) for c in closest if not _WHOM_FOR.search(c.text)
                    and (pair := opposite_terms(question, c.text)
                         or (None if own_label else other_label(question, c.text)))), None)
    if opposed is not None:
        c, (said, opposite) = opposed
        return VerdictResult(Verdict.NO, -abs(result.polarity), result.hedge, (c.evidence,),
                             (f"evidence says {opposite!r} where the question says {said!r}",), "", (c.text,))
    # (a finding that doing it raises a harm answers whether to do it: no)
    if (harmed := next((c for c in closest if raises_harm(question, c.text)), None)) is not None:
        return VerdictResult(Verdict.NO, -abs(result.polarity), result.hedge, (harmed.evidence,),
                             ("evidence finds that doing it raises a harm",), "", (harmed.text,))
    # (not the "only" of the course the question sets its own against: "… to every pregnant patient … rather than only
    # to women who start pregnancy with obesity?" claims no universal)
    claim = _SET_AGAINST.sub(" ", question)
    if UNIVERSAL_CLAIM.search(claim) and not any(UNIVERSAL_FINDING.search(c.text) for c in closest):
        return VerdictResult(Verdict.NO, -abs(result.polarity), result.hedge, result.basis,
                             ("a universal claim the evidence does not affirm",), "", result.deciding)
    return result


def decide(question: str, candidates: Sequence[Candidate], model: VerdictModel | None = None) -> VerdictResult:
    """Verdict from guideline (or consumer-health) recommendations that name what is asked, else
    from the leading studies' conclusions (uncertain without any evidence sentence); a yes the
    closest evidence contradicts is a no (``rejects``). A question whether to avoid or stop
    something is answered as the opposite of whether to use or continue it."""
    if (avoid := _ASKS_AVOIDANCE.search(question)) is not None:
        verb = avoid.group("verb")
        positive = f"{question[:avoid.start('verb')]}{_OPPOSITE[verb.lower()]}{question[avoid.end('verb'):]}"
        result = rejects(positive, candidates, _decide(positive, candidates, model, cautious=False))
        flipped = {Verdict.YES: Verdict.NO, Verdict.NO: Verdict.YES}.get(result.verdict, result.verdict)
        return replace(result, verdict=flipped, polarity=-result.polarity)
    return rejects(question, candidates, _decide(question, candidates, model))


# "Should cardioselective beta-blockers be avoided in COPD?": the evidence says whether they can be
# used ("… can be used with precaution …"), which answers the question the other way round (not "… to
# avoid transfusion": a purpose)
# (… where a case is told first: "My patient takes ibuprofen … – should she stop it beforehand …?")
_ASKS_AVOIDANCE = re.compile(r"(?:^|[–—;:]\s*|[.?]\s+)(?:should|must|is it (?:necessary|advisable|better) to)\b[^?]*?\b"
                             r"(?P<verb>be avoided|be withheld|be stopped|be discontinued|"
                             r"(?<!to )(?:avoid|withhold|stop|discontinue))\b", re.IGNORECASE)
_OPPOSITE = {"be avoided": "be used", "be withheld": "be given", "be stopped": "be continued",
             "be discontinued": "be continued", "avoid": "use", "withhold": "give", "stop": "continue",
             "discontinue": "continue"}


# a guideline leads the evidence and recommends nothing on what was asked: it says neither yes nor no
_CONSUMER_ONLY = VerdictResult(Verdict.UNCERTAIN, 0.0, 1.0, (), ("consumer pages only",),
                               "only consumer health pages speak to it; no guideline in the knowledge base does")
# a question whether something is recommended ("Is graded exercise therapy recommended for …?")
_ASKS_RECOMMENDED = re.compile(r"\b(?:recommended|indicated|advised|advisable|first[- ]line|standard of care)\b",
                               re.IGNORECASE)
_NO_RECOMMENDATION = VerdictResult(Verdict.UNCERTAIN, 0.0, 1.0, (), ("guideline without a recommendation",),
                                   "the guideline found does not say yes or no")


# whom a guideline's recommendations are for ("These recommendations apply to asymptomatic women aged 40 years or older
# who …"), which says nothing for or against what they recommend
_APPLIES = re.compile(r"\b(?:recommendations?|statements?|guidelines?|guidance)\s+(?:applies|apply)\s+to\b",
                      re.IGNORECASE)
# … or whom it leaves out ("Pregnant women and people with health conditions where weight loss is inappropriate are
# excluded")
_WHOM_FOR = re.compile(rf"{_APPLIES.pattern}|\b(?:are|is) (?:excluded|not included)\b|\b(?:does|do) not apply to\b",
                       re.IGNORECASE)


_CONTRAINDICATION = re.compile(r"^(?:absolute |relative )?contraindications? (?:to|for)\b", re.IGNORECASE)
CONTRAINDICATED = "the guideline lists the patient's condition as a contraindication"


def _not_only_pages(question: str, candidates: Sequence[Candidate], result: VerdictResult) -> VerdictResult:
    """Whether something is recommended is a guideline's to say: a yes or no read from health pages alone ("Graded
    exercise therapy can be beneficial …", on a page that clinical guidance has since overtaken) is uncertain."""
    if result.verdict is Verdict.UNCERTAIN or not result.basis or not _ASKS_RECOMMENDED.search(question):
        return result
    if all(c.hit.document.kind is Kind.CONSUMER for c in candidates if c.evidence in result.basis):
        return _CONSUMER_ONLY
    return result


def _subject(question: str) -> tuple[tuple[str, ...], float]:
    """What a yes/no question asks about, and the share of the question a recommendation naming it must name to vote:
    its last clause's own medical words in a several-part question (``asked_subject``), at the lower share, else what it
    asks is effective, used or recommended ("Should medication be used to treat attachment difficulties …?":
    medication, which "Do not treat attachment difficulties with pharmacological interventions" names), at the share
    every recommendation needs (a neuropathic-pain "… gabapentinoid …" sentence is no answer on gabapentin for pelvic
    pain)."""
    if subject := asked_subject(question):
        return subject, SUBJECT_OWN_MIN
    m = ASKS_ABOUT.search(question)
    return (tuple(m.group("subject").split()) if m else ()), OWN_MIN


# testing where the disease is suspected, which is no screening ("When healthcare professionals request serological
# tests to investigate suspected coeliac disease …, laboratories should: …")
_SUSPECTED = re.compile(r"\b(?:suspected|suspicion of|to investigate|symptoms of)\b", re.IGNORECASE)


def background_only(deciding: Sequence[Candidate]) -> bool:
    """The sentences a reading rests on are a guideline's background, not its recommendations — on the topic: a
    recommendation on another ("CTA neck … for penetrating neck injury") answers nothing."""
    topical = [c for c in deciding if c.on_topic] or deciding
    return all(c.hit.document.kind is Kind.GUIDELINE and not c.recommendation for c in topical)


def _decide(question: str, candidates: Sequence[Candidate], model: VerdictModel | None = None,
            cautious: bool = True) -> VerdictResult:
    found = bases(candidates)
    leading = min(candidates, key=lambda c: c.evidence).hit.document.kind if candidates else None
    screening = bool(SCREENING.search(asking(question)))
    # guidelines weigh the evidence, one study's conclusion does not — but a question framed on a
    # study (its own best match) is answered by that study's conclusion
    if leading in (Kind.GUIDELINE, Kind.CONSUMER) or not any(b.conclusion for b in found):
        # led by research snippets without a conclusion section, only a guideline outranks them:
        # a consumer page's advice does not answer "Is hemoglobin antimicrobial?"
        kinds = (Kind.GUIDELINE, Kind.CONSUMER) if leading in (Kind.GUIDELINE, Kind.CONSUMER) else (Kind.GUIDELINE,)
        scope = Scope.of(question)
        stopping = bool(_STOPPING.search(asking(question)))
        asked_about, floor = _subject(question)
        from_guideline = guideline_verdict(candidates, kinds, scope.families, bool(scope.topics),
                                           frozenset(content_stems(question)), risk_levels(question), stopping,
                                           bool(_SAME_DAY.search(question)), asked_about,
                                           screening, question, floor)
        if from_guideline is not None:
            return _not_only_pages(question, candidates, from_guideline)
        if (stopping or _SAME_DAY.search(question)) and leading is Kind.GUIDELINE:
            # a guideline that says nothing on stopping does not say whether to stop ("In this case sertraline …
            # are the recommended second-line treatments" read as a study had said yes to "Can I just stop taking it?"),
            # nor one that says nothing of when whether to do it on the day ("Initiation of beta-blocker therapy should
            # be considered in all patients undergoing intermediate-risk surgery with CAD …" had said yes to starting
            # one on the morning of surgery; the protocol says one to two weeks before)
            return _NO_RECOMMENDATION
        if leading is Kind.CONSUMER and _PERSONAL.search(question):
            # a consumer page that leads but recommends nothing on what was asked is not a study
            # conclusion: reading it as one turned "Ibuprofen and naproxen are NSAIDs …" into a yes to
            # "Can I take ibuprofen with high blood pressure?" (factual questions keep the model: on
            # BioASQ it reads such pages right more often than not)
            return VerdictResult(Verdict.UNCERTAIN, 0.0, 1.0, (), ("consumer pages without a recommendation",),
                                 "the health pages found do not say yes or no")
    result = _not_only_pages(question, candidates, weigh(question, found, model or load()))
    asked_about = _subject(question)[0]
    if (leading is Kind.CONSUMER and asked_about and result.verdict is not Verdict.UNCERTAIN
            and not any(names_subject(text, asked_about) for text in result.deciding)):
        # a health page's sentence that does not speak of what was asked decides nothing about it ("Scientists don't
        # yet understand what causes SPS …" had read as a no to trying intravenous immunoglobulin)
        return VerdictResult(Verdict.UNCERTAIN, 0.0, 1.0, (), ("consumer pages not on the subject",),
                             "the health pages' sentences read do not speak of what was asked")
    said = [text for text in result.deciding if not _APPLIES.search(text)]
    if (result.verdict is not Verdict.UNCERTAIN and leading is Kind.GUIDELINE and said
            and all(CANNOT_SAY.search(text) and for_risk(text, risk_levels(question)) for text in said)):
        # a guideline that finds the evidence insufficient says neither yes nor no, however a study's conclusion
        # reads ("The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and
        # harms of screening …" had read as a no to screening) — for the patient's own risk group, that is
        result = replace(result, verdict=Verdict.UNCERTAIN, note=INSUFFICIENT_EVIDENCE)
    if result.verdict is Verdict.YES and any(ONLY_SOME.search(text) for text in result.deciding):
        # (read as a study's conclusion, "… recommended … only in people who have severe ongoing pain …" is still a
        # yes for some patients only)
        result = replace(result, verdict=Verdict.UNCERTAIN, note=ONLY_SOME_PATIENTS)
    deciding = [c for c in candidates if c.text in result.deciding]
    if (cautious and result.verdict is not Verdict.UNCERTAIN and leading is Kind.GUIDELINE and deciding
            and (background_only(deciding) or (screening and _SUSPECTED.search(result.deciding[0]) is not None))
            and (_USE.search(question) or _NEED.search(question) or screening)):
        # a guideline that leads without a recommendation on what was asked (``guideline_verdict`` found none) is
        # not a study: its background read as a conclusion ("… it is reasonable to conclude that many asymptomatic
        # persons receive treatment", on how often levothyroxine is prescribed) said yes to starting levothyroxine
        # for a TSH of 7.2 at 80 (what it recommends still counts: "… beta blockers can be used with precaution"), and
        # its finding that helmets do not increase neck injuries said no to "Do they honestly need helmets?", and its
        # background on coeliac disease ("Data from the United States suggest that some patients may have symptoms for
        # years before being diagnosed") said yes to screening people without symptoms — as did its advice on testing
        # suspected disease (``_SUSPECTED``), which says nothing of screening
        return _NO_RECOMMENDATION
    if result.verdict is Verdict.YES and any(_CONTRAINDICATION.match(text) and Scope.of(question).names_topic(text)
                                             for text in result.deciding):
        # what the guideline lists as a contraindication for the patient's disease is no yes, however the list reads
        # as a study's finding ("Relative contraindications to surfactant administration are diagnosis of congenital
        # diaphragmatic hernia" had said yes to early surfactant in a newborn with CDH)
        return replace(result, verdict=Verdict.NO, polarity=-abs(result.polarity), note=CONTRAINDICATED)
    if (cautious and result.verdict is Verdict.YES and leading is Kind.GUIDELINE and _USE.search(question)
            and (subject := ASKS_ABOUT.search(question)) is not None
            and not any(set(content_stems(subject.group("subject"))) <= set(content_stems(text))
                        for text in result.deciding)):
        # … nor is a guideline that leads and whose sentences read as a yes do not name what was asked: read as a
        # study, its background ("The G6PD gene is on the X chromosome …") said yes to "Can rasburicase be used
        # … in a patient with known G6PD deficiency?", which the guideline calls contraindicated ("… can be used
        # with precaution" names the beta-blockers it allows; and a question whether to avoid something keeps the
        # reading)
        return _NO_RECOMMENDATION
    return result
