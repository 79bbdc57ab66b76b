"""Session 35. Two words the knowledge base writes as one are searched as one ("bed bugs" → *Bedbugs*); a word the
dictionary holds is never respelt ("hes shattered" is not "scattered"); a disease given as an example ("diseases like
hiv") is not what a question is about; lay words ("nonstop", "gut", "runny poos") are said by clinical ones; a case
that asks "What is the condition …?" is answered by the page on the disease it describes; and a study's yes or no leads
with its conclusion, not a guideline's recommendation on something else; and an answer that abstains carries no dosing
notice, nor does an aside (", if any,") make a part of its own; a conclusion that casts doubt on a benefit reads no; an
abstract found by its background brings its conclusions; an organ's carcinoma is its cancer; what a case "does not
have" is ruled out and "Buerger disease" is Buerger's disease; and asked how to treat, a sentence that says so leads."""

from __future__ import annotations

from pathlib import Path

import pytest

from curbside.answer.asked_diseases import asked_diseases
from curbside.answer.chatter import phrasal_terms
from curbside.answer.compose import INSUFFICIENT, compose
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.generators.extractive.assemble import Plan, says_what_to_do
from curbside.answer.generators.extractive.candidates import Candidate, extract
from curbside.answer.generators.extractive.guideline_vote import vote_polarity
from curbside.answer.generators.extractive.lead_verdict import lead_with_deciding
from curbside.answer.generators.extractive.verdict_cues import sentence_polarity
from curbside.answer.generators.extractive.verdict_result import VerdictResult
from curbside.answer.lexicon import disease_mentions
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.respell import english_words, joined, respell
from curbside.answer.synonyms import mentioned
from curbside.answer.text import content_stems, stem, tokenize
from curbside.answer.themes import ASKS_DIAGNOSIS, ASKS_MANAGEMENT
from curbside.answer.vignette import part_texts
from curbside.answer.whole_documents import study_conclusions
from curbside.embed.minilm import MINILM_PACKAGE
from curbside.ingest import ingest_documents, ingest_paths
from curbside.records import Audience, Document, Hit, Kind, Section, Verdict
from curbside.retrieve.lexical import LexicalRetriever
from curbside.store import Store
from tests.answer.guideline_kb import SHARED_DATA, ask_offline, guideline_kb
from tests.answer.realtext import text_hit
from tests.conftest import needs_weights

BEDBUGS = ("just got back from a hostel in lisbon and woke up covered in itchy red bites on my arms and legs, some in "
           "little rows. my mate reckons bed bugs. can they give you diseases like hiv or anything?? and how do i stop "
           "them coming home with me, my backpack is still in my room")
BEDBUGS_PAGE = "medquad/4_MPlus_Health_Topics_QA/0000083.xml"  # MedlinePlus, *Bedbugs*
HIV_PAGE = "medquad/4_MPlus_Health_Topics_QA/0000051.xml"  # MedlinePlus, a page that names HIV
SYRINX = ("A 32-year-old warehouse worker has 18 months of aching in his neck and shoulders and gradually increasing "
          "weakness and clumsiness of his hands. He has burnt his fingers on a kettle twice without feeling it. "
          "Examination shows wasting of the small hand muscles, reduced arm reflexes and loss of pain and temperature "
          "sensation over the shoulders and arms in a cape-like distribution, with light touch and joint position "
          "sense preserved. His headaches get worse when he coughs or strains lifting boxes. MRI shows a long "
          "fluid-filled cavity inside the cervical spinal cord, with the cerebellar tonsils lying below the foramen "
          "magnum. What is the condition, how is it usually treated, and what is his outlook with and without "
          "surgery?")
SYRINX_PAGES = ("medquad/6_NINDS_QA/0000263.xml", "medquad/6_NINDS_QA/0000156.xml")  # NINDS: *Syringomyelia* …
CXR = ("Is a routine chest X-ray needed after flexible bronchoscopy with transbronchial biopsy in a patient who has no "
       "symptoms of a pneumothorax?")


def _page(doc_id: str, title: str, text: str) -> Document:
    return Document(id=doc_id, kind=Kind.CONSUMER, source="test", year=2016, issuer="MedlinePlus", title=title,
                    sections=(Section("What is it?", text),))


@pytest.fixture
def words_kb(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "kb.sqlite")
    ingest_documents(store, [
        _page("medquad:1", "Bedbugs", "Bedbugs bite you and feed on your blood."),
        _page("medquad:2", "Bedbug prevention", "Check secondhand furniture for bedbugs."),
        # ("health care" written apart in three pages, joined in two)
        *(_page(f"medquad:{n}", f"Teams {n}", "Your health care team can help.") for n in range(3, 6)),
        *(_page(f"medquad:{n}", f"Workers {n}", "Healthcare workers wash their hands.") for n in range(6, 8)),
        *(_page(f"medquad:{n}", f"Rooms {n}", "Look inside the wardrobe. The seeds are scattered.")
          for n in range(8, 11)),
        *(_page(f"medquad:{n}", f"Rehabilitation {n}", "Poststroke depression is common.") for n in range(11, 13)),
    ])
    return store


def test_two_words_the_knowledge_base_writes_as_one_are_searched_as_one(words_kb: Store) -> None:
    text, changes = joined(words_kb, "my mate reckons bed bugs. can they give you diseases")
    assert text == "my mate reckons bedbugs. can they give you diseases"
    assert [(c.wrote, c.meant) for c in changes] == [("bed bugs", "bedbugs")]
    # (… and the answer says so, with the misspellings)
    assert respell(words_kb, "Bed bugs in my room", min_passages=1)[0] == "Bedbugs in my room"


@pytest.mark.parametrize("question", [
    "who pays for health care at home",  # (written apart more often than joined)
    "is it inside red blood cells",  # ("insidered" is indexed as "insid", which is "inside")
    "bed and bugs",  # (not neighbours)
    "is treadmill training good post stroke",  # (a prefix: the question would lose its stroke)
    "the seeds are scattered",  # (one word only)
])
def test_words_written_apart_or_a_joining_that_reads_as_another_word_stay(words_kb: Store, question: str) -> None:
    assert joined(words_kb, question) == (question, ())


def test_a_word_the_dictionary_holds_is_never_respelt(words_kb: Store) -> None:
    assert {"shattered", "painter", "grandad", "lounge"} <= english_words()
    assert not {"chylamdia", "suppliments", "seperate"} & english_words()
    # ("scattered" is the knowledge base's word one letter from "shattered": the dictionary says it is a word)
    assert respell(words_kb, "grandad has hiccups and hes shattered", min_passages=1)[0] == (
        "grandad has hiccups and hes shattered")
    assert respell(words_kb, "are the seeds scatered", min_passages=1)[0] == "are the seeds scattered"


def test_a_disease_given_as_an_example_is_not_what_is_asked() -> None:
    assert asked_diseases("my mate reckons bedbugs. can they give you diseases like hiv or anything??")[0] == []
    assert asked_diseases("can you catch infections such as hepatitis b from a tattoo")[0] == []
    assert asked_diseases("my husband has hiv, can he give it to me")[0] == ["hiv"]


@pytest.mark.parametrize(("asked", "lay", "said"), [
    ("hiccups nonstop for 4 days", "nonstop", "Chronic hiccups are persistent."),
    ("is something wrong with his gut", "gut", "the bowel"),
    ("runny poos 4 or 5 times a day", "runny", "Diarrhea is frequent."),
])
def test_lay_words_are_said_by_the_clinical_ones(asked: str, lay: str, said: str) -> None:
    assert stem(lay) in mentioned(tokenize(asked), set(content_stems(said)))


def test_runny_poos_are_searched_as_diarrhea(words_kb: Store) -> None:
    assert "diarrhea" in LexicalRetriever(words_kb).parse("my son has had runny poos for 3 months").fts()


@pytest.mark.parametrize(("question", "asks"), [
    ("What infection is this, what put him at risk, and could his wife catch it?", True),
    ("Which zoonosis should be suspected, and which samples confirm it?", True),
    ("What is the condition, how is it usually treated, and what is his outlook?", True),
    ("What is the condition of the graft after five years?", False),
    ("What is the treatment for this infection?", False),
])
def test_a_case_that_asks_what_its_patient_has(question: str, asks: bool) -> None:
    assert bool(ASKS_DIAGNOSIS.search(question)) is asks


@pytest.fixture(scope="module")
def bedbugs_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return guideline_kb(tmp_path_factory, (), corpora=(BEDBUGS_PAGE, HIV_PAGE))


def test_bed_bugs_are_answered_from_the_bedbugs_page(bedbugs_kb: Store) -> None:
    answer = ask_offline(bedbugs_kb, BEDBUGS, Audience.PATIENT)
    assert not answer.insufficient
    said = " ".join(b.text for s in answer.sections for b in s.bullets) + answer.bottom_line.text
    assert "don't transmit or spread diseases" in said
    assert {r.document_id for r in answer.references} == {"medquad:MPlusHealthTopics:0000083"}
    assert any("“bedbugs” for “bed bugs”" in note for note in answer.notes)


@needs_weights(MINILM_PACKAGE, "MiniLM")
def test_a_case_asking_what_the_condition_is_is_answered_from_the_page_it_describes(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    store = guideline_kb(tmp_path_factory, (), corpora=SYRINX_PAGES)
    answer = ask_offline(store, SYRINX, Audience.CLINICIAN)
    assert not answer.insufficient
    assert answer.bottom_line.text.startswith("Syringomyelia")
    assert answer.references[0].document_id == "medquad:NINDS:0000263"


def test_a_studys_no_leads_with_its_conclusion(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    store = guideline_kb(tmp_path_factory, ("ngc-9875.xml", "ngc-9984.xml"))
    # (the PubMedQA abstract the answer rests on, alone in a file of its own)
    abstracts = SHARED_DATA / "corpora" / "pubmedqa" / "abstracts.jsonl"
    line = next(row for row in abstracts.read_text(encoding="utf-8").splitlines() if '"pmid": "16778275"' in row)
    one = tmp_path / "pubmedqa" / "abstracts.jsonl"
    one.parent.mkdir()
    one.write_text(line + "\n", encoding="utf-8")
    ingest_paths(store, [one])
    answer = ask_offline(store, CXR, Audience.CLINICIAN)
    assert answer.verdict is not None and answer.verdict.value == "no"
    assert answer.bottom_line.text.startswith("We conclude that routine CXR after bronchoscopy with TBB is necessary "
                                              "only in patients with symptoms")


def test_an_answer_that_abstains_carries_no_dosing_notice() -> None:
    dose = "Atorvastatin 40 mg to 80 mg daily is high-intensity statin therapy."
    hit = text_hit("ngc:1#1", "Blood cholesterol.", "Recommendations", dose)
    shown = DraftSection("Closest passages found", (DraftBullet(dose, (1,)),))
    answered = compose("What dose of atorvastatin is high intensity?", Draft(DraftBullet(dose, (1,)), ()), [hit],
                       audience=Audience.CLINICIAN, generator="test")
    assert [n.kind for n in answered.safety] == ["dosing"]
    abstained = compose("What is bempedoic acid?", Draft(DraftBullet(INSUFFICIENT, ()), (shown,), insufficient=True),
                        [hit], audience=Audience.CLINICIAN, generator="test")
    assert abstained.insufficient and not [n for n in abstained.safety if n.kind == "dosing"]


def test_an_aside_inside_a_question_is_no_part_of_its_own() -> None:
    assert part_texts("Which imaging, if any, is appropriate for tinnitus in adults, and how does the choice differ "
                      "between pulsatile and bilateral tinnitus?") == (
        "Which imaging is appropriate for tinnitus in adults",
        "how does the choice differ between pulsatile and bilateral tinnitus?")
    assert part_texts("Which drugs, if any, should she stop, and when can she restart them?") == (
        "Which drugs should she stop", "when can she restart them?")


SCLC = ("In patients suspected of having small cell lung cancer (SCLC) based on the radiographic and clinical "
        "findings, it is recommended that the diagnosis be confirmed by the least invasive method.")
CONCLUDED = ("We conclude that routine CXR after bronchoscopy with TBB is necessary only in patients with symptoms "
             "suggestive of pneumothorax.")


def _one(hit: Hit, evidence: int, own: float) -> Candidate:
    c, = extract([hit])
    c.evidence, c.own = evidence, own
    return c


def test_a_studys_no_is_led_by_its_conclusion_not_a_recommendation_that_reads_yes() -> None:
    advice = _one(text_hit("ngc:9875#7", "Establishing the diagnosis of lung cancer.", "Recommendations", SCLC), 1, 0.5)
    study = _one(text_hit("pmid:16778275#3", "Chest X-ray after transbronchial biopsy", "CONCLUSIONS", CONCLUDED,
                          kind=Kind.OBSERVATIONAL), 2, 0.4)
    assert advice.recommendation and study.conclusion and vote_polarity(SCLC) is Verdict.YES
    result = VerdictResult(Verdict.NO, -0.1, 0.0, (2,), ("negative_any",), "", (CONCLUDED,))
    plan = Plan(bottom=advice, body=[study], pitfalls=[], escalation=[])
    lead_with_deciding(plan, [advice, study], result)
    assert plan.bottom is study and plan.body == [advice]
    # (… not a guideline's or a health page's sentence read as a conclusion: the USPSTF's scope statement "This
    # statement does not apply to …" had led a *No* on eye ointment for newborns)
    guideline = _one(text_hit("uspstf:8#2", "Ocular prophylaxis", "CONCLUSIONS", CONCLUDED), 2, 0.4)
    plan = Plan(bottom=advice, body=[guideline], pitfalls=[], escalation=[])
    lead_with_deciding(plan, [advice, guideline], result)
    assert plan.bottom is advice
    # (… and a recommendation that reads the same way and says more of the question stays)
    against = _one(text_hit("ngc:9984#22", "Bronchoscopy.", "Recommendations", "Routine chest radiography is not "
                            "recommended after bronchoscopy."), 1, 0.5)
    plan = Plan(bottom=against, body=[study], pitfalls=[], escalation=[])
    lead_with_deciding(plan, [against, study], result)
    assert plan.bottom is against


def test_an_abstract_found_by_its_background_brings_its_conclusions(tmp_path: Path) -> None:
    abstract = Document(id="pmid:18041059", kind=Kind.SYSTEMATIC_REVIEW, source="test", year=2008, issuer="Cancer",
                        title="Aromatase inhibitors and cardiovascular events", sections=(
                            Section("BACKGROUND", "Despite the advantages from using aromatase inhibitors (AIs) "
                                                  "compared with tamoxifen, more cardiovascular events were seen."),
                            Section("METHODS", "Phase 3 randomized clinical trials comparing AI with tamoxifen."),
                            Section("CONCLUSIONS", "The risk of grade 3 and 4 CVAEs in patients receiving AIs was "
                                                   "higher compared with the risk in patients receiving tamoxifen.")))
    guideline = Document(id="ngc:1", kind=Kind.GUIDELINE, source="test", year=2013, issuer="SIGN",
                         title="Breast cancer", sections=(Section("CONCLUSIONS", "Offer tamoxifen."),
                                                          Section("Recommendations", "Offer an AI.")))
    with Store.open(tmp_path / "kb.sqlite") as store:
        ingest_documents(store, [abstract, guideline])

        def hit(section: str, document: Document) -> Hit:
            return Hit(next(p for p in store.passages_for(document.id) if p.section == section), document, 5.0)

        found = study_conclusions(store, [hit("BACKGROUND", abstract), hit("Recommendations", guideline)])
        assert [h.passage.text for h in found] == [abstract.sections[2].text] and found[0].score == 5.0
        # (none when its conclusions are kept already, nor for a guideline's section of that name)
        assert study_conclusions(store, [hit("CONCLUSIONS", abstract)]) == []
        assert study_conclusions(store, [hit("BACKGROUND", abstract), hit("CONCLUSIONS", abstract)]) == []
        assert study_conclusions(store, [hit("Recommendations", guideline)]) == []


@pytest.mark.parametrize("text", [
    "The results of this study cast doubt on the suggested advantage of HBO in reducing patient mortality.",
    "These findings call into question the routine use of drains.",
])
def test_a_conclusion_that_casts_doubt_reads_no(text: str) -> None:
    question = "Does adding hyperbaric oxygen therapy reduce mortality?"
    assert sentence_polarity(text, question)[0] == -1.0
    assert sentence_polarity("The results of this study support the advantage of HBO.", question)[0] == 1.0


def test_an_organs_carcinoma_is_its_cancer() -> None:
    scope = Scope.of("How likely is endometrial hyperplasia to progress to endometrial cancer?")
    title = "Endometrial carcinoma risk among women diagnosed with endometrial hyperplasia"
    assert scope.about(title, title)
    assert not Scope.of("How is ovarian cancer staged?").about(title, title)


BUERGER = ("A 34-year-old man who smokes 25 cigarettes a day has had 6 months of cold, bluish, painful fingertips and "
           "toes and now a small ulcer on the tip of his left big toe. He does not have diabetes, and the vascular "
           "team diagnose Buerger disease. He asks whether cutting down to a few cigarettes a day or switching to "
           "vaping would be enough. How should he be advised, and what other treatments are there?")


def test_what_a_case_does_not_have_and_an_eponym_without_its_possessive() -> None:
    assert asked_diseases("He has leg pain. He does not have diabetes. How is it treated?")[0] == []
    assert disease_mentions("the vascular team diagnose Buerger disease") == ["buerger disease"]
    assert disease_mentions("Buerger's disease") == ["buerger's disease"]
    assert asked_diseases(BUERGER)[0] == ["buerger disease"]


@pytest.mark.parametrize(("text", "says"), [
    ("Currently there is not a cure for Buerger disease.", True),
    ("The most essential part of treatment is to avoid all tobacco and nicotine products.", True),
    ("Rest is the mainstay of treatment.", True),
    ("A doctor can help a person with Buerger disease learn about programs.", False),
])
def test_that_nothing_cures_it_or_what_treatment_rests_on_says_what_to_do(text: str, says: bool) -> None:
    c, = extract([text_hit("medquad:GARD:0000872#4", "Buerger disease", "How is it treated?", text,
                           kind=Kind.CONSUMER)])
    assert says_what_to_do(c) is says


def test_asked_how_to_treat_a_sentence_that_says_so_leads(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = guideline_kb(tmp_path_factory, (), corpora=("medquad/2_GARD_QA/0000872.xml",))
    question = ("A 34-year-old man who smokes 25 cigarettes a day has Buerger disease. He asks whether cutting down "
                "would be enough. How should he be advised, and what other treatments are there?")
    answer = ask_offline(store, question, Audience.CLINICIAN)
    # (not "A doctor can help a person with Buerger disease learn about safe medications …", which had led, and
    # abstained for it)
    assert not answer.insufficient
    assert answer.bottom_line.text.startswith(("Currently there is not a cure", "The most essential part of treatment",
                                               "Quitting all forms of tobacco"))


def test_the_treatment_that_leads_comes_from_the_page_that_leads() -> None:
    from curbside.answer.generators.extractive import _lead_with_treatment

    def sentence(passage_id: str, title: str, text: str) -> Candidate:
        c, = extract([text_hit(passage_id, title, "How is it treated?", text, kind=Kind.CONSUMER)])
        return c

    helps = sentence("medquad:GARD:0000872#4", "Buerger disease", "A doctor can help a person with Buerger disease "
                     "learn about programs.")
    other = sentence("medquad:GARD:1#1", "Raynaud phenomenon", "The mainstay of treatment is keeping warm.")
    same = sentence("medquad:GARD:0000872#5", "Buerger disease", "Quitting all forms of tobacco is an essential part "
                    "of treatment.")
    assert other.primary == same.primary == "treatment"
    plan = Plan(bottom=helps, body=[other, same], pitfalls=[], escalation=[])
    _lead_with_treatment(plan, ("treatment",))
    assert plan.bottom is same
    plan = Plan(bottom=helps, body=[other], pitfalls=[], escalation=[])
    _lead_with_treatment(plan, ("treatment",))
    assert plan.bottom is helps


def test_told_of_a_treatment_is_not_asked_how_to_treat() -> None:
    question = ("Our son had treatment last year for retinoblastoma in both eyes. Now that his treatment is finished, "
                "does he still need check-ups or scans?")
    assert "treatment" in analyse(question).intents and not ASKS_MANAGEMENT.search(question)


def test_whether_the_evidence_backs_it_frames_the_question() -> None:
    question = ("For an older adult whose reading is limited by low vision, which interventions are supported by "
                "evidence, and do coloured overlays help reading?")
    assert {"supported", "limited"} <= phrasal_terms(question)
    assert "evidence" in phrasal_terms(question) and "overlays" not in phrasal_terms(question)
    assert "supported" not in phrasal_terms("Is nutritional support supported by evidence in sepsis, and who gets "
                                            "supported feeding?")
