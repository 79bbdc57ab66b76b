"""MedQuAD answer text → clean lines: what the dataset's export flattened, put back where it is certain.

MedQuAD stores each answer as one run of text in which the source page's layout survives only as
whitespace, and every non-ASCII character was deleted (not replaced). So:

- bullet lists are runs of spaces + "- " (one line per item);
- other block boundaries (a heading, a paragraph after a list) are runs of 3+ spaces: "Failure to
  Thrive   These resources …", "Surgery     Surgery (removing …" — one line each;
- curly apostrophes are gone: "youre", "doesnt", "dont". The contractions whose apostrophe-less
  spelling is not itself an English word are restored ("you're", "doesn't"); "its", "lets",
  "were", "well", "hell", "shed" … are real words and are left alone;
- dashes are gone too ("pneumoniathe most common type of pneumoniaare treated"): nothing marks
  where they were, so those words stay glued;
- NIHSeniorHealth pages glue Title Case sub-headings onto the next sentence with a single space
  ("Warning Signs or History of Stroke Experiencing warning signs …"): see ``split_headings``.
"""

from __future__ import annotations

import re

from curbside.sources._text import clean_inline

# MedQuAD flattened the source pages' bullet lists into runs of spaces + "- ": restore the lines.
_BULLET = re.compile(r"\s{2,}-\s+")
# A run of 3+ spaces is a block boundary unless it falls mid-sentence ("is called   deep vein
# thrombosis": lowercase next, no sentence end before), where it is just a removed character.
_BLOCK = re.compile(r"(?<=[.?!:;)\]\"])\s{3,}|\s{3,}(?![a-z])")

# lowercase contraction without its apostrophe → where the apostrophe goes (characters from the end)
_CONTRACTIONS = {
    **{w: 1 for w in ("dont", "doesnt", "didnt", "cant", "isnt", "arent", "wasnt", "werent", "hasnt", "havent",
                      "hadnt", "shouldnt", "wouldnt", "couldnt", "mustnt", "neednt", "wont")},
    **{w: 2 for w in ("youre", "theyre", "youve", "theyve", "weve", "youll", "theyll", "itll")},
    **{w: 1 for w in ("youd", "theyd", "thats", "whats", "theres", "heres", "whos")},
}
# not before "of"/"to": "the cant of the eyes", "as they were wont to"
_CONTRACTION = re.compile(r"\b(" + "|".join(_CONTRACTIONS) + r")\b(?!'| of\b| to\b)", re.IGNORECASE)
# "Im"/"Ive" only as the pronoun: capital I, then a lowercase word ("Im older than 65", not
# "glycosylation type Im)").
_I_CONTRACTION = re.compile(r"\bI(m|ve)(?= [a-z])")


def _apostrophe(m: re.Match[str]) -> str:
    word = m.group(1)
    before = m.string[:m.start()].rstrip()
    title_case = before.rsplit(" ", 1)[-1][:1].isupper() and before[-1:].isalpha()  # "Factors You Cant Control"
    if word[0].isupper() and before and before[-1] not in ".?!:;-\"'“‘(" and not title_case:
        return word  # capitalised mid-sentence is a name: "people with Cant syndrome" (Cantú, accent lost)
    at = len(word) - _CONTRACTIONS[word.lower()]
    return f"{word[:at]}'{word[at:]}"


# The regexes above cost seconds over MedQuAD's 20 MB of answers; a set test on the line's words
# (in C) skips the ~99% of lines that have none.
_WORDS = frozenset(_CONTRACTIONS) | {"im", "ive"}
_PUNCTUATION = str.maketrans({c: " " for c in "\"'()[]“”‘’.,;:!?"})


def restore_contractions(text: str) -> str:
    """ "you dont need" → "you don't need"; "wont to" and "cant of" (the words) are left alone."""
    if _WORDS.isdisjoint(text.lower().translate(_PUNCTUATION).split()):
        return text
    return _I_CONTRACTION.sub(r"I'\1", _CONTRACTION.sub(_apostrophe, text))


# Title Case heading glued to the sentence after it. The heading is 2+ words, capitalised except
# for short function words, starting a line or following a sentence end; the sentence starts with
# a capitalised word followed by a lowercase one. The regex is greedy, so "Protein Clumpings Cloud
# the Lens A cataract is …" splits before "A", not before "Cloud".
_SMALL = r"(?:a|an|the|and|or|but|nor|for|of|in|on|at|to|by|from|with|as|vs|into|over|under|without|about|after|before)"
_CAP = r"[A-Z0-9][\w'/&-]*"
_GLUED_HEADING = re.compile(
    rf"(?:^|(?<=[.?!] )|(?<=[.?!][)\"] ))(?P<head>{_CAP}(?:,? (?:{_CAP}|{_SMALL}))+) (?P<first>[A-Z][a-z]*) "
    rf"(?P<next>[a-z][\w'-]*)")
# A heading does not end in a determiner, pronoun, auxiliary, preposition or a word that takes a
# letter or number after it ("Medicare Part A is …", "Type 2").
_NOT_LAST = frozenset((
    "a an the and or but nor for of in on at to by from with as vs into over under without about after before "
    "your our my their his her its you we they i it can could should would will may might must do does did is "
    "are was were be been has have had not no too much many more most very how why what when where who which "
    "that this these those new good early major two three four five part type stage grade phase class level "
    "step vitamin factor").split())
# ... and the sentence does not start with a preposition or conjunction ("Treating Problems Due to …").
_NOT_FIRST = frozenset("about against due with without for to of in on and or from by at into than as vs that which who"
                       .split())
# "The National Institute of …", "Restoring Blood Flow to …": the capitalised word continues a name.
_NOT_NEXT = frozenset("of and or on to for at by from with".split())
# Sentence openers that never continue a name: no need to look for "cholesterol a" elsewhere.
_STARTERS = frozenset("a an the this these those there it if when while some many most you your we people".split())
# Words that end the names of organisations and programmes ("The National Cancer Institute
# sponsors …", "Medicare Advantage Plans are …") rather than start a sentence.
_NAME_ENDS = frozenset((
    "administration institute institutes association foundation society center centers centre committee force "
    "agency department program programme council library academy college organization service services plan "
    "plans agents diet index act office survey trial study blockers inhibitors antagonists agonists receptor "
    "receptors").split())


def split_headings(line: str, context: str) -> list[str]:
    """A line with glued Title Case headings → the headings and sentences as separate lines.

    ``context`` is the lowercased text of the whole page: a split "Body Mass | Index chart …" is
    refused when "mass index" also occurs there other than right after this heading, which is
    what multi-word names ("Food and Drug Administration", "Body Mass Index") do and glued
    headings ("… History of Stroke | Experiencing …") don't.
    """
    out: list[str] = []
    start = 0
    for m in _GLUED_HEADING.finditer(line):
        head, first = m.group("head"), m.group("first")
        words = head.split()
        last = words[-1].rstrip(",")
        if (last.lower() in _NOT_LAST or first.lower() in _NOT_FIRST | _NAME_ENDS or m.group("next") in _NOT_NEXT
                or any(w.isdigit() for w in words) or ", and " in head or ", or " in head):
            continue  # "Not a Normal Part of Aging Nearly 1 in 3 | American adults", "… and Native | Americans"
        if first.lower() not in _STARTERS and (
                _occurrences(f"{last} {first}", context) > _occurrences(f"{head} {first}", context)):
            continue
        before = line[start:m.start()].strip()
        if before:
            out.append(before)
        out.append(head)
        start = m.start("first")
    rest = line[start:].strip()
    if rest:
        out.append(rest)
    return out


def _occurrences(phrase: str, context: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", context))


def answer_lines(raw: str, *, glued_headings: bool = False, context: str = "") -> list[str]:
    """Clean lines of one answer: list items as "- item", blocks and (optionally) headings split."""
    lines: list[str] = []
    for raw_line in raw.splitlines():
        for i, piece in enumerate(_BULLET.split(raw_line)):
            for j, block in enumerate(_BLOCK.split(piece) if "   " in piece else (piece,)):
                text = restore_contractions(clean_inline(block))
                is_item = j == 0 and (i > 0 or text.startswith("- "))
                text = text.removeprefix("- ").strip() if is_item else text
                if not text:
                    continue
                # a list's last item runs on into the text after the list, headings included
                parts = split_headings(text, context) if glued_headings else [text]
                lines.append(f"- {parts[0]}" if is_item else parts[0])
                lines.extend(parts[1:])
    return lines
