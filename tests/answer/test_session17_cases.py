"""Cases from check27's blind read, fixed in session 17: the framing and filler words of a question ("reckons",
"still", "straight away", "careful when choosing") that had made the evidence gate abstain, lay wordings ("weed",
"gym", "womb", "does it work"), one who has had an operation ("splenectomised"), British "sulphate", what a case's
question asks about (its key), and verdicts on doing something at once or what a clinician "may recommend"."""

from __future__ import annotations

from dataclasses import replace

from curbside.answer.generators.extractive.assemble import Plan
from curbside.answer.generators.extractive.candidates import Candidate, extract
from curbside.answer.generators.extractive.guideline_vote import (
    GUIDELINE_CUE,
    ONLY_SOME_PATIENTS,
    guideline_verdict,
    vote_polarity,
)
from curbside.answer.generators.extractive.lead_verdict import lead_with_deciding
from curbside.answer.generators.extractive.verdict import _NEED, _SAME_DAY, background_only, decide
from curbside.answer.generators.extractive.verdict_result import VerdictResult
from curbside.answer.lexicon import medical_signal
from curbside.answer.questions import analyse
from curbside.answer.terms import Terms, TermStats
from curbside.answer.text import content_stems, stem
from curbside.answer.vignette import case_terms
from curbside.records import Kind, Verdict
from tests.answer.realtext import text_hit


def _weights(question: str) -> dict[str, float]:
    return TermStats().terms(analyse(question)).weights


def _covered(question: str, passage: str) -> set[str]:
    return TermStats().terms(analyse(question)).covered(set(content_stems(passage)))


def test_framing_words_are_not_what_a_question_asks() -> None:
    # (check27: "reckons", "swears", "still", "straight away", "careful … choosing", "keep trying" and "February" had
    # been the rarest words of their questions — the key the evidence must contain — and the gate abstained on
    # covered topics)
    for question, framing in (
            ("Do they honestly need helmets? My husband reckons helmets make kids take more risks.", "reckons"),
            ("A friend swears smoking weed helped her. Does cannabis actually work for MS?", "swears"),
            ("Can a new central venous catheter be inserted straight away in a patient who is still being treated "
             "for a catheter-related bloodstream infection?", "straight"),
            ("What should I be careful about when choosing an antiepileptic?", "careful"),
            ("We're taking our kids skiing in February. Do they need helmets?", "february"),
            ("What should we do if the skin on his penis goes red and swollen?", "goes"),
            ("How do we get rid of pinworms?", "rid"),
            ("In a well febrile infant with RSV, can the lumbar puncture be skipped?", "skipped"),
            # (check28: a role, like "GP": "The surgical registrar wants to do an open necrosectomy tomorrow")
            ("The registrar wants to do an open necrosectomy for infected pancreatic necrosis. Is that right?",
             "registrar")):
        weights = _weights(question)
        assert stem(framing) not in weights, framing
        assert weights  # (the question keeps what it asks about)
    assert stem("still") not in _weights("Is it still ok to go to the gym with limb-girdle muscular dystrophy?")
    assert stem("prescribed") not in _weights("Should doxycycline be prescribed for chronic multisymptom illness?")


def test_lay_wordings_are_covered_by_what_the_guidelines_say() -> None:
    question = "A friend swears smoking weed helped her. Does cannabis help MS?"
    assert stem("weed") in _covered(question, "Oral cannabis extract is effective for spasticity in MS; smoked "
                                              "cannabis and marijuana are not.")
    assert stem("gym") in _covered("Is it ok to go to the gym?", "Patients should be encouraged to exercise.")
    assert stem("womb") in _covered("I have a fibroid in my womb", "Removal of uterine myomas")
    assert stem("fibroid") in _covered("I have a fibroid in my womb", "Removal of uterine myomas")
    assert stem("aim") in _covered("What blood pressure should we aim for?", "The target blood pressure is …")
    assert stem("conceives") in _covered("What do I need to sort out before she conceives?",
                                         "Folic acid is recommended preconceptually; stop it before conception.")
    assert stem("bloodstream") in _covered("… being treated for a catheter-related bloodstream infection?",
                                           "… when treating any bacteremia, including CVC-related bacteremia.")
    # (one way: a question on hurting is covered by injury, but not one on injury by what hurts)
    assert stem("hurt") in _covered("Could it hurt their necks?", "no increase in neck injury")
    assert stem("injury") not in _covered("Could helmets cause neck injury?", "Will it hurt?")


def test_one_who_has_had_an_operation_is_covered_by_the_operation() -> None:
    # (check27: "splenectomised" had been the rarest term, and the RCOG thalassaemia guideline says "splenectomy")
    question = "29-year-old with beta thalassaemia major, splenectomised and on deferasirox. What before she conceives?"
    assert stem("splenectomised") in _covered(question, "All women who have undergone a splenectomy should take "
                                                        "penicillin prophylaxis or equivalent.")
    assert stem("splenectomized") == stem("splenectomised")
    assert "splenectomised" in medical_signal("Should someone splenectomised have vaccines?").medical


def test_sulphate_is_sulfate() -> None:
    # (check17: "magnesium sulfate" had not met NICE's "Magnesium sulphate should be used in standard dosing …")
    assert stem("sulphate") == stem("sulfate") and stem("sulphonylurea") == stem("sulfonylurea")
    assert stem("magnesium") in _covered("What magnesium sulfate dose?", "Magnesium sulphate: 4 g loading dose.")
    assert stem("sulfate") in _covered("What magnesium sulfate dose?", "Magnesium sulphate: 4 g loading dose.")


def test_a_cases_question_is_about_what_it_asks() -> None:
    # (check21: "… his nasopharyngeal swab is positive for RSV. … can the lumbar puncture be skipped?" had been
    # about RSV, its rarest word, and answered from the RSV health page; NICE and ACEP on febrile infants speak to
    # the lumbar puncture)
    weights = {stem("rsv"): 7.3, stem("punctur"): 6.7, stem("lumbar"): 5.8, stem("fever"): 3.0}
    asked = frozenset({stem("punctur"), stem("lumbar")})
    assert Terms(weights, asked=asked).key == stem("punctur")
    assert Terms(weights).key == stem("rsv")  # (no case: the rarest term)
    # (a word of the question too common to say what it is about leaves the key to the case)
    assert Terms({stem("rsv"): 7.3, stem("test"): 2.5}, asked=frozenset({stem("test")})).key == stem("rsv")
    question = ("7-week-old boy has a temperature of 38.3 °C and his nasopharyngeal swab is positive for RSV. WBC is "
                "9. Does he still need blood and urine tests, and can the lumbar puncture be skipped?")
    terms = TermStats().terms(analyse(question))
    assert stem("punctur") in terms.asked and stem("rsv") not in terms.asked
    assert not TermStats().terms(analyse("Can the lumbar puncture be skipped in RSV bronchiolitis?")).asked


HYSTERECTOMY = ("Your health care provider might recommend a hysterectomy if you have fibroids; endometriosis that "
                "hasn't been cured by medicine or surgery; uterine prolapse.")


def test_what_a_clinician_may_recommend_is_not_a_yes() -> None:
    # (check27: MedlinePlus's list of reasons for a hysterectomy had answered "Should I get it [a fibroid] taken out
    # before we keep trying?" with Yes)
    assert vote_polarity(HYSTERECTOMY) is Verdict.UNCERTAIN
    assert vote_polarity("Hysterectomy is recommended for women with symptomatic fibroids who do not want to "
                         "conceive.") is Verdict.YES
    c, = extract([text_hit("medquad:MPlusHealthTopics:0000499#3", "Hysterectomy", "Summary", HYSTERECTOMY,
                           kind=Kind.CONSUMER)])
    c.relevance, c.score, c.own, c.on_topic = 1.0, 1.0, 1.0, True
    result = guideline_verdict([c])
    assert result is not None and result.verdict is Verdict.UNCERTAIN and result.note == ONLY_SOME_PATIENTS


IDSA = "Clinical practice guidelines for the diagnosis and management of intravascular catheter-related infection."
DELAY = ("Unless there is an urgent need for central vascular access, new central vascular catheter placement should "
         "be delayed until 48 hours after the first negative blood cultures when treating any bacteremia, including "
         "CVC-related bacteremia.")
SALVAGE = ("Arm swelling secondary to extensive thrombus surrounding a functioning, in-use peripherally inserted CVC "
           "should be treated by anticoagulation without removal of the catheter.")


def test_advice_to_wait_is_a_no_to_doing_it_straight_away() -> None:
    # (check27: "… should be delayed until 48 hours after the first negative blood cultures" had voted yes, and then
    # not at all, to inserting a new catheter "straight away")
    assert _SAME_DAY.search("Can a new central venous catheter be inserted straight away in a patient who is still "
                            "being treated for a catheter-related bloodstream infection?")
    assert not _SAME_DAY.search("Can a new central venous catheter be inserted during bacteremia?")
    assert vote_polarity(DELAY, same_day=True) is Verdict.NO
    assert vote_polarity(DELAY) is Verdict.YES  # (asked whether at all, waiting is doing it)
    c, = [c for c in extract([text_hit("ngc:11199#12", IDSA, "Major Recommendations", DELAY)])
          if c.text.startswith("Unless")]
    c.relevance, c.score, c.own, c.on_topic = 1.0, 1.0, 1.0, True
    result = guideline_verdict([c], same_day=True)
    assert result is not None and result.verdict is Verdict.NO


def _candidate(passage_id: str, text: str, evidence: int) -> Candidate:
    c, = [c for c in extract([text_hit(passage_id, IDSA, "Major Recommendations", text)])
          if c.text.startswith(text[:20])]
    c.evidence = evidence
    return c


def test_a_no_leads_with_the_recommendation_that_decided_it() -> None:
    # (… and, decided No, the answer had led with an unrelated sentence: the vote's own sentence, re-read without the
    # question's "straight away", had seemed to say yes)
    delay, salvage = _candidate("ngc:11199#12", DELAY, 1), _candidate("ngc:11324#15", SALVAGE, 2)
    result = VerdictResult(Verdict.NO, -1.0, 0.0, (1,), (GUIDELINE_CUE,), "", (DELAY,))
    plan = Plan(bottom=salvage, body=[delay], pitfalls=[], escalation=[])
    lead_with_deciding(plan, [salvage, delay], result)
    assert plan.bottom is delay and plan.body == [salvage]
    # … nor with another recommendation the vote did not count, though it reads "no" too
    exchange = _candidate("ngc:11324#16", "Routine guide-wire catheter exchanges are not recommended for "
                                          "catheter-related bloodstream infection.", 3)
    plan = Plan(bottom=exchange, body=[delay], pitfalls=[], escalation=[])
    lead_with_deciding(plan, [exchange, delay], result)
    assert plan.bottom is delay
    # (one it counted stays; so does a study's finding that agrees)
    plan = Plan(bottom=exchange, body=[delay], pitfalls=[], escalation=[])
    lead_with_deciding(plan, [exchange, delay], replace(result, basis=(1, 3)))
    assert plan.bottom is exchange
    finding = _candidate("pmid:1#2", "Catheters replaced after the first negative blood culture had fewer relapses of "
                                     "bacteremia.", 4)
    assert not finding.recommendation
    yes = VerdictResult(Verdict.YES, 1.0, 0.0, (1,), (GUIDELINE_CUE,), "", (SALVAGE,))
    plan = Plan(bottom=finding, body=[salvage], pitfalls=[], escalation=[])
    lead_with_deciding(plan, [finding, salvage], yes)
    assert plan.bottom is finding


EAST = ("An evidence based review: efficacy of safety helmets in reduction of head injuries in recreational skiers and "
        "snowboarders.")
NECKS = ("The beneficial effects of helmets are not negated by unintended risks as their use does not appear to "
         "increase the risk of neck or cervical spine injury as compared to non-helmeted participants in skiing and "
         "snowboarding.")


def test_a_guidelines_finding_of_no_harm_does_not_say_one_needs_none() -> None:
    # (check27: EAST's finding that helmets do not increase neck injuries, read as a study's conclusion, had said
    # "No" to "Do they honestly need helmets?")
    question = ("We're taking our kids skiing for the first time. Do they honestly need helmets? My husband reckons "
                "helmets could hurt their necks if they fall.")
    assert _NEED.search(question) and _NEED.search("Does my son really need a cast?")
    assert not _NEED.search("Do helmets reduce head injuries in skiers?")
    found = extract([text_hit("ngc:9604#15", EAST, "Potential harms", NECKS)])
    for n, c in enumerate(found, 1):
        c.relevance, c.score, c.own, c.on_topic, c.evidence = 1.0, 1.0, 0.7, True, n
    result = decide(question, found)
    assert result.verdict is Verdict.UNCERTAIN and result.deciding == ()
    # (… whatever a recommendation on another topic among the sentences the reading rests on says)
    cta, = extract([text_hit("ngc:11205#6", "ACR Appropriateness Criteria penetrating neck injury.", "Summary",
                             "CTA neck with IV contrast is usually appropriate (rating 9) for penetrating neck injury; "
                             "this procedure is the imaging study of choice.")])
    cta.on_topic = False
    assert cta.recommendation and background_only([*found, cta])
    cta.on_topic = True
    assert not background_only([*found, cta])


def test_a_fibroid_in_the_womb_is_what_a_case_is_about() -> None:
    # (check27: "my scan showed a 4cm fibroid on the outside of my womb" had been read as the case's description, so
    # "keep" (trying) was the key)
    found = case_terms("We've been trying for a baby for 14 months and my scan showed a 4cm fibroid on the outside of "
                       "my womb. Should I get it taken out before we keep trying?")
    assert not {stem("fibroid"), stem("womb")} & found
    assert medical_signal("Is a fibroid dangerous?").medical
