"""Event exports: PLOVER JSON and the GDELT-like TSV, over analysis dicts built by hand."""

from __future__ import annotations

import io
import json

from warta.doc import Actor, Article, Event
from warta.export.gdelt import COLUMNS, gdelt_rows, write_gdelt
from warta.export.plover import plover_records, write_plover


def analysis() -> dict:
    art = Article(
        id="a1",
        text="Indonesia mengecam Israel.\nPolisi menangkap dua orang.",
        lang="id",
        published="2024-03-05",
        url="https://example.org/berita/1",
        title="Judul\tdengan tab",
    )
    from warta.doc import Sentence

    art.sentences = [Sentence(0, 26), Sentence(27, 54)]
    art.events = [
        Event(
            type="ACCUSE",
            source=Actor("Indonesia", "IDN", "GOV", "country_idn"),
            target=Actor("Israel", "ISR", "GOV"),
            mode="disapprove",
            date="2024-03",
            date_source="text",
            evidence="Indonesia mengecam Israel",
            start=0,
            end=25,
            trigger="mengecam",
            rule="id_triggers.tsv:1 kecam",
            cameo="111",
            goldstein=-2.0,
        ),
        Event(
            type="COERCE",
            source=Actor("Polisi", "IDN", "COP"),
            target=None,
            mode="arrest",
            date="2024-03-05",
            date_source="report",
            evidence="Polisi menangkap\tdua orang",
            start=27,
            end=53,
            trigger="menangkap",
            rule="id_triggers.tsv:2 tangkap",
            cameo="173",
            goldstein=None,
        ),
    ]
    return art.as_dict()


def test_plover_records_have_the_polecat_like_fields():
    recs = plover_records(analysis())
    assert [r["id"] for r in recs] == ["a1-e1", "a1-e2"]
    first = recs[0]
    assert first["actor"] == {
        "name": "Indonesia",
        "country": "IDN",
        "sector": "GOV",
        "actor_id": "country_idn",
    }
    assert first["recipient"]["country"] == "ISR"
    assert (first["event"], first["mode"], first["modality"]) == (
        "ACCUSE",
        "disapprove",
        "asserted",
    )
    assert first["event_text"] == "Indonesia mengecam Israel"
    assert first["source_article"]["url"] == "https://example.org/berita/1"
    assert recs[1]["recipient"] is None
    assert recs[1]["context"] == "legal"  # CAMEO 173 in PLOVER's table


def test_write_plover_json_lines_and_array():
    buf = io.StringIO()
    assert write_plover([analysis(), analysis()], buf) == 4
    lines = buf.getvalue().splitlines()
    assert len(lines) == 4 and all(json.loads(x)["event"] for x in lines)
    buf = io.StringIO()
    write_plover([analysis()], buf, array=True)
    assert [r["id"] for r in json.loads(buf.getvalue())] == ["a1-e1", "a1-e2"]
    buf = io.StringIO()
    assert write_plover([{"id": "empty", "events": []}], buf, array=True) == 0
    assert json.loads(buf.getvalue()) == []


def test_gdelt_tsv_has_fixed_columns_and_codes():
    buf = io.StringIO()
    assert write_gdelt([analysis()], buf) == 2
    lines = buf.getvalue().split("\n")[:-1]
    assert lines[0].split("\t") == list(COLUMNS)
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == len(COLUMNS) for r in rows)  # the tab in the evidence is gone
    row = dict(zip(COLUMNS, rows[0], strict=True))
    assert row["SQLDATE"] == "20240301" and row["DatePrecision"] == "month"
    assert row["Actor1Code"] == "IDNGOV" and row["Actor2CountryCode"] == "ISR"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("111", "111", "11")
    assert row["QuadClass"] == "3" and row["GoldsteinScale"] == "-2.0"
    assert row["IsRootEvent"] == "1"
    second = dict(zip(COLUMNS, rows[1], strict=True))
    assert second["Actor2Code"] == "" and second["IsRootEvent"] == "0"
    assert second["GoldsteinScale"] == "-5.0"  # filled from the CAMEO table
    assert second["QuadClass"] == "4"


def test_gdelt_dates_of_every_precision():
    from warta.export.gdelt import _date_parts

    assert _date_parts("2019-W14")[0] == "20190401" and _date_parts("2019-W14")[4] == "week"
    assert _date_parts("2023")[:3] == ("20230101", "202301", "2023")
    assert _date_parts("2023-06-18/2023-06-19")[4] == "range"
    assert _date_parts(None) == ("", "", "", "", "")
    assert _date_parts("not a date") == ("", "", "", "", "")


def test_rows_of_an_analysis_without_events():
    assert gdelt_rows({"id": "x"}) == []
