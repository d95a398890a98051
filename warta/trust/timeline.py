"""Internal time inconsistency: the article's own words date it elsewhere than its stated date.

Three kinds of evidence:

1. **Elapsed time since an anchor** (:mod:`.anchors`, dated world events) — "dua tahun
   sejak pandemi dimulai", "setahun setelah invasi Rusia", "tsunami Aceh 15 tahun lalu",
   "lima tahun berlalu sejak gempa Palu", "two years after the Russian invasion", "the
   election, which took place three years ago". Writing must fall within
   [anchor + N units, anchor + (N + 1) units] ("two years" is said from 2.0 to 2.9 years),
   with a margin; a stated date outside that window is flagged, with the implied period.
2. **"This month" next to a point event** — a one-off event (an election, a disaster, an
   inauguration) with "bulan ini", "pekan ini", "hari ini", "this week" right beside it
   implies writing close to that event. Commemorations ("peringatan", "anniversary",
   "mengenang") are not counted, nor is colloquial "kemarin" ("pemilu kemarin" is the
   last election, months back).
3. **Dated days** — news writing names the days of the story by weekday and date
   ("Senin (20/10/2025)", "Selasa (21/10)", "Sabtu, 4 Oktober 2025"), and only for days
   around the writing. An article whose every such day (weekday and date agreeing) lies
   half a year or more from its stated date, and that names no date with a year near it,
   was written elsewhen; and weekdays given without a year that fit none of their dates
   in the stated year (but all of them in another) betray the year they were written in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..doc import Article, Flag
from ..time.lexicon import EN_NUMBERS, FULL_MONTHS, ID_SPECIAL, ID_UNITS, WEEKDAYS
from .anchors import Anchor, anchor_finder
from .phrases import lower_same_length, normalise_space

UNIT_DAYS = {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0}
UNIT_WORDS = {
    "tahun": "year", "bulan": "month", "pekan": "week", "minggu": "week", "hari": "day",
    "year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
    "weeks": "week", "day": "day", "days": "day",
}  # fmt: skip
MARGIN_DAYS = 45
_UNIT = r"(?P<u>tahun|bulan|pekan|minggu|hari|years?|months?|weeks?|days?)"
_ID_DIGIT = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_NUM = (rf"(?P<n>\d+(?:[.,]5)?|{_ID_DIGIT}(?:\s+(?:belas|puluh(?:\s+{_ID_DIGIT})?))?"
        r"(?:\s+setengah)?|sepuluh|sebelas|setengah|"
        r"(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
        r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|a|an)"
        r"(?:\s+and\s+a\s+half)?")
_SE_UNIT = r"(?P<se>se(?:tahun|bulan|pekan|minggu|hari))"
# Just before the anchor: "<N> <unit> (berlalu) sejak/setelah/pasca (dimulainya) <anchor>". The
# connective is required: "dua tahun pandemi" alone usually means the pandemic's duration.
_BEFORE = re.compile(
    rf"(?:{_NUM}\s+{_UNIT}|{_SE_UNIT})\s+(?:lebih\s+)?(?:(?:telah\s+|sudah\s+)?berlalu\s+|"
    rf"(?:have|has)\s+(?:passed|gone\s+by|elapsed)\s+)?"
    rf"(?:sejak|semenjak|setelah|sesudah|pasca|usai|since|after|into|following|on\s+from)\s+"
    rf"(?:the\s+|dimulainya\s+|terjadinya\s+|awal\s+|"
    rf"(?:the\s+)?(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# Just after the anchor: "<anchor> (yang terjadi) <N> <unit> (yang) lalu/silam/ago".
_AFTER = re.compile(
    rf"^\s*,?\s*(?:yang\s+|which\s+|that\s+)?(?:(?:terjadi|dimulai|berlangsung|melanda|digelar|"
    rf"happened|began|started|struck|occurred|took\s+place|was\s+held)\s+)?"
    rf"(?:pada\s+)?(?:{_NUM}\s+{_UNIT}|{_SE_UNIT})\s+(?:yang\s+)?(?:lalu|silam|ago)\b",
    re.IGNORECASE,
)
_ANNIVERSARY = re.compile(
    rf"(?:peringatan|memperingati|mengenang)\s+{_NUM}\s+{_UNIT}\s+(?:sejak\s+)?$"
    rf"|(?P<ord>\d+)(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEAR_NOW = re.compile(
    r"\b(?P<w>bulan ini|pekan ini|minggu ini|hari ini|tadi pagi|tadi malam|this month|"
    r"this week|today|last night)\b",
    re.IGNORECASE,
)
NEAR_CHARS = 60  # "this month" counts only right beside the event's name
_COMMEMORATION = re.compile(
    r"\b(?:peringatan|memperingati|mengenang|haul|anniversary|commemorat\w*|remember\w*|"
    r"tahun\s+lalu|years?\s+ago|silam)\b",
    re.IGNORECASE,
)


def parse_count(text: str) -> float | None:
    """'dua' -> 2, 'satu setengah' -> 1.5, 'dua puluh lima' -> 25, '1,5' -> 1.5, 'a' -> 1."""
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
    if "-" in t:  # twenty-five
        tens, _, ones = t.partition("-")
        if tens in EN_NUMBERS and ones in EN_NUMBERS:
            return EN_NUMBERS[tens] + EN_NUMBERS[ones] + half
    parts = t.split()
    if parts and parts[0] in ID_UNITS:
        n = ID_UNITS[parts[0]]
        if len(parts) == 1:
            return n + half
        if parts[1] == "belas":
            return 10 + n + half
        if parts[1] == "puluh":
            unit = ID_UNITS.get(parts[2], 0) if len(parts) > 2 else 0
            return 10 * n + unit + half
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
    """Every ``time_inconsistency`` the article's own words give (see the module docstring)."""
    if not article.published:
        return []
    try:
        published = date.fromisoformat(article.published[:10])
    except ValueError:
        return []
    flags = _check_anchors(article, published, anchors_files)
    dated = check_dated_days(article, published)
    if dated is not None:
        flags.append(dated)
    return flags


def _check_anchors(article: Article, published: date, anchors_files: tuple[str, ...]) -> list[Flag]:
    rx, by_phrase = anchor_finder(anchors_files)
    text = article.text
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for m in rx.finditer(lower_same_length(text)):
        anchor: Anchor = by_phrase[normalise_space(m.group())]
        words = text[m.start() : m.end()]
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
                phrase = (before[cm.start():] + words) if kind != "ago" else (words + after[: cm.end()])
                flags.append(_flag(article, anchor, phrase.strip(), lo, hi, gap,
                                   f"{n:g} {unit}{'s' if n != 1 else ''} after {anchor.date.isoformat()}",
                                   confidence=0.8))
            continue
        if anchor.ongoing or (anchor.id, "near") in seen:
            continue
        sentence = text[s_start:s_end]
        if _COMMEMORATION.search(sentence):
            continue
        near = None
        for nm in _NEAR_NOW.finditer(text, max(s_start, m.start() - NEAR_CHARS),
                                     min(s_end, m.end() + NEAR_CHARS)):
            near = nm
            break
        if near is None:
            continue
        word = near.group("w").lower()
        wide = word in ("bulan ini", "this month")
        lo = anchor.date - timedelta(days=7 if wide else 3)
        hi = (anchor.end or anchor.date) + timedelta(days=45 if wide else 10)
        gap = _gap(published, lo, hi)
        if gap:
            seen.add((anchor.id, "near"))
            flags.append(_flag(article, anchor, f"{words} … {near.group()}", lo, hi, gap,
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
            "basis": "anchor",
            "anchor": anchor.id,
            "anchor_date": anchor.date.isoformat(),
            "anchor_source": anchor.source,
            "implied_period": period,
            "stated_date": article.published,
            "gap_days": gap,
        },
        confidence=confidence,
    )


# ------------------------------------------------------------------------------ dated days

_WD_NAMES = "|".join(sorted({w.capitalize() for w in WEEKDAYS} | {"Jumat", "Jum'at", "Jum’at"},
                            key=len, reverse=True))
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in FULL_MONTHS), key=len, reverse=True))
_TIME_OF_DAY = (r"(?:\s+(?:pagi|siang|sore|petang|malam|dini\s+hari|morning|afternoon|evening|"
                r"night))?")
# "Senin (20/10/2025)", "Selasa malam (7/10)", "Sabtu, 4 Oktober 2025", "Monday, October 20, 2025"
_DATED_DAY = re.compile(
    rf"(?P<wd>{_WD_NAMES}){_TIME_OF_DAY}\s*(?:,\s*|\(\s*)"
    rf"(?:(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<mon>{_MONTH_NAMES})(?:\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<mon3>{_MONTH_NAMES})\s+(?P<d3>\d{{1,2}})(?:,\s*(?P<y3>\d{{4}}))?)"
)
# Any date written with its year: "20/10/2025", "20 Oktober 2025", "October 20, 2025".
_YEAR_DATE = re.compile(
    rf"\b(?:(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<mon>{_MONTH_NAMES})\s+(?P<y2>\d{{4}})"
    rf"|(?P<mon3>{_MONTH_NAMES})\s+(?P<d3>\d{{1,2}}),\s*(?P<y3>\d{{4}}))\b"
)
FAR_DAYS = 180  # dated days this far from the stated date, all on one side: written elsewhen
RECENT_DAYS = 30  # a date with its year this close to the stated date vouches for it
STORY_SPAN_DAYS = 60  # days named without a year belong to one story when this close


def _day_month_year(m: re.Match[str]) -> tuple[int, int, int | None] | None:
    g = m.groupdict()
    if g.get("d"):
        d, mo = int(g["d"]), int(g["m"])
    elif g.get("d2"):
        d, mo = int(g["d2"]), FULL_MONTHS[g["mon"].lower()]
    else:
        d, mo = int(g["d3"]), FULL_MONTHS[g["mon3"].lower()]
    y = g.get("y") or g.get("y2") or g.get("y3")
    year = (int(y) + 2000 if len(y) == 2 else int(y)) if y else None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return d, mo, year


def _make_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _nearest(d: int, mo: int, published: date) -> date | None:
    """The day (d, mo) in the year before, of, or after ``published``, nearest to it."""
    days = [x for y in (published.year - 1, published.year, published.year + 1)
            if (x := _make_date(y, mo, d)) is not None]
    return min(days, key=lambda x: abs((x - published).days)) if days else None


def check_dated_days(article: Article, published: date) -> Flag | None:
    """A ``time_inconsistency`` from the days the article names by weekday and date."""
    text = article.text
    if "(" not in text and "," not in text:
        return None
    with_year: list[tuple[date, str]] = []
    no_year: list[tuple[int, int, int, str]] = []  # weekday, day, month, words
    for m in _DATED_DAY.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # inside a word (no leading \b in the pattern: it would slow the scan)
        dmy = _day_month_year(m)
        if dmy is None:
            continue
        d, mo, y = dmy
        wd = WEEKDAYS[m.group("wd").lower().replace("’", "'")]
        if y is not None:
            day = _make_date(y, mo, d)
            if day is not None and day.weekday() == wd:  # a wrong weekday is a typo: no evidence
                with_year.append((day, m.group()))
        else:
            no_year.append((wd, d, mo, m.group()))
    if with_year:
        return _far_days(article, published, with_year)
    if len(no_year) >= 2:
        return _weekdays_of_another_year(article, published, no_year)
    return None


def _far_days(article: Article, published: date, days: list[tuple[date, str]]) -> Flag | None:
    far_before = all((published - d).days > FAR_DAYS for d, _ in days)
    far_after = all((d - published).days > FAR_DAYS for d, _ in days)
    if not (far_before or far_after):
        return None
    for m in _YEAR_DATE.finditer(article.text):
        dmy = _day_month_year(m)
        x = _make_date(dmy[2], dmy[1], dmy[0]) if dmy and dmy[2] else None
        if x is not None and abs((x - published).days) <= RECENT_DAYS:
            return None  # the article knows a date near its own: the old days are background
    latest = max(d for d, _ in days)
    lo, hi = latest - timedelta(days=7), latest + timedelta(days=RECENT_DAYS)
    words = [w for _, w in days]
    return _dated_flag(article, published, words, lo, hi,
                       f"{len(days)} day{'s' if len(days) > 1 else ''} named by weekday and date, "
                       f"the latest {latest.isoformat()}",
                       confidence=0.7 if len(days) >= 2 else 0.5)


def _weekdays_of_another_year(article: Article, published: date,
                              days: list[tuple[int, int, int, str]]) -> Flag | None:
    resolved: list[date] = []
    for wd, d, mo, _ in days:
        near = _nearest(d, mo, published)
        if near is None:
            return None
        if near.weekday() == wd:
            return None  # this weekday fits the stated year: no contradiction
        resolved.append(near)
    if (max(resolved) - min(resolved)).days > STORY_SPAN_DAYS:
        return None
    fitting = []
    for y in range(published.year - 15, published.year + 3):
        in_year = [_make_date(y, mo, d) for _, d, mo, _ in days]
        if all(x is not None and x.weekday() == wd
               for x, (wd, _, _, _) in zip(in_year, days, strict=True)):
            fitting.append(y)
    if not fitting:
        return None  # no year fits them all: typos, not another year
    year = min(fitting, key=lambda y: abs(y - published.year))
    dates: list[date] = [x for _, d, mo, _ in days if (x := _make_date(year, mo, d)) is not None]
    lo, hi = min(dates) - timedelta(days=7), max(dates) + timedelta(days=RECENT_DAYS)
    others = [y for y in fitting if y != year]
    reason = (f"{len(days)} weekdays given without a year fit none of their dates in "
              f"{published.year} but all of them in {year}"
              + (f" (also {', '.join(map(str, others[:3]))})" if others else ""))
    return _dated_flag(article, published, [w for *_, w in days], lo, hi, reason,
                       confidence=0.7 if len(days) >= 3 else 0.6)


def _dated_flag(article: Article, published: date, words: list[str], lo: date, hi: date,
                reason: str, confidence: float) -> Flag:
    gap = _gap(published, lo, hi)
    shown = ", ".join(f"“{w}”" for w in words[:3]) + (" …" if len(words) > 3 else "")
    return Flag(
        kind="time_inconsistency",
        message=(f"{shown} imply writing in {lo.isoformat()}…{hi.isoformat()} ({reason}), but the "
                 f"article is dated {article.published} ({gap} days outside)"),
        evidence={
            "words": words[:10],
            "basis": "dated_days",
            "implied_period": f"{lo.isoformat()}/{hi.isoformat()}",
            "stated_date": article.published,
            "gap_days": gap,
        },
        confidence=confidence,
    )
