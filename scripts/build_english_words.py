"""Build src/curbside/data/english_words.txt from Debian's American English word list (wamerican).

    apt-get install wamerican   # /usr/share/dict/words
    .venv/bin/python scripts/build_english_words.py [WORD_LIST]

``answer.respell`` searches a question word the knowledge base never uses as the knowledge base's nearest word,
which is right for "chylamdia" and wrong for "shattered" (→ "scattered"), "lounge" (→ "long") or "painter"
(→ "partner"): a word the dictionary holds is spelt right, only rare. We keep the dictionary's lower-case,
letters-only words as long as respell considers (``respell.MIN_LENGTH``); a misspelling is not among them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from curbside.answer.respell import MIN_LENGTH  # noqa: E402

OUT = ROOT / "src" / "curbside" / "data" / "english_words.txt"
WORDS = Path("/usr/share/dict/words")
HEADER = """# English words of at least {n} letters, from Debian's wamerican word list (SCOWL, Spell Checker Oriented
# Word Lists, maintained by Kevin Atkinson; /usr/share/doc/wamerican/copyright), by scripts/build_english_words.py:
# words answer.respell never respells.
#
# Copyright 2000-2011 by Kevin Atkinson
#
# Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the output created
# from the scripts, and its documentation for any purpose is hereby granted without fee, provided that the above
# copyright notice appears in all copies and that both that copyright notice and this permission notice appear in
# supporting documentation. Kevin Atkinson makes no representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
"""


def main(argv: list[str]) -> int:
    words_path = Path(argv[0]) if argv else WORDS
    if not words_path.is_file():
        print(f"no word list at {words_path} (apt-get install wamerican)", file=sys.stderr)
        return 1
    words = sorted({w.strip() for w in words_path.read_text(encoding="utf-8", errors="replace").splitlines()
                    if len(w.strip()) >= MIN_LENGTH and w.strip().isascii() and w.strip().isalpha()
                    and w.strip().islower()})
    OUT.write_text(HEADER.format(n=MIN_LENGTH) + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words → {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
