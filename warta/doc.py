"""The article record that flows through the pipeline, and the typed results stages add.

A stage receives an :class:`Article`, fills the fields it ``provides`` and returns it.
Everything downstream (CLI, storage, HTTP) receives plain dicts from ``as_dict()``; it
never reaches into these objects.

Offsets (``start``/``end``) are character offsets into ``Article.text`` — the
normalised text, which is what every output and the gold refer to.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = frozenset({str, int, float, bool, type(None)})


def _asdict(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict(obj)``: the same nested dicts and copies, about five times faster
    (``asdict`` calls ``fields()`` and ``copy.deepcopy`` for every value; a worker turns
    some forty results an article into dicts)."""
    cls = type(obj)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return {name: _plain(getattr(obj, name)) for name in names}


def _plain(value: Any) -> Any:
    """One value as ``dataclasses.asdict`` copies it."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [_plain(v) for v in value]
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return _asdict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a namedtuple
        return kind(*[_plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return kind(_plain(v) for v in value)
    if isinstance(value, dict):
        return kind((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    # index range into Article.tokens: tokens[tok_start:tok_end]
    tok_start: int = 0
    tok_end: int = 0


@dataclass(slots=True)
class RoleClaim:
    """A title the text gives a person ("Menteri Luar Negeri Malaysia")."""

    text: str
    role: str  # normalised role key, e.g. "foreign_minister", "president"
    country: str | None = None  # ISO alpha-3 the role phrase names, if any
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Entity:
    text: str
    label: str  # PERSON | ORG | PLACE
    start: int
    end: int
    canonical: str
    country: str | None = None
    actor_id: str | None = None  # KB id, None when unknown
    sector: str | None = None  # GOV, MIL, COP, OPP, REB, CVL, BUS, MED, IGO, NGO …
    role: RoleClaim | None = None
    source: str = "ner"  # what found it: ner | kb | cue | rule | coref | nominal
    confidence: float = 1.0
    slip: str | None = None  # a misspelling that was corrected, e.g. "Jokow -> Jokowi"

    def as_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass(slots=True)
class Quote:
    speaker: str | None
    text: str
    kind: str  # direct | indirect
    start: int
    end: int
    speaker_id: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the reporting verb or phrase ("kata", "said", "menurut")

    def as_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass(slots=True)
class Actor:
    name: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass(slots=True)
class Event:
    type: str  # one of the 16 PLOVER types
    source: Actor | None
    target: Actor | None
    mode: str | None = None
    modality: str = "asserted"  # asserted | future | hypothetical | negated
    date: str | None = None
    date_source: str | None = None  # "text" (a time expression) | "report" (article date)
    evidence: str = ""
    start: int = 0
    end: int = 0
    trigger: str | None = None  # the words that triggered the decision
    rule: str | None = None  # the lexicon entry or pattern that fired
    cameo: str | None = None
    goldstein: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass(slots=True)
class DateMention:
    text: str
    # ISO at the precision the text gives: 2016-11-19, 2023-08, 2019, 2019-W14, a/b; None when a
    # relative expression has no article date to resolve against (conflict says so).
    value: str | None
    start: int
    end: int
    kind: str = "absolute"  # absolute | relative | weekday | month | year | range
    conflict: str | None = None  # why the reading was adjusted ("31/2/2020 is not a date")

    def as_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass(slots=True)
class Flag:
    kind: str
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0

    def as_dict(self) -> dict[str, Any]:
        return _asdict(self)


@dataclass(slots=True)
class Article:
    """One article. Input fields first; stages fill the rest."""

    id: str
    text: str
    published: str | None = None  # ISO date
    published_source: str | None = None  # input | dateline | html | none
    url: str | None = None
    title: str | None = None
    lang: str | None = None  # id | en | ms | other
    lang_given: bool = False
    source: str | None = None  # file name the article came from
    line: int | None = None  # line in that file, for line-oriented inputs
    fixes: list[str] = field(default_factory=list)  # what normalisation repaired
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # The stale-news score and its parts (see warta.trust.score).
    trust: dict[str, Any] = field(default_factory=dict)
    # Scratch space for stages that hand intermediate results to later ones.
    extras: dict[str, Any] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)  # names of the stages that ran

    def as_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "lang": self.lang,
            "published": self.published,
            "published_source": self.published_source,
            "title": self.title,
            "url": self.url,
            "text": self.text,
            "fixes": list(self.fixes),
            "sentences": [[s.start, s.end] for s in self.sentences],
            "entities": [e.as_dict() for e in self.entities],
            "quotes": [q.as_dict() for q in self.quotes],
            "events": [e.as_dict() for e in self.events],
            "dates": [d.as_dict() for d in self.dates],
            "flags": [f.as_dict() for f in self.flags],
            "trust": dict(self.trust),
            "stages": list(self.done),
        }
        if tokens:
            out["tokens"] = [[t.text, t.start, t.end, t.lemma] for t in self.tokens]
        return out

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start : s.end]
