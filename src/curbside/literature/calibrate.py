"""Calibrate the "fetch live?" thresholds of ``sufficiency`` on the shared benchmark data.

    python -m curbside.literature.calibrate [--data ../shared/data] [--top 12]

Three knowledge bases are built in a temporary folder — PubMedQA's 1,000 abstracts, SciFact's
5,183, and 30 PubMedQA abstracts (the size of a KB right after a first live fetch). Each
benchmark question is judged twice with the lexical retriever: once as is (its gold article is in
the KB: the answer is local, *do not fetch*) and once with its gold articles left out of the hits
(the KB lacks the answer, *fetch*). BioASQ questions against the PubMedQA KBs add off-topic
questions (*fetch*). For every threshold combination the script prints how often each decision
is right and the balanced accuracy; docs/live.md records the result.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from curbside.ingest import ingest_documents
from curbside.literature.sufficiency import (
    MIN_COVERAGE,
    MIN_RELEVANT,
    MIN_SCORE,
    HitEvidence,
    judge,
    lexical_evidence,
)
from curbside.records import Document, Kind, Section
from curbside.retrieve import make_retriever
from curbside.settings import Settings
from curbside.store import Store

COVERAGES = (0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 1.0)
SCORES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
RELEVANT = (1, 2, 3)


@dataclass
class Case:
    question: str
    gold: frozenset[str]


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def pubmedqa(data: Path) -> tuple[list[Document], list[Case]]:
    docs = []
    for row in _jsonl(data / "corpora/pubmedqa/abstracts.jsonl"):
        sections = tuple(Section(str(s["label"]), str(s["text"])) for s in row["sections"])  # type: ignore[attr-defined]
        docs.append(Document(id=f"pmid:{row['pmid']}", kind=Kind.OTHER, title="", sections=sections,
                             source="pubmedqa", pmid=str(row["pmid"])))
    cases = [Case(str(r["question"]), frozenset({f"pmid:{r['id']}"}))
             for r in _jsonl(data / "benchmarks/pubmedqa-train/questions.jsonl")]
    return docs, cases


def scifact(data: Path) -> tuple[list[Document], list[Case]]:
    docs = [Document(id=f"scifact:{r['_id']}", kind=Kind.OTHER, title=str(r["title"]),
                     sections=(Section("Abstract", str(r["text"])),), source="beir")
            for r in _jsonl(data / "corpora/scifact/corpus.jsonl")]
    gold: dict[str, set[str]] = {}
    for line in (data / "benchmarks/scifact-train/qrels/test.tsv").read_text().splitlines()[1:]:
        qid, cid, _score = line.split("\t")
        gold.setdefault(qid, set()).add(f"scifact:{cid}")
    cases = [Case(str(r["text"]), frozenset(gold[str(r["_id"])]))
             for r in _jsonl(data / "benchmarks/scifact-train/queries.jsonl") if str(r["_id"]) in gold]
    return docs, cases


def small_pubmedqa(data: Path, n: int = 30) -> tuple[list[Document], list[Case]]:
    """A freshly fetched-sized KB: ``n`` PubMedQA abstracts and their own questions."""
    docs, cases = pubmedqa(data)
    by_id = {d.id: d for d in docs}
    cases = [c for c in cases if c.gold <= by_id.keys()]
    random.Random(7).shuffle(cases)
    cases = cases[:n]
    return [by_id[g] for c in cases for g in sorted(c.gold)], cases


def bioasq(data: Path, n: int = 500) -> list[Case]:
    rows = list(_jsonl(data / "benchmarks/bioasq-dev/questions.jsonl"))
    random.Random(7).shuffle(rows)
    return [Case(str(r["question"]), frozenset()) for r in rows[:n]]


def _evidence(store: Store, settings: Settings, cases: Sequence[Case], *, drop_gold: bool) -> list[list[HitEvidence]]:
    return [lexical_evidence(store, settings, c.question, exclude=c.gold if drop_gold else frozenset())
            for c in cases]


def _topical(store: Store, docs: Sequence[Document], cases: Sequence[Case], tmp: Path,
             n: int = 40, size: int = 30) -> list[list[HitEvidence]]:
    """One small KB per question, of its gold article and its nearest lexical neighbours — what a
    live fetch on one topic builds. Only "keep local" is measured: the topic is all there."""
    by_id = {d.id: d for d in docs}
    out = []
    for i, case in enumerate(c for c in cases if len(c.gold) == 1):
        if i >= n:
            break
        settings = Settings(kb=tmp / f"topical-{i}.sqlite")
        near = [h.document.id for h in make_retriever(store, settings, "lexical").search(case.question, 200)]
        ids = list(dict.fromkeys([*case.gold, *near]))[:size]
        with Store.open(settings.kb) as small:
            ingest_documents(small, [by_id[d] for d in ids], chunk_words=settings.chunk_words)
            out.append(lexical_evidence(small, settings, case.question))
    return out


def _rate(evidence: Sequence[Sequence[HitEvidence]], want_sufficient: bool, cov: float, score: float,
          rel: int) -> float | None:
    if not evidence:
        return None
    right = sum(1 for e in evidence
                if judge(e, min_coverage=cov, min_score=score, min_relevant=rel).sufficient == want_sufficient)
    return right / len(evidence)


def _cell(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args(argv)
    sets: dict[str, tuple[list[list[HitEvidence]], list[list[HitEvidence]]]] = {}
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        loaders = (("pubmedqa", pubmedqa), ("scifact", scifact), ("pubmedqa-30", small_pubmedqa))
        for name, loader in loaders:
            docs, cases = loader(args.data)
            settings = Settings(kb=tmp / f"{name}.sqlite")
            with Store.open(settings.kb) as store:
                ingest_documents(store, docs, chunk_words=settings.chunk_words)
                present = _evidence(store, settings, cases, drop_gold=False)
                absent = _evidence(store, settings, cases, drop_gold=True)
                if name != "scifact":
                    absent += _evidence(store, settings, bioasq(args.data), drop_gold=False)
                sets[name] = (present, absent)
                print(f"{name}: {len(docs):,} documents, {len(present)} answerable, {len(absent)} not answerable")
                if name == "scifact":
                    sets["topical-30"] = (_topical(store, docs, cases, tmp), [])
                    print(f"topical-30: {len(sets['topical-30'][0])} one-topic KBs of 30 SciFact abstracts")
    rows = []
    for cov, score, rel in itertools.product(COVERAGES, SCORES, RELEVANT):
        cells = [(_rate(present, True, cov, score, rel), _rate(absent, False, cov, score, rel))
                 for present, absent in sets.values()]
        rates = [r for pair in cells for r in pair if r is not None]
        rows.append((sum(rates) / len(rates), cov, score, rel, cells))
    rows.sort(key=lambda r: -r[0])
    names = list(sets)
    head = " | ".join(f"{n}: local kept · live fetched" for n in names)
    print(f"\n| coverage | relative bm25 | docs | {head} | mean |")
    print("|---|---|---|" + "---|" * len(names) + "---|")
    shipped = (MIN_COVERAGE, MIN_SCORE, MIN_RELEVANT)
    best_per_docs = {rel: next(r for r in rows if r[3] == rel) for rel in RELEVANT}
    shown = rows[: args.top] + [r for r in best_per_docs.values() if r not in rows[: args.top]]
    shown += [r for r in rows if (r[1], r[2], r[3]) == shipped and r not in shown]
    for mean, cov, score, rel, cells in shown:
        cols = " | ".join(f"{_cell(k)} · {_cell(f)}" for k, f in cells)
        mark = " ← default" if (cov, score, rel) == shipped else ""
        print(f"| {cov:.2f} | {score:.2f} | {rel} | {cols} | {mean:.1%}{mark} |")


if __name__ == "__main__":
    main()
