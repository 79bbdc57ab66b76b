"""A lay wording is searched with the clinical term guidelines use (`retrieve/data/lay.txt`), even with the
Disease Ontology synonyms off (the default), and never the other way round."""

from __future__ import annotations

from curbside.retrieve.synonyms import expansions_for, vocabulary


def test_a_lay_wording_adds_its_clinical_term() -> None:
    vocab = vocabulary(False)  # (search's default: abbreviations and lay words only)
    assert "otitis media with effusion" in expansions_for(
        "the doctor says there's still fluid behind both eardrums", vocab)
    assert "torus fracture" in expansions_for("does a buckle fracture of the wrist need a cast", vocab)
    assert "herpes labialis" in expansions_for("how are cold sores treated", vocab)


def test_a_clinical_term_does_not_add_the_lay_wording() -> None:
    vocab = vocabulary(False)
    assert "high blood pressure" not in expansions_for("first-line treatment of hypertension", vocab)
    assert "hypertension" in expansions_for("what should i eat with high blood pressure", vocab)
