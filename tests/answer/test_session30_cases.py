"""Session 30. The everyday questions a patient asks first: how long a cold lasts (the page on it says, without naming
it again), what type 2 diabetes is (its own page, found and read), and when to take a feverish child to the doctor
(NICE's list of when to seek further advice, found by a search in the words the sources use and read whole)."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.clauses import item_list
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.lexicon import complaint_topic, disease_mentions
from curbside.answer.second_search import help_statements
from curbside.answer.simplify import split_semicolons
from curbside.answer.terms import phrasal_terms
from curbside.answer.text import stem
from curbside.answer.themes import ASKS_ESCALATION, ESCALATION, LAY_GET_HELP
from curbside.records import Answer, Audience, Document, Hit, Kind, Passage, Section
from curbside.retrieve import Filters, make_retriever
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb

MPLUS = "medquad/4_MPlus_Health_Topics_QA"
FEVER = "My 2 year old has a fever of 39, when should I take him to the doctor?"
SEEK_ADVICE = ("Following contact with a healthcare professional, parents and carers who are looking after their "
               "feverish child at home should seek further advice if:\n- The child has a fit\n- The child develops a "
               "non-blanching rash\n- The parent or carer feels that the child is less well than when they previously "
               "sought advice\n- The parent or carer is more worried than when they previously sought advice\n- The "
               "fever lasts longer than 5 days\n- The parent or carer is distressed, or concerned that they are unable "
               "to look after their child")


@pytest.fixture(scope="module")
def everyday_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (NICE's feverish illness guideline; MedlinePlus's common cold, cold medicines, type 2 diabetes, diabetes
    # insipidus and gout pages; NHLBI's cough and sickle cell pages; NIDDK's diabetes diagnosis page; CDC's typhoid)
    return guideline_kb(tmp_path_factory, ("ngc-9891.xml", "ngc-10695.xml"), corpora=(
        f"{MPLUS}/0000223.xml", f"{MPLUS}/0000213.xml", f"{MPLUS}/0000273.xml", f"{MPLUS}/0000270.xml",
        f"{MPLUS}/0000409.xml", "medquad/8_NHLBI_QA_XML/0000047.xml", "medquad/8_NHLBI_QA_XML/0000117.xml",
        "medquad/5_NIDDK_QA/0000035.xml", "medquad/9_CDC_QA/0000419.xml"))


def _ask(store: Store, question: str, audience: Audience = Audience.PATIENT) -> Answer:
    return ask(store, Settings(kb=store.path, retriever="lexical", offline=True), question, audience=audience,
               save=False)


def test_how_long_a_cold_lasts_is_said_on_its_page_without_naming_it(everyday_kb: Store) -> None:
    # (a page titled "Common Cold" speaks of it throughout: its "… last 2 to 14 days" lost to a cough page's "Whether
    # you've recently had a cold or the flu")
    answer = _ask(everyday_kb, "How long does a cold last?")
    assert answer.bottom_line.text.startswith("Symptoms usually begin 2 or 3 days after infection and last 2 to 14")


def test_what_a_disease_is_is_read_from_the_page_named_for_it(everyday_kb: Store) -> None:
    # (the page "Diabetes Type 2" was never retrieved: pages repeating "type 2 diabetes" outranked it, and its opening
    # says what diabetes, the broader thing, is; a NICE appraisal of empagliflozin had led)
    answer = _ask(everyday_kb, "What is type 2 diabetes?")
    assert answer.bottom_line.text.startswith("Diabetes means your blood glucose, or blood sugar, levels are too high")
    # ("Diabetes insipidus (DI) causes frequent urination": its page says what it is with another verb than "is" …)
    answer = _ask(everyday_kb, "What is diabetes insipidus?")
    assert answer.bottom_line.text.startswith("Diabetes insipidus (DI) causes frequent urination")
    # (… while a sentence that says what it is outranks one of those: not "Gout happens when uric acid builds up")
    answer = _ask(everyday_kb, "What is gout?")
    assert answer.bottom_line.text.startswith("Gout is a common, painful form of arthritis")


def test_when_to_take_a_feverish_child_to_the_doctor_is_nices_list_read_whole(everyday_kb: Store) -> None:
    # (the bottom line had been "Fever is a medical emergency in SCD", from the sickle cell page)
    assert disease_mentions(FEVER) == [] and complaint_topic(FEVER) == ["fever"]
    # (a case that tells of several complaints describes a disease it does not name)
    assert complaint_topic("46-year-old with 4 days of fever, productive cough and crackles. Which antibiotic?") == []
    assert ASKS_ESCALATION.search(FEVER) and LAY_GET_HELP.search(FEVER)
    assert {"doctor", "take"} <= phrasal_terms(FEVER)
    answer = _ask(everyday_kb, FEVER)
    assert answer.bottom_line.text.startswith("Following contact with a healthcare professional, parents and carers")
    assert "the child has a fit; the child develops a non-blanching rash;" in answer.bottom_line.text
    assert "the fever lasts longer than 5 days" in answer.bottom_line.text
    assert any(r.document_id == "ngc:9891" for r in answer.references)


def test_a_lay_question_when_to_get_help_searches_the_sources_words(everyday_kb: Store) -> None:
    retriever = make_retriever(everyday_kb, Settings(kb=everyday_kb.path, retriever="lexical", offline=True))
    pool = retriever.search(FEVER, 30, Filters())
    found = help_statements(retriever, FEVER, pool, 30, Filters())
    assert any(h.document.id == "ngc:9891" and "seek further advice" in h.passage.text for h in found)
    # (its best is as good as the first search's best)
    assert max(h.score for h in found) == pytest.approx(max(h.score for h in pool))
    # (a question that does not ask when to get help searches nothing more)
    assert help_statements(retriever, "What is the dose of paracetamol for a fever?", pool, 30, Filters()) == []


def test_a_list_of_short_alternatives_is_one_statement_never_split() -> None:
    doc = Document(id="ngc:test", kind=Kind.GUIDELINE, source="test", title="Feverish illness in children",
                   sections=(Section("When to Seek Further Help", SEEK_ADVICE),))
    hit = Hit(Passage(id="ngc:test#1", doc_id=doc.id, ordinal=1, section="When to Seek Further Help",
                      text=SEEK_ADVICE, start=0, end=len(SEEK_ADVICE)), doc, 1.0, {})
    [candidate] = extract([hit])
    assert candidate.words > 80 and item_list(candidate.text)
    assert candidate.escalation and ESCALATION.search("should seek further advice if")
    # (read one item at a time, not as one 88-word sentence of grade 35)
    assert candidate.grade < 14
    # (plain words never make an item a sentence of its own: "… if the child has a fit. The child develops a rash.")
    assert split_semicolons(candidate.text) == candidate.text
    assert split_semicolons("Avoid the drug in pregnancy; it harms the fetus in animal studies.") == (
        "Avoid the drug in pregnancy. It harms the fetus in animal studies.")


def test_feverish_is_fever() -> None:
    assert stem("feverish") == stem("fever") == stem("fevers")
