"""From a passage's text to sentences, reading its layout: lines that wrap, headings, table
cells, and lists — items are joined to the line that introduces them, in the source's words, so
that "Offer a renal ultrasound scan to all people with CKD who" + "- Have visible haematuria" is
quoted as the one sentence the guideline wrote, not as the fragment "Have visible haematuria"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from curbside.answer import feature_tables
from curbside.answer.clauses import is_clause
from curbside.answer.generators.extractive.cues import META_CUE
from curbside.answer.tables import rows_as_sentences
from curbside.answer.themes import ESCALATION
from curbside.sentences import split_sentences

_BULLET_SPLIT = re.compile(r"(?:^|\s+)[-•*▪◦]\s+(?=[A-Z(])")
# a numbered item run into the text ("… as follows: 1. Offer … 2. Review …"); a number that ends a sentence
# ("… recommended beginning at age 40. For women with dense breasts …") is not one
_NUMBERED = re.compile(r"(?:^|\s+)(?P<n>\d{1,2})\.\s+(?=[A-Z(])")
_BRACKET_NUMBERED = re.compile(r"(?:^|\s+)\((?P<n>\d{1,2})\)\s+(?=[A-Z])")
_ENDS = re.compile(r"[.!?]\W*$")
_ITEM_FOLLOWS = re.compile(r"[.:;!?)]$")

_CLOSE_PAREN_SPLIT = re.compile(r"(?<=\b[A-Za-z]\)\.)\s+(?=[A-Z])")  # "… Grade A). Next" (one-letter guard)

GRADE = re.compile(
    r"^(?:(?:strong|moderate|weak|conditional|consensus)\b[^.]{0,40}?\brecommendation\s*[–-]?\s*"
    r"(?:grade [a-e1-3]\b)?|expert opinion\s*[–-]?\s*(?:grade [a-e]\b)?|grade [a-e1-3]\b|"
    r"\(?(?:level|grade|class) (?:of evidence )?[a-e1-3iv]+\)?)(?:[,;]? [a-z ]{0,30})?", re.IGNORECASE)


_GRADE_IN_PARENS = (r"\((?:grade|level|strength|class|quality|evidence|recommendation|(?:standard|option)(?=\s*;)|"
                    r"(?:strong|conditional|weak|moderate|high|low)\b[^()]{0,40}\b(?:recommendation|evidence))"
                    r"\b[^()]{0,100}\)")
_PAREN_GRADE = re.compile(rf"^{_GRADE_IN_PARENS}\.?$", re.IGNORECASE)
# … also when the splitter left it at the start of the next sentence ("… pH control. (Strong
# recommendation, moderate level of evidence) Newer PPIs may …")
_LEADING_PAREN_GRADE = re.compile(rf"^({_GRADE_IN_PARENS})\s+(?=[A-Z])", re.IGNORECASE)
# two sentences the source ran together ("Chest pain or discomfort.Most heart attacks involve …")
_GLUED_STOP = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]{2,}\b)")
# … or a sentence and the next section's label ("… to stabilise their mood?CONCLUSIONS: The large majority …")
_GLUED_LABEL = re.compile(r"(?<=[a-z]{3}[.?!])(?=[A-Z]{4,}(?: [A-Z]{2,})*:)")
_HEADING_MAX_WORDS = 12
_CLOSING = ".!?:;)]\"'"


# a label that opens a list of regimens ("Recommended Regimes (Ia, A)", "Alternative regimen:"): what
# follows is the recommendation itself
REGIMEN_LABEL = re.compile(r"^(?:recommended|preferred|alternative|first[- ]line|second[- ]line)\s+"
                           r"(?:regimens?|regimes?|treatments?|therap(?:y|ies)|options?)\b[^.;]{0,40}:?$",
                           re.IGNORECASE)
_CELL_BAR = re.compile(r"\s+\|\s+")  # table cells flattened into one line: "(strong recommendation). | In the …"
_INLINE_FIRST_ITEM = re.compile(r"^(?P<head>[^-•][^:]{10,}:)\s+[-•]\s+(?P<item>\S.*)$")
_LIST_MAX_WORDS = 60  # a list said as one sentence up to this length (else one sentence per item)
_ALL_MAX_WORDS = 120  # … or this length, when its items must all hold
_SHORT_LIST_MAX_WORDS = 100  # … or this length: at least _SHORT_ITEMS signs of at most _SHORT_ITEM_WORDS words to get
# help for
_SHORT_ITEMS = 3
_SHORT_ITEM_WORDS = 20
_ALL_OF = re.compile(r"\ball (?:of )?the following\b|\bboth of the following\b|\ball (?:of these|these) "
                     r"(?:conditions|criteria)\b", re.IGNORECASE)
_BULLET_LINE = re.compile(r"^[-•*▪◦]\s+")
# a line that introduces a list: "Offer a renal ultrasound scan to all people with CKD who" / "… in people with AF:"
_LEAD_IN_END = re.compile(r"(?::|\b(?:who|whom|whose|that|which|if|when|where|with|in|for|to|of|and|or|they|the|"
                          r"by|because|including|following|unless|after|before|during|as|if they|are|is|have|has))\s*$",
                          re.IGNORECASE)
# "… with any of the following conditions:" introduces, it is not meta (nor "… one of the following
# psychotherapies/interventions (listed alphabetically):")
_FOLLOWING = re.compile(r"\s*\b(?:(?:any|all|one|each|either) of )?the following(?: [\w/-]+){0,3}"
                        r"(?:\s*\([^()]{1,40}\))?\s*:?\s*$", re.IGNORECASE)
_ITEM_END = re.compile(r"(?:\s*(?:[,;]|\b(?:and|or)\b))+\s*$", re.IGNORECASE)
# a list item that ends where a clause opens ("… to patients with moderate to severe alcohol use disorder who"):
# the items after it finish it (a shorter item ending so is one of its list's own items)
_OPENS_CLAUSE = re.compile(r"\b(?:who|whom|whose|that|which|if|when|where)\s*$", re.IGNORECASE)
_ITEM_LEAD_WORDS = 8
_ASIDE_ITEM = re.compile(r"^(?:Although|However|Nevertheless|Note that|But)\b[^.]*,[^.]*\.$")
_AND_END = re.compile(r"\band\s*$", re.IGNORECASE)
_LEAD_COLON = re.compile(r"\b((?:who|whom|whose|that|which|if|when|where|with|in|for|to|of|and|or|by|"
                         r"including|unless|after|before|during|as|are|is|have|has)):\s*$", re.IGNORECASE)


def _lead_in(line: str) -> str:
    """``line`` as the opening of the list items under it, or "" if it is not one (a heading,
    a label such as "Benefits:", or a sentence that is complete on its own). A regimen label
    ("Recommended Regimes (Ia, A)") opens its list of regimens."""
    line = line.strip()
    if REGIMEN_LABEL.match(line):
        return line.rstrip(":") + ":"
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
    alternatives = any(_BULLET_LINE.sub("", item).strip().lower() == "or" for item in items)
    # (conditions that must all hold keep their "and": "… if the person prefers this form of testing; and the person or
    # their carer is …")
    together = not alternatives and any(_AND_END.search(item) for item in items[:-1])
    for item in items:
        item = _ITEM_END.sub("", _BULLET_LINE.sub("", item).strip()).rstrip(" .")
        if not item or item.lower() == "or":
            continue  # ("- or" between two regimens: they are alternatives)
        first, *rest = item.split(" ", 2)
        # (a name in title case keeps its capital: "Maudsley Anorexia Nervosa Treatment for Adults")
        named = bool(rest) and len(rest[0]) > 1 and rest[0][0].isupper() and rest[0][1:].islower()
        if first[:1].isupper() and (first[1:].islower() or len(first) == 1) and not named:
            item = item[0].lower() + item[1:]
        parts.append(item)
    lead = _LEAD_COLON.sub(lambda m: m.group(1), lead)
    return f"{lead} {('; or ' if alternatives else '; and ' if together else '; ').join(parts)}".rstrip(" .") + "."


def _unrepeat(items: list[str]) -> str:
    """MedQuAD repeats a list's text without its markers after the last item ("- … with no known
    cause. sudden numbness or weakness of the face … with no known cause. Other danger signs …"):
    the repeat is cut from the last item (in place); what follows it is returned, to stand alone."""
    if len(items) < 2:
        return ""
    first = _BULLET_LINE.sub("", items[0]).strip().lower()[:40]
    last = items[-1]
    cut = last.lower().find(". " + first)
    if cut <= 0:
        return ""
    own = last[:cut + 1]
    tail = _BULLET_LINE.sub("", own).strip().lower().rstrip(".")
    rest = last[cut + 2:]
    end = rest.lower().find(tail)
    items[-1] = own
    return rest[end + len(tail):].lstrip(" .") if end >= 0 else ""


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
        after = _unrepeat(items)
        # (a sentence of its own after the items is no item: "… is recommended … if: - The person prefers this form of
        # testing and - The person or their carer is … able to self-monitor effectively. - Although there is greater
        # uncertainty of clinical benefit for the InRatio2 …, the evidence indicates …")
        if len(items) > 1 and _ASIDE_ITEM.match(_BULLET_LINE.sub("", items[-1]).strip()):
            after = " ".join(x for x in (_BULLET_LINE.sub("", items.pop()).strip(), after) if x)
        if items:
            joined = _join_items(lead, items)
            # (conditions that must all hold are one statement, however long: "… is appropriate for suspected
            # narcolepsy when all of the following conditions are met: …" read item by item says each one suffices;
            # so are items joined by "and")
            every = _ALL_OF.search(lead) or any(_AND_END.search(item) for item in items)
            # (… and so are the warning signs to get help for, each enough and together the answer, read whole where
            # item by item each would repeat the opening and the repeats be dropped as saying the same: NICE's
            # "Following contact with a healthcare professional, parents and carers … should seek further advice if:
            # - The child has a fit - The child develops a non-blanching rash - …"; criteria that pick out patients —
            # "… is indicated when T-score is less than -1.0 and one or more of the following is present: - Women age
            # ≥70 yr … - Glucocorticoid therapy …" — stay one each, the patient's own read alone)
            short = (ESCALATION.search(lead) is not None and len(items) >= _SHORT_ITEMS
                     and all(len(item.split()) <= _SHORT_ITEM_WORDS for item in items))
            limit = _ALL_MAX_WORDS if every else _SHORT_LIST_MAX_WORDS if short else _LIST_MAX_WORDS
            out.extend([joined] if len(joined.split()) <= limit else [_join_items(lead, [x]) for x in items])
            items.clear()
        if after:
            out.append(after)

    nested: list[str] = []  # an item that opens a list of its own, and that list's items (``_NESTED_ITEM_WORDS``)
    for i, line in enumerate(lines):
        following = i + 1 < len(lines) and bool(_BULLET_LINE.match(lines[i + 1]))
        bullet = bool(_BULLET_LINE.match(line))
        if nested:
            if bullet and len(_BULLET_LINE.sub("", line).split()) <= _NESTED_ITEM_WORDS and not _same_start(
                    line, nested[0]):
                nested.append(line)
                continue
            items.append(_nested_item(nested))
            nested = []
        if (bullet and following and lead and items and not skip and line.rstrip().endswith(":")
                and len(_BULLET_LINE.sub("", lines[i + 1]).split()) <= _NESTED_ITEM_WORDS):
            # an item of a list that opens one of its own ("… when all of the following conditions are met: - Daytime
            # hypersomnolence … - The patient has at least one of the following: - Disrupted nocturnal sleep -
            # Cataplexy … - The patient has undergone polysomnography …"): flattened, short items without a verb
            # belong to it, and one that opens as it did ("The patient …") is the outer list's again
            nested = [line]
            continue
        if following and (not bullet or line.rstrip().endswith(":") or (
                _OPENS_CLAUSE.search(line) and len(line.split()) >= _ITEM_LEAD_WORDS)):
            # a line that opens a list — or a list item that opens one of its own ("- Although …,
            # the panel suggests consultation … with any of the following conditions:", "- APA recommends
            # (1B) that naltrexone or acamprosate be offered to patients with … alcohol use disorder who");
            # only its last sentence opens the list, the ones before it stand alone
            flush()
            body = _BULLET_LINE.sub("", line)
            spans = split_sentences(body)
            if len(spans) > 1 and _lead_in(body[spans[-1][0]:]):
                out.append(body[: spans[-1][0]].strip())
                body = body[spans[-1][0]:]
            lead = _lead_in(body)
            # (a meta sentence complete on its own — "Definitions for the strength of evidence … are provided at the
            # end of the field." — opens no list: the recommendations after it are the passage's own)
            skip = (not lead and line.rstrip()[-1:] not in ".!?"
                    and bool(META_CUE.search(_FOLLOWING.sub("", line).rstrip(":"))))
            if lead or skip:
                continue
        if bullet:
            if skip:
                continue
            if lead:
                items.append(line)
                if _OPENS_CLAUSE.search(lead) and line.rstrip().endswith("."):
                    flush()  # the clause the lead-in opened ends with its last item's full stop
                    lead = ""
                continue
        else:
            flush()
            lead, skip = "", False
        if (line[-1] in _CLOSING or line[0] in "-•*▪◦" or len(line.split()) > _HEADING_MAX_WORDS or ". " in line
                or (out and GRADE.fullmatch(line))):  # "Moderate Recommendation – Grade B" under its recommendation
            out.append(line)
    if nested:
        items.append(_nested_item(nested))
    flush()
    return out


_NESTED_ITEM_WORDS = 6  # the items of a list nested in a list item are short ("Cataplexy", "Sleep paralysis")


def _same_start(line: str, opener: str) -> bool:
    """``line`` opens as the item that opened the nested list did: an item of the outer list again."""
    first = _BULLET_LINE.sub("", line).split()[:2]
    return len(first) == 2 and first == _BULLET_LINE.sub("", opener).split()[:2]


def _nested_item(nested: list[str]) -> str:
    """A nested list as one item of the list it sits in: "- The patient has at least one of the following: disrupted
    nocturnal sleep, cataplexy, …"."""
    opener, *inner = nested
    said = [_ITEM_END.sub("", _BULLET_LINE.sub("", x).strip()).rstrip(" .") for x in inner]
    said = [x[0].lower() + x[1:] if x[:1].isupper() and x[1:2].islower() else x for x in said if x]
    return f"{opener.rstrip()} {', '.join(said)}"


def _numbered_items(text: str) -> list[str]:
    """``text`` cut before each numbered list item: a number that opens the text or follows a sentence's end, or
    one of a run ("1." with "2."); "at age 18. During …" and "… was 320. The …" end sentences. Numbers in brackets
    count too ("… the following recommendations can be made: (1) There is Level I evidence … (2) There is …"), else
    the first item stays with the words that announce it."""
    out = []
    for part in _cut(text, _NUMBERED):
        pieces = _cut(part, _BRACKET_NUMBERED)
        # (bracketed items are sentences of their own only when each is one: "Risk factors are: (1) age over 65, (2)
        # diabetes." stays whole)
        out += pieces if all(_ENDS.search(piece) for piece in pieces[1:]) else [part]
    return out


def _cut(text: str, numbered: re.Pattern[str]) -> list[str]:
    found = list(numbered.finditer(text))
    numbers = {int(m.group("n")) for m in found}
    cuts = [m for m in found if m.start() == 0 or _ITEM_FOLLOWS.search(text[:m.start()])
            or {int(m.group("n")) - 1, int(m.group("n")) + 1} & numbers]
    if not cuts:
        return [text]
    out, start = [], 0
    for m in cuts:
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return [piece for piece in out if piece.strip()] or [text]


def segments(text: str, lead: str = "", carried: Sequence[str] = ()) -> list[str]:
    """Sentences (and list items); an evidence-grade statement joins the sentence before it. The
    rows of a table read by ``tables`` are one sentence each (``carried``: the header, scenario and
    legend lines a table continued from an earlier passage runs on under)."""
    out: list[str] = []
    text = rows_as_sentences(feature_tables.read(text), carried)
    cells = (cell for line in _lines(text, lead) for cell in _CELL_BAR.split(line))
    for part in (p for cell in cells for item in _BULLET_SPLIT.split(cell) for p in _numbered_items(item)):
        part = _GLUED_LABEL.sub(" ", _GLUED_STOP.sub(". ", part.strip()))
        spans = split_sentences(part) if part else []
        pieces = [p for a, b in spans for p in _CLOSE_PAREN_SPLIT.split(part[a:b])]
        for sentence in pieces:
            if out and _PAREN_GRADE.match(sentence):  # "… acute gout. (Grade: strong recommendation, …)"
                out[-1] = f"{out[-1].rstrip().rstrip('.')} {sentence.strip().rstrip('.')}."
                continue
            if out and (lead_grade := _LEADING_PAREN_GRADE.match(sentence)):
                out[-1] = f"{out[-1].rstrip().rstrip('.')} {lead_grade.group(1)}."
                sentence = sentence[lead_grade.end():]
            m = GRADE.match(sentence) if out else None
            if m and len(m.group(0).split()) <= 8:
                out[-1] = f"{out[-1].rstrip().rstrip('.')} ({m.group(0).strip().rstrip('.,;')})."
                sentence = sentence[m.end():].strip(" .;,")
                if not sentence:
                    continue
            out.append(sentence)
    return out
