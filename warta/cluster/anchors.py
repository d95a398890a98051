"""Anchors: the words a translation keeps — names and numbers — used to find candidates cheaply.

An Indonesian article and its English translation share almost no shingles, but they share
their proper names ("Prabowo", "Sulawesi", "KPK") and their figures ("6,2" / "6.2", "1.000"
/ "1,000"). Before paying for sentence embeddings, cross-language candidates are the
articles of another language, published within a few days, that share several anchors of
the title and lead. Only those pairs are embedded.
"""

from __future__ import annotations

import re
import zlib

# Capitalised words that start clauses or name days and months in either language:
# shared by unrelated articles, so they anchor nothing.
_STOP = frozenset(
    """
    a an the in on at of for to and or but by with from as is are was were be he she it its
    they we i you this that these those his her their our after before when while if then
    there here mr mrs ms dr said says according also however meanwhile
    di ke dari dan atau yang ini itu pada dalam untuk dengan oleh karena saat ketika jika
    namun tetapi sementara kata ujar menurut ia dia mereka kami kita saya para sang
    bapak ibu pak bu adapun selain sebelumnya kemudian lalu juga akan telah sudah baca
    senin selasa rabu kamis jumat sabtu minggu monday tuesday wednesday thursday friday
    saturday sunday januari februari maret april mei juni juli agustus september oktober
    november desember january february march may june july august october december
    """.split()
)
# Only what can be an anchor: figures, and words that start with a capital letter
# (the lookbehind keeps "iPhone"-like words and word middles out).
_TOKEN = re.compile(r"(?<!\w)(?:\d[\d.,]*\d|\d|[A-ZÀ-ÖØ-Þ][\w'’-]*)")
_SENT_END = re.compile(r"[.!?]\s")
LEAD_WORDS = 60
MAX_ANCHORS = 40


def anchor_words(title: str | None, lead: str) -> list[str]:
    """Names and numbers of the title and lead, folded so translations agree on them."""
    out: list[str] = []
    seen: set[str] = set()
    for part in (title or "", lead):
        starts = {0} | {m.end() for m in _SENT_END.finditer(part)}
        for m in _TOKEN.finditer(part):
            tok = m.group()
            if tok[0].isdigit():
                digits = re.sub(r"[.,]", "", tok)
                if len(digits) < 2:
                    continue  # "2" and "5" are everywhere
                key = "#" + digits
            elif m.start() not in starts:
                key = tok.lower().rstrip("'’-")
                if key in _STOP or len(key) < 2:
                    continue
            else:
                continue
            if key not in seen:
                seen.add(key)
                out.append(key)
            if len(out) >= MAX_ANCHORS:
                return out
    return out


def anchors(title: str | None, lead: str) -> list[int]:
    """The anchor words as 32-bit hashes (stable across processes)."""
    return [zlib.crc32(w.encode()) for w in anchor_words(title, lead)]


def lead_of(text: str, sentences: list[list[int]] | list[tuple[int, int]], words: int = LEAD_WORDS) -> str:
    """The first sentences of the text, up to about ``words`` words: what a headline reader sees."""
    if sentences:
        end = sentences[0][1]
        for _s, e in sentences[1:]:
            if len(text[:end].split()) >= words:
                break
            end = e
        lead = text[:end]
    else:
        lead = text[: words * 8]
    parts = lead.split()
    return " ".join(parts[:words])
