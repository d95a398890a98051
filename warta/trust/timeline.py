"""Internal time inconsistency: the article's own words date it elsewhere than its stated date.

Two kinds of evidence, both anchored to dated world events (:mod:`.anchors`):

1. **Elapsed time since an anchor** — "dua tahun sejak pandemi dimulai", "setahun setelah
   invasi Rusia", "tsunami Aceh 15 tahun lalu", "peringatan lima tahun gempa Palu",
   "two years after the Russian invasion". Writing must fall within
   [anchor + N units, anchor + (N + 1) units] ("two years" is said from 2.0 to 2.9 years),
   with a margin; a stated date outside that window is flagged, with the implied period.
2. **"This month" next to a point event** — a sentence naming a one-off event (an election,
   a disaster, an inauguration) with "bulan ini", "pekan ini", "kemarin", "this week",
   "yesterday" implies writing close to that event. Commemorations ("peringatan",
   "anniversary", "mengenang") are not counted.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..doc import Article, Flag
from ..time.lexicon import EN_NUMBERS, ID_SPECIAL, ID_UNITS
from .anchors import Anchor, anchor_finder

UNIT_DAYS = {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0}
UNIT_WORDS = {
    "tahun": "year", "bulan": "month", "pekan": "week", "minggu": "week", "hari": "day",
    "year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
    "weeks": "week", "day": "day", "days": "day",
}  # fmt: skip
MARGIN_DAYS = 45
_UNIT = r"(?P<u>tahun|bulan|pekan|minggu|hari|years?|months?|weeks?|days?)"
_NUM = (r"(?P<n>\d+(?:[.,]5)?|(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
        r"(?:\s+(?:belas|puluh))?(?:\s+setengah)?|sepuluh|sebelas|setengah|"
        r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
        r"(?:\s+and\s+a\s+half)?")
_SE_UNIT = r"(?P<se>se(?:tahun|bulan|pekan|minggu|hari))"
# Just before the anchor: "<N> <unit> sejak/setelah/pasca (dimulainya) <anchor>". The connective
# is required: "dua tahun pandemi" alone usually means the pandemic's duration, not time since.
_BEFORE = re.compile(
    rf"(?:{_NUM}\s+{_UNIT}|{_SE_UNIT})\s+(?:lebih\s+)?(?:sejak|semenjak|setelah|sesudah|pasca|usai|"
    rf"since|after|into|following)\s+(?:the\s+|dimulainya\s+|terjadinya\s+|awal\s+|"
    rf"(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# Just after the anchor: "<anchor> (yang terjadi) <N> <unit> (yang) lalu/silam/ago".
_AFTER = re.compile(
    rf"^\s*,?\s*(?:yang\s+)?(?:(?:terjadi|dimulai|berlangsung|melanda|digelar|happened|began|struck)\s+)?"
    rf"(?:pada\s+)?(?:{_NUM}\s+{_UNIT}|{_SE_UNIT})\s+(?:yang\s+)?(?:lalu|silam|ago)\b",
    re.IGNORECASE,
)
_ANNIVERSARY = re.compile(
    rf"(?:peringatan|memperingati|mengenang)\s+{_NUM}\s+{_UNIT}\s+(?:sejak\s+)?$"
    rf"|(?P<ord>\d+)(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEAR_NOW = re.compile(
    r"\b(?P<w>bulan ini|pekan ini|minggu ini|hari ini|kemarin|tadi pagi|tadi malam|this month|"
    r"this week|today|yesterday|last night)\b",
    re.IGNORECASE,
)
_COMMEMORATION = re.compile(
    r"\b(?:peringatan|memperingati|mengenang|haul|anniversary|commemorat\w*|remember\w*|"
    r"tahun\s+lalu|years?\s+ago|silam)\b",
    re.IGNORECASE,
)


def parse_count(text: str) -> float | None:
    """'dua' -> 2, 'satu setengah' -> 1.5, 'dua puluh' -> 20, '1,5' -> 1.5, 'a' -> 1."""
    t = text.lower().strip()
    half = 0.0
    for suffix in (" setengah", " and a half"):
        if t.endswith(suffix):
            half, t = 0.5, t[: -len(suffix)].strip()
    if t == "setengah":
        return 0.5
    if re.fullmatch(r"\d+(?:[.,]5)?", t):
        return float(t.replace(",", ".")) + half
    if t in ID_SPECIAL:
        return ID_SPECIAL[t] + half
    if t in EN_NUMBERS:
        return EN_NUMBERS[t] + half
    parts = t.split()
    if parts and parts[0] in ID_UNITS:
        n = ID_UNITS[parts[0]]
        if len(parts) == 1:
            return n + half
        if parts[1] == "belas":
            return 10 + n + half
        if parts[1] == "puluh":
            return 10 * n + half
    return None


def _count_unit(m: re.Match[str]) -> tuple[float, str] | None:
    if m.groupdict().get("se"):
        return 1.0, UNIT_WORDS[m.group("se")[2:].lower()]
    if m.groupdict().get("ord"):
        return float(m.group("ord")), "year"
    n = parse_count(m.group("n")) if m.group("n") else None
    if n is None or not m.group("u"):
        return None
    return n, UNIT_WORDS[m.group("u").lower()]


def _window(anchor: date, n: float, unit: str) -> tuple[date, date]:
    days = UNIT_DAYS[unit]
    lo = anchor + timedelta(days=n * days - MARGIN_DAYS)
    # "dua tahun" covers 2.0–2.9 years; "satu setengah tahun" 1.5–2.0.
    span = 0.5 if n % 1 else 1.0
    hi = anchor + timedelta(days=(n + span) * days + MARGIN_DAYS)
    return lo, hi


def _sentence_bounds(article: Article, pos: int) -> tuple[int, int]:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return max(0, pos - 200), min(len(article.text), pos + 200)


def _gap(published: date, lo: date, hi: date) -> int:
    if published < lo:
        return (lo - published).days
    if published > hi:
        return (published - hi).days
    return 0


def check_timeline(article: Article, anchors_files: tuple[str, ...] = ()) -> list[Flag]:
    if not article.published:
        return []
    try:
        published = date.fromisoformat(article.published[:10])
    except ValueError:
        return []
    rx, by_phrase = anchor_finder(anchors_files)
    text = article.text
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for m in rx.finditer(text):
        anchor: Anchor = by_phrase[m.group().lower()]
        s_start, s_end = _sentence_bounds(article, m.start())
        before = text[max(s_start, m.start() - 80) : m.start()]
        after = text[m.end() : min(s_end, m.end() + 80)]
        found = None
        for rx_ctx, ctx, kind in ((_ANNIVERSARY, before, "anniversary"), (_BEFORE, before, "since"),
                                  (_AFTER, after, "ago")):
            cm = rx_ctx.search(ctx)
            if cm:
                cu = _count_unit(cm)
                if cu:
                    found = (cu, kind, cm)
                    break
        if found:
            (n, unit), kind, cm = found
            lo, hi = _window(anchor.date, n, unit)
            gap = _gap(published, lo, hi)
            if gap and (anchor.id, "elapsed") not in seen:
                seen.add((anchor.id, "elapsed"))
                phrase = (before[cm.start():] + m.group()) if kind != "ago" else (m.group() + after[: cm.end()])
                flags.append(_flag(article, anchor, phrase.strip(), lo, hi, gap,
                                   f"{n:g} {unit}{'s' if n != 1 else ''} after {anchor.date.isoformat()}",
                                   confidence=0.8))
            continue
        if anchor.ongoing:
            continue
        sentence = text[s_start:s_end]
        near = _NEAR_NOW.search(sentence)
        if near and not _COMMEMORATION.search(sentence) and (anchor.id, "near") not in seen:
            word = near.group("w").lower()
            wide = word in ("bulan ini", "this month")
            lo = anchor.date - timedelta(days=7 if wide else 3)
            hi = (anchor.end or anchor.date) + timedelta(days=45 if wide else 10)
            gap = _gap(published, lo, hi)
            if gap:
                seen.add((anchor.id, "near"))
                flags.append(_flag(article, anchor, f"{m.group()} … {near.group()}", lo, hi, gap,
                                   f"'{near.group()}' next to an event of {anchor.date.isoformat()}",
                                   confidence=0.6))
    return flags


def _flag(article: Article, anchor: Anchor, phrase: str, lo: date, hi: date, gap: int, reason: str,
          confidence: float) -> Flag:
    period = f"{lo.isoformat()}/{hi.isoformat()}"
    return Flag(
        kind="time_inconsistency",
        message=(f"“{phrase}” implies writing in {lo.isoformat()}…{hi.isoformat()} ({reason}), "
                 f"but the article is dated {article.published} ({gap} days outside)"),
        evidence={
            "words": phrase,
            "anchor": anchor.id,
            "anchor_date": anchor.date.isoformat(),
            "anchor_source": anchor.source,
            "implied_period": period,
            "stated_date": article.published,
            "gap_days": gap,
        },
        confidence=confidence,
    )
