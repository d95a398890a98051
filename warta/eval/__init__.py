"""Scoring against hand-annotated gold articles (the rules of shared/gold/README.md)."""

from .scoring import PARTS, Score, evaluate, score_article  # noqa: F401
