"""Equivalent wordings, so coverage counts "high blood pressure" for "hypertension".

Three sources: a short curated list of clinical and lay equivalents and abbreviations (below; a
wording marked "=" counts for its group but does not make its word a key: "acute" counts for
"flare", yet a question about acute bronchitis is not about flares), the Disease Ontology's exact
synonyms (``data/diseases.txt``) and a drug brand's generic (``curbside.drug_names``). Used to measure
how well a passage or sentence covers a question — not to rewrite anything.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from curbside.answer.text import STOPWORDS, stem, tokenize
from curbside.drug_names import brand_generic
from curbside.spelling import joined_pairs

_CURATED = """
hypertension|high blood pressure|blood pressure|bp|htn|hypertensive
myocardial infarction|heart attack|mi|stemi|nstemi
stroke|cerebrovascular accident|cva|brain attack
type 2 diabetes|type 2 diabetes mellitus|t2dm|t2d|niddm|non-insulin-dependent diabetes
type 1 diabetes|type 1 diabetes mellitus|t1dm|t1d|iddm|insulin-dependent diabetes
diabetes|diabetes mellitus|diabetic|t2dm|t1dm|dm
acute kidney injury|aki|acute renal failure|acute kidney failure|acute renal injury
chronic hepatitis c|hepatitis c|hcv|hcv infection|hepatitis c virus infection
chronic hepatitis b|hepatitis b|hbv|chb|hbv infection|hepatitis b virus infection
heart failure|hf|chf|cardiac failure|congestive heart failure
atrial fibrillation|af|afib|a-fib
copd|chronic obstructive pulmonary disease|emphysema|chronic bronchitis
gerd|gastroesophageal reflux|acid reflux|heartburn|reflux
uti|urinary tract infection|cystitis
cancer|carcinoma|malignancy|tumor|tumour|neoplasm
kidney|renal|nephro
chronic kidney disease|ckd|renal failure|kidney failure|renal insufficiency
liver|hepatic
heart|cardiac|cardio
lung|pulmonary
children|child|pediatric|paediatric|kids|childhood
injury|trauma
exercise|physical activity|exercise training
elderly|older adults|older people|aged|seniors|geriatric
pregnancy|pregnant|gestation|gestational|antenatal|prenatal|obstetric
depression|depressive|mdd
adhd|attention deficit hyperactivity disorder
obesity|obese|overweight|bmi
high cholesterol|hypercholesterolemia|hyperlipidemia|dyslipidemia|ldl|cholesterol
dvt|deep vein thrombosis|venous thromboembolism|vte
pulmonary embolism|pe
hiv|human immunodeficiency virus|aids
tuberculosis|tb
flu|influenza
covid|covid-19|sars-cov-2|coronavirus
acetaminophen|paracetamol|tylenol
ibuprofen|advil|motrin
aspirin|acetylsalicylic acid
medicine|medication|drug|medicines|pharmacologic|pharmacological
treatment|therapy|management|manage|treat|therapeutic
side effects|adverse effects|adverse events|adverse reactions|toxicity
dose|dosage|dosing
kidney stones|nephrolithiasis|urolithiasis|renal calculi
ear infection|otitis media
pink eye|conjunctivitis
shingles|herpes zoster
prognosis|outlook|=survival|=survive|=die|=mortality|=life expectancy|=recover
earwax|ear wax|cerumen
raynaud phenomenon|raynaud disease|raynaud syndrome
emetogenic|emetic risk|high-emetic-risk|emetic
febrile seizure|febrile seizures|febrile convulsion|febrile convulsions
focal epilepsy|partial epilepsy|focal seizures|focal onset seizures|partial seizures|partial onset seizures
heavy menstrual bleeding|menorrhagia
trichomoniasis|trichomonas vaginalis|trichomonas infection
primary adrenal insufficiency|addison's disease|addison disease
pheochromocytoma|phaeochromocytoma|ppgl|pheochromocytoma and paraganglioma
herpes|herpes simplex|cold sore|cold sores|oral herpes|hsv
chickenpox|varicella
sore throat|pharyngitis
cold sores|herpes labialis
hives|urticaria
eczema|atopic dermatitis
stomach|gastric
bowel|intestinal|colon
blood thinner|anticoagulant|anticoagulation
antiepileptic|anticonvulsant|anti-seizure|antiseizure|aed
vaccine|vaccination|immunization|immunisation
lumbar puncture|lp|spinal tap
amniotic fluid|liquor
plagiocephaly|flat spot|flat head
aciclovir|acyclovir
valaciclovir|valacyclovir
adrenaline|epinephrine
noradrenaline|norepinephrine
ciclosporin|cyclosporine|cyclosporin
rifampicin|rifampin
lignocaine|lidocaine
glyceryl trinitrate|nitroglycerin|nitroglycerine
colecalciferol|cholecalciferol
frusemide|furosemide
birth control|contraception|contraceptive
combined oral contraceptive pill|combined oral contraceptive|combined pill|estrogen-containing contraceptive
women|woman
cardiac arrest|sudden cardiac arrest|cardiopulmonary arrest
low back pain|lumbar pain|back pain
osteoarthritis|oa|degenerative joint disease
rheumatoid arthritis|ra
multiple sclerosis|ms
amyotrophic lateral sclerosis|als|motor neuron disease
lupus|sle|systemic lupus erythematosus
inflammatory bowel disease|ibd
irritable bowel syndrome|ibs
hypothyroidism|underactive thyroid
hyperthyroidism|overactive thyroid
mortality|death|survival|die
effective|efficacy|effectiveness|benefit|efficacious
flare|attack|exacerbation|flare-up|flares|attacks|acute flare|acute attack|acute exacerbation|=acute
acute otitis media|aom
otitis media with effusion|ome
community-acquired pneumonia|cap
helicobacter pylori|h. pylori|h pylori|hp
heart failure with reduced ejection fraction|hfref|systolic heart failure
chronic obstructive pulmonary disease|copd
benign prostatic hyperplasia|bph|lower urinary tract symptoms|luts
group b strep|group b streptococcus|group b streptococcal|gbs
strep|streptococcus|streptococcal|streptococci
theatre|operating room|surgery|operation
fluid behind the eardrum|fluid behind the eardrums|fluid behind both eardrums|middle ear effusion|ome|glue ear
"""


def _phrase_stems(phrase: str) -> frozenset[str]:
    return frozenset(stem(t) for t in tokenize(phrase))


def _key(phrase: str) -> str:
    """Lookup key of a phrase: its tokens, a plural "s" dropped from each."""
    return " ".join(t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t
                    for t in tokenize(phrase))


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, int], list[list[str]]]:
    """Phrase key → group number, and the groups (curated first, then the Disease Ontology)."""
    groups: list[list[str]] = [line.split("|") for line in _CURATED.strip().splitlines()]
    text = files("curbside.answer").joinpath("data/diseases.txt").read_text(encoding="utf-8")
    groups += [line.split("\t") for line in text.splitlines() if line and not line.startswith("#") and "\t" in line]
    index: dict[str, int] = {}
    for n, group in enumerate(groups):
        for phrase in group:
            if not phrase.startswith("="):  # "=acute": a wording of the group, never a key ("acute
                index.setdefault(_key(phrase), n)  # bronchitis" is not a flare)
    return index, groups


@lru_cache(maxsize=4096)
def _forms(group: int) -> tuple[frozenset[str], ...]:
    forms = {_phrase_stems(p.removeprefix("=")) for p in _groups()[1][group] if p.strip()}
    forms.discard(frozenset())
    return tuple(sorted(forms, key=sorted))


def alternatives(terms: list[str]) -> dict[str, tuple[frozenset[str], ...]]:
    """For each question term's stem that belongs to a known phrase (longest match first), the
    stem sets of that phrase's equivalent wordings."""
    index, _ = _groups()
    keys = [_key(t) for t in terms]
    out: dict[str, tuple[frozenset[str], ...]] = {}
    taken: set[int] = set()
    for n in (4, 3, 2, 1):
        for i in range(len(keys) - n + 1):
            window = range(i, i + n)
            if taken.intersection(window):
                continue
            group = index.get(" ".join(keys[i : i + n]))
            if group is not None:
                taken.update(window)
                for j in window:
                    out[stem(terms[j])] = _forms(group)
    # a brand is covered by its generic ("Valtrex" by valacyclovir), as the literature names it
    for term in terms:
        if (generic := brand_generic(term)) is not None and (forms := _phrase_stems(generic) - STOPWORDS):
            out[stem(term)] = (*out.get(stem(term), (frozenset({stem(term)}),)), frozenset(forms))
    # "post", "traumatic" (a hyphenated word split into terms) are covered by "posttraumatic",
    # which is how content stems read the same word hyphenated or joined
    for i, joined in joined_pairs(terms):
        for j in (i, i + 1):
            out[stem(terms[j])] = (*out.get(stem(terms[j]), ()), frozenset({stem(joined)}))
    return out
