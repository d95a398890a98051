"""PLOVER events (issue 5): who did what to whom, when. Fills ``article.events``.

The work is in :mod:`warta.events`; this module only registers it as a stage. The
lexicons are compiled once, when the stage is built, never per article.
"""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..events import extract_events
from ..events.lexicon import lexicon
from ..pipeline import register


@register("events", requires=("entities", "dates", "quotes"), provides=("events",))
def make_events(options: Options):
    """Extract PLOVER events between actors."""
    lexicon("id")
    lexicon("en")

    def events(article: Article) -> Article:
        article.events = extract_events(article)
        return article

    return events
