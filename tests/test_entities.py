"""The entities stage on small articles written for these tests."""

from __future__ import annotations

import pytest

from tests.test_kb_helpers import make_kb, pipeline_for
from warta.doc import Article


@pytest.fixture(scope="module")
def pipe(tmp_path_factory):
    path, _ = make_kb(tmp_path_factory.mktemp("kb"))
    return pipeline_for(path)


def run(pipe, text: str, published: str = "2019-05-02", lang: str | None = None) -> Article:
    return pipe(Article(id="t", text=text, published=published, lang=lang))


def ents(art: Article) -> dict[str, tuple[str, str, str | None]]:
    return {e.text: (e.label, e.canonical, e.country) for e in art.entities}


def test_titles_are_not_part_of_the_name_and_become_role_claims(pipe):
    art = run(pipe, "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Malaysia "
                    "Saifuddin Abdullah di Jakarta, Kamis (2/5/2019).")
    found = ents(art)
    assert found["Retno Marsudi"] == ("PERSON", "Retno Marsudi", "IDN")
    assert found["Malaysia"][0] == "PLACE" and found["Malaysia"][2] == "MYS"
    assert found["Jakarta"][:1] == ("PLACE",)
    retno = next(e for e in art.entities if e.text == "Retno Marsudi")
    assert retno.role.role == "foreign_minister" and retno.role.text == "Menteri Luar Negeri"
    other = next(e for e in art.entities if e.text == "Saifuddin Abdullah")
    assert other.label == "PERSON" and other.actor_id is None
    assert other.role.role == "foreign_minister" and other.role.country == "MYS"
    assert other.country == "MYS"  # an unknown person's country from the role phrase
    assert all(not e.text.startswith("Menteri") for e in art.entities)


def test_press_abbreviations_and_verbs_of_saying(pipe):
    art = run(pipe, '"Kami akan hadir," kata Menlu Retno kepada wartawan. Presiden Jokowi '
                    'mengatakan hal yang sama, ujar Bambang Sutrisno.')
    found = ents(art)
    assert found["Retno"][1] == "Retno Marsudi"
    assert found["Jokowi"] == ("PERSON", "Joko Widodo", "IDN")
    assert found["Bambang Sutrisno"][0] == "PERSON"  # unknown, found after "ujar"
    jokowi = next(e for e in art.entities if e.text == "Jokowi")
    assert jokowi.role.role == "president"


def test_gazetteer_is_case_sensitive_for_short_all_caps_aliases(pipe):
    art = run(pipe, "As the talks ended, officials in the US said the KPK had asked for help.",
              lang="en")
    found = ents(art)
    assert "As" not in found
    assert found["US"][1:] == ("United States", "USA")
    # an organisation's canonical name is the KB's name in the article's language
    assert found["KPK"][:2] == ("ORG", "Corruption Eradication Commission")
    art = run(pipe, "Penyidik KPK memeriksa saksi di Jakarta.")
    assert ents(art)["KPK"][:2] == ("ORG", "Komisi Pemberantasan Korupsi")


def test_english_rules_titles_possessives_and_demonyms(pipe):
    art = run(pipe, "Russia's foreign minister Sergei Lavrov met Chinese Foreign Minister "
                    "Wang Yi in Beijing on Monday, Reuters reported. Mr. Lavrov said the "
                    "meeting was useful.", lang="en")
    found = ents(art)
    assert found["Sergei Lavrov"][0] == "PERSON"
    assert found["Wang Yi"][0] == "PERSON"
    assert found["Reuters"][:2] == ("ORG", "Reuters")
    assert found["Beijing"][0] == "PLACE"
    assert "Chinese" not in found and "Russia's" not in found
    lavrov = next(e for e in art.entities if e.text == "Sergei Lavrov")
    assert lavrov.role.role == "foreign_minister" and lavrov.role.country == "RUS"
    wang = next(e for e in art.entities if e.text == "Wang Yi")
    assert wang.role.country == "CHN"
    later = [e for e in art.entities if e.text == "Lavrov"]
    assert later and later[0].canonical == "Sergei Lavrov"


def test_organisation_acronym_with_its_long_form_is_one_entity(pipe):
    art = run(pipe, "Badan Pengawas Contoh (BPC) menyatakan laporan itu lengkap. Ketua BPC "
                    "Sinta Wulandari menolak berkomentar. Kementerian Luar Negeri (Kemlu) juga "
                    "diam.")
    by_text = {e.text: e for e in art.entities}
    assert by_text["Badan Pengawas Contoh"].label == "ORG"
    assert by_text["BPC"].canonical == "Badan Pengawas Contoh"
    later = [e for e in art.entities if e.text == "BPC" and e.start > 60]
    assert later and later[0].canonical == "Badan Pengawas Contoh"
    assert by_text["Kemlu"].canonical == "Kementerian Luar Negeri"
    assert by_text["Sinta Wulandari"].label == "PERSON"
    assert by_text["Sinta Wulandari"].role.role == "chair"


def test_places_by_head_words_and_prepositions(pipe):
    art = run(pipe, "Banjir melanda Kabupaten Sukamaju di Jawa Tengah dan warga mengungsi ke "
                    "Desa Cibaru.")
    found = ents(art)
    assert found["Kabupaten Sukamaju"][0] == "PLACE"
    assert found["Jawa Tengah"][0] == "PLACE" and found["Jawa Tengah"][2] == "IDN"
    assert found["Desa Cibaru"][0] == "PLACE"


def test_capitalised_common_words_are_not_names(pipe):
    art = run(pipe, "Surat Keputusan itu diumumkan pada Rapat Dengar Pendapat. Namun Ketika "
                    "Senin pagi, tidak ada yang hadir.")
    assert art.entities == []


def test_stage_keeps_its_registration():
    from warta.pipeline import registry

    spec = registry()["entities"]
    assert spec.requires == ("tokens", "lang", "published")
    assert spec.provides == ("entities",)


def test_compound_names_with_a_known_place_inside(pipe):
    art = run(pipe, "Kapal itu berlayar di Laut Cina Selatan. Kedutaan Besar Arab Saudi di "
                    "Jakarta menutup layanan, kata Koalisi Indonesia Hebat.")
    found = ents(art)
    assert found["Laut Cina Selatan"][0] == "PLACE"
    assert found["Kedutaan Besar Arab Saudi"][0] == "ORG"
    assert found["Koalisi Indonesia Hebat"][0] == "ORG"
    art = run(pipe, "The West Papua National Liberation Army said ships crossed the Taiwan "
                    "Strait.", lang="en")
    found = ents(art)
    assert found["West Papua National Liberation Army"][0] == "ORG"
    assert found["Taiwan Strait"][0] == "PLACE"


def test_the_dateline_credit_is_not_an_entity_but_a_cited_outlet_is(pipe):
    art = run(pipe, "JAKARTA, Reuters - Menlu Retno Marsudi tiba di Bandung. Ia mengatakan "
                    "hal itu kepada Reuters, Senin.")
    reuters = [e for e in art.entities if e.text == "Reuters"]
    assert len(reuters) == 1 and reuters[0].start > 40
    assert any(e.text == "JAKARTA" and e.label == "PLACE" for e in art.entities)


def test_an_acronym_defined_in_the_text_wins_over_the_kb(pipe):
    # "KPK" is in the KB, but this article defines its own KPK.
    art = run(pipe, "Komite Pemuda Kampung (KPK) menggelar rapat. Ketua KPK Dedi Suhendra hadir.")
    kpk = [e for e in art.entities if e.text == "KPK"]
    assert kpk and all(e.canonical == "Komite Pemuda Kampung" for e in kpk)
    assert all(e.actor_id is None for e in kpk)
