"""Table rows read as the sentences they stand for. A guideline table is stored one row per line,
its cells joined with " | " ("CT abdomen and pelvis with contrast | 8 | Oral or rectal contrast may
not be needed …"). Read cell by cell, the rating loses its procedure and the comment its subject
("This procedure is appropriate in women with pelvic pain"); read as a row under its header, it says
"US pelvis may be appropriate (rating 5) for fever, leukocytosis …; this procedure is appropriate in
women with pelvic pain." — every word the table's own, in the order of its columns.

A grading scheme's legend row ("Level 1 | Generally accepted principles …") is left out. Two kinds of
table are read, both by their header row: appropriateness tables (a subject column,
then "Rating" or "Appropriateness Category"; the clinical scenario is the "Variant N:" line above the
table and the meaning of a rating is the table's own "Rating Scale" legend), and recommendation tables
(subject columns, then "Recommendation", with rationale and grade columns: the Beers criteria). Rows of
any other table are left as they are. A table that runs on from an earlier passage of its document is
read under the header, scenario and legend ``carried`` from there (``table_context``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_BAR = " | "
_CELL_MAX = 60  # characters of a header cell
_RATING = re.compile(r"^(?:rating|appropriateness (?:category|rating))\*?$", re.IGNORECASE)
# (CPIC's pharmacogenetic tables: "Therapeutic Recommendations", "Dosing Recommendations for MP", "Recommendations
# for Abacavir")
_RECOMMENDATION = re.compile(r"^(?:(?:therapeutic|dosing|clinical)\s+)?recommendations?(?:\s+for\s+[\w -]{1,30})?\*?$",
                             re.IGNORECASE)
_COMMENT = re.compile(r"^(?:comments?|(?:risk )?rationale|justification)\*?$", re.IGNORECASE)
# what a genotype implies for the drug's levels ("Implications for Tacrolimus Pharmacologic Measures"): the reason for
# the recommendation, in words ("lower dose-adjusted trough concentrations") that would make the row read as about
# drug monitoring; left out
_IMPLICATIONS = re.compile(r"^implications?(?:\s+for\s+[\w -]{1,40})?\*?$", re.IGNORECASE)
_GRADE = re.compile(r"^(?:(?:quality|strength|level|certainty) of (?:the )?(?:evidence|recommendations?)|"
                    r"classification of recommendations?)\*?$", re.IGNORECASE)
# a management table: the situation, then what to do in each setting or phase ("Clinical Scenario | Antepartum
# Management | Postpartum Management": ACOG's thromboprophylaxis table)
_SITUATION = re.compile(r"^(?:clinical\s+)?(?:scenarios?|situations?|conditions?|indications?|populations?|"
                        r"patient groups?|risk (?:groups?|categor(?:y|ies)))\*?$", re.IGNORECASE)
_MANAGEMENT = re.compile(r"^(?:[\w-]+\s+){0,2}(?:management|treatment|therapy|care|action)\*?$", re.IGNORECASE)
# a digit in a header cell is a figure ("2015", "≥65") unless it is part of a gene's name ("CYP3A5 Phenotype")
_FIGURE = re.compile(r"(?<![A-Z0-9])\d")
# a first column that labels a statement rather than naming its subject ("Grade | Recommendation",
# "CAP Designation | Recommendation | Rationale", "Clinical Question | Recommendation …")
_LABEL_COLUMN = re.compile(r"\b(?:grade|level|designation|strength|quality|question|statement|source|"
                           r"recommendation|evidence)\b", re.IGNORECASE)
_VARIANT = re.compile(r"^Variant \d+[a-z]?\s*:\s*(?P<scenario>\S.*)$")
_LEGEND = re.compile(r"^Rating Scale:", re.IGNORECASE)
_LEGEND_BAND = re.compile(r"(?P<numbers>\d(?:\s*,\s*\d)+)\s+(?P<meaning>[A-Za-z][A-Za-z ()]*?)\s*(?=;|\||$)")
_CATEGORY = re.compile(r"^(?:usually (?:not )?appropriate|may be appropriate(?: \(disagreement\))?)$",
                       re.IGNORECASE)
_POINTER = re.compile(r"^see\b", re.IGNORECASE)  # "See statement regarding contrast in text below …"
_ROW_MAX_WORDS = 70  # longer, the scenario and then the comment are left out
# a row of a grading scheme's legend: a grade label, then what the grade means ("Level 1 | Generally accepted
# principles for patient management, which reflect a high degree of clinical certainty …", "Very Low | Any
# estimate of effect is very uncertain", "IV | Case series"). Read cell by cell, the next row's label became
# the grade of this row's text ("… clinical certainty … (Level 2)"); a legend is never an answer
_GRADE_LABEL = re.compile(r"^(?:(?:(?:level|grade|class|category|tier)\s*[\w+-]{1,4}"
                          r"(?: evidence| recommendation)?\s*){1,2}|[A-D][+-]?|(?:I{1,3}V?|IV|V)[ab]?|"
                          r"high|moderate|low|very low|strong|weak|conditional)(?: evidence| recommendation)?"
                          r"(?:\s*\([^()]{1,40}\))?$", re.IGNORECASE)
_DEFINES = re.compile(r"\b(?:evidence|certainty|stud(?:y|ies)|trials?|consensus|opinion|confiden\w*|quality|"
                      r"outweigh|net benefit|clinical utility|well-designed|randomi[sz]ed|estimates?|effect|"
                      r"case[- ](?:series|control)|cohort|tradeoffs?|expert|preponderance|not applicable|"
                      r"(?:level|class) (?:[1-5]|i{1,3}v?|iv|v)\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Header:
    cells: tuple[str, ...]
    subject: int  # the leading columns that name the row's subject
    rating: int = -1  # appropriateness: the rating or category column
    recommendation: int = -1  # recommendation tables: the recommendation column
    comments: tuple[int, ...] = ()
    grades: tuple[int, ...] = ()
    management: tuple[int, ...] = ()  # management tables: a column of what to do for each setting or phase


def header(line: str) -> Header | None:
    """The line as a table header this module reads, or None."""
    cells = tuple(c.strip() for c in line.split(_BAR))
    if len(cells) < 2 or any(len(c) > _CELL_MAX or not c or _FIGURE.search(c) for c in cells):
        return None
    rating = next((i for i, c in enumerate(cells) if i and _RATING.match(c)), -1)
    recommendation = next((i for i, c in enumerate(cells) if i and _RECOMMENDATION.match(c)), -1)
    if rating < 0 and recommendation < 0 and _SITUATION.match(cells[0]) and all(_MANAGEMENT.match(c)
                                                                                 for c in cells[1:]):
        return Header(cells, 1, management=tuple(range(1, len(cells))))
    if rating < 0 and (recommendation < 0 or _LABEL_COLUMN.search(cells[0])):
        return None
    comments = tuple(i for i, c in enumerate(cells) if _COMMENT.match(c))
    grades = tuple(i for i, c in enumerate(cells) if _GRADE.match(c))
    implications = tuple(i for i, c in enumerate(cells) if i and _IMPLICATIONS.match(c))
    first_other = min(i for i in (rating, recommendation, *comments, *grades, *implications) if i > 0)
    return Header(cells, first_other, rating, recommendation if rating < 0 else -1, comments, grades)


def rates(text: str) -> bool:
    """``text`` holds an appropriateness table's header."""
    return any((found := header(line.strip())) is not None and found.rating >= 0 for line in text.split("\n"))


def legend(line: str) -> dict[str, str]:
    """"Rating Scale: 1,2,3 Usually not appropriate; 4,5,6 May be appropriate; 7,8,9 Usually
    appropriate" → {"1": "usually not appropriate", …}."""
    if not _LEGEND.match(line):
        return {}
    bands = {}
    for band in _LEGEND_BAND.finditer(line.split(":", 1)[1]):
        for number in re.findall(r"\d", band.group("numbers")):
            bands[number] = band.group("meaning").strip().lower()
    return bands


def _lower_first(text: str) -> str:
    """A sentence's opening lowered to run on after other words, unless it is an abbreviation ("US", "CT")."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not text[1].isdigit():
        return text[0].lower() + text[1:]
    return text


def _lower_words(text: str) -> str:
    """"Quality of Evidence" → "quality of evidence" (abbreviations kept: "GRADE", "CAP")."""
    return " ".join(_lower_first(w) for w in text.split())


def _scenario(variant: str) -> str:
    """"Variant 2: Suspect acute distal radius fracture. Radiographs normal. Next procedure." →
    "suspect acute distal radius fracture; radiographs normal; next procedure" (one sentence)."""
    parts = [p.strip().rstrip(".") for p in re.split(r"\.\s+", variant.strip())]
    return "; ".join(_lower_first(p) for p in parts if p)


def _appropriateness(head: Header, cells: Sequence[str], scenario: str, bands: dict[str, str]) -> str:
    value = cells[head.rating].strip()
    if re.fullmatch(r"\d", value):
        meaning, rating = bands.get(value, ""), f"rating {value}"
    elif _CATEGORY.match(value):
        meaning, rating = value.lower(), ""
    else:
        return ""
    if meaning.startswith("may"):
        verb = meaning
    elif meaning:
        verb = f"is {meaning}"
    else:
        verb = "is rated"
        rating = rating.removeprefix("rating ")
    subject = " — ".join(c.strip() for c in cells[:head.subject])
    graded = f"{verb} ({rating})" if rating and verb != "is rated" else f"{verb} {rating}".rstrip()
    comments = [c.strip().rstrip(".") for i, c in enumerate(cells) if i in head.comments and c.strip()]
    # (a radiation level in the comments' column, "O", where the comment is left empty, is not one)
    comment = "; ".join(_lower_first(c) for c in comments if not _POINTER.match(c) and len(c.split()) > 1)
    for_scenario = f" for {scenario}" if scenario else ""
    # (the comment after a dash: after a semicolon, "use of oral or rectal contrast depends on …" would read as advice)
    options = (f"{subject} {graded}{for_scenario} — {comment}" if comment else "",
               f"{subject} {graded}{for_scenario}", f"{subject} {graded}")
    return next(o for o in options if o and len(o.split()) <= _ROW_MAX_WORDS) + "."


def _recommended(head: Header, cells: Sequence[str]) -> str:
    advice = cells[head.recommendation].strip().rstrip(".")
    if not advice:
        return ""
    subject = " — ".join(c.strip() for c in cells[:head.subject] if c.strip())
    grades = "; ".join(f"{_lower_words(head.cells[i].rstrip('*'))}: {cells[i].strip().lower()}"
                       for i in head.grades if cells[i].strip())
    reasons = "; ".join(cells[i].strip().rstrip(".") for i in head.comments if cells[i].strip())
    graded = f" ({grades})" if grades else ""
    options = (f"{subject}: {_lower_first(advice)} — {_lower_first(reasons)}{graded}" if reasons else "",
               f"{subject}: {_lower_first(advice)}{graded}")
    return next((o for o in options if o and len(o.split()) <= _ROW_MAX_WORDS), options[-1]) + "."


def _managed(head: Header, cells: Sequence[str]) -> str:
    """"Low-risk thrombophilia with a family history (first-degree relative) of VTE — antepartum management:
    surveillance without anticoagulation therapy; postpartum management: postpartum anticoagulation therapy …"."""
    advice = [f"{_lower_words(head.cells[i].rstrip('*'))}: {_lower_first(cells[i].strip().rstrip('.'))}"
              for i in head.management if cells[i].strip()]
    subject = cells[0].strip().rstrip(".")
    return f"{subject} — {'; '.join(advice)}." if advice and subject else ""


@dataclass(slots=True)
class _State:
    head: Header | None = None
    scenario: str = ""
    bands: dict[str, str] = field(default_factory=dict)  # rating → meaning, from every legend in reach

    def read(self, line: str) -> bool:
        """Take a header or scenario line; True when the line was one of them, or a legend."""
        found = header(line)
        if found is not None:
            self.head = found
            return True
        variant = _VARIANT.match(line)
        if variant:
            self.scenario, self.head = _scenario(variant.group("scenario")), None
            return True
        return _LEGEND.match(line) is not None


def table_context(before: Sequence[str], document: str) -> tuple[str, ...]:
    """The header, scenario and legend lines a passage's table runs on under: the last header and
    "Variant" line in the passages ``before`` it, and the document's first rating legend (which
    follows its table, often in a later passage)."""
    lines: dict[str, str] = {}
    for text in before:
        for line in text.split("\n"):
            line = line.strip()
            if header(line) is not None:
                lines["header"] = line
            elif _VARIANT.match(line):
                lines["variant"] = line
                lines.pop("header", None)
    key = next((line.strip() for line in document.split("\n") if legend(line.strip())), "")
    return tuple(x for x in (lines.get("variant", ""), lines.get("header", ""), key) if x)


def rows_as_sentences(text: str, carried: Sequence[str] = ()) -> str:
    """``text`` with the rows of the tables this module reads written as sentences, and those
    tables' header and legend lines left out; every other line as it was."""
    if _BAR not in text:
        return text
    state = _State()
    lines = text.split("\n")
    for line in (*carried, *lines):  # (a legend below the table gives the ratings above it their meaning)
        state.bands.update(legend(line.strip()))
    for line in carried:
        state.read(line)
    out = []
    profiles = _profiles(lines)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if i in profiles:  # (a scheme of labelled fields, one per row: said once, as one sentence)
            if profiles[i]:
                out.append(profiles[i])
            continue
        if state.read(line):  # (a "Variant" line is said by each row under it)
            continue
        head = state.head
        cells = line.split(_BAR)
        if len(cells) >= 2 and _GRADE_LABEL.match(cells[0].strip()) and _DEFINES.search(" ".join(cells[1:])):
            continue  # (a grading scheme's legend row)
        sentence = ""
        if head is not None and _BAR in line:
            if head.rating >= 0 and head.rating < len(cells) <= len(head.cells):
                sentence = _appropriateness(head, cells, state.scenario, state.bands)
            elif head.recommendation >= 0 and len(cells) == len(head.cells):
                sentence = _recommended(head, cells)
            elif head.management and len(cells) == len(head.cells):
                sentence = _managed(head, cells)
        out.append(sentence[0].upper() + sentence[1:] if sentence else raw)
    return "\n".join(out)


# a scheme's fields, one per row: a short label, then its value ("Supplement Composition | 30–60 mg elemental iron",
# "Duration | Three consecutive months in a year": WHO's suggested scheme for daily iron supplementation)
_FIELD_LABEL = re.compile(r"^[A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,3}$")
_PROFILE_MIN = 3  # rows of label and value, one after another


def _profiles(lines: Sequence[str]) -> dict[int, str]:
    """The runs of at least ``_PROFILE_MIN`` label-and-value rows among ``lines``, each said as one sentence on its
    first line ("Target group: menstruating adult women …; supplement composition: 30–60 mg elemental iron; …;
    duration: three consecutive months in a year; …."), its other lines mapped to "" (left out). Each row read alone
    was a label and a value that said nothing without each other."""
    out: dict[int, str] = {}
    run: list[tuple[int, str, str]] = []
    for i, raw in enumerate((*lines, "")):
        cells = [c.strip() for c in raw.strip().split(_BAR)]
        if (len(cells) == 2 and all(cells) and _FIELD_LABEL.match(cells[0]) and not _RATING.match(cells[0])
                and header(raw.strip()) is None):
            run.append((i, cells[0], cells[1].rstrip(".;")))
            continue
        if len(run) >= _PROFILE_MIN:
            said = "; ".join(f"{label[0].lower()}{label[1:].lower()}: {_lower_first(value)}" for _, label, value in run)
            out[run[0][0]] = said[0].upper() + said[1:] + "."
            out.update((j, "") for j, _, _ in run[1:])
        run = []
    return out
