"""PLOVER event records as JSON, one record per event, with POLECAT-like field names.

Input is analysis dicts (``Article.as_dict()`` output, as ``warta.analyze`` returns them);
output goes to any text file object. Two shapes:

- ``write_plover(analyses, out)`` — JSON Lines, one event per line (the default: it
  streams, and a corpus run never holds every event in memory);
- ``write_plover(analyses, out, array=True)`` — one JSON array.

Fields of a record (``null`` where unknown):

================== =============================================================
``id``              ``"<article id>-e<n>"``, n counting the article's events from 1
``date``            when the event happened: ISO date, or ``YYYY-MM`` / ``YYYY`` /
                    ``YYYY-Www`` / an ISO interval at the precision the text gives
``date_source``     ``"text"`` (a time expression in the event's sentence) or
                    ``"report"`` (no time expression: the article's own date)
``actor``           the source: ``name`` (the KB's canonical name, or the text's words
                    for a generic actor such as "pejabat Rusia"), ``country`` (ISO 3166-1
                    alpha-3), ``sector`` (GOV, MIL, COP, JUD, LEG, OPP, REB, CVL, EDU,
                    LAB, BUS, MED, IGO, NGO, …), ``actor_id`` (Warta KB id)
``recipient``       the target, same shape as ``actor``; ``null`` when the event has none
``event``           one of the 16 PLOVER types (AGREE … ASSAULT)
``mode``            the PLOVER mode where the type defines one (``visit``, ``phone``,
                    ``disapprove``, ``arrest``, …)
``context``         PLOVER context of the event's CAMEO code (``diplomatic``,
                    ``military``, ``legal``, …), from PLOVER's CAMEO table; may be null
``modality``        ``asserted`` | ``future`` | ``hypothetical`` | ``negated``
``event_text``      the words of the article that state the event
``trigger``         the words that triggered the coding (light verb + noun, verb, …)
``rule``            the lexicon row or pattern that fired (``file:line key [notes]``)
``cameo``           CAMEO event code; ``goldstein``: its Goldstein score (-10 … +10)
``language``        ``id`` or ``en``
``source_article``  ``id``, ``url``, ``title``, ``published`` of the article
================== =============================================================
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..events.lexicon import cameo_to_plover


def _actor(a: dict[str, Any] | None) -> dict[str, Any] | None:
    if not a:
        return None
    return {
        "name": a.get("name"),
        "country": a.get("country"),
        "sector": a.get("sector"),
        "actor_id": a.get("actor_id"),
    }


def plover_records(analysis: dict[str, Any]) -> list[dict[str, Any]]:
    """The PLOVER records of one analysis dict (empty when it has no events)."""
    out = []
    art_id = analysis.get("id")
    for n, ev in enumerate(analysis.get("events") or [], 1):
        code = ev.get("cameo")
        plover = cameo_to_plover(code) if code else None
        out.append(
            {
                "id": f"{art_id}-e{n}",
                "date": ev.get("date"),
                "date_source": ev.get("date_source"),
                "actor": _actor(ev.get("source")),
                "recipient": _actor(ev.get("target")),
                "event": ev.get("type"),
                "mode": ev.get("mode"),
                "context": plover.context if plover else None,
                "modality": ev.get("modality"),
                "event_text": ev.get("evidence"),
                "trigger": ev.get("trigger"),
                "rule": ev.get("rule"),
                "cameo": code,
                "goldstein": ev.get("goldstein"),
                "language": analysis.get("lang"),
                "source_article": {
                    "id": art_id,
                    "url": analysis.get("url"),
                    "title": analysis.get("title"),
                    "published": analysis.get("published"),
                },
            }
        )
    return out


def write_plover(analyses: Iterable[dict[str, Any]], out: TextIO, *, array: bool = False) -> int:
    """Write the events of ``analyses`` as PLOVER JSON; return how many were written."""
    count = 0
    if array:
        out.write("[")
    for analysis in analyses:
        for rec in plover_records(analysis):
            text = json.dumps(rec, ensure_ascii=False)
            if array:
                out.write(("," if count else "") + "\n" + text)
            else:
                out.write(text + "\n")
            count += 1
    if array:
        out.write("\n]\n" if count else "]\n")
    return count
