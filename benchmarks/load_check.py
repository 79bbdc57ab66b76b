"""Load check: N concurrent clients for a bounded time against a local ``curbside serve``.

    .venv/bin/python benchmarks/load_check.py                       # 8 askers for 30 s
    .venv/bin/python benchmarks/load_check.py --scenario read --clients 16 --duration 20
    .venv/bin/python benchmarks/load_check.py --kb ~/kb.sqlite \
        --questions ../shared/data/benchmarks/pubmedqa-train/questions.jsonl

The script starts its own server on 127.0.0.1 (a free port, rate limits off: this measures
capacity, not the limiter) over a *copy* of the knowledge base, so the answers it creates do
not pile up in the original. Without ``--kb`` it builds one once from ../shared/data/corpora
(PubMedQA abstracts, USPSTF, two MedQuAD collections, SciFact: ~7,400 documents, ~16,000
passages) and keeps it in .cache/load_check/.

Scenarios: ``ask`` — every client asks questions (POST /api/v1/ask) back to back; ``read`` —
stored answer pages, searches, documents, the home page; ``mixed`` — one ask to four reads.
Prints one row per request kind (requests, errors, throughput, p50, p95, max) and checks the
target: zero errors and p95 under 2 s for asks at 8 concurrent clients.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
CACHE = ROOT / ".cache" / "load_check"
CORPUS_PATHS = ("pubmedqa/abstracts.jsonl", "uspstf/uspstf_enriched.json", "medquad/4_MPlus_Health_Topics_QA",
                "medquad/8_NHLBI_QA_XML", "scifact/corpus.jsonl")

QUESTIONS = (
    "What is the first-line treatment for hypertension in adults?",
    "Should adults be screened for colorectal cancer, and from what age?",
    "Do statins reduce cardiovascular events in older adults?",
    "How is asthma treated in children?",
    "Is aspirin recommended for primary prevention of cardiovascular disease?",
    "What are the symptoms of heart failure?",
    "Does vitamin D supplementation prevent fractures?",
    "How should depression be screened for in adults?",
    "What lifestyle changes lower blood pressure?",
    "Is metformin effective for type 2 diabetes?",
    "What causes anemia and how is it treated?",
    "Should pregnant women be screened for gestational diabetes?",
    "Does exercise improve symptoms of knee osteoarthritis?",
    "What are the risks of smoking during pregnancy?",
    "How is sleep apnea diagnosed?",
    "Is breast cancer screening with mammography recommended for women in their 40s?",
    "What are the treatment options for atrial fibrillation?",
    "Does low-dose CT screening reduce lung cancer mortality in smokers?",
    "How can I tell if I have high cholesterol?",
    "What helps with chronic low back pain?",
)
SEARCHES = ("hypertension treatment", "statin", "asthma children", "colorectal cancer screening", "vitamin D",
            "depression screening", "heart failure symptoms", "osteoarthritis exercise")


# ------------------------------------------------------------------ knowledge base and server

def default_kb() -> Path:
    path = CACHE / "kb.sqlite"
    if path.exists():
        return path
    missing = [p for p in CORPUS_PATHS if not (CORPORA / p).exists()]
    if missing:
        sys.exit(f"no --kb given and the shared corpora are missing: {', '.join(missing)} under {CORPORA}")
    from curbside.ingest import ingest_paths
    from curbside.store import Store

    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    print(f"building the load-check knowledge base in {path} (once) …", file=sys.stderr)
    start = time.perf_counter()
    with Store.open(partial) as store:
        report = ingest_paths(store, [CORPORA / p for p in CORPUS_PATHS])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    print(f"  {report.documents:,} documents, {report.passages:,} passages in {time.perf_counter() - start:.0f} s",
          file=sys.stderr)
    return path


def copy_kb(src: Path, dest_dir: Path) -> Path:
    dest = dest_dir / "kb.sqlite"
    with sqlite3.connect(src) as a, sqlite3.connect(dest) as b:
        a.backup(b)
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(kb: Path, port: int, env: dict[str, str], workers: int) -> subprocess.Popen[bytes]:
    script = Path(sys.executable).parent / "curbside"
    cmd = [str(script)] if script.exists() else [sys.executable, "-c", "from curbside.cli.main import main; main()"]
    proc = subprocess.Popen(
        [*cmd, "serve", "--host", "127.0.0.1", "--port", str(port), "--kb", str(kb), "--rate-limit", "0",
         "--ask-rate-limit", "0", "--log-level", "warning", "--workers", str(workers)],
        env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"curbside serve exited: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    sys.exit("curbside serve did not start within 120 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# ------------------------------------------------------------------ the clients

class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.samples: list[str] = []

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            if error:
                self.errors[kind] += 1
                if len(self.samples) < 5:
                    self.samples.append(f"{kind}: {error}")


def plan(scenario: str, rng: random.Random) -> str:
    if scenario == "ask":
        return "ask"
    reads = ("answer page", "search", "document", "home")
    if scenario == "read":
        return rng.choice(reads)
    return "ask" if rng.random() < 0.2 else rng.choice(reads)


def client_loop(base: str, scenario: str, deadline: float, seed: int, questions: list[str], answer_ids: list[str],
                doc_ids: list[str], results: Results) -> None:
    rng = random.Random(seed)
    counter = itertools.count(seed)
    with httpx.Client(base_url=base, timeout=60) as http:
        while time.monotonic() < deadline:
            kind = plan(scenario, rng)
            start = time.perf_counter()
            error = None
            try:
                if kind == "ask":
                    n = next(counter)
                    r = http.post("/api/v1/ask", json={"question": questions[n % len(questions)],
                                                       "audience": "patient" if n % 4 == 3 else "clinician"})
                elif kind == "answer page":
                    r = http.get(f"/answers/{rng.choice(answer_ids)}")
                elif kind == "search":
                    r = http.get("/api/v1/search", params={"query": rng.choice(SEARCHES)})
                elif kind == "document":
                    r = http.get(f"/api/v1/documents/{rng.choice(doc_ids)}")
                else:
                    r = http.get("/")
                if r.status_code >= 400:
                    error = f"HTTP {r.status_code} {r.text[:200]}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            results.add(kind, time.perf_counter() - start, error)


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(results: Results, elapsed: float, args: argparse.Namespace, info: dict[str, object]) -> dict[str, object]:
    rows = []
    for kind in sorted(results.latency, key=lambda k: (k != "ask", k)):
        lat = results.latency[kind]
        rows.append({"kind": kind, "requests": len(lat), "errors": results.errors[kind],
                     "per_s": len(lat) / elapsed, "p50_ms": percentile(lat, 50) * 1000,
                     "p95_ms": percentile(lat, 95) * 1000, "max_ms": max(lat) * 1000})
    all_lat = [x for v in results.latency.values() for x in v]
    total = {"kind": "all", "requests": len(all_lat), "errors": sum(results.errors.values()),
             "per_s": len(all_lat) / elapsed, "p50_ms": percentile(all_lat, 50) * 1000 if all_lat else 0.0,
             "p95_ms": percentile(all_lat, 95) * 1000 if all_lat else 0.0,
             "max_ms": max(all_lat) * 1000 if all_lat else 0.0}
    asks = next((r for r in rows if r["kind"] == "ask"), None)
    target = {"zero_errors": total["errors"] == 0,
              "ask_p95_under_2s": None if asks is None else float(str(asks["p95_ms"])) < 2000}
    return {"scenario": args.scenario, "clients": args.clients, "duration_s": round(elapsed, 1), **info,
            "rows": rows, "total": total, "target": target, "error_samples": results.samples}


def print_table(data: dict[str, object]) -> None:
    print(f"\nload check · scenario {data['scenario']} · {data['clients']} clients · {data['duration_s']} s · "
          f"{data['cpus']} CPUs · {data['workers']} worker(s) · KB {data['kb_state']} · retriever {data['retriever']}")
    header = f"{'request':<13}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
    print(header)
    print("-" * len(header))
    for row in [*data["rows"], data["total"]]:  # type: ignore[misc]
        print(f"{row['kind']:<13}{row['requests']:>9}{row['errors']:>8}{row['per_s']:>9.2f}{row['p50_ms']:>9.0f}"
              f"{row['p95_ms']:>9.0f}{row['max_ms']:>9.0f}")
    target = data["target"]
    assert isinstance(target, dict)
    verdict = ["zero errors" if target["zero_errors"] else "ERRORS"]
    if target["ask_p95_under_2s"] is not None:
        verdict.append("ask p95 < 2 s" if target["ask_p95_under_2s"] else "ask p95 >= 2 s (target missed)")
    print("target: " + ", ".join(verdict))
    for sample in data["error_samples"]:  # type: ignore[attr-defined]
        print(f"  e.g. {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    parser.add_argument("--scenario", choices=("ask", "read", "mixed"), default="ask")
    parser.add_argument("--kb", type=Path, default=None, help="knowledge base to copy (default: built from corpora)")
    parser.add_argument("--questions", type=Path, default=None, help="JSON Lines file with a 'question' field")
    parser.add_argument("--retriever", choices=("lexical", "dense", "hybrid"), default=None,
                        help="retriever for the server (default: its settings)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON too")
    args = parser.parse_args()
    if args.clients < 1 or args.duration <= 0:
        parser.error("--clients must be >= 1 and --duration > 0")

    questions = list(QUESTIONS)
    if args.questions:
        with args.questions.open(encoding="utf-8") as fh:
            questions = [json.loads(line)["question"] for line in fh if line.strip()][:500]
    source = args.kb.expanduser() if args.kb else default_kb()
    env = {"CURBSIDE_RETRIEVER": args.retriever} if args.retriever else {}
    with tempfile.TemporaryDirectory(prefix="curbside-load-") as tmp:
        kb = copy_kb(source, Path(tmp))
        port = free_port()
        proc = start_server(kb, port, env, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=120) as http:
                # warm up (not measured): first answers load models and fill caches; their ids feed the reads
                answer_ids = [http.post("/api/v1/ask", json={"question": q}).json()["id"] for q in questions[:3]]
                hits = http.get("/api/v1/search", params={"query": "treatment", "k": 50}).json()["hits"]
                doc_ids = sorted({h["document"]["id"] for h in hits}) or ["none"]
                health = http.get("/api/v1/health").json()
                stats = http.get("/api/v1/stats").json()
            results = Results()
            start = time.monotonic()
            deadline = start + args.duration
            threads = [threading.Thread(target=client_loop, args=(base, args.scenario, deadline, i * 7919, questions,
                                                                  answer_ids, doc_ids, results))
                       for i in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - start
        finally:
            stop_server(proc)
            shutil.rmtree(tmp, ignore_errors=True)
    info = {"cpus": os.cpu_count(), "workers": args.workers, "kb_state": health.get("kb_state"),
            "retriever": stats.get("retriever")}
    data = report(results, elapsed, args, info)
    print_table(data)
    if args.json:
        print(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()
