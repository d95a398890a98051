"""Seam: trust flags (issue 8). Later checks add to ``article.flags``."""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..pipeline import register


@register("flags", requires=("entities", "dates"), provides=("flags",))
def make_flags(options: Options):
    """Add the article-level trust checks."""

    def flags(article: Article) -> Article:
        return article

    return flags
