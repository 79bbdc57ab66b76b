"""Plainer patient answers without changing what any sentence says: words that serve
specialists are removed, long sentences split where the halves say what the whole said, and
formal words give way to everyday ones that mean the same.

* **Asides for specialists** — a parenthesis (or a bracketed tag) that is
  - an evidence grade or strength of recommendation: "(grade B)", "(Strong for)",
    "((Level of evidence C))", "(1B, strong recommendation, moderate quality of evidence)", "[II, C]";
  - statistics that only back the finding the sentence states: "(95% CI 1.2–3.4; p<0.01)", "(OR 2.28)",
    "(n = 120)", "(30 of 37)" — not when they say it may be chance ("(P = 0.091)", an interval
    containing no effect: the sentence alone would read surer than its source) or name the
    comparison ("(82.5% vs. MiraLAX 67.8%, P=0.02)");
  - a reference or a pointer: "(Antman et al., 2006; …)", "(see the "Potential Harms" field)",
    "(this recommendation is adapted from …)";
  - an abbreviation's definition, "office blood pressure measurement (OBPM)", when the
    abbreviation is used nowhere else in the answer or the question (the reader never meets it
    again, so it only adds a word; where it is used the definition is what explains it) — not a
    one-word long form, whose abbreviation is often the name people know ("… (MDMA)").
  The claim is the sentence outside the brackets; the grade and the statistics stay one click
  away in the cited source.

  Kept, because they tell a patient something: examples ("(for example, fluid intake)",
  "(such as ibuprofen)" — they make a general word concrete, and are usually plain words),
  brand names ("(Zithromax)", which patients know their medicines by), doses, plain-words
  explanations ("(a spinning sensation)"), pronunciations, and anything with a negation or
  "against" ("(not for children)", "(Strong against)": a direction is never dropped).
* **Semicolons** — "X; Y." becomes "X. Y." when both halves are full clauses
  (``clauses.is_clause``) of four words or more: two sentences that say what the one said, each
  shorter. Not when a colon precedes (the halves are items of one list: "You should: rest; drink
  water") or the second half opens with "and"/"or"/"nor" (alternatives read differently apart).
* **", but" / ", so" / ", and"** — "X, but Y." becomes "X. But Y." ("So Y."; "and" goes: "X. Y.")
  when both are full clauses of four words or more, Y opens with its own subject ("it", "you",
  "the" …: not "…, and may cause"), and nothing before X's end could govern Y: no comma before
  it (a list, an opening phrase) and no "If"/"When"/"Although" … opening the sentence ("If A, B,
  and C" — C is conditional too). Not ", which", ", while", ", although": their clauses lean on
  the first in ways two sentences would not keep.
* **Plain words** (``plain_words.py``) — "approximately" → "about", "individuals" → "people",
  "However, …" → "But …", "should be administered" → "should be given": a curated lexicon of
  swaps that keep the meaning in the contexts they are allowed in; names, brackets and quotes
  untouched.

A simplified bullet must still verify, sentence by sentence, against the passages it cites
(``SupportJudge``: the lexical and strict checks every judge applies, and which ``compose``
applies again), or it keeps its wording. A plain word costs its sentence one word of overlap
with the source, so a short sentence can fail where the same sentence without the plain words
passes: then the bullet gets the other operations only. The rewording is not marked in the
answer; the bullet's recorded support (overlap) shows it, and the cited source is one click away.
Measured in docs/benchmarks.md (`benchmarks/readability.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from curbside.answer.clauses import is_clause, item_list
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.plain_words import plain_words
from curbside.answer.support import SupportJudge
from curbside.records import Hit
from curbside.sentences import sentences

# "((Level of evidence C))" is one aside; nested brackets other than that are left alone
_PAREN = re.compile(r"\s*(?:\(\(([^()]*)\)\)|\(([^()]*)\)|\[([^\[\]]*)\])")
_KEEP = re.compile(r"\b(?:not|no|never|none|without|except|unless|against|avoid)\b|n't\b", re.IGNORECASE)

# an evidence grade: grading words and codes only, at least one of them a key word ("Moderate" alone is
# a severity; "(grade 2 toxicity)" has a word that grades do not)
_GRADE_KEYS = frozenset("grade graded level class evidence recommendation recommendations strength gpp bel le gr "
                        "loe sor".split())
_GRADE_FILLER = frozenset("""strong weak moderate conditional consensus expert opinion good practice point quality
of for and or low high very fair insufficient limited study studies""".split())
_CODE = re.compile(r"^(?:[a-e]\*?|[1-4][a-c+\-]?|[iv]{1,4}[a-c]?|u|\d+)$")
_QUALITY = re.compile(r"^(?:very-)?(?:low|moderate|high)-quality$")
_TOKEN = re.compile(r"[^\s,;:=–—/()]+")
# a bare class/level code: "(III, B)", "(IIb, B)", "[IB]", "(1C)", and in square brackets "[III]" — never a
# bare "(IV)" (intravenous)
_BARE_CODE = re.compile(r"^(?:[IV]{1,4}[ab]?\s*,\s*[A-D]|[IV]{1,3}[ABC]|[1-3][A-C])$")
_BARE_LEVEL = re.compile(r"^[IV]{1,4}[ab]?$")

# statistics: ratio abbreviations are upper case ("(1 or 2 doses)" is not an odds ratio)
_STATS = re.compile(
    r"(?i:\bp\s*[<=>≤≥]\s*0?\.\d|\bn\s*=\s*\d|^\s*range\b)|±|\b\d+(?:\.\d+)?\s*%\s*(?:CI|CrI|CredI)\b|"
    r"\b(?:CI|CrI|CredI|IQR|SD)\b|\b(?:a?OR|a?HR|a?RR|RRR|ARR|NNT|NNH|SMD|WMD)\b\s*[=:,]?\s*[<>]?\s*-?\d|"
    r"^\s*\d+\s*(?:/|of)\s*\d+\s*$")
# … and nothing else: "(82.5% vs. MiraLAX 67.8%, P=0.02)" names the comparison, which the sentence may not
_STAT_WORDS = frozenset("""p ci cri credi iqr sd or aor hr ahr rr arr rrr nnt nnh smd wmd n r range to and of
respectively vs mean median years year old months weeks days million billion percent""".split())
# an interval that contains no effect (1 for a ratio, 0 otherwise), or a p-value of 0.05 or more, says the
# finding may be chance: the sentence without it would read as surer than its source
_INTERVAL = re.compile(r"\b(?:CI|CrI|CredI)\b[:,]?\s*(-?\d+(?:\.\d+)?)\s*(?:to|-|–|,)\s*(-?\d+(?:\.\d+)?)(?![\d/])")
_RATIO = re.compile(r"\b(?:a?OR|a?HR|a?RR)\b")
_P_VALUE = re.compile(r"\b[pP]\s*(?P<op>[=<>≤≥])\s*(?P<value>0?\.\d+|1(?:\.0+)?)\b")
_CITATION_PART = re.compile(r"^[\"“]?[A-Z][^;]{1,120}?,[\"”]?\s+(?:19|20)\d\d[a-z]?$")
_POINTER = re.compile(r"^(?i:see (?:also )?(?:the )?[\"“]|see (?:also )?(?:the )?(?:below|above|sections?|"
                      r"tables?|figures?|fig\.|appendix|field|chapter|page|text|box|recommendations?|references?)\b|cf\.|refs?\.?\s|"
                      r"this recommendation\b|(?:modified|adapted|reproduced) from\b)|"
                      r"^(?:[Ff]igure|[Ff]ig\.|[Tt]able|[Aa]ppendix|[Bb]ox)\s+(?:\d|[A-Z]\d?\b|[IVX]+\b)")
_ABBREVIATION = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9\-]{1,9}$")

_SEMICOLON = re.compile(r";\s+")
_CONJUNCTION = re.compile(r"^(?:and|or|nor)\b", re.IGNORECASE)
_MIN_CLAUSE_WORDS = 4
# ", but" / ", so" / ", and" between two full clauses; the second must open with its own subject
_CONJOINED = re.compile(r",\s+(but|so|and)\s+")
_SUBJECT = frozenset("""it they you we he she there this these those the a an some many your their its his her
our people patients children adults women men others""".split())
# a sentence opening with a condition or a concession governs every clause after it: "If X, Y, and Z"
_SUBORDINATE = re.compile(r"^(?:if|when|whenever|unless|although|though|even|because|since|while|after|before|"
                          r"once|as|whether|until|for)\b", re.IGNORECASE)


def is_grade(inner: str) -> bool:
    """"grade B", "Strong for", "Level U, 1 Class III study", "III, B": an evidence grade."""
    inner = inner.strip()
    if _BARE_CODE.match(inner):
        return True
    tokens = [t.lower() for t in _TOKEN.findall(inner)]
    if tokens[:1] in (["strong"], ["weak"], ["conditional"]) and tokens[1:] == ["for"]:
        return True  # VA/DoD "(Strong for)"
    return any(t in _GRADE_KEYS for t in tokens) and all(
        t in _GRADE_KEYS or t in _GRADE_FILLER or _CODE.match(t) or _QUALITY.match(t) for t in tokens)


def is_statistic(inner: str) -> bool:
    """"95% CI 1.2–3.4; p<0.01", "OR 2.28", "n = 120", "30 of 37", "range, 23 to 77" — statistics
    and nothing else, none of which says the finding may be chance."""
    if not _STATS.search(inner):
        return False
    if any(w.lower() not in _STAT_WORDS for w in re.findall(r"[A-Za-z]+", inner)):
        return False
    for m in _P_VALUE.finditer(inner):
        value = float(m.group("value"))
        if m.group("op") in ">≥" or value > 0.05 or (m.group("op") == "=" and value == 0.05):
            return False  # "p = 0.091", "p > 0.05", "p < 0.1"
    for m in _INTERVAL.finditer(inner):
        low, high, null = float(m.group(1)), float(m.group(2)), 1.0 if _RATIO.search(inner) else 0.0
        if low <= null <= high:
            return False
    if re.search(r"\b(?:CI|CrI|CredI)\b", inner) and not _INTERVAL.search(inner):
        return False  # an interval we cannot read ("1/2,176-1/1,941")
    return True


def is_reference(inner: str) -> bool:
    """An author–year citation ("Hindman et al., 1978; Col & Weinberg, 1972") or a pointer
    elsewhere ("see the … field", "Table 2", "this recommendation is adapted from …")."""
    inner = inner.strip()
    if "et al" in inner or _POINTER.match(inner):
        return True
    return all(_CITATION_PART.match(p.strip()) for p in inner.split(";"))


def defines(short: str, before: str) -> bool:
    """Does ``short`` abbreviate several words just before it? Schwartz & Hearst (2003): its
    letters and digits appear in order in the long form, the first at the start of a word
    ("office blood pressure measurement" / "OBPM", "postherpetic neuralgia" / "PHN"). A one-word
    long form is a chemical name whose abbreviation is the name people know
    ("Methylenedioxymethamphetamine (MDMA)", "Gamma-hydroxybutyrate (GHB)"): not a definition to drop."""
    chars = [c.lower() for c in short.removesuffix("s") if c.isalnum()]
    if len(chars) < 2:
        return False
    long = " ".join(before.split()[-min(len(chars) + 5, 2 * len(chars)):]).lower()
    i = len(long) - 1
    for n, c in enumerate(reversed(chars)):
        first = n == len(chars) - 1
        while i >= 0 and (long[i] != c or (first and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return len(long[i + 1:].split()) > 1


def _used(short: str, texts: Iterable[str], question: str) -> bool:
    """Is the abbreviation in one of ``texts`` (as written) or in the question (any case: people
    type "hsv")?"""
    stem = re.escape(short.removesuffix("s"))
    pattern = rf"(?<![\w-]){stem}s?(?![\w-])"
    return any(re.search(pattern, t) for t in texts) or bool(re.search(pattern, question, re.IGNORECASE))


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"[,;:](?=[.,;:!?])", "", text)  # "…, (grade A)." → "…."
    text = re.sub(r"\s{2,}", " ", text).strip()
    if text and text[-1] not in ".!?\"'":
        text += "."
    return text


def drop_asides(text: str, elsewhere: Sequence[str] = (), question: str = "") -> str:
    """``text`` without the asides that serve specialists (module docstring). An abbreviation's
    definition goes only when the abbreviation is in none of ``text``, ``elsewhere`` (the rest
    of the answer) and ``question``."""
    out = text
    for m in reversed(list(_PAREN.finditer(text))):
        inner = next(g for g in m.groups() if g is not None).strip()
        if m.start() == 0 or not inner or _KEEP.search(inner):
            continue  # a leading aside opens the sentence; a negation or direction is never dropped
        square = m.group(3) is not None
        drop = is_grade(inner) or (not square and (is_statistic(inner) or is_reference(inner)))
        if not drop and square and _BARE_LEVEL.match(inner):
            drop = True  # "[III]"
        if not drop and not square and _ABBREVIATION.match(inner) and defines(inner, text[:m.start()]):
            drop = not _used(inner, [text[:m.start()] + text[m.end():], *elsewhere], question)
        if drop:
            out = out[:m.start()] + out[m.end():]
    return _tidy(out) if out != text else text


def _open(text: str) -> bool:
    """Inside brackets or quotes at the end of ``text``?"""
    return (text.count("(") + text.count("[") > text.count(")") + text.count("]")) or text.count('"') % 2 == 1


def split_semicolons(text: str) -> str:
    """"X; Y." → "X. Y." where both halves are full clauses (module docstring); not a list's items, which depend on
    its opening ("… should seek further advice if the child has a fit; the child develops a non-blanching rash; …")."""
    if item_list(text):
        return text
    pieces: list[str] = []
    start = 0
    for m in _SEMICOLON.finditer(text):
        head, following = text[start:m.start()], text[m.end():].split(";", 1)[0]
        if (_open(text[:m.start()]) or ":" in text[:m.start()] or _CONJUNCTION.match(following)
                or min(len(head.split()), len(following.split())) < _MIN_CLAUSE_WORDS
                or not is_clause(head) or not is_clause(following)):
            continue
        pieces.append(head.rstrip(",") + ".")
        start = m.end()
    if not pieces:
        return text
    pieces.append(text[start:])
    for i in range(1, len(pieces)):
        first = pieces[i].split(" ", 1)[0].rstrip(",")
        if first.isalpha() and first.islower():  # "however," → "However,"; not "mRNA", "e.g."
            pieces[i] = pieces[i][0].upper() + pieces[i][1:]
    return " ".join(pieces)


def _split_one(sentence: str) -> str:
    if _SUBORDINATE.match(sentence):
        return sentence
    for m in _CONJOINED.finditer(sentence):
        head, following = sentence[:m.start()], sentence[m.end():]
        word = m.group(1).lower()
        if (any(c in head for c in ",:;") or _open(head)
                or following.split(" ", 1)[0] not in _SUBJECT
                or min(len(head.split()), len(following.split())) < _MIN_CLAUSE_WORDS
                or not is_clause(head) or not is_clause(following)):
            continue
        opener = "" if word == "and" else word.capitalize() + " "
        rest = following if opener else following[0].upper() + following[1:]
        return f"{head}. {opener}{rest}"
    return sentence


def split_conjoined(text: str) -> str:
    """"X, but Y." → "X. But Y."; ", so" likewise; "X, and Y." → "X. Y." — where X opens its
    sentence without a comma before (not a list, not under an "If …,") and both are full clauses
    of four words or more, Y opening with its own subject ("the", "it", "you" …)."""
    parts = sentences(text)
    out = [_split_one(p) for p in parts]
    return text if out == parts else " ".join(out)


def simplify(text: str, elsewhere: Sequence[str] = (), question: str = "", *, words: bool = True) -> str:
    """The operations on one bullet (``elsewhere``: the answer's other bullets); ``words``: the
    lexicon's plain words too."""
    text = split_conjoined(split_semicolons(drop_asides(text, elsewhere, question)))
    return plain_words(text) if words else text


def _verifies(text: str, passages: Sequence[str], judge: SupportJudge) -> bool:
    """Each sentence (as compose checks it) and the whole bullet (as `eval answers` scores it)."""
    parts = [s for s in sentences(text) if s.strip()]
    if len(parts) > 1:
        parts.append(text)
    return all(judge.check(s, passages).supported for s in parts)


def simplify_draft(draft: Draft, evidence: Sequence[Hit], question: str = "") -> Draft:
    """Every bullet of ``draft`` simplified where each of its sentences still verifies against
    the passages it cites; otherwise the bullet keeps its wording."""
    bullets = [draft.bottom_line, *(b for s in draft.sections for b in s.bullets), *draft.pitfalls, *draft.escalation]
    texts = [b.text for b in bullets]
    judge = SupportJudge()  # lexical + strict: what every judge checks (compose verifies again)
    reworded: list[int] = []

    def one(index: int, bullet: DraftBullet) -> DraftBullet:
        if not bullet.text:
            return bullet
        passages = [evidence[i - 1].passage.text for i in bullet.evidence if 1 <= i <= len(evidence)]
        others = [*texts[:index], *texts[index + 1:]]
        # the plain words can cost a short sentence its overlap with the source: then at least the
        # asides and the splits, which only remove words
        for words in (True, False):
            simpler = simplify(bullet.text, others, question, words=words)
            if simpler == bullet.text:
                return bullet
            if passages and _verifies(simpler, passages, judge):
                if words and simpler != simplify(bullet.text, others, question, words=False):
                    reworded.append(index)
                return replace(bullet, text=simpler)
        return bullet

    done = iter([one(i, b) for i, b in enumerate(bullets)])
    bottom = next(done)
    sections = tuple(DraftSection(s.title, tuple(next(done) for _ in s.bullets)) for s in draft.sections)
    pitfalls = tuple(next(done) for _ in draft.pitfalls)
    escalation = tuple(next(done) for _ in draft.escalation)
    notes = draft.notes
    if reworded:  # the reader should know a quotation's words were swapped, and that the source has the original
        notes = (*notes, f"{len(reworded)} statement(s) put in everyday words (for example “approximately” → "
                         "“about”); the cited sources have the original wording")
    return replace(draft, bottom_line=bottom, sections=sections, pitfalls=pitfalls, escalation=escalation,
                   notes=notes)
