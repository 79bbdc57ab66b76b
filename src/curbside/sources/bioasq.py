"""BioASQ gold snippets grouped by article (``snippets.jsonl``: ``pmid``, ``snippets``).

Each distinct snippet becomes a "Snippet" section. BioASQ snippets are sentences cut from the
title or abstract; which one was the title is not recorded, so the first snippet is used as the
title only when it reads like one (see ``_looks_like_title``), otherwise the title stays empty.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from curbside.errors import SourceError
from curbside.records import Document, Section
from curbside.sources._html import blocks_to_text, fragment_blocks
from curbside.sources._jsonl import iter_records, require_pmid
from curbside.sources._text import clean_block, now_iso, split_run_in_labels
from curbside.sources.kinds import kind_from_text
from curbside.sources.pubmed import pubmed_url

# A few snippets were cut from abstracts with their markup: "<br><b>CONCLUSION</b>: …", "p &lt; 0.01".
# Only these tags send a snippet through the HTML parser ("p<0.05" alone is plain text).
_MARKUP = re.compile(r"</?(?:br|b|i|u|em|strong|sup|sub|p|span)\b[^>]*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_SENTENCE_BREAK = re.compile(r"[.!?] +[A-Z]")
_FIRST_PERSON = re.compile(r"\b(we|our|us|here)\b", re.IGNORECASE)
# Declarative abstract sentences ("X is a potent agonist…") rarely read like titles.
_FINITE_VERB = re.compile(r"\b(is|are|was|were|has|have|had|been|can|could|may|might|should|would|will|did|does|do)\b")
_LABEL_PREFIX = re.compile(r"^[A-Z][A-Z /&-]{2,40}:")  # "BACKGROUND: …" is abstract text
# How abstract sentences (not titles) typically open.
_SENTENCE_OPENERS = re.compile(
    r"^(this|these|those|the (aim|purpose|objective|goal|results?|present|findings)|in (this|the present|"
    r"conclusion|summary|addition)|to (date|our|investigate|evaluate|determine|assess)|additional|"
    r"moreover|however|furthermore|results?|conclusions?|overall|thus|therefore|taken together|"
    r"although|recently|currently|it (is|was)|there (is|are|was|were)|all|one|another|some|most|many)\b",
    re.IGNORECASE,
)


def _looks_like_title(snippet: str) -> bool:
    """Heuristic, tuned to prefer no title over a wrong one: Title Case, or one short capitalised
    sentence without auxiliary verbs, first person, section label, citation marks or an opening
    typical of abstract prose."""
    if len(snippet) > 250 or "\n" in snippet or "[" in snippet or not snippet[:1].isupper():
        return False
    words = [w for w in snippet.split() if len(w) > 3]
    if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        return True
    return not (
        len(snippet) > 200 or len(snippet.split()) > 20 or _SENTENCE_BREAK.search(snippet)
        or _FIRST_PERSON.search(snippet) or _FINITE_VERB.search(snippet)
        or _LABEL_PREFIX.match(snippet) or _SENTENCE_OPENERS.match(snippet)
    )


def snippet_text(raw: str) -> str:
    """A snippet's clean text: markup and entities decoded, run-in abstract labels on their own line."""
    if _MARKUP.search(raw):
        raw = blocks_to_text(fragment_blocks(raw))
    elif _ENTITY.search(raw):
        raw = html.unescape(html.unescape(raw))  # some are escaped twice: "&amp;gt;60,000"
    return split_run_in_labels(clean_block(raw))


def iter_documents(path: Path) -> Iterator[Document]:
    retrieved = now_iso()
    for lineno, obj in iter_records(path):
        pmid = require_pmid(path, lineno, obj)
        raw = obj.get("snippets")
        if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
            raise SourceError(str(path), f"line {lineno}: 'snippets' should be a list of strings")
        snippets = list(dict.fromkeys(t for t in (snippet_text(s) for s in raw) if t))  # dedupe, keep order
        if not snippets:
            continue  # an article whose snippets were all blank has nothing to retrieve
        title = snippets[0] if _looks_like_title(snippets[0]) else ""
        yield Document(
            id=f"bioasq:{pmid}",
            kind=kind_from_text(title, " ".join(snippets)),
            title=title,
            sections=tuple(Section("Snippet", s) for s in snippets),
            source="bioasq",
            url=pubmed_url(pmid),
            pmid=pmid,
            license="BioASQ terms (research use)",
            retrieved_at=retrieved,
        )
