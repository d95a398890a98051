"""Find the time expressions of a text and resolve them against the article's date.

``tag(text, published, lang)`` runs the language's grammar (one compiled expression, see
:mod:`warta.time.grammar`) over the text and hands each match to the handler of its rule,
which turns the words into a value (or rejects the match: "tiga minggu" is a duration,
"Mei" alone may be a name). Handlers only run on matches, a handful an article, so the
Python cost is small whatever the article's length.

Decisions worth knowing:

- Values carry the precision of the text: a day ``2016-11-19``, a week ``2019-W14``, a
  month ``2023-08``, a year ``2019``, a range ``2023-06-18/2023-06-19``.
- Without a publication date, absolute expressions still get their values; relative ones
  ("kemarin", "last week"), and dates without a year ("Senin (21/11)"), are still found
  and returned with ``value=None`` and a ``conflict`` saying why. Nothing is dropped.
- A weekday alone is the nearest such day in the past, the publication day included
  ("said Thursday" on a Thursday is that day), or in the future when the clause is in
  the future tense ("akan", "will", "depan", "next"); "lalu"/"last" exclude the
  publication day.
- "minggu" is a week unless the text makes it a day: "Minggu (20/11)", "hari Minggu",
  "Minggu pagi", or "Minggu" capitalised inside a sentence.
- "tadi malam", "last night" are the day before publication; "tadi", "pagi ini",
  "tonight" the day of publication.
- A day and month without a year take the year the clause's tense points to: the latest
  occurrence in a past clause ("said on Jan. 3"), the next in a future one ("akan digelar
  5 Januari"), else the nearest; a following year phrase wins ("a March 4 vote two years
  ago"). A month alone is the nearest, the past preferred up to seven months back.
- A relative expression gets the precision of its unit: "dua tahun lalu" is a year,
  "tiga bulan lalu" a month, "pekan lalu" an ISO week, "satu setengah tahun lalu" a month.
- Vague amounts ("beberapa hari lalu", "several years ago", "belasan tahun") name no
  calendar value and are not returned; nor are present-time words ("saat ini",
  "sekarang", "now") or durations ("selama tiga minggu", "over the past year").
- Number words: Indonesian 1-99 ("dua puluh satu"), "se-" ("setahun"), halves ("satu
  setengah", "1,5"); English one to twenty, thirty, forty, fifty, "a"/"an", "and a half".
- Impossible or inconsistent dates are repaired by :func:`warta.time.calc.repair`, and the
  reason is kept in ``DateMention.conflict``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..doc import DateMention
from . import calc
from .calc import iso_week, make_date, month_value, parse_iso
from .grammar import grammar, lowered
from .lexicon import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    EN_NUMBERS,
    FULL_MONTHS,
    FUTURE_CUES_EN,
    FUTURE_CUES_ID,
    ID_SPECIAL,
    ID_UNITS,
    MONTHS,
    NUMBER_PREFIXES,
    PAST_CUES_EN,
    PAST_CUES_ID,
    UNITS,
    WEEKDAYS,
)

NO_BASE = "relative expression, and the article has no publication date to resolve it against"
NO_YEAR = "no year in the text, and the article has no publication date to infer it from"


class _Ctx:
    """What every handler needs: the text, the publication date, the language."""

    __slots__ = ("text", "base", "lang")

    def __init__(self, text: str, base: date | None, lang: str) -> None:
        self.text = text
        self.base = base
        self.lang = lang


class _Hit:
    """One resolved expression before it becomes a DateMention. ``md`` keeps the written
    (month, day) of a date whose year was inferred, so that a later year phrase in the
    same clause ("a March 4 vote two years ago") can correct it."""

    __slots__ = ("start", "end", "value", "kind", "conflict", "md", "unit")

    def __init__(
        self,
        start: int,
        end: int,
        value: str | None,
        kind: str,
        conflict: str | None = None,
        md: tuple[int, int] | None = None,
        unit: str | None = None,
    ) -> None:
        self.start, self.end, self.value, self.kind = start, end, value, kind
        self.conflict, self.md, self.unit = conflict, md, unit


Groups = dict[str, str]
Handler = Callable[[_Ctx, re.Match[str], str, Groups], "_Hit | None"]

# ---------------------------------------------------------------- small readers


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower().replace("’", "'")]


_SPACES = re.compile(r"\s+")


def _norm(s: str | None) -> str:
    return _SPACES.sub(" ", s.lower()) if s else ""


def _num_id(words: str) -> float | None:
    """'dua puluh satu' -> 21, 'satu setengah' -> 1.5, '1,5' -> 1.5."""
    w = _norm(words)
    if w[:1].isdigit():
        return float(w.replace(",", "."))
    half = 0.0
    if w.endswith("setengah"):
        half = 0.5
        w = w[: -len("setengah")].strip()
        if not w:
            return 0.5
    if w in ID_SPECIAL:
        return ID_SPECIAL[w] + half
    parts = w.split(" ")
    if len(parts) == 1:
        return ID_UNITS[parts[0]] + half
    if parts[1] == "belas":
        return 10 + ID_UNITS[parts[0]] + half
    if parts[1] == "puluh":
        return 10 * ID_UNITS[parts[0]] + (ID_UNITS[parts[2]] if len(parts) > 2 else 0) + half
    return None


def _num_en(words: str) -> float:
    w = _norm(words)
    if w[:1].isdigit():
        return float(w)
    if w == "half a":
        return 0.5
    return float(EN_NUMBERS[w])


def _year(text: str, base: date | None) -> int:
    """A written year; two digits ("21/11/16") are the nearest century to the base."""
    y = int(text)
    if len(text) == 2:
        ref = base.year if base else 2000
        y += (ref // 100) * 100
        if y > ref + 20:
            y -= 100
    return y


def _prev_word(text: str, i: int) -> tuple[int, str]:
    """The word that ends just before ``i`` (spaces between), and where it starts."""
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k, text[k:j]


def _word_before(text: str, i: int) -> str:
    return _prev_word(text, i)[1]


def _word_after(text: str, i: int) -> str:
    j = i
    n = len(text)
    while j < n and text[j] == " ":
        j += 1
    k = j
    while k < n and (text[k].isalnum() or text[k] in "%$"):
        k += 1
    return text[j:k]


def _sentence_initial(text: str, i: int) -> bool:
    """True when only quote marks or spaces separate ``i`` from a sentence start."""
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(«„":
        j -= 1
    return j < 0 or text[j] in ".!?\n:"


# Words before a month name that make it a month even when the name could be a person's
# ("pada Mei", "sejak Agustus", "in May").
_MONTH_PREPS = frozenset(
    """pada sejak hingga sampai selama per mulai jelang menjelang akhir awal pertengahan
    in since until by during from of before after through early late""".split()
)

_QUANTITY_BEFORE = frozenset(
    """beberapa sejumlah berapa banyak puluhan belasan ratusan ribuan sekian selama dalam
    several few many couple""".split()
)

_BOUNDARY = re.compile(r"[.!?;\n](?:\s|$)|\n")


def _cue_regex(
    future: tuple[str, ...], past: tuple[str, ...], extra_past: str = ""
) -> re.Pattern[str]:
    f = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in future)
    p = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in past) + extra_past
    return re.compile(rf"(?<!\w)(?:(?P<f>{f})|(?P<p>{p}))(?!\w)", re.IGNORECASE)


_CUES = {
    "id": _cue_regex(FUTURE_CUES_ID, PAST_CUES_ID),
    # An English past form in -ed ("approved on Monday") is a past cue; the future cues
    # in -ed ("scheduled", "planned", "expected to") are tried first.
    "en": _cue_regex(FUTURE_CUES_EN, PAST_CUES_EN, r"|[a-z]{2,}ed"),
}


def _tense(ctx: _Ctx, start: int, end: int) -> str | None:
    """The tense of the clause around [start, end): "future", "past" or None. A time phrase
    qualifies the verb before it ("akan bertemu Selasa", "approved on Monday", "said
    Thursday"), so the nearest tense cue before it in its sentence decides; failing that,
    a cue just after it ("On Thursday, the president will ...")."""
    text = ctx.text
    lo = max(0, start - 100)
    for b in _BOUNDARY.finditer(text, lo, start):
        lo = b.end()
    hi = min(len(text), end + 30)
    stop = _BOUNDARY.search(text, end, hi)
    if stop is not None:
        hi = stop.start()
    cues = _CUES["en" if ctx.lang == "en" else "id"]
    cue = None
    for m in cues.finditer(text, lo, start):
        cue = m
    if cue is None:
        cue = cues.search(text, end, hi)
    if cue is None:
        return None
    return "future" if cue.group("f") is not None else "past"


def _future(ctx: _Ctx, start: int, end: int) -> bool:
    """Is the clause about the future? With no cue, news reports the past."""
    return _tense(ctx, start, end) == "future"


# ---------------------------------------------------------------- handlers


def _date_hit(
    ctx: _Ctx,
    start: int,
    end: int,
    y: str | int | None,
    m: int,
    d: int,
    weekday: int | None = None,
    kind: str = "absolute",
    tense: str | None = None,
) -> _Hit | None:
    """A day-precision hit from written parts; infers a missing year, repairs the rest.
    None when the numbers cannot be a date under any reading ("0/0/0000", "45/99/2019")."""
    if not (1 <= d <= 31 and 1 <= m <= 31 and (m <= 12 or d <= 12)):
        return None
    base = ctx.base
    md = None
    if y is None:
        if base is None:
            return _Hit(start, end, None, kind, NO_YEAR)
        year = calc.infer_year(base, m, d, tense or _tense(ctx, start, end))
        if weekday is not None:  # the weekday can tell which year was meant
            for cand in (year, year - 1, year + 1):
                c = make_date(cand, m, d)
                if c and c.weekday() == weekday and abs((c - base).days) < 300:
                    year = cand
                    break
        md = (m, d)
    else:
        year = y if isinstance(y, int) else _year(y, base)
    if not 1000 <= year <= 2999:
        return None
    value, conflict = calc.repair(year, m, d, weekday, base)
    return _Hit(start, end, value.isoformat(), kind, conflict, md=md)


def _relative(
    start: int,
    end: int,
    base: date | None,
    fn: Callable[[date], str],
    kind: str,
    unit: str | None = None,
) -> _Hit:
    if base is None:
        return _Hit(start, end, None, kind, NO_BASE, unit=unit)
    return _Hit(start, end, fn(base), kind, unit=unit)


def _week_word(start: int, end: int, rel: str, base: date | None) -> _Hit | None:
    step = _STEP.get(rel)
    if step is None:
        return None
    return _relative(
        start, end, base, lambda b: iso_week(b + timedelta(weeks=step)), "relative", "week"
    )


_STEP = {
    "ini": 0, "this": 0, "the": 0, "lalu": -1, "yang lalu": -1, "kemarin": -1, "last": -1, "past": -1,
    "depan": 1, "mendatang": 1, "next": 1, "the coming": 1, "coming": 1, "besok": 1,
    "nanti": 1,
}  # fmt: skip


def h_weekday_id(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    text = ctx.text
    start, end = mt.span()
    k, prev = _prev_word(text, start)
    pada = prev.lower() == "pada"
    if pada and g.get("hari"):
        start = k  # "pada hari Selasa" is the expression the reader sees
    wd_word = g["wd"]
    weekday = _weekday(wd_word)
    rel = _norm(g.get("rel"))
    has_date = any(k in g for k in ("pd", "td", "nd"))
    if weekday == 6 and wd_word.lower() == "minggu" and not has_date and not g.get("hari"):
        # Minggu/minggu: Sunday or week?
        wd_start = mt.start(p + "wd")
        lower = wd_word[0] == "m"
        initial = _sentence_initial(text, wd_start)
        timed = g.get("tod1") or g.get("tod2")
        if lower or (initial and rel and not timed):
            if not rel or timed:
                return None  # "tiga minggu", "setiap minggu": a duration, not a date
            before = _word_before(text, wd_start).lower()
            if before in _QUANTITY_BEFORE:
                return None
            return _week_word(wd_start, mt.end(p + "rel"), rel, ctx.base)
    if "pd2" in g:  # "Selasa-Rabu (21-22/11)": the range; the day names are the ends'
        first = _date_hit(ctx, start, end, g.get("py"), int(g["pm"]), int(g["pd"]))
        if first is None or first.value is None:
            return first
        second = _date_hit(ctx, start, end, int(first.value[:4]), int(g["pm"]), int(g["pd2"]))
        return _range(start, end, first, second)
    if "pd" in g:
        return _date_hit(ctx, start, end, g.get("py"), int(g["pm"]), int(g["pd"]), weekday)
    if "td" in g:
        return _date_hit(ctx, start, end, g.get("ty"), _month(g["tm"]), int(g["td"]), weekday)
    if "nd" in g:
        return _date_hit(ctx, start, end, g["ny"], int(g["nm"]), int(g["nd"]), weekday)
    if _generic_weekday(text, mt.start(p + "wd"), end, prev):
        return None
    if wd_word[0].islower() and not g.get("hari") and not pada:
        # "rabu", "kamis" in lower case without "hari"/"pada" is seldom a day name in news
        if not (rel or g.get("wk") or g.get("tod1") or g.get("tod2")):
            return None
    base = ctx.base
    if base is None:
        return _Hit(start, end, None, "weekday", NO_BASE)
    if g.get("wk"):
        step = _STEP.get(_norm(g["wkrel"]), 0)
        day = calc.weekday_in_week(base, weekday, step)
    elif rel in ("lalu", "yang lalu", "kemarin", "silam"):
        day = calc.nearest_weekday(base, weekday, "past_strict")
    elif rel in ("depan", "mendatang", "besok"):
        day = calc.nearest_weekday(base, weekday, "future_strict")
    elif rel == "ini":
        day = calc.weekday_in_week(base, weekday, 0)
    elif weekday != base.weekday() and (rel == "nanti" or _future(ctx, start, end)):
        day = calc.nearest_weekday(base, weekday, "future")
    else:
        day = calc.nearest_weekday(base, weekday, "past")
    return _Hit(start, end, day.isoformat(), "weekday")


_EVERY = frozenset({"setiap", "tiap", "saban", "tiap-tiap", "every", "each", "on"})
_WEEKDAY_WORD = re.compile(
    r"\s*[-–]\s*(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(
    r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\s*[-–]\s*$",
    re.IGNORECASE,
)
# Capitalised words after which a day name is still a day: "Pada Senin", "Hari Minggu".
_DAY_INTRO = frozenset(
    """pada hari sejak hingga sampai mulai setiap tiap jelang menjelang kemarin besok
    usai seusai sebelum sesudah setelah""".split()
)


def _generic_weekday(text: str, start: int, end: int, prev: str, en: bool = False) -> bool:
    """A day name that names no particular day: "setiap Senin", "Senin-Jumat" (a working
    week), "Pasar Minggu" (a place; a bare day name right after a capitalised word, with no
    comma between, is part of a name in Indonesian)."""
    p = prev.lower()
    if p in _EVERY and (p != "on" or text[start:end].lower().endswith("s")):
        return True  # "on Mondays" is every Monday
    if text[end : end + 1] == "s" and en:
        return True
    if _WEEKDAY_WORD.match(text, end) or _WEEKDAY_BEFORE.search(text, max(0, start - 12), start):
        return True
    if not en and prev[:1].isupper() and prev[-1:].isalnum() and p not in _DAY_INTRO:
        k = _prev_word(text, start)[0]
        return not _sentence_initial(text, k)
    return False


_EN_FIXED_WEEKDAY = re.compile(
    r"(?:black|good|super|cyber|bloody|palm|easter|holy|ash|maundy|giving)\s*$", re.IGNORECASE
)
_EN_WEEKDAY_TITLE = frozenset(
    {
        "times",
        "telegraph",
        "mirror",
        "express",
        "post",
        "herald",
        "star",
        "mail",
        "independent",
        "tribune",
    }
)


def h_weekday_en(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    text = ctx.text
    start, end = mt.span()
    weekday = _weekday(g["wd"])
    if "m" in g:
        return _date_hit(ctx, start, end, g.get("y"), _month(g["m"]), int(g["d"]), weekday)
    if "m2" in g:
        return _date_hit(ctx, start, end, g.get("y"), _month(g["m2"]), int(g["d2"]), weekday)
    if g["wd"][0].islower():
        return None
    if _generic_weekday(text, start, end, _word_before(text, start), en=True):
        return None
    if _EN_FIXED_WEEKDAY.search(text, max(0, start - 12), start):
        return None  # "Black Friday", "Good Friday": names, or days of another year
    if _word_after(text, end).lower() in _EN_WEEKDAY_TITLE and not g.get("tod"):
        return None  # "Sunday Times"
    base = ctx.base
    if base is None:
        return _Hit(start, end, None, "weekday", NO_BASE)
    pre = _norm(g.get("pre"))
    if g.get("wk"):
        day = calc.weekday_in_week(base, weekday, _STEP[_norm(g["wk"])])
    elif pre in ("last", "past"):
        day = calc.nearest_weekday(base, weekday, "past_strict")
    elif pre in ("next", "coming", "this coming"):
        day = calc.nearest_weekday(base, weekday, "future_strict")
    elif pre == "this":
        day = calc.weekday_in_week(base, weekday, 0)
    elif weekday != base.weekday() and _future(ctx, start, end):
        day = calc.nearest_weekday(base, weekday, "future")
    else:
        day = calc.nearest_weekday(base, weekday, "past")
    return _Hit(start, end, day.isoformat(), "weekday")


def _ago(ctx: _Ctx, mt: re.Match[str], p: str, n: float, unit: str, sign: int) -> _Hit | None:
    start, end = mt.span()
    before = _word_before(ctx.text, start).lower()
    if before in _QUANTITY_BEFORE:
        return None
    if n <= 0 or n > 200:
        return None
    kind = "relative"
    return _relative(start, end, ctx.base, lambda b: calc.shift(b, unit, sign * n), kind, unit)


def h_ago_id(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    if "unit2" in g:
        n: float | None = 1.0
        unit = UNITS[g["unit2"].lower()]
    else:
        n = _num_id(g["num"])
        unit = UNITS[g["unit"].lower()]
    if n is None:
        return None
    sign = 1 if _norm(g["dir"]) == "lagi" else -1
    return _ago(ctx, mt, p, n, unit, sign)


def h_ago_en(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    n = _num_en(g["num"])
    if g.get("h1") or g.get("h2"):
        n += 0.5
    unit = UNITS[g["unit"].lower()]
    sign = 1 if _norm(g["dir"]) == "from now" else -1
    return _ago(ctx, mt, p, n, unit, sign)


_TADI_DISCOURSE = frozenset({"yang", "seperti", "sebagaimana", "hal", "itu", "ini", "tersebut"})
_DAYWORD_ID = {
    "kemarin lusa": -2, "besok lusa": 2, "kemarin": -1, "lusa": 2, "besok": 1, "esok": 1,
    "esok hari": 1, "hari ini": 0, "tadi": 0,
}  # fmt: skip
_DAYWORD_EN = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
    "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1, "this morning": 0,
    "this afternoon": 0, "this evening": 0,
}  # fmt: skip


def h_dayword_id(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    text = ctx.text
    start, end = mt.span()
    if "w" in g:
        w = _norm(g["w"])
        offset = _DAYWORD_ID[w]
        tod = _norm(g.get("tod"))
        if w == "tadi":
            if _word_before(text, start).lower() in _TADI_DISCOURSE:
                return None  # "seperti (yang) tadi", "itu tadi": said earlier, not a time
            if tod == "malam":
                offset = -1  # "tadi malam" is last night
    else:
        w0 = _norm(g["w0"])
        offset = -1 if w0 == "kemarin" or (w0 == "tadi" and _norm(g["tod0"]) == "malam") else 0
    if text[end : end + 3].lower() == "nya":
        return None
    return _relative(
        start, end, ctx.base, lambda b: (b + timedelta(days=offset)).isoformat(), "relative", "day"
    )


def h_dayword_en(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    text = ctx.text
    start, end = mt.span()
    w = _norm(g["w"])
    if w == "today" and text[start] == "T" and not _sentence_initial(text, start):
        prev = _word_before(text, start)
        if prev[:1].isupper():
            return None  # "USA Today", "China Today"
    offset = _DAYWORD_EN[w]
    return _relative(
        start, end, ctx.base, lambda b: (b + timedelta(days=offset)).isoformat(), "relative", "day"
    )


def _unit_value(base: date, unit: str, step: int) -> str:
    if unit == "day":
        return (base + timedelta(days=step)).isoformat()
    if unit == "week":
        return iso_week(base + timedelta(weeks=step))
    if unit == "month":
        return month_value(*calc.shift_months(base.year, base.month, step))
    return f"{base.year + step:04d}"


def h_unit_id(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    start, end = mt.span()
    unit = UNITS[g["unit"].lower()]
    rel = _norm(g.get("rel"))
    if not rel:
        # "akhir tahun", "awal tahun" alone: this year's ("ditargetkan rampung akhir tahun");
        # "awal bulan" alone is mostly a schedule ("setiap awal bulan"), not a date.
        if not g.get("mod") or unit != "year":
            return None
        if _word_before(ctx.text, start).lower() in _EVERY | {"saat"}:
            return None
        rel = "ini"
    if unit == "day" and rel not in ("ini", "kemarin"):
        return None  # "hari lalu" only follows a count ("dua hari lalu")
    if _word_before(ctx.text, start).lower() in _QUANTITY_BEFORE:
        return None  # "beberapa bulan lalu"
    step = _STEP[rel]
    return _relative(start, end, ctx.base, lambda b: _unit_value(b, unit, step), "relative", unit)


def h_unit_en(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    start, end = mt.span()
    unit = UNITS.get(g["unit"].lower(), "week")  # weekend -> its week
    rel = _norm(g["rel"])
    if rel == "the past" and not g.get("mod"):
        return None  # "over the past year": a duration
    if rel == "the" and not g.get("mod"):
        return None  # "of the year" alone ("person of the year") names no date
    step = _STEP.get(rel, -1)
    return _relative(start, end, ctx.base, lambda b: _unit_value(b, unit, step), "relative", unit)


def h_iso(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    start, end = mt.span()
    y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    if not 1 <= m <= 12 or not 1 <= d <= 31 or not 1500 <= y <= 2100:
        return None
    return _date_hit(ctx, start, end, y, m, d)


def h_numeric(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    start, end = mt.span()
    a, b = int(g["a"]), int(g["b"])
    y = _year(g["y"], ctx.base)
    if g["s"] == "." and len(g["y"]) != 4:
        return None
    if not 1500 <= y <= 2100:
        return None
    day_first = make_date(y, b, a)
    month_first = make_date(y, a, b)
    if day_first is None and month_first is not None:
        return _Hit(start, end, month_first.isoformat(), "absolute")
    if (
        ctx.lang == "en"
        and day_first is not None
        and month_first is not None
        and ctx.base is not None
        and abs((month_first - ctx.base).days) < abs((day_first - ctx.base).days)
    ):
        return _Hit(start, end, month_first.isoformat(), "absolute")
    if b > 12 and a > 12:
        return None  # not a date at all ("15/20/2019" is a score or a reference)
    return _date_hit(ctx, start, end, y, b, a)


def h_paren(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    start, end = mt.span()
    d, m = int(g["d"]), int(g["m"])
    if not 1 <= m <= 12 or not 1 <= d <= 31:
        return None
    return _date_hit(ctx, start, end, g.get("y"), m, d)


def _year_from_rel(rel: str, base: date | None) -> int | None:
    if base is None:
        return None
    if "lalu" in rel or "kemarin" in rel or "last" in rel:
        return base.year - 1
    if "depan" in rel or "mendatang" in rel or "next" in rel:
        return base.year + 1
    return base.year


def h_dmy(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    start, end = mt.span()
    m1 = _month(g["m1"])
    d1 = int(g["d1"])
    rel = _norm(g.get("rel"))
    y: int | str | None = g.get("y")
    if y is None and rel.startswith(("tahun", "last", "this", "next", "of")):
        y = _year_from_rel(rel, ctx.base)
        if y is None:
            return _Hit(start, end, None, "absolute", NO_BASE)
    if "d3" in g:  # 18 Juni - 2 Juli 2023
        m2 = _month(g["m2"])
        second = _date_hit(ctx, start, end, y, m2, int(g["d3"]))
        if second is None or second.value is None:
            return second
        y1 = int(second.value[:4]) - (1 if m1 > m2 else 0)
        first = _date_hit(ctx, start, end, y1, m1, d1)
        return _range(start, end, first, second)
    if "d2" in g:  # 18-19 Juni 2023
        d2 = int(g["d2"])
        if d2 <= d1:
            return None
        first = _date_hit(ctx, start, end, y, m1, d1)
        if first is None or first.value is None:
            return first
        second = _date_hit(ctx, start, end, int(first.value[:4]), m1, d2)
        return _range(start, end, first, second)
    tense = "future" if rel in ("mendatang",) else "past" if rel in ("lalu", "silam") else None
    hit = _date_hit(ctx, start, end, y, m1, d1, tense=tense)
    if hit is None:
        return None
    if g["m1"][0].islower() and g["m1"].lower().rstrip(".") in ("may", "march"):
        return None  # "we may 5 ..." is not a date
    return hit


def _range(start: int, end: int, first: _Hit | None, second: _Hit | None) -> _Hit | None:
    if first is None or second is None:
        return None
    conflict = first.conflict or second.conflict
    return _Hit(start, end, f"{first.value}/{second.value}", "range", conflict)


def h_years(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    start, end = mt.span()
    y1, y2 = int(g["y1"]), int(g["y2"])
    if not y1 < y2 <= y1 + 100:
        return None
    return _Hit(start, end, f"{y1}/{y2}", "range")


def _month_hit(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    """Shared by month_id and month_en."""
    text = ctx.text
    start, end = mt.span()
    mword = g["m"]
    key = mword.lower().rstrip(".")
    month = MONTHS[key]
    prep = _word_before(text, start).lower() in _MONTH_PREPS
    mod, rel = _norm(g.get("mod")), _norm(g.get("rel"))
    has_day = "d1" in g
    has_year = "y" in g
    if not has_day and not has_year:
        if key not in FULL_MONTHS:
            return None  # "Jan", "Des" alone are names
        if mword[0].islower() and not (prep or mod or rel or g.get("bulan")):
            return None
        if key in AMBIGUOUS_MONTHS and not (prep or mod or rel or g.get("bulan") or "m2" in g):
            return None  # "Mei", "Agustus", "May" alone: maybe a name or a verb
        if key in ("may", "march") and mword[0].islower():
            return None
    base = ctx.base
    y: int | str | None = g.get("y")
    if y is None and rel.startswith(("tahun", "last", "this", "next", "of")):
        y = _year_from_rel(rel, base)
        if y is None:
            return _Hit(start, end, None, "month", NO_BASE)
    if has_day:
        d1 = int(g["d1"])
        if "d2" in g:
            d2 = int(g["d2"])
            if d2 <= d1:
                return None
            first = _date_hit(ctx, start, end, y, month, d1)
            if first is None or first.value is None:
                return first
            second = _date_hit(ctx, start, end, int(first.value[:4]), month, d2)
            return _range(start, end, first, second)
        return _date_hit(ctx, start, end, y, month, d1)
    if y is None:
        if base is None:
            return _Hit(start, end, None, "month", NO_YEAR)
        before = _word_before(text, start).lower()
        if rel in ("lalu", "yang lalu", "kemarin", "silam") or mod == "last":
            year = calc.nearest_month(base, month, "past_strict")[0]
        elif rel in ("depan", "mendatang") or mod == "next":
            year = calc.nearest_month(base, month, "future_strict")[0]
        elif rel == "ini" or mod == "this":
            year = base.year
        elif before in ("sejak", "semenjak", "since"):
            year = calc.nearest_month(base, month, "past")[0]
        elif rel == "nanti" or _future(ctx, start, end):
            year = calc.nearest_month(base, month, "future")[0]
        else:
            year = calc.likely_month_year(base, month)
    else:
        year = y if isinstance(y, int) else int(y)
    if "m2" in g:
        m2 = _month(g["m2"])
        y1 = year - 1 if m2 < month else year
        return _Hit(start, end, f"{month_value(y1, month)}/{month_value(year, m2)}", "range")
    return _Hit(start, end, month_value(year, month), "month")


def h_year(ctx: _Ctx, mt: re.Match[str], p: str, g: Groups) -> _Hit | None:
    text = ctx.text
    start, end = mt.span()
    y = int(g["y"])
    if not (g.get("th") or g.get("mod")):
        before = _word_before(text, start).lower().rstrip(":")
        if before in NUMBER_PREFIXES or before.startswith(("rp", "us$", "$")):
            return None
        if _word_after(text, mt.end(p + "y")).lower() in COUNT_NOUNS:
            return None
        if y < 1800:
            return None  # a bare 15xx-17xx is more often a count than a year in news
    return _Hit(start, end, str(y), "year", unit="year")


HANDLERS: dict[str, Handler] = {
    "weekday_id": h_weekday_id,
    "weekday_en": h_weekday_en,
    "ago_id": h_ago_id,
    "ago_en": h_ago_en,
    "dayword_id": h_dayword_id,
    "dayword_en": h_dayword_en,
    "unit_id": h_unit_id,
    "unit_en": h_unit_en,
    "iso": h_iso,
    "numeric": h_numeric,
    "paren": h_paren,
    "dmy": h_dmy,
    "years": h_years,
    "month_id": _month_hit,
    "month_en": _month_hit,
    "year": h_year,
}

# ---------------------------------------------------------------- the tagger


def _adopt_years(text: str, hits: list[_Hit], base: date | None) -> None:
    """A date written without its year takes the year of a year phrase that follows it in
    the same clause: "a March 4 vote two years ago", "pada 5 Mei, dua tahun lalu"."""
    for i, hit in enumerate(hits[:-1]):
        if hit.md is None or hit.value is None:
            continue
        nxt = hits[i + 1]
        if nxt.kind != "relative" or nxt.unit != "year" or not nxt.value or len(nxt.value) != 4:
            continue
        gap = text[hit.end : nxt.start]
        if len(gap) > 30 or _BOUNDARY.search(gap):
            continue
        year = int(nxt.value)
        month, day = hit.md
        fixed, conflict = calc.repair(year, month, day, None, None)
        hit.value, hit.conflict = fixed.isoformat(), conflict or hit.conflict


def tag(text: str, published: str | None, lang: str | None = "id") -> list[DateMention]:
    """Every expression of ``text`` that names a day, week, month or year, resolved against
    ``published`` (ISO date or None), as :class:`DateMention` in text order.

    ``lang`` picks the grammar: "id" (also used for "ms"), "en", or anything else for both.
    """
    if not text:
        return []
    gram = grammar(lang or "")
    low = lowered(text)
    ctx = _Ctx(text, parse_iso(published), lang or "")
    hits: list[_Hit] = []
    pos = 0
    n = len(text)
    while pos < n:
        mt = gram.search(text, low, pos)
        if mt is None:
            break
        name = mt.lastgroup or ""
        groups = {short: v for full, short in gram.groups[name] if (v := mt.group(full))}
        hit = HANDLERS[name](ctx, mt, name + "__", groups) if name in gram.groups else None
        if hit is None:  # rejected: none of its words starts a date either ("setiap hari Rabu")
            pos = max(mt.end(), mt.start() + 1)
            continue
        # Trim spaces and commas the optional parts may have left at the end.
        while hit.end > hit.start and text[hit.end - 1] in " \t\n,":
            hit.end -= 1
        hits.append(hit)
        pos = max(mt.end(), pos + 1)
    if len(hits) > 1:
        _adopt_years(text, hits, ctx.base)
    return [
        DateMention(
            text=text[h.start : h.end],
            value=h.value,  # type: ignore[arg-type]  # None only without a base date
            start=h.start,
            end=h.end,
            kind=h.kind,
            conflict=h.conflict,
        )
        for h in hits
    ]
