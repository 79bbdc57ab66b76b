"""What every LLM generator shares: prompt → completion → parse → verify → Draft (or fallback).

A subclass only implements ``complete(messages, max_tokens=…, on_token=…) -> Completion``.
``generate`` then:

1. builds the prompt (evidence fenced as data, trimmed to the budget; ``prompt.py``);
2. asks the model (errors such as a server that is down propagate as ``GeneratorError``);
3. parses the output robustly (``parse.py``); unparseable output → the fallback generator
   (extractive), and the draft's notes say so;
4. checks every sentence against the passages *as the model saw them* (``support.py``):
   an unsupported sentence is re-cited to a passage that supports it or dropped, an uncited
   one gets a citation only if a passage supports it, and citations that add nothing are pruned;
5. returns a Draft whose evidence numbers index the caller's ``evidence`` list. If no sentence
   survives, the fallback answers instead. ``last_stats`` keeps timing for eval.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from curbside.answer.generators.base import Draft, DraftBullet, DraftSection, Generator
from curbside.answer.generators.parse import Claim, Parsed, ParseFailure, parse_answer
from curbside.answer.generators.prompt import Budget, Prompt, approx_tokens, build_prompt
from curbside.answer.support import SupportJudge, default_judge
from curbside.answer.text import content_stems
from curbside.errors import GeneratorError
from curbside.records import Audience, Hit

TokenCallback = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Completion:
    text: str
    ttft_s: float | None  # time to first token
    total_s: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str | None = None


@dataclass
class Stats:
    """What the last ``generate`` call did (for eval, benchmarks and the CLI's progress line)."""

    outcome: str = ""  # "llm", "llm-repaired", "fallback"
    ttft_s: float | None = None
    llm_s: float = 0.0
    total_s: float = 0.0
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    passages_shown: int = 0
    claims: int = 0
    kept: int = 0
    dropped: int = 0
    recited: int = 0
    raw_output: str = ""
    notes: list[str] = field(default_factory=list)


class LLMGenerator:
    """Base class; subclasses set ``name`` and implement ``complete``."""

    name = "llm"

    def __init__(self, *, budget: Budget | None = None, judge: SupportJudge | None = None,
                 fallback: Generator | None = None, on_token: TokenCallback | None = None,
                 output_format: str = "json", temperature: float = 0.0) -> None:
        self.budget = budget or Budget()
        self._judge = judge
        self.fallback = fallback
        self.on_token = on_token
        self.output_format = output_format
        self.temperature = temperature
        self.last_stats = Stats()

    # -- to implement --------------------------------------------------------------------
    def complete(self, messages: Sequence[dict[str, str]], *, max_tokens: int,
                 on_token: TokenCallback | None = None) -> Completion:
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        return approx_tokens(text)

    # -- the pipeline ---------------------------------------------------------------------
    @property
    def judge(self) -> SupportJudge:
        if self._judge is None:
            self._judge = default_judge()
        return self._judge

    def build(self, question: str, evidence: Sequence[Hit], audience: Audience, context: str = "",
              yes_no: bool | None = None) -> Prompt:
        return build_prompt(question, evidence, audience, context, budget=self.budget,
                            count_tokens=self.count_tokens, output_format=self.output_format, yes_no=yes_no)

    def generate(self, question: str, evidence: Sequence[Hit], audience: Audience, context: str = "") -> Draft:
        started = time.perf_counter()
        stats = self.last_stats = Stats()
        yes_no = _is_yes_no(question)
        prompt = self.build(question, evidence, audience, context, yes_no)
        stats.passages_shown = len(prompt.shown)
        if not prompt.shown:
            return self._fall_back(question, evidence, audience, context, "no usable evidence for the model", started)
        notes: list[str] = []
        removed = sum(p.removed_injections for p in prompt.shown)
        if removed:
            notes.append(f"removed {removed} instruction-like sentence(s) from the evidence before the model saw it")
        completion = self.complete(prompt.messages, max_tokens=prompt.max_output_tokens, on_token=self.on_token)
        stats.ttft_s, stats.llm_s = completion.ttft_s, completion.total_s
        stats.prompt_tokens = completion.prompt_tokens or prompt.prompt_tokens
        stats.completion_tokens = completion.completion_tokens
        stats.raw_output = completion.text
        try:
            parsed = parse_answer(completion.text, len(prompt.shown))
        except ParseFailure as exc:
            return self._fall_back(question, evidence, audience, context,
                                   f"the model's output could not be used ({exc})", started, notes)
        if completion.finish_reason in {"length", "timeout"}:
            limit = "token limit" if completion.finish_reason == "length" else "time limit"
            parsed.repairs.append(f"the model's output was cut off at the {limit}")
            _drop_unfinished_sentence(parsed)
        if parsed.insufficient:
            return self._fall_back(question, evidence, audience, context,
                                   "the model found the evidence insufficient", started, notes)
        draft = self._verified_draft(parsed, prompt, notes, yes_no)
        stats.total_s = time.perf_counter() - started
        if draft is None:
            return self._fall_back(question, evidence, audience, context,
                                   "no sentence of the model's answer was supported by its citations",
                                   started, notes)
        draft = self._checked_verdict(draft, question, evidence, audience, context, yes_no)
        stats.outcome = "llm-repaired" if parsed.repairs else "llm"
        stats.notes = list(draft.notes)
        return draft

    def _checked_verdict(self, draft: Draft, question: str, evidence: Sequence[Hit], audience: Audience,
                         context: str, yes_no: bool | None) -> Draft:
        """Yes/no verdicts come from the fallback's evidence-cue classifier when there is one:
        small models call verdicts poorly (46% vs 69% on the dev sample, docs/llm.md)."""
        if not yes_no or self.fallback is None:
            return draft
        reference = self.fallback.generate(question, evidence, audience, context).verdict
        if reference is None or reference == draft.verdict:
            return draft
        said = draft.verdict.value if draft.verdict else "none"
        note = f"verdict {reference.value} from the evidence classifier (the model said {said})"
        return Draft(draft.bottom_line, draft.sections, draft.pitfalls, draft.escalation, reference,
                     draft.insufficient, (*draft.notes, note), draft.generator)

    def _verified_draft(self, parsed: Parsed, prompt: Prompt, notes: list[str], yes_no: bool | None
                        ) -> Draft | None:
        stats = self.last_stats
        index = prompt.index_map
        texts = {p.number: p.text for p in prompt.shown}

        seen: list[set[str]] = []
        repeats = 0

        def keep(claims: list[Claim]) -> list[DraftBullet]:
            nonlocal repeats
            out: list[DraftBullet] = []
            for claim in claims:
                words = set(content_stems(claim.text))
                if any(len(words & s) / max(1, len(words | s)) > 0.8 for s in seen):
                    repeats += 1
                    continue
                seen.append(words)
                stats.claims += 1
                cites = self._supported_cites(claim, texts)
                if cites is None:
                    stats.dropped += 1
                    continue
                if cites != claim.cites:
                    stats.recited += 1
                stats.kept += 1
                out.append(DraftBullet(claim.text, tuple(index[c] for c in cites)))
            return out

        bottom = keep(parsed.bottom_line)
        sections = [DraftSection(title, tuple(b)) for title, claims in parsed.sections if (b := keep(claims))]
        pitfalls, escalation = keep(parsed.pitfalls), keep(parsed.escalation)
        if repeats:
            parsed.repairs.append(f"removed {repeats} repeated sentence(s)")
        if parsed.repairs:
            notes.append("model output repaired: " + "; ".join(dict.fromkeys(parsed.repairs)))
        if stats.dropped:
            notes.append(f"dropped {stats.dropped} of {stats.claims} model sentence(s) that their citations "
                         "did not support")
        if stats.recited:
            notes.append(f"corrected the citations of {stats.recited} model sentence(s)")
        verdict = parsed.verdict if yes_no is not False else None
        if not bottom:
            verdict = None  # a verdict whose bottom line failed verification is not shown
            pool = next((list(s.bullets) for s in sections if s.bullets), None)
            if pool is None:
                return None
            bottom = [pool[0]]
            sections = [DraftSection(s.title, s.bullets[1:]) if s.bullets and s.bullets[0] is pool[0] else s
                        for s in sections]
            sections = [s for s in sections if s.bullets]
            notes.append("the model's bottom line was not supported: its first supported bullet leads instead")
        evidence = tuple(dict.fromkeys(i for b in bottom for i in b.evidence))
        bottom_line = DraftBullet(" ".join(b.text for b in bottom), evidence)
        return Draft(bottom_line, tuple(sections), tuple(pitfalls), tuple(escalation), verdict=verdict,
                     notes=tuple(notes), generator=self.name)

    def _supported_cites(self, claim: Claim, texts: dict[int, str]) -> tuple[int, ...] | None:
        """The claim's citations if they support it (pruned of ones that add nothing), a
        better single citation if one supports it, else None."""
        judge = self.judge
        if claim.cites:
            whole = judge.check(claim.text, [texts[c] for c in claim.cites])
            if whole.supported:
                if len(claim.cites) == 1:
                    return claim.cites
                # prune irrelevant citations (ALCE): not supportive alone, and not needed by the rest
                kept = tuple(c for c in claim.cites if judge.check(claim.text, [texts[c]]).supported
                             or not judge.check(claim.text, [texts[o] for o in claim.cites if o != c]).supported)
                return kept or claim.cites
        best: tuple[float, int] | None = None
        for number, text in texts.items():
            result = judge.check(claim.text, [text])
            if result.supported and (best is None or result.support > best[0]):
                best = (result.support, number)
        return (best[1],) if best else None

    def _fall_back(self, question: str, evidence: Sequence[Hit], audience: Audience, context: str,
                   reason: str, started: float, notes: Sequence[str] = ()) -> Draft:
        stats = self.last_stats
        stats.outcome = "fallback"
        if self.fallback is None:
            raise GeneratorError(f"{self.name}: {reason}, and no fallback generator is configured")
        draft = self.fallback.generate(question, evidence, audience, context)
        note = f"{reason}: fell back to {draft.generator or self.fallback.name}"
        stats.total_s = time.perf_counter() - started
        stats.notes = [*notes, note]
        return Draft(draft.bottom_line, draft.sections, draft.pitfalls, draft.escalation, draft.verdict,
                     draft.insufficient, (*notes, note, *draft.notes), draft.generator or self.fallback.name)


def _drop_unfinished_sentence(parsed: Parsed) -> None:
    """A cut-off answer may end mid-sentence: a last claim without closing punctuation goes."""
    last = parsed.last
    if last is None or re.search(r"[.!?;:)\]\"'”’]$", last.text.strip()):
        return
    for group in (parsed.bottom_line, *(items for _, items in parsed.sections), parsed.pitfalls,
                  parsed.escalation):
        if any(c is last for c in group):
            group[:] = [c for c in group if c is not last]
            parsed.repairs.append("dropped the unfinished last sentence")
            return


def _is_yes_no(question: str) -> bool | None:
    try:
        from curbside.answer.questions import analyse
    except ImportError:  # answer layer without question analysis: let the model decide
        return None
    try:
        return bool(analyse(question).yes_no)
    except Exception:  # a question analyse rejects still gets an answer from the model
        return None
