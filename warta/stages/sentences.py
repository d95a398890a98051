"""Split paragraphs (lines) into sentences with sentencex, keeping character offsets."""

from __future__ import annotations

import re

from sentencex import segment

from ..config import Options
from ..doc import Article, Sentence
from ..pipeline import register

_PARA = re.compile(r"[^\n]+")


def split_sentences(text: str, lang: str) -> list[Sentence]:
    out: list[Sentence] = []
    seg_lang = lang if lang in ("id", "en", "ms") else "en"
    for para in _PARA.finditer(text):
        ptext = para.group()
        if not ptext.strip():
            continue
        pos = 0
        for sent in segment(seg_lang, ptext):
            stripped = sent.strip()
            if not stripped:
                continue
            i = ptext.find(stripped, pos)
            if i < 0:  # sentencex changed the text; fall back to the rest of the paragraph
                i = pos
                stripped = ptext[pos:].strip()
            out.append(Sentence(para.start() + i, para.start() + i + len(stripped)))
            pos = i + len(stripped)
    return out


@register("sentences", requires=("normalized", "lang"), provides=("sentences",))
def make_sentences(options: Options):
    """Split the text into sentences (a newline always ends one)."""

    def sentences(article: Article) -> Article:
        article.sentences = split_sentences(article.text, article.lang or "id")
        return article

    return sentences
