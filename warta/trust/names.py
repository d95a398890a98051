"""The well-known multi-word names a spinner might alter: outlets, institutions, IGOs."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..kb.store import load_kb

# Origins a person vouched for; the 2014 PETRARCH dictionaries hold too many odd aliases.
_VOUCHED = ("curated", "overlay")


def _org_rows() -> Iterator[tuple[str, str, list[str]]]:
    """(name, origin, aliases) of every organisation in the compiled KB, read from the raw
    rows when the KB keeps them (decoding 30k actors only to read names would cost 0.1 s)."""
    actors = load_kb().actors
    rows = getattr(actors, "rows", None)
    if callable(rows):
        for row in rows():  # (id, name, type, country, sector, origin, wikidata, parent, aliases, …)
            if row[2] == "ORG":
                yield row[1], row[5], list(row[8] or ())
        return
    for a in actors:
        if a.type == "ORG":
            yield a.name, a.origin, list(a.aliases)


@lru_cache(maxsize=1)
def known_org_names() -> tuple[str, ...]:
    """Names and aliases (two words or more) of the organisations the curated KB vouches for.

    Read from the compiled KB, which the entities stage has loaded already (parsing the
    curated YAML again would cost a second of start-up per process)."""
    names: set[str] = set()
    for name, origin, aliases in _org_rows():
        if origin not in _VOUCHED:
            continue
        for n in (name, *aliases):
            if isinstance(n, str) and len(n.split()) >= 2:
                names.add(n.strip())
    return tuple(sorted(names))
