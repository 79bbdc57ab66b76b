"""A lay wording is searched with the clinical term guidelines use (`retrieve/data/lay.txt`), even with the
Disease Ontology synonyms off (the default), and never the other way round."""

from __future__ import annotations

from curbside.retrieve.synonyms import expansions_for, vocabulary


def test_a_lay_wording_adds_its_clinical_term() -> None:
    vocab = vocabulary(False)  # (search's default: abbreviations and lay words only)
    assert "otitis media with effusion" in expansions_for(
        "the doctor says there's still fluid behind both eardrums", vocab)
    assert "torus fracture" in expansions_for("does a buckle fracture of the wrist need a cast", vocab)
    assert "dental extraction" in expansions_for("i take alendronate and need a tooth extraction", vocab)


def test_a_clinical_term_does_not_add_the_lay_wording() -> None:
    vocab = vocabulary(False)
    assert not expansions_for("management of otitis media with effusion", vocab)
    # (nor does a lay wording the pages use themselves: "pink eye" is searched as written)
    assert "conjunctivitis" not in expansions_for("how is pink eye treated", vocab)
