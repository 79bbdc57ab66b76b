"""A yes/no verdict from guideline recommendations: a relevance-weighted vote of the recommendations that name what
is asked, for the question's patient (``guideline_verdict``), and how one recommendation votes (``vote_polarity``).
A guideline's recommendation says do, do not, or cannot say; the study-conclusion model (``verdict.py``) misreads it,
so guideline evidence is read here instead."""

from __future__ import annotations

import re
from collections.abc import Sequence

from curbside.answer.ages import patient_ages
from curbside.answer.evidence import CLOSE_SCORE
from curbside.answer.generators.extractive.candidates import Candidate
from curbside.answer.generators.extractive.cues import NOT_STOPPED
from curbside.answer.generators.extractive.verdict_cues import other_label
from curbside.answer.generators.extractive.verdict_result import CLASSES, VerdictResult
from curbside.answer.lead_cues import DURING_PROCEDURE
from curbside.answer.mentions import mentions
from curbside.answer.patient_facts import operated, other_sex
from curbside.answer.population import ADULTS, Scope
from curbside.answer.synonyms import mentioned
from curbside.answer.text import content_stems, stem
from curbside.records import Kind, Verdict

# How a guideline answers: its recommendation says do, do not, or cannot say. The conclusion model
# was trained on study conclusions and misreads recommendations ("… women who have no additional
# risk factors" reads as a negative finding), so guideline evidence is read by these instead.
RECOMMENDS_AGAINST = re.compile(
    r"\b(?:recommends?|suggests?|advises?) (?:against|not)\b|\b(?:should|must|is to|are to) be avoided\b|"
    # ("… suggests that proton pump inhibitor therapy not be prescribed")
    r"\b(?:recommends?|suggests?|advises?) that\b[^.;]{0,80}?\bnot be\b|"
    # ("… the ACP makes a strong recommendation against the use of …", "Neither guideline developer recommends
    # routine screening pelvic examination …", "… harms outweigh any demonstrated benefits …")
    r"\brecommendations? against\b|\bevidence against recommending\b|"
    r"\bneither\b[^.;]{0,60}\b(?:recommends?|supports?|advises?)\b|"
    r"\bharms (?:clearly )?outweigh (?:the |any )?(?:\w+ )?benefits?\b|"
    r"\b(?:does|do|did) not (?:recommend|suggest|advise|support)\b|"
    r"\b(?:is|are) not recommended\b|\bnot (?:be )?recommended\b|(?:^|[,;:] )(?:do not|"
    r"don't|never|avoid)\b|\b(?:should|must) not\b|\bno (?:net |clear |additional )?benefit\b|"
    r"\bno evidence of (?:benefit|effect)\b|"
    # a grade that says which way it goes ("(Expert opinion against)", "(Strong against)")
    r"\b(?:opinion|recommendation|strong|weak|conditional|moderate|standard) against\)|"
    r"\b(?:is|are|was|were) (?:not|in)effective\b|\bineffective\b|\bdoes not (?:reduce|prevent|improve)\b|"
    # ("Clinicians should advise patients that over the longer term (>3 years), immediate AED treatment is unlikely to
    # improve the prognosis for sustained seizure remission")
    r"\b(?:is|are) unlikely to (?:improve|reduce|prevent|benefit|help|change|alter)\b|"
    # ("Routine elective repair of completely asymptomatic paraesophageal hernias may not always be indicated")
    r"\b(?:(?:is|are)(?:n't| not)|(?:may|might) not (?:always )?be) (?:usually |generally |routinely |often )?"
    r"(?:prescribed|needed|necessary|helpful|useful|required|indicated)\b|"
    r"\b(?:is|are|remains?) (?:absolutely |strictly )?contraindicated\b|"
    r"\b(?:is|are) usually not appropriate \(rating",  # (ACR: "… is usually not appropriate (rating 3) for …")
    re.IGNORECASE)
# "the decision … should be an individual one" (a USPSTF C grade), shared decision-making: it depends on the person
_INDIVIDUAL_CUE = r"\bshould be an individual one\b|\bindividual(?:ized)? decision\b|\bshared decision[- ]making\b"
CANNOT_SAY = re.compile(
    r"\binsufficient (?:evidence|to (?:assess|recommend))|\b(?:cannot|unable to|could not) recommend\b|"
    r"\b(?:inadequate|insufficient) data\b|"  # ("There are inadequate data on the effectiveness of lithium carbonate")
    # ("inconclusive" of the evidence, not of a test: "… who have had a negative or inconclusive … biopsy")
    r"\bfor or against\b|\bno recommendation\b|"
    r"\b(?:evidence|data|results?|findings|studies|trials)(?:\s+\w+){0,3}?\s+(?:is|are|was|were|remains?|appears?|"
    r"seems?|(?:has|have) been)\s+(?:\w+\s+)?inconclusive\b|"
    r"\binconclusive (?:evidence|data|results?|findings)\b|\bmay be appropriate \(rating|"
    r"\bbalance of (?:benefits and harms|benefit and harm) cannot\b|"
    r"\bevidence is (?:lacking|insufficient|conflicting)\b|" + _INDIVIDUAL_CUE + "|"
    # "Ask your pharmacist or health care provider if the medicines you take are safe": for "can I take …?"
    # that is "it depends — ask", not a yes
    + r"\b(?:ask|check with|talk (?:to|with)) (?:your|a) (?:pharmacist|doctor|health ?care provider|provider|nurse)\b"
    r"[^.]{0,60}\b(?:if|whether|before)\b", re.IGNORECASE)
# an ACR appropriateness rating read out of its table ("CT chest without contrast is usually appropriate (rating 9) for
# silica exposure, suspected silicosis"): a recommendation to vote with (not one to lead an answer: it names a
# procedure for a variant, and a case matches several variants)
RATED = re.compile(r"\b(?:(?:is|are) usually (?:not )?|may be )appropriate \(rating \d", re.IGNORECASE)


def _rates_asked(text: str, asked: frozenset[str]) -> bool:
    """``text`` is no rating, or rates a procedure the question names ("CT chest …" for "should I order a CT chest
    …?"; not "CTA chest …" for "Are there negative enhancers?")."""
    rated = RATED.search(text)
    return rated is None or not asked or bool(set(content_stems(text[:rated.start()])) & asked)


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
# what a statement sets aside ("… single or paired nutrient supplements (other than beta carotene and vitamin E) …")
_SET_ASIDE = re.compile(r"\b(?:other than|except(?: for)?|excluding)\s+(?P<what>[^,.;:()]+)", re.IGNORECASE)


# the outcome a question asks something for ("… should skin-to-skin care be used specifically to reduce mortality or
# length of stay in sick newborns?"), to where its population begins
_PURPOSE = re.compile(r"\bto (?:reduce|decrease|lower|prevent|improve|increase|shorten|prolong)\s+(?P<what>[^?,;:()]+?)"
                      r"(?=\s+(?:in|among|for|of (?:a|an|the)|at|when|if|during|after|before|who|with)\b|[?,;:()]|$)",
                      re.IGNORECASE)


def for_purpose(candidates: Sequence[Candidate], question: str) -> list[Candidate]:
    """Of ``candidates``, those that name at least half of the outcome the question asks about (``_PURPOSE``): NANN's
    "It is not recommended that SSC be used to reduce mortality or length of stay …", not its "There is insufficient
    evidence … to decrease the number of days on non-invasive respiratory support …", for whether to use it to reduce
    mortality or length of stay. All of them when the question names no outcome, or none names it."""
    wanted = {s for m in _PURPOSE.finditer(question) for s in content_stems(m.group("what"))}
    if not wanted:
        return list(candidates)
    return [c for c in candidates if 2 * len(wanted & c.stems) >= len(wanted)] or list(candidates)


def sets_aside(text: str, question: str) -> bool:
    """``text`` sets aside what the question asks about: two of the question's words are among what it excludes (the
    USPSTF's insufficient evidence on other supplements is no verdict on vitamin E)."""
    asked = set(content_stems(question))
    return any(len(set(content_stems(m.group("what"))) & asked) >= 2 for m in _SET_ASIDE.finditer(text))


# the people a recommendation is for, told after it ("… for people in whom antimuscarinic drugs are contraindicated")
# (… nor is what it explains in brackets: "… within its marketing authorisation (that is, in adults who have had a
# splenectomy …, or as a second-line treatment in adults who have not had a splenectomy because surgery is
# contraindicated), only if …" recommends eltrombopag)
_IN_WHOM = re.compile(r"\b(?:in|for) whom\b[^.;]*|\((?:that is|i\.\s?e\.|namely)\b[^()]*\)", re.IGNORECASE)

# screening: what a question whether to screen asks ("Should asymptomatic children … be routinely screened for …?") and
# what a statement that answers it says
SCREENING = re.compile(r"\bscreen(?:s|ed|ing)?\b", re.IGNORECASE)


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


_ON_STOPPING = re.compile(r"\b(?:stop|discontinu|withdr[ae]w|taper|wean|continu|maintain|maintenance|duration|"
                          r"long[- ]term|relapse|for at least|indefinite|lifelong|life-long)\w*", re.IGNORECASE)
# … where keeping it up is the advice, the answer to "can I stop?" is no
_KEEP_ON = re.compile(r"\b(?:continu|maintain|maintenance|indefinite|lifelong|life-long)\w*", re.IGNORECASE)
_STOP_SAID = re.compile(r"\b(?:stop|discontinu|withdr[ae]w|taper|wean)\w*", re.IGNORECASE)


# a yes for some patients only ("… are recommended as options for treating osteoporotic vertebral compression fractures
# only in people: who have severe ongoing pain …"): whether it is yes for the patient asked about depends on them
ONLY_SOME = re.compile(r"\b(?:recommended|indicated|an option|options|should be (?:offered|considered|used))\b"
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
    return bool(ONLY_SOME.search(text) or _MAY_RECOMMEND.search(text) or _TEST_FIRST.search(text))


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


# … is answered by advice that says when: days or weeks ahead ("… should be initiated one to two weeks prior to
# surgery") or held off until later ("… should be delayed until 48 hours after the first negative blood cultures") is a
# no to the day itself; advice that names no time does not answer it
_AHEAD = re.compile(r"\b(?:days?|weeks?|months?)\s+(?:before|prior to|ahead of|in advance)\b|"
                    r"\b(?:delay|defer|postpone)(?:ed)?\s+until\b", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:before|prior to|after|within|preoperative(?:ly)?|postoperative(?:ly)?|on the (?:morning|day) "
                   r"of|same day|hours?|days?|weeks?|immediate|immediately)\b", re.IGNORECASE)


_RANGE = re.compile(r"\bbetween (?P<low>\d+(?:\.\d+)?)\s*%?\s*and (?P<high>\d+(?:\.\d+)?)\s*%", re.IGNORECASE)
_PERCENT = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*%")


def in_range(question: str, text: str) -> bool | None:
    """Whether the one percentage ``question`` gives lies in the one range ``text`` gives ("between 50% and 80%"),
    when the words just before each share one ("forced vital capacity is 86%", "forced vital capacity (FVC) between
    …"); None otherwise."""
    ranges, values = list(_RANGE.finditer(text)), list(_PERCENT.finditer(question))
    if len(ranges) != 1 or len(values) != 1:
        return None
    rng, value = ranges[0], values[0]
    near = set(content_stems(text[max(0, rng.start() - 40):rng.start()]))
    if not near & set(content_stems(question[max(0, value.start() - 40):value.start()])):
        return None
    return float(rng["low"]) <= float(value["value"]) <= float(rng["high"])


def risk_levels(text: str) -> frozenset[str]:
    """The risk levels ``text`` names its population by ("low", "intermediate", "high", "average"): "not at increased
    risk" (the USPSTF's words for everyone else) and "no other risk factors" are low or average."""
    out: set[str] = set()
    for m in _RISK.finditer(text):
        levels = {_LEVEL.get(w, w) for w in re.findall(r"[a-z]+", m.group("levels").lower())
                  if w not in ("or", "and", "to")}
        out |= _NOT_HIGH if "high" in levels and _NOT_AT.search(text, 0, m.start()) else levels
    if _NO_RISK_FACTORS.search(text):
        out |= _NOT_HIGH
    return frozenset(out)


_NOT_HIGH = frozenset({"low", "average"})
_NOT_AT = re.compile(r"\bnot\s+(?:at\s+|of\s+)?$", re.IGNORECASE)
_NO_RISK_FACTORS = re.compile(r"\b(?:no|without)\s+(?:\w+\s+){0,4}?(?:other\s+)?risk factors\b", re.IGNORECASE)


def for_risk(text: str, risk: frozenset[str]) -> bool:
    """``text`` is for the question's risk group (``risk``: ``risk_levels`` of the question), or names none."""
    return not (levels := risk_levels(text)) or bool(levels & risk)


# drugs as substances used or misused ("parental drug and alcohol misuse"): no medication
_SUBSTANCE_USE = re.compile(r"\bdrugs?\s+(?:and\s+alcohol\s+)?(?:misuse|abuse|use|users?|dependence|addiction)\b|"
                            r"\b(?:alcohol|substances?)\s+(?:and|or)\s+(?:other\s+)?drugs?\b|\bdrug and alcohol\b",
                            re.IGNORECASE)


def names_subject(text: str, subject: tuple[str, ...]) -> bool:
    """``text`` names at least half of ``subject``'s words, in any wording the synonyms know or by a member of the
    class a word names ("TNFa blocking agents" for "TNF inhibitor"; "infliximab" only by itself or a wording; not
    medication by "parental drug and alcohol misuse")."""
    said = set(content_stems(_SUBSTANCE_USE.sub(" ", text)))
    return 2 * len(mentioned(subject, said)) >= len({stem(w) for w in subject})


_AGE_ONLY = frozenset({"age"})


def guideline_verdict(candidates: Sequence[Candidate],
                      kinds: tuple[Kind, ...] = (Kind.GUIDELINE, Kind.CONSUMER),
                      groups: frozenset[str] = frozenset(), disease: bool = False,
                      asked: frozenset[str] = frozenset(), risk: frozenset[str] = frozenset(),
                      stopping: bool = False, same_day: bool = False, subject: tuple[str, ...] = (),
                      screening: bool = False, question: str = "",
                      subject_floor: float = SUBJECT_OWN_MIN) -> VerdictResult | None:
    """A relevance-weighted vote of the guideline recommendations about as relevant as the best
    (None without any); yes and no both carrying weight (yes for some groups, no for others)
    make it uncertain. ``groups``: the population families the question names ("pregnancy");
    ``disease``: the question names a disease (``Candidate.titled`` then says a document is on it); ``subject``: the
    medical words of what the question's last clause asks about (``asked_subject``); ``screening``: the question asks
    whether to screen; ``question``: its text, for the grade or type it names; ``subject_floor``: the share of the
    question a recommendation naming the subject must name to vote."""
    # the sentence must itself name most of what is asked ("arthroscopic", "knee osteoarthritis"): a
    # recommendation about something else in a guideline on the topic does not answer the question
    def votes_at(c: Candidate, floor: float) -> bool:
        # (… or, in a passage close in meaning to a question its words did not settle, the share a recommendation naming
        # the subject needs: "The USPSTF concludes that the current evidence is insufficient …" of a question asked with
        # "routine whole-body skin examinations")
        floor = min(floor, SUBJECT_OWN_MIN) if CLOSE_SCORE in c.hit.scores else floor
        # (… and is for the question's side of its age line: "Do not administer corticosteroids to paediatric patients
        # with meningococcal septicaemia …" says nothing of adults with septic shock)
        # (an appropriateness rating for a scenario naming the question's disease speaks for it in a guideline on its
        # group: "CT chest without contrast is usually appropriate (rating 9) for silica exposure, suspected silicosis"
        # in ACR's occupational lung diseases)
        drifts = bool(c.drift) and not (RATED.search(c.text) and c.names_topic and not c.in_passing)
        return (c.on_topic and c.own >= floor and not drifts and not (c.meta or c.fragment or c.conflicts)
                and c.hit.document.kind in kinds
                and _rates_asked(c.text, asked)
                and bool(c.recommendation or RATED.search(c.text) or RECOMMENDS_AGAINST.search(c.text)
                         or CANNOT_SAY.search(c.text)))

    recs = [c for c in candidates if votes_at(c, OWN_MIN)]
    if subject:
        # a question whose last clause asks about something its opening does not say ("For a patient with polymyalgia
        # rheumatica who relapses …, is a TNF inhibitor such as infliximab a reasonable steroid-sparing option?") is
        # answered by what is recommended of that ("… recommends against the use of tumor necrosis factor alpha (TNFa)
        # blocking agents …"), not by the recommendations that share the opening's words
        naming = [c for c in candidates if votes_at(c, subject_floor) and names_subject(c.text, subject)]
        # (a health page that names it does not displace a guideline's recommendation on the question: "Most cases are
        # treated with botulinum toxin injections" beside "Botulinum neurotoxin (BoNT) is considered the first-line
        # treatment of blepharospasm …")
        if naming and (any(c.hit.document.kind is Kind.GUIDELINE for c in naming)
                       or not any(c.hit.document.kind is Kind.GUIDELINE for c in recs)):
            recs = naming
    # "… recommends not screening all other adults": the group a recommendation leaves out, not the one
    # it is about — it speaks to the question only when nothing else does
    recs = [c for c in recs if not _EVERYONE_ELSE.search(c.text)] or recs
    if question:
        recs = [c for c in recs if not sets_aside(c.text, question)] or recs
        recs = for_purpose(recs, question)
        # … nor one for those on the other side of what the question's patient is with or without ("… pulseless … with
        # signs of life …, the panel conditionally recommends that patients undergo EDT" for one without)
        scope = Scope.of(question)
        # (… not even when nothing else is left: "… adults with decompensated cirrhosis be treated with antiviral
        # therapy indefinitely …" says nothing of stopping in a non-cirrhotic patient)
        recs = [c for c in recs if not scope.other_side(c.text)]
        # … nor one for the other sex ("… screening for chlamydia in sexually active females" for men)
        recs = [c for c in recs if not other_sex(scope.sexes, c.text)] or recs
        # … nor one for those having the operation the question's patient is not ("… suggest platelet transfusion for
        # patients with … intracranial hemorrhage who will undergo a neurosurgical procedure" for one not going to
        # surgery, for whom they "suggest against")
        if (asked_operated := operated(question)) is not None:
            recs = [c for c in recs if operated(c.text) in (None, asked_operated)] or recs
        # … nor one for another grade or type of what is asked ("In patients with Wagner Grade 3 or higher DFUs …, the
        # committee suggests adding HBO2 …" for a grade 2 ulcer, which "… suggests against using hyperbaric oxygen")
        recs = [c for c in recs if other_label(question, c.text) is None] or recs
    if screening:
        # a question whether to screen is answered by what is said of screening: WHO's "Daily iron supplementation is
        # recommended … in infants and young children aged 6 to 23 months …" is not a yes to screening them for iron
        # deficiency anaemia (the USPSTF finds the evidence insufficient)
        recs = [c for c in recs if SCREENING.search(c.text)]
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
        # (… or of a guideline titled for the group: "Do not treat attachment difficulties with pharmacological
        # interventions" in NICE's "Children's attachment: attachment in children and young people who are adopted …")
        named = [c for c in recs
                 if groups & {m.family for m in mentions(f"{c.hit.document.title} {c.section} {c.text}")}]
        # (… or, of an age alone, a rating for a scenario naming the disease: "CT chest without contrast is usually
        # appropriate (rating 9) for silica exposure, suspected silicosis" for a 38-year-old, in ACR's occupational
        # lung diseases)
        by_name = groups <= _AGE_ONLY
        # (… and of an adult's age alone, a recommendation for adults: "… screening for thyroid dysfunction in
        # nonpregnant, asymptomatic adults" for a 52-year-old)
        named = named or ([c for c in recs if ADULTS.search(c.text)]
                          if by_name and min(patient_ages(question), default=0.0) >= 18 else [])
        recs = named or ([c for c in recs if c.titled or (by_name and RATED.search(c.text) and c.names_topic
                                                          and not c.in_passing)] if disease else [])
        # … and not by what is said of another group of the kind ("men aged less than 55" for men aged 55 to 69)
        recs = [c for c in recs if not c.narrower] or recs
    if not recs:
        return None
    def polarity(text: str) -> Verdict:
        # (a recommendation for some patients only, by a range the question's patient is in or out of: "… only if the
        # person has a forced vital capacity (FVC) between 50% and 80% predicted" for an FVC of 86% is a no)
        said = vote_polarity(text, stopping, same_day)
        inside = in_range(question, text) if said is Verdict.UNCERTAIN and ONLY_SOME.search(text) else None
        return said if inside is None else Verdict.YES if inside else Verdict.NO

    ranked = sorted(recs, key=lambda c: (-c.own, c.evidence, c.position))
    counted = [c for c in ranked if c.own >= ranked[0].own - GUIDELINE_MARGIN][:GUIDELINE_VOTES]
    votes = dict.fromkeys(CLASSES, 0.0)
    for c in counted:  # (a weak recommendation — "conditional", "weak" — is a weaker vote)
        votes[polarity(c.text)] += c.own * (WEAK_VOTE if c.strength < 0 else 1.0)
    total = sum(votes.values()) or 1.0
    # (a tie with a guideline that finds the evidence insufficient is not a yes or a no: "Older individuals should be
    # tested for these vision functions …" against the USPSTF's I statement on screening older adults' visual acuity)
    verdict = max(CLASSES, key=lambda v: (votes[v], v is Verdict.UNCERTAIN))
    note = ""
    # every counted recommendation is for a narrower group than the question's ("adults 60 years or
    # older", "adults with type 1 diabetes"): a recommendation the other way for another group nearly
    # as relevant (within twice the voting margin) makes the answer depend on the group
    in_margin = [c for c in ranked if c.own >= ranked[0].own - 2 * GUIDELINE_MARGIN]
    by_group = all(c.narrower for c in counted) and {polarity(c.text) for c in in_margin} >= {
        Verdict.YES, Verdict.NO}
    if (votes[Verdict.YES] >= SPLIT * total and votes[Verdict.NO] >= SPLIT * total) or by_group:
        note = "the guidelines' recommendations differ by group or setting"
    elif verdict is Verdict.UNCERTAIN:
        note = (INDIVIDUAL_DECISION if any(_INDIVIDUAL.search(c.text) for c in counted)
                else ONLY_SOME_PATIENTS if any(_for_some(c.text) for c in counted)
                else INSUFFICIENT_EVIDENCE)
    final = Verdict.UNCERTAIN if note else verdict
    deciding = [c for c in counted if polarity(c.text) is verdict] or counted
    return VerdictResult(final, (votes[Verdict.YES] - votes[Verdict.NO]) / total, votes[Verdict.UNCERTAIN] / total,
                         tuple(dict.fromkeys(c.evidence for c in counted)), (GUIDELINE_CUE,), note,
                         (deciding[0].text,))
