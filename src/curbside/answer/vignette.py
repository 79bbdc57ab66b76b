"""A question put as a case: which of its words describe the patient and which ask the question, and the
parts a several-part question asks.

Clinicians ask the way they present: "A 3-year-old who attends daycare was admitted overnight with
meningococcal septicaemia. Which contacts need chemoprophylaxis, and what drug and dose should they get?".
A guideline on meningococcal disease answers it without saying "daycare", "admitted" or "overnight", and no
one passage answers both parts. Sufficiency (``terms.Terms.coverage``) reads such a question as:

* *case words* — the patient's age, figures, and the words of the case description that are not a disease's
  name — count for coverage where a passage has them and never against it where it does not;
* *parts* — "…, and what drug and dose …", "…, or should we be thinking about ear tubes?" — each is a
  question of its own with the case's diseases: a passage that answers one of them answers the question in
  part (the first part, or a later one that names the disease).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from curbside.answer.lexicon import disease_mentions
from curbside.answer.mentions import medical_stems
from curbside.answer.text import STOPWORDS, content_stems, stem, tokenize
from curbside.drug_names import drug_words
from curbside.sentences import sentences

# an age or a figure is a fact of the case, not what is asked ("64-year-old", "aged 70", "sodium of 112 mmol/L")
_AGE = re.compile(r"\b\d+(?:\.\d+)?[- ](?:years?|yrs?|months?|weeks?|days?)[- ]old\b|"
                  r"\baged? \d+(?: (?:years?|months?))?\b|\b\d+ (?:years?|months?|weeks?|days?) (?:old|of age)\b",
                  re.IGNORECASE)
_ASKING = (r"(?:what|which|how|when|where|who|why|should|is|are|can|could|do|does|did|will|would|must|has|have|"
           r"need|needs)\b")
_ASKS = re.compile(_ASKING, re.IGNORECASE)
# (… or whose advice it asks for: "Under NICE guidance", "According to the USPSTF")
_SETTING_FIRST = re.compile(r"^(?:in|for|among|at|with|given|under|according to|per|following)\b", re.IGNORECASE)
# (a relative clause is still the setting: "For an adult … who needs a fusion, does …?")
_QUESTION_WORD = re.compile(r"\b(?:what|how|why|when|where|should|can|could|do|does|did|will|would|must)\b|\?",
                            re.IGNORECASE)
# a case set before the question after a dash or colon ("Newly diagnosed Addison's disease — what doses …?")
_LEAD_IN = re.compile(rf"^(?P<case>[^?]{{12,}}?)(?:\s+(?:—|–|-)\s+(?={_ASKING})|:\s+)", re.IGNORECASE)
# options listed after a dash ("… does a lower-risk BRUE need — admission, ECG, labs, imaging?"): what the answer
# may speak of, not words every passage must have
# (not a further question after the dash: "Plasma exchange or IVIG — and is there any point in giving both?")
_OPTIONS = re.compile(rf"\s+(?:—|–)\s+(?!(?:(?:and|or|but)\s+)?{_ASKING})(?P<options>[^?]+)", re.IGNORECASE)
# where one question ends and the next begins ("…, and what drug and dose …", "…; how long …", "…, or should …")
_PART = re.compile(rf",?\s+(?:and|or|but)\s+(?={_ASKING})|;\s+|,\s+(?={_ASKING})|\s+(?:—|–)\s+", re.IGNORECASE)
# what tells a case from a topic: a patient, an age or a figure, or a diagnosis made or suspected
# (one patient, in running words: "children" and "women" in a study's title are its population, and a title's
# "Increased Patient Risk" or "the 2009 TNM version" is not a case)
_ONE = r"patient|man|woman|boy|girl|child|infant|baby|toddler|newborn|neonate|he|she|my|newly|suspected|new"
# … or findings told as of one ("screening endoscopy shows medium oesophageal varices …, never bled")
_FINDINGS = r"shows?|showed|reveals?|revealed|presents?|presented|complains?|denies|never|history of|on examination"
# (a lay asker tells their own case in the first person: "I'm 67 and had shingles two years ago.", not the "I" of
# "Which options should I offer:"; typed in lower case too: "im 48 and for about a week …")
_PATIENT = re.compile(rf"(?-i:\b(?:{_ONE}|{_FINDINGS})\b|^\s*(?i:{_ONE})\b|^\s*(?:I|i|im|ive)\b)|"
                      r"\b\d+(?:\.\d+)?\s?(?:mmol|mg|mcg|g|kg|cm|mm|ml|%|mmhg|bpm|weeks?|days?|hours?|months?|years?)\b|"
                      r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b|"
                      # (a clinician's shorthand for age and sex: "52M with Guillain-Barré …", "34F", "67yo")
                      r"(?-i:\b\d{1,3}\s?(?:[MF]|yo|y/o)\b)", re.IGNORECASE)
_BRACKETED = re.compile(r"\((?P<inside>[^()]{2,120})\)")
_RESTATED = re.compile(r"(?P<phrase>(?:\b[\w'-]+\s+){0,2}[\w'-]+)\s+\((?P<inside>[^()]{2,120})\)")
# what the case does not have ("no rash", "there is no saddle anaesthesia or sphincter disturbance", "without
# fever"): findings that rule something out, which a passage on what is asked rarely repeats
_NEGATED = re.compile(r"\b(?:no|without|denies|denied|never|(?:does|did|do) not have|(?:doesn|didn|don)'?t have)\s+"
                      r"(?P<negated>(?:(?!\b(?:and|but|with|who|which|while)\b)"
                      r"[^;,.:()?—–])+"
                      # (a list the "no" governs: "no fever, weight loss or history of cancer")
                      r"(?:,\s+(?!(?:and|but|with|who|which|while)\b)[^;,.:()?—–]*?\bor\b[^;,.:()?—–]*)?)|"
                      # … or has normal ("foot pulses are normal", "a normal MRI brain")
                      r"(?P<found>(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:is|are|was|were)\s+(?:normal|unremarkable)\b|"
                      r"\b(?:normal|unremarkable)\s+(?P<normal>(?:(?!\b(?:and|but|with|who|which|while)\b)[^;,.:()?—–])+"
                      # (… and the list it governs: "a normal GGT, transaminases, calcium and vitamin D")
                      r"(?:,\s+[\w-]+(?:\s+[\w-]+)?)*(?:,?\s+and\s+[\w-]+(?:\s+[\w-]+)?(?=\s*[.;]))?)",
                      re.IGNORECASE)
# the patient's circumstances told inside the question ("would digoxin be reasonable since she is largely
# housebound?", "…, given his age?"): a detail of the case, not what is asked
_ASIDE = re.compile(r",?\s+\b(?:since|because|given(?: that)?|as)\s+"
                    r"(?:he|she|they|I|we|the patient|my \w+|his|her|their)\b[^?,;]*", re.IGNORECASE)
# where a case's phrases end: a word before a semicolon does not qualify one after it ("… leaning forward on a
# shopping trolley; foot pulses are normal"; a comma may join one: "1.5 mm Breslow, non-ulcerated melanoma")
_CLAUSE = re.compile(r"[;:()]|\.(?!\d)|\s[—–-]\s")
# … nor does a count or a time ("had shingles two years ago", "itching for three weeks")
_NOT_QUALIFIERS = frozenset("""one two three four five six seven eight nine ten few several ago year years month months
week weeks day days hour hours""".split())
# a figure's unit is a figure too ("a 2.5 cm tubal ectopic pregnancy", "hCG of 1,800 IU/L")
_UNITS = frozenset("cm mm m km kg g mg mcg µg ug iu u l ml dl mmol umol µmol mol meq mmhg bpm bu".split())
# a tumour's TNM stage is a figure too ("stage III (T3N1) colon cancer"): guidance names the stage, rarely the code
_TNM = re.compile(r"^p?t[0-4x][a-c]?n[0-3x][a-c]?(?:m[01x][a-c]?)?$")
# a pharmacogene ("CYP2C19 *2/*2", "CYP2D6", "UGT1A1", "SLCO1B1"): the finding that decides the drug, not a figure
_GENE = re.compile(r"^[a-z]{2,4}\d[a-z]\d{1,2}$")
_MIN_PART_TERMS = 2
# a comorbidity told after the presentation, on its own ("He has mild asthma.", "She also takes allopurinol for
# gout.", "… with no anti-D and takes levothyroxine for hypothyroidism."): the patient's history, not the case's topic
_HISTORY = re.compile(r"(?:^|\band\s+)(?:(?:he|she|they|I|the patient|my \w+)\s+)?(?:also\s+)?"
                      r"(?:has|have|takes?|is on|are on|am on|(?:has|have)\s+got)\s+(?P<told>[^.;:?]+)", re.IGNORECASE)
# … in words that say no more than the disease and its drug ("well-controlled type 2 diabetes", "gout on allopurinol";
# one more word may qualify it: "chronic plaque psoriasis", "hand osteoarthritis")
_HISTORY_WORDS = frozenset("""also mild moderate well controlled long standing chronic stable known history for on
treated""".split())
_HISTORY_OTHER = 1
# a question that asks about the sentence before it, on its own: "The registrar wants to start the high-dose
# methylprednisolone protocol. Should we, and what blood pressure …?"
_ELLIPTICAL = re.compile(r"^\s*(?:should|can|could|may|must|shall|do|would)\s+(?:we|i|he|she|they|you)\s*"
                         r"(?:[,?]|(?:and|or|but)\b)", re.IGNORECASE)
# … or one that only asks how to reply ("What should I tell her?") to a question the case reports ("The pathologist asks
# whether the nodal core is worth testing for HPV …")
_REPLYING = re.compile(r"^\s*(?:what|how)\s+(?:should|do|would|can|could|shall)\s+(?:we|i)\s+(?:tell|say to|advise|"
                       r"answer|reply to|respond to|explain to)\s+(?:her|him|them|the \w+)\s*\?\s*$", re.IGNORECASE)
# … or how to answer what was asked, in the question's first clause ("How should we respond to these two requests,
# and what does good practice look like …?" after "The couple ask whether she will need a caesarean …")
_RESPONDING = re.compile(r"^\s*(?:what|how)\s+(?:should|do|would|can|could|shall)\s+(?:we|i)\s+(?:respond to|answer|"
                         r"reply to|handle|deal with|approach)\s+(?:these|this|those|their|her|his|the)\s+(?:\w+\s+)?"
                         r"(?:requests?|questions?|concerns?|wishes|demands?)\b", re.IGNORECASE)
# … or one that asks about what was just said ("I've heard honey isn't safe for babies but she says that's nonsense.
# Who's right …?", "My mum reckons pet rodents can carry a virus that harms unborn babies. Is that true …?"; not "is it
# true it can cause depression?", which asks what follows)
_ASKS_BACK = re.compile(r"^\s*(?:(?:is|was) (?:that|this|it|she|he) (?:true|right|correct|a myth)|who(?:'s| is) right|"
                        r"are (?:they|these|those) right)(?=\s*(?:[?,;.]|and\b|or\b|$))", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:asks?|asked|asking|wants? to know|wonders?|wondering|queries|questions)\b",
                       re.IGNORECASE)
# a verb's particle is not a term of its own ("how should she be followed up" asks one thing: follow-up)
_PARTICLES = frozenset({"up", "out", "down", "off"})
_CLASSES = frozenset({"type", "types", "stage", "stages", "grade", "grades", "class", "phase", "level", "step",
                      "tier", "nyha", "gold", "ckd", "category", "group"})
_QUALIFIERS = 3  # words either side of a medical word that may belong to its phrase
# the side of the body ("right lateral shoulder pain"): guidance is rarely for one side only
_SIDES = frozenset({"right", "left"})


def case_terms(question: str, topics: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of the words that describe the patient rather than ask: ages and figures anywhere, and the words
    of the case description (sentences before the question, or a lead-in before a dash) other than its medical
    words, other than ``topics`` (words a health page is named for: "pinworms") and other than words the question
    itself uses."""
    case, asking = _split(question)
    diseases = _diseases(question)
    negated = _negated(case)
    # (the patient's other diseases are words of the case too: ``without_history``)
    medical = _medical(_presentation(question), diseases, topics)
    described = set(content_stems(case)) - set(content_stems(asking)) - (medical - negated)
    ages = {stem(t) for m in _AGE.finditer(question) for t in tokenize(m.group(0))} - diseases
    # (a class is not a figure: "type 2 diabetes", "stage 3 CKD", "grade 1", "phase 2")
    tokens = tokenize(question)
    figures = {t for i, t in enumerate(tokens) if (t[0].isdigit() or _TNM.match(t))
               and (i == 0 or tokens[i - 1] not in _CLASSES)}
    figures |= {stem(t) for i, t in enumerate(tokens) if t in _UNITS and i and tokens[i - 1][0].isdigit()}
    options = {s for m in _OPTIONS.finditer(asking) for s in content_stems(m.group("options"))}
    # (what a question adds in brackets is a detail or another wording: "(native valve, no history of
    # endocarditis)", "vestibular neuritis (unilateral vestibular hypofunction)")
    outside = set(content_stems(_BRACKETED.sub(" ", question)))
    # (not an abbreviation or a single word: "(Kt/V)", "(HbSS)", "(wet)" name what is asked)
    bracketed = {s for m in _BRACKETED.finditer(question)
                 if len(inside := content_stems(m.group("inside"))) >= _MIN_PART_TERMS for s in inside} - outside
    # (not "the right way", "right away", "right now")
    sides = {t for i, t in enumerate(tokens) if t in _SIDES and (i == 0 or tokens[i - 1] not in ("the", "a", "all"))
             and (i + 1 == len(tokens) or tokens[i + 1] not in ("way", "away", "now", "thing", "time", "to"))}
    # ("right-sided", "left-sided": the side again)
    sides |= {t for i, t in enumerate(tokens) if t == "sided" and i and tokens[i - 1] in _SIDES}
    return frozenset(described | ages | figures | bracketed | sides | (options - diseases))


def negated_terms(question: str) -> frozenset[str]:
    """Stems of what a case says the patient does not have ("no saddle anaesthesia or sphincter disturbance"),
    other than words the question asks with: a passage that has them is about what the case rules out (the red flags
    of cauda equina), so they count neither for a passage nor against it."""
    case, asking = _split(question)
    return frozenset(_negated(case) - set(content_stems(asking)))


_NEGATED_HISTORY = re.compile(r"(?:(?:personal|family|past|previous|prior)\s+)?(?:history|episodes?)\s+of\b",
                              re.IGNORECASE)


def ruled_in(question: str, diseases: list[str]) -> list[str]:
    """Of the diseases a question names, those its case does not rule out: "… the growth scan is normal and there
    is no polyhydramnios" asks about the pregnancy, not polyhydramnios."""
    ruled_out = negated_terms(question)
    if not ruled_out:
        # (a question without a case rules out in its own words: "In an asymptomatic adult with no anaemia or
        # neuropathy whose serum cobalamin …, what is the suggested management …?" is not about anaemia)
        # (not a history it rules out: "(native valve, no history of endocarditis)" still asks about endocarditis)
        spans = [span for m, span in zip(_NEGATED.finditer(question), _negated_spans(question), strict=True)
                 if not _NEGATED_HISTORY.match(m.group("negated") or "")]
        rest = _NEGATED.sub(" ", question).lower()
        return [d for d in diseases if not any(set(content_stems(d)) <= span for span in spans) or d.lower() in rest]
    # (… or names it only inside what it rules out: "a lump in her left breast …, no family history of breast
    # cancer" does not say she has breast cancer)
    spans = _negated_spans(_split(question)[0])
    rest = _NEGATED.sub(" ", question)
    return [d for d in diseases if not (named := set(content_stems(d)))
            or not (named <= ruled_out or (any(named <= span for span in spans) and d.lower() not in rest.lower()))]


def _negated_spans(case: str) -> list[set[str]]:
    """The stems of each thing the case rules out ("no family history of breast cancer", "foot pulses are normal")."""
    return [set(content_stems(m.group("negated") or m.group("found") or m.group("normal")))
            for m in _NEGATED.finditer(case)]


def _negated(case: str) -> set[str]:
    negated = {s for span in _negated_spans(case) for s in span}
    # (not what the case also has: "chest pain, no leg pain")
    return negated - set(content_stems(_NEGATED.sub(" ", case)))


def restatements(question: str) -> dict[str, frozenset[str]]:
    """Another wording the question gives in brackets for the words before them, by stem ("vestibular neuritis
    (unilateral vestibular hypofunction)": a guideline on unilateral vestibular hypofunction covers neuritis)."""
    out: dict[str, frozenset[str]] = {}
    for m in _RESTATED.finditer(question):
        inside = frozenset(content_stems(m.group("inside")))
        if len(inside) >= _MIN_PART_TERMS:
            for s in content_stems(m.group("phrase")):
                out.setdefault(s, inside)
    return out


def parts(question: str, topics: frozenset[str] = frozenset()) -> tuple[frozenset[str], ...]:
    """What each part of a several-part question asks, as stems, with the medical words of the case and the
    diseases the question names (empty for a question of one part). A later part with neither is left out:
    asked alone, "should aspirin be added" is about aspirin for anything."""
    pieces = part_texts(question)
    if not pieces:
        return ()
    diseases = _diseases(question)
    context = _medical(_presentation(question), diseases, topics) | diseases
    out = []
    for i, piece in enumerate(pieces):
        own = frozenset(content_stems(piece))
        if len(own - _PARTICLES) < _MIN_PART_TERMS or (i and not context and not own & diseases):
            continue
        out.append(own | context)
    return tuple(out)


# an aside inside one question ("Which imaging, if any, is appropriate …"): no part of its own
_IF_ANY = re.compile(r",\s*if (?:any|at all|ever)\s*,\s*", re.IGNORECASE)


def part_texts(question: str) -> tuple[str, ...]:
    """The parts of a several-part question as written ("Which contacts need chemoprophylaxis", "what drug and dose
    should they get?"); empty for a question of one part."""
    pieces = [p.strip() for p in _PART.split(_OPTIONS.sub(" ", _IF_ANY.sub(" ", asking(question)))) if p and p.strip()]
    return tuple(pieces) if len(pieces) >= 2 else ()


def is_setting(part: str) -> bool:
    """A part that only says whom the question is about ("In a patient this age", "For an adult … who needs a
    fusion"): it asks nothing of its own."""
    return bool(_SETTING_FIRST.match(part)) and not _QUESTION_WORD.search(part)


def _diseases(question: str) -> set[str]:
    return {stem(t) for name in disease_mentions(without_history(question)) for t in tokenize(name)}


def _presentation(question: str) -> str:
    """The case description without the patient's history (``without_history``)."""
    return _split(without_history(question))[0]


_VACCINATED = re.compile(r"\b(?:tetanus|diphtheria|pertussis|rabies|hepatitis [ab]|influenza|flu|pneumococcal|"
                         r"covid(?:-19)?)\s+(?:(?:status|cover|immuni[sz]ation|vaccination|vaccine|toxoid|booster|"
                         r"prophylaxis|jab|shot)s?\s+)?(?:(?:was|were|has been|have been|is|are)\s+)?(?:updated|"
                         r"up[ -]to[ -]date|given|boosted)\b", re.IGNORECASE)


@lru_cache(maxsize=512)  # (read for the topics, the case words, the parts and the scope of one question)
def without_history(question: str) -> str:
    """The question without the comorbidities its case tells after the presentation (``_HISTORY``): "… day 12 after
    a stem cell transplant …, tender hepatomegaly and new ascites … She has chronic plaque psoriasis. How should
    suspected veno-occlusive disease be confirmed …?" is not about psoriasis. The presentation (the case's first
    sentence) is never history, nor is a disease or drug the question asks about."""
    case, asked = _split(question)
    # (a vaccine brought up to date is no disease the patient has: "… irrigated and dressed and tetanus updated" is not
    # a case of tetanus)
    question = question.replace(case, _VACCINATED.sub(" ", case)) if case else question
    said = sentences(case, typed=True) if case else []
    if len(said) < 2:
        return question
    asked_words = set(content_stems(asked))
    out = question
    for sentence in said[1:]:
        for m in _HISTORY.finditer(sentence):
            told = m.group("told")
            names = disease_mentions(told)
            if not names:
                continue
            named = {w for name in names for w in tokenize(name)} | set(drug_words(told))
            other = [w for w in tokenize(told) if w not in named and w not in STOPWORDS and w not in _HISTORY_WORDS]
            if len(other) > _HISTORY_OTHER or {stem(w) for w in named} & asked_words:
                continue
            # (a sentence of its own goes whole, a clause leaves its sentence's other words)
            out = out.replace(sentence if m.start() == 0 else m.group(0), " ", 1)
    return " ".join(out.split())


def _medical(case: str, diseases: set[str], topics: frozenset[str]) -> set[str]:
    """The case's medical words and topics and the question's diseases: what the case is about, which a passage
    must say."""
    if not case:
        return set()
    medical = set(medical_stems(case)) | (set(content_stems(case)) & topics) | diseases
    # … with the words that qualify them ("meningococcal septicaemia", "displaced femoral neck fracture")
    # (as far as a word that is not part of their phrase: "admitted overnight with meningococcal …")
    for clause in _CLAUSE.split(_AGE.sub(" ", case)):
        tokens = tokenize(clause)
        for i, token in enumerate(tokens):
            if stem(token) not in medical:
                continue
            for side in (reversed(tokens[max(0, i - _QUALIFIERS):i]), tokens[i + 1:i + 1 + _QUALIFIERS]):
                for word in side:  # ("serum sodium of 112 mmol/L": the phrase ends at "of")
                    if word in STOPWORDS or word in _NOT_QUALIFIERS or word in _UNITS or word[0].isdigit():
                        break
                    medical.add(stem(word))
    # (a gene's own phrase is how it was found — "a pharmacogenetic panel shows" — which no guideline repeats)
    return medical | {stem(t) for t in tokenize(case) if _GENE.match(t)}


def asking(question: str) -> str:
    """The question asked, without the case set before it."""
    return _split(question)[1]


def case_of(question: str) -> str:
    """The case set before the question ("" when there is none)."""
    return _split(question)[0]


_WITHOUT = re.compile(r"\b(?:even\s+)?(?:without|unless|other than|excluding)\b[^?.;]*", re.IGNORECASE)


def asked_subject(question: str) -> tuple[str, ...]:
    """The medical words of a several-part question's last clause that its opening clauses do not say: what it asks
    about, after the patient it asks it for ("For a patient with polymyalgia rheumatica who relapses every time
    prednisolone is tapered below 7.5 mg, is a TNF inhibitor such as infliximab …?" → TNF, inhibitor, infliximab,
    steroid); () for a question of one part."""
    pieces = part_texts(question)
    if len(pieces) < 2:
        return ()
    before = set(content_stems(" ".join(pieces[:-1])))
    # (what it is asked without is no part of it: "… give every child … daily iron drops, even without checking their
    # haemoglobin first?" asks about iron)
    last = _WITHOUT.sub(" ", pieces[-1])
    medical = medical_stems(last) - before - _ASKING_VERBS
    return tuple(dict.fromkeys(t for t in tokenize(last) if stem(t) in medical))


# what a question asks to do with its subject is not its subject ("… can keratinocyte growth factor be offered to
# prevent the mucositis?" is about keratinocyte growth factor)
_ASKING_VERBS = frozenset(stem(w) for w in "prevent prevents preventing treat treats treating manage managing".split())


# what a case's question calls the drug it told of ("… she has read that a tablet called omaveloxolone (Skyclarys) has
# now been approved. How does it work, …?")
_IT = re.compile(r"\b(?:it|this (?:drug|medicine|medication|tablet|treatment))\b", re.IGNORECASE)


def drug_referred_to(question: str) -> str:
    """The one drug a case names that its question refers to as "it" (and names no drug of its own); "" otherwise:
    that drug is what the question asks about, though only its case names it."""
    case, asked = _split(question)
    if not case or not _IT.search(asked) or drug_words(asked):
        return ""
    named = list(dict.fromkeys(drug_words(case)))
    return named[0] if len(named) == 1 else ""


def patient_drugs_asked(question: str, drugs: Iterable[str]) -> set[str]:
    """Of ``drugs`` (words of the question), those the case says the patient is on and the question asks about ("… on
    sodium valproate 1,000 mg daily … What should I do about her valproate?"); none without a case."""
    case, asked = _split(question)
    in_case, in_asked = set(tokenize(case)), set(tokenize(asked))
    return {d for d in drugs if d in in_case and d in in_asked}


def _split(question: str) -> tuple[str, str]:
    """(case description, the question asked). Only a patient's description is a case: a topic set before the
    question ("School food policy at Dutch primary schools: room for improvement?", "Cold knife conization vs.
    LEEP. Are they the same procedure?") is what the question is about."""
    said = sentences(question, typed=True)
    asked = [s for s in said if s.rstrip().endswith("?")]
    if not asked and len(said) >= 2:
        # (typed without a question mark, as a worried parent writes: "… hes back to normal this morning. how long can
        # it last, is there any treatment for it …": the sentences that ask, at its end)
        while len(asked) < len(said) and _ASKS.match(said[len(said) - 1 - len(asked)].lstrip()):
            asked.insert(0, said[len(said) - 1 - len(asked)])
    case, asking = "", question
    if len(said) >= 2 and asked:
        told = [s for s in said if s not in asked]
        if _PATIENT.search(before := " ".join(told)):
            case, asking = before, " ".join(asked)
            elliptical = (_ELLIPTICAL.match(asking) or _ASKS_BACK.match(asking)
                          or ((_REPLYING.match(asking) or _RESPONDING.match(asking)) and _REPORTED.search(told[-1])))
            if elliptical and len(told) >= 2:
                case, asking = " ".join(told[:-1]), f"{told[-1]} {asking}"
    lead = _LEAD_IN.match(asking)
    # (a lead-in that asks is part of the question: "How should suspected veno-occlusive disease be confirmed, and
    # what treatment should she get — is alteplase … worth trying?")
    if lead is not None and _PATIENT.search(lead.group("case")) and not _ASKS.match(lead.group("case")):
        case = f"{case} {lead.group('case')}".strip()
        asking = asking[lead.end():]
    asides = [m.group(0).strip(" ,") for m in _ASIDE.finditer(asking)]
    if asides:
        case = " ".join([case, *asides]).strip()
        asking = _ASIDE.sub("", asking)
    return case, asking
