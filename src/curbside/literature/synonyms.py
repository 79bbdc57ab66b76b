"""Clinical synonyms and abbreviations for PubMed queries.

PubMed's own Automatic Term Mapping already expands an untagged term to its MeSH heading and
entry terms (``heart attack`` → ``"myocardial infarction"[MeSH]``), so this list only covers
what ATM handles poorly: bedside abbreviations (``HTN``, ``AF``, ``T2DM``) and a few lay or
British terms. Each group is one concept; a query ORs the members it finds.
"""

from __future__ import annotations

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("hypertension", "high blood pressure", "htn"),
    ("blood pressure", "bp"),
    ("myocardial infarction", "heart attack", "mi"),
    ("atrial fibrillation", "afib", "af"),
    ("heart failure", "cardiac failure", "chf", "hf"),
    ("coronary artery disease", "coronary heart disease", "cad", "chd"),
    ("stroke", "cerebrovascular accident", "cva"),
    ("type 2 diabetes", "type 2 diabetes mellitus", "t2dm", "t2d"),
    ("type 1 diabetes", "type 1 diabetes mellitus", "t1dm", "t1d"),
    ("chronic obstructive pulmonary disease", "copd"),
    ("chronic kidney disease", "ckd"),
    ("acute kidney injury", "aki"),
    ("urinary tract infection", "uti"),
    ("deep vein thrombosis", "deep venous thrombosis", "dvt"),
    ("pulmonary embolism", "pe"),
    ("venous thromboembolism", "vte"),
    ("gastroesophageal reflux disease", "gastro-oesophageal reflux disease", "gerd", "gord", "acid reflux"),
    ("irritable bowel syndrome", "ibs"),
    ("inflammatory bowel disease", "ibd"),
    ("obstructive sleep apnea", "obstructive sleep apnoea", "osa"),
    ("attention deficit hyperactivity disorder", "adhd"),
    ("post-traumatic stress disorder", "ptsd"),
    ("major depressive disorder", "mdd"),
    ("rheumatoid arthritis", "ra"),
    ("osteoarthritis", "oa"),
    ("low back pain", "lbp"),
    ("urinary incontinence", "ui"),
    ("benign prostatic hyperplasia", "bph"),
    ("polycystic ovary syndrome", "pcos"),
    ("human immunodeficiency virus", "hiv"),
    ("influenza", "flu"),
    ("angiotensin-converting enzyme inhibitors", "ace inhibitors", "acei"),
    ("angiotensin receptor blockers", "angiotensin ii receptor blockers", "arbs", "arb"),
    ("nonsteroidal anti-inflammatory drugs", "nsaids", "nsaid"),
    ("selective serotonin reuptake inhibitors", "ssris", "ssri"),
    ("proton pump inhibitors", "ppis", "ppi"),
    ("statins", "hydroxymethylglutaryl-coa reductase inhibitors"),
    ("direct oral anticoagulants", "doacs", "doac", "noacs"),
    ("sglt2 inhibitors", "sodium-glucose cotransporter 2 inhibitors", "gliflozins"),
    ("glp-1 receptor agonists", "glucagon-like peptide-1 receptor agonists"),
    ("acetaminophen", "paracetamol"),
    ("epinephrine", "adrenaline"),
    ("anemia", "anaemia"),
)

_INDEX: dict[str, tuple[str, ...]] = {}
for _group in SYNONYM_GROUPS:
    for _member in _group:
        _INDEX.setdefault(_member, _group)
MAX_PHRASE_WORDS = max(len(m.split()) for g in SYNONYM_GROUPS for m in g)


def synonym_group(phrase: str) -> tuple[str, ...]:
    """The group ``phrase`` (lower-case) belongs to, or (); a plural or singular form also matches."""
    found = _INDEX.get(phrase) or _INDEX.get(phrase + "s")
    if not found and phrase.endswith("s") and len(phrase) > 3:
        found = _INDEX.get(phrase[:-1])
    return found or ()
