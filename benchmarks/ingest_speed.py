"""Ingest speed: documents/s and passages/s, without and with embeddings.

    .venv/bin/python benchmarks/ingest_speed.py [--articles 30000] [--embed-passages 2000] [--models minilm static]

The input is a synthetic PubMed baseline-style file (``PubmedArticleSet``, gzip) of ``--articles``
records: the real records in ../shared/data/fixtures (pubmed/ and eutils/pubmed*.xml) are
repeated as templates — structure, structured-abstract labels, journal, publication types, MeSH —
with new PMIDs and DOIs, and each copy's title and abstract text replaced by a real abstract
from the SciFact corpus (cycled; split across the template's labelled sections), so the
vocabulary and text lengths are those of real abstracts rather than four texts repeated.

Embedding is measured on the first ``--embed-passages`` passages of that KB (the full 30k-article
run would take tens of minutes with MiniLM on 2 cores) and extrapolated; the table says which.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def templates() -> list[etree._Element]:
    files = [*sorted((DATA / "fixtures" / "pubmed").glob("*.xml")),
             *sorted((DATA / "fixtures" / "eutils").glob("pubmed*.xml"))]
    out = []
    for f in files:
        tree = etree.parse(str(f), etree.XMLParser(resolve_entities=False, no_network=True))
        out.extend(tree.getroot().iter("PubmedArticle"))
    if not out:
        sys.exit(f"no PubmedArticle records under {DATA / 'fixtures'}")
    return out


def abstracts() -> list[tuple[str, str]]:
    corpus = DATA / "corpora" / "scifact" / "corpus.jsonl"
    rows = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            if o.get("title") and o.get("text"):
                rows.append((o["title"], o["text"]))
    return rows


def _split(text: str, parts: int) -> list[str]:
    if parts == 0:
        return []
    sentences = text.split(". ")
    size = max(1, -(-len(sentences) // parts))
    chunks = [". ".join(sentences[i : i + size]) for i in range(0, len(sentences), size)]
    return (chunks + [""] * parts)[:parts]


def synthesise(path: Path, n: int, first_pmid: int = 90_000_000) -> None:
    temps, texts = templates(), abstracts()
    with gzip.open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" ?>\n<PubmedArticleSet>\n')
        for i, template, (title, text) in zip(range(n), itertools.cycle(temps), itertools.cycle(texts), strict=False):
            art = copy.deepcopy(template)
            pmid = str(first_pmid + i)
            for el in art.iter("PMID"):
                el.text = pmid
            for el in art.iter("ArticleId"):
                if el.get("IdType") == "pubmed":
                    el.text = pmid
                elif el.get("IdType") == "doi":
                    el.text = f"10.99999/synthetic.{pmid}"
                elif el.get("IdType") in {"pmc", "pii", "mid"}:
                    el.getparent().remove(el)
            for el in art.iter("ArticleTitle"):
                el.clear()
                el.text = title
            nodes = list(art.iter("AbstractText"))
            for node, chunk in zip(nodes, _split(text, len(nodes)), strict=True):
                label = node.get("Label")
                node.clear()
                if label:
                    node.set("Label", label)
                node.text = chunk
            for refs in list(art.iter("ReferenceList")):
                refs.getparent().remove(refs)
            fh.write(etree.tostring(art))
            fh.write(b"\n")
        fh.write(b"</PubmedArticleSet>\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=30_000)
    ap.add_argument("--embed-passages", type=int, default=2000)
    ap.add_argument("--models", nargs="*", default=["minilm", "static"])
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()

    from curbside.ingest import ingest_paths
    from curbside.store import Store

    work = args.workdir or Path(tempfile.mkdtemp(prefix="curbside-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / f"pubmed-synthetic-{args.articles}.xml.gz"
    t = time.perf_counter()
    synthesise(src, args.articles)
    print(f"synthesised {args.articles:,} articles → {src} ({src.stat().st_size / 1e6:.1f} MB gz) "
          f"in {time.perf_counter() - t:.1f}s")

    kb = work / "kb.sqlite"
    kb.unlink(missing_ok=True)
    rows = []
    with Store.open(kb) as store:
        t = time.perf_counter()
        report = ingest_paths(store, [src])
        secs = time.perf_counter() - t
        if report.errors:
            print("errors:", report.errors[:3])
        rows.append(("ingest, no embeddings", report.documents, report.passages, secs, "measured"))
        t = time.perf_counter()
        again = ingest_paths(store, [src])
        rows.append(("re-ingest (idempotent, unchanged)", again.documents, again.passages,
                     time.perf_counter() - t, f"{again.unchanged:,} unchanged"))
        for model in args.models:
            try:
                from curbside.embed import get_embedder
                from curbside.embedding_job import embed_missing

                embedder = get_embedder(model)
            except Exception as exc:
                rows.append((f"embed {model}", 0, 0, 0.0, f"unavailable: {exc}"))
                continue
            t = time.perf_counter()
            rep = embed_missing(store, embedder, batch=64, limit=args.embed_passages)
            secs_e = time.perf_counter() - t
            rate = rep.embedded / secs_e if secs_e else 0.0
            total_p = report.passages
            rows.append((f"embed {embedder.name}", 0, rep.embedded, secs_e,
                         f"{total_p:,} passages would take ~{total_p / max(rate, 1e-9) / 60:.1f} min"))
    print()
    print("| stage | documents | passages | seconds | docs/s | passages/s | note |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, docs, passages, secs, note in rows:
        dps = f"{docs / secs:,.0f}" if docs and secs else "–"
        pps = f"{passages / secs:,.0f}" if passages and secs else "–"
        print(f"| {name} | {docs:,} | {passages:,} | {secs:.1f} | {dps} | {pps} | {note} |")


if __name__ == "__main__":
    main()
