"""Trust checks on articles written for the tests."""

from __future__ import annotations

import pytest

import warta
from warta.doc import Article, Entity, Flag
from warta.errors import KBError
from warta.trust.anchors import load_anchors
from warta.trust.score import stale_score
from warta.trust.timeline import parse_count
from warta.trust.translation import (
    check_calques,
    check_name_slips,
    check_spun_names,
    check_untranslated_english,
    spun_variants,
)


def flags_of(text: str, published: str, kind: str) -> list[dict]:
    return [f for f in warta.analyze(text, published=published)["flags"] if f["kind"] == kind]


@pytest.mark.parametrize("words, n", [("dua", 2), ("satu setengah", 1.5), ("dua puluh", 20),
                                      ("tiga belas", 13), ("1,5", 1.5), ("a", 1), ("ten", 10),
                                      ("two and a half", 2.5), ("sebelas", 11)])
def test_parse_count(words, n):
    assert parse_count(words) == n


def test_elapsed_time_since_an_anchor_contradicts_the_date():
    text = ("Jakarta - Sudah dua tahun sejak pandemi dimulai, tetapi pedagang pasar itu belum "
            "kembali berjualan seperti dulu.")
    (flag,) = flags_of(text, "2025-06-01", "time_inconsistency")
    assert flag["evidence"]["anchor"] == "covid19_pandemic"
    assert flag["evidence"]["implied_period"] == "2022-01-25/2023-04-25"
    assert flag["evidence"]["gap_days"] == 768
    assert "dua tahun sejak pandemi" in flag["message"]
    # the same sentence written at the right time raises nothing
    assert flags_of(text, "2022-06-01", "time_inconsistency") == []


def test_years_ago_after_the_anchor_and_english_forms():
    assert flags_of("Tsunami Aceh 15 tahun lalu menewaskan ratusan ribu orang di pesisir.",
                    "2025-01-10", "time_inconsistency")
    assert not flags_of("Tsunami Aceh 15 tahun lalu menewaskan ratusan ribu orang di pesisir.",
                        "2020-01-10", "time_inconsistency")
    assert flags_of("A year after Russia's invasion of Ukraine, the grain corridor is still open, "
                    "officials said.", "2026-03-01", "time_inconsistency")


def test_this_month_next_to_a_point_event():
    text = "Hasil Pemilu 2019 yang digelar bulan ini masih digugat oleh beberapa partai."
    (flag,) = flags_of(text, "2023-04-20", "time_inconsistency")
    assert flag["evidence"]["anchor"] == "indonesia_election_2019"
    assert flags_of(text, "2019-04-25", "time_inconsistency") == []
    # a commemoration is no inconsistency, nor is an ongoing event
    assert flags_of("Peringatan tragedi Kanjuruhan digelar bulan ini di Malang.", "2024-10-01",
                    "time_inconsistency") == []
    assert flags_of("Pandemi Covid-19 bulan ini memaksa sekolah tutup lagi.", "2021-07-01",
                    "time_inconsistency") == []


def test_duration_without_a_connective_is_not_elapsed_time():
    assert flags_of("Murid-murid itu melewati dua tahun pandemi tanpa sekolah tatap muka.",
                    "2025-10-21", "time_inconsistency") == []


def test_no_date_no_timeline_flag():
    out = warta.analyze("Sudah dua tahun sejak pandemi dimulai, kata pedagang itu.")
    assert [f for f in out["flags"] if f["kind"] == "time_inconsistency"] == []


def test_bad_anchor_file_is_reported_with_its_entry(tmp_path):
    p = tmp_path / "anchors.yaml"
    p.write_text("- id: x\n  date: 2020-13-45\n  phrases: [x]\n  source: http://x\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"anchors.yaml: cannot read anchors: month must be in 1..12"):
        load_anchors((str(p),))
    p.write_text("- id: x\n  date: '2020-1-5x'\n  phrases: [x]\n  source: http://x\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"anchors.yaml \(entry 1\).*not an ISO date"):
        load_anchors((str(p),))
    p.write_text("- id: y\n  date: 2020-01-01\n  phrases: [y]\n", encoding="utf-8")
    with pytest.raises(KBError, match="has no source"):
        load_anchors((str(p),))


def _article(text: str, lang: str = "id") -> Article:
    return warta.analyze_article(Article(id="t", text=text, lang=lang, published="2024-01-01"),
                                 warta.Options(stages=("normalize", "dateline", "langid", "sentences",
                                                       "tokens")))


NAMES = ("Associated Press", "Wall Street Journal", "World Health Organization", "Financial Times",
         "Monetary Authority")


def test_spun_outlet_names_are_flagged_with_the_likely_original():
    art = _article("Menurut laporan Related Press dan Wall Road Journal, kapal itu tenggelam. "
                   "Associated Press juga melaporkan hal yang sama.")
    flags = check_spun_names(art, NAMES)
    assert {f.evidence["likely_original"] for f in flags} == {"Associated Press", "Wall Street Journal"}
    assert all(f.kind == "spun_name" for f in flags)
    multi = check_spun_names(_article("Data dari World Well being Organization menunjukkan kenaikan."), NAMES)
    assert multi[0].evidence["likely_original"] == "World Health Organization"


def test_a_real_name_is_never_taken_for_a_spun_one():
    variants = spun_variants(NAMES)
    assert ("financial", "times") not in variants  # a real name, even if it is a swap of another
    assert check_spun_names(_article("Financial Times dan Associated Press melaporkan hal itu."), NAMES) == []
    # lower-case words are ordinary prose, not an altered name
    assert check_spun_names(_article("Ia bekerja di related press sejak lama."), NAMES) == []


def test_name_slips_come_from_the_entities():
    art = _article("Presiden Jokowu tiba di Istana.")
    art.entities = [Entity(text="Jokowu", label="PERSON", start=9, end=15, canonical="Joko Widodo",
                           actor_id="joko_widodo", slip="Jokowu -> Jokowi")]
    (flag,) = check_name_slips(art)
    assert flag.kind == "name_slip" and flag.evidence["likely_original"] == "Joko Widodo"


def test_untranslated_english_outside_quotes_and_titles():
    art = _article("Menteri itu mengatakan the government will continue to support the program. "
                   "Ia menambahkan bahwa the plan is ready for the next stage.")
    (flag,) = check_untranslated_english(art)
    assert flag.evidence["count"] >= 2
    quoted = _article("Ia berkata, \"the government will continue to support the program\". "
                      "Judul makalahnya 'Identification of the pest outbreak in the coastal area'.")
    assert check_untranslated_english(quoted) == []
    english = _article("The government will continue to support the program.", lang="en")
    assert check_untranslated_english(english) == []


def test_calques():
    (flag,) = check_calques(_article("Pertemuan itu akan mengambil tempat di Jakarta pekan depan."))
    assert flag.evidence["english"] == ["take place"]
    assert check_calques(_article("Pertemuan itu akan berlangsung di Jakarta.")) == []


def test_stale_score_combines_independent_evidence():
    assert stale_score([])["stale_score"] == 0.0
    one = stale_score([Flag("time_inconsistency", "m", confidence=1.0)])
    assert one["stale_score"] == 0.8
    two = stale_score([Flag("time_inconsistency", "m", confidence=1.0), Flag("mt_calque", "m", confidence=0.5)])
    assert two["stale_score"] == pytest.approx(1 - 0.2 * 0.9)
    assert [p["kind"] for p in two["parts"]] == ["time_inconsistency", "mt_calque"]


def test_check_command_prints_the_score_and_evidence(run_warta):
    text = "Jakarta, Senin (21/11/2025)\nSudah dua tahun sejak pandemi dimulai, kata menteri itu.\n"
    code, out, err = run_warta("check", "--color", "never", "-", stdin=text.encode())
    assert code == 0, err
    assert "stale-news score 0.64" in out and "implied_period: 2022-01-25/2023-04-25" in out
    code, out, err = run_warta("check", "--format", "json", "-", stdin=text.encode())
    import json

    doc = json.loads(out)
    assert doc["trust"]["stale_score"] == 0.64 and doc["flags"][0]["kind"] == "time_inconsistency"
