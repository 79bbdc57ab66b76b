"""Session 30. The everyday questions a patient asks first: how long a cold lasts (the page on it says, without naming
it again), what type 2 diabetes is (its own page, found and read), and when to take a feverish child to the doctor
(NICE's list of when to seek further advice, found by a search in the words the sources use and read whole)."""

from __future__ import annotations

from dataclasses import replace

import pytest

import curbside.answer.terms as terms_module
from curbside.answer import ask
from curbside.answer.clauses import item_list
from curbside.answer.closeness import closeness_embedder, with_described
from curbside.answer.evidence import COVERAGE_MIN, gather
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.joins import with_caveat
from curbside.answer.generators.extractive.verdict import _STOPPING
from curbside.answer.lexicon import complaint_topic, disease_mentions
from curbside.answer.patient_facts import for_another_patient
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.safety import red_flags
from curbside.answer.second_search import HELP_SCORE, help_statements
from curbside.answer.simplify import split_semicolons
from curbside.answer.terms import Terms, TermStats, phrasal_terms
from curbside.answer.text import stem
from curbside.answer.themes import ASKS_ESCALATION, ESCALATION, LAY_GET_HELP
from curbside.answer.topic_sources import pages_by_name, topic_pages
from curbside.answer.whole_documents import DESCRIBED_SCORE, described_page
from curbside.drug_names import generic_of
from curbside.records import Answer, Audience, Document, Hit, Kind, Passage, Section, Verdict
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
    # insipidus, fever and gout pages; NHLBI's cough and sickle cell pages; NIDDK's diabetes diagnosis page; CDC's
    # typhoid)
    return guideline_kb(tmp_path_factory, ("ngc-9891.xml", "ngc-10695.xml"), corpora=(
        f"{MPLUS}/0000223.xml", f"{MPLUS}/0000213.xml", f"{MPLUS}/0000273.xml", f"{MPLUS}/0000270.xml",
        f"{MPLUS}/0000359.xml", f"{MPLUS}/0000409.xml", "medquad/8_NHLBI_QA_XML/0000047.xml",
        "medquad/8_NHLBI_QA_XML/0000117.xml", "medquad/5_NIDDK_QA/0000035.xml", "medquad/9_CDC_QA/0000419.xml"))


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
    assert analyse(FEVER).topics == ("fever",) and Scope.of(FEVER).topics
    # (a case that tells of several complaints describes a disease it does not name)
    assert complaint_topic("46-year-old with 4 days of fever, productive cough and crackles. Which antibiotic?") == []
    assert ASKS_ESCALATION.search(FEVER) and LAY_GET_HELP.search(FEVER)
    assert {"doctor", "take"} <= phrasal_terms(FEVER)
    answer = _ask(everyday_kb, FEVER)
    assert answer.bottom_line.text.startswith("Following contact with a healthcare professional, parents and carers")
    assert "the child has a fit; the child develops a non-blanching rash;" in answer.bottom_line.text
    assert "the fever lasts longer than 5 days" in answer.bottom_line.text
    assert any(r.document_id == "ngc:9891" for r in answer.references)
    # (… also when MedlinePlus's fever page, which a patient is shown first, says nothing of when: what the search for
    # when to get help found and says when competes with it)
    answer = _ask(everyday_kb, "my daughter has had a fever for 6 days, when should I take her to the doctor")
    assert answer.bottom_line.text.startswith("Following contact with a healthcare professional, parents and carers")


def test_a_lay_question_when_to_get_help_searches_the_sources_words(everyday_kb: Store) -> None:
    retriever = make_retriever(everyday_kb, Settings(kb=everyday_kb.path, retriever="lexical", offline=True))
    pool = retriever.search(FEVER, 30, Filters())
    found = help_statements(retriever, FEVER, pool, 30, Filters())
    assert any(h.document.id == "ngc:9891" and "seek further advice" in h.passage.text for h in found)
    assert all(HELP_SCORE in h.scores for h in found)
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


def test_a_spinal_level_or_a_prefix_is_never_the_key() -> None:
    # ("a T2 lesion running continuously from C6 to T5": the rarest word, not what the case is about; nor "pre" in
    # "at pre-assessment")
    assert Terms({"t5": 9.0, "hiccup": 6.0}).key == "hiccup"
    assert Terms({"pre": 9.0, "murmur": 6.0}).key == "murmur"


def test_the_page_named_for_a_disease_says_what_it_is(everyday_kb: Store) -> None:
    scope = Scope.of("What is type 2 diabetes?")
    found = topic_pages(everyday_kb, pages_by_name(everyday_kb), scope, ("definition",), [], Filters())
    assert any(h.document.id == "medquad:MPlusHealthTopics:0000273" and h.passage.section.startswith("What is")
               for h in found)


def test_feverish_is_fever() -> None:
    assert stem("feverish") == stem("fever") == stem("fevers")


NMO = ("A 43-year-old African-American woman had painful loss of vision in her left eye 8 months ago that only partly "
       "recovered and was labelled optic neuritis. Three weeks ago she had a week of intractable nausea, vomiting and "
       "hiccups, put down to gastritis. Over the past 5 days she has developed weakness and numbness of both legs and "
       "cannot pass urine. Spinal MRI shows a T2 lesion running continuously from C6 to T5, and her brain MRI is "
       "almost normal. What is the most likely diagnosis and which antibody underlies it, how should this attack be "
       "treated, which drugs prevent relapses, how does it differ from MS, and what is her outlook?")
IBUPROFEN = ("My patient takes ibuprofen 400 mg three times a day for her hip arthritis and is listed for a total hip "
             "replacement next month – should she stop it beforehand to reduce blood loss at surgery?")


@pytest.fixture(scope="module")
def check51_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (ACR on optic neuritis imaging, NICE on MS, AAOS on hip osteoarthritis; NINDS's neuromyelitis optica and GARD's
    # optic neuritis pages; the PubMedQA abstracts, among them the ibuprofen trial before hip replacement)
    return guideline_kb(tmp_path_factory, ("ngc-11340.xml", "ngc-10569.xml", "ngc-11190.xml"), corpora=(
        "medquad/6_NINDS_QA/0000105.xml", "medquad/2_GARD_QA/0004565.xml", "pubmedqa/abstracts.jsonl"))


def test_a_case_that_names_no_diagnosis_is_answered_from_the_page_it_describes(check51_kb: Store) -> None:
    # (no one passage of NINDS's page says half of the case: it abstained, with an NMO line among its closest passages;
    # the key had been "t5", a spinal level)
    info = analyse(NMO)
    assert TermStats(check51_kb).terms(info).key != stem("t5")
    answer = _ask(check51_kb, NMO, Audience.CLINICIAN)
    assert not answer.insufficient
    assert answer.bottom_line.text.startswith("Neuromyelitis optica (NMO) is an autoimmune disease")
    assert any(n.startswith("the case names no diagnosis") for n in answer.notes)
    # (the part asking for the diagnosis is answered by naming one, in no word of its own: no "Not covered" for it)
    assert not any("most likely diagnosis" in s.message for s in answer.safety)
    # (a page on a disease the case names — "labelled optic neuritis" — is not the disease it describes)
    retriever = make_retriever(check51_kb, Settings(kb=check51_kb.path, retriever="lexical", offline=True))
    stats = TermStats(check51_kb)
    hits = retriever.search(NMO, 30, Filters())
    optic = [h for h in hits if h.document.id == "medquad:GARD:0004565"]
    assert optic and described_page(check51_kb, optic, stats.terms(info), stats, Scope.of(NMO)) == (0.0, [])


def test_stopping_a_drug_before_surgery_is_answered_by_the_trial_on_it(check51_kb: Store) -> None:
    # ("ibuprofen" was no drug to the drug table — a dictionary word — so the trial, which does not name arthritis, was
    # left out for the osteoarthritis guidelines; and "… – should she stop it" is asked after a case: Yes, stop it)
    assert generic_of("ibuprofen") == "ibuprofen" and generic_of("aspirin") == "aspirin"
    answer = _ask(check51_kb, IBUPROFEN, Audience.CLINICIAN)
    assert answer.verdict is Verdict.YES
    assert answer.bottom_line.text.startswith("Pretreatment with ibuprofen before elective total hip surgery increases")


def test_a_red_flag_the_question_denies_raises_no_notice() -> None:
    denied = ("A fit 34-year-old woman is listed for a hernia repair; at pre-assessment a soft systolic murmur is "
              "heard, but she has no breathlessness, chest pain or fainting. Which tests should I order?")
    assert red_flags(denied, Audience.CLINICIAN) == ()
    assert TermStats().terms(analyse(denied)).key != "pre"
    assert red_flags("She denies chest pain, sweating or breathlessness.", Audience.CLINICIAN) == ()
    # (… but a denial ends at "but": the chest pain and sweating are described)
    assert red_flags("I have no fever but crushing chest pain and sweating", Audience.PATIENT)
    assert red_flags("Man not feeling well, chest pain and breathless", Audience.CLINICIAN)


def test_a_page_the_words_find_answers_a_case_only_when_close_to_it_in_meaning(check51_kb: Store) -> None:
    # (words alone also found NHLBI's Polycythemia Vera for burning red feet; the page must be close in meaning too)
    settings = Settings(kb=check51_kb.path, retriever="lexical", offline=True)
    stats = TermStats(check51_kb)
    found = gather(make_retriever(check51_kb, settings), analyse(NMO), Audience.CLINICIAN, k=settings.k, stats=stats)
    coverage, page = found.described
    assert coverage >= COVERAGE_MIN and page[0].document.id == "medquad:NINDS:0000105"
    assert found.described_coverage == 0.0  # (not yet confirmed)
    confirmed = with_described(found, NMO, closeness_embedder(settings), stats)
    assert confirmed.described_coverage == coverage and confirmed.sufficient
    assert all(DESCRIBED_SCORE in h.scores for h in confirmed.hits if h.document.id == "medquad:NINDS:0000105")
    # (the same page, for a case it does not describe, stays out)
    burning = ("For six months her feet go bright red, hot and burning most evenings, worse after wine or a hot bath, "
               "better on cold tiles. What is the likely diagnosis?")
    assert with_described(replace(found, described=(coverage, page)), burning,
                          closeness_embedder(settings), stats).described_coverage == 0.0


def test_a_caution_that_follows_a_sentence_is_quoted_with_it() -> None:
    doc = Document(id="medquad:NIDDK:test", kind=Kind.CONSUMER, source="test", title="Foodborne Illnesses",
                   sections=(Section("How are foodborne illnesses treated?", ""),))
    text = ("Over-the-counter medications such as loperamide (Imodium) may help stop diarrhea in adults. However, "
            "people with bloody diarrhea should not use these medications. Drink plenty of fluids to replace what is "
            "lost.")
    hit = Hit(Passage(id="medquad:NIDDK:test#1", doc_id=doc.id, ordinal=1, section="How are foodborne illnesses "
                      "treated?", text=text, start=0, end=len(text)), doc, 1.0, {})
    imodium, caution, fluids = extract([hit])
    assert with_caveat(imodium, [imodium, caution, fluids]).text.endswith("should not use these medications.")
    assert with_caveat(caution, [imodium, caution, fluids]) is caution  # (the next sentence adds no "however")


def test_what_a_treatment_is_to_stop_is_no_question_of_stopping_it() -> None:
    assert not _STOPPING.search("After a first attack of diverticulitis, should I start mesalamine to stop it coming "
                                "back?")
    assert _STOPPING.search("Should she stop it beforehand to reduce blood loss?")
    # (… and a woman who never smoked is not among those who "have ever smoked")
    never = "Should I screen a 71-year-old woman who has never smoked for an AAA?"
    assert for_another_patient(never, "The USPSTF concludes that the evidence is insufficient … in women who have ever "
                                      "smoked or have a family history of AAA.")
    assert not for_another_patient(never, "The USPSTF recommends against routine screening for AAA in women who have "
                                          "never smoked.")


def test_a_short_word_a_large_knowledge_base_never_uses_is_slang(everyday_kb: Store,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    piles = "how long do piles usually last? bright red blood on the loo paper"
    monkeypatch.setattr(terms_module, "SLANG_KB_MIN", 1)
    weights = TermStats(everyday_kb).terms(analyse(piles)).weights
    assert "loo" not in weights and stem("piles") in weights
    # (… not in a small one, which lacks everyday words; nor a word written as an abbreviation)
    monkeypatch.setattr(terms_module, "SLANG_KB_MIN", 10**9)
    assert "loo" in TermStats(everyday_kb).terms(analyse(piles)).weights
    # ("piles" are hemorrhoids to the lexicon and the search)
    assert disease_mentions(piles) == ["hemorrhoid"]
