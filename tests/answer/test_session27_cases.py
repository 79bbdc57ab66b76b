"""Session 27. Rare-disease signs tables, on GARD's own pages as ingested from the shared corpora: the table is read
as one sentence, most frequent signs first; the boilerplate about the table is no answer; and a sign named in
another disease's table is named in passing, so "What is blepharitis?" is not answered from a syndrome that has it.
Screening verdicts (``benchmarks/uspstf_verdicts.py``), on the USPSTF's own statements: pregnancy included in a wider
group, whom a recommendation does not apply to, and screening for suicide risk."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.feature_tables import FEATURE_LIST, read
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.verdict import decide
from curbside.answer.passing import without_passing
from curbside.answer.population import Scope
from curbside.answer.simplify import split_semicolons
from curbside.answer.synonyms import alternatives
from curbside.answer.terms import CHATTER, _example_terms, _screening_words, phrasal_terms
from curbside.answer.text import stem
from curbside.answer.vignette import asked_subject
from curbside.records import Audience, Kind, Verdict
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.answer.realtext import ranked, text_hit

# GARD's "What are the signs and symptoms of Ectodermal dysplasia skin fragility syndrome?" (medquad 2_GARD_QA
# 0002032), as the knowledge base stores its first passage
ECTODERMAL = (
    "What are the signs and symptoms of Ectodermal dysplasia skin fragility syndrome? The Human Phenotype Ontology "
    "provides the following list of signs and symptoms for Ectodermal dysplasia skin fragility syndrome. If the "
    "information is available, the table below includes how often the symptom is seen in people with this condition. "
    "You can use the MedlinePlus Medical Dictionary to look up the definitions for these medical terms. Signs and "
    "Symptoms Approximate number of patients (when available) Abnormal blistering of the skin 90% Abnormality of the "
    "eyebrow 90% Abnormality of the nail 90% Alopecia 90% Palmoplantar keratoderma 90% Skin ulcer 90% Blepharitis "
    "50% Dry skin 50% Furrowed tongue 50% Malabsorption 50% Pruritus 50% Woolly hair 7.5% Ectodermal dysplasia - "
    "Fragile skin - The Human Phenotype Ontology (HPO) has collected information on how often a sign or symptom "
    "occurs in a condition. Much of this information comes from Orphanet, a European rare disease database.")
TABLE = ("Signs and symptoms include: abnormal blistering of the skin, abnormality of the eyebrow, abnormality of the "
         "nail, alopecia, palmoplantar keratoderma and skin ulcer (about 90% of patients); blepharitis, dry skin, "
         "furrowed tongue, malabsorption and pruritus (about 50%); woolly hair (about 7.5%); also ectodermal "
         "dysplasia and fragile skin.")


def test_a_signs_table_is_read_as_one_sentence_and_its_boilerplate_left_out() -> None:
    read_out = read(ECTODERMAL)
    assert read_out == ("What are the signs and symptoms of Ectodermal dysplasia skin fragility syndrome? " + TABLE
                        + " ")
    # (how the disease is inherited is no sign of it)
    assert read("Signs and Symptoms Approximate number of patients (when available) Albinism - Autosomal recessive "
                "inheritance - Hearing impairment - The Human Phenotype Ontology (HPO) has collected information on "
                "how often a sign or symptom occurs in a condition.") == (
        "Signs and symptoms include: albinism and hearing impairment. ")
    # (a passage holding only the boilerplate keeps nothing of it; other text is untouched)
    assert read("The frequency may also be listed as a fraction. Sometimes, no information on frequency is "
                "available.") == ""
    assert read("Treatment is symptomatic and supportive.") == "Treatment is symptomatic and supportive."


def test_a_long_table_keeps_its_most_frequent_signs() -> None:
    rows = " ".join(f"Sign number {n} of the syndrome 90%" for n in range(12)) + " Rare finding 5%"
    sentence = read(f"Signs and Symptoms Approximate number of patients (when available) {rows}")
    assert sentence.startswith("Signs and symptoms include: sign number 0 of the syndrome, ")
    assert len(sentence.split()) <= 55 and "rare finding" not in sentence


def test_a_sign_in_another_diseases_table_is_named_in_passing() -> None:
    assert FEATURE_LIST.match(TABLE)
    assert without_passing(TABLE) == ""
    assert Scope.of("What is blepharitis?").names_topic_in_passing(TABLE)


def test_the_list_is_not_split_at_its_semicolons_for_patients() -> None:
    assert split_semicolons(TABLE) == TABLE


@pytest.fixture(scope="module")
def gard_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (GARD's signs tables for ABCD syndrome, ectodermal dysplasia skin fragility syndrome, leukonychia totalis and
    # poikiloderma with neutropenia — the last three list blepharitis — among 150 NGC guideline summaries)
    return guideline_kb(tmp_path_factory, (), corpora=tuple(
        f"medquad/2_GARD_QA/{n}.xml" for n in ("0000004", "0002032", "0002654", "0004932")))


def test_a_rare_diseases_signs_are_answered_from_its_table(gard_kb: Store) -> None:
    settings = Settings(kb=gard_kb.path, retriever="lexical", offline=True)
    for audience in (Audience.CLINICIAN, Audience.PATIENT):
        answer = ask(gard_kb, settings, "What are the symptoms of ABCD syndrome?", audience=audience, save=False)
        assert answer.bottom_line.text.startswith("Signs and symptoms include: abnormal auditory evoked potentials, "
                                                  "aganglionic megacolon, albinism, hearing impairment")
        texts = [b.text for s in answer.sections for b in s.bullets]
        assert not any("frequency" in t or "Phenotype" in t for t in texts)


def test_a_sign_named_only_in_other_diseases_tables_is_not_answered(gard_kb: Store) -> None:
    settings = Settings(kb=gard_kb.path, retriever="lexical", offline=True)
    for audience in (Audience.CLINICIAN, Audience.PATIENT):
        answer = ask(gard_kb, settings, "What is blepharitis?", audience=audience, save=False)
        assert answer.insufficient, (audience, answer.bottom_line.text)


COELIAC = ("Should we be offering tTG-IgA blood tests to screen for coeliac disease in adults and children who have no "
           "symptoms, as part of routine check-ups?")
HERPES = ("Should asymptomatic adolescents and adults, including pregnant persons be screened for genital herpes "
          "infection?")


def test_pregnancy_included_in_a_wider_group_is_not_a_question_about_pregnancy() -> None:
    # (benchmarks/uspstf_verdicts.py: the USPSTF's grade D statement on herpes screening had been set aside as "not
    # about pregnancy", and the verdict read yes)
    assert not Scope.of(HERPES).pregnant
    assert Scope.of("Should pregnant persons be screened for asymptomatic bacteriuria?").pregnant


def test_whom_the_recommendations_do_not_apply_to_is_their_scope() -> None:
    [scope] = extract([text_hit("ngc:9578#1", "Screening for cervical cancer: U.S. Preventive Services Task Force "
                                "recommendation statement.", "Major Recommendations",
                                "The recommendations do not apply to women with symptoms of cervical cancer (e.g., "
                                "abnormal vaginal bleeding), women who do not have a cervix (because of "
                                "hysterectomy) or women who have limited life expectancy.")])
    assert scope.meta


@pytest.fixture(scope="module")
def screening_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (the USPSTF statements, NGC's copies of the cervical cancer, genital herpes and coeliac disease statements, NICE's
    # and ACG's coeliac disease guidelines, and three atrial fibrillation guidelines)
    return guideline_kb(tmp_path_factory, ("ngc-9578.xml", "ngc-11122.xml", "ngc-10797.xml", "ngc-11191.xml",
                                           "ngc-9835.xml", "ngc-10288.xml", "ngc-10473.xml", "ngc-10428.xml"),
                        corpora=("uspstf/uspstf_enriched.json",))


@pytest.mark.parametrize(("question", "verdict"), [
    (HERPES, Verdict.NO),
    ("Should women who have had a hysterectomy be screened for cervical cancer?", Verdict.NO),
    # (a question whether to screen for suicide risk is no emergency of the asker's: its verdict stands)
    ("Should adolescents aged 12 to 18 years be screened for depression and suicide risk?", Verdict.YES),
    # (what is recommended for the other sex is no vote: screening sexually active women for chlamydia, or selectively
    # offering men who never smoked an AAA scan)
    ("Should sexually active men be screened for chlamydia and gonorrhea?", Verdict.UNCERTAIN),
    ("Should women who have never smoked be screened for abdominal aortic aneurysm?", Verdict.NO),
    # (check46, read blind on 4f94242: *Yes*, read from a guideline's background on coeliac disease; a question whether
    # to screen is about what it screens for, not the test it names, and a guideline's background is no verdict on it)
    (COELIAC, Verdict.UNCERTAIN),
    # (check43's atrial fibrillation question, *Yes* since session 25 on NICE's ECG "in all people, whether symptomatic
    # or not, in whom AF is suspected": its key was "smartwatch", the device it named)
    ("Should I be screening my patients aged 50 and over for atrial fibrillation, with an ECG or a pulse check on a "
     "smartwatch, even when they have no palpitations or other symptoms?", Verdict.UNCERTAIN),
])
def test_screening_verdicts_are_the_task_forces(screening_kb: Store, question: str, verdict: Verdict) -> None:
    answer = ask(screening_kb, Settings(kb=screening_kb.path, retriever="lexical", offline=True), question,
                 save=False)
    assert answer.verdict is verdict, answer.bottom_line.text


# check45, read blind on c5f94f5: three wrong abstentions, each with its answer in the knowledge base
HEARING = ("Is it worth routinely screening my patients aged 50 and over for hearing loss at their annual check, say "
           "with a whispered voice test, if they haven't noticed any problem themselves?")
IRON = ("In a rural district of Mozambique where about half of toddlers are anaemic, should our clinics give every "
        "child aged 6–23 months daily iron drops, even without checking their haemoglobin first?")
FEVER = ("My mum is 61 and having chemo for breast cancer every three weeks – her last dose was 9 days ago. Tonight "
         "she's shivery and our ear thermometer said 37.9, then 38.1 about forty minutes later. She doesn't want to "
         "make a fuss and sit in A&E on a Saturday night, she'd rather take a paracetamol and ring the oncology unit "
         "on Monday. What temperature counts as a fever when you're on chemo, and can this really wait till Monday?")


def test_where_and_when_a_question_is_asked_names_nothing_it_asks() -> None:
    # (the visit it is asked at, an example offered with "say", the place it is asked from; and words that are never
    # a key: "themselves", "till")
    assert {"annual", "check"} <= phrasal_terms(HEARING)
    assert {"whispered", "voice"} <= _example_terms(HEARING)
    assert {"rural", "district", "mozambique"} <= phrasal_terms(IRON)
    assert "screening" not in phrasal_terms(HEARING) and "anaemic" not in phrasal_terms(IRON)
    assert {"themselves", "till"} <= CHATTER


def test_an_adjective_is_said_by_its_noun() -> None:
    assert frozenset({stem("anaemia")}) in alternatives(["anaemic"])[stem("anaemic")]
    assert frozenset({stem("ischaemic")}) in alternatives(["ischaemia"])[stem("ischaemia")]


def test_what_a_question_is_asked_without_is_not_what_it_asks_about() -> None:
    assert "haemoglobin" not in asked_subject(IRON)


@pytest.fixture(scope="module")
def check45_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (WHO's iron supplementation for children, CCO's fever on chemotherapy and three breast cancer guidelines, the
    # USPSTF statements, and the NINDS and GHR pages on Isaacs' syndrome)
    return guideline_kb(tmp_path_factory, ("ngc-10942.xml", "ngc-10886.xml", "ngc-11232.xml", "ngc-11259.xml",
                                           "ngc-11316.xml", "ngc-10674.xml"),
                        corpora=("uspstf/uspstf_enriched.json", "medquad/6_NINDS_QA/0000166.xml",
                                 "medquad/3_GHR_QA/0000096.xml"))


@pytest.mark.parametrize(("question", "verdict", "lead"), [
    (HEARING, Verdict.UNCERTAIN, "balance of benefits and harms of screening for hearing loss"),
    (IRON, Verdict.YES, "in infants and young children aged 6 to 23 months"),
    (FEVER, None, "A fever is defined as an oral temperature of ≥38.3°C"),
])
def test_check45_answers(check45_kb: Store, question: str, verdict: Verdict | None, lead: str) -> None:
    answer = ask(check45_kb, Settings(kb=check45_kb.path, retriever="lexical", offline=True), question, save=False)
    assert lead in answer.bottom_line.text, answer.bottom_line.text
    assert answer.verdict is verdict


def test_a_visit_asked_how_often_is_what_it_asks() -> None:
    assert not phrasal_terms("66-year-old man with type 2 diabetes at his annual review cannot feel the 10 g "
                             "monofilament … How often should his feet be reviewed?")


def test_the_adjective_rule_leaves_a_known_phrase_whole() -> None:
    # (sickle cell anemia keeps one set of wordings, "sickle cell disease" among them, for all three of its words)
    found = alternatives(["sickle", "cell", "anemia"])
    assert found[stem("sickle")] == found[stem("anemia")]


ISAACS = ("What treatment helps the cramps, twitching and stiffness of acquired neuromyotonia (Isaacs' syndrome) with "
          "potassium-channel antibodies, and what is the long-term outlook?")


def test_each_thing_asked_keeps_its_answer_from_a_health_page(check45_kb: Store) -> None:
    # (check45: the NINDS page's overview and outlook had filled its two places, and "There is no cure …" led; its
    # treatment answer was never read)
    answer = ask(check45_kb, Settings(kb=check45_kb.path, retriever="lexical", offline=True), ISAACS, save=False)
    assert answer.bottom_line.text.startswith("Anticonvulsants, including phenytoin and carbamazepine")
    assert "The long-term prognosis for individuals with the disorder is uncertain." in [
        b.text for s in answer.sections for b in s.bullets]


def test_a_question_whether_to_screen_is_keyed_on_what_it_screens_for() -> None:
    weights = {stem(w): 1.0 for w in ("offering", "ttg", "iga", "blood", "tests", "screen", "coeliac", "disease",
                                      "adults", "children", "symptoms", "routine")}
    means = _screening_words(COELIAC, weights)[0]
    assert stem("ttg") in means and stem("coeliac") not in means and stem("disease") not in means
    assert not _screening_words("Should adults be screened for their habits?", weights)[0]  # (no disease named)


def test_a_guidelines_background_is_no_verdict_on_screening() -> None:
    # (check46: read as a study's conclusion, the USPSTF evidence review's background said yes to screening people
    # without symptoms for coeliac disease)
    title = "Screening for celiac disease: US Preventive Services Task Force recommendation statement."
    background = ranked(extract([text_hit(
        "ngc:11191#10", title, "Potential Preventable Burden",
        "Data from the United States (U.S.) suggest that some patients may have symptoms for years before being "
        "diagnosed. Evidence also suggests that celiac disease is associated with excess mortality, intestinal "
        "adenocarcinoma, and lymphoma; however, evidence is insufficient as to whether silent, or asymptomatic, "
        "disease has the same risk as symptomatic disease.")]))
    assert decide(COELIAC, background).verdict is Verdict.UNCERTAIN


INOSITOL = ("Is there any trial evidence that inositol supplements reduce hair pulling in trichotillomania better than "
            "placebo?")


def test_a_trials_finding_of_no_difference_is_its_conclusion() -> None:
    # (check46: the only trial, in BioASQ snippets with no conclusion section, was outvoted by a review's "… inositol
    # and N-acetylcysteine all show promise …", and the answer printed *Yes*)
    trial, review = ranked(extract([
        text_hit("bioasq:27824633#1", "", "Snippet",
                 "This is the first study assessing the efficacy of inositol in the treatment of trichotillomania, but "
                 "found no differences in symptom reductions between inositol and placebo.", kind=Kind.OTHER),
        text_hit("bioasq:25385110#1", "", "Snippet",
                 "The review indicates that yoga, aerobic exercise, acupuncture, biofeedback, hypnosis, and inositol "
                 "and N-acetylcysteine all show promise in the treatment of excoriation disorder and other "
                 "body-focused repetitive behaviors, such as trichotillomania.", kind=Kind.OTHER)]))
    assert trial.conclusion
    assert decide(INOSITOL, [trial, review]).verdict is Verdict.NO
