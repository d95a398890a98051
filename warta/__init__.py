"""Warta: structured, trustworthy event data from Indonesian and English news.

    >>> import warta
    >>> result = warta.analyze("Jakarta, Senin (21/11/2016) - ...", published=None)
    >>> result["entities"], result["events"], result["flags"]
"""

from __future__ import annotations

from typing import Any

from .config import DEFAULT_STAGES, Options
from .doc import Article
from .errors import WartaError
from .pipeline import Pipeline, get_pipeline, register

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_STAGES",
    "Article",
    "Options",
    "Pipeline",
    "WartaError",
    "analyze",
    "analyze_article",
    "get_pipeline",
    "register",
    "__version__",
]


def analyze_article(article: Article, options: Options | None = None) -> Article:
    """Run the pipeline on an Article record and return it, filled."""
    return get_pipeline(options)(article)


def analyze(
    text: str,
    *,
    published: str | None = None,
    lang: str | None = None,
    id: str = "article",
    title: str | None = None,
    url: str | None = None,
    options: Options | None = None,
) -> dict[str, Any]:
    """Analyse one article's text and return the analysis as a plain dict."""
    art = Article(id=id, text=text, published=published, lang=lang, title=title, url=url)
    return analyze_article(art, options).as_dict()
