"""The page keeps working while another process writes the database.

DuckDB lets one process hold a database file for writing and no other process open it
meanwhile, so the server reads snapshots (warta/web/db.py). These tests run a real second
process: a small DuckDB writer that behaves like an ingest (holds the lock, commits batch
after batch), and, in the slow test, the real `warta ingest`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.fixtures.web_support import ARTICLES, ROOT, build_hand_corpus
from tests.test_ingest import articles, write_jsonl
from warta.web.app import create_app
from warta.web.db import CorpusDB, CorpusUnavailable, WriterActive

with warnings.catch_warnings():  # Starlette's notice about httpx2, raised on import
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

# A writer like `warta ingest`: it takes the file (waiting out a lock held for a moment, as
# `warta ingest` does: the server holds one while it checks for changes or copies), commits
# `batches` transactions (a new article each), says so, and holds the lock until told to go
# (a line on stdin).
WRITER = textwrap.dedent("""
    import sys, time, duckdb
    for attempt in range(100):
        try:
            con = duckdb.connect(sys.argv[1])
            break
        except duckdb.IOException as err:
            if "lock" not in str(err).lower() or attempt == 99:
                raise
            time.sleep(0.05)
    print("locked", flush=True)
    for i in range(int(sys.argv[2])):
        con.execute("BEGIN")
        con.execute("INSERT INTO articles SELECT * REPLACE (id || '-w' || ? AS id, "
                    "seq + 1000 + ? AS seq, content_hash || ? AS content_hash) "
                    "FROM articles WHERE id = 'h-bogor'", [i, i, i])
        con.execute("COMMIT")
        time.sleep(0.02)
    print("committed", flush=True)
    sys.stdin.readline()
    con.close()
""")


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_corpus(tmp_path_factory.mktemp("hand") / "hand.duckdb")


@pytest.fixture
def db(hand_db: Path, tmp_path: Path) -> Path:
    """A private copy of the hand-made corpus: these tests write to it."""
    return Path(shutil.copyfile(hand_db, tmp_path / "corpus.duckdb"))


class Writer:
    """The writer process; ``release()`` lets it close the database and exit."""

    def __init__(self, db: Path, batches: int = 3) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(batches)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "locked"
        assert self.proc.stdout.readline().strip() == "committed"

    def release(self) -> None:
        if self.proc.poll() is None:
            self.proc.communicate("go\n", timeout=30)
        assert self.proc.returncode == 0


def total(client: TestClient) -> int:
    resp = client.get("/api/articles?limit=1")
    assert resp.status_code == 200, resp.text
    return int(resp.json()["total"])


def wait_for(predicate: Any, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_serves_the_last_snapshot_while_a_writer_holds_the_file(db: Path, tmp_path: Path) -> None:
    app = create_app(db=str(db), snapshot_dir=str(tmp_path), check_every=0.05)
    with TestClient(app) as client:
        assert total(client) == 6
        writer = Writer(db, batches=3)
        try:
            # The file changed and is locked: every request is served from the old copy,
            # while the server tries (and fails) to take a new one.
            def tried() -> bool:
                assert total(client) == 6
                assert client.get("/api/stats/top").status_code == 200
                return client.get("/api/health").json()["corpus"]["writer_seen_at"] is not None

            assert wait_for(tried)
            status = client.get("/api/health").json()["corpus"]
            assert status["changed_since_snapshot"] is True
            assert total(client) == 6
        finally:
            writer.release()
        # The writer let go: the next refresh takes its three commits in.
        assert wait_for(lambda: total(client) == 9), client.get("/api/health").json()
        assert client.get("/api/health").json()["corpus"]["changed_since_snapshot"] is False


def test_a_writer_can_start_while_the_server_serves(db: Path, tmp_path: Path) -> None:
    """The server holds no lock between its copies, so an ingest can open the file."""
    app = create_app(db=str(db), snapshot_dir=str(tmp_path), check_every=0.05)
    with TestClient(app) as client:
        assert total(client) == 6
        stop = threading.Event()
        codes: list[int] = []

        def browse() -> None:
            while not stop.is_set():
                codes.append(client.get("/api/events?limit=5").status_code)

        thread = threading.Thread(target=browse)
        thread.start()
        try:
            for _ in range(2):  # writers come and go while requests keep arriving
                Writer(db, batches=1).release()
        finally:
            stop.set()
            thread.join()
        assert codes and set(codes) == {200}
        assert wait_for(lambda: total(client) == 8)


def test_no_copy_yet_and_a_writer_busy_is_503_then_recovers(db: Path, tmp_path: Path) -> None:
    app = create_app(db=str(db), snapshot_dir=str(tmp_path))
    app.state.corpus.first_wait = 0.2
    writer = Writer(db, batches=1)
    try:
        with TestClient(app) as client:
            resp = client.get("/api/articles")
            assert resp.status_code == 503
            err = resp.json()["error"]
            assert err["code"] == "database_busy" and "another process" in err["message"]
            assert resp.headers["retry-after"] == "2"
            writer.release()
            assert total(client) == 7
    finally:
        writer.release()


def test_a_database_that_is_not_wartas(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    with TestClient(create_app(db=str(other), snapshot_dir=str(tmp_path))) as client:
        resp = client.get("/api/events")
        assert resp.status_code == 503
        assert resp.json()["error"]["code"] == "not_a_warta_database"
    text = tmp_path / "notes.duckdb"
    text.write_text("this is not a database\n" * 100)
    with TestClient(create_app(db=str(text), snapshot_dir=str(tmp_path))) as client:
        resp = client.get("/api/events")
        assert resp.status_code == 503
        assert resp.json()["error"]["code"] == "database_unavailable"


def test_snapshots_are_replaced_and_removed(db: Path, tmp_path: Path) -> None:
    (tmp_path / "snap").mkdir()
    corpus = CorpusDB(db, snapshot_dir=tmp_path / "snap", check_every=0)
    folder = next((tmp_path / "snap").iterdir())
    with corpus.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    assert len(list(folder.glob("*.duckdb"))) == 1
    held = corpus.cursor()
    old = held.__enter__()  # a request still reading the old copy during the refresh
    Writer(db, batches=2).release()
    assert corpus.refresh() is True
    assert old.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    assert len(list(folder.glob("*.duckdb"))) == 2
    held.__exit__(None, None, None)
    assert len(list(folder.glob("*.duckdb"))) == 1  # retired and unused: removed
    with corpus.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM articles").fetchone()[0] == 8
    assert corpus.refresh() is False  # nothing changed
    corpus.close()
    assert not folder.exists()
    with pytest.raises(CorpusUnavailable), corpus.cursor():
        pass


def test_a_copy_is_refused_while_locked_and_taken_after(db: Path, tmp_path: Path) -> None:
    corpus = CorpusDB(db, snapshot_dir=tmp_path)
    writer = Writer(db, batches=1)
    try:
        with pytest.raises(WriterActive):
            corpus.refresh()
    finally:
        writer.release()
    assert corpus.refresh() is True
    corpus.close()


def test_the_source_removed_keeps_the_last_copy_in_service(db: Path, tmp_path: Path) -> None:
    app = create_app(db=str(db), snapshot_dir=str(tmp_path), check_every=0.0)
    with TestClient(app) as client:
        assert total(client) == 6
        db.unlink()
        assert total(client) == 6
        assert wait_for(lambda: client.get("/api/health").json()["corpus"]["error"] is not None)
        assert "no such database" in client.get("/api/health").json()["corpus"]["error"]


@pytest.mark.slow
def test_the_page_keeps_working_during_a_real_ingest(db: Path, tmp_path: Path) -> None:
    """`warta ingest` into the database the server serves: every request succeeds, the
    ingest succeeds, and the page catches up batch by batch while it runs (the ingest lets
    go of the file between batches), not only once it has finished."""
    (tmp_path / "snap").mkdir()
    more = write_jsonl(tmp_path / "more.jsonl", articles(60))
    app = create_app(db=str(db), snapshot_dir=str(tmp_path / "snap"), check_every=0.1)
    with TestClient(app) as client:
        assert total(client) == 6
        ingest = subprocess.Popen(
            [sys.executable, "-m", "warta.cli", "ingest", str(ARTICLES), str(more), "--db",
             str(db), "-q", "--batch", "4", "--release-every", "0"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        codes: list[int] = []
        totals: set[int] = set()
        while ingest.poll() is None:
            for url in ("/api/articles?limit=5", "/api/events?limit=5", "/api/stats/timeline",
                        "/api/stats/top", "/api/quotes?speaker=retno", "/api/actors/joko_widodo"):
                resp = client.get(url)
                codes.append(resp.status_code)
                if url.startswith("/api/articles"):
                    totals.add(resp.json()["total"])
            time.sleep(0.05)
        out, err = ingest.communicate()
        assert ingest.returncode == 0, err
        assert "ingested 64" in out
        assert len(codes) > 20 and set(codes) == {200}
        assert totals <= set(range(6, 71))
        assert any(6 < t < 70 for t in totals), totals  # refreshed during the ingest
        assert wait_for(lambda: total(client) == 70, timeout=20)
