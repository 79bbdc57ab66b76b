"""Guidelines whose titles name the question's disease and what it asks join the evidence pool,
even when passage search ranks their short recommendations low."""

from __future__ import annotations

from pathlib import Path

from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.answer.topic_sources import topic_guidelines
from curbside.ingest import ingest_documents
from curbside.records import Document, Hit, Kind, Section
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
    hits = topic_guidelines(store, titles, scope, ("treatment",), [], Filters())
    documents = list(dict.fromkeys(h.document.id for h in hits))
    # the management guideline first; pregnancy (narrower) and pulmonary hypertension (another disease) left out
    assert documents[0] == "g:1" and "g:2" not in documents and "g:3" not in documents
    # only recommendation passages, not the scope fields
    assert all("Recommendation" in h.passage.section for h in hits)
    recent = topic_guidelines(store, titles, scope, ("treatment",), [], Filters(since=2015))
    assert {h.document.id for h in recent} == {"g:4"}  # the 2014 guideline is older than asked
    store.close()


def test_the_leading_guidelines_other_recommendations_on_what_was_asked_join(tmp_path: Path) -> None:
    from curbside.answer.topic_sources import sibling_recommendations

    store = Store.open(tmp_path / "kb.sqlite")
    jnc = Document(id="g:jnc", kind=Kind.GUIDELINE, title="Guideline for the management of high blood pressure in "
                   "adults.", source="test", issuer="test", year=2014, sections=(
                       Section("Guideline objective(s)", "To address thresholds and goals for treatment."),
                       Section("Major Recommendations — Recommendation 1", "In the general population aged 60 "
                               "years or older, initiate pharmacologic treatment to lower blood pressure."),
                       Section("Major Recommendations — Recommendation 4", "In the population aged 18 years or "
                               "older with chronic kidney disease, initiate pharmacologic treatment at 140 mm Hg."),
                       Section("Major Recommendations — Recommendation 6", "In the general nonblack population, "
                               "initial antihypertensive treatment should include a thiazide-type diuretic."),
                       Section("Major Recommendations — Evidence grades", "Grade A is a strong recommendation.")))
    ingest_documents(store, [jnc])
    first = store.passages_for("g:jnc")[1]
    lead = [Hit(first, store.documents_by_ids(["g:jnc"])["g:jnc"], 3.0)]
    scope = Scope.of("How is hypertension treated in adults?")
    stats = TermStats(store)
    terms = stats.terms(analyse("How is hypertension treated in adults?"))
    added = sibling_recommendations(store, lead, scope, ("treatment",), terms, stats, per_document=1)
    # the recommendation for everyone the question covers, not the narrower group's, not the objective or grades
    assert [h.passage.section for h in added] == ["Major Recommendations — Recommendation 6"]
    assert added[0].score == 3.0
    three = sibling_recommendations(store, lead, scope, ("treatment",), terms, stats, per_document=3)
    assert three[1].passage.section.endswith("Recommendation 4")
    asthma = Scope.of("How is asthma treated?")
    assert sibling_recommendations(store, lead, asthma, ("treatment",), terms, stats) == []
    store.close()


def test_evidence_is_kept_only_from_documents_that_name_the_disease(tmp_path: Path) -> None:
    from curbside.answer.evidence import gather
    from curbside.answer.pipeline import make_retriever
    from curbside.records import Audience
    from curbside.settings import load_settings

    store = Store.open(tmp_path / "kb.sqlite")
    ingest_documents(store, [
        _guideline("g:b", "AASLD guidelines for treatment of chronic hepatitis B.", 2016,
                   "The AASLD recommends antiviral therapy for adults with chronic hepatitis B and raised ALT."),
        _guideline("g:c", "Recommendations for testing, managing, and treating hepatitis C.", 2015,
                   "Treatment is recommended for all patients with chronic hepatitis C infection."),
    ])
    question = "How is chronic hepatitis C treated?"
    evidence = gather(make_retriever(store, load_settings()), analyse(question), Audience.CLINICIAN, k=10,
                      stats=TermStats(store))
    # the letter tells the diseases apart: the hepatitis B guideline shares every other word
    assert {h.document.id for h in evidence.hits} == {"g:c"}
    store.close()


def test_evidence_reranking_knows_the_abbreviations_the_pool_defines() -> None:
    from curbside.answer.evidence import _defined_for, abbreviated
    from curbside.answer.terms import Terms
    from curbside.answer.text import content_stems
    from curbside.records import Passage

    scope = Scope.of("How is post-traumatic stress disorder treated?")
    text = ("For adult patients with posttraumatic stress disorder (PTSD), the panel strongly recommends "
            "psychotherapy.")
    doc = Document(id="ngc:11297", kind=Kind.GUIDELINE, title="PTSD in adults.", source="test", issuer="test",
                   year=2017, sections=(Section("Major Recommendations", text),))
    hit = Hit(Passage("ngc:11297#6", "ngc:11297", 6, "Major Recommendations", text, 0, len(text)), doc, 1.0)
    terms = Terms({"posttraumat": 5.0, "stress": 4.0, "disord": 2.5, "treat": 2.7})
    defined = _defined_for(scope, terms, [hit])
    assert defined == {"PTSD": "posttraumatic stress disorder"}
    short = set(content_stems("For patients with PTSD, the Work Group recommends trauma-focused psychotherapy."))
    assert terms.coverage(short) == 0.0
    assert abbreviated(terms, defined).coverage(short) > 0.8


def test_a_health_page_named_for_the_disease_in_other_words_joins_with_what_was_asked(tmp_path: Path) -> None:
    from curbside.answer.topic_sources import topic_pages

    # (NINDS *Shingles* and *Herpes Zoster Oticus*, MedQuAD): the page calls herpes zoster "shingles"
    store = Store.open(tmp_path / "kb.sqlite")
    ingest_documents(store, [
        Document(id="medquad:NINDS:0000148", kind=Kind.CONSUMER, title="Shingles", source="test", issuer="NINDS",
                 year=2017, sections=(
                     Section("What is (are) Shingles ?", "Shingles (herpes zoster) is an outbreak of rash or blisters "
                             "on the skin that is caused by the same virus that causes chickenpox."),
                     Section("What are the treatments for Shingles ?", "The severity and duration of an attack of "
                             "shingles can be significantly reduced by immediate treatment with antiviral drugs, "
                             "which include acyclovir, valcyclovir, or famcyclovir."))),
        Document(id="medquad:NINDS:0000149", kind=Kind.CONSUMER, title="Herpes Zoster Oticus", source="test",
                 issuer="NINDS", year=2017, sections=(
                     Section("What are the treatments for Herpes Zoster Oticus ?", "Some cases of herpes zoster "
                             "oticus do not require treatment. When treatment is needed, medications such as "
                             "antiviral drugs or corticosteroids may be prescribed."),)),
    ])
    scope = Scope.of("What is the treatment for herpes zoster?")
    hits = topic_pages(store, TermStats(store).pages_by_name(), scope, ("treatment",), [], Filters())
    # the treatment section of the page named for the disease; not its overview, not another disease's page
    assert [h.passage.section for h in hits] == ["What are the treatments for Shingles ?"]
    assert Scope.of("What is the treatment for herpes zoster?").is_named("Shingles")
    assert not Scope.of("What is the treatment for herpes zoster?").is_named("Herpes Zoster Oticus")
    store.close()


def test_a_guideline_on_the_group_the_disease_belongs_to_answers_with_what_names_it(tmp_path: Path) -> None:
    from curbside.answer.topic_sources import sibling_recommendations

    # NICE NG69 *Eating disorders: recognition and treatment* (ngc:11223), in the shared corpora
    store = Store.open(tmp_path / "kb.sqlite")
    ng69 = Document(id="ngc:11223", kind=Kind.GUIDELINE, title="Eating disorders: recognition and treatment.",
                    source="test", issuer="test", year=2017, sections=(
                        Section("Major Recommendations — Treating Anorexia Nervosa", "Provide support and care for "
                                "all people with anorexia nervosa in contact with specialist services, whether or "
                                "not they are having a specific intervention."),
                        Section("Major Recommendations — For adults with anorexia nervosa, consider one of",
                                "- Individual eating-disorder-focused cognitive behavioural therapy (CBT-ED)\n"
                                "- Maudsley Anorexia Nervosa Treatment for Adults (MANTRA)\n"
                                "- Specialist supportive clinical management (SSCM)"),
                        Section("Major Recommendations — Treating Bulimia Nervosa", "For adults with bulimia "
                                "nervosa, consider bulimia-nervosa-focused guided self-help.")))
    ingest_documents(store, [ng69])
    first = store.passages_for("ngc:11223")[0]
    lead = [Hit(first, store.documents_by_ids(["ngc:11223"])["ngc:11223"], 3.0)]
    question = "How is anorexia nervosa treated?"
    scope = Scope.of(question)
    assert scope.names_parent(ng69.title) and not scope.names_topic(ng69.title)
    stats = TermStats(store)
    added = sibling_recommendations(store, lead, scope, ("treatment",), stats.terms(analyse(question)), stats)
    # the options for anorexia nervosa join; the bulimia recommendation does not
    assert [h.passage.section for h in added] == ["Major Recommendations — For adults with anorexia nervosa, "
                                                  "consider one of"]
    store.close()
