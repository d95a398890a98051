"""Seam: time expressions (issue 4). Fills ``article.dates``."""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..pipeline import register


@register("dates", requires=("tokens", "lang", "published"), provides=("dates",))
def make_dates(options: Options):
    """Find and normalise time expressions against the article's date."""

    def dates(article: Article) -> Article:
        return article

    return dates
