"""Stages, their registry, and the pipeline that runs them in a checked order.

A stage is any callable ``stage(article) -> article`` with three attributes:

- ``name``: the registry name,
- ``requires``: the Article fields (or pseudo-fields such as ``"lang"``) it reads,
- ``provides``: the fields it fills.

Built-in stages register exactly as an extension would::

    @register("my_stage", requires=("tokens",), provides=("my_field",))
    def make_my_stage(options):          # a factory: Options -> stage callable
        def run(article): ...; return article
        return run

``Pipeline`` builds the stages named in ``Options.stages`` and refuses an order in which
a stage requires something no earlier stage provides. ``pipe()`` is ``__call__`` in a
loop: there is one analysis code path, whatever runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .config import Options
from .doc import Article
from .errors import PipelineError, StageError, WartaError

StageFn = Callable[[Article], Article]

# Fields an Article has before any stage runs.
INPUT_FIELDS = frozenset({"id", "text", "published", "url", "title"})


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    factory: Callable[[Options], StageFn]
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    doc: str


_REGISTRY: dict[str, StageSpec] = {}


def register(
    name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()
) -> Callable[[Callable[[Options], StageFn]], Callable[[Options], StageFn]]:
    """Register a stage factory under ``name``."""

    def deco(factory: Callable[[Options], StageFn]) -> Callable[[Options], StageFn]:
        if name in _REGISTRY and _REGISTRY[name].factory is not factory:
            raise PipelineError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = StageSpec(
            name=name,
            factory=factory,
            requires=tuple(requires),
            provides=tuple(provides),
            doc=(factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else "",
        )
        return factory

    return deco


def registry() -> dict[str, StageSpec]:
    """All registered stages (importing the built-in ones first)."""
    from . import stages  # noqa: F401  (registers the built-ins)

    return dict(_REGISTRY)


def check_order(names: Iterable[str]) -> list[StageSpec]:
    """Return the specs for ``names``; raise PipelineError if the order cannot work."""
    reg = registry()
    have = set(INPUT_FIELDS)
    specs = []
    for name in names:
        spec = reg.get(name)
        if spec is None:
            known = ", ".join(sorted(reg))
            raise PipelineError(f"unknown stage {name!r} (known: {known})")
        missing = [r for r in spec.requires if r not in have]
        if missing:
            raise PipelineError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage provides",
                stage=name,
            )
        have.update(spec.provides)
        specs.append(spec)
    return specs


class Pipeline:
    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.specs = check_order(self.options.stages)
        self.stages: list[tuple[str, StageFn]] = [
            (s.name, s.factory(self.options)) for s in self.specs
        ]

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.stages]

    def __call__(self, article: Article) -> Article:
        for name, stage in self.stages:
            try:
                article = stage(article)
            except WartaError as err:
                err.article_id = err.article_id or article.id
                err.stage = err.stage or name
                err.source = err.source or article.source
                err.line = err.line or article.line
                raise
            except Exception as err:  # a bug in a stage must not kill a corpus run
                raise StageError(
                    f"{type(err).__name__}: {err}",
                    article_id=article.id,
                    stage=name,
                    source=article.source,
                    line=article.line,
                ) from err
            article.done.append(name)
        return article

    def pipe(
        self, articles: Iterable[Article | WartaError]
    ) -> Iterator[Article | WartaError]:
        """Analyse many articles; a failure is yielded as its error, and the run goes on.

        Inputs may already be errors (a reader could not make an article of a record):
        they pass through unchanged so that the caller sees every record in order.
        """
        for art in articles:
            if isinstance(art, WartaError):
                yield art
                continue
            try:
                yield self(art)
            except WartaError as err:
                yield err


_DEFAULT: dict[Options, Pipeline] = {}


def get_pipeline(options: Options | None = None) -> Pipeline:
    """A cached pipeline per Options (building stages loads models and the KB)."""
    options = options or Options()
    pipe = _DEFAULT.get(options)
    if pipe is None:
        pipe = _DEFAULT[options] = Pipeline(options)
    return pipe
