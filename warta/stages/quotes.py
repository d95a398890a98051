"""Seam: direct and indirect quotes with speakers (issue 4). Fills ``article.quotes``."""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..pipeline import register


@register("quotes", requires=("sentences", "entities"), provides=("quotes",))
def make_quotes(options: Options):
    """Find quotes and attribute them to speakers."""

    def quotes(article: Article) -> Article:
        return article

    return quotes
