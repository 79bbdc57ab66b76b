"""Does a sentence say only what its cited passages say? The support judge for every generator.

``SupportJudge.check(claim, passages)`` builds on ``verify.check`` (lexical overlap, numbers with
their units, drug names by INN stem) and adds:

- stricter terms: common drugs without an INN stem (aspirin, metformin, warfarin …) and a
  negation the cited text lacks ("does **not** reduce …" cited to a passage with no negation);
- semantic similarity, when an embedder is given (MiniLM): the best cosine between the claim
  and a sentence or sentence pair of the cited text. A paraphrase with moderate word overlap
  (≥ ``lexical_with_semantic``) counts as supported when it is semantically close
  (≥ ``semantic_min``); below that, lexical overlap alone must reach ``verify.SUPPORT_MIN``.

A failed strict check always means unsupported. The result has the attributes of
``verify.Check`` (``support``, ``supported``, ``problems``), so it drops into ``compose``.
No entailment (NLI) model ships in a PyPI package that loads offline, so entailment is
approximated; ``benchmarks/llm_answers.py calibrate`` measures agreement with the physician
NLI labels in ``benchmarks/k-qa``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from curbside.answer import verify
from curbside.answer.text import content_stems
from curbside.sentences import sentences as split_into_sentences


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class Support:
    support: float  # 0…1, recorded as Bullet.support
    supported: bool
    lexical: float
    semantic: float | None = None  # best cosine, when an embedder was used
    problems: tuple[str, ...] = ()


_NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|none|cannot|can't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|"
    r"won't|without|lacks?|lacked|absence|fail(?:s|ed)?|unlikely|ineffective|inconclusive)\b",
    re.IGNORECASE,
)
_DRUGS = frozenset(
    """aspirin metformin insulin warfarin heparin ibuprofen acetaminophen paracetamol naproxen morphine
    codeine tramadol fentanyl oxycodone methadone buprenorphine naloxone lithium digoxin amiodarone
    clopidogrel ticagrelor prasugrel levothyroxine prednisone prednisolone dexamethasone hydrocortisone
    amoxicillin penicillin doxycycline azithromycin vancomycin metronidazole nitrofurantoin trimethoprim
    gabapentin pregabalin carbamazepine valproate lamotrigine levetiracetam phenytoin topiramate
    sertraline fluoxetine citalopram escitalopram paroxetine venlafaxine duloxetine bupropion
    mirtazapine trazodone amitriptyline quetiapine olanzapine risperidone aripiprazole haloperidol
    clozapine diazepam lorazepam alprazolam clonazepam zolpidem melatonin spironolactone amlodipine
    nifedipine diltiazem verapamil nitroglycerin ezetimibe colchicine allopurinol febuxostat
    methotrexate hydroxychloroquine sulfasalazine azathioprine cyclosporine tacrolimus mycophenolate
    ondansetron metoclopramide loperamide epinephrine adrenaline norepinephrine dopamine dobutamine
    vasopressin albuterol salbutamol tiotropium budesonide fluticasone theophylline ivermectin
    chloroquine artemisinin quinine isoniazid rifampin rifampicin ethambutol pyrazinamide nystatin
    terbinafine tamoxifen letrozole anastrozole cyclophosphamide estradiol progesterone testosterone
    finasteride tamsulosin oxytocin misoprostol mifepristone semaglutide tirzepatide ketamine propofol
    dexmedetomidine midazolam alteplase tenecteplase streptokinase botulinum""".split()
)


_DENIAL = re.compile(r"\b(not|no|never|neither|nor|cannot|\w+n't|fail(?:s|ed)? to)\b", re.IGNORECASE)


def closest_sentence(claim: str, cited: str) -> tuple[str, float]:
    """The cited sentence sharing most content words with the claim, and that share."""
    words = set(content_stems(claim))
    best, share = "", 0.0
    for sentence in split_into_sentences(" ".join(cited.split())):
        overlap = len(words & set(content_stems(sentence))) / max(1, len(words))
        if overlap > share:
            best, share = sentence, overlap
    return best, share


def extra_problems(claim: str, cited: str) -> list[str]:
    """Strict checks beyond ``verify.check``: lexicon drug names, and negation in one of the
    claim and the cited sentence it rests on but not the other (a flipped finding)."""
    problems: list[str] = []
    cited_lower = cited.lower()
    for drug in sorted({w for w in re.findall(r"[a-z]+", claim.lower()) if w in _DRUGS}):
        if drug not in cited_lower:
            problems.append(f"drug name {drug!r} not in the cited passages")
    if _NEGATION.search(claim):
        if not _NEGATION.search(cited):
            problems.append("a negation that the cited passages do not contain")
    else:
        source, share = closest_sentence(claim, cited)
        if share >= 0.5 and _DENIAL.search(source):
            problems.append(f"the cited passage negates this: “{source[:80]}”")
    return problems


class SupportJudge:
    """Per-claim support: ``verify.check`` + stricter terms + optional semantic similarity."""

    def __init__(self, embedder: Embedder | None = None, *, lexical_with_semantic: float = 0.4,
                 semantic_min: float = 0.6) -> None:
        self.embedder = embedder
        self.lexical_with_semantic = lexical_with_semantic
        self.semantic_min = semantic_min

    @property
    def name(self) -> str:
        return "lexical+strict+semantic" if self.embedder is not None else "lexical+strict"

    def check(self, claim: str, passages: Sequence[str]) -> Support:
        base = verify.check(claim, passages)
        texts = [p for p in passages if p and p.strip()]
        if not texts:
            return Support(0.0, False, 0.0, None, base.problems or ("cites nothing",))
        cited = "\n".join(texts)
        problems = [p for p in base.problems if not p.startswith("low word overlap")]
        extra = extra_problems(claim, cited)
        problems += extra
        lexical = base.support
        semantic = self.semantic(claim, texts) if self.embedder is not None else None
        overlap_ok = lexical >= verify.SUPPORT_MIN or (
            semantic is not None and lexical >= self.lexical_with_semantic and semantic >= self.semantic_min)
        if not overlap_ok:
            detail = f"low word overlap with the cited passages ({lexical:.2f}"
            detail += f", similarity {semantic:.2f})" if semantic is not None else ")"
            problems.append(detail)
        score = lexical if semantic is None else 0.5 * lexical + 0.5 * min(1.0, max(0.0, (semantic - 0.2) / 0.7))
        strict_ok = base.numbers_ok and base.names_ok and not extra
        if not strict_ok:
            score = min(score, 0.25)
        return Support(round(score, 3), strict_ok and overlap_ok, round(lexical, 3),
                       None if semantic is None else round(semantic, 3), tuple(problems))

    def semantic(self, claim: str, passages: Sequence[str]) -> float | None:
        """Best cosine between the claim and a sentence (or adjacent pair) of the passages."""
        units: list[str] = []
        for text in passages:
            sents = split_into_sentences(" ".join(text.split())) or [text]
            units.extend(sents)
            units.extend(f"{a} {b}" for a, b in zip(sents, sents[1:], strict=False))
        if not units or self.embedder is None:
            return None
        try:
            vectors = np.asarray(self.embedder.embed([claim, *units[:64]]), dtype=np.float32)
        except Exception:  # a broken embedder must not break answers: lexical checks still apply
            self.embedder = None
            return None
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        return float(np.max(vectors[1:] @ vectors[0]))


def default_judge() -> SupportJudge:
    """A judge with the MiniLM embedder when it can be loaded, else lexical + strict checks."""
    try:
        from curbside.embed import get_embedder  # type: ignore[attr-defined,unused-ignore]

        return SupportJudge(get_embedder("minilm"))
    except Exception:  # embedder not installed or weights absent
        return SupportJudge(None)
