"""The knowledge base at run time: load the compiled file once, answer lookups fast.

``load_kb()`` returns a process-wide cached :class:`KB` (the bundled ``data/kb.json.gz`` or
a given path, plus optional overlays merged in memory). Lookups:

- ``kb.candidates(name)``: actors one of whose names (or systematic variants) is ``name``;
- ``kb.roles_on(actor_id, date)``: the roles an actor held on a day;
- ``kb.fuzzy(name)``: near spellings of known names ("Jokow Widodo" → Joko Widodo);
- ``kb.lookup(name, date)``: what ``warta kb lookup`` prints.

The KB is a swappable part: anything with these methods can stand in for it.
"""

from __future__ import annotations

import gc
import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KBError
from ..textutil import fold
from .model import IMPLIES, Role, first_day, last_day

DEFAULT_KB = Path(__file__).with_name("data") / "kb.json.gz"
# Origins vouched for by a person (not the 2014 PETRARCH dictionaries).
FUZZY_MEMO_MAX = 50_000  # fuzzy look-ups remembered per KB (cleared when full)
CURATED_ORIGINS = frozenset({"curated", "overlay", "wikidata", "reference", "country"})


class Actor:
    """One actor of the compiled KB; roles are decoded on first use."""

    __slots__ = ("idx", "id", "name", "type", "country", "sector", "origin", "wikidata",
                 "parent", "aliases", "_roles_raw", "_roles", "source")

    def __init__(self, idx: int, row: Sequence[Any]) -> None:
        (self.id, self.name, self.type, self.country, self.sector, self.origin, self.wikidata,
         self.parent, self.aliases, self._roles_raw, self.source) = row
        self.idx = idx
        self._roles: list[Role] | None = None

    @property
    def roles(self) -> list[Role]:
        if self._roles is None:
            self._roles = [Role.from_row(r) for r in self._roles_raw]
            self._roles.sort(key=lambda r: (r.start or "", r.end or "9999"))
        return self._roles

    @property
    def has_dated_roles(self) -> bool:
        return any(r[0] and r[5] for r in self._roles_raw)

    @property
    def curated(self) -> bool:
        return self.origin in CURATED_ORIGINS

    def as_dict(self, day: date | str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "name": self.name, "type": self.type, "country": self.country,
            "sector": self.sector, "origin": self.origin, "wikidata": self.wikidata,
            "aliases": list(self.aliases), "source": self.source,
            "roles": [r.as_dict() for r in self.roles],
        }
        day = to_date(day)
        if day is not None:
            out["date"] = day.isoformat()
            out["roles_on_date"] = [r.as_dict() for r in self.roles if r.covers(day)]
        return out

    def __repr__(self) -> str:
        return f"Actor({self.id!r}, {self.name!r}, {self.type}, {self.country})"


class _LazyActors:
    """The actors, each decoded from its row on first use (30k objects cost 0.1 s)."""

    __slots__ = ("_rows", "_cache")

    def __init__(self, rows: list[Sequence[Any]]) -> None:
        self._rows = rows
        self._cache: list[Actor | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> Actor:
        a = self._cache[i]
        if a is None:
            a = self._cache[i] = Actor(i, self._rows[i])
        return a

    def __iter__(self):  # noqa: ANN204
        return (self[i] for i in range(len(self._rows)))

    def rows(self) -> list[Sequence[Any]]:
        return self._rows


@dataclass(frozen=True, slots=True)
class FuzzyHit:
    actor: Actor
    alias: str  # the known name that was matched
    score: float  # 0–100 (rapidfuzz ratio)
    distance: int  # edit distance between the folded forms


def to_date(value: str | date | None) -> date | None:
    """A date from ISO text (YYYY-MM-DD, or YYYY-MM / YYYY taken as their first day)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return first_day(str(value)[:10])
    except (ValueError, IndexError):
        return None


class KB:
    """The compiled knowledge base."""

    def __init__(self, doc: dict[str, Any], *, path: str = "<memory>") -> None:
        if doc.get("format") != "warta-kb":
            raise KBError("not a Warta KB file (format field missing)", source=path)
        self.path = path
        self.actors = _LazyActors(doc["actors"])
        self._by_id: dict[str, int] = {row[0]: i for i, row in enumerate(doc["actors"])}
        self.index: dict[str, list[int]] = doc["index"]
        self.exact: dict[str, list[str]] = doc.get("exact", {})
        self.weak: frozenset[str] = frozenset(doc.get("weak", ()))
        self.demonyms: dict[str, str] = doc.get("demonyms", {})
        self.agents: dict[str, str] = doc.get("agents", {})
        self.warnings: list[str] = list(doc.get("warnings", ()))
        self.sources: dict[str, Any] = doc.get("sources", {})
        self._first: dict[str, int] | None = None
        self._token_index: dict[str, list[int]] | None = None
        self._prefixes: dict[str, list[int] | None] | None = None
        # (folded name, max_distance, limit) -> fuzzy hits: names recur across articles
        self._fuzzy_memo: dict[tuple[str, int, int], tuple[FuzzyHit, ...]] = {}

    # -- names -------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        i = self._by_id.get(actor_id)
        return None if i is None else self.actors[i]

    def candidates(self, name: str, *, folded: bool = False) -> list[Actor]:
        """Actors known by ``name`` (any case; exact-case aliases such as "AS" checked)."""
        key = name if folded else fold(name)
        ids = self.index.get(key)
        if not ids:
            return []
        if not folded:
            forms = self.exact.get(key)
            if forms and name not in forms:  # "As" is not "AS" (Amerika Serikat)
                return []
        return [self.actors[i] for i in ids]

    def first_words(self) -> dict[str, int]:
        """First folded word of every name → the most words a name starting with it has."""
        if self._first is None:
            first: dict[str, int] = {}
            for key in self.index:
                ws = key.split(" ")
                if first.get(ws[0], 0) < len(ws):
                    first[ws[0]] = len(ws)
            self._first = first
        return self._first

    def name_prefixes(self) -> dict[str, list[int] | None]:
        """``index`` plus every word prefix of its names (mapped to None), so that a scan
        along the text can stop at the first words no name begins with."""
        if self._prefixes is None:
            out: dict[str, list[int] | None] = dict(self.index)
            for key in self.index:
                ws = key.split(" ")
                for i in range(1, len(ws)):
                    out.setdefault(" ".join(ws[:i]), None)
            self._prefixes = out
        return self._prefixes

    def token_index(self) -> dict[str, list[int]]:
        """Folded name word → curated persons having it (for "Retno" → Retno Marsudi)."""
        if self._token_index is None:
            idx: dict[str, list[int]] = {}
            for i, row in enumerate(self.actors.rows()):
                if row[2] != "PERSON" or row[5] not in CURATED_ORIGINS:
                    continue
                a = self.actors[i]
                for n in (a.name, *a.aliases):
                    for w in fold(n).split():
                        if len(w) > 2:
                            ids = idx.setdefault(w, [])
                            if a.idx not in ids:
                                ids.append(a.idx)
            self._token_index = idx
        return self._token_index

    def demonym(self, word: str) -> str | None:
        return self.demonyms.get(fold(word))

    # -- roles -------------------------------------------------------------------------
    def roles_on(self, actor_id: str, day: str | date) -> list[Role]:
        """The roles ``actor_id`` held on ``day`` (implied ones, e.g. a president's
        head_of_state, are not listed: see ``model.IMPLIES``)."""
        actor = self.get(actor_id)
        d = to_date(day)
        if actor is None or d is None:
            return []
        return [r for r in actor.roles if r.covers(d)]

    @staticmethod
    def role_keys(role: Role) -> tuple[str, ...]:
        if not role.role:
            return ()
        return (role.role, *IMPLIES.get(role.role, ()))

    # -- fuzzy -------------------------------------------------------------------------
    @lru_cache(maxsize=1)  # noqa: B019 (one KB per process; the cache lives as long)
    def _fuzzy_blocks(self) -> dict[str, list[tuple[str, int]]]:
        """Multi-word names of notable actors, blocked by first and last word."""
        blocks: dict[str, list[tuple[str, int]]] = {}
        for key, ids in self.index.items():
            ws = key.split(" ")
            if len(ws) < 2 or len(key) < 8:
                continue
            for i in ids:
                a = self.actors[i]
                if a.type == "PLACE" and a.origin == "petrarch":
                    continue
                for w in {ws[0], ws[-1]}:
                    blocks.setdefault(w, []).append((key, i))
        return blocks

    def fuzzy(self, name: str, *, max_distance: int = 2, limit: int = 3) -> list[FuzzyHit]:
        """Known names within a small edit distance of ``name`` (its first or last word
        must be right: a slip is one or two letters, not a different name). Remembered per
        folded name: the same names recur across articles."""
        key = fold(name)
        ws = key.split(" ")
        if len(ws) < 2 or len(key) < 8:
            return []
        memo_key = (key, max_distance, limit)
        hit = self._fuzzy_memo.get(memo_key)
        if hit is None:
            if len(self._fuzzy_memo) >= FUZZY_MEMO_MAX:  # bounded on long runs
                self._fuzzy_memo.clear()
            hit = self._fuzzy_memo[memo_key] = tuple(self._fuzzy(key, ws, max_distance, limit))
        return list(hit)

    def _fuzzy(self, key: str, ws: list[str], max_distance: int, limit: int) -> list[FuzzyHit]:
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.fuzz import ratio

        seen: set[tuple[str, int]] = set()
        hits: list[FuzzyHit] = []
        blocks = self._fuzzy_blocks()
        for w in {ws[0], ws[-1]}:
            for cand, i in blocks.get(w, ()):
                if (cand, i) in seen or cand == key:
                    continue
                seen.add((cand, i))
                allowed = 1 if len(key) < 14 else max_distance
                d = Levenshtein.distance(key, cand, score_cutoff=allowed)
                if d <= allowed:
                    hits.append(FuzzyHit(self.actors[i], cand, ratio(key, cand), d))
        hits.sort(key=lambda h: (h.distance, -h.score, not h.actor.curated))
        return hits[:limit]

    # -- the CLI's view ----------------------------------------------------------------
    def lookup(self, name: str, day: str | date | None = None) -> list[tuple[Actor, list[Role]]]:
        """Actors named ``name`` (exactly, else by near spelling) with their roles on ``day``."""
        found = self.candidates(name) or [h.actor for h in self.fuzzy(name)]
        d = to_date(day)
        out = []
        for a in found:
            out.append((a, [r for r in a.roles if r.covers(d)] if d else []))
        out.sort(key=lambda p: (not p[0].curated, -len(p[0]._roles_raw)))
        return out

    def __len__(self) -> int:
        return len(self.actors)


def read_kb_file(path: Path) -> dict[str, Any]:
    """Read a compiled KB, turning every way it can be broken into one KBError."""
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise KBError("KB file not found (run `warta kb build`)", source=str(path)) from None
    except (OSError, EOFError) as err:
        raise KBError(f"KB file is corrupt or truncated ({err}); rebuild it with "
                      "`warta kb build`", source=str(path)) from None
    # Building ~300k small objects would trigger many garbage-collector passes that find
    # nothing to free; pausing the collector halves the load time in a busy process.
    enabled = gc.isenabled()
    gc.disable()
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise KBError(f"KB file is not valid JSON ({err})", source=str(path)) from None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(doc, dict):
        raise KBError("KB file does not hold a KB document", source=str(path))
    return doc


def _merge_overlays(doc: dict[str, Any], overlays: Iterable[str]) -> dict[str, Any]:
    """Recompile the KB with user overlays on top (rare: only when Options name some)."""
    from .build import compile_kb, record_from_row
    from .sources import Problems, read_overlay

    problems = Problems()
    records = [record_from_row(r) for r in doc["actors"]]
    by_id = {r.id: r for r in records}
    for path in overlays:
        for rec in read_overlay(Path(path), problems):
            old = by_id.get(rec.id)
            if old is None:
                records.append(rec)
                by_id[rec.id] = rec
                continue
            old.name = rec.name
            old.type = rec.type
            old.country = rec.country or old.country
            old.aliases = list(dict.fromkeys([*old.aliases, *rec.aliases]))
            if rec.roles:
                old.roles = rec.roles
    new = compile_kb(records, doc.get("demonyms", {}), doc.get("agents", {}), problems)
    new["warnings"] = [*doc.get("warnings", ()), *(str(p) for p in problems)]
    new["sources"] = doc.get("sources", {})
    return new


_CACHE: dict[tuple[str, tuple[str, ...]], KB] = {}


def load_kb(path: str | Path | None = None, overlays: Sequence[str] = ()) -> KB:
    """The KB at ``path`` (default: the bundled one), cached for the process."""
    p = Path(path) if path else DEFAULT_KB
    key = (str(p), tuple(str(o) for o in overlays))
    kb = _CACHE.get(key)
    if kb is None:
        doc = read_kb_file(p)
        if overlays:
            doc = _merge_overlays(doc, overlays)
        kb = _CACHE[key] = KB(doc, path=str(p))
    return kb


def clear_cache() -> None:
    _CACHE.clear()


def day_span(role: Role) -> tuple[date | None, date | None]:
    """(first day, last day) of a role; None where the source gives no bound."""
    return (first_day(role.start) if role.start else None,
            last_day(role.end) if role.end else None)
