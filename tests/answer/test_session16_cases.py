"""Cases from check25's blind read, fixed in session 16: a title that names the disease inside one word
("poststroke"), a guideline's scheme for grading its evidence under its recommendations' heading, how long and how
often to monitor (not the outlook), and questions on monitoring and follow-up."""

from __future__ import annotations

from dataclasses import replace

from curbside.answer.generators.extractive.assemble import Asks, choose_bottom
from curbside.answer.generators.extractive.candidates import extract
from curbside.answer.generators.extractive.cues import COMMON_PRACTICE, META_CUE, METHOD_CUE, RECOMMENDATION_CUE
from curbside.answer.generators.extractive.guideline_vote import guideline_verdict, recommendation_polarity
from curbside.answer.generators.extractive.layout import segments
from curbside.answer.generators.extractive.verdict import rejects
from curbside.answer.generators.extractive.verdict_result import VerdictResult
from curbside.answer.lead_cues import DURING_PROCEDURE
from curbside.answer.population import Scope
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.answer.text import stem
from curbside.answer.themes import primary_theme, question_intents
from curbside.answer.vignette import case_terms
from curbside.records import Kind, Verdict
from tests.answer.realtext import text_hit

AAN = ("Practice advisory: etanercept for poststroke disability: report of the Guideline Development, Dissemination, "
       "and Implementation Subcommittee of the American Academy of Neurology.")


def test_a_disease_after_post_in_one_word_is_named() -> None:
    # (check25: AAN's etanercept advisory was not "about" stroke, so the gate dropped it and abstained)
    scope = Scope.of("Is perispinal etanercept an effective treatment for chronic disability after a stroke?")
    assert scope.names_topic(AAN)
    assert not scope.names_topic("Etanercept for rheumatoid arthritis.")
    # (a short word after "post" is no disease: "postop", "posts")
    assert not Scope.of("What is the prognosis of stroke?").names_topic("Posts on the ward")


def test_how_a_guideline_grades_its_evidence_is_not_advice() -> None:
    # (check25: under "Major Recommendations — Assigning a Level of Strength to the Recommendation" AAN explains its
    # grades, which had led the etanercept question under "Yes")
    for section, text in (
            ("Major Recommendations — Assigning a Level of Strength to the Recommendation",
             "When there is sufficient evidence to support an inference for the use of an intervention (i.e., the "
             "balance of benefits and harms favors the intervention), the author panel assigns one of three "
             "recommendation designations: A, B, or C."),
            ("Major Recommendations — Classification of Evidence Scheme for Therapeutic Studies",
             "Class I\n- Randomized, controlled clinical trial (RCT) in a representative population\n- Relevant "
             "baseline characteristics are presented and substantially equivalent between treatment groups.")):
        assert all(c.meta for c in extract([text_hit("ngc:11002#10", AAN, section, text)]))
    advice = text_hit("ngc:11002#7", AAN, "Recommendation [Level U] — Recommendation",
                      "Clinicians should counsel patients considering etanercept for treatment of poststroke "
                      "disability that there is insufficient evidence to determine its effectiveness and that the "
                      "treatment may be associated with adverse outcomes and high cost (Level U).")
    assert not any(c.meta for c in extract([advice]))


def test_how_long_and_how_often_to_monitor_asks_about_monitoring_not_the_outlook() -> None:
    question = ("After a knee replacement under spinal anaesthesia with intrathecal morphine, how long and how often "
                "should the patient be monitored for respiratory depression?")
    assert question_intents(question) == ("monitoring",)
    assert "prognosis" in question_intents("How long will I live with pancreatic cancer?")
    assert "monitoring" in question_intents("How often should HbA1c be checked in type 2 diabetes?")
    # (a sentence is about monitoring only when it speaks to nothing else: "Monitor GFR … in people prescribed drugs
    # known to be nephrotoxic" stays about drugs)
    assert primary_theme("Monitor at least once per hour for the first 12 h after administration.") == "monitoring"
    assert primary_theme("Monitor GFR at least annually in people prescribed drugs known to be nephrotoxic, such as "
                         "lithium.") == "drugs"


SAGES = "Guidelines for the management of hiatal hernia."
TECHNIQUE = ("During paraesophageal hiatal hernia repair the hernia sac should be dissected away from mediastinal "
             "structures (++, strong), and then preferably excised (++, weak).")
WHETHER = "Routine elective repair of completely asymptomatic paraesophageal hernias may not always be indicated."


def test_how_to_operate_does_not_say_whether_to() -> None:
    # (check25: SAGES's dissection technique had led, under "Yes", the question whether to repair an asymptomatic
    # paraesophageal hernia; the sentence that answers it was in the body)
    assert DURING_PROCEDURE.match(TECHNIQUE)
    assert not DURING_PROCEDURE.match("During pregnancy, women should be offered screening for gestational diabetes.")
    technique, whether = extract([text_hit("ngc:10018#16", SAGES, "Major Recommendations — Technique", TECHNIQUE),
                                  text_hit("ngc:10018#10", SAGES, "Major Recommendations", WHETHER)])
    for c, score in ((technique, 1.4), (whether, 1.0)):  # (the technique sentence had ranked first)
        c.relevance, c.score, c.own, c.on_topic = 1.0, score, 1.0, True
    assert choose_bottom([technique, whether], True) is whether
    assert choose_bottom([technique, whether], False) is technique  # (asked how, it may)
    # … nor does it vote on whether to operate
    assert guideline_verdict([technique]) is None


def test_may_not_always_be_indicated_votes_no() -> None:
    assert recommendation_polarity(WHETHER) is Verdict.NO
    assert recommendation_polarity("Antibiotics are not routinely needed for acute bronchitis.") is Verdict.NO


def test_a_pharmacogene_in_a_case_is_what_the_case_is_about() -> None:
    # (check25: "CYP2C19 *2/*2" had counted only where a passage had it, so STEMI loading doses answered the case)
    question = ("58-year-old man had a drug-eluting stent for an NSTEMI three days ago and is on aspirin plus "
                "clopidogrel 75 mg; a pharmacogenetic panel shows CYP2C19 *2/*2. Should I keep the clopidogrel or "
                "switch him to something else?")
    found = case_terms(question)
    assert "cyp2c19" not in found
    assert {stem("panel"), stem("shows")} <= found  # (how it was found is not what a guideline says)


def test_a_guideline_on_the_patients_drug_is_about_the_question() -> None:
    scope = Scope.of("58-year-old man had a stent for an NSTEMI and is on clopidogrel 75 mg. Should I switch him to "
                     "something else?")
    cpic = "Clinical Pharmacogenetics Implementation Consortium guidelines for CYP2C19 genotype and clopidogrel therapy"
    assert scope.about(cpic, cpic) and not scope.names_topic(cpic)
    assert not scope.about("Warfarin dosing", "Warfarin dosing by genotype.")


def test_a_subtype_in_roman_numerals_is_named_by_its_disease() -> None:
    # (check25: NICE's bipolar disorder guideline was not "about" a woman with bipolar I disorder)
    scope = Scope.of("29-year-old woman with bipolar I disorder is on sodium valproate. What should I do?")
    assert scope.names_topic("Bipolar disorder: the assessment and management of bipolar disorder in adults")
    # (… but a type is a disease of its own, and hepatitis C is not hepatitis)
    assert not Scope.of("What is the treatment of hepatitis C?").names_topic("Hepatitis B: management")


def test_a_label_run_into_the_sentence_before_it_starts_a_sentence() -> None:
    text = ("Sodium valproate is a known teratogen, but what choice is open to women who rely on this medication to "
            "stabilise their mood?CONCLUSIONS: The large majority of women of childbearing age with bipolar disorder "
            "should not be prescribed sodium valproate.")
    parts = segments(text)
    assert len(parts) == 2 and parts[0].endswith("mood?") and parts[1].startswith("CONCLUSIONS: The large majority")


def test_a_pointer_to_other_guidance_is_not_advice() -> None:
    # (check25: "The USPSTF has several recommendations that may be relevant, including screening for depression …"
    # had led the question on screening for intimate partner violence)
    for text in ("The USPSTF has several recommendations that may be relevant, including screening for depression and "
                 "alcohol misuse.",
                 "See the NICE clinical guideline Antenatal and postnatal mental health: Clinical management and "
                 "service guidance (NICE clinical guideline 45) for guidance on the management of bipolar disorder "
                 "during pregnancy.",
                 "See also the NICE guideline on antenatal care."):
        assert META_CUE.search(text)
    assert not META_CUE.search("The USPSTF recommends that clinicians screen for intimate partner violence in women "
                               "of reproductive age.")
    assert not META_CUE.search("See a doctor if the rash spreads.")


def test_a_heading_ending_in_an_acronym_run_into_its_sentence_is_dropped() -> None:
    hit = text_hit("uspstf:37#5", "Intimate partner violence screening", "Clinical considerations",
                   "Screening Intervals for IPVThe USPSTF found no evidence on appropriate intervals for screening.")
    assert [c.text for c in extract([hit])] == ["The USPSTF found no evidence on appropriate intervals for screening."]
    # (… and an acronym that opens a sentence stays whole)
    mra = text_hit("pmid:1#0", "", "RESULTS", "MRA The findings were normal in all patients studied here.")
    assert extract([mra])[0].text.startswith("MRA")


VALPROATE_CASE = ("29-year-old woman with bipolar I disorder, well for two years on sodium valproate 1,000 mg daily, "
                  "wants to get pregnant this year. What should I do about her valproate?")


def test_asked_about_the_patients_drug_what_is_said_of_it_answers() -> None:
    # (check25: NICE's checks before starting an antipsychotic had led; the perinatal guideline's "Do not prescribe
    # sodium valproate to women of childbearing age" was not "about" bipolar disorder)
    scope = Scope.of(VALPROATE_CASE)
    assert scope.about("Mental health care in the perinatal period", "Do not prescribe sodium valproate to women of "
                       "childbearing age.")
    assert not scope.about("Mental health care in the perinatal period", "Offer psychological therapy.")
    # (a drug only in the case is not what is asked: "… on aspirin. How should his gout be treated?")
    assert not Scope.of("A man on aspirin has gout. How should his gout be treated?").about(
        "Secondary prevention", "Aspirin 75 mg daily is recommended.")
    bipolar = "Bipolar disorder: the assessment and management of bipolar disorder in adults."
    checks, valproate = extract([
        text_hit("ngc:10556#52", bipolar, "Major Recommendations", "Before starting antipsychotic medication, measure "
                 "and record the person's weight or BMI, pulse and blood pressure."),
        text_hit("ngc:11378#50", "Mental health care in the perinatal period", "Major Recommendations",
                 "Do not prescribe sodium valproate to women of childbearing age.")])
    for c, score in ((checks, 1.5), (valproate, 1.0)):
        c.relevance, c.score = 1.0, score
    assert choose_bottom([checks, valproate], False, ("treatment",), Asks.of(VALPROATE_CASE)) is valproate
    assert choose_bottom([checks, valproate], False, ("treatment",), Asks.of("How is bipolar disorder treated?")) \
        is checks


def test_a_yes_no_question_on_monitoring_is_decided_by_what_says_whether() -> None:
    # (PubMedQA: "Is intensive monitoring during the first transfusion in pediatric patients necessary?" had led with
    # a guideline's list of what to record, the one sentence that says "monitoring", once monitoring was a theme)
    question = "Is intensive monitoring during the first transfusion in pediatric patients necessary?"
    finding, checklist = extract([
        text_hit("pmid:1#3", "", "CONCLUSIONS", "The practice of intensive observation for the first transfusion in "
                 "pediatric patients is probably unnecessary.", kind=Kind.OBSERVATIONAL),
        text_hit("ngc:1#4", "Blood transfusion", "Major Recommendations", "For paediatric patients, monitoring during "
                 "the transfusion should include temperature, pulse and blood pressure.")])
    for c in (finding, checklist):
        c.relevance, c.score = 1.0, 1.0
    assert "monitoring" in question_intents(question)
    assert choose_bottom([checklist, finding], True, ("monitoring",)) is finding
    assert choose_bottom([checklist, finding], False, ("monitoring",)) is checklist


def test_an_i_statement_is_a_finding_not_a_method() -> None:
    # (check26: "… insufficient to assess the balance of benefits and harms …" had read as a study's aim, so the
    # USPSTF's I statement on speech and language screening never led; a "Current Practice" sentence did, under *Yes*)
    i_statement = ("The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits "
                   "and harms of screening for speech and language delay and disorders in children 5 years or younger.")
    assert not METHOD_CUE.search(i_statement)
    assert METHOD_CUE.search("This trial was designed to assess the effect of exercise on pain.")
    practice = text_hit("ngc:10746#11", "Screening for speech and language delay and disorders in children",
                        "Major Recommendations — Suggestions for Practice Regarding the I Statement",
                        "Current Practice\nSurveillance or screening for speech and language disorders is commonly "
                        "recommended as part of routine developmental surveillance and screening in primary care "
                        "settings.")
    (reported,) = extract([practice])
    assert reported.background and not reported.recommendation
    assert COMMON_PRACTICE.search("Universal screening is the most common practice in the United States.")
    assert not COMMON_PRACTICE.search("Screening is recommended for all adults aged 50 to 75 years.")


def test_a_possessive_is_weighed_as_its_noun() -> None:
    # (check26: "her husband's testosterone gel" and "my 7-year-old's teeth" had made "husband'" and "old'" — words no
    # passage has — the keys, and the gate abstained)
    assert stem("husband's") == stem("husband") and stem("Crohn's") == stem("crohn")
    assert "husband" in analyse("She suggests using a little of her husband's testosterone gel.").terms
    terms = TermStats().terms(analyse("Are dental sealants safe for my 7-year-old's teeth?"))
    assert "old'" not in terms.weights and terms.key != "old"
    assert META_CUE.search("See the General Medical Council's Prescribing guidance: prescribing unlicensed medicines "
                           "for further information.")


def test_a_guidelines_own_hedged_advice_is_not_reported_practice() -> None:
    assert not COMMON_PRACTICE.search("Twice-daily application of corticosteroids is generally recommended for the "
                                      "treatment of AD.")


def test_an_operation_named_for_what_it_removes_is_surgery_on_it() -> None:
    # (check26: AAO-HNS's guideline on voice outcomes "after thyroid surgery" never says "thyroidectomy", the question's
    # key, and the gate abstained over the sentence that answers it)
    question = ("Does a patient with a normal voice who previously had an anterior cervical discectomy and fusion need "
                "vocal fold mobility checked before thyroidectomy?")
    terms = TermStats().terms(analyse(question))
    assert stem("thyroidectomy") in terms.covered({stem("thyroid"), stem("surgery")})
    assert stem("mastectomy") not in TermStats().terms(analyse("When is mastectomy needed?")).covered(
        {stem("mast"), stem("surgery")})  # ("mast" cells are no breast)


def test_a_surgeon_should_examine_is_advice() -> None:
    text = ("The surgeon should examine vocal fold mobility if the patient's voice is normal and the patient has prior "
            "neck surgery.")
    assert RECOMMENDATION_CUE.search(text)


def test_no_net_benefit_and_a_grade_against_vote_no() -> None:
    # (check27: "… clinicians should be aware that the current evidence shows no net benefit from Nd:YAG lasers when
    # used as an adjunct to SRP (Expert opinion against)" had voted *Yes*)
    assert recommendation_polarity("For patients with moderate to severe chronic periodontitis, clinicians should be "
                                   "aware that the current evidence shows no net benefit from Nd:YAG lasers when used "
                                   "as an adjunct to SRP (Expert opinion against).") is Verdict.NO
    assert recommendation_polarity("Offer metformin as first-line therapy (Strong for).") is Verdict.YES
    assert recommendation_polarity("Clinicians should know that the evidence shows no net benefit from lasers.") \
        is Verdict.NO
    assert recommendation_polarity("Clinicians may use lasers as an adjunct to scaling (Expert opinion against).") \
        is Verdict.NO


def test_another_label_does_not_contradict_when_the_askeds_own_is_named() -> None:
    # (check27: a Level U sentence on botulinum toxin B had turned the AAN's Level A "botulinum toxin A … should be
    # offered as an effective and generally safe treatment" into a *No*)
    question = "Is botulinum toxin A an effective treatment for focal spasticity in a child with cerebral palsy?"
    aan = "Pharmacologic treatment of spasticity in children and adolescents with cerebral palsy."
    own, other = extract([
        text_hit("ngc:7677#7", aan, "Major Recommendations", "Botulinum toxin A (BoNT-A) should be offered as an "
                 "effective and generally safe treatment for spasticity in children with cerebral palsy (Level A)."),
        text_hit("ngc:7677#8", aan, "Major Recommendations", "There is insufficient evidence to support or refute "
                 "the use of botulinum toxin B as a treatment for spasticity in children with cerebral palsy.")])
    for c in (own, other):
        c.relevance = 1.0
    yes = VerdictResult(Verdict.YES, 0.7, 0.3, (1,), ("guideline recommendation",), "", (own.text,))
    assert rejects(question, [own, other], yes).verdict is Verdict.YES
    # (… and a yes that rests on another label's sentence is contradicted)
    assert rejects(question, [own, other], replace(yes, deciding=(other.text,))).verdict is Verdict.NO
