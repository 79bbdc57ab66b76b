"""The support judge: strict terms (numbers, units, drugs, negation), overlap, similarity."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from curbside.answer.support import SupportJudge

TRIAL = ("In a randomized trial of 17,802 adults, rosuvastatin 20 mg daily reduced the rate of a first major "
         "cardiovascular event by 44% compared with placebo.")


class BagOfWordsEmbedder:
    """A deterministic stand-in for MiniLM: hashed bag of words (similar words → similar vectors)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, hash(word.strip(".,;:")[:5]) % 256] += 1.0
        return out


@pytest.fixture
def judge() -> SupportJudge:
    return SupportJudge()


def test_a_faithful_sentence_is_supported(judge: SupportJudge) -> None:
    r = judge.check("Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44%.", [TRIAL])
    assert r.supported and r.support > 0.6 and not r.problems


@pytest.mark.parametrize("claim, problem", [
    ("Rosuvastatin 40 mg daily reduced first major cardiovascular events by 44%.", "40"),
    ("Rosuvastatin 20 g daily reduced first major cardiovascular events by 44%.", "unit"),
    ("Rosuvastatin 20 mg daily reduced first major cardiovascular events by 54%.", "54"),
    ("Atorvastatin 20 mg daily reduced first major cardiovascular events by 44%.", "atorvastatin"),
    ("Aspirin 20 mg daily reduced first major cardiovascular events by 44%.", "aspirin"),
    ("Rosuvastatin 20 mg daily did not reduce first major cardiovascular events.", "negation"),
])
def test_strict_terms_fail_whatever_the_overlap(judge: SupportJudge, claim: str, problem: str) -> None:
    r = judge.check(claim, [TRIAL])
    assert not r.supported
    assert r.support <= 0.25
    assert any(problem in p for p in r.problems), r.problems


def test_unrelated_sentence_is_unsupported(judge: SupportJudge) -> None:
    r = judge.check("Zinc lozenges shorten the common cold in children.", [TRIAL])
    assert not r.supported and any("overlap" in p for p in r.problems)


def test_nothing_cited_is_unsupported(judge: SupportJudge) -> None:
    assert not judge.check("Statins work.", []).supported


PARAPHRASE = ("In a randomized trial of adults, rosuvastatin lowered the chance of a first heart attack or stroke "
              "by 44% versus dummy pills.")  # word overlap 0.46: too low alone, enough with similarity


def test_similarity_lifts_a_close_paraphrase() -> None:
    lexical = SupportJudge().check(PARAPHRASE, [TRIAL])
    semantic = SupportJudge(BagOfWordsEmbedder(), lexical_with_semantic=0.4, semantic_min=0.5).check(
        PARAPHRASE, [TRIAL])
    assert semantic.semantic is not None and semantic.semantic > 0.5
    assert semantic.supported and not lexical.supported
    assert lexical.semantic is None


class CountingEmbedder(BagOfWordsEmbedder):
    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return super().embed(texts)


def test_similarity_is_computed_only_where_it_can_decide() -> None:
    embedder = CountingEmbedder()
    judge = SupportJudge(embedder)
    assert judge.check("Rosuvastatin 20 mg daily reduced first major cardiovascular events by 44%.", [TRIAL]).supported
    assert not judge.check("Zinc lozenges shorten the common cold in children.", [TRIAL]).supported
    assert not judge.check(PARAPHRASE.replace("44%", "54%"), [TRIAL]).supported  # strict failure decides
    assert embedder.calls == 0
    judge.check(PARAPHRASE, [TRIAL])
    assert embedder.calls == 1


def test_a_broken_embedder_degrades_to_lexical() -> None:
    class Broken:
        def embed(self, texts: Sequence[str]) -> np.ndarray:
            raise RuntimeError("onnx session died")

    judge = SupportJudge(Broken())
    assert judge.name == "lexical+strict+semantic"
    r = judge.check(PARAPHRASE, [TRIAL])
    assert not r.supported and r.semantic is None and judge.embedder is None
    assert judge.name == "lexical+strict"  # answers are stamped with the judge that actually ran


def test_a_claim_that_drops_the_sources_negation_is_unsupported(judge: SupportJudge) -> None:
    source = ("We did not find a lower prevalence of postnatal depression among women randomized to exercise "
              "during pregnancy. Adherence was 55%.")
    flipped = judge.check("Exercise during pregnancy lowers the prevalence of postnatal depression.", [source])
    faithful = judge.check("Women randomized to exercise during pregnancy did not have a lower prevalence of "
                           "postnatal depression.", [source])
    assert not flipped.supported and any("negates" in p for p in flipped.problems)
    assert faithful.supported


NICE = ("Osteoporosis. Do not routinely offer bisphosphonates to prevent osteoporosis in men with prostate cancer "
        "having androgen deprivation therapy. [2008]. Offer bisphosphonates to men who are having androgen "
        "deprivation therapy and have osteoporosis. [new 2014].")


def test_a_quoted_sentence_rests_on_its_own_sentence_not_a_negated_neighbour(judge: SupportJudge) -> None:
    quoted = judge.check("Offer bisphosphonates to men who are having androgen deprivation therapy and have "
                         "osteoporosis.", [NICE])
    assert quoted.supported, quoted.problems
    flipped = judge.check("Offer bisphosphonates to men with prostate cancer having androgen deprivation therapy.",
                          [NICE])
    assert not flipped.supported and any("negates" in p for p in flipped.problems)


def test_a_quote_that_leaves_out_the_denial_before_it_is_unsupported(judge: SupportJudge) -> None:
    source = "There is no evidence that statins cause cancer in adults. Statins lower LDL cholesterol."
    assert not judge.check("Statins cause cancer in adults.", [source]).supported
    assert judge.check("Statins lower LDL cholesterol.", [source]).supported


def test_a_denial_in_the_list_item_before_a_quoted_line_is_not_its_denial(judge: SupportJudge) -> None:
    # (check21: NCCN's footnote on broad shave biopsy for lentigo maligna followed a pathology-report item ending
    # "(optional; not identified, present, indeterminate)" and was removed as negated)
    source = ("- Perineural invasion (optional; not identified, present, indeterminate)\n"
              "*For lesions in a cosmetically sensitive area, for which there is a low suspicion of melanoma, a broad "
              "shave biopsy of the thickest area may be acceptable.")
    claim = ("For lesions in a cosmetically sensitive area, for which there is a low suspicion of melanoma, a broad "
             "shave biopsy of the thickest area may be acceptable.")
    assert judge.check(claim, [source]).supported
    assert not judge.check("Shave biopsy is acceptable.", ["There is no evidence that shave biopsy is acceptable."]
                           ).supported
