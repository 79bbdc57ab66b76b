"""BEIR ``corpus.jsonl`` (``_id``, ``title``, ``text``): one Document per line.

Ids are ``beir:<corpus>:<_id>`` where the corpus name defaults to the parent folder's name, so two
BEIR corpora ingested side by side never collide. Evaluation maps qrels ids back with
``beir_doc_id`` / ``raw_beir_id``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curbside.errors import SourceError
from curbside.records import Document, Section
from curbside.sources._jsonl import iter_records, require_str
from curbside.sources._text import clean_block, clean_inline, now_iso, split_run_in_labels
from curbside.sources.kinds import kind_from_text

_PREFIX = "beir:"
# Publisher SGML that reached some abstracts undecoded: ISO Greek entity names ("TGF-&bgr;",
# "&Dgr;") and "&NA;", a placeholder for an empty field. Entities outside this table stay as written.
_GREEK = dict(zip(
    "agr bgr ggr dgr egr zgr eegr thgr igr kgr lgr mgr ngr xgr ogr pgr rgr sgr tgr ugr phgr khgr psgr ohgr".split(),
    "αβγδεζηθικλμνξοπρστυφχψω", strict=True))
_GREEK |= {k[0].upper() + k[1:]: v.upper() for k, v in _GREEK.items()}
_SGML = re.compile(r"&([A-Za-z]{2,5});")
_PLACEHOLDER = re.compile(r"\s*&NA;\s*")


def _decode_sgml(text: str) -> str:
    if "&" not in text:
        return text
    text = _PLACEHOLDER.sub(" ", text)
    return _SGML.sub(lambda m: _GREEK.get(m.group(1), m.group(0)), text)



def beir_doc_id(corpus: str, raw_id: str) -> str:
    """Document id for BEIR corpus ``corpus`` and its own ``_id`` (which may contain ':')."""
    if not corpus or ":" in corpus:
        raise ValueError(f"BEIR corpus name must be non-empty and contain no ':' ({corpus!r})")
    return f"{_PREFIX}{corpus}:{raw_id}"


def raw_beir_id(doc_id: str) -> str:
    """The corpus's own ``_id`` back from a document id made by ``beir_doc_id``."""
    if not doc_id.startswith(_PREFIX) or ":" not in doc_id[len(_PREFIX):]:
        raise ValueError(f"not a BEIR document id: {doc_id!r}")
    return doc_id[len(_PREFIX):].split(":", 1)[1]


def corpus_name(path: Path) -> str:
    """Folder name of the corpus file (``.../scifact/corpus.jsonl`` → ``scifact``)."""
    name = path.resolve().parent.name.replace(":", "_")
    return name or "corpus"


def iter_documents(path: Path, corpus: str | None = None) -> Iterator[Document]:
    corpus = corpus or corpus_name(path)
    retrieved = now_iso()
    for lineno, obj in iter_records(path):
        raw_id = require_str(path, lineno, obj, "_id").strip()
        if not raw_id:
            raise SourceError(str(path), f"line {lineno}: empty '_id'")
        title = clean_inline(_decode_sgml(require_str(path, lineno, obj, "title", optional=True)))
        text = split_run_in_labels(clean_block(_decode_sgml(require_str(path, lineno, obj, "text", optional=True))))
        if not text and not title:
            continue  # nothing to retrieve; BEIR corpora contain a few such stubs
        yield Document(
            id=beir_doc_id(corpus, raw_id),
            kind=kind_from_text(title, text),
            title=title,
            sections=(Section("Abstract", text) if text else Section("Title", title),),
            source="beir",
            retrieved_at=retrieved,
        )
