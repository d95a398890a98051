"""Wikidata import: a small dump in the real format (a JSON array, one entity a line)."""

from __future__ import annotations

import bz2
import json
from pathlib import Path

from tests.test_kb_helpers import make_kb
from warta.kb.commands import add_parser
from warta.kb.sources import Problems
from warta.kb.store import KB, read_kb_file
from warta.kb.wikidata import import_wikidata, iter_entities, wikidata_time

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata-mini.json.bz2"


def _item(prop: str, qid: str, qualifiers: dict | None = None, rank: str = "normal") -> dict:
    st = {
        "mainsnak": {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
                     "datavalue": {"value": {"entity-type": "item", "numeric-id": int(qid[1:]),
                                             "id": qid}, "type": "wikibase-entityid"}},
        "type": "statement", "id": f"{qid}$fixture", "rank": rank,
    }
    if qualifiers:
        st["qualifiers"] = qualifiers
    return st


def _time(prop: str, iso: str, precision: int = 11) -> list[dict]:
    return [{"snaktype": "value", "property": prop, "datatype": "time",
             "datavalue": {"type": "time", "value": {
                 "time": f"+{iso}T00:00:00Z", "timezone": 0, "before": 0, "after": 0,
                 "precision": precision,
                 "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}}}]


def _string(prop: str, value: str) -> dict:
    return {"mainsnak": {"snaktype": "value", "property": prop, "datatype": "external-id",
                         "datavalue": {"value": value, "type": "string"}},
            "type": "statement", "rank": "normal"}


def _labels(**by_lang: str) -> dict:
    return {lang: {"language": lang, "value": v} for lang, v in by_lang.items()}


ENTITIES: list[dict] = [
    {"type": "item", "id": "Q252", "labels": _labels(en="Indonesia", id="Indonesia"),
     "claims": {"P298": [_string("P298", "IDN")], "P31": [_item("P31", "Q6256")]}},
    {"type": "item", "id": "Q7330070",
     "labels": _labels(en="Minister of Foreign Affairs of Indonesia",
                       id="Menteri Luar Negeri Indonesia"),
     "claims": {"P31": [_item("P31", "Q4164871")], "P17": [_item("P17", "Q252")]}},
    {"type": "item", "id": "Q1500001", "labels": _labels(en="Governor of Central Java"),
     "claims": {"P31": [_item("P31", "Q4164871")], "P17": [_item("P17", "Q252")]}},
    {"type": "item", "id": "Q1234567", "labels": _labels(en="Contoh Diplomat", id="Contoh Diplomat"),
     "aliases": {"id": [{"language": "id", "value": "Menlu Contoh"}],
                 "en": [{"language": "en", "value": "C. Diplomat"}]},
     "claims": {
         "P31": [_item("P31", "Q5")],
         "P27": [_item("P27", "Q252")],
         "P39": [
             _item("P39", "Q7330070", {"P580": _time("P580", "2001-08-10"),
                                       "P582": _time("P582", "2004-10-20")}),
             _item("P39", "Q1500001", {"P580": _time("P580", "2008-00-00", 9)}),
             _item("P39", "Q7330070", {"P580": _time("P580", "1990-01-01")}, rank="deprecated"),
         ]}},
    {"type": "item", "id": "Q2000002", "labels": {},
     "claims": {"P31": [_item("P31", "Q5")], "P39": [_item("P39", "Q7330070")]}},
    {"type": "item", "id": "Q2000003", "labels": _labels(en="Backwards Term"),
     "claims": {"P31": [_item("P31", "Q5")], "P27": [_item("P27", "Q252")],
                "P39": [_item("P39", "Q7330070", {"P580": _time("P580", "2010-01-01"),
                                                  "P582": _time("P582", "2009-01-01")})]}},
    {"type": "item", "id": "Q3000004", "labels": _labels(id="Partai Contoh", en="Example Party"),
     "claims": {"P31": [_item("P31", "Q7278")], "P17": [_item("P17", "Q252")]}},
    {"type": "item", "id": "Q4000005", "labels": _labels(en="A Mountain"),
     "claims": {"P31": [_item("P31", "Q8502")]}},
]


def dump_bytes(entities: list[dict]) -> bytes:
    """The dump's real layout: '[', one entity per line ending in ',', ']'."""
    lines = ["["] + [json.dumps(e, separators=(",", ":")) + "," for e in entities[:-1]]
    lines += [json.dumps(entities[-1], separators=(",", ":")), "]"]
    return bz2.compress(("\n".join(lines) + "\n").encode("utf-8"), 9)


def write_fixture(path: Path = FIXTURE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dump_bytes(ENTITIES))
    return path


def test_committed_fixture_is_the_generated_one():
    assert FIXTURE.read_bytes() == dump_bytes(ENTITIES)


def test_wikidata_time_precision():
    assert wikidata_time({"time": "+2014-10-20T00:00:00Z", "precision": 11}) == "2014-10-20"
    assert wikidata_time({"time": "+2014-10-00T00:00:00Z", "precision": 10}) == "2014-10"
    assert wikidata_time({"time": "+2014-00-00T00:00:00Z", "precision": 9}) == "2014"
    assert wikidata_time({"time": "-0044-03-15T00:00:00Z", "precision": 11}) is None


def test_import_reads_labels_positions_and_dates(tmp_path):
    out = tmp_path / "wikidata.jsonl"
    report = import_wikidata(FIXTURE, out)
    rows = {r["wikidata"]: r for r in map(json.loads, out.read_text().splitlines())}
    person = rows["Q1234567"]
    assert person["type"] == "PERSON" and person["country"] == "IDN"
    assert set(person["aliases"]) == {"Menlu Contoh", "C. Diplomat"}
    assert [(r["role"], r["start"], r["end"], r["country"]) for r in person["roles"]] == [
        ("foreign_minister", "2001-08-10", "2004-10-20", "IDN"),
        ("governor", "2008", None, "IDN"),
    ]  # the deprecated statement is not imported
    assert person["roles"][0]["title"] == "Menteri Luar Negeri Indonesia"
    assert rows["Q3000004"]["type"] == "ORG" and rows["Q3000004"]["name"] == "Partai Contoh"
    assert "Q4000005" not in rows  # a mountain: neither a person in office nor an organisation
    msgs = [str(p) for p in report.problems]
    assert any("entity Q2000002 has no label" in m for m in msgs)
    assert any("entity Q2000003" in m and "ends (2009-01-01) before it starts" in m for m in msgs)
    assert report.people == 2 and report.orgs == 1


def test_truncated_or_corrupt_dump_keeps_what_came_before(tmp_path):
    data = FIXTURE.read_bytes()
    cut = tmp_path / "cut.json.bz2"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    problems = Problems()
    got = list(iter_entities(cut, problems))
    assert any("truncated or corrupt" in str(p) for p in problems)
    assert len(got) < len(ENTITIES)  # bz2 decodes whole blocks: this small dump is one

    import gzip

    text = bz2.decompress(data)
    gz = tmp_path / "cut.json.gz"
    gz.write_bytes(gzip.compress(text)[: -200])  # a gzip stream yields what came before
    problems = Problems()
    got = list(iter_entities(gz, problems))
    assert any("truncated or corrupt" in str(p) for p in problems)
    assert 0 < len(got) < len(ENTITIES)

    plain = tmp_path / "dump.json"
    lines = bz2.decompress(data).decode().splitlines()
    lines[3] = lines[3][:40]  # a line cut in the middle
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = Problems()
    got = list(iter_entities(plain, problems))
    assert [str(p) for p in problems][0].startswith(f"{plain}:4: not a JSON entity")
    assert len(got) == len(ENTITIES) - 1


def test_imported_people_enter_the_kb_with_dated_roles(tmp_path):
    out = tmp_path / "wikidata.jsonl"
    import_wikidata(FIXTURE, out)
    path, _ = make_kb(tmp_path / "kb", overlays=(str(out),))
    kb = KB(read_kb_file(path))
    actor = kb.candidates("Contoh Diplomat")[0]
    assert actor.wikidata == "Q1234567"
    assert [r.role for r in kb.roles_on(actor.id, "2003-01-01")] == ["foreign_minister"]
    assert kb.roles_on(actor.id, "2006-01-01") == []


def test_import_command(tmp_path, capsys):
    import argparse

    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    out = tmp_path / "wd.jsonl"
    args = parser.parse_args(["kb", "import-wikidata", str(FIXTURE), "--out", str(out),
                              "--no-build"])
    assert args.func(args) == 0
    captured = capsys.readouterr()
    assert "2 people, 1 organisations" in captured.out
    assert "Q2000002" in captured.err  # the warning, one line
    args = parser.parse_args(["kb", "import-wikidata", str(tmp_path / "absent.json.bz2")])
    assert args.func(args) == 2
    assert "dump not found" in capsys.readouterr().err


if __name__ == "__main__":
    print(write_fixture())
