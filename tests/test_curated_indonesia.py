"""Schema and sanity checks for the hand-curated Indonesia KB files.

The curated YAML is data typed by hand, so the mistakes to catch are the ones people make
when typing: a duplicated id, a role key that the resolver does not know, a date that does
not parse or ends before it starts, a missing source, one alias given to two people, two
people holding the same single-holder office on the same day. A few facts are pinned as
well, so that an edit that breaks a well-known tenure fails loudly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
import yaml

from warta.kb.countries import countries
from warta.textutil import fold

CURATED = Path(__file__).resolve().parents[1] / "warta" / "kb" / "data" / "curated"
MINE = ("indonesia_government.yaml", "indonesia_orgs.yaml")

# Role keys of /work/notes/ROLES.md (the shared vocabulary).
ROLE_KEYS = frozenset("""
head_of_state head_of_government president vice_president prime_minister deputy_prime_minister
monarch chancellor foreign_minister defence_minister finance_minister interior_minister
home_affairs_minister justice_minister trade_minister economy_minister coordinating_minister
minister deputy_minister cabinet_secretary state_secretary attorney_general police_chief
military_chief army_chief navy_chief air_force_chief intelligence_chief agency_head
central_bank_governor speaker_of_parliament chief_justice governor mayor regent party_leader
secretary_general spokesperson ambassador ceo chair
""".split())
SECTORS = frozenset("GOV MIL COP JUD LEG OPP REB CVL BUS MED IGO NGO EDU REL PTY".split())
TYPES = frozenset({"PERSON", "ORG", "PLACE"})
ENTRY_KEYS = frozenset({"id", "name", "type", "country", "sector", "aliases", "wikidata",
                        "source", "roles", "as_of"})
ROLE_FIELDS = frozenset({"role", "title", "title_short", "country", "org", "portfolio", "start",
                         "end", "source"})
# Aliases that two actors may legitimately share (a resolver must then use context).
# Folded form. Empty today: add a name here only on purpose, with a comment saying who.
SHARED_ALIASES: frozenset[str] = frozenset()
# Offices one person holds at a time; acting holders ("Pelaksana Tugas", "Penjabat",
# "ad interim") may overlap the titular holder (e.g. a governor on campaign leave).
ACTING = re.compile(r"Pelaksana Tugas|Penjabat|ad interim", re.IGNORECASE)
SINGLE_HOLDER_ROLES = frozenset({
    "president", "vice_president", "foreign_minister", "defence_minister", "finance_minister",
    "home_affairs_minister", "justice_minister", "trade_minister", "coordinating_minister",
    "minister", "state_secretary", "cabinet_secretary", "attorney_general", "police_chief",
    "military_chief", "army_chief", "navy_chief", "air_force_chief", "intelligence_chief",
    "agency_head", "central_bank_governor", "speaker_of_parliament", "chief_justice",
    "governor", "party_leader",
})
_ID = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
_URL = re.compile(r"^https?://\S+$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@cache
def load(name: str) -> list[dict]:
    path = CURATED / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path}: top level must be a list"
    return data


def mine() -> list[tuple[str, dict]]:
    return [(name, entry) for name in MINE for entry in load(name)]


def bounds(value: object, where: str) -> tuple[dt.date, dt.date]:
    """Earliest and latest day a (possibly partial) ISO date can mean."""
    if isinstance(value, dt.date):
        return value, value
    text = str(value)
    m = _DATE.match(text)
    assert m, f"{where}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = int(m[1]), m[2], m[3]
    if day:
        d = dt.date(year, int(month), int(day))
        return d, d
    if month:
        first = dt.date(year, int(month), 1)
        nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def where(fname: str, entry: dict, role: dict | None = None) -> str:
    base = f"{fname}:{entry.get('id', '?')}"
    return base if role is None else f"{base}:{role.get('role')}@{role.get('start')}"


def test_files_exist_and_are_lists() -> None:
    for name in MINE:
        assert load(name), f"{name} is empty"


def test_ids_unique_across_all_curated_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(CURATED.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for entry in entries:
            if not isinstance(entry, dict) or "id" not in entry:
                continue
            eid = entry["id"]
            assert eid not in seen, f"id {eid!r} in {path.name} already used in {seen[eid]}"
            seen[eid] = path.name


@pytest.mark.parametrize("fname", MINE)
def test_entry_schema(fname: str) -> None:
    codes = countries()
    for entry in load(fname):
        w = where(fname, entry)
        assert set(entry) <= ENTRY_KEYS, f"{w}: unknown keys {set(entry) - ENTRY_KEYS}"
        for key in ("id", "name", "type", "country", "sector", "aliases", "source", "roles",
                    "as_of"):
            assert key in entry, f"{w}: missing {key}"
        assert _ID.match(entry["id"]), f"{w}: id must be a lowercase ascii slug"
        assert isinstance(entry["name"], str) and entry["name"].strip(), f"{w}: empty name"
        assert entry["type"] in TYPES, f"{w}: type {entry['type']!r}"
        assert entry["sector"] in SECTORS, f"{w}: sector {entry['sector']!r}"
        assert entry["country"] is None or entry["country"] in codes, \
            f"{w}: country {entry['country']!r} is not ISO alpha-3"
        assert _URL.match(str(entry["source"])), f"{w}: source must be an http(s) URL"
        assert isinstance(entry["aliases"], list), f"{w}: aliases must be a list"
        assert all(isinstance(a, str) and a.strip() for a in entry["aliases"]), \
            f"{w}: empty alias"
        folded = [fold(a) for a in entry["aliases"]]
        assert len(set(folded)) == len(folded), f"{w}: duplicated alias"
        assert fold(entry["name"]) not in folded, f"{w}: alias repeats the name"
        bounds(entry["as_of"], f"{w}: as_of")
        assert isinstance(entry["roles"], list), f"{w}: roles must be a list"
        if entry["type"] == "ORG":
            assert entry["roles"] == [], f"{w}: organisations carry no roles"


@pytest.mark.parametrize("fname", MINE)
def test_role_schema_and_dates(fname: str) -> None:
    codes = countries()
    for entry in load(fname):
        as_of_hi = bounds(entry["as_of"], where(fname, entry))[1]
        for role in entry["roles"]:
            w = where(fname, entry, role)
            assert set(role) <= ROLE_FIELDS, f"{w}: unknown keys {set(role) - ROLE_FIELDS}"
            assert role.get("role") in ROLE_KEYS, f"{w}: role key not in ROLES.md"
            assert isinstance(role.get("title"), str) and role["title"].strip(), f"{w}: title"
            assert role.get("country") is None or role["country"] in codes, f"{w}: country"
            assert _URL.match(str(role.get("source", ""))), f"{w}: source must be http(s)"
            if role["role"] in ("minister", "coordinating_minister", "deputy_minister"):
                assert role.get("portfolio"), f"{w}: a {role['role']} needs a portfolio"
            assert "start" in role and "end" in role, f"{w}: start and end are required"
            start_lo, _ = bounds(role["start"], f"{w}: start")
            assert start_lo <= as_of_hi, f"{w}: starts after the entry's as_of"
            if role["end"] is not None:
                _, end_hi = bounds(role["end"], f"{w}: end")
                assert end_hi >= start_lo, f"{w}: end before start"


def test_no_alias_claimed_by_two_actors() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for fname, entry in mine():
        for form in {fold(entry["name"]), *(fold(a) for a in entry["aliases"])}:
            other = owner.setdefault(form, entry["id"])
            if other != entry["id"] and form not in SHARED_ALIASES:
                clashes.append(f"{form!r}: {other} and {entry['id']} ({fname})")
    assert not clashes, "aliases claimed twice:\n" + "\n".join(clashes)


def office_key(role: dict) -> tuple:
    return (role["role"], role.get("org") or role["title"], role.get("country"))


def test_single_holder_offices_do_not_overlap() -> None:
    """Two titular holders of one office on the same day is a typing error."""
    # A term is (earliest start, latest start, earliest end): a month-precise date such as
    # "2016-07" may begin any day of July, so only a certain overlap counts as an error.
    terms: dict[tuple, list[tuple[dt.date, dt.date, dt.date, str]]] = defaultdict(list)
    for fname, entry in mine():
        as_of_hi = bounds(entry["as_of"], fname)[1]
        for role in entry["roles"]:
            if role["role"] not in SINGLE_HOLDER_ROLES or ACTING.search(role["title"]):
                continue
            start_lo, start_hi = bounds(role["start"], entry["id"])
            end_lo = bounds(role["end"], entry["id"])[0] if role["end"] is not None else as_of_hi
            terms[office_key(role)].append((start_lo, start_hi, end_lo, entry["id"]))
    overlaps = []
    for key, spans in terms.items():
        spans.sort()
        # Compare each term with the latest-ending earlier term, so that a long term
        # overlapping a non-adjacent one is caught too. A handover day may count twice.
        _lo, _hi, last_end, last_who = spans[0]
        for _start_lo, start_hi, end_lo, who in spans[1:]:
            if who != last_who and (last_end - start_hi).days > 1:
                overlaps.append(f"{key}: {last_who} until {last_end} and {who} from {start_hi}")
            if end_lo >= last_end:
                last_end, last_who = end_lo, who
    assert not overlaps, "overlapping office holders:\n" + "\n".join(overlaps)


def holders(title: str, day: str) -> set[str]:
    """Ids of the people whose role `title` (exact) covers `day`."""
    d = dt.date.fromisoformat(day)
    out = set()
    for _fname, entry in mine():
        for role in entry["roles"]:
            if role["title"] != title:
                continue
            lo = bounds(role["start"], entry["id"])[0]
            hi = bounds(role["end"], entry["id"])[1] if role["end"] is not None else dt.date.max
            if lo <= d <= hi:
                out.add(entry["id"])
    return out


@pytest.mark.parametrize(("title", "day", "expected"), [
    ("Presiden Republik Indonesia", "2014-10-19", "susilo_bambang_yudhoyono"),
    ("Presiden Republik Indonesia", "2019-06-01", "joko_widodo"),
    ("Presiden Republik Indonesia", "2025-01-01", "prabowo_subianto"),
    ("Wakil Presiden Republik Indonesia", "2021-03-01", "maruf_amin"),
    ("Menteri Luar Negeri", "2016-01-01", "retno_marsudi"),
    ("Menteri Luar Negeri", "2025-03-01", "sugiono_menlu"),
    ("Menteri Keuangan", "2016-01-01", "bambang_brodjonegoro"),
    ("Menteri Keuangan", "2020-01-01", "sri_mulyani_indrawati"),
    ("Menteri Keuangan", "2025-10-01", "purbaya_yudhi_sadewa"),
    ("Menteri Pertahanan", "2022-01-01", "prabowo_subianto"),
    ("Menteri Dalam Negeri", "2023-01-01", "tito_karnavian"),
    ("Kepala Kepolisian Negara Republik Indonesia", "2020-06-01", "idham_azis"),
    ("Panglima Tentara Nasional Indonesia", "2019-01-01", "hadi_tjahjanto"),
    ("Gubernur DKI Jakarta", "2020-01-01", "anies_baswedan"),
    ("Ketua Dewan Perwakilan Rakyat", "2021-01-01", "puan_maharani"),
    ("Gubernur Bank Indonesia", "2017-01-01", "agus_martowardojo"),
])
def test_pinned_tenures(title: str, day: str, expected: str) -> None:
    assert holders(title, day) == {expected}


def test_gap_between_terms_is_empty() -> None:
    # Sri Mulyani left the finance ministry in 2010 and came back in July 2016.
    assert holders("Menteri Keuangan", "2013-01-01") == set()


def test_breadth() -> None:
    people = [e for _f, e in mine() if e["type"] == "PERSON"]
    orgs = [e for _f, e in mine() if e["type"] == "ORG"]
    assert len(people) >= 200
    assert sum(len(e["roles"]) for e in people) >= 300
    assert len(orgs) >= 200
    media = {e["name"] for e in orgs if e["sector"] == "MED"}
    assert {"Kompas", "Tempo", "Antara", "The Jakarta Post"} <= media
