"""Measure the temporal tagger next to dateparser's ``search_dates``.

    .venv/bin/python scripts/bench_dates.py                       # everything
    .venv/bin/python scripts/bench_dates.py --no-dateparser       # ours only (fast)

Three measures, printed as small tables:

1. Gold dev dates (``/work/shared/gold/dev.jsonl``): P/R/F1 per language, scored as the
   gold README says (value equal and the spans share a word; the same words with the
   same value count once; one-to-one, greedy).
2. IndoTimex development files (Kompas 2013-2014, TimeML with creation dates but no
   inner annotation): expressions found per article, ms per article, and how often the
   two tools agree on the value where both found an overlapping span. A speed and
   coverage check, not an accuracy one.
3. How well :func:`warta.time.reading_date` recovers the publication date from the text
   of IndoTimex and Detik articles (for the dateline stage).

dateparser returns a datetime; its precision is recovered by re-reading each found
phrase with ``DateDataParser.get_date_data`` (period day/week/month/year) so that it is
scored on the same terms as ours.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from warta.textutil import words
from warta.time import reading_date, tag

GOLD = Path("/work/shared/gold/dev.jsonl")
INDOTIMEX = Path("/work/shared/data/indotimex-raw/kompas_development")
DETIK = Path("/work/shared/data/corpus-detik/data_berita.csv")

Found = list[tuple[str, str | None]]  # (text, value)


# ------------------------------------------------------------------ taggers


def ours(text: str, published: str | None, lang: str) -> Found:
    return [(d.text, d.value) for d in tag(text, published, lang)]


def make_dateparser(lang: str) -> Callable[[str, str | None, str], Found]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    def run(text: str, published: str | None, _lang: str) -> Found:
        base = datetime.fromisoformat(published) if published else datetime(2000, 1, 1)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        if lang == "id":
            settings["DATE_ORDER"] = "DMY"  # as Indonesian writes dates; fairer to it
        try:
            found = search_dates(text, languages=[lang], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; count them as nothing found
            return []
        ddp = DateDataParser(languages=[lang], settings=settings)
        out: Found = []
        for phrase, when in found:
            period = ddp.get_date_data(phrase).period or "day"
            out.append((phrase, _at_precision(when.date(), period)))
        return out

    return run


def _at_precision(d: date, period: str) -> str:
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return d.isoformat()


# ------------------------------------------------------------------ scoring


def _dedupe(items: Found) -> list[tuple[frozenset[str], str | None]]:
    seen: set[tuple[frozenset[str], str | None]] = set()
    out = []
    for text, value in items:
        key = (frozenset(words(text)), value)
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def match_count(gold: Found, pred: Found) -> tuple[int, int, int]:
    """(true positives, gold count, predicted count) after de-duplication."""
    g = _dedupe(gold)
    p = _dedupe(pred)
    used = [False] * len(g)
    tp = 0
    for pw, pv in p:
        for i, (gw, gv) in enumerate(g):
            if not used[i] and gv == pv and pw & gw:
                used[i] = True
                tp += 1
                break
    return tp, len(g), len(p)


def prf(tp: int, ng: int, np_: int) -> tuple[float, float, float]:
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def gold_eval(
    taggers: dict[str, Callable[[str, str | None, str], Found] | None], show_errors: bool
) -> None:
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    print(f"\n## Gold dev dates ({GOLD}, {len(rows)} articles)\n")
    print("| tagger | lang | P | R | F1 | gold | predicted | ms/article |")
    print("|---|---|---|---|---|---|---|---|")
    for name, fn in taggers.items():
        totals: dict[str, list[float]] = {}  # tp, gold, predicted, seconds, articles
        runners = {lang: fn or make_dateparser(lang) for lang in ("id", "en")}
        for lang, run in runners.items():  # warm up: compile patterns, load tables
            run("Senin (21/11/2016) kemarin; yesterday.", "2016-11-21", lang)
        for row in rows:
            lang = row["lang"]
            run = runners[lang]
            t0 = time.perf_counter()
            pred = run(row["text"], row.get("published"), lang)
            dt = time.perf_counter() - t0
            gold = [(d["text"], d["value"]) for d in row.get("dates", [])]
            tp, ng, np_ = match_count(gold, pred)
            for key in (lang, "all"):
                acc = totals.setdefault(key, [0.0, 0.0, 0.0, 0.0, 0.0])
                acc[0] += tp
                acc[1] += ng
                acc[2] += np_
                acc[3] += dt
                acc[4] += 1
            if show_errors and fn is not None:
                _show_errors(row, gold, pred)
        for key in ("id", "en", "all"):
            if key not in totals:
                continue
            tp_, ng_, np_f, dt, n = totals[key]
            p, r, f = prf(int(tp_), int(ng_), int(np_f))
            print(
                f"| {name} | {key} | {p:.3f} | {r:.3f} | {f:.3f} | {int(ng_)} | {int(np_f)} "
                f"| {1000 * dt / n:.2f} |"
            )


def _show_errors(row: dict, gold: Found, pred: Found) -> None:
    g = _dedupe(gold)
    p = _dedupe(pred)
    missed = [x for x in g if not any(x[1] == y[1] and x[0] & y[0] for y in p)]
    wrong = [y for y in p if not any(x[1] == y[1] and x[0] & y[0] for x in g)]
    if missed or wrong:
        print(f"  {row['id']} published {row.get('published')}", file=sys.stderr)
        for w, v in missed:
            print(f"    missed {sorted(w)} = {v}", file=sys.stderr)
        for w, v in wrong:
            print(f"    extra  {sorted(w)} = {v}", file=sys.stderr)


# ------------------------------------------------------------------ IndoTimex

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def read_tml(path: Path) -> tuple[str, str | None]:
    """The text and creation date of one TimeML file (cp1252 bytes appear in some)."""
    raw = path.read_bytes().decode("cp1252", errors="replace").replace("\r\n", "\n")
    m = re.search(r"<DCT>.*?value=\"(\d{4})-(\d{1,2})-(\d{1,2})\".*?</DCT>", raw, re.S)
    dct = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
    t = _TEXT.search(raw)
    body = html.unescape(_TAG.sub("", t.group(1))) if t else ""
    return body.strip(), dct


def _overlaps(a: str, b: str) -> bool:
    return bool(set(words(a)) & set(words(b)))


def indotimex(use_dateparser: bool) -> None:
    files = sorted(INDOTIMEX.glob("*.tml"))
    docs = [read_tml(p) for p in files]
    n_words = sum(len(t.split()) for t, _ in docs)
    print(
        f"\n## IndoTimex development ({len(docs)} Kompas articles, "
        f"{n_words / len(docs):.0f} words each)\n"
    )
    results: dict[str, list[Found]] = {}
    timing: dict[str, float] = {}
    taggers: dict[str, Callable[[str, str | None, str], Found]] = {"warta.time": ours}
    if use_dateparser:
        taggers["dateparser search_dates"] = make_dateparser("id")
    for name, fn in taggers.items():
        fn(docs[0][0], docs[0][1], "id")  # warm up (regex compile, dateparser's tables)
        reps = 20 if name == "warta.time" else 1
        t0 = time.perf_counter()
        for _ in range(reps):
            out = [fn(text, dct, "id") for text, dct in docs]
        timing[name] = (time.perf_counter() - t0) / reps / len(docs)
        results[name] = out
    print("| tagger | expressions found | per article | with a value | ms/article |")
    print("|---|---|---|---|---|")
    for name, out in results.items():
        total = sum(len(x) for x in out)
        valued = sum(1 for x in out for _, v in x if v)
        print(
            f"| {name} | {total} | {total / len(docs):.1f} | {valued} | {1000 * timing[name]:.3f} |"
        )
    if len(results) == 2:
        a, b = results.values()
        both = agree = only_a = only_b = 0
        for xa, xb in zip(a, b, strict=True):
            matched_b: set[int] = set()
            for ta, va in xa:
                hit = next(
                    (j for j, (tb, _) in enumerate(xb) if j not in matched_b and _overlaps(ta, tb)),
                    None,
                )
                if hit is None:
                    only_a += 1
                    continue
                matched_b.add(hit)
                both += 1
                agree += va == xb[hit][1]
            only_b += len(xb) - len(matched_b)
        print(
            f"\nOverlapping spans found by both: {both}; same value on {agree} "
            f"({100 * agree / max(both, 1):.0f}%). Only warta.time: {only_a}; "
            f"only dateparser: {only_b}."
        )


# ------------------------------------------------------------------ reading_date


def dateline_check() -> None:
    print("\n## reading_date(): the publication date from the text\n")
    print("| corpus | articles | date found | equal to the given date | 0-1 day before it |")
    print("|---|---|---|---|---|")
    docs = [read_tml(p) for p in sorted(INDOTIMEX.glob("*.tml"))]
    _dateline_row("IndoTimex (DCT)", [(t, d) for t, d in docs])
    if DETIK.exists():
        rows = []
        with DETIK.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                try:
                    given = datetime.strptime(r["tanggal"].strip(), "%m/%d/%Y %H:%M").date()
                except ValueError:
                    continue
                rows.append((r["isi_berita"], given.isoformat()))
        _dateline_row("Detik (tanggal)", rows)


def _dateline_row(name: str, docs: Sequence[tuple[str, str | None]]) -> None:
    found = equal = near = 0
    for text, given in docs:
        d = reading_date(text, "id")
        if d is None or given is None:
            continue
        found += 1
        diff = (date.fromisoformat(given) - date.fromisoformat(d.value)).days
        equal += diff == 0
        near += 0 <= diff <= 1
    print(f"| {name} | {len(docs)} | {found} | {equal} | {near} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-dateparser", action="store_true", help="measure warta.time only")
    ap.add_argument("--errors", action="store_true", help="list gold misses on stderr")
    args = ap.parse_args()
    taggers: dict[str, Callable[[str, str | None, str], Found] | None] = {"warta.time": ours}
    if not args.no_dateparser:
        taggers["dateparser search_dates"] = None  # built per language
    gold_eval(taggers, args.errors)
    indotimex(not args.no_dateparser)
    dateline_check()


if __name__ == "__main__":
    main()
