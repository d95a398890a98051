"""Country names → ISO 3166-1 alpha-3, in English, Indonesian and Malay, plus press forms.

The table is ``data/countries.tsv``, generated from CLDR by ``scripts/build_countries.py``
(``make countries``). Both the scorer and the knowledge base read it, so "Tiongkok",
"China" and "RRT" are one country everywhere in Warta.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..textutil import fold

TABLE = Path(__file__).with_name("data") / "countries.tsv"


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    alpha2: str
    names: tuple[str, ...]  # English CLDR name first, then Indonesian, Malay, press forms

    @property
    def name_en(self) -> str:
        return self.names[0]


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        a3, a2, names = line.split("\t")
        out[a3] = Country(a3, a2, tuple(names.split("|")))
    return out


@lru_cache(maxsize=1)
def _by_folded_name() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in countries().values():
        for name in c.names:
            index.setdefault(fold(name), c.alpha3)
    return index


def country_code(name: str) -> str | None:
    """The alpha-3 code for a country name in any supported form, else None."""
    return _by_folded_name().get(fold(name))


def is_country_name(name: str) -> bool:
    return country_code(name) is not None


def country_names() -> dict[str, str]:
    """Every known name form (as written) → alpha-3; for gazetteers."""
    return {name: c.alpha3 for c in countries().values() for name in c.names}


def display_name(alpha3: str, lang: str = "en") -> str:
    c = countries().get(alpha3)
    if c is None:
        return alpha3
    if lang == "id" and len(c.names) > 1:
        return c.names[1] if c.names[1] != c.names[0] else c.names[0]
    return c.name_en
