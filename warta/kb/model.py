"""The records of the knowledge base: actors, their names and their dated roles.

Every source (PETRARCH2 dictionaries, curated YAML, user overlays, Wikidata) is read into
these same records, so the builder merges one shape and the runtime reads one shape.

Dates are kept as the source gives them (``2016-07-27``, ``2016-07`` or ``2016``); a role
covers whole periods: ``start: 2016`` means from 1 January 2016, ``end: 2016`` until
31 December 2016. ``end: None`` means "still held as of the source's date".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

TYPES = ("PERSON", "ORG", "PLACE")
SECTORS = frozenset(
    "GOV MIL COP JUD LEG OPP REB CVL BUS MED IGO NGO EDU REL PTY SPY ELI".split()
)

# The role keys of /work/notes/ROLES.md, plus two regional offices that must never be
# compared with the national ones (a provincial police chief is not the national one).
ROLE_KEYS = frozenset(
    """
    head_of_state head_of_government president vice_president prime_minister
    deputy_prime_minister monarch chancellor foreign_minister defence_minister
    finance_minister interior_minister home_affairs_minister justice_minister trade_minister
    economy_minister coordinating_minister minister deputy_minister cabinet_secretary
    state_secretary attorney_general police_chief military_chief army_chief navy_chief
    air_force_chief intelligence_chief agency_head central_bank_governor
    speaker_of_parliament chief_justice governor mayor regent party_leader secretary_general
    spokesperson ambassador ceo chair
    regional_police_chief regional_military_commander
    """.split()
)

# A president of a presidential republic is also head of state and of government.
IMPLIES: dict[str, tuple[str, ...]] = {
    "president": ("head_of_state", "head_of_government"),
    "prime_minister": ("head_of_government",),
    "monarch": ("head_of_state",),
    "chancellor": ("head_of_government",),
}

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_partial_date(value: Any) -> str | None:
    """Normalise a date given as ISO text (YYYY, YYYY-MM, YYYY-MM-DD) or a date object.

    Raises ValueError with a readable message when the value is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    text = str(value).strip()
    m = _ISO_PARTIAL.match(text)
    if not m:
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if mo is None:
        return y
    if not 1 <= int(mo) <= 12:
        raise ValueError(f"not a date: {text!r} (month {mo})")
    if d is None:
        return f"{y}-{int(mo):02d}"
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError as err:
        raise ValueError(f"not a date: {text!r} ({err})") from None


def first_day(partial: str) -> date:
    """The first day a partial date covers: '2016' -> 2016-01-01."""
    parts = [int(p) for p in partial.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(partial: str) -> date:
    """The last day a partial date covers: '2016-02' -> 2016-02-29."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


@dataclass(slots=True)
class Role:
    """One continuous term in one office."""

    role: str | None  # a ROLE_KEYS key, or None for a generic office (PETRARCH sector codes)
    title: str | None = None  # as the local press writes it
    country: str | None = None  # whose office (ISO alpha-3), None for IGO posts
    org: str | None = None
    portfolio: str | None = None
    start: str | None = None  # partial ISO date
    end: str | None = None  # partial ISO date; None = open
    source: str | None = None  # URL or file:line
    code: str | None = None  # the PETRARCH/CAMEO code when the role came from there
    as_of: str | None = None  # the date up to which an open end is vouched for

    def covers(self, day: date) -> bool:
        """Whether the term includes ``day`` (open ends run on; open starts are unknown)."""
        if self.start is None:
            return False
        if first_day(self.start) > day:
            return False
        return self.end is None or last_day(self.end) >= day

    def as_row(self) -> list[Any]:
        return [self.role, self.title, self.country, self.org, self.portfolio, self.start,
                self.end, self.source, self.code, self.as_of]

    @classmethod
    def from_row(cls, row: list[Any]) -> Role:
        return cls(*row)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in zip(ROLE_FIELDS, self.as_row(), strict=True) if v is not None}


ROLE_FIELDS = ("role", "title", "country", "org", "portfolio", "start", "end", "source",
               "code", "as_of")


@dataclass(slots=True)
class ActorRecord:
    """An actor as the builder sees it: what a source says, before and after merging."""

    id: str
    name: str
    type: str  # PERSON | ORG | PLACE
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    wikidata: str | None = None
    source: str = ""  # where the record comes from: "curated:file.yaml:12", "petrarch:…"
    origin: str = "petrarch"  # petrarch | country | places | curated | overlay | wikidata
    parent: str | None = None  # for places: the actor id of the country/province
    loc: str = ""  # where the entry is written: "file.yaml:12" (for warnings)

    def all_names(self) -> list[str]:
        seen: dict[str, None] = {self.name: None}
        for a in self.aliases:
            seen.setdefault(a, None)
        return list(seen)
