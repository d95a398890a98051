"""Language identification: id / en / ms / other.

py3langid (fast, many languages) decides whether the text is Indonesian-or-Malay,
English, or something else; lingua, restricted to Indonesian and Malay, tells those two
apart, which py3langid does poorly. A language given with the input is trusted.

py3langid's scoring walks a byte automaton in pure Python, one step per byte of the
sample; that walk is most of the stage's time. ``_classify`` gives py3langid's exact
answer (same features, same order, same float arithmetic) but walks each space-ended
chunk of bytes once per automaton state it starts from and caches the result: news
words repeat (Zipf), so most chunks are a dictionary hit instead of a byte loop.

Before either, a vote of function words settles clear cases: a sample of 40+ words of
which at least 12% are common Indonesian function words ("yang", "dengan", "bahwa"…) and
at most 3% English ones is Indonesian-or-Malay (the Malay check below still runs), and the
mirror case with 20% English function words is English. Such samples are far from any
boundary py3langid draws (checked against py3langid on ~2,300 Indonesian and English texts
here: it agrees on every one the vote decides); anything less clear goes to py3langid.
The confidence reported for a vote is 1.0.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from ..config import Options
from ..doc import Article
from ..errors import LanguageError
from ..pipeline import register

SAMPLE_CHARS = 600  # enough for a stable decision on news prose; keeps the stage cheap
# Spellings that standard Malay uses and standard Indonesian does not (bahawa/bahwa,
# kerana/karena, baharu/baru, sahaja/saja, iaitu/yaitu, selepas/setelah, wang/uang,
# polis/polisi, kerajaan for "government"). Lingua — slower — is asked only when they appear.
_MALAY_MARKERS = re.compile(
    r"\b(?:bahawa|kerana|baharu|sahaja|iaitu|selepas|wang|polis|kerajaan|mahupun)\b",
    re.IGNORECASE,
)
# Common function words, disjoint between the two lists; Malay shares most Indonesian ones.
_ID_WORDS = frozenset(
    "yang dan di dengan untuk dari dalam ini itu akan tidak pada ke juga oleh karena bahwa "
    "telah sudah ada adalah tersebut saat kata para bisa lebih menjadi atau mereka kami kita "
    "sebagai namun hingga seperti dapat masih setelah belum harus jika tak pun agar sejak bagi "
    "antara serta lalu kemudian menurut yakni yaitu terhadap sebelumnya bahkan sementara "
    "tetapi tapi ia dia saya secara sebuah seorang semua sangat sendiri banyak terus "
    "mengatakan ujar ungkap jelas melalui tengah kepada".split()
)
_EN_WORDS = frozenset(
    "the of and to in is that for on with was as by at from has have are be it his her said "
    "will this which were an their not its would been had who after also but they he she "
    "about more than".split()
)
_VOTE_WORD = re.compile(r"[^\W\d_]+")
VOTE_MIN_WORDS = 40
VOTE_ID_SHARE, VOTE_EN_SHARE, VOTE_OTHER_MAX = 0.12, 0.20, 0.03
KNOWN = {"id", "en", "ms"}
ALIASES = {"ind": "id", "in": "id", "eng": "en", "msa": "ms", "may": "ms", "zsm": "ms"}


@lru_cache(maxsize=1)
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


RAW_FLOOR = float(np.finfo(np.float32).min)  # py3langid's floor for a masked column
# (automaton state, chunk bytes) -> (state after the chunk, feature ids met on the way)
_WALKS: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}
MAX_WALKS = 200_000  # bounded: cleared when full (a long run meets ever rarer words)


def _walk(ident, state: int, chunk: bytes) -> tuple[int, tuple[int, ...]]:  # noqa: ANN001
    """py3langid's ``visit_counts`` loop over one chunk: the state after it and the features."""
    nm, rowbase, out = ident.tk_nextmove, ident._rowbase, ident.tk_output
    feats = []
    for letter in chunk:
        state = nm[rowbase[state] + letter]
        f = out[state]
        if f >= 0:
            feats.append(f)
    return state, tuple(feats)


def _visits(ident, data: bytes) -> Counter | None:  # noqa: ANN001
    """Feature counts of ``data`` exactly as ``py3langid.langid.visit_counts`` gives them
    (same keys in the same first-seen order, so the score sums in the same order)."""
    walks = _WALKS
    if len(walks) >= MAX_WALKS:
        walks.clear()
    parts = data.split(b" ")
    last = parts.pop()
    state = 0
    feats: list[int] = []
    for part in parts:
        key = (state, part)
        hit = walks.get(key)
        if hit is None:
            hit = walks[key] = _walk(ident, state, part + b" ")
        state = hit[0]
        feats += hit[1]
    if last:
        feats += _walk(ident, state, last)[1]
    return Counter(feats) if feats else None


def _classify(sample: str) -> tuple[str, float]:
    """``_langid().classify(sample)``, with the byte walk cached per chunk (see above)."""
    ident = _langid()
    data = ident._encode(sample)
    visits = _visits(ident, data)
    if visits:
        scores = ident._sparse_score(visits, ident.nb_ptc)
    else:
        return ident.classify(sample)  # no features: py3langid's own fallback
    if ident._norm_probs:  # py3langid's _decide, step for step
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
    for i, j in ident._alias_pairs:
        if ident._norm_probs:
            scores[i] += scores[j]
            scores[j] = 0.0
        else:
            scores[i] = max(scores[i], scores[j])
            scores[j] = RAW_FLOOR
    i = int(scores.argmax())
    conf = float(scores[i])
    if ident.min_confidence is not None and conf < ident.min_confidence:
        return "und", conf
    return ident.nb_classes[i], conf


@lru_cache(maxsize=1)
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.MALAY).build()


def _vote(sample: str) -> str | None:
    """"id" (Indonesian or Malay) or "en" when function words leave no doubt, else None."""
    words = _VOTE_WORD.findall(sample.lower())
    n = len(words)
    if n < VOTE_MIN_WORDS:
        return None
    n_id = sum(map(_ID_WORDS.__contains__, words))
    n_en = sum(map(_EN_WORDS.__contains__, words))
    if n_id >= VOTE_ID_SHARE * n and n_en <= VOTE_OTHER_MAX * n:
        return "id"
    if n_en >= VOTE_EN_SHARE * n and n_id <= VOTE_OTHER_MAX * n:
        return "en"
    return None


def detect(text: str) -> tuple[str, float]:
    """Return (code, confidence); code is id, en, ms or the ISO 639-1 code of another language."""
    sample = text[:SAMPLE_CHARS]
    code = _vote(sample)
    if code is not None:
        prob = 1.0
    else:
        code, prob = _classify(sample)
    if code in ("id", "ms"):
        if not _MALAY_MARKERS.search(sample):
            return "id", float(prob)
        from lingua import Language

        conf = _lingua().compute_language_confidence_values(sample)
        best = max(conf, key=lambda c: c.value)
        code = "ms" if best.language == Language.MALAY else "id"
        prob = best.value
    return code, float(prob)


def normalise_code(code: str) -> str:
    code = code.strip().lower().replace("_", "-").split("-")[0]
    return ALIASES.get(code, code)


@register("langid", requires=("normalized",), provides=("lang",))
def make_langid(options: Options):
    """Identify the language; refuse languages Warta does not read."""
    accepted = set(options.languages)
    if options.analyse_malay_as:
        accepted.add("ms")

    def langid(article: Article) -> Article:
        if article.lang:
            article.lang = normalise_code(article.lang)
            article.lang_given = True
        else:
            article.lang, conf = detect(article.text)
            article.extras["lang_confidence"] = round(conf, 3)
        if article.lang not in accepted:
            raise LanguageError(
                f"language {article.lang!r} is not one Warta reads "
                f"({', '.join(sorted(accepted))})"
            )
        return article

    return langid
