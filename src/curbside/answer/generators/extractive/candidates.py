"""Candidate sentences: split the evidence into sentences, trim them without changing their
meaning, and describe each one (relevance, cues, themes, readability) for scoring."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from curbside.answer import feature_tables
from curbside.answer.clauses import is_clause, is_verb, item_list
from curbside.answer.generators.extractive.cues import (
    ADVISES,
    ADVISES_AGAINST,
    ASIDE,
    BACK_REFERENCE,
    CAPS_BACKGROUND,
    COMMON_PRACTICE,
    CONCLUSION_CUE,
    CONCLUSION_SECTION,
    DANGLING,
    FOR_THOSE_WHO_CANNOT,
    FORWARD,
    GLOSSARY_ENTRY,
    GRADED,
    META_CUE,
    METHOD_CUE,
    METHOD_SECTION,
    NEGATED_HARM,
    NO_RECOMMENDATION,
    NOT_STOPPED,
    OPEN_END,
    PIPELINE,
    PROFILE_LABEL,
    RECOMMENDATION_CUE,
    RECOMMENDATION_SECTION,
    REFERENCE_ENTRY,
    RELATIVE_START,
    REPORTED_ADVICE,
    STATS,
    UNLESS,
    strength,
)
from curbside.answer.generators.extractive.layout import REGIMEN_LABEL, segments
from curbside.answer.lead_cues import DESIGN_SUBTITLE, SCOPE_SECTION
from curbside.answer.readability import fk_grade
from curbside.answer.text import content_stems
from curbside.answer.themes import ESCALATION, PITFALL, names_intervention, primary_theme, sentence_themes
from curbside.answer.whole_documents import DESCRIBED_SCORE
from curbside.records import Hit, Kind

_LEAD_LABEL = re.compile(
    r"^(?:(?:(?:recommendation|key action statement|statement|question) (?:[a-z]?\d+(?:\.\d+)*[a-z]?|[a-z]\d*)|"
    r"(?:work group |panel |committee |task force )?recommendation|key points|conclusions?|results?|background|"
    r"summary|interpretation|recommendations?|introduction|"
    r"major recommendations|findings|objectives?|methods?|purpose)\s*[:.\-–]\s*)+", re.IGNORECASE)
# PubMed's upper-case structured-abstract labels run into the sentence: "BACKGROUND In the assessment …"
_LEAD_CAPS_LABEL = re.compile(r"^(?:BACKGROUND|OBJECTIVES?|PURPOSE|AIMS?|INTRODUCTION|CONTEXT|METHODS?|DESIGN|"
                              r"SETTING|PATIENTS|PARTICIPANTS|INTERVENTIONS?|EXPOSURES?|MEASUREMENTS|"
                              r"MAIN OUTCOME MEASURES?|MAIN OUTCOMES? AND MEASURES?|RESULTS?|FINDINGS|CONCLUSIONS?|"
                              r"INTERPRETATION)"
                              r"(?: AND [A-Z]+)?\s+(?=[A-Z](?:[a-z]| )|\d|\(\d\)\s)")
# … of which the conclusion's (an abstract stored as one section: SciFact's "CONCLUSIONS (1) Asystole during head-up
# tilt test does not imply a malignant outcome …")
_CAPS_CONCLUSION = re.compile(r"^(?:CONCLUSIONS?|INTERPRETATION)(?: AND [A-Z]+)?\s+(?=[A-Z](?:[a-z]| )|\d|\(\d\)\s)")
# what the sentence before found, referred to ("Such a finding should trigger …", "This finding suggests …")
_SUCH_A_FINDING = re.compile(r"^(?:such (?:a |an )?|this |these )(?:finding|findings|result|results|observation|"
                             r"observations|association|difference)\b", re.IGNORECASE)
# a footnote number run into a word: "5The frequency of monitoring …", "consider dual therapy3 with"
_GLUED_FOOTNOTE = re.compile(r"\b(?!type)([a-z]{5,})\d\b(?![.,]\d)")
_LEAD_FOOTNOTE = re.compile(r"^\d{1,2}(?=[A-Z][a-z]{2,}\b)")
# a consumer page's heading run into its first sentence: "Know the Signs Knowing the warning signs …"
_LEAD_HEADING = re.compile(r"^(?!(?:The|A|An|This|These|That|Those|In|On|For|If|When|Our|Your|Its|Their) )"
                           r"(?P<heading>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: (?:(?!(?:The|A|An|This|These|That|Those)\b)"
                           r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|of|or|and|the|for|to|in|with|a|an)){1,7}) "
                           r"(?=[A-Z][a-z]+ [a-z]|The (?:[A-Z][a-z]+ )?[A-Z]?[a-z]+ (?:recommends?|suggests?)\b)")
_LEAD_DISCOURSE = re.compile(
    r"^(?:in conclusion|in summary|to conclude|to summari[sz]e|overall|taken together|in short|"
    r"thus|therefore|hence|consequently|finally|importantly|collectively|altogether)\s*,\s*", re.IGNORECASE)
_REF_MARK = re.compile(r"\s*\[(?:\d+(?:\s*[-–,]\s*\d+)*)\]")
_SPACE = re.compile(r"\s+")
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")

# a named instrument ("Bath Ankylosing Spondylitis Disease Activity Index (BASDAI)") names the disease it measures, yet
# the sentence that uses it is about how response is judged, not about the disease: read by its initials
_INSTRUMENT = re.compile(r"\b(?:[A-Z][\w'’-]*\s+){1,6}(?:Index|Score|Scale|Questionnaire|Inventory|Instrument)\s+"
                         r"\((?P<short>[A-Z][A-Za-z0-9-]{1,9})\)")


@dataclass
class Candidate:
    text: str
    evidence: int  # 1-based index into the evidence
    hit: Hit
    position: int  # sentence index within its passage
    stems: frozenset[str]
    section: str
    themes: tuple[str, ...]
    conclusion: bool
    recommendation: bool  # the sentence itself recommends (cue words, imperative or a grade)
    graded: bool  # carries an evidence grade / strength of recommendation
    in_recommendations: bool  # it sits in a recommendations section
    method: bool  # describes study methods or aims
    background: bool  # sits in a background/objective/methods section
    meta: bool
    dangling: bool
    stats: int
    pitfall: bool
    escalation: bool
    grade: float
    words: int
    numbers: frozenset[str] = frozenset()
    fragment: bool = False  # a list item or title without a verb ("Aspirin (not recommended …)")
    primary: str = ""  # the theme its main clause speaks to (themes.primary_theme)
    pipeline: bool = False  # about a drug still in development
    names_topic: bool = True  # the sentence itself names the disease the question asks about (if it names one)
    narrower: tuple[str, ...] = ()  # narrower populations the sentence names ("adults with type 1 diabetes")
    implied: tuple[str, ...] = ()  # … that only its document's title names (the sentence does not say)
    drift: tuple[str, ...] = ()  # diseases the title names that the question does not
    elsewhere: tuple[str, ...] = ()  # … that the sentence itself names, when it does not name the question's
    relevance: float = 0.0
    own: float = 0.0  # question-term coverage of the sentence alone (no credit for its title)
    novel: int = 0  # content stems beyond the question's own: what the sentence adds to it
    on_topic: bool = True  # mentions the question's rarest term (here or in the document title)
    # its document's title names the question's disease (no real title: one of its sentences does, not in passing)
    titled: bool = True
    # about the other side of the question's age line (``Scope.conflicts``), or not about pregnancy when the
    # question is (``Scope.outside_pregnancy``)
    conflicts: bool = False
    # for a purpose, a smoking habit or a phase of pregnancy the patient is not in (patient_facts.for_another_patient)
    another_patient: bool = False
    # it speaks of the condition the question's patients have, if the question names one ("… in patients with
    # cancer"; ``Scope.names_qualifier``)
    qualified: bool = True
    in_passing: bool = False  # it names the question's disease only in passing ("such as …", "without …")
    listed: bool = False  # a rare disease's table of signs (``feature_tables``): it names signs, not populations
    # advice for a group the question's patient belongs to, which may qualify the advice before it ("In women of
    # childbearing age, …" for a 19-year-old woman; ``Scope.for_own_group``)
    own_group: bool = False
    strength: int = 0  # +1 strongly graded, -1 weakly ("conditional", grade D), 0 ungraded (``cues.strength``)
    score: float = 0.0
    corroboration: list[int] = field(default_factory=list)  # other evidence numbers saying the same

    @property
    def strays(self) -> bool:
        """From a document about something else, and not about the question's disease itself:
        what it says is not an answer about that disease ("Offer people with bipolar disorder and
        coexisting disorders, such as … ADHD, treatment …" for a question on ADHD)."""
        return not self.titled and (not self.names_topic or self.in_passing)

    @property
    def subgroup(self) -> bool:
        """About a narrower population (or another disease) than the question asks about."""
        return bool(self.narrower or self.implied or self.drift)


# NICE-style provenance tags ("[2004, amended 2015]", "[new 2014]"): when the evidence was last
# reviewed, not part of the recommendation; the sentence splitter leaves them at the start of the
# next sentence.
_DATE_TAG = (r"\[(?:new\s+|updated\s+)?(?:19|20)\d\d(?:\s*[,;]\s*(?:amended|updated|reviewed|reaffirmed|revised)"
             r"\s+(?:19|20)\d\d)*\]")
_LEAD_DATE = re.compile(rf"^(?:{_DATE_TAG}\s*)+(?=[A-Z(\[]|$)")  # not "[2008] indicates that …"
_TRAIL_DATE = re.compile(rf"(?:\s*{_DATE_TAG})+(?=\W*$)")
# a recommendation's leading grade label ("A: …", "A (2007): …", "B*: …", "GPP: …"): moved to the end
# where graded recommendations carry their grade, without the year of the guideline update
# (SIGN writes "D -In women of childbearing age, …")
_LEAD_GRADE = re.compile(r"^(?P<grade>[A-D]\*?|GPP)(?:\s*\((?:19|20)\d\d\))?(?:\s*:\s+|\s+-\s*)(?=[A-Z])")
# VA/DoD strength labels that saved HTML tables put first: "( Weak for ) …" → "… (weak for)."
_LEAD_STRENGTH = re.compile(r"^\(\s*(?P<strength>(?:strong|weak) (?:for|against))\s*\)\s*(?=[A-Z])", re.IGNORECASE)
# sections that define the grading scheme ("Definitions of levels of evidence", "Rating scheme"),
# where "A: …" defines a grade; not clinical headings such as "Definition and classification of AHT"
_DEFINITION_SECTION = re.compile(r"definitions? of (?:the )?(?:grades?|levels?|evidence|strength|recommendation|"
                                 r"quality|categor)|rating|(?:grades?|levels?|quality|strength|categor\w*) of|"
                                 r"legend|abbreviation|\bkey\b", re.IGNORECASE)
# a list item out of its list, the line that introduced it in another passage ("Have impaired immune systems because of
# illness or drugs.", after "… chemoprophylaxis for people who:"): it finishes someone else's sentence
_ORPHAN_ITEM = re.compile(r"^(?:have|has|had|are|is|were|was) (?!you\b|there\b|we\b|they\b|it\b)", re.IGNORECASE)
# … or a criterion of a list joined in capitals ("AND this has been done (if recommended)", "OR Computed tomography …")
_CRITERION_CONTINUED = re.compile(r"^(?:AND|OR)\b")
# a heading over what a guideline's grades mean ("Major Recommendations — Strength of Recommendations": "Level A
# recommendations. Generally accepted principles for patient care that reflect a high degree of clinical certainty
# …"): how to read the recommendations, not one of them
_GRADING_HEADING = re.compile(r"^(?:definitions?\b|.*\b(?:strength|quality|levels?|grades?|grading|class(?:es)?|"
                              r"classification|categor(?:y|ies)) of (?:the )?(?:recommendations?|evidence|certainty)\b|"
                              r".*\blevels of certainty\b|.*\bgrades mean\b|recommendation categories\b|"
                              r"assigning an? (?:level|grade|strength)\b)",
                              re.IGNORECASE)
_ADVICE_NOTE = re.compile(r"^\(?(?:notes?|remarks?|comments?)\s*\)?:\s*", re.IGNORECASE)
# a sentence cut out of a word: "O have anxiolytic effects, whereas …" (from "N2O have …")
# a pointer in brackets, not part of the claim: "(see Tables 1 and 2 in the original guideline document)"
_SEE_ASIDE = re.compile(r"\s*\((?:see|refer to)\b[^()]{0,160}\)", re.IGNORECASE)
# a guideline's own question, not an answer ("Among adults with clinically evident, suspicious lesions, …, should the
# panel recommend adjuncts to identify …"; "… Should Antifungal Prophylaxis Be Used …?")
_ASKS_ITSELF = re.compile(r"\?\s*$|(?:^|,\s+)(?:should|shall|does|do|can|is|are)\s+(?:the\s+)?(?:expert\s+)?"
                          r"(?:panel|committee|guideline|task force|work group)\b", re.IGNORECASE)
# an aside whose bracket never closes: "(The Inflammatory Bowel Disease [IBD] Registry is being adapted …"
_UNCLOSED_ASIDE = re.compile(r"^\([^)]*$")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_CUT_START = re.compile(r"^(?![AI] )[A-Z] [a-z]")
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_SMALL_WORDS = frozenset("with from into over upon than versus without after before during within".split())


def title_case(text: str) -> bool:
    """A table's or figure's caption written in title case ("Dosing Recommendations for Citalopram and Escitalopram
    Based on CYP2C19 Phenotype."): it names what follows and says nothing itself. (Every word of four letters or more
    after the first is capitalised, small linking words aside: "The American College of Radiology recommends …" is a
    sentence.)"""
    words = [w for w in _TITLE_WORD.findall(text)[1:] if w not in _SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)
_TABLE_ROW = re.compile(r"\|.*\|")
# a heading run into its sentence without a space ("Bleeding RiskThe risk for gastrointestinal
# bleeding …", "Screening Intervals for IPVThe USPSTF found …"): only before a word that opens sentences, so names
# such as "PubMed" stay whole
# (an acronym ends a heading only before "The" or "This": "MRA shows …" is no heading "MR")
_GLUED_OPENING = re.compile(r"^(?:(?:[A-Z][a-z]+|[A-Z]{2,5}|for|of|and|in|with)\s){0,4}(?:[A-Z][a-z]+(?=(?:The|A|An|In|"
                            r"For|If|When|This|These|Most|Some|Patients|People|Clinicians|There|It|Treatment|"
                            r"Screening)\s)|[A-Z]{2,5}(?=(?:The|This|These)\s))")


def trim(sentence: str, *, grade_labels: bool = False) -> str:
    """Remove labels, provenance tags, leading discourse markers and reference marks; never
    rewrite claims. With ``grade_labels`` (a recommendations section), a leading grade label
    becomes a trailing "(grade A)"."""
    text = _SPACE.sub(" ", sentence).strip(" -•*▪◦▼►\t")
    text = _LEAD_FOOTNOTE.sub("", text)
    text = _GLUED_FOOTNOTE.sub(r"\1", text)
    text = _LEAD_CAPS_LABEL.sub("", text)
    text = _GLUED_OPENING.sub("", text)
    heading = _LEAD_HEADING.match(text)
    rest = text[heading.end():].split() if heading else []
    if heading and heading.group("heading").split()[-1][0].isupper() and len(rest) >= 6 and not is_verb(rest[0]):
        text = text[heading.end():]
    text = _LEAD_DATE.sub("", text)
    text = _TRAIL_DATE.sub("", text)
    grade = _LEAD_GRADE.match(text) if grade_labels else None
    if grade:
        text = text[grade.end():]
    strength = _LEAD_STRENGTH.match(text)
    if strength:
        text = text[strength.end():]
    text = _LEAD_LABEL.sub("", text)
    note = _ADVICE_NOTE.match(text)
    if note and RECOMMENDATION_CUE.search(text[note.end():]):
        # a remark that itself recommends ("Remark: The recommended starting dose is oral morphine 30 mg/24 h in
        # patients not previously treated with opioids …") is advice, not the reasoning behind it
        text = text[note.end():]
    text = _LEAD_DISCOURSE.sub("", text)
    text = _REF_MARK.sub("", text).strip()
    text = _SEE_ASIDE.sub("", text)
    if text and text[0].islower() and not re.match(r"^[a-z]+[A-Z0-9]", text):
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?\"')]":
        text += "."
    if grade:
        label = grade.group("grade")
        text = f"{text[:-1]} ({'GPP' if label == 'GPP' else 'grade ' + label}){text[-1]}"
    if strength:
        text = f"{text[:-1]} ({strength.group('strength').lower()}){text[-1]}"
    return text



# advice to use a kind of treatment, not a named one …
_CLASS_ADVICE = re.compile(r"\b(?:consider|recommend\w*|suggest\w*|offer\w*|prescrib\w*|use of|should (?:be )?"
                           r"(?:receive|given|treated with))\b[^.;]{0,40}\b(?:an?|the) (?:pharmacologic(?:al)? "
                           r"(?:agent|treatment|therapy)|drug|medication|medicine)\b", re.IGNORECASE)
# … and the sentence after it that names them by the evidence for each
_WHICH_ONES = re.compile(r"^there (?:is|are) (?:strong|moderate|good|high[- ]quality|sufficient|consistent) evidence "
                         r"(?:to support|for|that supports) the use of\b", re.IGNORECASE)


def _refers_back(text: str) -> bool:
    """"These medications" with nothing before them in the sentence to name them ("… naltrexone or acamprosate
    be offered to patients … who have no contraindications to the use of these medications" names them)."""
    found = BACK_REFERENCE.search(text)
    return found is not None and not names_intervention(text[:found.start()])


def _warns(text: str) -> bool:
    """A warning: what not to do, a harm, a contraindication. Advice for those who cannot take the
    first choice names a contraindication without warning against anything."""
    if RECOMMENDATION_CUE.search(text):
        text = FOR_THOSE_WHO_CANNOT.sub(" ", text)
    return (bool(PITFALL.search(text)) and not NEGATED_HARM.search(text) and not NOT_STOPPED.search(text)
            and not UNLESS.search(text) and not (ADVISES.search(text) and not ADVISES_AGAINST.search(text)))


def heading(section: str) -> str:
    """The heading a passage sits under ("Major Recommendations — Management of …" → "Management of …")."""
    return section.rsplit(" — ", 1)[-1] if " — " in section else ""


LISTED_CONDITIONS_WORDS = 30  # words a recommendation that lists its conditions may run beyond ``max_words``
_ONLY_IF_LIST = re.compile(r"\bonly if\b", re.IGNORECASE)


def _as_read(text: str) -> str:
    """``text`` as a reader takes it in: a list's items one at a time (its reading grade is not that of one
    88-word sentence)."""
    return _ITEM_BREAK.sub(lambda m: f". {m.group(1).upper()}", text) if item_list(text) else text


_ITEM_BREAK = re.compile(r"; (\w)")


def extract(evidence: Sequence[Hit], *, min_words: int = 6, max_words: int = 80,
            carried: Mapping[str, Sequence[str]] | None = None) -> list[Candidate]:
    """Every usable sentence of every evidence passage, described but not yet scored (``carried``:
    by passage id, the table header, scenario and legend lines its table runs on under)."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for number, hit in enumerate(evidence, 1):
        start = len(out)
        section = hit.passage.section
        # (a clinical question as the heading is not a grading scheme: ASCO's "What Is the Quality of Evidence
        # Supporting Current and Forthcoming Options for Preservation of Fertility in Males?" heads its advice)
        scope = bool(SCOPE_SECTION.search(section) or (_GRADING_HEADING.match(heading(section))
                                                       and not heading(section).rstrip().endswith("?")))
        in_conclusion = bool(CONCLUSION_SECTION.search(section))
        in_recommendation = bool(RECOMMENDATION_SECTION.search(section))
        # (NGC's "Potential harms" field lists what the recommended actions may cost — "Not encouraging routine,
        # prophylactic water precautions … may result in a slight increase in otorrhea rates": harms, never advice)
        harms = section.lower().startswith("potential harms")
        # "Q: …" lines mean a question-and-answer layout, where "A:" is the answer, not a grade
        # (a heading's bracketed copy of its statement's grade — "Recommendation [Strong recommendation,
        # high level of evidence]" — does not make it a definition of grades)
        grade_labels = (in_recommendation and not _DEFINITION_SECTION.search(_BRACKETS.sub(" ", section))
                        and not re.search(r"(?:^|\n)Q:", hit.passage.text))
        parts = list(segments(hit.passage.text, heading(section), (carried or {}).get(hit.passage.id, ())))
        skip = -1
        for position, raw in enumerate(parts):
            if position == skip:
                continue
            text = trim(raw, grade_labels=grade_labels)
            if (position + 1 < len(parts) and _CLASS_ADVICE.search(text)
                    and _WHICH_ONES.match(following := trim(parts[position + 1], grade_labels=grade_labels))):
                # "… clinicians should consider prescribing a pharmacologic agent …" says which ones in the
                # next sentence ("There is strong evidence to support the use of pramipexole, …")
                raw = text = f"{text} {following}"
                skip = position + 1
            elif (position + 1 < len(parts) and (in_conclusion or _CAPS_CONCLUSION.match(raw.strip()))
                  and _SUCH_A_FINDING.match(following := trim(parts[position + 1], grade_labels=grade_labels))):
                # a conclusion's finding and what it means for practice, said of it in the next sentence
                # ("Retinal haemorrhages following a convulsive episode are rare. Such a finding should trigger an
                # extensive search for other reasons, including child abuse."): one statement
                raw = text = f"{text} {following}"
                skip = position + 1
            n_words = len(text.split())
            key = text.lower()
            # (a recommendation and the conditions it lists is one statement, however long: NICE's "Eltrombopag is
            # recommended as an option for … only if: their condition is refractory …; or …; and the manufacturer
            # provides …", 98 words)
            # (… and so is a list of short alternatives read whole: NICE's "… should seek further advice if: the child
            # has a fit; the child develops a non-blanching rash; …", 89 words; ``layout.segments``)
            longest = max_words + LISTED_CONDITIONS_WORDS * bool(
                (in_recommendation and _ONLY_IF_LIST.search(text)) or item_list(text))
            if (n_words < min_words or n_words > longest or text.endswith("?") or key in seen
                    or _TABLE_ROW.search(text)):
                continue
            seen.add(key)
            out.append(Candidate(
                text=text, evidence=number, hit=hit, position=position,
                stems=frozenset(content_stems(_INSTRUMENT.sub(r"\g<short>", text))),
                section=section, themes=sentence_themes(text),
                conclusion=(in_conclusion or bool(CONCLUSION_CUE.search(raw))
                            or bool(_CAPS_CONCLUSION.match(raw.strip(" -•*▪◦▼►\t")))),
                recommendation=(bool(RECOMMENDATION_CUE.search(text)) and not REPORTED_ADVICE.match(text) and not harms
                                and not COMMON_PRACTICE.search(text)),
                in_recommendations=in_recommendation,
                graded=bool(GRADED.search(text)),
                method=bool(METHOD_CUE.search(text)),
                background=bool(METHOD_SECTION.search(section) or CAPS_BACKGROUND.match(raw.strip())
                                or section.lower().startswith("potential benefits") or COMMON_PRACTICE.search(text)
                                or GLOSSARY_ENTRY.match(text)),
                meta=bool(scope or META_CUE.search(text) or ASIDE.match(text) or PROFILE_LABEL.match(text)
                          or REFERENCE_ENTRY.match(text) or _UNCLOSED_ASIDE.match(text) or _ASKS_ITSELF.search(text)),
                dangling=(bool(DANGLING.match(text)) and not FORWARD.match(text)) or bool(NO_RECOMMENDATION.match(text))
                or (_refers_back(text) and not in_conclusion and not CONCLUSION_CUE.search(raw)),
                fragment=not (is_clause(text) or REGIMEN_LABEL.match(text.split(":", 1)[0])) or bool(
                    RELATIVE_START.match(text) or OPEN_END.search(text) or _CUT_START.match(text)
                    or _ORPHAN_ITEM.match(text) or _CRITERION_CONTINUED.match(text) or DESIGN_SUBTITLE.search(text)
                    # (a paper's title in title case states its finding: "Adar3 Is Involved in Learning and Memory in
                    # Mice.")
                    or (title_case(text) and hit.document.kind in (Kind.GUIDELINE, Kind.CONSUMER))),
                stats=len(STATS.findall(text)),
                pitfall=_warns(text) or harms,
                escalation=bool(ESCALATION.search(text)), grade=fk_grade(_as_read(text)), words=n_words,
                numbers=frozenset(_NUMBERS.findall(text)), primary=primary_theme(text),
                pipeline=bool(PIPELINE.search(text)), strength=strength(section, text),
                listed=bool(feature_tables.FEATURE_LIST.match(text)),
            ))
        if grade_labels:
            _share_grades(out[start:])
    return out


def _share_grades(passage: list[Candidate]) -> None:
    """A guideline grades a statement, not its last sentence: "An 8-week course of PPIs is the therapy
    of choice … There are no major differences in efficacy between the different PPIs. (Strong
    recommendation, high level of evidence)" grades both sentences. An ungraded sentence takes the
    grade of the next sentence of its passage (in a recommendations section only)."""
    for c, after in reversed(list(zip(passage, passage[1:], strict=False))):
        if not c.graded and after.graded and after.position == c.position + 1:
            c.graded, c.strength = True, after.strength


_SUBJECT_END = re.compile(r"\b(?:is|are|was|were|refers?|means?|describes?)\b", re.IGNORECASE)


def described_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Of the described page's sentences (``described_page``), the one where it first says what the disease is
    ("Neuromyelitis optica (NMO) is an autoimmune disease …"): the answer to "What is the most likely diagnosis?";
    else all of them; none when the evidence has no described page."""
    page = [c for c in candidates if DESCRIBED_SCORE in c.hit.scores]
    said = [c for c in page if c.primary == "definition"]
    # (… of the disease the page is named for, as its subject, not of a word it explains: "Malnutrition is a condition
    # that develops …" on *Intestinal Pseudo-obstruction*, nor "Chemoembolization … is a type of regional chemotherapy
    # that may be used to treat a gastrointestinal carcinoid tumor")
    said = [c for c in said if set(content_stems(c.hit.document.title))
            <= set(content_stems(_SUBJECT_END.split(c.text, maxsplit=1)[0]))] or said
    return [min(said, key=lambda c: (c.hit.passage.ordinal, c.position))] if said else page
