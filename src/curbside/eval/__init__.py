"""Evaluation harnesses: retrieval (BEIR folders) and answers."""
