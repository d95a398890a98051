"""Direct and indirect quotes with their speakers (issue 4).

``find_quotes(article)`` returns the :class:`warta.doc.Quote` records of an article; the
``quotes`` stage (:mod:`warta.stages.quotes`) stores them on ``article.quotes``.

- :mod:`.marks`: quotation-mark pairing in every common style, over paragraphs;
- :mod:`.speakers`: reading and resolving a speaker phrase;
- :mod:`.extract`: reporting constructions and the whole article pass;
- :mod:`.lexicon`: the reporting verbs, titles and source words it relies on.
"""

from __future__ import annotations

from .extract import find_quotes
from .marks import QuoteSpan, find_quote_spans

__all__ = ["QuoteSpan", "find_quote_spans", "find_quotes"]
