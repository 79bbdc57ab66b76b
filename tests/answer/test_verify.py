from __future__ import annotations

from curbside.answer.verify import check, numbers

SOURCE = "The recommended dose of amoxicillin is 500 mg twice daily for 7 days in adults."


def test_verbatim_claim_is_supported() -> None:
    result = check("Amoxicillin 500 mg twice daily for 7 days is the recommended dose.", [SOURCE])
    assert result.supported and result.support == 1.0


def test_changed_unit_fails() -> None:
    result = check("The recommended dose of amoxicillin is 500 mcg twice daily.", [SOURCE])
    assert not result.numbers_ok and not result.supported
    assert "unit" in result.problems[0]


def test_new_number_fails() -> None:
    assert not check("The recommended dose of amoxicillin is 750 mg twice daily.", [SOURCE]).numbers_ok


def test_unknown_drug_name_fails() -> None:
    result = check("The recommended dose of lisinopril is 500 mg twice daily.", [SOURCE])
    assert not result.names_ok and not result.supported


def test_unrelated_claim_has_low_support() -> None:
    assert not check("Surgery is preferred for tendon rupture in athletes.", [SOURCE]).supported


def test_no_passages_means_no_support() -> None:
    assert not check("Anything.", []).supported


def test_numbers_are_normalised() -> None:
    assert numbers("1,000 mg, 0.50 mg/kg, 12.5 %") == [("1000", "mg"), ("0.5", "mg/kg"), ("12.5", "%")]


def test_citation_marks_are_ignored() -> None:
    assert check("The recommended dose of amoxicillin is 500 mg twice daily [1, 2].", [SOURCE]).supported
