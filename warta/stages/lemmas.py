"""Lemmas with simplemma (Indonesian, English), cached per word form."""

from __future__ import annotations

from functools import lru_cache

import simplemma

from ..config import Options
from ..doc import Article
from ..pipeline import register


@lru_cache(maxsize=300_000)
def lemma(word: str, lang: str) -> str:
    if not word[:1].isalpha():
        return word
    return simplemma.lemmatize(word, lang=lang)


@register("lemmas", requires=("tokens", "lang"), provides=("lemmas",))
def make_lemmas(options: Options):
    """Add a lemma to every token (Indonesian for id/ms, English for en)."""

    def lemmas(article: Article) -> Article:
        lang = "en" if article.lang == "en" else "id"
        for tok in article.tokens:
            tok.lemma = lemma(tok.text, lang)
        return article

    return lemmas
