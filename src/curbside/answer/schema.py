"""The answer JSON schema (``answer_to_dict`` / ``answer_from_dict``).

Defined in ``curbside.store.answers`` (the store reads answers back without importing this
layer) and re-exported here as part of the answer API.
"""

from __future__ import annotations

from curbside.store.answers import SCHEMA_VERSION, answer_from_dict, answer_to_dict

__all__ = ["SCHEMA_VERSION", "answer_from_dict", "answer_to_dict"]
