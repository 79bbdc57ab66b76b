"""curbside — a self-hosted, evidence-grounded clinical answer engine."""

__version__ = "0.1.0"

__all__ = ["__version__"]
