"""Session 31. Questions typed the way people type them: in lower case ("how long does a gout attack last?? my dad
(61) woke up at 3am …"), with the story after the question, with lay words for what is asked ("the morning after
pill", "blood in my pee", "pulling her own hair out", "a temperature") and a child named only by age ("my 3 year
old"); and advice for patients with a disease the question does not name ("For children with CF …") is for others."""

from __future__ import annotations

import pytest

from curbside.answer import ask
from curbside.answer.ages import unnamed_child
from curbside.answer.chatter import phrasal_terms
from curbside.answer.evidence import gather
from curbside.answer.lead_cues import RESEARCH_ONLY, SOME_CASES
from curbside.answer.lexicon import complaint_topic, disease_mentions
from curbside.answer.plain import gloss
from curbside.answer.questions import analyse, is_yes_no
from curbside.answer.synonyms import alternatives
from curbside.answer.terms import Terms, TermStats, _screening_words
from curbside.answer.themes import question_intents, sentence_themes
from curbside.answer.vignette import asking, case_of, drug_referred_to
from curbside.records import Answer, Audience, Hit, Verdict
from curbside.retrieve import Filters, Retriever, make_retriever
from curbside.retrieve.base import NO_FILTERS
from curbside.retrieve.synonyms import expansions_for
from curbside.sentences import sentences
from curbside.settings import Settings
from curbside.store import Store
from tests.answer.guideline_kb import guideline_kb

GOUT = ("how long does a gout attack last?? my dad (61) woke up at 3am with his big toe red hot and so swollen he cant "
        "get a sock on. he had a good few pints at a wedding the day before. will it go on its own or does he need to "
        "see someone, and is the beer to blame?")
PILES = ("how long do piles usually last? im 48 and for about a week theres been bright red blood on the loo paper "
         "when i wipe, no real pain. do i need to get the bleeding checked or just wait for it to settle?")
PEE = ("when should i worry about blood in my pee? did a half marathon on sunday and my wee was pinkish red "
       "afterwards, its fine now. im 44, male, no meds except ibuprofen for my knees")
PILL = ("hi, I went to the clinic today to go on the pill. my last period started about 3 weeks ago and me and my "
        "boyfriend had sex without a condom 2 days ago. the nurse said I can start the pill today but I thought you "
        "had to wait for your period?? do I need the morning after pill as well, and if I'm already pregnant will the "
        "pill hurt the baby?")
IBUPROFEN = "Is it safe to give ibuprofen to my 3 year old?"
MPLUS = "medquad/4_MPlus_Health_Topics_QA"


@pytest.fixture(scope="module")
def typed_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    # (NICE's feverish illness in children, the CF Foundation's guideline, FSRH's quick starting contraception and
    # emergency contraception; MedlinePlus's and NIHSeniorHealth's gout pages, NIDDK's and MedlinePlus's hemorrhoids
    # pages, NIDDK's hematuria page, NHLBI's and NIHSeniorHealth's high blood pressure pages)
    return guideline_kb(tmp_path_factory, ("ngc-9891.xml", "ngc-10964.xml", "ngc-11270.xml", "ngc-11273.xml"),
                        corpora=(f"{MPLUS}/0000409.xml", "medquad/7_SeniorHealth_QA/0000028.xml",
                                 "medquad/5_NIDDK_QA/0000108.xml", f"{MPLUS}/0000458.xml",
                                 "medquad/5_NIDDK_QA/0000201.xml", "medquad/8_NHLBI_QA_XML/0000071.xml",
                                 "medquad/7_SeniorHealth_QA/0000036.xml"))


def _ask(store: Store, question: str, audience: Audience = Audience.PATIENT) -> Answer:
    return ask(store, Settings(kb=store.path, retriever="lexical", offline=True), question, audience=audience,
               save=False)


def test_a_question_typed_in_lower_case_is_split_into_its_sentences() -> None:
    # (prose is not: a full stop before a lower-case word there is an abbreviation's)
    assert len(sentences(GOUT)) == 1
    assert len(sentences(GOUT, typed=True)) == 4
    assert sentences("Eat something plain, e.g. toast. then rest.", typed=True) == [
        "Eat something plain, e.g. toast.", "then rest."]
    # … so that its story is its case and what it asks is its question
    assert case_of(GOUT).startswith("my dad (61) woke up at 3am")
    assert asking(GOUT) == ("how long does a gout attack last?? will it go on its own or does he need to see someone, "
                            "and is the beer to blame?")
    # (a story told in the first person, typed in lower case: "im 48 and …")
    assert case_of(PILES).startswith("im 48 and for about a week")
    assert asking(PILES).startswith("how long do piles usually last? do i need to get the bleeding checked")


def test_a_several_part_question_is_about_the_disease_it_names(typed_kb: Store) -> None:
    stats = TermStats(typed_kb)
    # (its parts name gout and beer once each; the beer, rarer, had been its key, and a page on gout that never says
    # alcohol was off topic)
    terms = Terms({"gout": 6.4, "beer": 7.6}, asked=frozenset({"gout", "beer"}),
                  part_words=(frozenset({"gout"}), frozenset({"beer"})))
    assert terms.key == "beer"
    named = Terms(terms.weights, asked=terms.asked, part_words=terms.part_words, diseases=frozenset({"gout"}))
    assert named.key == "gout"
    # ("is the beer to blame?" asks whether beer causes it: "blame" names nothing; nor does "hurt" in "will the pill
    # hurt the baby?")
    assert "blam" not in stats.terms(analyse(GOUT)).weights
    assert stats.terms(analyse(PILL)).key != "hurt"


def test_how_long_a_gout_attack_lasts_is_answered_from_the_gout_pages(typed_kb: Store) -> None:
    # (the story's words, "3am", "sock", "pints", "wedding", had counted against every passage, and it abstained)
    answer = _ask(typed_kb, GOUT)
    assert not answer.insufficient
    # ("Early attacks usually subside within 3 to 10 days, even without treatment, …" here; MedlinePlus's "At first,
    # gout attacks usually get better in days." in a knowledge base where NIHSeniorHealth's gout page has more company)
    assert " days" in answer.bottom_line.text
    assert answer.references[0].title == "Gout"


def test_how_long_an_attack_takes_to_settle_is_its_outlook() -> None:
    assert "prognosis" in sentence_themes("At first, gout attacks usually get better in days.")
    assert "prognosis" in sentence_themes("Early attacks usually subside within 3 to 10 days, even without treatment.")
    # (… and when something happens in its course is not)
    assert "prognosis" not in sentence_themes(
        "Sometime during the course of the disease, many people will develop gout in the big toe.")


def test_lay_wordings_with_stopwords_are_matched_by_the_terms_a_question_keeps() -> None:
    # (the terms leave "the", "in", "my" and "after" out: "the morning after pill" is the terms "morning pill")
    forms = alternatives(["morning", "pill"])["morn"]
    assert frozenset({"emergency", "contracept"}) in forms
    assert frozenset({"hematuri"}) in alternatives(["worry", "blood", "pee"])["pee"]
    # ("… can he just take ibuprofen or does he need other meds": check53's pleurisy question abstained on it)
    assert frozenset({"medicin"}) in alternatives(["meds"])["meds"]
    # (… and a wording's stopwords are no words a passage must say)
    assert frozenset({"blood", "urin"}) in alternatives(["blood", "pee"])["blood"]


def test_who_said_it_is_no_topic() -> None:
    assert {"nurse", "said", "well"} <= phrasal_terms(PILL)
    # (a nurse asked about is)
    assert "nurse" not in phrasal_terms("Should a nurse give the first dose of the vaccine?")


def test_the_morning_after_pill_is_emergency_contraception(typed_kb: Store) -> None:
    answer = _ask(typed_kb, PILL, Audience.CLINICIAN)
    assert not answer.insufficient
    cited = {r.document_id for r in answer.references}
    assert {"ngc:11270", "ngc:11273"} & cited


def test_lay_names_of_what_is_asked() -> None:
    assert disease_mentions("ive realised shes been pulling her own hair out") == ["trichotillomania"]
    assert complaint_topic(PEE) == ["hematuria"]
    assert complaint_topic("My baby has a temperature of 38.5, should I be worried?") == ["fever"]
    # (not the body's temperature in general)
    assert complaint_topic("What is a normal body temperature for a baby?") == []
    # when to worry about a complaint asks what causes it, the serious from the harmless
    assert "causes" in question_intents("when should i worry about blood in my pee?")
    assert "causes" not in question_intents("My baby has a temperature of 38.5, should I be worried?")


def test_blood_in_the_urine_is_found_by_its_page(typed_kb: Store) -> None:
    # (its page had never been found: "pee" and "wee" are no words a page uses, and the marathon was the key)
    answer = _ask(typed_kb, PEE)
    assert not answer.insufficient
    assert "medquad:NIDDK:0000201" in {r.document_id for r in answer.references}
    # (… and is searched as what the pages call it)
    assert "hematuria" in expansions_for("when should i worry about blood in my pee")


def test_whether_to_worry_is_no_yes_or_no_question() -> None:
    assert not is_yes_no("My baby has a temperature of 38.5, should I be worried?")
    assert is_yes_no("Is it safe to give ibuprofen to my 3 year old?")


def test_a_term_is_not_glossed_inside_a_syndromes_name() -> None:
    assert gloss("The cause of loin pain hematuria syndrome is unknown.") == (
        "The cause of loin pain hematuria syndrome is unknown.")
    assert gloss("Hematuria is common.") == "Blood in the urine (hematuria) is common."


def test_a_child_named_only_by_age_is_a_child() -> None:
    assert unnamed_child(IBUPROFEN)
    assert not unnamed_child("Is it safe to give ibuprofen to my 3 year old son?")  # (named a child already)
    assert not unnamed_child("Is it safe to take ibuprofen at 67 years old?")
    # (a longer question says more of what it is about: a dog bite is not answered by children's bladder guidelines)
    assert not unnamed_child("My 8 year old was bitten on the hand by our neighbour's dog this afternoon. It broke the "
                             "skin and we've washed it well. Does she need antibiotics or any jabs?")
    # (… and "is it safe to give" is the question's frame: advice to use it for children says it may be given)
    assert {"safe", "give"} <= phrasal_terms(IBUPROFEN)


def test_a_child_named_only_by_age_is_searched_as_a_child(typed_kb: Store) -> None:
    searched: list[str] = []

    class Recording:  # (the real retriever, its queries noted)
        def __init__(self, inner: Retriever) -> None:
            self.inner = inner
            self.name = inner.name

        def search(self, query: str, k: int, filters: Filters = NO_FILTERS) -> list[Hit]:
            searched.append(query)
            return self.inner.search(query, k, filters)

    settings = Settings(kb=typed_kb.path, retriever="lexical", offline=True)
    retriever = Recording(make_retriever(typed_kb, settings))
    gather(retriever, analyse(IBUPROFEN), Audience.PATIENT, k=8, stats=TermStats(typed_kb))
    assert searched[0].endswith(" children")
    searched.clear()
    gather(retriever, analyse("Is it safe to give ibuprofen to my 3 year old son?"), Audience.PATIENT, k=8,
           stats=TermStats(typed_kb))
    assert not searched[0].endswith(" children")


def test_advice_for_children_with_a_disease_the_question_does_not_name_is_for_others(typed_kb: Store) -> None:
    # (the CF Foundation's "For children with CF, ages 2 through 5 years, … insufficient evidence to recommend for or
    # against chronic high-dose ibuprofen …" had led and made it uncertain)
    answer = _ask(typed_kb, IBUPROFEN)
    assert answer.verdict is Verdict.YES
    assert answer.bottom_line.text.startswith("Consider using either paracetamol or ibuprofen in children with fever")
    assert "CF" not in " ".join(b.text for s in answer.sections for b in s.bullets)


def test_what_research_is_still_finding_out_does_not_lead(typed_kb: Store) -> None:
    # ("Emerging research suggests that certain DNA changes before birth also may cause the development of high blood
    # pressure later in life" had led; research under way is not what is known to cause it)
    assert RESEARCH_ONLY.search("Emerging research suggests that certain DNA changes before birth also may cause it")
    assert RESEARCH_ONLY.search("Researchers continue to study how various changes in normal body functions cause it")
    answer = _ask(typed_kb, "What causes high blood pressure?", Audience.CLINICIAN)
    assert not answer.bottom_line.text.startswith("Emerging research")


def test_what_helps_some_patients_is_for_some_cases() -> None:
    assert SOME_CASES.search("Hormone therapy may help some women whose migraines seem to be linked to their cycle.")
    assert not SOME_CASES.search("Some women have migraines before their periods.")


FRIEDREICH = ("A 19-year-old woman was diagnosed with Friedreich ataxia at 13 after a GAA repeat expansion in the "
              "frataxin gene was found. She now walks with a frame, has dysarthria, absent ankle reflexes and a mild "
              "scoliosis. Her neurologist told her years ago that there was no treatment, but she has read that a "
              "tablet called omaveloxolone (Skyclarys) has now been approved. How does it work, what did the MOXIe "
              "trial and later analyses show, who is it approved for, and does it change the need to monitor her heart "
              "and screen for diabetes?")


def test_the_drug_a_case_tells_of_and_its_question_calls_it_is_asked_about(typed_kb: Store) -> None:
    # (check53 Q16: the drug was a word of the case, counted only where a passage has it)
    assert drug_referred_to(FRIEDREICH) == "omaveloxolone"
    terms = TermStats(typed_kb).terms(analyse(FRIEDREICH))
    assert "omaveloxolon" in terms.asked and "omaveloxolon" not in terms.optional
    assert drug_referred_to("She takes metformin and sertraline. Should she stop it before surgery?") == ""
    assert drug_referred_to("She takes metformin. Should she switch it to gliclazide?") == ""  # (its own drug)


def test_a_several_part_question_screens_only_in_the_part_that_says_so() -> None:
    # ("… and screen for diabetes?" had made every other word of the question a means of screening, never its key: the
    # key was diabetes)
    weights = {"omaveloxolon": 8.7, "moxi": 11.4, "monitor": 3.6, "heart": 3.2, "diabet": 3.3}
    means, _after = _screening_words(asking(FRIEDREICH), weights)
    assert "omaveloxolon" not in means and "moxi" not in means
    assert {"monitor", "heart"} <= means
    # (a question of one part is read whole, as before)
    means, _after = _screening_words("Should I screen a 60-year-old smoker for lung cancer with a CT scan?",
                                     {"lung": 3.0, "cancer": 2.0, "ct": 3.5, "smoker": 5.0})
    assert {"ct", "smoker"} <= means
