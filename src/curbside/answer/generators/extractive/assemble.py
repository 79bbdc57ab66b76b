"""From scored candidates to a Draft: bottom line, themed sections, pitfalls, escalation.

Selection is greedy with redundancy removal (maximal marginal relevance by stem overlap):
a near-duplicate from another source is not repeated but added as a corroborating citation.
Sections follow the question: themes it asks about first, then themes the evidence brings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from curbside.answer.evidence import CLOSE_SCORE, NAMED_PAGE_SCORE
from curbside.answer.generators.base import DraftBullet, DraftSection
from curbside.answer.generators.extractive.asks import NO_ASKS, Asks, defines
from curbside.answer.generators.extractive.candidates import Candidate, described_first
from curbside.answer.generators.extractive.cues import EXPLETIVE
from curbside.answer.generators.extractive.joins import with_caveat, with_its_qualifier, with_own_group
from curbside.answer.generators.extractive.scoring import redundant
from curbside.answer.lead_cues import (
    ANY_TREATMENT,
    CONCESSION,
    DURING_PROCEDURE,
    FIRST_STEP,
    LATER_STEP,
    NEXT_STEP,
    NONCURATIVE,
    NOT_NEEDED,
    OPTIONS,
    RATE,
    REGULATORY,
    RESEARCH_ONLY,
    SETTLED,
    SOME_CASES,
    STUDY_TITLE,
    TELL,
    UNSETTLED,
    USUALLY_APPROPRIATE,
    USUALLY_NOT_APPROPRIATE,
    WHO_TO_TEST,
    WHO_TO_TREAT,
)
from curbside.answer.scenarios import for_other_scenario
from curbside.answer.themes import (
    ESCALATION_TITLES,
    EVIDENCE_TITLES,
    PITFALL_TITLES,
    POPULATION_TITLES,
    SECONDARY,
    THEMES,
    main_clause_themes,
    names_intervention,
    related,
    theme_by_key,
)
from curbside.answer.whole_documents import DESCRIBED_SCORE
from curbside.drug_names import drug_words
from curbside.records import Audience, Kind

RELATIVE_FLOOR = 0.55  # keep bullets scoring at least this share of the best
SIDE_FLOOR = 0.4  # pitfalls and escalation from on-topic documents may score lower
MIN_RELEVANCE = 0.3  # a bullet must cover this share of the question's weighted terms
CLOSE_RELEVANCE_MIN = 0.2  # … or this share, in a passage close in meaning to the question (closeness.py)
NAMED_PAGE_RELEVANCE_MIN = 0.1  # … or this share, on the health page the question names (closeness.py)
OWN_MIN = 0.1  # … and this share in its own words, unless its main clause speaks to what was asked
MAX_PER_DOCUMENT = 3  # bullets from one document (two more for a guideline)
RESTATES = 2  # a body bullet with at most this many content words beyond the question's adds nothing
B_NOVEL = 0.03  # bottom line of an open question: per content word beyond the question's …
NOVEL_CAP = 5  # … up to this many (longer is not better)
B_FIRST_STEP = 0.08  # … and for a treatment question, saying what to start with
P_WEAK = 0.08  # … graded weakly ("conditional", grade D, "evidence both for and against")
B_INTERVENTION = 0.08  # … naming what to do (a drug, a procedure, a therapy)
B_IMAGING = 0.5  # asked which imaging: an appropriateness table's "usually appropriate" (more than a finding)
B_RATING = 0.03  # … and per point of its rating above 7
B_MEASURE = 0.1  # asked for a measure by name: a sentence giving it in figures
P_OTHER_SUBJECT = 0.15  # a yes/no question's bottom line that does not name what it asks about
P_IN_PASSING = 0.1  # a bottom line naming the question's disease only among others
P_NEXT_STEP = 0.1  # … less when it is what to do if the first step fails
# questions about what to do, whose body is advice and findings
_PRACTICAL = frozenset({"treatment", "drugs", "diagnosis", "prevention"})
B_OUTLOOK_FIGURE = 0.1  # … and asked for the outlook, a sentence that gives it in figures
READ_ON = 0.45  # share of the best relevance a sentence on a test needs, in a guideline on the disease asked about
P_WHO_TO_TREAT = 0.2  # … or says whom to treat without naming how
P_UNSETTLED = 0.15  # … or what the evidence cannot settle
P_NOT_NEEDED = 0.4  # … or, asked how to treat, when treatment is not needed (as much as a warning)
B_NOT_NEEDED = 0.25  # … but asked whether it must be done, that it need not answers
GENERAL_MARGIN = 0.3  # a general statement leads unless a narrower one is this much better
P_PITFALL_LEAD = 0.2  # … a general "do not …" needs to come closer
MAX_SECTIONS = 4
MAX_PER_SECTION = 4
__all__ = ["ESCALATION_TITLES", "PITFALL_TITLES", "Plan", "plan"]


@dataclass
class Plan:
    bottom: Candidate
    body: list[Candidate]
    pitfalls: list[Candidate]
    escalation: list[Candidate]


def _bullet_limit(audience: Audience) -> int:
    return 6 if audience is Audience.PATIENT else 8




def choose_bottom(candidates: Sequence[Candidate], yes_no: bool, intents: Sequence[str] = (),
                  asks: Asks = NO_ASKS) -> Candidate:
    escalate, harms, imaging = asks.escalate, asks.harms, asks.imaging
    # monitoring decides the bottom line only when it is all that is asked: "What should I offer next, and what
    # monitoring will it need?" is answered first by what to offer, and a yes/no question on monitoring by the finding
    # that says whether, which need not say "monitoring" ("The practice of intensive observation for the first
    # transfusion … is probably unnecessary")
    intents = [i for i in intents if i not in SECONDARY] or ([] if yes_no else list(intents))
    # a fragment (a title) or news of a drug in development leads only if nothing else can
    candidates = [c for c in candidates if not (c.fragment or c.pipeline)] or candidates
    # … nor a sentence from a document about another disease unless it names the question's own,
    # nor one that opens with "these …" whose referent is not quoted
    candidates = [c for c in candidates if not (c.drift and not c.names_topic)] or candidates
    # … nor one about another disease only ("finafloxacin … approved for acute otitis externa" found
    # for pyelonephritis in an abstract that names both)
    candidates = [c for c in candidates if not c.elsewhere] or candidates
    # … nor one from a document about something else that names the question's disease only in
    # passing, or not at all ("… coexisting disorders, such as … ADHD" under *Bipolar disorder*)
    candidates = [c for c in candidates if not c.strays] or candidates
    # ("These findings suggest …" in a conclusion refers to the study itself: fine)
    candidates = [c for c in candidates if not (c.dangling and not c.conclusion)] or candidates
    # (nor for another population or purpose than the patient's: "… for endometrial protection as part of … HRT …" for
    # a device fitted "purely for contraception")
    candidates = [c for c in candidates if not c.conflicts] or candidates
    everything = candidates
    best_rel = max(c.relevance for c in candidates)
    if escalate:  # "When should … be referred?" is answered by when to refer
        on_intent = [c for c in candidates if c.escalation and c.relevance >= 0.6 * best_rel]
    elif harms and not yes_no:  # "What are the side effects of metformin?" is answered by what the harms are
        on_intent = [c for c in candidates if c.pitfall and c.relevance >= 0.6 * best_rel]
        # (… of the drug it names: "Is it safe for her to use ibuprofen gel?" by the harms of NSAIDs, not by "Do not
        # offer rubefacients")
        on_intent = [c for c in on_intent if any(form <= c.stems for form in asks.drugs)] or on_intent
    else:  # a question about symptoms gets a bottom line about symptoms, in its main clause if possible
        # (a yes/no question's bottom line is the finding that decides it, whatever its theme)
        asked = main_clause_themes(intents)
        # (asked how it is diagnosed, a guideline on the disease is read further: "MRI with and without contrast of
        # the complete spine is the ideal imaging study" answers how vertebral osteomyelitis is worked up without
        # repeating its name; a test rarely does)
        # (… and what the treatments of the disease are, said on a page about it: "Treatments include medicines to
        # control dizziness, limiting salt in your diet, and taking water pills" on MedlinePlus's Meniere's disease)
        # (… and asked which drug, a treatment that names one answers: "Metoclopramide is the first line of prokinetic
        # therapy …" for "Which prokinetic should I start?")
        # (… and asked in lay words that name no disease, what the page closest to them says of it: "… a burning, numb
        # patch on the outside of my right thigh … What is this, and will it go away?" is answered by "Meralgia
        # paresthetica usually has a good prognosis", on the page whose words the question's are)
        closest = max(candidates, key=lambda c: c.relevance)
        described = closest.hit.document.kind is Kind.CONSUMER and asks.describes
        main = [] if yes_no else [c for c in candidates if (c.primary in asked or (
            "drugs" in asked and c.primary == "treatment" and drug_words(c.text))) and (c.relevance >= best_rel * (
                READ_ON if c.primary == "diagnosis" and c.titled and c.hit.document.kind is Kind.GUIDELINE else 0.6)
            or (c.primary == "treatment" and c.titled and OPTIONS.match(c.text) is not None)
            # (… and what helps, on a health page on the disease: "Taking medicines and using nasal sprays can relieve
            # symptoms", on MedlinePlus's hay fever page, for "What can I do about my hay fever?")
            or (c.primary == "treatment" and c.titled and c.hit.document.kind is Kind.CONSUMER
                and c.relevance >= 0.5 * best_rel and RELIEVES.search(c.text) is not None)
            or (described and c.hit.document.id == closest.hit.document.id))]
        main = ([] if yes_no else described_first(candidates)) or main  # (the disease a case describes: what it is)
        if asks.defines and not yes_no and set(intents) == {"definition"}:
            # "What is Valtrex?" is answered by what Valtrex is, not a sentence naming it ("What is the treatment
            # for scabies?" asks about its treatment)
            main = ([c for c in candidates if defines(c, asks)]
                    or [c for c in candidates if defines(c, asks, loosely=True)] or main)
        on_intent = main or [c for c in candidates if set(c.themes) & set(intents) and c.relevance >= 0.6 * best_rel]
    if on_intent:
        candidates = on_intent
        best_rel = max(c.relevance for c in candidates)
    if "prognosis" in intents and not ({"treatment", "drugs"} & set(intents)):
        # asked for the outlook, a statement of it answers, not advice that mentions survival ("… clinic
        # referral should be considered … to prolong survival")
        candidates = [c for c in candidates if not c.recommendation] or candidates
        best_rel = max(c.relevance for c in candidates)

    treats = "treatment" in intents or "drugs" in intents
    steps = treats or "prevention" in intents  # (prevention has first and later steps too)

    def imaging_not_needed(c: Candidate) -> bool:
        # asked whether the patient needs imaging, a table's "usually not appropriate" for the patient's own scenario
        # answers it ("MRI lumbar spine … is usually not appropriate (rating 2) for … uncomplicated low back pain …; no
        # red flags")
        return (asks.imaging and bool(asks.whether) and not for_other_scenario(c.text, c.narrower)
                and USUALLY_NOT_APPROPRIATE.search(c.text) is not None)
    outlook = "prognosis" in intents and not treats

    def key(c: Candidate) -> float:
        # (a weak grade — "conditional", grade D — is no credit)
        # (a sentence naming the question's disease only among others — "… a symptom of several cancers including
        # colorectal, …, pancreatic …" — says less of it than one about it)
        bonus = (0.25 * (c.conclusion or c.recommendation) + 0.1 * (c.graded and c.strength >= 0)
                 - 0.15 * (c.stats > 1) - 0.2 * c.dangling - P_IN_PASSING * c.in_passing)
        if c.conclusion and not c.recommendation and c.hit.document.kind is Kind.GUIDELINE:
            bonus -= 0.1  # a guideline's summary of the evidence ("… evidence suggests …") is not what it recommends
        if yes_no and c.conclusion:
            bonus += 0.15
        if yes_no and asks.about and not any(form <= c.stems for form in asks.about):
            bonus -= P_OTHER_SUBJECT  # "… psychostimulants … manage fatigue" does not decide whether exercise does
        # (… unless it is what a part of the question asks: "does he need a bisphosphonate routinely?" is answered by
        # "Do not routinely offer bisphosphonates to prevent osteoporosis in men … having androgen deprivation
        # therapy")
        whether = any(form <= c.stems for form in asks.whether)
        if imaging_not_needed(c):
            whether = True
            bonus += B_IMAGING
        if asks.done and NOT_NEEDED.search(c.text) and ANY_TREATMENT.search(c.text):
            # asked whether it must be drained or taken out, "Treatment is not needed for simple kidney cysts that do
            # not cause any symptoms" answers it (how it is drained, when it must be, does not)
            whether = True
            bonus += B_NOT_NEEDED
        if not yes_no and not harms and c.pitfall and not whether:  # "how is it treated": what to do first
            bonus -= 0.2
        if (rated := USUALLY_APPROPRIATE.search(c.text)) is not None and not for_other_scenario(c.text, c.narrower):
            # (… for the patient's own scenario: not "… for …; one or more of the following: low velocity trauma,
            # osteoporosis …" for a case that has none of them)
            # asked which imaging, an appropriateness table's rating answers ("CT abdomen and pelvis with contrast
            # is usually appropriate (rating 8) for …"); asked how a disease is diagnosed, it is one part of that.
            # The higher rating of a scenario leads (9 over 7)
            bonus += B_IMAGING * imaging + B_RATING * (int(rated.group("rating") or 7) - 7)
        if asks.measure and asks.measure in c.stems and any(ch.isdigit() for ch in c.text):
            bonus += B_MEASURE  # "… a clinical peripheral margin of 6 mm or greater is indicated" for "What margins …"
        if TELL.match(c.text):  # what to tell the patient is not the clinical answer itself
            bonus -= 0.2
        if outlook and RATE.search(c.text):
            bonus += B_OUTLOOK_FIGURE  # "… die …, usually within 3 to 5 years": the outlook in figures
        if not yes_no:
            # an open question is answered by what the sentence adds to it ("… should include a
            # thiazide-type diuretic, CCB, ACEI or ARB"), not by a restatement ("The treatment of
            # hypertension is recommended independently of gender"); a treatment question by what to
            # start with
            # (a weak grade only: across guidelines, grades are not on one scale — JNC 8's "moderate,
            # grade B" first-line drugs outrank another guideline's "grade A" dosing advice)
            bonus += B_NOVEL * min(c.novel, NOVEL_CAP) - P_WEAK * (c.strength < 0)
            if UNSETTLED.search(CONCESSION.sub("", c.text, count=1)) and not SETTLED.search(c.text):
                bonus -= P_UNSETTLED
            if (treats and NOT_NEEDED.search(c.text) and not whether) or RESEARCH_ONLY.search(c.text):
                bonus -= P_NOT_NEEDED
            if REGULATORY.search(c.text) and not c.recommendation:
                bonus -= P_UNSETTLED  # where a drug is licensed is not how to treat
            # (or a section on one: "Recommendation [Moderate-Quality Evidence] — In adults with active AS despite
            # treatment with NSAIDs")
            later = steps and said_later(c)
            if asks.later and later:
                # asked for the step after the first, it answers: "… the Task Force suggests a shared
                # decision-making approach because there are several available second-line therapies …"
                bonus += B_FIRST_STEP
            elif not escalate and (NEXT_STEP.match(c.text) or later or (steps and SOME_CASES.search(c.text))):
                bonus -= P_NEXT_STEP  # "If goal BP is not reached …": a later step
            elif treats:
                if FIRST_STEP.search(CONCESSION.sub("", c.text, count=1)) or OPTIONS.match(c.text):
                    bonus += B_FIRST_STEP
                if names_intervention(c.text) and (not c.pitfall or whether):
                    # "Treatment is with antibiotics", not "Treating … is becoming more difficult"
                    bonus += B_INTERVENTION
                elif WHO_TO_TREAT.search(c.text):
                    bonus -= P_WHO_TO_TREAT  # whom to treat, not how: "… with cirrhosis should be treated"
            elif "diagnosis" in intents and WHO_TO_TEST.search(c.text):
                bonus -= P_WHO_TO_TREAT  # whom to test, not how the diagnosis is made
        return c.score + bonus

    # (… as close as the best said of the question's own population: the sentences that say most of a screening question
    # may be advice for people presenting with symptoms, and USPSTF's statement on screening those without, saying
    # less of the question's words, is its answer)
    own_rel = max((c.relevance for c in candidates if not c.subgroup), default=best_rel)
    pool = [c for c in candidates if c.relevance >= 0.6 * min(best_rel, own_rel) and not c.method
            and not c.meta] or list(candidates)
    # … nor one about adults for a question on children, or the other way round
    pool = [c for c in pool if not c.conflicts] or pool
    # asked about a drug the patient is on, what is said of it answers ("What should I do about her valproate?": not
    # what to check before starting an antipsychotic)
    pool = [c for c in pool if any(form <= c.stems for form in asks.asked_drugs)] or pool
    # … and asked what a drug is, a sentence that names it ("What is trofinetide (Daybue), how is it thought to work
    # …?" is not answered by "The drug significantly improved Rett syndrome behavioral scores …")
    pool = [c for c in pool if any(form <= c.stems for form in asks.what_drug)] or pool
    # … nor, asked whether to do a procedure, how to do it while doing it (``DURING_PROCEDURE``)
    pool = [c for c in pool if not (yes_no and DURING_PROCEDURE.match(c.text))] or pool
    # a general question is answered for everyone: evidence about a narrower population (children,
    # pregnancy, type 1 diabetes …) or another disease leads only when nothing general comes close
    # (asked for what comes after the first treatment, advice for those it failed is for the patient: "In patients with
    # ACTH-dependent CS who underwent a noncurative surgery …, the Task Force suggests …" for "What are her second-line
    # options?")
    general = [c for c in pool if not c.subgroup or (asks.later and bool(
        said_later(c) or NONCURATIVE.search(c.text)))]

    def general_key(c: Candidate) -> float:
        # what not to do is a weaker general answer to how something is treated: "Clinicians should
        # not routinely treat BPPV with vestibular suppressants" does not push aside the repositioning
        # manoeuvre for posterior canal BPPV
        whether = any(form <= c.stems for form in asks.whether)
        return key(c) - P_PITFALL_LEAD * (c.pitfall and not yes_no and not harms and not whether)

    if general and max(map(general_key, general)) >= max(map(key, pool)) - GENERAL_MARGIN:
        pool = general
    # a question about patients with another condition ("VTE … in patients with cancer") is answered by what is
    # said of them: CHEST's 3 months for surgery-provoked VTE is not advice for active cancer
    # (a yes/no question's population is a study's: its conclusion answers, whatever it calls them)
    if not yes_no:
        pool = [c for c in pool if c.qualified] or pool
    best = max(pool, key=key)
    if treats and not (yes_no or escalate or harms or imaging_not_needed(best) or says_what_to_do(best)
                       or DESCRIBED_SCORE in best.hit.scores):
        # "The primary reason to … treat GAS pharyngitis is to decrease the risk of acute rheumatic
        # fever": about treatment without naming one. A sentence of a document on the disease that
        # names one ("Penicillin V is the drug of choice …") answers, though it repeats fewer of the
        # question's words
        named = [c for c in everything if c.titled and c.primary in main_clause_themes(intents)
                 and names_intervention(c.text) and c.recommendation
                 and not (c.pitfall or c.subgroup or c.strays or c.method or c.meta or c.fragment)]
        if named:
            return max(named, key=key)
    return best


def said_later(c: Candidate) -> bool:
    """``c`` (or the section it is under) is about a step after the first ("second-line", "if … fails")."""
    return bool(LATER_STEP.search(c.text) or LATER_STEP.search(c.section))


def says_what_to_do(c: Candidate) -> bool:
    """Advice, a finding, a named treatment (a drug, a procedure, a therapy), or that there is none ("There is no
    treatment for Todd's paralysis": what a parent asking "is there any treatment for it" needs to hear)."""
    return (c.recommendation or c.conclusion or bool(names_intervention(c.text))
            or NO_TREATMENT.search(c.text) is not None or MAINSTAY.search(c.text) is not None)


# a statement that nothing treats it ("Currently there is not a cure for Buerger disease")
NO_TREATMENT = re.compile(r"\bthere (?:is|are) (?:currently )?(?:no|not an?|not any) (?:specific |known |effective |"
                          r"proven )?(?:treatments?|cures?|therap(?:y|ies)|medicines?|medications?|drugs?)\b",
                          re.IGNORECASE)
# … or what treatment rests on ("The most essential part of treatment is to avoid all tobacco and nicotine products")
MAINSTAY = re.compile(r"\b(?:essential|important|main|key|first) (?:part|step|element) of (?:the )?(?:treatment|"
                      r"management|therapy)\b|\bmainstays? of (?:the )?(?:treatment|therapy|management)\b",
                      re.IGNORECASE)


# a health page's sentence on what helps ("… can relieve symptoms", "… may help")
RELIEVES = re.compile(r"\b(?:can|may|will|could|often|usually) (?:help )?"
                      r"(?:relieve|ease|reduce|improve|control|help)\b", re.IGNORECASE)


def plan(candidates: Sequence[Candidate], audience: Audience, yes_no: bool,
         intents: Sequence[str] = (), asks: Asks = NO_ASKS) -> Plan | None:
    # a fragment from a guideline or a consumer page is a list item out of its list; from a paper
    # it is usually the title, which states the finding ("X for the treatment of Y"): usable, lower
    # (a case's words are mostly the patient's, which no guideline repeats: in a passage close to it in meaning a
    # sentence needs fewer of them)
    # (… and the page on the disease a case describes says what it says of it in its own words: ``whole_documents``)
    usable = [c for c in candidates if c.on_topic and not c.meta and (DESCRIBED_SCORE in c.hit.scores or (
              c.relevance >= (NAMED_PAGE_RELEVANCE_MIN if NAMED_PAGE_SCORE in c.hit.scores
                              else CLOSE_RELEVANCE_MIN if CLOSE_SCORE in c.hit.scores else MIN_RELEVANCE)))
              and not (c.fragment and (c.hit.document.kind in (Kind.GUIDELINE, Kind.CONSUMER)
                                       or STUDY_TITLE.match(c.text)))]
    if not usable:
        return None
    # (the named page's sentences that say little of the question follow; they do not lead: "People with typhoid fever
    # usually have a sustained fever …" is on the page, not what a chef's wife asked)
    first = choose_bottom([c for c in usable if NAMED_PAGE_SCORE not in c.hit.scores
                           or c.relevance >= CLOSE_RELEVANCE_MIN] or usable, yes_no, intents, asks)
    bottom = with_caveat(with_own_group(with_its_qualifier(first, candidates), candidates), candidates)
    ranked = sorted(usable, key=lambda c: (c.score, -c.evidence, -c.position), reverse=True)
    floor = RELATIVE_FLOOR * ranked[0].score
    chosen: list[Candidate] = [bottom]
    per_doc = {bottom.hit.document.id: 1}
    pitfalls: list[Candidate] = []
    escalation: list[Candidate] = []
    body: list[Candidate] = []
    cited_docs = {c.hit.document.id for c in ranked[:12]}
    asked = related(intents)
    practical = not yes_no and bool(set(intents) & _PRACTICAL)
    for c in ranked:
        if c is bottom or c is first or c.method or c.conflicts or (c.implied and not bottom.subgroup):
            continue  # (a narrower population only the title names would read as general advice)
        if c.strays and not bottom.strays:  # "Gallstone symptoms may be similar to … appendicitis"
            continue
        if practical and ((c.background and c.hit.document.kind not in (Kind.GUIDELINE, Kind.CONSUMER))
                          or RESEARCH_ONLY.search(c.text)):
            # what to do is not a study's background ("BACKGROUND & AIMS: Upadacitinib is a novel …") nor a
            # call for research ("Further research is recommended on …")
            continue
        if c.dangling and not (c.conclusion or EXPLETIVE.match(c.text)):
            # "It is the most sensitive imaging technique …" after another sentence's bullet reads as
            # about that one (TTE), not what the source meant (TEE): a pronoun needs its own sentence
            # ("It is recommended that …" points forward: fine in the body; the bottom line still
            # prefers a sentence that names its subject)
            continue
        if (not yes_no and audience is Audience.CLINICIAN and c.novel <= RESTATES
                and c.hit.document.kind in (Kind.GUIDELINE, Kind.CONSUMER)
                and not (len(intents) > 1 and c.primary in intents and c.primary not in related([bottom.primary]))):
            # "The treatment of hypertension is recommended independently of gender": says nothing new (a
            # study's sentence that restates the question is its finding, and cites the study) — unless it answers
            # another part of the question than the bottom line ("The long-term prognosis … is uncertain" for "…
            # and what is the long-term outlook?")
            continue
        if (c.own < OWN_MIN and not (c.primary and c.primary in asked) and not (c.pitfall or c.escalation)
                and not (audience is Audience.PATIENT and c.hit.document.kind is Kind.CONSUMER)):
            # names nothing the question asks and speaks to another theme: off the question (patients keep
            # consumer pages' sentences, which rarely repeat the question's words; not a guideline's or a
            # paper's, which would take their place: a grading scheme's definitions, study populations)
            continue
        side = (c.pitfall or c.escalation) and (c.hit.document.id in cited_docs or c.relevance >= 0.5)
        if c.score < (SIDE_FLOOR * ranked[0].score if side else floor):
            continue
        # (… and as many as a guideline from the page on the disease a case describes, or the page the question names:
        # it is the answer)
        limit = MAX_PER_DOCUMENT + 2 * (c.hit.document.kind is Kind.GUIDELINE or DESCRIBED_SCORE in c.hit.scores
                                        or NAMED_PAGE_SCORE in c.hit.scores)
        # (… and one more for a part of the question nothing chosen speaks to yet: a health page that is the whole
        # answer to "Will he get better, …, and is there anything for the face pain …?" gives its outlook and its
        # medication)
        limit += bool(c.primary in asked and c.primary not in {o.primary for o in chosen})
        if per_doc.get(c.hit.document.id, 0) >= limit or redundant(c, chosen, asks.stems):
            continue
        # a pitfall or a referral rule for a narrower group reads as general under its heading: it
        # goes with that group's other statements ("Specific populations")
        general = not c.narrower or bool(bottom.narrower)
        if c.pitfall and general and len(pitfalls) < 3:
            pitfalls.append(c)
        elif c.escalation and general and not c.pitfall and len(escalation) < 2:
            escalation.append(c)
        elif len(body) < _bullet_limit(audience):
            body.append(c)
        else:
            continue
        chosen.append(c)
        per_doc[c.hit.document.id] = per_doc.get(c.hit.document.id, 0) + 1
    # (a bullet keeps the caution its passage puts right after it: ``joins.with_caveat``)
    body = [with_caveat(c, candidates) for c in body]
    return Plan(bottom, body, pitfalls, escalation)


def draft_bullet(c: Candidate) -> DraftBullet:
    return DraftBullet(c.text, (c.evidence, *c.corroboration))


def sections(body: Sequence[Candidate], audience: Audience, intents: Sequence[str],
             yes_no: bool) -> tuple[DraftSection, ...]:
    """Group body bullets into themed sections (one "evidence" section for yes/no questions).

    Bullets that name a narrower population than the question's ("… in adults with type 1
    diabetes", "… of eclampsia") go to a last "Specific populations" section when general
    bullets are there too: read among general advice they look like it."""
    if not body:
        return ()
    special = [c for c in body if c.narrower]
    if special and len(special) < len(body):
        general = [c for c in body if not c.narrower]
        narrower = tuple(draft_bullet(c) for c in sorted(special, key=lambda c: c.score, reverse=True))
        return (*sections(general, audience, intents, yes_no), DraftSection(POPULATION_TITLES[audience], narrower))
    if yes_no and not intents:
        return (DraftSection(EVIDENCE_TITLES[audience], tuple(draft_bullet(c) for c in body)),)
    order = [*intents, *(t.key for t in THEMES if t.key not in intents)]
    groups: dict[str, list[Candidate]] = {}
    for c in body:
        # the theme of its main clause: "The initial study … is comprised by … blood analysis
        # (… potassium …)" is about diagnosis, though it names a drug-like word
        theme = c.primary if c.primary in c.themes else next((k for k in order if k in c.themes), "evidence")
        groups.setdefault(theme, []).append(c)
    # small groups the question did not ask about fold into the general evidence section
    asked = related(intents)
    for key in list(groups):
        if key != "evidence" and key not in asked and len(groups[key]) < 2:
            groups.setdefault("evidence", []).extend(groups.pop(key))
    keys = sorted(groups, key=lambda k: (k not in asked, k == "evidence",
                                        -max(c.score for c in groups[k])))
    if len(keys) > MAX_SECTIONS:
        extra = [c for k in keys[MAX_SECTIONS - 1:] for c in groups[k]]
        keys = [*keys[: MAX_SECTIONS - 1], "evidence"]
        groups["evidence"] = extra
    out = []
    for key in keys:
        items = sorted(groups[key], key=lambda c: c.score, reverse=True)[:MAX_PER_SECTION + 2]
        title = EVIDENCE_TITLES[audience] if key == "evidence" else theme_by_key(key).title(audience)
        out.append(DraftSection(title, tuple(draft_bullet(c) for c in items)))
    return tuple(out)
