"""Word features for the Indonesian NER tagger, shared by training and tagging.

Every feature is a property of one word *type* (its string), never of a pair of words, so
that a trained CRF can be compiled into per-word-type score tables: the score of label y at
token i is the sum, over the context offsets k in -2..+2, of the weights of the features of
word i+k at offset k, plus (at a "fresh start" position) the weights of the start features
of word i. Training (``scripts/train_ner.py``) and tagging (``warta.ner.tagger``) both
take features from :class:`FeatureSpace`, so the two can never disagree about a feature.

Attribute names given to crfsuite are ``"<slot>|<feature>"``, slot being one of ``SLOTS``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

# Context slots: the word at offset -2..+2 from the token being labelled, plus "I", the
# token itself when it stands where capitals are not a name cue (sentence start, after an
# opening quote, a colon or a dash).
SLOTS: tuple[str, ...] = ("-2", "-1", "0", "+1", "+2", "I")
OFFSETS: tuple[int, ...] = (-2, -1, 0, 1, 2)

# Pseudo-words outside the sentence; the tokenizer never yields these strings.
BOS = "<S>"
EOS = "</S>"

# Tokens after which a capital letter says nothing about names.
FRESH_START_AFTER = frozenset({'"', "“", "”", "'", "‘", "’", ":", "-", "–", "—", "•"})

# Which feature kinds each slot uses (the prefix before "=" of a feature string):
# b bias, w lowercased word, cs case class, ss short shape, sh shape, ln length,
# p2-p4 / s2-s4 prefixes / suffixes, cl / cL fine / coarse cluster, cr capitalisation
# bucket, fq frequency bucket, gz gazetteer tag.
TEMPLATES: dict[str, frozenset[str]] = {
    "-2": frozenset("w cs cl gz".split()),
    "-1": frozenset("w cs ss cl cr s3 gz".split()),
    "0": frozenset("b w cs ss sh ln p2 p3 p4 s2 s3 s4 cl cL cr fq gz".split()),
    "+1": frozenset("w cs ss cl cr p3 gz".split()),
    "+2": frozenset("w cs cl gz".split()),
    "I": frozenset("w cs cl cr fq gz".split()),
}

_LETTER = re.compile(r"[^\W\d_]")
_RUNS = re.compile(r"(.)\1+")


_ASCII_SHAPE = str.maketrans(
    {c: "X" for c in string.ascii_uppercase}
    | {c: "x" for c in string.ascii_lowercase}
    | {c: "d" for c in string.digits}
)
_LONG_RUN = re.compile(r"(.)\1{4,}")


def _cut_run(m: re.Match[str]) -> str:
    return m.group(1) * 4


def _shape(word: str) -> str:
    """'Semarang' -> 'Xxxxx', '21/11/2016' -> 'dd/dd/dddd' (runs cut to 4), 'PDI-P' -> 'XXX-X'."""
    if word.isascii():
        chars = word.translate(_ASCII_SHAPE)
    else:
        chars = "".join(
            "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word
        )
    return _LONG_RUN.sub(_cut_run, chars) if len(chars) > 4 else chars


def _case_class(word: str) -> str:
    """A coarse case class: title, upper, upper1, lower, mixed, num, alnum, punct."""
    if word.isascii() and word.isalpha():  # most words: the same answer with str methods
        if word.isupper():
            return "upper" if len(word) > 1 else "upper1"
        if word.islower():
            return "lower"
        return "title" if word[0].isupper() and word[1:].islower() else "mixed"
    if not _LETTER.search(word):
        return "num" if any(c.isdigit() for c in word) else "punct"
    if any(c.isdigit() for c in word):
        return "alnum"
    letters = [c for c in word if c.isalpha()]
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "upper1"
    if all(c.islower() for c in letters):
        return "lower"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "title"
    return "mixed"


@dataclass
class FeatureSpace:
    """The word-level resources the features read, as stored in the model artifact.

    ``clusters`` maps a lowercased word to (fine, coarse) distributional cluster ids computed
    from unlabelled news text; ``caps`` maps a lowercased word to a bucket of how often it is
    written with a capital where capitals are not forced (mid-sentence); ``freq`` to a
    frequency bucket; ``gazetteer`` maps lowercased words to comma-joined gazetteer tags.
    """

    clusters: dict[str, tuple[int, int]] = field(default_factory=dict)
    caps: dict[str, int] = field(default_factory=dict)
    freq: dict[str, int] = field(default_factory=dict)
    gazetteer: dict[str, str] = field(default_factory=dict)
    _cache: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def word_features(self, word: str) -> list[str]:
        """All features of one word type, each ``kind=value`` (cached: called per type)."""
        feats = self._cache.get(word)
        if feats is None:
            feats = self.compute(word)
            if len(self._cache) > 300_000:  # a long corpus run must not grow without bound
                self._cache.clear()
            self._cache[word] = feats
        return feats

    def compute(self, word: str) -> list[str]:
        """The features of ``word``, uncached (the tagger keeps its own per-type cache)."""
        if word == BOS or word == EOS:
            return ["w=" + word]
        low = word.lower()
        shape = _shape(word)
        feats = [
            "b=1",
            "w=" + low,
            "cs=" + _case_class(word),
            "ss=" + _RUNS.sub(r"\1", shape),
            "sh=" + shape,
            "ln=" + str(min(len(word), 12)),
        ]
        if len(low) > 2:
            feats += ["p2=" + low[:2], "s2=" + low[-2:]]
        if len(low) > 3:
            feats += ["p3=" + low[:3], "s3=" + low[-3:]]
        if len(low) > 4:
            feats += ["p4=" + low[:4], "s4=" + low[-4:]]
        cl = self.clusters.get(low)
        if cl is not None:
            feats += ["cl=" + str(cl[0]), "cL=" + str(cl[1])]
        feats.append("cr=" + str(self.caps.get(low, -1)))
        feats.append("fq=" + str(self.freq.get(low, 0)))
        gz = self.gazetteer.get(low)
        if gz is not None:
            feats += ["gz=" + tag for tag in gz.split(",")]
        return feats

    def slot_features(self, word: str, slot: str) -> list[str]:
        """The crfsuite attribute names of ``word`` seen from ``slot``."""
        kinds = TEMPLATES[slot]
        return [slot + "|" + f for f in self.word_features(word) if f[: f.index("=")] in kinds]

    def sentence_attributes(self, words: Sequence[str]) -> list[list[str]]:
        """crfsuite attribute lists for a sentence: the slow reference path for training."""
        padded = [BOS, BOS, *words, EOS, EOS]
        out = []
        for i in range(len(words)):
            attrs: list[str] = []
            for k, slot in zip(OFFSETS, SLOTS, strict=False):
                attrs += self.slot_features(padded[i + 2 + k], slot)
            if is_fresh_start(words, i):
                attrs += self.slot_features(words[i], "I")
            out.append(attrs)
        return out


def is_fresh_start(words: Sequence[str], i: int) -> bool:
    """True where a capital letter is forced by position, not by a name."""
    return i == 0 or words[i - 1] in FRESH_START_AFTER


def split_attribute(attr: str) -> tuple[int, str]:
    """'-1|w=di' -> (slot index, 'w=di')."""
    slot, feat = attr.split("|", 1)
    return SLOTS.index(slot), feat
