"""Themes: what a question asks about and what a sentence speaks to.

One table drives three things: the intents read from a question, the section a bullet lands
in, and the section titles (plainer for patients). Pitfalls and escalation are themes too,
but they get their own parts of the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from curbside.drug_names import names_drug
from curbside.records import Audience


@dataclass(frozen=True, slots=True)
class Theme:
    key: str
    clinician: str
    patient: str
    sentence: re.Pattern[str]  # a sentence speaks to this theme
    question: re.Pattern[str]  # a question asks about this theme

    def title(self, audience: Audience) -> str:
        return self.patient if audience is Audience.PATIENT else self.clinician


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DRUG = (r"\b(?!cytidine\b|thymidine\b)\w+(mab|nib|pril|sartan|olol|statins?|azole|cillin|mycin|cycline|"
         r"floxacin|xaban|gatran|gliptin|gliflozin|dipine|prazole|tidine|triptan|setron|zepam|zolam|parin|lukast|terol|olone|"
         r"profen|coxib|formin|glitazone|semide|thiazide|caine)\b")
# drug classes and everyday drug names the suffixes miss ("a thiazide-type diuretic, CCB, ACEI or ARB")
_DRUG_CLASS = (r"\b(?:diuretics?|(?:channel |beta[- ]|alpha[- ]|receptor )blockers?|(?:ace|enzyme|pump|reuptake) "
               r"inhibitors?|ace-?is?|arbs?|ccbs?|ppis?|ssris?|snris?|nsaids?|antibiotics?|antidepressants?|"
               r"anticoagulants?|antiplatelets?|antihypertensives?|antivirals?|antifungals?|antihistamines?|"
               r"antipsychotics?|anticonvulsants?|antiepileptics?|corticosteroids?|steroids?|bisphosphonates?|"
               r"opioids?|analgesics?|pain ?relievers?|pain ?killers?|insulin(?!-like)|aspirin|acetaminophen|"
               r"paracetamol|colchicine|levothyroxine|"
               r"l-thyroxine|warfarin|lithium|digoxin)\b")

# inducing or maintaining remission is what a treatment does ("To induce remission in adults with … ulcerative
# colitis: offer … an oral aminosalicylate"), not the outlook
_INDUCED_REMISSION = r"\b(?:induc(?:e|es|ed|ing|tion of)|maint(?:ain|ains|ained|aining|enance of)) (?:\w+ )?remission\b"

# what a clinician can do: a drug or class, a procedure, a therapy, a device, a change of habit ("Offer a high
# induction dose of an oral aminosalicylate", "CPAP", "a canalith repositioning procedure", "exercise")
INTERVENTION = _rx(_DRUG + "|" + _DRUG_CLASS + "|" +
                   r"\b\w+(?:ectomy|ectomies|otomy|ostomy|plasty|pexy)\b|\bsurg(?:ery|ical)\b|\bprocedures?\b|"
                   r"\b(?:cognitive|behaviou?ral|physical|occupational|exercise|psycho|photo|radio|chemo|immuno|"
                   r"oxygen|compression|fluid|replacement|hormon\w*|light|talk(?:ing)?|speech|manual|drug|medication|"
                   r"pharmacologic(?:al)?) ?(?:therap|treatments?\b|interventions?\b)|\bpharmacotherap|"
                   r"\bexercis|\bphysiotherap|\bcpap\b|\bvaccin|\bcounsel+ing\b|\bself-help\b|\bdiet(?:ary)?\b|"
                   r"\bweight loss\b|"
                   r"\bsplint|\bbrac(?:e|es|ing)\b|\binjections?\b|\binfusions?\b|\btransfusions?\b|\bdialysis\b|"
                   r"\bablation\b|\bstent|\bpacemaker|\bmanoeuvres?\b|\bmaneuvers?\b|\brepositioning\b|\bcasts?\b|"
                   r"\borthos[ie]s|\bcreams?\b|\bointments?\b|\bgels?\b|\bdrops\b|\binhal(?:er|ed)\b|\bpatch(?:es)?\b|"
                   r"\bsupplement|\biron\b|\bvitamin|\bcalcium\b|\bice\b|\brest\b|\belevation\b|\bcompress|"
                   r"\b(?:oral|orally|topical|intravenous|subcutaneous|intramuscular|inhaled|intranasal)\b|\bdoses?\b|"
                   r"\blaxatives?\b|\benemas?\b|\banti-?(?!bod|gen|cipat)[a-z]{4,}|"
                   # (self-care, as a health page names it: "Sucking on lozenges, drinking lots of liquids, and
                   # gargling may ease the pain")
                   r"\blozenges?\b|\bgargl\w*|\b(?:drink\w*|plenty of|lots of) (?:\w+ )?(?:liquids|fluids|water)\b|"
                   r"\bhumidifiers?\b|\bsaline\b|\b(?:warm|sitz) baths?\b|"
                   r"\b(?:treated|managed|treatment is|treatment consists of) with\b|"
                   r"\btreat\w* [^.;]{0,60}\bby \w+ing\b|\btreat(?:s|ed|ing)? (?:\w+ ){1,3}with\b")


def names_intervention(text: str) -> bool:
    """``text`` names what a clinician can do: ``INTERVENTION``, or a drug by name ("lamotrigine is
    the drug of choice"; the suffixes miss most names)."""
    return bool(INTERVENTION.search(text)) or names_drug(text)

_LAY_PREVENTION = (r"\b(?:do not|don'?t|never|not) (?:get|have) (?:another|it again|them again|any more|more)\b|"
                   r"\b(?:stop|keep (?:\w+ )?from|avoid) (?:getting|having)\b|\b(?:coming|come) back\b|"
                   r"\bhappen(?:ing)? again\b")
LAY_PREVENTION = _rx(_LAY_PREVENTION)  # prevention asked without the word ("What can I do so I don't get another one?")

THEMES: tuple[Theme, ...] = (
    Theme("definition", "Overview", "What it is",
          _rx(r"\b(is|are) (a|an) (\w+ ){0,4}(disease|disorder|condition|syndrome|infection|type|form|group|"
              r"cancer|tumou?r|protein|enzyme|drug|medicine|class|procedure)|\brefers? to\b|\bis defined as\b|"
              r"\bis characteri[sz]ed by\b|\bis caused by\b"),
          # (not the figure that defines it: "what value defines hypoglycaemia" asks for a threshold)
          _rx(r"^\W*(what|who)(?:'?s\b| (?:exactly |actually |really )?(?:is|are)\b)|"
              r"(?<!value )(?<!level )(?<!threshold )(?<!cut-off )(?<!cutoff )(?<!count )\bdefin|\bmeaning of\b|"
              r"\btell me (more )?about\b")),
    Theme("drugs", "Drugs and doses", "Medicines",
          _rx(r"\b\d+(\.\d+)?\s?(mg|mcg|µg|g|units?|iu|ml)\b|(?<!effective )(?<!radiation )\bdos(e|es|age|ing)\b|"
              r"\bmedications?\b|\banticoagulation\b|\bthromboprophylaxis\b|"
              r"\bdrugs?\b|\bpharmacolog|\bprescri|\btablets?\b|\boral\b|\bintravenous|\binjections?\b|" + _DRUG
              + "|" + _DRUG_CLASS),
          _rx(r"\bdos(e|es|age|ing)\b|\bmedications?\b|\bdrugs?\b|\bpills?\b|\btablets?\b|\bhow (much|many)\b|"
              r"\bregimens?\b|\bpharmacolog|\bpharmacotherap|\bprescri|" + _DRUG)),
    Theme("treatment", "Management", "Treatment",
          _rx(r"\btreat|\btherap|\bmanag|\bsurg|\boperati|\b\w+(?:ectomy|ectomies|plasty)\b|\brehabilit|\bexercis|"
              r"\binterventions?\b|\bself-help\b|\bfor (?:the )?relief of\b|\bto relieve\b|"
              # ("IUDs are an effective method of emergency contraception")
              r"\beffective (?:methods?|options?|treatments?|therap\w+|interventions?)\b|"
              # (what eases a symptom treats it: "gargling may ease the pain")
              r"\b(?:may|can|will|helps?(?: to)?) (?:ease|soothe|relieve)\b|"
              r"\bfirst[- ]line\b|\binitial (?:treatment|management|therapy|care)\b|\bconservative\b|"
              r"\bphysiotherap|\bphysical therapy\b|(?<!primary )(?<!health )(?<!health-)\bcare\b(?! (?:clinicians?|"
              r"providers?|physicians?|settings?|teams?|services?|professionals?)\b)|"
              r"\bmanagement\b|\b(?:will|can|may|could|helps?(?: to)?) get rid of\b|\bclears? up\b|\bcur(?:e|es|ed)\b|"
              + _INDUCED_REMISSION),
          _rx(r"\btreat|\b(?:chemo|radio|immuno)?therap|\bmanag|\bcure|\bget rid of\b|\b(?:first|second)[- ]line\b|"
              r"\bhelp(s)?\b|\brevers(?:e|ed|al)\b|"
              # ("when should neoadjuvant chemotherapy be given"; not "an operation", said of a time: "how long before
              # the operation should they be given?")
              r"\bremed|\bsurg|\brehabilit|"
              # (… and in lay words, the verb: "when will they operate", "will he need more operations"; not whether
              # one is needed at all — "Does he really need an operation?" asks whether, and is answered so)
              r"\boperate\b|\b(?:more|further) operations\b|"
              # (how long it goes on and how it is stopped: "How long should the risperidone continue, how should a
              # taper be done …?")
              r"\btaper|\bwean(?:ed|ing)?\b|\bwhat (?:works|helps)(?: best)?\b|"
              r"\bhow long should\b[^?]{0,60}\b(?:continue|be continued|be given|be used|"
              r"be taken|stay on)\b|"
              r"\bexercis|\bwhat (can|should) (i|we|you) (do|use|take)\b|\bwhat to do\b|"
              # (in lay words: "anything you'd recommend for …", "anything I can take for …", "can you suggest …")
              r"\b(?:anything|something)\b(?: \w+){0,3}? (?:recommend|suggest|prescribe|do|take|use|try)\b|"
              r"\b(?:can|could|would) you (?:suggest|recommend|prescribe)\b|"
              # ("What can be done about it …?", "is there anything for the face pain he's now getting?")
              r"\bwhat (?:can|could|should) (?:be|i|we|you) (?:be )?done\b|"
              r"\b(?:is|are) there (?:anything|something|any (?:treatments?|medicines?|medications?|drugs?|cure))\b|"
              r"\bhow to (stop|relieve|heal|fix)\b|"
              r"\beffective\b")),
    Theme("diagnosis", "Diagnosis and testing", "Tests and diagnosis",
          _rx(r"\b(?:over|mis|under)?diagnos|\btests?\b|\btesting\b|\bimaging\b|\bmri\b|\bct\b|\bultraso|\bbiops|\bsensitivity\b|"
              r"\bspecificity\b|\bx-?ray|\bscan\b|\blaborator|\bassess|\bexamination\b|\bcriteria\b|"
              r"\bambulatory (?:\w+ ){0,3}monitoring\b|^measure\b|"
              # imaging by its modality, as an appropriateness table names it ("US pelvis may be appropriate …";
              # not "US adults", "US Food and Drug Administration")
              r"\bangiograph|\barteriograph|\bfluoroscop|\bscintigra|\bmammogra|\belastograph|\becho(?:cardio)?graph|"
              r"(?-i:\b(?:MRA|CTA|PET|SPECT)\b|\bUS\b(?! [A-Z])(?! (?:population|adults|children|women|men|"
              r"veterans|residents|hospitals|counties|cohort|sample|survey|data|dollars|military|health)\b))"),
          # (how specific a test is, not "a diabetes-specific enteral formula")
          _rx(r"\bdiagnos|\btests?\b|\bdetect|\bimaging\b|\bmri\b|\bscan\b|\bbiops|\bsensitiv|\bspecificit|"
              r"\bhow specific\b|"
              r"\bevaluat|\bwork(?:ed)?[- ]?up\b|\binvestigat|"
              r"\bhow (do|can) (you|i|we) (know|tell)\b|\bidentif")),
    Theme("prevention", "Screening and prevention", "Prevention and screening",
          _rx(r"\bscreen|(?<!control and )\bprevent|\bvaccin|\bimmuni[sz]|\bprophyla|"
              r"\bavoid(ing)? (exposure|infection)|"
              r"\breduc(e|es|ed|ing) (the )?risks?\b"),
          # (and in lay words: "so I don't get another one", "stop getting kidney stones", "from coming back")
          _rx(r"\bscreen|\bprevent|\bvaccin|\bimmuni[sz]|\bprophyla|\bavoid getting\b|\breduce (the |my )?risk\b|"
              + _LAY_PREVENTION)),
    Theme("causes", "Causes and risk factors", "Causes and risk factors",
          _rx(r"\bcaus|\brisk factors?\b|\bassociated with\b|\bgenetic|\bmutations?\b|\binherit|\betiolog|"
              r"\baetiolog|\bpathogenesis\b|\bmechanism|\bleads? to\b|\bresults? from\b"),
          _rx(r"\bcaus|\bwhy\b|\brisk factors?\b|\bgenetic|\binherit|\betiolog|\baetiolog|\bmechanism|"
              r"\bassociat|\blink(ed)?\b|\brelat|"
              # (when to worry about a complaint asks what it may be caused by, the serious from the harmless: "when
              # should i worry about blood in my pee?")
              r"\b(?:should|do|must) (?:i|we) (?:be )?worr(?:y|ied) about (?!(?:him|her|it|them|this|that)\b)|"
              r"\bwhen to worry about\b")),
    Theme("symptoms", "Clinical features", "Symptoms",
          _rx(r"\bsymptoms?\b|\bsigns?\b|\bpresents? with\b|\bpresentation\b|\bmanifest|\bcomplain"),
          _rx(r"\bsymptoms?\b|\bsigns?\b|\bfeel\b|\bpresentation\b|\bmanifest|"
              # (not what good practice looks like: "… what does good practice look like for her antenatal care?")
              r"\bwhat does (?!(?:good |best |safe )?(?:practice|care|management)\b).* look like\b")),
    Theme("prognosis", "Prognosis and outcomes", "Outlook",
          # ("a 5-day course of antibiotics" is a dose, "recurrent UTI" a kind of UTI: not the outlook)
          _rx(r"\bprognos|\boutlook\b|\bsurviv|\bmortality\b|\boutcomes?\b|\brecurrences?\b|\brecur(s|red)?\b|"
              r"(?<!induce )(?<!induction of )(?<!maintain )(?<!maintenance of )\bremission\b|"
              # ("IVIg should be offered for the long-term treatment of CIDP" is treatment)
              r"\blong[- ]term\b(?! (?:treatment|therapy|use|management|anticoagula\w*|care)\b)|"
              r"\b(natural|clinical|disease) course\b|"
              # (not when something happens: "Sometime during the course of the disease, many people will develop gout
              # in the big toe")
              r"(?<!\bduring the )\bcourse of (the )?(disease|illness|condition)\b|\blife expectancy\b|\brecover|"
              r"\b(?:most|many|half|\d+%?|\d+ (?:percent|per cent)) (?:of )?(?:people|patients|individuals)\b"
              r"[^.;]{0,40}\bdie\b|"
              r"\b(?:usually|often|typically|generally) die\b|\bdie within\b|"
              # how long it lasts ("Symptoms usually begin 2 or 3 days after infection and last 2 to 14 days", "… goes
              # away on its own within a few weeks")
              # (not "in the last several years": a time before now)
              r"(?<!\bthe )(?<!\bthese )(?<!\bpast )\blast(?:s|ing|ed)? (?:for )?(?:about |around |up to |from |only )?"
              r"(?:\d+|a few|several)"
              r"(?:\s*(?:to|-|–|or)\s*\d+)? (?:days?|weeks?|months?|years?|hours?)\b|"
              # ("At first, gout attacks usually get better in days", "Early attacks usually subside within 3 to 10
              # days, even without treatment")
              r"\b(?:go(?:es)? away|clears? up|resolves?|gets? better|subsides?|settles?) "
              r"(?:by itself |on (?:its|their) own )?"
              r"(?:in|within|after) (?:about |around |a |a few |several |\d|days\b|weeks\b|hours\b)"),
          # ("… can he be observed, and for how long?", "How long should anticoagulation continue?": how long to do
          # something, not how the illness goes)
          _rx(r"\bprognos|\bsurviv|\boutlook\b|\blife expectancy\b|"
              # (… nor when to do it: "how long before the operation should they be given?")
              # (… nor how long and how often to do it: "how long and how often should the patient be monitored")
              r"(?<!\bfor )\bhow long\b(?! (?:and how (?:often|frequently) )?(?:should|must|do (?:i|we|you) need to|"
              r"does (?:he|she|it) need to|before|after|until) )|"
              r"\brecover|\bserious\b|\bmortality\b|"
              # (in lay words: "Will he get better …, will he need the feeding tube forever …?")
              r"\b(?:will|would|does|do|is|can) (?:he|she|they|it|i|my \w+|the \w+) (?:ever )?(?:get|getting) better\b|"
              r"\bforever\b|\bfor life\b|\b(?:have|need) to (?:give up|stop|quit) (?:\w+ing|work|sports?)\b|"
              # ("a recurrent malignant pleural effusion" is the one to manage, not a question of whether it recurs)
              r"\bcurable\b|\bfatal\b|\bdie\b|\bpermanent|\bgo away\b|\boutcomes?\b|\brecur(?!rent\b)|\brelapse|"
              r"\bchance of\b|\blikelihood\b|\brisk of (?:rupture|progression|recurrence|death|dying|"
              r"transformation)\b|\bnatural history\b")),
    # what to watch once a treatment or condition is under way, and how often ("monitor … hourly for 12 hours",
    # "follow-up every 3 months"): asked as "how should … be monitored", "how often should … be checked"
    Theme("monitoring", "Monitoring and follow-up", "Check-ups and follow-up",
          _rx(r"\bmonitor|\bfollow[- ]?up\b|\bsurveillance\b"),
          _rx(r"\bmonitor|\bfollow[- ]?up\b|\bsurveillance\b|\bhow (?:often|frequently)\b")),
)
# (patients' evidence comes from health pages as much as from studies)
EVIDENCE_TITLES = {Audience.CLINICIAN: "Key evidence", Audience.PATIENT: "What the sources say"}
PITFALL_TITLES = {Audience.CLINICIAN: "Critical pitfalls", Audience.PATIENT: "Things to watch out for"}
ESCALATION_TITLES = {Audience.CLINICIAN: "When to escalate or refer", Audience.PATIENT: "When to get help"}
POPULATION_TITLES = {Audience.CLINICIAN: "Specific populations", Audience.PATIENT: "For some groups of people"}

PITFALL = _rx(
    # ("… before stopping the infusion to avoid rebound hyperglycemia": a purpose, not a warning)
    r"(?<!\bnot )\bcontraindicat(?!ed\b\W*(?:\.|$))|(?:^|[,;:] )(?:do not|don'?t|never|avoid)\b|"
    r"(?<!\bto )\bavoid(?:ed)?\b|"
    r"\bshould not\b|\bmust not\b|\badvised? not to\b|\bnot (?:be )?recommended\b|"
    r"\b(?:recommends?|suggests?|advises?) against\b|\bis usually not appropriate\b|"
    # ("APA recommends (1C) that for individuals with … renal impairment, acamprosate not be used as a first-line
    # treatment")
    r"\b(?:recommends?|suggests?|advises?)\b[^.;]{0,20}\bthat\b[^.;]{0,120}\bnot be (?:used|given|prescribed|offered|"
    r"started|initiated)\b|"
    r"(?<!benefits and )(?<!benefit and )\bharms?\b|"
    r"\bharmful\b|\badverse (?:events?|effects?|reactions?|outcomes?)\b|\bside effects?\b|\btoxicit|"
    r"\bcaution\b|\bwarning\b(?! (?:signs?|mini)\b)|\binteract(?:s|ion|ions)\b|\bserious (?:risk|complication)|"
    r"\bbleeding risk\b|\brisk of (?:bleeding|death|harm|overdose|toxicity|falls?|hypotension|hypoglyc\w+)\b|"
    r"\bmisdiagnos|\boveruse\b|\bwithdrawal\b|\bdependence\b|\binsufficient evidence\b|"
    r"\brisks?\b[^.;]{0,40}\b(?:rupture|death|bleeding|harm|injury|damage|toxicity|complications?)\b"
)
ESCALATION = _rx(
    # "refer" as advice ("Refer men …", "should be referred to …", "referral to …"), not "patients
    # who have been referred" (a study population) or "also referred to as …"
    r"(?:^|[,;:] |\b(?:should|must|may|to|and|or|consider|promptly|urgently|immediately|need|needs) )(?:be )?"
    r"refer(?:red)?\b(?! to as\b)|\breferral (?:to|for)\b|\brefer (?:to|the|patients?|people|adults|children|"
    r"women|men|him|her|them|for)\b(?! as\b)|\bspecialists?\b|\bmedical emergency\b|\bemergency (care|treatment|"
    r"attention|services|room|department)\b(?! (setting|visits?|physicians?))|\b(call|dial) 911\b|\burgent|"
    r"\bimmediate (medical )?(attention|care)\b|"
    r"\b(be|been|require[sd]?|requiring|needs?|needing|warrants?) (\w+ )?hospitali[sz]|\badmi(t|ssion) to\b|"
    r"\bseek (medical|immediate|prompt)|\bseek (?:further |more |urgent )?(?:help|advice|care)\b|"
    r"\bcall (your|a|the) (doctor|"
    r"health|provider)|\bsee (a|your) (doctor|health care provider|physician)|\bcontact (your|a) (doctor|"
    r"health)|\bif (symptoms|pain|signs) (persist|worsen|do not improve)|\bfail(s|ed|ure)? (of|to respond|"
    r"to improve)|(?<!-)\brefractory\b|\bmultidisciplinary\b|\bred flags?\b"
)


# themes that speak to a question only when it asks about them: a sentence that mentions monitoring in passing ("…
# should not prompt monitoring …") is not off the question's intent for it, nor is monitoring what it is mainly about
SECONDARY = frozenset({"monitoring"})


def theme_by_key(key: str) -> Theme:
    for theme in THEMES:
        if theme.key == key:
            return theme
    raise KeyError(key)


def question_intents(question: str) -> tuple[str, ...]:
    """Theme keys the question asks about, in table order."""
    return tuple(t.key for t in THEMES if t.question.search(question))


def sentence_themes(sentence: str) -> tuple[str, ...]:
    return tuple(t.key for t in THEMES if t.sentence.search(sentence))


def primary_theme(sentence: str) -> str:
    """The theme a sentence speaks to first — usually its main clause: "The USPSTF recommends
    obtaining blood pressure measurements for diagnostic confirmation before starting treatment"
    is about diagnosis, though it names treatment ("" if none). A treatment given for primary
    prevention is prevention ("Offer acid-suppression therapy … for primary prevention of upper
    gastrointestinal bleeding in acutely ill patients"), and so is one given to prevent recurrence."""
    if _PRIMARY_PREVENTION.search(sentence):
        return "prevention"
    sentence = _SETTING.sub(" ", sentence)
    found = [(m.start(), t.key) for t in THEMES if (m := t.sentence.search(sentence))]
    # (monitoring is the primary theme only of a sentence that speaks to no other: "Monitor GFR at least annually in
    # people prescribed drugs known to be nephrotoxic" stays about drugs)
    found = [f for f in found if f[1] not in SECONDARY] or found
    return min(found)[1] if found else ""


# … and so is one given to stop a disease coming back ("ACP recommends management with increased fluid intake …
# to prevent recurrent nephrolithiasis")
_PRIMARY_PREVENTION = _rx(r"\b(?:for|as) (?:the )?(?:primary|secondary) (?:prevention|prophylaxis)\b|"
                          r"\bto prevent (?:the )?recurren|\bprevention of (?:the )?recurren")
# treatment as a setting, not the subject: "patients not currently receiving treatment for depression"
_SETTING = _rx(r"\b(?:receiving|undergoing|on|after|before (?:starting |consider(?:ing|ation of) )?|during|"
               r"completed?|prior to|despite|refractory to)\s+"
               r"(?:\w+\s+(?:or\s+\w+\s+)?)?(?:treatment|therapy|surgery)\b|"
               r"\b(?:actively |currently |already )?being treated\b|"
               # ("Adult patients who are treated with cisplatin … should be offered a four-drug combination …")
               r"\bwho (?:are|were|is|was|have been|has been) (?:being )?(?:treated|managed) with\b|"
               # … or who it is for ("For high-risk individuals who test HIV negative, offering PrEP …", "For
               # adults … diagnosed with Lyme disease, offer antibiotic treatment …")
               r"\bwho (?:test|tested|tests) (?:\w+ )?(?:negative|positive)\b|\bdiagnosed (?:with|as having)\b|"
               r"\bnewly diagnosed\b|"
               # … or when something happens ("excessive bleeding or oozing following an injury, surgery, or dental
               # work" is a symptom of von Willebrand disease)
               r"\b(?:after|following)\s+(?:(?:an?|the)\s+)?(?:[\w-]+,\s+){0,3}(?:or\s+)?(?:surgery|an operation)\b|"
               # … or how bad it was ("Any prolonged, heavy, or repeated bleeding that required medical care …")
               r"\b(?:required|requiring|needed|needing) (?:medical )?(?:care|attention|treatment)\b|"
               # ("In patients being considered for active therapy, pleural effusion should be investigated …")
               r"\b(?:being )?(?:considered|candidates?|eligible|suitable|fit) for (?:\w+ )?"
               r"(?:treatment|therapy|surgery)\b|"
               # … or a trial's statistics ("A treatment interaction was detected …")
               r"\btreatment (?:interactions?|effects?|groups?|arms?|allocation|assignment|difference)\b")


# a clinical management question ("How is X treated?", "What is the first-line treatment for X?"):
# when nothing in the evidence speaks to it, the honest answer is "too little evidence" (research
# questions that merely share a theme word — "How many copies of TP53 …", "Which drugs were tested
# in the FAKTION trial?" — are answered from what was found)
ASKS_MANAGEMENT = _rx(r"\bhow (is|are|should|do|does|can|would) .{0,80}\b(treat|manag|prevent)|"
                      r"\b(treatment|management|therapy|prevention|treatments)( options)? (of|for|in)\b|"
                      r"\bfirst[- ]line\b|\bhow to (treat|manage|prevent)\b")

# a case whose question asks what it is ("What is the likely diagnosis …?", "What has most likely happened …?")
# (… "What is the likely tumour …?", "What diagnosis must not be missed …?")
ASKS_DIAGNOSIS = _rx(r"\b(?:likely|probable|most likely|working|differential)\s+(?:\w+\s+)?(?:diagnos[ie]s|cause|"
                     r"disorder|condition|disease|syndrome|tumou?r|cancer)\b|"
                     r"\b(?:what|which) (?:diagnos[ie]s|condition|disease|infection|illness|disorder) (?:must|should|"
                     r"needs? to|has to) (?:not )?be (?:missed|excluded|ruled out|considered)\b|"
                     r"\b(?:what|which) (?:condition|disease|diagnosis|disorder|infection|illness) "
                     r"(?:could|might|would|may|best) (?:explain|account for|cause)\b|"
                     r"\bwhat (?:is|could be|might be) (?:the )?(?:diagnosis|going on|wrong)\b|"
                     r"\bwhat (?:has|have) (?:most )?(?:likely |probably )?happened\b|"
                     r"\bwhat (?:is|could|might) (?:this|it|that)(?: be)?\b|"
                     # ("What infection is this …?", "Which zoonosis should be suspected …?")
                     r"\b(?:what|which) (?:\w+ ){1,2}(?:is|are) (?:this|these)\b|"
                     r"\b(?:what|which) (?:\w+ ){1,2}(?:should|must) be suspected\b|"
                     # ("… MRI shows a fluid-filled cavity inside the cervical spinal cord … What is the condition …?")
                     r"\bwhat is (?:the|this|his|her|their) (?:condition|disease|disorder|syndrome|illness|infection)\b"
                     r"(?! (?:of|in|with|called)\b)")

# a clinical work-up question: "How should a thyroid nodule be evaluated?"
ASKS_WORKUP = _rx(r"\bhow (?:is|are|should|do|does|can) .{0,80}\b(?:diagnosed|evaluated|assessed|investigated|"
                  r"screened|worked up)\b")

# a question about which imaging to do
ASKS_IMAGING = _rx(r"\bimaging\b|\bradiolog|\bscans?\b|\bultraso|\bx-?rays?\b|\bmri\b|\bct\b|\bradiograph")

# a question that asks for a measure by name ("What surgical margins are recommended …", "What oxygen saturation
# target …"): a sentence that gives that measure in figures answers it
ASKS_MEASURE = _rx(r"^(?:what|which)\s+(?:[\w-]+\s+){0,3}?(?P<measure>margins?|targets?|thresholds?|doses?|dosages?|"
                   r"durations?|intervals?|counts?|levels?|ranges?|frequency|cut-?offs?)\s+(?:is|are|should|would|"
                   r"can|do|does|was|were|has|have|to)\b")

# what a yes/no question asks about ("Is exercise effective for …", "Should quinine be prescribed for …", "Does
# metformin reduce …"): the finding that decides it names it
# (… or what someone asks to take: "Can I take ibuprofen while pregnant?" asks about ibuprofen)
ASKS_ABOUT = _rx(r"^(?:is|are|does|do|did|should|can|could|will|would|may)\s+(?:the use of |using |taking |giving |"
                 r"(?P<taker>(?:i|we|you|he|she|they|my \w+)\s+(?:safely |still |also |just )?(?:take|use|try)\s+))?"
                 r"(?P<subject>(?:[\w-]+\s+){0,2}?[\w-]+)"
                 r"(?(taker)(?=\s+(?:while|during|when|if|with|for|in|after|before|at|and|or|on|together)\b|\s*\?)|"
                 r"\s+(?:be\s+)?(?:effective|safe|useful|beneficial|helpful|"
                 r"recommended|indicated|superior|better|worth|reduce|reduces|improve|improves|prevent|prevents|"
                 r"increase|increases|lower|lowers|cause|causes|work|help|helps|used|given|prescribed|offered|"
                 r"started|continued|stopped|avoided)\b)")

# what a "What is X?" question asks to have defined ("What is Valtrex?", "What exactly is cervical radiculopathy?")
ASKS_DEFINITION = _rx(r"^\W*(?:what|who)(?:'?s| (?:exactly |actually |really )?(?:is|are)) (?:an? |the )?"
                      r"(?P<subject>[^?.,;:]{2,60}?)\s*\??$")
# … and what a sentence defines: its words before the verb ("Lupus pernio is a serious skin condition that
# sarcoidosis may cause" defines lupus pernio)
DEFINED = _rx(r"^(?P<subject>.{2,80}?)\s(?:(?:is|are) (?:a|an|the|one of|also called|also known as)|refers? to|"
              r"means)\b")

# a question about side effects, risks or safety: its bottom line should say what the harm is
ASKS_HARMS = _rx(r"\bside[- ]?effects?\b|\badverse (?:effects?|events?|reactions?)\b|\bis it (?:safe|dangerous)\b|"
                 r"\bharm(?:s|ful)?\b|\btoxicity\b|\binteract(?:s|ions?)\b|\bwhat are the risks\b")

# a question about when to refer or escalate: its bottom line should say when
# a lay question when to get help ("… when should I take him to the doctor?", "Do I need to take her to A&E?", "Should
# I be worried?"): the sources say "seek (further) help/advice", words no parent types
LAY_GET_HELP = _rx(r"\b(?:take|bring) (?:him|her|them|my \w+|the \w+) (?:in )?to (?:the |a |see a )?"
                   r"(?:doctors?|gp|a&e|er|emergency|hospital|clinic|paediatrician|pediatrician)\b|"
                   r"\bwhen (?:should|do|must) (?:i|we) (?:see|go to|call|phone|ring|get) (?:a |the |my |our )?"
                   r"(?:doctor|gp|hospital|a&e|er|help|nurse|ambulance)\b|"
                   r"\b(?:should|do) (?:i|we) (?:be )?(?:worr(?:y|ied)|see a doctor|call (?:a|the) doctor)\b|"
                   r"\bwhen to worry\b")
ASKS_ESCALATION = _rx(r"\brefer(r?al|red)?\b|\bspecialists?\b|\bescalat|\bwhen (should|to|do|must) (i|we|you|"
                      r"they|patients?|people|\w+) (see|go|call|seek|be (seen|admitted|hospitali[sz]ed))|"
                      rf"{LAY_GET_HELP.pattern}|"
                      # (not emergency advice to give, nor a case's "no red-flag features")
                      r"\bemergency\b(?! (?:advice|card|kit|plan|contraception|dose|injection|pack|letter|supply)\b)|"
                      r"\bsee a (doctor|specialist)\b|(?<!\bno )(?<!\bwithout )\bred[- ]flags?\b")


_RELATED = {"treatment": {"drugs"}, "drugs": {"treatment"}, "prevention": {"causes"}, "causes": {"prevention"},
            "symptoms": {"diagnosis"}, "diagnosis": {"symptoms"}, "definition": {"causes", "symptoms"}}


def main_clause_themes(intents: Sequence[str]) -> set[str]:
    """Themes a bottom line's main clause may speak to and still answer the question: what was
    asked, and drugs for a question about treatment or prevention (PrEP, aspirin; narrower than
    ``related``: a sentence about causes does not answer "how is it prevented")."""
    return set(intents) | ({"drugs"} if {"treatment", "prevention"} & set(intents) else set())


def related(intents: Sequence[str]) -> set[str]:
    """The intents plus the themes that naturally belong with them (treatment ↔ drugs …)."""
    out = set(intents)
    for intent in intents:
        out |= _RELATED.get(intent, set())
    return out
