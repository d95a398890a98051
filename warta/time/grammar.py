"""The tagger's grammar: one regular expression a language, built from ordered rules.

Each rule is a pattern with named groups. The patterns are joined into one alternation
(group names prefixed with the rule's name so that they stay unique), compiled once, and
run over the whole text with ``search``: one pass in C, no per-token Python loop. Python's
alternation is leftmost-first, not longest, so:

- every rule starts with its own optional left context ("pada hari", "awal", "last") so
  that the longest reading begins at the leftmost word, and
- rules that share a first word are ordered longest first (a weekday with its date before
  the bare weekday; an ISO date before a range of years).

Which groups a rule has, and what they mean, is read by the handler of the same name in
:mod:`warta.time.tagger`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .lexicon import (
    ABBR_MONTHS,
    EN_FULL_MONTHS,
    EN_NUMBERS,
    FULL_MONTHS,
    ID_FULL_MONTHS,
    ID_SPECIAL,
    ID_UNITS,
    TIME_OF_DAY_EN,
    TIME_OF_DAY_ID,
    WEEKDAYS_EN,
    WEEKDAYS_ID,
)


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` as a character trie ("s(?:e(?:nin|lasa)|abtu)"),
    so that the engine follows one branch per character instead of trying every word;
    spaces become ``\\s+``. The longest word wins where one is a prefix of another, as
    long as the pattern after it can still match (the engine backtracks into shorter)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    for ch in sorted((c for c in node if c), key=lambda c: -_depth(node[c])):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    end = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body if len(branches) == 1 else body


def _depth(node: dict) -> int:
    return 1 + max((_depth(v) for k, v in node.items() if k), default=0)


# A dot after a month is an abbreviation's ("Nov. 21"), never a full name's ("... Juni.").
MON = rf"(?:{alt(FULL_MONTHS)}\b|{alt(ABBR_MONTHS)}\b\.?)"
MON_ID = rf"(?:{alt(ID_FULL_MONTHS)}\b|{alt(ABBR_MONTHS)}\b\.?)"
MON_EN = rf"(?:{alt(EN_FULL_MONTHS)}\b|{alt(ABBR_MONTHS)}\b\.?)"
WD_ID = alt(WEEKDAYS_ID) + r"\b"
WD_EN = alt(WEEKDAYS_EN) + r"\b"
TOD_ID = alt(TIME_OF_DAY_ID) + r"\b"
TOD_EN = alt(TIME_OF_DAY_EN) + r"\b"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
ORD = r"(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_U = alt(ID_UNITS)
NUM_ID = (
    rf"(?:{_U}\s+puluh(?:\s+{_U})?|{_U}\s+belas|{alt(ID_SPECIAL)}|{_U}(?:\s+setengah)?"
    r"|setengah|\d{1,3}(?:[.,]5)?)\b"
)
NUM_EN = rf"(?:{alt(EN_NUMBERS)}|\d{{1,3}}(?:\.5)?)\b"
RANGE_SEP = r"(?:[-–—]|hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s/d|to|until|through)"
ID_REL = r"(?:yang\s+lalu|lalu|kemarin|silam|mendatang|depan|nanti|ini)"
YEAR_REL = r"(?:tahun\s+(?:ini|lalu|kemarin|depan|mendatang)|(?:of\s+)?(?:last|this|next)\s+year)"
EN_MOD = (
    r"(?:the\s+(?:end|beginning|start|middle)\s+of|(?:end|beginning|start|middle)\s+of"
    r"|early|late|mid-|mid)"
)
ID_MOD = r"(?:awal|akhir|pertengahan|medio)"

ID_NUM_WORDS = (
    *ID_UNITS,
    *ID_SPECIAL,
    "setengah",
    "sehari",
    "sepekan",
    "seminggu",
    "sebulan",
    "setahun",
)
EN_MOD_WORDS = ("the", "end", "beginning", "start", "middle", "early", "late", "mid", "mid-")

# (name, languages, first words, pattern). The first words are every word a match of the
# rule can begin with ("DIGIT" for a number, "(" for a parenthesis): the master expression
# looks them up in one trie before it tries any rule, so most words of a text cost one or
# two character comparisons. Prepositions ("pada", "in", "on") are not part of any
# pattern: the handlers read the word before a match where it matters ("in May").
# Order matters: see the module docstring.
RULES: list[tuple[str, frozenset[str], tuple[str, ...], str]] = [
    # "hari Senin (21/11/2016) malam", "Senin, 21 November 2016", "Selasa pekan lalu",
    # "Minggu malam (20/11)", "minggu depan" (the handler tells Minggu from minggu)
    (
        "weekday_id",
        frozenset({"id"}),
        ("hari", *WEEKDAYS_ID),
        rf"""(?:(?P<hari>hari)\s+)?(?P<wd>{WD_ID})
        (?:\s*,)?(?:\s+(?P<tod1>{TOD_ID}))?
        (?:\s*\(\s*(?P<pd>\d{{1,2}})(?:\s*[-–]\s*(?P<pd2>\d{{1,2}}))?\s*[/.\-]\s*(?P<pm>\d{{1,2}})
              (?:\s*[/.\-]\s*(?P<py>\d{{4}}|\d{{2}}))?\s*\)
         |\s*,?\s+(?:(?:tanggal|tgl\.?)\s+)?(?P<td>{DAY})\s+(?P<tm>{MON})
              (?:\s*,?\s*(?P<ty>{YEAR}))?
         |\s*,?\s+(?P<nd>\d{{1,2}})[/.\-](?P<nm>\d{{1,2}})[/.\-](?P<ny>\d{{4}}|\d{{2}})(?!\d)
        )?
        (?:\s+(?P<wk>pekan|minggu)\s+(?P<wkrel>lalu|depan|ini|mendatang|kemarin))?
        (?:\s+(?P<rel>{ID_REL}|besok))?
        (?:\s+(?P<tod2>{TOD_ID}))?""",
    ),
    # "last Tuesday", "Thursday morning", "Monday, Nov. 21, 2016", "Tuesday last week"
    (
        "weekday_en",
        frozenset({"en"}),
        ("last", "next", "this", "coming", "past", *WEEKDAYS_EN),
        rf"""(?:(?P<pre>last|next|this\s+coming|this|coming|past)\s+)?(?P<wd>{WD_EN})
        (?:\s*,?\s*(?:(?P<m>{MON_EN})\s*(?P<d>{DAY}){ORD}
                    |(?P<d2>{DAY}){ORD}\s+(?:of\s+)?(?P<m2>{MON_EN}))
           (?:\s*,?\s*(?P<y>{YEAR}))?)?
        (?:\s+(?P<tod>{TOD_EN}))?
        (?:\s+(?P<wk>last|next|this)\s+week)?""",
    ),
    # "dua hari yang lalu", "3 hari lalu", "satu setengah tahun yang lalu", "setahun lalu",
    # "tiga hari lagi"
    (
        "ago_id",
        frozenset({"id"}),
        ("DIGIT", *ID_NUM_WORDS),
        rf"""(?:(?P<num>{NUM_ID})\s*(?P<unit>hari|pekan|minggu|bulan|tahun)
           |se(?P<unit2>hari|pekan|minggu|bulan|tahun))
        \s+(?:yang\s+)?(?P<dir>lalu|silam|lagi)\b""",
    ),
    # "two days ago", "a year and a half ago", "one and a half years ago"
    (
        "ago_en",
        frozenset({"en"}),
        ("DIGIT", "half", *EN_NUMBERS),
        rf"""(?P<num>{NUM_EN}|half\s+a)\s+(?:(?P<h1>and\s+a\s+half)\s+)?
        (?P<unit>days?|weeks?|months?|years?)(?:\s+(?P<h2>and\s+a\s+half))?
        \s+(?P<dir>ago|from\s+now)\b""",
    ),
    # "kemarin", "besok pagi", "hari ini", "tadi malam", "sore ini", "kemarin lusa"
    (
        "dayword_id",
        frozenset({"id"}),
        (
            "kemarin",
            "besok",
            "lusa",
            "esok",
            "hari",
            "tadi",
            "pagi",
            "siang",
            "sore",
            "petang",
            "malam",
            "dini",
        ),
        rf"""(?:(?P<w>kemarin\s+lusa|besok\s+lusa|kemarin|lusa|besok|esok(?:\s+hari)?
              |hari\s+ini|tadi)(?:\s+(?P<tod>{TOD_ID}))?
         |(?P<tod0>pagi|siang|sore|petang|malam|dini\s+hari)\s+(?:hari\s+)?
          (?P<w0>ini|tadi|kemarin|nanti))\b""",
    ),
    # "yesterday", "tomorrow night", "last night", "this morning", "the day before yesterday"
    (
        "dayword_en",
        frozenset({"en"}),
        ("the", "yesterday", "today", "tomorrow", "tonight", "last", "this"),
        rf"""(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday
           |today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))
        (?:\s+(?P<tod>{TOD_EN}))?\b""",
    ),
    # "pekan lalu", "bulan depan", "awal bulan ini", "akhir tahun lalu", "tahun ini"
    (
        "unit_id",
        frozenset({"id"}),
        ("awal", "akhir", "pertengahan", "medio", "hari", "pekan", "minggu", "bulan", "tahun"),
        rf"""(?:(?P<mod>{ID_MOD})\s+)?(?P<unit>hari|pekan|minggu|bulan|tahun)
        (?:\s+(?P<rel>ini|yang\s+lalu|lalu|kemarin|depan|mendatang)\b
           |(?<=n)(?!\s*(?:\d|{MON_ID}|ke-|ajaran|anggaran|buku|fiskal|baru|politik)))""",
    ),
    # "last week", "earlier this month", "next year", "late last year", "this weekend"
    (
        "unit_en",
        frozenset({"en"}),
        (*EN_MOD_WORDS, "earlier", "later", "last", "this", "next"),
        rf"""(?:(?P<mod>{EN_MOD}|earlier|later)\s*)?
        (?P<rel>last|this|next|the\s+coming|the\s+past|(?<=of\s)the)\s+
        (?P<unit>week(?:end)?|month|year)\b""",
    ),
    # "2016-11-21"
    (
        "iso",
        frozenset({"id", "en"}),
        ("DIGIT",),
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d\-])",
    ),
    # "21/11/2016", "21-11-2016", "21.11.2016", "21/11/16"
    (
        "numeric",
        frozenset({"id", "en"}),
        ("DIGIT",),
        r"""(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|(?<=/)\d{2})
        (?![\d/.\-]?\d)""",
    ),
    # "(21/11)", "(21/11/2016)" after a place name ("Jakarta (21/11)")
    (
        "paren",
        frozenset({"id", "en"}),
        ("(",),
        r"\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\s*\)",
    ),
    # "21 November 2016", "14-15 Juni 2023", "20 hingga 22 Mei 2024", "18 Juni-2 Juli",
    # "21 Nov", "21st November", "5 Mei tahun lalu"
    (
        "dmy",
        frozenset({"id", "en"}),
        ("DIGIT", "tanggal", "tgl"),
        rf"""(?:(?P<tgl>tanggal|tgl\.?)\s+)?(?P<d1>{DAY}){ORD}
        (?:\s*{RANGE_SEP}\s*(?P<d2>{DAY}){ORD})?
        \s*(?:of\s+)?(?P<m1>{MON})
        (?:\s*{RANGE_SEP}\s*(?P<d3>{DAY})\s+(?P<m2>{MON}))?
        (?:\s*,?\s*(?P<y>{YEAR}))?
        (?:\s+(?P<rel>{YEAR_REL}|lalu|silam|mendatang))?""",
    ),
    # "2014-2019", "2019/2020", "2019 hingga 2024"
    (
        "years",
        frozenset({"id", "en"}),
        ("DIGIT",),
        rf"(?P<y1>{YEAR})\s*(?:[-–—/]|hingga|sampai|to)\s*(?P<y2>{YEAR})(?![\w/\-])",
    ),
    # Month-led, Indonesian: "bulan Agustus", "Agustus lalu", "Agustus 2019", "awal Juni",
    # "Juni-Juli 2023", "Oktober ini"
    (
        "month_id",
        frozenset({"id"}),
        ("awal", "akhir", "pertengahan", "medio", "bulan", *ID_FULL_MONTHS, *ABBR_MONTHS),
        rf"""(?:(?P<mod>{ID_MOD})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m>{MON_ID})
        (?:\s*(?:[-–]|hingga|sampai)\s*(?P<m2>{MON_ID}))?
        (?:\s*,?\s*(?P<y>{YEAR}))?
        (?:\s+(?P<rel>{YEAR_REL}|{ID_REL}))?(?![\w\-/])""",
    ),
    # Month-led, English: "November 21, 2016", "Nov. 21", "August", "last May",
    # "mid-August", "June 18-19, 2023", "December of last year"
    (
        "month_en",
        frozenset({"en"}),
        (*EN_MOD_WORDS, "last", "next", "this", *EN_FULL_MONTHS, *ABBR_MONTHS),
        rf"""(?:(?P<mod>{EN_MOD}|last|next|this|early|late)\s*)?(?P<m>{MON_EN})
        (?:\s*(?P<d1>{DAY}){ORD}(?:\s*[-–]\s*(?P<d2>{DAY}){ORD})?(?!\s*[:.]\d|\s*(?:%|percent)))?
        (?:\s*[-–]\s*(?P<m2>{MON_EN}))?
        (?:\s*,?\s*(?P<y>{YEAR}))?
        (?:\s+(?P<rel>{YEAR_REL}))?(?![\w\-/])""",
    ),
    # "tahun 2019", "2019", "pertengahan 2018", "akhir tahun 2019", "mid-2018", "fiscal 2019"
    (
        "year",
        frozenset({"id", "en"}),
        (
            "DIGIT",
            "awal",
            "akhir",
            "pertengahan",
            "medio",
            *EN_MOD_WORDS,
            "tahun",
            "thn",
            "th",
            "fiscal",
            "fy",
            "ta",
        ),
        rf"""(?:(?P<mod>{ID_MOD}|{EN_MOD})\s*)?
        (?:(?P<th>tahun|thn\.?|th\.|fiscal|FY|TA)\s*)?(?P<y>{YEAR})(?![\w/\-]|[.,]\d)
        (?:\s+(?P<rel>lalu|silam|ini))?""",
    ),
]

_NAMED = re.compile(r"\(\?P<(\w+)>")
_BACKREF = re.compile(r"\(\?P=(\w+)\)")


class Grammar:
    """The compiled master expression of one language and the group names of each rule."""

    def __init__(self, langs: frozenset[str]) -> None:
        parts: list[str] = []
        firsts: set[str] = set()
        self.groups: dict[str, tuple[tuple[str, str], ...]] = {}
        for name, rule_langs, first, pattern in RULES:
            if not (rule_langs & langs):
                continue
            renamed = _NAMED.sub(rf"(?P<{name}__\1>", pattern)
            renamed = _BACKREF.sub(rf"(?P={name}__\1)", renamed)
            self.groups[name] = tuple((f"{name}__{g}", g) for g in _NAMED.findall(pattern))
            parts.append(f"(?P<{name}>{renamed})")
            firsts.update(w if w == "DIGIT" else w.lower() for w in first)
        gate = []
        if "DIGIT" in firsts:
            gate.append(r"\d")
        if "(" in firsts:
            gate.append(r"\(")
        words = firsts - {"DIGIT", "("}
        gate.append(alt(w for w in words if not w.endswith("-")) + r"(?!\w)")
        gate.extend(re.escape(w) for w in words if w.endswith("-"))
        # A match starts at a word start (or an opening parenthesis), never inside a word
        # or a number, and only at a word some rule can begin with.
        self.regex = re.compile(
            r"(?<![\w.,/])(?=" + "|".join(gate) + ")(?:" + "|".join(parts) + ")",
            re.IGNORECASE | re.VERBOSE,
        )
        # The same gate, case-sensitive, for the lower-cased text, behind the one character
        # that must precede a match. Case-insensitive alternatives are each entered in turn
        # at every word start; case-sensitive ones are skipped on their first letter, and
        # the leading character class lets the engine jump from separator to separator.
        # It finds every position the master expression can match at (see ``search``).
        self.prefilter = re.compile(r"[^\w.,/](?=" + "|".join(gate) + ")", re.VERBOSE)

    def search(self, text: str, low: str | None, pos: int) -> re.Match[str] | None:
        """``self.regex.search(text, pos)``, faster: the master expression is tried only
        where the prefilter finds a date's first word in ``low`` (``text.lower()``, or
        None when :func:`lowered` found it unsafe to use)."""
        rx = self.regex
        if low is None:
            return rx.search(text, pos)
        if pos == 0:  # no character before the text's first: try it directly
            mt = rx.match(text, 0)
            if mt is not None:
                return mt
            pos = 1
        find = self.prefilter.search
        p = pos - 1
        while (cue := find(low, p)) is not None:
            p = cue.start() + 1
            mt = rx.match(text, p)
            if mt is not None:
                return mt
        return None


# Characters the case-insensitive engine equates with an ASCII letter although lower()
# does not map them to it ("ſ" ~ "s", "ı" ~ "i"); "İ" lower-cases to two characters.
_CASE_TRAPS = ("ſ", "ı", "İ")


def lowered(text: str) -> str | None:
    """``text.lower()`` when its characters sit at the same offsets and a case-sensitive
    match of a lower-case word in it is exactly a case-insensitive match in ``text``;
    otherwise None (then :meth:`Grammar.search` falls back to the master expression)."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _CASE_TRAPS)):
        return None
    return low


@lru_cache(maxsize=8)
def grammar(lang: str) -> Grammar:
    """The grammar for ``lang``: Indonesian rules for id and ms, English for en, both for
    any other or unknown language (a bilingual article loses nothing)."""
    if lang in ("id", "ms"):
        return Grammar(frozenset({"id"}))
    if lang == "en":
        return Grammar(frozenset({"en"}))
    return Grammar(frozenset({"id", "en"}))
