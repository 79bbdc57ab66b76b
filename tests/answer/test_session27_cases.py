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
from curbside.answer.passing import without_passing
from curbside.answer.population import Scope
from curbside.answer.simplify import split_semicolons
from curbside.records import Audience, Verdict
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb
from tests.answer.realtext import text_hit

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
    # (the USPSTF statements, NGC's copies of the cervical cancer and genital herpes statements)
    return guideline_kb(tmp_path_factory, ("ngc-9578.xml", "ngc-11122.xml"), corpora=("uspstf/uspstf_enriched.json",))


@pytest.mark.parametrize(("question", "verdict"), [
    (HERPES, Verdict.NO),
    ("Should women who have had a hysterectomy be screened for cervical cancer?", Verdict.NO),
    # (a question whether to screen for suicide risk is no emergency of the asker's: its verdict stands)
    ("Should adolescents aged 12 to 18 years be screened for depression and suicide risk?", Verdict.YES),
])
def test_screening_verdicts_are_the_task_forces(screening_kb: Store, question: str, verdict: Verdict) -> None:
    answer = ask(screening_kb, Settings(kb=screening_kb.path, retriever="lexical", offline=True), question,
                 save=False)
    assert answer.verdict is verdict, answer.bottom_line.text
