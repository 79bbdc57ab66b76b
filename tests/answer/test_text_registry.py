from __future__ import annotations

import pytest

from curbside.answer import available_generators, get_generator
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.lexicon import disease_mentions, medical_signal
from curbside.answer.readability import fk_grade
from curbside.answer.registry import GENERATORS
from curbside.answer.text import stem
from curbside.errors import ConfigError
from curbside.settings import Settings


@pytest.mark.parametrize("words", [("treatment", "treated", "treating"), ("reduce", "reduction", "reduces"),
                                   ("diabetes", "diabetic"), ("hypertension", "hypertensive"),
                                   ("diagnosis", "diagnosed"), ("infection", "infections")])
def test_stemmer_conflates(words: tuple[str, ...]) -> None:
    assert len({stem(w) for w in words}) == 1


def test_a_species_name_is_not_the_disease() -> None:
    # "Haemophilus influenzae infection" is not influenza, "Streptococcus pneumoniae" not pneumonia
    assert stem("influenzae") != stem("influenza")
    assert stem("pneumoniae") != stem("pneumonia")
    assert stem("vertebrae") == stem("vertebra")


def test_readability_orders_plain_and_technical_text() -> None:
    plain = "High blood pressure often has no signs. You can check it at home."
    technical = ("Pharmacological antihypertensive monotherapy demonstrated statistically significant "
                 "cardiovascular mortality reduction in hypertensive octogenarians.")
    assert fk_grade(plain) < 8 < fk_grade(technical)


def test_medical_signal() -> None:
    assert medical_signal("Is ibuprofen safe with lisinopril?").medical
    assert disease_mentions("Is chronic kidney disease linked to psoriasis?") == ["chronic kidney disease", "psoriasis"]
    signal = medical_signal("How do I bake bread?")
    assert not signal.medical and signal.non_medical


def test_registry() -> None:
    assert isinstance(get_generator("extractive", Settings()), ExtractiveGenerator)
    assert "extractive" in available_generators()
    with pytest.raises(ConfigError, match="unknown generator"):
        get_generator("gpt-17", Settings())


def test_registry_reports_a_missing_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(GENERATORS, "ghost", ("curbside.answer.generators.ghost_module", "create"))
    with pytest.raises(ConfigError, match="not available"):
        get_generator("ghost", Settings())


def test_a_drug_class_names_the_disease_it_treats() -> None:
    from curbside.answer.text import content_stems, stem

    assert stem("hypertension") in content_stems("initial antihypertensive treatment")
    assert stem("epilepsy") not in content_stems("antibiotics")  # only the word's own remainder
    assert content_stems("antibody") == [stem("antibody")]  # too short to be anti- + a word


@pytest.mark.parametrize("question", ["Is sertraline safe?", "tell me more about escitalopram",
                                      "what about venlafaxine"])
def test_a_question_naming_a_drug_is_medical(question: str) -> None:
    assert medical_signal(question).medical
