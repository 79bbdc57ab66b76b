"""Candidate sentences: split the evidence into sentences, trim them without changing their
meaning, and describe each one (relevance, cues, themes, readability) for scoring."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from curbside.answer.clauses import is_clause, is_verb
from curbside.answer.readability import fk_grade
from curbside.answer.text import content_stems
from curbside.answer.themes import ESCALATION, PITFALL, primary_theme, sentence_themes
from curbside.records import Hit
from curbside.sentences import split_sentences

_BULLET_SPLIT = re.compile(r"(?:^|\s+)(?:[-•*▪◦]|\d+\.)\s+(?=[A-Z(])")
_LEAD_LABEL = re.compile(
    r"^(?:(?:(?:recommendation|key action statement|statement|question) (?:[a-z]?\d+[a-z]?|[a-z]\d*)|"
    r"(?:work group |panel |committee |task force )?recommendation|key points|conclusions?|results?|background|"
    r"summary|interpretation|recommendations?|"
    r"major recommendations|findings|objectives?|methods?|purpose)\s*[:.\-–]\s*)+", re.IGNORECASE)
# PubMed's upper-case structured-abstract labels run into the sentence: "BACKGROUND In the assessment …"
_LEAD_CAPS_LABEL = re.compile(r"^(?:BACKGROUND|OBJECTIVES?|PURPOSE|AIMS?|INTRODUCTION|CONTEXT|METHODS?|DESIGN|"
                              r"SETTING|PATIENTS|PARTICIPANTS|RESULTS?|FINDINGS|CONCLUSIONS?|INTERPRETATION)"
                              r"(?: AND [A-Z]+)?\s+(?=[A-Z](?:[a-z]| )|\d)")
_CAPS_BACKGROUND = re.compile(r"^(?:BACKGROUND|OBJECTIVES?|PURPOSE|AIMS?|INTRODUCTION|CONTEXT|METHODS?|DESIGN|SETTING|"
                              r"PATIENTS|PARTICIPANTS)\b")
# a footnote number run into a word: "5The frequency of monitoring …", "consider dual therapy3 with"
_GLUED_FOOTNOTE = re.compile(r"\b(?!type)([a-z]{5,})\d\b(?![.,]\d)")
# a sentence that continues a list whose opening is elsewhere: "In whom TTE is technically difficult …"
# … or whose list was cut off: "To help prevent an H. pylori infection, you should."
_OPEN_END = re.compile(r"\b(?:should|must|to|the|a|an|of|with|for|and|or|include|includes|are|is|be|such as|"
                       r"following|who|which|that)[.:;,]*$")  # lower-case: not "(Grade A)."
# "These are warning signs of a stroke: sudden numbness …" points forward to its list, not back
_FORWARD = re.compile(r"^(?:these|this|they) (?:are|is|include)\b[^:]{0,80}: ", re.IGNORECASE)
RELATIVE_START = re.compile(r"^(?:in|for|of|to|with|by) (?:whom|which)\b|^(?:whom|whose|who)\b", re.IGNORECASE)
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
_CLOSE_PAREN_SPLIT = re.compile(r"(?<=\b[A-Za-z]\)\.)\s+(?=[A-Z])")  # "… Grade A). Next" (one-letter guard)
_UNLESS = re.compile(r"\bunless contraindicated\b|\bif [^.;]{0,60}\b(?:is|are) contraindicated\b|"
                     r"\bwho (?:do|did) not\b|\bnot at (?:increased |high )?risk\b",
                    re.IGNORECASE)
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")

CONCLUSION_SECTION = re.compile(r"conclu|interpret|implication|summary|key points|bottom line", re.IGNORECASE)
RECOMMENDATION_SECTION = re.compile(r"recommend|statement|guidance", re.IGNORECASE)
# a guideline summary's scope and methods fields: what the guideline covers, not what it recommends
SCOPE_SECTION = re.compile(r"^(?:guideline objective|target population|interventions and practices|major outcomes|"
                           r"disease/condition|guideline category|type of evidence|rating scheme|qualifying statements|"
                           r"clinical specialty|intended users|methods? used|description of|number of source|"
                           r"cost analysis|implementation|scope)", re.IGNORECASE)
# a key action statement profile's labelled lines ("Benefits: …", "Risks, harms, cost: …") and similar
# labelled notes: the reasoning behind a recommendation, which out of their table read as claims
PROFILE_LABEL = re.compile(
    r"^\(?(?:benefits?|risks?,? harms?,? (?:and )?costs?|harms?|costs?|aggregate evidence quality|"
    r"benefits?[- ]harms? assessment|benefit-harm assessment|value judgm?ents?|intentional vagueness|"
    r"role of patient preferences?|exclusions?|policy level|differences of opinion|values and trade-?offs|"
    r"quality of evidence|strength of recommendation|evidence (?:quality|level|grade|strength)|notes?|"
    r"note from [^:]{1,60}|remarks?|rationale|comments?|(?:[a-z]+ )?definition)\s*\)?:", re.IGNORECASE)
METHOD_SECTION = re.compile(r"method|design|setting|participant|patients and|materials|objective|aim|"
                            r"purpose|background|introduction|context", re.IGNORECASE)

CONCLUSION_CUE = re.compile(
    r"\b(?:in conclusion|in summary|taken together|(?:these|our|the) (?:results|findings|data|observations) "
    r"(?:suggest|indicate|show|demonstrate|support|confirm|highlight)|(?:this|our|the present) (?:study|trial|"
    r"review|analysis|meta-analysis) (?:shows|suggests|demonstrates|indicates|found|confirms)|"
    r"(?:suggest|indicate|demonstrate|conclude|show|confirm)s? that|we conclude)\b", re.IGNORECASE)
RECOMMENDATION_CUE = re.compile(
    r"\b(?:we recommend|(?:is|are) (?:recommended|indicated|suggested|preferred|advised)|recommends?|"
    r"should (?:be|receive|consider|undergo|include|start|not|avoid|only)|first[- ]line|treatment of choice|"
    r"(?:the )?(?:best|preferred|main|usual) (?:treatment|therapy)|mainstay of (?:treatment|therapy)|"
    r"(?:is|are) (?:usually |often |mainly |most often |commonly |generally |typically )?(?:treated|managed) "
    r"(?:with|by)|"
    r"standard (?:of care|treatment|therapy)|strong(?:ly)? recommend|(?:weak|conditional) recommendation|"
    r"grade [a-d12]\b|\(grade|strength of recommendation|level of evidence|quality of evidence|"
    r"\[[a-d]\]|class (?:i|ii|iia|iib|iii)\b)|(?:^|[,;:] )(?:initiate|start|use|consider|offer|give|prescribe|"
    r"avoid|treat|screen|refer|measure|add|titrate|obtain|administer|continue|discontinue|stop|monitor|"
    r"evaluate|assess)\b", re.IGNORECASE)
GRADED = re.compile(r"\((?:strong|moderate|weak|conditional|expert|grade|level|class)[^)]*\)|\bgrade [a-d]\b|"
                    r"\bstrong recommendation\b", re.IGNORECASE)
METHOD_CUE = re.compile(
    r"\b(?:we (?:aimed|sought|investigated|examined|evaluated|assessed|studied|reviewed|conducted|performed|"
    r"analy[sz]ed|hypothesi[sz]ed|describe|present|retrospectively|prospectively|included|enrolled|"
    r"measured|compared|used)|the (?:aim|purpose|objective|goal)s? (?:of|was|were)|this (?:study|paper|report) "
    r"(?:was|aimed|aims|examined|evaluated|describes)|(?:were|was) (?:enrolled|recruited|randomi[sz]ed|"
    r"included|identified|reviewed|collected|obtained|divided|selected|assigned|performed|conducted|"
    r"carried out|measured|recorded|extracted|interviewed|surveyed)|data (?:were|was) |a total of \d+|"
    r"(?:retrospective|prospective) (?:review|analysis) of|to (?:determine|evaluate|assess|investigate|"
    r"examine|compare) (?:whether|the|if))\b", re.IGNORECASE)
# a sentence wholly in parentheses is a provenance note or an aside: "(Modified from 2004 VA/DoD HTN CPG.)"
ASIDE = re.compile(r"^\s*\([^()]*\)\.?\s*$")
META_CUE = re.compile(
    r"\b(?:see (?:the )?(?:section|table|figure|appendix|field|below|above)|this (?:[\w-]+ ){0,2}(?:guideline|"
    r"document|summary|report|statement|update)|recommendations? (?:from|in|of) this\b"
    r"|(?:listed|given|defined|provided) (?:below|above|at the end)|rating scheme|ngc|"
    r"the following(?!(?: [\w-]+){0,3}: \S)|"
    r"refer to the|original guideline document|companion document|supports? research|conducts? research|"
    r"research (?:on|is being|are being)|clinical trials? (?:are|is) (?:under ?way|ongoing|recruiting)|"
    r"more information|this (?:page|website|site|fact sheet)|click here|www\.|https?://|"
    r"the (?:committee|panel|work ?group|task force|guideline (?:development )?group|gdg|authors?|expert group|"
    r"guideline panel) (?:felt|noted|identified|considered|agreed|discussed|acknowledged|decided|uses?|used|"
    r"believes?|recogni[sz]ed)|(?:is|are) presented (?:in|as)|in the form of \d+ algorithms?|"
    r"(?:is|was|are|were) based on (?:a|the) (?:review|systematic review|consensus)|"
    r"this recommendation (?:updates|replaces|is a refinement|is consistent|applies|focuses|does not apply|"
    r"is intended)|"
    r"updates? and replaces?|it is assumed|see (?:other|additional|the following) (?:resources|sources|references)|"
    r"can be found (?:in|within|at|on)|see variant|select this (?:procedure )?only|"
    r"in light of all circumstances|rely on mutual communication|"
    r"(?:is|are) provided\b(?! (?:by|to|for|in|with))|"
    r"the above (?:guidelines?|sections?)|such a definition|(?:committee|panel|work ?group|task force|authors?) "
    r"(?:is|are|was|were) (?:confident|aware|of the opinion))\b|:\.?$",
    re.IGNORECASE)
# a drug in development: news about a pipeline, not advice ("… is being developed by MerLion to treat …")
PIPELINE = re.compile(r"\b(?:is|are) (?:being|currently being) (?:developed|investigated|evaluated|tested)\b|"
                      r"\bin phase (?:i{1,3}|[123])\b|\bphase (?:i{1,3}|[123]) (?:clinical )?(?:trials?|evaluation|"
                      r"development|investigation)\b|\bunder development\b", re.IGNORECASE)
DANGLING = re.compile(r"^(?:in (?:some|most|many|such) cases, (?:these|this|they|it)\b|for example\b|"
                      r"(?:\S+ ){1,3}also (?:recommends?|suggests?|advises?)\b|"
                      r"this|these|those|it|they|such|both|the latter|the former|he|she|its|their|other|"
                      r"in this (?:study|trial|series|cohort)|in these)\b", re.IGNORECASE)
STATS = re.compile(r"\bp\s*[<=>≤]|\b95\s*%|\bci\b|\b(?:or|hr|rr|aor|ahr)\s*[=:,]|±|\bodds ratio\b|"
                   r"\bhazard ratio\b|\(\s*\d+(?:\.\d+)?\s*%\s*\)", re.IGNORECASE)
# a positive recommendation that mentions harms ("… select CBT or SGAs after discussing adverse effect
# profiles") says what to do, not what to avoid
_ADVISES = re.compile(r"\b(?:recommends?|suggests?|advises?) (?:that|the use|using|offering|\w+ing)\b", re.IGNORECASE)
_ADVISES_AGAINST = re.compile(r"\b(?:do not|don't|should not|must not|not recommended|against|avoid\w*|"
                              r"contraindicat\w*|not to)\b", re.IGNORECASE)
NEGATED_HARM = re.compile(r"\b(?:no|without|few|minimal|rare|low rates? of|not associated with)\b[^.;]{0,30}"
                          r"(?:adverse|side effects?|harms?|toxicit|complications?)", re.IGNORECASE)


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
    relevance: float = 0.0
    own: float = 0.0  # question-term coverage of the sentence alone (no credit for its title)
    on_topic: bool = True  # mentions the question's rarest term (here or in the document title)
    score: float = 0.0
    corroboration: list[int] = field(default_factory=list)  # other evidence numbers saying the same

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
_LEAD_GRADE = re.compile(r"^(?P<grade>[A-D]\*?|GPP)(?:\s*\((?:19|20)\d\d\))?\s*:\s+(?=[A-Z])")
# VA/DoD strength labels that saved HTML tables put first: "( Weak for ) …" → "… (weak for)."
_LEAD_STRENGTH = re.compile(r"^\(\s*(?P<strength>(?:strong|weak) (?:for|against))\s*\)\s*(?=[A-Z])", re.IGNORECASE)
# sections that define the grading scheme ("Definitions of levels of evidence", "Rating scheme"),
# where "A: …" defines a grade; not clinical headings such as "Definition and classification of AHT"
_DEFINITION_SECTION = re.compile(r"definitions? of (?:the )?(?:grades?|levels?|evidence|strength|recommendation|"
                                 r"quality|categor)|rating|(?:grades?|levels?|quality|strength|categor\w*) of|"
                                 r"legend|abbreviation|\bkey\b", re.IGNORECASE)
_TABLE_ROW = re.compile(r"\|.*\|")


def trim(sentence: str, *, grade_labels: bool = False) -> str:
    """Remove labels, provenance tags, leading discourse markers and reference marks; never
    rewrite claims. With ``grade_labels`` (a recommendations section), a leading grade label
    becomes a trailing "(grade A)"."""
    text = _SPACE.sub(" ", sentence).strip(" -•*▪◦▼►\t")
    text = _LEAD_FOOTNOTE.sub("", text)
    text = _GLUED_FOOTNOTE.sub(r"\1", text)
    text = _LEAD_CAPS_LABEL.sub("", text)
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
    text = _LEAD_DISCOURSE.sub("", text)
    text = _REF_MARK.sub("", text).strip()
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


GRADE = re.compile(
    r"^(?:(?:strong|moderate|weak|conditional|consensus)\b[^.]{0,40}?\brecommendation\s*[–-]?\s*"
    r"(?:grade [a-e1-3]\b)?|expert opinion\s*[–-]?\s*(?:grade [a-e]\b)?|grade [a-e1-3]\b|"
    r"\(?(?:level|grade|class) (?:of evidence )?[a-e1-3iv]+\)?)(?:[,;]? [a-z ]{0,30})?", re.IGNORECASE)


_HEADING_MAX_WORDS = 12
_CLOSING = ".!?:;)]\"'"


_CELL_BAR = re.compile(r"\s+\|\s+")  # table cells flattened into one line: "(strong recommendation). | In the …"
_INLINE_FIRST_ITEM = re.compile(r"^(?P<head>[^-•][^:]{10,}:)\s+[-•]\s+(?P<item>\S.*)$")
_LIST_MAX_WORDS = 60  # a list said as one sentence up to this length (else one sentence per item)
_BULLET_LINE = re.compile(r"^[-•*▪◦]\s+")
# a line that introduces a list: "Offer a renal ultrasound scan to all people with CKD who" / "… in people with AF:"
_LEAD_IN_END = re.compile(r"(?::|\b(?:who|whom|whose|that|which|if|when|where|with|in|for|to|of|and|or|they|the|"
                          r"by|because|including|following|unless|after|before|during|as|if they|are|is|have|has))\s*$",
                          re.IGNORECASE)
_FOLLOWING = re.compile(r"\s*\b(?:(?:any|all|one|each|either) of )?the following(?: [\w-]+){0,3}\s*:?\s*$",
                        re.IGNORECASE)  # "… with any of the following conditions:" introduces, it is not meta
_ITEM_END = re.compile(r"(?:\s*(?:[,;]|\b(?:and|or)\b))+\s*$", re.IGNORECASE)
_LEAD_COLON = re.compile(r"\b((?:who|whom|whose|that|which|if|when|where|with|in|for|to|of|and|or|by|"
                         r"including|unless|after|before|during|as|are|is|have|has)):\s*$", re.IGNORECASE)


def _lead_in(line: str) -> str:
    """``line`` as the opening of the list items under it, or "" if it is not one (a heading,
    a label such as "Benefits:", or a sentence that is complete on its own)."""
    line = line.strip()
    if not _LEAD_IN_END.search(line) or line[-1] in ".!?" or len(line.split()) < 4:
        return ""
    if (line.endswith(":") and not is_clause(line)) or META_CUE.search(_FOLLOWING.sub("", line).rstrip(":")):
        return ""  # a label ("Interventions considered:") or meta text ("… it is assumed that:")
    return line


def _join_items(lead: str, items: Sequence[str]) -> str:
    """"Refer people with CKD who" + "- Have accelerated progression" (+ "- Have haematuria" …) →
    one sentence in the source's words, items separated by semicolons (an item's capital is
    lowered unless it is an abbreviation; "who:" loses its colon)."""
    parts = []
    for item in items:
        item = _ITEM_END.sub("", _BULLET_LINE.sub("", item).strip()).rstrip(" .")
        first = item.split(" ", 1)[0]
        if first[:1].isupper() and (first[1:].islower() or len(first) == 1):
            item = item[0].lower() + item[1:]
        parts.append(item)
    lead = _LEAD_COLON.sub(lambda m: m.group(1), lead)
    return f"{lead} {'; '.join(parts)}".rstrip(" .") + "."


def _lines(text: str, lead: str = "") -> list[str]:
    """The passage's lines: a line that wraps mid-sentence (the next starts lower-case) is joined
    to it; list items are joined to the line that introduces them (``lead`` is the passage's
    heading, which may introduce its first items); a short line without closing punctuation is a
    heading, dropped (otherwise "Beta Blockers" fuses with the recommendation under it)."""
    lines: list[str] = []
    for line in (raw.strip() for raw in text.split("\n")):
        if not line:
            continue
        if lines and line[0].islower():
            lines[-1] = f"{lines[-1]} {line}"
            continue
        # a list whose first item shares the opening's line: "… warning signs of a stroke: - sudden …"
        inline = _INLINE_FIRST_ITEM.match(line)
        if inline:
            lines.extend((inline.group("head"), f"- {inline.group('item')}"))
        else:
            lines.append(line)
    out: list[str] = []
    lead = _lead_in(lead)
    skip = False  # items under a meta opening ("… it is assumed that:") are not recommendations
    items: list[str] = []  # under ``lead``, said as one sentence when short enough, else one each

    def flush() -> None:
        if items:
            joined = _join_items(lead, items)
            out.extend([joined] if len(joined.split()) <= _LIST_MAX_WORDS else [_join_items(lead, [x]) for x in items])
            items.clear()

    for i, line in enumerate(lines):
        following = i + 1 < len(lines) and bool(_BULLET_LINE.match(lines[i + 1]))
        bullet = bool(_BULLET_LINE.match(line))
        if following and (not bullet or line.rstrip().endswith(":")):
            # a line that opens a list — or a list item that opens one of its own ("- Although …,
            # the panel suggests consultation … with any of the following conditions:"); only its
            # last sentence opens the list, the ones before it stand alone
            flush()
            body = _BULLET_LINE.sub("", line)
            spans = split_sentences(body)
            if len(spans) > 1 and _lead_in(body[spans[-1][0]:]):
                out.append(body[: spans[-1][0]].strip())
                body = body[spans[-1][0]:]
            lead = _lead_in(body)
            skip = not lead and bool(META_CUE.search(_FOLLOWING.sub("", line).rstrip(":")))
            if lead or skip:
                continue
        if bullet:
            if skip:
                continue
            if lead:
                items.append(line)
                continue
        else:
            flush()
            lead, skip = "", False
        if line[-1] in _CLOSING or line[0] in "-•*▪◦" or len(line.split()) > _HEADING_MAX_WORDS or ". " in line:
            out.append(line)
    flush()
    return out


def _segments(text: str, lead: str = "") -> list[str]:
    """Sentences (and list items); an evidence-grade statement joins the sentence before it."""
    out: list[str] = []
    cells = (cell for line in _lines(text, lead) for cell in _CELL_BAR.split(line))
    for part in (p for cell in cells for p in _BULLET_SPLIT.split(cell)):
        part = part.strip()
        spans = split_sentences(part) if part else []
        pieces = [p for a, b in spans for p in _CLOSE_PAREN_SPLIT.split(part[a:b])]
        for sentence in pieces:
            m = GRADE.match(sentence) if out else None
            if m and len(m.group(0).split()) <= 8:
                out[-1] = f"{out[-1].rstrip().rstrip('.')} ({m.group(0).strip().rstrip('.,;')})."
                sentence = sentence[m.end():].strip(" .;,")
                if not sentence:
                    continue
            out.append(sentence)
    return out


def extract(evidence: Sequence[Hit], *, min_words: int = 6, max_words: int = 80) -> list[Candidate]:
    """Every usable sentence of every evidence passage, described but not yet scored."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for number, hit in enumerate(evidence, 1):
        section = hit.passage.section
        scope = bool(SCOPE_SECTION.search(section))
        in_conclusion = bool(CONCLUSION_SECTION.search(section))
        in_recommendation = bool(RECOMMENDATION_SECTION.search(section))
        # "Q: …" lines mean a question-and-answer layout, where "A:" is the answer, not a grade
        grade_labels = (in_recommendation and not _DEFINITION_SECTION.search(section)
                        and not re.search(r"(?:^|\n)Q:", hit.passage.text))
        heading = section.rsplit(" — ", 1)[-1] if " — " in section else ""
        for position, raw in enumerate(_segments(hit.passage.text, heading)):
            text = trim(raw, grade_labels=grade_labels)
            n_words = len(text.split())
            key = text.lower()
            if (n_words < min_words or n_words > max_words or text.endswith("?") or key in seen
                    or _TABLE_ROW.search(text)):
                continue
            seen.add(key)
            out.append(Candidate(
                text=text, evidence=number, hit=hit, position=position, stems=frozenset(content_stems(text)),
                section=section, themes=sentence_themes(text),
                conclusion=in_conclusion or bool(CONCLUSION_CUE.search(raw)),
                recommendation=bool(RECOMMENDATION_CUE.search(text)), in_recommendations=in_recommendation,
                graded=bool(GRADED.search(text)),
                method=bool(METHOD_CUE.search(text)),
                background=bool(METHOD_SECTION.search(section) or _CAPS_BACKGROUND.match(raw.strip())
                                or section.lower().startswith("potential benefits")),
                meta=bool(scope or META_CUE.search(text) or ASIDE.match(text) or PROFILE_LABEL.match(text)),
                dangling=bool(DANGLING.match(text)) and not _FORWARD.match(text),
                fragment=not is_clause(text) or bool(RELATIVE_START.match(text) or _OPEN_END.search(text)),
                stats=len(STATS.findall(text)),
                pitfall=bool(PITFALL.search(text)) and not NEGATED_HARM.search(text)
                and not _UNLESS.search(text) and not (_ADVISES.search(text) and not _ADVISES_AGAINST.search(text)),
                escalation=bool(ESCALATION.search(text)), grade=fk_grade(text), words=n_words,
                numbers=frozenset(_NUMBERS.findall(text)), primary=primary_theme(text),
                pipeline=bool(PIPELINE.search(text)),
            ))
    return out
