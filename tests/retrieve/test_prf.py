from __future__ import annotations

from curbside.ingest import ingest_documents
from curbside.retrieve.lexical import LexicalRetriever
from curbside.retrieve.prf import PRFConfig, expansion_terms, weighted_expression
from curbside.retrieve.query import parse_query
from curbside.store import Store
from tests.conftest import make_doc


class _Identity:
    def stemWord(self, word: str) -> str:
        return word


def test_expansion_terms_weigh_the_best_feedback_most() -> None:
    parsed = parse_query("statin cancer")
    feedback = [("statin use lowered mortality mortality in cohorts", 10.0), ("lipid levels fell", 2.0)]
    terms = expansion_terms(parsed, feedback, PRFConfig(terms=3), _Identity())
    assert terms[0] == "mortality" and "statin" not in terms and len(terms) == 3
    assert expansion_terms(parsed, [], PRFConfig(), _Identity()) == []


def test_weighted_expression_repeats_the_original_terms() -> None:
    parsed = parse_query("statin cancer")
    expr = weighted_expression(parsed, ["mortality", "statin"], PRFConfig(original_weight=2))
    assert expr == '"statin" OR "cancer" OR "statin" OR "cancer" OR "mortality"'


def test_prf_search_on_a_real_store(store: Store) -> None:
    ingest_documents(store, [
        make_doc("a", "Statins", ("S", "Statin therapy and cancer mortality in a cohort.")),
        make_doc("b", "Mortality", ("S", "All-cause mortality in a large cohort of adults.")),
        make_doc("c", "Gout", ("S", "Colchicine for gout flares.")),
    ])
    hits = LexicalRetriever(store, expand=False, prf=PRFConfig(feedback=1, terms=3)).search("statin cancer", 5)
    ids = [h.document.id for h in hits]
    assert ids[0] == "a" and "b" in ids and "c" not in ids  # "b" found through feedback words
