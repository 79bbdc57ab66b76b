"""A misspelt word the knowledge base has never seen is searched as the knowledge base writes it (K-QA's patients
type "chylamdia", "allopurinal", "amoxcicilin"; each such question had abstained on the word)."""

from __future__ import annotations

from pathlib import Path

from curbside.answer import ask
from curbside.answer.respell import Respelling, respell
from curbside.ingest import ingest_documents
from curbside.records import Document, Kind, Section
from curbside.settings import Settings
from curbside.store import Store

PAGES = [
    Document(id="medquad:1", kind=Kind.CONSUMER, source="test", year=2016, issuer="MedlinePlus", title="Chlamydia",
             sections=(Section("How is chlamydia treated?", "Chlamydia is treated with antibiotics such as "
                                                            "azithromycin or doxycycline. Sex partners of people "
                                                            "with chlamydia should be treated too."),)),
    Document(id="pmid:4", kind=Kind.OBSERVATIONAL, source="test", year=2016, issuer="J Endocr",
             title="Albright hereditary osteodystrophy",
             sections=(Section("RESULTS", "Albright hereditary osteodystrophy would explain short stature."),)),
    Document(id="pmid:3", kind=Kind.OBSERVATIONAL, source="test", year=2016, issuer="J Immunol",
             title="Autoreactive T cells",
             sections=(Section("RESULTS", "Autoreactive T cells were found. Trans fats were not."),)),
    Document(id="medquad:3", kind=Kind.CONSUMER, source="test", year=2016, issuer="MedlinePlus", title="Antihistamines",
             sections=(Section("What are antihistamines?", "Diphenhydramine makes many people sleepy."),)),
    Document(id="medquad:2", kind=Kind.CONSUMER, source="test", year=2016, issuer="MedlinePlus", title="Gout",
             sections=(Section("How is gout treated?", "Allopurinol lowers uric acid and prevents gout attacks. "
                                                       "Start allopurinol at a low dose."),)),
]


def _store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "kb.sqlite")
    ingest_documents(store, PAGES)
    return store


def test_a_word_the_knowledge_base_lacks_is_respelt_as_it_writes_it(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        text, changes = respell(store, "How is chylamdia treated, and is allopurinal safe?", min_passages=1)
        assert text == "How is chlamydia treated, and is allopurinol safe?"
        assert changes == (Respelling("chylamdia", "chlamydia"), Respelling("allopurinal", "allopurinol"))
        # (a word it has, a brand name, or one too far from any word it has stays as written)
        # (… and a word that changes a syllable is another word: PubMedQA's "autorefraction" had been searched as
        # "autoreactive")
        for question in ("How is chlamydia treated?", "Is Saxenda safe?", "Is zzyzzyva treatable?",
                         "Cycloplegic autorefraction in young adults: is it mandatory?",
                         "Alright, so wouldnt the gout tablets work?", "How are tranq wounds managed?"):
            assert respell(store, question, min_passages=1) == (question, ())


def test_the_answer_says_what_was_searched_instead(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        settings = Settings(kb=tmp_path / "kb.sqlite", retriever="lexical", offline=True)
        answer = ask(store, settings, "How is chylamdia treated?", save=False, live=False)
    assert answer.question == "How is chylamdia treated?"
    assert any("“chlamydia” for “chylamdia”" in note for note in answer.notes)
    assert not answer.insufficient and "antibiotics" in answer.bottom_line.text


def test_a_name_is_not_respelt_unless_as_a_drug(tmp_path: Path) -> None:
    # (check34: "searched for 'Everted' for 'Everest'"; K-QA's "Does Allopurinal affect fertility?" is a drug's name)
    page = Document(id="medquad:9", kind=Kind.CONSUMER, source="test", year=2016, issuer="MedlinePlus",
                    title="Gout", sections=(Section("Causes", "The lid was everted. Allopurinol lowers uric acid."),))
    with Store.open(tmp_path / "kb.sqlite") as store:
        ingest_documents(store, [page])
        question = "He flies to Kathmandu to trek to Everest Base Camp. Should he take acetazolamide?"
        assert respell(store, question, min_passages=1) == (question, ())
        # (at the start of a sentence a capital is no name; a drug's name is respelt wherever it is)
        assert respell(store, "Everest lids: how are they treated?", min_passages=1)[1] == (
            Respelling("Everest", "Everted"),)
        assert respell(store, "Does Allopurinal affect fertility?", min_passages=1)[1] == (
            Respelling("Allopurinal", "Allopurinol"),)


def test_the_words_compared_are_read_by_their_initial(tmp_path: Path) -> None:
    # (a misspelling keeps its first letter: reading only those terms is a tenth of the index, 0.3 s of a cold answer
    # on a full knowledge base)
    with _store(tmp_path) as store:
        every = store.vocabulary(1)
        assert {"chlamydia", "allopurinol"} <= set(every)
        for initial in "act":
            assert store.vocabulary(1, initial=initial) == {t: n for t, n in every.items() if t.startswith(initial)}


def test_a_misspelt_drug_name_the_knowledge_base_never_writes_is_read_as_the_brand_table_spells_it(
        tmp_path: Path) -> None:
    # (K-QA: "Can I take Zyrtec and benedryl at the same time?" abstained on "benedryl"; the table knows Benadryl, the
    # knowledge base writes diphenhydramine)
    with _store(tmp_path) as store:
        assert respell(store, "Can I take Zyrtec and benedryl at the same time?", min_passages=1)[1] == (
            Respelling("benedryl", "benadryl"),)
        assert respell(store, "Is zzyzzyva treatable?", min_passages=1)[1] == ()
