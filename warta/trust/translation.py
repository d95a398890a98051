"""Traces of machine translation and word spinning.

- ``spun_name``: a well-known multi-word name (an outlet, an institution) with one word
  swapped for a synonym — "Related Press" (Associated Press), "Wall Road Journal",
  "World Well being Organization". The names come from the knowledge base; the swaps from
  ``data/spinner_synonyms.tsv`` (how spinners substitute English words).
- ``name_slip``: a person's name resolved to a KB actor only after correcting a slip
  (reported by the entities stage in ``Entity.slip``).
- ``untranslated_english``: English phrases left mid-sentence in an Indonesian text
  (outside quotes and names).
- ``mt_calque``: word-for-word renderings of English idioms that Indonesian writers do not
  use ("mengambil tempat" for "take place").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..doc import Article, Flag

SYNONYMS_FILE = Path(__file__).with_name("data") / "spinner_synonyms.tsv"
_CAP_WORD = re.compile(r"[A-Z][\w'’.&-]*")


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

    Returns {folded words of the variant: (original name, original word, substitute)}.
    """
    syn = spinner_synonyms()
    out: dict[tuple[str, ...], tuple[str, str, str]] = {}
    originals = set()
    for name in names:
        words = name.split()
        if len(words) < 2 or not any(w.lower() in syn for w in words):
            continue
        originals.add(tuple(w.lower() for w in words))
        for i, w in enumerate(words):
            for sub in syn.get(w.lower(), ()):
                variant = tuple(x.lower() for x in words[:i]) + tuple(sub.split()) + tuple(
                    x.lower() for x in words[i + 1 :])
                out.setdefault(variant, (name, w, sub))
    for o in originals:  # a real name is never a spun one ("Financial Times" vs "Monetary Times")
        out.pop(o, None)
    return out


@lru_cache(maxsize=4)
def _variant_index(names: tuple[str, ...]) -> dict[str, list[tuple[tuple[str, ...], tuple[str, str, str]]]]:
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, str, str]]]] = {}
    for variant, info in spun_variants(names).items():
        index.setdefault(variant[0], []).append((variant, info))
    return index


def check_spun_names(article: Article, names: tuple[str, ...]) -> list[Flag]:
    if not names:
        return []
    index = _variant_index(names)
    toks = article.tokens
    words = [t.text.lower() for t in toks]
    flags: list[Flag] = []
    seen = set()
    for i, tok in enumerate(toks):
        if not tok.text[:1].isupper():
            continue
        for variant, (orig, word, sub) in index.get(words[i], ()):
            n = len(variant)
            if tuple(words[i : i + n]) != variant:
                continue
            span = article.text[tok.start : toks[i + n - 1].end]
            # A spinner keeps the capitals of the name it altered (a multi-word substitute may
            # come out lower-case inside: "World Well being Organization").
            if not toks[i + n - 1].text[:1].isupper():
                continue
            if span in seen:
                continue
            seen.add(span)
            flags.append(Flag(
                kind="spun_name",
                message=f"“{span}” looks like “{orig}” with “{word}” swapped for “{sub}”",
                evidence={"words": span, "likely_original": orig, "start": tok.start,
                          "end": toks[i + n - 1].end, "swap": [word, sub]},
                confidence=0.8,
            ))
    return flags


def check_name_slips(article: Article) -> list[Flag]:
    flags = []
    seen = set()
    for e in article.entities:
        if not e.slip or e.label != "PERSON" or e.text in seen:
            continue
        seen.add(e.text)
        flags.append(Flag(
            kind="name_slip",
            message=f"“{e.text}” is probably a misspelling of {e.canonical}",
            evidence={"words": e.text, "likely_original": e.canonical, "slip": e.slip,
                      "actor_id": e.actor_id, "start": e.start, "end": e.end},
            confidence=0.7 if e.actor_id else 0.4,
        ))
    return flags


# English function words; an Indonesian sentence with runs of them carries untranslated English.
EN_FUNCTION = frozenset(
    """the of and to in is are was were be been being with for that this these those which who
    whom whose from by on at as it its their they he she his her we our you your will would
    should could has have had not but or if than then there here what when where why how
    about into over after before because while also just only very more most such""".split()
)
# Quoted words, titles in single quotes and parentheses: English there is cited, not left over.
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]{0,1500}[\"”»]|(?<!\w)['‘][^'‘’\n]{3,300}['’](?!\w)|\([^()]{0,300}\)")
MIN_RUN = 3  # consecutive tokens, at least two of them English function words


def _english_runs(text: str) -> list[str]:
    runs = []
    tokens = re.findall(r"[A-Za-z'’]+|[^\sA-Za-z]", text)
    run: list[str] = []
    fw = 0

    def close() -> None:
        nonlocal run, fw
        if len(run) >= MIN_RUN and fw >= 2:
            runs.append(" ".join(run))
        run, fw = [], 0

    for tok in tokens:
        low = tok.lower()
        if tok[:1].isalpha() and tok.islower() and (low in EN_FUNCTION or _looks_english(low)):
            run.append(tok)
            fw += low in EN_FUNCTION
        else:
            close()
    close()
    return runs


@lru_cache(maxsize=100_000)
def _looks_english(word: str) -> bool:
    """An English word that is not also an Indonesian one (simplemma's dictionaries)."""
    import simplemma

    return simplemma.is_known(word, lang="en") and not simplemma.is_known(word, lang="id")


def check_untranslated_english(article: Article) -> list[Flag]:
    if article.lang not in ("id", "ms"):
        return []
    text = _QUOTED.sub(" ", article.text)
    runs = _english_runs(text)
    if len(runs) < 2:
        return []
    return [Flag(
        kind="untranslated_english",
        message=f"{len(runs)} English phrases left in the Indonesian text, e.g. “{runs[0]}”",
        evidence={"phrases": runs[:10], "count": len(runs)},
        confidence=min(0.9, 0.3 + 0.15 * len(runs)),
    )]


# Word-for-word renderings of English idioms (English original in the value).
CALQUES: dict[str, str] = {
    "mengambil tempat": "take place",
    "pada akhir hari": "at the end of the day",
    "membuat yakin": "make sure",
    "membuat pasti": "make sure",
    "membuat rasa": "make sense",
    "menurut untuk": "according to",
    "untuk menjadi jujur": "to be honest",
    "dalam hal apapun": "in any case",
    "menempatkan ke depan": "put forward",
    "datang dengan ide": "come up with an idea",
    "di atas semua itu": "on top of all that",
    "memberikan cara kepada": "give way to",
}
_CALQUE_RX = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in CALQUES) + r")\b", re.IGNORECASE)


def check_calques(article: Article) -> list[Flag]:
    if article.lang not in ("id", "ms"):
        return []
    found = [m.group() for m in _CALQUE_RX.finditer(article.text)]
    if not found:
        return []
    return [Flag(
        kind="mt_calque",
        message="word-for-word translations of English idioms: "
                + ", ".join(f"“{f}” ({CALQUES[f.lower()]})" for f in found[:5]),
        evidence={"phrases": found, "english": [CALQUES[f.lower()] for f in found]},
        confidence=min(0.8, 0.3 + 0.2 * (len(found) - 1)),
    )]
