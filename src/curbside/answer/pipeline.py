"""``ask``: question → validated, retrieved, generated, verified, safe, stamped, stored Answer.

Outcomes besides a normal answer (all stored, all with the disclaimer and any safety notice):

* empty, too long or unsearchable question → ``QueryError`` (nothing stored);
* unknown ``follow_up_of`` → ``NotFoundError``;
* not a medical question → a *declined* answer (``insufficient=True``, note ``declined: …``);
* too little evidence (see ``answer/evidence.py``) → an *insufficient* answer that says so and
  shows the closest passages found, verbatim and cited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from curbside.answer.closeness import CLOSE_MIN, closeness_embedder, closeness_note, with_closeness, with_described
from curbside.answer.compose import INSUFFICIENT, compose
from curbside.answer.conclusions import with_conclusions
from curbside.answer.evidence import Evidence, gather
from curbside.answer.followups import context_of, suggest
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection, Generator
from curbside.answer.generators.extractive import CLOSEST_TITLE, ExtractiveGenerator
from curbside.answer.generators.extractive.guideline_vote import SCREENING
from curbside.answer.questions import QuestionInfo, analyse, asks_between, asks_to_hold_off, validate
from curbside.answer.registry import get_generator
from curbside.answer.respell import MIN_PASSAGES, respell, respelled_note
from curbside.answer.safety import red_flags
from curbside.answer.support import SupportJudge, judge_for
from curbside.answer.terms import TermStats
from curbside.answer.unknown_words import unknown_to_the_kb
from curbside.answer.vignette import asking
from curbside.literature.live import LiveResult, mark_fetched_live, maybe_fetch_live
from curbside.records import Answer, Audience
from curbside.retrieve import Filters, Retriever, make_retriever
from curbside.settings import Settings
from curbside.store import Store

Progress = Callable[[str], None]
NO_FILTERS = Filters()
URGENT = frozenset({"emergency", "crisis"})
DECLINED = ("This does not look like a medical question, so curbside does not answer it. "
            "Ask about a condition, symptom, test, treatment or medicine.")
DECLINED_NOTE = "declined: not a medical question"


def ask(
    store: Store, settings: Settings, question: str, *, audience: Audience = Audience.CLINICIAN,
    follow_up_of: str | None = None, generator: Generator | None = None, retriever: Retriever | None = None,
    progress: Progress | None = None, save: bool = True, k: int | None = None, filters: Filters = NO_FILTERS,
    live: bool = True, judge: SupportJudge | None = None,
) -> Answer:
    """Answer ``question`` from the knowledge base in ``store`` and save it (status submitted).

    ``live``: when the knowledge base holds too little on the question and the network is allowed
    (``settings.offline`` false), fetch from PubMed first (``curbside.literature``).
    ``judge``: what verifies every sentence; by default ``judge_for(generator, settings.support_judge)``."""
    emit = progress or (lambda _event: None)
    audience = Audience(audience)
    earlier = store.get_answer(follow_up_of) if follow_up_of else None
    context = context_of(earlier) if earlier else ""
    asked = validate(question, settings.max_question_chars)
    # (a word the knowledge base has never seen, misspelt, is searched as it spells it: "chylamdia")
    # (the correction must be a word passages use: 10 of them in a knowledge base of 100,000, one in a small one)
    searched, respelled = respell(store, asked, max(1, min(MIN_PASSAGES, store.passage_count_estimate() // 10_000)))
    info = analyse(searched, context=earlier.question if earlier else "", max_chars=settings.max_question_chars)
    notices = red_flags(info.text, audience)
    gen = generator or get_generator(settings.generator, settings, store=store)  # fail fast on a bad name
    verifier = judge or judge_for(gen, settings.support_judge)
    own = getattr(gen, "stats", None)  # the extractive generator's term statistics, shared
    stats = own if isinstance(own, TermStats) and own.store is store else TermStats(store)
    emit("retrieving")
    def retrieve(stats: TermStats) -> Evidence:
        found = gather(retriever or make_retriever(store, settings), info, audience, k=k or settings.k,
                       stats=stats, context_question=earlier.question if earlier else "", filters=filters)
        embedder = closeness_embedder(settings)
        return with_described(with_closeness(found, info.text, embedder, stats), info.text, embedder, stats)

    evidence = retrieve(stats)
    live_result: LiveResult | None = None
    if live and not _declined(info, evidence):
        live_result = maybe_fetch_live(
            store, settings, info.text, evidence.hits, force=not evidence.sufficient,
            progress=lambda stage, _done, _total: emit(f"pubmed:{stage}"),
        )
        if live_result.fetched:  # the KB changed: new term statistics, retrieve again
            stats = TermStats(store)
            evidence = retrieve(stats)
    # a study's yes or no is in its conclusion, and so is which of two courses it found better
    if (info.yes_no or asks_between(info.text)) and evidence.sufficient:
        evidence = with_conclusions(store, evidence, stats)
    fingerprint, kb_state = settings.fingerprint(), store.state()

    def finish(draft: Draft, name: str, follow_ups: tuple[str, ...] = ()) -> Answer:
        answer = compose(asked, draft, evidence.hits, audience=audience, generator=name, safety=notices,
                         settings_fingerprint=fingerprint, kb_state=kb_state, follow_up_of=follow_up_of,
                         follow_ups=follow_ups, judge=verifier)
        return replace(answer, notes=(respelled_note(respelled), *answer.notes)) if respelled else answer

    emit("composing")
    if _declined(info, evidence):
        answer = finish(Draft(DraftBullet(DECLINED, ()), (), insufficient=True, notes=(DECLINED_NOTE,)), "none")
    elif not evidence.sufficient:
        fallback = ExtractiveGenerator(stats)
        draft = _insufficient(info, evidence, fallback, audience, context, store)
        emit("verifying")
        answer = finish(draft, fallback.name)
    else:
        draft = gen.generate(info.text, evidence.hits, audience, context)
        if (draft.insufficient and not draft.sections and not draft.bottom_line.text and not evidence.closeness
                and evidence.terms.asked):
            # a case with enough evidence by its words (in its guideline as a whole: ``evidence.case_coverage``), yet
            # no sentence said what it asks: the passages close to it in meaning may (BTS's "no more than 5 mg
            # midazolam should be initially drawn up …" for a case of an older man's bronchoscopy). (Not a question
            # without a case: "Does a patient with moderate mitral regurgitation … need antibiotic prophylaxis …?"
            # would read *Yes* from the recommendation for mechanical valves.)
            closer = with_closeness(evidence, info.text, closeness_embedder(settings), stats, force=True)
            if closer.closeness >= CLOSE_MIN:
                again = gen.generate(info.text, closer.hits, audience, context)
                if again.bottom_line.text:
                    draft, evidence = again, closer
        if draft.insufficient and not draft.sections and not draft.bottom_line.text:
            # (enough evidence, yet no sentence of it says what was asked: the closest passages, as when there is too
            # little, with the generator's reason)
            closest = _insufficient(info, evidence, ExtractiveGenerator(stats), audience, context, store)
            draft = replace(closest, notes=draft.notes, generator=draft.generator)
        if (draft.verdict is not None and any(n.kind in URGENT for n in notices)
                and not SCREENING.search(asking(info.text))):
            # a yes/no about one's own emergency ("is this a heart attack?") is not ours to answer (whether to screen
            # for one is: "Should adolescents aged 12 to 18 years be screened for depression and suicide risk?")
            draft = replace(draft, verdict=None, notes=(*draft.notes, "no verdict: the question describes "
                                                                      "an emergency"))
        elif draft.verdict is not None and asks_to_hold_off(info.text):
            draft = replace(draft, verdict=None, notes=(*draft.notes, "no verdict: the question asks whether to hold "
                                                                      "off, and the evidence speaks of doing it"))
        if evidence.closeness and not draft.insufficient:  # (measured only where the words did not settle it)
            draft = replace(draft, notes=(*draft.notes, closeness_note(evidence)))
        emit("verifying")
        answer = finish(draft, draft.generator or gen.name, suggest(info, audience))
    if live_result is not None and (live_result.fetched_ids or live_result.note):
        answer = replace(
            answer, references=mark_fetched_live(answer.references, live_result.fetched_ids),
            notes=(*answer.notes, *((live_result.note,) if live_result.note else ())),
        )
    if save:
        store.save_answer(answer)
    return answer


DECLINE_COVERAGE = 0.35  # no medical words and the knowledge base covers less than this → decline


def _declined(info: QuestionInfo, evidence: Evidence) -> bool:
    """Decline when nothing in the question is medical and either a non-medical cue is present or
    the (medical) knowledge base barely covers it; otherwise an uncovered question is merely
    *insufficient* (it may be medical in words our vocabulary lacks)."""
    signal = info.medical
    if signal.medical:
        return False
    return bool(signal.non_medical) or evidence.coverage < DECLINE_COVERAGE


def _missing_terms(info: QuestionInfo, evidence: Evidence) -> list[str]:
    from curbside.answer.synonyms import alternatives
    from curbside.answer.terms import CHATTER, hit_stems, phrasal_terms
    from curbside.answer.text import stem

    found: set[str] = set()
    for hit in evidence.hits:
        found |= hit_stems(hit)
    # a term is found when any of its wordings is ("Cymbalta" as duloxetine)
    wordings = alternatives(list(info.terms))
    # (a case's ages, figures and description words never count against the evidence: not "missing" either)
    phrasal = phrasal_terms(info.text)
    return [t for t in info.terms if t not in CHATTER and t not in phrasal
            and stem(t) not in found | evidence.terms.optional
            and not any(form <= found for form in wordings.get(stem(t), ()))]


def _missing_note(missing: list[str], store: Store | None) -> str:
    """Which of the question's words the evidence lacks, said as it is: a word the knowledge base never uses,
    or one the passages closest to the question do not ("adrenal" is in hundreds of passages)."""
    shown = missing[:4]
    absent = unknown_to_the_kb(shown, store)
    said = []
    if nothing := [t for t in shown if t in absent]:
        said.append("the knowledge base has nothing on " + ", ".join(f"“{t}”" for t in nothing))
    if unmatched := [t for t in shown if t not in absent]:
        said.append("the passages closest to it do not mention " + ", ".join(f"“{t}”" for t in unmatched))
    return "; ".join(said)


def _insufficient(info: QuestionInfo, evidence: Evidence, gen: ExtractiveGenerator, audience: Audience,
                  context: str, store: Store | None = None) -> Draft:
    text = INSUFFICIENT
    if note := _missing_note(_missing_terms(info, evidence), store):
        text = text.rstrip(".") + f" ({note})."
    closest: list[DraftBullet] = []
    if evidence.hits:
        candidates = gen.candidates(info.text, evidence.hits, audience, context)
        seen: set[str] = set()
        for c in sorted(candidates, key=lambda c: c.relevance, reverse=True):
            if c.hit.document.id in seen or c.relevance <= 0:
                continue
            seen.add(c.hit.document.id)
            closest.append(DraftBullet(c.text, (c.evidence,)))
            if len(closest) >= 3:
                break
    title = (CLOSEST_TITLE if audience is Audience.CLINICIAN
             else "The closest things we found (they may not answer your question)")
    sections = (DraftSection(title, tuple(closest)),) if closest else ()
    return Draft(DraftBullet(text, ()), sections, insufficient=True,
                 notes=(f"insufficient evidence: best question-term coverage {evidence.coverage:.2f}",))


__all__ = ["ask"]
