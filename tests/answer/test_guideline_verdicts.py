"""Yes/no questions answered by guideline recommendations: a recommendation says do, do not, or
cannot say, and only recommendations that name what is asked vote. Texts from the shared corpora
(USPSTF and NGC summaries, MedlinePlus)."""

from __future__ import annotations

import pytest

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.generators.extractive.guideline_vote import recommendation_polarity
from curbside.records import Audience, Document, Hit, Kind, Passage, Section, Verdict


def _hit(passage_id: str, title: str, text: str, kind: Kind = Kind.GUIDELINE, section: str = "Recommendation") -> Hit:
    doc_id, ordinal = passage_id.split("#")
    document = Document(id=doc_id, kind=kind, title=title, sections=(Section(section, text),), source="test",
                        issuer="test", year=2016)
    return Hit(Passage(passage_id, doc_id, int(ordinal), section, text, 0, len(text)), document, 10.0)


@pytest.mark.parametrize(("text", "verdict"), [
    ("For men aged 55–69 years, the Task Force recommends not screening for prostate cancer with the PSA test.",
     Verdict.NO),
    ("Do not refer for arthroscopic lavage and debridement as part of treatment for osteoarthritis.", Verdict.NO),
    ("Antibiotics usually aren't prescribed for acute bronchitis.", Verdict.NO),
    ("Aspirin for primary prevention of cardiovascular events should be avoided in most patients with LGIB.",
     Verdict.NO),
    ("The decision to initiate low-dose aspirin use in adults aged 60 to 69 years should be an individual one.",
     Verdict.UNCERTAIN),
    ("The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and harms "
     "of screening for vitamin D deficiency in asymptomatic adults.", Verdict.UNCERTAIN),
    ("The work group is unable to recommend for or against the use of physical agents.", Verdict.UNCERTAIN),
    ("The USPSTF does not recommend serologic screening for genital HSV infection in asymptomatic persons.",
     Verdict.NO),
    ("The USPSTF recommends vitamin D supplementation to prevent falls in community-dwelling adults aged 65 years "
     "or older who are at increased risk for falls.", Verdict.YES),
    ("In patients with established high-risk cardiovascular disease and a history of LGIB, aspirin used for "
     "secondary prevention should not be discontinued.", Verdict.YES),
    # (WHO on progestogen-only injectables for women at high risk of HIV: a double negative recommends)
    ("Women should not be denied the use of progestogen-only injectables because of concerns about the possible "
     "increased risk.", Verdict.YES),
])
def test_recommendation_polarity(text: str, verdict: Verdict) -> None:
    assert recommendation_polarity(text) is verdict


def _verdict(question: str, hits: list[Hit]) -> tuple[Verdict | None, tuple[str, ...]]:
    draft = ExtractiveGenerator().generate(question, hits, Audience.CLINICIAN)
    return draft.verdict, draft.notes


def test_a_guideline_that_finds_the_evidence_insufficient_gives_uncertain() -> None:
    hits = [
        _hit("ngc:10630#5", "Screening for vitamin D deficiency in adults: USPSTF recommendation statement.",
             "The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and "
             "harms of screening for vitamin D deficiency in asymptomatic adults. (I statement)"),
        _hit("ngc:10630#9", "Screening for vitamin D deficiency in adults: USPSTF recommendation statement.",
             "Screening may misclassify persons with a vitamin D deficiency because of the uncertainty about the "
             "cutoff."),
    ]
    verdict, notes = _verdict("Should adults be screened for vitamin D deficiency?", hits)
    assert verdict is Verdict.UNCERTAIN and any("insufficient" in n for n in notes)


def test_only_recommendations_that_name_the_question_vote() -> None:
    hits = [
        _hit("ngc:10126#7", "Osteoarthritis. Care and management in adults.",
             "Do not refer for arthroscopic lavage and debridement as part of treatment for knee osteoarthritis, "
             "unless the person has a clear history of mechanical locking."),
        _hit("ngc:10126#9", "Osteoarthritis. Care and management in adults.",
             "Offer exercise as a core treatment for people with osteoarthritis, irrespective of age."),
    ]
    verdict, _ = _verdict("Is arthroscopic lavage effective for knee osteoarthritis?", hits)
    assert verdict is Verdict.NO


def test_a_study_framed_question_keeps_its_study_conclusion() -> None:
    study = _hit("pmid:1#3", "", "Elective re-siting of intravenous cannulae every 48 hours results in a significant "
                 "reduction in the incidence and severity of peripheral venous thrombophlebitis.", kind=Kind.RCT,
                 section="CONCLUSIONS")
    guideline = _hit("ngc:2#4", "Prevention of infections related to peripheral intravenous cannulae.",
                     "Do not routinely replace peripheral intravenous cannulae more frequently than every 72 to 96 "
                     "hours to reduce the risk of phlebitis.")
    verdict, _ = _verdict("Does elective re-siting of intravenous cannulae decrease peripheral thrombophlebitis?",
                          [study, guideline])
    assert verdict is Verdict.YES


def test_a_consumer_page_does_not_outrank_research_snippets() -> None:
    snippet = _hit("bioasq:1#0", "", "Hemoglobin-derived peptides show antimicrobial activity against bacteria "
                   "and fungi.", kind=Kind.OTHER, section="")
    page = _hit("medquad:x#1", "Anemia", "Antimicrobial soaps are not needed to keep hemoglobin levels healthy.",
                kind=Kind.CONSUMER, section="What is anemia?")
    verdict, notes = _verdict("Is hemoglobin antimicrobial?", [snippet, page])
    assert verdict is Verdict.YES and not any("guideline" in n for n in notes)


def test_recommendations_for_different_groups_make_it_depend_on_the_group() -> None:
    title = ("Aspirin use for the primary prevention of cardiovascular disease and colorectal cancer: U.S. "
             "Preventive Services Task Force recommendation statement.")  # names a second disease too
    for_50s = _hit("uspstf:1#0", title, "The USPSTF recommends initiating low-dose aspirin use for the primary "
                   "prevention of cardiovascular disease in adults aged 50 to 59 years who have a 10% or greater "
                   "10-year CVD risk.")
    for_60s = _hit("uspstf:2#0", "Aspirin Use to Prevent Cardiovascular Disease: Adults 60 years or older",
                   "The USPSTF recommends against initiating low-dose aspirin use for the primary prevention of "
                   "cardiovascular disease in adults 60 years or older.")
    generator = ExtractiveGenerator()
    draft = generator.generate("Should aspirin be used for primary prevention of cardiovascular disease?",
                               [for_60s, for_50s], Audience.CLINICIAN)
    assert draft.verdict is Verdict.UNCERTAIN
    assert generator.last_verdict is not None and "differ by group" in generator.last_verdict.note


def test_a_consumer_page_without_a_recommendation_does_not_say_yes() -> None:
    page = _hit("medquad:1#3", "Kidney Disease", "Ibuprofen and naproxen are NSAIDs, but NSAIDs are sold under many "
                "different brand names. High blood pressure can damage the kidneys.", kind=Kind.CONSUMER,
                section="How can I protect my kidneys?")
    generator = ExtractiveGenerator()
    draft = generator.generate("Can I take ibuprofen with high blood pressure?", [page], Audience.PATIENT)
    assert draft.verdict is Verdict.UNCERTAIN
    assert recommendation_polarity("Ask your pharmacist or health care provider if the medicines you take are safe "
                                   "to use.") is Verdict.UNCERTAIN


def test_a_question_about_a_group_is_answered_by_what_is_said_of_that_group() -> None:
    # UMHS *Essential hypertension* (NGC 10401): a recommendation for almost all patients and a
    # contraindication in pregnancy; asked about pregnancy, only the second answers
    title = "Essential hypertension."
    everyone = _hit("ngc:10401#17", title, "Begin therapy with a thiazide diuretic, angiotensin converting enzyme "
                    "(ACE) inhibitor, or long-acting dihydropyridine calcium channel blocker (DHP CCB) for almost all "
                    "patients.", section="Recommendation [IA] — Treatment")
    pregnancy = _hit("ngc:10401#28", title, "Angiotensin converting enzyme (ACE) inhibitors and angiotensin II "
                     "receptor antagonists (ARBs) are contraindicated in pregnancy.", section="Contraindications")
    gen = ExtractiveGenerator()
    gen.generate("Can ACE inhibitors be used during pregnancy?", [everyone, pregnancy], Audience.CLINICIAN)
    assert gen.last_verdict is not None and gen.last_verdict.verdict is Verdict.NO
    assert recommendation_polarity("ACE inhibitors and ARBs are contraindicated in pregnancy.") is Verdict.NO


def test_the_group_a_recommendation_leaves_out_does_not_decide_and_the_bottom_line_agrees() -> None:
    # CTFPHC 2016 (NGC 10950): screen heavy smokers aged 55–74; do not screen all other adults
    title = "Recommendations on screening for lung cancer."
    section = "Summary of Recommendations for Clinicians and Policymakers"
    screen = _hit("ngc:10950#8", title, "The Task Force recommends screening for lung cancer among adults aged 55 to "
                  "74 years with at least a 30 pack-year smoking history, who smoke or quit smoking less than 15 years "
                  "ago, with low-dose computed tomography (CT) every year up to three consecutive years. (Weak "
                  "recommendation, low-quality evidence).", section=f"Recommendation [Weak] — {section}")
    others = _hit("ngc:10950#9", title, "The Task Force recommends not screening all other adults, regardless of "
                  "age, smoking history or other risk factors, for lung cancer with low-dose CT. (Strong "
                  "recommendation, very low-quality evidence).", section=f"Recommendation [Strong] — {section}")
    gen = ExtractiveGenerator()
    draft = gen.generate("Is low-dose CT screening for lung cancer recommended for adults with a heavy smoking "
                         "history?", [others, screen], Audience.CLINICIAN)
    assert gen.last_verdict is not None and gen.last_verdict.verdict is Verdict.YES
    assert draft.bottom_line.text.startswith("The Task Force recommends screening for lung cancer")


def test_a_degree_word_is_not_what_a_question_is_about() -> None:
    from curbside.answer.terms import Terms

    terms = Terms({"heavy": 6.1, "smok": 4.5, "ct": 3.6, "lung": 3.4})
    assert terms.key == "smok"  # "heavy smoking" is said "30 pack-years"
    assert Terms({"heavy": 1.0}).key == "heavy"


def test_whether_to_avoid_something_is_answered_by_whether_it_can_be_used() -> None:
    # (Osakidetza hypertension guideline, ngc:7748): "can be used" answers "should … be avoided?" with no
    hit = _hit("ngc:7748#136", "Clinical practice guidelines on arterial hypertension. 2007 update.",
               "In patients with asthma or COPD in mild or moderate phases, the cardioselective beta blockers can be "
               "used with precaution, whenever there is a firm indication for their use (ischaemic cardiopathy or "
               "congestive cardiac insufficiency) (grade B).",
               section="Recommendation [grade B] — Pharmacological Treatment in Special Situations")
    generator = ExtractiveGenerator()
    avoid = generator.generate("Should cardioselective beta-blockers be avoided in patients with COPD?", [hit],
                               Audience.CLINICIAN)
    use = generator.generate("Should cardioselective beta-blockers be used in patients with COPD?", [hit],
                             Audience.CLINICIAN)
    assert use.verdict is Verdict.YES and avoid.verdict is Verdict.NO


def test_a_page_on_a_childhood_disease_answers_for_children_without_saying_so() -> None:
    # (NINDS *Febrile Seizures*, medquad:NINDS:0000128): the page never says "children" in its advice
    page = _hit("medquad:NINDS:0000128#1", "Febrile Seizures",
                "A child who has a febrile seizure usually doesn't need to be hospitalized. Prolonged daily use of "
                "anti-seizure medicines is usually not recommended because of their potential for harmful side "
                "effects.", Kind.CONSUMER, section="What are the treatments for Febrile Seizures ?")
    draft = ExtractiveGenerator().generate("Should children with a simple febrile seizure be started on "
                                           "antiepileptic medication?", [page], Audience.CLINICIAN)
    assert draft.verdict is Verdict.NO


def test_recommendations_of_a_document_on_the_disease_vote_for_its_group() -> None:
    from curbside.answer.generators.extractive.guideline_vote import guideline_verdict

    question = "Should children with a simple febrile seizure be given daily anti-seizure medicines?"
    page = _hit("medquad:NINDS:0000128#1", "Febrile Seizures", "Prolonged daily use of anti-seizure medicines in "
                "febrile seizures is usually not recommended because of their potential for harmful side effects.",
                Kind.CONSUMER, section="What are the treatments for Febrile Seizures ?")
    found = ExtractiveGenerator().candidates(question, [page], Audience.CLINICIAN)
    result = guideline_verdict(found, (Kind.GUIDELINE, Kind.CONSUMER), frozenset({"children"}), disease=True)
    assert result is not None and result.verdict is Verdict.NO
    # without a disease to say what the document is about, a recommendation that does not name the group
    # does not answer for it
    assert guideline_verdict(found, (Kind.GUIDELINE, Kind.CONSUMER), frozenset({"children"})) is None


def test_avoiding_as_a_purpose_is_not_a_question_about_avoiding() -> None:
    from curbside.answer.generators.extractive.verdict import _ASKS_AVOIDANCE

    # (PubMedQA 24684514): "to avoid transfusion" is why, not what is asked
    assert not _ASKS_AVOIDANCE.search("Should all patients be optimized to the same preoperative hemoglobin level to "
                                      "avoid transfusion in primary knee arthroplasty?")
    assert _ASKS_AVOIDANCE.search("Should patients stop aspirin before surgery?")


PSA_TITLE = "Recommendations on screening for prostate cancer with the prostate-specific antigen test."


def test_what_is_said_of_another_age_group_does_not_answer_and_an_individual_decision_is_uncertain() -> None:
    # CTFPHC 2014 (ngc:10592) by age group; USPSTF 2018 (uspstf:60, grade C) for men aged 55 to 69
    under_55 = _hit("ngc:10592#7", PSA_TITLE, "For men aged less than 55 years, the Task Force recommends not "
                    "screening for prostate cancer with the prostate-specific antigen (PSA) test. (Strong "
                    "recommendation; low-quality evidence)", section="Recommendation [Strong recommendation; "
                    "low-quality evidence]")
    weak_no = _hit("ngc:10592#8", PSA_TITLE, "For men aged 55–69 years, the Task Force recommends not screening for "
                   "prostate cancer with the PSA test. (Weak recommendation; moderate-quality evidence)",
                   section="Recommendation [Weak recommendation; moderate-quality evidence]")
    individual = _hit("uspstf:60#0", "Prostate Cancer: Screening -- Men aged 55 to 69 years", "For men aged 55 to 69 "
                      "years, the decision to undergo periodic prostate-specific antigen (PSA)-based screening for "
                      "prostate cancer should be an individual one.", section="Recommendation (Grade C)")
    gen = ExtractiveGenerator()
    draft = gen.generate("Should men aged 55 to 69 be screened for prostate cancer with PSA testing?",
                         [weak_no, individual, under_55], Audience.CLINICIAN)
    assert gen.last_verdict is not None and gen.last_verdict.verdict is Verdict.UNCERTAIN
    assert "individual decision" in gen.last_verdict.note
    assert draft.bottom_line.text.startswith("For men aged 55 to 69 years, the decision to undergo")


def test_a_recommendation_for_adolescents_and_adults_including_pregnant_people_covers_adults() -> None:
    # USPSTF 2016 (ngc:11122): both statements say no
    title = "Final recommendation statement: genital herpes infection: serologic screening."
    against = _hit("ngc:11122#7", title, "The USPSTF recommends against routine serologic screening for genital "
                   "herpes simplex virus (HSV) infection in asymptomatic adolescents and adults, including those who "
                   "are pregnant (D recommendation).", section="Recommendation [D recommendation] — Summary of "
                   "Recommendation and Evidence")
    not_recommended = _hit("ngc:11122#9", title, "The USPSTF does not recommend serologic screening for genital HSV "
                           "infection in asymptomatic persons.", section="Major Recommendations — Screening Tests")
    verdict, _notes = _verdict("Should asymptomatic adults be screened for genital herpes with serologic testing?",
                               [against, not_recommended])
    assert verdict is Verdict.NO


def test_a_guideline_that_leads_without_a_recommendation_does_not_say_yes_to_using_a_treatment() -> None:
    # CPIC *Rasburicase therapy in the context of G6PD deficiency genotype* (NGC 10591, "Potential harms"): read as a
    # study's conclusion, its harms section had said yes to giving rasburicase to a G6PD-deficient patient
    title = ("Clinical Pharmacogenetics Implementation Consortium (CPIC) guidelines for rasburicase therapy in the "
             "context of G6PD deficiency genotype.")
    harms = _hit("ngc:10591#25", title, "Administration of rasburicase to G6PD-deficient patients has resulted in "
                 "cases of subsequent hemolytic anemia and methemoglobinemia, which can be fatal. Of course, tumor "
                 "lysis syndrome can itself be life-threatening, and alternative uric acid–lowering therapy, such as "
                 "allopurinol, may not be as efficacious as rasburicase at lowering uric acid levels and has other "
                 "potential side effects.", section="Potential harms")
    genetics = _hit("ngc:10591#7", title, "The G6PD gene is on the X chromosome (Xq28;ref.2). Genotype results "
                    "associated with G6PD deficiency may be reported as (i) hemizygous male (e.g., one class I–III "
                    "variant allele), (ii) homozygous female (two identical deficient class I–III alleles with the "
                    "same variant), and (iv) heterozygous female (one normal class IV allele and one deficient "
                    "class I–III allele) (Table 1, below).",
                    section="Major Recommendations — Genetic Test Interpretation")
    verdict, notes = _verdict("Can rasburicase be used to treat tumour lysis syndrome in a patient with known G6PD "
                              "deficiency?", [genetics, harms])
    assert verdict is not Verdict.YES and any("does not say yes or no" in n for n in notes)


def test_a_guidelines_background_read_as_a_conclusion_does_not_decide_either_way() -> None:
    # held-out check17: "Should I start levothyroxine in an asymptomatic 80-year-old …?" had read *Yes* from the
    # USPSTF's remark on how often levothyroxine is prescribed (NGC 10708), above a guideline on central
    # hypothyroidism (NGC 11225); the guideline that leads recommends nothing on what was asked
    central = _hit("ngc:11225#8", "Hormonal replacement in hypopituitarism in adults: an Endocrine Society clinical "
                   "practice guideline.", "The Task Force recommends measuring serum free thyroxine (T4) (fT4) and "
                   "thyroid-stimulating hormone (TSH) to evaluate central hypothyroidism (CH). An fT4 level below the "
                   "laboratory reference range in conjunction with a low, normal, or mildly elevated TSH in the "
                   "setting of pituitary disease usually confirms a CH diagnosis. (1|++++)\nIn patients with pituitary "
                   "disease and low-normal fT4 levels suspected to have mild CH, the Task Force suggests starting "
                   "levothyroxine (L-T4) if suggestive symptoms are present or following fT4 levels over time and "
                   "starting treatment if the fT4 level decreases by 20% or more. (2|+OOO)\nThe Task Force suggests "
                   "against using dynamic TSH-secretion testing to diagnose CH. (2|+++O)",
                   section="Major Recommendations — Central Hypothyroidism")
    prescribing = _hit("ngc:10708#16", "Screening for thyroid dysfunction: U.S. Preventive Services Task Force "
                       "recommendation statement.", "Data on the proportion of asymptomatic persons with thyroid "
                       "dysfunction who receive thyroid hormone therapy are lacking. However, given the high number of "
                       "prescriptions for levothyroxine dispensed in the United States and the low prevalence of "
                       "\"overt\" hypothyroidism and hyperthyroidism among persons in the general population (0.3% and "
                       "0.5%, respectively, only a small fraction of whom are symptomatic), it is reasonable to "
                       "conclude that many asymptomatic persons receive treatment.",
                       section="Major Recommendations — Suggestions for Practice Regarding the I Statement")
    verdict, notes = _verdict("Should I start levothyroxine in an asymptomatic 80-year-old with a TSH of 7.2 mU/L and "
                              "a normal free T4 on repeat testing?", [central, prescribing])
    assert verdict is Verdict.UNCERTAIN and any("does not say yes or no" in n for n in notes)


def test_whether_something_is_recommended_is_not_decided_by_a_health_page_alone() -> None:
    # (check19: GARD's page still calls graded exercise therapy beneficial; clinical guidance has since withdrawn it)
    page = _hit("medquad:GARD:0001318#4", "Chronic fatigue syndrome",
                "Graded exercise therapy can be beneficial because prolonged lack of exercise may worsen the symptoms "
                "of the condition and should be discouraged.", kind=Kind.CONSUMER, section="Treatment")
    question = "Is graded exercise therapy first-line for chronic fatigue syndrome?"
    verdict, notes = _verdict(question, [page])
    assert verdict is Verdict.UNCERTAIN and any("consumer health pages" in n for n in notes)
    # … what a patient may do is still read from the page
    assert _verdict("Can graded exercise therapy help chronic fatigue syndrome?", [page])[0] is Verdict.YES
