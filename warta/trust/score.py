"""One stale-news score per article, combining the trust flags, with its parts shown.

    score = 1 − Π over flags (1 − weight(kind) × confidence)

A flag's weight says how strongly its kind, when right, means "this article is not what it
claims to be" (recycled, re-dated or machine-translated). Independent evidence accumulates;
no single weak signal (a calque, one English phrase) can push the score high on its own.
0 means no evidence; above ~0.5 means an editor should look before trusting the date or
the text.
"""

from __future__ import annotations

from typing import Any

from ..doc import Flag

WEIGHTS: dict[str, float] = {
    "copy_of_earlier": 0.9,  # the same story existed earlier: strongest evidence of recycling
    "time_inconsistency": 0.8,  # the text itself dates the writing elsewhere
    "role_anachronism": 0.7,  # a title the person no longer (or not yet) held
    "spun_name": 0.6,  # "Related Press": a spinner went over a translation
    "name_slip": 0.3,  # a misspelt leader's name: careless or machine-made
    "untranslated_english": 0.3,  # English left mid-sentence in an Indonesian text
    "mt_calque": 0.2,  # word-for-word translations of English idioms
}
DEFAULT_WEIGHT = 0.2


def stale_score(flags: list[Flag]) -> dict[str, Any]:
    keep = 1.0
    parts = []
    for f in flags:
        w = WEIGHTS.get(f.kind, DEFAULT_WEIGHT)
        contribution = w * max(0.0, min(1.0, f.confidence))
        keep *= 1.0 - contribution
        parts.append({"kind": f.kind, "weight": w, "confidence": round(f.confidence, 3),
                      "contribution": round(contribution, 3)})
    return {"stale_score": round(1.0 - keep, 3), "parts": parts}
