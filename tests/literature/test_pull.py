"""Pulling PubMed into a real knowledge base: search → fetch → parse → ingest, and the cache."""

from __future__ import annotations

import pytest

from curbside.errors import FetchError, QueryError
from curbside.literature.eutils import EutilsClient
from curbside.literature.pull import normalise_pmids, pull_pmids, pull_query
from curbside.literature.query import build_query, raw_query
from curbside.records import Kind
from curbside.store import Store
from tests.literature.conftest import ASTHMA_PMID, DATA
from tests.literature.eutils_server import Canned, EutilsServer

pytest.importorskip("curbside.sources.pubmed", reason="the PubMed parser (sources/pubmed.py) is not there yet")

QUESTION = "Is as-needed budesonide-formoterol effective in mild asthma?"


def _stored(kb: Store) -> tuple[int, int, int]:
    counts = kb.counts()
    return counts["documents"], counts["passages"], kb.cache_count("efetch")


def test_pull_pmids_stores_parsed_articles(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    report = pull_pmids(kb, client, ["pmid:29768149", "12091962,9997"])
    assert report.added == 3 and report.missing == [] and report.requests == 1
    (call,) = eutils.calls("efetch")
    assert call.method == "POST" and call.ids == ["29768149", "12091962", "9997"]
    doc = kb.get_document(f"pmid:{ASTHMA_PMID}")
    assert doc.title.startswith("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma")
    assert doc.kind is Kind.RCT and doc.source == "pubmed" and doc.pmid == ASTHMA_PMID
    assert report.doc_ids == ["pmid:29768149", "pmid:12091962", "pmid:9997"]
    assert kb.cache_count("efetch") == 3


def test_pull_reports_ids_pubmed_does_not_know(client: EutilsClient, kb: Store) -> None:
    report = pull_pmids(kb, client, ["9997", "1"])
    assert report.added == 1 and report.missing == ["1"]


def test_pull_query_sends_the_built_query_and_stores_results(eutils: EutilsServer, client: EutilsClient,
                                                             kb: Store) -> None:
    query = build_query(QUESTION, since=2015)
    eutils.searches[query.term] = [ASTHMA_PMID, "27797938", "11748933"]
    progress: list[tuple[str, int, int]] = []
    report = pull_query(kb, client, query, max_results=2, progress=lambda *a: progress.append(a))
    (search,) = eutils.calls("esearch")
    assert search.params["term"] == query.term
    assert '"randomized controlled trial"[pt]' in query.term and '("2015"[dp] : "3000"[dp])' in query.term
    assert search.params["retmax"] == "2" and search.params["sort"] == "pub_date"
    assert "usehistory" not in search.params
    assert report.count == 3 and report.requested == [ASTHMA_PMID, "27797938"] and report.added == 2
    assert report.query == query.term and report.tried == [query.term]
    assert ("search", 2, 2) in progress and ("fetch", 2, 2) in progress and ("store", 2, 2) in progress


def test_second_identical_query_makes_no_request(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    query = build_query(QUESTION)
    first = pull_query(kb, client, query)
    n_calls = len(eutils.calls())
    assert first.added == len(eutils.default_ids) and n_calls == 2
    second = pull_query(kb, client, query)
    assert len(eutils.calls()) == n_calls and second.requests == 0
    assert second.search_from_cache and second.from_cache == len(eutils.default_ids)
    assert second.unchanged == first.added and second.added == 0


def test_overlapping_pulls_fetch_only_new_articles(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    pull_pmids(kb, client, ["9997", "12091962"])
    report = pull_pmids(kb, client, ["9997", ASTHMA_PMID])
    assert eutils.calls("efetch")[-1].ids == [ASTHMA_PMID]
    assert report.from_cache == 1 and report.added == 1 and report.unchanged == 1


def test_empty_result_is_reported_honestly(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    eutils.default_ids = []
    report = pull_query(kb, client, build_query("xyzzyplugh with quux for zorblax patients"))
    assert report.nothing_found and report.count == 0 and report.added == 0
    assert len(report.tried) == len(eutils.calls("esearch")) == 3  # strict, no filter, fewer concepts
    assert eutils.calls("efetch") == [] and kb.counts()["documents"] == 0


def test_recorded_empty_search_response(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    eutils.script("esearch", Canned(body=(DATA / "esearch_empty.xml").read_bytes()))
    report = pull_query(kb, client, raw_query("xyzzyplugh"))
    assert report.nothing_found and report.query == "xyzzyplugh"
    assert client.esearch("xyzzyplugh").not_found == ("xyzzyplugh",)


def test_relaxes_the_query_until_something_is_found(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    query = build_query(QUESTION)
    strict, loose = query.relaxations()[:2]
    eutils.searches[strict.term] = []
    eutils.searches[loose.term] = [ASTHMA_PMID]
    report = pull_query(kb, client, query)
    assert report.tried == [strict.term, loose.term] and report.query == loose.term
    assert report.added == 1


def test_malformed_xml_is_a_clear_error_and_stores_nothing(eutils: EutilsServer, client: EutilsClient,
                                                           kb: Store) -> None:
    pull_pmids(kb, client, ["9997"])
    before = _stored(kb)
    eutils.script("efetch", Canned(body=(DATA / "efetch_malformed.xml").read_bytes()))
    with pytest.raises(FetchError, match=r"malformed XML \(line \d+: .*\); nothing was stored"):
        pull_pmids(kb, client, ["11748933", "11700088"])
    assert _stored(kb) == before


def test_non_xml_answer_is_a_clear_error(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    eutils.script("efetch", Canned(body=b"<html><body>Gateway</body></html>"))
    with pytest.raises(FetchError, match="<html> instead of a PubmedArticleSet"):
        pull_pmids(kb, client, ["9997"])
    assert _stored(kb) == (0, 0, 0)


def test_timeout_stores_nothing(eutils: EutilsServer, settings: object, kb: Store) -> None:
    from curbside.settings import Settings

    assert isinstance(settings, Settings)
    eutils.script("efetch", Canned(delay=1.2, passthrough=True), Canned(delay=1.2, passthrough=True))
    with EutilsClient.from_settings(settings, cache=kb, timeout_s=0.25, retries=1, backoff_s=0.01) as c:
        with pytest.raises(FetchError, match="no answer within"):
            pull_pmids(kb, c, [ASTHMA_PMID])
    assert _stored(kb) == (0, 0, 0)


def test_refresh_updates_an_article_in_place(eutils: EutilsServer, client: EutilsClient, kb: Store) -> None:
    pull_pmids(kb, client, [ASTHMA_PMID, "9997"])
    docs, passages, _ = _stored(kb)
    eutils.revise(ASTHMA_PMID, "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma",
                  "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma (corrected)")
    cached = pull_pmids(kb, client, [ASTHMA_PMID])
    assert cached.requests == 0 and cached.unchanged == 1  # the cache answers until asked to refresh
    refreshed = pull_pmids(kb, client, [ASTHMA_PMID], refresh=True)
    assert refreshed.requests == 1 and refreshed.updated == 1 and refreshed.added == 0
    assert "(corrected)" in kb.get_document(f"pmid:{ASTHMA_PMID}").title
    assert _stored(kb)[:2] == (docs, passages)  # no duplicates
    assert kb.document_ids_by_pmid(ASTHMA_PMID) == [f"pmid:{ASTHMA_PMID}"]
    again = pull_pmids(kb, client, [ASTHMA_PMID])
    assert again.requests == 0 and again.unchanged == 1  # the cache now holds the corrected text


def test_large_pulls_use_the_history_server(eutils: EutilsServer, fast_client: EutilsClient, kb: Store) -> None:
    known = list(eutils.default_ids)
    eutils.default_ids = [str(200000 + i) for i in range(395)] + known  # 401 matches
    report = pull_query(kb, fast_client, raw_query("big topic"), max_results=450)
    (search,) = eutils.calls("esearch")
    assert search.params["usehistory"] == "y" and search.params["retmax"] == "450"
    fetches = eutils.calls("efetch")
    assert [(c.method, c.params.get("retstart"), c.params.get("retmax")) for c in fetches] == [
        ("GET", "0", "200"), ("GET", "200", "200"), ("GET", "400", "1")]
    assert all(c.params["WebEnv"] == "MCID_test0001" and c.params["query_key"] == "1" for c in fetches)
    assert report.added == len(known) and len(report.missing) == 395


def test_history_pull_from_a_cached_search_posts_ids(eutils: EutilsServer, fast_client: EutilsClient,
                                                     kb: Store) -> None:
    eutils.default_ids = [str(300000 + i) for i in range(201)] + ["9997"]
    pull_query(kb, fast_client, raw_query("big topic"), max_results=300)
    pull_query(kb, fast_client, raw_query("big topic"), max_results=300)  # search cached; WebEnv may have expired
    second = eutils.calls("efetch")[2:]
    assert second and all(c.method == "POST" and "WebEnv" not in c.params for c in second)


def test_pmid_lists_are_validated() -> None:
    assert normalise_pmids(["pmid:123", "PMID: 456", "789,123"]) == ["123", "456", "789"]
    with pytest.raises(QueryError, match="not a PubMed id: '12a'"):
        normalise_pmids(["12a"])
    with pytest.raises(QueryError, match="no PubMed ids"):
        normalise_pmids([" "])
