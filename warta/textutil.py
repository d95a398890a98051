"""Small text helpers shared by stages, the KB and the scorer."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-fold, strip accents and punctuation, collapse spaces: 'Dr. José' -> 'dr jose'."""
    if text.isascii():  # no accents to strip, and casefold() is lower() (the same result)
        return _SPACE.sub(" ", _PUNCT.sub(" ", text.lower().replace("'", ""))).strip()
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PUNCT.sub(" ", text.replace("'", "").replace("’", ""))
    return _SPACE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))
