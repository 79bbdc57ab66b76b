#!/usr/bin/env bash
# Install curbside, build the default knowledge base from ../shared/data/corpora when it is
# there (once), then answer a question: bash scripts/quickstart.sh "QUESTION" [ask options…]
set -euo pipefail
cd "$(dirname "$0")/.."
question="${1:-What is the first-line treatment of hypertension in adults?}"
shift || true
bash scripts/install.sh
cb=.venv/bin/curbside
corpora="../shared/data/corpora"
docs=$($cb stats --json 2>/dev/null | .venv/bin/python -c 'import json,sys; print(json.load(sys.stdin)["documents"])' 2>/dev/null || echo 0)
if [ "$docs" = 0 ]; then
  if [ -d "$corpora" ]; then
    echo "Building the default knowledge base from $corpora (once; a few minutes)…" >&2
    # every corpus; a file that cannot be parsed (one NGC commentary is an empty stub) is named
    # and skipped, and the rest still goes in
    $cb ingest "$corpora/ngc/summaries" "$corpora/ngc/syntheses" "$corpora/ngc/commentaries" \
      "$corpora/uspstf" "$corpora/medquad" "$corpora/pubmedqa/abstracts.jsonl" \
      "$corpora/bioasq/snippets.jsonl" "$corpora/scifact/corpus.jsonl" \
      || echo "(the files named above were skipped; everything else is in the knowledge base)" >&2
  else
    echo "No corpora at $corpora: add your own sources with 'curbside ingest FILES…'," >&2
    echo "or go online and curbside will fetch PubMed evidence for your question." >&2
  fi
fi
$cb ask "$question" "$@"
