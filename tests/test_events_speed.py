"""The events stage's speed paths give the answers of the plain computation they replace:
per-form caches (agent rows, phrase rows, Indonesian readings), the name-candidate scan done
in C and the early exit of actor merging. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from warta.config import Options
from warta.doc import Actor, Article, Entity
from warta.events import actors, extract, extract_events
from warta.events.actors import ActorFinder, Mention, make_view
from warta.events.lexicon import lexicon
from warta.events.morph import affix_class, class_allowed, is_nominal, is_passive
from warta.pipeline import Pipeline

_PIPE = Pipeline(
    Options(stages=("normalize", "dateline", "langid", "sentences", "tokens", "lemmas"))
)

ID_FORMS = [
    ("menyerang", "serang"), ("diserang", "serang"), ("serangan", "serangan"),
    ("penyerangan", "serang"), ("bertemu", "temu"), ("menemui", "temu"),
    ("menemukan", "temu"), ("kunjungan", "kunjung"), ("menandatangani", "tanda"),
    ("rumah", "rumah"), ("dan", "dan"),
]  # fmt: skip


def _article(text: str, lang: str, entities: list[tuple[str, str, str | None]] = ()) -> Article:
    art = _PIPE(Article(id="t", text=text, lang=lang, published="2024-03-05"))
    for surface, label, country in entities:
        i = art.text.index(surface)
        art.entities.append(Entity(surface, label, i, i + len(surface), surface, country=country))
    return art


def _plain_id_readings(low: str, lem: str) -> list[tuple]:
    """The loop ``Extractor._single_at`` ran per token before the per-form cache."""
    single = lexicon("id").single
    out = []
    for root in extract._id_roots(low, lem):
        rows = single.get(root)
        if not rows:
            continue
        cls = affix_class(low, root)
        if cls is None:
            continue
        active = cls.startswith(("meN", "ber", "memper", "-"))
        for row in rows:
            if class_allowed(cls, row.affixes):
                nominal = is_nominal(cls) or (cls == "bare" and row.noun != "-")
                out.append((row, cls, active, nominal, is_passive(cls)))
    return out


@pytest.mark.parametrize(("low", "lem"), ID_FORMS)
def test_id_readings_equal_the_plain_loop(low: str, lem: str) -> None:
    extract._ID_READINGS.pop((low, lem), None)
    cold = extract._id_readings(low, lem)
    warm = extract._id_readings(low, lem)
    assert list(cold) == list(warm) == _plain_id_readings(low, lem)


def test_id_readings_find_a_trigger_and_skip_a_plain_word() -> None:
    assert extract._id_readings("menyerang", "serang")
    assert extract._id_readings("rumah", "rumah") == ()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_agent_and_phrase_rows_equal_the_plain_lookup(lang: str) -> None:
    lex = lexicon(lang)
    forms = [(w, w) for w in list(lex.agents)[:40]] + [
        ("pejabat", "jabat"),
        ("officials", "official"),
    ]
    for low, lem in forms:
        plain = lex.agents.get(low, []) + (lex.agents.get(lem, []) if lem != low else [])
        plain = sorted(plain, key=lambda r: -len(r.words)) if len(plain) > 1 else plain
        assert actors._agent_rows(lex, low, lem) == plain
    pforms = [(w, w) for w in list(lex.phrases)[:40]] + [("held", "hold"), ("menarik", "tarik")]
    for low, lem in pforms:
        plain = lex.phrases.get(low, [])
        if lem != low:
            plain = sorted(plain + lex.phrases.get(lem, []), key=lambda r: -len(r.key))
        assert extract._phrase_rows(lex, low, lem) == plain


def test_row_caches_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = lexicon("id")
    monkeypatch.setattr(actors, "_MAX_AGENT_ROWS", len(actors._AGENT_ROWS))
    monkeypatch.setattr(extract, "_MAX_READINGS", 0)
    before = (len(actors._AGENT_ROWS), len(extract._ID_READINGS), len(extract._PHRASE_ROWS))
    assert actors._agent_rows(lex, "zzqx-unseen", "zzqx-unseen") == []
    assert extract._id_readings("zzqx-unseen", "zzqx-unseen") == ()
    assert extract._phrase_rows(lex, "zzqx-unseen", "zzqx-unseen") == []
    after = (len(actors._AGENT_ROWS), len(extract._ID_READINGS), len(extract._PHRASE_ROWS))
    assert after == before  # a full cache answers but stores nothing


@pytest.mark.parametrize("names", [True, False])
@pytest.mark.parametrize("surnames", [{}, {"hartono": None, "budi": None}])
def test_name_candidates_equal_the_plain_scan(names: bool, surnames: dict) -> None:
    low = "kemarin budi bertemu Menteri hartono dan Budi di jakarta .".lower().split()
    cap = [False, True, False, True, True, False, True, False, True, False]
    plain = [i for i in range(len(low)) if (names and cap[i]) or low[i] in surnames]
    assert actors._name_candidates(low, cap, surnames, names) == plain


def test_merge_early_exit_only_when_no_rule_can_fire() -> None:
    art = _article(
        "Budi Hartono bertemu Amerika Serikat dan mereka di Jakarta.",
        "id",
        [("Budi Hartono", "PERSON", "IDN"), ("Jakarta", "PLACE", "IDN")],
    )
    finder = ActorFinder(art, make_view(art, extract._trigger_form), lexicon("id"))
    ms = [
        Mention(0, 2, Actor("Budi Hartono", "IDN"), "person", "entity"),
        Mention(3, 5, Actor("Amerika Serikat", "USA", "GOV"), "country", "country"),
        Mention(6, 7, Actor("mereka"), "group", "pronoun"),
    ]
    assert not actors._may_merge(ms, en=False)
    assert finder._merge_once(ms) == ms  # the plain pass joins nothing either
    agent = Mention(0, 1, Actor("pejabat"), "person", "agent", generic=True)
    assert actors._may_merge([agent, ms[1]], en=False)
    assert actors._may_merge([ms[1], agent], en=True)  # "US officials"
    assert not actors._may_merge([ms[1], agent], en=False)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Polisi menangkap tiga orang di Jakarta. Pejabat Rusia mengecam serangan Israel "
         "ke Gaza.", "id"),
        ("Russian officials condemned the attack. The police arrested two protesters in "
         "Jakarta on Monday.", "en"),
    ],
)  # fmt: skip
def test_events_identical_with_cold_and_warm_caches(text: str, lang: str) -> None:
    def run() -> list[dict]:
        return [e.as_dict() for e in extract_events(_article(text, lang))]

    warm = run()
    for cache in (actors._AGENT_ROWS, extract._ID_READINGS, extract._PHRASE_ROWS):
        cache.clear()
    cold = run()
    assert cold == warm
    assert cold  # the sentences code something
