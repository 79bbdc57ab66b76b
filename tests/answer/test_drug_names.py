"""Brand names: patients ask about "Valtrex" and "Advil"; the literature says valacyclovir and ibuprofen.

The table is derived from the drug-named-entity-recognition package (scripts/build_drug_names.py)."""

from __future__ import annotations

from importlib.resources import files

from curbside.answer import ask
from curbside.answer.lexicon import medical_signal
from curbside.answer.pipeline import DECLINED_NOTE
from curbside.answer.synonyms import alternatives
from curbside.answer.text import stem
from curbside.drug_names import brand_generic, generic_of
from curbside.retrieve.synonyms import expansions_for
from curbside.settings import Settings
from curbside.store import Store


def test_a_brand_maps_to_its_generic_and_a_generic_to_itself() -> None:
    assert brand_generic("Valtrex") == "valacyclovir"
    assert brand_generic("lexapro") == "escitalopram"
    assert brand_generic("Mounjaro") == "tirzepatide"
    assert generic_of("sertraline") == "sertraline" and brand_generic("sertraline") is None


def test_ordinary_words_are_not_drug_names() -> None:
    # "caps" is a buffer's name in the source, "oats" a food, "emend" a brand: all ordinary words
    for word in ("caps", "oats", "emend", "heart", "water", "plan", "the"):
        assert generic_of(word) is None, word
    header = files("curbside").joinpath("data/drug_names.txt").read_text(encoding="utf-8").splitlines()[0]
    assert "drug_named_entity_recognition" in header  # the source is credited in the file


def test_a_question_naming_only_a_brand_is_medical() -> None:
    for question in ("What is Valtrex?", "I believe Mounjaro is fda approved now?",
                     "Is saxenda a glp1 blocker as well?"):
        assert medical_signal(question).medical, question
    assert not medical_signal("What is the capital of France?").medical


def test_search_adds_the_generic_of_a_brand() -> None:
    assert expansions_for("Is there a way to stop the Cymbalta and then start the Zoloft the next day?") == [
        "duloxetine", "sertraline"]
    assert "valacyclovir" in expansions_for("What is Valtrex?")


def test_the_generic_covers_the_brand_when_measuring_coverage() -> None:
    forms = alternatives(["valtrex", "shingles"])[stem("valtrex")]
    assert frozenset({stem("valacyclovir")}) in forms


def test_a_brand_question_is_answered_from_the_generic(kb: Store, settings: Settings) -> None:
    # the test KB's hamstring guideline doses ibuprofen; nothing in it says "Advil"
    answer = ask(kb, settings, "Is Advil used for pain in proximal hamstring tendinopathy?")
    assert DECLINED_NOTE not in answer.notes and not answer.insufficient
    assert "test:hamstring-guideline" in {r.document_id for r in answer.references}
    assert any("ibuprofen" in b.text for s in answer.sections for b in s.bullets) or \
        "ibuprofen" in answer.bottom_line.text


def test_a_brand_question_the_kb_lacks_is_insufficient_not_declined(kb: Store, settings: Settings) -> None:
    answer = ask(kb, settings, "What is Valtrex?")
    assert answer.insufficient and DECLINED_NOTE not in answer.notes
    assert "not look like a medical question" not in answer.bottom_line.text


def test_a_brand_found_as_its_generic_is_not_reported_missing(kb: Store, settings: Settings) -> None:
    answer = ask(kb, settings, "Does Advil interact with lithium in astronauts?")
    assert answer.insufficient
    assert "ibuprofen" in " ".join(b.text for s in answer.sections for b in s.bullets)  # found …
    assert "“advil”" not in answer.bottom_line.text  # … so not listed as what nothing was found on
    assert "“astronauts”" in answer.bottom_line.text


def test_a_brand_the_knowledge_base_names_is_searched_as_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from curbside.ingest import ingest_documents
    from curbside.records import Document, Kind, Section
    from curbside.retrieve.lexical import LexicalRetriever

    # (BioASQ "What is herceptin?": the literature's own "Herceptin is a major drug used to treat HER2 positive
    # breast cancer" answers it, not every trastuzumab regimen)
    store = Store.open(tmp_path / "kb.sqlite")
    try:
        ingest_documents(store, [Document(
            id=f"test:{n}", kind=Kind.RCT, source="test", title=f"Trial {n}",
            sections=(Section("RESULTS", "Herceptin improved survival in HER2 positive breast cancer."),))
            for n in range(4)])
        retriever = LexicalRetriever(store)
        assert retriever.knows("herceptin") and not retriever.knows("valtrex")
        assert "trastuzumab" not in retriever.parse("What is herceptin?").expansions
        assert "valacyclovir" in retriever.parse("What is Valtrex?").expansions
        # … and the generic does not stand in for it when measuring coverage
        from curbside.answer.questions import analyse
        from curbside.answer.terms import TermStats

        stats = TermStats(store)
        assert stem("herceptin") not in stats.terms(analyse("What is herceptin?")).alternatives
        assert stem("valtrex") in stats.terms(analyse("What is Valtrex?")).alternatives
    finally:
        store.close()
