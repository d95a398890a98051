"""Who said it: read a speaker phrase ("juru bicara Kemlu, Ani Wijaya", "the ministry",
"dia", "seorang pejabat") and resolve it to a name, an actor in the KB, or nobody.

A speaker phrase is read in four steps:

1. cut it into comma segments (appositions: "ROLE, NAME" or "NAME, ROLE") and pick the
   segment that names someone;
2. classify the segment: a pronoun ("dia", "he"), a document ("keterangan tersebut",
   "the press release"), an unnamed source ("seorang pejabat", "officials"), a bare role
   ("juru bicara itu", "the spokesman"), a generic organisation ("the ministry"), or a name;
3. for a name, drop the titles and ranks around it ("Kapolda Papua Irjen …") and keep the
   run of name words;
4. link it: the entity of ``article.entities`` that overlaps it gives the canonical name and
   the KB id; without entities, a short name is completed from a longer mention in the same
   article ("Ani" → "Ani Wijaya") and an alias from "Full Name (Alias)".

Pronouns, documents and bare roles are resolved by :class:`Context`, which walks the
article in order and remembers the last speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from ..doc import Article, Entity
from ..kb.countries import country_code
from ..textutil import fold
from . import lexicon as L

# A word (letters, digits, inner hyphens and apostrophes, @handles) or one punctuation mark.
# A dot stays inside a word before a lower-case letter or digit ("Kompas.com", "2.5") and
# between initials ("U.S."), not between two words a typist ran together ("katanya.Ia");
# an initial before a name keeps its dot ("Dedie A. Rachim").
TOKEN_RE = re.compile(
    r"[A-Z]\.(?=\s+[A-Z])|[\w@#](?:[\w'’\-/@]|\.(?=[a-z0-9])|(?<![^\W\d_]{2})\.(?=[A-Z]))*|[^\w\s]"
)
# Abbreviations whose dot does not end a sentence ("Dr.", "Jr.", "Pol.").
ABBREVIATIONS = frozenset(
    """
    dr drs dra prof ir jr sr st mr mrs ms mt no lt gen col capt sgt rep sen gov rev kol
    inf pol brig maj adm cmdr h hj kh mt sh se mh mm msi phd ph d
    """.split()
)

_ROLE_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(k) for k in L.ROLE_KEYS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    low: str  # text.lower(), read often enough to be worth keeping


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end] (each call reads only its small range).

    ``findall`` gives the words without a match object each; a word's offset is where it
    next occurs, since only white space lies between two tokens (the pattern matches
    every other character)."""
    out = []
    pos = start
    find = text.find
    for w in TOKEN_RE.findall(text, start, end):
        pos = find(w, pos)
        e = pos + len(w)
        out.append(Tok(w, pos, e, w.lower()))
        pos = e
    return out


@dataclass(slots=True)
class Speaker:
    """A resolved speaker. ``name`` None means an anonymous or unresolvable source."""

    name: str | None
    kind: str  # person | org | anon | unknown
    actor_id: str | None = None
    start: int | None = None
    end: int | None = None
    via: str = "name"  # how: name | entity | pronoun | role | document | generic | anon | none


ANONYMOUS = Speaker(None, "anon", via="anon")


@lru_cache(maxsize=200_000)  # a pure function of the word form, asked for per token
def is_cap(t: str) -> bool:
    """A capitalised word: "Retno", "al-Jubeir", "RI" (not "dan", "(", "detikNews",
    "mid-August" or "pro-Russian")."""
    if not t or not t[0].isalnum():
        return False
    if t[0].isupper():
        return True
    if t.islower() or not t[0].isalpha():
        return False
    # Lower-case start with capitals inside: "al-Jubeir" is a name; "detikNews" a brand and
    # "kepadadetikJabar" two words run together are not.
    head, dash, _ = t.partition("-")
    return bool(dash) and head.lower() in L.NAME_PARTICLES


def is_acronym(t: str) -> bool:
    """Two or more capitals and no small letter: "KPK", "RI", "U.S" (not "A.", not "Ani")."""
    return t.isupper() and (len(t) > 2 or t.isalpha()) and len(t) >= 2


# --- Reading a phrase ------------------------------------------------------------------


def phrase_after(text: str, start: int, limit: int) -> tuple[int, int]:
    """The speaker phrase that follows a reporting verb ("kata [juru bicara X, Ani] di …").

    Ends at a preposition or time word, at the end of the sentence, or at a comma that is
    not followed by a name (an apposition "…, Ani Wijaya," goes on; "…, Senin" stops).
    """
    toks = tokens(text, start, limit)
    end = start
    n = 0
    depth = 0
    i = 0
    while i < len(toks) and n < 16:
        t = toks[i]
        low = t.low
        if t.text == "(":
            depth += 1
            i += 1
            continue
        if t.text == ")":
            depth = max(0, depth - 1)
            end = t.end
            i += 1
            continue
        if depth:
            i += 1
            continue
        if t.text in ".!?;:\"“”»«" or t.text == "'":
            prev = toks[i - 1].low if i else ""
            if t.text == "." and (prev in ABBREVIATIONS or (len(prev) == 1 and prev.isalpha())):
                i += 1
                continue
            break
        if t.text == ",":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or not is_cap(nxt.text) or nxt.low in L.DAY_NAMES or nxt.low in L.SPEAKER_STOPS:
                break
            i += 1
            continue
        if n and (low in L.SPEAKER_STOPS or low in L.DAY_NAMES or t.text[0].isdigit()
                  or low in L.PREDICATE_WORDS):
            break
        if n == 1 and toks[i - 1].low in L.PRONOUNS:
            break  # "kata dia, …": a pronoun is the whole speaker
        if n and low in ("dan", "and", "serta", "atau", "or") and not (
            i + 1 < len(toks) and is_cap(toks[i + 1].text)
        ):
            break  # "Badan Meteorologi dan Geofisika" goes on; "kata Ani dan …" does not
        if n and t.text[0].islower() and low.startswith(("meng", "meny", "mem", "men", "ber", "di")) \
                and low not in L.TITLES and low not in L.ANON_MARKERS and low not in L.NAME_PARTICLES \
                and len(low) > 5:
            break  # a verb: the phrase is over ("kata Ani menambahkan")
        end = t.end
        n += 1
        i += 1
    return start, end


def subject_before(text: str, start: int, verb_start: int) -> tuple[int, int]:
    """The subject that ends right before a reporting verb, walking back over name words,
    titles, role nouns, appositions and parentheses; (x, x) when there is none."""
    toks = tokens(text, max(start, verb_start - 240), verb_start)
    j = len(toks) - 1
    while j >= 0 and toks[j].low in L.ADVERBS:
        j -= 1
    if j < 0:
        return verb_start, verb_start
    if not _subject_word(toks[j]) and toks[j].text not in ",)":
        # "Seorang pejabat yang enggan disebut namanya mengatakan": step over the relative
        # clause to the noun it describes.
        rel = next((k for k in range(j - 1, max(-1, j - 10), -1)
                    if toks[k].low in ("yang", "who", "which")), None)
        if rel is None or rel == 0 or not _subject_word(toks[rel - 1]):
            return verb_start, verb_start
        # Only the subject that opens the sentence (after an opener and its comma).
        k = rel - 1
        while k > 0 and (_subject_word(toks[k - 1]) or toks[k - 1].text in "()"):
            k -= 1
        if k > 0 and toks[k - 1].text != ",":
            return verb_start, verb_start
        j = rel - 1
    end = toks[j].end
    first = j + 1
    depth = 0
    while j >= 0:
        t = toks[j]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif t.text == ",":
            # An apposition goes on only when a name or role stands before the comma;
            # a relative clause ("X, who …, said") is stepped over to its noun.
            if j == 0 or not _subject_word(toks[j - 1]):
                rel = _relative_start(toks, j) if first == j + 1 else None
                if rel is None:
                    break
                j = rel
                end = toks[rel].end
                continue
        elif t.text in "’'" and j > 0:  # possessive split off ("Enembe ’ s")
            pass
        elif not _subject_word(t):
            break
        first = j
        j -= 1
    if first > len(toks) - 1:
        return verb_start, verb_start
    # Trim openers and commas at the front ("Adapun", "Namun", ", ").
    while first < len(toks) and (toks[first].text in ",;:" or toks[first].low in L.OPENERS):
        first += 1
    if first >= len(toks) or toks[first].start >= end:
        return verb_start, verb_start
    return toks[first].start, end


def _relative_start(toks: list[Tok], comma: int) -> int | None:
    """For ", who …," before a verb: the index of the comma that opens the relative clause."""
    for k in range(comma - 1, max(-1, comma - 25), -1):
        if toks[k].text == ",":
            if k + 1 < comma and toks[k + 1].low in ("who", "which", "yang", "whose"):
                return k - 1 if k > 0 and _subject_word(toks[k - 1]) else None
            return None
    return None


def _subject_word(t: Tok) -> bool:
    low = t.low
    if low in ("s", "’s", "'s", "-", "&", "dan", "and", "of", "for", "di", "pers"):
        return True
    if low in L.FUNCTION_WORDS:
        return False
    if is_cap(t.text):
        return True
    return (
        low in L.TITLES or low in L.TITLE_MODIFIERS or low in L.ANON_MARKERS
        or low in L.ORG_NOUNS or low in L.DEMONSTRATIVES or low in L.PRONOUNS
        or low in L.NAME_PARTICLES or low in L.DOCUMENT_NOUNS or low in L.ORG_HEADS
        or low in ("s", "’s", "'s", "-", "&", "dan", "and", "of", "for", "di", "pers")
        or low.endswith(("’s", "'s"))
    )


def segments(toks: list[Tok]) -> list[list[Tok]]:
    """Split a phrase at top-level commas (not inside parentheses)."""
    out: list[list[Tok]] = [[]]
    depth = 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        if t.text == "," and not depth:
            out.append([])
        else:
            out[-1].append(t)
    return [s for s in out if s]


def _without_parens(seg: list[Tok]) -> list[Tok]:
    out, depth = [], 0
    for t in seg:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(t)
    return out


def _title_led(seg: list[Tok]) -> bool:
    words = [t for t in seg if t.text not in "(),"]
    while words and words[0].low in ("the", "sang"):
        words = words[1:]
    if not words:
        return True
    low = words[0].low
    return (low in L.TITLES or low in L.ANON_MARKERS or low in L.DEMONSTRATIVES
            or low in L.TITLE_MODIFIERS or not is_cap(words[0].text))


def choose_segment(toks: list[Tok], prefer_last: bool) -> list[Tok]:
    """The segment of an apposition that names the speaker.

    "Juru bicara Kemlu, Ani Wijaya" → "Ani Wijaya"; "Ani Wijaya, juru bicara Kemlu" →
    "Ani Wijaya"; "Kepala Biro Humas, Ani" → "Ani". A segment that opens with a title is a
    description and is taken only when no other segment holds a name.
    """
    segs = segments(toks)
    if len(segs) == 1:
        return segs[0]
    named = [s for s in segs if not _title_led(s) and not _is_place(s)
             and (name_run(s) or (has_org_head(s) and any(is_cap(t.text) for t in s)))]
    if named:
        return named[-1] if prefer_last else named[0]
    titled = [s for s in segs if name_run(s) and not _is_place(s)]
    if titled:
        return titled[-1]
    return segs[-1] if prefer_last else segs[0]


def _is_place(seg: list[Tok]) -> bool:
    words = [t.text for t in _without_parens(seg)]
    return bool(words) and country_code(" ".join(words)) is not None and len(words) <= 3


def name_run(seg: list[Tok]) -> tuple[int, int] | None:
    """The token range of the person's name in a segment, titles and ranks dropped.

    "Kapolda Maluku Irjen Budi Santoso" → "Budi Santoso"; "Rina Hartati Juru Bicara KPU"
    → "Rina Hartati"; "the spokesman for Papua region Ani Wijaya" → "Ani Wijaya". Runs that hold an organisation head or name a country are not names; of the
    rest, the one right after a rank or form of address wins, else the longest (the last
    on ties: in a title phrase the name comes last).
    """
    runs: list[tuple[int, int, bool]] = []  # (first, last+1, right after a rank)
    i, n = 0, len(seg)
    after_title = after_org = False
    while i < n:
        t = seg[i]
        low = t.low
        if low in L.PLACE_TYPES and i + 1 < n and is_cap(seg[i + 1].text):
            # "Kabupaten Pasuruan", "Provinsi Jawa Barat": the territory of an office.
            i += 2
            while i < n and seg[i].low in L.PLACE_QUALIFIERS or (
                i + 1 < n and seg[i + 1].low in L.PLACE_QUALIFIERS and _name_word(seg[i])
            ):
                i += 1
            after_title = True
            continue
        if low in L.TITLES or (after_title and (low in L.TITLE_MODIFIERS or is_acronym(t.text))) \
                or (is_cap(t.text) and not _name_word(t) and has_org_head([t])):
            # A title, or an office word after one; an agency head word ("Kejaksaan") is
            # followed by its qualifiers like a title is.
            after_org = after_org or (low not in L.TITLES and has_org_head([t]))
            after_title = True
            i += 1
            continue
        if _name_word(t):
            j = i + 1
            while j < n and (_name_word(seg[j]) or (
                (seg[j].low in L.NAME_PARTICLES or _inner_initials(seg[j], j - i))
                and j + 1 < n and _name_word(seg[j + 1])
            )):
                j += 1
            after_rank = i > 0 and seg[i - 1].low in L.RANKS
            if after_org and j - i >= 3:
                i += 1  # "Kejaksaan Negeri Sukamaju Ani Wijaya": the office's territory first
            runs.append((i, j, after_rank))
            after_org = False
            after_title = False
            i = j
            continue
        after_title = after_title and t.text in "()."
        i += 1
    person_phrase = any(t.low in L.TITLES for t in seg)
    kept = []
    for r in runs:
        if _run_is_place(seg, r):
            continue
        for width in (2, 1):  # "Menteri Perminyakan Venezuela Rafael Ramirez"
            if r[1] - r[0] > width + 1 and _run_is_place(seg, (r[0], r[0] + width, False)):
                r = (r[0] + width, r[1], r[2])
                break
        heads = [k for k in range(r[0], r[1]) if has_org_head(seg[k:k + 1])]
        if heads:
            # "Ketua Partai Maju Ani Wijaya": the organisation runs into the name; after a
            # title the name is at the end, so keep what follows the last head word.
            if not person_phrase or heads[-1] + 1 >= r[1]:
                continue
            first = heads[-1] + 1
            while first < r[1] - 1 and seg[first].low in L.TITLE_MODIFIERS:
                first += 1  # "Kejaksaan Negeri", "Badan Pusat"
            if r[1] - first >= 3:
                first += 1  # the organisation's own word: "Dinas Pangan", "Partai Maju"
            r = (first, r[1], r[2])
        kept.append(r)
    runs = kept
    if not runs:
        return None
    ranked = [r for r in runs if r[2]]
    if ranked:
        r = ranked[-1]
    else:
        r = max(runs, key=lambda r: (r[1] - r[0], r[0]))
    return r[0], r[1]


# Indonesian abstract nouns (pe-…-an, per-…-an, ke-…-an: "Perekonomian", "Kebudayaan")
# name fields and offices, never people.
_ABSTRACT_NOUN = re.compile(r"(?:pe[rmn]?g?y?|ke)\w{3,}an", re.IGNORECASE)


def _name_word(t: Tok) -> bool:
    return _name_word_form(t.text)


@lru_cache(maxsize=200_000)  # a pure function of the word form
def _name_word_form(text: str) -> bool:
    low = text.lower()
    if not is_cap(text) or low in L.TITLES or low in L.DAY_NAMES or low in L.FUNCTION_WORDS:
        return False
    if low in L.PLACE_TYPES:
        return False
    if len(low) >= 8 and _ABSTRACT_NOUN.fullmatch(low):
        return False
    if is_acronym(text) and len(text) > 1:
        return False
    if low.endswith(("’s", "'s")):
        return False  # a possessor: "Enembe’s lawyer" is the lawyer
    if low in L.ANON_MARKERS or low in L.ORG_NOUNS or low in L.DOCUMENT_NOUNS:
        return False  # "Organizers said", "Polisi menyatakan": common nouns
    return low not in L.PRONOUNS and low not in L.DEMONSTRATIVES and low not in L.OPENERS


def _inner_initials(t: Tok, so_far: int) -> bool:
    """Initials inside a name ("Retno LP Marsudi", "Rini M Soemarno", "Dedie A. Rachim").
    Two letters only after a one-word start: "Komunikasi BI Ramdan" is an agency."""
    letters = t.text.rstrip(".")
    if not (letters.isupper() and letters.isalpha()):
        return False
    return len(letters) == 1 or (len(letters) == 2 and so_far == 1)


def _run_is_place(seg: list[Tok], r: tuple[int, int, bool]) -> bool:
    words = " ".join(t.text for t in seg[r[0]:r[1]])
    return country_code(words) is not None


def role_key(phrase: str) -> str | None:
    m = _ROLE_RE.search(phrase)
    return L.ROLE_KEYS[m.group().lower()] if m else None


def has_org_head(seg: list[Tok]) -> bool:
    return any(t.low in L.ORG_HEADS or t.low.startswith("kemen") for t in seg)


# --- Context: the article-wide knowledge used to resolve a phrase --------------------------

_CAP_WORD = r"[A-Z][\w'’\-]*"
_ATAU_RE = re.compile(r" atau ((?:" + _CAP_WORD + r" ){0,2}" + _CAP_WORD + r")")
_PAREN_ALIAS_RE = re.compile(r"\(\s*([A-Z][\w'’\-]+)\s*\)")
# A run of capitalised words (with the small words names and agencies contain) that ends
# where the searched window ends.
_CAP_RUN_END_RE = re.compile(
    r"(" + _CAP_WORD + r"(?:[ ,]+(?:" + _CAP_WORD + r"|bin|binti|dan|and|of|for|al|van|de|la))*)[ ,]*$"
)


# An active verb after a sentence's subject: "menyoroti", "berharap", "spoke", "visited".
_ACTIVE_VERB_RE = re.compile(
    r"(?<=\s)(?:me[a-z]{4,}|ber[a-z]{3,}|[a-z]{3,}ed|hadir|tiba|datang|spoke|met|went|told|said|"
    r"gave|made|took|led|"
    r"wrote|says|speaks|meets|visits|urges|warns)\b"
)


_PASSIVE_AGENT_RE = re.compile(
    r"\bdi[a-z]{3,}\s+oleh\s+(?=[A-Z])|\bdi(?:sampaikan|katakan|ungkapkan|ungkap|jelaskan|"
    r"tegaskan|ucapkan|utarakan|kemukakan)\s+(?=[A-Z])"
)


class Context:
    """What the resolver knows about one article: its entities, aliases, roles and the
    speakers met so far (in text order)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.entities: list[Entity] = sorted(article.entities, key=lambda e: e.start)
        self.last: Speaker | None = None  # the last speaker met
        self.last_person: Speaker | None = None  # the last named person met
        self.last_org: Speaker | None = None
        self._aliases: dict[str, str] | None = None
        self._roles: list[tuple[int, str, Speaker]] | None = None
        self._expansions: dict[str, str] = {}
        self._common: dict[str, bool] = {}
        self._full: dict[str, str | None] = {}
        self._mentions: dict[int, tuple[int, Speaker] | None] = {}
        self._sent_starts = [x.start for x in article.sentences]
        # Set by the caller: is an offset inside a direct quotation?
        self.quoted: Callable[[int], bool] = lambda i: False
        # Set by the caller when a KB is at hand: (actor id, ISO day) → [(role key, country)].
        self.kb_roles: Callable[[str, str], list[tuple[str, str | None]]] | None = None
        self.last_pos = -1

    # -- state ---------------------------------------------------------------------------
    def saw(self, sp: Speaker, pos: int = 0) -> None:
        """Remember a speaker met in the text."""
        self.last = sp
        self.last_pos = pos
        if sp.name and sp.kind == "person":
            self.last_person = sp
        elif sp.name and sp.kind == "org":
            self.last_org = sp

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, start: int, end: int, prefer_last: bool = True) -> Speaker:
        """Resolve the speaker phrase text[start:end]."""
        toks = tokens(self.text, start, end)
        toks = [t for t in toks if t.text not in "\"“”„«»"]
        while toks and (toks[0].text in ",;:-–—" or toks[0].low in L.OPENERS
                        or toks[0].low in L.FUNCTION_WORDS):
            toks = toks[1:]
        while toks and toks[-1].text in ",;:-–—":
            toks = toks[:-1]
        if not toks:
            return Speaker(None, "unknown", via="none")
        seg = choose_segment(toks, prefer_last)
        # "itu ia", "the company it": a pronoun after leftovers of an opener.
        if seg[-1].low in L.PRONOUNS and all(
            t.low in L.DEMONSTRATIVES or t.low in L.FUNCTION_WORDS for t in seg[:-1]
        ):
            seg = seg[-1:]
        lows = [t.low for t in seg]
        a, b = seg[0].start, seg[-1].end
        if len(seg) == 1 and lows[0] in L.PRONOUNS:
            return self.pronoun(L.PRONOUNS[lows[0]], a, b)
        if lows[0] in L.DOCUMENT_NOUNS or any(w in L.DOCUMENT_NOUNS for w in lows[:2]):
            if not any(_name_word(t) for t in seg[1:]):
                return self.pronoun("any", a, b, via="document")
        indefinite = lows[0] in L.INDEFINITES or (
            # "The Fijian rebels", "Palestinian officials": a group named by its head noun.
            seg[-1].text.islower() and lows[-1] in L.ANON_MARKERS and not any(
                w in L.TITLES for w in lows))
        anaphoric = lows[-1] in ("itu", "tersebut", "ini") or lows[0] == "sang"
        titled = any(w in L.TITLES for w in lows)
        # Entities inside the phrase; one that starts before it runs over the cue ("Dijelaskan
        # Ani") and one followed by "'s" is a possessor ("Ani's lawyer").
        ents = [e for e in self.entities_in(a, b) if e.start >= a
                and (self.text[e.end:e.end + 2] not in ("’s", "'s") or e.end >= b - 2)]
        run = self._drop_common(seg, name_run(seg))
        if titled and run is not None:
            ents = [e for e in ents if e.label != "PLACE"]  # "Kapolda Papua Ani": Ani speaks
        if run is not None and self.article.lang == "en" and run[1] < len(seg) and \
                seg[run[1]].text.islower() and seg[run[1]].low not in L.NAME_PARTICLES and \
                run[1] - run[0] == 1:
            run = None  # "the Israeli prime minister": an adjective before a noun, not a name
        if anaphoric and titled and not indefinite and self.last_person is not None:
            # "tegas Ketua Umum partai tersebut": the person just quoted.
            return _refer(self.last_person, "role")
        if ents and not indefinite:
            ent = self.pick_entity(ents, seg, run)
            if ent is not None and ent.label == "PERSON" and not ent.actor_id and run is not None:
                # A person the KB does not know: its canonical is only the cleaned surface,
                # which may still carry a title or a headline ("Kasi Pidana Khusus Ani").
                words = seg[run[0]:run[1]]
                name = self.expand(" ".join(t.text for t in words), words[0].start)
                return Speaker(name, "person", start=words[0].start, end=words[-1].end)
            if ent is not None:
                if run is not None and ent.label == "PERSON":
                    words = seg[run[0]:run[1]]
                    if (ent.start > words[0].start or ent.end < words[-1].end) and not \
                            _canonical_agrees(" ".join(t.text for t in words), ent.canonical):
                        # The entity is a piece of a longer name the KB does not know.
                        return Speaker(" ".join(t.text for t in words), "person",
                                       start=words[0].start, end=words[-1].end)
                return self.from_entity(ent)
        if not titled and not indefinite and _is_place(seg):
            # A country speaks through its government: "Indonesia menegaskan …".
            words = _without_parens(seg)
            return Speaker(" ".join(t.text for t in words), "org", start=a, end=b)
        if anaphoric and not indefinite:
            # "Ketua Umum partai tersebut", "kementerian itu": someone already met.
            if titled and self.last_person is not None:
                return _refer(self.last_person, "role")
            key = role_key(" ".join(lows))
            if key is not None:
                sp = self.by_role(key, a)
                if sp is not None:
                    return sp
            head = next((w for w in reversed(lows) if w in L.ORG_NOUNS), None)
            if head is not None or has_org_head(seg):
                if self.last_org is not None:
                    return _refer(self.last_org, "role")
                if head is not None:
                    return self.generic_org(head, seg)
            return Speaker(None, "anon", start=a, end=b, via="role")
        if run is not None and not indefinite:
            words = seg[run[0]:run[1]]
            if has_org_head(seg) and not titled:
                return self.org_phrase(seg)
            name = " ".join(t.text for t in words)
            full = self.expand(name, words[0].start)
            return Speaker(full, "person", start=words[0].start, end=words[-1].end)
        # No name: an organisation, an unnamed source or a bare role.
        proper = any(is_cap(t.text) and not (
            i == 0 and self.sentence_initial(t.start) and self.is_common(t.text)
        ) for i, t in enumerate(seg))
        if not indefinite and not titled and proper and any(
            is_acronym(t.text) or t.low in L.ORG_HEADS or t.low.startswith("kemen") for t in seg
        ):
            return self.org_phrase(seg)
        key = role_key(" ".join(lows))
        if key is not None and not indefinite:
            sp = self.by_role(key, a, _phrase_country(seg))
            if sp is not None:
                return sp
            return Speaker(None, "anon", start=a, end=b, via="role")
        if indefinite or any(w in L.ANON_MARKERS for w in lows) or key is not None:
            return Speaker(None, "anon", start=a, end=b, via="anon")
        head = next((w for w in reversed(lows) if w in L.ORG_NOUNS), None)
        if head is not None:
            return self.generic_org(head, seg)
        return Speaker(None, "unknown", start=a, end=b, via="none")

    def _drop_common(self, seg: list[Tok], run: tuple[int, int] | None) -> tuple[int, int] | None:
        """Drop a sentence-initial capitalised common word from a name run ("Kunjungan")."""
        if run is None:
            return None
        i, j = run
        if self.sentence_initial(seg[i].start) and self.is_common(seg[i].text):
            i += 1
        return (i, j) if j > i else None

    def sentence_initial(self, pos: int) -> bool:
        k = pos - 1
        text = self.text
        while k >= 0 and text[k] in " \t\"“”'‘’-–—(":
            k -= 1
        return k < 0 or text[k] in "\n.!?:"

    def is_common(self, word: str) -> bool:
        """Is the word written in lower case elsewhere in the article (a common noun)?"""
        low = word.lower()
        hit = self._common.get(low)
        if hit is None:
            hit = self._common[low] = low != word and next(_find_words(self.text, low), None) is not None
        return hit

    def pronoun(self, want: str, a: int, b: int, via: str = "pronoun") -> Speaker:
        """The most recent plausible speaker for a pronoun ("ujarnya", "he said"): the last
        speaker, or a person who opened a later sentence as its subject ("Ani menyoroti …
        Menurutnya, …")."""
        last = self.last
        if want in ("person", "any"):
            mention = self.mention_before(a)
            if mention is not None and mention[0] > self.last_pos:
                return _refer(mention[1], via)
        if want == "person":
            if last is not None and (last.kind in ("person", "anon") or last.name is None):
                return _refer(last, via)
            if self.last_person is not None:
                return _refer(self.last_person, via)
        elif want == "org":
            if last is not None and last.kind == "org":
                return _refer(last, via)
            if self.last_org is not None:
                return _refer(self.last_org, via)
            return Speaker(None, "unknown", start=a, end=b, via=via)
        elif want == "plural":
            if last is not None and last.kind == "org":
                return _refer(last, via)
            return Speaker(None, "anon", start=a, end=b, via=via)
        elif last is not None:
            return _refer(last, via)
        return Speaker(None, "unknown", start=a, end=b, via=via)

    def mention_before(self, pos: int) -> tuple[int, Speaker] | None:
        """The last person who opened a sentence between the last speaker and ``pos``."""
        sents = self.article.sentences
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        while k >= 0 and sents[k].end > self.last_pos:
            if sents[k].start < pos:
                m = self._mention(k)
                if m is not None and m[0] < pos:
                    return m
            k -= 1
        return None

    def _mention(self, k: int) -> tuple[int, Speaker] | None:
        """The person who opens sentence ``k`` as the subject of an active verb ("Ani
        menyoroti …", "Ani spoke …"): the antecedent of a later "ia", "-nya" or "she"."""
        if k in self._mentions:
            return self._mentions[k]
        self._mentions[k] = None
        text = self.text
        sent = self.article.sentences[k]
        if text[sent.start] in "\"“”„«'‘":
            return None
        hi = min(sent.end, sent.start + 160)
        v = _ACTIVE_VERB_RE.search(text, sent.start, hi)
        a = b = 0
        if v is not None:
            a, b = subject_before(text, sent.start, v.start())
            lead = text[sent.start:a].strip()
            if lead and not lead.endswith(","):
                a = b = 0  # "Tayangan diputar sebelum Ani dan Budi memasuki …": not the subject
        if b <= a:
            # "Hal itu disampaikan Ani usai rapat", "… diungkap oleh Ketua Ani Wijaya".
            agent = _PASSIVE_AGENT_RE.search(text, sent.start, sent.end)
            if agent is None:
                return None
            a, b = phrase_after(text, agent.end(), sent.end)
            if b <= a:
                return None
        seg = choose_segment(tokens(text, a, b), True)
        ents = [e for e in self.entities_in(seg[0].start, seg[-1].end) if e.label == "PERSON"]
        if ents:
            self._mentions[k] = (ents[-1].start, self.from_entity(ents[-1]))
        elif not self.entities:
            run = self._drop_common(seg, name_run(seg))
            if run is None or has_org_head(seg) and not any(t.low in L.TITLES for t in seg):
                return None
            words = seg[run[0]:run[1]]
            name = self.expand(" ".join(t.text for t in words), words[0].start)
            self._mentions[k] = (words[0].start,
                                 Speaker(name, "person", start=words[0].start, end=words[-1].end))
        return self._mentions[k]

    def org_phrase(self, seg: list[Tok]) -> Speaker:
        words = _without_parens(seg)
        while words and (words[0].low in ("the", "sang", "pihak") or (
            not is_cap(words[0].text) and any(is_cap(t.text) for t in words[1:])
        )):
            words = words[1:]  # "penghitungan resmi AFP" → "AFP"
        while words and words[-1].low in L.DEMONSTRATIVES:
            words = words[:-1]
        if not words:
            return Speaker(None, "unknown", via="none")
        name = " ".join(t.text for t in words)
        if len(words) == 1:
            name = self.aliases().get(name, name)
        return Speaker(name, "org", start=words[0].start, end=words[-1].end)

    def generic_org(self, head: str, seg: list[Tok]) -> Speaker:
        """"the ministry", "kementerian itu": the last organisation of that kind named."""
        keys = L.ORG_NOUNS[head][:2]  # the word itself and its translation, not kin nouns
        a = seg[0].start
        for ent in reversed(self.entities):
            if ent.start >= a or ent.label != "ORG":
                continue
            canon = ent.canonical.lower()
            if any(k in canon or k in ent.text.lower() for k in keys):
                return self.from_entity(ent)
        if self.last_org is not None and self.last_org.name:
            low = self.last_org.name.lower()
            if any(k in low for k in keys):
                return _refer(self.last_org, "role")
        named = self._named_org_before(keys, a)
        if named is not None:
            return named
        words = [t for t in seg if t.low not in ("the", "sang", "itu", "tersebut", "ini")]
        name = " ".join(t.text for t in words) if words else head
        return Speaker(name, "org", start=seg[0].start, end=seg[-1].end, via="generic")

    def _named_org_before(self, keys: tuple[str, ...], pos: int) -> Speaker | None:
        """The last organisation named in capitals before ``pos`` whose name holds one of
        ``keys`` ("Ministry of Health" for "the ministry", "Kementerian Kesehatan" for
        "kementerian itu")."""
        text = self.text
        best: tuple[int, int] | None = None
        for key in keys:
            cap = key[:1].upper() + key[1:]
            i = text.rfind(cap, 0, pos)
            while i >= 0 and not _word_at(text, i, len(cap)):
                i = text.rfind(cap, 0, i)
            if i >= 0 and (best is None or i > best[0]):
                best = (i, len(cap))
        if best is None:
            return None
        i = best[0]
        line_start = text.rfind("\n", 0, i) + 1
        lo = max(line_start, i - 60)
        m = _CAP_RUN_END_RE.search(text, lo, i + best[1])
        start = m.start(1) if m else i
        toks = tokens(text, start, min(len(text), i + 80))
        words: list[Tok] = []
        for t in toks:
            if t.start >= i + best[1] and not (is_cap(t.text) or t.low in ("of", "for", "and", "dan")):
                break
            if t.text in ",.;:()":
                break
            words.append(t)
        while words and words[-1].low in ("of", "for", "and", "dan"):
            words.pop()
        while words and words[0].low in ("the",):
            words.pop(0)
        if not words:
            return None
        return Speaker(" ".join(t.text for t in words), "org", start=words[0].start,
                       end=words[-1].end, via="role")

    # -- entities --------------------------------------------------------------------------
    def entities_in(self, a: int, b: int) -> list[Entity]:
        return [e for e in self.entities if e.start < b and e.end > a]

    def pick_entity(self, ents: list[Entity], seg: list[Tok], run: tuple[int, int] | None) -> Entity | None:
        a, b = seg[0].start, seg[-1].end
        inside = [e for e in ents if e.start < b and e.end > a] or ents
        if run is not None:
            ra, rb = seg[run[0]].start, seg[run[1] - 1].end
            on_run = [e for e in inside if e.start < rb and e.end > ra]
            for label in ("PERSON", "ORG", "PLACE"):
                hit = [e for e in on_run if e.label == label]
                if hit:
                    return hit[-1]
            if not any(e.label == "PERSON" for e in inside):
                return None  # the name the text gives wins over an agency named beside it
        persons = [e for e in inside if e.label == "PERSON"]
        if persons:
            return persons[-1]
        # "ASEAN chair Indonesia": the entity right after a title is the one described.
        for e in reversed(inside):
            prev = [t for t in seg if t.end <= e.start]
            if prev and prev[-1].low in L.TITLES:
                return e
        orgs = [e for e in inside if e.label == "ORG"]
        if orgs:
            return orgs[0]
        places = [e for e in inside if e.label == "PLACE"]
        if places and run is not None:
            return places[0]
        return None

    def from_entity(self, e: Entity) -> Speaker:
        kind = "person" if e.label == "PERSON" else "org"
        if kind == "person" and e.canonical:
            # The text names someone else than the KB actor ("Budi Yunus" linked to another
            # Yunus): keep the name the text gives, and no KB id.
            if not _canonical_agrees(e.text, e.canonical):
                return Speaker(e.text, kind, start=e.start, end=e.end, via="name")
            if " " not in e.text.strip():
                full = self._text_full(e.text)
                if full and not _canonical_agrees(full, e.canonical):
                    return Speaker(full, kind, start=e.start, end=e.end, via="name")
        return Speaker(e.canonical or e.text, kind, actor_id=e.actor_id, start=e.start,
                       end=e.end, via="entity")

    # -- names without entities ------------------------------------------------------------
    def aliases(self) -> dict[str, str]:
        """"Full Name (Alias)" in the text → {alias: full name}."""
        if self._aliases is None:
            self._aliases = {}
            text = self.text
            if "(" in text:
                for m in _PAREN_ALIAS_RE.finditer(text):
                    lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 100)
                    run_m = _CAP_RUN_END_RE.search(text, lo, m.start())
                    if run_m is None:
                        continue
                    alias, full = m.group(1), run_m.group(1).strip(" ,")
                    toks = tokens(full, 0, len(full))
                    run = name_run(toks)
                    if has_org_head(toks) or is_acronym(alias):
                        self._aliases.setdefault(alias, " ".join(t.text for t in toks if t.text not in "(),"))
                    elif run is not None:
                        self._aliases.setdefault(alias, " ".join(t.text for t in toks[run[0]:run[1]]))
            if " atau " in text:
                # "Saifullah Yusuf atau Gus Ipul": the second name is what the text uses next.
                for m in _ATAU_RE.finditer(text):
                    lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 60)
                    run_m = _CAP_RUN_END_RE.search(text, lo, m.start())
                    if run_m is None:
                        continue
                    full = tokens(run_m.group(1), 0, len(run_m.group(1)))[-4:]
                    short = tokens(m.group(1), 0, len(m.group(1)))
                    fr, sr = name_run(full), name_run(short)
                    if fr is None or sr is None or has_org_head(full) != has_org_head(short):
                        continue
                    full_name = " ".join(t.text for t in full[fr[0]:fr[1]])
                    short_name = " ".join(t.text for t in short[sr[0]:sr[1]])
                    if full_name != short_name:
                        self._aliases.setdefault(short_name, full_name)
        return self._aliases

    def expand(self, name: str, at: int) -> str:
        """Complete a short name from a longer mention in the same article: "Ani" → "Ani
        Wijaya" (a given name, completed to the right), "Wijaya" → "Ani Wijaya" (a family
        name, completed to the left only where a title or the line start stands before)."""
        alias = self.aliases().get(name)
        if alias:
            return alias
        if " " in name:
            return name
        if name in self._expansions:
            return self._expansions[name]
        best = name
        for ent in self.entities:
            # Only KB-linked entities: an unlinked one's canonical is a surface form that
            # may be a headline ("Ani Sebut Budi Bukan …").
            if ent.label == "PERSON" and ent.actor_id and name in ent.canonical.split():
                best = ent.canonical
                break
        else:
            hits = self._hits(name)
            found = self._extend_right(hits) or self._extend_left(hits)
            if found:
                best = found
        self._expansions[name] = best
        return best

    def _text_full(self, name: str) -> str | None:
        """The longer form of a one-word name that the article itself writes, if any."""
        if name not in self._full:
            hits = self._hits(name)
            self._full[name] = self._extend_right(hits) or self._extend_left(hits)
        return self._full[name]

    def _hits(self, name: str) -> list[tuple[int, int]]:
        """(start, end) where ``name`` stands in the text as a whole word, outside quotations."""
        return [(i, i + len(name)) for i in _find_words(self.text, name) if not self.quoted(i)]

    def _extend_right(self, hits: list[tuple[int, int]]) -> str | None:
        """"Ani" → "Ani Wijaya": the first mention followed by more name words."""
        text = self.text
        n = len(text)
        for m_start, m_end in hits:
            if not (m_end + 1 < n and text[m_end] == " " and text[m_end + 1].isupper()):
                continue  # no capitalised word follows: nothing to extend
            line_end = text.find("\n", m_end)
            hi = min(len(text) if line_end < 0 else line_end, m_end + 60)
            toks = tokens(text, m_start, hi)
            j = 1
            while j < len(toks) and (_name_word(toks[j]) or (
                (toks[j].low in L.NAME_PARTICLES or _inner_initials(toks[j], j))
                and j + 1 < len(toks) and _name_word(toks[j + 1])
            )):
                j += 1
            if 1 < j <= 4:
                cand = toks[:j]
                if not has_org_head(cand) and country_code(" ".join(t.text for t in cand)) is None:
                    return " ".join(t.text for t in cand)
        return None

    def _extend_left(self, hits: list[tuple[int, int]]) -> str | None:
        """"Wijaya" → "Ani Wijaya", only where a title or the line start opens the name."""
        text = self.text
        for m_start, m_end in hits:
            if m_start < 2 or text[m_start - 1] != " ":
                continue
            prev_word = text.rfind(" ", 0, m_start - 1) + 1
            if not text[prev_word:prev_word + 1].isupper():
                continue  # no capitalised word before: nothing to extend
            line_start = text.rfind("\n", 0, m_start) + 1
            toks = tokens(text, max(line_start, m_start - 60), m_end)
            k = len(toks) - 1
            if k < 1 or not _name_word(toks[k - 1]):
                continue
            i = k - 1
            while i > 0 and _name_word(toks[i - 1]):
                i -= 1
            before = toks[i - 1].low if i > 0 else ""
            if (before in L.TITLES or toks[i].start == line_start) and k - i <= 2:
                cand = toks[i:k + 1]
                if not has_org_head(cand) and not (
                    self.sentence_initial(cand[0].start) and self.is_common(cand[0].text)
                ):
                    return " ".join(t.text for t in cand)
        return None

    # -- roles -----------------------------------------------------------------------------
    def roles(self) -> list[tuple[int, str, Speaker]]:
        """(offset, role key, person) for every "ROLE Name" the article writes."""
        if self._roles is None:
            self._roles = []
            for e in self.entities:
                if e.label == "PERSON" and e.role is not None:
                    key = role_key(e.role.text) or e.role.role
                    self._roles.append((e.start, key, self.from_entity(e)))
            for m in _ROLE_RE.finditer(self.text):
                key = L.ROLE_KEYS[m.group().lower()]
                hi = self.text.find("\n", m.end())
                hi = len(self.text) if hi < 0 else hi
                toks = tokens(self.text, m.end(), min(hi, m.end() + 80))
                seg: list[Tok] = []
                stopped_by_word = False
                for t in toks:
                    if t.text in ".;:!?" or (t.text[0].islower() and t.low not in L.TITLE_MODIFIERS
                                             and t.low not in L.NAME_PARTICLES):
                        stopped_by_word = t.text[0].isalpha()
                        break
                    if t.text == "," and seg:
                        break
                    if t.text != ",":
                        seg.append(t)
                run = name_run(seg) if seg else None
                if run is None or (stopped_by_word and run[1] == len(seg) and run[1] - run[0] == 1
                                   and self.article.lang == "en"):
                    continue  # "spokesperson for the Israeli prime minister": an adjective
                words = seg[run[0]:run[1]]
                sp = None
                ents = self.entities_in(words[0].start, words[-1].end)
                persons = [e for e in ents if e.label == "PERSON"]
                if persons:
                    sp = self.from_entity(persons[0])
                elif not self.entities and not has_org_head(words):
                    name = self.expand(" ".join(t.text for t in words), words[0].start)
                    sp = Speaker(name, "person", start=words[0].start, end=words[-1].end)
                if sp is not None:
                    self._roles.append((m.start(), key, sp))
            self._roles.sort(key=lambda r: r[0])
        return self._roles

    def by_role(self, key: str, at: int, country: str | None = None) -> Speaker | None:
        """The person the article gave this role: the last one before ``at``, else the first
        one after it (news leads often name the office first and the person later). Failing
        that, a person the article names whom the KB knows to hold that office on the
        article's date ("the foreign minister" when only "Ani Wijaya" is named)."""
        found = [r for r in self.roles() if _role_fits(key, r[1])]
        if not found:
            found = self.kb_holders(key, country)
        if not found:
            return None
        before = [r for r in found if r[0] < at]
        r = before[-1] if before else found[0]
        return _refer(r[2], "role")

    def kb_holders(self, key: str, country: str | None) -> list[tuple[int, str, Speaker]]:
        if self.kb_roles is None or not self.article.published:
            return []
        out, seen = [], set()
        for e in self.entities:
            if e.label != "PERSON" or not e.actor_id or e.actor_id in seen:
                continue
            seen.add(e.actor_id)
            held = self.kb_roles(e.actor_id, self.article.published)
            if any(_role_fits(key, k) and (country is None or c in (None, country)) for k, c in held):
                out.append((e.start, key, self.from_entity(e)))
        return out


def _canonical_agrees(surface: str, canonical: str) -> bool:
    """Does a person's canonical name keep the given name the text writes? ("Ani Wijaya" →
    "Ani Kusuma Wijaya" yes, "Mohamad Ali" → "Mochamad Ali" yes, "Budi Yunus" → "Ahmad
    Yunus" no). Single-word mentions ("Jokowi", "Retno") are the linker's to decide."""
    words = [w for w in fold(surface).split() if w not in L.TITLES]
    if len(words) < 2:
        return True
    given = words[0]
    canon = fold(canonical).split()
    return any(w == given or (len(w) > 3 and ratio(w, given) >= 75) for w in canon)


def _phrase_country(seg: list[Tok]) -> str | None:
    """The country a role phrase names ("foreign minister of Indonesia", "Menlu RI")."""
    for t in seg:
        if is_cap(t.text):
            word = t.text[:-2] if t.low.endswith(("’s", "'s")) else t.text
            code = country_code(word)
            if code:
                return code
    return None


def _role_fits(asked: str, held: str | None) -> bool:
    """"the minister" fits a foreign minister; "the foreign minister" fits only that."""
    if held is None:
        return False
    return held == asked or (asked == "minister" and held.endswith("minister"))


def _find_words(text: str, word: str) -> Iterator[int]:
    """Offsets where ``word`` stands as a whole word (a plain scan: names vary too much for
    compiled patterns to be reused)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if _word_at(text, i, n):
            yield i
        i = text.find(word, i + 1)


def _word_at(text: str, i: int, n: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _refer(sp: Speaker, via: str) -> Speaker:
    return Speaker(sp.name, sp.kind, sp.actor_id, sp.start, sp.end, via)
