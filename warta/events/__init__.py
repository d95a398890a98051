"""PLOVER event coding for Indonesian and English news.

    from warta.events import extract_events
    article.events = extract_events(article)   # needs tokens, lemmas, sentences

The lexicons and cue lists are data files in ``data/`` (see ``data/README.md`` for their
sources and licences); :mod:`.lexicon` compiles them once per process, :mod:`.morph`
analyses Indonesian affixes, :mod:`.actors` finds who acts, :mod:`.extract` finds what they
do. ``README.md`` in this folder documents the rules and the measured accuracy.
"""

from __future__ import annotations

from .actors import actor_label
from .extract import extract_events
from .lexicon import PLOVER_TYPES, cameo_to_plover, goldstein

__all__ = [
    "PLOVER_TYPES",
    "actor_label",
    "cameo_to_plover",
    "describe",
    "extract_events",
    "goldstein",
]


def describe(event: dict) -> str:
    """One line for the terminal report:
    "Indonesia (IDN, GOV) → China (CHN): ACCUSE/disapprove, 2016-03-21"."""
    kind = event.get("type", "?") + (f"/{event['mode']}" if event.get("mode") else "")
    if event.get("modality") and event["modality"] != "asserted":
        kind += f" ({event['modality']})"
    target = actor_label(event.get("target")) if event.get("target") else "-"
    date = event.get("date") or "undated"
    return f"{actor_label(event.get('source'))} → {target}: {kind}, {date}"
