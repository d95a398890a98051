"""Pin the stage registry so that a stage cannot vanish or change its contract silently."""

from __future__ import annotations

import pytest

from warta.config import DEFAULT_STAGES, Options
from warta.errors import PipelineError
from warta.pipeline import Pipeline, check_order, register, registry

EXPECTED = {
    "normalize": (("text",), ("normalized",)),
    "dateline": (("normalized",), ("published",)),
    "langid": (("normalized",), ("lang",)),
    "sentences": (("normalized", "lang"), ("sentences",)),
    "tokens": (("sentences",), ("tokens",)),
    "lemmas": (("tokens", "lang"), ("lemmas",)),
    "entities": (("tokens", "lang", "published"), ("entities",)),
    "dates": (("tokens", "lang", "published"), ("dates",)),
    "quotes": (("sentences", "entities"), ("quotes",)),
    "events": (("entities", "dates", "quotes"), ("events",)),
    "flags": (("entities", "dates"), ("flags",)),
}


def test_every_builtin_stage_is_registered_with_its_contract():
    reg = registry()
    for name, (requires, provides) in EXPECTED.items():
        assert name in reg, f"stage {name} vanished from the registry"
        assert reg[name].requires == requires, name
        assert reg[name].provides == provides, name


def test_default_order_is_valid_and_complete():
    assert set(DEFAULT_STAGES) == set(EXPECTED)
    specs = check_order(DEFAULT_STAGES)
    assert [s.name for s in specs] == list(DEFAULT_STAGES)


def test_order_that_cannot_work_is_refused():
    with pytest.raises(PipelineError, match="tokens.*requires sentences"):
        check_order(["normalize", "langid", "tokens"])


def test_unknown_stage_is_refused():
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        Pipeline(Options(stages=("normalize", "nope")))


def test_an_extension_registers_like_a_builtin():
    @register("test_word_count", requires=("tokens",), provides=("word_count",))
    def make(options):
        def run(article):
            article.extras["word_count"] = len(article.tokens)
            return article

        return run

    stages = ("normalize", "dateline", "langid", "sentences", "tokens", "test_word_count")
    art = Pipeline(Options(stages=stages))(
        __import__("warta").Article(id="x", text="Presiden itu datang ke Jakarta hari ini.")
    )
    assert art.extras["word_count"] == 8
    assert art.done == list(stages)
