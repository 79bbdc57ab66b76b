"""Cold-start latency of ``curbside ask``: each question answered by a fresh process, as a user at a terminal
runs it (interpreter start, imports, the knowledge base's indexes read from the cache, the embedding model
loaded when closeness is measured). The issue's target is under 2 s per answer on this machine.

    python benchmarks/cold_ask.py --kb KB benchmarks/questions/clinical-check37.txt [more files] [--limit 24]

Prints one row per question file (n, p50, p95, max, share under 2 s) and the questions over 2 s. Answers are not
saved (``--no-save``) and PubMed is not asked (``CURBSIDE_OFFLINE=1``): the time is the local pipeline's. The
first run after a change to the knowledge base or the code also builds the per-KB caches (search index,
page-title index): run once before measuring, as ``--warm-up`` does. To compare two trees, run the script with
``PYTHONPATH=OTHER/src``.
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


def _ask(kb: Path, question: str) -> tuple[float, int]:
    env = {**os.environ, "CURBSIDE_OFFLINE": "1"}
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
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="skip the first, unmeasured ask that builds the per-KB caches")
    args = parser.parse_args()
    if not args.kb.is_file():
        parser.error(f"no knowledge base at {args.kb}")
    sets = [(path, _questions(path, args.limit)) for path in args.files]
    if args.warm_up and sets and sets[0][1]:
        _ask(args.kb, sets[0][1][0])
    print(f"{'file':<28} {'n':>3} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'< 2 s':>6} {'errors':>6}")
    slow: list[tuple[float, str, str]] = []
    everything: list[float] = []
    for path, questions in sets:
        times, errors = [], 0
        for question in questions:
            seconds, code = _ask(args.kb, question)
            errors += code != 0
            times.append(seconds)
            if seconds >= TARGET_S:
                slow.append((seconds, path.name, question))
        everything += times
        if times:
            under = sum(t < TARGET_S for t in times) / len(times)
            print(f"{path.name:<28} {len(times):>3} {statistics.median(times):>6.2f} {_percentile(times, 0.95):>6.2f} "
                  f"{max(times):>6.2f} {under:>6.0%} {errors:>6}")
    if len(sets) > 1 and everything:
        under = sum(t < TARGET_S for t in everything) / len(everything)
        print(f"{'all':<28} {len(everything):>3} {statistics.median(everything):>6.2f} "
              f"{_percentile(everything, 0.95):>6.2f} {max(everything):>6.2f} {under:>6.0%}")
    for seconds, name, question in sorted(slow, reverse=True):
        print(f"{seconds:5.2f} s  {name}: {question[:100]}")


if __name__ == "__main__":
    main()
