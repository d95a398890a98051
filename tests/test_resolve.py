"""Resolution within an article, misspellings, context, dated roles and anachronisms."""

from __future__ import annotations

import pytest

import warta
from tests.test_kb_helpers import make_kb, pipeline_for
from warta.doc import Article


@pytest.fixture(scope="module")
def pipe(tmp_path_factory):
    path, _ = make_kb(tmp_path_factory.mktemp("kb"))
    return pipeline_for(path)


def run(pipe, text: str, published: str | None = "2019-05-02", lang: str | None = None):
    return pipe(Article(id="t", text=text, published=published, lang=lang))


def persons(art: Article) -> list[tuple[str, str]]:
    return [(e.text, e.canonical) for e in art.entities if e.label == "PERSON"]


def test_later_short_forms_resolve_to_the_full_name(pipe):
    art = run(pipe, "Direktur lembaga itu, Hendra Kusumawardana, tiba di Bandung. Menurut "
                    "Hendra, acara berjalan baik. Kusumawardana menambahkan laporan akan terbit.")
    got = persons(art)
    assert ("Hendra", "Hendra Kusumawardana") in got
    assert ("Kusumawardana", "Hendra Kusumawardana") in got
    assert len({c for _, c in got}) == 1


def test_a_given_name_resolves_through_the_kb_when_the_article_has_no_full_name(pipe):
    art = run(pipe, "Menlu Retno tiba di Jakarta.", published="2019-05-02")
    retno = next(e for e in art.entities if e.text == "Retno")
    assert retno.canonical == "Retno Marsudi" and retno.actor_id == "retno_marsudi"


def test_nominal_reference_resolves_to_the_minister_named_before(pipe):
    art = run(pipe, "Menteri Luar Negeri Retno Marsudi tiba di Jakarta. Setelah itu sang "
                    "menteri langsung menuju istana.")
    nominal = [e for e in art.entities if e.text.lower() == "sang menteri"]
    assert nominal and nominal[0].canonical == "Retno Marsudi" and nominal[0].source == "coref"


def test_misspelt_names_resolve_and_report_the_slip(pipe):
    art = run(pipe, "Presiden Jokow Widodo membuka acara itu di Jakarta.")
    slip = next(e for e in art.entities if e.text == "Jokow Widodo")
    assert slip.canonical == "Joko Widodo" and slip.actor_id == "joko_widodo"
    assert slip.slip == "Jokow Widodo -> Joko Widodo"
    art = run(pipe, "Menlu Retno Marsudy bertemu mitranya.")
    e = next(e for e in art.entities if e.label == "PERSON")
    assert e.canonical == "Retno Marsudi" and e.slip


def test_an_unknown_name_stays_unknown(pipe):
    art = run(pipe, "Warga bernama Darsono Wiryo mengatakan banjir datang tengah malam.")
    e = next(e for e in art.entities if e.text == "Darsono Wiryo")
    assert e.label == "PERSON" and e.actor_id is None and e.canonical == "Darsono Wiryo"


def test_ambiguous_name_is_resolved_by_the_country_named_nearby(pipe):
    art = run(pipe, "Di Kuala Lumpur, Malaysia, politikus Ali Hassan mengatakan pemilu akan "
                    "digelar tahun depan.")
    ali = next(e for e in art.entities if e.text == "Ali Hassan")
    assert ali.actor_id == "ali_hassan_mys" and ali.country == "MYS"
    art = run(pipe, "Di Kairo, Mesir, pejabat Ali Hassan mengatakan bendungan itu aman.")
    ali = next(e for e in art.entities if e.text == "Ali Hassan")
    assert ali.actor_id == "ali_hassan_egy"


def test_role_anachronism_is_flagged_with_the_kb_dates_and_the_gap(pipe):
    art = run(pipe, "Menteri Luar Negeri Retno Marsudi menerima duta besar di Jakarta.",
              published="2025-10-20")
    flags = [f for f in art.flags if f.kind == "role_anachronism"]
    assert len(flags) == 1
    ev = flags[0].evidence
    assert ev["person"] == "Retno Marsudi" and ev["role"] == "foreign_minister"
    assert ev["title"] == "Menteri Luar Negeri"
    assert ev["kb_start"] == "2014-10-27" and ev["kb_end"] == "2024-10-20"
    assert ev["article_date"] == "2025-10-20" and ev["gap_days"] == 365
    assert 0.6 < flags[0].confidence <= 0.95


def test_no_flag_for_a_former_title_or_within_the_term(pipe):
    for text in ("Mantan Menteri Luar Negeri Retno Marsudi menerima tamu di Jakarta.",
                 "Former foreign minister Retno Marsudi met the envoy in Jakarta."):
        art = run(pipe, text, published="2025-10-20")
        assert [f for f in art.flags if f.kind == "role_anachronism"] == []
    art = run(pipe, "Menlu Retno Marsudi menerima tamu.", published="2019-05-02")
    assert art.flags == []
    art = run(pipe, "Menlu Retno Marsudi menerima tamu.", published=None)
    assert art.flags == []


def test_no_flag_when_the_kb_knows_no_term_of_that_office(pipe):
    # The KB has no dated term of "governor" for her: it cannot judge, so it does not flag.
    art = run(pipe, "Gubernur Retno Marsudi membuka pameran.", published="2020-01-01")
    assert [f for f in art.flags if f.kind == "role_anachronism"] == []


def test_a_title_before_the_term_started_is_flagged_too(pipe):
    art = run(pipe, "Menlu Sugiono menerima tamu di Jakarta.", published="2023-06-01")
    flags = [f for f in art.flags if f.kind == "role_anachronism"]
    assert flags and flags[0].evidence["kb_start"] == "2024-10-21"
    assert "before taking" in flags[0].message
    art = run(pipe, "Menlu Sugiono menerima tamu di Jakarta.", published="2025-03-01")
    assert art.flags == []


def test_implied_roles_president_is_head_of_state(pipe):
    from warta.kb.store import load_kb

    kb = load_kb(pipe.options.kb_path)
    (role,) = kb.roles_on("joko_widodo", "2020-01-01")
    assert "head_of_state" in kb.role_keys(role)


@pytest.mark.parametrize(
    "text",
    [
        "Presiden ke-7 RI Joko Widodo meresmikan bendungan itu pada 2019.",
        "Di masa pemerintahan Presiden Joko Widodo, proyek itu dimulai.",
        "Semasa menjabat Presiden Joko Widodo sering blusukan ke pasar.",
    ],
)
def test_titles_of_a_past_time_or_with_an_ordinal_claim_no_current_office(text):
    out = warta.analyze(text, published="2025-10-21")
    assert [f for f in out["flags"] if f["kind"] == "role_anachronism"] == []


def test_a_plain_title_after_the_term_is_still_flagged():
    out = warta.analyze("Presiden Joko Widodo meresmikan bendungan itu kemarin.", published="2025-10-21")
    assert [f["evidence"]["person"] for f in out["flags"] if f["kind"] == "role_anachronism"] == ["Joko Widodo"]


def test_a_misspelt_country_is_that_country_and_other_near_names_are_not():
    from warta.pipeline import Pipeline

    pipe = Pipeline()  # the bundled KB: every country, and parties with near names
    art = pipe(Article(id="t", published="2024-03-04", text=(
        "Hubungan Korea Selatann dan Jepang membaik, kata Menteri Luar Negeri Indonesia. "
        "Sementara itu, Partai Demokrata menggelar kongres di Medan.")))
    korea = next(e for e in art.entities if e.text == "Korea Selatann")
    assert (korea.label, korea.country, korea.actor_id) == ("PLACE", "KOR", "country_kor")
    assert korea.slip == "Korea Selatann -> South Korea"
    party = next(e for e in art.entities if e.text == "Partai Demokrata")
    assert party.actor_id is None  # one letter from a known party is still another party
