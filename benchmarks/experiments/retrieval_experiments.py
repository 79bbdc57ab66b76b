"""Retrieval experiments behind the choices in docs/retrieval.md (fusion, PRF, synonyms, reranker).

    .venv/bin/python benchmarks/experiments/retrieval_experiments.py collect scifact-train nfcorpus-dev
    .venv/bin/python benchmarks/experiments/retrieval_experiments.py fusion scifact-train nfcorpus-dev
    .venv/bin/python benchmarks/experiments/retrieval_experiments.py rerank   # needs lightgbm, snowballstemmer

``collect`` runs the production retrievers on the evaluation KBs that ``curbside eval retrieval``
builds (user cache dir) and pickles, per query, the top 300 passages of lexical, lexical+PRF and
dense search plus the cosine of every lexical candidate, into --work (default /tmp/curbside-exp).
The other commands only read those pickles, so every variant is scored on the same candidates.
Queries are split into halves A/B by crc32(query id) for tuning checks; nfcorpus-dev is the
held-out set (nothing is tuned on it).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT.parent / "shared" / "data" / "benchmarks"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def half(qid: str) -> int:
    return zlib.crc32(qid.encode()) % 2


def _open(set_name: str):  # type: ignore[no-untyped-def]
    from curbside.eval.beir import load_beir
    from curbside.eval.retrieval import default_eval_kb
    from curbside.store import Store

    beir = load_beir(SETS / set_name)
    return beir, Store.open(default_eval_kb(beir), readonly=True)


def collect(set_name: str, work: Path, depth: int = 300) -> None:
    from curbside.retrieve.dense import DenseRetriever
    from curbside.retrieve.factory import embedder_for
    from curbside.retrieve.lexical import LexicalRetriever
    from curbside.retrieve.prf import PRFConfig

    beir, store = _open(set_name)
    lexical = LexicalRetriever(store, expand=False)
    prf = LexicalRetriever(store, expand=False, prf=PRFConfig())
    dense = DenseRetriever(store, embedder_for("minilm"))
    index = dense.index()
    queries = []
    for qid, text in beir.queries.items():
        lex = lexical.scored(text, depth)
        dn = dense.scored(text, depth)
        qv = dense.encode(text)
        queries.append({"qid": qid, "query": text, "lex": lex, "lex_prf": prf.scored(text, depth), "dense": dn,
                        "qv": qv, "cos": index.scores_for(qv, list({r for r, _ in lex} | {r for r, _ in dn}))})
    meta = {
        "doc_of": dict(store.conn.execute("SELECT rowid, doc_id FROM passages")),
        "text_of": dict(store.conn.execute("SELECT rowid, text FROM passages")),
        "title_of": dict(store.conn.execute("SELECT id, title FROM documents")),
    }
    work.mkdir(parents=True, exist_ok=True)
    with (work / f"{set_name}.pkl").open("wb") as fh:
        pickle.dump({"queries": queries, "meta": meta, "qrels": beir.qrels}, fh)
    print(f"{set_name}: {len(queries)} queries → {work / f'{set_name}.pkl'}")


def _load(work: Path, set_name: str) -> dict:
    with (work / f"{set_name}.pkl").open("rb") as fh:
        return pickle.load(fh)


def _docs(pairs, doc_of, depth: int = 100) -> list[str]:  # type: ignore[no-untyped-def]
    from curbside.sources.beir import raw_beir_id

    out: list[str] = []
    seen: set[str] = set()
    for r, _s in pairs:
        d = raw_beir_id(doc_of[r])
        if d not in seen:
            seen.add(d)
            out.append(d)
            if len(out) == depth:
                break
    return out


def _scores(run, qrels) -> str:  # type: ignore[no-untyped-def]
    from curbside.eval.metrics_retrieval import evaluate

    def nd(which: int | None) -> float:
        qs = {q: v for q, v in qrels.items() if which is None or half(q) == which}
        return evaluate({q: run[q] for q in qs if q in run}, qs)["ndcg@10"]

    return f"{nd(None):.4f} | {nd(0):.4f} | {nd(1):.4f} | {evaluate(run, qrels)['recall@100']:.4f}"


def _fuse(rec, lexkey: str, c: int, w: float, mode: str):  # type: ignore[no-untyped-def]
    from curbside.retrieve.fusion import convex, rrf

    lex, dense = rec[lexkey][:c], rec["dense"][:c]
    if mode == "rrf":
        return rrf({"l": lex, "d": dense}, k=60, weights={"l": 2 * w, "d": 2 * (1 - w)})
    filled = dict(dense)
    filled.update({r: rec["cos"][r] for r, _ in lex if r in rec["cos"]})
    ordered = sorted(filled.items(), key=lambda kv: -kv[1])
    if mode == "minmax":
        return convex({"l": lex, "d": ordered}, {"l": w, "d": 1 - w})
    return convex({"l": lex, "d": ordered}, {"l": w, "d": 1 - w}, normalise={"l": "max", "d": "none"})


def fusion(sets: list[str], work: Path) -> None:
    print("| set | variant | nDCG@10 all | half A | half B | R@100 |")
    print("|---|---|---:|---:|---:|---:|")
    for set_name in sets:
        data = _load(work, set_name)
        doc_of, qrels, qs = data["meta"]["doc_of"], data["qrels"], data["queries"]
        print(f"| {set_name} | lexical | {_scores({r['qid']: _docs(r['lex'], doc_of) for r in qs}, qrels)} |")
        print(f"| {set_name} | lexical + RM3 | {_scores({r['qid']: _docs(r['lex_prf'], doc_of) for r in qs}, qrels)} |")
        print(f"| {set_name} | dense | {_scores({r['qid']: _docs(r['dense'], doc_of) for r in qs}, qrels)} |")
        for lexkey in ("lex", "lex_prf"):
            for mode, weights in (("rrf", (0.3, 0.5, 0.7)), ("minmax", (0.3, 0.35, 0.5)),
                                  ("max/raw", (0.2, 0.25, 0.3, 0.35, 0.4, 0.5))):
                for c in (100, 300):
                    for w in weights:
                        run = {r["qid"]: _docs(_fuse(r, lexkey, c, w, mode), doc_of) for r in qs}
                        label = f"{'RM3 ' if lexkey == 'lex_prf' else ''}{mode} w_lex={w} C={c}"
                        print(f"| {set_name} | {label} | {_scores(run, qrels)} |")
        sys.stdout.flush()


def rerank(work: Path, top: int = 100) -> None:
    import lightgbm as lgb
    from rerank_features import CandidateText, Stems, TermStats, features

    from curbside.eval.metrics_retrieval import evaluate
    from curbside.retrieve.base import Ranked
    from curbside.sources.beir import raw_beir_id

    def build(set_name: str):  # type: ignore[no-untyped-def]
        data = _load(work, set_name)
        meta = data["meta"]
        _beir, store = _open(set_name)
        stats, stems = TermStats(store), Stems()
        texts = {r: CandidateText(d, meta["title_of"][d], meta["text_of"][r]) for r, d in meta["doc_of"].items()}
        out = []
        for rec in data["queries"]:
            fused = _fuse(rec, "lex", 100, 0.35, "minmax")[:top]  # the base of the table in docs/retrieval.md
            lexd = dict(rec["lex"][:100])
            cands = [Ranked(r, s, {"fused": s, **({"lexical": lexd[r]} if r in lexd else {}),
                                   **({"dense": rec["cos"][r]} if r in rec["cos"] else {})}) for r, s in fused]
            x = np.hstack([features(rec["query"], cands, texts, stems, stats),
                           np.array([[c.score] for c in cands], dtype=np.float32)])
            docs = [raw_beir_id(meta["doc_of"][c.rowid]) for c in cands]
            y = np.array([data["qrels"].get(rec["qid"], {}).get(d, 0) for d in docs])
            out.append({"qid": rec["qid"], "X": x, "y": y, "docs": docs})
        return out, data["qrels"]

    def ndcg(qs, qrels, scorer) -> float:  # type: ignore[no-untyped-def]
        run = {}
        for q in qs:
            order = np.argsort(-scorer(q["X"]), kind="stable")
            run[q["qid"]] = list(dict.fromkeys(q["docs"][i] for i in order))
        return evaluate(run, {q["qid"]: qrels[q["qid"]] for q in qs})["ndcg@10"]

    def fit(qs):  # type: ignore[no-untyped-def]
        x = np.vstack([q["X"] for q in qs])
        y = np.concatenate([q["y"] for q in qs])
        params = {"objective": "lambdarank", "learning_rate": 0.05, "num_leaves": 7, "min_data_in_leaf": 50,
                  "verbose": -1, "lambdarank_truncation_level": 20}
        return lgb.train(params, lgb.Dataset(x, y, group=[len(q["y"]) for q in qs]), num_boost_round=150)

    sf, sf_qrels = build("scifact-train")
    nf, nf_qrels = build("nfcorpus-dev")
    a = [q for q in sf if half(q["qid"]) == 0]
    b = [q for q in sf if half(q["qid"]) == 1]
    fused = lambda x: x[:, -1]  # noqa: E731
    print("| model | scifact A (trained on B) | scifact B (trained on A) | nfcorpus-dev (trained on all scifact) |")
    print("|---|---:|---:|---:|")
    print(f"| fused (no reranker) | {ndcg(a, sf_qrels, fused):.4f} | {ndcg(b, sf_qrels, fused):.4f} | "
          f"{ndcg(nf, nf_qrels, fused):.4f} |")
    print(f"| LambdaMART, 7 leaves, 150 trees | {ndcg(a, sf_qrels, fit(b).predict):.4f} | "
          f"{ndcg(b, sf_qrels, fit(a).predict):.4f} | {ndcg(nf, nf_qrels, fit(sf).predict):.4f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["collect", "fusion", "rerank"])
    ap.add_argument("sets", nargs="*", default=["scifact-train", "nfcorpus-dev"])
    ap.add_argument("--work", type=Path, default=Path("/tmp/curbside-exp"))
    args = ap.parse_args()
    if args.command == "collect":
        for s in args.sets:
            collect(s, args.work)
    elif args.command == "fusion":
        fusion(args.sets, args.work)
    else:
        rerank(args.work)


if __name__ == "__main__":
    main()
