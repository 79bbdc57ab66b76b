"""A fixed, fully populated answer for golden and schema tests (no clock, no randomness)."""

from __future__ import annotations

from curbside.records import (
    Answer,
    AnswerSection,
    Audience,
    Bullet,
    Kind,
    Reference,
    SafetyNotice,
    Verdict,
)


def sample_answer(**changes: object) -> Answer:
    answer = Answer(
        id="0123456789abcdef",
        question="Should proximal hamstring tendinopathy be treated with <injections> & surgery first?",
        audience=Audience.CLINICIAN,
        verdict=Verdict.NO,
        bottom_line=Bullet("Begin with a structured conservative programme of relative rest and progressive "
                           "tendon loading (Strong recommendation – Grade A).", (1, 2), ("g#0", "p#1"), 1.0),
        sections=(
            AnswerSection("Management", (
                Bullet("Eccentric and isometric exercises reduce pain within 12 weeks.", (1,), ("g#0",), 1.0),)),
            AnswerSection("Drugs and doses", (
                Bullet("Ibuprofen 400 mg three times daily for up to 14 days may be used.", (1,), ("g#1",), 1.0),)),
        ),
        pitfalls=(Bullet("Repeated corticosteroid injections risk tendon rupture.", (1,), ("g#1",), 0.92),),
        escalation=(Bullet("Refer to an orthopaedic surgeon when symptoms persist after 6 months.", (2,),
                           ("p#1",), 1.0),),
        references=(
            Reference(1, "test:guideline", Kind.GUIDELINE, "Management of proximal hamstring tendinopathy",
                      "Society of Sports Physiotherapy", 2022, "https://example.org/guideline", "",
                      ("g#0", "g#1")),
            Reference(2, "pmid:123", Kind.RCT, "Untitled record: “Loading programmes in tendinopathy…”", "", 2019,
                      "javascript:alert(1)", "123", ("p#1",)),
        ),
        safety=(SafetyNotice("dosing", "Doses are quoted with their source's units."),),
        disclaimer="Decision support for health professionals.",
        generator="extractive-v1",
        created_at="2024-05-01T12:00:00+00:00",
        updated_at="2024-05-01T12:00:00+00:00",
        follow_ups=("Which drugs and doses are recommended for tendinopathy?",),
        settings_fingerprint="abc123def456",
        kb_state="rev3:2d:4p",
        verified_by="lexical+strict",
        notes=("dropped 1 citation(s) that did not resolve",),
    )
    if changes:
        from dataclasses import replace

        answer = replace(answer, **changes)  # type: ignore[arg-type]
    return answer
