"""`warta ingest` end to end: summary and exit codes, bad inputs recorded while the run goes
on, a file that vanishes mid-run, SIGKILL and resume, a full disk. After every failure
the database must open, be consistent, and a second run must leave each article exactly
once."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from warta.store import open_store
from warta.store.commands import run as run_command
from warta.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent

CITIES = ["Medan", "Padang", "Jambi", "Bengkulu", "Palembang", "Lampung", "Serang", "Bandung",
          "Semarang", "Yogyakarta", "Surabaya", "Denpasar", "Mataram", "Kupang", "Pontianak"]
THINGS = ["jembatan", "pasar", "puskesmas", "terminal", "sekolah", "bendungan", "pelabuhan"]


def articles(n: int) -> list[dict]:
    """Small generated Indonesian reports, all different."""
    out = []
    for k in range(n):
        city, thing = CITIES[k % len(CITIES)], THINGS[(k // len(CITIES)) % len(THINGS)]
        text = (f"Pemerintah Kota {city} meresmikan {thing} baru senilai {k + 3} miliar rupiah "
                f"pada hari ke-{k}. Wali kota mengatakan pembangunan {thing} itu selesai "
                f"{k % 9 + 2} bulan lebih cepat dari rencana. \"Warga sudah lama menunggu,\" "
                f"katanya. Warga berharap {thing} nomor {k} dirawat dengan baik.")
        out.append({"id": f"gen-{k}", "text": text, "published": "2024-02-01",
                    "url": f"https://kota.example.id/{k}"})
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "warta.cli", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def check_consistent(db: Path) -> int:
    """The store opens and its tables agree with each other; returns the article count."""
    con = duckdb.connect(str(db), read_only=True)
    q = lambda sql: con.execute(sql).fetchone()  # noqa: E731
    n, ids, hashes, seqs, max_seq = q("SELECT count(*), count(DISTINCT id), "
                                      "count(DISTINCT content_hash), count(DISTINCT seq), "
                                      "coalesce(max(seq), 0) FROM articles")
    assert n == ids == hashes == seqs == max_seq
    assert q("SELECT count(*) FROM minhashes")[0] == n
    assert q("SELECT count(*) FROM leads")[0] == n
    assert q("SELECT count(*) FROM lsh_bands")[0] == 25 * n
    for child in ("entities", "quotes", "events", "dates", "flags"):
        orphans = q(f"SELECT count(*) FROM {child} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == (0,), child
    assert q("SELECT count(*) FROM articles WHERE cluster_id NOT IN "
             "(SELECT cluster_id FROM clusters)") == (0,)
    assert q("SELECT coalesce(sum(n_articles), 0) FROM clusters")[0] == n
    con.close()
    return n


def test_cli_ingest_reports_and_records_bad_inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = articles(6)
    write_jsonl(folder / "a-good.jsonl", good[:4])
    (folder / "b-bad.jsonl").write_text(
        '{"id": "x1", "text": "Kalimat pertama yang baik."\n'  # not JSON: a cut line
        + json.dumps({"id": "x2", "title": "tanpa teks"}) + "\n"
        + json.dumps(good[4]) + "\n", encoding="utf-8")
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in good).encode())
    (folder / "c-cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    (folder / "d-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    db = tmp_path / "w.duckdb"
    proc = cli("ingest", str(folder), "--db", str(db), "--batch", "3")
    out, err = (s.decode() for s in proc.communicate(timeout=180))
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert "ingested 5," in out and "4 errors" in out, out
    with open_store(db, read_only=True) as store:
        errors = list(store.query("SELECT source, position, kind FROM errors ORDER BY source, position").rows)
    assert [(Path(s).name, p, k) for s, p, k in errors[:2]] == [
        ("b-bad.jsonl", 1, "RecordError"), ("b-bad.jsonl", 2, "RecordError")]
    assert Path(errors[2][0]).name == "c-cut.jsonl.gz" and errors[2][2] == "InputError"
    assert (Path(errors[3][0]).name, errors[3][2]) == ("d-image.txt", "BinaryInputError")
    assert check_consistent(db) == 5
    # the same inputs again: nothing new, the errors are not recorded twice
    before = check_consistent(db)
    assert run_command(["ingest", str(folder), "--db", str(db), "--quiet"]) == 1
    assert check_consistent(db) == before
    with open_store(db, read_only=True) as store:
        assert list(store.query("SELECT count(*) FROM errors").rows) == [(4,)]


def test_a_file_that_vanishes_mid_run_is_an_error_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    recs = articles(14)
    write_jsonl(folder / "a.jsonl", recs[:10])
    write_jsonl(folder / "b.jsonl", recs[10:])
    db = tmp_path / "v.duckdb"
    seen = []

    def vanish(result, report):
        seen.append(report.added)
        if (folder / "b.jsonl").exists():
            (folder / "b.jsonl").unlink()

    with open_store(db) as store:
        report = ingest([str(folder)], store, batch=3, commit_rows=1, on_batch=vanish)
        errors = list(store.query("SELECT source, message FROM errors").rows)
    assert report.ingested == 10 and report.errors == 1
    assert Path(errors[0][0]).name == "b.jsonl" and "no such file" in errors[0][1]
    assert check_consistent(db) == 10


def test_sigkill_mid_run_then_resume_stores_each_article_once(tmp_path):
    recs = articles(300)
    src = write_jsonl(tmp_path / "many.jsonl", recs)
    db = tmp_path / "k.duckdb"
    proc = cli("ingest", str(src), "--db", str(db), "--batch", "10", "--quiet",
               "--release-every", "0")
    deadline = time.monotonic() + 150
    stored = 0
    try:
        # kill once a few batches are committed: the ingest lets go of the file between
        # batches, so this process can count them meanwhile (a refused open means it holds it)
        while time.monotonic() < deadline and proc.poll() is None and stored < 30:
            try:
                with duckdb.connect(str(db), read_only=True) as con:
                    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            except duckdb.Error:
                pass
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    committed = check_consistent(db)
    assert 0 < committed < len(recs), committed
    with open_store(db) as store:
        report = ingest([str(src)], store, batch=10)
    assert report.ingested == len(recs) - committed and report.duplicates == committed
    assert check_consistent(db) == len(recs)
    with open_store(db, read_only=True) as store:
        ids = [r[0] for r in store.query("SELECT id FROM articles").rows]
    assert sorted(ids) == sorted(r["id"] for r in recs)


# The models load first (py3langid unpacks its model into a temporary file); then no
# file the process writes may grow past LIMIT bytes, as when the disk fills mid-run.
FULL_DISK = """
import resource, signal, sys
import warta
warta.analyze("Pemerintah kota meresmikan jembatan baru di Medan pada hari Senin.")
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead of killing
from warta.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE semantics")
def test_a_full_disk_stops_the_run_cleanly_and_corrupts_nothing(tmp_path):
    recs = articles(120)
    src = write_jsonl(tmp_path / "many.jsonl", recs)
    db = tmp_path / "f.duckdb"
    proc = subprocess.run(
        [sys.executable, "-c", FULL_DISK.format(limit=300_000), "ingest", str(src), "--db", str(db),
         "--batch", "10", "--commit", "1", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "cannot write" in proc.stderr and "Traceback" not in proc.stderr
    committed = check_consistent(db)
    assert committed < len(recs)
    with open_store(db) as store:  # room again: the run resumes where it stopped
        report = ingest([str(src)], store, batch=10)
    assert report.ingested == len(recs) - committed
    assert check_consistent(db) == len(recs)


def _dump(db: Path) -> dict[str, list]:
    """Every stored row that does not depend on when it was stored."""
    con = duckdb.connect(str(db), read_only=True)
    out = {"articles": con.execute("SELECT id, seq, content_hash, cluster_id, analysis FROM articles "
                                   "ORDER BY seq").fetchall(),
           "clusters": con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall()}
    for child in ("entities", "quotes", "events", "dates", "flags"):
        out[child] = con.execute(f"SELECT * FROM {child} ORDER BY ALL").fetchall()
    con.close()
    return out


def test_partitions_committed_in_groups_store_what_one_by_one_stores(tmp_path):
    recs = articles(23)
    recs[7] = {**recs[3], "id": "copy-of-3"}  # a duplicate inside a group
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    reports = {}
    for rows in (1, 12):
        with open_store(tmp_path / f"c{rows}.duckdb") as store:
            reports[rows] = ingest([str(src)], store, batch=5, commit_rows=rows,
                                   commit_wait=3600)  # grouped by size only, however slow
    assert reports[1].batches == 5  # 23 inputs in partitions of 5, each committed alone
    assert reports[12].batches == 2  # 5+5+5 ≥ 12, then the 8 left at the end
    for rep in reports.values():
        assert (rep.ingested, rep.duplicates, rep.inputs) == (22, 1, 23)
    assert _dump(tmp_path / "c1.duckdb") == _dump(tmp_path / "c12.duckdb")
    assert check_consistent(tmp_path / "c12.duckdb") == 22


def test_merged_partitions_keep_each_row_with_its_article():
    from warta.doc import Article
    from warta.io.warc import HtmlRecord
    from warta.runners.work import Item, Partition, analyse_partition, merge_partitions

    def part(index: int, recs: list[dict], broken_at: int | None = None) -> Partition:
        items = [Item(Article(id=r["id"], text=r["text"], url=r["url"], published=r["published"]),
                      f"h-{r['id']}", k, "test") for k, r in enumerate(recs)]
        if broken_at is not None:  # an item that fails analysis: it has no article row
            items.insert(broken_at, Item(HtmlRecord("<html></html>", "empty", None, "test", 0),
                                         "h-empty", 99, "test"))
        return Partition(index, items)

    recs = articles(7)
    parts = [analyse_partition(part(0, recs[:3], broken_at=1)), analyse_partition(part(1, recs[3:]))]
    merged = merge_partitions(parts)
    assert merged.n_items == 8 and merged.tables["errors"].num_rows == 1
    ids = dict(zip(merged.tables["articles"].column("_i").to_pylist(),
                   merged.tables["articles"].column("id").to_pylist(), strict=True))
    assert sorted(ids) == [0, 2, 3, 4, 5, 6, 7]  # item 1 failed
    for name in ("entities", "quotes"):
        merged_rows = merged.tables[name].to_pylist()
        expected = [{**row, "_i": row["_i"] + offset}  # the first partition holds 4 items
                    for p, offset in zip(parts, (0, 4), strict=True)
                    for row in p.tables[name].to_pylist()]
        assert merged_rows == expected and merged_rows
        assert {ids[row["_i"]] for row in merged_rows} == {r["id"] for r in recs}


def test_an_interrupt_commits_what_was_analysed_and_a_new_run_does_the_rest(tmp_path):
    from warta.runners.local import LocalRunner

    class Interrupted(LocalRunner):  # Ctrl-C while the fourth partition is analysed
        def map(self, partitions, options):
            for k, result in enumerate(super().map(partitions, options)):
                if k == 3:
                    raise KeyboardInterrupt
                yield result

    recs = articles(40)
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    db = tmp_path / "i.duckdb"
    with open_store(db) as store:
        report = ingest([str(src)], store, runner=Interrupted(), batch=5, commit_rows=100,
                        commit_wait=3600)
    assert report.interrupted and report.ingested == 15 and report.batches == 1
    assert check_consistent(db) == 15
    with open_store(db) as store:
        report = ingest([str(src)], store, batch=5)
    assert not report.interrupted and (report.ingested, report.duplicates) == (25, 15)
    assert check_consistent(db) == 40
