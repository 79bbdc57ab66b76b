"""A small knowledge base written by the tests: a guideline, trials, a review, consumer pages."""

from __future__ import annotations

from pathlib import Path

from curbside.ingest import ingest_documents
from curbside.records import Document, Kind, Section
from curbside.store import Store

DOCUMENTS = [
    Document(
        id="test:hamstring-guideline", kind=Kind.GUIDELINE, source="test", year=2022,
        title="Management of proximal hamstring tendinopathy: clinical practice guideline",
        issuer="Society of Sports Physiotherapy", url="https://example.org/hamstring-guideline",
        sections=(
            Section("Major Recommendations",
                    "Clinicians should begin treatment of proximal hamstring tendinopathy with a structured "
                    "conservative programme of relative rest and progressive tendon loading (Strong recommendation "
                    "– Grade A). Eccentric and isometric hamstring exercises reduce pain in proximal hamstring "
                    "tendinopathy within 12 weeks. Avoid deep hip flexion stretching in the early phase because "
                    "it compresses the proximal hamstring tendon. Refer patients with proximal hamstring "
                    "tendinopathy to an orthopaedic surgeon when symptoms persist after 6 months of "
                    "conservative treatment."),
            Section("Pharmacologic Therapy",
                    "For pain in proximal hamstring tendinopathy, ibuprofen 400 mg three times daily for up to "
                    "14 days may be used. Corticosteroid injection for proximal hamstring tendinopathy gives "
                    "short-term pain relief only and repeated injections risk tendon rupture."),
        ),
    ),
    Document(
        id="pmid:1000001", kind=Kind.RCT, source="test", year=2019, pmid="1000001",
        title="Vitamin D supplementation and fractures in older adults: a randomised trial",
        issuer="Journal of Bone Research",
        sections=(
            Section("BACKGROUND", "Vitamin D supplementation is widely used to prevent fractures in older adults."),
            Section("METHODS", "We randomly assigned 2,000 adults aged 70 years or older to vitamin D or placebo."),
            Section("CONCLUSIONS",
                    "Vitamin D supplementation did not reduce the incidence of fractures in older adults "
                    "compared with placebo."),
        ),
    ),
    Document(
        id="pmid:1000002", kind=Kind.RCT, source="test", year=2021, pmid="1000002",
        title="Early mobilisation after hip fracture surgery: a randomised trial",
        issuer="Orthopaedic Trials",
        sections=(
            Section("METHODS", "Patients were randomised to early mobilisation within 24 hours or usual care."),
            Section("CONCLUSIONS",
                    "Early mobilisation after hip fracture surgery significantly reduced postoperative "
                    "complications and shortened hospital stay."),
        ),
    ),
    Document(
        id="medquad:shingles", kind=Kind.CONSUMER, source="test", title="Shingles", issuer="MedlinePlus",
        url="https://medlineplus.gov/shingles.html",
        sections=(
            Section("What are the symptoms of Shingles?",
                    "Early signs of shingles include burning or shooting pain and tingling or itching, usually "
                    "on one side of the body or face. A rash of blisters appears a few days later. See your "
                    "doctor right away if you think you have shingles, especially if the rash is near your eye."),
        ),
    ),
    Document(
        id="pmid:1000003", kind=Kind.OBSERVATIONAL, source="test", year=2015, pmid="1000003",
        title="Statin use and breast cancer survival: a cohort study", issuer="Cancer Epidemiology",
        sections=(
            Section("RESULTS", "Among 8,000 women with breast cancer, statin users had lower breast cancer "
                               "mortality."),
            Section("CONCLUSIONS", "Statin use after diagnosis was associated with reduced breast cancer "
                                   "mortality in women with breast cancer."),
        ),
    ),
]


def build(path: Path) -> Store:
    store = Store.open(path)
    ingest_documents(store, DOCUMENTS)
    return store
