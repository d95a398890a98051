"""A GDELT-like tab-separated event table: one row per event, CAMEO codes and a
Goldstein conflict–cooperation score, for tools that read GDELT 1.0 event files.

``write_gdelt(analyses, out)`` takes analysis dicts (``Article.as_dict()`` output) and
writes a header line and one row per event to a text file object; it returns the number
of rows. Tabs and newlines inside values are replaced by spaces, so every row has the
same number of columns.

Columns (GDELT 1.0 names where GDELT has one; empty where unknown):

=====================  ==============================================================
``GLOBALEVENTID``       ``<article id>-e<n>``
``SQLDATE``             the event date as ``YYYYMMDD``; a month or year only gives its
                        first day (see ``DatePrecision``); empty when undated
``MonthYear``           ``YYYYMM``;  ``Year``: ``YYYY``
``FractionDate``        year + (day of year / 365), as GDELT has it
``DatePrecision``       ``day`` | ``week`` | ``month`` | ``year`` | ``range`` (Warta)
``DateSource``          ``text`` | ``report`` (Warta: from a time expression or the
                        article's own date)
``Actor1Code``          CAMEO-style actor code: country + sector (``IDNGOV``, ``ISRMIL``)
``Actor1Name``          the source's name
``Actor1CountryCode``   ISO 3166-1 alpha-3 (GDELT uses CAMEO country codes, which for
                        countries are mostly the same letters)
``Actor1Type1Code``     sector: GOV, MIL, COP, JUD, LEG, OPP, REB, CVL, BUS, MED, IGO, …
``Actor2*``             the same for the target (all empty when there is none)
``IsRootEvent``         1 for an event in the article's first sentence, else 0
``EventCode``           CAMEO code of the event (3–4 digits), via the lexicon row, else
                        the root code of its PLOVER type
``EventBaseCode``       first three digits;  ``EventRootCode``: first two
``QuadClass``           1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
                        4 material conflict (from the PLOVER type)
``GoldsteinScale``      -10 (most conflictual) … +10 (most cooperative), from GDELT's
                        table for the CAMEO code
``PloverType``          the PLOVER type; ``PloverMode``: its mode; ``Modality``:
                        asserted | future | hypothetical | negated (Warta)
``EventText``           the words that state the event
``SOURCEURL``           the article's URL, else its id
=====================  ==============================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from ..events.lexicon import DEFAULT_CAMEO, goldstein

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "DatePrecision",
    "DateSource", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "PloverType", "PloverMode", "Modality", "EventText", "SOURCEURL",
)  # fmt: skip

QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def _clean(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _date_parts(value: str | None) -> tuple[str, str, str, str, str]:
    """(SQLDATE, MonthYear, Year, FractionDate, DatePrecision) of a Warta date value."""
    if not value:
        return "", "", "", "", ""
    precision = "day"
    v = value
    if "/" in v:
        precision, v = "range", v.split("/", 1)[0]
    try:
        if "-W" in v:
            y, w = v.split("-W", 1)
            d = date.fromisocalendar(int(y), int(w[:2]), 1)
            precision = "week" if precision != "range" else precision
        elif len(v) == 4:
            d = date(int(v), 1, 1)
            precision = "year" if precision != "range" else precision
        elif len(v) == 7:
            d = date(int(v[:4]), int(v[5:7]), 1)
            precision = "month" if precision != "range" else precision
        else:
            d = date.fromisoformat(v[:10])
    except ValueError:
        return "", "", "", "", ""
    frac = d.year + (d.timetuple().tm_yday / 365.0)
    return d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{frac:.4f}", precision


def _actor_cols(a: dict[str, Any] | None) -> list[str]:
    if not a:
        return ["", "", "", ""]
    country, sector = a.get("country") or "", a.get("sector") or ""
    return [_clean(country + sector), _clean(a.get("name")), _clean(country), _clean(sector)]


def gdelt_rows(analysis: dict[str, Any]) -> list[list[str]]:
    """The table rows (lists of strings, in ``COLUMNS`` order) of one analysis dict."""
    rows = []
    art_id = analysis.get("id")
    sentences = analysis.get("sentences") or []
    first_end = sentences[0][1] if sentences else 0
    for n, ev in enumerate(analysis.get("events") or [], 1):
        typ = ev.get("type") or ""
        code = ev.get("cameo") or DEFAULT_CAMEO.get(typ, "")
        score = ev.get("goldstein")
        if score is None:
            score = goldstein(code)
        rows.append(
            [
                _clean(f"{art_id}-e{n}"),
                *_date_parts(ev.get("date")),
                _clean(ev.get("date_source")),
                *_actor_cols(ev.get("source")),
                *_actor_cols(ev.get("target")),
                "1" if ev.get("start", 0) < first_end else "0",
                code,
                code[:3],
                code[:2],
                str(QUAD_CLASS.get(typ, "")),
                "" if score is None else f"{score:.1f}",
                typ,
                _clean(ev.get("mode")),
                _clean(ev.get("modality")),
                _clean(ev.get("evidence")),
                _clean(analysis.get("url") or art_id),
            ]
        )
    return rows


def write_gdelt(analyses: Iterable[dict[str, Any]], out: TextIO, *, header: bool = True) -> int:
    """Write the events of ``analyses`` as GDELT-like TSV; return how many rows."""
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    count = 0
    for analysis in analyses:
        for row in gdelt_rows(analysis):
            out.write("\t".join(row) + "\n")
            count += 1
    return count
