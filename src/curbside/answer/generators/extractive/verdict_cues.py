"""Cues that separate yes, no and uncertain in a study's conclusion, read against the question.

Each feature is a number a reader can check by eye: a negative finding ("did not", "no
significant", "inadequate"), similarity read against the question's framing ("comparable" answers
"is X as safe as Y?" yes but "is X better than Y?" no), a question word the conclusion negates
("accurate" → "inaccurate", "not accurate"), a direction opposite to the question's ("increase" →
"lower"), hedges ("may", "further studies are needed", "remains unclear") and contrast
("however"). ``verdict_model`` weighs them; the weights are learnt, the cues are not.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from statistics import mean

from curbside.answer.text import content_stems, tokenize

NEGATIVE = re.compile(
    r"\b(?:(?:did|does|do|was|were|is|are|could|can|has|have|had|would|will|may|might|should) not|cannot|"
    r"(?:didn|doesn|don|wasn|weren|isn|aren|hasn|haven|couldn|won|wouldn)'?t|no (?:significant|statistically|"
    r"clear|clinically|consistent|major|relevant|additional|further|added|beneficial|independent|overall|"
    r"association|relationship|correlation|effect|evidence|benefit|role|impact|influence|improvement|"
    r"increase|decrease|reduction|change|advantage|differences?|predictive|prognostic|value|impact|"
    r"protective|link|need|data)|failed to|unable to|not (?:significantly|associated|related|correlated|"
    r"effective|beneficial|superior|necessary|required|justified|recommended|useful|predictive|"
    r"supported|improve|reduce|increase|affect|influence|alter|change|a (?:risk|predictor|reliable|"
    r"significant|useful|suitable)|an? (?:independent|important)|be (?:used|recommended|considered)|confirmed|"
    r"found|seen|observed|detected|demonstrated|shown|different|differ)|neither|lack(?:s|ed)? (?:of )?"
    r"(?:a |an )?(?:significant |clear )?(?:effect|association|benefit|evidence|efficacy|correlation)|"
    r"ineffective|unnecessary|unlikely|no longer|did not differ|absence of (?:a |any )?(?:significant )?"
    r"(?:effect|association|difference|benefit)|none of|(?:may|might) not|insufficient to|rather than|"
    r"(?:do|does|did) not need|not (?:be )?(?:applicable|appropriate|sufficient|adequate|warranted|mandatory|"
    r"reliable|accurate|valid|helpful|routinely)|of (?:little|no|limited) (?:value|use|benefit|relevance)|"
    r"limited (?:value|role|benefit|utility)|little evidence|disappointing|^no\b|"
    # ("The results of this study cast doubt on the suggested advantage of HBO in reducing patient mortality …")
    r"casts? (?:\w+ )?doubts? (?:on|upon|about)|calls? into question|(?:calls?|called) (?:\w+ )?into question)",
    re.IGNORECASE)
NOT_NEGATION = re.compile(r"\bnot only\b|\bwhether or not\b|\bwho (?:are|is|do|does|did|have|has) not\b|"
                          r"\b(?:are|is) not at (?:increased |high )?risk\b|\bnot (?:yet )?(?:been )?(?:well )?"
                          r"(?:understood|known|established|studied)\b|\bcannot be (?:excluded|ruled out)\b|"
                          # (a double negative: "Women should not be denied the use of progestogen-only injectables")
                          r"\b(?:should|must|need) not be (?:denied|refused|deprived|withheld|discouraged)\b",
                          re.IGNORECASE)
SIMILAR = re.compile(
    r"\b(?:similar|comparable|equivalent|equally|as (?:safe|effective|accurate|good|well) as|"
    r"non-?inferior|no (?:significant )?differences?|did not differ|not (?:significantly )?differ|"
    r"same|identical|consistent with)\b", re.IGNORECASE)
NO_DIFFERENCE = re.compile(r"no (?:\w+ ){0,2}differences?|did not differ|not (?:significantly )?differ\w*|"
                           r"\bsimilar|\bcomparable|\bequivalent|no (?:\w+ )?change", re.IGNORECASE)
DIFFERENT = re.compile(r"\b(?:differ\w*|distinct|dissimilar|vary|varies|varied)\b", re.IGNORECASE)
SAME = re.compile(r"\b(?:same|similar\w*|comparable|equivalent|equal\w*|identical|consistent|agree\w*)\b",
                  re.IGNORECASE)
HEDGE = re.compile(
    r"\b(?:further (?:\w+ ){0,3}(?:studies|research|trials|investigations?|evaluation|work|data)|larger "
    r"(?:\w+ )?(?:studies|trials|series|cohorts?)|remains? (?:unclear|uncertain|controversial|unknown|to be|"
    r"debated|questionable|elusive)|is (?:unclear|uncertain|controversial|debatable|questionable)|"
    r"inconclusive|conflicting|insufficient evidence|limited evidence|not (?:yet )?(?:clear|established|"
    r"proven)|warrant(?:s|ed)? further|needs? (?:to be )?(?:confirm|validat|further)|preliminary|"
    r"may or may not|mixed results|cannot be (?:excluded|ruled out|recommended)|unclear|modest)\b",
    re.IGNORECASE)
# a conclusion that says outright it cannot decide (PubMedQA: the few that do are mostly "maybe";
# a mere call for further studies after a finding is not, annotators then answer yes or no)
UNDECIDED = re.compile(
    r"\b(?:may or may not|inconclusive|conflicting (?:results|evidence|findings|data)|remains? (?:unclear|uncertain|"
    r"controversial|unknown|unresolved|debated|to be (?:determined|established|elucidated|clarified))|(?:is|are|was|"
    r"were) (?:still )?(?:unclear|uncertain|controversial|equivocal|unresolved)|equivocal|insufficient evidence|"
    r"no (?:firm|definite|definitive|clear) conclusions?|cannot (?:be )?(?:determined?|concluded?)|not (?:yet )?"
    r"(?:clear|established|proven)|(?:unclear|uncertain) whether|mixed (?:results|evidence|findings))\b", re.IGNORECASE)
MAYBE_WORDS = re.compile(r"\b(?:may|might|could|possibly|potentially|appears?|seems?|suggests?)\b",
                         re.IGNORECASE)
TENTATIVE = re.compile(r"\b(?:may|might|could|possibly|potentially|perhaps|appears?|seems?|likely|suggests?|"
                       r"further|larger|future|warrant\w*|needed|unclear|uncertain|unknown|controvers\w+|"
                       r"debat\w+|inconclusive|conflicting|remains?|prospective|randomi[sz]ed)\b", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:however|although|though|whereas|but|nevertheless|despite|yet|while)\b", re.IGNORECASE)
NEGATIVE_WORDS = re.compile(
    r"\b(?:poor(?:ly)?|inadequate(?:ly)?|inaccurate|unreliable|ineffective|insufficient|little|limited|low|"
    r"lower|weak|lack(?:s|ed|ing)?|fail(?:s|ed|ure)?|unaware|underused|unsatisfactory|suboptimal|not|no|none|"
    r"neither|nor|never|without|cannot|unnecessary|unlikely|rarely|only)\b", re.IGNORECASE)
POSITIVE_WORDS = re.compile(
    r"\b(?:significant(?:ly)?|effective(?:ly)?|safe(?:ly)?|feasible|useful|reliable|accurate|beneficial|"
    r"superior|improve[sd]?|improvement|better|associated|predict(?:s|ed|ive|or)?|increase[sd]?|reduce[sd]?|"
    r"valuable|important|successful(?:ly)?|recommended|should|can|high(?:er)?|good|excellent)\b", re.IGNORECASE)
UP = re.compile(r"\b(?:increase[sd]?|increasing|higher|more|greater|elevated|raised|improve[sd]?|better|"
                r"enhance[sd]?|longer)\b", re.IGNORECASE)
DOWN = re.compile(r"\b(?:decrease[sd]?|decreasing|lower|less|fewer|reduced?|reduces|reduction|worse|impaired|"
                  r"shorter|diminish\w*)\b", re.IGNORECASE)
Q_EQUIVALENCE = re.compile(
    r"\b(?:as (?:\w+ )?(?:safe|effective|good|accurate|reliable|well)|equivalent|comparable|similar|same|"
    r"non-?inferior|equally|safe|feasible|acceptable|alternative|replace|substitute|reliable|valid|"
    r"accurate|necessary|needed|justified|worthwhile|still)\b", re.IGNORECASE)
Q_COMPARES = re.compile(r"\b(?:more|less|better|worse|higher|lower|greater|superior|inferior|than|increase\w*|"
                        r"decrease\w*|reduce\w*|improve\w*|differ\w*|affect\w*|influence\w*|impact\w*|change\w*|"
                        r"predict\w*|associated|risk)\b", re.IGNORECASE)
Q_NEGATED = re.compile(r"^\W*(?:is|are|do|does|did|can|should|was|were|has|have)n'?t\b|\b(?:is|are|do|does|did) "
                       r"(?:\w+ )?not\b", re.IGNORECASE)
Q_SKEPTIC = re.compile(r"\b(?:really|always|all patients|routinely|mandatory|must|necessary|worth|still|"
                       r"justified|need to)\b", re.IGNORECASE)
PLAIN_NEGATION = re.compile(r"\b(?:no|little|minimal|poor|inadequate\w*|minor|weak|independent of)\s+"
                            r"(?!longer\b|matter\b|doubt\b|one\b)\w+", re.IGNORECASE)
NEGATED_HARM = re.compile(r"\b(?:no|minimal|little|minor)\s+(?:\w+\s+)?(?:complications?|adverse|side effects?|"
                          r"morbidity|mortality|deaths?|recurrences?|toxicity|harms?|bleeding|infections?|pain)\b",
                          re.IGNORECASE)
SIGNIFICANT = re.compile(r"\bsignificant(?:ly)?\b", re.IGNORECASE)
NOT_SIGNIFICANT = re.compile(r"\b(?:no|not) (?:statistically )?significant", re.IGNORECASE)
_NO_DIFFER_PHRASE = re.compile(r"no (?:significant )?differences?|did not differ|not (?:significantly )?differ",
                               re.IGNORECASE)
_QUESTION_WORD = re.compile(r"[A-Za-z]{4,}")
_SUFFIXES = ("ations", "ation", "ities", "ity", "ness", "ments", "ment", "ings", "ing", "ed", "es", "s", "ly")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'t)?|[.,;:!?()]")
_NEGATORS = frozenset({"not", "no", "never", "without", "neither", "nor", "cannot", "none", "lack", "lacks",
                       "lacked", "failed", "fail", "unable"})
NEGATION_SCOPE = 3  # words after a negator marked as negated ("did not NEG_reduce NEG_mortality")

CUES = ("polarity_mean", "hedge_mean", "polarity_first", "hedge_first", "polarity_min", "hedge_max",
        "negative_first", "negative_any", "negative_count", "similar", "significant", "not_significant",
        "question_skeptical", "question_equivalence", "maybe_first", "hedge_any", "negative_words",
        "positive_words", "tentative_words", "contrast", "question_word_negated", "asks_same_finds_different",
        "asks_difference_finds_none", "asks_same_finds_same", "asks_up_finds_down", "asks_down_finds_up",
        "question_negated", "question_alternatives", "focus_polarity", "focus_negative", "plain_negation")


def sentence_polarity(text: str, question: str) -> tuple[float, float]:
    """(polarity −1/+1, hedge 0…1) of one sentence with respect to the question."""
    cleaned = NOT_NEGATION.sub(" ", text)
    similar = bool(SIMILAR.search(cleaned))
    negative = bool(NEGATIVE.search(cleaned))
    hedge = 1.0 if HEDGE.search(text) else (0.3 if MAYBE_WORDS.search(text) else 0.0)
    if similar:
        polarity = 1.0 if Q_EQUIVALENCE.search(question) else -1.0
        if negative and not _NO_DIFFER_PHRASE.search(cleaned):
            polarity = -1.0
    elif negative:
        polarity = -1.0
    else:
        polarity = 1.0
    if Q_NEGATED.search(question):
        polarity = -polarity
    return polarity, hedge


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def negated_question_words(question: str, text: str) -> int:
    """Question words the text negates: "accurate" → "inaccurate" / "not accurate" / "no accuracy"."""
    q, t = question.lower(), text.lower()
    count = 0
    for word in {w.lower() for w in _QUESTION_WORD.findall(question)}:
        root = re.escape(_stem(word))
        if len(root) < 4:
            continue
        prefixed = re.compile(rf"\b(?:in|un|non-?|dis|im|ir){root}")
        if (prefixed.search(t) and not prefixed.search(q)) or re.search(
                rf"\b(?:not|no|never|without|nor|neither|cannot)\s+(?:\w+\s+){{0,2}}{root}", t):
            count += 1
    return count


def focus(question: str, sentences: Sequence[str]) -> str:
    """The sentence that echoes the question most (its answer, usually): most question words."""
    words = {_stem(w.lower()) for w in _QUESTION_WORD.findall(question)}
    if not sentences:
        return ""
    return max(sentences, key=lambda s: len(words & {_stem(w.lower()) for w in _QUESTION_WORD.findall(s)}))


def plain_negation(text: str) -> bool:
    """A negated finding in plain words ("no elevation", "poor agreement", "little need"), not a
    reassurance about harms ("no complications")."""
    return bool(PLAIN_NEGATION.search(NEGATED_HARM.sub(" ", NOT_NEGATION.sub(" ", text))))


def cues(question: str, sentences: Sequence[str]) -> dict[str, float]:
    """The named cue features (``CUES``) of the sentences a verdict rests on."""
    text = " ".join(sentences)
    first = sentences[0] if sentences else ""
    polarities = [sentence_polarity(s, question) for s in sentences] or [(0.0, 1.0)]
    cleaned = NOT_NEGATION.sub(" ", text)
    asks_same, asks_up, asks_down = bool(SAME.search(question)), bool(UP.search(question)), bool(DOWN.search(question))
    found_none = bool(NO_DIFFERENCE.search(text))
    answer = focus(question, sentences)
    values = (
        mean(p for p, _ in polarities), mean(h for _, h in polarities), polarities[0][0], polarities[0][1],
        min(p for p, _ in polarities), max(h for _, h in polarities),
        bool(NEGATIVE.search(NOT_NEGATION.sub(" ", first))), bool(NEGATIVE.search(cleaned)),
        min(3, len(NEGATIVE.findall(cleaned))) / 3, bool(SIMILAR.search(text)), bool(SIGNIFICANT.search(text)),
        bool(NOT_SIGNIFICANT.search(text)), bool(Q_SKEPTIC.search(question)), bool(Q_EQUIVALENCE.search(question)),
        bool(MAYBE_WORDS.search(first)), bool(HEDGE.search(text)),
        min(5, len(NEGATIVE_WORDS.findall(cleaned))) / 5, min(8, len(POSITIVE_WORDS.findall(text))) / 8,
        min(5, len(TENTATIVE.findall(text))) / 5, bool(CONTRAST.search(text)),
        min(2, negated_question_words(question, text)) / 2,
        asks_same and bool(DIFFERENT.search(text)) and not found_none,
        bool(DIFFERENT.search(question) or Q_COMPARES.search(question)) and found_none,
        asks_same and found_none,
        asks_up and bool(DOWN.search(text)) and not UP.search(text),
        asks_down and bool(UP.search(text)) and not DOWN.search(text),
        bool(Q_NEGATED.search(question)), bool(re.search(r"\bor\b", question, re.IGNORECASE)),
        sentence_polarity(answer, question)[0] if answer else 0.0,
        bool(NEGATIVE.search(NOT_NEGATION.sub(" ", answer))) or plain_negation(answer), plain_negation(text),
    )
    return {name: float(v) for name, v in zip(CUES, values, strict=True)}


def tokens(text: str) -> list[str]:
    """Lower-case words, those shortly after a negator marked ``NEG_`` ("not NEG_reduce")."""
    out: list[str] = []
    scope = 0
    for match in _TOKEN.finditer(text):
        word = match.group(0).lower()
        if word in ".,;:!?()":
            scope = 0
            continue
        if word.endswith("n't"):
            word = "not"
        out.append(f"NEG_{word}" if scope else word)
        if word in _NEGATORS:
            scope = NEGATION_SCOPE
        elif scope:
            scope -= 1
    return out


def ngram_buckets(sentences: Sequence[str], buckets: int) -> dict[int, float]:
    """Hashed word unigrams and bigrams, L2-normalised (crc32: the same buckets in every process)."""
    if buckets <= 0:
        return {}
    words = tokens(" ".join(sentences))
    counts: dict[int, float] = {}
    for gram in (*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))):
        bucket = zlib.crc32(gram.encode()) % buckets
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    norm = sum(v * v for v in counts.values()) ** 0.5
    return {k: v / norm for k, v in counts.items()} if norm else {}


# What a question claims and the evidence contradicts. A question is often built on a claim the
# evidence answers by stating its opposite in the question's own words ("Is apelin usually
# decreased in diabetes?" ← "apelin concentrations are usually increased during … diabetes";
# "Does RUNX2 inhibit astrocyte differentiation?" ← "RUNX2 promotes astrocyte maturation") with no
# negation for the conclusion model to read. Each pair is two opposite sets of words; a question
# word whose opposite the evidence uses near one of the question's neighbouring words (and which
# the evidence itself does not use) is contradicted.
OPPOSITES: tuple[tuple[str, str], ...] = (
    # (not "promoter", "enhancer": DNA elements; nor "silencing": mostly an experiment, "X silencing
    # reduced growth" says X promotes it)
    (r"activat\w*|stimulat\w*|promot(?!ers?$)\w*|induc\w*|enhanc(?!ers?$)\w*|agonists?|favou?r\w*|positive",
     r"inhibit\w*|suppress\w*|repress\w*|antagonis\w*|restrict\w*|counteract\w*|negative"),
    (r"increas\w*|higher|elevat\w*|up-?regulat\w*|enrich\w*|longer|loosen\w*",
     r"decreas\w*|lower|reduc\w*|down-?regulat\w*|deplet\w*|shorter|tighten\w*"),
    # (better is not more: "improvements in fatigue" are fatigue reduced, as the question's "reducing
    # cancer-related fatigue" says)
    (r"better|improv\w*", r"worse|poorer|worsen\w*"),
    (r"dominant", r"recessive"), (r"common", r"rare"), (r"benign", r"malignant"), (r"bacterial", r"viral|fungal"),
    (r"oncogen\w*", r"suppressors?"), (r"kinases?", r"phosphatases?"), (r"acute", r"chronic"), (r"gain", r"loss"),
)
_OPPOSITES = tuple((re.compile(rf"(?:{a})$"), re.compile(rf"(?:{b})$")) for a, b in OPPOSITES)
OPPOSITE_WINDOW = 4  # words either side: the opposite must be said of the same thing ("shorter/longer survival")
_WORDS = re.compile(r"[a-z0-9][a-z0-9-]*")
_FUNCTION_WORDS = frozenset(
    "the a an of in on for to and or with by is are was were be been does do did can could should would may might "
    "has have had that this these those it its their as at from into than not no".split())


def opposite_terms(question: str, text: str) -> tuple[str, str] | None:
    """(question word, the evidence's opposite) when the text says the opposite of what the question
    claims about the same thing, else None."""
    q, t = _WORDS.findall(question.lower()), _WORDS.findall(text.lower())
    for a, b in _OPPOSITES:
        for said, opposite in ((a, b), (b, a)):
            at = [i for i, w in enumerate(q) if said.match(w)]
            # a question that names both sides ("activators or inhibitors") claims neither; a text
            # that uses the question's own word may say both ("increased in X, decreased in Y")
            if not at or any(opposite.match(w) for w in q) or any(said.match(w) for w in t):
                continue
            near = {_stem(w) for i in at for w in q[max(0, i - OPPOSITE_WINDOW):i + OPPOSITE_WINDOW + 1]
                    if len(w) > 2 and w not in _FUNCTION_WORDS and not said.match(w)}
            for j, w in enumerate(t):
                around = t[max(0, j - OPPOSITE_WINDOW):j + OPPOSITE_WINDOW + 1]
                if opposite.match(w) and near & {_stem(v) for v in around}:
                    return q[at[0]], w
    return None


# A universal or identity claim ("Do only …", "never", "always", "necessarily", "Do all proteins …",
# "Is X the same as Y?") fails on one exception, and the evidence rarely affirms it: in the PubMedQA
# training questions such claims are "no" 10 times in 11. It counts as affirmed only when the
# evidence itself speaks universally ("exclusively", "in all", "identical").
UNIVERSAL_CLAIM = re.compile(
    r"\b(?:only|never|always|necessarily|ubiquitous(?:ly)?|exclusively|solely|invariably|(?:have|has|need) to\b|"
    r"the same\b|all (?!-|cause\b)\w+)", re.IGNORECASE)
UNIVERSAL_FINDING = re.compile(r"\b(?:only|never|always|necessarily|ubiquitous(?:ly)?|exclusively|solely|invariably|"
                               r"all|every|universal\w*|same|identical)\b", re.IGNORECASE)

# A question about one numbered or lettered kind ("type 1 diabetes", "phase III", "hemophilia A",
# "chromosome 1") answered by evidence about another of the same kind ("type 2", "phase 2",
# "hemophilia B") and never about the one asked.
_LABEL = r"\d{1,2}|I{1,3}|IV|VI?|[A-D]"  # letters upper-case only: "a" is an article
_LABELLED = re.compile(rf"\b([A-Za-z][a-z-]{{2,}})[ -]({_LABEL})\b")
# (an age is not a label of a kind: "adults aged 18–49" do not contradict a question on adults aged 50 or over)
_AGE_WORDS = frozenset({"aged", "age", "ages", "over", "under", "above", "below", "older", "younger"})
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}


def _labelled_kinds(question: str, text: str) -> Iterator[tuple[str, str, str, list[str]]]:
    """For each labelled kind the question names ("type 1 diabetes", "toxin A"): the question's words for it, the
    kind, the question's label (roman numerals as digits) and the labels ``text`` gives the same kind, as written."""
    for m in _LABELLED.finditer(question):
        kind, label = m.group(1).lower(), _as_label(m.group(2))
        if kind in _FUNCTION_WORDS or kind in _AGE_WORDS:  # "larger than 7 cm"; "aged 50" is an age, not a label
            continue
        yield m.group(0), kind, label, [label for x in re.finditer(rf"\b{re.escape(kind)}s?[ -]({_LABEL})\b{_MORE}",
                                                                     text, re.IGNORECASE) for label in _labels(x)]


# the labels a list or range goes on to ("stage 3 and 4 CKD", "grades 2–4", "type 1 or 2")
_MORE = rf"(?P<more>(?:\s*(?:,|and|or|to|–|-)\s*(?:{_LABEL})\b)*)"


def _labels(found: re.Match[str]) -> list[str]:
    """The labels of one mention: the first, those listed after it, and those a numeric range spans."""
    listed = [found.group(1), *re.findall(rf"\b({_LABEL})\b", found.group("more"))]
    numbers = [int(x) for x in listed if x.isdigit()]
    if len(numbers) == 2 and re.search(r"to|–|-", found.group("more")) and numbers[0] < numbers[1] <= numbers[0] + 5:
        listed += [str(n) for n in range(numbers[0] + 1, numbers[1])]
    return listed


def _as_label(written: str) -> str:
    return _ROMAN.get(written.lower(), written.lower())


def names_label(question: str, text: str) -> bool:
    """The text names a labelled kind the question names with the question's own label ("botulinum toxin A" for
    "toxin A")."""
    return any(label in map(_as_label, found) for _said, _kind, label, found in _labelled_kinds(question, text))


def other_label(question: str, text: str) -> tuple[str, str] | None:
    """(the question's "type 1", the text's "type 2") when the text names only other labels of a
    labelled kind the question names, else None."""
    for said, kind, label, found in _labelled_kinds(question, text):
        if found and label not in map(_as_label, found):
            return said, f"{kind} {found[0]}"
    return None


# a question whether to do something ("Should the skin at the incision site be shaved immediately before spinal
# surgery?", "Is it necessary to …?") …
ASKS_WHETHER_TO = re.compile(r"^\W*(?:should|must|is it (?:necessary|advisable|recommended|better|worth\w*) to|"
                             r"do(?:es)? (?:\w+ ){1,3}need to)\b", re.IGNORECASE)
# … answered by a finding that doing it raises a harm ("The shaving of the incision site … may increase the rate of
# postoperative infection"): the conclusion model reads that finding as a yes, for it affirms what it says
_HARM = (r"(?:\w+ ){0,2}(?:infections?|complications?|mortality|deaths?|adverse (?:events?|effects?|outcomes?)|"
         r"morbidity|bleeding|ha?emorrhages?|toxicity|harms?)")
RAISES_HARM = re.compile(rf"\b(?:increase[sd]?|increasing|raise[sd]?|elevate[sd]?)\s+(?:\w+\s+){{0,2}}?"
                         rf"(?:rates?|risks?|incidence|odds|numbers?|frequency)\s+of\s+{_HARM}\b|"
                         rf"\b{_HARM}\s+(?:rates?|risks?)?\s*(?:was|were|is|are)\s+(?:significantly\s+)?"
                         rf"(?:higher|increased)\b", re.IGNORECASE)
_HARM_ASKED = re.compile(rf"\b{_HARM}\b|\brisks?\b|\bincreas\w*|\bsafe\w*", re.IGNORECASE)
HARM_SHARE = 0.6  # … a finding on the very thing asked: this share of the question's words


def raises_harm(question: str, text: str) -> bool:
    """``text`` finds that doing what the question asks whether to do raises a harm the question does not ask about."""
    if not ASKS_WHETHER_TO.search(question) or _HARM_ASKED.search(question):
        return False
    if not RAISES_HARM.search(text) or any(word in _NEGATORS for word in tokenize(text)):
        return False
    asked = set(content_stems(question))
    return bool(asked) and len(asked & set(content_stems(text))) >= HARM_SHARE * len(asked)
