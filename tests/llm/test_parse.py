"""Parsing model output: the requested line format, the drifts small models make, and JSON."""

from __future__ import annotations

import pytest

from curbside.answer.generators.parse import ParseFailure, parse_answer
from curbside.records import Verdict


def test_the_requested_line_format() -> None:
    text = (
        "VERDICT: yes\n"
        "BOTTOM LINE: Statins reduce cardiovascular events. [1]\n"
        "## Treatment\n"
        "- Rosuvastatin 20 mg daily reduced first events by 44%. [2]\n"
        "- Statins lower mortality. [1][2]\n"
        "## Pitfalls\n"
        "- Do not miss myopathy. [3]\n"
        "## When to refer\n"
        "- Refer when creatine kinase is above 10 times normal. [3]\n"
    )
    p = parse_answer(text, 3)
    assert p.verdict is Verdict.YES
    assert [(c.text, c.cites) for c in p.bottom_line] == [("Statins reduce cardiovascular events.", (1,))]
    assert p.sections[0][0] == "Treatment"
    assert [c.cites for c in p.sections[0][1]] == [(2,), (1, 2)]
    assert p.pitfalls[0].cites == (3,) and p.escalation[0].cites == (3,)
    assert p.repairs == []


@pytest.mark.parametrize("cited, expected", [
    ("Statins work [1, 2].", (1, 2)),
    ("Statins work [1][2].", (1, 2)),
    ("Statins work. [2]", (2,)),
    ("Statins work [Passage 2].", (2,)),
    ("Statins work 【2】.", (2,)),
    ("Statins work (passage 1 and 3).", (1, 3)),
    ("Statins work [1-3].", (1, 2, 3)),
    ("Statins work (2).", (2,)),
    ("Statins work [^2].", (2,)),
])
def test_citation_forms(cited: str, expected: tuple[int, ...]) -> None:
    p = parse_answer(f"BOTTOM LINE: {cited}", 3)
    assert p.bottom_line[0].cites == expected
    assert p.bottom_line[0].text == "Statins work."


def test_out_of_range_citations_are_removed_and_counted() -> None:
    p = parse_answer("BOTTOM LINE: Statins work [1][7].\n- Aspirin too [9].", 3)
    assert p.bottom_line[0].cites == (1,)
    assert p.invalid_citations == 2
    assert any("not given" in r for r in p.repairs)


def test_sentences_in_a_bullet_share_its_citation() -> None:
    p = parse_answer("BOTTOM LINE: Statins are first line. They cut events by a third [2].", 3)
    assert [c.cites for c in p.bottom_line] == [(2,), (2,)]
    assert any("took the citations" in r for r in p.repairs)


def test_markdown_drift_bold_labels_numbered_lists_and_preamble() -> None:
    text = (
        "Sure! Here is an evidence-based answer.\n\n"
        "**Bottom line:** Statins are recommended for adults at raised risk [1].\n\n"
        "### Key evidence\n"
        "1. A trial showed a 44% reduction [2].\n"
        "2) Muscle symptoms occur in 10% [3].\n"
        "**Critical pitfalls to avoid**\n"
        "* Ignoring muscle symptoms [3]\n"
        "When to escalate:\n"
        "• High CK needs referral [3]\n"
    )
    p = parse_answer(text, 3)
    assert p.bottom_line[0].text.startswith("Statins are recommended")
    assert [t for t, _ in p.sections] == ["Key evidence"]
    assert len(p.sections[0][1]) == 2
    assert p.pitfalls and p.escalation


def test_no_bottom_line_label_uses_the_opening_sentence() -> None:
    p = parse_answer("Statins prevent heart attacks [1]. More detail follows.\n- A 44% reduction [2].", 3)
    assert p.bottom_line[0].text == "Statins prevent heart attacks."
    assert any("BOTTOM LINE" in r for r in p.repairs)


def test_bullets_only_promote_the_first_to_bottom_line() -> None:
    p = parse_answer("- A 44% reduction [2].\n- Muscle symptoms in 10% [3].", 3)
    assert p.bottom_line[0].cites == (2,)
    assert any("first bullet" in r for r in p.repairs)


def test_insufficient() -> None:
    assert parse_answer("BOTTOM LINE: INSUFFICIENT", 3).insufficient
    assert parse_answer("**Bottom line:** insufficient.", 3).insufficient


def test_insufficient_then_an_answer_is_an_answer() -> None:
    p = parse_answer("BOTTOM LINE: INSUFFICIENT\n## Evidence\n- Statins cut events [1].", 3)
    assert not p.insufficient and p.bottom_line


@pytest.mark.parametrize("garbage", ["", "   ", "<think>hmm</think>", "[1] [2]", "```\n```", "### \n---"])
def test_nothing_usable_raises(garbage: str) -> None:
    with pytest.raises(ParseFailure):
        parse_answer(garbage, 3)


def test_special_tokens_and_think_blocks_are_stripped() -> None:
    p = parse_answer("<think>plan</think>BOTTOM LINE: Statins work [1].<|im_end|>garbage", 3)
    assert p.bottom_line[0].text == "Statins work."


def test_verdict_words() -> None:
    assert parse_answer("VERDICT: No.\nBOTTOM LINE: It does not [1].", 1).verdict is Verdict.NO
    assert parse_answer("Verdict: maybe\nBOTTOM LINE: Unclear [1].", 1).verdict is Verdict.UNCERTAIN
    assert parse_answer("VERDICT: none\nBOTTOM LINE: Statins [1].", 1).verdict is None


def test_json_output() -> None:
    text = ('{"verdict": "yes", "bottom_line": {"text": "Statins work.", "cites": [1]}, '
            '"sections": [{"title": "Trials", "bullets": [{"text": "A 44% cut.", "cites": [2, 8]}, '
            '"Muscle pain in 10% [3]."]}], "pitfalls": [], "escalation": [{"text": "Refer high CK.", "cites": [3]}]}')
    p = parse_answer(text, 3)
    assert p.format == "json" and p.verdict is Verdict.YES
    assert p.bottom_line[0].cites == (1,)
    assert [c.cites for c in p.sections[0][1]] == [(2,), (3,)]
    assert p.escalation[0].cites == (3,)
    assert p.invalid_citations == 1


def test_json_repaired_when_fenced_trailing_comma_or_cut_off() -> None:
    text = ('```json\n{"verdict": "no", "bottom_line": {"text": "No benefit.", "cites": [1],}, '
            '"sections": [{"title": "Trials", "bullets": [{"text": "A null trial of 200 people.", "cites": [2]}, '
            '{"text": "Another tri')
    p = parse_answer(text, 3)
    assert p.verdict is Verdict.NO
    assert p.bottom_line[0].text == "No benefit."
    assert p.sections[0][1][0].cites == (2,)
    assert "repaired malformed JSON" in p.repairs


def test_json_sections_as_a_mapping() -> None:
    p = parse_answer('{"bottom_line": "Statins work [1].", "sections": {"Trials": ["Myopathy [3]."]}}', 3)
    assert p.sections == [("Trials", p.sections[0][1])] and p.sections[0][1][0].cites == (3,)


def test_decimals_and_abbreviations_do_not_split_sentences() -> None:
    p = parse_answer("BOTTOM LINE: CRP of 2.0 mg/L or more, e.g. in older adults, predicts events [2].", 3)
    assert len(p.bottom_line) == 1 and p.bottom_line[0].cites == (2,)


def test_lines_copied_from_the_template_are_dropped() -> None:
    text = ("BOTTOM LINE: Statins work [1].\n## <section title, e.g. Treatment>\n"
            "- <one finding from the passages> [n]\n- A 44% reduction [2].\n"
            "## A short section title (for example Treatment)\n- Myopathy [3].")
    p = parse_answer(text, 3)
    assert [(t, [c.text for c in items]) for t, items in p.sections] == [
        ("Key points", ["A 44% reduction.", "Myopathy."])]
    assert any("template" in r for r in p.repairs)
