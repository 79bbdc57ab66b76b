"""Questions put as cases, session 18: a guideline answers a case in one passage on what is asked while its other
sections describe the case (``evidence.case_coverage``); a sentence on what a case's question names outranks one
that repeats the case (``scoring.W_ASKED``); a patient told as having had a transplant is a transplant recipient
(``mentions``); and a case's question names its topic before the case's other diseases (``QuestionInfo.topics``).

Term weights are what decides these, so the knowledge base is real: 150 NGC guideline summaries from the shared
corpora with NICE's community-acquired pneumonia guideline (ngc:10899) and BTS's oxygen guideline (ngc:11253), whose
text the tests quote verbatim."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from curbside.answer import ask
from curbside.answer.evidence import COVERAGE_MIN, Evidence, gather
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.assemble import choose_bottom
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.cues import META_CUE
from curbside.answer.generators.extractive.guideline_vote import CANNOT_SAY
from curbside.answer.generators.extractive.verdict import decide
from curbside.answer.lexicon import medical_signal
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, is_yes_no
from curbside.answer.terms import TermStats, compound_parts
from curbside.answer.text import content_stems, stem
from curbside.answer.whole_documents import CASE_ASKED_MIN, case_coverage
from curbside.records import Audience, Hit, Verdict
from curbside.retrieve import make_retriever
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.answer.realtext import ranked, text_hit

CASE = ("46-year-old non-smoker with 4 days of fever, productive cough and right basal crackles; not confused, RR 22, "
        "BP 128/78, urea normal, and chest X-ray shows right lower lobe consolidation. No penicillin allergy. Which "
        "antibiotic and for how long, and does he need sputum cultures or urinary antigen tests?")

_PRESENTATION = (
    "Major Recommendations — Presentation with Lower Respiratory Tract Infection",
    "For people presenting with symptoms of lower respiratory tract infection in primary care, consider a point of "
    "care C-reactive protein test if after clinical assessment a diagnosis of pneumonia has not been made and it is "
    "not clear whether antibiotics should be prescribed. Use the results of the C-reactive protein test to guide "
    "antibiotic prescribing in people without a clinical diagnosis of pneumonia as follows:\n"
    "- Do not routinely offer antibiotic therapy if the C-reactive protein concentration is less than 20 mg/litre.\n"
    "- Consider a delayed antibiotic prescription (a prescription for use at a later date if symptoms worsen) if the "
    "C-reactive protein concentration is between 20 mg/litre and 100 mg/litre.\n"
    "- Offer antibiotic therapy if the C-reactive protein concentration is greater than 100 mg/litre.")
_SEVERITY = (
    "Major Recommendations — Severity Assessment in Hospital",
    "When a diagnosis of community-acquired pneumonia is made at presentation to hospital, determine whether "
    "patients are at low, intermediate or high risk of death using the CURB65 score (see Box 2 in the original "
    "guideline document).\n"
    "Use clinical judgement in conjunction with the CURB65 score to guide the management of community-acquired "
    "pneumonia, as follows:\n"
    "- Consider home-based care for patients with a CURB65 score of 0 or 1.\n"
    "- Consider hospital-based care for patients with a CURB65 score of 2 or more.\n"
    "- Consider intensive care assessment for patients with a CURB65 score of 3 or more.\n"
    "Stratify patients presenting with community-acquired pneumonia into those with low-, moderate- or "
    "high-severity disease. The grade of severity will usually correspond to the risk of death.")
_CONSIDERED = (
    'Interventions and practices considered',
    'Diagnosis/Evaluation/Risk Assessment\n'
    '- Clinical assessment\n'
    '- C-reactive protein (CRP) test\n'
    '- Mortality risk assessment and risk stratification using the CRB65 score or CURB65 score\n'
    '- Microbiological tests (blood and sputum cultures and pneumococcal and legionella urinary antigen '
    'tests)\n'
    '- Chest X-ray\n'
    'Treatment/Management\n'
    '- Antibiotic therapy based on severity of disease\n'
    '- Amoxicillin\n'
    '- Macrolide\n'
    '- Tetracycline\n'
    '- Fluoroquinolone (not recommended routinely)\n'
    '- Dual antibiotic therapy (amoxicillin plus a macrolide, beta-lactamase stable beta-lactam plus a '
    'macrolide)\n'
    '- When to start treatment and duration of treatment\n'
    '- Glucocorticosteroid (not recommended for treatment of community-acquired pneumonia)\n'
    '- Monitoring in hospital (CRP measurement)\n'
    '- Procedures for safe discharge from hospital (ensuring stable body temperature, respiratory rate, '
    'heart rate, systolic blood pressure, oxygen saturation, mental status, ability to eat without '
    'assistance)\n'
    '- Providing patient information concerning what to expect in terms of symptom improvement')
_DISCHARGE = (
    'Major Recommendations — Safe Discharge from Hospital',
    'Do not routinely discharge patients with community-acquired pneumonia if in the past 24 hours they '
    'have had 2 or more of the following findings:\n'
    '- Temperature higher than 37.5°C\n'
    '- Respiratory rate 24 breaths per minute or more\n'
    '- Heart rate over 100 beats per minute\n'
    '- Systolic blood pressure 90 mmHg or less\n'
    '- Oxygen saturation under 90% on room air\n'
    '- Abnormal mental status\n'
    '- Inability to eat without assistance\n'
    'Consider delaying discharge for patients with community-acquired pneumonia if their temperature is '
    'higher than 37.5°C.')
_INFORMATION = (
    'Major Recommendations — Patient Information',
    'Explain to patients with community-acquired pneumonia that after starting treatment their symptoms '
    'should steadily improve, although the rate of improvement will vary with the severity of the '
    'pneumonia, and most people can expect that by:\n'
    '- 1 week: fever should have resolved\n'
    '- 4 weeks: chest pain and sputum production should have substantially reduced\n'
    '- 6 weeks: cough and breathlessness should have substantially reduced\n'
    '- 3 months: most symptoms should have resolved but fatigue may still be present\n'
    '- 6 months: most people will feel back to normal\n'
    'Advise patients with community-acquired pneumonia to consult their healthcare professional if they '
    'feel that their condition is deteriorating or not improving as expected.')
_TESTS = (
    "Major Recommendations — Microbiological Tests",
    "Do not routinely offer microbiological tests to patients with low-severity community-acquired pneumonia.\n"
    "For patients with moderate- or high-severity community-acquired pneumonia:\n"
    "- Take blood and sputum cultures and\n"
    "- Consider pneumococcal and legionella urinary antigen tests")
_ANTIBIOTICS = (
    "Major Recommendations — Antibiotic Therapy",
    "Low-Severity Community-Acquired Pneumonia\n"
    "Offer a 5-day course of a single antibiotic to patients with low-severity community-acquired pneumonia.\n"
    "Consider amoxicillin in preference to a macrolide or a tetracycline for patients with low-severity "
    "community-acquired pneumonia. Consider a macrolide or a tetracycline for patients who are allergic to "
    "penicillin.")


QUOTED = ("ngc-10899.xml", "ngc-11253.xml")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = guideline_kb(tmp_path_factory, QUOTED)
    yield store
    store.close()


@pytest.fixture
def settings(kb: Store) -> Settings:
    return Settings(kb=kb.path, retriever="lexical")


def _evidence(kb: Store, settings: Settings, question: str) -> Evidence:
    return gather(make_retriever(kb, settings), analyse(question), Audience.CLINICIAN, k=settings.k,
                  stats=TermStats(kb))


def test_a_guideline_that_describes_the_case_answers_it_in_the_passage_on_what_is_asked(kb: Store,
                                                                                         settings: Settings) -> None:
    evidence = _evidence(kb, settings, CASE)
    # no one passage repeats the case's findings (fever, cough, blood pressure, respiratory rate …): the gate abstained
    assert evidence.coverage < COVERAGE_MIN
    assert evidence.case_coverage >= COVERAGE_MIN and evidence.sufficient
    answer = ask(kb, settings, CASE, save=False)
    assert not answer.insufficient
    assert "sputum cultures" in answer.bottom_line.text
    assert answer.references[0].document_id == "ngc:10899"


def _tests_hit(kb: Store, settings: Settings) -> Hit:
    return next(h for h in _evidence(kb, settings, CASE).hits if h.passage.section == _TESTS[0])


def test_a_passage_whose_document_does_not_describe_the_case_does_not(kb: Store, settings: Settings) -> None:
    stats = TermStats(kb)
    terms = stats.terms(analyse(CASE))
    tests = _tests_hit(kb, settings)
    assert case_coverage([tests], terms, stats) >= COVERAGE_MIN
    # the same passage in a guideline that says nothing else (its title and this passage only)
    alone = replace(tests, document=replace(tests.document, id="test:microbiological-tests-only"))
    assert stats.document_stems(alone.document) == frozenset(content_stems(tests.document.title))
    assert case_coverage([alone], terms, stats) < COVERAGE_MIN


def test_the_passage_must_say_most_of_what_is_asked_itself(kb: Store, settings: Settings) -> None:
    stats = TermStats(kb)
    terms = stats.terms(analyse(CASE))
    tests = _tests_hit(kb, settings)
    assert terms.asked_share(stats.stems_of(tests)) >= CASE_ASKED_MIN
    # what is asked counts only where the passage says it: its document's other sections do not make up for it
    around = stats.document_stems(tests.document)
    assert "sputum" in around and terms.coverage_with(frozenset(), around) == terms.coverage_with(
        frozenset(), around - terms.asked)
    # asked more than it says (a CT scan of the chest, a blood gas), it no longer qualifies, whatever its document
    wider = CASE.replace("urinary antigen tests?", "urinary antigen tests, a CT scan of the chest or an arterial "
                                                  "blood gas?")
    wide_terms = stats.terms(analyse(wider))
    assert wide_terms.key == terms.key == "sputum"
    assert wide_terms.asked_share(stats.stems_of(tests)) < CASE_ASKED_MIN
    assert case_coverage([tests], wide_terms, stats) == 0.0
    # (without a case nothing is asked of it in particular)
    assert stats.terms(analyse("Which antibiotic for community-acquired pneumonia?")).asked_share(
        set(content_stems("antibiotic"))) == 0.0


def test_a_guideline_summary_scope_fields_do_not_answer_a_case(kb: Store, settings: Settings) -> None:
    # "Interventions and practices considered: … Microbiological tests (blood and sputum cultures and pneumococcal
    # and legionella urinary antigen tests) …" names what the guideline covers, not what it recommends
    stats = TermStats(kb)
    terms = stats.terms(analyse(CASE))
    considered = next(h for h in _evidence(kb, settings, CASE).hits if h.passage.section == _CONSIDERED[0])
    assert terms.names_key(stats.stems_of(considered))
    assert terms.asked_share(stats.stems_of(considered)) >= CASE_ASKED_MIN
    assert case_coverage([considered], terms, stats) == 0.0
    assert case_coverage([considered, _tests_hit(kb, settings)], terms, stats) >= COVERAGE_MIN


def test_the_shaping_half_of_a_hyphenated_word_counts_only_where_a_passage_has_it() -> None:
    # (check28: "standing" of "long-standing", "ups" of "check-ups", "add" of "add-on" were named as missing words)
    question = ("She takes sertraline for long-standing depression and asks about add-on treatment and check-ups. "
                "What does she need?")
    assert {"long", "stand", "add", "check", "ups"} <= compound_parts(question)
    terms = TermStats().terms(analyse(question))
    assert {"stand", "ups"} <= terms.optional
    assert "depress" not in terms.optional and "sertralin" not in terms.optional
    # (a hyphenated medical word is the word: "gastro-oesophageal", "first-line", "high-dose")
    assert not compound_parts("Is first-line high-dose PPI right for gastro-oesophageal reflux?")


_BTS = "BTS guideline for oxygen use in adults in healthcare and emergency settings."
_BTS_SECTION = ("Major Recommendations — Good Practice Points for COPD and Other Conditions That May Cause Hypercapnic "
                "Respiratory Failure")
COPD_CASE = ("68-year-old with a COPD exacerbation: after an hour of nebulised salbutamol/ipratropium, prednisolone "
             "and "
             "controlled oxygen (SpO2 90%), ABG shows pH 7.30 and PaCO2 8.2 kPa (62 mmHg). Should I start NIV now, and "
             "what initial settings?")


def test_a_sentence_on_what_the_case_asks_outranks_one_that_repeats_the_case(kb: Store) -> None:
    niv = text_hit("ngc:11253#71", _BTS, _BTS_SECTION,
                   "Blood gases should be repeated at 30 to 60 min to check for rising PCO2 or falling pH.\n"
                   "- If the patient is hypercapnic (PCO2 >6 kPa or 45 mm Hg) and acidotic (pH <7.35 or [H+] >45 "
                   "nmol/L), start NIV with targeted oxygen therapy if respiratory acidosis persists for more than 30 "
                   "min after initiation of standard medical management.")
    cf = text_hit("ngc:11253#72", _BTS, _BTS_SECTION,
                  "This may be achieved using 28% or 24% oxygen from a Venturi mask or 1-2 L/min via nasal cannulae "
                  "depending on oxygen saturation and subsequent blood gas measurements.\n"
                  "- Initial oxygen treatment of CF exacerbations should be similar to the initial oxygen treatment of "
                  "COPD exacerbations with target saturation 88% to 92% (see sections 8.12.1-8.12.2 in the original "
                  "guideline document; grade D).")
    generator = ExtractiveGenerator(TermStats(kb))
    assert generator.stats.terms(analyse(COPD_CASE)).key == "niv"  # (what the case asks names NIV)
    best = max(generator.candidates(COPD_CASE, [cf, niv], Audience.CLINICIAN), key=lambda c: c.relevance)
    assert "start NIV" in best.text
    assert generator.generate(COPD_CASE, [cf, niv], Audience.CLINICIAN).bottom_line.text.startswith(
        "If the patient is hypercapnic")


def test_a_patient_told_as_having_had_a_transplant_is_a_transplant_recipient() -> None:
    case = ("56-year-old man 3 years after a bilateral lung transplant for COPD has had a sustained 25% fall in FEV1. "
            "How should his presumed bronchiolitis obliterans syndrome be treated?")
    advice = ("For lung transplant recipients who develop a decline in FEV1 consistent with the onset of BOS, the "
              "Committee suggests that clinicians do not use long-term, high-dose corticosteroids.")
    assert Scope.of(case).narrower(advice) == ()
    # (a transplant asked about is not one the patient has had)
    assert Scope.of("Should a man with end-stage COPD be referred for lung transplant?").narrower(advice)


def test_a_case_question_names_its_topic_before_the_case_other_diseases() -> None:
    info = analyse("56-year-old man with COPD has had a sustained fall in FEV1 after a lung transplant, and a pH study "
                   "confirms gastro-oesophageal reflux. How should his presumed bronchiolitis obliterans syndrome be "
                   "treated?")
    assert info.topics[0] == "bronchiolitis obliterans"  # (what the follow-up questions are about)
    assert "gastro oesophageal reflux" in info.topics


def test_a_pointer_to_a_drug_licence_is_not_an_answer() -> None:
    # (check28: NICE's boilerplate had led an answer on ocriplasmin's adverse effects)
    assert META_CUE.search("For full details of adverse reactions and contraindications, see the summary of product "
                           "characteristics.")
    assert not META_CUE.search("The summary of product characteristics lists vitreous floaters and eye pain as "
                               "adverse reactions.")


def test_lay_words_for_a_faint_and_for_grommets() -> None:
    terms = TermStats().terms(analyse("My daughter fainted twice. Should she have a heart scan?"))
    assert stem("fainted") in terms.covered(set(content_stems("Patients with typical vasovagal syncope need no "
                                                                 "further cardiac testing.")))
    # grommets are what a case is about ("having grommets put in on Friday … Can she have breakfast?"), which a page
    # on calcium-rich breakfast cereals does not cover
    assert medical_signal("grommets").medical
    question = ("My daughter's 4 and she's having grommets put in on Friday afternoon. The hospital letter says "
                "nothing to eat or drink after midnight. Can she have some breakfast or a drink of juice?")
    terms = TermStats().terms(analyse(question))
    assert stem("grommets") in terms.weights and stem("grommets") not in terms.optional


def test_document_words_are_kept_for_the_most_recent_documents_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import curbside.answer.terms as terms_module
    from curbside.records import Document, Kind

    monkeypatch.setattr(terms_module, "DOCUMENT_CACHE", 3)
    stats = TermStats()
    for i in range(5):
        stats.document_stems(Document(id=f"doc{i}", kind=Kind.GUIDELINE, title=f"Guideline on asthma {i}", sections=(),
                                      source="test"))
    assert list(stats._documents) == ["doc2", "doc3", "doc4"]
    assert stats.document_stems(Document(id="doc4", kind=Kind.GUIDELINE, title="changed", sections=(),
                                         source="test")) >= {"asthma"}  # (cached: read once)


_ASD = ("The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and harms of "
        "screening for autism spectrum disorder (ASD) in young children for whom no concerns of ASD have been raised "
        "by their parents or a clinician. (I statement)")
_ASD_TITLE = "Final recommendation statement: autism spectrum disorder in young children: screening."
TODDLERS = ("Should all toddlers aged 18 to 30 months be screened for autism with the M-CHAT when neither parents nor "
            "clinicians have raised any concerns?")


def test_autism_is_autism_spectrum_disorder() -> None:
    # (check29: the USPSTF statement on ASD read as about another disease than "autism")
    assert Scope.of(TODDLERS).other_topics(_ASD_TITLE) == ()


def test_a_guideline_that_finds_the_evidence_insufficient_says_neither_yes_nor_no() -> None:
    # (check29, unsafe: read as a study's conclusion, the USPSTF's I statement had said "No" to screening)
    found = extract([text_hit("ngc:10905#7", _ASD_TITLE, "Major Recommendations — Summary of Recommendation and "
                                                          "Evidence", _ASD)])
    for c in ranked(found, own=0.7):
        c.drift = ("another disease",)  # (not read as a recommendation on the question's disease: read as a study's)
    result = decide(TODDLERS, found)
    assert result.verdict is Verdict.UNCERTAIN and "insufficient" in result.note
    assert result.deciding and all(CANNOT_SAY.search(text) for text in result.deciding)


def test_a_choice_between_two_courses_is_not_a_yes_no_question() -> None:
    # (check29: "Verdict: Yes" had been printed for "Does it need draining or will it go down by itself?")
    assert not is_yes_no("Does it need draining or will it go down by itself?")
    assert not is_yes_no("Is it viral or is it bacterial?")
    assert is_yes_no("Is aspirin or clopidogrel better after a TIA?")
    assert is_yes_no("Can I take ibuprofen or paracetamol with a cold?")


_GASTROPARESIS = "Clinical guideline: management of gastroparesis."
PROKINETIC = ("52-year-old with type 1 diabetes and scintigraphy-confirmed gastroparesis is still vomiting despite "
              "small low-fat meals and better glucose control. Which prokinetic should I start, and at what dose?")


def test_asked_which_drug_a_treatment_that_names_one_answers() -> None:
    # (a sentence about glucose "(>200 mg/dl)" reads as about drugs and doses; the one naming the drug reads as about
    # treatment, and had been left out of the bottom line's candidates for a question on drugs)
    assert analyse(PROKINETIC).intents == ("drugs",)
    glucose, = extract([text_hit("ngc:9594#10", _GASTROPARESIS, "Recommendation — Identifying the Cause of "
                                 "Gastroparesis", "Markedly uncontrolled (>200 mg/dl) glucose levels may aggravate "
                                 "symptoms of gastroparesis and delay gastric emptying.")])
    drug, = extract([text_hit("ngc:9594#28", _GASTROPARESIS, "Recommendation — Pharmacologic Therapy",
                              "Metoclopramide is the first line of prokinetic therapy and should be administered at "
                              "the lowest effective dose in a liquid formation to facilitate absorption.")])
    tricyclics, = extract([text_hit("ngc:9594#32", _GASTROPARESIS, "Recommendation — Pharmacologic Therapy",
                                    "Tricyclic antidepressants (TCA) can be considered for refractory nausea and "
                                    "vomiting in gastroparesis but will not result in improved gastric emptying.")])
    # (relevance and score as measured for the question in the corpora KB; the themes as the reader gives them)
    for c, relevance, score, primary in ((glucose, 0.39, 0.98, "drugs"), (drug, 0.54, 1.16, "treatment"),
                                         (tricyclics, 0.33, 0.85, "drugs")):
        c.relevance, c.score, c.primary, c.titled, c.names_topic = relevance, score, primary, True, True
    assert choose_bottom([glucose, drug, tricyclics], False, ("drugs",)) is drug


def test_a_pointer_to_a_table_is_not_an_answer() -> None:
    assert META_CUE.search("Table 2, below, summarizes the therapeutic recommendations for ondansetron and tropisetron "
                           "based on CYP2D6 phenotype.")
    assert not META_CUE.search("Granisetron is not metabolized by CYP2D6 and may be considered in ultrarapid "
                               "metabolizers.")
