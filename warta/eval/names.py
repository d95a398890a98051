"""Name comparison used by the scorer (and by anything that needs the same notion of "same name").

Names are compared after case-folding, removing accents and punctuation and dropping titles
and honorifics; two names match when the words of one are all among the words of the other,
or when they are equal. Two names that are both country names match exactly when they name
the same country.
"""

from __future__ import annotations

from functools import lru_cache

from ..kb.countries import country_code
from ..textutil import fold

# Titles and honorifics dropped before comparing (folded forms). Indonesian and English
# forms of address, academic and religious honorifics, and the common office titles.
TITLES = frozenset(
    """
    presiden wapres wakil menteri menlu menhan menkeu mendagri menko mensesneg seskab
    bapak pak ibu bu saudara sdr tuan nyonya nona mas mbak bung kak
    dr drs dra ir prof profesor h hj kh haji hajjah habib ustaz ustadz kyai kiai gus
    se sh mh mm msi mba phd st sp
    mr mrs ms miss sir madam dame lord lady sen rep gov gen col lt capt
    president vice minister secretary prime premier chancellor senator governor mayor
    general admiral
    jenderal jend irjen brigjen komjen kombes akbp letjen mayjen laksamana marsekal
    gubernur bupati walikota wali kota kapolri kapolda kapolres panglima kasad kasal kasau
    dubes duta besar jubir juru bicara ketua direktur raja ratu pangeran sultan syekh sheikh
    king queen prince princess emperor pope paus
    """.split()
)


@lru_cache(maxsize=100_000)
def name_words(name: str) -> frozenset[str]:
    """The folded words of a name with titles dropped."""
    return frozenset(w for w in fold(name).split() if w not in TITLES)


@lru_cache(maxsize=200_000)
def names_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ca, cb = country_code(a), country_code(b)
    if ca and cb:
        return ca == cb
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return fold(a) == fold(b) and bool(fold(a))
    return wa <= wb or wb <= wa
