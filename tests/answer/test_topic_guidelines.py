"""Guidelines whose titles name the question's disease and what it asks join the evidence pool,
even when passage search ranks their short recommendations low."""

from __future__ import annotations

from pathlib import Path

from curbside.answer.evidence import TermStats, _topic_guidelines
from curbside.answer.population import Scope
from curbside.ingest import ingest_documents
from curbside.records import Document, Kind, Section
from curbside.retrieve import Filters
from curbside.store import Store


def _guideline(doc_id: str, title: str, year: int, text: str) -> Document:
    return Document(id=doc_id, kind=Kind.GUIDELINE, title=title, source="test", issuer="test", year=year,
                    sections=(Section("Guideline objective(s)", "To improve care."),
                              Section("Major Recommendations", text)))


def test_management_guidelines_on_the_topic_join_the_pool(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "kb.sqlite")
    ingest_documents(store, [
        _guideline("g:1", "VA/DoD guideline for the diagnosis and management of hypertension.", 2014,
                   "The Work Group recommends the use of thiazide-type diuretics for the treatment of hypertension."),
        _guideline("g:2", "Treatment of the hypertensive disorders of pregnancy.", 2016,
                   "Treat severe hypertension in pregnancy with labetalol, hydralazine or nifedipine."),
        _guideline("g:3", "Pharmacologic therapy for pulmonary arterial hypertension in adults.", 2017,
                   "Offer calcium channel blockers to patients with a positive vasoreactivity test."),
        _guideline("g:4", "Screening for high blood pressure in adults.", 2015,
                   "The USPSTF recommends screening for high blood pressure in adults aged 18 years or older."),
    ])
    scope = Scope.of("How is hypertension treated in adults?")
    titles = TermStats(store).guideline_titles()
    hits = _topic_guidelines(store, titles, scope, ("treatment",), [], Filters())
    documents = list(dict.fromkeys(h.document.id for h in hits))
    # the management guideline first; pregnancy (narrower) and pulmonary hypertension (another disease) left out
    assert documents[0] == "g:1" and "g:2" not in documents and "g:3" not in documents
    # only recommendation passages, not the scope fields
    assert all("Recommendation" in h.passage.section for h in hits)
    recent = _topic_guidelines(store, titles, scope, ("treatment",), [], Filters(since=2015))
    assert {h.document.id for h in recent} == {"g:4"}  # the 2014 guideline is older than asked
    store.close()
