"""Load the event lexicons once and compile them into dict lookups.

Everything the extractor consults per token is a dict or frozenset lookup built here:
trigger rows by root/lemma (and phrase rows by their first word), generic actors by phrase,
country names by folded n-gram, cue words by surface form. :func:`lexicon` builds one
:class:`Lexicon` per language on first use and caches it for the life of the process.

Data files (``data/``, documented in ``data/README.md``):

=============================  ===========================================================
``id_triggers.tsv``            Indonesian triggers (roots with allowed affixes, phrases)
``en_triggers.tsv``            English triggers (lemmas, phrases), CAMEO-derived classes
``id_agents.tsv``              Indonesian generic actors -> sector
``en_agents.tsv``              English generic actors (hand-written additions)
``en_agents.derived.tsv``      Phoenix.agents.txt (PETRARCH2) generic actors -> sector
``en_countries.derived.tsv``   Phoenix country names, adjectives, cities -> alpha-3
``countries_extra.tsv``        demonyms, capitals and metonyms missing from the above
``cues.yaml``                  light verbs, reporting verbs, modality cues, preps, modes
``cameo_plover.derived.tsv``   CAMEO -> PLOVER (PLOVER's CAMEO2PLOVER-2021)
``cameo_plover_overrides.tsv`` Warta's deliberate departures from that table
``goldstein.derived.tsv``      CAMEO -> Goldstein score (GDELT's table)
=============================  ===========================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import KBError
from ..kb.countries import country_names
from ..textutil import fold

DATA = Path(__file__).with_name("data")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
FRAMES = frozenset({"AT", "A", "REC", "INV", "P", "MUST", "CLAIM", "BLAME"})
# Deprecated codes that CLDR still hands out; Warta's events speak current ISO 3166-1.
ISO_FIXES = {"BUR": "MMR", "DDR": "DEU", "YMD": "YEM", "ZAR": "COD", "TMP": "TLS"}


@dataclass(frozen=True, slots=True)
class TriggerRow:
    key: tuple[str, ...]  # one root/lemma, or the words of a phrase
    lang: str
    affixes: frozenset[str] | None  # id: allowed affix classes (None = any)
    pos: str  # en: v | n | vn ; id: "" (decided by the affix class)
    type: str
    mode: str | None
    cameo: str
    needs: tuple[tuple[str, ...], ...]
    not_: tuple[tuple[str, ...], ...]
    frame: str
    noun: str  # solo | light | -
    rule: str  # "id_triggers.tsv:57 serang" — where the decision comes from
    needs_words: frozenset[str] = frozenset()  # the one-word entries of ``needs``
    not_words: frozenset[str] = frozenset()  # the one-word entries of ``not_``


@dataclass(frozen=True, slots=True)
class AgentRow:
    words: tuple[str, ...]
    sector: str
    country: str | None
    kind: str  # person | group | org
    rule: str


@dataclass(slots=True)
class Lexicon:
    lang: str
    single: dict[str, list[TriggerRow]] = field(default_factory=dict)
    phrases: dict[str, list[TriggerRow]] = field(default_factory=dict)
    agents: dict[str, list[AgentRow]] = field(default_factory=dict)  # by first word
    countries: dict[str, str] = field(default_factory=dict)  # folded name -> alpha-3
    country_first: dict[str, int] = field(default_factory=dict)  # first word -> max length
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    modes: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    inner_modes: dict[str, str] = field(default_factory=dict)
    governing: frozenset[str] = frozenset()
    switches: list[dict[str, Any]] = field(default_factory=list)
    nonstate: frozenset[str] = frozenset()
    state: frozenset[str] = frozenset()
    roots: frozenset[str] = frozenset()
    negated_becomes: list[dict[str, Any]] = field(default_factory=list)
    protest_place_words: frozenset[str] = frozenset()


def _split_words(value: str) -> tuple[tuple[str, ...], ...]:
    if value in ("", "-"):
        return ()
    return tuple(tuple(v.split()) for v in value.split("|") if v.strip())


def _rows(name: str) -> list[tuple[int, list[str]]]:
    path = DATA / name
    out = []
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise KBError(f"cannot read event lexicon: {err}", source=str(path)) from err
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        out.append((n, line.rstrip("\n").split("\t")))
    return out


def load_triggers(lang: str) -> list[TriggerRow]:
    name = f"{lang}_triggers.tsv"
    rows = []
    for n, cols in _rows(name):
        if len(cols) != 9:
            raise KBError(f"expected 9 tab-separated columns, got {len(cols)}", source=name, line=n)
        key, aff, typ, mode, cameo, needs, not_, frame, noun = (c.strip() for c in cols)
        if typ not in PLOVER_TYPES:
            raise KBError(f"unknown PLOVER type {typ!r}", source=name, line=n)
        if frame not in FRAMES:
            raise KBError(f"unknown frame {frame!r}", source=name, line=n)
        words = tuple(key.lower().split())
        if lang == "id":
            affixes = None if aff == "*" else frozenset(a.strip() for a in aff.split(","))
            pos = ""
        else:
            affixes, pos = None, aff
            if pos not in ("v", "n", "vn"):
                raise KBError(f"pos must be v, n or vn, not {pos!r}", source=name, line=n)
        rows.append(
            TriggerRow(
                key=words,
                lang=lang,
                affixes=affixes,
                pos=pos,
                type=typ,
                mode=None if mode == "-" else mode,
                cameo=cameo,
                needs=_split_words(needs),
                not_=_split_words(not_),
                frame=frame,
                noun=noun,
                rule=f"{name}:{n} {key}",
                needs_words=frozenset(w[0] for w in _split_words(needs) if len(w) == 1),
                not_words=frozenset(w[0] for w in _split_words(not_) if len(w) == 1),
            )
        )
    return rows


def load_agents(lang: str) -> list[AgentRow]:
    out: list[AgentRow] = []
    seen: set[tuple[str, ...]] = set()
    files = [f"{lang}_agents.tsv"] + (["en_agents.derived.tsv"] if lang == "en" else [])
    for name in files:
        for n, cols in _rows(name):
            words = tuple(cols[0].lower().split())
            if not words or words in seen:
                continue
            seen.add(words)
            if name.endswith(".derived.tsv"):
                code = cols[1].strip()
                sector, country, kind = code[:3], None, "group"
            else:
                if len(cols) != 4:
                    raise KBError(
                        "expected 4 columns: phrase sector country kind", source=name, line=n
                    )
                sector, country, kind = cols[1].strip(), cols[2].strip(), cols[3].strip()
                country = None if country == "-" else country
                sector = "" if sector == "-" else sector
            out.append(AgentRow(words, sector, country, kind, f"{name}:{n}"))
    return out


def load_countries(lang: str) -> dict[str, str]:
    """Folded country names (any language Warta reads) -> alpha-3."""
    table: dict[str, str] = {}
    for name, code in country_names().items():
        table.setdefault(fold(name), ISO_FIXES.get(code, code))
    for _, cols in _rows("countries_extra.tsv"):
        table[fold(cols[0])] = cols[1].strip()
    if lang == "en":
        for _, cols in _rows("en_countries.derived.tsv"):
            table.setdefault(fold(cols[0]), cols[1].strip())
    table.pop("", None)
    return table


@lru_cache(maxsize=1)
def _cues_yaml() -> dict[str, Any]:
    path = DATA / "cues.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise KBError(f"cannot read cue lists: {err}", source=str(path)) from err


@lru_cache(maxsize=4)
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon for ``lang`` ("id" or "en"; Malay uses "id")."""
    lang = "en" if lang == "en" else "id"
    lex = Lexicon(lang=lang)
    for row in load_triggers(lang):
        if len(row.key) == 1:
            lex.single.setdefault(row.key[0], []).append(row)
        else:
            lex.phrases.setdefault(row.key[0], []).append(row)
    for rows in lex.phrases.values():
        rows.sort(key=lambda r: -len(r.key))  # longest phrase first
    lex.roots = frozenset(lex.single)
    for agent in load_agents(lang):
        lex.agents.setdefault(agent.words[0], []).append(agent)
    for rows_a in lex.agents.values():
        rows_a.sort(key=lambda a: -len(a.words))
    lex.countries = load_countries(lang)
    for name in lex.countries:
        first = name.split(" ", 1)[0]
        lex.country_first[first] = max(lex.country_first.get(first, 0), name.count(" ") + 1)
    cfg = _cues_yaml()
    for key, words in cfg[lang].items():
        bad = [w for w in words if not isinstance(w, str)]
        if bad:  # YAML reads a bare on/no/yes as a boolean: quote such words
            raise KBError(f"cue list {lang}.{key} has non-words {bad!r}", source="cues.yaml")
        lex.cues[key] = frozenset(w.lower() for w in words)
    lex.modes = {
        typ: {mode: frozenset(str(w).lower() for w in ws) for mode, ws in by_mode.items()}
        for typ, by_mode in cfg["modes"].items()
    }
    lex.inner_modes = dict(cfg["inner_modes"])
    lex.governing = frozenset(cfg["governing"])
    lex.switches = list(cfg["switch"])
    lex.nonstate = frozenset(cfg["nonstate_sectors"])
    lex.state = frozenset(cfg["state_sectors"])
    lex.negated_becomes = list(cfg["negated_becomes"])
    lex.protest_place_words = frozenset(cfg["protest_place_words"])
    return lex


def rows_for_form(cache: dict, limit: int, table: dict[str, list], key: tuple, low: str,
                  lem: str, size: Callable[[Any], int]) -> list:
    """The rows of ``table`` (lists kept longest first) that may start at a word: those of
    its lower-case form, then of its lemma, merged longest first. Kept in ``cache`` under
    ``key`` while it holds fewer than ``limit`` entries (a full cache only stops storing)."""
    rows = cache.get(key)
    if rows is not None:
        return rows
    rows = table.get(low, [])
    if lem != low:
        rows = sorted(rows + table.get(lem, []), key=lambda r: -size(r))
    if len(cache) < limit:
        cache[key] = rows
    return rows


@dataclass(frozen=True, slots=True)
class PloverCode:
    type: str | None
    mode: str | None
    context: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, PloverCode]:
    """CAMEO code -> PLOVER type/mode/context (PLOVER's table, then Warta's overrides)."""
    table: dict[str, PloverCode] = {}
    for _, cols in _rows("cameo_plover.derived.tsv"):
        code, typ, mode, ctx = cols[0], cols[1], cols[2], cols[3]
        table[code] = PloverCode(typ or None, mode or None, ctx or None)
    for _, cols in _rows("cameo_plover_overrides.tsv"):
        code, typ, mode = cols[0], cols[1], cols[2]
        base = table.get(code)
        table[code] = PloverCode(
            None if typ == "-" else typ,
            None if mode == "-" else mode,
            base.context if base else None,
        )
    return table


def cameo_to_plover(code: str) -> PloverCode | None:
    """The PLOVER reading of a CAMEO code (falling back to its parent codes)."""
    table = cameo_table()
    c = code
    while c:
        if c in table:
            return table[c]
        c = c[:-1]
    return None


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    return {cols[0]: float(cols[1]) for _, cols in _rows("goldstein.derived.tsv")}


def goldstein(code: str | None) -> float | None:
    """The Goldstein score of a CAMEO code (or of its nearest parent), else None."""
    if not code:
        return None
    table = goldstein_table()
    c = code
    while c:
        if c in table:
            return table[c]
        c = c[:-1]
    return None


# The CAMEO code an event gets when its lexicon row names none (root codes per type).
DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080",
    "COOPERATE": "060", "AID": "070", "RETREAT": "084", "REQUEST": "100",
    "ACCUSE": "110", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190",
}  # fmt: skip
