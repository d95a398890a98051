"""Traces of machine translation and word spinning.

- ``spun_name``: a well-known multi-word name (an outlet, an institution) with one word
  swapped for a synonym — "Related Press" (Associated Press), "Wall Road Journal",
  "World Well being Organization", "Lembaga Pusat Statistik" (Badan Pusat Statistik). The
  names come from the knowledge base; the swaps from ``data/spinner_synonyms.tsv`` (how
  spinners substitute English and Indonesian words). Only swaps in that table are seen: a
  spinner's other synonyms pass unnoticed.
- ``name_slip``: a person's name resolved to a KB actor only after correcting a slip
  (reported by the entities stage in ``Entity.slip``). Spelling variants that genuine
  articles use (doubled letters, "ae"/"ai", "kh"/"k", "oe"/"u", a final "h", footnote
  digits) and names with a word more or less are not slips.
- ``untranslated_english``: English phrases left mid-sentence in an Indonesian text
  (outside quotes, titles and parentheses): two such phrases, or one long one.
- ``mt_calque``: word-for-word renderings of English idioms that Indonesian writers do not
  use ("mengambil tempat" for "take place").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..doc import Article, Flag
from ..kb.countries import country_code
from ..textutil import fold
from .phrases import lower_same_length, normalise_space, phrase_regex

SYNONYMS_FILE = Path(__file__).with_name("data") / "spinner_synonyms.tsv"


@lru_cache(maxsize=1)
def spinner_synonyms() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, subs = line.split("\t")
        alts = {s.strip().lower() for s in subs.split("|")} - {word}
        out[word] = tuple(sorted(set(out.get(word, ())) | alts))
    return out


def spun_variants(names: Iterable[str]) -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Every one-word spinner substitution of every multi-word name.

    Returns {lower-case words of the variant: (original name, original word, substitute)}.
    """
    syn = spinner_synonyms()
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    originals = set()
    for name in names:
        words = name.split()
        originals.add(tuple(w.lower() for w in words))
        if len(words) < 2 or not any(w.lower() in syn for w in words):
            continue
        for i, w in enumerate(words):
            for sub in syn.get(w.lower(), ()):
                if _same_stem(w.lower(), sub):
                    continue  # "Statistika" for Statistik is a variant, not a synonym
                variant = tuple(x.lower() for x in words[:i]) + tuple(sub.split()) + tuple(
                    x.lower() for x in words[i + 1 :])
                out.setdefault(variant, (name, w, sub))
    for o in originals:  # a real name is never a spun one ("Financial Times" vs "Monetary Times")
        out.pop(o, None)
    return out


def _same_stem(word: str, sub: str) -> bool:
    """One word is the other with up to two letters more at the end ("pres"/"press")."""
    short, long = sorted((word, sub), key=len)
    return long.startswith(short) and len(long) - len(short) <= 2


def _written_forms(sub: str, original: str, first: bool, last: bool) -> set[str]:
    """How a spinner's substitute for ``original`` may be written inside the name: in
    capitals like the word it replaced ("Related Press", "Well Being"), or with only its
    first word so ("World Well being Organization"); lower case only where the original
    was. The first and last word of a name stay capitalised, or it no longer reads as one."""
    words = sub.split()
    if not original[:1].isupper():
        return {sub}
    forms = {" ".join(w[:1].upper() + w[1:] for w in words),
             " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])}
    if last and len(words) > 1:
        forms = {f for f in forms if f.split()[-1][:1].isupper()}
    if not first and not last:
        forms.add(sub)
    return forms


@lru_cache(maxsize=4)
def _spun_finder(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """A case-sensitive regex for every written form of every variant (capitals are rare in
    running text, so the scan is fast), and written form -> (original, word, substitute)."""
    syn = spinner_synonyms()
    real = {normalise_space(n) for n in names}
    forms: dict[str, tuple[str, str, str]] = {}
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        for i, w in enumerate(words):
            for sub in syn.get(w.lower(), ()):
                if _same_stem(w.lower(), sub):
                    continue
                low = " ".join(x.lower() for x in [*words[:i], sub, *words[i + 1 :]])
                if low in real:
                    continue  # a real name is never a spun one ("Financial Times")
                for written in _written_forms(sub, w, i == 0, i == len(words) - 1):
                    forms.setdefault(" ".join([*words[:i], written, *words[i + 1 :]]), (name, w, sub))
    return phrase_regex(forms, lower=False), forms


_NEXT_WORDS = re.compile(r"[ \t]+([^\s,.;:()]+)(?:[ \t]+([^\s,.;:()]+))?")
_CONNECTORS = frozenset({"dan", "serta", "and", "of", "untuk", "for", "the", "&"})


def _continues_name(text: str, end: int, prefixes: frozenset[str]) -> bool:
    """Whether the name matched up to ``end`` goes on, so that the match is part of another
    name: a capitalised common word follows ("Kementerian Perlindungan Pekerja Migran"), not
    a person's name ("Badan Gizi Negeri Dadan Hindayana") nor a country (the same body of
    that country: "Kementerian Asing Negeri Iran"); or a connector and a capitalised word
    that together begin a known name ("Kementerian Komunikasi dan Digital"; but "Related
    Press dan Wall Road Journal" is two names)."""
    m = _NEXT_WORDS.match(text, end)
    if not m:
        return False
    first, second = m.group(1), m.group(2) or ""
    start = text.rfind("\n", 0, end) + 1
    head = normalise_space(text[start:end]).split()

    def known_prefix(*more: str) -> bool:
        return any(" ".join([*head[k:], *more]) in prefixes
                   for k in range(max(0, len(head) - 6), len(head) - 1))

    if first[:1].isupper():
        if first == "RI" or country_code(first):  # the same body of another country
            return known_prefix(first.lower())
        # A common word goes on with the name ("… Perlindungan Pekerja Migran"); a proper
        # name after it is the person the title belongs to ("Badan Gizi Negeri Dadan …").
        return known_prefix(first.lower()) or _common_word(first.lower())
    if first.lower() not in _CONNECTORS or not second[:1].isupper():
        return False
    return known_prefix(first.lower(), second.lower())


@lru_cache(maxsize=4)
def _name_prefixes(names: tuple[str, ...]) -> frozenset[str]:
    """Every beginning (two words or more) of every known name, lower case."""
    out: set[str] = set()
    for n in names:
        words = normalise_space(n).split()
        out.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
    return frozenset(out)


def check_spun_names(article: Article, names: tuple[str, ...]) -> list[Flag]:
    if not names:
        return []
    rx, forms = _spun_finder(names)
    prefixes = _name_prefixes(names)
    text = article.text
    flags: list[Flag] = []
    seen = set()
    for m in rx.finditer(text):
        span = m.group()
        if span in seen or _continues_name(text, m.end(), prefixes):
            continue
        orig, word, sub = forms[normalise_space(span, lower=False)]
        seen.add(span)
        flags.append(Flag(
            kind="spun_name",
            message=f"“{span}” looks like “{orig}” with “{word}” swapped for “{sub}”",
            evidence={"words": span, "likely_original": orig, "start": m.start(),
                      "end": m.end(), "swap": [word, sub]},
            confidence=0.8,
        ))
    return flags


# Spellings genuine articles use for the same name: not slips.
_VARIANT_RULES = [(re.compile(p), r) for p, r in (
    (r"\d+", ""),  # footnote digits glued to a name: "Hindayana3"
    (r"(\w)\1", r"\1"),  # doubled letters: Yasona / Yasonna
    (r"kh", "k"), (r"dj", "j"), (r"tj", "c"), (r"oe", "u"), (r"ae", "ai"), (r"ph", "f"),
    (r"sy", "s"), (r"y", "i"), (r"(?<=\w)h\b", ""),  # Farichah / Faricha
)]


def spelling_key(name: str) -> str:
    """A name with the differences of accepted spelling variants erased."""
    key = fold(name)
    for rx, rep in _VARIANT_RULES:
        key = rx.sub(rep, key)
    return key


def is_real_slip(surface: str, known: str) -> bool:
    """Whether ``surface`` differs from ``known`` by a slip rather than a spelling variant,
    a different number of words or other first letters (other people: "George HW Bush" is
    not George Bush, "Ali" is not "Vali")."""
    a, b = fold(surface).split(), fold(known).split()
    if len(a) != len(b) or any(x[:1] != y[:1] for x, y in zip(a, b, strict=True)):
        return False
    return spelling_key(surface) != spelling_key(known)


def check_name_slips(article: Article) -> list[Flag]:
    flags = []
    seen = set()
    for e in article.entities:
        if not e.slip or e.label != "PERSON" or e.text in seen:
            continue
        seen.add(e.text)
        known = e.slip.split(" -> ", 1)[1] if " -> " in e.slip else e.canonical
        if not is_real_slip(e.text, known):
            continue
        flags.append(Flag(
            kind="name_slip",
            message=f"“{e.text}” is probably a misspelling of {e.canonical}",
            evidence={"words": e.text, "likely_original": e.canonical, "slip": e.slip,
                      "actor_id": e.actor_id, "start": e.start, "end": e.end},
            confidence=0.7 if e.actor_id else 0.4,
        ))
    return flags


# English function words; an Indonesian sentence with runs of them carries untranslated English.
# (None is also an Indonesian word: "di", "per", "via" and the like are left out.)
EN_FUNCTION = frozenset(
    """the of and to in is are was were be been being with for that this these those which who
    whom whose from by on at as it its their they he she his her we our you your will would
    should could has have had not but or if than then there here what when where why how
    about into over after before because while also just only very more most such a an among
    despite during against between under through without within until since still yet all
    any some can may might must do does did said says up out off amid later now each both
    other whether upon across along around behind beyond toward towards us them him my""".split()
)
# Quoted words, titles in single quotes and parentheses (within one paragraph): English there
# is cited, not left over.
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»\n]{0,1500}[\"”»]|(?<!\w)['‘][^'‘’\n]{3,300}['’](?!\w)"
                     r"|\([^()\n]{0,300}\)")
# Cheap exit: an article with fewer than two of these distinct words cannot hold a run (the
# short ones that are also Indonesian words or abbreviations are left out of the test).
_EN_HINTS = EN_FUNCTION - frozenset(
    "a an as at it up do no so us me my can may all any now him out off did said says".split())
_TOKEN = re.compile(r"[A-Za-z'’]+|[^\sA-Za-z]")
_SENTENCE_END = frozenset(".!?\n:;")
MIN_RUN = 3  # consecutive English tokens, at least two of them function words
LONG_RUN = 6  # one run this long (with two function words) is enough on its own
MAX_NEUTRAL = 2  # words of both languages ("final", "program") a run may carry in a row


def _english_runs(text: str) -> list[str]:
    runs: list[str] = []
    run: list[str] = []
    neutral: list[str] = []  # words of both languages waiting to see if English goes on
    fw = 0
    prev = "."

    def close() -> None:
        nonlocal run, fw, neutral
        if len(run) >= MIN_RUN and fw >= 2:
            runs.append(" ".join(run))
        run, fw, neutral = [], 0, []

    for tok in _TOKEN.findall(text):
        low = tok.lower()
        alpha = tok[:1].isalpha()
        # A capital opens an English sentence ("The move was …") but is a name elsewhere.
        cased = tok.islower() or (not run and prev in _SENTENCE_END and tok[1:].islower())
        if alpha and cased and (low in EN_FUNCTION or _looks_english(low)):
            run.extend(neutral)
            neutral = []
            run.append(tok)
            fw += low in EN_FUNCTION
        elif run and alpha and tok.islower() and len(neutral) < MAX_NEUTRAL and _in_both(low):
            neutral.append(tok)
        else:
            close()
        prev = tok
    close()
    return runs


@lru_cache(maxsize=100_000)
def _looks_english(word: str) -> bool:
    """An English word that is not also an Indonesian one (simplemma's dictionaries)."""
    import simplemma

    return simplemma.is_known(word, lang="en") and not simplemma.is_known(word, lang="id")


@lru_cache(maxsize=100_000)
def _common_word(word: str) -> bool:
    """A word of the Indonesian or English dictionary (not a proper name)."""
    import simplemma

    return simplemma.is_known(word, lang="id") or simplemma.is_known(word, lang="en")


@lru_cache(maxsize=100_000)
def _in_both(word: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang="en") and simplemma.is_known(word, lang="id")


def check_untranslated_english(article: Article) -> list[Flag]:
    if article.lang not in ("id", "ms"):
        return []
    text = article.text
    if len(_EN_HINTS.intersection(text.split())) < 2:
        return []
    runs = _english_runs(_QUOTED.sub(" ", text))
    longest = max((len(r.split()) for r in runs), default=0)
    if len(runs) < 2 and longest < LONG_RUN:
        return []
    return [Flag(
        kind="untranslated_english",
        message=f"{len(runs)} English phrase{'s' if len(runs) > 1 else ''} left in the "
                f"Indonesian text, e.g. “{runs[0]}”",
        evidence={"phrases": runs[:10], "count": len(runs)},
        confidence=min(0.9, 0.3 + 0.15 * len(runs)),
    )]


# Word-for-word renderings of English idioms (English original in the value).
CALQUES: dict[str, str] = {
    "mengambil tempat": "take place",
    "pada akhir hari": "at the end of the day",
    "pada akhir dari hari": "at the end of the day",
    "membuat yakin": "make sure",
    "membuat pasti": "make sure",
    "membuat rasa": "make sense",
    "membuat jelas": "make clear",
    "menurut untuk": "according to",
    "untuk menjadi jujur": "to be honest",
    "untuk menjadi adil": "to be fair",
    "dalam hal apapun": "in any case",
    "menempatkan ke depan": "put forward",
    "datang dengan ide": "come up with an idea",
    "di atas semua itu": "on top of all that",
    "memberikan cara kepada": "give way to",
    "mengambil ke dalam akun": "take into account",
}


@lru_cache(maxsize=1)
def _calque_rx() -> re.Pattern[str]:
    return phrase_regex(CALQUES)


def check_calques(article: Article) -> list[Flag]:
    if article.lang not in ("id", "ms"):
        return []
    text = article.text
    low = lower_same_length(text)
    if not any(c in low for c in CALQUES):  # substring tests are far cheaper than the scan
        return []
    found = [text[m.start() : m.end()] for m in _calque_rx().finditer(low)]
    if not found:
        return []
    english = [CALQUES[normalise_space(f)] for f in found]
    return [Flag(
        kind="mt_calque",
        message="word-for-word translations of English idioms: "
                + ", ".join(f"“{f}” ({e})" for f, e in list(zip(found, english, strict=True))[:5]),
        evidence={"phrases": found, "english": english},
        confidence=min(0.8, 0.3 + 0.2 * (len(found) - 1)),
    )]
