"""Readers for the KB's sources. Each returns records plus the problems it found.

A bad row never stops a build: it becomes a :class:`~warta.errors.KBError` naming the file
and line (or the entity id), collected in ``Problems``, and the rest of the file loads.
Readers:

- ``read_petrarch`` — PETRARCH2/TABARI ``.actors.txt`` dictionaries (MIT);
- ``read_entries`` — curated YAML, user overlays in YAML or JSON Lines, in the schema of
  ROLES.md (one entry per actor, roles with dates and a source each);
- ``read_overlay_csv`` — user overlays as CSV (one row per actor or per role);
- ``country_records`` — every country of ``countries.py`` as a PLACE actor.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.fuzz import ratio

from ..errors import KBError
from ..textutil import fold
from .countries import countries
from .model import ROLE_KEYS, SECTORS, TYPES, ActorRecord, Role, parse_partial_date
from .names import slug, title_case
from .roles import strip_titles


@dataclass
class Problems:
    """Warnings collected while reading; ``str(p)`` of each is one line with its place."""

    items: list[KBError] = field(default_factory=list)

    def add(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.items.append(KBError(message, source=source, line=line))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[KBError]:
        return iter(self.items)


# ---------------------------------------------------------------------------------------
# Countries


def country_records() -> list[ActorRecord]:
    out = []
    for c in countries().values():
        out.append(
            ActorRecord(
                id=f"country_{c.alpha3.lower()}",
                name=c.names[0],
                type="PLACE",
                country=c.alpha3,
                aliases=list(c.names[1:]),
                source="countries.tsv (CLDR + press forms)",
                origin="country",
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# PETRARCH2 / TABARI actor dictionaries

_CODE = re.compile(r"\[([^\]]*)\]")
_DATE_SPEC = re.compile(r"^(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+)|(\d+))$")
# Sector codes after the country part of a CAMEO actor code.
_SECTOR_OF = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "OPP": "OPP",
    "REB": "REB", "BUS": "BUS", "MED": "MED", "CVL": "CVL", "EDU": "EDU", "REL": "REL",
    "SPY": "SPY", "ELI": "ELI", "IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "PTY": "PTY",
    "HLH": "CVL", "HRI": "NGO", "IMG": "REB", "INS": "REB", "SEP": "REB", "UAF": "REB",
    "LAB": "CVL", "AGR": "CVL", "ENV": "NGO", "REF": "CVL", "CRM": "CVL", "RAD": "REB",
}
# Offices worth a dated role (ELI = "elite", a former or future office-holder: no office).
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"})
# Words that make a dictionary entry an organisation, not a person.
ORG_WORDS = frozenset(
    """
    ministry ministries department agency commission council committee court party
    parliament assembly army navy force forces police government administration office
    union league association organization organisation organizations federation front
    movement group bank fund institute institution university college school company
    corporation corp inc ltd co news agency times post press television radio network
    service services authority bureau board foundation society church congress senate
    brigade brigades battalion regiment guard guards militia cell cells nuclei faction
    alliance coalition tribunal secretariat mission commission programme program center
    centre network trust club academy cabinet embassy consulate directorate
    """.split()
)
# Category entries of PETRARCH ("ASEAN_COUNTRIES", "UN_ENVOY") that name no one actor.
_GENERIC_HEADS = frozenset(
    """
    countries ministers minister officials official envoy envoys peacekeeper peacekeepers
    monitor monitors bodies member members leaders leader spokesman
    delegation delegations troops soldiers forces staff workers representatives
    """.split()
)


def _petrarch_date(text: str) -> str:
    """'041020' -> '2004-10-20'; '19110101' -> '1911-01-01'. ValueError when malformed."""
    if len(text) == 6:
        yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
        year = 2000 + yy if yy <= 30 else 1900 + yy  # the files were written in 2014
    elif len(text) == 8:
        year, mm, dd = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    try:
        return date(year, mm, dd).isoformat()
    except ValueError:
        raise ValueError(f"date {text!r} is not a calendar date") from None


def _parse_code(body: str) -> tuple[str, str | None, str | None]:
    """'IDNGOV 041020-141020' -> ('IDNGOV', '2004-10-20', '2014-10-20'); ValueError if bad."""
    parts = body.strip().split(None, 1)
    if not parts:
        raise ValueError("empty code []")
    code = parts[0]
    if not re.fullmatch(r"[A-Z~][A-Z0-9~]{2,24}", code):
        raise ValueError(f"not an actor code: {code!r}")
    if len(parts) == 1:
        return code, None, None
    m = _DATE_SPEC.match(parts[1].strip())
    if not m:
        raise ValueError(f"cannot read the dates {parts[1].strip()!r} of [{body.strip()}]")
    if m.group(1):
        d = _petrarch_date(m.group(2))
        return (code, d, None) if m.group(1) == ">" else (code, None, d)
    if m.group(3):
        return code, _petrarch_date(m.group(3)), _petrarch_date(m.group(4))
    d = _petrarch_date(m.group(5))
    return code, d, d


@dataclass
class _Entry:
    root: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None, int]] = field(default_factory=list)
    comment: str = ""


def _petrarch_entries(path: Path, problems: Problems) -> Iterator[_Entry]:
    """The raw entries of a TABARI actor file, codes parsed, malformed codes reported."""
    cur: _Entry | None = None
    name = path.name
    try:
        text = path.read_text(encoding="utf-8", errors="strict")
    except UnicodeDecodeError as err:
        problems.add(f"not UTF-8 ({err.reason} at byte {err.start}); read with replacement",
                     source=name)
        text = path.read_bytes().decode("utf-8", errors="replace")
    for lineno, raw in enumerate(text.splitlines(), 1):
        line, _, comment = raw.partition("#")
        if not line.strip():
            if cur is not None and not raw.strip():
                yield cur
                cur = None
            continue
        codes = []
        for m in _CODE.finditer(line):
            body = m.group(1)
            if body.strip() in ("---", ""):
                continue
            try:
                code, start, end = _parse_code(body)
            except ValueError as err:
                problems.add(str(err), source=name, line=lineno)
                continue
            if start and end and end < start:
                problems.add(f"role [{body.strip()}] ends before it starts", source=name,
                             line=lineno)
                continue
            codes.append((code, start, end, lineno))
        head = _CODE.sub(" ", line).strip()
        if "[" in head or "]" in head:
            problems.add(f"unbalanced bracket in {raw.strip()!r}", source=name, line=lineno)
            head = head.replace("[", " ").replace("]", " ").strip()
        if line[:1] in (" ", "\t") and not head:
            if cur is None:
                problems.add("codes without an actor above them", source=name, line=lineno)
            else:
                cur.codes.extend(codes)
            continue
        if head.startswith("+"):
            if cur is None:
                problems.add(f"synonym {head!r} without an actor above it", source=name,
                             line=lineno)
                continue
            syn = head[1:].strip()
            if syn:
                cur.synonyms.append(syn)
            cur.codes.extend(codes)
            continue
        if head.startswith("!") or "=" in head:  # substitution sets of the agents file
            continue
        if cur is not None:
            yield cur
        cur = _Entry(head, lineno, codes=list(codes), comment=comment.strip())
    if cur is not None:
        yield cur


_DEMONYM_SUFFIXES = ("an", "ian", "ese", "ish", "i", "ic", "ean", "ine", "ite", "ch", "ot")
# English demonyms that share too little with their country's name to be recognised.
IRREGULAR_DEMONYMS = {
    "french": "FRA", "dutch": "NLD", "danish": "DNK", "swiss": "CHE", "welsh": "GBR",
    "scottish": "GBR", "english": "GBR", "british": "GBR", "filipino": "PHL",
    "philippine": "PHL", "thai": "THA", "lao": "LAO", "laotian": "LAO", "emirati": "ARE",
    "burmese": "MMR", "american": "USA", "us": "USA", "u s": "USA", "kiwi": "NZL",
    "malaysian": "MYS", "singaporean": "SGP", "bruneian": "BRN", "timorese": "TLS",
    "saudi": "SAU", "korean": "KOR", "south korean": "KOR", "north korean": "PRK",
    "palestinian": "PSE", "vietnamese": "VNM", "cambodian": "KHM", "chinese": "CHN",
    "taiwanese": "TWN", "japanese": "JPN", "indian": "IND", "pakistani": "PAK",
    "iranian": "IRN", "iraqi": "IRQ", "israeli": "ISR", "turkish": "TUR", "russian": "RUS",
    "ukrainian": "UKR", "german": "DEU", "italian": "ITA", "spanish": "ESP",
    "australian": "AUS", "indonesian": "IDN", "egyptian": "EGY", "syrian": "SYR",
    "qatari": "QAT", "jordanian": "JOR", "lebanese": "LBN", "yemeni": "YEM",
    "afghan": "AFG", "bangladeshi": "BGD", "canadian": "CAN", "mexican": "MEX",
    "brazilian": "BRA", "argentine": "ARG", "european": None,  # not a country
}


def _is_demonym(syn_folded: str, names_folded: list[str]) -> bool:
    if not syn_folded.endswith(_DEMONYM_SUFFIXES):
        return False
    for n in names_folded:
        k = min(len(n) - 2, 5)
        if k >= 3 and syn_folded != n and syn_folded.startswith(n[:k]):
            return True
    return False


def _looks_like_person(words: list[str], common: frozenset[str]) -> bool:
    """A dictionary entry without dates: 2–4 name-like words, no organisation words."""
    if not 2 <= len(words) <= 4:
        return False
    if any(w in ORG_WORDS or w in _GENERIC_HEADS for w in words):
        return False
    return sum(w in common for w in words) <= len(words) // 2 and not any(
        w.isdigit() for w in words
    )


@dataclass
class PetrarchResult:
    records: list[ActorRecord]
    demonyms: dict[str, str]  # folded demonym -> alpha3
    places: list[ActorRecord]  # cities and regions listed under a country's entry
    skipped: int = 0


def _country_of(code: str) -> str | None:
    c = code[:3]
    if c in countries():
        return c
    if c in ("IGO", "NGO", "MNC", "MED") and code[3:6] in countries():
        return code[3:6]
    return None


def _sector_of(code: str) -> str | None:
    rest = code[3:] if (code[:3] in countries() or code[:3] in ("IGO", "NGO", "MNC")) else code
    if code[:3] in ("IGO", "NGO", "MNC"):
        return _SECTOR_OF[code[:3]]
    for i in range(0, len(rest) - 2, 3):
        sec = _SECTOR_OF.get(rest[i : i + 3])
        if sec:
            return sec
    return _SECTOR_OF.get(code[:3])


def _clean_alias(raw: str, country: str | None, demonyms: dict[str, str]) -> str | None:
    """Title-case a dictionary synonym and cut titles and nationality off its front."""
    name = title_case(raw.replace("(", " ").replace(")", " "), country)
    words = name.split()
    # Folded words, each pointing back at the written word it came from
    # ("Secretary-General" gives two folded words, both from one written word).
    flat: list[str] = []
    owner: list[int] = []
    for i, w in enumerate(words):
        for f in fold(w).split():
            flat.append(f)
            owner.append(i)
    j = 0
    while j < len(flat):
        n, _ = strip_titles(flat[j:])
        if n:
            j += n
            continue
        f = flat[j]
        if f in demonyms or f in IRREGULAR_DEMONYMS or f in ("un", "the", "former", "ex"):
            j += 1
            continue
        break
    if j >= len(flat):
        return None
    if j and owner[j] == owner[j - 1]:  # the cut fell inside a written word: keep it whole
        return name
    rest = words[owner[j]:]
    return " ".join(rest) if rest else None


def _initials(name: str) -> str:
    return "".join(w[0] for w in fold(name).split() if w not in ("of", "the", "for", "and", "on"))


def _spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: its letters, in order, starting with the
    name's first letter, over a name of about as many words ("ASEAN", "Association of
    Southeast Asian Nations")."""
    a, words = acronym.lower(), fold(name).split()
    if len(a) < 2 or not words or words[0][0] != a[0] or len(words) < len(a) - 2:
        return False
    letters = iter("".join(words))
    return all(ch in letters for ch in a)


def _same_org(a: str, b: str) -> bool:
    """Two names under one PETRARCH code that name one body: spellings ("Jemaah
    Islamiyah"/"Jemaah Islamiya"), an acronym and its long form, one inside the other."""
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa or ratio(fa, fb) >= 80:
        return True
    short, long = (a, b) if len(fa) < len(fb) else (b, a)
    return " " not in fold(short) and _spells(short, long)


def _org_name(raw: str, synonyms: list[str], country: str | None) -> str:
    """Title-case an organisation's name, keeping acronyms upper-case (BBC, UN, ASEAN)."""
    words = [w for w in re.split(r"[_\s]+", raw.strip(" _")) if w]
    initials = {_initials(s.replace("_", " ")) for s in synonyms}
    if len(words) == 1:
        w = words[0]
        letters = w.replace(".", "").replace("-", "")
        if letters.isalpha() and (
            len(letters) <= 3 or not re.search(r"[AEIOUY]", letters.upper())
            or letters.lower() in initials or "." in w
        ):
            return w
    return title_case(raw, country, org=True)


def read_petrarch(
    paths: Iterable[Path], problems: Problems, common: frozenset[str] = frozenset()
) -> PetrarchResult:
    """Read PETRARCH2 actor files into records (people with dated roles, organisations)."""
    entries: list[tuple[Path, _Entry]] = []
    for path in paths:
        if not path.exists():
            problems.add("file not found", source=str(path))
            continue
        entries.extend((path, e) for e in _petrarch_entries(path, problems))

    # Pass 1: the countries' own entries give demonyms, spelling variants and places.
    demonyms: dict[str, str] = {}
    ambiguous: set[str] = set()
    places: list[ActorRecord] = []
    country_aliases: dict[str, list[str]] = {}
    for path, e in entries:
        if len(e.codes) != 1 or e.codes[0][1] or e.codes[0][0] not in countries():
            continue
        iso = e.codes[0][0]
        if fold(e.root.replace("_", " ")) not in {fold(n) for n in countries()[iso].names} and (
            "countryinfo" in e.comment.lower()
        ):
            continue
        names_f = [fold(n) for n in countries()[iso].names] + [fold(e.root.replace("_", " "))]
        for syn in e.synonyms:
            sf = fold(syn.replace("_", " "))
            if not sf or sf in names_f:
                continue
            full_demonym = any(sf.startswith(n) and len(sf) - len(n) <= 3 for n in names_f)
            if not full_demonym and any(ratio(sf, n) >= 80 for n in names_f):
                country_aliases.setdefault(iso, []).append(title_case(syn, iso))
                continue
            if full_demonym or _is_demonym(sf, names_f):
                if demonyms.get(sf, iso) != iso:
                    ambiguous.add(sf)
                demonyms[sf] = iso
                continue
            places.append(
                ActorRecord(
                    id=f"place_{slug(syn)}_{iso.lower()}",
                    name=title_case(syn, iso),
                    type="PLACE",
                    country=iso,
                    source=f"petrarch:{path.name}:{e.line}",
                    origin="petrarch",
                )
            )
    for sf in ambiguous:
        demonyms.pop(sf, None)
    for k, v in IRREGULAR_DEMONYMS.items():
        if v:
            demonyms.setdefault(k, v)

    # Pass 2: people and organisations.
    records: list[ActorRecord] = []
    org_groups: dict[str, ActorRecord] = {}
    skipped = 0
    for path, e in entries:
        if len(e.codes) == 1 and not e.codes[0][1] and e.codes[0][0] in countries():
            if not e.synonyms or fold(e.root.replace("_", " ")) in {
                fold(n) for n in countries()[e.codes[0][0]].names
            }:
                continue  # a country's own entry, read in pass 1
        if not e.codes:
            skipped += 1
            continue
        codes = [c for c in e.codes if not c[0].startswith("~")]
        if not codes:
            skipped += 1
            continue
        iso_votes = [c for c in (_country_of(code) for code, *_ in codes) if c]
        # most votes; a tie goes to the first code listed (a set would pick by hash seed)
        iso = max(dict.fromkeys(iso_votes), key=iso_votes.count) if iso_votes else None
        root_words = [fold(w) for w in re.split(r"[_\s]+", e.root) if w.strip("_")]
        if not root_words:
            skipped += 1
            continue
        dated = any(s or en for _, s, en, _ in codes)
        cmt = e.comment.lower()
        if "countryinfo" in cmt or "igorulers" in cmt:
            typ = "PERSON"
        elif "milnonstate" in path.name.lower():
            typ = "ORG"
        elif dated and _looks_like_person(root_words, common) or (
            dated and len(root_words) == 1 and root_words[0] not in common
        ):
            typ = "PERSON"
        elif _looks_like_person(root_words, common):
            typ = "PERSON"
        else:
            typ = "ORG"
        if typ == "ORG" and root_words[-1] in _GENERIC_HEADS:
            skipped += 1
            continue
        paren = [m.group(1).strip("_") for m in re.finditer(r"\(([^)]*)\)", e.root)]
        e.root = re.sub(r"\([^)]*\)", " ", e.root).strip(" _")
        e.synonyms = [re.sub(r"\([^)]*\)", " ", x).strip(" _") for x in e.synonyms] + [
            p for p in paren if p.replace("-", "").isalpha() and len(p) <= 8
        ]
        if typ == "PERSON":
            name = _clean_alias(e.root, iso, demonyms)
            if not name:  # a role, not a person ("UN_SECRETARY_GENERAL")
                skipped += 1
                continue
            aliases = [a for a in (_clean_alias(s, iso, demonyms) for s in e.synonyms) if a]
        else:
            name = _org_name(e.root, e.synonyms, iso)
            aliases = [_org_name(s, [e.root], iso) for s in e.synonyms]
        roles = []
        for code, start, end, lineno in codes:
            sector = _sector_of(code)
            if typ != "PERSON" or sector not in _OFFICE_SECTORS or not (start or end):
                continue
            roles.append(
                Role(role=None, country=_country_of(code), start=start, end=end,
                     source=f"petrarch:{path.name}:{lineno}", code=code, as_of="2014")
            )
        sectors = [s for s in (_sector_of(c) for c, *_ in codes) if s and s != "ELI"]
        if typ == "ORG" and len(codes) == 1 and len(codes[0][0]) >= 9:
            group = org_groups.get(codes[0][0])
            if group is not None and _same_org(group.name, name):
                # one organisation under several spellings, or its acronym (same code)
                group.aliases.extend([name, *aliases])
                continue
        rec = ActorRecord(
                id="",
                name=name,
                type=typ,
                country=iso,
                sector=sectors[0] if sectors else None,
                aliases=aliases,
                roles=roles,
                source=f"petrarch:{path.name}:{e.line}",
                origin="petrarch",
        )
        if typ == "ORG" and len(codes) == 1 and len(codes[0][0]) >= 9:
            org_groups.setdefault(codes[0][0], rec)
        records.append(rec)
    for rec in org_groups.values():  # "Asean" is ASEAN when its long name spells it
        if " " not in rec.name and any(_spells(rec.name, a) for a in rec.aliases):
            rec.name = rec.name.upper()
    for iso, names in country_aliases.items():
        records.append(
            ActorRecord(id=f"country_{iso.lower()}", name=countries()[iso].names[0], type="PLACE",
                        country=iso, aliases=names, source="petrarch", origin="petrarch")
        )
    return PetrarchResult(records, demonyms, places, skipped)


def read_agents(path: Path, problems: Problems) -> dict[str, str]:
    """Generic role nouns of the agents file: folded phrase -> sector ("foreign minister": GOV)."""
    out: dict[str, str] = {}
    if not path.exists():
        problems.add("file not found", source=str(path))
        return out
    subs: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^([^\[{]+?)\s*(?:\{[^}]*\})?\s*\[~?(\w+)\]", line)
        if not m:
            continue
        phrase, code = m.group(1).strip(), m.group(2)
        forms = [phrase]
        for key, repl in subs.items():
            if f"!{key}!" in phrase:
                forms = [phrase.replace(f"!{key}!", r) for r in repl]
        sector = _SECTOR_OF.get(code[:3], code[:3])
        for f in forms:
            k = fold(f.replace("_", " "))
            if k:
                out.setdefault(k, sector)
    return out


# ---------------------------------------------------------------------------------------
# Curated YAML, overlays (YAML, JSON Lines, CSV)


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping (as ``__line__``)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _str_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    return None


def _country(value: Any) -> str | None:
    if value in (None, "", "null"):
        return None
    code = str(value).strip().upper()
    if code not in countries():
        raise ValueError(f"unknown country code {value!r} (ISO 3166-1 alpha-3 expected)")
    return code


def entry_to_record(
    entry: dict[str, Any], *, source: str, line: int | None, origin: str, problems: Problems
) -> ActorRecord | None:
    """Validate one entry of the curated schema; None (with a problem) when unusable."""
    where = {"source": source, "line": line}
    if not isinstance(entry, dict):
        problems.add(f"an entry must be a mapping, not {type(entry).__name__}", **where)
        return None
    ident = entry.get("id")
    name = entry.get("name")
    if not name or not isinstance(name, str):
        problems.add(f"entry {ident or '?'} has no name", **where)
        return None
    if not ident:
        ident = slug(name)
    ident = str(ident)
    if not re.fullmatch(r"[a-z0-9_]+", ident):
        problems.add(f"id {ident!r} is not a lowercase ascii slug; using {slug(ident)!r}", **where)
        ident = slug(ident)
    typ = str(entry.get("type") or "").upper()
    if typ not in TYPES:
        problems.add(f"entry {ident}: type {entry.get('type')!r} is not one of {TYPES}", **where)
        return None
    try:
        country = _country(entry.get("country"))
    except ValueError as err:
        problems.add(f"entry {ident}: {err}", **where)
        country = None
    sector = entry.get("sector")
    if sector is not None and str(sector).upper() not in SECTORS:
        problems.add(f"entry {ident}: unknown sector {sector!r}", **where)
        sector = None
    aliases = _str_list(entry.get("aliases"))
    if aliases is None:
        problems.add(f"entry {ident}: aliases must be a list of names", **where)
        aliases = []
    as_of = entry.get("as_of")
    try:
        as_of = parse_partial_date(as_of)
    except ValueError as err:
        problems.add(f"entry {ident}: as_of: {err}", **where)
        as_of = None
    if not entry.get("source") and not entry.get("roles"):
        problems.add(f"entry {ident} has no source", **where)
    roles: list[Role] = []
    raw_roles = entry.get("roles") or []
    if not isinstance(raw_roles, list):
        problems.add(f"entry {ident}: roles must be a list", **where)
        raw_roles = []
    for r in raw_roles:
        rline = r.get("__line__", line) if isinstance(r, dict) else line
        rwhere = {"source": source, "line": rline}
        if not isinstance(r, dict):
            problems.add(f"entry {ident}: a role must be a mapping", **rwhere)
            continue
        key = r.get("role")
        if key not in ROLE_KEYS:
            problems.add(f"entry {ident}: unknown role key {key!r}", **rwhere)
            continue
        try:
            start = parse_partial_date(r.get("start"))
            end = parse_partial_date(r.get("end"))
        except ValueError as err:
            problems.add(f"entry {ident}, role {key}: {err}", **rwhere)
            continue
        try:
            rcountry = _country(r.get("country", country))
        except ValueError as err:  # keep the term; only its country is unknown
            problems.add(f"entry {ident}, role {key}: {err}", **rwhere)
            rcountry = None
        if start and end and end < start[: len(end)]:
            problems.add(f"entry {ident}, role {key}: ends ({end}) before it starts ({start})",
                         **rwhere)
            continue
        if not r.get("source"):
            problems.add(f"entry {ident}, role {key} has no source", **rwhere)
        roles.append(
            Role(role=key, title=r.get("title"), country=rcountry, org=r.get("org"),
                 portfolio=r.get("portfolio"), start=start, end=end,
                 source=r.get("source"), as_of=as_of)
        )
    wikidata = entry.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q\d+", str(wikidata)):
        problems.add(f"entry {ident}: wikidata {wikidata!r} is not a Q-id", **where)
        wikidata = None
    loc = f"{source}:{line}" if line else source
    return ActorRecord(
        id=ident, name=name.strip(), type=typ, country=country,
        sector=str(sector).upper() if sector else None,
        aliases=[a.strip() for a in aliases if a and a.strip()], roles=roles,
        wikidata=str(wikidata) if wikidata else None, source=entry.get("source") or loc,
        origin=origin, parent=entry.get("parent"), loc=loc,
    )


def read_entries(path: Path, origin: str, problems: Problems) -> list[ActorRecord]:
    """Read a YAML list (or JSON Lines) of entries in the curated schema."""
    name = path.name if origin != "overlay" else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add("file not found", source=name)
        return []
    except UnicodeDecodeError as err:
        problems.add(f"not UTF-8 text (byte {err.start})", source=name)
        return []
    out = []
    if path.suffix == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as err:
                problems.add(f"not JSON: {err.msg}", source=name, line=lineno)
                continue
            rec = entry_to_record(entry, source=name, line=lineno, origin=origin,
                                  problems=problems)
            if rec:
                out.append(rec)
        return out
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problems.add(f"not valid YAML: {getattr(err, 'problem', err)}", source=name,
                     line=mark.line + 1 if mark else None)
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add("the file must be a YAML list of entries", source=name)
        return []
    for entry in data:
        line = entry.pop("__line__", None) if isinstance(entry, dict) else None
        rec = entry_to_record(entry, source=name, line=line, origin=origin, problems=problems)
        if rec:
            out.append(rec)
    return out


CSV_COLUMNS = ("id", "name", "type", "country", "sector", "aliases", "wikidata", "role",
               "title", "role_country", "org", "portfolio", "start", "end", "source")


def read_overlay_csv(path: Path, problems: Problems) -> list[ActorRecord]:
    """CSV overlay: one row per actor or per role; rows with the same id are one actor.

    Columns (header required): id, name, type, country, sector, aliases (``|``-separated),
    wikidata, role, title, role_country, org, portfolio, start, end, source.
    """
    name = str(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        problems.add("file not found", source=name)
        return []
    by_id: dict[str, dict[str, Any]] = {}
    with handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            return []
        except (csv.Error, UnicodeDecodeError) as err:
            problems.add(f"cannot read the header: {err}", source=name, line=1)
            return []
        missing = [c for c in ("name", "type") if c not in header]
        if missing:
            problems.add(f"the header lacks {', '.join(missing)}", source=name, line=1)
            return []
        unknown = [h for h in header if h not in CSV_COLUMNS]
        if unknown:
            problems.add(f"unknown columns ignored: {', '.join(unknown)}", source=name, line=1)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as err:
                problems.add(f"malformed row: {err}", source=name, line=reader.line_num)
                continue
            lineno = reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(header):
                problems.add(f"row has {len(row)} fields, the header {len(header)}",
                             source=name, line=lineno)
                continue
            rec = dict(zip(header, (c.strip() for c in row), strict=True))
            if not rec.get("name"):
                problems.add("row has no name", source=name, line=lineno)
                continue
            ident = rec.get("id") or slug(rec["name"])
            entry = by_id.get(ident)
            if entry is None:
                entry = by_id[ident] = {
                    "id": ident, "name": rec["name"], "type": rec.get("type"),
                    "country": rec.get("country") or None, "sector": rec.get("sector") or None,
                    "aliases": [a for a in (rec.get("aliases") or "").split("|") if a.strip()],
                    "wikidata": rec.get("wikidata") or None, "source": rec.get("source") or None,
                    "roles": [], "__line__": lineno,
                }
            if rec.get("role"):
                entry["roles"].append({
                    "role": rec["role"], "title": rec.get("title") or None,
                    "country": rec.get("role_country") or entry["country"],
                    "org": rec.get("org") or None, "portfolio": rec.get("portfolio") or None,
                    "start": rec.get("start") or None, "end": rec.get("end") or None,
                    "source": rec.get("source") or None, "__line__": lineno,
                })
    out = []
    for entry in by_id.values():
        line = entry.pop("__line__")
        r = entry_to_record(entry, source=name, line=line, origin="overlay", problems=problems)
        if r:
            out.append(r)
    return out


def read_overlay(path: Path, problems: Problems) -> list[ActorRecord]:
    """A user overlay by its extension: .yaml/.yml, .jsonl or .csv."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_overlay_csv(path, problems)
    if suffix in (".yaml", ".yml", ".jsonl"):
        return read_entries(path, "overlay", problems)
    problems.add("an overlay must be .yaml, .yml, .jsonl or .csv", source=str(path))
    return []
