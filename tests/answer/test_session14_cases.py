"""Cases from the held-out sets check22 and check23 read in session 14: what a case rules out is not its topic, a
drug's class covers the drug, comparatives and lay chatter are not what is asked, and verdicts for another risk
group or on using (not stopping) a drug do not answer a question whether to stop it."""

from __future__ import annotations

from curbside.answer.gaps import unmentioned_parts
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.guideline_vote import risk_levels
from curbside.answer.generators.extractive.verdict import decide
from curbside.answer.generators.extractive.verdict_result import VerdictResult
from curbside.answer.population import Scope
from curbside.answer.questions import analyse, is_yes_no
from curbside.answer.synonyms import broader
from curbside.answer.terms import Terms, TermStats
from curbside.answer.text import content_stems, stem
from curbside.records import Audience, Bullet, Hit, Verdict
from curbside.retrieve.synonyms import expansions_for
from tests.answer.realtext import text_hit


def _decided(question: str, *hits: Hit) -> VerdictResult:
    """The verdict the extractive generator's candidates from ``hits`` give ``question``."""
    return decide(question, ExtractiveGenerator().candidates(question, list(hits), Audience.CLINICIAN))

GDM = ("31-year-old at 28 weeks, BMI 33, has a 75 g OGTT with a fasting glucose of 6.1 mmol/L and a 2-hour value of "
       "8.9 mmol/L; the growth scan is normal and there is no polyhydramnios. Does she need metformin or insulin "
       "straight away, and what capillary glucose targets should she aim for?")


def test_a_disease_the_case_rules_out_is_not_its_topic() -> None:
    # (check22: "no polyhydramnios" had made polyhydramnios the topic, every document on gestational diabetes was
    # dropped as off-topic and the answer abstained with coverage 0.00)
    assert Scope.of(GDM).topics == ()
    assert analyse(GDM).topics == ()
    assert Scope.of("A woman at 30 weeks has polyhydramnios. How should it be managed?").topics != ()


def test_a_comparative_is_not_what_a_question_is_about() -> None:
    # (check22: "Wouldn't antidepressants work faster …?" had made "faster" the key the evidence must contain)
    assert TermStats().terms(analyse("Is ice quicker for pain?")).key == stem("pain")


def test_lay_and_clinical_wordings_of_one_thing_cover_each_other() -> None:
    def covered(question: str, passage: str) -> set[str]:
        return TermStats().terms(analyse(question)).covered(set(content_stems(passage)))

    assert stem("insoles") in covered("Do insoles help plantar fasciitis?", "Clinicians should use foot orthoses.")
    assert {stem("watch"), stem("wait")} <= covered("Should I watch and wait?", "Offer observation with follow-up.")
    assert stem("drum") in covered("The left drum is red and bulging.", "A bulging tympanic membrane.")
    assert stem("grommets") in covered("He has grommets.", "Children with tympanostomy tubes.")
    assert "tympanostomy tubes" in expansions_for("my son had grommets put in")
    # ("a temperature" is a fever, in British English; body temperature is not)
    assert "fever" in expansions_for("my 2 year old has a temperature of 39.4")
    assert "fever" not in expansions_for("what is normal body temperature")


def test_conversational_words_are_not_asked_about() -> None:
    weights = TermStats().terms(analyse("Honestly I hate the idea of being on tablets forever; I'm scared of a "
                                        "couple of side effects.")).weights
    assert not {stem(w) for w in ("honestly", "hate", "idea", "forever", "scared")} & set(weights)


def test_two_questions_or_a_choice_get_no_verdict() -> None:
    assert not is_yes_no("Wouldn't antidepressants work faster, and are they even safe at his age?")
    assert not is_yes_no("Should I add a third drug to get her systolic under 140, or is under 150 good enough at "
                         "her age?")
    assert not is_yes_no("Is it safe for her to use ibuprofen gel or tablets, and would a steroid injection in the "
                         "knee help?")
    assert not is_yes_no("Should I give her Calpol and Nurofen together or keep alternating them every couple of "
                         "hours?")
    assert is_yes_no("Is ibuprofen safe in pregnancy?")
    assert is_yes_no("Is a resting or exercise ECG recommended to screen asymptomatic adults at low risk?")


def test_a_drugs_class_covers_it_but_never_as_its_key() -> None:
    nsaids = set(content_stems("Consider topical NSAIDs for knee osteoarthritis."))
    terms = Terms({stem("ibuprofen"): 1.0, stem("gel"): 1.0, stem("paracetamol"): 2.0},
                  broader=broader(["ibuprofen", "gel", "paracetamol"]))
    assert terms.key == stem("paracetamol")
    assert terms.covered(nsaids) == {stem("ibuprofen"), stem("gel")}
    # (the key is covered where it is named: a question about warfarin is not answered by "anticoagulants")
    warfarin = Terms({stem("warfarin"): 2.0, stem("nosebleeds"): 1.0}, broader=broader(["warfarin", "nosebleeds"]))
    anticoagulants = set(content_stems("Patients on anticoagulants with nosebleeds."))
    assert warfarin.covered(anticoagulants) == {stem("nosebleeds")}
    assert not warfarin.names_key(anticoagulants) and warfarin.names_key({stem("warfarin")})
    # (a question that names the class asks about it; its members are examples)
    assert broader(["sglt2", "inhibitor", "such", "dapagliflozin"]) == {}


KNEES = ("My mum is 79 and has arthritis in both knees. Paracetamol doesn't do much for her. Is it safe for her to use "
         "ibuprofen gel or tablets, and would a steroid injection in the knee help?")


def test_asked_whether_a_drug_is_safe_its_harms_lead() -> None:
    # (check22: NICE's "Do not offer rubefacients" had led, or the answer had abstained over "gel" and "tablets")
    topical = text_hit("ngc:10279#23", "Osteoarthritis. Care and management in adults.",
                       "Major Recommendations — Topical Treatments",
                       "Consider topical NSAIDs for pain relief in addition to core treatments for people with knee or "
                       "hand osteoarthritis. Consider topical NSAIDs and/or paracetamol ahead of oral NSAIDs, COX-2 "
                       "inhibitors or opioids.\nDo not offer rubefacients for treating osteoarthritis.")
    oral = text_hit("ngc:10279#24", "Osteoarthritis. Care and management in adults.",
                    "Major Recommendations — NSAIDs and Highly Selective COX-2 Inhibitors",
                    "All oral NSAIDs/COX-2 inhibitors have analgesic effects of a similar magnitude but vary in their "
                    "potential gastrointestinal, liver and cardio-renal toxicity; therefore, when choosing the agent "
                    "and dose, take into account individual patient risk factors, including age.")
    draft = ExtractiveGenerator().generate(KNEES, [topical, oral], Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("All oral NSAIDs/COX-2 inhibitors")
    # (and the part is not reported missing: "topical NSAIDs" mentions "ibuprofen gel")
    said = [Bullet("Consider topical NSAIDs for pain relief in addition to core treatments.", (1,))]
    assert not any(part.startswith("Is it safe") for part in unmentioned_parts(KNEES, said))


def test_a_recommendation_for_another_risk_group_does_not_vote() -> None:
    # (check23: the USPSTF's I statement for intermediate or high risk had made the Grade D for low risk *Uncertain*)
    assert risk_levels("asymptomatic adults at low cardiovascular risk") == {"low"}
    assert risk_levels("adults at intermediate or high risk of CVD events") == {"intermediate", "high"}
    assert risk_levels("women at increased risk of breast cancer") == {"high"}
    question = ("Is a resting or exercise ECG recommended to screen asymptomatic adults at low cardiovascular risk for "
                "coronary heart disease?")
    # (the statement for low risk repeats fewer of the question's words than the one for other risk groups)
    low = text_hit("uspstf:70#0", "Screening With Electrocardiography", "Recommendation (Grade D)",
                   "The USPSTF recommends against screening with resting or exercise ECG to prevent coronary heart "
                   "disease events in adults at low risk.")
    other = text_hit("uspstf:95#0", "Cardiovascular Disease Risk: Screening With Electrocardiography -- Adults at "
                     "intermediate or high risk of CVD events", "Recommendation (Grade I)",
                     "The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits "
                     "and harms of screening with resting or exercise ECG to prevent cardiovascular disease events in "
                     "asymptomatic adults at intermediate or high risk of coronary heart disease events.")
    assert _decided(question, other, low).verdict is Verdict.NO
    # (a document on cardiovascular disease speaks for coronary heart disease)
    assert Scope.of(question).names_topic("screening to prevent cardiovascular disease events")


SERTRALINE = ("I've been on sertraline (Zoloft) 100mg for my first ever bout of depression, about 5 months now, and "
              "honestly I feel back to normal. Can I just stop taking it?")


def test_asked_whether_to_stop_a_drug_advice_to_use_it_is_no_answer() -> None:
    # (check23: "In this case sertraline or citalopram are the recommended second-line treatments" had said *Yes*)
    switch = text_hit("ngc:10689#44", "Depression in children and young people: identification and management in "
                      "primary, community and secondary care.",
                      "Major Recommendations — How to Use Antidepressants in Children and Young People",
                      "If treatment with fluoxetine is unsuccessful or is not tolerated because of side effects, "
                      "consideration should be given to the use of another antidepressant. In this case sertraline or "
                      "citalopram are the recommended second-line treatments.")
    assert _decided(SERTRALINE, switch).verdict is Verdict.UNCERTAIN
    # (… and advice to keep it up is a no)
    keep = text_hit("ngc:10991#23", "Clinical practice guideline on the management of depression in adults.",
                    "Major Recommendations — Pharmacological Treatment",
                    "Antidepressant treatment with sertraline should be maintained for at least 6 months after "
                    "remission of the episode before deciding on withdrawal of treatment.")
    assert _decided(SERTRALINE, keep, switch).verdict is Verdict.NO


def test_several_things_a_patient_may_need_get_no_single_verdict() -> None:
    # (check23: *Yes* had endorsed an ultrasound, a VCUG and prophylaxis together; only the ultrasound is indicated)
    assert not is_yes_no("10-month-old girl after her first febrile UTI. Does she need a renal ultrasound, a voiding "
                         "cystourethrogram (VCUG), and prophylactic antibiotics?")
    assert is_yes_no("Is aspirin effective in patients with diabetes, hypertension, or CKD?")


def test_advice_for_symptomatic_disease_is_narrower_for_a_patient_without_symptoms() -> None:
    # (check23: "Offer laparoscopic cholecystectomy to people diagnosed with symptomatic gallbladder stones" had led the
    # management of gallstones found on a scan for something else)
    scope = Scope.of("I had a scan for something else and they found gallstones, but I've never had any pain or "
                     "problems with my stomach. Do I need my gallbladder taken out before it causes trouble?")
    assert scope.narrower("Offer laparoscopic cholecystectomy to people diagnosed with symptomatic gallbladder stones.")
    assert not scope.narrower("Reassure people with asymptomatic gallbladder stones that they do not need treatment.")
    assert Scope.of("How should symptomatic gallstones be treated?").narrower(
        "Reassure people with asymptomatic gallbladder stones that they do not need treatment.")
    assert Scope.of("How are gallstones treated?").symptomatic is None


def test_reassure_is_advice() -> None:
    from curbside.answer.generators.extractive.cues import RECOMMENDATION_CUE
    assert RECOMMENDATION_CUE.search("Reassure people with asymptomatic gallbladder stones that they do not need "
                                     "treatment unless they develop symptoms.")


def test_an_age_range_that_holds_the_adult_asked_about_is_not_narrower() -> None:
    # (check23: IDSA's splenectomy row "For PPSV23-naive patients aged ≥2 years …" had been filed as for another group)
    scope = Scope.of("Which vaccines should an adult receive before an elective splenectomy?")
    assert not scope.narrower("For PPSV23-naive patients aged ≥2 years for whom a splenectomy is planned, PPSV23 "
                              "should be administered ≥2 weeks prior to surgery.")
    assert scope.narrower("Children aged 2 to 5 years should receive one dose of PCV13.")


def test_how_long_before_is_timing_not_prognosis() -> None:
    from curbside.answer.themes import question_intents
    assert "prognosis" not in question_intents("Which vaccines should an adult receive before an elective "
                                               "splenectomy, and how long before the operation should they be given?")
    assert "prognosis" in question_intents("How long will my shingles pain last?")


def test_a_recommendation_for_some_patients_only_is_no_yes_for_the_one_asked_about() -> None:
    # (check23: NICE TA279's "… recommended as options … only in people who have severe ongoing pain …" had said *Yes*
    # to referring a woman managing at home on paracetamol and codeine)
    from curbside.answer.generators.extractive.guideline_vote import ONLY_SOME_PATIENTS, vote_polarity
    only = ("Percutaneous vertebroplasty, and percutaneous balloon kyphoplasty without stenting, are recommended as "
            "options for treating osteoporotic vertebral compression fractures only in people who have severe ongoing "
            "pain after a recent, unhealed vertebral fracture despite optimal pain management.")
    assert vote_polarity(only) is Verdict.UNCERTAIN
    assert vote_polarity("Kyphoplasty is recommended for painful osteoporotic vertebral fractures.") is Verdict.YES
    question = ("79-year-old woman had a new painful osteoporotic L1 compression fracture 10 days ago; she is managing "
                "at home on paracetamol and codeine. Should I refer her for vertebroplasty or kyphoplasty?")
    hit = text_hit("ngc:9800#6", "Percutaneous vertebroplasty and percutaneous balloon kyphoplasty for treating "
                   "osteoporotic vertebral compression fractures.", "Major Recommendations", only)
    result = _decided(question, hit)
    assert result.verdict is Verdict.UNCERTAIN and result.note == ONLY_SOME_PATIENTS


BACK = ("38-year-old warehouse worker with 5 days of low back pain after lifting a box; the pain is localised with no "
        "leg symptoms, no saddle numbness, no bladder or bowel change, no fever, weight loss or history of cancer, and "
        "his neurological exam is normal. He is asking for an X-ray or MRI. Does he need imaging, and what treatment "
        "should I recommend?")
VARIANT_1 = ("MRI lumbar spine without contrast is usually not appropriate (rating 2) for acute, subacute, or chronic "
             "uncomplicated low back pain or radiculopathy; no red flags; no prior management.")
VARIANT_2 = ("MRI lumbar spine without contrast is usually appropriate (rating 7) for acute, subacute, or chronic "
             "uncomplicated low back pain or radiculopathy; one or more of the following: low velocity trauma, "
             "osteoporosis, elderly individual, or chronic steroid use — CT is preferred.")
VARIANT_3 = ("FDG-PET/CT whole body may be appropriate (rating 4) for acute, subacute, or chronic low back pain or "
             "radiculopathy; one or more of the following: suspicion of cancer, infection, or immunosuppression — MRI "
             "is preferred.")


def test_a_table_row_for_a_scenario_the_patient_is_not_in_is_narrower() -> None:
    # (check22: ACR's rows for trauma or osteoporosis, and for suspected cancer, had led for a red-flag-free back)
    scope = Scope.of(BACK)
    assert not scope.narrower(VARIANT_1)
    assert scope.narrower(VARIANT_2) == ("one or more of the following: low velocity trauma, osteoporosis, elderly "
                                         "individual, or chronic steroid use",)
    # (… cancer is named by the case only to rule it out)
    assert scope.narrower(VARIANT_3)
    # (an age group is the age check's, not a condition: an 84-year-old is elderly)
    hip = Scope.of("An 84-year-old woman slipped at home and now cannot bear weight; the hip is tender. What imaging?")
    assert "middle-aged and elderly patients" not in hip.narrower(
        "X-ray hip is usually appropriate (rating 9) for middle-aged and elderly patients; first study — AP and "
        "cross-table lateral views should be performed.")
    # (the scope a document's abbreviations extend keeps what the case rules out)
    assert scope.with_abbreviations({"LBP": "low back pain"}).ruled_out == scope.ruled_out


def test_asked_whether_the_patient_needs_imaging_the_row_for_his_scenario_leads() -> None:
    rows = text_hit("ngc:10840#6", "ACR Appropriateness Criteria® low back pain.",
                    "Major Recommendations — Clinical Condition: Low Back Pain", f"{VARIANT_1} {VARIANT_2} {VARIANT_3}")
    cohort = text_hit("ngc:10840#35", "ACR Appropriateness Criteria® low back pain.", "Summary of Literature Review",
                      "A prospective cohort study recommends urgent MRI assessment in all patients who present with "
                      "new-onset urinary symptoms in the context of LBP or sciatica.")
    contrast = text_hit("ngc:10840#11", "ACR Appropriateness Criteria® low back pain.",
                        "Major Recommendations — Clinical Condition: Low Back Pain",
                        "Contrast is indicated if patient has history of prior lumbar surgery.")
    # (… and is not put aside for a sentence that names a treatment: it answers what was asked)
    draft = ExtractiveGenerator().generate(BACK, [rows, cohort, contrast], Audience.CLINICIAN)
    assert draft.bottom_line.text == VARIANT_1
    # ("patients who present with new-onset urinary symptoms" are a group of their own)
    assert Scope.of(BACK).narrower(cohort.passage.text)


def test_what_a_guidelines_potential_harms_field_lists_is_harm_not_advice() -> None:
    # (check23: "Not encouraging routine, prophylactic water precautions … may result in a slight increase in
    # otorrhea rates" had led, read as a recommendation; AAO-HNS's profile labels "Exceptions:" and "Role of patient
    # (caregiver) preferences:" are labels, not statements)
    from curbside.answer.generators.extractive.candidates import extract
    harms = text_hit("ngc:9940#49", "Clinical practice guideline: tympanostomy tubes in children.", "Potential harms",
                     "Not encouraging routine, prophylactic water precautions (use of earplugs or headbands; avoidance "
                     "of swimming or water sports) for children with tympanostomy tubes may result in a slight "
                     "increase in otorrhea rates in some children.")
    [c] = extract([harms])
    assert c.pitfall and not c.recommendation
    profile = text_hit("ngc:9940#34", "Clinical practice guideline: tympanostomy tubes in children.",
                       "Major Recommendations — Statement 12. Water Precautions",
                       "Exceptions: Children with tympanostomy tubes and an active episode of otorrhea.\n"
                       "Role of patient (caregiver) preferences: Significant role in deciding whether or not to use "
                       "water precautions.")
    assert all(c.meta for c in extract([profile]))


BETA = ("Should a beta-blocker be started on the morning of surgery in a patient with coronary artery disease who is "
        "not already taking one and is having elective intermediate-risk noncardiac surgery?")


def test_asked_about_the_day_itself_advice_that_names_no_time_is_no_yes() -> None:
    # (check24, read blind on the final code: ICSI's "Initiation … should be considered …" had said *Yes* to starting a
    # beta-blocker on the morning of surgery; the protocol says one to two weeks before)
    from curbside.answer.generators.extractive.guideline_vote import vote_polarity
    consider = text_hit("ngc:10503#34", "Perioperative protocol. Health care protocol.", "Major Recommendations",
                        "Initiation of beta-blocker therapy should be considered in all patients undergoing "
                        "intermediate-risk surgery with CAD or high cardiac risk.")
    assert _decided(BETA, consider).verdict is Verdict.UNCERTAIN
    ahead = ("Beta-blocker therapy should be initiated one to two weeks prior to surgery if possible, and titrated to "
             "goal heart rate 60-80 beats per minute.")
    assert vote_polarity(ahead, same_day=True) is Verdict.NO
    assert vote_polarity(ahead) is Verdict.YES
    timed = text_hit("ngc:10503#35", "Perioperative protocol. Health care protocol.", "Major Recommendations", ahead)
    assert _decided(BETA, timed, consider).verdict is not Verdict.YES
