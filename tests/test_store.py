"""The DuckDB store on a real database file: schema, idempotence, ids, errors, views, query,
export. Batches are built from hand-written analysis dicts, so these tests do not depend on
what the analysis stages find."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import threading

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.errors import RecordError, StageError
from warta.runners.work import partition_of_dicts
from warta.store import StoreError, open_store
from warta.store.commands import run as run_command
from warta.store.duckdb_store import DuckDBStore
from warta.store.export import analysis_dicts, export_tables
from warta.store.rows import RowBuilder

TEXT_A = ("Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di Jakarta pada "
          "Senin untuk membahas perbatasan laut kedua negara dan kerja sama perikanan.")
TEXT_B = ("Polisi menangkap dua tersangka pencurian sepeda motor di Bandung setelah rekaman "
          "kamera pengawas memperlihatkan wajah mereka dengan jelas.")


def actor(name, country=None, sector=None, actor_id=None):
    return {"name": name, "country": country, "sector": sector, "actor_id": actor_id}


def event(type_, src, tgt, date, idx_text="bertemu"):
    return {"type": type_, "source": src, "target": tgt, "mode": None, "modality": "asserted",
            "date": date, "date_source": "text", "evidence": idx_text, "start": 0, "end": 10,
            "trigger": idx_text, "rule": None, "cameo": None, "goldstein": None}


def analysis(aid, text, *, published="2024-01-08", url=None, title=None, events=(), lang="id",
             entities=()):
    return {"id": aid, "lang": lang, "published": published, "published_source": "input",
            "title": title, "url": url, "text": text, "fixes": [],
            "sentences": [[0, len(text)]], "entities": list(entities), "quotes": [],
            "events": list(events), "dates": [],
            "flags": [{"kind": "stale", "message": "old news", "evidence": {"days": 3},
                       "confidence": 0.5}],
            "stages": ["normalize"]}


def dump(path) -> dict[str, list]:
    """Every user table's rows, without the wall-clock columns."""
    con = duckdb.connect(str(path), read_only=True)
    out = {}
    for t in ("articles", "entities", "actors", "quotes", "events", "dates", "flags", "clusters",
              "cluster_links", "errors", "lsh_bands", "minhashes", "anchors", "leads"):
        cols = {"articles": "* EXCLUDE (ingested_at)", "errors": "* EXCLUDE (recorded_at)"}.get(t, "*")
        out[t] = con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall()
    con.close()
    return out


@pytest.fixture
def db(tmp_path):
    return tmp_path / "w.duckdb"


def test_new_store_has_the_documented_schema_and_reopens(db):
    with open_store(db) as store:
        assert store.count() == 0
    con = duckdb.connect(str(db), read_only=True)
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for t in ("articles", "entities", "actors", "quotes", "events", "dates", "flags", "clusters",
              "errors", "events_named", "story_events", "daily_counts"):
        assert t in names
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    con.close()
    assert meta["schema_version"] == "1" and meta["minhash_num_perm"] == "128"
    with open_store(db) as store:  # reopening an existing store keeps it
        assert store.count() == 0


def test_same_content_twice_changes_nothing(db):
    batch = [analysis("a1", TEXT_A, url="https://a.example/1"), analysis("b1", TEXT_B)]
    with open_store(db) as store:
        rep = store.add(partition_of_dicts(0, batch))
        assert (rep.added, rep.duplicates) == (2, 0)
    before = dump(db)
    with open_store(db) as store:
        rep = store.add(partition_of_dicts(1, batch))
        assert (rep.added, rep.duplicates) == (0, 2)
    assert dump(db) == before
    with open_store(db) as store:
        # the same content inside one batch is also stored once
        rep = store.add(partition_of_dicts(2, [analysis("c1", TEXT_B + " Baru."),
                                               analysis("c2", TEXT_B + " Baru.")]))
        assert (rep.added, rep.duplicates) == (1, 1)
    after = dump(db)
    assert [r[0] for r in after["articles"]] == ["a1", "b1", "c1"]
    assert len(after["flags"]) == 3


def test_an_id_taken_by_other_content_gets_a_hash_suffix(db):
    with open_store(db) as store:
        store.add(partition_of_dicts(0, [analysis("x", TEXT_A)]))
        rep = store.add(partition_of_dicts(1, [analysis("x", TEXT_B), analysis("x", TEXT_B + "!")]))
        assert rep.renamed == 2
        ids = [r[0] for r in store.query("SELECT id FROM articles ORDER BY seq").rows]
    assert ids[0] == "x" and len(set(ids)) == 3
    assert all(i.startswith("x~") for i in ids[1:])


def test_rows_of_every_part_land_in_their_tables(db):
    src = actor("Retno Marsudi", "IDN", "GOV", "idn_retno")
    tgt = actor("Saifuddin Abdullah", "MYS", "GOV", None)
    ent = {"text": "Retno", "label": "PERSON", "start": 0, "end": 5, "canonical": "Retno Marsudi",
           "country": "IDN", "actor_id": "idn_retno", "sector": "GOV",
           "role": {"text": "Menteri Luar Negeri", "role": "foreign_minister", "country": "IDN",
                    "start": 0, "end": 5},
           "source": "kb", "confidence": 0.9, "slip": None}
    d = analysis("a1", TEXT_A, events=[event("CONSULT", src, tgt, "2024-01-08")], entities=[ent])
    d["quotes"] = [{"speaker": "Retno", "text": "Kami sepakat", "kind": "direct", "start": 1,
                    "end": 12, "speaker_id": "idn_retno", "speaker_start": 20, "speaker_end": 25,
                    "cue": "kata"}]
    d["dates"] = [{"text": "Senin", "value": "2024-01-08", "start": 60, "end": 65,
                   "kind": "weekday", "conflict": None}]
    with open_store(db) as store:
        store.add(partition_of_dicts(0, [d]))
        q = lambda sql: list(store.query(sql).rows)  # noqa: E731
        assert q("SELECT event_id, type, source_actor_id, target_country FROM events") == [
            ("a1-e1", "CONSULT", "idn_retno", "MYS")]
        assert q("SELECT actor_id, name, first_article_id FROM actors") == [
            ("idn_retno", "Retno Marsudi", "a1")]
        assert q("SELECT role, role_country, found_by FROM entities") == [
            ("foreign_minister", "IDN", "kb")]
        assert q("SELECT speaker, cue FROM quotes") == [("Retno", "kata")]
        assert q("SELECT value, kind FROM dates") == [("2024-01-08", "weekday")]
        assert q("SELECT source_actor_name, target_actor_name FROM events_named") == [
            ("Retno Marsudi", "Saifuddin Abdullah")]
        (analysis_json,) = q("SELECT analysis FROM articles")[0]
        assert json.loads(analysis_json)["events"][0]["type"] == "CONSULT"
        # the analysis dict comes back whole, id and text included
        back = list(analysis_dicts(store))[0]
        assert back["id"] == "a1" and back["text"] == TEXT_A and back["cluster_id"] == 1


def test_errors_are_recorded_once_with_file_and_position(db):
    rows = RowBuilder()
    rows.add_error(RecordError("not valid JSON", source="in.jsonl", line=7))
    rows.add_error(StageError("boom", source="in.jsonl", line=9, article_id="z", stage="events"))
    part = partition_of_dicts(0, [])
    part.tables["errors"] = rows.tables()["errors"]
    with open_store(db) as store:
        assert store.add(part).new_errors == 2
        assert store.add(part).new_errors == 0  # met again by a resumed run: still once
        got = list(store.query("SELECT source, position, kind, message, article_id, stage "
                               "FROM errors ORDER BY position").rows)
    assert got == [("in.jsonl", 7, "RecordError", "not valid JSON", None, None),
                   ("in.jsonl", 9, "StageError", "boom", "z", "events")]


def test_story_events_merge_reports_of_one_event_in_a_cluster(db):
    idn = actor("Polisi", "IDN", "COP")
    mob = actor("pengunjuk rasa", "IDN", "CVL")
    # three outlets carry the same story (near-duplicates); two report the arrest on
    # 8 January, one a day later; a second arrest ten days on is another event.
    text = TEXT_B + " Keduanya kini ditahan di markas kepolisian untuk pemeriksaan lebih lanjut."
    arts = [
        analysis("s1", text, url="https://satu.example/a",
                 events=[event("ARREST", idn, mob, "2024-01-08")]),
        analysis("s2", text + " Sumber: kantor berita.", url="https://dua.example/b",
                 events=[event("ARREST", idn, mob, "2024-01-08")]),
        analysis("s3", text + " Baca juga berita lain.", url="https://tiga.example/c",
                 published="2024-01-09",
                 events=[event("ARREST", idn, mob, "2024-01-09"),
                         event("ARREST", idn, mob, "2024-01-19")]),
        analysis("other", TEXT_A, url="https://satu.example/z",
                 events=[event("ARREST", idn, mob, "2024-01-08")]),
    ]
    with open_store(db) as store:
        store.add(partition_of_dicts(0, arts))
        clusters = dict(store.query("SELECT id, cluster_id FROM articles").rows)
        assert clusters["s1"] == clusters["s2"] == clusters["s3"] != clusters["other"]
        story = list(store.query(
            "SELECT story_event_id, date_first, date_last, n_mentions, n_articles, n_sources, "
            "first_article_id FROM story_events ORDER BY date_first, story_event_id").rows)
        daily = list(store.query(
            "SELECT day::VARCHAR, type, source_country, n_events, n_mentions FROM daily_counts").rows)
    merged = [s for s in story if s[0] == "s1-e1"][0]
    assert merged[3:] == (3, 3, 3, "s1")  # 3 reports, 3 articles, 3 outlets: one event
    assert str(merged[1]) == "2024-01-08" and str(merged[2]) == "2024-01-09"
    assert ("s3-e2" in {s[0] for s in story}) and ("other-e1" in {s[0] for s in story})
    assert len(story) == 3
    # counted once a day, next to what a naive count of reports would say
    assert ("2024-01-08", "ARREST", "IDN", 2, 4) in daily


def test_query_is_read_only_and_says_why(db, capsys):
    with open_store(db) as store:
        store.add(partition_of_dicts(0, [analysis("a1", TEXT_A)]))
    with open_store(db, read_only=True) as store:
        for sql in ("INSERT INTO articles (id) VALUES ('x')", "DELETE FROM articles",
                    "COPY articles TO 'out.csv'", "ATTACH 'other.db'", "SELECT 1; DROP TABLE errors"):
            with pytest.raises(StoreError, match="read-only"):
                store.query(sql)
        with pytest.raises(StoreError, match="query failed"):
            store.query("SELECT nope FROM articles")
        assert list(store.query("SELECT count(*) FROM articles").rows) == [(1,)]
    assert run_command(["query", "--db", str(db), "UPDATE articles SET lang = 'en'"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert run_command(["query", "--db", str(db), "SELECT id, lang FROM articles",
                        "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"id": "a1", "lang": "id"}]
    assert run_command(["query", "--db", str(db), "SELECT id, published FROM articles",
                        "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["id,published", "a1,2024-01-08"]
    assert run_command(["query", "--db", str(db), "SELECT id FROM articles"]) == 0
    assert "a1" in capsys.readouterr().out


def test_missing_or_foreign_database_is_a_clear_error(tmp_path, capsys):
    assert run_command(["query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"]) == 2
    assert "no such database" in capsys.readouterr().err
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a DuckDB database|cannot open"):
        open_store(junk)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="not a Warta store"):
        open_store(other, read_only=True)


def test_export_parquet_and_csv_round_trip(db, tmp_path):
    with open_store(db) as store:
        store.add(partition_of_dicts(0, [analysis("a1", TEXT_A), analysis("b1", TEXT_B)]))
    with DuckDBStore(db, read_only=True, sandbox=False) as store:
        files = export_tables(store, "parquet", tmp_path / "pq")
        one = export_tables(store, "csv", tmp_path / "arts.csv", ["articles"])
    names = {p.stem for p in files}
    assert {"articles", "events", "story_events", "daily_counts", "errors"} <= names
    table = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert table.column("id").to_pylist() == ["a1", "b1"]
    with one[0].open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["a1", "b1"] and rows[0]["text"] == TEXT_A
    assert run_command(["export", "--db", str(db), "--format", "parquet",
                        "--out", str(tmp_path / "cli")]) == 0
    assert (tmp_path / "cli" / "story_events.parquet").exists()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300).filter(lambda s: s.strip()),
       title=st.one_of(st.none(), st.text(max_size=80)),
       url=st.one_of(st.none(), st.text(max_size=80)))
def test_any_text_round_trips_through_the_store(tmp_path_factory, text, title, url):
    db = tmp_path_factory.mktemp("rt") / "rt.duckdb"
    d = analysis("rt", text, title=title, url=url)
    with open_store(db) as store:
        assert store.add(partition_of_dicts(0, [d])).added == 1
        row = list(store.query("SELECT text, title, url, analysis FROM articles").rows)[0]
    assert row[0] == text and row[1] == title and row[2] == url
    assert json.loads(row[3])["flags"][0]["evidence"] == {"days": 3}


def test_export_events_as_plover_and_gdelt(db, tmp_path):
    src, tgt = actor("Polisi", "IDN", "COP"), actor("pengunjuk rasa", "IDN", "CVL")
    with open_store(db) as store:
        store.add(partition_of_dicts(0, [
            analysis("a1", TEXT_B, url="https://satu.example/a",
                     events=[event("ARREST", src, tgt, "2024-01-08"),
                             event("ARREST", src, tgt, "2024-01-19")]),
            analysis("b1", TEXT_A)]))
        stored_ids = [r[0] for r in store.query("SELECT event_id FROM events ORDER BY ALL").rows]
    plover = tmp_path / "events.jsonl"
    assert run_command(["export", "--db", str(db), "--format", "plover", "--out", str(plover)]) == 0
    records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    # one record per stored event, under the same id
    assert sorted(r["id"] for r in records) == stored_ids == ["a1-e1", "a1-e2"]
    gdelt = tmp_path / "events.tsv"
    assert run_command(["export", "--db", str(db), "--format", "gdelt", "--out", str(gdelt)]) == 0
    lines = gdelt.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("GLOBALEVENTID\t") and len(lines) == 3


# ------------------------------------------------------------------ sharing the file
# Another process holds the file (a reader like `warta serve` copying it, or a writer)
# until it reads a line on stdin.
HOLDER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
print("held", flush=True)
sys.stdin.readline()
con.close()
"""


def hold(db, mode="ro"):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_sharing_store_lets_go_of_the_file_between_operations(db):
    with DuckDBStore(db, share=True, release_every=0) as store:
        store.add(partition_of_dicts(0, [analysis("a1", TEXT_A)]))
        reader = hold(db)  # would be refused while the store held the file
        reader.communicate("go\n", timeout=30)
        assert reader.returncode == 0
        store.add(partition_of_dicts(1, [analysis("b1", TEXT_B)]))
        assert store.count() == 2


def test_a_sharing_store_keeps_the_file_between_close_writes(db):
    """Closing after a write checkpoints; that happens at most every release_every seconds."""
    def reader_gets_in() -> bool:
        proc = subprocess.run([sys.executable, "-c", HOLDER, str(db), "ro"], input="go\n",
                              capture_output=True, text=True, timeout=60)
        return proc.returncode == 0

    with DuckDBStore(db, share=True, release_every=600) as store:
        assert reader_gets_in()  # nothing written yet: the file is free
        store.add(partition_of_dicts(0, [analysis("a1", TEXT_A)]))
        store.seen_inputs(["x"])
        assert not reader_gets_in()
        store.release(force=True)
        assert reader_gets_in()
        assert store.seen_inputs(["x"]) == set() and reader_gets_in()  # reads let go at once


def test_a_store_that_holds_the_file_locks_others_out(db):
    with DuckDBStore(db) as store:
        store.add(partition_of_dicts(0, [analysis("a1", TEXT_A)]))
        proc = subprocess.run([sys.executable, "-c", HOLDER, str(db), "ro"], input="go\n",
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode != 0 and "lock" in proc.stderr.lower()


def test_opening_a_locked_file_waits_for_it_then_gives_a_clear_error(db):
    with DuckDBStore(db, share=True, release_every=0) as store:
        store.add(partition_of_dicts(0, [analysis("a1", TEXT_A)]))
        holder = hold(db)
        def let_go() -> None:
            holder.stdin.write("go\n")
            holder.stdin.flush()

        threading.Timer(1.0, let_go).start()
        rep = store.add(partition_of_dicts(1, [analysis("b1", TEXT_B)]))  # waits ~1 s
        holder.wait(timeout=30)
        assert rep.added == 1 and store.lock_waits > 0
    holder = hold(db, "rw")
    try:
        with pytest.raises(StoreError, match="in use by another process"):
            DuckDBStore(db, share=True, lock_wait=0.3)
    finally:
        holder.communicate("go\n", timeout=30)


def test_two_sharing_writers_take_turns_without_clashing(db):
    """Two stores on one file, batches interleaved: every article once, ingest numbers unique."""
    one, two = (DuckDBStore(db, share=True, release_every=0) for _ in range(2))
    try:
        for k in range(3):
            one.add(partition_of_dicts(k, [analysis(f"one-{k}", f"{TEXT_A} Nomor {k}.")]))
            two.add(partition_of_dicts(k, [analysis(f"two-{k}", f"{TEXT_B} Nomor {k}."),
                                           analysis(f"dup-{k}", f"{TEXT_A} Nomor {k}.")]))
    finally:
        one.close()
        two.close()
    rows = dump(db)["articles"]
    con = duckdb.connect(str(db), read_only=True)
    seqs = [r[0] for r in con.execute("SELECT seq FROM articles").fetchall()]
    con.close()
    assert len(rows) == 6 and len(set(seqs)) == 6  # the copies of one's texts were skipped
