"""A question put as a case does not abstain on the case's incidental words, and a several-part question is
answered when one passage answers a part. Questions from a held-out set written as a clinician types them
(check14: 14 of its 24 questions had abstained on words such as "daycare", "overnight", "64" and "theatre"
although the knowledge base held the guideline)."""

from __future__ import annotations

from curbside.answer.evidence import Terms, TermStats
from curbside.answer.questions import analyse
from curbside.answer.text import stem
from curbside.answer.vignette import case_terms, parts

MENINGOCOCCAL = ("A 3-year-old who attends daycare was admitted overnight with meningococcal septicaemia. Which "
                 "contacts need chemoprophylaxis, and what drug and dose should they get?")
GBS = ("Which women should receive intrapartum antibiotic prophylaxis for group B strep, and what regimen should be "
       "used, including for a woman with a penicillin allergy?")


def test_the_case_description_ages_and_figures_are_case_words_and_its_disease_is_not() -> None:
    case = case_terms(MENINGOCOCCAL)
    assert {stem(w) for w in ("daycare", "admitted", "overnight", "attends", "year", "old", "3")} <= case
    # (a medical word of the case, with the words that qualify it, is what it is about)
    assert not {stem("septicaemia"), stem("meningococcal")} & case
    assert not case & {stem(w) for w in ("contacts", "chemoprophylaxis", "drug", "dose")}  # (what is asked)
    assert {"64", stem("year"), stem("old")} <= case_terms(
        "Should I start a statin in a 64-year-old man with diabetes who has just started maintenance hemodialysis?")
    # a lead-in before a dash or colon is the case; options listed after a dash are what the answer may speak of
    lead_in = case_terms("Suspected acute gout in a hot swollen knee — is a serum uric acid level enough?")
    assert stem("swollen") in lead_in and not {stem("gout"), stem("acute")} & lead_in
    assert {stem("admission"), stem("imaging")} <= case_terms(
        "What workup does a lower-risk BRUE need — admission, ECG, labs, imaging?")


def test_a_word_a_health_page_is_named_for_is_what_the_case_is_about() -> None:
    question = "My 6-year-old has pinworms. How do we get rid of them, and does the rest of the family need medicine?"
    assert stem("pinworms") in case_terms(question)
    assert stem("pinworms") not in case_terms(question, frozenset({stem("pinworms")}))


def test_each_part_of_a_several_part_question_is_a_question_with_the_cases_subject() -> None:
    first, second = parts(GBS)
    assert {stem("intrapartum"), stem("prophylaxis")} <= first and stem("allergy") in second
    assert parts("What is the first-line treatment for gout?") == ()
    # a later part that names nothing of what the question is about is not a question of its own
    valve = ("What INR target should I use after a mechanical mitral valve replacement, should aspirin be added, and "
             "can the patient be switched to apixaban?")
    assert len(parts(valve)) == 1


def test_a_case_word_counts_where_a_passage_has_it_and_never_against_it() -> None:
    weights = {"daycar": 9.8, "overnight": 8.1, "meningococ": 7.1, "contac": 4.6, "chemoprophylax": 8.4}
    plain = Terms(weights)
    case = Terms(weights, optional=frozenset({"daycar", "overnight"}))
    guideline = {"meningococ", "contac", "chemoprophylax"}
    assert plain.coverage(guideline) < 0.6 <= case.coverage(guideline)
    # (and for it where it has it)
    assert case.coverage({"meningococ", "chemoprophylax", "daycar"}) > case.coverage({"meningococ", "chemoprophylax"})
    assert plain.key == "daycar" and case.key == "chemoprophylax"  # (never the key)


def test_a_passage_answering_one_part_covers_the_question_for_sufficiency_and_not_for_ranking() -> None:
    weights = {"women": 3.1, "intrapartum": 6.3, "prophylax": 5.0, "strep": 8.4, "regimen": 4.7,
               "penicillin": 7.0, "allergy": 5.4}
    terms = Terms(weights, parts=(frozenset({"women", "intrapartum", "prophylax", "strep"}),
                                  frozenset({"regimen", "penicillin", "allergy", "strep"})))
    who = {"women", "intrapartum", "prophylax", "strep"}
    assert terms.coverage(who) == 1.0 and terms.coverage(who, parts=0) < 0.6


def test_the_question_weights_read_the_case() -> None:
    terms = TermStats().terms(analyse(MENINGOCOCCAL))
    assert {stem("daycare"), stem("overnight")} <= terms.optional
    assert terms.key not in terms.optional
    assert len(terms.parts) == 2 and all(terms.key in part for part in terms.parts)
