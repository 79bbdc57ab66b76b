from __future__ import annotations

from curbside.ingest import ingest_documents
from curbside.retrieve.lexical import LexicalRetriever
from curbside.store import Store
from tests.conftest import make_doc


def _kb(store: Store) -> None:
    docs = [make_doc(f"c{i}", f"Cancer study {i}", ("Abstract", f"Cancer patients in cohort {i} were followed."))
            for i in range(8)]
    docs.append(make_doc("s", "Statins", ("Abstract", "Statin use and cancer survival in patients.")))
    ingest_documents(store, docs)


def test_small_kbs_use_the_exact_query(store: Store) -> None:
    _kb(store)
    r = LexicalRetriever(store, expand=False)
    expr, mode = r.match(r.parse("statin cancer survival"))
    assert mode == "exact" and expr == '"statin" OR "cancer" OR "survival"'


def test_bounded_query_scores_only_passages_with_a_rare_term(store: Store) -> None:
    _kb(store)
    r = LexicalRetriever(store, expand=False, exact_max=0, budget=3)
    expr, mode = r.match(r.parse("statin cancer"))
    assert mode == "drivers" and expr == '("statin") AND ("statin" OR "cancer")'
    hits = r.search("statin cancer", 5)
    assert [h.document.id for h in hits] == ["s"]
    exact = LexicalRetriever(store, expand=False).search("statin cancer", 5)
    assert exact[0].document.id == "s"  # the bounded top hit is the exact top hit


def test_only_common_terms_require_all_and_score_the_newest(store: Store) -> None:
    _kb(store)
    r = LexicalRetriever(store, expand=False, exact_max=0, budget=3)
    expr, mode = r.match(r.parse("cancer patients"))
    assert mode == "all-common" and expr == '"cancer" AND "patients"'
    hits = r.search("cancer patients", 10)
    assert 0 < len(hits) <= 3
    assert all("cancer" in h.passage.text.lower() for h in hits)


def test_all_rare_terms_stay_exact(store: Store) -> None:
    _kb(store)
    r = LexicalRetriever(store, expand=False, exact_max=0, budget=3)
    assert r.match(r.parse("statin survival"))[1] == "exact"
