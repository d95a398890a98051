"""Seam: entity recognition and linking (issue 3). Fills ``article.entities``."""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..pipeline import register


@register("entities", requires=("tokens", "lang", "published"), provides=("entities",))
def make_entities(options: Options):
    """Find persons, organisations and places and link them to the KB."""

    def entities(article: Article) -> Article:
        return article

    return entities
