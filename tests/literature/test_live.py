"""``maybe_fetch_live``: the decision to go to PubMed, the fetch itself, and every fallback."""

from __future__ import annotations

import socket

import pytest

from curbside.ingest import ingest_documents
from curbside.literature.eutils import EutilsClient
from curbside.literature.live import mark_fetched_live, maybe_fetch_live, network_available
from curbside.literature.query import build_query
from curbside.literature.sufficiency import assess
from curbside.records import Kind, Reference
from curbside.settings import Settings
from curbside.store import Store
from tests.conftest import make_doc
from tests.literature.conftest import ASTHMA_PMID
from tests.literature.eutils_server import Canned, EutilsServer

pytest.importorskip("curbside.sources.pubmed", reason="the PubMed parser (sources/pubmed.py) is not there yet")

QUESTION = "Is as-needed budesonide-formoterol effective in mild asthma?"


def _dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/entrez/eutils"


def test_empty_kb_fetches_live_and_the_next_ask_is_local(eutils: EutilsServer, settings: Settings,
                                                         kb: Store) -> None:
    query = build_query(QUESTION)
    eutils.searches[query.term] = [ASTHMA_PMID, "27797938", "9997"]
    result = maybe_fetch_live(kb, settings, QUESTION, hits=[])
    assert result.status == "fetched" and result.fetched
    assert result.fetched_ids == (f"pmid:{ASTHMA_PMID}", "pmid:27797938", "pmid:9997")
    assert result.query == query.term and "3 PubMed articles were fetched live" in result.note
    assert [c.service for c in eutils.calls()] == ["einfo", "esearch", "efetch"]
    assert kb.counts()["documents"] == 3
    # the KB now answers this question itself: no request at all
    again = maybe_fetch_live(kb, settings, QUESTION)
    assert again.status == "not_needed" and not again.fetched and again.note == ""
    assert again.sufficiency is not None and again.sufficiency.relevant_documents >= 1
    assert len(eutils.calls()) == 3


def test_repeated_forced_question_is_served_from_the_cache(eutils: EutilsServer, settings: Settings,
                                                           kb: Store) -> None:
    first = maybe_fetch_live(kb, settings, QUESTION, force=True)
    n = len(eutils.calls())
    second = maybe_fetch_live(kb, settings, QUESTION, force=True)
    assert second.status == "fetched" and second.fetched_ids == first.fetched_ids
    assert second.requests == 0 and len(eutils.calls()) == n


def test_sufficient_kb_makes_no_request(eutils: EutilsServer, settings: Settings, kb: Store) -> None:
    ingest_documents(kb, [make_doc("doc:1", "As-needed budesonide-formoterol in mild asthma",
                                   ("Abstract", "As-needed budesonide-formoterol was effective in mild asthma."))])
    result = maybe_fetch_live(kb, settings, QUESTION)
    assert result.status == "not_needed"
    assert eutils.calls() == []


def test_offline_falls_back_with_a_clear_note(eutils: EutilsServer, settings: Settings, kb: Store) -> None:
    result = maybe_fetch_live(kb, settings.replace(offline=True), QUESTION, hits=[])
    assert result.status == "offline" and not result.fetched
    assert "curbside ingest" in result.note and "pull pubmed" in result.note
    assert eutils.calls() == [] and kb.counts()["documents"] == 0


def test_unreachable_network_falls_back(settings: Settings, kb: Store) -> None:
    result = maybe_fetch_live(kb, settings.replace(eutils_url=_dead_url()), QUESTION)
    assert result.status == "unreachable" and "could not be reached" in result.note
    assert kb.counts()["documents"] == 0


def test_failed_fetch_stores_nothing_and_says_so(eutils: EutilsServer, settings: Settings, kb: Store) -> None:
    eutils.script("efetch", *[Canned(status=502, body=b"Bad Gateway")] * 3)
    keyed = settings.replace(ncbi_api_key="test-key")  # 10 requests/s keeps the test quick
    with EutilsClient.from_settings(keyed, cache=kb, retries=2, backoff_s=0.01) as client:
        result = maybe_fetch_live(kb, settings, QUESTION, client=client)
    assert result.status == "failed" and "HTTP 502" in result.error
    assert result.note.startswith("Live PubMed search failed")
    assert kb.counts()["documents"] == 0 and kb.cache_count("efetch") == 0


def test_nothing_found_is_honest(eutils: EutilsServer, settings: Settings, kb: Store,
                                fast_client: EutilsClient) -> None:
    eutils.default_ids = []
    result = maybe_fetch_live(kb, settings, QUESTION, client=fast_client)
    assert result.status == "nothing_found" and "found no articles" in result.note
    assert not result.fetched


def test_network_probe_is_short_and_remembered(eutils: EutilsServer, settings: Settings) -> None:
    assert network_available(settings) is True
    assert network_available(settings) is True
    (probe,) = eutils.calls()
    assert probe.service == "einfo" and probe.params["tool"] == "curbside-tests"
    assert network_available(settings.replace(offline=True)) is False
    assert network_available(settings.replace(eutils_url=_dead_url()), timeout_s=0.5) is False
    assert len(eutils.calls()) == 1


def test_sufficiency_is_judged_on_coverage_of_the_question(kb: Store, settings: Settings) -> None:
    ingest_documents(kb, [
        make_doc("doc:a", "Asthma in children", ("Abstract", "Asthma is common in children and adolescents.")),
        make_doc("doc:b", "Gout", ("Abstract", "Allopurinol lowers urate in gout.")),
    ])
    verdict = assess(kb, settings, "Is allopurinol effective for gout?")  # "effective" is a generic word
    assert verdict.sufficient and verdict.relevant_documents == 1 and verdict.best_coverage == 1.0
    thin = assess(kb, settings, "budesonide formoterol in mild asthma")
    assert not thin.sufficient and thin.best_coverage == 0.25
    assert not assess(kb, settings, "allopurinol for gout", min_score=5.0).sufficient  # the bm25 knob
    assert not assess(kb, settings, "statins").sufficient  # no hits at all


def test_references_are_marked_as_fetched_live() -> None:
    refs = (Reference(1, "pmid:1", Kind.RCT, "A"), Reference(2, "doc:local", Kind.GUIDELINE, "B"))
    marked = mark_fetched_live(refs, ["pmid:1", "pmid:9"])
    assert [r.fetched_live for r in marked] == [True, False]
    assert marked[0].title == "A" and marked[1] is refs[1]


def test_ask_answers_from_live_references(eutils: EutilsServer, settings: Settings, kb: Store) -> None:
    """The flow ``ask`` wires in: fetch when thin, answer, mark the live references."""
    from curbside.answer import ask

    question = "Should as-needed budesonide-formoterol be used in mild asthma?"
    live = maybe_fetch_live(kb, settings, question, hits=[])
    answer = ask(kb, settings, question, save=False)
    references = mark_fetched_live(answer.references, live.fetched_ids)
    assert not answer.insufficient
    assert any(r.fetched_live and r.pmid == ASTHMA_PMID for r in references)
    assert all(r.fetched_live == (r.document_id in live.fetched_ids) for r in references)


def test_ask_itself_fetches_live_once_then_answers_locally(eutils: EutilsServer, settings: Settings,
                                                          kb: Store) -> None:
    """`ask` on an empty KB fetches from PubMed, says so, and the same question again is local."""
    from curbside.answer import ask

    question = "Should as-needed budesonide-formoterol be used in mild asthma?"
    first = ask(kb, settings, question)
    assert not first.insufficient
    live_refs = [r for r in first.references if r.fetched_live]
    assert live_refs and any(r.pmid == ASTHMA_PMID for r in live_refs)
    assert any("PubMed" in note for note in first.notes)
    before = len(eutils.requests)
    second = ask(kb, settings, question)
    assert len(eutils.requests) == before, "a repeated question must not reach PubMed again"
    assert not any(r.fetched_live for r in second.references)
