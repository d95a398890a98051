"""Calendar arithmetic for the tagger: shifting by units, nearest weekday or month, ISO
weeks, and the repair of dates that cannot be or that contradict their weekday.

Everything here is pure and works on :class:`datetime.date`; values come out as ISO
strings at the precision asked for (``2016-11-21``, ``2016-11``, ``2016``, ``2016-W47``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def parse_iso(value: str | None) -> date | None:
    """The date an ISO string starts with ("2016-11-21", "2016-11-21T08:00:00+07:00",
    the unpadded "2013-12-4"), or
    None when there is none: a missing or malformed publication date only costs the
    relative expressions their values, it never stops the tagger."""
    if not value:
        return None
    m = _LOOSE_ISO.match(value.strip())
    if m is None:
        return None
    return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


_LOOSE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")  # "2013-12-4" is seen too


def make_date(y: int, m: int, d: int) -> date | None:
    """``date(y, m, d)`` or None when that day does not exist (31 February)."""
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1 <= y <= 9999):
        return None
    if d > calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after (y, m); n may be negative."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def shift(base: date, unit: str, n: float) -> str:
    """The value ``n`` units after ``base`` (negative: before), at the unit's precision.

    A fraction of a year or month ("satu setengah tahun", "1.5 months") is counted in
    months or days and given at month or day precision: the text is no more precise.
    """
    if unit == "day":
        return (base + timedelta(days=round(n))).isoformat()
    if unit == "week":
        return iso_week(base + timedelta(days=round(7 * n)))
    if unit == "month":
        if n != int(n):
            return (base + timedelta(days=round(30.44 * n))).isoformat()
        return month_value(*shift_months(base.year, base.month, int(n)))
    if n != int(n):  # years with a half: count months
        return month_value(*shift_months(base.year, base.month, round(12 * n)))
    return f"{base.year + int(n):04d}"


def nearest_weekday(base: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (Monday = 0) nearest to ``base`` in ``direction``.

    ``past`` and ``future`` include ``base`` itself (news says "said Thursday" on the
    Thursday it is published); ``past_strict`` and ``future_strict`` ("Senin lalu",
    "next Monday") do not.
    """
    delta = (base.weekday() - weekday) % 7
    if direction == "past":
        return base - timedelta(days=delta)
    if direction == "past_strict":
        return base - timedelta(days=delta or 7)
    ahead = (weekday - base.weekday()) % 7
    if direction == "future":
        return base + timedelta(days=ahead)
    return base + timedelta(days=ahead or 7)


def weekday_in_week(base: date, weekday: int, weeks: int) -> date:
    """The ``weekday`` of the ISO week ``weeks`` after base's ("Selasa pekan lalu": -1)."""
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=weeks)
    return monday + timedelta(days=weekday)


def nearest_month(base: date, month: int, direction: str) -> tuple[int, int]:
    """(year, month) of the named month nearest to ``base`` in ``direction``:
    ``past`` includes the current month ("Oktober" in October is this October),
    ``past_strict`` does not ("Oktober lalu" in October is last year's), likewise
    ``future`` / ``future_strict``."""
    y = base.year
    if direction == "past":
        return (y if month <= base.month else y - 1), month
    if direction == "past_strict":
        return (y if month < base.month else y - 1), month
    if direction == "future":
        return (y if month >= base.month else y + 1), month
    return (y if month > base.month else y + 1), month


def likely_month_year(base: date, month: int) -> int:
    """The year of a month named without one ("sampai Desember", "pengiriman Januari",
    "in September"): the nearest occurrence, with the past preferred up to seven months
    back, since news mostly looks back but also names the coming months."""
    back = (base.month - month) % 12
    return (
        base.year - (1 if month > base.month else 0)
        if back <= 7
        else (base.year + (1 if month < base.month else 0))
    )


def infer_year(base: date, month: int, day: int, tense: str | None = None) -> int:
    """The year of a day and month written without one ("Rabu (18/12)", "October 7").

    With no tense to go by, the nearest occurrence to ``base`` (ties to the past). In a
    clause in the past tense ("said on Jan. 3"), the latest occurrence not after the
    article's date (a day of slack for time zones); in the future tense ("akan digelar 5
    Januari", "will vote on Jan. 3"), the first not before it. English wire style drops
    the year of any date within the year around publication, so the tense decides."""
    best_y, best_cost = base.year, None
    for y in (base.year - 1, base.year, base.year + 1):
        d = make_date(y, month, day) or make_date(y, month, min(day, 28))
        if d is None:
            continue
        diff = (d - base).days
        if tense == "future":
            cost = diff if diff >= -1 else 10_000 + abs(diff)
        elif tense == "past":
            cost = -diff if diff <= 1 else 10_000 + diff
        else:
            cost = abs(diff) + (1 if diff > 0 else 0)
        if best_cost is None or cost < best_cost:
            best_y, best_cost = y, cost
    return best_y


def _edits(n: int, lo: int, hi: int) -> set[int]:
    """Numbers within [lo, hi] one typing slip away from ``n``: one digit changed, a digit
    dropped or doubled, or the two digits swapped."""
    s = str(n)
    out: set[int] = set()
    for i in range(len(s)):
        for c in "0123456789":
            out.add(int(s[:i] + c + s[i + 1 :]))
        if len(s) > 1:
            out.add(int(s[:i] + s[i + 1 :]))
    for c in "0123456789":
        out.add(int(c + s))
        out.add(int(s + c))
    if len(s) == 2:
        out.add(int(s[::-1]))
    out.discard(n)
    return {x for x in out if lo <= x <= hi}


def repair(
    y: int, m: int, d: int, weekday: int | None, base: date | None
) -> tuple[date, str | None]:
    """The most plausible date for a written y-m-d (and weekday, when the text gives one),
    and why it was changed or what is wrong, or None when all is consistent.

    - A date that exists and agrees with its weekday is returned as written.
    - Otherwise candidates one slip away are considered: day and month swapped, the month
      or day one digit off, the year one off. A candidate that agrees with the weekday and
      lies within a week of the article's date replaces a written date that lies further
      away (news dates its events near publication): "Jumat (11/10/2022)" in an article of
      Friday 2022-11-11 reads as 2022-11-11.
    - A date that cannot be (31/2/2020) takes the nearest candidate to the article's date
      that agrees with the weekday, else the last day of the written month.
    - A mismatch with no better candidate keeps the written date, with the conflict noted.
    """
    written = make_date(y, m, d)
    if written is not None and (weekday is None or written.weekday() == weekday):
        return written, None

    cands: set[date] = set()
    for mm in _edits(m, 1, 12) | {m}:
        for dd in _edits(d, 1, 31) | {d}:
            if mm != m and dd != d:
                continue  # one slip at a time
            c = make_date(y, mm, dd)
            if c:
                cands.add(c)
    for c in (make_date(y, d, m), make_date(y - 1, m, d), make_date(y + 1, m, d)):
        if c:
            cands.add(c)
    if written is None and 1 <= m <= 12 and d <= 31:
        # "31/9" counted on past the month's end: the writer's 1 October
        last = calendar.monthrange(y, m)[1]
        cands.add(date(y, m, last) + timedelta(days=d - last))
    if weekday is not None:
        fitting = [c for c in cands if c.weekday() == weekday]
    else:
        fitting = list(cands)

    wd_name = WEEKDAY_NAMES_EN[weekday] if weekday is not None else ""
    written_text = f"{d}/{m}/{y}"
    if written is None:
        last = calendar.monthrange(y, m)[1] if 1 <= m <= 12 else 31
        clamped = make_date(y, m, min(d, last)) if 1 <= m <= 12 else make_date(y, 1, min(d, 31))
        pick = clamped
        if weekday is not None and fitting:
            near_base = [c for c in fitting if base is not None and abs((c - base).days) <= 7]
            anchor = clamped or (base if base is not None else date(y, 1, 1))
            pick = min(near_base or fitting, key=lambda c: (abs((c - anchor).days), c))
        if pick is None:
            pick = date(y, 1, 1)
        return pick, f"{written_text} is not a date; read as {pick.isoformat()}"

    # The date exists but its weekday is another.
    why = f"{wd_name} does not fall on {written.isoformat()} (a {WEEKDAY_NAMES_EN[written.weekday()]})"
    if base is not None and fitting:
        best = min(fitting, key=lambda c: (abs((c - base).days), c))
        if abs((best - base).days) <= 7 < abs((written - base).days):
            return best, f"{why}; read as {best.isoformat()}, near the article's date"
    return written, f"{why}; kept as written"


def days_in_month(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]
