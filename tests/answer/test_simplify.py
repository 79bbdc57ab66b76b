"""Plainer patient answers: asides for specialists dropped, semicolon- and conjunction-joined
clauses split, everyday words for formal ones — and only where the bullet still verifies."""

from __future__ import annotations

import pytest

from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.readability import fk_grade
from curbside.answer.simplify import drop_asides, simplify_draft, split_conjoined, split_semicolons
from curbside.records import Audience, Document, Hit, Kind, Passage, Section
from tests.answer.realtext import hits


@pytest.mark.parametrize(("text", "plain"), [
    # evidence grades and strengths of recommendation
    ("The use of ACEI is recommended as the initial treatment for hypertensive patients (grade A).",
     "The use of ACEI is recommended as the initial treatment for hypertensive patients."),
    ("Preoperative chlorhexidine showers and mouth washes should be considered ((Level of evidence C)).",
     "Preoperative chlorhexidine showers and mouth washes should be considered."),
    ("Aspirin should be avoided in most patients with LGIB (Strong recommendation, low-quality evidence).",
     "Aspirin should be avoided in most patients with LGIB."),
    ("Data are insufficient to support buspirone use in treating TDD (Level U, 1 Class III study).",
     "Data are insufficient to support buspirone use in treating TDD."),
    ("Gabapentin (III, B) or pregabalin may be used (IIb, B)", "Gabapentin or pregabalin may be used."),
    ("Symptoms of pain or fever are required to make a diagnosis of AOM [I, D].",
     "Symptoms of pain or fever are required to make a diagnosis of AOM."),
    ("The Work Group recommends thiazide-type diuretics (Strong for).",
     "The Work Group recommends thiazide-type diuretics."),
    # statistics that only support the finding the sentence states
    ("Varenicline was superior to single forms of NRT (OR 1.57; 95% CredI 1.29 to 1.91).",
     "Varenicline was superior to single forms of NRT."),
    ("A study found that 81% (30 of 37) of relapses were found by patients.",
     "A study found that 81% of relapses were found by patients."),
    # references and pointers
    ("Pacing is not indicated for new bundle branch block (Hindman et al., 1978; Col & Weinberg, 1972).",
     "Pacing is not indicated for new bundle branch block."),
    ("Prescribing methadone is complex (see the \"Potential Harms\" field).", "Prescribing methadone is complex."),
    # an abbreviation defined and never used again
    ("The USPSTF recommends screening adults with office blood pressure measurement (OBPM).",
     "The USPSTF recommends screening adults with office blood pressure measurement."),
    ("Cold sores are caused by a contagious virus called herpes simplex virus (HSV).",
     "Cold sores are caused by a contagious virus called herpes simplex virus."),
])
def test_asides_for_specialists_are_dropped(text: str, plain: str) -> None:
    assert drop_asides(text) == plain


@pytest.mark.parametrize("text", [
    "Drink more fluids (for example, water or juice) when you have a fever.",  # an example: concrete words
    "Try an antihistamine (such as loratadine or cetirizine) first.",
    "Azithromycin (Zithromax) may be used for 3 days.",  # a brand name patients know
    "Ceftriaxone (Rocephin; 1-3 doses) may help.",  # a dose
    "Dizziness or vertigo (a spinning sensation) is common.",  # a plain explanation
    "Do not use opioids for chronic pain (Strong against).",  # a direction is never dropped
    "Give antibiotics (not for viral infections) when bacteria are the cause.",
    "The ADR was 26.2% with Golytely and 16.1% with MiraLAX (P = 0.091).",  # may be chance: kept
    "Bupropion and NRT showed equal efficacy (OR 0.99; 95% CredI 0.86 to 1.13).",
    "Golytely had a higher rate of a good score (82.5% vs. MiraLAX 67.8%, P=0.02).",  # the comparison
    "Take 1 tablet (or 2 tablets if needed) daily.",
    "Methylenedioxymethamphetamine (MDMA), also known as Ecstasy, is a stimulant.",  # the name people know
    "Treatment with adalimumab (HUMIRA) helps.",  # not an abbreviation of the words before it
    "Moderate exercise (Moderate) helps.",
    "(Modified from 2004 guidance.) Offer thiazides.",
])
def test_asides_that_tell_a_patient_something_are_kept(text: str) -> None:
    assert drop_asides(text) == text


def test_an_abbreviation_used_elsewhere_keeps_its_definition() -> None:
    text = "Genital herpes is caused by a herpes simplex virus (HSV)."
    assert drop_asides(text, ["HSV type 1 causes cold sores."]) == text
    assert drop_asides(text, [], question="what does hsv do") == text  # the reader asked about it
    assert drop_asides("Herpes simplex virus (HSV) is common; HSV stays in the body.") == \
        "Herpes simplex virus (HSV) is common; HSV stays in the body."


@pytest.mark.parametrize(("text", "split"), [
    ("The signs and symptoms of lupus differ from person to person; the disease can range from mild to life "
     "threatening.",
     "The signs and symptoms of lupus differ from person to person. The disease can range from mild to life "
     "threatening."),
    ("Medications may also include beta-blockers; however, in some individuals, beta-blockers may be harmful.",
     "Medications may also include beta-blockers. However, in some individuals, beta-blockers may be harmful."),
    # list items, a colon's list, alternatives, short halves and brackets: unchanged
    ("Symptoms include fever; cough; and rash.", "Symptoms include fever; cough; and rash."),
    ("You should: rest in bed for two days; drink plenty of water every day.",
     "You should: rest in bed for two days; drink plenty of water every day."),
    ("Take the tablet with food each morning; or take it at night with milk.",
     "Take the tablet with food each morning; or take it at night with milk."),
    ("Rest helps most; most people recover within a week.", "Rest helps most; most people recover within a week."),
    ("Some drugs (these are rare; most people never need them) cause harm to the liver.",
     "Some drugs (these are rare; most people never need them) cause harm to the liver."),
])
def test_semicolon_joined_clauses_become_sentences(text: str, split: str) -> None:
    assert split_semicolons(text) == split


def test_splitting_and_dropping_lower_the_grade() -> None:
    before = ("Neonatal toxicity has been reported in breastfeeding infants whose mothers are taking codeine; "
              "previous guidelines have recommended that codeine be avoided (grade B).")
    after = split_semicolons(drop_asides(before))
    assert after.count(".") == 2 and "grade" not in after
    assert fk_grade(after) < fk_grade(before) - 2


def _hit(text: str) -> Hit:
    document = Document(id="ngc:10953", kind=Kind.GUIDELINE, title="Opioid guideline", source="ngc",
                        sections=(Section("Recommendations", text),))
    return Hit(Passage("ngc:10953#27", "ngc:10953", 27, "Recommendations", text, 0, len(text)), document, 1.0)


def test_a_simplified_bullet_must_still_verify_or_it_keeps_its_wording() -> None:
    # an NGC passage with its list run into one line: the items are not split into sentences, so the two
    # halves read as a paraphrase of one long sentence that contains "should not be used" — the split
    # bullet would not verify as a whole (on separate lines each item is its own sentence)
    passage = (
        "- Multiple guidelines recommend acetaminophen as first-line pharmacotherapy for osteoarthritis or for low "
        "back pain but note that it should be avoided in liver failure. "
        "- Ultrarapid detoxification under anesthesia is associated with substantial risks, including death, and "
        "should not be used. "
        "- Neonatal toxicity and death have been reported in breastfeeding infants whose mothers are taking codeine; "
        "previous guidelines have recommended that codeine be avoided whenever possible among mothers who are "
        "breast feeding and, if used, should be limited to the lowest possible dose and to a 4-day supply.")
    quoted = passage.rsplit("- ", 1)[1]
    plain = DraftBullet("Lupus differs from person to person; the disease can range from mild to life threatening.",
                        (2,))
    lupus = _hit("Lupus differs from person to person; the disease can range from mild to life threatening.")
    draft = Draft(bottom_line=DraftBullet(quoted, (1,)), sections=(DraftSection("Evidence", (plain,)),))
    out = simplify_draft(draft, [_hit(passage), lupus])
    assert out.bottom_line.text == quoted
    assert out.sections[0].bullets[0].text == ("Lupus differs from person to person. The disease can range from mild "
                                               "to life threatening.")
    assert out.sections[0].bullets[0].evidence == (2,)


def test_patient_answers_lose_grade_tags_clinician_answers_keep_them() -> None:
    evidence = hits("ngc:7748#17", "ngc:10598#44")
    generator = ExtractiveGenerator()
    question = "What is the first-line treatment for hypertension?"
    patient = generator.generate(question, evidence, Audience.PATIENT)
    clinician = generator.generate(question, evidence, Audience.CLINICIAN)

    def texts(draft: Draft) -> list[str]:
        return [draft.bottom_line.text, *(b.text for s in draft.sections for b in s.bullets)]

    assert any("(grade A)" in t for t in texts(clinician))
    assert not any("(grade" in t for t in texts(patient))
    assert any("recommended independently of gender." in t for t in texts(patient))


@pytest.mark.parametrize(("text", "split"), [
    ("Adults can also take aspirin, but children with fevers should not take aspirin.",
     "Adults can also take aspirin. But children with fevers should not take aspirin."),
    ("High blood cholesterol itself does not cause symptoms, so many people don't know that they have it.",
     "High blood cholesterol itself does not cause symptoms. So many people don't know that they have it."),
    ("Marfan syndrome can be mild to severe, and the symptoms can vary.",
     "Marfan syndrome can be mild to severe. The symptoms can vary."),
    # a condition that governs both clauses, a list before, no subject of its own, brackets: unchanged
    ("If you have diabetes you should check your feet, and you should see a doctor.",
     "If you have diabetes you should check your feet, and you should see a doctor."),
    ("Fever, cough and rash are common, but they usually go away.",
     "Fever, cough and rash are common, but they usually go away."),
    ("The drug lowers blood pressure, and may cause dizziness in some people.",
     "The drug lowers blood pressure, and may cause dizziness in some people."),
    ("Symptoms of BOS may begin at any age, but most often present before age 10.",
     "Symptoms of BOS may begin at any age, but most often present before age 10."),
    ("Some drugs (these are rare in practice, but they can be harmful) affect the liver.",
     "Some drugs (these are rare in practice, but they can be harmful) affect the liver."),
])
def test_conjoined_clauses_become_sentences(text: str, split: str) -> None:
    assert split_conjoined(text) == split


def _consumer(text: str) -> Hit:
    document = Document(id="medquad:hps", kind=Kind.CONSUMER, title="Hantavirus pulmonary syndrome", source="medquad",
                        sections=(Section("What is HPS?", text),))
    return Hit(Passage("medquad:hps#0", "medquad:hps", 0, "What is HPS?", text, 0, len(text)), document, 1.0)


def test_plain_words_must_verify_or_the_bullet_keeps_the_formal_word() -> None:
    long = "Approximately 38% of individuals with hantavirus pulmonary syndrome do not survive the illness."
    short = "Individuals recover (grade B)."  # "People recover." shares one word of two with its source
    draft = Draft(bottom_line=DraftBullet(long, (1,)), sections=(DraftSection("Outlook", (DraftBullet(short, (2,)),)),))
    out = simplify_draft(draft, [_consumer(long), _consumer(short)])
    assert out.bottom_line.text == "About 38% of people with hantavirus pulmonary syndrome do not survive the illness."
    assert out.sections[0].bullets[0].text == "Individuals recover."  # the aside still goes
    # the answer says that a statement's words were swapped (the dropped aside is not a rewording)
    assert [n for n in out.notes if "everyday words" in n] == [
        "1 statement(s) put in everyday words (for example “approximately” → “about”); the cited sources have the "
        "original wording"]


def test_patient_answers_get_plain_words_clinician_answers_do_not() -> None:
    text = ("Hantavirus pulmonary syndrome (HPS) is a severe, sometimes fatal, respiratory disease in humans caused "
            "by infection with hantaviruses. Individuals who work in barns and sheds are frequently exposed to "
            "rodent droppings.")
    generator = ExtractiveGenerator()
    question = "Who gets hantavirus pulmonary syndrome?"

    def texts(audience: Audience) -> list[str]:
        draft = generator.generate(question, [_consumer(text)], audience)
        return [draft.bottom_line.text, *(b.text for s in draft.sections for b in s.bullets)]

    assert "People who work in barns and sheds are often exposed to rodent droppings." in texts(Audience.PATIENT)
    assert all(t in text for t in texts(Audience.CLINICIAN))  # quoted as written
