"""The knowledge base of actors: who is who, under which names, in which office when.

    >>> from warta.kb import load_kb
    >>> kb = load_kb()                                  # the bundled data/kb.json.gz
    >>> [a.name for a in kb.candidates("Jokowi")]       # doctest: +SKIP
    ['Joko Widodo']
    >>> kb.roles_on("joko_widodo", "2020-01-01")        # doctest: +SKIP

Modules: ``model`` (records, dates), ``names`` (title-casing, ids, spelling variants),
``roles`` (titles of news writing → role keys), ``sources`` (PETRARCH2, curated YAML,
overlays), ``build`` (compile, atomically), ``store`` (the runtime KB), ``wikidata``
(dump import), ``mentions`` + ``resolve`` (the entities stage's finder and resolver),
``commands`` (``warta kb …``).
"""

from __future__ import annotations

from .store import KB, Actor, load_kb

__all__ = ["KB", "Actor", "load_kb"]
