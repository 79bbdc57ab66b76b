"""Yes/no verdicts from the leading studies' conclusions, honest about uncertainty.

A study answers a yes/no question in its conclusion, so the verdict rests on the conclusion
sentences of the leading evidence documents (``conclusions.py`` makes sure they are in the
evidence). Each document's conclusion is read by a small trained model (``verdict_model``:
named cues such as negative findings, similarity read against the question's framing and hedges)
into P(yes), P(no), P(uncertain); documents about as relevant as the first are combined by rank.
The model's own *uncertain* class rarely wins (PubMedQA's "maybe" is not separable by such cues),
so *uncertain* comes from what a reader would call undecided: a conclusion that says it cannot
decide, or leading studies that answer oppositely. Without any conclusion section (guidelines,
snippets) the most relevant conclusion-like sentences stand in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from curbside.answer.conclusions import CONCLUSION_SECTION
from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import Candidate
from curbside.answer.generators.extractive.cues import NOT_STOPPED
from curbside.answer.generators.extractive.verdict_cues import (
    UNDECIDED,
    UNIVERSAL_CLAIM,
    UNIVERSAL_FINDING,
    names_label,
    opposite_terms,
    other_label,
    sentence_polarity,
)
from curbside.answer.generators.extractive.verdict_model import VerdictModel, load
from curbside.answer.lead_cues import DURING_PROCEDURE
from curbside.answer.mentions import mentions
from curbside.answer.population import Scope
from curbside.answer.synonyms import alternatives, broader
from curbside.answer.text import content_stems, stem
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
CLASSES = (Verdict.YES, Verdict.NO, Verdict.UNCERTAIN)
__all__ = ["Basis", "VerdictResult", "bases", "decide", "rejects", "sentence_polarity", "show_basis", "weigh"]


@dataclass(frozen=True, slots=True)
class Basis:
    """The sentences of one document a verdict reads, in reading order."""

    texts: tuple[str, ...]
    evidence: tuple[int, ...]  # evidence numbers they come from
    conclusion: bool  # from a conclusion section (else the best conclusion-like sentences)
    relevance: float  # best question-term coverage among them


@dataclass(frozen=True, slots=True)
class VerdictResult:
    verdict: Verdict
    polarity: float  # P(yes) − P(no)
    hedge: float  # P(uncertain)
    basis: tuple[int, ...]  # evidence numbers of the sentences read, the deciding document first
    cues: tuple[str, ...] = ()  # named cues that pushed hardest towards the verdict
    note: str = ""  # e.g. why the verdict is uncertain
    deciding: tuple[str, ...] = ()  # the sentences of the deciding (first) document


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


# How a guideline answers: its recommendation says do, do not, or cannot say. The conclusion model
# was trained on study conclusions and misreads recommendations ("… women who have no additional
# risk factors" reads as a negative finding), so guideline evidence is read by these instead.
RECOMMENDS_AGAINST = re.compile(
    r"\b(?:recommends?|suggests?|advises?) (?:against|not)\b|\b(?:should|must|is to|are to) be avoided\b|"
    # ("… suggests that proton pump inhibitor therapy not be prescribed")
    r"\b(?:recommends?|suggests?|advises?) that\b[^.;]{0,80}?\bnot be\b|"
    # ("… the ACP makes a strong recommendation against the use of …", "Neither guideline developer recommends
    # routine screening pelvic examination …", "… harms outweigh any demonstrated benefits …")
    r"\brecommendations? against\b|\bneither\b[^.;]{0,60}\b(?:recommends?|supports?|advises?)\b|"
    r"\bharms (?:clearly )?outweigh (?:the |any )?(?:\w+ )?benefits?\b|"
    r"\b(?:does|do|did) not (?:recommend|suggest|advise|support)\b|"
    r"\b(?:is|are) not recommended\b|\bnot (?:be )?recommended\b|(?:^|[,;:] )(?:do not|"
    r"don't|never|avoid)\b|\b(?:should|must) not\b|\bno (?:net |clear |additional )?benefit\b|"
    r"\bno evidence of (?:benefit|effect)\b|"
    # a grade that says which way it goes ("(Expert opinion against)", "(Strong against)")
    r"\b(?:opinion|recommendation|strong|weak|conditional|moderate|standard) against\)|"
    r"\b(?:is|are|was|were) (?:not|in)effective\b|\bineffective\b|\bdoes not (?:reduce|prevent|improve)\b|"
    # ("Routine elective repair of completely asymptomatic paraesophageal hernias may not always be indicated")
    r"\b(?:(?:is|are)(?:n't| not)|(?:may|might) not (?:always )?be) (?:usually |generally |routinely |often )?"
    r"(?:prescribed|needed|necessary|helpful|useful|required|indicated)\b|"
    r"\b(?:is|are|remains?) (?:absolutely |strictly )?contraindicated\b",
    re.IGNORECASE)
# "the decision … should be an individual one" (a USPSTF C grade), shared decision-making: it depends on the person
_INDIVIDUAL_CUE = r"\bshould be an individual one\b|\bindividual(?:ized)? decision\b|\bshared decision[- ]making\b"
CANNOT_SAY = re.compile(
    r"\binsufficient (?:evidence|to (?:assess|recommend))|\b(?:cannot|unable to|could not) recommend\b|"
    r"\bfor or against\b|\bno recommendation\b|\binconclusive\b|\bbalance of (?:benefits and harms|benefit and "
    r"harm) cannot\b|\bevidence is (?:lacking|insufficient|conflicting)\b|" + _INDIVIDUAL_CUE + "|"
    # "Ask your pharmacist or health care provider if the medicines you take are safe": for "can I take …?"
    # that is "it depends — ask", not a yes
    + r"\b(?:ask|check with|talk (?:to|with)) (?:your|a) (?:pharmacist|doctor|health ?care provider|provider|nurse)\b"
    r"[^.]{0,60}\b(?:if|whether|before)\b", re.IGNORECASE)
# a question about what someone may do ("Can I take …", "Is it safe to …"): a yes must rest on advice
_PERSONAL = re.compile(r"\b(?:can|could|should|may|must) (?:i|we|you|he|she|they|my \w+)\b|\bis it (?:ok|okay|safe|"
                       r"dangerous|bad)\b", re.IGNORECASE)
# whether to use a treatment in a patient ("Can rasburicase be used to treat …", "Should I start a statin …")
_USE = re.compile(r"^\W*(?:can|could|should|may|must)\b[^?]*\b(?:be (?:used|given|prescribed|offered|started|"
                  r"continued|administered|transfused)|use|give|start|prescribe|transfuse|treat)\b", re.IGNORECASE)
# … or whether one needs it ("Do they honestly need helmets?")
_NEED = re.compile(r"\b(?:do|does) (?:my \w+|\w+)(?: \w+ly)? (?:really |still )?need\b", re.IGNORECASE)
GUIDELINE_MARGIN = 0.15  # recommendations this close in relevance to the best one vote …
GUIDELINE_VOTES = 3  # … at most this many
SPLIT = 0.3  # yes and no each with this share of the vote → uncertain (one dissent among three)
OWN_MIN = 0.5  # share of the question's weighted terms a recommendation must name itself to vote
SUBJECT_OWN_MIN = 0.35  # … or this share, where it names what the question's last clause asks about (``asked_subject``)
WEAK_VOTE = 0.5  # weight of a weakly graded recommendation's vote
INDIVIDUAL_DECISION = "the guidelines leave it to an individual decision"
INSUFFICIENT_EVIDENCE = "the guidelines find the evidence insufficient"
_INDIVIDUAL = re.compile(_INDIVIDUAL_CUE, re.IGNORECASE)


GUIDELINE_CUE = "guideline recommendation"  # the cue a guideline vote's verdict carries
_EVERYONE_ELSE = re.compile(r"\b(?:all )?other (?:adults|patients|people|persons|individuals|women|men|children)\b",
                            re.IGNORECASE)


# the people a recommendation is for, told after it ("… for people in whom antimuscarinic drugs are contraindicated")
_IN_WHOM = re.compile(r"\b(?:in|for) whom\b[^.;]*", re.IGNORECASE)
# a question whether to screen ("Should asymptomatic children … be routinely screened for …?")
_SCREENING = re.compile(r"\bscreen(?:s|ed|ing)?\b", re.IGNORECASE)


def recommendation_polarity(text: str) -> Verdict:
    if CANNOT_SAY.search(text):
        return Verdict.UNCERTAIN
    if NOT_STOPPED.search(text):
        return Verdict.YES
    # (whom it is for is not what it says: "Mirabegron is recommended as an option … only for people in whom
    # antimuscarinic drugs are contraindicated or clinically ineffective …" recommends mirabegron)
    return Verdict.NO if RECOMMENDS_AGAINST.search(_IN_WHOM.sub("", text)) else Verdict.YES


# the situation a recommendation opens with ("If hypernatraemia develops in term neonates, …")
_SITUATION = re.compile(r"^(?:if|when|where|in case|once|should)\s+(?P<situation>[^,;:]{3,120})[,;:]", re.IGNORECASE)


def _elsewhere(text: str, asked: frozenset[str]) -> bool:
    """``text`` opens with a situation that shares no word with the question."""
    m = _SITUATION.match(text)
    return m is not None and not set(content_stems(m.group("situation"))) & asked


# the risk a population is at ("asymptomatic adults at low risk of CVD events", "intermediate or high risk",
# "low cardiovascular risk"); moderate is intermediate, increased or elevated is high
_RISK = re.compile(r"\b(?P<levels>(?:(?:low|intermediate|moderate|high|average|increased|elevated)(?:,\s*|\s+(?:or|and|"
                   r"to)\s+|-)?)+)\s*(?:[a-z]+\s+){0,2}?risk\b", re.IGNORECASE)
_LEVEL = {"moderate": "intermediate", "increased": "high", "elevated": "high"}


# a question whether to stop a treatment ("Can I just stop taking it?") is answered by what is said of stopping it or of
# how long to keep it up, not by a recommendation to use it
_STOPPING = re.compile(r"\b(?:stop|stopping|come off|coming off|discontinue|quit|taper|wean)\b", re.IGNORECASE)
_ON_STOPPING = re.compile(r"\b(?:stop|discontinu|withdr[ae]w|taper|wean|continu|maintain|maintenance|duration|"
                          r"long[- ]term|relapse|for at least)\w*", re.IGNORECASE)
# … where keeping it up is the advice, the answer to "can I stop?" is no
_KEEP_ON = re.compile(r"\b(?:continu|maintain|maintenance)\w*", re.IGNORECASE)
_STOP_SAID = re.compile(r"\b(?:stop|discontinu|withdr[ae]w|taper|wean)\w*", re.IGNORECASE)


# a yes for some patients only ("… are recommended as options for treating osteoporotic vertebral compression fractures
# only in people: who have severe ongoing pain …"): whether it is yes for the patient asked about depends on them
_ONLY_SOME = re.compile(r"\b(?:recommended|indicated|an option|options|should be (?:offered|considered|used))\b"
                        r"[^.;]{0,80}?\bonly (?:in|for|if|when|where)\b", re.IGNORECASE)
ONLY_SOME_PATIENTS = "the guidelines recommend it only for some patients"
# … and so is what a clinician "may recommend" ("Your health care provider might recommend a hysterectomy if you have
# fibroids; …"): a consumer page's list of when it is done, not advice to the one asking
_MAY_RECOMMEND = re.compile(r"\b(?:may|might|could)\s+(?:also\s+)?(?:recommend|suggest|advise|prescribe)\b",
                            re.IGNORECASE)


# … and so is advice to test first ("The FDA recommends that patients at higher risk of G6PD deficiency … be tested for
# G6PD deficiency before initiation of rasburicase"): it is for those whose result allows it
_TEST_FIRST = re.compile(r"\b(?:be|are|is|being)\s+(?:tested|screened|genotyped|checked)\s+for\b[^.;]{0,80}?"
                         r"\b(?:before|prior to)\b", re.IGNORECASE)


def _for_some(text: str) -> bool:
    """``text`` recommends it for some patients only, says a clinician may recommend it, or says to test first."""
    return bool(_ONLY_SOME.search(text) or _MAY_RECOMMEND.search(text) or _TEST_FIRST.search(text))


def vote_polarity(text: str, stopping: bool = False, same_day: bool = False) -> Verdict:
    """How a recommendation votes; asked whether to stop, "… should be continued for at least 6 months" is a no; a
    recommendation for some patients only is neither yes nor no; asked about the day itself, advice to do it days or
    weeks ahead is a no."""
    polarity = recommendation_polarity(text)
    if same_day and polarity is Verdict.YES and _AHEAD.search(text):
        return Verdict.NO
    if polarity is Verdict.YES and _for_some(text):
        return Verdict.UNCERTAIN
    if stopping and polarity is Verdict.YES and (keep := _KEEP_ON.search(text)) is not None:
        # (keeping it up comes first: "… should be maintained for at least 6 months … before deciding on withdrawal")
        stop = _STOP_SAID.search(text)
        if stop is None or keep.start() < stop.start():
            return Verdict.NO
    return polarity


# a question about doing something on the day itself ("Should a beta-blocker be started on the morning of surgery?"),
# or at once ("Can a new central venous catheter be inserted straight away …?")
_SAME_DAY = re.compile(r"\bon the (?:morning|day|night|evening) of\b|\bthe same day\b|"
                      r"\bimmediately (?:before|prior to)\b|\b(?:straight|right) away\b", re.IGNORECASE)
# … is answered by advice that says when: days or weeks ahead ("… should be initiated one to two weeks prior to
# surgery") or held off until later ("… should be delayed until 48 hours after the first negative blood cultures") is a
# no to the day itself; advice that names no time does not answer it
_AHEAD = re.compile(r"\b(?:days?|weeks?|months?)\s+(?:before|prior to|ahead of|in advance)\b|"
                    r"\b(?:delay|defer|postpone)(?:ed)?\s+until\b", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:before|prior to|after|within|preoperative(?:ly)?|postoperative(?:ly)?|on the (?:morning|day) "
                   r"of|same day|hours?|days?|weeks?)\b", re.IGNORECASE)


def risk_levels(text: str) -> frozenset[str]:
    """The risk levels ``text`` names its population by ("low", "intermediate", "high", "average")."""
    return frozenset(_LEVEL.get(w, w) for m in _RISK.finditer(text)
                     for w in re.findall(r"[a-z]+", m.group("levels").lower()) if w not in ("or", "and", "to"))


def for_risk(text: str, risk: frozenset[str]) -> bool:
    """``text`` is for the question's risk group (``risk``: ``risk_levels`` of the question), or names none."""
    return not (levels := risk_levels(text)) or bool(levels & risk)


def names_subject(text: str, subject: tuple[str, ...]) -> bool:
    """``text`` names at least half of ``subject``'s words, in any wording the synonyms know or by a member of the
    class a word names ("TNFa blocking agents" for "TNF inhibitor"; "infliximab" only by itself or a wording)."""
    said = set(content_stems(text))
    wordings, classes = alternatives(list(subject)), broader(list(subject))
    named = [w for w in subject if stem(w) in said
             or any(form <= said for form in (*wordings.get(stem(w), ()), *classes.get(stem(w), ())))]
    return 2 * len(named) >= len(subject)


def guideline_verdict(candidates: Sequence[Candidate],
                      kinds: tuple[Kind, ...] = (Kind.GUIDELINE, Kind.CONSUMER),
                      groups: frozenset[str] = frozenset(), disease: bool = False,
                      asked: frozenset[str] = frozenset(), risk: frozenset[str] = frozenset(),
                      stopping: bool = False, same_day: bool = False, subject: tuple[str, ...] = (),
                      screening: bool = False, question: str = "") -> VerdictResult | None:
    """A relevance-weighted vote of the guideline recommendations about as relevant as the best
    (None without any); yes and no both carrying weight (yes for some groups, no for others)
    make it uncertain. ``groups``: the population families the question names ("pregnancy");
    ``disease``: the question names a disease (``Candidate.titled`` then says a document is on it); ``subject``: the
    medical words of what the question's last clause asks about (``asked_subject``); ``screening``: the question asks
    whether to screen; ``question``: its text, for the grade or type it names."""
    # the sentence must itself name most of what is asked ("arthroscopic", "knee osteoarthritis"): a
    # recommendation about something else in a guideline on the topic does not answer the question
    def votes_at(c: Candidate, floor: float) -> bool:
        return (c.on_topic and c.own >= floor and not c.drift and not (c.meta or c.fragment)
                and c.hit.document.kind in kinds
                and bool(c.recommendation or RECOMMENDS_AGAINST.search(c.text) or CANNOT_SAY.search(c.text)))

    recs = [c for c in candidates if votes_at(c, OWN_MIN)]
    if subject:
        # a question whose last clause asks about something its opening does not say ("For a patient with polymyalgia
        # rheumatica who relapses …, is a TNF inhibitor such as infliximab a reasonable steroid-sparing option?") is
        # answered by what is recommended of that ("… recommends against the use of tumor necrosis factor alpha (TNFa)
        # blocking agents …"), not by the recommendations that share the opening's words
        naming = [c for c in candidates if votes_at(c, SUBJECT_OWN_MIN) and names_subject(c.text, subject)]
        recs = naming or recs
    # "… recommends not screening all other adults": the group a recommendation leaves out, not the one
    # it is about — it speaks to the question only when nothing else does
    recs = [c for c in recs if not _EVERYONE_ELSE.search(c.text)] or recs
    if question:
        # … nor one for those on the other side of what the question's patient is with or without ("… pulseless … with
        # signs of life …, the panel conditionally recommends that patients undergo EDT" for one without)
        scope = Scope.of(question)
        recs = [c for c in recs if not scope.other_side(c.text)] or recs
        # … nor one for another grade or type of what is asked ("In patients with Wagner Grade 3 or higher DFUs …, the
        # committee suggests adding HBO2 …" for a grade 2 ulcer, which "… suggests against using hyperbaric oxygen")
        recs = [c for c in recs if other_label(question, c.text) is None] or recs
    if screening:
        # a question whether to screen is answered by what is said of screening: WHO's "Daily iron supplementation is
        # recommended … in infants and young children aged 6 to 23 months …" is not a yes to screening them for iron
        # deficiency anaemia (the USPSTF finds the evidence insufficient)
        recs = [c for c in recs if _SCREENING.search(f"{c.section} {c.text}")]
    # … nor how to do a procedure while doing it ("During … hernia repair the hernia sac should be dissected …"), which
    # takes the decision to do it as made
    recs = [c for c in recs if not DURING_PROCEDURE.match(c.text)]
    if asked:
        # … nor one for a situation the question does not name ("If hypernatraemia develops in term neonates, children
        # and young people, … consider changing to a hypotonic fluid" does not answer whether hypotonic fluids should
        # be used for routine maintenance)
        recs = [c for c in recs if not _elsewhere(c.text, asked)]
    if risk:
        # … nor one for people at another risk ("… insufficient … in asymptomatic adults at intermediate or high risk"
        # for adults at low risk, whom the USPSTF recommends against screening)
        recs = [c for c in recs if for_risk(c.text, risk)]
    if stopping:
        recs = [c for c in recs if _ON_STOPPING.search(c.text)]
    if same_day:  # (… and advice that names no time does not say whether to do it on the day itself)
        recs = [c for c in recs if _WHEN.search(c.text)]
    if groups:
        # a question about a group is answered by what is said of that group: "Can ACE inhibitors be
        # used during pregnancy?" by "… are contraindicated in pregnancy", not by "Begin therapy with a
        # thiazide, ACE inhibitor or CCB for almost all patients" — or, for a disease of that group,
        # by what the documents about the disease say ("Prolonged daily use of anti-seizure medicines is
        # usually not recommended" on the NINDS *Febrile Seizures* page, which never says "children")
        named = [c for c in recs if groups & {m.family for m in mentions(f"{c.section} {c.text}")}]
        recs = named or ([c for c in recs if c.titled] if disease else [])
        # … and not by what is said of another group of the kind ("men aged less than 55" for men aged 55 to 69)
        recs = [c for c in recs if not c.narrower] or recs
    if not recs:
        return None
    ranked = sorted(recs, key=lambda c: (-c.own, c.evidence, c.position))
    counted = [c for c in ranked if c.own >= ranked[0].own - GUIDELINE_MARGIN][:GUIDELINE_VOTES]
    votes = dict.fromkeys(CLASSES, 0.0)
    for c in counted:  # (a weak recommendation — "conditional", "weak" — is a weaker vote)
        votes[vote_polarity(c.text, stopping, same_day)] += c.own * (WEAK_VOTE if c.strength < 0 else 1.0)
    total = sum(votes.values()) or 1.0
    # (a tie with a guideline that finds the evidence insufficient is not a yes or a no: "Older individuals should be
    # tested for these vision functions …" against the USPSTF's I statement on screening older adults' visual acuity)
    verdict = max(CLASSES, key=lambda v: (votes[v], v is Verdict.UNCERTAIN))
    note = ""
    # every counted recommendation is for a narrower group than the question's ("adults 60 years or
    # older", "adults with type 1 diabetes"): a recommendation the other way for another group nearly
    # as relevant (within twice the voting margin) makes the answer depend on the group
    in_margin = [c for c in ranked if c.own >= ranked[0].own - 2 * GUIDELINE_MARGIN]
    by_group = all(c.narrower for c in counted) and {vote_polarity(c.text, stopping, same_day) for c in in_margin} >= {
        Verdict.YES, Verdict.NO}
    if (votes[Verdict.YES] >= SPLIT * total and votes[Verdict.NO] >= SPLIT * total) or by_group:
        note = "the guidelines' recommendations differ by group or setting"
    elif verdict is Verdict.UNCERTAIN:
        note = (INDIVIDUAL_DECISION if any(_INDIVIDUAL.search(c.text) for c in counted)
                else ONLY_SOME_PATIENTS if any(_for_some(c.text) for c in counted)
                else INSUFFICIENT_EVIDENCE)
    final = Verdict.UNCERTAIN if note else verdict
    deciding = [c for c in counted if vote_polarity(c.text, stopping, same_day) is verdict] or counted
    return VerdictResult(final, (votes[Verdict.YES] - votes[Verdict.NO]) / total, votes[Verdict.UNCERTAIN] / total,
                         tuple(dict.fromkeys(c.evidence for c in counted)), (GUIDELINE_CUE,), note,
                         (deciding[0].text,))


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
    opposed = next(((c, pair) for c in closest if (pair := opposite_terms(question, c.text) or
                                                   (None if own_label else other_label(question, c.text)))), None)
    if opposed is not None:
        c, (said, opposite) = opposed
        return VerdictResult(Verdict.NO, -abs(result.polarity), result.hedge, (c.evidence,),
                             (f"evidence says {opposite!r} where the question says {said!r}",), "", (c.text,))
    if UNIVERSAL_CLAIM.search(question) and not any(UNIVERSAL_FINDING.search(c.text) for c in closest):
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
_ASKS_AVOIDANCE = re.compile(r"^(?:should|must|is it (?:necessary|advisable|better) to)\b[^?]*?\b"
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


def _not_only_pages(question: str, candidates: Sequence[Candidate], result: VerdictResult) -> VerdictResult:
    """Whether something is recommended is a guideline's to say: a yes or no read from health pages alone ("Graded
    exercise therapy can be beneficial …", on a page that clinical guidance has since overtaken) is uncertain."""
    if result.verdict is Verdict.UNCERTAIN or not result.basis or not _ASKS_RECOMMENDED.search(question):
        return result
    if all(c.hit.document.kind is Kind.CONSUMER for c in candidates if c.evidence in result.basis):
        return _CONSUMER_ONLY
    return result


def background_only(deciding: Sequence[Candidate]) -> bool:
    """The sentences a reading rests on are a guideline's background, not its recommendations — on the topic: a
    recommendation on another ("CTA neck … for penetrating neck injury") answers nothing."""
    topical = [c for c in deciding if c.on_topic] or deciding
    return all(c.hit.document.kind is Kind.GUIDELINE and not c.recommendation for c in topical)


def _decide(question: str, candidates: Sequence[Candidate], model: VerdictModel | None = None,
            cautious: bool = True) -> VerdictResult:
    found = bases(candidates)
    leading = min(candidates, key=lambda c: c.evidence).hit.document.kind if candidates else None
    # guidelines weigh the evidence, one study's conclusion does not — but a question framed on a
    # study (its own best match) is answered by that study's conclusion
    if leading in (Kind.GUIDELINE, Kind.CONSUMER) or not any(b.conclusion for b in found):
        # led by research snippets without a conclusion section, only a guideline outranks them:
        # a consumer page's advice does not answer "Is hemoglobin antimicrobial?"
        kinds = (Kind.GUIDELINE, Kind.CONSUMER) if leading in (Kind.GUIDELINE, Kind.CONSUMER) else (Kind.GUIDELINE,)
        scope = Scope.of(question)
        stopping = bool(_STOPPING.search(asking(question)))
        from_guideline = guideline_verdict(candidates, kinds, scope.families, bool(scope.topics),
                                           frozenset(content_stems(question)), risk_levels(question), stopping,
                                           bool(_SAME_DAY.search(question)), asked_subject(question),
                                           bool(_SCREENING.search(asking(question))), question)
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
    if (result.verdict is not Verdict.UNCERTAIN and leading is Kind.GUIDELINE and result.deciding
            and all(CANNOT_SAY.search(text) and for_risk(text, risk_levels(question)) for text in result.deciding)):
        # a guideline that finds the evidence insufficient says neither yes nor no, however a study's conclusion
        # reads ("The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and
        # harms of screening …" had read as a no to screening) — for the patient's own risk group, that is
        result = replace(result, verdict=Verdict.UNCERTAIN, note=INSUFFICIENT_EVIDENCE)
    if result.verdict is Verdict.YES and any(_ONLY_SOME.search(text) for text in result.deciding):
        # (read as a study's conclusion, "… recommended … only in people who have severe ongoing pain …" is still a
        # yes for some patients only)
        result = replace(result, verdict=Verdict.UNCERTAIN, note=ONLY_SOME_PATIENTS)
    deciding = [c for c in candidates if c.text in result.deciding]
    if (cautious and result.verdict is not Verdict.UNCERTAIN and leading is Kind.GUIDELINE and deciding
            and background_only(deciding) and (_USE.search(question) or _NEED.search(question))):
        # a guideline that leads without a recommendation on what was asked (``guideline_verdict`` found none) is
        # not a study: its background read as a conclusion ("… it is reasonable to conclude that many asymptomatic
        # persons receive treatment", on how often levothyroxine is prescribed) said yes to starting levothyroxine
        # for a TSH of 7.2 at 80 (what it recommends still counts: "… beta blockers can be used with precaution"), and
        # its finding that helmets do not increase neck injuries said no to "Do they honestly need helmets?"
        return _NO_RECOMMENDATION
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
