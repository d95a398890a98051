"""The exception tree of Warta.

    WartaError                       base of everything Warta raises on purpose
    ├── InputError                   an input cannot be read as an article
    │   ├── EmptyInputError          nothing to analyse (empty file, empty text)
    │   ├── BinaryInputError         the bytes are not text at all
    │   ├── EncodingError            text that is not valid UTF-8 (or a known legacy encoding)
    │   ├── TooLargeError            over the configured size limit
    │   ├── RecordError              a JSON Lines record that is not JSON or lacks a field
    │   └── NoArticleBodyError       an HTML page with no main text
    ├── LanguageError                the text is in a language Warta does not read
    ├── PipelineError                stages in an order that cannot work (a stage requires
    │                                what no earlier stage provides), or an unknown stage
    ├── StageError                   a stage failed on one article (carries article id, stage)
    ├── GoldError                    a gold file line that cannot be scored
    └── KBError                      a knowledge-base row, overlay or dump that cannot be loaded

Every error carries its context: the ``source`` (file name or "<stdin>"), the ``line``
(1-based, for line-oriented inputs) and, where known, the ``article_id`` and ``stage``.
``str(err)`` is the one line the CLI prints.
"""

from __future__ import annotations


class WartaError(Exception):
    """Base class; ``str()`` gives one line naming where the problem is."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        article_id: str | None = None,
        stage: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.article_id = article_id
        self.stage = stage

    def where(self) -> str:
        parts = []
        if self.source:
            parts.append(self.source + (f":{self.line}" if self.line else ""))
        elif self.line:
            parts.append(f"line {self.line}")
        if self.article_id:
            parts.append(f"article {self.article_id}")
        if self.stage:
            parts.append(f"stage {self.stage}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def as_dict(self) -> dict:
        return {
            "error": type(self).__name__,
            "message": self.message,
            "source": self.source,
            "line": self.line,
            "article_id": self.article_id,
            "stage": self.stage,
        }


class InputError(WartaError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class TooLargeError(InputError):
    pass


class RecordError(InputError):
    pass


class NoArticleBodyError(InputError):
    pass


class LanguageError(WartaError):
    pass


class PipelineError(WartaError):
    pass


class StageError(WartaError):
    pass


class GoldError(WartaError):
    pass


class KBError(WartaError):
    pass
