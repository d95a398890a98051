"""Build the compiled KB (``data/kb.json.gz``) from every source, never half-written.

Sources, in priority order (a later source merges into an earlier actor of the same name,
type and country, so the first one's canonical name and id win):

1. countries (``countries.py``: CLDR names + press forms) as PLACE actors;
2. ``data/places_id.yaml``, ``places_world.yaml``, ``orgs_world.yaml`` — reference lists
   owned here: Indonesian provinces and capitals, world regions and seas, platforms;
3. ``data/curated/*.yaml`` — hand-curated actors with dated roles (2014–2026);
4. ``data/overlays/*`` — imported or user overlays kept in the repository (e.g. Wikidata);
5. overlays given on the command line — these *override* fields of an actor with their id;
6. PETRARCH2 dictionaries (people with dated roles to ~2014, IGOs, NGOs, media, companies).

The build writes a temporary file beside the target and renames it over the target, so a
reader sees either the old KB or the new one, never a partial file. Problems (bad rows,
conflicting aliases…) are collected as KBError warnings and reported; they do not stop it.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ..errors import KBError
from ..textutil import fold
from .model import ActorRecord, Role
from .names import slug, variants
from .sources import (
    IRREGULAR_DEMONYMS,
    Problems,
    country_records,
    read_agents,
    read_entries,
    read_overlay,
    read_petrarch,
)

DATA = Path(__file__).with_name("data")
DEFAULT_KB = DATA / "kb.json.gz"
CURATED_DIR = DATA / "curated"
OVERLAY_DIR = DATA / "overlays"
PLACES_FILE = DATA / "places_id.yaml"
# Reference lists owned here (sourced per entry): Indonesian places, world regions and
# seas, global platforms. Read before the curated files, with the same schema.
REFERENCE_FILES = (PLACES_FILE, DATA / "places_world.yaml", DATA / "orgs_world.yaml")
FORMAT = "warta-kb"
VERSION = 1
PETRARCH_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
# Origins whose data a person curated; two of them claiming one alias is worth a warning.
CURATED_ORIGINS = frozenset({"curated", "overlay", "wikidata", "reference"})
PRIORITY = {"country": 0, "reference": 1, "curated": 2, "wikidata": 3, "overlay": 4,
            "petrarch": 5}


def default_petrarch_dir() -> Path:
    """``$WARTA_PETRARCH``, else ``../shared/data/petrarch2`` beside the repository."""
    env = os.environ.get("WARTA_PETRARCH")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    return repo.parent / "shared" / "data" / "petrarch2"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words of English and Indonesian (simplemma's dictionaries), build-time only.

    A one-word alias that is also a common word ("Target", "Budi", "Rice") may not be
    matched on its own in text; it still resolves through the full name or coreference.
    """
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    out: set[str] = set()
    for lang in ("en", "id"):
        d = factory.get_dictionary(lang)._dict  # a mapping of bytes -> bytes
        for k, v in d.items():
            for w in (k, v):
                s = w.decode("utf-8", "replace")
                if s.islower() and s.isalpha():
                    out.add(s)
    return frozenset(out)


@dataclass
class BuildReport:
    path: Path
    actors: int = 0
    aliases: int = 0
    by_origin: dict[str, int] = field(default_factory=dict)
    problems: list[KBError] = field(default_factory=list)
    seconds: float = 0.0
    size: int = 0

    def summary(self) -> str:
        origins = ", ".join(f"{k} {v}" for k, v in sorted(self.by_origin.items()))
        return (
            f"{self.path}: {self.actors} actors ({origins}), {self.aliases} names, "
            f"{len(self.problems)} warnings, {self.size / 1e6:.1f} MB in {self.seconds:.1f} s"
        )


class _Merger:
    """Accumulates records; lower-priority records merge into matching earlier actors."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.actors: dict[str, ActorRecord] = {}
        self.by_name: dict[tuple[str, str], list[str]] = {}
        self.by_wd: dict[str, str] = {}
        # Names curated entries give themselves: a PETRARCH alias that one curated actor
        # claims is not copied onto another ("Nasrallah" is not Hezbollah).
        self.curated_names: dict[str, str] = {}

    def _names_key(self, rec: ActorRecord, *, incoming: bool = False) -> list[tuple[str, str]]:
        """Merge keys. One word is too weak to identify a person, except that a mononym
        ("Suharto") may meet the same mononym (an incoming record's own canonical name)."""
        keys = []
        mononym = incoming and rec.type == "PERSON" and " " not in fold(rec.name)
        for n in rec.all_names():
            f = fold(n)
            if f and (" " in f or rec.type != "PERSON" or (mononym and f == fold(rec.name))):
                keys.append((rec.type, f))
        return keys

    def _index(self, rec: ActorRecord) -> None:
        if rec.wikidata:
            self.by_wd.setdefault(rec.wikidata, rec.id)
        keys = self._names_key(rec)
        if rec.type == "PERSON":  # let mononyms and one-word aliases be found, same country
            keys += [(rec.type, fold(n)) for n in rec.all_names() if " " not in fold(n)]
        for k in keys:
            ids = self.by_name.setdefault(k, [])
            if rec.id not in ids:
                ids.append(rec.id)

    def _find(self, rec: ActorRecord) -> ActorRecord | None:
        if rec.wikidata and rec.wikidata in self.by_wd:
            return self.actors[self.by_wd[rec.wikidata]]
        for k in self._names_key(rec, incoming=True):
            for ident in self.by_name.get(k, ()):
                other = self.actors[ident]
                if rec.country and other.country and rec.country != other.country:
                    continue
                if " " not in k[1] and rec.type == "PERSON" and not (
                    rec.country and rec.country == other.country
                    or fold(other.name) == fold(rec.name)
                ):
                    continue
                if rec.type == "PERSON" and (rec.country is None) != (other.country is None) and (
                    len(k[1].split()) < 3 and "-" not in rec.name + other.name
                ):
                    continue  # one country unknown: only a long full name is safe to merge
                return other
        return None

    def _absorb(self, into: ActorRecord, rec: ActorRecord) -> None:
        names = set(into.all_names())
        for n in rec.all_names():
            if n in names:
                continue
            owner = self.curated_names.get(fold(n))
            if rec.origin == "petrarch" and owner is not None and owner != into.id:
                continue
            into.aliases.append(n)
            names.add(n)
        have = {tuple(r.as_row()[:7]) for r in into.roles}
        curated_terms = [r for r in into.roles if r.role and r.start]
        for r in rec.roles:
            if tuple(r.as_row()[:7]) in have:
                continue
            if rec.origin == "petrarch" and r.role is None and curated_terms and (
                r.end is None or any(_overlap(r, c) for c in curated_terms)
            ):
                continue  # a dated curated term says more than a 2014 sector code
            into.roles.append(r)
        into.country = into.country or rec.country
        into.sector = into.sector or rec.sector
        into.wikidata = into.wikidata or rec.wikidata

    def _new_id(self, rec: ActorRecord) -> str:
        base = slug(rec.name)
        if base not in self.actors:
            return base
        if rec.country:
            cand = f"{base}_{rec.country.lower()}"
            if cand not in self.actors:
                return cand
        n = 2
        while f"{base}_{n}" in self.actors:
            n += 1
        return f"{base}_{n}"

    def add(self, rec: ActorRecord, *, override: bool = False) -> None:
        if rec.id and rec.id in self.actors:
            old = self.actors[rec.id]
            if override:  # a user overlay corrects the actor: given fields replace
                old.name = rec.name or old.name
                old.type = rec.type or old.type
                old.country = rec.country or old.country
                old.sector = rec.sector or old.sector
                old.wikidata = rec.wikidata or old.wikidata
                if rec.roles:
                    old.roles = list(rec.roles)
                for a in rec.aliases:
                    if a not in old.aliases:
                        old.aliases.append(a)
                old.source = rec.source
                old.origin = rec.origin
                self._index(old)
                return
            if fold(old.name) != fold(rec.name) or old.type != rec.type:
                self.problems.add(
                    f"id {rec.id} is used by two actors ({old.name!r} at {old.source}, "
                    f"{rec.name!r}); the second is merged into the first",
                    source=rec.source,
                )
            self._absorb(old, rec)
            self._index(old)
            return
        other = None if rec.origin == "curated" and rec.id else self._find(rec)
        if other is not None and PRIORITY.get(other.origin, 9) <= PRIORITY.get(rec.origin, 9):
            self._absorb(other, rec)
            self._index(other)
            return
        if not rec.id:
            rec.id = self._new_id(rec)
        self.actors[rec.id] = rec
        self._index(rec)
        if rec.origin in CURATED_ORIGINS:
            for n in rec.all_names():
                self.curated_names.setdefault(fold(n), rec.id)


def _overlap(a: Role, b: Role) -> bool:
    """Whether two terms share a day (open ends run on)."""
    a0, b0 = a.start or "0000", b.start or "0000"
    a1, b1 = a.end or "9999", b.end or "9999"
    return a0 <= b1 and b0 <= a1


def _alias_forms(rec: ActorRecord) -> list[str]:
    """The names matched in text: canonical, aliases and their systematic variants."""
    out: dict[str, None] = {}
    for n in rec.all_names():
        out.setdefault(n, None)
        if rec.type == "PERSON":
            for v in variants(n, rec.country):
                out.setdefault(v, None)
        elif "Kementerian" in n:  # the common misspelling "Kementrian"
            out.setdefault(n.replace("Kementerian", "Kementrian"), None)
    return list(out)


def _is_exact_case(alias: str, common: frozenset[str]) -> bool:
    """Short all-capital aliases that are also words (AS, RI, UN, PBB) match only as written."""
    letters = alias.replace(".", "").replace(" ", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) <= 5):
        return False
    return len(letters) <= 3 or letters.lower() in common


def compile_kb(
    records: Sequence[ActorRecord],
    demonyms: dict[str, str],
    agents: dict[str, str],
    problems: Problems,
) -> dict[str, Any]:
    """The compiled KB document (plain JSON types)."""
    common = common_words()
    actors_out: list[list[Any]] = []
    index: dict[str, list[int]] = {}
    exact: dict[str, list[str]] = {}
    weak: set[str] = set()
    claims: dict[str, list[int]] = {}
    for i, rec in enumerate(records):
        actors_out.append([
            rec.id, rec.name, rec.type, rec.country, rec.sector, rec.origin, rec.wikidata,
            rec.parent, rec.aliases, [r.as_row() for r in rec.roles], rec.source,
        ])
        for alias in _alias_forms(rec):
            key = fold(alias)
            if len(key) < 2 or key.isdigit():
                continue
            ids = index.setdefault(key, [])
            if i not in ids:
                ids.append(i)
            if _is_exact_case(alias, common):
                forms = exact.setdefault(key, [])
                if alias not in forms:
                    forms.append(alias)
            if " " not in key and key in common and rec.origin != "country":
                weak.add(key)
            if rec.origin in CURATED_ORIGINS and alias in rec.all_names():
                claims.setdefault(key, [])
                if i not in claims[key]:
                    claims[key].append(i)
    # A country's name is never weak ("China", "Turkey", "Jordan" are the countries).
    weak -= {fold(n) for r in records if r.origin == "country" for n in r.all_names()}
    for key, ids in claims.items():
        if len(ids) > 1:
            a, b = records[ids[0]], records[ids[1]]
            if a.type == "PLACE" and b.type == "PLACE" and a.country == b.country:
                continue  # a province and its capital of one name ("Bengkulu") are both real
            problems.add(
                f"alias {key!r} is claimed by {a.id} ({a.loc or a.source}) and {b.id}"
                + (f" and {len(ids) - 2} more" if len(ids) > 2 else "")
                + "; both keep it and context decides",
                source=b.loc or b.source,
            )
    return {
        "format": FORMAT,
        "version": VERSION,
        "actors": actors_out,
        "index": index,
        "exact": exact,
        "weak": sorted(weak),
        "demonyms": demonyms,
        "agents": agents,
    }


@contextmanager
def replacing(out_path: Path, mode: str = "wb", **open_kw: Any) -> Iterator[IO[Any]]:
    """A file to write ``out_path`` through: a temp file beside it, renamed into place when
    the block ends and removed if it fails, so readers never see half a file."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out_path.name + ".", suffix=".tmp", dir=out_path.parent)
    try:
        with os.fdopen(fd, mode, **open_kw) as fh:
            yield fh
        os.replace(tmp, out_path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_atomically(doc: dict[str, Any], out_path: Path) -> int:
    """Write gzip'd JSON to a temp file beside ``out_path``, then rename it into place."""
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with replacing(out_path) as raw:
        os.fchmod(raw.fileno(), 0o644)  # mkstemp makes it private; the KB is a shared, committed file
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    return out_path.stat().st_size


def _overlay_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in (".yaml", ".yml", ".jsonl", ".csv"))


def gather(
    *,
    petrarch_dir: Path | None,
    curated_dir: Path = CURATED_DIR,
    overlay_dir: Path = OVERLAY_DIR,
    places_file: Path | None = PLACES_FILE,
    overlays: Iterable[Path] = (),
    problems: Problems,
) -> tuple[list[ActorRecord], dict[str, str], dict[str, str], dict[str, int]]:
    """Read every source and merge; returns (records, demonyms, agents, records per origin)."""
    merger = _Merger(problems)
    for rec in country_records():
        merger.add(rec)
    refs = REFERENCE_FILES if places_file == PLACES_FILE else (
        (places_file,) if places_file is not None else ())
    for ref in refs:
        if ref.exists():
            for rec in read_entries(ref, "reference", problems):
                merger.add(rec)
    if curated_dir.is_dir():
        for path in sorted(curated_dir.glob("*.y*ml")):
            for rec in read_entries(path, "curated", problems):
                merger.add(rec)
    for path in _overlay_files(overlay_dir):
        origin = "wikidata" if path.name.startswith("wikidata") else "overlay"
        recs = read_entries(path, origin, problems) if path.suffix != ".csv" else (
            read_overlay(path, problems))
        for rec in recs:
            merger.add(rec)
    demonyms: dict[str, str] = {k: v for k, v in IRREGULAR_DEMONYMS.items() if v}
    agents: dict[str, str] = {}
    if petrarch_dir is not None:
        if not petrarch_dir.is_dir():
            problems.add("PETRARCH2 folder not found; building without it",
                         source=str(petrarch_dir))
        else:
            res = read_petrarch([petrarch_dir / f for f in PETRARCH_FILES], problems,
                                common_words())
            demonyms.update(res.demonyms)
            for rec in res.records:
                merger.add(rec)
            for rec in res.places:
                rec.id = ""
                merger.add(rec)
            agents = read_agents(petrarch_dir / "Phoenix.agents.txt", problems)
    for path in overlays:
        for rec in read_overlay(Path(path), problems):
            merger.add(rec, override=True)
    records = list(merger.actors.values())
    counts: dict[str, int] = {}
    for r in records:
        counts[r.origin] = counts.get(r.origin, 0) + 1
    return records, demonyms, agents, counts


def build_kb(
    out_path: Path | str = DEFAULT_KB,
    *,
    petrarch_dir: Path | str | None = "default",
    curated_dir: Path | str = CURATED_DIR,
    overlay_dir: Path | str = OVERLAY_DIR,
    places_file: Path | str | None = PLACES_FILE,
    overlays: Iterable[Path | str] = (),
) -> BuildReport:
    """Build the KB from all sources into ``out_path`` (atomically); return a report."""
    t0 = time.perf_counter()
    out_path = Path(out_path)
    problems = Problems()
    pdir = default_petrarch_dir() if petrarch_dir == "default" else (
        Path(petrarch_dir) if petrarch_dir else None)
    records, demonyms, agents, counts = gather(
        petrarch_dir=pdir,
        curated_dir=Path(curated_dir),
        overlay_dir=Path(overlay_dir),
        places_file=Path(places_file) if places_file else None,
        overlays=[Path(p) for p in overlays],
        problems=problems,
    )
    records.sort(key=lambda r: (PRIORITY.get(r.origin, 9), r.id))
    doc = compile_kb(records, demonyms, agents, problems)
    doc["sources"] = {
        "petrarch2": str(pdir) if pdir else None,
        "curated": sorted(p.name for p in Path(curated_dir).glob("*.y*ml"))
        if Path(curated_dir).is_dir() else [],
        "overlays": [str(p) for p in overlays],
        "counts": counts,
    }
    doc["warnings"] = [str(p) for p in problems][:2000]
    size = write_atomically(doc, out_path)
    return BuildReport(
        path=out_path, actors=len(records), aliases=len(doc["index"]), by_origin=counts,
        problems=list(problems), seconds=time.perf_counter() - t0, size=size,
    )


def record_from_row(row: list[Any]) -> ActorRecord:
    """An ActorRecord from a compiled actor row (for tools that edit a built KB)."""
    ident, name, typ, country, sector, origin, wikidata, parent, aliases, roles, source = row
    return ActorRecord(ident, name, typ, country, sector, list(aliases),
                       [Role.from_row(r) for r in roles], wikidata, source, origin, parent)
