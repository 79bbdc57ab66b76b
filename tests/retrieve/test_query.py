from __future__ import annotations

import pytest

from curbside.errors import QueryError
from curbside.ingest import ingest_documents
from curbside.retrieve import LexicalRetriever
from curbside.retrieve.query import parse_query
from curbside.store import Store
from tests.conftest import make_doc

NASTY = [
    '"unbalanced quote', "x' OR 1=1; DROP TABLE documents; --", "NEAR(a b) AND OR NOT *", "col:value^2",
    "-hyphen- first-line", "((()))", "\x00\x01 control chars", "émigré naïve café", "🙂 emoji",
]


@pytest.mark.parametrize("q", NASTY)
def test_any_question_is_a_safe_fts_query(store: Store, q: str) -> None:
    doc = make_doc("d", "First-line therapy", ("S", "Thiazide diuretics are first-line for hypertension."))
    ingest_documents(store, [doc])
    try:
        LexicalRetriever(store, expand=False).search(q, 5)  # no sqlite syntax error, ever
    except QueryError as exc:  # only punctuation: a clear message instead
        assert "no searchable words" in str(exc)
    assert store.counts()["documents"] == 1


def test_empty_and_too_long_questions() -> None:
    with pytest.raises(QueryError, match="empty"):
        parse_query("   \n\t ")
    with pytest.raises(QueryError, match="too long"):
        parse_query("word " * 1000, max_chars=100)


def test_stopwords_removed_but_content_kept() -> None:
    parsed = parse_query("What is the first-line treatment of hypertension in adults?")
    assert "hypertension" in parsed.terms and "treatment" in parsed.terms
    assert "what" not in parsed.terms and "the" not in parsed.terms


def test_lexical_ranks_relevant_first(store: Store) -> None:
    ingest_documents(store, [
        make_doc("a", "Statins and breast cancer",
                 ("Abstract", "Statin use was associated with lower breast cancer mortality.")),
        make_doc("b", "Knee osteoarthritis", ("Abstract", "Exercise therapy reduces knee pain.")),
    ])
    hits = LexicalRetriever(store, expand=False).search("statins breast cancer survival", 5)
    assert hits and hits[0].document.id == "a"
    assert all(h.document.id != "b" for h in hits)


@pytest.mark.parametrize(("text", "tokens"), [
    ("Sjögren’s syndrome, naïve café", ["sjogren", "s", "syndrome", "naive", "cafe"]),
    ("creatinine 168 μmol/L at 36.1 °C", ["creatinine", "168", "mol", "l", "at", "36.1", "c"]),
    ("e\u0301te\u0301 ﬁbrosis x²", ["ete", "fibrosis", "x2"]),
])
def test_accents_go_and_other_characters_split_words(text: str, tokens: list[str]) -> None:
    from curbside.retrieve.query import tokenize

    assert tokenize(text) == tokens
