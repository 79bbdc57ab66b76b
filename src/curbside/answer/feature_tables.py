"""A rare-disease page's table of signs and symptoms, read as sentences.

GARD's "What are the signs and symptoms of …?" pages list the Human Phenotype Ontology's features of the disease
with how often each is seen, flattened into one run of text ("Signs and Symptoms Approximate number of patients
(when available) Abnormal blistering of the skin 90% Abnormality of the eyebrow 90% … Woolly hair 7.5% Ectodermal
dysplasia - Fragile skin - …"), around eleven sentences of boilerplate on what the table is ("The frequency of a
sign or symptom is usually listed as a rough estimate …"). Read as it stands, the table was one 80-word
non-sentence or a string of fragments, and the boilerplate, which speaks of "signs and symptoms" in every
sentence, was the bottom line for "What are the symptoms of ABCD syndrome?". Here the boilerplate is left out and
the table read as one sentence, the most frequent features first, in its own words: "Signs and symptoms include:
abnormal blistering of the skin, abnormality of the eyebrow and skin ulcer (about 90% of patients); blepharitis and
dry skin (about 50%); …". A feature named in another disease's table is named in passing (``FEATURE_LIST``): "What
is blepharitis?" is not answered by a syndrome that has it among twenty signs."""

from __future__ import annotations

import re

_HEADER = re.compile(r"Signs and Symptoms Approximate number of patients \(when available\)\s*")
_TABLE_END = re.compile(r"\s*-?\s*(?=The Human Phenotype Ontology \(HPO\))")
# one row: the feature, then its frequency ("90%", "7.5%", "25/25") or "-" where none is known
_ROW = re.compile(r"(?P<name>\S.*?) (?P<freq>\d+(?:\.\d+)?%|\d+/\d+|-)(?= |$)")
# features that say how the disease is inherited or varies, not a sign of it
_NOT_SIGN = re.compile(r"inheritance$|^(?:sporadic|phenotypic variability|variable expressivity|incomplete "
                       r"penetrance|heterogeneous|genetic heterogeneity)$", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"(?:^|(?<=[.?!] ))[^.?!]*(?:Human Phenotype Ontology|MedlinePlus Medical Dictionary to look up|"
    r"comes from Orphanet|frequency of a sign or symptom|frequency may also be listed|first number of the fraction|"
    r"a frequency of 25/25|these frequencies are based on|no information on frequency is available|"
    r"the sign or symptom may be rare or common|table below includes how often)[^.]*\.\s*")
# (a cheap test first)
_GARD = re.compile(r"Human Phenotype Ontology|MedlinePlus Medical Dictionary|frequenc|Approximate number of patients")
_MAX_WORDS = 50  # of the sentence: the rarer features of a long table are left out
# what ``read`` writes: every feature named there is named in passing
FEATURE_LIST = re.compile(r"^Signs and symptoms include: ")


def _lower(name: str) -> str:
    """"Abnormality of the eyebrow" → "abnormality of the eyebrow"; "EEG abnormality" keeps its capitals."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _sentence(rows: str) -> str:
    """The table as one sentence, its most frequent features first: a reader asking what the disease does is
    told what most patients have before what a few have."""
    rows = rows.strip()
    if not re.search(r"(?:%|/\d+| -)$", rows):  # the last feature, its "-" cut off with the boilerplate
        rows += " -"
    bands: dict[str, list[str]] = {}
    for m in _ROW.finditer(rows):
        name = m.group("name").strip(" -")
        if name and not _NOT_SIGN.search(name):
            freq = m.group("freq")
            bands.setdefault(freq if freq.endswith("%") else "-", []).append(
                _lower(name) + (f" ({freq})" if "/" in freq else ""))
    parts: list[str] = []
    words = 3
    for freq, names in bands.items():
        kept = []
        for name in names:
            if words + len(name.split()) > _MAX_WORDS:
                break
            kept.append(name)
            words += len(name.split())
        if kept:
            share = "" if freq == "-" else f" (about {freq} of patients)" if not parts else f" (about {freq})"
            # (features of unknown frequency after the counted ones: "also", lest they read as the last count's)
            parts.append(("also " if freq == "-" and parts else "") + _joined(kept) + share)
        if len(kept) < len(names):
            break
    # (the colon marks one list, which ``simplify`` does not split at its semicolons)
    return f"Signs and symptoms include: {'; '.join(parts)}." if parts else ""


def read(text: str) -> str:
    """``text`` with a signs-and-symptoms table read as one sentence and the boilerplate around it left out; any other
    text is returned as it is."""
    if not _GARD.search(text):
        return text
    header = _HEADER.search(text)
    if header is None:
        return _BOILERPLATE.sub("", text)
    end = _TABLE_END.search(text, header.end())
    stop = end.start() if end else len(text)
    table = _sentence(text[header.end():stop])
    return _BOILERPLATE.sub("", text[:header.start()]) + table + " " + _BOILERPLATE.sub("", text[stop:]).lstrip(" -")
