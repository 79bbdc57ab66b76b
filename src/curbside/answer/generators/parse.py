"""Parse what a language model wrote into sentences with citations — robustly.

Small models drift from the requested format: markdown headings instead of ``##``, bold labels,
numbered lists, citations as ``[1, 2]``, ``[1][2]``, ``[Passage 1]``, ``【1】`` or ``(1)``, the
citation after the full stop, JSON when lines were asked for (or the reverse), a chatty
preamble, a cut-off ending. ``parse_answer`` accepts all of these and lists every repair it made;
it raises ``ParseFailure`` only when nothing usable is left. Citation numbers stay the prompt's
own numbers; numbers outside ``1…n`` are removed and counted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from curbside.records import Verdict
from curbside.sentences import split_sentences


class ParseFailure(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Claim:
    text: str  # one sentence, citations removed
    cites: tuple[int, ...]  # prompt-local passage numbers


@dataclass
class Parsed:
    verdict: Verdict | None = None
    bottom_line: list[Claim] = field(default_factory=list)
    sections: list[tuple[str, list[Claim]]] = field(default_factory=list)
    pitfalls: list[Claim] = field(default_factory=list)
    escalation: list[Claim] = field(default_factory=list)
    insufficient: bool = False
    repairs: list[str] = field(default_factory=list)
    invalid_citations: int = 0
    format: str = "lines"
    last: Claim | None = None  # the claim parsed last (the one a cut-off answer leaves unfinished)

    def claims(self) -> list[Claim]:
        out = list(self.bottom_line)
        for _, items in self.sections:
            out.extend(items)
        return out + self.pitfalls + self.escalation


# ----------------------------------------------------------------------------- citations

_LABEL = r"(?:(?:passages?|evidence|sources?|refs?|references?|citations?|docs?|e|p|#)\s*)?"
_NUMS = rf"{_LABEL}\d+(?:\s*(?:[-–—,;]|and|&)\s*{_LABEL}\d+)*"
_CITE_FORMS = [
    re.compile(rf"\[\s*\^?({_NUMS})\s*\]", re.IGNORECASE),
    re.compile(rf"【\s*({_NUMS})\s*】", re.IGNORECASE),
    re.compile(r"\(\s*((?:passages?|evidence|sources?|refs?)\s*\d+(?:\s*(?:[-–,;]|and)\s*\d+)*)\s*\)", re.IGNORECASE),
]
# a bare "(1)" or "(1, 2)" counts only at the end of a sentence
_BARE_PAREN = re.compile(r"\s\((\d{1,2}(?:\s*,\s*\d{1,2})*)\)(?=\s*[.!?]?\s*$)")
_CANON = re.compile(r"⟦([\d,]+)⟧")
_PLACEHOLDER = re.compile(r"<[^<>]{2,80}>|^(one sentence with one finding|another sentence|one finding from the "
                          r"passages|another finding)\W*$", re.IGNORECASE)
_TEMPLATE_TITLE = re.compile(r"^<?\s*(a )?(short )?section title\b.*|^short title$", re.IGNORECASE)
_MOVE_AFTER_STOP = re.compile(r"([.!?])((?:\s*⟦[\d,]+⟧)+)")


def _numbers(group: str) -> list[int]:
    out: list[int] = []
    for a, sep, b in re.findall(r"(\d+)(?:\s*([-–—])\s*[a-z#\s]*?(\d+))?", group, flags=re.IGNORECASE):
        if sep and b and int(b) >= int(a) and int(b) - int(a) <= 10:
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(a))
    return out


def _canonicalise(text: str) -> str:
    """Every citation form → ⟦1,2⟧, and citations after a full stop moved before it."""
    for form in _CITE_FORMS:
        text = form.sub(lambda m: "⟦" + ",".join(map(str, _numbers(m.group(1)))) + "⟧", text)
    text = _BARE_PAREN.sub(lambda m: " ⟦" + ",".join(map(str, _numbers(m.group(1)))) + "⟧", text)
    return _MOVE_AFTER_STOP.sub(lambda m: m.group(2) + m.group(1), text)


def split_claims(text: str, n: int, parsed: Parsed, default: tuple[int, ...] = ()) -> list[Claim]:
    """Sentences of ``text`` with their citations; uncited sentences take their neighbour's."""
    text = _canonicalise(" ".join(text.split()))
    raw: list[tuple[str, list[int]]] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        nums: list[int] = []
        for m in _CANON.finditer(sentence):
            nums.extend(int(x) for x in m.group(1).split(",") if x)
        clean = _CANON.sub("", sentence)
        clean = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(clean.split())).strip()
        if not re.search(r"[A-Za-z]{2}", clean):
            continue  # a stray citation or bullet mark
        if _PLACEHOLDER.search(clean):
            parsed.repairs.append("dropped a line copied from the format template")
            continue
        valid = [x for x in dict.fromkeys(nums) if 1 <= x <= n]
        parsed.invalid_citations += len(set(nums)) - len(valid)
        raw.append((clean, valid))
    claims: list[Claim] = []
    inherited = 0
    for i, (sentence, cites) in enumerate(raw):
        if not cites and default:
            cites = list(default)
        elif not cites:
            after = next((c for _, c in raw[i + 1:] if c), None)
            before = next((c for _, c in reversed(raw[:i]) if c), None)
            borrowed = after or before
            if borrowed:
                inherited += 1
                cites = borrowed
        claims.append(Claim(sentence, tuple(cites)))
    if inherited:
        parsed.repairs.append(f"{inherited} sentence(s) took the citations of their bullet")
    if claims:
        parsed.last = claims[-1]
    return claims


# ----------------------------------------------------------------------------- entry point

def parse_answer(text: str, n: int) -> Parsed:
    """Parse model output that cites passages 1…n (line format or JSON, auto-detected)."""
    cleaned = _strip_wrappers(text)
    if not cleaned:
        raise ParseFailure("the model returned no text")
    parsed: Parsed | None = None
    if _looks_like_json(cleaned):
        parsed = _parse_json(cleaned, n)
    if parsed is None:
        parsed = _parse_lines(cleaned, n)
    if parsed.invalid_citations:
        parsed.repairs.append(f"removed {parsed.invalid_citations} citation(s) to passages the model was not given")
    if not parsed.insufficient and not parsed.claims():
        raise ParseFailure("no answer sentences found in the model output")
    if not parsed.bottom_line and not parsed.insufficient:
        first_title, first_items = next(((t, items) for t, items in parsed.sections if items), ("", []))
        if first_items:
            parsed.bottom_line = [first_items.pop(0)]
            parsed.repairs.append("no bottom line: used the first bullet")
            parsed.sections = [(t, items) for t, items in parsed.sections if items]
        elif parsed.pitfalls or parsed.escalation:
            source = parsed.pitfalls or parsed.escalation
            parsed.bottom_line = [source.pop(0)]
            parsed.repairs.append("no bottom line: used the first bullet")
    return parsed


def _strip_wrappers(text: str) -> str:
    text = re.sub(r"<think>.*?(</think>|$)", "", text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"^\s*```[a-zA-Z]*\s*$", "", text, flags=re.MULTILINE)
    for token in ("<|im_end|>", "<|endoftext|>", "<|eot_id|>", "</s>"):
        text = text.split(token)[0]
    return text.strip()


def _looks_like_json(text: str) -> bool:
    return text.lstrip().startswith("{") or bool(re.search(r'"bottom_line"\s*:', text))


# ----------------------------------------------------------------------------- line format

_VERDICT_LINE = re.compile(r"^[#*\s]*verdict[*\s]*[:\-–]\s*[*_]*\s*([a-z/ ]+)", re.IGNORECASE)
_BOTTOM_LINE = re.compile(r"^[#*\s]*(?:bottom[ -]?line|answer|summary|conclusion)[*\s]*[:\-–]?[*\s]*(.*)$",
                          re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?:#{1,6}\s*(.+?)\s*#*|\*\*([^*\[⟦]{2,80})\*\*\s*:?|([A-Z][^\[⟦.!?]{2,60}):)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•–·+]|\d{1,2}[.)])\s+(.*)$")
_PITFALL = re.compile(r"pitfall|avoid|caution|warning|mistake|don'?t|do not|harm", re.IGNORECASE)
_ESCALATE = re.compile(r"refer|escalat|urgent|emergen|seek|red flag|when to (see|call|get)|specialist", re.IGNORECASE)
_SKIP_TITLE = re.compile(r"^(references?|sources?|citations?|passages?|evidence passages?)$", re.IGNORECASE)


def _verdict(word: str) -> tuple[Verdict | None, bool]:
    w = word.strip().lower().split()[0] if word.strip() else ""
    w = w.strip("*_.,;:")
    if w == "yes":
        return Verdict.YES, True
    if w == "no":
        return Verdict.NO, True
    if w in {"uncertain", "maybe", "unclear", "possibly", "mixed", "inconclusive"}:
        return Verdict.UNCERTAIN, True
    return None, w in {"none", "n/a", "na", "null", "not", "-", ""}


def _parse_lines(text: str, n: int) -> Parsed:
    parsed = Parsed(format="lines")
    bottom: list[str] = []
    preamble: list[str] = []
    current: list[str] | None = None  # where plain lines go
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or set(stripped) <= set("-=*_#"):
            continue
        if m := _VERDICT_LINE.match(stripped):
            verdict, known = _verdict(m.group(1))
            parsed.verdict = verdict or parsed.verdict
            if not known:
                parsed.repairs.append(f"unrecognised verdict {m.group(1).strip()[:20]!r} ignored")
            continue
        if (m := _BOTTOM_LINE.match(stripped)) and not _BULLET.match(stripped) and not bottom:
            rest = m.group(1).strip().strip("*").strip()
            if re.fullmatch(r"\W*insufficient\W*", rest, flags=re.IGNORECASE):
                parsed.insufficient = True
                current = None
                continue
            bottom = [rest] if rest else []
            current = bottom
            continue
        if (m := _HEADING.match(stripped)) and not _BULLET.match(stripped):
            title = next(g for g in m.groups() if g).strip().strip("*:").strip()
            if _BOTTOM_LINE.match(title):
                current = bottom
                continue
            sections.append((title, []))
            current = sections[-1][1]
            continue
        if m := _BULLET.match(stripped):
            item = m.group(1).strip()
            if current is bottom and bottom:  # bullets after the bottom line start a section
                sections.append(("Key points", []))
                current = sections[-1][1]
            if current is None:
                sections.append(("Key points", []))
                current = sections[-1][1]
            current.append(item)
            continue
        if re.fullmatch(r"\W*insufficient\W*", stripped, flags=re.IGNORECASE):
            parsed.insufficient = True
            continue
        (current if current is not None else preamble).append(stripped)
    if bottom:
        parsed.bottom_line = split_claims(" ".join(bottom), n, parsed)
    elif preamble:
        claims = [c for c in split_claims(" ".join(preamble), n, parsed) if c.cites]
        if claims:
            parsed.bottom_line = claims[:2]
            parsed.repairs.append("no BOTTOM LINE label: used the opening sentences")
    _place_sections(parsed, sections, n)
    if parsed.insufficient and parsed.claims():
        parsed.insufficient = False  # the model said "insufficient" and then answered anyway
        parsed.repairs.append("ignored an INSUFFICIENT marker followed by an answer")
    return parsed


def _place_sections(parsed: Parsed, sections: list[tuple[str, list[str]]], n: int) -> None:
    for title, items in sections:
        if _SKIP_TITLE.match(title):
            continue
        claims: list[Claim] = []
        for item in items:
            claims.extend(split_claims(item, n, parsed))
        if not claims:
            continue
        if _PITFALL.search(title):
            parsed.pitfalls.extend(claims)
        elif _ESCALATE.search(title):
            parsed.escalation.extend(claims)
        else:
            _add_section(parsed, _title(title), claims)


def _add_section(parsed: Parsed, title: str, claims: list[Claim]) -> None:
    for existing, items in parsed.sections:
        if existing.lower() == title.lower():
            items.extend(claims)
            return
    parsed.sections.append((title, claims))


def _title(title: str) -> str:
    title = re.sub(r"^\d+[.)]\s*", "", title).strip().strip("<>").strip()
    if _TEMPLATE_TITLE.match(title):
        return "Key points"
    return title[:1].upper() + title[1:] if title else "Key points"


# ----------------------------------------------------------------------------- JSON

def _parse_json(text: str, n: int) -> Parsed | None:
    data, repaired = _load_json(text)
    if not isinstance(data, dict):
        return None
    parsed = Parsed(format="json")
    if repaired:
        parsed.repairs.append("repaired malformed JSON")
    verdict = data.get("verdict")
    if isinstance(verdict, str):
        parsed.verdict, known = _verdict(verdict)
    parsed.insufficient = bool(data.get("insufficient")) and not data.get("sections")
    parsed.bottom_line = _json_items(data.get("bottom_line") or data.get("answer") or data.get("summary"), n, parsed)
    sections = data.get("sections") or []
    if isinstance(sections, dict):
        sections = [{"title": k, "bullets": v} for k, v in sections.items()]
    raw_sections: list[tuple[str, list[Claim]]] = []
    for sec in sections if isinstance(sections, list) else []:
        if not isinstance(sec, dict):
            continue
        title = str(sec.get("title") or sec.get("name") or "Key points")
        claims = _json_items(sec.get("bullets") or sec.get("points") or sec.get("items"), n, parsed)
        if claims:
            raw_sections.append((title, claims))
    for title, claims in raw_sections:
        if _PITFALL.search(title):
            parsed.pitfalls.extend(claims)
        elif _ESCALATE.search(title):
            parsed.escalation.extend(claims)
        else:
            _add_section(parsed, _title(title), claims)
    parsed.pitfalls.extend(_json_items(data.get("pitfalls"), n, parsed))
    parsed.escalation.extend(_json_items(data.get("escalation") or data.get("refer"), n, parsed))
    return parsed


def _json_items(value: Any, n: int, parsed: Parsed) -> list[Claim]:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    out: list[Claim] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str):
            out.extend(split_claims(item, n, parsed))
        elif isinstance(item, dict):
            text = str(item.get("text") or item.get("sentence") or item.get("claim") or "")
            raw = item.get("cites") or item.get("citations") or item.get("evidence") or item.get("refs") or []
            raw = raw if isinstance(raw, list) else [raw]
            nums = [int(x) for x in re.findall(r"\d+", " ".join(map(str, raw)))]
            valid = tuple(x for x in dict.fromkeys(nums) if 1 <= x <= n)
            parsed.invalid_citations += len(set(nums)) - len(valid)
            out.extend(split_claims(text, n, parsed, default=valid))
    return out


def _load_json(text: str) -> tuple[Any, bool]:
    start = text.find("{")
    if start < 0:
        return None, False
    body = text[start:]
    try:
        return json.JSONDecoder().raw_decode(body)[0], False
    except json.JSONDecodeError:
        pass
    fixed = body.replace("“", '"').replace("”", '"').replace("’", "'")
    fixed = re.sub(r",\s*([}\]])", r"\1", fixed)
    fixed = _close_brackets(fixed)
    for candidate in (fixed, re.sub(r"(?<![\w\\])'([^'\n]*)'(?=\s*[:,}\]])", r'"\1"', fixed)):
        try:
            return json.JSONDecoder().raw_decode(candidate)[0], True
        except json.JSONDecodeError:
            continue
    return None, False


def _close_brackets(text: str) -> str:
    """Close what a cut-off JSON object left open (strings, arrays, objects)."""
    stack: list[str] = []
    in_str = escape = False
    for i, ch in enumerate(text):
        if in_str:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_str = False
            continue
        if ch == '"':
            in_str = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if stack:
                stack.pop()
            if not stack:
                return text[: i + 1]
    tail = '"' if in_str else ""
    out = text.rstrip() + tail
    out = re.sub(r',\s*"[^"]*"?\s*:?\s*$', "", out)  # a dangling key
    out = re.sub(r",\s*$", "", out)
    return out + "".join(reversed(stack))
