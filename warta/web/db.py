"""Read-only access to a corpus database that an ingest may be writing at the same time.

DuckDB lets one process write a database file and no other process open it meanwhile: the
writer holds an exclusive lock on the file, a reader a shared one (which in turn stops a
writer from opening it). ``warta ingest`` holds its lock while it reads or writes a batch and
lets go while it analyses the next. So the server never reads the database file in place;
it serves every query from a *snapshot*:

    source file ──(copied under DuckDB's shared lock, only when it changed)──► snapshot-N
                                                                               │ read-only
    requests ─── cursor() ─────────────────────────────────────────────────────┘

- A snapshot is a private copy of the file (and of its write-ahead log, if any), made while
  this process holds a read-only DuckDB connection on the source: no writer can hold the
  lock then, so the copy is a consistent, committed state. Requests read the snapshot
  through one read-only connection (a cursor each), so they never touch the source.
- When the source changes (size or mtime of the file or its WAL), the next request starts
  a refresh in the background. If a writer holds the lock, the attempt fails within a few
  milliseconds; requests go on being served from the last good snapshot and the server
  tries again a second later. An ingest therefore never stops the page; the page shows
  what was committed when the ingest last let go of the file (between two batches).
- The server holds the shared lock only while copying, and copies at most ``copy_share``
  of the time (a copy that took 1 s is not repeated for 9 s), so that an ingest rarely
  meets it; if it does, the ingest waits for the copy to finish (DuckDBStore's
  ``lock_wait``) and goes on.

The snapshot directory (system temp by default, ``--snapshot-dir`` otherwise) needs room
for one copy of the database, two during a refresh; it is removed when the server stops.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from ..errors import WartaError

Signature = tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]


class CorpusUnavailable(WartaError):
    """No snapshot can be served: the database is missing, not a Warta store, or a writer
    has held it since the server started (``retry_after`` seconds is a fair wait)."""

    def __init__(self, message: str, *, code: str = "database_unavailable",
                 retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message, self.code, self.retry_after = message, code, retry_after


class WriterActive(CorpusUnavailable):
    """Another process holds the write lock on the database (an ingest, most likely)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="database_busy", retry_after=2)


def _is_lock_error(err: Exception) -> bool:
    return "lock" in str(err).lower()


@dataclass
class _Snapshot:
    path: Path
    con: duckdb.DuckDBPyConnection
    signature: Signature
    taken_at: datetime
    number: int = 0
    users: int = 0
    retired: bool = False
    extra: list[Path] = field(default_factory=list)

    def remove(self) -> None:
        try:
            self.con.close()
        except duckdb.Error:
            pass
        for p in (self.path, *self.extra):
            p.unlink(missing_ok=True)


def _cleanup(directory: Path) -> None:
    shutil.rmtree(directory, ignore_errors=True)


class CorpusDB:
    """The corpus database of a server: ``with db.cursor() as cur: cur.execute(...)``."""

    def __init__(self, path: str | Path, *, snapshot_dir: str | Path | None = None,
                 check_every: float = 1.0, copy_share: float = 0.1, first_wait: float = 3.0,
                 threads: int = 2, memory_limit: str = "512MB",
                 memo_budget: int = 64 * 1024 * 1024) -> None:
        self.path = Path(path)
        self.wal = Path(str(self.path) + ".wal")
        self.check_every, self.copy_share, self.first_wait = check_every, copy_share, first_wait
        self._config: dict[str, Any] = {"threads": threads, "memory_limit": memory_limit,
                                        # our SQL is fixed, but no query may read other files
                                        "enable_external_access": False}
        self._dir = Path(tempfile.mkdtemp(prefix="warta-serve-", dir=snapshot_dir))
        self._finalizer = weakref.finalize(self, _cleanup, self._dir)
        self._lock = threading.Lock()  # guards the fields below
        self._take_lock = threading.Lock()  # one copy at a time
        self._current: _Snapshot | None = None
        self._refreshing = False
        self._next_check = 0.0
        self._not_before = 0.0
        self._n = 0
        self.refreshes = 0
        # Serialised answers of the snapshot in service, newest last, within a byte budget.
        self._memo: OrderedDict[tuple[int, str], bytes] = OrderedDict()
        self._memo_bytes = 0
        self.memo_budget = memo_budget
        self.writer_seen_at: datetime | None = None  # the last attempt that met a writer
        self.last_error: str | None = None
        self.closed = False

    # ------------------------------------------------------------------ reading
    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the newest snapshot; raises CorpusUnavailable when there is none."""
        snap = self._acquire()
        cur = snap.con.cursor()
        try:
            yield cur
        finally:
            try:
                cur.close()
            finally:
                self._release(snap)

    def _acquire(self) -> _Snapshot:
        with self._lock:
            if self.closed:
                raise CorpusUnavailable("the server is shutting down", retry_after=1)
            snap = self._current
            if snap is not None:
                snap.users += 1
        if snap is None:
            return self._first_snapshot()
        self.check()
        return snap

    def check(self) -> None:
        """Start a refresh in the background if the source changed (cheap: two stat calls,
        at most every ``check_every`` seconds)."""
        with self._lock:
            snap, now = self._current, time.monotonic()
            if snap is None or self._refreshing or self.closed or now < self._next_check:
                return
            self._next_check = now + self.check_every
            if now < self._not_before or self.signature() == snap.signature:
                return
            self._refreshing = True
        threading.Thread(target=self._background_refresh, daemon=True,
                         name="warta-snapshot").start()

    # Answers computed on a snapshot hold as long as it is served, since a snapshot never
    # changes. Keys carry the snapshot's number: an answer computed while a newer snapshot
    # came into service is stored under the older number, where nothing looks for it.
    def generation(self) -> int:
        """The number of the snapshot in service (0: none yet); checks the source first."""
        self.check()
        with self._lock:
            return self._current.number if self._current is not None else 0

    def memo_get(self, generation: int, key: str) -> bytes | None:
        with self._lock:
            body = self._memo.get((generation, key))
            if body is not None:
                self._memo.move_to_end((generation, key))
            return body

    def memo_put(self, generation: int, key: str, body: bytes) -> None:
        if not generation or len(body) > self.memo_budget // 8:
            return
        with self._lock:
            if self._current is None or self._current.number != generation:
                return  # a newer snapshot is in service already
            if (generation, key) not in self._memo:
                self._memo[(generation, key)] = body
                self._memo_bytes += len(body)
            while self._memo_bytes > self.memo_budget:
                _, old = self._memo.popitem(last=False)
                self._memo_bytes -= len(old)

    def _release(self, snap: _Snapshot) -> None:
        with self._lock:
            snap.users -= 1
            gone = snap.retired and snap.users == 0
        if gone:
            snap.remove()

    # ------------------------------------------------------------------ snapshots
    def signature(self) -> Signature:
        """What changes when a writer commits: inode, size and mtime of the file and WAL."""
        out: list[tuple[int, int, int] | None] = []
        for p in (self.path, self.wal):
            try:
                st = p.stat()
                out.append((st.st_ino, st.st_size, st.st_mtime_ns))
            except OSError:
                out.append(None)
        return out[0], out[1]

    def _first_snapshot(self) -> _Snapshot:
        """Take the first snapshot, waiting up to ``first_wait`` s for a writer to let go."""
        deadline = time.monotonic() + self.first_wait
        pause = 0.05
        while True:
            with self._lock:
                if self._current is not None:
                    self._current.users += 1
                    return self._current
            try:
                self.refresh()
            except WriterActive:
                if time.monotonic() + pause > deadline:
                    raise WriterActive(
                        f"{self.path.name} is being written by another process (an ingest?) "
                        "and the server has no earlier copy of it yet; try again shortly"
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    def refresh(self) -> bool:
        """Take a new snapshot now if the source changed (or there is none); True if taken.

        Raises WriterActive when a writer holds the lock, CorpusUnavailable when the file is
        missing or not a Warta store; the current snapshot (if any) stays in service."""
        with self._take_lock:
            with self._lock:
                current = self._current
            if current is not None and self.signature() == current.signature:
                return False
            try:
                snap = self._take()
            except WriterActive:
                with self._lock:
                    self.writer_seen_at = datetime.now(UTC)
                raise
            except CorpusUnavailable as err:
                with self._lock:
                    self.last_error = err.message
                raise
            with self._lock:
                old, self._current = self._current, snap
                self._memo.clear()  # answers about the old snapshot
                self._memo_bytes = 0
                self.refreshes += 1
                self.last_error = None
                snap_gone = self.closed
                old_gone = False
                if old is not None:
                    old.retired = True
                    old_gone = old.users == 0
            if old_gone and old is not None:
                old.remove()
            if snap_gone:
                snap.remove()
            return True

    def _background_refresh(self) -> None:
        try:
            self.refresh()
        except CorpusUnavailable:
            pass  # recorded; the last good snapshot stays in service
        except Exception as err:  # never let a refresh thread die silently
            with self._lock:
                self.last_error = f"{type(err).__name__}: {err}"
        finally:
            with self._lock:
                self._refreshing = False

    def _take(self) -> _Snapshot:
        t0 = time.monotonic()
        if not self.path.exists():
            raise CorpusUnavailable(f"{self.path}: no such database (create it with: "
                                    f"warta ingest PATH --db {self.path})")
        try:
            # Holding this read-only connection holds DuckDB's shared lock: while it is open
            # no writer can open the file, so what we copy is one committed state.
            src = duckdb.connect(str(self.path), read_only=True, config={"threads": 1})
        except duckdb.Error as err:
            if _is_lock_error(err):
                raise WriterActive(f"{self.path.name} is locked by a writer") from None
            raise CorpusUnavailable(f"cannot open {self.path}: {str(err).splitlines()[0]}") from None
        try:
            tables = {r[0] for r in src.execute(
                "SELECT table_name FROM information_schema.tables").fetchall()}
            if not {"articles", "events", "story_events"} <= tables:
                raise CorpusUnavailable(f"{self.path} is not a Warta database (no articles, "
                                        "events and story_events)", code="not_a_warta_database")
            signature = self.signature()
            self._n += 1
            dest = self._dir / f"snapshot-{self._n}.duckdb"
            shutil.copyfile(self.path, dest)
            extra: list[Path] = []
            if self.wal.exists():  # committed work not yet checkpointed into the file
                extra.append(Path(str(dest) + ".wal"))
                shutil.copyfile(self.wal, extra[0])
        except OSError as err:
            raise CorpusUnavailable(f"cannot copy {self.path} to {self._dir}: {err}") from None
        finally:
            src.close()
        try:
            con = duckdb.connect(str(dest), read_only=True, config=self._config)
        except duckdb.Error as err:
            raise CorpusUnavailable(f"the copy of {self.path} cannot be opened: "
                                    f"{str(err).splitlines()[0]}") from None
        took = time.monotonic() - t0
        with self._lock:
            # Copy at most copy_share of the time: a slow copy is not repeated at once.
            self._not_before = time.monotonic() + took * (1 / self.copy_share - 1)
        return _Snapshot(dest, con, signature, datetime.now(UTC), number=self._n, extra=extra)

    # ------------------------------------------------------------------ status
    def status(self) -> dict[str, Any]:
        """For /api/health: how fresh the served snapshot is and whether a writer is busy."""
        self.check()
        with self._lock:
            snap = self._current
            out: dict[str, Any] = {
                "snapshot_taken_at": snap.taken_at.isoformat(timespec="seconds") if snap else None,
                "refreshes": self.refreshes,
                "writer_seen_at": (self.writer_seen_at.isoformat(timespec="seconds")
                                   if self.writer_seen_at else None),
                "error": self.last_error,
            }
        out["changed_since_snapshot"] = snap is not None and self.signature() != snap.signature
        return out

    def close(self) -> None:
        """Close every snapshot and remove the snapshot directory."""
        with self._lock:
            self.closed = True
            snap, self._current = self._current, None
        if snap is not None:
            snap.remove()
        self._finalizer()
