"""Normalise the text: mojibake repaired, HTML entities decoded, odd quote marks and
spaces made plain, Unicode NFC. Each repair is recorded in ``article.fixes``."""

from __future__ import annotations

import html
import re
import unicodedata

from ..config import Options
from ..doc import Article
from ..errors import EmptyInputError
from ..pipeline import register

# Byte sequences that UTF-8 text decoded as cp1252/latin-1 leaves behind ("â€œ", "Ã©").
_MOJIBAKE = re.compile(r"[ÂÃâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]")
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Quote marks of other conventions mapped to the four common curly ones and straight quotes.
# „ and « » are kept: they are real quote styles that the quote stage reads.
_QUOTES = str.maketrans(
    {
        "\u201f": "\u201c",  # ‟ double high-reversed-9
        "\u2033": '"',  # ″ double prime used as a quote
        "\uff02": '"',  # fullwidth "
        "\u301d": "\u201c",
        "\u301e": "\u201d",
        "\u201b": "\u2018",  # ‛
        "\u2032": "'",  # ′ prime used as an apostrophe
        "\uff07": "'",
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",  # zero-width space
        "\ufeff": "",  # stray byte-order mark
        "\u00ad": "",  # soft hyphen
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CRLF = re.compile(r"\r\n?")


def normalize_text(text: str) -> tuple[str, list[str]]:
    """Return the normalised text and the list of repairs made."""
    fixes: list[str] = []
    if _MOJIBAKE.search(text):
        import ftfy  # only loaded when needed: it is slow to import and to run

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            fixes.append("mojibake")
            text = fixed
    if "&" in text and _ENTITY.search(text):
        decoded = html.unescape(text)
        if decoded != text:
            fixes.append("html_entities")
            text = decoded
    if "\r" in text:
        text = _CRLF.sub("\n", text)
    translated = text.translate(_QUOTES)
    if translated != text:
        fixes.append("quotes_spaces")
        text = translated
    if _CONTROL.search(text):
        fixes.append("control_chars")
        text = _CONTROL.sub(" ", text)
    if "``" in text or "''" in text:  # TeX-style quotes, common in scraped corpora
        text = text.replace("``", "\u201c").replace("''", "\u201d")
        fixes.append("tex_quotes")
    if not text.isascii():
        nfc = unicodedata.normalize("NFC", text)
        if nfc != text:
            fixes.append("nfc")
            text = nfc
    return text.strip(), fixes


@register("normalize", requires=("text",), provides=("normalized",))
def make_normalize(options: Options):
    """Repair and normalise the raw text."""

    def normalize(article: Article) -> Article:
        article.text, fixes = normalize_text(article.text)
        article.fixes.extend(fixes)
        if not article.text:
            raise EmptyInputError("the article has no text")
        if article.title:
            article.title = normalize_text(article.title)[0]
        return article

    return normalize
