"""The extractive generator on real guideline passages: a general question gets a general bottom
line; narrower populations stay labelled or out; NGC provenance tags and grade labels are tidied."""

from __future__ import annotations

from pathlib import Path

from curbside.answer.evidence import _rerank, gather
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.candidates import extract, trim
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.ingest import ingest_documents
from curbside.records import Audience
from curbside.retrieve import make_retriever
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.realtext import documents, hit, hits

QUESTION = "first-line treatment of hypertension in adults"


def _texts(draft) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for s in draft.sections for b in s.bullets] + [b.text for b in (*draft.pitfalls, *draft.escalation)]


def test_a_general_question_does_not_get_a_subgroup_bottom_line() -> None:
    # retrieval order of the real knowledge base: the type 1 diabetes guideline first
    evidence = hits("ngc:10781#63", "ngc:10598#45", "ngc:10057#16", "ngc:10598#44", "ngc:10362#74")
    draft = ExtractiveGenerator().generate(QUESTION, evidence, Audience.CLINICIAN)
    bottom = draft.bottom_line
    assert "type 1 diabetes" not in bottom.text and "eclampsia" not in bottom.text
    assert evidence[bottom.evidence[0] - 1].document.id == "ngc:10598"  # the general hypertension guideline
    texts = _texts(draft)
    # a statement that names its population may stay, labelled by its own words …
    assert any("adults with type 1 diabetes" in t for t in texts)
    # … one whose population only its document's title names ("in children") would read as general advice
    assert not any(t.startswith("Medications are not recommended as first-line therapy") for t in texts)


def test_only_subgroup_evidence_still_answers_from_it() -> None:
    draft = ExtractiveGenerator().generate(QUESTION, hits("ngc:10781#63"), Audience.CLINICIAN)
    assert "type 1 diabetes" in draft.bottom_line.text


def test_a_question_about_the_subgroup_gets_it() -> None:
    draft = ExtractiveGenerator().generate("first-line treatment of hypertension in adults with type 1 diabetes",
                                           hits("ngc:10598#45", "ngc:10781#63"), Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Start a trial of a renin–angiotensin system blocking drug")


def test_nice_provenance_tags_are_removed() -> None:
    texts = [c.text for c in extract([hit("ngc:10781#63")])]
    assert "Start a trial of a renin–angiotensin system blocking drug as first-line therapy for hypertension in " \
           "adults with type 1 diabetes." in texts
    assert not any("[20" in t or "[19" in t for t in texts)
    assert trim("[2004, amended 2015] Offer metformin.") == "Offer metformin."
    assert trim("Offer metformin. [new 2014]") == "Offer metformin."


def test_grade_labels_move_to_the_end_and_headings_do_not_fuse() -> None:
    texts = [c.text for c in extract([hit("ngc:7748#17")])]
    assert "The use of beta blockers is not recommended as front-line drugs in the initial treatment of " \
           "uncomplicated AHT (grade A)." in texts
    assert "ACEIs can be used as alternative drugs to the diuretics with uncomplicated AHT, and in absence of " \
           "stenosis of the renal artery (grade B)." in texts
    assert not any(t.startswith(("A:", "A (2007)", "Beta Blockers", "Diuretics", "ACEI ")) for t in texts)
    # outside recommendations (a rating scheme, a Q&A) a leading letter is a definition or an answer
    assert trim("A: At least one meta-analysis rated as 1++.") == "A: At least one meta-analysis rated as 1++."
    assert trim("A (2007): Advise on alcohol.", grade_labels=True) == "Advise on alcohol (grade A)."


def test_table_rows_are_not_sentences() -> None:
    table = hit("ngc:10598#44")
    row = table.passage.__class__(table.passage.id, table.passage.doc_id, 0, "Major Recommendations",
                                  "Phenotype | Implications for Codeine Metabolism | Recommendations for Codeine "
                                  "Therapy | Classification of Recommendation", 0, 10)
    assert extract([table.__class__(row, table.document, 1.0)]) == []


def test_evidence_prefers_documents_about_the_questions_population(tmp_path: Path) -> None:
    settings = Settings(kb=tmp_path / "kb.sqlite", retriever="lexical")
    with Store.open(settings.kb) as store:
        ingest_documents(store, documents())
        stats = TermStats(store)
        evidence = gather(make_retriever(store, settings), analyse(QUESTION), Audience.CLINICIAN, k=6, stats=stats)
        ranked = [h.document.id for h in evidence.hits]
        # the children and pregnancy guidelines come after both general hypertension guidelines
        assert max(ranked.index("ngc:10598"), ranked.index("ngc:7748")) < ranked.index("ngc:10057")
        assert "ngc:10362" not in ranked or ranked.index("ngc:10598") < ranked.index("ngc:10362")
        # each narrower document loses the same amount against the question's scope, general ones nothing
        pool = list(evidence.hits)
        terms = stats.terms(analyse(QUESTION))
        with_scope = {h.passage.id: s for s, _r, _c, h in _rerank(pool, terms, Audience.CLINICIAN, 10.0, stats,
                                                                 Scope.of(QUESTION))}
        without = {h.passage.id: s for s, _r, _c, h in _rerank(pool, terms, Audience.CLINICIAN, 10.0, stats)}
        drops = {pid.split("#")[0]: round(without[pid] - with_scope[pid], 3) for pid in without}
        assert drops["ngc:10598"] == drops["ngc:7748"] == 0.0
        assert drops["ngc:10781"] > 0 and drops["ngc:10057"] > 0


def test_narrower_populations_get_their_own_section_after_the_general_advice() -> None:
    evidence = hits("ngc:10781#63", "ngc:10598#45", "ngc:10057#16", "ngc:10598#44", "ngc:10362#74")
    draft = ExtractiveGenerator().generate(QUESTION, evidence, Audience.CLINICIAN)
    titles = [s.title for s in draft.sections]
    assert titles[-1] == "Specific populations"
    special = [b.text for b in draft.sections[-1].bullets]
    assert any("adults with type 1 diabetes" in t for t in special)
    general = [b.text for s in draft.sections[:-1] for b in s.bullets]
    assert not any("type 1 diabetes" in t or "eclampsia" in t for t in general)
    patient = ExtractiveGenerator().generate(QUESTION, evidence, Audience.PATIENT)
    assert "Specific populations" not in [s.title for s in patient.sections]


def test_asides_are_not_bullets_and_strength_labels_move_to_the_end() -> None:
    from curbside.answer.generators.extractive.candidates import ASIDE

    assert ASIDE.match("(Modified from 2004 VA/DoD HTN CPG.)") and not ASIDE.match("(A) Offer metformin.")
    assert trim("( Weak for ) The Work Group suggests home blood pressure monitoring.") == \
        "The Work Group suggests home blood pressure monitoring (weak for)."
