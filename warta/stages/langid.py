"""Language identification: id / en / ms / other.

py3langid (fast, many languages) decides whether the text is Indonesian-or-Malay,
English, or something else; lingua, restricted to Indonesian and Malay, tells those two
apart, which py3langid does poorly. A language given with the input is trusted.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
KNOWN = {"id", "en", "ms"}
ALIASES = {"ind": "id", "in": "id", "eng": "en", "msa": "ms", "may": "ms", "zsm": "ms"}


@lru_cache(maxsize=1)
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.MALAY).build()


def detect(text: str) -> tuple[str, float]:
    """Return (code, confidence); code is id, en, ms or the ISO 639-1 code of another language."""
    sample = text[:SAMPLE_CHARS]
    code, prob = _langid().classify(sample)
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
