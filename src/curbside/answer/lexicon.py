"""Is this a medical question, and what is it about? A small vocabulary, no model.

Four signals mark a question as medical: a disease name from the Human Disease Ontology
(``data/diseases.txt``, names and exact synonyms), a word from the curated clinical vocabulary below, medical word
morphology (``-itis``, ``-ectomy``, drug-name stems such as ``-pril``, ``-mab``, ``-statin``), or a drug's
name, brand names included (``curbside.drug_names``: "Valtrex", "Lexapro").
Non-medical cues (recipes, sport, finance, programming …) count against. The final decision
also looks at how well the knowledge base covers the question (see ``answer/evidence.py``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from curbside import spelling
from curbside.answer import text as text_module
from curbside.answer.text import STOPWORDS, stem, tokenize
from curbside.disk_cache import code_digest, digest, load_or_build
from curbside.drug_names import generic_of
from curbside.sentences import sentences
from curbside.spelling import joined_pairs, spelling_variants

_CLINICAL_WORDS = """
abdomen abdominal ablation abscess absorption abuse ache acid acute addiction adherence adjuvant
admission adolescent adrenal adverse aetiology airway alcohol allergen allergic allergy ambulance
amputation anaesthesia anaesthetic analgesia analgesic anatomy anesthesia anesthetic aneurysm angina
angiography ankle antibiotic antibody anticoagulant anticoagulation antidepressant antigen
antihistamine antiviral anxiety aorta aortic apnea apnoea appendix arrhythmia artery arthritis
arthroplasty aspirin asthma asymptomatic atrial autoimmune bacteria bacterial biomarker biopsy
birth bladder bleed bleeding blister blood bone bowel brain breast breath breathing breathless
bronchial bruise burn caesarean calcium cancer carcinoma cardiac cardiology cardiovascular
cartilage catheter cell cervical cesarean chemotherapy chest child childbirth cholesterol chronic
clinic clinical clinician clot cognitive colon colonoscopy coma comorbidity complication conception
concussion condom congenital constipation contagious contraception contraceptive contraindication
coronary cough covid cramp cure cyst deficiency dehydration delirium dementia dental dentist
depression dermatitis diabetes diagnose diagnosis diagnostic dialysis diarrhea diarrhoea diet
dietary disability discharge disease disorder dizziness doctor dosage dose dosing drug dyspnea
dyspnoea ear eczema edema efficacy elderly embolism emergency endocrine endoscopy enzyme epidemic epidural
epidemiology epilepsy estrogen exercise eye faint fatigue fertility fetal fetus fever fibrosis
fluid fracture fungal gait gallbladder gastric gene genetic genome gland glucose gut gynecology
haemorrhage headache healing health hearing heart hemorrhage hepatic hepatitis hereditary hernia
hip hiv hormone hospital hospitalization hygiene hypertension hypotension icu illness imaging
immune immunity immunization immunotherapy implant incidence incision incontinence infant infarction
infection infectious infertility inflammation inflammatory influenza inhaler injection injury
insomnia insulin insurance intensive intervention intestinal intestine intravenous intubation itch
itching joint kidney labor labour laceration lesion leukemia ligament lipid liver lump lung lymph
malignancy malignant mammography medical medication medicine menopause menstrual menstruation
metabolic metastasis metastatic microbiome migraine miscarriage morbidity mortality mouth mri muscle
mutation nausea neonatal neonate nerve neurological neurology newborn nurse nursing nutrition
obesity obstetric oncology operation opioid oral organ orthopedic osteoporosis outpatient overdose
oxygen pain painful palliative palpitation pancreas pandemic paralysis parasite pathogen pathology
patient pediatric pelvic penicillin pharmacist pharmacy physician physiotherapy pill placebo
plasma platelet pneumonia poison poisoning postoperative pregnancy pregnant prenatal prescription
prevalence prognosis prophylaxis prostate protein psychiatric psychiatry psychological psychotherapy
pulmonary pulse radiation radiotherapy rash receptor recovery rectal rehabilitation relapse remission
renal respiratory resuscitation retina risk scan screening sedation seizure sepsis serum sexual
sickness side skin sleep smoking spinal spine sprain stent steroid stomach stroke suicidal suicide
supplement surgeon surgery surgical swallowing swelling symptom symptomatic syndrome syringe tablet
teeth tendon tendinopathy therapeutic therapy throat thyroid tissue tooth toxicity toxin transfusion
transplant transplantation trauma treat treatment tremor trial tuberculosis tumor tumour ulcer
ultrasound urinary urine uterus womb fibroid fibroids vaccination vaccine vaccinate vascular vein viral virus vitamin
grommet grommets
vomit vomiting wound xray inhibitor inhibit enzyme protein receptor kinase antigen mutation allele
genotype phenotype chromosome transcription expression pathway apoptosis cytokine lymphocyte
macrophage neutrophil hemoglobin haemoglobin anemia anaemia sugar weight bmi overweight
immunosuppressant immunosuppressive antifungal antibacterial antiseptic antipsychotic anticonvulsant
antiemetic ointment suppository nipple
""".split()

# common drug names (generic): a question that names one is medical; a claim that names one must have it
# in its cited passages (support.py)
DRUG_NAMES = frozenset(
    """aspirin metformin insulin warfarin heparin ibuprofen acetaminophen paracetamol naproxen morphine
    codeine tramadol fentanyl oxycodone methadone buprenorphine naloxone lithium digoxin amiodarone
    clopidogrel ticagrelor prasugrel levothyroxine prednisone prednisolone dexamethasone hydrocortisone
    amoxicillin penicillin doxycycline azithromycin vancomycin metronidazole nitrofurantoin trimethoprim
    gabapentin pregabalin carbamazepine valproate lamotrigine levetiracetam phenytoin topiramate
    sertraline fluoxetine citalopram escitalopram paroxetine venlafaxine duloxetine bupropion
    mirtazapine trazodone amitriptyline quetiapine olanzapine risperidone aripiprazole haloperidol
    clozapine diazepam lorazepam alprazolam clonazepam zolpidem melatonin spironolactone amlodipine
    nifedipine diltiazem verapamil nitroglycerin ezetimibe colchicine allopurinol febuxostat
    methotrexate hydroxychloroquine sulfasalazine azathioprine cyclosporine tacrolimus mycophenolate
    ondansetron metoclopramide loperamide epinephrine adrenaline norepinephrine dopamine dobutamine
    vasopressin albuterol salbutamol tiotropium budesonide fluticasone theophylline ivermectin
    chloroquine artemisinin quinine isoniazid rifampin rifampicin ethambutol pyrazinamide nystatin
    terbinafine tamoxifen letrozole anastrozole cyclophosphamide estradiol progesterone testosterone
    finasteride tamsulosin oxytocin misoprostol mifepristone semaglutide tirzepatide ketamine propofol
    dexmedetomidine midazolam alteplase tenecteplase streptokinase botulinum""".split()
)
_MORPHOLOGY = re.compile(
    r"(itis|osis|emia|aemia|oma|omas|ectomy|ectomised|ectomized|otomy|ostomy|plasty|scopy|graphy|pathy|algia|uria|penia|"
    r"cytosis|plasia|trophy|tripsy|rrhaphy|pexy|centesis|plegia|paresis|ectasia|megaly|lysis|genic|"
    r"cardia|pnea|pnoea|mab|nib|pril|sartan|olol|statin|azole|cillin|mycin|cycline|floxacin|vir|"
    r"xaban|gatran|gliptin|gliflozin|dipine|prazole|tidine|triptan|setron|zepam|zolam|parin|lukast|"
    r"terol|olone|sone|profen|coxib|tropin|formin|glitazone|semide|thiazide|caine|dronate|lol|"
    r"talopram|oxetine|faxine|triptyline|pramine|azepam|idone|apine)$"
)
_NON_MEDICAL = frozenset("""
won win winner winners championship cup league
recipe recipes bake baking cook cooking oven cake bread pizza restaurant football soccer basketball
baseball cricket tennis golf score scores stock stocks shares invest investing investment bitcoin
crypto mortgage loan tax taxes salary capital country countries president election elections weather
forecast movie movies film films actor actress song songs lyrics poem poetry novel guitar piano
python javascript java code coding programming compile compiler software laptop computer iphone
android car cars engine tyre tire flight flights hotel travel vacation holiday paint painting garden
gardening lawn plumbing furniture wedding dating chess puzzle joke jokes translate translation
""".split())


_MEDICINE_TAKING = re.compile(r"\b(?:can|could|should|may|is it (?:ok|okay|safe) to) (?:i|we|you|he|she|they) "
                              r"(?:take|use|give)\b|\bat the same time\b|\bside (?:effects?|affects?)\b",
                              re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MedicalSignal:
    medical: tuple[str, ...]  # words or phrases that look medical
    non_medical: tuple[str, ...]  # words that point elsewhere

    @property
    def score(self) -> int:
        return len(self.medical) - len(self.non_medical)


# Everyday names of common conditions that the 2016 Disease Ontology build lacks (it has "type 2
# diabetes mellitus", not "type 2 diabetes"; "gout" is left out as a short word; "heart failure",
# "sepsis", "copd" are missing): without them a question about gout names no disease. (… nor conditions guidelines
# are written about: "aortic dissection", "breech presentation"; the whole list of NGC's condition names moved too
# many answers, docs/answers.md "Session 12")
_COMMON_CONDITIONS = """
type 2 diabetes|type 1 diabetes|diabetes|gestational diabetes|prediabetes|heart failure|low back pain|back pain|
neck pain|gout|helicobacter pylori infection|h pylori infection|copd|sepsis|septic shock|depression|
major depression|anxiety|anxiety disorder|delirium|deep vein thrombosis|venous thromboembolism|angina|
hyperlipidemia|hypercholesterolemia|seizures|headache|tension headache|concussion|insomnia|gerd|
peptic ulcer|peptic ulcer disease|urinary incontinence|benign prostatic hyperplasia|acne|covid-19|covid|hiv|
hiv infection|strep throat|tendinopathy|hip fracture|adhd|ptsd|alcohol use disorder|opioid use disorder|
substance use disorder|acute kidney injury|hearing loss|anaphylaxis|hives|urticaria|sickle cell disease|
hemophilia|chronic pain|cancer pain|overweight|heart disease|cardiovascular disease|coronary heart disease|
kidney disease|liver disease|frailty|falls|pressure ulcers|diabetic foot ulcer|neonatal jaundice|chest pain|flu|
abdominal pain|hyperkalemia|hyponatremia|hypernatremia|dehydration|syncope|vertigo|tinea pedis|athlete's foot|
warts|alcohol withdrawal|ankle sprain|smoking cessation|tobacco use|tobacco dependence|nicotine dependence|
overactive bladder|head lice|venous leg ulcer|leg ulcer|clostridium difficile infection|c difficile infection|
sickle cell crisis|sickle cell pain crisis|herpes|genital herpes|oral herpes|cold sore|stomach flu|
febrile seizure|febrile seizures|febrile convulsion|febrile convulsions|heavy menstrual bleeding|menorrhagia|
abnormal uterine bleeding|upper gastrointestinal bleeding|gastrointestinal bleeding|upper gi bleeding|gi bleeding|
adrenal insufficiency|primary adrenal insufficiency|addison's disease|addison disease|pheochromocytoma|
phaeochromocytoma|paraganglioma|thyroid nodule|thyroid nodules|renal colic|ureteral stone|
raynaud phenomenon|raynaud's phenomenon|earwax|ear wax|earwax blockage|cerumen impaction|
aortic dissection|breech presentation|bedwetting|bed-wetting|enuresis|nocturnal enuresis|foodborne illness|
foodborne illnesses|food poisoning|
carbon monoxide poisoning|pelvic organ prolapse|acute respiratory distress syndrome|ards|veno-occlusive disease|
hepatic veno-occlusive disease|sinusoidal obstruction syndrome|guillain-barre|
electrical injury|electrical injuries|electric shock|electrocution|lightning strike|heat stroke|heatstroke|frostbite|
drowning|dog bite|dog bites|animal bite|animal bites|snake bite|snake bites|snakebite|jellyfish sting|
jellyfish stings|bee sting|bee stings|wasp sting|wasp stings|insect sting|insect stings|smoke inhalation|
""".replace("\n", "").split("|")


@lru_cache(maxsize=1)
def _diseases() -> frozenset[str]:
    # (0.12 s to build, a tenth of a cold answer: kept between processes, rebuilt when the list or this code changes)
    text = files("curbside.answer").joinpath("data/diseases.txt").read_text(encoding="utf-8")
    key = digest(text, code_digest(sys.modules[__name__], text_module, spelling))
    return load_or_build("diseases", key, frozenset, lambda: _disease_names(text))


def _disease_names(text: str) -> frozenset[str]:
    names = {name for line in text.splitlines() if line and not line.startswith("#") for name in line.split("\t")}
    names |= {name for name in _COMMON_CONDITIONS if name}
    # names as the question's tokens read them ("post-traumatic stress disorder" → "post traumatic …"),
    # joined ("posttraumatic …") and in the other spelling ("hyponatraemia")
    for name in list(names):
        tokens = tokenize(name)
        spoken = " ".join(tokens)
        names.add(spoken)
        for i, word in joined_pairs(tokens):
            names.add(" ".join([*tokens[:i], word, *tokens[i + 2:]]))
        for i, token in enumerate(tokens):
            for variant in spelling_variants(token):
                names.add(" ".join([*tokens[:i], variant, *tokens[i + 1:]]))
            # (an eponym without its possessive, as GARD writes "Buerger disease" and "Sjogren syndrome")
            if token.endswith("'s") and len(token) > 4 and i + 1 < len(tokens):
                names.add(" ".join([*tokens[:i], token[:-2], *tokens[i + 1:]]))
    # a name of stopwords only would match any sentence ("is a" came from a mis-parsed relation line)
    return frozenset(name for name in names if any(t not in STOPWORDS and len(t) > 1 for t in tokenize(name)))


@lru_cache(maxsize=1)
def _clinical_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _CLINICAL_WORDS)


def _ngrams(tokens: list[str], n_max: int = 4) -> list[tuple[int, int, str]]:
    out = []
    for n in range(n_max, 0, -1):
        for i in range(len(tokens) - n + 1):
            out.append((i, i + n, " ".join(tokens[i : i + n])))
    return out


_GENERIC = frozenset({"disease", "disorder", "syndrome", "infection", "condition", "cancer", "pain", "injury",
                      "lesion", "tumor", "tumour", "carcinoma"})


# where an adjective is said of the patient: before a person ("a diabetic woman"), or closing what is said of them
# ("… who becomes hyperglycaemic, what …", "she is anaemic and tired"); not a treated condition told as history
# ("hypertensive on amlodipine", in a case about MDS)
_OF_A_PATIENT = (r"(?=\s*(?:[,.;:?!)]|$)|\s+(?:and|or|but|with|after|despite|who|since|during|because|while|again|"
                 r"now|today|overnight|for|at|in)\b|\s+(?:(?:young|old|elderly|older|pregnant|\d+[- ]year[- ]old)\s+)?"
                 r"(?:man|men|woman|women|patients?|adults?|child|children|boys?|girls?|teens?|teenagers?|infants?|"
                 r"babies|baby|persons?|people|inpatients?|outpatients?|mothers?|fathers?|mum|dad|sons?|"
                 r"daughters?|husband|wife|pregnancy|pregnancies)\b)")
# a disease named in lay words by where it is ("a small hernia in his groin"): the name a guideline uses
_LAY_NAMES = (
    (re.compile(r"\bhernias? (?:in|near|at) (?:the |his |her |my |your |their |one )?groin\b|\bgroin hernias?\b",
                re.IGNORECASE), "inguinal hernia"),
    (re.compile(r"\bhernias? (?:in|near|at|by) (?:the |his |her |my |your |their )?(?:belly button|navel)\b|"
                r"\b(?:belly button|navel) hernias?\b", re.IGNORECASE), "umbilical hernia"),
    # … or by the short name people use ("The doctor thinks it's carpal tunnel")
    (re.compile(r"\bcarpal tunnel\b(?! syndrome| release| decompression| surgery)", re.IGNORECASE),
     "carpal tunnel syndrome"),
    # … or by the worm ("has whipworm (Trichuris) eggs on stool microscopy"): the infection's own name
    (re.compile(r"\bwhipworms?\b(?! disease)|\btrichuris\b(?! trichiura infection)", re.IGNORECASE), "trichuriasis"),
    (re.compile(r"\bhookworms?\b", re.IGNORECASE), "ancylostomiasis"),
    # … or by its everyday name ("How long do piles usually last?")
    (re.compile(r"\bpiles\b(?! of\b)", re.IGNORECASE), "hemorrhoids"),
    # ("… ive realised shes been pulling her own hair out")
    (re.compile(r"\bpull(?:s|ed|ing)? (?:out )?(?:her|his|their|my|your|our) (?:own )?hair(?: out)?\b|"
                r"\bhair[- ]pulling\b", re.IGNORECASE), "trichotillomania"),
    # … or by an eponym typed without its apostrophe ("dad … has had parkinsons for 12 years")
    (re.compile(r"\b(parkinson|alzheimer|crohn|huntington|addison|cushing|meniere|raynaud|sjogren|hashimoto|"
                r"wilson|paget|perthes|kawasaki)s\b(?: disease\b)?", re.IGNORECASE), r"\1's disease"),
    (re.compile(r"(?<!raccoon )\broundworms?\b", re.IGNORECASE), "ascariasis"),
    # ("… just got glasses for being short sighted")
    (re.compile(r"\b(?:short|near)[- ]?sighted(?:ness)?\b", re.IGNORECASE), "myopia"),
    (re.compile(r"\b(?:long|far)[- ]?sighted(?:ness)?\b", re.IGNORECASE), "hyperopia"),
    (re.compile(r"\b(?:pinworms?|threadworms?)\b(?! infection)", re.IGNORECASE), "enterobiasis"),
    # ("… his teacher says slapped cheek is going round his class")
    (re.compile(r"\bslapped[- ]cheeks?(?: (?:disease|syndrome|virus))?\b", re.IGNORECASE), "fifth disease"),
    (re.compile(r"\btapeworms?\b(?! infection)", re.IGNORECASE), "taeniasis"),
    # … or by the word alone, with a possessive or an article ("How long does a cold last?"), not the temperature
    # ("a cold room", "a cold, painful leg")
    (re.compile(r"\b(?:an?|my|his|her|your|their|our) (?:bad |heavy |nasty |head |chest |common )?cold\b"
                r"(?![ ,-]+(?:and|or)?\s*(?:sores?|weather|water|room|hands?|feet|foot|leg|arm|fingers?|toes?|"
                r"temperatures?|exposure|agglutinin|urticaria|knife|compress|turkey|spell|snap|painful|pale|"
                r"sweats?|sweat|environment|air|drinks?|food|shower|bath|pack|chain|storage|injur\w*|stress)\b)",
                re.IGNORECASE), "common cold"),
    # … or by the adjective a case says of its patient ("an adult inpatient … who becomes hyperglycaemic", "a diabetic
    # woman"), not as part of another disease's name ("diabetic retinopathy", "septic shock", "hypertensive crisis")
    *((re.compile(rf"\b{adjective}\b{_OF_A_PATIENT}", re.IGNORECASE), name) for adjective, name in (
        (r"(hyper|hypo)(glyc|natr|kal|calc|magnes|phosphat)(a?)emic", r"\1\2\3emia"),
        (r"an(a?)emic", r"an\1emia"), (r"hypertensive", "hypertension"), (r"diabetic", "diabetes"),
        (r"asthmatic", "asthma"), (r"epileptic", "epilepsy"), (r"(hypo|hyper)thyroid", r"\1thyroidism"),
        (r"obese", "obesity"), (r"septic", "sepsis"), (r"neutropenic", "neutropenia"),
        (r"thrombocytopenic", "thrombocytopenia"), (r"dehydrated", "dehydration"))),
)


def lay_named(text: str) -> list[str]:
    """The diseases ``text`` names only in lay words (``_LAY_NAMES``: "pulling her own hair out" → trichotillomania)."""
    said = set(_mentions(text))
    return [d for d in disease_mentions(text) if d not in said]


def disease_mentions(text: str) -> list[str]:
    """Disease names (Disease Ontology) mentioned in ``text``, longest first, non-overlapping
    (a bare generic word such as "disease" or "syndrome" is not a mention)."""
    for lay, name in _LAY_NAMES:
        text = lay.sub(name, text)
    return _mentions(text)


def _mentions(text: str) -> list[str]:
    tokens = [t.replace(".", " ") for t in tokenize(text)]
    diseases = _diseases()
    taken: set[int] = set()
    found = []
    for i, j, phrase in _ngrams(tokens):
        if phrase not in diseases and phrase.endswith("s") and phrase[:-1] in diseases:
            phrase = phrase[:-1]  # "diabetic foot ulcers", "recurrent urinary tract infections"
        if i > 0 and tokens[i - 1] in ("non", "not"):  # "non-alcoholic fatty liver" is not "alcoholic fatty liver"
            continue
        if phrase in diseases and phrase not in _GENERIC and not taken.intersection(range(i, j)):
            taken.update(range(i, j))
            words = phrase.split()
            for k, joined in reversed(joined_pairs(words)):  # "posttraumatic …", as content stems read it
                words[k:k + 2] = [joined]
            found.append(" ".join(words))
    return list(dict.fromkeys(found))  # (once each: "whipworm (Trichuris)" is trichuriasis twice)


# the everyday complaints health pages and guidelines are written about as conditions of their own (MedlinePlus's
# "Fever", NICE's "Feverish illness in children"), which no disease list holds
# (… and blood in the urine, however it is said: MedlinePlus's "Hematuria (Blood in the Urine)"; and a fever said as
# "a temperature": "My baby has a temperature of 38.5, should I be worried?")
_COMPLAINTS = re.compile(r"\b(fever|cough|sore throat|hematuria|haematuria|(?:a |a high |high )temperature|"
                         r"blood in (?:the |my |his |her |your )?(?:urine|pee|wee))s?\b", re.IGNORECASE)
_COMPLAINT_NAMES = {"haematuria": "hematuria"}
COMPLAINT_QUESTION_WORDS = 30  # a question this short that names one complaint and no disease is about it


def complaint_topic(question: str) -> list[str]:
    """The one everyday complaint a short question that names no disease is about ("My 2 year old has a fever of 39,
    when should I take him to the doctor?"): the topic the question's disease would be. A case that tells of several
    ("4 days of fever, productive cough and right basal crackles") describes a disease it does not name. (Short: what
    it asks, where it also tells of the patient: "when should i worry about blood in my pee? did a half marathon on
    sunday …")"""
    if len(question.split()) > COMPLAINT_QUESTION_WORDS:
        # (… where what it asks names it: a cough told of in passing is not what "My mother-in-law … wants to give him
        # honey and lemon for his cough … Who's right, and what would I need to watch out for?" asks about)
        question = " ".join(s for s in sentences(question, typed=True) if s.rstrip().endswith("?"))
        if len(question.split()) > COMPLAINT_QUESTION_WORDS:
            return []
    found = {_complaint_name(m.group(1)) for m in _COMPLAINTS.finditer(question)}
    return sorted(found) if len(found) == 1 else []


def _complaint_name(said: str) -> str:
    said = said.lower()
    if said.endswith("temperature"):
        return "fever"
    return "hematuria" if said.startswith("blood") else _COMPLAINT_NAMES.get(said, said)


def _names_drug_or_procedure(token: str) -> bool:
    """A drug's name or brand, or a word shaped like a drug or a procedure ("…ectomy", "…profen")."""
    return (token in DRUG_NAMES or generic_of(token) is not None
            or (len(token) > 5 and bool(_MORPHOLOGY.search(token))))


def medical_name(word: str) -> bool:
    """``word`` names a disease, a drug or a procedure ("pancreaticoduodenectomy", "ibuprofen"), not merely a word
    clinicians use ("rectal", "sicker")."""
    word = word.lower()
    return word not in _NAMES_NOTHING and (bool(disease_mentions(word)) or _names_drug_or_procedure(word))


# (shaped like a disease's name, naming none: "What is the diagnosis …?")
_NAMES_NOTHING = frozenset("diagnosis diagnoses prognosis prognoses analysis analyses hypothesis emphasis".split())


def medical_signal(question: str) -> MedicalSignal:
    tokens = tokenize(question)
    clinical = _clinical_stems()
    medical: list[str] = list(disease_mentions(question))
    for tok in tokens:
        if tok in medical:
            continue
        if stem(tok) in clinical or _names_drug_or_procedure(tok):
            medical.append(tok)
    if _MEDICINE_TAKING.search(question):
        medical.append("take (a medicine)")
    non_medical = [t for t in tokens if t in _NON_MEDICAL]
    return MedicalSignal(tuple(dict.fromkeys(medical)), tuple(dict.fromkeys(non_medical)))
