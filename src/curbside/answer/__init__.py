"""Answers: question → cited, verified, safety-checked Answer (``ask``), its JSON schema,
renderers (``curbside.answer.render``), verification (``curbside.answer.verify``) and the
generator registry (``get_generator``)."""

from curbside.answer.pipeline import ask
from curbside.answer.registry import available_generators, get_generator
from curbside.answer.schema import answer_from_dict, answer_to_dict

__all__ = ["answer_from_dict", "answer_to_dict", "ask", "available_generators", "get_generator"]
