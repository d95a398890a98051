"""Property tests for the date normaliser: any date written in any supported format
round-trips to its ISO value; relative expressions agree with the base date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.time import tag

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]  # fmt: skip
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip
EN_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
           "Nov.", "Dec."]  # fmt: skip
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ID_UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
EN_NUMS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen", "twenty"]  # fmt: skip

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
bases = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
published = st.one_of(st.none(), bases.map(date.isoformat))

settings.register_profile("warta", deadline=None, max_examples=150)
settings.load_profile("warta")


def id_number(n: int) -> str:
    """1..99 in Indonesian words."""
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 10:
        return ID_UNITS[n]
    if n < 20:
        return f"{ID_UNITS[n - 10]} belas"
    tens, unit = divmod(n, 10)
    return f"{ID_UNITS[tens]} puluh" + (f" {ID_UNITS[unit]}" if unit else "")


def id_formats(d: date) -> list[str]:
    m, wd = ID_MONTHS[d.month - 1], ID_DAYS[d.weekday()]
    return [
        f"{d.day} {m} {d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day}.{d.month}.{d.year}",
        d.isoformat(),
        f"{wd} ({d.day}/{d.month}/{d.year})",
        f"{wd}, {d.day} {m} {d.year}",
        f"{wd} {d.day} {m} {d.year}",
        f"tanggal {d.day} {m} {d.year}",
    ]


def en_formats(d: date) -> list[str]:
    m, a, wd = EN_MONTHS[d.month - 1], EN_ABBR[d.month - 1], EN_DAYS[d.weekday()]
    return [
        f"{m} {d.day}, {d.year}",
        f"{a} {d.day}, {d.year}",
        f"{d.day} {m} {d.year}",
        f"{wd}, {m} {d.day}, {d.year}",
        d.isoformat(),
    ]


def only(text: str, pub: str | None, lang: str) -> tuple[str, str | None, str | None]:
    got = tag(text, pub, lang)
    assert len(got) == 1, [(g.text, g.value) for g in got]
    return got[0].text, got[0].value, got[0].conflict


@given(dates, published, st.data())
def test_indonesian_formats_round_trip(d: date, pub: str | None, data: st.DataObject) -> None:
    expr = data.draw(st.sampled_from(id_formats(d)))
    text, value, conflict = only(f"Peristiwa itu terjadi pada {expr} di kota itu.", pub, "id")
    assert (text, value, conflict) == (expr, d.isoformat(), None)


@given(dates, published, st.data())
def test_english_formats_round_trip(d: date, pub: str | None, data: st.DataObject) -> None:
    expr = data.draw(st.sampled_from(en_formats(d)))
    text, value, conflict = only(f"The meeting took place on {expr} in the city.", pub, "en")
    assert (text, value, conflict) == (expr, d.isoformat(), None)


@given(dates)
def test_months_and_years_round_trip(d: date) -> None:
    pub = "2020-01-01"
    assert only(f"Harga naik pada {ID_MONTHS[d.month - 1]} {d.year}.", pub, "id")[1] == (
        f"{d.year}-{d.month:02d}"
    )
    assert only(f"Prices rose in {EN_MONTHS[d.month - 1]} {d.year}.", pub, "en")[1] == (
        f"{d.year}-{d.month:02d}"
    )
    assert only(f"Ia lulus tahun {d.year}.", pub, "id")[1] == str(d.year)


@given(bases, st.integers(min_value=-150, max_value=150))
def test_day_month_without_year_near_publication(base: date, offset: int) -> None:
    d = base + timedelta(days=offset)
    expr = f"{ID_DAYS[d.weekday()]} ({d.day}/{d.month})"
    assert only(f"Hal itu disampaikan {expr}.", base.isoformat(), "id")[1] == d.isoformat()


@given(bases, st.integers(min_value=1, max_value=60), st.booleans(), st.booleans())
def test_n_days_ago(base: date, n: int, words: bool, yang: bool) -> None:
    num = id_number(n) if words else str(n)
    text = f"Ia pindah {num} hari {'yang ' if yang else ''}lalu."
    assert only(text, base.isoformat(), "id")[1] == (base - timedelta(days=n)).isoformat()


@given(bases, st.integers(min_value=1, max_value=20), st.booleans())
def test_n_days_ago_english(base: date, n: int, words: bool) -> None:
    num = EN_NUMS[n] if words else str(n)
    unit = "day" if n == 1 else "days"
    text = f"He moved {num} {unit} ago."
    assert only(text, base.isoformat(), "en")[1] == (base - timedelta(days=n)).isoformat()


@given(bases, st.integers(min_value=1, max_value=30))
def test_weeks_months_years_ago(base: date, n: int) -> None:
    pub = base.isoformat()
    y, w, _ = (base - timedelta(weeks=n)).isocalendar()
    assert only(f"Ia pindah {n} pekan lalu.", pub, "id")[1] == f"{y}-W{w:02d}"
    k = base.year * 12 + base.month - 1 - n
    assert only(f"Ia pindah {n} bulan lalu.", pub, "id")[1] == f"{k // 12}-{k % 12 + 1:02d}"
    assert only(f"Ia pindah {n} tahun lalu.", pub, "id")[1] == str(base.year - n)


@given(bases)
def test_day_words(base: date) -> None:
    pub = base.isoformat()
    for word, offset in (("kemarin", -1), ("besok", 1), ("lusa", 2), ("hari ini", 0)):
        assert only(f"Ia datang {word}.", pub, "id")[1] == (base + timedelta(offset)).isoformat()
    for word, offset in (("yesterday", -1), ("tomorrow", 1), ("today", 0)):
        assert only(f"He came {word}.", pub, "en")[1] == (base + timedelta(offset)).isoformat()


def _weekday_value(text: str, base: date, lang: str) -> date:
    value = only(text, base.isoformat(), lang)[1]
    assert value is not None
    return date.fromisoformat(value)


@given(bases, st.integers(min_value=0, max_value=6))
def test_weekday_is_that_weekday_within_a_week(base: date, wd: int) -> None:
    past = _weekday_value(f"Ia diperiksa penyidik, {ID_DAYS[wd]}.", base, "id")
    assert past.weekday() == wd and 0 <= (base - past).days <= 6

    before = _weekday_value(f"Ia datang {ID_DAYS[wd]} lalu.", base, "id")
    assert before.weekday() == wd and 1 <= (base - before).days <= 7

    ahead = _weekday_value(f"Ia datang {ID_DAYS[wd]} depan.", base, "id")
    assert ahead.weekday() == wd and 1 <= (ahead - base).days <= 7

    future = _weekday_value(f"Presiden akan berkunjung pada {ID_DAYS[wd]}.", base, "id")
    assert future.weekday() == wd and 0 <= (future - base).days <= 6

    said = _weekday_value(f"The minister said {EN_DAYS[wd]} that prices rose.", base, "en")
    assert said.weekday() == wd and 0 <= (base - said).days <= 6

    last = _weekday_value(f"He came last {EN_DAYS[wd]}.", base, "en")
    assert last.weekday() == wd and 1 <= (base - last).days <= 7


@given(st.text(max_size=300), published, st.sampled_from(["id", "en", "ms", None]))
def test_any_text_gives_consistent_spans(text: str, pub: str | None, lang: str | None) -> None:
    got = tag(text, pub, lang)
    prev_end = 0
    for d in got:
        assert text[d.start : d.end] == d.text and d.text
        assert d.start >= prev_end
        prev_end = d.end
        assert d.value is None or d.value[:1].isdigit()
        assert d.value is not None or d.conflict


@given(
    st.lists(
        st.sampled_from(
            [
                "Senin",
                "(12/3)",
                "31/2/2020",
                "Minggu",
                "minggu",
                "lalu",
                "depan",
                "2019",
                "-",
                "Mei",
                "tahun",
                "kemarin",
                "dua",
                "hari",
                "yang",
                "13/13/2013",
                "0/0/0000",
                ",",
                "29 Februari 2019",
                "Jumat (30/2)",
                "pekan",
                "setengah",
                "May",
                "last",
                "ago",
            ]
        ),
        max_size=12,
    ),
    published,
)
def test_date_like_noise_never_crashes(parts: list[str], pub: str | None) -> None:
    text = " ".join(parts)
    for lang in ("id", "en"):
        for d in tag(text, pub, lang):
            assert text[d.start : d.end] == d.text
