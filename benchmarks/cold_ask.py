"""Cold-start latency of ``curbside ask``: each question answered by a fresh process, as a user at a terminal
runs it (interpreter start, imports, the knowledge base's indexes read from the cache, the embedding model
loaded when closeness is measured). The issue's target is under 2 s per answer on this machine.

    python benchmarks/cold_ask.py --kb KB benchmarks/questions/clinical-check37.txt [more files] [--limit 24]

Prints one row per question file (n, p50, p95, max, share under 2 s) and the questions over 2 s. Answers are not
saved (``--no-save``) and PubMed is not asked (``CURBSIDE_OFFLINE=1``): the time is the local pipeline's. The
first run after a change to the knowledge base or the code also builds the per-KB caches (search index,
page-title index): run once before measuring, as the script does unless ``--no-warm-up``. ``--against OTHER/src``
times another checkout's code on the same questions, alternating question by question (this machine's speed drifts by
a third over an hour: two runs one after the other do not compare).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_S = 2.0


def _questions(path: Path, limit: int) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith("#")][:limit]


def _ask(kb: Path, question: str, source: Path | None = None) -> tuple[float, int]:
    env = {**os.environ, "CURBSIDE_OFFLINE": "1"}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "curbside.cli", "ask", "--kb", str(kb), "--no-save", "--json",
                           question], env=env, capture_output=True, check=False)
    return time.perf_counter() - started, done.returncode


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path, help="question files, one question per line")
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=24, help="questions per file (default 24)")
    parser.add_argument("--against", type=Path, metavar="SRC",
                        help="another checkout's src directory, timed on the same questions, alternating")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="skip the first, unmeasured ask that builds the per-KB caches")
    args = parser.parse_args()
    if not args.kb.is_file():
        parser.error(f"no knowledge base at {args.kb}")
    if args.against is not None and not (args.against / "curbside").is_dir():
        parser.error(f"{args.against} holds no curbside package (give a checkout's src directory)")
    sources: list[tuple[str, Path | None]] = [("this", None)]
    if args.against is not None:
        sources.append(("against", args.against))
    sets = [(path, _questions(path, args.limit)) for path in args.files]
    if args.warm_up and sets and sets[0][1]:
        for _name, source in sources:
            _ask(args.kb, sets[0][1][0], source)
    times: dict[tuple[str, str], list[float]] = {}
    errors: dict[tuple[str, str], int] = {}
    slow: list[tuple[float, str, str, str]] = []
    for path, questions in sets:
        for question in questions:
            for name, source in sources:
                seconds, code = _ask(args.kb, question, source)
                times.setdefault((name, path.name), []).append(seconds)
                errors[(name, path.name)] = errors.get((name, path.name), 0) + (code != 0)
                if seconds >= TARGET_S:
                    slow.append((seconds, name, path.name, question))
    print(f"{'code':<8} {'file':<28} {'n':>3} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'< 2 s':>6} {'errors':>6}")
    for name, _source in sources:
        everything: list[float] = []
        for path, _questions_of in sets:
            got = times.get((name, path.name), [])
            everything += got
            if got:
                _row(name, path.name, got, errors[(name, path.name)])
        if len(sets) > 1 and everything:
            _row(name, "all", everything, sum(n for (who, _f), n in errors.items() if who == name))
    for seconds, name, file, question in sorted(slow, reverse=True):
        print(f"{seconds:5.2f} s  {name} {file}: {question[:100]}")


def _row(name: str, file: str, got: list[float], errors: int) -> None:
    under = sum(t < TARGET_S for t in got) / len(got)
    print(f"{name:<8} {file:<28} {len(got):>3} {statistics.median(got):>6.2f} {_percentile(got, 0.95):>6.2f} "
          f"{max(got):>6.2f} {under:>6.0%} {errors:>6}")


if __name__ == "__main__":
    main()
