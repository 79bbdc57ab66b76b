"""British and American spelling and hyphenated prefixes are one word to search and to answers:
a question in one spelling finds, and is answered from, a guideline written in the other."""

from __future__ import annotations

import pytest

from curbside.answer.lexicon import disease_mentions
from curbside.answer.population import Scope
from curbside.answer.text import content_stems
from curbside.retrieve.query import tokenize
from curbside.retrieve.synonyms import spellings
from curbside.spelling import american, joined_pairs, spelling_variants, split_prefix


@pytest.mark.parametrize(("word", "variant"), [
    ("hyponatremia", "hyponatraemia"), ("haemorrhage", "hemorrhage"), ("oesophageal", "esophageal"),
    ("pediatric", "paediatric"), ("anaemia", "anemia"), ("tumour", "tumor"),
])
def test_spelling_variants(word: str, variant: str) -> None:
    assert variant in spelling_variants(word)


def test_words_without_a_variant_are_left_alone() -> None:
    assert spelling_variants("them") == [] and spelling_variants("scheme") == []
    assert american("hyponatraemia") == "hyponatremia" and american("hypertension") == "hypertension"
    assert split_prefix("nonalcoholic") == ("non", "alcoholic") and split_prefix("preterm") is None
    assert joined_pairs(["post", "traumatic", "stress"]) == [(0, "posttraumatic")]


def test_search_adds_the_other_spellings() -> None:
    assert "hyponatraemia" in spellings(tokenize("How should hyponatremia be evaluated?"))
    assert "posttraumatic" in spellings(tokenize("How is post-traumatic stress disorder treated?"))
    assert "non alcoholic" in spellings(tokenize("How is nonalcoholic fatty liver disease managed?"))


def test_answers_read_both_spellings_as_one_word() -> None:
    assert content_stems("non-alcoholic fatty liver disease") == content_stems("nonalcoholic fatty liver disease")
    assert content_stems("hyponatraemia") == content_stems("hyponatremia")
    # only a hyphen joins a prefix to its word: "pre and post treatment" stays three words
    assert content_stems("post treatment") == ["post", "treat"]
    scope = Scope.of("How is post-traumatic stress disorder treated?")
    assert scope.names_topic("VA/DoD clinical practice guideline for the management of posttraumatic stress disorder")


def test_non_alcoholic_fatty_liver_disease_is_not_alcoholic_fatty_liver() -> None:
    assert "alcoholic fatty liver" not in disease_mentions("How is non-alcoholic fatty liver disease managed?")
    assert disease_mentions("How is post-traumatic stress disorder treated?") == ["posttraumatic stress disorder"]
    assert disease_mentions("How should hyponatraemia be evaluated?")


def test_our_words_are_read_in_american_spelling_and_laboratory_is_no_labour() -> None:
    from curbside.answer.text import stem
    from curbside.spelling import spelling_variants

    assert stem("labour") == stem("labor") and stem("favoured") == stem("favored")
    assert spelling_variants("labor") == ["labour"]
    assert spelling_variants("laboratory") == [] and stem("laboratory") != stem("labour")
