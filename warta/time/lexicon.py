"""Words of time in Indonesian and English: months, weekdays, parts of the day, numbers.

Only general vocabulary of the two languages lives here (no phrases taken from any
article). Keys are lower-case; the grammar matches case-insensitively and the tagger
looks at the original case where case carries meaning ("Minggu" Sunday, "minggu" week).
"""

from __future__ import annotations

# Month names and the abbreviations news uses ("Nov.", "Agt", "Sept."). Full names only in
# FULL_MONTHS: an abbreviation alone ("Jan", "Des", "Mar") is too often a name or a word, so
# it only counts next to a day or year number.
FULL_MONTHS: dict[str, int] = {
    # Indonesian (with the older spellings Pebruari, Nopember still seen in print)
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11,
    "nopember": 11, "desember": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "december": 12,
}  # fmt: skip
ABBR_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8,
    "agt": 8, "ags": 8, "agst": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10,
    "nov": 11, "nop": 11, "des": 12, "dec": 12,
}  # fmt: skip
MONTHS: dict[str, int] = {**FULL_MONTHS, **ABBR_MONTHS}
# The full names of each language: a month-led expression only uses its own language's
# names ("Sunday Morning Futures" or "Women's March" inside Indonesian text are names).
ID_FULL_MONTHS = frozenset(
    """januari februari pebruari maret april mei juni juli agustus september oktober
    november nopember desember""".split()
)
EN_FULL_MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()
)

# Month names that are also common given names or words ("Mei", "Juni", "Agustus", "April",
# "May", "June", "March"): alone, they need a time word around them to count as a month.
AMBIGUOUS_MONTHS = frozenset(
    {"mei", "juni", "juli", "agustus", "april", "may", "june", "july", "august", "march"}
)

# Weekday -> Python weekday number (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

WEEKDAYS_ID = frozenset(
    {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu", "ahad"}
)
WEEKDAYS_EN = frozenset(WEEKDAYS) - WEEKDAYS_ID

# Parts of the day that may follow (or, in Indonesian, precede) a day name without
# changing the date: "Sabtu (19/11) malam", "Selasa pagi", "Thursday morning".
TIME_OF_DAY_ID = (
    "dini hari", "pagi hari", "siang hari", "sore hari", "malam hari", "tengah malam",
    "tengah hari", "pagi", "siang", "sore", "petang", "malam", "subuh",
)  # fmt: skip
TIME_OF_DAY_EN = ("morning", "afternoon", "evening", "night", "overnight")

# Indonesian number words. Composite numbers ("dua puluh satu", "dua belas") are built in
# the grammar from these parts; "se-" ("sehari", "setahun") means one.
ID_UNITS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
}  # fmt: skip
ID_SPECIAL: dict[str, int] = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
EN_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

# Calendar units.
UNITS: dict[str, str] = {
    "hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year",
}  # fmt: skip

# Words that place an expression relative to the article's date.
PAST_WORDS = frozenset({"lalu", "kemarin", "silam", "yang lalu", "last", "past"})
FUTURE_WORDS = frozenset({"depan", "mendatang", "besok", "nanti", "next", "coming"})
THIS_WORDS = frozenset({"ini", "this"})

# Words that tell the tense of a clause, used to resolve a bare weekday or month
# ("akan bertemu Selasa" -> the coming Tuesday). The nearest cue to the expression wins;
# with none, news is about the past.
FUTURE_CUES_ID = (
    "akan", "bakal", "hendak", "rencananya", "direncanakan", "berencana", "dijadwalkan",
    "terjadwal", "mendatang", "nanti", "besok", "esok", "segera",
)  # fmt: skip
PAST_CUES_ID = (
    "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas", "mengatakan", "menyatakan",
    "menjelaskan", "mengungkapkan", "menegaskan", "menuturkan", "telah", "sudah", "sempat",
    "lalu", "kemarin", "tadi", "pernah", "usai", "seusai", "setelah", "digelar", "dilakukan",
)  # fmt: skip
FUTURE_CUES_EN = (
    "will", "'ll", "shall", "would", "scheduled", "planned", "plans", "plan", "set to",
    "expected to", "due to", "upcoming", "is to", "are to", "next",
)  # fmt: skip
PAST_CUES_EN = (
    "said", "told", "says", "added", "announced", "reported", "was", "were", "had", "did",
    "ago", "last", "yesterday", "earlier",
)  # fmt: skip

# Words after a four-digit number that make it a count, not a year ("2000 orang").
COUNT_NOUNS = frozenset(
    """orang jiwa unit buah ekor lembar kursi rumah warga personel pasukan prajurit polisi
    peserta kali km meter m kg ton ton hektare ha mw kwh liter barel kilometer persen
    people persons troops soldiers police officers residents units homes houses times
    kilometres kilometers miles metres meters tonnes tons hectares barrels percent
    dollars rupiah""".split()
)
# Words before a four-digit number that make it an amount or an identifier ("Rp 2000").
NUMBER_PREFIXES = frozenset({"rp", "us$", "$", "no", "nomor", "nomer", "no.", "pasal", "nr"})
