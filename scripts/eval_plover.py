"""Second English measure for the events stage: the PLOVER gold standard records.

The file (``PLOVER_GSR_CAMEO.txt``, CC BY-SA 4.0, Open Event Data Alliance) holds ~320
English sentences from the CAMEO manual, each coded with one event: source, target and
a PLOVER type of an older draft. Older names are mapped to the 16 types Warta codes:

    DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT,
    CRIME -> ASSAULT (the 16-type set has no CRIME); DOCUMENT records are skipped.

The records follow the CAMEO convention that a *stated intention* is its own event: "X
will give aid", "X offered to mediate" are AGREE (intent to cooperate), "X will impose
sanctions", "X vowed to fight" are THREATEN. Warta codes the intended act with
``modality: future`` (or ``hypothetical``) instead, as its gold guide asks. For this
measure a future/hypothetical cooperative event (CONSULT, SUPPORT, CONCEDE, COOPERATE,
AID, RETREAT) counts as AGREE and a future/hypothetical conflictual one (SANCTION,
MOBILIZE, COERCE, ASSAULT, PROTEST) as THREATEN; ``--strict`` turns this off.

Each sentence runs through the whole pipeline as a one-sentence English article. Reported:

- type accuracy: the first predicted event (in text order) has the gold type;
- type P/R/F1: a sentence's predicted types against its one gold type (a sentence with
  no prediction is a miss; every extra type is a false positive);
- dyad agreement: among sentences whose gold type was predicted, how often that event's
  source and target countries equal the gold ones (compound gold actors count when any
  of their codes matches; a gold sector-only code such as "IGO" counts as no country).

Usage: ``.venv/bin/python scripts/eval_plover.py [PATH] [--errors]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import warta
from warta.errors import WartaError
from warta.events import PLOVER_TYPES

DEFAULT = Path("/work/shared/data/plover/PLOVER_GSR_CAMEO.txt")
OLD_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "CRIME": "ASSAULT",
}


COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICTUAL = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"}


def as_gsr_type(event: dict, strict: bool) -> str:
    """The type an event has under the records' convention (see the module docstring)."""
    typ = event["type"]
    if strict or event.get("modality") not in ("future", "hypothetical"):
        return typ
    if typ in COOPERATIVE:
        return "AGREE"
    if typ in CONFLICTUAL:
        return "THREATEN"
    return typ


def gold_type(name: str) -> str | None:
    name = OLD_TYPES.get(name, name)
    return name if name in PLOVER_TYPES else None


def actor_codes(field: object) -> set[str | None]:
    """Country codes of a gold actor field (a list of {actorText, code, ...} or "")."""
    if not isinstance(field, list) or not field:
        return {None}
    codes: set[str | None] = set()
    for a in field:
        code = (a.get("code") or "").upper()
        codes.add(code[:3] if len(code) >= 3 and code[:3].isalpha() and code != "IGO" else None)
    return codes or {None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--errors", action="store_true", help="print every sentence coded wrong")
    ap.add_argument("--strict", action="store_true", help="no intent mapping (future AID != AGREE)")
    args = ap.parse_args(argv)
    try:
        records = json.loads(Path(args.path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        print(f"{args.path}: cannot read the PLOVER records: {err}", file=sys.stderr)
        return 2
    tp = fp = fn = first_ok = n = dyad_ok = dyad_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for rec in records:
        gtype = gold_type(rec.get("event", ""))
        text = rec.get("text")
        if gtype is None or not text:
            continue
        n += 1
        try:
            out = warta.analyze(text, lang="en", published=rec.get("date"), id=rec["id"])
        except WartaError as err:
            print(f"{rec['id']}: {err}", file=sys.stderr)
            fn += 1
            continue
        events = out["events"]
        for e in events:
            e["type"] = as_gsr_type(e, args.strict)
        types = {e["type"] for e in events}
        first = events[0]["type"] if events else "-"
        first_ok += first == gtype
        if gtype in types:
            tp += 1
            fp += len(types) - 1
            ev = next(e for e in events if e["type"] == gtype)
            dyad_n += 1
            src = (ev.get("source") or {}).get("country")
            tgt = (ev.get("target") or {}).get("country")
            dyad_ok += src in actor_codes(rec.get("source")) and tgt in actor_codes(
                rec.get("target")
            )
        else:
            fn += 1
            fp += len(types)
        confusion[(gtype, first)] += 1
        if args.errors and first != gtype:
            print(f"{rec['id']}\tgold={gtype}\tpred={','.join(sorted(types)) or '-'}\t{text}")
    elapsed = time.perf_counter() - started
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    mapping = "no intent mapping" if args.strict else "intent mapped to AGREE/THREATEN"
    print(f"PLOVER gold records: {n} sentences ({elapsed:.1f} s; {mapping})")
    print(f"type accuracy (first event): {first_ok / n:.3f}")
    print(f"type P/R/F1: {p:.3f} / {r:.3f} / {f1:.3f}")
    print(
        f"dyad (countries) agreement where the type was found: {dyad_ok}/{dyad_n} = "
        f"{dyad_ok / dyad_n if dyad_n else 0:.3f}"
    )
    by_type: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for (g, pr), c in confusion.items():
        by_type[g] += c
        if g == pr:
            right[g] += c
    print("per gold type (first event right / sentences):")
    for t in sorted(by_type):
        print(f"  {t:10} {right[t]:3d}/{by_type[t]:3d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
