"""Every sentence of every answer is checked by the support judge in ``compose``, whatever wrote it.

Real passages from the small knowledge base the tests build (``tests/answer/corpus.py``); drafts
are scripted where a generator must be made to say something wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from curbside.answer import ask
from curbside.answer.compose import compose
from curbside.answer.generators.base import Draft, DraftBullet, DraftSection
from curbside.answer.generators.extractive import ExtractiveGenerator
from curbside.answer.support import SupportJudge, judge_for, make_judge
from curbside.errors import ConfigError
from curbside.records import Answer, Audience, Bullet, Hit
from curbside.retrieve import make_retriever
from curbside.settings import Settings
from curbside.store import Store
from tests.llm.test_support import BagOfWordsEmbedder

DOSE = "For pain in proximal hamstring tendinopathy, ibuprofen 400 mg three times daily for up to 14 days may be used."
LOADING = "Eccentric and isometric hamstring exercises reduce pain in proximal hamstring tendinopathy within 12 weeks."
VITAMIN_D = "Vitamin D supplementation did not reduce the incidence of fractures in older adults compared with placebo."


def bullets(answer: Answer) -> list[Bullet]:
    return [answer.bottom_line, *(b for s in answer.sections for b in s.bullets), *answer.pitfalls,
            *answer.escalation]


def evidence(kb: Store, settings: Settings) -> list[Hit]:
    hits = make_retriever(kb, settings).search("hamstring tendinopathy ibuprofen exercises vitamin D fractures", 10)
    for needed in (DOSE, LOADING, VITAMIN_D):
        assert any(needed in h.passage.text for h in hits), needed
    return hits


def number(hits: Sequence[Hit], sentence: str) -> int:
    return next(i for i, h in enumerate(hits, 1) if sentence in h.passage.text)


def composed(hits: Sequence[Hit], *extra: DraftBullet, judge: SupportJudge | None = None) -> Answer:
    draft = Draft(DraftBullet(LOADING, (number(hits, LOADING),)), (DraftSection("Evidence", tuple(extra)),))
    return compose("How is proximal hamstring tendinopathy managed?", draft, hits, audience=Audience.CLINICIAN,
                   generator="scripted", judge=judge)


@pytest.mark.parametrize(("claim", "problem"), [
    (DOSE.replace("400 mg", "800 mg"), "number 800mg"),
    (DOSE.replace("400 mg", "400 g"), "not with unit 'g'"),
    (DOSE.replace("14 days", "14 weeks"), "not with unit 'week'"),
    (DOSE.replace("ibuprofen", "naproxen"), "drug name 'naproxen'"),
    (DOSE.replace("ibuprofen", "celecoxib"), "drug name 'celecoxib'"),
])
def test_a_number_unit_or_drug_not_in_the_cited_passage_is_removed(kb: Store, settings: Settings, claim: str,
                                                                   problem: str) -> None:
    hits = evidence(kb, settings)
    answer = composed(hits, DraftBullet(claim, (number(hits, DOSE),)), DraftBullet(DOSE, (number(hits, DOSE),)))
    texts = [b.text for b in bullets(answer)]
    assert claim not in texts and DOSE in texts
    assert any("failed verification" in n and problem in n for n in answer.notes), answer.notes


@pytest.mark.parametrize("claim", [
    "Vitamin D supplementation reduced the incidence of fractures in older adults compared with placebo.",  # flipped
    "Eccentric and isometric hamstring exercises do not reduce pain in proximal hamstring tendinopathy.",  # invented
])
def test_a_negation_mismatch_is_removed(kb: Store, settings: Settings, claim: str) -> None:
    hits = evidence(kb, settings)
    cited = number(hits, VITAMIN_D if "Vitamin" in claim else LOADING)
    answer = composed(hits, DraftBullet(claim, (cited,)), DraftBullet(VITAMIN_D, (number(hits, VITAMIN_D),)))
    assert claim not in [b.text for b in bullets(answer)]
    assert VITAMIN_D in [b.text for b in bullets(answer)]  # the faithful negation stands
    assert any("failed verification" in n and "negat" in n for n in answer.notes), answer.notes


def test_invalid_citation_numbers_are_removed(kb: Store, settings: Settings) -> None:
    hits = evidence(kb, settings)
    good = number(hits, DOSE)
    answer = composed(hits, DraftBullet(DOSE, (len(hits) + 5, good, 0, -1)))
    dose = next(b for b in bullets(answer) if b.text == DOSE)
    assert dose.passage_ids == (hits[good - 1].passage.id,)
    assert {r.number for r in answer.references} == {n for b in bullets(answer) for n in b.citations}
    assert any("dropped 3 citation(s) that did not resolve" in n for n in answer.notes)


def test_a_citation_no_sentence_needs_is_removed(kb: Store, settings: Settings) -> None:
    hits = evidence(kb, settings)
    answer = composed(hits, DraftBullet(DOSE, (number(hits, VITAMIN_D), number(hits, DOSE))))
    dose = next(b for b in bullets(answer) if b.text == DOSE)
    assert dose.passage_ids == (hits[number(hits, DOSE) - 1].passage.id,)
    assert "pmid:1000001" not in {r.document_id for r in answer.references}  # the vitamin D trial is not cited
    assert any("removed 1 citation(s) that did not support" in n for n in answer.notes)


def test_only_the_unsupported_sentence_of_a_bullet_goes(kb: Store, settings: Settings) -> None:
    hits = evidence(kb, settings)
    wrong = "Ibuprofen 800 mg is the preferred dose."
    answer = composed(hits, DraftBullet(f"{DOSE} {wrong}", (number(hits, DOSE),)))
    dose = answer.sections[0].bullets[0]
    assert dose.text == DOSE and dose.support is not None and dose.support >= 0.6
    assert any("removed a sentence that failed verification" in n and "Ibuprofen 800 mg" in n
               for n in answer.notes)


def test_the_judge_is_passed_in_and_named_in_the_answer(kb: Store, settings: Settings) -> None:
    hits = evidence(kb, settings)
    paraphrase = DraftBullet("In older people, supplementing vitamin D did not cut the rate of broken bones versus "
                             "placebo.", (number(hits, VITAMIN_D),))  # word overlap 0.44: needs similarity
    lexical = composed(hits, paraphrase)
    semantic = composed(hits, paraphrase, judge=SupportJudge(BagOfWordsEmbedder(), semantic_min=0.5))
    assert lexical.verified_by == "lexical+strict" and semantic.verified_by == "lexical+strict+semantic"
    assert paraphrase.text not in [b.text for b in bullets(lexical)]
    kept = next(b for b in bullets(semantic) if b.text == paraphrase.text)
    assert kept.support is not None and 0 < kept.support < 1  # recorded per sentence, below a verbatim quote


@pytest.mark.parametrize(("question", "audience"), [
    ("How should proximal hamstring tendinopathy be managed?", Audience.CLINICIAN),
    ("Does vitamin D supplementation reduce fractures in older adults?", Audience.CLINICIAN),
    ("What are the symptoms of shingles?", Audience.PATIENT),
])
def test_extractive_answers_are_verified_and_stamped(kb: Store, settings: Settings, question: str,
                                                     audience: Audience) -> None:
    answer = ask(kb, settings, question, audience=audience)
    assert answer.generator == "extractive-v1" and answer.verified_by == "lexical+strict"
    judge = SupportJudge()
    for bullet in bullets(answer):
        passages = kb.passages_by_ids(bullet.passage_ids)
        result = judge.check(bullet.text, [passages[p].text for p in bullet.passage_ids])
        assert result.supported and bullet.support == pytest.approx(result.support, abs=1e-3), bullet.text
    assert kb.get_answer(answer.id).verified_by == "lexical+strict"  # stored with the answer


def test_ask_takes_a_judge(kb: Store, settings: Settings) -> None:
    judge = SupportJudge(BagOfWordsEmbedder())
    answer = ask(kb, settings, "How should proximal hamstring tendinopathy be managed?", judge=judge, save=False)
    assert answer.verified_by == "lexical+strict+semantic"


def test_judge_choice_follows_settings_and_generator(settings: Settings) -> None:
    extractive = ExtractiveGenerator()
    assert judge_for(extractive, settings.support_judge).name == "lexical+strict"  # auto
    assert make_judge("lexical", llm=True).embedder is None

    class WithJudge:
        judge = SupportJudge(BagOfWordsEmbedder())

    llm = WithJudge()
    assert judge_for(llm, "auto") is llm.judge  # an LLM generator's own judge verifies its answers
    with pytest.raises(ConfigError, match="support_judge"):
        make_judge("entailment")
    assert Settings(support_judge="lexical").fingerprint() != Settings().fingerprint()


def test_a_list_said_as_one_sentence_is_not_negated_by_the_sentence_after_the_list() -> None:
    from curbside.answer.support import SupportJudge

    passage = ("Some common symptoms of hypothyroidism are\n- fatigue\n- weight gain\n- cold intolerance\n"
               "However, hypothyroidism develops slowly, so many people don't notice symptoms of the disease.")
    claim = "Some common symptoms of hypothyroidism are fatigue; weight gain; cold intolerance."
    assert SupportJudge().check(claim, [passage]).supported
    # a wrapped line that goes on in lower case is still one sentence: its denial still counts
    wrapped = "There is no evidence that hypothyroidism causes\nweight gain in adults."
    assert not SupportJudge().check("Hypothyroidism causes weight gain in adults.", [wrapped]).supported


def test_a_lead_in_joined_to_its_items_rests_on_them_not_on_a_parallel_denial() -> None:
    from curbside.answer.support import SupportJudge

    # NICE CG166 (ngc:9956): the next recommendation repeats the lead-in's words for people "who cannot
    # tolerate" the drug; the first-line statement is not negated by it
    passage = ("Left-sided and Extensive Ulcerative Colitis\nTo induce remission in adults with a mild to moderate "
               "first presentation or inflammatory exacerbation of left-sided or extensive ulcerative colitis:\n"
               "- Offer a high induction dose of an oral aminosalicylate.\n"
               "- Consider adding a topical aminosalicylate or oral beclometasone dipropionate, taking into account "
               "the person's preferences.\n"
               "To induce remission in people with a mild to moderate first presentation or inflammatory "
               "exacerbation of left-sided or extensive ulcerative colitis who cannot tolerate or who decline "
               "aminosalicylates, in whom aminosalicylates are contraindicated or who have subacute ulcerative "
               "colitis, offer oral prednisolone.")
    claim = ("To induce remission in adults with a mild to moderate first presentation or inflammatory exacerbation "
             "of left-sided or extensive ulcerative colitis: offer a high induction dose of an oral aminosalicylate; "
             "consider adding a topical aminosalicylate or oral beclometasone dipropionate, taking into account the "
             "person's preferences.")
    assert SupportJudge().check(claim, [passage]).supported


def test_a_lead_in_with_one_item_is_not_negated_by_another_item() -> None:
    from curbside.answer.support import SupportJudge

    # (MedlinePlus *Tinea Infections*): "A worm doesn't cause it." is said of another item
    passage = ("Symptoms depend on the affected area of the body:\n- Ringworm is a red skin rash that forms a ring "
               "around normal-looking skin. A worm doesn't cause it.\n- Scalp ringworm causes itchy, red patches on "
               "your head. It can leave bald spots. It usually affects children.\n- Athlete's foot causes itching, "
               "burning and cracked skin between your toes.")
    claim = "Symptoms depend on the affected area of the body: scalp ringworm causes itchy, red patches on your head."
    assert SupportJudge().check(claim, [passage]).supported
