"""`warta eval`: analyse the gold articles (or read given predictions) and print the scores."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..doc import Article
from ..errors import GoldError, WartaError
from .scoring import PARTS, Score, evaluate, score_article

REQUIRED = ("id", "text")


def load_gold(path: str) -> list[dict[str, Any]]:
    p = Path(path)
    if not p.exists():
        raise GoldError("no such file", source=path)
    rows = []
    with p.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                raise GoldError(f"not a JSON line: {err}", source=path, line=lineno) from None
            if not isinstance(rec, dict):
                raise GoldError("a gold line must be a JSON object", source=path, line=lineno)
            for field in REQUIRED:
                if not rec.get(field):
                    raise GoldError(f"missing field {field!r}", source=path, line=lineno)
            for field in ("persons", "orgs", "places", "quotes", "events", "dates"):
                if not isinstance(rec.get(field, []), list):
                    raise GoldError(f"field {field!r} must be a list", source=path, line=lineno)
            rows.append(rec)
    if not rows:
        raise GoldError("the gold file holds no articles", source=path)
    return rows


def predict(gold: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], list[WartaError]]:
    from ..pipeline import get_pipeline

    pipeline = get_pipeline()
    arts = (
        Article(id=g["id"], text=g["text"], published=g.get("published"),
                published_source="input" if g.get("published") else None,
                lang=g.get("lang"), url=g.get("url"), title=g.get("title"))
        for g in gold
    )
    preds, errors = {}, []
    for out in pipeline.pipe(arts):
        if isinstance(out, WartaError):
            errors.append(out)
        else:
            preds[out.id] = out.as_dict()
    return preds, errors


def load_pred(path: str) -> dict[str, dict[str, Any]]:
    preds = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldError(f"not a JSON line: {err}", source=path, line=lineno) from None
            if isinstance(rec, dict) and rec.get("id") is not None and "error" not in rec:
                preds[str(rec["id"])] = rec
    return preds


def table(totals: dict[str, dict[str, Score]]) -> str:
    langs = ["all"] + sorted(k for k in totals if k != "all")
    lines = []
    head = f"{'part':<13}" + "".join(f"{lang:>22}" for lang in langs)
    lines.append(head)
    lines.append(f"{'':<13}" + "".join(f"{'P     R     F1':>22}" for _ in langs))
    for part in PARTS:
        row = f"{part:<13}"
        for lang in langs:
            s = totals[lang][part]
            row += f"{s.precision:>10.3f}{s.recall:>6.3f}{s.f1:>6.3f}"
        lines.append(row)
    return "\n".join(lines)


def details(gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]], parts: list[str]) -> str:
    """Per article, what each named part got wrong (for finding general rules, not for copying)."""
    from .scoring import greedy_pairs

    out = []
    for g in gold:
        p = preds.get(g["id"], {})
        for part in parts:
            missed, extra = greedy_pairs(part, g, p)
            if missed or extra:
                out.append(f"== {g['id']} {part}")
                out += [f"  - missed: {json.dumps(m, ensure_ascii=False)[:300]}" for m in missed]
                out += [f"  + extra:  {json.dumps(x, ensure_ascii=False)[:300]}" for x in extra]
    return "\n".join(out)


def run_eval(args: argparse.Namespace) -> int:
    gold = load_gold(args.gold)
    if args.pred:
        preds, errors = load_pred(args.pred), []
    else:
        preds, errors = predict(gold)
    for err in errors:
        print(f"warta: {err}", file=sys.stderr)
    totals = evaluate((g, preds.get(g["id"], {})) for g in gold)
    if args.json:
        print(json.dumps({lang: {part: s.as_dict() for part, s in parts.items()}
                          for lang, parts in totals.items()}, indent=2))
    else:
        n = {lang: sum(1 for g in gold if lang in ("all", g.get("lang"))) for lang in totals}
        print(f"{args.gold}: {len(gold)} articles ("
              + ", ".join(f"{k} {v}" for k, v in sorted(n.items()) if k != "all") + ")")
        print(table(totals))
    if args.details:
        unknown = [d for d in args.details if d not in PARTS]
        if unknown:
            raise GoldError(f"unknown part {unknown[0]!r} (parts: {', '.join(PARTS)})")
        print(details(gold, preds, args.details), file=sys.stderr if args.json else sys.stdout)
    return 1 if errors else 0


__all__ = ["load_gold", "predict", "run_eval", "score_article"]
