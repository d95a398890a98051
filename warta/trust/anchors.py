"""Dated world events ("anchors") and a fast finder for the phrases that name them."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KBError
from .phrases import normalise_space, phrase_regex

ANCHORS_FILE = Path(__file__).with_name("data") / "anchors.yaml"


@dataclass(frozen=True, slots=True)
class Anchor:
    id: str
    date: datetime.date
    end: datetime.date | None
    phrases: tuple[str, ...]
    source: str
    ongoing: bool = False


def _parse_date(value: object, where: str) -> datetime.date:
    text = str(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return datetime.date.fromisoformat(text + "-01")
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise KBError(f"not an ISO date: {text!r}", source=where) from None


def load_anchors(paths: tuple[str, ...] = ()) -> list[Anchor]:
    """The bundled anchors plus any user files (same YAML format)."""
    out: list[Anchor] = []
    for path in (str(ANCHORS_FILE), *paths):
        try:
            rows = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError, ValueError) as err:  # YAML raises ValueError on 2020-13-45
            raise KBError(f"cannot read anchors: {err}", source=path) from None
        if not isinstance(rows, list):
            raise KBError("an anchors file is a YAML list of events", source=path)
        for i, row in enumerate(rows, 1):
            where = f"{path} (entry {i})"
            if not isinstance(row, dict) or not row.get("id") or not row.get("date") or not row.get("phrases"):
                raise KBError("an anchor needs id, date and phrases", source=where)
            if not row.get("source"):
                raise KBError(f"anchor {row['id']!r} has no source", source=where)
            out.append(Anchor(
                id=str(row["id"]),
                date=_parse_date(row["date"], where),
                end=_parse_date(row["end"], where) if row.get("end") else None,
                phrases=tuple(str(p).lower() for p in row["phrases"]),
                source=str(row["source"]),
                ongoing=bool(row.get("ongoing", False)),
            ))
    return out


@lru_cache(maxsize=4)
def anchor_finder(paths: tuple[str, ...] = ()) -> tuple[re.Pattern[str], dict[str, Anchor]]:
    """One trie-shaped regex over every phrase, to run on lower-cased text
    (:func:`.phrases.lower_same_length`), and normalised phrase -> anchor."""
    by_phrase: dict[str, Anchor] = {}
    for a in load_anchors(paths):
        for p in a.phrases:
            by_phrase.setdefault(normalise_space(p), a)
    return phrase_regex(by_phrase), by_phrase
