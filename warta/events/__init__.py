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
    "Indonesia (IDN, GOV) → China (CHN): ACCUSE/disapprove, 2016-03-21 [future]"."""
    kind = event.get("type", "?") + (f"/{event['mode']}" if event.get("mode") else "")
    date = event.get("date") or "undated"
    if event.get("date") and event.get("date_source") == "report":
        date += " (report date)"
    modality = event.get("modality")
    mod = "" if modality in (None, "asserted") else f" [{modality}]"
    target = actor_label(event.get("target"))
    return f"{actor_label(event.get('source'))} → {target}: {kind}, {date}{mod}"
