"""PubMed queries built from clinical questions."""

from __future__ import annotations

import pytest

from curbside.errors import QueryError
from curbside.literature.query import build_query, raw_query

HUMANS = " NOT (animals[mh] NOT humans[mh])"


def test_concepts_are_anded_and_synonyms_ored() -> None:
    q = build_query("How is hypertension treated in adults?")
    assert q.concepts == (("hypertension", "high blood pressure", "htn"), ("adults",))
    assert q.term.startswith("(hypertension OR high blood pressure OR htn[tiab]) AND (adults) AND ")


def test_filters_favour_strong_evidence_english_humans_recent() -> None:
    q = build_query("Do statins reduce mortality in breast cancer survivors?", since=2018)
    term = q.term
    for pt in ("practice guideline", "guideline", "systematic review", "meta-analysis", "randomized controlled trial"):
        assert f'"{pt}"[pt]' in term
    assert "english[la]" in term and "hasabstract" in term and '("2018"[dp] : "3000"[dp])' in term
    assert term.endswith(HUMANS)
    assert q.sort == "pub_date"  # newest first
    assert q.concepts[0] == ("statins", "hydroxymethylglutaryl-coa reductase inhibitors")
    assert ("breast cancer survivors",) in q.concepts  # a multi-word concept stays whole


def test_abbreviations_and_plurals_match_their_group() -> None:
    q = build_query("Should I start an ACE inhibitor for HTN in CKD?")
    assert "angiotensin-converting enzyme inhibitors" in q.concepts[0]
    assert q.concepts[1][0] == "htn" and "hypertension" in q.concepts[1]
    assert "(ckd[tiab] OR chronic kidney disease)" in q.term


def test_generic_question_words_are_not_concepts() -> None:
    q = build_query("What is the most effective first-line treatment for patients with gout?")
    assert q.concepts == (("gout",),)


def test_question_text_cannot_inject_pubmed_syntax() -> None:
    q = build_query('asthma" OR 1[uid] AND (cancer[mh]) NOT *')
    body = q.term.split(" AND (\"practice guideline\"")[0]
    assert '"' not in body and "[uid]" not in body and "[mh]" not in body and "*" not in body
    assert all(word == word.lower() for alt in q.concepts for word in alt)


def test_relaxations_drop_the_filter_then_trailing_concepts() -> None:
    q = build_query("aspirin, stroke, atrial fibrillation, elderly")
    terms = [r.term for r in q.relaxations()]
    assert len(terms) == 4 and terms[0] == q.term
    assert '"meta-analysis"[pt]' not in terms[1] and "(elderly)" in terms[1]
    assert "(elderly)" not in terms[2] and "atrial fibrillation" in terms[2]
    assert "atrial fibrillation" not in terms[3] and "(stroke" in terms[3]


def test_raw_queries_are_sent_as_typed() -> None:
    q = raw_query("asthma[mh] AND budesonide[tiab]", since=2010)
    assert q.term == '(asthma[mh] AND budesonide[tiab]) AND ("2010"[dp] : "3000"[dp])'
    assert q.relaxations() == [q] and q.sort == "relevance"
    assert raw_query("asthma").term == "asthma"


def test_unusable_questions_are_refused() -> None:
    with pytest.raises(QueryError, match="no searchable concepts"):
        build_query("What is the treatment?")
    with pytest.raises(QueryError, match="empty"):
        raw_query("  ")
    with pytest.raises(QueryError, match="--since must be a year"):
        build_query("asthma", since=20)


def test_package_exports() -> None:
    import curbside.literature as literature

    assert sorted(literature.__all__) == [
        "EutilsClient", "LiveResult", "PubmedQuery", "PullReport", "build_query", "mark_fetched_live",
        "maybe_fetch_live", "network_available", "pull_pmids", "pull_query", "raw_query",
    ]
    assert all(hasattr(literature, name) for name in literature.__all__)
