"""Fetched PubMed articles → Documents, through the same parser that file ingest uses.

``curbside.sources.pubmed`` reads files (it streams multi-GB baseline files), so the fetched
articles are written to a private temporary file and read back with ``iter_documents``; a parse
problem becomes a ``FetchError`` that names PubMed rather than the temporary path.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from curbside.errors import FetchError, SourceError
from curbside.literature.responses import join_articles
from curbside.records import Document


def documents_from_articles(articles: Iterable[str]) -> list[Document]:
    """Parse article XML fragments (as split from efetch responses) into Documents."""
    from curbside.sources.pubmed import iter_documents

    data = join_articles(articles)
    fd, name = tempfile.mkstemp(prefix="curbside-efetch-", suffix=".xml")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return list(iter_documents(path))
    except SourceError as exc:
        raise FetchError(f"cannot read the articles PubMed returned: {exc.problem}; nothing was stored") from None
    finally:
        path.unlink(missing_ok=True)
