"""The temporal tagger (warta.time) and the dates stage, on sentences written for the tests.

Base dates used below (their weekdays matter):
- 2016-11-21 is a Monday (ISO week 2016-W47),
- 2019-04-10 is a Wednesday (2019-W15),
- 2022-11-11 is a Friday.
"""

from __future__ import annotations

import pytest

import warta
from warta.doc import Article, Sentence
from warta.time import best_date_in_span, by_sentence, dates_in_span, reading_date, tag

MON_2016 = "2016-11-21"
WED_2019 = "2019-04-10"


def found(text: str, published: str | None = MON_2016, lang: str = "id") -> dict[str, str | None]:
    """expression text -> value."""
    return {d.text: d.value for d in tag(text, published, lang)}


def one(text: str, published: str | None = MON_2016, lang: str = "id") -> tuple[str, str | None]:
    got = tag(text, published, lang)
    assert len(got) == 1, [(d.text, d.value) for d in got]
    return got[0].text, got[0].value


# ------------------------------------------------------------ absolute, Indonesian


@pytest.mark.parametrize(
    "sentence, expr, value",
    [
        ("Pertemuan itu digelar 21 November 2016 di Bogor.", "21 November 2016", "2016-11-21"),
        ("Surat itu bertanggal 21/11/2016 dan diteken menteri.", "21/11/2016", "2016-11-21"),
        ("Data dirilis 2016-11-21 oleh kementerian.", "2016-11-21", "2016-11-21"),
        ("Ia diperiksa penyidik pada Selasa (30/12/2014).", "Selasa (30/12/2014)", "2014-12-30"),
        ("Kebakaran terjadi Sabtu (19/11) malam.", "Sabtu (19/11) malam", "2016-11-19"),
        ("Hal itu disampaikannya, Senin (21/11).", "Senin (21/11)", "2016-11-21"),
        (
            "Rapat dibuka Kamis, 17 November 2016 pagi.",
            "Kamis, 17 November 2016 pagi",
            "2016-11-17",
        ),
        ("Sidang berlanjut Jumat 18 November 2016.", "Jumat 18 November 2016", "2016-11-18"),
        ("Tenggatnya tanggal 5 Desember.", "tanggal 5 Desember", "2016-12-05"),
        ("Tim berangkat 3 Nov. 2016 ke Papua.", "3 Nov. 2016", "2016-11-03"),
    ],
)
def test_absolute_indonesian(sentence: str, expr: str, value: str) -> None:
    assert one(sentence) == (expr, value)


def test_a_date_without_year_takes_the_nearest_year() -> None:
    # Written in early January, "28 Desember" is last year's; "5 Januari" this year's.
    got = found("Banjir datang 28 Desember dan surut 5 Januari.", "2017-01-03")
    assert got == {"28 Desember": "2016-12-28", "5 Januari": "2017-01-05"}


@pytest.mark.parametrize(
    "sentence, expr, value",
    [
        (
            "Konferensi berlangsung 14-15 Juni 2023 di Medan.",
            "14-15 Juni 2023",
            "2023-06-14/2023-06-15",
        ),
        (
            "Konferensi berlangsung 20 hingga 22 Mei 2024.",
            "20 hingga 22 Mei 2024",
            "2024-05-20/2024-05-22",
        ),
        ("Pameran dibuka 28 Juni-2 Juli 2023.", "28 Juni-2 Juli 2023", "2023-06-28/2023-07-02"),
        ("Ia menjabat pada periode 2014-2019.", "2014-2019", "2014/2019"),
        ("Harga naik pada Juni-Juli 2014.", "Juni-Juli 2014", "2014-06/2014-07"),
    ],
)
def test_ranges(sentence: str, expr: str, value: str) -> None:
    assert one(sentence) == (expr, value)


# ------------------------------------------------------------ relative, Indonesian


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Ia tiba kemarin.", "2016-11-20"),
        ("Ia tiba kemarin lusa.", "2016-11-19"),
        ("Ia berangkat lusa.", "2016-11-23"),
        ("Ia berangkat besok pagi.", "2016-11-22"),
        ("Ia berangkat hari ini.", "2016-11-21"),
        ("Gempa terjadi tadi malam.", "2016-11-20"),
        ("Ia bertemu menteri sore ini.", "2016-11-21"),
        ("Harga naik pekan lalu.", "2016-W46"),
        ("Harga naik minggu lalu.", "2016-W46"),
        ("Ia akan kembali minggu depan.", "2016-W48"),
        ("Ia akan kembali pekan depan.", "2016-W48"),
        ("Ia pindah dua hari yang lalu.", "2016-11-19"),
        ("Ia pindah 3 hari lalu.", "2016-11-18"),
        ("Ia pindah sepuluh hari lalu.", "2016-11-11"),
        ("Ia pindah dua puluh satu hari lalu.", "2016-10-31"),
        ("Ia pindah setahun lalu.", "2015"),
        ("Ia pindah dua tahun lalu.", "2014"),
        ("Ia pindah satu setengah tahun yang lalu.", "2015-05"),
        ("Ia pindah tiga bulan lalu.", "2016-08"),
        ("Ia pindah dua minggu lalu.", "2016-W45"),
        ("Ia kembali tiga hari lagi.", "2016-11-24"),
        ("Harga naik awal bulan ini.", "2016-11"),
        ("Harga naik bulan lalu.", "2016-10"),
        ("Harga naik akhir tahun lalu.", "2015"),
        ("Pemilu digelar tahun depan.", "2017"),
        ("Pajak naik tahun ini.", "2016"),
    ],
)
def test_relative_indonesian(sentence: str, value: str) -> None:
    assert one(sentence)[1] == value


def test_vague_amounts_name_no_date() -> None:
    assert found("Ia pindah beberapa hari lalu, dan beberapa bulan lalu juga.") == {}
    assert found("Kasus itu bergulir belasan tahun.") == {}


def test_named_months_and_years() -> None:
    text = (
        "Pada bulan Agustus harga naik. Agustus lalu harga turun. Tahun 2019 ia lulus. "
        "Sejak Maret ia sakit. Pertengahan 2018 ia pindah."
    )
    got = found(text)
    assert got == {
        "bulan Agustus": "2016-08",
        "Agustus lalu": "2016-08",
        "Tahun 2019": "2019",
        "Maret": "2016-03",
        "Pertengahan 2018": "2018",
    }


def test_ambiguous_month_names_need_a_time_word() -> None:
    # "Mei" and "Agustus" are also given names: alone they are not months.
    assert found("Mei Lestari dan Agustus Sani datang ke kantor.") == {}
    assert found("Ia lahir pada Mei.") == {"Mei": "2016-05"}


def test_month_named_alone_is_the_nearest_with_the_past_preferred() -> None:
    assert found("Target itu dipasang sampai Desember.", "2013-11-28") == {"Desember": "2013-12"}
    assert found("Pabrik itu berhenti sejak Juni.", "2014-11-19") == {"Juni": "2014-06"}
    assert found("Kontrak pengiriman Januari turun.", "2014-12-16") == {"Januari": "2015-01"}
    assert found("Kontrak itu diteken Oktober.", "2015-03-02") == {"Oktober": "2014-10"}


def test_bare_years_but_not_counts_or_amounts() -> None:
    got = found("Pemilu 2019 diikuti 2000 orang, biayanya Rp 2019 per lembar, sejak 1998.")
    assert got == {"2019": "2019", "1998": "1998"}


# ------------------------------------------------------------ weekdays and tense


def test_weekday_resolves_to_the_past_by_default() -> None:
    # Wednesday 2019-04-10: "Selasa" is yesterday, "Kamis" last Thursday, "Rabu" today.
    got = found("Ia diperiksa pada hari Selasa. Ia ditahan Kamis. Ia bebas Rabu.", WED_2019)
    assert got == {
        "pada hari Selasa": "2019-04-09",
        "Kamis": "2019-04-04",
        "Rabu": "2019-04-10",
    }


def test_weekday_in_the_future_tense_resolves_forward() -> None:
    assert found("Presiden akan berkunjung ke Jepang pada Jumat.", WED_2019) == {
        "Jumat": "2019-04-12"
    }
    assert found("Ia dijadwalkan diperiksa Senin.", WED_2019) == {"Senin": "2019-04-15"}


def test_weekday_with_lalu_depan_and_week_words() -> None:
    got = found(
        "Ia datang Senin lalu. Ia kembali Senin depan. Ia pergi Rabu lalu. "
        "Ia diperiksa Selasa pekan lalu. Ia diperiksa lagi Selasa pekan depan.",
        WED_2019,
    )
    assert got == {
        "Senin lalu": "2019-04-08",
        "Senin depan": "2019-04-15",
        "Rabu lalu": "2019-04-03",  # "lalu" excludes the publication day itself
        "Selasa pekan lalu": "2019-04-02",
        "Selasa pekan depan": "2019-04-16",
    }


def test_time_of_day_is_part_of_the_span_and_keeps_the_date() -> None:
    got = found("Ia tiba Selasa pagi dan pergi Selasa (9/4) malam.", WED_2019)
    assert got == {"Selasa pagi": "2019-04-09", "Selasa (9/4) malam": "2019-04-09"}


def test_generic_weekdays_are_not_dates() -> None:
    assert found("Kantor buka Senin-Jumat dan tutup setiap Minggu.", WED_2019) == {}
    assert found("Ia tinggal di Pasar Minggu sejak kecil.", WED_2019) == {}
    assert found("Setiap hari Rabu polisi mengajar di sekolah.", WED_2019) == {}


def test_weekday_range_with_a_date_range() -> None:
    got = found("Rapat digelar Senin-Selasa (8-9/4) di Bogor.", WED_2019)
    assert got == {"Selasa (8-9/4)": "2019-04-08/2019-04-09"}


def test_end_of_year_alone_is_this_year() -> None:
    got = found("Proyek itu ditargetkan rampung akhir tahun. Awal bulan ia libur.", WED_2019)
    assert got == {"akhir tahun": "2019"}
    assert found("Harga naik pada akhir tahun 2018.", WED_2019) == {"akhir tahun 2018": "2018"}


# ------------------------------------------------------------ Minggu vs minggu


def test_minggu_as_sunday() -> None:
    got = found(
        "Ia tiba Minggu (7/4). Ia pulang hari Minggu. Ia berangkat pada Minggu pagi.", WED_2019
    )
    assert got == {
        "Minggu (7/4)": "2019-04-07",
        "hari Minggu": "2019-04-07",
        "Minggu pagi": "2019-04-07",
    }
    assert found("Hal itu disampaikan Minggu lalu.", WED_2019) == {"Minggu lalu": "2019-04-07"}


def test_minggu_as_week() -> None:
    got = found("Harga naik minggu lalu, dan minggu depan turun.", WED_2019)
    assert got == {"minggu lalu": "2019-W14", "minggu depan": "2019-W16"}
    # Capitalised at the start of a sentence and followed by "lalu": the week.
    assert found("Minggu lalu harga naik.", WED_2019) == {"Minggu lalu": "2019-W14"}
    # A duration is not a date.
    assert found("Ia dirawat selama tiga minggu dan kontrol setiap minggu.", WED_2019) == {}


# ------------------------------------------------------------ impossible and inconsistent


def test_impossible_date_is_repaired_and_recorded() -> None:
    (d,) = tag("Surat itu bertanggal 31/2/2020.", "2020-03-05", "id")
    assert d.value == "2020-02-29"
    assert d.conflict and "31/2/2020 is not a date" in d.conflict


def test_impossible_date_with_weekday_takes_the_day_after_the_month_end() -> None:
    # 1 October 2016 was a Saturday: "31/9" counted on past the end of September.
    (d,) = tag("Ia tiba Sabtu (31/9/2016).", "2016-10-01", "id")
    assert d.value == "2016-10-01"
    assert d.conflict


def test_weekday_that_contradicts_its_date_prefers_a_reading_near_publication() -> None:
    # 2022-10-11 is a Tuesday; a Friday one slip away and near publication is 2022-11-11.
    (d,) = tag("Ia ditangkap Jumat (11/10/2022).", "2022-11-11", "id")
    assert d.value == "2022-11-11"
    assert d.conflict and "Friday does not fall on 2022-10-11" in d.conflict


def test_weekday_mismatch_near_publication_keeps_the_written_date() -> None:
    # 2025-03-17 is a Monday, written as "Minggu"; it lies two days before publication,
    # so the written date stands and the conflict is noted.
    (d,) = tag("Acara digelar Minggu 17 Maret 2025.", "2025-03-19", "id")
    assert d.value == "2025-03-17"
    assert d.conflict and "kept as written" in d.conflict


def test_nonsense_numbers_do_not_crash() -> None:
    text = "Skor 45/99/2019, nomor 00/00/0000, 99-99-9999, 2019-13-45, (0/0), 32 Januari."
    for d in tag(text, "2019-01-01", "id"):
        assert d.value is None or d.value[:4].isdigit()


# ------------------------------------------------------------ no publication date


def test_without_publication_date_absolute_values_stay_and_relative_are_marked() -> None:
    got = {
        d.text: d
        for d in tag("Ia tiba kemarin, Senin (21/11/2016), dan Selasa (22/11).", None, "id")
    }
    assert got["Senin (21/11/2016)"].value == "2016-11-21"
    assert got["kemarin"].value is None and "no publication date" in (got["kemarin"].conflict or "")
    assert got["Selasa (22/11)"].value is None and got["Selasa (22/11)"].conflict


def test_malformed_publication_date_is_treated_as_missing() -> None:
    (d,) = tag("Ia tiba kemarin.", "not a date", "id")
    assert d.value is None


# ------------------------------------------------------------ English


@pytest.mark.parametrize(
    "sentence, expr, value",
    [
        ("He arrived yesterday.", "yesterday", "2016-11-20"),
        ("He will leave tomorrow.", "tomorrow", "2016-11-22"),
        ("The vote was held last Tuesday.", "last Tuesday", "2016-11-15"),
        ("He will meet the minister next week.", "next week", "2016-W48"),
        ("The law passed a year and a half ago.", "a year and a half ago", "2015-05"),
        ("The law passed two days ago.", "two days ago", "2016-11-19"),
        ("Prices rose earlier this month.", "earlier this month", "2016-11"),
        ("Prices rose last year.", "last year", "2015"),
        ("The treaty was signed in 2019.", "2019", "2019"),
        ("The talks took place in August.", "August", "2016-08"),
        ("The talks took place on Nov. 18.", "Nov. 18", "2016-11-18"),
        ("The talks took place on November 18, 2016.", "November 18, 2016", "2016-11-18"),
        ("The summit ran June 18-19, 2023.", "June 18-19, 2023", "2023-06-18/2023-06-19"),
        ("The summit ran 18 November 2016.", "18 November 2016", "2016-11-18"),
        ("Talks collapsed last night.", "last night", "2016-11-20"),
        ("The minister spoke on Monday morning.", "Monday morning", "2016-11-21"),
    ],
)
def test_english(sentence: str, expr: str, value: str) -> None:
    assert one(sentence, lang="en") == (expr, value)


def test_english_weekday_tense() -> None:
    got = found(
        "The bill approved by parliament on Tuesday is expected to pass. "
        "Talks will be held on Friday, officials said.",
        WED_2019,
        "en",
    )
    assert got == {"Tuesday": "2019-04-09", "Friday": "2019-04-12"}
    assert found("On Friday, the president will visit Japan.", WED_2019, "en") == {
        "Friday": "2019-04-12"
    }


def test_english_day_and_month_take_the_year_the_tense_points_to() -> None:
    # Wire style drops the year of dates near publication; the tense tells which side.
    got = tag(
        "The ministry said on Jan. 3 it would act. The vote will be held on Jan. 3.",
        "2023-11-15",
        "en",
    )
    assert [(d.text, d.value) for d in got] == [("Jan. 3", "2023-01-03"), ("Jan. 3", "2024-01-03")]
    assert found("Fighting has raged since Oct. 7.", "2024-01-24", "en") == {"Oct. 7": "2023-10-07"}


def test_english_possessive_weekday() -> None:
    assert found("Tuesday's attack killed 12 people.", WED_2019, "en") == {"Tuesday": "2019-04-09"}


def test_english_may_the_verb_is_not_a_month() -> None:
    assert found("Officials may announce it soon, and May is busy.", WED_2019, "en") == {}
    assert found("The election is due in May.", WED_2019, "en") == {"May": "2019-05"}


def test_english_month_day_takes_the_year_of_a_following_year_phrase() -> None:
    assert found("Since the March 4 vote two years ago, talks stalled.", "2023-03-06", "en") == {
        "March 4": "2021-03-04",
        "two years ago": "2021",
    }


def test_english_names_are_not_dates() -> None:
    assert found("She writes for USA Today and the Sunday Times.", WED_2019, "en") == {}
    assert found("Shops opened early on Black Friday.", WED_2019, "en") == {}


# ------------------------------------------------------------ the stage and helpers


def test_stage_fills_dates_with_offsets() -> None:
    text = "Jakarta, Senin (21/11/2016) - Presiden tiba kemarin. Ia pulang besok."
    out = warta.analyze(text, published=MON_2016, lang="id")
    got = [(d["text"], d["value"], text[d["start"] : d["end"]]) for d in out["dates"]]
    assert got == [
        ("Senin (21/11/2016)", "2016-11-21", "Senin (21/11/2016)"),
        ("kemarin", "2016-11-20", "kemarin"),
        ("besok", "2016-11-22", "besok"),
    ]


def test_dates_in_span_and_by_sentence() -> None:
    text = "Ia tiba kemarin. Ia pulang Selasa (22/11) pagi."
    art = Article(id="a", text=text, published=MON_2016, lang="id")
    art.sentences = [Sentence(0, 16), Sentence(17, len(text))]
    art.dates = tag(text, art.published, art.lang)
    assert [d.text for d in dates_in_span(art, 0, 16)] == ["kemarin"]
    assert [d.text for d in dates_in_span(art, 17, len(text))] == ["Selasa (22/11) pagi"]
    assert dates_in_span(art, 3, 6) == []
    assert {i: [d.text for d in ds] for i, ds in by_sentence(art).items()} == {
        0: ["kemarin"],
        1: ["Selasa (22/11) pagi"],
    }
    best = best_date_in_span(art, 0, len(text))
    assert best is not None and best.value == "2016-11-22"


def test_reading_date_from_the_opening() -> None:
    text = "JAKARTA, KOMPAS.com - Menteri menyampaikan hal itu, Kamis (17/10/2013), di Jakarta."
    d = reading_date(text, "id")
    assert d is not None and d.value == "2013-10-17"
    assert reading_date("Tidak ada tanggal di sini.", "id") is None


def test_lang_none_uses_both_grammars() -> None:
    got = found("Ia tiba kemarin; he left yesterday.", MON_2016, None)  # type: ignore[arg-type]
    assert got == {"kemarin": "2016-11-20", "yesterday": "2016-11-20"}
