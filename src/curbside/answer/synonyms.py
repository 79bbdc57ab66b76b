"""Equivalent wordings, so coverage counts "high blood pressure" for "hypertension".

Three sources: a short curated list of clinical and lay equivalents and abbreviations (below; a
wording marked "=" counts for its group but does not make its word a key: "acute" counts for
"flare", yet a question about acute bronchitis is not about flares), the Disease Ontology's exact
synonyms (``data/diseases.txt``) and a drug brand's generic (``curbside.drug_names``). Used to measure
how well a passage or sentence covers a question — not to rewrite anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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
immune thrombocytopenic purpura|immune thrombocytopenia|idiopathic thrombocytopenic purpura|itp
copd|chronic obstructive pulmonary disease|emphysema|chronic bronchitis
gerd|gastroesophageal reflux|acid reflux|heartburn|reflux
uti|urinary tract infection|cystitis
hemorrhoids|hemorrhoid|piles
foodborne illness|foodborne illnesses|foodborne disease|food poisoning
alcohol|alcoholic drinks|alcoholic beverages|beer|beers|wine|lager|booze
hematuria|haematuria|blood in the urine|blood in urine|blood in the pee|blood in pee|blood in the wee
emergency contraception|emergency contraceptive|emergency contraceptives|morning after pill|morning-after pill
caffeine|coffee|coffees|caffeinated drinks
palpitations|palpitation|skipping a beat|skipped beats|skipped beat|heart fluttering|fluttering
bedwetting|bed-wetting|enuresis|nocturnal enuresis|wetting the bed
bloodstream infection|bloodstream infections|bacteremia|bacteraemia|bsi
cancer|carcinoma|malignancy|tumor|tumour|neoplasm
kidney|renal|nephro
chronic kidney disease|ckd|renal failure|kidney failure|renal insufficiency
liver|hepatic
heart|cardiac|cardio
lung|pulmonary
children|child|pediatric|paediatric|kids|childhood
injury|trauma
exercise|physical activity|exercise training|gym
elderly|older adults|older people|aged|seniors|geriatric
pregnancy|pregnant|gestation|gestational|antenatal|prenatal|obstetric
depression|depressive|mdd
adhd|attention deficit hyperactivity disorder
autism|autism spectrum disorder|autism spectrum disorders|asd|autistic spectrum disorder
obesity|obese|overweight|bmi
high cholesterol|hypercholesterolemia|hyperlipidemia|dyslipidemia|ldl|cholesterol
dvt|deep vein thrombosis|venous thromboembolism|vte
pulmonary embolism|pe
hiv|human immunodeficiency virus|aids
tuberculosis|tb
flu|influenza
chemo|chemotherapy|chemotherapies
radiotherapy|radiation therapy|radiation|irradiation|=rt
heavy periods|heavy menstrual bleeding|menorrhagia|heavy menstruation
wada test|wada|intracarotid amobarbital procedure|intracarotid amobarbital test|amobarbital test
erectile dysfunction|erection problems|erectile problems|impotence
erection|erections|erectile
non-accidental injury|nonaccidental injury|non accidental injury|nai|child abuse|child maltreatment|inflicted injury
femur|femurs|femora|femoral
syncope|faint|fainting|fainted|faints|passing out|passed out|vasovagal
electromyography|emg
vision|eyesight|sight|visual acuity
tetraplegia|quadriplegia|tetraplegic|quadriplegic|=spinal cord injury|=spinal cord injuries|=cervical spinal cord injury
prednisolone|prednisone
labiaplasty|labioplasty|labial reduction|=female genital cosmetic surgery|=genital cosmetic surgery
jab|jabs|=injection|=injections
intramuscular|=injection|=injections|=shot|=shots
electrical injury|electrical injuries|electric shock|electric shocks|electrocution|electrocuted
heat stroke|heatstroke|heat illness
osteonecrosis of the jaw|jaw osteonecrosis|onj|mronj|jawbone die|jawbone dying|jawbone death|dead jawbone|jaw bone die
duplex ultrasound|duplex ultrasonography|duplex scan|duplex scanning|=ultrasound|=ultrasonography
handgun wound|handgun|gunshot wound|gunshot wounds|gunshot|gunshot injury|bullet wound|firearm injury
  |firearm injuries|ballistic injury|=penetrating
gastroscopy|upper endoscopy|upper gi endoscopy|oesophagogastroduodenoscopy|esophagogastroduodenoscopy|ogd|egd
  |=endoscopy
thigh|calf|shin|=lower extremity|=lower extremities|=lower limb|=lower limbs
upper tract urothelial carcinoma|upper tract urothelial cancer|upper tract urothelial tumours|upper tract urothelial
  |upper urinary tract urothelial carcinoma|utuc|renal pelvis|ureteric tumour|ureteral tumor|=upper tract
forearm|upper arm|=upper extremity|=upper extremities|=upper limb|=upper limbs
admitted hospital|admitted to hospital|admitted to the hospital|hospital admission|hospitalized|hospitalised
  |hospitalization|hospitalisation
acute respiratory distress syndrome|ards
veno-occlusive disease|hepatic veno-occlusive disease|sinusoidal obstruction syndrome|vod
covid|covid-19|sars-cov-2|coronavirus
acetaminophen|paracetamol|tylenol
ibuprofen|advil|motrin
aspirin|acetylsalicylic acid
medicine|medication|drug|medicines|pharmacologic|pharmacological|meds
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
bowel|bowels|intestinal|intestine|intestines|colon|gut|guts
blood thinner|anticoagulant|anticoagulation
antiepileptic|anticonvulsant|anti-seizure|antiseizure|aed
vaccine|vaccination|immunization|immunisation
lumbar puncture|lumbar punctures|lp|lps|spinal tap|spinal taps
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
arthritis|=osteoarthritis
coronary artery disease|coronary heart disease|coronary disease|chd|cad|=cardiovascular disease|=cvd
heart disease|heart diseases|=cardiovascular disease|=cardiovascular diseases|=cvd
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
operate|operated|operation|operations|surgery|surgeries|=repair|=repaired
fix|fixed|fixes|repair|repaired|repairs
colony count|colony counts|cfu|colony-forming units|colony forming units
eardrum|ear drum|drum|tympanic membrane
grommet|grommets|tympanostomy tube|tympanostomy tubes|ventilation tube|ventilation tubes|ear tube|ear tubes
gunk|discharge|pus|otorrhea|otorrhoea
watch wait|watchful waiting|observation|observe|wait and see
insole|orthosis|orthoses|orthotic|orthotics|shoe insert|foot orthoses
needlestick injury|needlestick|needle stick injury|sharps injury|percutaneous injury|occupational exposure|postexposure
downside|downsides|drawback|drawbacks|disadvantage|disadvantages|=risk|=risks|=harm|=harms|=side effects|=complications
physiotherapy|physio|physical therapy|physiotherapist|physical therapist|=exercise therapy
ray|rays|xray|xrays|radiograph|radiographs|radiography|radiographic|plain film|plain films
ache|aches|aching|achy|=pain|=painful|=sore
lump|lumps|=mass|=masses|=nodule|=nodules|=swelling
granulocyte colony-stimulating factor|colony-stimulating factor|g-csf|csf|csfs|myeloid growth factor|growth factors
womb|uterus|uterine
fibroid|fibroids|myoma|myomas|leiomyoma|leiomyomas|uterine fibroid|uterine fibroids
weed|=cannabis|=marijuana|=cannabinoid|=cannabinoids
hurt|hurts|=injury|=injuries|=pain
aim|=target|=goal
conceive|conceives|conceiving|conceived|get pregnant|getting pregnant|become pregnant|becoming pregnant|=conception
  |=preconception|=preconceptual|=preconceptually|=pregnancy|=pregnant
tnf inhibitor|tnf inhibitors|anti-tnf|tnf blocker|tnf blockers|tnf blocking agent|tnf blocking agents
  |tnfa blocking agent|tnfa blocking agents|tnf-alpha blocking agents|tnf antagonist|tnf antagonists
  |tumor necrosis factor inhibitor|tumour necrosis factor inhibitor|tumor necrosis factor blocker
intensive care unit|intensive care units|intensive care|icu|icus|critical care unit|critical care units|critical care
  |critical care setting|critical care settings|intensive therapy unit|itu
adenotonsillectomy|adenotonsillectomies|tonsillectomy and adenoidectomy|tonsillectomy with adenoidectomy
  |adenoidectomy and tonsillectomy|=tonsillectomy|=tonsillectomies
hematopoietic stem cell transplant|hematopoietic stem cell transplantation|haematopoietic stem cell transplant
  |haematopoietic stem cell transplantation|hsct|hct|stem cell transplant|stem cell transplantation|sct
  |bone marrow transplant|bone marrow transplantation|bmt
hematospermia|haematospermia|hemospermia|blood in semen|blood in the semen|blood in my semen|bloody semen
sunbed|sunbeds|tanning bed|tanning beds|indoor tanning|sunlamp|sunlamps|tanning booth|tanning booths
cerclage|cervical cerclage|cervical stitch|stitch in the cervix|stitch in my cervix
preterm|premature|prematurely|preterm birth|premature birth|preterm labour|preterm labor|premature labour
  |premature labor
mouth guard|mouthguard|mouthpiece|oral appliance|mandibular advancement device|mandibular advancement splint
sew back up|sew back|sewn back up|stitch back up|stitched back up|=reinfibulation|=infibulation|=resuturing
fluid behind the eardrum|fluid behind the eardrums|fluid behind both eardrums|middle ear effusion|ome|glue ear
abdominal pain|tummy pain|tummy pains|tummy ache|tummy aches|belly pain|belly ache|bellyache|stomach ache|stomachache
abdomen|abdominal|tummy|belly
buttock|buttocks|bum|backside|bum cheek|gluteal
vomiting|vomit|vomited|throwing up|threw up|thrown up|puking|puke
urine|urinate|urinating|urination|wee|pee|peeing|weeing
stool|stools|feces|faeces|fecal|faecal|poo|poop|bowel movement|bowel movements
tingling|pins and needles|paresthesia|paraesthesia|paresthesias|paraesthesias
hoarseness|hoarse|croaky|dysphonia
daily|per day|each day|every day|a day|=day
trichuriasis|whipworm|whipworms|whipworm infection|trichuris|trichuris infection
ancylostomiasis|hookworm|hookworms|hookworm infection
ascariasis|roundworm|roundworms|roundworm infection|ascaris
enterobiasis|pinworm|pinworms|pinworm infection|threadworm|threadworms
taeniasis|tapeworm|tapeworms|tapeworm infection
full blood count|fbc|complete blood count|cbc|blood count|blood counts
seizure|seizures|fits|convulsion|convulsions|convulsive
slapped cheek|slapped cheeks|slapped cheek syndrome|slapped cheek disease|fifth disease|erythema infectiosum
enteral feeding|enteral feeds|tube feeding|tube feeds|enteral nutrition|enteral tube feeding
requirement|requirements|=need|=needs
fart|farts|farting|farted|passing wind|breaking wind|flatulence|flatus|=gas
diarrhea|diarrhoea|runny poo|runny poos|runny poop|runny stools|loose poo|loose poos|watery poo|watery poos|the runs
nonstop|non-stop|=persistent|=persistently|=continuous|=continuously|=constant|=constantly|=chronic|=intractable
stab wound|stab wounds|stabbed|knife wound|knife wounds|gunshot wound|gunshot wounds|=penetrating
  |=penetrating trauma|=penetrating injury|=penetrating injuries
"""

# a drug is covered by its class ("Is ibuprofen gel safe for her?" is answered by "Offer a topical NSAID …"): guidelines
# recommend classes. One way only: a question about a class is not answered by what is said of one member.
# (the class's wordings > its members)
_CLASSES = """
nsaid|nsaids|non-steroidal anti-inflammatory|nonsteroidal anti-inflammatory|anti-inflammatory|anti-inflammatories
  > ibuprofen|naproxen|diclofenac|celecoxib|etoricoxib|ketorolac|indomethacin|indometacin|meloxicam
calcium channel blocker|calcium channel blockers|calcium-channel blocker|ccb
  > amlodipine|nifedipine|felodipine|diltiazem|verapamil|lercanidipine
ace inhibitor|ace inhibitors|angiotensin-converting enzyme inhibitor|acei
  > ramipril|lisinopril|enalapril|perindopril|captopril
angiotensin receptor blocker|angiotensin receptor blockers|angiotensin ii receptor blocker|arb|arbs
  > losartan|candesartan|valsartan|irbesartan|telmisartan|olmesartan
beta-blocker|beta-blockers|beta blocker|beta blockers > bisoprolol|metoprolol|atenolol|propranolol|carvedilol|nebivolol
ssri|ssris|selective serotonin reuptake inhibitor|selective serotonin reuptake inhibitors|antidepressant|antidepressants
  > sertraline|fluoxetine|citalopram|escitalopram|paroxetine
snri|snris|serotonin-norepinephrine reuptake inhibitor|antidepressant|antidepressants > venlafaxine|duloxetine
tricyclic|tricyclics|tricyclic antidepressant|tca|tcas|antidepressant|antidepressants
  > amitriptyline|nortriptyline|imipramine|clomipramine
statin|statins > atorvastatin|simvastatin|rosuvastatin|pravastatin
ppi|ppis|proton pump inhibitor|proton pump inhibitors > omeprazole|lansoprazole|esomeprazole|pantoprazole|rabeprazole
doac|doacs|noac|noacs|direct oral anticoagulant|direct oral anticoagulants|anticoagulant|anticoagulants|anticoagulation
  > apixaban|rivaroxaban|dabigatran|edoxaban
anticoagulant|anticoagulants|anticoagulation|vitamin k antagonist|vka > warfarin
bisphosphonate|bisphosphonates > alendronate|alendronic|risedronate|zoledronic|ibandronate
corticosteroid|corticosteroids|steroid|steroids|glucocorticoid|glucocorticoids
  > prednisolone|prednisone|dexamethasone|hydrocortisone|methylprednisolone
opioid|opioids|opiate|opiates > tramadol|codeine|morphine|oxycodone|fentanyl|buprenorphine
benzodiazepine|benzodiazepines > diazepam|lorazepam|temazepam|alprazolam|clonazepam|chlordiazepoxide
gabapentinoid|gabapentinoids > gabapentin|pregabalin
antipsychotic|antipsychotics|neuroleptic|neuroleptics
  > haloperidol|risperidone|olanzapine|quetiapine|aripiprazole|clozapine|chlorpromazine
neuromuscular blocking agent|neuromuscular blocking agents|neuromuscular blocker|neuromuscular blockers|nmba|nmbas
  > cisatracurium|atracurium|rocuronium|vecuronium|pancuronium|suxamethonium|succinylcholine
thrombolytic|thrombolytics|fibrinolytic|fibrinolytics|tissue plasminogen activator|tpa|rt-pa
  > alteplase|tenecteplase|reteplase
triptan|triptans > sumatriptan|rizatriptan|zolmitriptan
sglt2 inhibitor|sglt2 inhibitors|sglt-2 inhibitor > empagliflozin|dapagliflozin|canagliflozin
glp-1 receptor agonist|glp-1 receptor agonists|glp-1 agonist > liraglutide|semaglutide|dulaglutide|exenatide
dpp-4 inhibitor|dpp-4 inhibitors|gliptin|gliptins > sitagliptin|linagliptin|saxagliptin|alogliptin
sulfonylurea|sulfonylureas|sulphonylurea|sulphonylureas > gliclazide|glipizide|glimepiride|glibenclamide|glyburide
mineralocorticoid receptor antagonist|mineralocorticoid receptor antagonists|mra|aldosterone antagonist
  > spironolactone|eplerenone
loop diuretic|loop diuretics|diuretic|diuretics > furosemide|bumetanide|torasemide
thiazide|thiazides|thiazide-like diuretic|thiazide diuretic|diuretic|diuretics
  > bendroflumethiazide|hydrochlorothiazide|chlorthalidone|indapamide
tnf inhibitor|tnf inhibitors|anti-tnf|tnf-alpha inhibitor|tnf blocker|tnf blockers|tnf blocking agents
  |tnfa blocking agents|tumor necrosis factor inhibitor|tumour necrosis factor inhibitor|tnf antagonist
  |biologic|biologics
  > adalimumab|etanercept|infliximab|certolizumab|golimumab
antimuscarinic|antimuscarinics|anticholinergic|anticholinergics
  > oxybutynin|solifenacin|tolterodine|trospium|fesoterodine
antiplatelet|antiplatelets|p2y12 inhibitor > clopidogrel|ticagrelor|prasugrel
alpha-blocker|alpha-blockers|alpha blocker|alpha blockers > tamsulosin|alfuzosin|doxazosin
vasopressin receptor antagonist|vasopressin receptor antagonists|vasopressin antagonist|vaptan|vaptans
  > tolvaptan|conivaptan
antiresorptive|antiresorptives|antiresorptive drug|antiresorptive drugs|antiresorptive agent|antiresorptive agents
  > denosumab|alendronate|alendronic|risedronate|zoledronate|ibandronate|bisphosphonate|bisphosphonates
antihistamine|antihistamines > cetirizine|loratadine|fexofenadine|chlorphenamine|chlorpheniramine
topical > gel|gels|cream|creams|ointment
oral|by mouth > tablet|tablets|pill|pills|capsule|capsules
"""


@lru_cache(maxsize=1)
def _class_names() -> dict[str, tuple[str, ...]]:
    """A member's lookup key → its classes' names (the first wording of each)."""
    out: dict[str, list[str]] = {}
    for line in re.sub(r"\n\s+\|", "|", re.sub(r"\n\s+>", " >", _CLASSES)).strip().splitlines():
        wordings, members = line.split(" > ")
        for member in members.split("|"):
            out.setdefault(_key(member), []).append(wordings.split("|")[0])
    return {member: tuple(names) for member, names in out.items()}


def class_names(term: str) -> tuple[str, ...]:
    """The names of the classes ``term`` (a drug) belongs to: "risperidone" → ("antipsychotic",)."""
    return _class_names().get(_key(term), ())


@lru_cache(maxsize=1)
def _classes() -> dict[str, tuple[frozenset[str], ...]]:
    """A member's lookup key → the stem sets of its classes' wordings."""
    out: dict[str, set[frozenset[str]]] = {}
    for line in re.sub(r"\n\s+\|", "|", re.sub(r"\n\s+>", " >", _CLASSES)).strip().splitlines():
        wordings, members = line.split(" > ")
        for member in members.split("|"):
            out.setdefault(_key(member), set()).update(_phrase_stems(w) for w in wordings.split("|"))
    return {member: tuple(sorted(forms, key=sorted)) for member, forms in out.items()}


def broader(terms: list[str]) -> dict[str, tuple[frozenset[str], ...]]:
    """For each question term that names a drug of a class (or a form of a drug), the stem sets of the class's
    wordings: "topical NSAIDs" covers "ibuprofen gel". They count for coverage, never for the key: a question about
    warfarin is not answered by what is said of anticoagulants alone. Not where the question names the class
    itself ("an SGLT2 inhibitor such as dapagliflozin"): its members are then examples of what it asks about."""
    classes = _classes()
    asked = {stem(t) for t in terms}
    out = {}
    for term in terms:
        if (forms := classes.get(_key(term))) and not any(form <= asked for form in forms):
            out[stem(term)] = forms
    return out


def _phrase_stems(phrase: str) -> frozenset[str]:
    return frozenset(stem(t) for t in tokenize(phrase))


def _key(phrase: str) -> str:
    """Lookup key of a phrase: its tokens, a plural "s" dropped from each."""
    return " ".join(t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t
                    for t in tokenize(phrase))


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, int], list[list[str]]]:
    """Phrase key → group number, and the groups (curated first, then the Disease Ontology)."""
    # (a long group goes on over lines that start with "|")
    groups: list[list[str]] = [line.split("|") for line in re.sub(r"\n\s+\|", "|", _CURATED).strip().splitlines()]
    text = files("curbside.answer").joinpath("data/diseases.txt").read_text(encoding="utf-8")
    groups += [line.split("\t") for line in text.splitlines() if line and not line.startswith("#") and "\t" in line]
    index: dict[str, int] = {}
    for n, group in enumerate(groups):
        for phrase in group:
            if not phrase.startswith("="):  # "=acute": a wording of the group, never a key ("acute
                index.setdefault(_key(phrase), n)  # bronchitis" is not a flare)
    for n, group in enumerate(groups[:_curated_count()]):
        for phrase in group:
            # (… and by the words a question's terms keep of it, which leave its stopwords out: "blood in my pee" is
            # the terms "blood pee", "the morning after pill" the terms "morning pill")
            said = [t for t in tokenize(phrase.removeprefix("=")) if t not in STOPWORDS]
            if not phrase.startswith("=") and 1 < len(said) < len(tokenize(phrase)):
                index.setdefault(_key(" ".join(said)), n)
    return index, groups


def _curated_count() -> int:
    return len(re.sub(r"\n\s+\|", "|", _CURATED).strip().splitlines())


@lru_cache(maxsize=4096)
def _forms(group: int) -> tuple[frozenset[str], ...]:
    # (a passage's words leave stopwords out, and so do the wordings it is matched with: "blood in the urine" is said
    # where "blood" and "urine" are)
    forms = {(stems - STOPWORDS) or stems for p in _groups()[1][group] if p.strip()
             for stems in (_phrase_stems(p.removeprefix("=")),)}
    forms.discard(frozenset())
    return tuple(sorted(forms, key=sorted))


_ECTOMY = re.compile(r"^([a-z]{5,}?)ectom(?:y|ies)$")
_ECTOMISED = re.compile(r"^([a-z]{5,}?)ectomi[sz]ed$")  # one who has had it: "splenectomised" is "after splenectomy"


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
    # an operation named for what it removes is surgery on it ("thyroidectomy": "thyroid surgery", "adrenalectomy":
    # "adrenal removal"), where the organ keeps its name in the word
    for term in terms:
        if (organ := _ECTOMY.match(term)) is not None:
            out[stem(term)] = (*out.get(stem(term), ()), *(frozenset({stem(organ.group(1)), stem(how)})
                                                            for how in ("surgery", "removal", "resection")))
        elif (organ := _ECTOMISED.match(term)) is not None:
            out[stem(term)] = (*out.get(stem(term), ()), frozenset({stem(organ.group(1) + "ectomy")}))
    # an "-ic" adjective is said by its "-ia" noun, and back ("anaemic" toddlers, settings where "anaemia" is prevalent;
    # "ischaemic", "ischaemia"): the stems differ by the noun's "i" (not a word of a known phrase, whose wordings
    # replace the phrase's words together: "sickle cell disease" for sickle cell anemia)
    # … and a "-lytic" or "-otic" adjective by its "-lysis" or "-osis" noun ("thrombolysis", "catheter-based
    # thrombolytic therapy"; "necrotic", "necrosis")
    for term in terms:
        other = other_form(term)
        if len(term) > 5 and other and stem(other) != stem(term) and stem(term) not in out:
            out[stem(term)] = (frozenset({stem(term)}), frozenset({stem(other)}))
    # "post", "traumatic" (a hyphenated word split into terms) are covered by "posttraumatic",
    # which is how content stems read the same word hyphenated or joined
    for i, joined in joined_pairs(terms):
        for j in (i, i + 1):
            out[stem(terms[j])] = (*out.get(stem(terms[j]), ()), frozenset({stem(joined)}))
    return out


_NOUN_ADJECTIVE_PAIRS = {"lysis": "lytic", "lytic": "lysis", "osis": "otic", "otic": "osis"}
_NOUN_ADJECTIVE = re.compile(r"(?:lysis|lytic|osis|otic)$")


def other_form(word: str) -> str:
    """The noun for an adjective, or the adjective for a noun, by their endings ("thrombolysis" ↔ "thrombolytic",
    "cirrhotic" ↔ "cirrhosis", "anaemic" ↔ "anaemia"); "" for a word with neither ending."""
    if len(word) > 7 and (m := _NOUN_ADJECTIVE.search(word)) is not None:
        return word[:m.start()] + _NOUN_ADJECTIVE_PAIRS[m.group(0)]
    return word[:-1] + "a" if word.endswith("ic") else word[:-1] + "c" if word.endswith("ia") else ""


def mentioned(words: Sequence[str], said: set[str] | frozenset[str]) -> set[str]:
    """The stems of ``words`` that ``said`` (content stems) names, as written, in any wording the synonyms know, or by
    its class ("ibuprofen gel" is mentioned by "topical NSAIDs", "infliximab" by "TNFa blocking agents")."""
    wordings, classes = alternatives(list(words)), broader(list(words))
    stems = {stem(w) for w in words}
    return {w for w in stems if w in said or any(form <= said for form in (*wordings.get(w, ()), *classes.get(w, ())))}
