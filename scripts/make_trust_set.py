"""Build the labelled trust test set: genuine articles and altered copies of them (issue 8).

    .venv/bin/python scripts/make_trust_set.py --shared ../shared --out /tmp/warta-trust/set.jsonl

Genuine articles come from the dev gold (``<shared>/gold/dev.jsonl``) and the Detik corpus
(``<shared>/data/corpus-detik/data_berita.csv``), read where they are: their text is never
copied into the repository, and the output (which contains it) goes to a temporary folder.
Only the gold's ``id``, ``lang``, ``published`` and ``text`` are read, never its annotations.

Every genuine article is an item labelled clean (it should raise no flag). Altered copies
are made by the rules below; each records the flags it SHOULD raise (``expect``), built from
what the rule did and from the knowledge base, never from running the checks:

- ``redate_plain``: the published date moved 2–6 years later. Expected: a
  ``role_anachronism`` for every person the text gives a title (title right before the
  name) that the KB says they held on the old date and not on the new one; a
  ``time_inconsistency`` when the text names a day by weekday and date ("Senin
  (20/10/2025)"), since news writing names days that way only for the days around writing.
- ``redate_elapsed``: a sentence "sudah N tahun sejak <anchor>" (and other ways to say
  elapsed time) true on the old date is inserted, then the date moved. Expected:
  ``time_inconsistency`` (plus whatever ``redate_plain`` expects).
- ``anchor_consistent`` (control): the same sentence, the date left alone. Expected: nothing.
- ``redate_near``: "<a one-off dated event> … pekan ini / bulan ini" inserted into an article
  dated at least a year away from the event. Expected: ``time_inconsistency``.
- ``spun_replace``: a known multi-word organisation name in the text with one word swapped
  for a synonym, as article spinners do ("Badan Pusat Statistik" → "Lembaga Pusat
  Statistik", "Associated Press" → "Related Press"). Expected: ``spun_name``.
- ``spun_cite``: a sentence citing a well-known outlet under a spun name inserted.
  Expected: ``spun_name``. ``cite_real`` (control): the same with the real name.
- ``name_slip``: a one-letter slip in the full name of a person the KB knows (in the first
  mention or in all of them). Expected: ``name_slip``.
- ``english_1`` / ``english_2`` / ``english_3``: one to three English clauses or sentences
  left untranslated in an Indonesian text (simulated MT output; no MT runs offline).
  Expected: ``untranslated_english``. ``english_quoted`` (control): English inside
  quotation marks, attributed. Expected: nothing.
- ``calque`` / ``calque_heldout``: one or two sentences with word-for-word renderings of
  English idioms. ``calque_heldout`` uses only calques kept out of the checker's lexicon on
  purpose (they measure how far a lexicon of calques generalises; never add them to it).
- ``translated``: English leftovers and a calque together. Expected: both flags.
- ``role_anachronism``: an article that gives a KB person a title is re-dated (later, past
  the end of the term; or earlier, before its start, for a term still running) so that the
  title no longer fits. Expected: ``role_anachronism`` (plus what ``redate_plain`` expects).

The spinner synonyms below are the generator's own; ``HELDOUT_SWAPS`` marks swaps kept out
of ``warta/trust/data/spinner_synonyms.tsv`` on purpose, for the same reason as the calques.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.kb.model import first_day, last_day  # noqa: E402
from warta.kb.store import KB, Actor, load_kb  # noqa: E402
from warta.textutil import fold  # noqa: E402
from warta.trust.anchors import Anchor, load_anchors  # noqa: E402
from warta.trust.names import known_org_names  # noqa: E402
from warta.trust.phrases import lower_same_length, phrase_regex  # noqa: E402

DEFAULT_OUT = Path("/tmp/warta-trust/trust_set.jsonl")
GRACE_DAYS = 14  # the press keeps a title for days around a handover

# ---------------------------------------------------------------------------- inputs


@dataclass(slots=True)
class Source:
    id: str
    corpus: str  # gold | detik
    lang: str | None
    published: str
    text: str


def load_gold(shared: Path) -> list[Source]:
    """The dev gold's texts and dates (its annotations are not read)."""
    path = shared / "gold" / "dev.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("published"):
                out.append(Source(row["id"], "gold", row.get("lang"), row["published"], row["text"]))
    return out


def detik_date(tanggal: str) -> str:
    """'10/21/2025 20:43' (M/D/YYYY) -> '2025-10-21'."""
    m, d, y = tanggal.split()[0].split("/")
    return date(int(y), int(m), int(d)).isoformat()


def load_detik(shared: Path) -> list[Source]:
    path = shared / "data" / "corpus-detik" / "data_berita.csv"
    csv.field_size_limit(10**8)
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append(Source(f"detik-{row['id']}", "detik", "id", detik_date(row["tanggal"]),
                              row["isi_berita"]))
    return out


@dataclass(slots=True)
class Item:
    id: str
    base_id: str
    corpus: str
    alteration: str
    lang: str | None
    published: str
    original_published: str
    text: str
    expect: list[dict[str, Any]] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------- text surgery

_QUOTE_CHARS = re.compile(r"[\"“”„«»]")
_SENT_END = re.compile(r"(?<=[.!?])(?:\s+|\n+)(?=[A-Z\"“(])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans: enough to choose where to insert or edit."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def outside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` is outside any quotation (quotes open and close within a paragraph)."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.count('"') % 2 == 0 and line.count("“") <= line.count("”")


def insert_sentence(text: str, sentence: str, rng: random.Random) -> str:
    """Insert a sentence at a sentence boundary outside quotations, in the first half (never
    before the first sentence, which may hold the dateline)."""
    spans = sentence_spans(text)
    starts = [a for a, _ in spans[1 : max(2, len(spans) // 2 + 1)] if outside_quotes(text, a)]
    if not starts:
        return text.rstrip() + " " + sentence
    pos = rng.choice(starts)
    k = next(i for i, (a, _) in enumerate(spans) if a == pos)
    sep = "\n" if "\n" in text[spans[k - 1][1] : pos] else " "
    return text[:pos] + sentence + sep + text[pos:]


def plain_sentences(text: str, min_words: int = 8) -> list[tuple[int, int]]:
    """Sentences without quotation marks that end with a full stop (for clause insertion)."""
    out = []
    for a, b in sentence_spans(text):
        s = text[a:b].rstrip()
        if (s.endswith(".") and not _QUOTE_CHARS.search(s) and len(s.split()) >= min_words
                and outside_quotes(text, a)):
            out.append((a, a + len(s)))
    return out


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------------------- numbers

_ID_DIGITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
_EN_NUMBERS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve"]


def id_number(n: int, rng: random.Random) -> str:
    """An Indonesian count as the press writes it: words for small numbers, often digits."""
    if n >= 10 and rng.random() < 0.6 or rng.random() < 0.25:
        return str(n)
    if n < 10:
        return _ID_DIGITS[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{_ID_DIGITS[n - 10]} belas"
    tens, ones = divmod(n, 10)
    return f"{_ID_DIGITS[tens]} puluh" + (f" {_ID_DIGITS[ones]}" if ones else "")


def en_number(n: int, rng: random.Random) -> str:
    if n < len(_EN_NUMBERS) and rng.random() < 0.8:
        return _EN_NUMBERS[n]
    return str(n)


def years_between(a: date, b: date) -> int:
    return int((b - a).days // 365.25)


def shift(day: date, days: int) -> date:
    return day + timedelta(days=days)


# ---------------------------------------------------------------------------- anchors

# How the press names some anchor events, per language (the checker's anchor table must know
# these phrases for them to be found: that is what this part of the set measures).
ANCHOR_PHRASES: dict[str, tuple[str, str]] = {
    "covid19_pandemic": ("pandemi Covid-19", "the Covid-19 pandemic"),
    "russia_invasion_ukraine": ("invasi Rusia ke Ukraina", "Russia's invasion of Ukraine"),
    "hamas_attack_israel_2023": ("serangan 7 Oktober", "the October 7 attack"),
    "indonesia_election_2014": ("Pemilu 2014", "the 2014 presidential election"),
    "indonesia_election_2019": ("Pemilu 2019", "the 2019 Indonesian election"),
    "indonesia_election_2024": ("Pilpres 2024", "the 2024 Indonesian election"),
    "indian_ocean_tsunami_2004": ("tsunami Aceh", "the 2004 Indian Ocean tsunami"),
    "palu_earthquake_2018": ("gempa Palu", "the Palu earthquake"),
    "cianjur_earthquake_2022": ("gempa Cianjur", "the Cianjur earthquake"),
    "kanjuruhan_2022": ("tragedi Kanjuruhan", "the Kanjuruhan disaster"),
    "g20_bali_summit_2022": ("KTT G20 Bali", "the Bali G20 summit"),
    "asian_games_2018": ("Asian Games 2018", "the 2018 Asian Games"),
    "mh370_disappearance": ("hilangnya MH370", "the disappearance of MH370"),
    "lion_air_610_crash": ("jatuhnya Lion Air JT 610", "Lion Air Flight 610"),
    "brexit_referendum": ("referendum Brexit", "the Brexit referendum"),
}

ELAPSED_ID = [
    "Sudah {n} {u} sejak {a}, namun dampaknya masih dirasakan banyak orang.",
    "{N} {u} setelah {a}, pemerintah masih menyiapkan sejumlah langkah lanjutan.",
    "Kini, {n} {u} pasca {a}, banyak hal telah berubah.",
    "{A} yang terjadi {n} {u} lalu masih membekas bagi banyak warga.",
    "Sudah {n} {u} berlalu sejak {a}, dan situasinya kini jauh berbeda.",
    "{A} {n} {u} silam menjadi pelajaran penting bagi semua pihak.",
]
ELAPSED_ID_ONE = [
    "Setahun setelah {a}, pemerintah masih menyiapkan sejumlah langkah lanjutan.",
    "Sudah setahun sejak {a}, namun dampaknya masih dirasakan banyak orang.",
]
ELAPSED_EN = [
    "{N} years after {a}, its effects are still felt across the region.",
    "It has been {n} years since {a}, and much has changed since then.",
    "{A}, which began {n} years ago, still shapes the debate.",
    "{N} years on from {a}, officials say the lessons have been learned.",
]
NEAR_ID = [
    "Sementara itu, {a} yang berlangsung pekan ini turut menjadi sorotan.",
    "Pembahasan soal {a} bulan ini juga masih terus berlanjut.",
    "Dampak {a} pekan ini masih terus didata oleh petugas.",
]
NEAR_EN = [
    "Meanwhile, {a} this week also drew attention.",
    "Talks about {a} this month are still going on.",
]


def anchors_by_id() -> dict[str, Anchor]:
    return {a.id: a for a in load_anchors()}


def elapsed_sentence(anchor: Anchor, n: int, lang: str, rng: random.Random) -> str:
    id_phrase, en_phrase = ANCHOR_PHRASES[anchor.id]
    if lang == "en":
        t = rng.choice(ELAPSED_EN)
        num = en_number(n, rng) if n > 1 else "one"
        return t.format(n=num, N=cap(num), a=en_phrase, A=cap(en_phrase)).replace(
            "one years", "one year")
    if n == 1 and rng.random() < 0.7:
        return rng.choice(ELAPSED_ID_ONE).format(a=id_phrase)
    t = rng.choice(ELAPSED_ID)
    num = id_number(n, rng)
    return t.format(n=num, N=cap(num), u="tahun", a=id_phrase, A=cap(id_phrase))


# ---------------------------------------------------------------------------- KB persons


@dataclass(slots=True)
class TitledMention:
    actor: Actor
    role_key: str
    title: str
    start: int
    end: int


# Generic forms of titles per role key, as Indonesian and English news write them before a
# name (the KB's own `title` of each term is tried too).
TITLE_FORMS: dict[str, tuple[str, ...]] = {
    "president": ("Presiden", "Presiden RI", "President"),
    "vice_president": ("Wakil Presiden", "Wapres", "Vice President"),
    "foreign_minister": ("Menteri Luar Negeri", "Menlu", "Foreign Minister"),
    "finance_minister": ("Menteri Keuangan", "Menkeu", "Finance Minister"),
    "defence_minister": ("Menteri Pertahanan", "Menhan", "Defence Minister", "Defense Minister"),
    "home_affairs_minister": ("Menteri Dalam Negeri", "Mendagri", "Home Affairs Minister"),
    "trade_minister": ("Menteri Perdagangan", "Mendag", "Trade Minister"),
    "justice_minister": ("Menkumham", "Menteri Hukum dan HAM", "Justice Minister"),
    "state_secretary": ("Mensesneg", "Menteri Sekretaris Negara"),
    "cabinet_secretary": ("Seskab", "Sekretaris Kabinet"),
    "police_chief": ("Kapolri", "National Police Chief"),
    "military_chief": ("Panglima TNI", "TNI Commander"),
    "governor": ("Gubernur", "Governor"),
    "attorney_general": ("Jaksa Agung", "Attorney General"),
    "central_bank_governor": ("Gubernur Bank Indonesia", "Gubernur BI"),
}
_NOT_CURRENT = re.compile(
    r"(?:mantan|eks|bekas|former|ex-|calon|plt\.?|pj\.?|pelaksana tugas|almarhum|mendiang|"
    r"late|then|kala itu|saat itu)\s*$", re.IGNORECASE)


# Words of titles and forms of address that some aliases carry ("Raja Salman"): a slip there
# is not a slip in a person's name.
_TITLE_WORDS = frozenset(
    "raja ratu sultan king queen prince pangeran putra mahkota syekh sheikh paus pope presiden "
    "president perdana menteri minister jenderal general haji kh gus".split())


def _title_forms(actor: Actor) -> list[tuple[str, str]]:
    """(title form, role key) pairs for the dated offices of ``actor``."""
    forms: dict[str, str] = {}
    for r in actor.roles:
        if not r.role or not r.start:
            continue
        for t in TITLE_FORMS.get(r.role, ()):
            forms.setdefault(t, r.role)
        if r.title:
            forms.setdefault(r.title, r.role)
            short = re.sub(r"\s+(?:Negara\s+)?Republik Indonesia$", "", r.title)
            forms.setdefault(short, r.role)
    return sorted(forms.items(), key=lambda kv: -len(kv[0]))


_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


class PersonIndex:
    """Curated KB persons with dated offices, and persons whose full names a slip can hit."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.titled: list[tuple[Actor, re.Pattern[str], dict[str, str]]] = []
        self.by_word: dict[str, list[int]] = {}  # a word of a name -> indexes into titled
        for a in kb.actors:
            if a.type != "PERSON" or not a.curated or not a.has_dated_roles:
                continue
            forms = _title_forms(a)
            names = sorted({n for n in (a.name, *a.aliases) if len(n) >= 4}, key=len, reverse=True)
            if not forms or not names:
                continue
            rx = re.compile(
                r"(?<![\w-])(?P<t>" + "|".join(re.escape(t) for t, _ in forms) + r")\s+"
                r"(?P<n>" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
            for n in names:
                for w in n.split():
                    self.by_word.setdefault(w, []).append(len(self.titled))
            self.titled.append((a, rx, dict(forms)))
        first_words: dict[str, list[tuple[str, Actor]]] = {}
        for a in kb.actors:
            if a.type != "PERSON" or not (a.curated or a.roles):
                continue
            for n in {a.name, *a.aliases}:
                ws = n.split()
                if (len(ws) >= 2 and len(fold(n)) >= 8 and n[:1].isupper()
                        and not _TITLE_WORDS & {fold(w) for w in ws}):
                    first_words.setdefault(ws[0], []).append((n, a))
        self.full_names = first_words
        self._titled_cache: dict[str, list[TitledMention]] = {}

    def titled_mentions(self, text: str) -> list[TitledMention]:
        if text not in self._titled_cache:
            self._titled_cache[text] = self._titled_mentions(text)
        return self._titled_cache[text]

    def _titled_mentions(self, text: str) -> list[TitledMention]:
        out = []
        candidates = {i for w in set(_NAME_WORD.findall(text)) for i in self.by_word.get(w, ())}
        for i in sorted(candidates):
            a, rx, forms = self.titled[i]
            for m in rx.finditer(text):
                if _NOT_CURRENT.search(text[max(0, m.start() - 25) : m.start()]):
                    continue
                out.append(TitledMention(a, forms[m.group("t")], m.group("t"), m.start(), m.end()))
        return out

    def full_name_hits(self, text: str) -> list[tuple[str, Actor, int]]:
        """(name as written, actor, offset) for every known multi-word person name in text."""
        out = []
        for w in set(re.findall(r"[A-Z][\w'’-]+", text)):
            for n, a in self.full_names.get(w, ()):
                for m in re.finditer(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text):
                    out.append((n, a, m.start()))
        return out


def same_office(actor: Actor, key: str) -> list[Any]:
    return [r for r in actor.roles if r.role == key and r.start]


def holds(actor: Actor, key: str, day: date, grace: int = GRACE_DAYS) -> bool:
    """Whether the KB has ``actor`` in office ``key`` on ``day`` (± grace; an open term runs
    on from its start, since the KB vouches for it only up to some date)."""
    for r in same_office(actor, key):
        lo = first_day(r.start) - timedelta(days=grace)
        hi = last_day(r.end) + timedelta(days=grace) if r.end else None
        if lo <= day and (hi is None or day <= hi):
            return True
    return False


def anachronisms(persons: PersonIndex, text: str, old: date, new: date) -> list[dict[str, Any]]:
    """Expected role_anachronism flags when ``text`` moves from ``old`` to ``new``: titles the
    KB says were right on the old date and are wrong on the new one."""
    out: dict[str, dict[str, Any]] = {}
    for tm in persons.titled_mentions(text):
        if holds(tm.actor, tm.role_key, old, grace=0) and not holds(tm.actor, tm.role_key, new):
            out.setdefault(tm.actor.name, {"kind": "role_anachronism",
                                           "evidence": {"person": tm.actor.name,
                                                        "title": tm.title, "role": tm.role_key}})
    return list(out.values())


# ---------------------------------------------------------------------------- dated days

_WEEKDAY_NUM = {"Senin": 0, "Selasa": 1, "Rabu": 2, "Kamis": 3, "Jumat": 4, "Jum'at": 4,
                "Sabtu": 5, "Minggu": 6, "Ahad": 6, "Monday": 0, "Tuesday": 1, "Wednesday": 2,
                "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
_MONTHS = {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
           "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
           "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
           "august": 8, "october": 10, "december": 12}
_WEEKDAY_DATE = re.compile(
    r"(?<!\w)(" + "|".join(_WEEKDAY_NUM) + r")(?:\s+(?:pagi|siang|sore|malam|dini hari))?\s*"
    r"(?:,?\s*\(\s*(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?\s*\)"
    r"|,\s*(\d{1,2})\s+(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(\d{4}))")


def _date_or_none(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def dated_days_evidence(text: str, old: date, new: date) -> bool:
    """Whether the text names the days of its story by weekday and date ("Senin (20/10/2025)",
    "Rabu (5/1)", "Kamis, 23 Mei 2019") in a way that contradicts ``new``: a day with its year and the right weekday
    within a month of ``old``; or two days without a year, within a month of ``old`` and with
    the right weekdays there, whose weekdays do not all fit the year of ``new``."""
    no_year = []
    for m in _WEEKDAY_DATE.finditer(text):
        wd = _WEEKDAY_NUM[m.group(1)]
        if m.group(2):
            d, mo, y = int(m.group(2)), int(m.group(3)), m.group(4)
        else:
            d, mo, y = int(m.group(5)), _MONTHS[m.group(6).lower()], m.group(7)
        if y:
            day = _date_or_none(int(y) + 2000 if len(y) == 2 else int(y), mo, d)
            if day and day.weekday() == wd and abs((day - old).days) <= 31:
                return True
            continue
        near = [x for yy in (old.year - 1, old.year, old.year + 1)
                if (x := _date_or_none(yy, mo, d)) and abs((x - old).days) <= 31]
        if near and near[0].weekday() == wd:
            no_year.append((wd, d, mo))
    if len(no_year) < 2:
        return False
    at_new = [min((x for yy in (new.year - 1, new.year, new.year + 1)
                   if (x := _date_or_none(yy, mo, d))), key=lambda x: abs((x - new).days))
              for _, d, mo in no_year]
    return not any(x.weekday() == wd for x, (wd, _, _) in zip(at_new, no_year, strict=True))


def redate_expect(persons: PersonIndex, text: str, old: date, new: date) -> list[dict[str, Any]]:
    """What moving ``text`` from ``old`` to ``new`` (years apart) should make the checks say."""
    expect = anachronisms(persons, text, old, new)
    if dated_days_evidence(text, old, new):
        expect.append({"kind": "time_inconsistency", "evidence": {"basis": "dated_days"}})
    return expect


# ---------------------------------------------------------------------------- spinning

# The generator's own spinner: how word spinners substitute synonyms, English and Indonesian.
SPIN: dict[str, tuple[str, ...]] = {
    # English
    "associated": ("related", "affiliated", "allied"),
    "press": ("media", "push"),
    "street": ("road", "avenue"),
    "journal": ("diary", "chronicle"),
    "times": ("instances", "occasions", "eras"),
    "post": ("publish", "submit"),
    "news": ("information", "reports", "headlines"),
    "world": ("globe", "planet", "universe"),
    "international": ("worldwide", "global"),
    "national": ("nationwide", "countrywide"),
    "health": ("well being", "wellness"),
    "organization": ("group", "establishment", "firm"),
    "bank": ("financial institution", "lender"),
    "monetary": ("financial", "economic"),
    "fund": ("funding", "finance"),
    "security": ("safety", "protection"),
    "union": ("alliance", "federation", "coalition"),
    "daily": ("every day", "day by day"),
    "global": ("worldwide", "international"),
    "agency": ("company", "bureau"),
    "broadcasting": ("transmission", "airing"),
    "corporation": ("company", "firm"),
    "court": ("courtroom", "tribunal"),
    "federal": ("government", "union"),
    "reserve": ("reserve fund", "backup"),
    "central": ("middle", "main"),
    "foreign": ("overseas", "alien"),
    "commission": ("fee", "committee"),
    "council": ("board", "committee"),
    "human": ("people", "human being"),
    "rights": ("privileges", "freedoms"),
    "watch": ("observe", "look"),
    # Indonesian
    "badan": ("lembaga", "instansi", "tubuh"),
    "komisi": ("panitia", "dewan"),
    "dewan": ("majelis", "badan"),
    "rakyat": ("masyarakat", "warga"),
    "umum": ("publik", "khalayak"),
    "nasional": ("kebangsaan", "negeri"),
    "pusat": ("sentral", "tengah"),
    "agung": ("besar", "mulia"),
    "kementerian": ("departemen", "kantor menteri"),
    "keuangan": ("finansial", "pendanaan"),
    "kesehatan": ("kebugaran", "keafiatan"),
    "pemberantasan": ("pembasmian", "penumpasan"),
    "pemilihan": ("pencoblosan", "pilihan"),
    "negara": ("bangsa", "negeri"),
    "keamanan": ("keselamatan", "ketenteraman"),
    "perwakilan": ("delegasi", "utusan"),
    "mahkamah": ("pengadilan",),
    "statistik": ("data", "angka"),
    "gizi": ("nutrisi", "makanan"),
    "jaminan": ("garansi", "asuransi"),
    "sosial": ("kemasyarakatan", "masyarakat"),
    "dunia": ("global", "jagat", "sejagat"),
    "riset": ("penelitian", "studi"),
    "inovasi": ("pembaruan", "terobosan"),
    "perdagangan": ("perniagaan", "dagang"),
    "pertanian": ("agrikultur", "tani"),
    "perhubungan": ("transportasi", "angkutan"),
    "luar": ("asing",),
    "dalam": ("internal",),
    "pendidikan": ("edukasi", "pengajaran"),
    "agama": ("keagamaan", "religi"),
    "otoritas": ("wewenang", "kewenangan"),
    "jasa": ("layanan", "servis"),
    "kepolisian": ("polisi",),
    "tentara": ("serdadu", "militer"),
    "partai": ("parpol", "golongan"),
}
# Swaps kept out of the checker's synonym table on purpose (see the module docstring).
HELDOUT_SWAPS = frozenset({
    ("associated", "allied"), ("journal", "chronicle"), ("world", "universe"), ("times", "eras"),
    ("news", "headlines"),
    ("union", "coalition"), ("badan", "tubuh"), ("rakyat", "warga"), ("umum", "khalayak"),
    ("agung", "mulia"), ("keuangan", "pendanaan"), ("pemberantasan", "penumpasan"),
    ("statistik", "angka"), ("dunia", "sejagat"), ("pertanian", "tani"),
    ("kesehatan", "keafiatan"), ("negara", "negeri"), ("keamanan", "ketenteraman"),
})

CITE_ID = [
    "Seperti dilaporkan {o}, rencana tersebut sudah dibahas sejak beberapa bulan lalu.",
    "Laporan {o} menyebutkan hal serupa juga terjadi di sejumlah negara lain.",
    "Mengutip {o}, jumlah tersebut diperkirakan masih akan bertambah.",
]
CITE_EN = [
    "{o} reported that the plan had been discussed for months.",
    "According to {o}, the number is expected to rise further.",
]


def spin_name(name: str, rng: random.Random) -> tuple[str, str, str, bool] | None:
    """A one-word synonym swap of ``name``: (spun name, word, substitute, held out?)."""
    words = name.split()
    choices = [(i, w, s) for i, w in enumerate(words) for s in SPIN.get(w.lower(), ())
               if s != w.lower()]
    if not choices:
        return None
    i, w, sub = rng.choice(choices)
    sub_cased = " ".join(x.capitalize() for x in sub.split()) if w[:1].isupper() else sub
    spun = " ".join([*words[:i], sub_cased, *words[i + 1 :]])
    return spun, w, sub, (w.lower(), sub) in HELDOUT_SWAPS


def outlets(kb: KB) -> list[str]:
    """Well-known media outlets (KB sector MED) with a multi-word name a spinner can swap."""
    out = set()
    for a in kb.actors:
        if a.type == "ORG" and a.sector == "MED" and a.curated:
            for n in (a.name, *a.aliases):
                if len(n.split()) >= 2 and "(" not in n and any(w.lower() in SPIN for w in n.split()):
                    out.add(n)
    return sorted(out)


# ---------------------------------------------------------------------------- slips

_VOWEL_SWAP = {"a": "e", "e": "a", "i": "e", "o": "u", "u": "o"}


def slip_word(word: str, rng: random.Random) -> tuple[str, str] | None:
    """One typing slip in ``word``: a swap of two letters, a doubled or dropped letter, or a
    vowel changed. The first letter stays (a slip keeps the name recognisable)."""
    if len(word) < 4 or not word.isalpha():
        return None
    ops = ["swap", "double", "drop", "vowel"]
    rng.shuffle(ops)
    for op in ops:
        i = rng.randint(1, len(word) - 2)
        if op == "swap" and word[i] != word[i + 1]:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :], op
        if op == "double" and word[i].lower() not in "aeiou":
            return word[: i + 1] + word[i] + word[i + 1 :], op
        if op == "drop" and len(word) >= 5:
            return word[:i] + word[i + 1 :], op
        if op == "vowel" and word[i] in _VOWEL_SWAP:
            return word[:i] + _VOWEL_SWAP[word[i]] + word[i + 1 :], op
    return None


# ---------------------------------------------------------------------------- translation

# English left over by a translator: clauses appended to an Indonesian sentence, or whole
# sentences between Indonesian ones.
EN_CLAUSES = [
    "which is expected to take effect next year",
    "as the government continues to face pressure from the public",
    "according to the latest figures released by the authorities",
    "despite growing concerns among local residents",
    "in a move that could affect thousands of workers",
    "while the investigation is still ongoing",
    "amid rising tensions in the region",
    "although no official statement has been issued so far",
    "which has been criticized by several rights groups",
    "in order to prevent similar incidents in the future",
    "as part of a broader effort to improve public services",
    "but the details have not been made public",
    "with a final decision expected later this month",
    "after weeks of talks between the two sides",
    "for the first time since the policy was introduced",
    "in line with the agreement signed earlier",
    "which remains a major challenge for the country",
    "as prices of basic goods continue to climb",
]
EN_SENTENCES = [
    "The move was widely seen as a response to mounting public pressure.",
    "It is not yet clear how the plan will be funded.",
    "Officials said the situation was under control.",
    "The decision has drawn criticism from opposition lawmakers.",
    "Many residents say they have not received any help so far.",
    "Analysts expect the figures to improve in the coming months.",
]
# Word-for-word renderings of English idioms, in sentences of their own.
CALQUE_SENTENCES = [
    ("Pertemuan lanjutan dijadwalkan akan mengambil tempat di ibu kota.", "take place"),
    ("Pada akhir hari, keputusan tetap berada di tangan pemerintah.", "at the end of the day"),
    ("Pihaknya ingin membuat yakin bahwa semua prosedur sudah dijalankan.", "make sure"),
    ("Menurut dia, langkah tersebut tidak membuat rasa bagi sebagian warga.", "make sense"),
    ("Di atas semua itu, anggaran yang tersedia juga masih terbatas.", "on top of all that"),
    ("Dalam hal apapun, proses hukum akan tetap berjalan.", "in any case"),
    ("Pihak kepolisian datang dengan ide baru untuk mengurai kemacetan.", "come up with"),
]
# Calques kept out of the checker's lexicon on purpose (see the module docstring).
CALQUE_HELDOUT = [
    ("Dalam urutan untuk mencegah kejadian serupa, aturan baru sedang disiapkan.", "in order to"),
    ("Di sisi lain tangan, para pengusaha meminta kepastian hukum.", "on the other hand"),
    ("Pemerintah akan terus menjaga mata pada perkembangan harga.", "keep an eye on"),
    ("Kami melihat ke depan untuk bekerja sama lebih erat.", "look forward to"),
    ("Aturan itu akan mengambil efek mulai bulan depan.", "take effect"),
    ("Para aktivis memanggil untuk penyelidikan yang menyeluruh.", "call for"),
]
QUOTED_EN = [
    "\"We will keep working with all parties to solve this,\" kata seorang pejabat.",
    "\"This is a big step for the people of the region,\" ujarnya.",
    "\"There is no reason to panic at this point,\" kata juru bicara itu.",
]


def add_english(text: str, k: int, rng: random.Random) -> tuple[str, list[str]] | None:
    """Leave ``k`` English clauses or sentences in an Indonesian text."""
    spots = plain_sentences(text)
    if len(spots) < k:
        return None
    chosen = sorted(rng.sample(spots, k), reverse=True)  # edit from the end: offsets hold
    added = []
    for _, b in chosen:
        if rng.random() < 0.7:
            clause = rng.choice(EN_CLAUSES)
            text = text[: b - 1] + ", " + clause + text[b - 1 :]
        else:
            clause = rng.choice(EN_SENTENCES)
            text = text[:b] + " " + clause + text[b:]
        added.append(clause)
    return text, added


# ---------------------------------------------------------------------------- the builder


class Builder:
    def __init__(self, sources: list[Source], per_kind: int, seed: int) -> None:
        self.sources = sources
        self.per_kind = per_kind
        self.seed = seed
        self.kb = load_kb()
        self.persons = PersonIndex(self.kb)
        self.anchors = anchors_by_id()
        self.org_names = [n for n in known_org_names() if "(" not in n]
        self.org_exact = set(self.org_names)
        self.org_rx = phrase_regex(self.org_names)
        self.outlets = outlets(self.kb)

    def rng(self, *key: str) -> random.Random:
        return random.Random(f"{self.seed}:" + ":".join(key))

    def sample(self, kind: str, items: Iterator[Item | None]) -> list[Item]:
        """All gold items, and up to ``per_kind`` Detik items, chosen at random."""
        got = [i for i in items if i is not None]
        gold = [i for i in got if i.corpus == "gold"]
        detik = [i for i in got if i.corpus == "detik"]
        self.rng("sample", kind).shuffle(detik)
        return gold + detik[: self.per_kind]

    def item(self, src: Source, alteration: str, text: str, published: date,
             expect: list[dict[str, Any]], **detail: Any) -> Item:
        return Item(id=f"{src.id}:{alteration}", base_id=src.id, corpus=src.corpus,
                    alteration=alteration, lang=src.lang, published=published.isoformat(),
                    original_published=src.published, text=text, expect=expect, detail=detail)

    # -- the alterations -----------------------------------------------------------------
    def clean(self) -> list[Item]:
        return [self.item(s, "clean", s.text, date.fromisoformat(s.published), []) for s in self.sources]

    def redate_plain(self, src: Source) -> Item | None:
        rng = self.rng("redate_plain", src.id)
        old = date.fromisoformat(src.published)
        new = shift(old, rng.randint(2 * 365, 6 * 365))
        return self.item(src, "redate_plain", src.text, new,
                         redate_expect(self.persons, src.text, old, new), shifted_days=(new - old).days)

    def _elapsed(self, src: Source) -> tuple[str, Anchor, int] | None:
        rng = self.rng("elapsed", src.id)
        old = date.fromisoformat(src.published)
        fits = [a for k, a in sorted(self.anchors.items())
                if k in ANCHOR_PHRASES and 1 <= years_between(a.date, old) <= 25
                # "N years since" is vague just after an anniversary: keep off the edges
                and 40 <= (old - a.date).days % 365.25 <= 320]
        if not fits:
            return None
        anchor = rng.choice(fits)
        n = years_between(anchor.date, old)
        sentence = elapsed_sentence(anchor, n, src.lang or "id", rng)
        return insert_sentence(src.text, sentence, rng), anchor, n

    def redate_elapsed(self, src: Source) -> Item | None:
        got = self._elapsed(src)
        if got is None:
            return None
        text, anchor, n = got
        rng = self.rng("redate_elapsed", src.id)
        old = date.fromisoformat(src.published)
        new = shift(old, rng.randint(2 * 365 + 60, 6 * 365))
        expect = redate_expect(self.persons, text, old, new)
        expect = [e for e in expect if e["kind"] != "time_inconsistency"]
        expect.append({"kind": "time_inconsistency", "evidence": {"anchor": anchor.id}})
        return self.item(src, "redate_elapsed", text, new, expect, anchor=anchor.id, years=n,
                         shifted_days=(new - old).days)

    def anchor_consistent(self, src: Source) -> Item | None:
        got = self._elapsed(src)
        if got is None:
            return None
        text, anchor, n = got
        return self.item(src, "anchor_consistent", text, date.fromisoformat(src.published), [],
                         anchor=anchor.id, years=n)

    def redate_near(self, src: Source) -> Item | None:
        rng = self.rng("redate_near", src.id)
        pub = date.fromisoformat(src.published)
        fits = [a for k, a in sorted(self.anchors.items())
                if k in ANCHOR_PHRASES and not a.ongoing and abs((pub - a.date).days) >= 400]
        if not fits:
            return None
        anchor = rng.choice(fits)
        id_phrase, en_phrase = ANCHOR_PHRASES[anchor.id]
        if src.lang == "en":
            sentence = rng.choice(NEAR_EN).format(a=en_phrase)
        else:
            sentence = rng.choice(NEAR_ID).format(a=id_phrase)
        text = insert_sentence(src.text, sentence, rng)
        return self.item(src, "redate_near", text, pub,
                         [{"kind": "time_inconsistency", "evidence": {"anchor": anchor.id}}],
                         anchor=anchor.id, sentence=sentence)

    def spun_replace(self, src: Source) -> Item | None:
        rng = self.rng("spun_replace", src.id)
        low = lower_same_length(src.text)
        found = sorted({n for m in self.org_rx.finditer(low)
                        if (n := src.text[m.start() : m.end()]) in self.org_exact})
        found = [n for n in found if len(n.split()) >= 2 and spin_name(n, random.Random(0))]
        if not found:
            return None
        name = rng.choice(found)
        spun = spin_name(name, rng)
        if spun is None:
            return None
        new_name, word, sub, heldout = spun
        if fold(new_name) in {fold(n) for n in self.org_names}:
            return None  # the swap made another real name: not a spun one
        text = re.sub(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", new_name, src.text)
        return self.item(src, "spun_replace", text, date.fromisoformat(src.published),
                         [{"kind": "spun_name", "evidence": {"likely_original": name}}],
                         spun=new_name, original=name, swap=[word, sub], heldout=heldout)

    def _cite(self, src: Source, outlet: str, rng: random.Random) -> str:
        tpl = rng.choice(CITE_EN if src.lang == "en" else CITE_ID)
        return insert_sentence(src.text, tpl.format(o=outlet), rng)

    def spun_cite(self, src: Source) -> Item | None:
        rng = self.rng("spun_cite", src.id)
        outlet = rng.choice(self.outlets)
        spun = spin_name(outlet, rng)
        if spun is None or fold(spun[0]) in {fold(n) for n in self.org_names}:
            return None
        new_name, word, sub, heldout = spun
        return self.item(src, "spun_cite", self._cite(src, new_name, rng),
                         date.fromisoformat(src.published),
                         [{"kind": "spun_name", "evidence": {"likely_original": outlet}}],
                         spun=new_name, original=outlet, swap=[word, sub], heldout=heldout)

    def cite_real(self, src: Source) -> Item | None:
        rng = self.rng("spun_cite", src.id)  # the same outlet and place as spun_cite
        outlet = rng.choice(self.outlets)
        return self.item(src, "cite_real", self._cite(src, outlet, rng),
                         date.fromisoformat(src.published), [], outlet=outlet)

    def name_slip(self, src: Source) -> Item | None:
        rng = self.rng("name_slip", src.id)
        hits = self.persons.full_name_hits(src.text)
        if not hits:
            return None
        names = sorted({(n, a.id) for n, a, _ in hits})
        name, actor_id = rng.choice(names)
        actor = self.kb.get(actor_id)
        if actor is None:
            return None
        words = name.split()
        for _ in range(8):
            i = rng.randrange(len(words))
            got = slip_word(words[i], rng)
            if got is None:
                continue
            w, op = got
            slipped = " ".join([*words[:i], w, *words[i + 1 :]])
            if self.kb.candidates(slipped):
                continue  # the slip made another known name
            break
        else:
            return None
        mode = rng.choice(["first", "all"])
        rx = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        text = rx.sub(slipped, src.text, count=1 if mode == "first" else 0)
        return self.item(src, "name_slip", text, date.fromisoformat(src.published),
                         [{"kind": "name_slip", "evidence": {"likely_original": actor.name}}],
                         slipped=slipped, original=name, mode=mode, op=op)

    def english(self, src: Source, k: int) -> Item | None:
        if src.lang != "id":
            return None
        got = add_english(src.text, k, self.rng(f"english_{k}", src.id))
        if got is None:
            return None
        text, added = got
        return self.item(src, f"english_{k}", text, date.fromisoformat(src.published),
                         [{"kind": "untranslated_english", "evidence": {"count": k}}], added=added)

    def english_quoted(self, src: Source) -> Item | None:
        if src.lang != "id":
            return None
        rng = self.rng("english_quoted", src.id)
        text = src.text
        quotes = rng.sample(QUOTED_EN, 2)
        for q in quotes:
            text = insert_sentence(text, q, rng)
        return self.item(src, "english_quoted", text, date.fromisoformat(src.published), [],
                         added=quotes)

    def calque(self, src: Source, heldout: bool) -> Item | None:
        if src.lang != "id":
            return None
        kind = "calque_heldout" if heldout else "calque"
        rng = self.rng(kind, src.id)
        pool = CALQUE_HELDOUT if heldout else CALQUE_SENTENCES
        chosen = rng.sample(pool, rng.choice([1, 2]))
        text = src.text
        for sentence, _ in chosen:
            text = insert_sentence(text, sentence, rng)
        return self.item(src, kind, text, date.fromisoformat(src.published),
                         [{"kind": "mt_calque", "evidence": {"english": [e for _, e in chosen]}}],
                         added=[s for s, _ in chosen])

    def translated(self, src: Source) -> Item | None:
        if src.lang != "id":
            return None
        rng = self.rng("translated", src.id)
        got = add_english(src.text, 2, rng)
        if got is None:
            return None
        text, added = got
        sentence, english = rng.choice(CALQUE_SENTENCES)
        text = insert_sentence(text, sentence, rng)
        return self.item(src, "translated", text, date.fromisoformat(src.published),
                         [{"kind": "untranslated_english", "evidence": {"count": 2}},
                          {"kind": "mt_calque", "evidence": {"english": [english]}}],
                         added=[*added, sentence])

    def role_anachronism(self, src: Source) -> Item | None:
        rng = self.rng("role_anachronism", src.id)
        old = date.fromisoformat(src.published)
        mentions = [tm for tm in self.persons.titled_mentions(src.text)
                    if holds(tm.actor, tm.role_key, old, grace=0)]
        if not mentions:
            return None
        tm = rng.choice(mentions)
        terms = [r for r in same_office(tm.actor, tm.role_key) if r.covers(old)]
        term = terms[0]
        if term.end:
            new = shift(last_day(term.end), rng.randint(400, 1500))
            direction = "after_term"
        else:
            new = shift(first_day(term.start), -rng.randint(400, 1500))
            direction = "before_term"
        if holds(tm.actor, tm.role_key, new):
            return None
        expect = redate_expect(self.persons, src.text, old, new)
        if not any(e["kind"] == "role_anachronism" and e["evidence"]["person"] == tm.actor.name
                   for e in expect):
            return None
        return self.item(src, "role_anachronism", src.text, new, expect, person=tm.actor.name,
                         title=tm.title, role=tm.role_key, direction=direction,
                         shifted_days=(new - old).days)

    def build(self) -> list[Item]:
        items = self.clean()
        makers = {
            "redate_plain": self.redate_plain,
            "redate_elapsed": self.redate_elapsed,
            "anchor_consistent": self.anchor_consistent,
            "redate_near": self.redate_near,
            "spun_replace": self.spun_replace,
            "spun_cite": self.spun_cite,
            "cite_real": self.cite_real,
            "name_slip": self.name_slip,
            "english_1": lambda s: self.english(s, 1),
            "english_2": lambda s: self.english(s, 2),
            "english_3": lambda s: self.english(s, 3),
            "english_quoted": self.english_quoted,
            "calque": lambda s: self.calque(s, heldout=False),
            "calque_heldout": lambda s: self.calque(s, heldout=True),
            "translated": self.translated,
            "role_anachronism": self.role_anachronism,
        }
        for kind, make in makers.items():
            items += self.sample(kind, (make(s) for s in self.sources))
        return items


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(DEFAULT_OUT),
                    help="JSONL to write (holds gold and Detik text: keep it out of the repo)")
    ap.add_argument("--per-kind", type=int, default=120,
                    help="altered Detik copies per alteration (all gold articles are used)")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    shared = Path(args.shared)
    try:
        sources = load_gold(shared) + load_detik(shared)
    except (OSError, KeyError, ValueError) as err:
        print(f"make_trust_set: cannot read the genuine articles under {shared}: {err}",
              file=sys.stderr)
        return 2
    items = Builder(sources, args.per_kind, args.seed).build()
    out = Path(args.out)
    if out.resolve().is_relative_to(ROOT):
        print("make_trust_set: the set holds gold and Detik text; write it outside the "
              "repository", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(asdict(it), ensure_ascii=False) + "\n")
    counts = Counter(it.alteration for it in items)
    print(f"wrote {len(items)} items to {out}")
    for kind, n in counts.items():
        print(f"  {kind:<18} {n:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
