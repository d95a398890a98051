"""Entities: find persons, organisations and places, link them to the KB (issue 3).

Fills ``article.entities`` (one Entity per mention, with label, canonical name, country,
KB actor id, role claim and confidence) and appends ``role_anachronism`` flags.

Indonesian text also gets the trained NER tagger's labels (``warta.ner``) for names the KB
and the cues of news writing leave untyped; English text is read by the rules alone
(capitalised spans, the KB gazetteer, titles and verbs of saying). Everything heavy (the
KB, the tagger) is loaded once per process when the stage is built.
"""

from __future__ import annotations

import logging
from typing import Any

from ..config import Options
from ..doc import Article
from ..kb.mentions import MentionFinder
from ..kb.resolve import Resolver
from ..kb.store import load_kb
from ..pipeline import register

log = logging.getLogger(__name__)


def _load_tagger() -> Any | None:
    """The Indonesian NER tagger, or None while its artifact is missing (rules only)."""
    try:
        from ..ner import load_tagger
    except ImportError:
        return None
    try:
        return load_tagger()
    except Exception as err:  # noqa: BLE001 (a missing/broken model must not stop the stage)
        log.warning("NER tagger unavailable, entities use rules and the KB only: %s", err)
        return None


def tag_sentences(tagger: Any, article: Article,
                  texts: list[str] | None = None) -> list[list[str]] | None:
    """BIO labels per sentence (aligned with article.tokens), or None without a tagger;
    ``texts``, if given, are the texts of article.tokens."""
    if tagger is None or article.lang == "en":
        return None
    if texts is None:
        texts = [t.text for t in article.tokens]
    return tagger.tag_many([texts[s.tok_start : s.tok_end] for s in article.sentences])


@register("entities", requires=("tokens", "lang", "published"), provides=("entities",))
def make_entities(options: Options):
    """Find persons, organisations and places and link them to the KB."""
    kb = load_kb(options.kb_path, options.kb_overlays)
    finder = MentionFinder(kb)
    resolver = Resolver(kb)
    resolver.warm()  # build lookup tables now, not on the first article
    tagger = _load_tagger()

    def entities(article: Article) -> Article:
        texts = [t.text for t in article.tokens]  # read once, used by both
        labels = tag_sentences(tagger, article, texts)
        mentions = finder.find(article, labels, texts)
        article.entities = resolver.resolve(article, mentions)
        return article

    return entities
