"""BEIR-format benchmark folders: ``corpus.jsonl``, ``queries.jsonl``, ``qrels/<split>.tsv``."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from curbside.errors import SourceError


@dataclass(frozen=True)
class BeirSet:
    root: Path
    corpus: Path
    queries: dict[str, str]  # only the queries that the qrels judge, in file order
    qrels: dict[str, dict[str, int]]

    @property
    def name(self) -> str:
        return self.root.name


def load_beir(root: Path | str, split: str = "test") -> BeirSet:
    """Read a BEIR folder; a clear error names whatever is missing or malformed."""
    root = Path(root).expanduser().resolve()
    if not root.is_dir():
        raise SourceError(str(root), "not a folder (expected a BEIR folder with corpus.jsonl, queries.jsonl, qrels/)")
    corpus, queries_path, qrels_path = root / "corpus.jsonl", root / "queries.jsonl", root / "qrels" / f"{split}.tsv"
    for path in (corpus, queries_path, qrels_path):
        if not path.is_file():
            raise SourceError(str(root), f"missing {path.relative_to(root)} (a BEIR folder needs corpus.jsonl, "
                              f"queries.jsonl and qrels/{split}.tsv)")
    qrels = read_qrels(qrels_path)
    all_queries = read_queries(queries_path)
    queries = {qid: text for qid, text in all_queries.items() if qid in qrels}
    if not queries:
        raise SourceError(str(qrels_path), "no query in the qrels is in queries.jsonl")
    return BeirSet(root=root, corpus=corpus, queries=queries, qrels={q: qrels[q] for q in queries})


def read_queries(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                out[str(obj["_id"])] = str(obj["text"])
            except (ValueError, KeyError, TypeError) as exc:
                raise SourceError(str(path), f"line {n}: not a BEIR query ({exc})") from None
    return out


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if not row or (n == 1 and row[0].strip().lower() in {"query-id", "query_id", "qid"}):
                continue
            if len(row) == 4:  # TREC style: qid 0 docid grade
                row = [row[0], row[2], row[3]]
            if len(row) != 3:
                raise SourceError(str(path), f"line {n}: expected query-id, corpus-id, score")
            try:
                grade = int(float(row[2]))
            except ValueError:
                raise SourceError(str(path), f"line {n}: score {row[2]!r} is not a number") from None
            out.setdefault(row[0].strip(), {})[row[1].strip()] = grade
    return out


def write_trec_run(path: Path, run: dict[str, list[tuple[str, float]]], tag: str) -> None:
    """TREC run format: ``qid Q0 docid rank score tag``, one line per retrieved document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for qid, ranked in run.items():
            for rank, (doc_id, score) in enumerate(ranked, 1):
                fh.write(f"{qid} Q0 {doc_id} {rank} {score:.6f} {tag}\n")
