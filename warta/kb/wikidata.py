"""Import actors from a Wikidata JSON dump into a KB overlay (streamed, never all in memory).

The dump's real format (``latest-all.json.bz2``): a JSON array with one entity per line,
each line ending in ","::

    [
    {"type":"item","id":"Q42","labels":{...},"aliases":{...},"claims":{...}},
    ...
    ]

What is read, in Indonesian and English: labels and aliases; P31 instance of (Q5 human
→ PERSON; organisation classes → ORG); P39 position held with qualifiers P580 start and
P582 end (deprecated statements skipped); P27 citizenship; for positions P17 country /
P1001 jurisdiction; for countries P298 (ISO alpha-3). Positions' labels become role keys
through the title lexicon ("Minister of Foreign Affairs of Indonesia" → foreign_minister).

Kept: people with at least one position held, and organisations of the classes below.
The output is JSON Lines in the curated schema (one actor a line), which ``kb build``
reads from ``data/overlays/``. A truncated or corrupt dump, a line that is not JSON, an
entity without an id/en label or a term that ends before it starts is reported with its
line or entity id; everything else is imported.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .build import replacing
from .countries import countries
from .model import parse_partial_date
from .roles import role_of_label
from .sources import Problems

LANGS = ("id", "en")
HUMAN = "Q5"
# Organisation classes kept (organisation, government agency, ministry, political party,
# international organisation, news agency, newspaper, company, business, NGO, armed group…).
ORG_CLASSES = frozenset({
    "Q43229", "Q327333", "Q192350", "Q7278", "Q484652", "Q192283", "Q11032", "Q783794",
    "Q4830453", "Q163740", "Q2659904", "Q17149090", "Q1335818", "Q15911314", "Q1616075",
    "Q178706", "Q245065", "Q6881511", "Q891723",
})
# Countries by Q-id where the dump does not carry the country's own entity (P298).
KNOWN_COUNTRIES = {
    "Q252": "IDN", "Q30": "USA", "Q148": "CHN", "Q159": "RUS", "Q833": "MYS", "Q334": "SGP",
    "Q17": "JPN", "Q884": "KOR", "Q423": "PRK", "Q145": "GBR", "Q142": "FRA", "Q183": "DEU",
    "Q668": "IND", "Q408": "AUS", "Q928": "PHL", "Q881": "VNM", "Q869": "THA", "Q836": "MMR",
    "Q424": "KHM", "Q819": "LAO", "Q921": "BRN", "Q574": "TLS", "Q794": "IRN", "Q851": "SAU",
    "Q801": "ISR", "Q43": "TUR", "Q79": "EGY", "Q155": "BRA", "Q96": "MEX", "Q16": "CAN",
    "Q38": "ITA", "Q29": "ESP", "Q414": "ARG", "Q258": "ZAF", "Q865": "TWN", "Q843": "PAK",
    "Q902": "BGD", "Q212": "UKR", "Q664": "NZL",
}
_TIME = re.compile(r"^([+-])(\d{1,16})-(\d{2})-(\d{2})T")


@dataclass
class ImportReport:
    path: Path
    lines: int = 0
    entities: int = 0
    people: int = 0
    orgs: int = 0
    roles: int = 0
    problems: list[Any] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.path}: {self.people} people, {self.orgs} organisations, "
                f"{self.roles} dated roles from {self.entities} entities "
                f"({self.lines} lines), {len(self.problems)} warnings")


def _open(path: Path) -> TextIO:
    name = path.name.lower()
    if name.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8", errors="replace")
    if name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def iter_entities(path: Path, problems: Problems) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, entity) for each entity line of a dump; bad lines become problems."""
    src = str(path)
    lineno = 0
    try:
        with _open(path) as fh:
            for lineno, raw in enumerate(fh, 1):  # noqa: B007 (lineno is used after the loop)
                line = raw.strip()
                if line in ("", "[", "]"):
                    continue
                if line.endswith(","):
                    line = line[:-1]
                try:
                    ent = json.loads(line)
                except json.JSONDecodeError as err:
                    problems.add(f"not a JSON entity ({err.msg} at column {err.colno})",
                                 source=src, line=lineno)
                    continue
                if not isinstance(ent, dict) or "id" not in ent:
                    problems.add("a line that is not an entity (no id)", source=src, line=lineno)
                    continue
                yield lineno, ent
    except FileNotFoundError:
        problems.add("dump not found", source=src)
    except (EOFError, OSError, ValueError) as err:
        problems.add(f"the dump is truncated or corrupt after line {lineno} ({err}); "
                     "the entities before it were imported", source=src, line=lineno + 1)


def _texts(ent: dict[str, Any], key: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    block = ent.get(key) or {}
    for lang in LANGS:
        val = block.get(lang)
        if isinstance(val, dict):
            val = [val]
        for v in val or []:
            if isinstance(v, dict) and isinstance(v.get("value"), str):
                out.setdefault(lang, []).append(v["value"])
    return out


def _item_values(ent: dict[str, Any], prop: str) -> list[str]:
    out = []
    for st in (ent.get("claims") or {}).get(prop, []):
        if st.get("rank") == "deprecated":
            continue
        dv = (st.get("mainsnak") or {}).get("datavalue") or {}
        val = dv.get("value")
        if isinstance(val, dict) and isinstance(val.get("id"), str):
            out.append(val["id"])
        elif isinstance(val, str):
            out.append(val)
    return out


def wikidata_time(value: dict[str, Any]) -> str | None:
    """A Wikidata time value as a partial ISO date at its precision (9 year … 11 day)."""
    m = _TIME.match(str(value.get("time", "")))
    if not m or m.group(1) == "-":
        return None
    year, month, day = int(m.group(2)), int(m.group(3)), int(m.group(4))
    precision = int(value.get("precision", 11))
    if precision <= 9 or month == 0:
        return f"{year:04d}"
    if precision == 10 or day == 0:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _qualifier_time(st: dict[str, Any], prop: str) -> str | None:
    for q in (st.get("qualifiers") or {}).get(prop, []):
        dv = q.get("datavalue") or {}
        if dv.get("type") == "time" and isinstance(dv.get("value"), dict):
            return wikidata_time(dv["value"])
    return None


def import_wikidata(dump_path: str | Path, out_path: str | Path) -> ImportReport:
    """Stream ``dump_path`` and write a JSON Lines overlay to ``out_path`` (atomically)."""
    dump_path, out_path = Path(dump_path), Path(out_path)
    problems = Problems()
    report = ImportReport(path=out_path)
    q_iso: dict[str, str] = dict(KNOWN_COUNTRIES)
    positions: dict[str, dict[str, Any]] = {}
    people: list[dict[str, Any]] = []
    orgs: list[dict[str, Any]] = []
    last_line = 0
    for lineno, ent in iter_entities(dump_path, problems):
        last_line = lineno
        report.entities += 1
        qid = str(ent["id"])
        iso = _item_values(ent, "P298")
        if iso and iso[0] in countries():
            q_iso[qid] = iso[0]
        instance = set(_item_values(ent, "P31"))
        labels = _texts(ent, "labels")
        aliases = _texts(ent, "aliases")
        if "Q4164871" in instance or "Q294414" in instance or "Q30461" in instance:
            positions[qid] = {"labels": labels,
                              "country": (_item_values(ent, "P17") or _item_values(ent, "P1001")
                                          or [None])[0]}
        held = (ent.get("claims") or {}).get("P39", [])
        is_person = HUMAN in instance and held
        is_org = not is_person and bool(instance & ORG_CLASSES)
        if not (is_person or is_org):
            continue
        name = (labels.get("id") or labels.get("en") or [None])[0]
        if not name:
            problems.add(f"entity {qid} has no label in Indonesian or English; skipped",
                         source=str(dump_path), line=lineno)
            continue
        rec: dict[str, Any] = {
            "id": "wd_" + qid.lower(), "name": name, "type": "PERSON" if is_person else "ORG",
            "wikidata": qid, "source": f"https://www.wikidata.org/wiki/{qid}",
            "aliases": sorted({a for lang in LANGS for a in labels.get(lang, []) + aliases.get(
                lang, []) if a != name}),
            "_country": (_item_values(ent, "P27") or _item_values(ent, "P17") or [None])[0],
            "_line": lineno,
        }
        if is_person:
            terms = []
            for st in held:
                if st.get("rank") == "deprecated":
                    continue
                dv = (st.get("mainsnak") or {}).get("datavalue") or {}
                pos = (dv.get("value") or {}).get("id") if isinstance(dv.get("value"), dict) else None
                if not pos:
                    continue
                start, end = _qualifier_time(st, "P580"), _qualifier_time(st, "P582")
                if start and end and end < start[: len(end)]:
                    problems.add(f"entity {qid}: position {pos} ends ({end}) before it "
                                 f"starts ({start}); term skipped", source=str(dump_path),
                                 line=lineno)
                    continue
                terms.append({"position": pos, "start": start, "end": end})
            rec["_terms"] = terms
            people.append(rec)
        else:
            orgs.append(rec)
    report.lines = last_line
    # Positions and countries may come anywhere in the dump: resolve them at the end.
    entries = []
    for rec in people + orgs:
        country = q_iso.get(rec.pop("_country") or "")
        rec["country"] = country
        line = rec.pop("_line")
        roles = []
        for term in rec.pop("_terms", []):
            pos = positions.get(term["position"], {})
            labels = pos.get("labels", {})
            label = (labels.get("en") or labels.get("id") or [None])[0]
            role, portfolio = role_of_label(label) if label else (None, None)
            if role is None:
                continue
            try:
                start = parse_partial_date(term["start"])
                end = parse_partial_date(term["end"])
            except ValueError as err:
                problems.add(f"entity {rec['wikidata']}: {err}", source=str(dump_path), line=line)
                continue
            roles.append({
                "role": role, "title": (labels.get("id") or [label])[0],
                "country": q_iso.get(pos.get("country") or "") or country,
                "portfolio": portfolio, "start": start, "end": end,
                "source": f"https://www.wikidata.org/wiki/{rec['wikidata']}#P39",
            })
        rec["roles"] = roles
        report.roles += len(roles)
        if rec["type"] == "PERSON":
            report.people += 1
        else:
            report.orgs += 1
        entries.append(rec)
    _write_jsonl(entries, out_path)
    report.problems = list(problems)
    return report


def _write_jsonl(entries: list[dict[str, Any]], out_path: Path) -> None:
    with replacing(out_path, "w", encoding="utf-8") as fh:
        for e in entries:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
