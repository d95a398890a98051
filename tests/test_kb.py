"""The KB build: sources, names, dated roles, and bad input reported with its place."""

from __future__ import annotations

import argparse
import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from tests.test_kb_helpers import make_kb
from warta.errors import KBError
from warta.kb.build import build_kb, write_atomically
from warta.kb.commands import cmd_lookup
from warta.kb.names import slug, title_case, variants
from warta.kb.sources import Problems, read_overlay_csv, read_petrarch
from warta.kb.store import KB, load_kb, read_kb_file

PETRARCH_COUNTRIES = """\
# a tiny dictionary in the PETRARCH2 format
INDONESIA_  [IDN]
+INDONESIAN_
+INDONISIA_
+JAKARTA_
+SURABAYA_

SUSILO_BAMBANG_YUDHOYONO_  # CountryInfo.txt
	[IDNGOVMIL 030101-040331]
	[IDNGOV >041020]
	[IDNELI]
MAHATHIR_BIN_MOHAMAD_  # CountryInfo.txt
	[MYSGOV 810716-031031]
BROKEN_DATES_PERSON_  # CountryInfo.txt
	[IDNGOV 0410201-050101]
	[IDNGOV 060101-050101]
BAN_KI-MOON_  # CountryInfo.txt
	[KORGOV 040117-061201]
"""
PETRARCH_INTL = """\
ASEAN_ [IGOSEAASN]
ASSOCIATION_OF_SOUTHEAST_ASIAN_NATIONS_ [IGOSEAASN]
BBC
+BRITISH_BROADCASTING_CORPORATION
	[MED]
ASEAN_COUNTRIES_ [IGOSEAASN]
"""


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory) -> tuple[Path, KB]:
    folder = tmp_path_factory.mktemp("kb")
    path, _ = make_kb(folder)
    return path, load_kb(path)


def test_title_case_keeps_particles_and_korean_given_names():
    assert title_case("JOKO_WIDODO_") == "Joko Widodo"
    assert title_case("MAHATHIR_BIN_MOHAMAD_") == "Mahathir bin Mohamad"
    assert title_case("BASHAR_AL-ASSAD") == "Bashar al-Assad"
    assert title_case("BAN_KI-MOON", "KOR") == "Ban Ki-moon"
    assert title_case("MA'RUF_AMIN") == "Ma'ruf Amin"
    assert slug("Sri Mulyani Indrawati") == "sri_mulyani_indrawati"


def test_transliteration_variants_are_general_rules():
    assert "Xi Jin Ping" in variants("Xi Jinping", "CHN")
    assert "Mahathir Mohammad" in variants("Mahathir Mohamad", "MYS")
    assert "Sergey Lavrov" in variants("Sergei Lavrov", "RUS")
    assert "Sergei Lavroff" in variants("Sergei Lavrov", "RUS")
    assert "Suharto" in variants("Soeharto", "IDN")
    assert "Moon Jae In" in variants("Moon Jae-in", "KOR")
    assert variants("Joko Widodo", "IDN") == ()


def test_countries_places_and_curated_people_are_in_the_kb(small_kb):
    _, kb = small_kb
    assert kb.candidates("Tiongkok")[0].country == "CHN"
    assert kb.candidates("Amerika Serikat")[0].id == "country_usa"
    assert [a.id for a in kb.candidates("Xi Jin Ping")] == ["xi_jinping"]
    assert [a.id for a in kb.candidates("Mahathir Muhammad")] == ["mahathir_mohamad"]
    assert kb.candidates("Jawa Tengah")[0].type == "PLACE"
    assert kb.candidates("Jokowi")[0].id == "joko_widodo"


def test_short_all_caps_aliases_match_only_as_written(small_kb):
    _, kb = small_kb
    assert kb.candidates("AS")[0].country == "USA"
    assert kb.candidates("As") == []


def test_roles_on_a_date(small_kb):
    _, kb = small_kb
    assert [r.role for r in kb.roles_on("retno_marsudi", "2019-05-01")] == ["foreign_minister"]
    assert kb.roles_on("retno_marsudi", "2025-01-01") == []
    assert kb.roles_on("retno_marsudi", date(2014, 10, 26)) == []
    # an open term runs on
    assert [r.role for r in kb.roles_on("sugiono", "2025-03-01")] == ["foreign_minister"]


def test_petrarch_reader_dates_types_and_problems(tmp_path):
    (tmp_path / "Phoenix.Countries.actors.txt").write_text(PETRARCH_COUNTRIES, encoding="utf-8")
    (tmp_path / "Phoenix.International.actors.txt").write_text(PETRARCH_INTL, encoding="utf-8")
    problems = Problems()
    res = read_petrarch(sorted(tmp_path.glob("*.txt")), problems)
    by_name = {r.name: r for r in res.records}
    sby = by_name["Susilo Bambang Yudhoyono"]
    assert sby.type == "PERSON" and sby.country == "IDN"
    assert [(r.start, r.end, r.code) for r in sby.roles] == [
        ("2003-01-01", "2004-03-31", "IDNGOVMIL"), ("2004-10-20", None, "IDNGOV")]
    assert by_name["Ban Ki-moon"].country == "KOR"
    assert by_name["Mahathir bin Mohamad"].roles[0].start == "1981-07-16"
    # the same organisation under two names (one code) is one actor
    asean = by_name["ASEAN"]
    assert "Association of Southeast Asian Nations" in asean.aliases
    assert by_name["BBC"].type == "ORG"
    assert "Asean Countries" not in by_name  # a category, not an actor
    assert res.demonyms["indonesian"] == "IDN"
    assert {p.name for p in res.places} >= {"Jakarta", "Surabaya"}
    msgs = [str(p) for p in problems]
    assert any("Phoenix.Countries.actors.txt:15" in m and "0410201" in m for m in msgs)
    assert any("Phoenix.Countries.actors.txt:16" in m and "ends before it starts" in m
               for m in msgs)


def test_bad_curated_rows_are_reported_with_file_and_line_and_the_rest_loads(tmp_path):
    extra = """
- id: bad_dates_person
  name: Bad Dates Person
  type: PERSON
  country: IDN
  roles:
    - {role: governor, country: IDN, start: 2020-05-01, end: 2019-01-01, source: x}
    - {role: mayor, country: IDN, start: 2021-01-01, end: 2022-01-01, source: x}
- id: no_label
  type: PERSON
- id: thief_of_an_alias
  name: Someone Else
  type: PERSON
  country: IDN
  aliases: [Jokowi]
  source: invented for tests
- id: wrong_type
  name: Wrong Type
  type: ANIMAL
"""
    path, report = make_kb(tmp_path, extra_yaml=extra)
    msgs = [str(p) for p in report.problems]
    assert any("test.yaml:" in m and "ends (2019-01-01) before it starts" in m for m in msgs)
    assert any("has no name" in m for m in msgs)
    assert any("'jokowi' is claimed by joko_widodo" in m and "thief_of_an_alias" in m
               for m in msgs)
    assert any("type 'ANIMAL'" in m for m in msgs)
    kb = KB(read_kb_file(path), path=str(path))
    person = kb.get("bad_dates_person")
    assert [r.role for r in person.roles] == ["mayor"]  # the good role still loaded
    assert {a.id for a in kb.candidates("Jokowi")} == {"joko_widodo", "thief_of_an_alias"}


def test_a_yaml_file_that_does_not_parse_is_reported_and_others_still_load(tmp_path):
    curated = tmp_path / "curated"
    curated.mkdir()
    (curated / "a_broken.yaml").write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    (curated / "b_good.yaml").write_text(
        "- {id: good_one, name: Good One, type: ORG, source: s}\n", encoding="utf-8")
    report = build_kb(tmp_path / "kb.json.gz", petrarch_dir=None, curated_dir=curated,
                      overlay_dir=tmp_path / "none")
    assert any("a_broken.yaml:" in str(p) and "not valid YAML" in str(p)
               for p in report.problems)
    kb = KB(read_kb_file(tmp_path / "kb.json.gz"))
    assert kb.get("good_one") is not None


def test_csv_overlay_rows_and_their_problems(tmp_path):
    csv_path = tmp_path / "overlay.csv"
    csv_path.write_text(
        "id,name,type,country,aliases,role,start,end,source\n"
        "budi_contoh,Budi Contoh,PERSON,IDN,Pak Budi|Budi C.,governor,2019-01-01,2023-12-31,s\n"
        "budi_contoh,Budi Contoh,PERSON,IDN,,mayor,2010,2014,s\n"
        "broken,row,with,too,many,fields,here,x,y,z\n"
        "late_role,Late Role,PERSON,IDN,,regent,2020-01-01,2019-01-01,s\n"
        ",,PERSON,IDN,,,,,\n",
        encoding="utf-8",
    )
    problems = Problems()
    recs = read_overlay_csv(csv_path, problems)
    budi = next(r for r in recs if r.id == "budi_contoh")
    assert [r.role for r in budi.roles] == ["governor", "mayor"]
    assert budi.aliases == ["Pak Budi", "Budi C."]
    msgs = [str(p) for p in problems]
    assert any(m.startswith(f"{csv_path}:4:") and "10 fields" in m for m in msgs)
    assert any(f"{csv_path}:5" in m and "before it starts" in m for m in msgs)
    assert any(f"{csv_path}:6" in m and "no name" in m for m in msgs)


def test_an_overlay_corrects_an_actor_at_build_time(tmp_path):
    overlay = tmp_path / "fix.yaml"
    overlay.write_text(
        "- id: sugiono\n  name: Sugiono\n  type: PERSON\n  country: IDN\n"
        "  aliases: [Menlu Sugiono]\n  roles:\n"
        "    - {role: foreign_minister, country: IDN, start: 2024-10-21, end: 2025-12-31,"
        " source: overlay}\n", encoding="utf-8")
    path, _ = make_kb(tmp_path, overlays=(str(overlay),))
    kb = KB(read_kb_file(path))
    assert kb.get("sugiono").roles[0].end == "2025-12-31"


def test_a_corrupt_or_truncated_kb_file_is_a_kberror(tmp_path):
    good, _ = make_kb(tmp_path)
    data = good.read_bytes()
    bad = tmp_path / "truncated.json.gz"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(KBError, match="corrupt or truncated"):
        read_kb_file(bad)
    notjson = tmp_path / "notjson.json.gz"
    notjson.write_bytes(gzip.compress(b"{nope"))
    with pytest.raises(KBError, match="not valid JSON"):
        read_kb_file(notjson)
    with pytest.raises(KBError, match="not found"):
        read_kb_file(tmp_path / "absent.json.gz")


def test_the_kb_file_is_never_half_written(tmp_path):
    target = tmp_path / "kb.json.gz"
    write_atomically({"format": "warta-kb", "actors": [], "index": {}}, target)
    before = target.read_bytes()
    with pytest.raises(TypeError):
        write_atomically({"format": "warta-kb", "bad": {1, 2}}, target)  # not JSON
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kb.json.gz"]  # no temp file left


def test_kb_lookup_command_shows_roles_and_the_role_on_a_date(small_kb, capsys):
    path, _ = small_kb
    args = argparse.Namespace(name="Retno Marsudi", date="2019-06-01", json=False,
                              kb=str(path), overlay=None, limit=5)
    assert cmd_lookup(args) == 0
    out = capsys.readouterr().out
    assert "Retno Marsudi" in out and "foreign_minister" in out
    assert "on 2019-06-01: foreign_minister [IDN]" in out
    args.date, args.json = "2025-02-01", True
    assert cmd_lookup(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc[0]["id"] == "retno_marsudi" and doc[0]["roles_on_date"] == []
    args.date = "2019-02-30"
    assert cmd_lookup(args) == 2
    assert "is not a date" in capsys.readouterr().err


def test_kb_lookup_finds_a_misspelt_name(small_kb, capsys):
    path, _ = small_kb
    args = argparse.Namespace(name="Retno Marsudy", date=None, json=False, kb=str(path),
                              overlay=None, limit=5)
    assert cmd_lookup(args) == 0
    assert "Retno Marsudi" in capsys.readouterr().out


def test_the_bundled_kb_loads_fast_and_knows_petrarch_people():
    import time

    from warta.kb.store import DEFAULT_KB
    from warta.kb.store import KB as KBClass

    t0 = time.process_time()  # CPU time: the wall clock of a shared CI machine varies
    kb = KBClass(read_kb_file(DEFAULT_KB))
    assert time.process_time() - t0 < 1.0  # 0.15 s measured; slack for a loaded CI
    assert DEFAULT_KB.stat().st_size < 10_000_000
    sby = kb.candidates("Susilo Bambang Yudhoyono")[0]
    assert sby.type == "PERSON" and sby.country == "IDN"
    assert kb.roles_on(sby.id, "2010-01-01")


def test_the_bundled_kb_is_built_from_the_current_curated_files():
    """Fails when a curated file gained an actor after the last `make kb`."""
    import yaml

    from warta.kb.build import CURATED_DIR
    from warta.kb.store import DEFAULT_KB

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    ids: set[str] = set()
    for path in sorted(CURATED_DIR.glob("*.y*ml")):
        for entry in yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []:
            if isinstance(entry, dict) and entry.get("id") and entry.get("name"):
                ids.add(str(entry["id"]))
    built = {row[0] for row in read_kb_file(DEFAULT_KB)["actors"]}
    missing = sorted(ids - built)
    assert not missing, f"run `make kb`: {len(missing)} curated actors missing, e.g. {missing[:5]}"
