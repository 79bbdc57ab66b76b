"""A real knowledge base in tmp_path (ingested with the real pipeline) and an app over it."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from curbside.ingest import ingest_documents
from curbside.records import (
    Answer,
    AnswerSection,
    Audience,
    Bullet,
    Document,
    Kind,
    Reference,
    SafetyNotice,
    Section,
    Verdict,
)
from curbside.settings import Settings
from curbside.store import Store
from curbside.web import WebOptions, create_app

EVIL = '<script>alert("x")</script>'


def kb_documents() -> list[Document]:
    return [
        Document(
            id="ngc:hypertension-2023", kind=Kind.GUIDELINE, source="test", issuer="National Guideline Group",
            year=2023, url="https://example.org/guidelines/hypertension",
            title="Hypertension in adults: diagnosis and management",
            sections=(
                Section("Recommendations", "Offer lifestyle advice to all adults with hypertension, including "
                        "reducing salt intake, regular aerobic exercise and weight loss. Offer an ACE inhibitor "
                        "or an angiotensin receptor blocker as first-line antihypertensive treatment for adults "
                        "under 55 with type 2 diabetes."),
                Section("Monitoring", "Measure blood pressure at every review. Use ambulatory blood pressure "
                        "monitoring to confirm a diagnosis of hypertension. Refer people with a blood pressure "
                        "of 180/120 mmHg or higher and signs of organ damage for same-day specialist review."),
            ),
        ),
        Document(
            id="pmid:111", kind=Kind.SYSTEMATIC_REVIEW, source="test", issuer="Cochrane Database Syst Rev",
            year=2021, pmid="111", title="Thiazide diuretics for first-line treatment of hypertension",
            sections=(Section("Conclusions", "Thiazide diuretics reduce mortality, stroke and coronary heart "
                              "disease in adults with hypertension compared with placebo. Low-dose thiazides are "
                              "a reasonable first-line treatment for hypertension."),),
        ),
        Document(
            id="medquad:hbp-1", kind=Kind.CONSUMER, source="test", issuer="MedlinePlus", year=2022,
            url="https://medlineplus.example/hbp", title="High blood pressure",
            sections=(Section("Answer", "High blood pressure usually has no symptoms. Eating less salt, being "
                              "active and taking medicine your doctor prescribes can lower blood pressure."),),
        ),
        Document(
            id="doi:10.1000/xyz.123", kind=Kind.RCT, source="test", issuer="Trial Journal", year=2019,
            doi="10.1000/xyz.123",
            title="Intensive versus standard blood pressure control: a randomised trial",
            sections=(Section("Results", "Intensive blood pressure control lowered cardiovascular events but "
                              "increased hypotension and acute kidney injury in older adults."),),
        ),
        Document(
            id="evil:1", kind=Kind.OTHER, source="test", issuer=f"{EVIL} Press", year=2020,
            url="javascript:alert(3)",
            title=f"{EVIL} Aspirin and salt for hypertension",
            sections=(Section(f"<b>{EVIL}</b>", f"Hypertension aspirin salt passage {EVIL} with "
                              '<img src=x onerror="alert(2)"> inside the text.'),),
        ),
    ]


def build_answer(answer_id: str = "ans-fixture-1", *, evil: bool = False) -> Answer:
    """A stored answer built by hand for page tests (the engine's own answers are tested too)."""
    q = f"First-line treatment for hypertension in adults? {EVIL if evil else ''}".strip()
    refs = (
        Reference(1, "ngc:hypertension-2023", Kind.GUIDELINE, "Hypertension in adults: diagnosis and management",
                  issuer="National Guideline Group", year=2023, url="https://example.org/guidelines/hypertension",
                  passage_ids=("ngc:hypertension-2023#0",)),
        Reference(2, "pmid:111", Kind.SYSTEMATIC_REVIEW, "Thiazide diuretics for first-line treatment of hypertension",
                  issuer="Cochrane Database Syst Rev", year=2021, pmid="111", passage_ids=("pmid:111#0",)),
        Reference(3, "evil:1", Kind.OTHER, f"{EVIL} Aspirin and salt for hypertension", issuer=f"{EVIL} Press",
                  year=2020, url="javascript:alert(3)", passage_ids=("evil:1#0",)),
    )
    return Answer(
        id=answer_id, question=q, audience=Audience.CLINICIAN,
        bottom_line=Bullet("Start with lifestyle advice and an ACE inhibitor, ARB or thiazide.", (1, 2),
                           ("ngc:hypertension-2023#0", "pmid:111#0")),
        sections=(AnswerSection("Drug treatment", (
            Bullet("Offer an ACE inhibitor or ARB first line in type 2 diabetes.", (1,), ("ngc:hypertension-2023#0",)),
            Bullet(f"Low-dose thiazides are reasonable first line. {EVIL if evil else ''}".strip(), (2, 3),
                   ("pmid:111#0", "evil:1#0")),
        )),),
        pitfalls=(Bullet("Do not diagnose on a single clinic reading; confirm with ambulatory monitoring.", (1,),
                         ("ngc:hypertension-2023#1",)),),
        escalation=(Bullet("Refer same day at 180/120 mmHg with signs of organ damage.", (1,),
                           ("ngc:hypertension-2023#1",)),),
        references=refs,
        safety=(SafetyNotice("dosing", "Check doses against the product label."),),
        disclaimer="For educational purposes; not a substitute for clinical judgement.",
        generator="fixture-v1", created_at="2025-01-02T03:04:05+00:00", verdict=Verdict.YES,
        follow_ups=("And in people over 80?",), settings_fingerprint="abc123", kb_state="rev1:5d:6p",
    )


def engine_ask_available() -> bool:
    try:
        module = importlib.import_module("curbside.answer")
    except ImportError:
        return False
    return hasattr(module, "ask")


needs_engine = pytest.mark.skipif(not engine_ask_available(),
                                  reason="curbside.answer.ask is missing (the answers issue has not landed)")


def fill_kb(path: Path) -> None:
    with Store.open(path) as store:
        ingest_documents(store, kb_documents())
        store.save_answer(build_answer())
        store.save_answer(build_answer("ans-evil", evil=True))


@pytest.fixture(scope="session")
def kb_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    fill_kb(path)
    return path


@pytest.fixture
def kb_path(tmp_path: Path, kb_template: Path) -> Path:
    """A fresh copy of the filled KB per test (tests write answers and reviews)."""
    path = tmp_path / "kb.sqlite"
    with Store.open(kb_template) as src, Store.open(path) as dst:
        src.conn.backup(dst.conn)
    return path


@pytest.fixture
def settings(kb_path: Path) -> Settings:
    return Settings(kb=kb_path, retriever="lexical")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings, WebOptions(pool_size=2, rate_per_minute=0, ask_per_minute=0))
    with TestClient(app) as c:
        yield c
