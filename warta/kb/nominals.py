"""Institutions named by a common noun: "polisi", "the police", "the military".

News names a country's national police or armed forces by the bare noun when the story is
set in that country ("Polisi memblokade …", "the military said") and by the noun with the
country elsewhere ("militer Myanmar", "the Israeli military"). Either way the text names the
institution, which acts and speaks like any named body, so it is an entity of its own.

``NATIONAL_BODIES`` maps a KB actor to the nouns each language uses for it. A noun with a
country (a country's name after an Indonesian noun, a demonym or a country's name before an
English one) is that country's body; a bare noun is the body of the country the article is
set in (the country most of its places belong to), and only where the noun is used as a
noun: "kantor polisi", "police station" (a place), "Jakarta police" (a regional force),
"military operations" (an adjective) are not the national body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..doc import Article, Entity
from ..textutil import fold
from .store import KB, Actor

# KB actor id -> {language: nouns}. A noun listed under "bare" for a language may stand alone;
# the others need their country in the text ("militer Myanmar").
NATIONAL_BODIES: dict[str, dict[str, tuple[str, ...]]] = {
    "idn_polri": {"id": ("polisi", "kepolisian"), "en": ("police",),
                  "bare": ("polisi", "kepolisian", "police")},
    "idn_tni": {"id": ("militer",), "en": ("military", "armed forces"),
                "bare": ("military", "armed forces")},
    "tatmadaw": {"id": ("militer",), "en": ("military", "armed forces"),
                 "bare": ("military", "armed forces")},
    "idf": {"id": ("militer",), "en": ("military",), "bare": ("military",)},
    "pla": {"id": ("militer",), "en": ("military",), "bare": ("military",)},
    "armed_forces_philippines": {"id": ("militer",), "en": ("military", "armed forces"),
                                 "bare": ("military", "armed forces")},
}

# Words that make the noun part of a compound naming something else: a place, a vehicle,
# a rank ("kantor polisi", "police station", "polisi militer").
_ID_BEFORE = frozenset("""kantor mobil pos markas seragam anjing garis akademi sekolah
    rumah sakit asrama kendaraan motor baju rompi pelat plat dinas laporan catatan surat
    tahanan""".split())
# ... or a person, one officer rather than the institution ("seorang polisi", "oknum polisi",
# "mantan polisi", "menjadi polisi").
_ID_PERSON_BEFORE = frozenset("seorang si sang oknum mantan menjadi sebagai eks".split())
_ID_AFTER = frozenset("militer pamong hutan air wanita lalu gadungan".split())
_EN_AFTER = frozenset("""station stations post posts car cars vehicle vehicles van vans line
    lines tape academy dog dogs box uniform uniforms headquarters precinct precincts cell
    cells barracks""".split())
# After an English "the military": what a subject is followed by (a verb, a title of its
# spokesman), not what an adjective is followed by ("the military operation").
_EN_SUBJECT_NEXT = frozenset("""said says say has had have is was were are will would could
    may might must should believe believes believed claimed claims denied denies confirmed
    confirms added announced stated reported blamed accused launched deployed sent took
    spokesman spokeswoman spokesperson chief commander leadership itself""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’]s)?")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:['’]s)?)\s*$")


@dataclass(frozen=True, slots=True)
class _Noun:
    words: tuple[str, ...]
    bodies: tuple[str, ...]  # KB ids of the bodies this noun names, one per country
    bare: tuple[str, ...]  # of those, the ones the bare noun may name


@lru_cache(maxsize=4)
def _nouns(lang: str) -> tuple[re.Pattern[str], dict[str, _Noun], tuple[str, ...]]:
    """The regex finding the nouns of ``lang``, each noun's bodies, and the nouns without
    their first letter (substring tests that skip most articles far faster than the regex)."""
    by_noun: dict[str, tuple[list[str], list[str]]] = {}
    for actor_id, langs in NATIONAL_BODIES.items():
        for noun in langs.get(lang, ()):
            ids, bare = by_noun.setdefault(noun, ([], []))
            ids.append(actor_id)
            if noun in langs.get("bare", ()):
                bare.append(actor_id)
    table = {n: _Noun(tuple(n.split()), tuple(ids), tuple(bare))
             for n, (ids, bare) in by_noun.items()}
    alts = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in table), key=len,
                           reverse=True))
    rx = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
    stems = [n.split()[0][1:] for n in table]
    return rx, table, (*stems, *(x.upper() for x in stems))


def focal_country(entities: list[Entity], lang: str) -> str | None:
    """The country the article is set in: the one most of its place mentions belong to
    (None on a tie); an Indonesian article that names no place is set in Indonesia."""
    counts = Counter(e.country for e in entities if e.label == "PLACE" and e.country)
    if not counts:
        return "IDN" if lang == "id" else None
    (top, n), *rest = counts.most_common(2)
    if rest and rest[0][1] == n:
        return None
    return top


def national_bodies(article: Article, entities: list[Entity], kb: KB,
                    name_in: Callable[[Actor, str], str]) -> list[Entity]:
    """Entities for the institutions the article names by a common noun (see the module's
    docstring); ``entities`` are those already found, ``name_in(actor, lang)`` gives an
    actor's name in a language."""
    lang = "en" if article.lang == "en" else "id"
    rx, table, stems = _nouns(lang)
    text = article.text
    if not any(stem in text for stem in stems):
        return []
    matches = list(rx.finditer(text))
    if not matches:
        return []
    spans = sorted((e.start, e.end) for e in entities)
    places = {e.start: e for e in entities if e.label == "PLACE" and e.country}
    place_ends = {e.end: e for e in places.values()}
    focal: list[str | None] = []  # the article's country, found on first need
    out: list[Entity] = []
    for m in matches:
        start, end = m.start(), m.end()
        if _inside(spans, start, end):
            continue  # part of a name already found ("Kepolisian Resor …")
        word = m.group()
        if word[0].isupper() and word[1:2].islower() and not _sentence_start(text, start):
            continue  # a capitalised noun mid-sentence is part of a name the scan left
        noun = table[" ".join(word.lower().split())]
        if lang == "id":
            qualifier = _id_qualifier(text, end, kb, places)
        else:
            qualifier = _en_qualifier(text, start, kb, place_ends)
        if qualifier is _REGIONAL:
            continue  # "Jakarta police", "polisi Bandung": a regional force
        qualified = qualifier is not None
        if not (_id_noun(text, start, end, qualified) if lang == "id"
                else _en_noun(text, start, end, noun, qualified)):
            continue
        if qualifier is None:
            if not focal:
                focal.append(focal_country(entities, lang))
            country, bodies, a, b = focal[0], noun.bare, start, end
        else:
            country, a, b = qualifier
            a, b, bodies = min(a, start), max(b, end), noun.bodies
        actor = next((x for x in map(kb.get, bodies) if x is not None and x.country == country),
                     None)
        if actor is None:
            continue
        unit = _unit(entities, actor, start) if qualifier is None else None
        if unit is not None:  # "Polda Sumut … Polisi menyebut": that unit, not the nation's
            out.append(replace(unit, text=text[a:b], start=a, end=b, role=None, slip=None,
                               source="nominal", confidence=0.6))
            continue
        out.append(Entity(
            text=text[a:b], label=actor.type, start=a, end=b, canonical=name_in(actor, lang),
            country=actor.country, actor_id=actor.id, sector=actor.sector, source="nominal",
            confidence=0.6,
        ))
    return out


def _unit(entities: list[Entity], body: Actor, at: int) -> Entity | None:
    """A unit of the same kind the article names (a regional police, a command): a KB body
    of the same sector and country, or an unknown organisation named with the same head
    word ("Kepolisian Daerah …" for "Kepolisian Negara …"). Of those the nearest before
    ``at``, else the first after: the bare noun refers to it."""
    head = body.name.split()[0]
    same = [e for e in entities if e.label == "ORG" and (
        (e.actor_id and e.sector == body.sector and e.country == body.country)
        or (e.actor_id is None and e.canonical.split()[0] == head
            and e.country in (None, body.country)))]
    before = [e for e in same if e.end <= at]
    return before[-1] if before else (same[0] if same else None)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3) : i].rstrip(" \"“'‘(")
    return not before or before[-1] in ".!?\n:"


def _next_word_at(text: str, end: int) -> int | None:
    """Where the word after ``end`` begins (one space or none between), if any."""
    if end < len(text) and text[end] == " ":
        end += 1
    return end if end < len(text) and text[end].isalpha() else None


def _prev_word(text: str, start: int) -> str:
    """The word that ends right before ``start`` (only spaces between), or ""."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m is not None else ""


def _id_noun(text: str, start: int, end: int, qualified: bool) -> bool:
    """An Indonesian noun on its own, not in a compound: "kantor polisi", "polisi militer"
    (a country after it, ``qualified``, is part of the phrase)."""
    before = _prev_word(text, start).lower()
    if before in _ID_BEFORE or before in _ID_PERSON_BEFORE:
        return False
    if qualified:
        return True
    after = _next_word_at(text, end)
    if after is not None:
        m = _WORD.match(text, after)
        if m is not None and (m.group().lower() in _ID_AFTER or m.group()[0].isupper()):
            return False  # "polisi militer"; "Kepolisian Daerah …" left unfound
    return True


# A qualifier: (country, start, end) of the country word, or _REGIONAL for a place that is not
# a country, or None for none.
_Qualifier = tuple[str, int, int]
_REGIONAL: _Qualifier = ("", -1, -1)


def _country_of(place: Entity, kb: KB) -> str | None:
    """The place's country code when the place is a country itself."""
    actor = kb.get(place.actor_id) if place.actor_id else None
    return place.country if actor is not None and actor.origin == "country" else None


def _id_qualifier(text: str, end: int, kb: KB, places: dict[int, Entity]) -> _Qualifier | None:
    """The place right after an Indonesian noun ("militer Myanmar", "polisi Bandung")."""
    after = _next_word_at(text, end)
    place = places.get(after) if after is not None else None
    if place is None:
        return None
    country = _country_of(place, kb)
    return (country, place.start, place.end) if country else _REGIONAL


def _en_qualifier(text: str, start: int, kb: KB, place_ends: dict[int, Entity]
                  ) -> _Qualifier | None:
    """The country word before an English noun ("the Israeli military", "Myanmar's armed
    forces"); _REGIONAL for a capitalised word that names no country ("Jakarta police")."""
    before = text[max(0, start - 2) : start]
    if not before.endswith(" "):
        return None
    word = _prev_word(text, start)
    if not word or not word[0].isupper():
        return None
    w0 = text.rfind(word, 0, start)
    code = kb.demonym(word)
    if code:
        return code, w0, w0 + len(word)
    place = place_ends.get(start - 1) or place_ends.get(start - 3)  # "Myanmar", "Myanmar's"
    if place is not None:
        country = _country_of(place, kb)
        return (country, place.start, place.end) if country else _REGIONAL
    return _REGIONAL if not _sentence_start(text, w0) else None


def _en_noun(text: str, start: int, end: int, noun: _Noun, qualified: bool) -> bool:
    """An English noun used as a noun: "police" not in "police station"; "the military"
    and "the Israeli military" (``qualified``) only as a subject ("… military said"), since
    "military" is mostly an adjective."""
    after = _next_word_at(text, end)
    nxt = ""
    if after is not None:
        m = _WORD.match(text, after)
        nxt = m.group().lower() if m is not None else ""
    if nxt in _EN_AFTER:
        return False
    if noun.words == ("police",):
        return True
    if not qualified and fold(_prev_word(text, start)) != "the":
        return False
    return after is None or nxt in _EN_SUBJECT_NEXT or nxt.endswith("ed")
