"""Calibrate closeness in meaning (``answer/closeness.py``) on the reviewers' labels.

For every labelled question (``questions/bottom-line-labels.jsonl``) whose words alone do not settle the evidence
(``Evidence.sufficient`` false), this embeds the question and each kept passage with its document's title (MiniLM,
as ``closeness.py`` does) and replays the rule offline: the question would be answered when a kept passage covering at
least COVERAGE of it is at least COSINE close. Per pair of thresholds it prints how many covered questions would be
answered, how many of those from a document the reviewer named, and how many absent topics would be answered (each of
those an answer the knowledge base cannot support). The medical-name guard and the generator are not replayed: the
counts bound what the rule can add.

    python benchmarks/closeness_calibration.py --kb KB [--labels benchmarks/questions/bottom-line-labels.jsonl]

KB: a knowledge base built from all of ../shared/data/corpora (scripts/quickstart.sh).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import track
from rich.table import Table

from curbside.answer.closeness import EMBEDDER
from curbside.answer.evidence import gather
from curbside.answer.questions import analyse
from curbside.answer.terms import TermStats
from curbside.embed import get_embedder
from curbside.records import Audience
from curbside.retrieve import make_retriever
from curbside.settings import load_settings
from curbside.store import Store

LABELS = Path(__file__).parent / "questions" / "bottom-line-labels.jsonl"
COSINES = (0.55, 0.58, 0.60, 0.62, 0.65)
COVERAGES = (0.0, 0.3, 0.4, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    labels = [json.loads(line) for line in args.labels.read_text().splitlines() if line.strip()]
    settings = load_settings({"kb": args.kb, "offline": True, "retriever": "lexical"})
    embedder = get_embedder(EMBEDDER)
    rows = []  # (named documents, [(coverage, cosine, document id)]) per question the words do not settle
    with Store.open(args.kb, readonly=True) as store:
        stats, retriever = TermStats(store), make_retriever(store, settings)
        for label in track(labels, description="questions"):
            info = analyse(label["question"])
            evidence = gather(retriever, info, Audience.CLINICIAN, k=settings.k, stats=stats)
            if evidence.sufficient or evidence.thin or not evidence.hits:
                continue
            vectors = embedder.embed([f"{h.document.title}. {h.passage.text}" for h in evidence.hits])
            cosines = vectors @ embedder.embed_query(info.text)
            named = {p.split("#")[0] for p in label["answer_passages"]}
            rows.append((named, [(cov, float(cos), hit.document.id)
                                 for cov, cos, hit in zip(evidence.coverages, cosines, evidence.hits, strict=False)]))
    covered = sum(1 for named, _ in rows if named)
    table = Table(title=f"closeness replayed on {len(rows)} labelled questions the words do not settle "
                        f"({covered} covered, {len(rows) - covered} absent topics)")
    for name in ("cosine ≥", "coverage ≥", "covered answered", "… from a named document", "absent answered"):
        table.add_column(name, justify="right")
    for cosine in COSINES:
        for coverage in COVERAGES:
            answered = from_named = absent = 0
            for named, hits in rows:
                close = [(cos, doc) for cov, cos, doc in hits if cos >= cosine and cov >= coverage]
                if not close:
                    continue
                if named:
                    answered += 1
                    from_named += max(close)[1] in named
                else:
                    absent += 1
            table.add_row(f"{cosine:.2f}", f"{coverage:.2f}", str(answered), str(from_named), str(absent))
    Console().print(table)
    for kind, wanted in (("covered", True), ("absent", False)):
        best = [max(cos for _, cos, _ in hits) for named, hits in rows if bool(named) is wanted]
        if best:
            Console().print(f"median best cosine, {kind}: {np.median(best):.2f}")


if __name__ == "__main__":
    main()
