"""Titles and role phrases of news writing, in Indonesian and English.

One table serves three readers: the entities stage (titles before names are not part of
the name; the role phrase becomes a RoleClaim), the PETRARCH reader (which strips titles
from aliases such as ``PRESIDENT_VLADIMIR_PUTIN``), and the Wikidata importer (which maps a
position's label, "Minister of Foreign Affairs of Indonesia", to a role key).

Kinds of entries:
- office: a title that names an office → a role key of ROLES.md ("Menlu" → foreign_minister);
- honorific: forms of address, ranks and degrees, dropped from names without a claim
  ("Pak", "Mr", "Irjen", "Dr").

Lookups are on folded words (``textutil.fold``), so case and punctuation do not matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..textutil import fold

# (phrase, role key or None, portfolio) — role None = a title without a comparable office.
_OFFICES: list[tuple[str, str | None, str | None]] = [
    # Heads of state and government
    ("presiden", "president", None), ("president", "president", None),
    ("wakil presiden", "vice_president", None), ("wapres", "vice_president", None),
    ("vice president", "vice_president", None), ("vice-president", "vice_president", None),
    ("perdana menteri", "prime_minister", None), ("pm", "prime_minister", None),
    ("prime minister", "prime_minister", None), ("premier", "prime_minister", None),
    ("wakil perdana menteri", "deputy_prime_minister", None),
    ("deputy prime minister", "deputy_prime_minister", None),
    ("raja", "monarch", None), ("ratu", "monarch", None), ("kaisar", "monarch", None),
    ("sultan", "monarch", None), ("king", "monarch", None), ("queen", "monarch", None),
    ("emperor", "monarch", None), ("emir", "monarch", None), ("amir", "monarch", None),
    ("kanselir", "chancellor", None), ("chancellor", "chancellor", None),
    ("putra mahkota", None, None), ("crown prince", None, None),
    ("pangeran", None, None), ("prince", None, None), ("princess", None, None),
    ("putri", None, None), ("paus", None, None), ("pope", None, None),
    # Ministers (Indonesian full forms and press abbreviations)
    ("menteri luar negeri", "foreign_minister", None), ("menlu", "foreign_minister", None),
    ("menteri pertahanan", "defence_minister", None), ("menhan", "defence_minister", None),
    ("menteri keuangan", "finance_minister", None), ("menkeu", "finance_minister", None),
    ("menteri dalam negeri", "home_affairs_minister", None),
    ("mendagri", "home_affairs_minister", None),
    ("menteri hukum dan ham", "justice_minister", None),
    ("menteri hukum dan hak asasi manusia", "justice_minister", None),
    ("menkumham", "justice_minister", None), ("menteri hukum", "justice_minister", None),
    ("menteri kehakiman", "justice_minister", None),
    ("menteri perdagangan", "trade_minister", None), ("mendag", "trade_minister", None),
    ("menteri perekonomian", "economy_minister", None),
    ("menteri ekonomi", "economy_minister", None),
    ("menteri koordinator", "coordinating_minister", None),
    ("menko", "coordinating_minister", None),
    ("menteri sekretaris negara", "state_secretary", None),
    ("mensesneg", "state_secretary", None),
    ("sekretaris kabinet", "cabinet_secretary", None), ("seskab", "cabinet_secretary", None),
    ("wakil menteri", "deputy_minister", None), ("wamen", "deputy_minister", None),
    ("wamenlu", "deputy_minister", "Luar Negeri"),
    ("wamenhan", "deputy_minister", "Pertahanan"),
    ("wamenkeu", "deputy_minister", "Keuangan"),
    ("menkes", "minister", "Kesehatan"), ("mendikbud", "minister", "Pendidikan"),
    ("mendiknas", "minister", "Pendidikan"), ("menaker", "minister", "Ketenagakerjaan"),
    ("mentan", "minister", "Pertanian"), ("menhub", "minister", "Perhubungan"),
    ("menag", "minister", "Agama"), ("mensos", "minister", "Sosial"),
    ("menpora", "minister", "Pemuda dan Olahraga"), ("menpar", "minister", "Pariwisata"),
    ("menparekraf", "minister", "Pariwisata dan Ekonomi Kreatif"),
    ("menkominfo", "minister", "Komunikasi dan Informatika"),
    ("menperin", "minister", "Perindustrian"), ("menpan", "minister", "PANRB"),
    ("menpan rb", "minister", "PANRB"), ("menristek", "minister", "Riset dan Teknologi"),
    ("menteri", "minister", None), ("minister", "minister", None),
    # English ministers
    ("foreign minister", "foreign_minister", None),
    ("foreign affairs minister", "foreign_minister", None),
    ("minister of foreign affairs", "foreign_minister", None),
    ("minister for foreign affairs", "foreign_minister", None),
    ("foreign secretary", "foreign_minister", None),
    ("secretary of state", "foreign_minister", None),
    ("defence minister", "defence_minister", None), ("defense minister", "defence_minister", None),
    ("minister of defence", "defence_minister", None),
    ("minister of defense", "defence_minister", None),
    ("defense secretary", "defence_minister", None),
    ("defence secretary", "defence_minister", None),
    ("secretary of defense", "defence_minister", None),
    ("finance minister", "finance_minister", None),
    ("minister of finance", "finance_minister", None),
    ("treasury secretary", "finance_minister", None),
    ("secretary of the treasury", "finance_minister", None),
    ("interior minister", "interior_minister", None),
    ("minister of interior", "interior_minister", None),
    ("minister of the interior", "interior_minister", None),
    ("home minister", "home_affairs_minister", None),
    ("home affairs minister", "home_affairs_minister", None),
    ("minister of home affairs", "home_affairs_minister", None),
    ("home secretary", "interior_minister", None),
    ("justice minister", "justice_minister", None),
    ("minister of justice", "justice_minister", None),
    ("law minister", "justice_minister", None),
    ("trade minister", "trade_minister", None), ("minister of trade", "trade_minister", None),
    ("commerce secretary", "trade_minister", None),
    ("economy minister", "economy_minister", None),
    ("economic minister", "economy_minister", None),
    ("coordinating minister", "coordinating_minister", None),
    ("deputy minister", "deputy_minister", None), ("vice minister", "deputy_minister", None),
    ("deputy foreign minister", "deputy_minister", "Foreign Affairs"),
    ("cabinet secretary", "cabinet_secretary", None),
    ("state secretary", "state_secretary", None),
    ("minister of state secretariat", "state_secretary", None),
    # Law, police, military, intelligence
    ("jaksa agung", "attorney_general", None), ("attorney general", "attorney_general", None),
    ("attorney-general", "attorney_general", None),
    ("kapolri", "police_chief", None), ("kepala polri", "police_chief", None),
    ("kepala kepolisian negara republik indonesia", "police_chief", None),
    ("national police chief", "police_chief", None), ("police chief", "police_chief", None),
    ("chief of police", "police_chief", None),
    ("kapolda", "regional_police_chief", None), ("kapolres", "regional_police_chief", None),
    ("kapolresta", "regional_police_chief", None),
    ("kapolrestabes", "regional_police_chief", None),
    ("kapolsek", "regional_police_chief", None),
    ("panglima tni", "military_chief", None), ("panglima", "military_chief", None),
    ("armed forces chief", "military_chief", None),
    ("armed forces commander", "military_chief", None),
    ("military chief", "military_chief", None), ("military commander", "military_chief", None),
    ("chief of staff", None, None),
    ("kasad", "army_chief", None), ("ksad", "army_chief", None),
    ("kepala staf angkatan darat", "army_chief", None), ("army chief", "army_chief", None),
    ("kasal", "navy_chief", None), ("ksal", "navy_chief", None),
    ("kepala staf angkatan laut", "navy_chief", None), ("navy chief", "navy_chief", None),
    ("kasau", "air_force_chief", None), ("ksau", "air_force_chief", None),
    ("kepala staf angkatan udara", "air_force_chief", None),
    ("air force chief", "air_force_chief", None),
    ("pangdam", "regional_military_commander", None),
    ("pangkostrad", "regional_military_commander", None),
    ("danrem", "regional_military_commander", None),
    ("dandim", "regional_military_commander", None),
    ("kepala bin", "intelligence_chief", None),
    ("kepala badan intelijen negara", "intelligence_chief", None),
    ("intelligence chief", "intelligence_chief", None),
    ("kepala", "agency_head", None), ("head", "agency_head", None),
    ("kabareskrim", None, None), ("kadiv humas", "spokesperson", None),
    ("karo penmas", "spokesperson", None), ("kapuspen", "spokesperson", None),
    ("kapuspenkum", "spokesperson", None),
    ("gubernur bank indonesia", "central_bank_governor", None),
    ("gubernur bi", "central_bank_governor", None),
    ("central bank governor", "central_bank_governor", None),
    ("ketua dpr", "speaker_of_parliament", None), ("ketua mpr", "speaker_of_parliament", None),
    ("ketua dpd", "speaker_of_parliament", None), ("speaker", "speaker_of_parliament", None),
    ("house speaker", "speaker_of_parliament", None),
    ("ketua mahkamah agung", "chief_justice", None), ("ketua ma", "chief_justice", None),
    ("ketua mahkamah konstitusi", "chief_justice", None), ("ketua mk", "chief_justice", None),
    ("chief justice", "chief_justice", None),
    # Regions
    ("gubernur", "governor", None), ("governor", "governor", None),
    ("wakil gubernur", None, None), ("wagub", None, None), ("deputy governor", None, None),
    ("wali kota", "mayor", None), ("walikota", "mayor", None), ("wakil wali kota", None, None),
    ("mayor", "mayor", None), ("bupati", "regent", None), ("regent", "regent", None),
    ("wakil bupati", None, None), ("wabup", None, None), ("camat", None, None),
    ("lurah", None, None), ("kepala desa", None, None), ("kades", None, None),
    # Parties, organisations, business
    ("ketua umum", "party_leader", None), ("ketum", "party_leader", None),
    ("party leader", "party_leader", None), ("party chairman", "party_leader", None),
    ("sekretaris jenderal", "secretary_general", None), ("sekjen", "secretary_general", None),
    ("secretary-general", "secretary_general", None),
    ("secretary general", "secretary_general", None),
    ("juru bicara", "spokesperson", None), ("jubir", "spokesperson", None),
    ("spokesperson", "spokesperson", None), ("spokesman", "spokesperson", None),
    ("spokeswoman", "spokesperson", None), ("press secretary", "spokesperson", None),
    ("duta besar", "ambassador", None), ("dubes", "ambassador", None),
    ("ambassador", "ambassador", None), ("envoy", None, None), ("utusan khusus", None, None),
    ("direktur utama", "ceo", None), ("dirut", "ceo", None), ("ceo", "ceo", None),
    ("chief executive", "ceo", None), ("chief executive officer", "ceo", None),
    ("presiden direktur", "ceo", None), ("presdir", "ceo", None),
    ("ketua", "chair", None), ("chairman", "chair", None), ("chairwoman", "chair", None),
    ("chairperson", "chair", None), ("chair", "chair", None),
    ("wakil ketua", None, None), ("vice chairman", None, None), ("deputy chairman", None, None),
    ("direktur", None, None), ("director", None, None), ("director general", None, None),
    ("direktur jenderal", None, None), ("dirjen", None, None), ("deputi", None, None),
    ("sekretaris", None, None), ("secretary", None, None), ("asisten", None, None),
    ("komisioner", None, None), ("commissioner", None, None), ("anggota", None, None),
    ("staf khusus", None, None), ("stafsus", None, None), ("penasihat", None, None),
    ("adviser", None, None), ("advisor", None, None), ("koordinator", None, None),
    ("komandan", None, None), ("commander", None, None), ("kepala staf", None, None),
    ("hakim", None, None), ("judge", None, None), ("jaksa", None, None),
    ("senator", None, None), ("senator", None, None), ("lawmaker", None, None),
    ("legislator", None, None), ("politisi", None, None), ("politikus", None, None),
    ("pengamat", None, None), ("analis", None, None), ("analyst", None, None),
    ("peneliti", None, None), ("researcher", None, None), ("pakar", None, None),
    ("rektor", None, None), ("dekan", None, None), ("guru besar", None, None),
    ("kuasa hukum", None, None), ("pengacara", None, None), ("lawyer", None, None),
    ("tersangka", None, None), ("terdakwa", None, None), ("saksi", None, None),
    ("staf ahli", None, None), ("kapendam", "spokesperson", None),
    ("kapenrem", "spokesperson", None), ("kabid humas", "spokesperson", None),
    ("kasubbag humas", "spokesperson", None), ("kabid", None, None), ("kasubbag", None, None),
    ("kasubag", None, None), ("kabag", None, None), ("kasat", None, None),
    ("kasatreskrim", None, None), ("kanit", None, None), ("kasubdit", None, None),
    ("dirreskrimum", None, None), ("dirreskrimsus", None, None), ("dirlantas", None, None),
    ("kapuskominfo", "spokesperson", None), ("karo", None, None), ("kepala biro", None, None),
    ("kepala pusat", None, None), ("kapus", None, None), ("plt", None, None),
    ("calon presiden", None, None), ("capres", None, None), ("cawapres", None, None),
    ("calon wakil presiden", None, None), ("candidate", None, None),
]

# Honorifics, forms of address, academic degrees, religious titles, military/police ranks.
_HONORIFICS = """
bapak pak ibu bu saudara saudari sdr sdri tuan nyonya nona mas mbak bung kak abang bang
dr drs dra ir prof profesor h hj kh habib ustaz ustadz ustad kyai kiai gus syekh sheikh
shaikh haji hajjah romo pendeta pastor
mr mrs ms miss sir dame lord lady madam dr. mr. mrs. ms. prof. messrs
jenderal jend letjen mayjen brigjen kolonel kol letkol mayor kapten kapt lettu letda
serma serka sertu serda kopka koptu kopda praka pratu prada
irjen komjen brigjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigpol briptu bripda
laksamana laksdya laksda laksma marsekal marsdya marsda marsma
general gen lt col maj capt sgt adm admiral colonel major captain lieutenant sergeant
brigadier marshal cpl pvt
inf kav art czi mar psk
""".split()

# Words of family relation and generic person nouns that sometimes precede names.
NOMINAL_ROLES_ID = ("menteri", "presiden", "gubernur", "bupati", "wali kota", "jenderal",
                    "kapolri", "panglima", "jubir", "ketua", "perdana menteri")
NOMINAL_ROLES_EN = ("minister", "president", "governor", "mayor", "general", "spokesman",
                    "spokesperson", "spokeswoman", "chairman", "prime minister", "premier",
                    "chancellor", "secretary", "ambassador", "senator")

# A title that claims a past office: "mantan Menlu", "former foreign minister".
PAST_MARKERS = frozenset(
    "mantan eks bekas former ex ex- then-former erstwhile purnawirawan almarhum mendiang "
    "late outgoing pensiunan".split()
)
# A title that claims a future or acting office: not the office held now.
FUTURE_MARKERS = frozenset(
    "calon designate terpilih elect incoming nominee kandidat plt pj penjabat acting "
    "interim caretaker".split()
)


@dataclass(frozen=True, slots=True)
class Title:
    words: tuple[str, ...]  # folded words
    role: str | None
    portfolio: str | None
    kind: str  # office | honorific


def _plural(word: str) -> str | None:
    """English plural of a title's last word ("ministers"); None for non-English words."""
    if not word.isascii() or word in ("chief", "head") or len(word) < 4:
        return word + "s" if word in ("chief", "head") else None
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch")):
        return word + "es"
    return word + "s"


_ENGLISH_LAST = frozenset(
    "president minister secretary chancellor premier king queen emperor governor mayor "
    "regent speaker justice spokesperson spokesman spokeswoman ambassador chairman "
    "chairwoman chair chief head director commissioner commander envoy adviser advisor "
    "analyst lawmaker legislator senator researcher lawyer judge candidate".split()
)


@lru_cache(maxsize=1)
def titles() -> dict[str, list[Title]]:
    """Title entries keyed by their first folded word (longest first).

    English offices also get their plural ("foreign ministers") as a title without a role:
    a plural names a group, never the person that follows.
    """
    out: dict[str, list[Title]] = {}
    for phrase, role, portfolio in _OFFICES:
        ws = tuple(fold(phrase).split())
        out.setdefault(ws[0], []).append(Title(ws, role, portfolio, "office"))
        if ws[-1] in _ENGLISH_LAST:
            pl = _plural(ws[-1])
            if pl:
                pws = (*ws[:-1], pl)
                out.setdefault(pws[0], []).append(Title(pws, None, None, "office"))
    for word in _HONORIFICS:
        ws = tuple(fold(word).split())
        if ws:
            out.setdefault(ws[0], []).append(Title(ws, None, None, "honorific"))
    for entries in out.values():
        entries.sort(key=lambda t: -len(t.words))
    return out


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every folded word that occurs in some title (for quick rejection)."""
    return frozenset(w for entries in titles().values() for t in entries for w in t.words)


def match_title(words: list[str], i: int) -> Title | None:
    """The longest title starting at folded ``words[i]``, or None."""
    for t in titles().get(words[i], ()):
        n = len(t.words)
        if tuple(words[i : i + n]) == t.words:
            return t
    return None


def strip_titles(words: list[str]) -> tuple[int, list[Title]]:
    """How many leading folded words are titles, and which titles they are."""
    i, found = 0, []
    while i < len(words):
        t = match_title(words, i)
        if t is None:
            break
        found.append(t)
        i += len(t.words)
    return i, found


# Wikidata position labels look like "Minister of Foreign Affairs of Indonesia",
# "President of Indonesia", "Menteri Luar Negeri Indonesia".
def role_of_label(label: str) -> tuple[str | None, str | None]:
    """(role key, portfolio) for an office's label, by its longest title phrase."""
    ws = fold(label).split()
    best: Title | None = None
    for i in range(len(ws)):
        t = match_title(ws, i)
        if t and t.kind == "office" and t.role and (best is None or len(t.words) > len(best.words)):
            best = t
    if best is None:
        return None, None
    portfolio = best.portfolio
    if best.role == "minister" and portfolio is None:
        # "Minister of Health of X" / "Menteri Kesehatan X": the words after the title.
        rest = [w for w in ws[ws.index(best.words[-1]) + 1 :] if w not in ("of", "for", "the")]
        portfolio = " ".join(rest[:3]).title() or None
    return best.role, portfolio
