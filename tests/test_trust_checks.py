"""The trust checks added after measuring them on the labelled set (scripts/eval_trust.py).

Every article here is written for the test; none comes from the gold set or a corpus.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

import warta
from warta.doc import Article, Entity
from warta.trust.phrases import lower_same_length, phrase_regex
from warta.trust.timeline import check_dated_days, check_timeline, parse_count
from warta.trust.translation import (
    check_calques,
    check_name_slips,
    check_spun_names,
    check_untranslated_english,
    is_real_slip,
    spun_variants,
)

EARLY = ("normalize", "dateline", "langid", "sentences", "tokens")


def article(text: str, published: str = "2025-10-22", lang: str = "id") -> Article:
    """An article through the cheap text stages only (no KB, no tagger)."""
    return warta.analyze_article(Article(id="t", text=text, lang=lang, published=published),
                                 warta.Options(stages=EARLY))


# ------------------------------------------------------------------ the phrase finder

def test_phrase_regex_finds_whole_words_longest_first():
    rx = phrase_regex(["pandemi", "pandemi covid-19", "related press", "press"])
    text = lower_same_length("Saat Pandemi Covid-19 dan Related\n Press; pressure, impress.")
    assert [m.group() for m in rx.finditer(text)] == ["pandemi covid-19", "related\n press"]


def test_phrase_regex_does_not_split_hyphenated_words_and_keeps_case_when_asked():
    rx = phrase_regex(["perserikatan bangsa"])
    assert rx.search("perserikatan bangsa-bangsa") is None
    exact = phrase_regex(["Related Press"], lower=False)
    assert exact.search("related press") is None and exact.search("kata Related Press.")


def test_lower_same_length_keeps_offsets():
    text = "İstanbul dan Jakarta"
    assert len(lower_same_length(text)) == len(text)
    assert lower_same_length(text).endswith("dan jakarta")


# ------------------------------------------------------------------ elapsed time, "this month"

@pytest.mark.parametrize("words, n", [("dua puluh lima", 25), ("twenty-five", 25), ("fifteen", 15)])
def test_parse_count_compound_numbers(words, n):
    assert parse_count(words) == n


@pytest.mark.parametrize("sentence", [
    "Sudah lima tahun berlalu sejak pandemi Covid-19, dan pasar itu kini ramai lagi.",
    "Lima tahun telah berlalu sejak pandemi dimulai, kata pedagang itu.",
])
def test_elapsed_time_with_berlalu(sentence):
    art = article(sentence, published="2031-06-01")
    (flag,) = check_timeline(art)
    assert flag.evidence["anchor"] == "covid19_pandemic"
    assert flag.evidence["implied_period"] == "2025-01-25/2026-04-25"
    assert check_timeline(article(sentence, published="2025-06-01")) == []


@pytest.mark.parametrize("sentence", [
    "The Palu earthquake, which struck five years ago, still shapes how the city builds.",
    "Five years on from the Palu earthquake, the city has rebuilt its port.",
])
def test_elapsed_time_english_forms(sentence):
    assert check_timeline(article(sentence, published="2030-01-01", lang="en"))
    assert check_timeline(article(sentence, published="2023-12-01", lang="en")) == []


def test_this_month_counts_only_beside_the_event():
    near = "Hasil Pemilu 2019 yang digelar bulan ini masih digugat beberapa partai."
    assert check_timeline(article(near, published="2023-04-20"))
    far = ("Pemilu 2019 menjadi bahan kajian para peneliti politik dari berbagai kampus di "
           "seluruh negeri, dan hasil kajian itu akan diumumkan bulan ini.")
    assert check_timeline(article(far, published="2023-04-20")) == []


# ------------------------------------------------------------------ dated days

def test_days_named_with_weekday_and_year_far_from_the_stated_date():
    text = ("Jakarta - Menteri itu meninjau pasar pada Senin (20/10/2025). Ia kembali pada "
            "Rabu (22/10/2025) untuk bertemu pedagang.")
    (flag,) = check_timeline(article(text, published="2028-03-01"))
    assert flag.evidence["basis"] == "dated_days"
    assert flag.evidence["implied_period"] == "2025-10-15/2025-11-21"
    assert flag.confidence == 0.7  # two days agree
    assert check_timeline(article(text, published="2025-10-23")) == []
    # dated before the days it reports: written after them
    assert check_timeline(article(text, published="2023-01-01"))


def test_a_date_with_its_year_near_the_stated_date_vouches_for_it():
    text = ("Jakarta - Kasus ini bermula pada Senin (20/10/2025) ketika warga melapor. Sidang "
            "perdananya digelar 3 Maret 2028 di pengadilan negeri.")
    assert check_timeline(article(text, published="2028-03-05")) == []


def test_a_wrong_weekday_is_a_typo_not_evidence():
    text = "Jakarta - Menteri itu meninjau pasar pada Selasa (20/10/2025) bersama wali kota."
    assert check_dated_days(article(text, published="2028-03-01"), date(2028, 3, 1)) is None


def test_weekdays_without_a_year_that_fit_another_year():
    text = ("Jakarta - Rapat itu digelar Senin (20/10) di gedung DPR. Keputusannya diumumkan "
            "Rabu (22/10) malam.")
    (flag,) = check_timeline(article(text, published="2028-10-25"))
    assert "fit none of their dates in 2028 but all of them in 2025" in flag.message
    # the same words in the year they fit raise nothing, nor does a lone weekday
    assert check_timeline(article(text, published="2025-10-24")) == []
    lone = "Jakarta - Rapat itu digelar Senin (20/10) di gedung DPR."
    assert check_timeline(article(lone, published="2028-10-25")) == []


def test_weekday_and_month_name_forms():
    text = "Jakarta, Kamis, 23 Mei 2019 - Para pedagang kembali membuka lapak mereka."
    (flag,) = check_timeline(article(text, published="2023-08-21"))
    assert flag.evidence["words"] == ["Kamis, 23 Mei 2019"]
    assert flag.confidence == 0.5  # one day only


# ------------------------------------------------------------------ spun names

NAMES = ("Badan Pusat Statistik", "Kementerian Pertahanan", "Kementerian Komunikasi dan Digital",
         "Associated Press", "Wall Street Journal", "Perserikatan Bangsa-Bangsa",
         "Kementerian Luar Negeri")


def test_spun_indonesian_institution_names():
    flags = check_spun_names(article("Data Lembaga Pusat Statistik menunjukkan inflasi turun."),
                             NAMES)
    assert [f.evidence["likely_original"] for f in flags] == ["Badan Pusat Statistik"]
    assert flags[0].evidence["swap"] == ["Badan", "lembaga"]


def test_a_swapped_name_that_goes_on_is_another_name():
    # "Kementerian Perlindungan" (a swap of Pertahanan) begins another ministry's name
    text = "Hal itu dibahas Kementerian Perlindungan Pekerja Migran Indonesia pekan lalu."
    assert check_spun_names(article(text), NAMES) == []
    # … but a person's name after it is whom the title belongs to
    text = "Kepala Lembaga Pusat Statistik Ratna Wulandari memaparkan data inflasi."
    assert check_spun_names(article(text), NAMES)[0].evidence["words"] == "Lembaga Pusat Statistik"
    # … and a country after it names the same body of that country
    text = "Juru bicara Kementerian Asing Negeri Iran membantah kabar itu."
    assert check_spun_names(article(text), NAMES)[0].evidence["likely_original"] == \
        "Kementerian Luar Negeri"


def test_a_connector_continues_a_name_only_into_a_known_one():
    known = "Hal itu disampaikan Kementerian Komunikasi dan Digital kemarin."
    assert check_spun_names(article(known, lang="id"), NAMES + ("Kementerian Perhubungan",)) == []
    two = "Menurut laporan Related Press dan Wall Road Journal, kapal itu tenggelam."
    assert len(check_spun_names(article(two), NAMES)) == 2


def test_variants_leave_out_hyphen_halves_and_same_stem_forms():
    variants = spun_variants(NAMES)
    assert ("badan", "pusat", "statistis") in variants
    assert ("badan", "pusat", "statistika") not in variants  # a variant spelling, not a swap
    assert check_spun_names(article("Sidang Perserikatan Bangsa-Bangsa dibuka hari ini."),
                            NAMES) == []


# ------------------------------------------------------------------ name slips

@pytest.mark.parametrize("surface, known, slip", [
    ("Jokow Widodo", "Joko Widodo", True),
    ("Retno Marsud", "Retno Marsudi", True),
    ("Yasona Laoly", "Yasonna Laoly", False),  # doubled letter: a spelling variant
    ("Zaenal Abidin", "Zainal Abidin", False),  # ae / ai
    ("Farida Farichah", "Farida Faricha", False),  # a final h
    ("Dadan Hindayana3", "Dadan Hindayana", False),  # a footnote digit
    ("George HW Bush", "George Bush", False),  # a word more: another person
    ("Ali Shamkani", "Vali Shamkani", False),  # another first letter: another name
])
def test_what_counts_as_a_slip(surface, known, slip):
    assert is_real_slip(surface, known) is slip


def test_name_slip_flags_only_real_slips():
    art = article("Presiden Jokow Widodo dan Menteri Yasona Laoly tiba di Istana.")
    art.entities = [
        Entity(text="Jokow Widodo", label="PERSON", start=9, end=21, canonical="Joko Widodo",
               actor_id="joko_widodo", slip="Jokow Widodo -> Joko Widodo"),
        Entity(text="Yasona Laoly", label="PERSON", start=33, end=45, canonical="Yasonna Laoly",
               actor_id="yasonna_laoly", slip="Yasona Laoly -> Yasonna Laoly"),
    ]
    assert [f.evidence["words"] for f in check_name_slips(art)] == ["Jokow Widodo"]


# ------------------------------------------------------------------ English, calques

def test_one_long_english_run_is_enough():
    art = article("Pemerintah menaikkan harga BBM bulan lalu, despite growing concerns among "
                  "local residents. Warga pun mengeluh.")
    (flag,) = check_untranslated_english(art)
    assert flag.evidence["phrases"] == ["despite growing concerns among local residents"]
    short = article("Acara itu bertema the power of music dan dihadiri ratusan orang.")
    assert check_untranslated_english(short) == []


def test_an_english_sentence_opening_with_a_capital():
    art = article("Warga mengungsi ke balai desa. Many residents say they have not received any "
                  "help so far. Bantuan baru tiba sore hari.")
    (flag,) = check_untranslated_english(art)
    assert flag.evidence["phrases"][0].startswith("Many residents say")


def test_quotes_are_paired_within_a_paragraph():
    text = ("Ia menyebut rencana itu \"belum final.\nKata dia, \"We will keep working with all "
            "parties to solve this,\" ujarnya. \"There is no reason to panic at this point,\" "
            "katanya.")
    assert check_untranslated_english(article(text)) == []


def test_new_calques_and_the_cheap_gate():
    (flag,) = check_calques(article("Kedua pihak perlu mengambil ke dalam akun semua usulan."))
    assert flag.evidence["english"] == ["take into account"]
    assert check_calques(article("Kedua pihak perlu memperhitungkan semua usulan.")) == []


# ------------------------------------------------------------------ the labelled-set builder

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture(scope="module")
def builder_module():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import make_trust_set
    finally:
        sys.path.remove(str(SCRIPTS))
    return make_trust_set


def test_builder_dated_days_label(builder_module):
    evidence = builder_module.dated_days_evidence
    assert evidence("Jakarta - Rapat digelar Senin (20/10/2025).", date(2025, 10, 22),
                    date(2028, 1, 1))
    assert not evidence("Jakarta - Rapat digelar Senin (20/10/2025).", date(2026, 3, 1),
                        date(2029, 1, 1))  # not a day of the story: a month and more before
    assert evidence("Rapat Senin (20/10) dan Rabu (22/10).", date(2025, 10, 22), date(2028, 1, 1))


def test_builder_slips_keep_the_first_letter(builder_module):
    import random

    rng = random.Random(3)
    for _ in range(50):
        word, op = builder_module.slip_word("Marsudi", rng)
        assert word[0] == "M" and word != "Marsudi" and op in ("swap", "double", "drop", "vowel")
    assert builder_module.slip_word("Ali", rng) is None
