"""Checks on the hand-curated KB files for the world outside Indonesia.

Why: these YAML files are typed by hand. A wrong country code, a role key outside the shared
vocabulary, an end date before its start or two presidents at once would not crash anything;
they would quietly make the resolver pick the wrong actor or raise false `role_anachronism`
flags. These tests catch such slips when the files are edited, and pin a few facts and the
coverage the KB promises (every G20 and ASEAN government has a head and a foreign minister on
any day of 2014-2025).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import warta
from warta.kb.countries import countries
from warta.textutil import fold

CURATED = Path(warta.__file__).parent / "kb" / "data" / "curated"
MINE = ("international_leaders.yaml", "international_orgs.yaml", "media_international.yaml")

# The shared vocabulary of notes/ROLES.md.
ROLE_KEYS = frozenset(
    """head_of_state head_of_government president vice_president prime_minister
    deputy_prime_minister monarch chancellor foreign_minister defence_minister finance_minister
    interior_minister home_affairs_minister justice_minister trade_minister economy_minister
    coordinating_minister minister deputy_minister cabinet_secretary state_secretary
    attorney_general police_chief military_chief army_chief navy_chief air_force_chief
    intelligence_chief agency_head central_bank_governor speaker_of_parliament chief_justice
    governor mayor regent party_leader secretary_general spokesperson ambassador ceo
    chair""".split()
)
SECTORS = frozenset("GOV MIL COP JUD LEG OPP REB CVL BUS MED IGO NGO EDU REL PTY".split())
TYPES = frozenset({"PERSON", "ORG", "PLACE"})
ENTRY_REQUIRED = ("id", "name", "type", "country", "sector", "aliases", "source", "roles", "as_of")
ENTRY_OPTIONAL = frozenset({"wikidata", "domains"})
ROLE_REQUIRED = ("role", "title", "title_en", "country", "start", "end", "source")
ROLE_OPTIONAL = frozenset({"org", "portfolio", "acting"})

# Current ISO codes that CLDR's withdrawn aliases (DDR, BUR, YMD) once hid in countries.tsv.
CURRENT_CODES = frozenset({"DEU", "MMR", "YEM"})

# Acronyms genuinely shared by two bodies; the resolver must use context for these.
ALIAS_ALLOW = frozenset(fold(a) for a in ("PTI", "RSF"))

# Offices that one person holds at a time, keyed by (role, country, org).
EXCLUSIVE = frozenset(
    """head_of_state head_of_government president vice_president prime_minister chancellor
    monarch foreign_minister defence_minister finance_minister central_bank_governor
    speaker_of_parliament secretary_general""".split()
)
GOVERNMENT_HEAD = frozenset({"president", "prime_minister", "chancellor", "head_of_government"})

G20_STATES = "ARG AUS BRA CAN CHN FRA DEU IND ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA".split()
ASEAN_OUTSIDE_IDN = "BRN KHM LAO MYS MMR PHL SGP THA VNM".split()
# Mid-month days: away from the handover days that sources date differently by one day.
CHECK_DAYS = ("2015-06-15", "2019-06-15", "2023-03-15", "2025-03-15")
URL = re.compile(r"^https?://[^\s]+$")
QID = re.compile(r"^Q[1-9]\d*$")


# The C build of PyYAML's safe loader when present (same safe semantics, ~10x faster).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _load(path: Path) -> list[dict[str, Any]]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    assert isinstance(data, list), f"{path.name}: top level must be a list of entries"
    return data


@lru_cache(maxsize=1)
def _mine() -> tuple[tuple[str, dict[str, Any]], ...]:
    return tuple((name, e) for name in MINE for e in _load(CURATED / name))


def _entries() -> list[tuple[str, dict[str, Any]]]:
    return list(_mine())


def _roles() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for _, entry in _mine():
        for role in entry.get("roles") or []:
            yield entry, role


def _bounds(value: Any, where: str) -> tuple[dt.date, dt.date]:
    """First and last day a date value can mean: '2014' spans the year, '2014-03' the month."""
    if isinstance(value, dt.date):
        return value, value
    text = str(value)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    assert m, f"{where}: {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    year = int(m[1])
    if m[3]:
        day = dt.date(year, int(m[2]), int(m[3]))
        return day, day
    if m[2]:
        month = int(m[2])
        assert 1 <= month <= 12, f"{where}: bad month in {text!r}"
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _valid_codes() -> frozenset[str]:
    return frozenset(countries())


def _holders(role_keys: frozenset[str], country: str | None, day: str, org: str | None = None):
    """Ids of the actors whose roles in `role_keys` for `country` (and `org`) cover `day`."""
    when = dt.date.fromisoformat(day)
    out = []
    for entry, role in _roles():
        if role["role"] not in role_keys or role["country"] != country:
            continue
        if org is not None and role.get("org") != org:
            continue
        start = _bounds(role["start"], entry["id"])[0]
        end = dt.date.max if role["end"] is None else _bounds(role["end"], entry["id"])[0]
        if start <= when <= end:
            out.append(entry["id"])
    return out


# ---------------------------------------------------------------- schema


@pytest.mark.parametrize("name", MINE)
def test_file_is_a_nonempty_list(name: str) -> None:
    assert len(_load(CURATED / name)) > 50


def test_ids_are_unique_across_all_curated_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(CURATED.glob("*.yaml")):
        for entry in _load(path):
            eid = entry.get("id")
            assert isinstance(eid, str) and re.fullmatch(r"[a-z0-9_]+", eid), (path.name, eid)
            assert eid not in seen, f"id {eid!r} in {path.name} and {seen[eid]}"
            seen[eid] = path.name


def test_entries_have_the_schema() -> None:
    today = dt.date.today()
    codes = _valid_codes()
    for fname, e in _entries():
        where = f"{fname}:{e.get('id')}"
        for key in ENTRY_REQUIRED:
            assert key in e, f"{where}: missing {key}"
        extra = set(e) - set(ENTRY_REQUIRED) - ENTRY_OPTIONAL
        assert not extra, f"{where}: unknown keys {extra}"
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] != "", where
        assert e["type"] in TYPES, where
        assert e["sector"] in SECTORS, where
        assert e["country"] is None or e["country"] in codes, f"{where}: {e['country']}"
        assert isinstance(e["aliases"], list), where
        assert all(isinstance(a, str) and a.strip() for a in e["aliases"]), where
        assert URL.match(e["source"]), f"{where}: source {e['source']!r}"
        assert isinstance(e["roles"], list), where
        if "wikidata" in e:
            assert QID.match(str(e["wikidata"])), where
        assert _bounds(e["as_of"], where)[0] <= today, f"{where}: as_of in the future"


def test_roles_have_the_schema_and_sane_dates() -> None:
    codes = _valid_codes()
    for entry, r in _roles():
        where = f"{entry['id']}:{r.get('role')}:{r.get('start')}"
        for key in ROLE_REQUIRED:
            assert key in r, f"{where}: missing {key}"
        extra = set(r) - set(ROLE_REQUIRED) - ROLE_OPTIONAL
        assert not extra, f"{where}: unknown keys {extra}"
        assert r["role"] in ROLE_KEYS, f"{where}: role key not in ROLES.md"
        assert isinstance(r["title"], str) and r["title"], where
        assert isinstance(r["title_en"], str) and r["title_en"], where
        assert r["country"] is None or r["country"] in codes, f"{where}: {r['country']}"
        assert r["country"] is not None or r.get("org"), (
            f"{where}: a post with no country needs org"
        )
        assert URL.match(r["source"]), f"{where}: source"
        assert r.get("acting", False) in (True, False), where
        if r["role"] == "minister":
            assert r.get("portfolio"), f"{where}: role minister needs a portfolio"
        start_lo, _ = _bounds(r["start"], where)
        as_of_hi = _bounds(entry["as_of"], where)[1]
        assert start_lo <= as_of_hi, f"{where}: starts after the entry's as_of"
        if r["end"] is not None:
            _, end_hi = _bounds(r["end"], where)
            assert end_hi >= start_lo, f"{where}: ends before it starts"


def test_no_alias_is_claimed_by_two_actors() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for _, e in _entries():
        for form in {fold(x) for x in [e["name"], *e["aliases"]]}:
            if form in ALIAS_ALLOW:
                continue
            if form in owner and owner[form] != e["id"]:
                clashes.append((form, owner[form], e["id"]))
            owner.setdefault(form, e["id"])
    assert not clashes, clashes[:20]


# Ordinary Indonesian and English words (and Indonesian acronyms) that collide with short
# names of foreign actors: "sisi" (side), "akar" (root), "duda" (widower), "utusan" (envoy),
# "BBM" (fuel), "PKK" and "RT" (Indonesian community bodies), "Ani" (a common nickname).
# Matching them as aliases would tag half of Indonesian news with foreign actors.
COMMON_WORDS = frozenset(
    fold(w)
    for w in """akar ani anwar bbm bibi duda fed let pita pkk ria rt rw sisi utusan yunus
    amnesty commonwealth economist gallant garland guardian hague hockey holder inquirer
    lasso muscat pence salami turk""".split()
)


def test_no_alias_is_a_common_word() -> None:
    bad = [
        (e["id"], a)
        for _, e in _entries()
        for a in [e["name"], *e["aliases"]]
        if fold(a) in COMMON_WORDS
    ]
    assert not bad, bad


def test_a_persons_terms_in_one_office_do_not_overlap() -> None:
    """Consecutive terms are separate rows; overlapping rows of one person are a typing slip."""
    for _, e in _entries():
        rows = defaultdict(list)
        for r in e["roles"]:
            key = (r["role"], r["country"], r.get("org"), r.get("portfolio"), r.get("acting"))
            rows[key].append(r)
        for key, terms in rows.items():
            spans = sorted(
                (
                    _bounds(t["start"], e["id"])[0],
                    dt.date.max if t["end"] is None else _bounds(t["end"], e["id"])[0],
                )
                for t in terms
            )
            for (_, end1), (start2, _) in zip(spans, spans[1:], strict=False):
                assert start2 >= end1, f"{e['id']}: overlapping terms in {key}"


def test_sole_offices_have_one_holder_at_a_time() -> None:
    """Two presidents of one country on the same day means a date is wrong (acting excepted)."""
    spans = defaultdict(list)
    for entry, r in _roles():
        if r["role"] not in EXCLUSIVE or r.get("acting"):
            continue
        start = _bounds(r["start"], entry["id"])[0]
        end = dt.date.max if r["end"] is None else _bounds(r["end"], entry["id"])[0]
        spans[(r["role"], r["country"], r.get("org"))].append((start, end, entry["id"]))
    clashes = []
    for key, rows in spans.items():
        rows.sort()
        for (_, e1, who1), (s2, _, who2) in zip(rows, rows[1:], strict=False):
            if s2 < e1:
                clashes.append((key, who1, who2, str(s2)))
    assert not clashes, clashes


def test_country_table_has_current_codes() -> None:
    assert CURRENT_CODES <= set(countries())
    assert not {"DDR", "BUR", "YMD"} & set(countries())


# ---------------------------------------------------------------- coverage and facts


@pytest.mark.parametrize("day", CHECK_DAYS)
@pytest.mark.parametrize("country", G20_STATES + ASEAN_OUTSIDE_IDN + ["TLS"])
def test_every_government_has_a_head(country: str, day: str) -> None:
    assert _holders(GOVERNMENT_HEAD, country, day), f"nobody heads {country} on {day}"


@pytest.mark.parametrize("day", CHECK_DAYS)
@pytest.mark.parametrize("country", G20_STATES + ASEAN_OUTSIDE_IDN)
def test_every_government_has_a_foreign_minister(country: str, day: str) -> None:
    assert _holders(frozenset({"foreign_minister"}), country, day), (country, day)


@pytest.mark.parametrize("day", CHECK_DAYS)
@pytest.mark.parametrize("country", G20_STATES + ["BRN", "MYS", "PHL", "SGP", "THA", "VNM"])
def test_every_government_has_a_defence_minister(country: str, day: str) -> None:
    assert _holders(frozenset({"defence_minister"}), country, day), (country, day)


@pytest.mark.parametrize("day", CHECK_DAYS)
@pytest.mark.parametrize(
    ("role", "org"),
    [
        ("secretary_general", "United Nations"),
        ("secretary_general", "NATO"),
        ("secretary_general", "ASEAN"),
        ("president", "European Commission"),
        ("president", "European Council"),
        ("foreign_minister", "European Union"),
        ("chair", "African Union Commission"),
        ("agency_head", "World Health Organization"),
        ("agency_head", "International Monetary Fund"),
        ("president", "World Bank"),
    ],
)
def test_major_bodies_have_a_head(role: str, org: str, day: str) -> None:
    assert len(_holders(frozenset({role}), None, day, org)) == 1, (role, org, day)


@pytest.mark.parametrize(
    ("role", "country", "day", "expected"),
    [
        ("president", "USA", "2016-01-01", "barack_obama"),
        ("president", "USA", "2020-01-01", "donald_trump"),
        ("president", "USA", "2023-01-01", "joe_biden"),
        ("foreign_minister", "USA", "2022-03-01", "antony_blinken"),
        ("prime_minister", "MYS", "2019-01-01", "mahathir_mohamad"),
        ("prime_minister", "MYS", "2023-01-01", "anwar_ibrahim"),
        ("head_of_state", "UKR", "2022-03-01", "volodymyr_zelenskyy"),
        ("chancellor", "DEU", "2024-01-01", "olaf_scholz"),
        ("prime_minister", "GBR", "2022-10-01", "liz_truss"),
        ("prime_minister", "SGP", "2024-06-01", "lawrence_wong"),
        ("head_of_state", "VNM", "2025-01-01", "luong_cuong"),
    ],
)
def test_known_office_holders(role: str, country: str, day: str, expected: str) -> None:
    assert _holders(frozenset({role}), country, day) == [expected]


def test_acting_holders_are_marked_and_titled() -> None:
    acting = [(e["id"], r) for e, r in _roles() if r.get("acting")]
    assert any(eid == "han_duck_soo" for eid, _ in acting)
    assert all(r["title"].startswith("Penjabat ") for _, r in acting)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Zelensky", "volodymyr_zelenskyy"),
        ("Zelenskiy", "volodymyr_zelenskyy"),
        ("Xi Jin Ping", "xi_jinping"),
        ("Mahathir Mohammad", "mahathir_mohamad"),
        ("Perserikatan Bangsa-Bangsa", "united_nations"),
        ("Gedung Putih", "white_house"),
        ("Uni Eropa", "european_union"),
        ("Pakta Pertahanan Atlantik Utara", "nato"),
        ("Organisasi Kesehatan Dunia", "who"),
        ("Kantor Berita Xinhua", "xinhua"),
    ],
)
def test_press_forms_resolve_to_one_actor(form: str, expected: str) -> None:
    hits = [
        e["id"]
        for _, e in _entries()
        if fold(form) in {fold(x) for x in [e["name"], *e["aliases"]]}
    ]
    assert hits == [expected]


def test_media_are_organisations_with_domains() -> None:
    media = _load(CURATED / "media_international.yaml")
    for e in media:
        assert e["type"] == "ORG" and e["sector"] == "MED" and not e["roles"], e["id"]
        assert e.get("domains"), f"{e['id']}: no domains"
        for d in e["domains"]:
            assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", d), (e["id"], d)
