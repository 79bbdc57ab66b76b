#!/usr/bin/env bash
# The test command from the README: install with test tools, lint, type-check, run the tests.
# Slow suites (full corpora, real models) are excluded; run them with: scripts/test.sh -m slow
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev --browser
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
if [ "$#" -eq 0 ]; then set -- -m "not slow"; fi
.venv/bin/pytest "$@"
