"""Drug names: brand, foreign and older names of a drug mapped to its generic.

The table (``data/drug_names.txt``) is derived from the drug-named-entity-recognition package
(DrugBank, MeSH, MedlinePlus, Wikipedia) by ``scripts/build_drug_names.py``. Patients ask about
"Valtrex" and "Lexapro"; the knowledge base speaks of valacyclovir and escitalopram. A name the
table knows makes a question medical (answer/lexicon.py), adds its generic to the search
(retrieve/synonyms.py) and lets the generic cover it (answer/synonyms.py).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

_WORD = re.compile(r"[A-Za-z][a-z]{4,}")
# messengers the body makes as well as drugs: "dopamine inhibits prolactin secretion" names no treatment
_ENDOGENOUS = frozenset({"dopamine", "serotonin", "cortisol", "acetylcholine", "glutamate", "noradrenaline"})


# the four letters the FDA adds to a biologic's name ("teprotumumab-trbw"), which the literature leaves out
_BIOLOGIC_SUFFIX = re.compile(r"(?<=[a-z]{5})-[a-z]{4}$")


@cache
def _table() -> dict[str, str]:
    text = files("curbside").joinpath("data/drug_names.txt").read_text(encoding="utf-8")
    return {name: _BIOLOGIC_SUFFIX.sub("", generic) for name, generic in (
        line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))}


def generic_of(word: str) -> str | None:
    """The generic name for a drug name (itself for a generic), or None for a word that is not one."""
    return _table().get(word.lower())


def drug_names() -> tuple[str, ...]:
    """Every name the table knows (brands, other names and generics), lower-case."""
    return tuple(_table())


def brand_generic(word: str) -> str | None:
    """The generic a brand (or other non-generic) name stands for; None for a generic or a non-drug."""
    generic = generic_of(word)
    return generic if generic is not None and generic != word.lower() else None


def drug_words(text: str) -> list[str]:
    """The words of ``text`` that name a drug, lower-cased ("… start R-CHOP … the last rituximab dose" →
    ["rituximab"])."""
    return [w for word in _WORD.findall(text)
            if (w := word.lower()) not in _ENDOGENOUS and generic_of(word) is not None]


def names_drug(text: str) -> bool:
    """``text`` names a drug ("lamotrigine is the drug of choice", "bromocriptine (Parlodel)")."""
    return bool(drug_words(text))


__all__ = ["brand_generic", "drug_names", "drug_words", "generic_of", "names_drug"]
