"""Yes/no verdicts from conclusion sentences (PubMedQA-style), honest about uncertainty.

Each relevant conclusion sentence gets a polarity: negative findings ("did not", "no
significant", "not associated") → no; similarity ("comparable", "no difference") → yes when the
question asks about equivalence or safety, no when it asks about a difference or an effect;
hedges ("further studies are needed", "remains unclear") → uncertain; otherwise a positive
finding → yes. Polarities weighted by relevance and evidence rank, the first conclusion's cues
and the question's framing ("really", "always", "as safe as") are combined by a small
logistic regression (weights below, fitted on PubMedQA training questions).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from curbside.answer.generators.extractive.candidates import Candidate
from curbside.records import Verdict

NEGATIVE = re.compile(
    r"\b(?:(?:did|does|do|was|were|is|are|could|can|has|have|had|would|will|may|might|should) not|cannot|"
    r"(?:didn|doesn|don|wasn|weren|isn|aren|hasn|haven|couldn|won|wouldn)'?t|no (?:significant|statistically|"
    r"clear|clinically|consistent|major|relevant|additional|further|added|beneficial|independent|"
    r"association|relationship|correlation|effect|evidence|benefit|role|impact|influence|improvement|"
    r"increase|decrease|reduction|change|advantage|differences?|predictive|prognostic|value|impact|"
    r"protective|link|need)|failed to|unable to|not (?:significantly|associated|related|correlated|"
    r"effective|beneficial|superior|necessary|required|justified|recommended|useful|predictive|"
    r"supported|improve|reduce|increase|affect|influence|alter|change|a (?:risk|predictor|reliable|"
    r"significant|useful)|an? (?:independent|important)|be (?:used|recommended)|confirmed|found|seen|"
    r"observed|detected|demonstrated|shown|different|differ)|neither|lack(?:s|ed)? (?:of )?(?:a |an )?"
    r"(?:significant |clear )?(?:effect|association|benefit|evidence|efficacy|correlation)|"
    r"ineffective|unnecessary|unlikely|no longer|did not differ|absence of (?:a |any )?(?:significant )?"
    r"(?:effect|association|difference|benefit)|none of|(?:may|might) not|insufficient to|rather than|"
    r"(?:do|does|did) not need|not (?:be )?(?:applicable|appropriate|sufficient|adequate|warranted|mandatory|"
    r"reliable|accurate|valid|helpful|routinely)|of (?:little|no|limited) (?:value|use|benefit|relevance)|"
    r"limited (?:value|role|benefit|utility)|disappointing|^no\b)", re.IGNORECASE)
NOT_NEGATION = re.compile(r"\bnot only\b|\bwhether or not\b|\bwho (?:are|is|do|does|did|have|has) not\b|"
                          r"\b(?:are|is) not at (?:increased |high )?risk\b|\bnot (?:yet )?(?:been )?(?:well )?"
                          r"(?:understood|known|established|studied)\b|\bcannot be (?:excluded|ruled out)\b",
                          re.IGNORECASE)
SIMILAR = re.compile(
    r"\b(?:similar|comparable|equivalent|equally|as (?:safe|effective|accurate|good|well) as|"
    r"non-?inferior|no (?:significant )?differences?|did not differ|not (?:significantly )?differ|"
    r"same|identical|consistent with)\b", re.IGNORECASE)
HEDGE = re.compile(
    r"\b(?:further (?:\w+ ){0,3}(?:studies|research|trials|investigations?|evaluation|work|data)|larger "
    r"(?:\w+ )?(?:studies|trials|series|cohorts?)|remains? (?:unclear|uncertain|controversial|unknown|to be|"
    r"debated|questionable|elusive)|is (?:unclear|uncertain|controversial|debatable|questionable)|"
    r"inconclusive|conflicting|insufficient evidence|limited evidence|not (?:yet )?(?:clear|established|"
    r"proven)|warrant(?:s|ed)? further|needs? (?:to be )?(?:confirm|validat|further)|preliminary|"
    r"may or may not|mixed results|cannot be (?:excluded|ruled out|recommended)|unclear|modest)\b",
    re.IGNORECASE)
MAYBE_WORDS = re.compile(r"\b(?:may|might|could|possibly|potentially|appears?|seems?|suggests?)\b",
                         re.IGNORECASE)
Q_EQUIVALENCE = re.compile(
    r"\b(?:as (?:\w+ )?(?:safe|effective|good|accurate|reliable|well)|equivalent|comparable|similar|same|"
    r"non-?inferior|equally|safe|feasible|acceptable|alternative|replace|substitute|reliable|valid|"
    r"accurate|necessary|needed|justified|worthwhile|still)\b", re.IGNORECASE)
Q_NEGATED = re.compile(r"^\W*(?:is|are|do|does|did|can|should|was|were|has|have)n'?t\b|\b(?:is|are|do|does|did) "
                       r"(?:\w+ )?not\b", re.IGNORECASE)

Q_SKEPTIC = re.compile(r"\b(?:really|always|all patients|routinely|mandatory|must|necessary|worth|still|"
                       r"justified|need to)\b", re.IGNORECASE)

_SIGNIFICANT = re.compile(r"\bsignificant(?:ly)?\b", re.IGNORECASE)
_NOT_SIGNIFICANT = re.compile(r"\b(?:no|not) (?:statistically )?significant", re.IGNORECASE)
FEATURES = ("polarity", "hedge", "first_polarity", "first_hedge", "first_negative", "similar", "significant",
            "not_significant", "skeptical_question", "equivalence_question", "first_maybe_words")
# Multinomial logistic regression (yes, no, uncertain) over FEATURES + bias, fitted on the 409 PubMedQA
# training questions the knowledge base answers (L2 0.01); 5-fold cross-validated accuracy 0.65
# (the polarity rules alone: 0.62; always "yes": 0.55). Refit with benchmarks/answers_quality.py --fit-verdict.
WEIGHTS = (  # one row per feature, then the bias; columns: yes, no, uncertain
    (0.511, -0.317, -0.194),
    (0.121, -0.073, -0.047),
    (-0.074, 0.110, -0.037),
    (-0.266, 0.117, 0.150),
    (-0.755, 0.613, 0.142),
    (0.382, -0.247, -0.135),
    (0.402, 0.015, -0.417),
    (-0.169, 0.159, 0.010),
    (-0.412, 0.615, -0.203),
    (-0.166, 0.130, 0.036),
    (-0.026, -0.061, 0.087),
    (0.540, 0.151, -0.691),
)
CLASSES = (Verdict.YES, Verdict.NO, Verdict.UNCERTAIN)


@dataclass(frozen=True, slots=True)
class VerdictResult:
    verdict: Verdict
    polarity: float  # P(yes) − P(no)
    hedge: float  # P(uncertain)
    basis: tuple[int, ...]  # evidence numbers of the sentences used


def sentence_polarity(text: str, question: str) -> tuple[float, float]:
    """(polarity −1/+1, hedge 0…1) of one sentence with respect to the question."""
    cleaned = NOT_NEGATION.sub(" ", text)
    similar = bool(SIMILAR.search(cleaned))
    negative = bool(NEGATIVE.search(cleaned))
    hedge = 1.0 if HEDGE.search(text) else (0.3 if MAYBE_WORDS.search(text) else 0.0)
    if similar:
        polarity = 1.0 if Q_EQUIVALENCE.search(question) else -1.0
        if negative and not re.search(r"no (?:significant )?differences?|did not differ|not (?:significantly )?"
                                      r"differ", cleaned, re.IGNORECASE):
            polarity = -1.0
    elif negative:
        polarity = -1.0
    else:
        polarity = 1.0
    if Q_NEGATED.search(question):
        polarity = -polarity
    return polarity, hedge


def verdict_pool(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The sentences a verdict rests on: relevant conclusions, in evidence order (at most six)."""
    best_rel = max(c.relevance for c in candidates)
    pool = [c for c in candidates if c.conclusion and c.relevance >= 0.5 * best_rel and not c.method]
    if not pool:
        pool = sorted(candidates, key=lambda c: c.score, reverse=True)[:3]
    return sorted(pool, key=lambda c: (c.evidence, c.position))[:6]


def features(question: str, pool: Sequence[Candidate]) -> list[float]:
    total = weighted = hedged = 0.0
    for c in pool:
        w = c.relevance / (1 + 0.6 * (c.evidence - 1))
        polarity, hedge = sentence_polarity(c.text, question)
        total += w
        weighted += w * polarity
        hedged += w * hedge
    first = pool[0].text
    p1, h1 = sentence_polarity(first, question)
    text = " ".join(c.text for c in pool)
    return [weighted / total if total else 0.0, hedged / total if total else 1.0, p1, h1,
            float(bool(NEGATIVE.search(NOT_NEGATION.sub(" ", first)))), float(bool(SIMILAR.search(text))),
            float(bool(_SIGNIFICANT.search(text))), float(bool(_NOT_SIGNIFICANT.search(text))),
            float(bool(Q_SKEPTIC.search(question))), float(bool(Q_EQUIVALENCE.search(question))),
            float(bool(MAYBE_WORDS.search(first)))]


def decide(question: str, candidates: Sequence[Candidate]) -> VerdictResult:
    """Verdict from the most relevant conclusion sentences (uncertain without any)."""
    if not candidates:
        return VerdictResult(Verdict.UNCERTAIN, 0.0, 1.0, ())
    pool = verdict_pool(candidates)
    x = [*features(question, pool), 1.0]
    logits = [sum(w[k] * v for w, v in zip(WEIGHTS, x, strict=True)) for k in range(3)]
    top = max(logits)
    exp = [math.exp(z - top) for z in logits]
    probs = [e / sum(exp) for e in exp]
    best = max(range(3), key=lambda k: probs[k])
    return VerdictResult(CLASSES[best], probs[0] - probs[1], probs[2], tuple(dict.fromkeys(c.evidence for c in pool)))
