"""The scorer: precision, recall and F1 per part, micro-averaged, overall and per language.

Implements the rules of ``shared/gold/README.md`` exactly:

| part              | a predicted item is correct when                                          |
|-------------------|---------------------------------------------------------------------------|
| persons/orgs/places | its label's gold list has a matching name (one item per distinct canonical; |
|                   | the item offers its canonical and its texts)                              |
| quotes            | speakers match (None only with None) and word-level F1 of texts ≥ 0.5     |
| events_dyad       | type equal and (source_country, target_country) equal the gold pair       |
| events_type       | type equal and the events share an actor country or a matching actor name |
| dates             | value equal and the spans share a word (same words + value counted once)  |

Matching is one-to-one and greedy, in the order of the predictions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..textutil import words
from .names import names_match

PARTS = ("persons", "orgs", "places", "quotes", "events_dyad", "events_type", "dates")
LABEL_PART = {"PERSON": "persons", "ORG": "orgs", "PLACE": "places"}


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


def match(pred: Sequence[Any], gold: Sequence[Any], ok: Callable[[Any, Any], float | bool]) -> list[int]:
    """One-to-one greedy matching in prediction order.

    ``ok(p, g)`` returns a truthy score when p may match g; among the unmatched gold items
    a prediction takes the one with the highest score (the first on ties). Returns, for each
    prediction, the index of its gold item or -1.
    """
    used = [False] * len(gold)
    out = []
    for p in pred:
        best, best_i = 0.0, -1
        for i, g in enumerate(gold):
            if used[i]:
                continue
            s = float(ok(p, g))
            if s > best:
                best, best_i = s, i
        if best_i >= 0:
            used[best_i] = True
        out.append(best_i)
    return out


def greedy(pred: Sequence[Any], gold: Sequence[Any], ok: Callable[[Any, Any], float | bool]) -> Score:
    matched = match(pred, gold, ok)
    return Score(sum(1 for i in matched if i >= 0), len(pred), len(gold))


def word_f1(a: str, b: str) -> float:
    wa, wb = Counter(words(a)), Counter(words(b))
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    p, r = common / sum(wa.values()), common / sum(wb.values())
    return 2 * p * r / (p + r)


def _entity_items(pred: dict[str, Any], label: str) -> list[list[str]]:
    """One item per distinct canonical of ``label``: [canonical, text, text, …]."""
    items: dict[str, list[str]] = {}
    for e in pred.get("entities") or []:
        if e.get("label") != label:
            continue
        canon = e.get("canonical") or e.get("text") or ""
        offers = items.setdefault(canon, [canon])
        if e.get("text") and e["text"] not in offers:
            offers.append(e["text"])
    return list(items.values())


def _actor(a: Any) -> tuple[str | None, str | None]:
    """(name, country) of a predicted event actor (a dict, or None)."""
    if not a:
        return None, None
    if isinstance(a, str):
        return a, None
    return a.get("name"), a.get("country")


def _quote_ok(p: dict[str, Any], g: dict[str, Any]) -> float:
    ps, gs = p.get("speaker"), g.get("speaker")
    if (ps is None) != (gs is None):
        return 0.0
    if ps is not None and not names_match(ps, gs):
        return 0.0
    f = word_f1(p.get("text") or "", g.get("text") or "")
    return f if f >= 0.5 else 0.0


def _dyad_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return (
        p.get("type") == g.get("type")
        and _actor(p.get("source"))[1] == g.get("source_country")
        and _actor(p.get("target"))[1] == g.get("target_country")
    )


def _type_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
    if p.get("type") != g.get("type"):
        return False
    (sn, sc), (tn, tc) = _actor(p.get("source")), _actor(p.get("target"))
    pc = {c for c in (sc, tc) if c}
    gc = {c for c in (g.get("source_country"), g.get("target_country")) if c}
    if pc & gc:
        return True
    pn = [n for n in (sn, tn) if n]
    gn = [n for n in (g.get("source"), g.get("target")) if n]
    return any(names_match(a, b) for a in pn for b in gn)


def _date_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return str(p.get("value")) == str(g.get("value")) and bool(
        set(words(p.get("text") or "")) & set(words(g.get("text") or ""))
    )


def _distinct_dates(dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predictions with the same words and value count once."""
    seen: set[tuple[tuple[str, ...], str]] = set()
    out = []
    for d in dates:
        key = (tuple(words(d.get("text") or "")), str(d.get("value")))
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def part_items(
    part: str, gold: dict[str, Any], pred: dict[str, Any]
) -> tuple[list[Any], list[Any], Callable[[Any, Any], float | bool]]:
    """(predicted items, gold items, match test) of one part of one article."""
    if part in ("persons", "orgs", "places"):
        label = next(k for k, v in LABEL_PART.items() if v == part)
        return (_entity_items(pred, label), list(gold.get(part) or []),
                lambda p, g: any(names_match(o, g) for o in p))
    if part == "quotes":
        return list(pred.get("quotes") or []), list(gold.get("quotes") or []), _quote_ok
    if part == "events_dyad":
        return list(pred.get("events") or []), list(gold.get("events") or []), _dyad_ok
    if part == "events_type":
        return list(pred.get("events") or []), list(gold.get("events") or []), _type_ok
    if part == "dates":
        return _distinct_dates(list(pred.get("dates") or [])), list(gold.get("dates") or []), _date_ok
    raise KeyError(part)


def score_article(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Score]:
    return {part: greedy(*part_items(part, gold, pred)) for part in PARTS}


def greedy_pairs(part: str, gold: dict[str, Any], pred: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """(gold items missed, predicted items wrong) for one part of one article."""
    p_items, g_items, ok = part_items(part, gold, pred)
    matched = match(p_items, g_items, ok)
    hit = set(matched)
    missed = [g for i, g in enumerate(g_items) if i not in hit]
    extra = [p for p, i in zip(p_items, matched, strict=True) if i < 0]
    return missed, extra


def evaluate(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, dict[str, Score]]:
    """Score (gold, prediction) pairs: {"all"|lang: {part: Score}}."""
    totals: dict[str, dict[str, Score]] = {"all": {p: Score() for p in PARTS}}
    for gold, pred in pairs:
        lang = gold.get("lang") or "?"
        per = totals.setdefault(lang, {p: Score() for p in PARTS})
        for part, s in score_article(gold, pred).items():
            totals["all"][part].add(s)
            per[part].add(s)
    return totals
