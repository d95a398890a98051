"""Indonesian named-entity tagger (PER, ORG, LOC), trained here and shipped compiled.

    >>> from warta.ner import load_tagger, spans
    >>> tagger = load_tagger()
    >>> labels = tagger.tag(["Menteri", "Sri", "Mulyani", "tiba", "di", "Semarang", "."])
    >>> spans(labels)
    [(1, 3, 'PER'), (5, 6, 'LOC')]

The model is a linear-chain CRF trained by ``scripts/train_ner.py`` on idner-news-2k and
NERGRIT (see ``warta/models/DATACARD.md``) and compiled into per-word-type score tables,
so tagging needs only numpy. Words are expected as Warta's tokenizer splits them
(``warta.stages.tokens.TOKEN_RE``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .tagger import ModelError, Tagger

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner-id.npz"

ENTITY_TYPES = ("PER", "ORG", "LOC")

__all__ = ["ENTITY_TYPES", "MODEL_PATH", "ModelError", "Tagger", "load_tagger", "spans"]


@lru_cache(maxsize=4)
def load_tagger(path: str | Path | None = None) -> Tagger:
    """The tagger from the committed artifact, loaded once per process (and path)."""
    model = Path(path) if path is not None else MODEL_PATH
    if not model.exists():
        raise ModelError(
            "NER model not found; run `make train` (scripts/train_ner.py)", source=str(model)
        )
    return Tagger.load(model)


def spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end exclusive, type)`` from BIO labels.

    An ``I-X`` that does not continue an entity of type X opens a new one (the usual
    CoNLL reading), so a stray I- is never silently lost.
    """
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate(labels):
        if label.startswith("I-") and kind == label[2:]:
            continue
        if kind:
            out.append((start, i, kind))
            start, kind = -1, ""
        if label.startswith(("B-", "I-")):
            start, kind = i, label[2:]
    if kind:
        out.append((start, len(labels), kind))
    return out
