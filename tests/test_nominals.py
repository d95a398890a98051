"""Institutions named by a common noun ("polisi", "the military"), on articles written for
these tests and the bundled KB."""

from __future__ import annotations

import pytest

from warta.doc import Article
from warta.kb.nominals import NATIONAL_BODIES, focal_country
from warta.kb.store import load_kb
from warta.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def nominal(pipe, text: str, lang: str | None = None) -> list[tuple[str, str, str | None]]:
    art = pipe(Article(id="t", text=text, published="2024-03-04", lang=lang))
    return [(e.text, e.canonical, e.actor_id) for e in art.entities if e.source == "nominal"]


def test_every_declared_body_is_in_the_bundled_kb():
    kb = load_kb()
    for actor_id in NATIONAL_BODIES:
        actor = kb.get(actor_id)
        assert actor is not None and actor.type == "ORG" and actor.country, actor_id


def test_a_bare_indonesian_noun_is_the_national_police_of_an_indonesian_story(pipe):
    got = nominal(pipe, "Polisi menangkap dua pelaku pencurian sepeda motor di Bandung, Jawa "
                        "Barat, Senin (4/3/2024). Keduanya kini ditahan dan diperiksa polisi.")
    assert [g[2] for g in got] == ["idn_polri", "idn_polri"]
    assert got[0][0] == "Polisi" and got[1][0] == "polisi"


def test_compounds_and_single_officers_are_not_the_institution(pipe):
    text = ("Warga Bandung mendatangi kantor polisi terdekat. Seorang polisi terluka ringan, "
            "sementara mobil polisi rusak. Ia membuat laporan polisi pada Senin.")
    assert nominal(pipe, text) == []


def test_a_bare_noun_refers_to_the_unit_the_article_named(pipe):
    art = pipe(Article(id="t", published="2024-03-04", text=(
        "Badan Reserse Kriminal Polri menangkap tersangka penipuan di Surabaya, Jawa Timur. "
        "Polisi juga menyita dua mobil milik tersangka.")))
    unit = next(e for e in art.entities if e.text.startswith("Badan Reserse"))
    bare = [e for e in art.entities if e.source == "nominal"]
    assert len(bare) == 1 and bare[0].text == "Polisi"
    assert (bare[0].canonical, bare[0].actor_id) == (unit.canonical, unit.actor_id)


def test_the_english_military_as_a_subject_is_the_national_armed_forces(pipe):
    got = nominal(pipe, "Gunmen attacked a road construction camp in Nduga, Papua, on "
                        "Wednesday, the military said. The military believed the attackers fled "
                        "into the forest near Wamena.", lang="en")
    assert [g[2] for g in got] == ["idn_tni", "idn_tni"]
    assert got[0][1] == "Indonesian National Armed Forces"  # the English name in English


def test_the_english_adjective_and_a_regional_force_are_not(pipe):
    text = ("The military operation in Papua continued on Monday near Wamena. Jakarta police "
            "closed roads around the parliament in Jakarta.")
    assert nominal(pipe, text, lang="en") == []


def test_a_noun_with_its_country_is_that_countrys_body(pipe):
    got = nominal(pipe, "Ribuan warga mengungsi dari Sagaing setelah militer Myanmar menyerang "
                        "desa mereka, Senin (4/3/2024).")
    assert [(g[0], g[2]) for g in got] == [("militer Myanmar", "tatmadaw")]
    got = nominal(pipe, "Rockets hit a town in southern Lebanon on Monday, the Israeli military "
                        "said.", lang="en")
    assert [g[2] for g in got] == ["idf"]


def test_a_regional_force_or_an_adjective_with_its_country_is_not_the_national_body(pipe):
    assert nominal(pipe, "Ratusan warga berunjuk rasa di Bandung, Jawa Barat, Senin (4/3/2024). "
                         "Aksi itu dijaga polisi Bandung hingga sore.") == []
    assert nominal(pipe, "Warga Surabaya mendatangi kantor polisi Indonesia di Surabaya, "
                         "Jawa Timur.") == []
    assert nominal(pipe, "The Israeli military operation in southern Lebanon entered its third "
                         "week on Monday.", lang="en") == []


def test_no_body_where_the_kb_declares_none_for_the_country(pipe):
    assert nominal(pipe, "Police arrested three men in Chicago, Illinois, on Monday after a "
                         "shooting in Detroit, Michigan.", lang="en") == []
    assert nominal(pipe, "Polisi Malaysia menangkap dua warga negara Indonesia di Kuala "
                         "Lumpur, Senin (4/3/2024).") == []


def test_focal_country_is_the_plurality_of_places():
    from warta.doc import Entity

    def place(country: str) -> Entity:
        return Entity(text="x", label="PLACE", start=0, end=1, canonical="x", country=country)

    assert focal_country([place("IDN"), place("IDN"), place("MYS")], "en") == "IDN"
    assert focal_country([place("IDN"), place("MYS")], "en") is None  # a tie decides nothing
    assert focal_country([], "id") == "IDN"
    assert focal_country([], "en") is None
