"""Answer generators: extractive (default), OpenAI-compatible, llama.cpp."""

from curbside.answer.generators.base import Draft, DraftBullet, DraftSection, Generator

__all__ = ["Draft", "DraftBullet", "DraftSection", "Generator"]
