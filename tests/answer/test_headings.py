"""A heading that names the question's disease sets the topic of the sentences under it, as a reader
takes it, when the document is on the disease's parent: SIGN 143 *Epilepsy in adults* (ngc:10803)
under "Management of Prolonged Seizures Including Status Epilepticus". Under the heading
"Osteoporosis" in a guideline on lupus (ngc:11372) a sentence is still about those patients.
ACEP's seizure policy (ngc:10324) gives what to do after benzodiazepines fail. Texts from the shared
corpora."""

from __future__ import annotations

from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.records import Audience
from tests.answer.realtext import text_hit

SIGN = "Diagnosis and management of epilepsy in adults. A national clinical guideline."
PROLONGED = ("D - EEG should be used for confirming diagnosis of and monitoring treatment effect in patients with "
             "status epilepticus. EEG should be available as an emergency intervention for all patients with treated "
             "or suspected status epilepticus.\nImmediate Measures\nB - Patients with prolonged tonic-clonic seizures "
             "that have lasted five minutes or more should be given:\n- Midazolam 10 mg buccally or intranasally, or\n"
             "- Lorazepam 4 mg intravenously (IV) if midazolam is unavailable, or\n- Diazepam 10 mg IV or rectally if "
             "midazolam and lorazepam are unavailable\nIn-Hospital Treatment (Following Failure of Initial "
             "Benzodiazepine)\nB - Administer a repeat dose of benzodiazepine in hospital after 10 minutes if there is "
             "no response.")
ACEP = ("Clinical policy: critical issues in the evaluation and management of adult patients presenting to the "
        "emergency department with seizures.")
REFRACTORY = ("Emergency physicians may administer IV phenytoin, fosphenytoin, or valproate in ED patients with "
              "refractory status epilepticus who have failed treatment with benzodiazepines.")


def test_under_a_heading_on_the_disease_the_first_drugs_lead() -> None:
    hits = [text_hit("ngc:10324#9", ACEP, "Major Recommendations", REFRACTORY),
            text_hit("ngc:10803#20", SIGN, "Major Recommendations — Management of Prolonged Seizures Including "
                     "Status Epilepticus", PROLONGED)]
    gen = ExtractiveGenerator()
    draft = gen.generate("What is the first-line treatment for status epilepticus in adults?", hits,
                         Audience.CLINICIAN)
    assert draft.bottom_line.text.startswith("Patients with prolonged tonic-clonic seizures")
    assert "midazolam 10 mg buccally or intranasally" in draft.bottom_line.text
    [midazolam] = [c for c in gen.candidates("What is the first-line treatment for status epilepticus in adults?",
                                             hits, Audience.CLINICIAN) if "midazolam" in c.text]
    assert midazolam.titled and not midazolam.subgroup and not midazolam.elsewhere


def test_a_heading_on_the_disease_in_a_guideline_on_other_patients_is_about_those_patients() -> None:
    # (GuiaSalud SLE guideline, ngc:11372: its osteoporosis advice is for people with SLE)
    sle = text_hit("ngc:11372#68", "Clinical practice guideline on systemic lupus erythematosus.",
                   "Major Recommendations — Osteoporosis",
                   "GCP - For the estimation of fracture risk, including BMD, the GDG suggests following the "
                   "recommendations applied to the general population, with special diligence in case of additional "
                   "risk factors such as chronic treatment with glucocorticoids or menopause.")
    [c] = ExtractiveGenerator().candidates("What are the risk factors for osteoporosis?", [sle], Audience.CLINICIAN)
    assert c.subgroup and not c.titled
