"""The extractive generator (default): composes the answer from evidence sentences, verbatim
apart from light trimming, so every claim is exactly what a cited source says."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from curbside.answer.abbreviations import asked_abbreviations, defined_abbreviations
from curbside.answer.closeness import asked_names, names_any
from curbside.answer.compose import INSUFFICIENT
from curbside.answer.evidence import CLOSE_DOCUMENT_SCORE, CLOSE_SCORE, GROUP_SCORE, abbreviated, marked_close
from curbside.answer.exclusions import excluded_diseases, excludes
from curbside.answer.followups import context_question
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.generators.extractive.assemble import (
    NO_TREATMENT,
    Asks,
    Plan,
    draft_bullet,
    plan,
    says_what_to_do,
    sections,
)
from curbside.answer.generators.extractive.candidates import Candidate, extract, heading
from curbside.answer.generators.extractive.gap_fill import fill_gaps
from curbside.answer.generators.extractive.guideline_vote import names_subject, risk_levels
from curbside.answer.generators.extractive.lead_verdict import lead_with_deciding, promote
from curbside.answer.generators.extractive.scoring import score_all
from curbside.answer.generators.extractive.subgroups import for_patients_with_a_disease, mark
from curbside.answer.generators.extractive.verdict import decide, show_basis
from curbside.answer.generators.extractive.verdict_result import VerdictResult
from curbside.answer.lexicon import disease_mentions
from curbside.answer.patient_facts import for_another_patient
from curbside.answer.plain import gloss_draft
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, asks_more
from curbside.answer.tables import table_context
from curbside.answer.terms import Terms, TermStats, content_terms
from curbside.answer.text import content_stems
from curbside.answer.themes import (
    ASKS_ABOUT,
    ASKS_DIAGNOSIS,
    ASKS_MANAGEMENT,
    ASKS_WORKUP,
    main_clause_themes,
)
from curbside.answer.topic_sources import RECORD_STATEMENT, RISK_ASSESSMENT
from curbside.answer.vignette import asking
from curbside.answer.whole_documents import DESCRIBED_SCORE
from curbside.drug_names import drug_words, names_drug
from curbside.records import Audience, Hit, Kind, Passage
from curbside.settings import Settings
from curbside.store import Store
from curbside.titles import has_title

NAME = "extractive-v1"
CLOSEST = 3  # sentences shown when nothing answers what was asked
# (shown when the gate abstains: too little of the question is covered to answer from them, which is not to say they do
# not answer it — readers found the answering passage among them in about one abstention in three)
CLOSEST_TITLE = "Closest passages found (too little to answer from; they may not answer the question)"
THIN_NOTE = ("thin evidence: the bottom line comes from a consumer-health page; no guideline or study sentence in the "
             "knowledge base says it")
DESCRIBED_NOTE = ("the case names no diagnosis: the answer is read from the health page whose description matches the "
                  "case best; check that the diagnosis fits before acting on it")


class ExtractiveGenerator:
    """``stats`` weighs question terms by their rarity in the knowledge base (optional)."""

    name = NAME

    def __init__(self, stats: TermStats | None = None) -> None:
        self.stats = stats or TermStats(None)
        self.last_verdict: VerdictResult | None = None  # for inspection and eval
        # a guideline read whole (for its own abbreviations and its tables' headers), and the abbreviations it
        # defines, by the KB's revision (an ingest may change the guideline) and the document's id
        self._guidelines: dict[tuple[int, str], tuple[Passage, ...]] = {}
        self._abbreviations: dict[tuple[int, str], dict[str, str]] = {}
        self._exclusions: dict[tuple[int, str], set[frozenset[str]]] = {}

    def _whole(self, store: Store, doc_id: str) -> tuple[Passage, ...]:
        key = (store.revision, doc_id)
        if key not in self._guidelines:
            self._guidelines[key] = tuple(store.passages_for(doc_id))
        return self._guidelines[key]

    def _document_abbreviations(self, doc_id: str) -> dict[str, str]:
        """The abbreviations a document in the evidence defines anywhere in it: a guideline's recommendations say
        "severe AS" long after "Aortic Stenosis (AS)" heads a section the evidence did not keep, and an abstract's
        conclusion says "GP ablation did not prove to be beneficial" where its background defined "ganglionated plexi
        (GP)"."""
        store = self.stats.store
        if store is None:
            return {}
        key = (store.revision, doc_id)
        if key not in self._abbreviations:
            self._abbreviations[key] = defined_abbreviations(
                " ".join(f"{p.section} {p.text}" for p in self._whole(store, doc_id)))
        return self._abbreviations[key]

    def _excluding(self, question: str, found: Sequence[Candidate]) -> set[str]:
        """The guidelines in the evidence that say their recommendations do not apply to a disease the question's
        patient has (``exclusions``): NICE's hepatitis B thresholds for a man with HIV."""
        store = self.stats.store
        if store is None or not disease_mentions(question):
            return set()
        out = set()
        for doc in {c.hit.document.id: c.hit.document for c in found if c.hit.document.kind is Kind.GUIDELINE}.values():
            key = (store.revision, doc.id)
            if key not in self._exclusions:
                self._exclusions[key] = excluded_diseases((p.text for p in self._whole(store, doc.id)), doc.title)
            if excludes(question, self._exclusions[key]):
                out.add(doc.id)
        return out

    @staticmethod
    def _group_documents(question: str, found: Sequence[Candidate]) -> set[str]:
        """Documents for the group the question's disease belongs to, which ``evidence.gather`` kept because nothing
        on the disease itself says what was asked (ASCO's fertility preservation "for patients with cancer", for a
        boy with Hodgkin lymphoma). Their sentences speak for the disease: its name counts as said."""
        group = {c.hit.document.id for c in found if GROUP_SCORE in c.hit.scores}
        if group:
            disease = frozenset(s for name in disease_mentions(question) for s in content_stems(name))
            for c in found:
                if c.hit.document.id in group:
                    c.stems = c.stems | disease
        return group

    def _explaining(self, found: Sequence[Candidate], terms: Terms) -> None:
        """Asked what a case's findings are, the documents that explain fewer of them than the best one are
        marked down (``P_EXPLAINS`` per share of the case's words fewer): "… his right shin has become bowed …, his
        hats no longer fit … hearing … alkaline phosphatase … cortical thickening … What is the likely diagnosis …?"
        is answered from the guideline on Paget's disease of bone, not KDIGO's "… abnormal levels of calcium,
        phosphate, PTH, alkaline phosphatases …"."""
        if self.stats.store is None:
            return
        case = replace(terms, optional=frozenset(), parts=())
        explains = {c.hit.document.id: case.coverage(self.stats.document_stems(c.hit.document)) for c in found}
        best = max(explains.values(), default=0.0)
        for c in found:
            c.score -= P_EXPLAINS * (best - explains[c.hit.document.id])

    def _tables_carried(self, evidence: Sequence[Hit]) -> dict[str, tuple[str, ...]]:
        """By passage id, the table header, scenario and legend lines a guideline's table runs on
        under from earlier in the document (an ACR table split over two passages keeps its header
        in the first)."""
        store = self.stats.store
        out: dict[str, tuple[str, ...]] = {}
        for hit in evidence:
            passage = hit.passage
            if store is None or " | " not in passage.text or hit.document.kind is not Kind.GUIDELINE:
                continue
            whole = self._whole(store, passage.doc_id)
            out[passage.id] = table_context([p.text for p in whole if p.ordinal < passage.ordinal],
                                            "\n".join(p.text for p in whole))
        return out

    def candidates(self, question: str, evidence: Sequence[Hit], audience: Audience,
                   context: str = "") -> list[Candidate]:
        context = context_question(context) if context else ""
        info = analyse(question, context=context)
        terms = self.stats.terms(info, content_terms(context))
        found = extract(evidence, carried=self._tables_carried(evidence))
        _with_risk_groups(found, evidence)
        scope = Scope.of(info.text, context)
        text: dict[str, list[str]] = {}  # title and the evidence passages of each document
        for c in found:
            parts = text.setdefault(c.hit.document.id, [c.hit.document.title])
            if c.hit.passage.text not in parts:
                parts.extend((c.hit.passage.section, c.hit.passage.text))
        defined = {doc_id: {**self._document_abbreviations(doc_id), **defined_abbreviations(" ".join(parts))}
                   for doc_id, parts in text.items()}
        wordings = {form for forms in terms.alternatives.values() for form in forms}
        topical = {**asked_abbreviations(terms.weights, defined.values(), wordings),
                   **scope.topic_abbreviations(defined.values())}
        group = self._group_documents(info.text, found)
        if terms.asked:
            # (a document close in meaning to a case speaks for it, as one on the disease's group does, whichever of the
            # patient's diseases it names: BTS on bronchoscopy for an older man with COPD and a coronary stent)
            group |= {c.hit.document.id for c in found if CLOSE_SCORE in c.hit.scores}
            # (… and so does the page on the disease a case describes without naming it: ``whole_documents``)
            group |= {c.hit.document.id for c in found if DESCRIBED_SCORE in c.hit.scores}
        # "Patients with mild-to-moderate CDI should be treated with metronidazole …" covers the
        # question on Clostridium difficile infection as well as a sentence that spells it out
        score_all(found, abbreviated(terms, topical), audience, info.intents,
                  headed=lambda c: scope.names_disease and not scope.names_topic(c.hit.document.title)
                  and scope.names_topic(heading(c.section)))
        if terms.asked and ASKS_DIAGNOSIS.search(asking(info.text)):
            self._explaining(found, terms)
        if any(marked_close(c.hit) for c in found):
            # answered on closeness in meaning (closeness.py), where the question's rarest word does not settle what
            # is on topic: a sentence outside the close passages must also name a drug, a disease or a procedure
            # asked about, if any is ("… methotrexate …: should folic acid be given?" is not answered by valproate's
            # folic acid); one from a close passage's document, when it names a drug, one of the drugs asked about
            # ("… start metformin …, or does he need insulin …?" is not answered by glucagon for hypoglycaemia)
            names = asked_names(info.text, terms)
            drugs = set(drug_words(asking(info.text)))
            for c in found:
                if CLOSE_SCORE in c.hit.scores:
                    continue
                if CLOSE_DOCUMENT_SCORE in c.hit.scores:
                    named = set(drug_words(c.text))
                    c.on_topic = c.on_topic and not (drugs and named and not named & drugs
                                                     and not names_any(c.stems, names))
                elif not names_any(c.stems, names):
                    c.on_topic = False
        scopes = _abbreviation_scopes(scope, defined, topical)
        mark(found, scope, scopes)
        for c in found:  # (advice for a purpose or smokers the patient is not: patient_facts.for_another_patient)
            c.another_patient = for_another_patient(info.text, c.text)
            c.conflicts = c.conflicts or c.another_patient
        for_patients_with_a_disease(found, info.text, defined)
        for doc_id in self._excluding(info.text, found):
            for c in found:
                c.conflicts = c.conflicts or c.hit.document.id == doc_id
        if scope.topics:  # a question about a disease is answered from documents about it
            about = {doc_id: scopes[doc_id].about(parts[0], " ".join(parts)) for doc_id, parts in text.items()}
            about.update(dict.fromkeys(group, True))
            for c in found:
                own = scopes[c.hit.document.id]
                c.on_topic = c.on_topic and about[c.hit.document.id]
                # the disease named as part of the other one the title is about ("herpes zoster
                # oticus", "pulmonary hypertension") is not the question's
                c.names_topic = own.names_topic(_without(c.text, c.drift))
                title = c.hit.document.title
                if c.hit.document.id in group:
                    c.drift = c.implied = ()
                # (a document on the group the disease belongs to speaks for it: SIGN's "Diagnosis and management of
                # epilepsy in adults" for a woman with focal epilepsy)
                c.titled = (not has_title(title) or own.names_topic(_without(title, c.drift))
                            or c.hit.document.id in group or own.names_parent(title))
                c.in_passing = own.names_topic_in_passing(c.text)
                # (or the heading it sits under, in a document on no other disease or the disease's
                # parent, whose drift ``subgroups.mark`` cleared)
                c.titled = c.titled or (not c.drift and own.names_topic(heading(c.section)))
            # a health page whose opening defines its disease as caused by the question's ("Wallenbergs syndrome is a
            # neurological condition caused by a stroke in the vertebral or posterior inferior cerebellar artery …") is
            # on what that does: its feeding tube and gabapentin answer a question about that stroke (not a page on a
            # form of it: "… an advanced form of alopecia areata" is not the page on alopecia areata)
            kinds = {c.hit.document.id for c in found if c.primary == "definition" and c.names_topic
                     and not c.in_passing and c.hit.document.kind is Kind.CONSUMER and c.hit.passage.id.endswith("#0")
                     and _CAUSED_BY.search(c.text)}
            for c in found:
                c.titled = c.titled or c.hit.document.id in kinds
            # a document without a title (a BioASQ snippet, a PubMedQA abstract) is about the disease
            # when one of its sentences names it other than in passing ("Avipiravir, … mainly used
            # for the treatment of influenza, … curative effect in treating Ebola virus infection")
            direct = {c.hit.document.id for c in found if c.names_topic and not c.in_passing}
            for c in found:
                if not has_title(c.hit.document.title):
                    c.titled = c.hit.document.id in direct
        for c in found:
            # the page on the disease a case describes is about the case, whatever its rarest word or the diseases the
            # case names ("… labelled optic neuritis" for NINDS's "Neuromyelitis optica (NMO) is an autoimmune disease
            # …"): ``whole_documents.described_page``
            # (… and its sentences are the answer's body, which their share of the case's words understates: what
            # treats NMO and how it differs from MS say none of its hiccups or lesion)
            if DESCRIBED_SCORE in c.hit.scores:
                c.on_topic, c.titled, c.names_topic, c.elsewhere, c.drift, c.implied = True, True, True, (), (), ()
                c.score += B_DESCRIBED
        return found

    def generate(self, question: str, evidence: Sequence[Hit], audience: Audience,
                 context: str = "") -> Draft:
        info = analyse(question, context=context_question(context) if context else "")
        found = self.candidates(question, evidence, audience, context)
        asks = Asks.of(info.text)
        escalate, harms = asks.escalate, asks.harms
        chosen = plan(found, audience, info.yes_no, info.intents, asks)
        if chosen is None:
            return Draft(bottom_line=DraftBullet("", ()), sections=(), insufficient=True,
                         notes=("no evidence sentence addressed the question",), generator=NAME)
        verdict = None
        # (a question about side effects is answered by a harm, whatever the theme reader makes of it)
        described = DESCRIBED_SCORE in chosen.bottom.hit.scores
        if not (described or info.yes_no or escalate) and "treatment" in info.intents and ASKS_MANAGEMENT.search(
                info.text):  # (asked how to treat, not told of a treatment: "now that our son's treatment is finished")
            _lead_with_treatment(chosen, info.intents)
        notes: tuple[str, ...] = (() if harms and chosen.bottom.pitfall
                                  else (DESCRIBED_NOTE,) if described
                                  else _off_intent(chosen.bottom, info.intents, info.yes_no, escalate))
        # the best sentence is from a document about something else and names the disease only in
        # passing ("… including cough, hyperkalemia …" from a CKD guideline for "management of
        # hyperkalemia"): the knowledge base has nothing about the disease itself on this
        # (… or it is about adults for a question on children, or the other way round)
        strays = (chosen.bottom.strays or chosen.bottom.conflicts) and not info.yes_no
        # … or the best sentence is how a study was done ("We evaluated in both groups …"): no finding
        # (a question about a study — "What doses of RT001 were used in the phase I/II trial?" — is
        # answered by its methods; a clinical how-question is not)
        methods = chosen.bottom.method and not info.yes_no and bool(
            ASKS_MANAGEMENT.search(info.text) or ASKS_WORKUP.search(info.text))
        # (advice for another population — adults for children, everyone else for pregnancy — is no answer,
        # whether or not the question names a disease: "first-line treatment for nausea and vomiting of pregnancy"
        # is not answered by end-of-life care)
        # (a question that names the drug it asks about asks how to treat: "Is methotrexate appropriate, what
        # regimen …?" is not answered by how ectopic pregnancy is diagnosed)
        treating = bool(ASKS_MANAGEMENT.search(info.text)) or (
            bool(info.intents) and set(info.intents) <= {"drugs", "treatment"} and names_drug(asking(info.text)))
        # (for a patient too, when the best sentence names the disease only in passing in a document about something
        # else: "What is blepharitis?" is not answered by a syndrome's table of twenty signs)
        elsewhere = chosen.bottom.strays and not info.yes_no and bool(disease_mentions(info.text))
        if elsewhere or (audience is Audience.CLINICIAN and (
                (((notes and not escalate and treating and not described) or strays or methods)
                 and disease_mentions(info.text))
                or (chosen.bottom.conflicts and not info.yes_no))):
            # nothing speaks to what was asked ("first-line treatment of GAD" answered from pages on
            # what anxiety is): saying so beats a padded answer; what was found is shown as such
            return _closest_only(chosen, "the closest sentence is from a document about something else" if strays
                                 else "the closest sentence is a study's methods" if methods
                                 else NO_TREATMENT_NAMED if NO_TREATMENT_NAMED in notes[0]
                                 else f"no evidence sentence speaks to the question ({', '.join(info.intents)})")
        if audience is Audience.CLINICIAN and chosen.bottom.hit.document.kind is Kind.CONSUMER:
            # (a clinician should know the answer rests on a health page: the knowledge base had no guideline or
            # study sentence that said it better)
            notes = (*notes, THIN_NOTE)
        if info.yes_no:
            # (a verdict rests on sentences about what was asked: NICE's advice on exercise in MS says nothing of
            # whether ocrelizumab works in primary progressive MS, though "MS" names the disease; a study's sentences
            # are on what it studied, whether or not they repeat the question's rarest word)
            # (nor on advice for another patient: after a caesarean section for "… while pregnant?")
            voters = [c for c in found if not c.another_patient]
            self.last_verdict = decide(info.text, [c for c in voters if c.on_topic or c.hit.document.kind not in (
                Kind.GUIDELINE, Kind.CONSUMER)] or voters)
            verdict = self.last_verdict.verdict
            if for_others_only(info.text, found, self.last_verdict):
                return _closest_only(chosen, FOR_OTHERS)
            lead_with_deciding(chosen, found, self.last_verdict)
            show_basis(chosen, found, self.last_verdict)  # the answer shows what the verdict rests on
            if asks_more(info.text):
                verdict = None
            elif self.last_verdict.note:  # why "uncertain": the reader should see it
                notes = (*notes, f"verdict uncertain: {self.last_verdict.note}")
        # (a part nothing chosen mentions is answered from a document the answer cites, where one of its sentences
        # does: ``gap_fill``)
        chosen = fill_gaps(info.text, chosen, found, self.stats.terms(info, content_terms(context)).weights)
        draft = Draft(
            bottom_line=draft_bullet(chosen.bottom),
            sections=sections(chosen.body, audience, info.intents, info.yes_no),
            pitfalls=tuple(draft_bullet(c) for c in chosen.pitfalls),
            escalation=tuple(draft_bullet(c) for c in chosen.escalation),
            verdict=verdict, generator=NAME, notes=notes,
        )
        return gloss_draft(draft, evidence, question) if audience is Audience.PATIENT else draft


FOR_OTHERS = "what the evidence says of it is for another patient"


def _closest_only(chosen: Plan, reason: str) -> Draft:
    """No answer: what was found is shown as such (nothing speaks to what was asked — "first-line treatment of GAD"
    answered from pages on what anxiety is: saying so beats a padded answer)."""
    found_bullets = tuple(draft_bullet(c) for c in (chosen.bottom, *chosen.body)[:CLOSEST])
    return Draft(DraftBullet(INSUFFICIENT, ()), (DraftSection(CLOSEST_TITLE, found_bullets),),
                 insufficient=True, generator=NAME, notes=(f"insufficient evidence: {reason}",))


def for_others_only(question: str, found: Sequence[Candidate], result: VerdictResult) -> bool:
    """Asked whether someone may take something, the only advice on it is for another patient: "Women who have a CS
    should be prescribed … co-codamol with added ibuprofen" is all there is on "Can I take ibuprofen while
    pregnant?" (no sentence decided the verdict, and those that name it are for after the birth)."""
    subject = ASKS_ABOUT.search(question)
    if result.deciding or subject is None or subject.group("taker") is None:
        return False
    about = tuple(subject.group("subject").split())
    naming = [c for c in found if names_subject(c.text, about) and (c.recommendation or c.conclusion)]
    return any(c.conflicts for c in naming) and all(c.conflicts for c in naming)


B_DESCRIBED = 0.3  # score of a sentence of the page on the disease a case describes (``whole_documents``)
P_EXPLAINS = 1.0  # per share of a case's words its document says fewer of than the best one's (``_explaining``)
_CAUSED_BY = re.compile(r"\b(?:caused by|due to|results? from)\b", re.IGNORECASE)


def _abbreviation_scopes(scope: Scope, defined: Mapping[str, Mapping[str, str]],
                         topical: Mapping[str, str]) -> dict[str, Scope]:
    """The question's scope for each document, knowing the abbreviations the evidence defines for
    its diseases ("overactive bladder (OAB)" in one guideline; the next says "all patients with
    OAB" without defining it) — except where the document itself defines one as something else
    ("Alzheimer's disease (AD)" for a question on atopic dermatitis)."""
    if not topical:
        return {doc_id: scope for doc_id in defined}
    out = {}
    for doc_id, own in defined.items():
        kept = {abbr: long_form for abbr, long_form in topical.items()
                if abbr not in own or scope.names_topic(own[abbr])}
        out[doc_id] = scope.with_abbreviations(kept)
    return out


def _without(text: str, names: Sequence[str]) -> str:
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b", " ", text, flags=re.IGNORECASE)
    return text


NO_TREATMENT_NAMED = "no evidence sentence says what to treat with"


def _lead_with_treatment(chosen: Plan, intents: Sequence[str]) -> None:
    """Asked how to treat, a sentence below that says so leads: "The most essential part of treatment is to avoid all
    tobacco …", not "A doctor can help a person with Buerger disease learn about …" nor "Currently there is not a cure
    for Buerger disease …" (that there is no cure leads only where nothing says what helps), from the same health
    page."""
    bottom = chosen.bottom
    none = NO_TREATMENT.search(bottom.text) is not None
    # (on the health page that leads, whose sentences say one thing each: a guideline's table row or another document
    # leads for reasons of its own)
    if (says_what_to_do(bottom) and not none) or bottom.hit.document.kind is not Kind.CONSUMER or bottom.strays:
        return
    asked = main_clause_themes(intents)
    better = min((c for c in chosen.body if says_what_to_do(c) and c.primary in asked
                  and c.hit.document.id == bottom.hit.document.id and not (none and NO_TREATMENT.search(c.text))),
                 key=lambda c: NO_TREATMENT.search(c.text) is not None, default=None)
    if better is not None:
        promote(chosen, better)


def _off_intent(bottom: Candidate, intents: Sequence[str], yes_no: bool, escalate: bool) -> tuple[str, ...]:
    """A note when no evidence sentence speaks to what was asked and the bottom line is only the
    closest statement found (the knowledge base lacks the recommendation): the reader should know."""
    if escalate and not bottom.escalation:
        return ("no evidence sentence says when to refer or escalate; the bottom line is the closest statement "
                "found",)
    asked = main_clause_themes(intents)
    if yes_no or escalate or not asked:
        return ()
    if bottom.primary in asked:
        if "treatment" in intents and not says_what_to_do(bottom):
            # "Treating gonorrhea is becoming more difficult because drug-resistant strains are
            # increasing": about treatment, but neither advice nor a finding nor a named treatment
            return (f"{NO_TREATMENT_NAMED}; the bottom line is the closest statement found",)
        return ()
    return (f"no evidence sentence speaks directly to the question ({', '.join(intents)}); the bottom line is "
            "the closest statement found",)


def create(settings: Settings, store: Store | None = None) -> ExtractiveGenerator:
    return ExtractiveGenerator(TermStats(store))


def _with_risk_groups(found: Sequence[Candidate], evidence: Sequence[Hit]) -> None:
    """A one-recommendation record's statement says whom in its own words only "at increased risk"; the record's risk
    assessment, when the evidence kept it, says who they are ("… persons who have injected drugs …; men who have sex
    with men …"): the statement is read with those words too."""
    risks: dict[str, frozenset[str]] = {}
    for hit in evidence:
        if RISK_ASSESSMENT.match(hit.passage.section):
            said = frozenset(content_stems(hit.passage.text))
            risks[hit.document.id] = risks.get(hit.document.id, frozenset()) | said
    for c in found:
        extra = risks.get(c.hit.document.id)
        if extra and RECORD_STATEMENT.match(c.section) and "high" in risk_levels(c.text):  # "at increased risk"
            c.stems = c.stems | extra

