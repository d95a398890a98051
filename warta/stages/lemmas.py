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


# per language: word form -> lemma, filled as words are met
_KNOWN: dict[str, dict[str, str]] = {"en": {}, "id": {}}


@register("lemmas", requires=("tokens", "lang"), provides=("lemmas",))
def make_lemmas(options: Options):
    """Add a lemma to every token (Indonesian for id/ms, English for en)."""

    def lemmas(article: Article) -> Article:
        lang = "en" if article.lang == "en" else "id"
        # one dict lookup per token; simplemma runs once per new word form
        known = _KNOWN[lang]
        get = known.get
        for tok in article.tokens:
            text = tok.text
            lem = get(text)
            if lem is None:
                lem = lemma(text, lang)
                if len(known) < 300_000:
                    known[text] = lem
            tok.lemma = lem
        return article

    return lemmas
