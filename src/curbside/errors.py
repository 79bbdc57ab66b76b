"""One exception hierarchy for curbside.

::

    CurbsideError
    ├── ConfigError          bad setting, flag or config file
    ├── StoreError           the knowledge base cannot be opened / migrated / written
    │   └── NotFoundError    an id that is not in the store
    ├── SourceError          an input file that cannot be parsed (names the file)
    │   └── UnsupportedFormat   no parser recognises the file
    ├── EmbedError           the embedding model cannot be loaded or run
    ├── QueryError           a question or query that cannot be used (empty, too long)
    ├── GeneratorError       an answer generator failed (server down, bad output)
    ├── ReviewError          a review transition that is not allowed
    ├── FetchError           a remote literature service failed (network, HTTP status)
    └── MissingExtra         an optional dependency is absent; names the pip extra

Front ends catch ``CurbsideError`` and print its message as one line; anything else is a bug.
"""

from __future__ import annotations


class CurbsideError(Exception):
    """Base of every error curbside raises on purpose."""


class ConfigError(CurbsideError):
    pass


class StoreError(CurbsideError):
    pass


class NotFoundError(StoreError):
    pass


class SourceError(CurbsideError):
    """A file that cannot be parsed; the message starts with the file name."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnsupportedFormat(SourceError):
    pass


class EmbedError(CurbsideError):
    pass


class QueryError(CurbsideError):
    pass


class GeneratorError(CurbsideError):
    pass


class ReviewError(CurbsideError):
    pass


class FetchError(CurbsideError):
    pass


class MissingExtra(CurbsideError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f"{what} needs an optional dependency: pip install 'curbside[{extra}]'")
        self.extra = extra
