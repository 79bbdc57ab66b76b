"""Build src/curbside/data/drug_names.txt from the drug-named-entity-recognition package (MIT).

    apt-get install wamerican   # /usr/share/dict/words
    .venv/bin/pip install drug-named-entity-recognition==2.0.9
    .venv/bin/python scripts/build_drug_names.py [WORD_LIST]

The package ships a dictionary of drug names (DrugBank, MeSH, MedlinePlus and Wikipedia) mapping
each name it knows (brand, foreign or older spelling) to a canonical name. We keep one-word names of
at least four letters whose canonical entry is a drug (it has a DrugBank or MedlinePlus id), as
``name<TAB>generic``; a generic maps to itself. Reading the package's pickle at run time costs
0.6 s per process (2.7 s through its API), which a one-question CLI call cannot afford; the derived
table loads in a few milliseconds.

Left out: names that are ordinary English words (Debian's word list: "caps" is a buffer, "emend" a
brand of aprepitant, "oats" a food), so that a question about oats is not read as one about a
drug, and two mappings that are wrong in the source (Neosporin is not hydrocortisone; Vicks is a
brand of many products). Medicines whose generic name the word list also holds ("aspirin",
"ibuprofen", "morphine": ``ENGLISH_MEDICINES``) are kept: without them "Can I take ibuprofen …?"
named no drug (docs/answers.md, "Session 30"); herbs and foods the package also lists ("chamomile",
"hops") stay out.
"""

from __future__ import annotations

import bz2
import pickle
import sys
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from curbside.answer.text import STOPWORDS  # noqa: E402

PACKAGE = "drug_named_entity_recognition"
VERSION = "2.0.9"
OUT = ROOT / "src" / "curbside" / "data" / "drug_names.txt"
WORDS = Path("/usr/share/dict/words")
WRONG = frozenset({"neosporin", "vicks"})
# generics that are also dictionary words, kept as the drugs they name
ENGLISH_MEDICINES = frozenset("""acetaminophen amphetamine aspirin codeine cortisone estrogen fentanyl ibuprofen lithium
methadone morphine nitroglycerin phenobarbital quinine streptomycin""".split())


def main(argv: list[str]) -> int:
    words_path = Path(argv[0]) if argv else WORDS
    if not words_path.is_file():
        print(f"no word list at {words_path} (apt-get install wamerican)", file=sys.stderr)
        return 1
    english = {w.strip() for w in words_path.read_text(encoding="utf-8", errors="replace").splitlines()
               if w.strip().islower()}
    version = metadata.version(PACKAGE.replace("_", "-"))
    if version != VERSION:
        print(f"expected {PACKAGE} {VERSION}, found {version}", file=sys.stderr)
        return 1
    path = resources.files(PACKAGE) / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(str(path), "rb") as fh:
        data = pickle.load(fh)  # the package's own file, pinned by version
    canonical = data["drug_canonical_to_data"]

    def is_drug(name: str) -> bool:
        entry = canonical.get(name) or {}
        return bool(entry.get("drugbank_id") or entry.get("medline_plus_id"))

    rows: dict[str, str] = {}
    for variant, targets in data["drug_variant_to_canonical"].items():
        if len(targets) != 1 or not variant.isascii() or not variant.isalpha() or len(variant) < 4:
            continue
        if variant in english and variant not in ENGLISH_MEDICINES:
            continue
        if variant in STOPWORDS or variant in WRONG or not is_drug(targets[0]):
            continue
        generic = targets[0].lower()
        rows[variant.lower()] = generic
    lines = [f"# Drug names → generic, derived from {PACKAGE} {VERSION} (MIT, Fast Data Science Ltd;",
             "# sources DrugBank, MeSH, MedlinePlus, Wikipedia) by scripts/build_drug_names.py;",
             "# ordinary English words left out.",
             "# name<TAB>generic (a generic maps to itself)"]
    lines += [f"{name}\t{generic}" for name, generic in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    brands = sum(1 for n, g in rows.items() if n != g)
    print(f"{len(rows)} names ({brands} brand or other names) -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
