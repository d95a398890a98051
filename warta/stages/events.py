"""Seam: PLOVER events (issue 5). Fills ``article.events``."""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..pipeline import register


@register("events", requires=("entities", "dates", "quotes"), provides=("events",))
def make_events(options: Options):
    """Extract PLOVER events between actors."""

    def events(article: Article) -> Article:
        return article

    return events
