"""Time expressions (issue 4): fills ``article.dates``.

The work is done by the pure tagger :func:`warta.time.tag`; this stage runs it on the
article's text against its publication date, and leaves for later stages
``article.extras["date_by_sentence"]`` (sentence index -> its DateMentions). The events
stage can also call :func:`warta.time.dates_in_span` / :func:`warta.time.best_date_in_span`
on any clause.
"""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..pipeline import register
from ..time import by_sentence, tag


@register("dates", requires=("tokens", "lang", "published"), provides=("dates",))
def make_dates(options: Options):
    """Find and normalise time expressions against the article's date."""

    def dates(article: Article) -> Article:
        article.dates = tag(article.text, article.published, article.lang)
        article.extras["date_by_sentence"] = by_sentence(article)
        return article

    return dates
