"""Read the article's date from its dateline when the input gave none.

News articles often open with a dateline: "June 23, 2024", "Jakarta, Senin (21/11/2016)",
"JAKARTA, KOMPAS.com -", "Washington (AP) — Nov. 21, 2016". Only the first line is read,
and only a full day-month-year date there counts.
"""

from __future__ import annotations

import re
from datetime import date

from ..config import Options
from ..doc import Article
from ..pipeline import register

MONTHS = {
    # Indonesian
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
    "desember": 12, "agu": 8, "okt": 10, "des": 12, "peb": 2, "nop": 11,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# 21/11/2016, 21-11-2016, 21.11.2016 (day first, as Indonesian and most of the world write)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# 21 November 2016 / 21 Nov. 2016
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# November 21, 2016 / Nov. 21 2016
_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
DATELINE_MAX = 120  # a dateline is short; a long first line is the lead sentence


def _make(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_dateline(first_line: str) -> str | None:
    """The ISO date a dateline gives, or None when the line is not a dated dateline."""
    line = first_line.strip()[:DATELINE_MAX]
    for rx, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_DMY, "dMy"), (_MDY, "Mdy")):
        m = rx.search(line)
        if not m:
            continue
        a, b, c = m.groups()
        if order == "ymd":
            return _make(int(a), int(b), int(c))
        if order == "dmy":
            return _make(int(c), int(b), int(a))
        if order == "dMy":
            return _make(int(c), MONTHS[b.lower()], int(a))
        return _make(int(c), MONTHS[a.lower()], int(b))
    return None


@register("dateline", requires=("normalized",), provides=("published",))
def make_dateline(options: Options):
    """Take the publication date from the first line when none was given."""

    def dateline(article: Article) -> Article:
        if article.published:
            article.published_source = article.published_source or "input"
            return article
        first = article.text.split("\n", 1)[0]
        found = parse_dateline(first)
        if found:
            article.published = found
            article.published_source = "dateline"
        else:
            article.published_source = "none"
        return article

    return dateline
