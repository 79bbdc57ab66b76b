from __future__ import annotations

from curbside.ingest import ingest_documents
from curbside.retrieve.lexical import LexicalRetriever
from curbside.retrieve.query import parse_query
from curbside.retrieve.synonyms import Vocabulary, expand_query, expand_text, expansions_for, vocabulary
from curbside.store import Store
from tests.conftest import make_doc

TINY = Vocabulary.from_lines(
    ["# comment", "DOID:1\tmyocardial infarction\theart attack",
     "DOID:2\tbreast cancer\tmammary carcinoma\tbreast carcinoma", "DOID:3\tcancer\tmalignant neoplasm"],
    ["MI\tmyocardial infarction", "COPD\tchronic obstructive pulmonary disease"],
)


def test_packaged_vocabulary_loads_disease_ontology_and_abbreviations() -> None:
    vocab = vocabulary()
    assert len(vocab.groups) > 3000
    assert "high blood pressure" in vocab.groups[vocab.phrases[("hypertension",)]]
    assert vocab.abbreviations["htn"] == ("hypertension",)
    abbreviations_only = vocabulary(diseases=False)
    assert abbreviations_only.abbreviations["copd"]
    # (with the lay wordings only: each adds its clinical term, and no disease name is a key)
    assert all(len(group) == 2 for group in abbreviations_only.groups)
    assert ("hypertension",) not in abbreviations_only.phrases


def test_search_expands_abbreviations_by_default_but_not_disease_names(store: Store) -> None:
    ingest_documents(store, [make_doc("h", "Blood pressure", ("S", "Thiazides lower blood pressure in hypertension."))])
    r = LexicalRetriever(store)
    assert r.parse("HTN drugs").expansions == ("hypertension",)
    assert r.parse("hypertension drugs").expansions == ()
    assert LexicalRetriever(store, diseases=True).parse("hypertension drugs").expansions
    assert r.search("HTN drugs", 3)[0].document.id == "h"


def test_longest_disease_name_wins_and_adds_new_words_only() -> None:
    out = expansions_for("statins and breast cancer survival", TINY, per_concept=3)
    assert out == ["breast carcinoma", "mammary carcinoma"]  # not the generic "cancer" group
    assert expansions_for("statins and breast cancer survival", TINY) == ["breast carcinoma"]  # default: 1


def test_short_abbreviations_expand_only_in_capitals() -> None:
    assert expansions_for("aspirin after MI", TINY) == ["myocardial infarction", "heart attack"]
    assert expansions_for("aspirin after mi", TINY) == []
    assert expansions_for("copd exacerbation", TINY) == ["chronic obstructive pulmonary disease"]


def test_expand_query_adds_quoted_phrases_to_the_fts_query() -> None:
    parsed = expand_query(parse_query("heart attack prevention"), TINY)
    assert parsed.expansions == ("myocardial infarction",)
    assert parsed.fts() == '"heart" OR "attack" OR "prevention" OR "myocardial infarction"'
    assert expand_query(parse_query("nothing to expand"), TINY).expansions == ()


def test_expand_text_for_dense_queries() -> None:
    assert expand_text("aspirin after MI", TINY) == "aspirin after MI (myocardial infarction; heart attack)"
    assert expand_text("plain words", TINY) == "plain words"


def test_question_verbs_add_the_noun_guidelines_use() -> None:
    """Porter stems "treated" to treat but "treatment" to treatment: the noun is added."""
    parsed = expand_query(parse_query("How is hypertension treated in adults?"), vocabulary())
    assert "treatment" in parsed.expansions
    assert "management" in expand_query(parse_query("how is gout managed"), vocabulary()).expansions
