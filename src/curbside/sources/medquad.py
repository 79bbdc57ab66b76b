"""MedQuAD consumer-health question/answer XML: one Document per topic file.

Each answered ``QAPair`` becomes a section labelled with its question. The three MedlinePlus
subsets whose answers the publishers removed (A.D.A.M., drugs, herbs) yield nothing: a file with
no answered pair is not an error, there is just nothing to retrieve.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from curbside.errors import SourceError
from curbside.records import Document, Kind, Section
from curbside.sources._medquad_text import answer_lines
from curbside.sources._text import clean_inline, now_iso
from curbside.sources._xml import parse_tree, text_of

ISSUERS = {
    "CancerGov": "National Cancer Institute (cancer.gov)",
    "GARD": "Genetic and Rare Diseases Information Center (GARD)",
    "GHR": "Genetics Home Reference (NLM)",
    "MPlusHealthTopics": "MedlinePlus (NLM)",
    "NIDDK": "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)",
    "NINDS": "National Institute of Neurological Disorders and Stroke (NINDS)",
    "NIHSeniorHealth": "NIHSeniorHealth (National Institute on Aging / NLM)",
    "NHLBI": "National Heart, Lung, and Blood Institute (NHLBI)",
    "CDC": "Centers for Disease Control and Prevention (CDC)",
    "ADAM": "A.D.A.M. Medical Encyclopedia (MedlinePlus)",
    "MPlusDrugs": "MedlinePlus Drug Information (NLM)",
    "MPlusHerbsSupplements": "MedlinePlus Herbs and Supplements (NLM)",
}
LICENSE = "CC BY 4.0"
# NIHSeniorHealth pages glue their sub-headings onto the next sentence (see _medquad_text).
GLUED_HEADINGS = frozenset({"NIHSeniorHealth"})


# Most files use <Document id source url>/<Focus>/<QAPairs><QAPair><Question><Answer>; a few NINDS
# and CDC files use older spellings (<doc docid corpus>, <doctitle-focus>, <qaPairs><pair>,
# <DiseaseFile fid>). Both are read.
ROOTS = ("Document", "DiseaseFile", "doc")
_ID_ATTRS = ("id", "fid", "docid")
_SOURCE_ATTRS = ("source", "corpus")


def _first_attr(elem: etree._Element, names: tuple[str, ...]) -> str:
    return next((v.strip() for n in names if (v := elem.get(n)) and v.strip()), "")


def _child(elem: etree._Element, *names: str) -> etree._Element | None:
    return next((c for c in elem if c.tag in names), None)


def iter_documents(path: Path) -> Iterator[Document]:
    root = parse_tree(path)
    if root.tag not in ROOTS:
        raise SourceError(str(path), f"not a MedQuAD file (root element <{root.tag}>)")
    source = _first_attr(root, _SOURCE_ATTRS)
    doc_id = _first_attr(root, _ID_ATTRS) or path.stem
    if path.stem.startswith(f"{doc_id}_"):
        # CancerGov splits one page into per-disease files (0000013_2_1.xml …) that all keep the
        # page's id; the file name is the only thing that tells them apart.
        doc_id = path.stem
    if not source:
        raise SourceError(str(path), "MedQuAD document without a source attribute")
    sections: list[Section] = []
    seen: set[tuple[str, str]] = set()
    pairs = _child(root, "QAPairs", "qaPairs")
    qa: list[tuple[str, str]] = []
    for pair in pairs if pairs is not None else ():
        if pair.tag not in ("QAPair", "pair"):
            continue
        answer_elem = _child(pair, "Answer", "answer")
        qa.append((text_of(_child(pair, "Question", "question")),
                   "".join(answer_elem.itertext()) if answer_elem is not None else ""))
    glued = source in GLUED_HEADINGS
    context = clean_inline(" ".join(raw for _, raw in qa)).lower() if glued else ""
    for question, raw in qa:
        answer = "\n".join(answer_lines(raw, glued_headings=glued, context=context))
        if not answer or (question, answer) in seen:
            continue
        seen.add((question, answer))
        sections.append(Section(question or "Answer", answer))
    if not sections:
        return
    yield Document(
        id=f"medquad:{source}:{doc_id}",
        kind=Kind.CONSUMER,
        title=text_of(_child(root, "Focus", "doctitle-focus")) or doc_id,
        sections=tuple(sections),
        source="medquad",
        issuer=ISSUERS.get(source, source),
        url=(root.get("url") or "").strip(),
        license=LICENSE,
        retrieved_at=now_iso(),
    )
