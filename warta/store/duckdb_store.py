"""The default store: one embedded DuckDB file (schema in ``schema.sql``).

Why DuckDB: one file an analyst can copy, columnar storage that keeps a corpus of millions
of articles small, fast SQL for the analysts' questions (counts by day, type and dyad), and
transactions with a write-ahead log, so that a batch is either wholly in the database or
not at all, whatever happens to the process (SIGKILL, a full disk, a bug).

One writer at a time: DuckDB locks the file while a connection is open. A store opened
with ``share=True`` (what ``warta ingest`` does) lets go of the file between its
operations, so ``warta serve`` can refresh its snapshot and ``warta query`` can run during
a long ingest. Closing after a write checkpoints the database (~45 ms per 500 articles
written since the last checkpoint), so a sharing store does that at most every
``release_every`` seconds and otherwise keeps the file, whose changes wait in the
write-ahead log; closing when nothing was written since is cheap and always done. Opening a
locked file is retried for ``lock_wait`` seconds before a clear error; because another
writer may have added articles meanwhile, every ``add`` reads the next ingest number from
the file inside its transaction.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..cluster import minhash
from ..cluster.clusterer import assign
from ..cluster.embed import DIM
from .base import BatchReport, QueryResult, StoreError

if TYPE_CHECKING:
    from ..runners.work import AnalysedPartition

SCHEMA_VERSION = "1"
SCHEMA_SQL = Path(__file__).with_name("schema.sql")
# The parameters the stored LSH band keys were made with: another value makes them useless.
INDEX_PARAMS = {
    "minhash_num_perm": str(minhash.NUM_PERM),
    "minhash_bands": str(minhash.BANDS),
    "minhash_rows": str(minhash.ROWS),
    "minhash_seed": str(minhash.SEED),
    "minhash_shingle": str(minhash.SHINGLE),
}
CHILD_TABLES = ("entities", "quotes", "events", "dates", "flags")
# Tables and views an analyst exports; the rest are the clusterer's indexes.
USER_TABLES = ("articles", "entities", "actors", "quotes", "events", "dates", "flags",
               "clusters", "cluster_links", "errors")
USER_VIEWS = ("events_named", "story_events", "daily_counts")
# Statements `warta query` runs; anything else could write (COPY … TO writes files).
READ_ONLY_STATEMENTS = {"SELECT", "EXPLAIN"}


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _explain_open_error(path: str, err: Exception) -> str:
    msg = str(err)
    m = re.search(r"PID (\d+)", msg)
    if "lock" in msg.lower():
        who = f" (process {m[1]})" if m else ""
        return (f"{path} is in use by another process{who}, probably an ingest: "
                "wait for it to finish, or query a copy of the file")
    if "not a valid" in msg.lower() or "database file" in msg.lower():
        return f"{path} is not a DuckDB database: {msg.splitlines()[0]}"
    return f"cannot open {path}: {msg.splitlines()[0]}"


class DuckDBStore:
    """A Warta store in a DuckDB file (created on first use unless read-only)."""

    def __init__(self, path: str | Path, *, read_only: bool = False, sandbox: bool = True,
                 memory_limit: str = "128MB", threads: int | None = 1, share: bool = False,
                 release_every: float = 5.0, lock_wait: float = 60.0) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.share = share
        self.release_every = release_every
        self.lock_wait = lock_wait
        self._written = False  # written since the file was last closed (closing checkpoints)
        self._closed_at = time.monotonic()
        self.lock_waits = 0  # opens that met another process's lock and waited (for tests, logs)
        # Small and single-threaded by default: the store shares the machine with the
        # analysis (2 cores here), its per-batch work is small, and every DuckDB thread
        # keeps its own malloc arena (measured: +50-100 MB RSS with 2 threads).
        config: dict[str, Any] = {"memory_limit": memory_limit}
        if threads:
            config["threads"] = threads
        if not read_only:
            # No vacuum at checkpoints. DuckDB 2 compacts the small row groups an ingest leaves
            # behind, and those compactions grow with the table: on 50,000 articles some
            # checkpoints took 1.4-6 s instead of ~45 ms, and the store cost 0.83 ms/article
            # instead of 0.49. The price is more, smaller row groups (one per checkpoint) and
            # unreclaimed space for the few rows deleted (clusters): after `make bench` the
            # file holding 45,450 articles is 290 MB instead of 233 (at 10,000 articles it is
            # smaller, 63 MB instead of 67). One vacuum at the end would take longer than all
            # the checkpoints together and leave the file larger still (measured).
            config["max_vacuum_tasks"] = 0
        if read_only:
            if not Path(self.path).exists():
                raise StoreError(f"{self.path}: no such database (create it with `warta ingest`)")
            if sandbox:  # a query must not read or write files beyond the database
                config["enable_external_access"] = False
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._config = config
        self._con: duckdb.DuckDBPyConnection | None = None
        self._in_use = 0  # nesting depth of _session(): release only at the outermost
        if read_only:
            self._check_is_warta()
        else:
            self._create()
        self._next_seq = self._scalar("SELECT coalesce(max(seq), 0) + 1 FROM articles")
        self._langs: set[str] = set() if read_only else {
            r[0] for r in self.con.execute(
                "SELECT DISTINCT lang FROM anchors WHERE lang IS NOT NULL").fetchall()}
        self._batch_langs: set[str] = set()
        self.release()

    # ---------------------------------------------------------------- the connection
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection; opened (waiting out another process's lock) when needed."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait
        pause = 0.02
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only, config=self._config)
            except duckdb.Error as err:
                if "lock" not in str(err).lower() or time.monotonic() + pause > deadline:
                    raise StoreError(_explain_open_error(self.path, err)) from None
                self.lock_waits += 1
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    def release(self, *, force: bool = False) -> None:
        """Let go of the file if this store shares it (``share=True``); reopened on next use.

        After a write only once ``release_every`` seconds have passed since the file was
        last closed (or with ``force``): closing then checkpoints, which costs time.
        """
        if not self.share or self._in_use or self._con is None:
            return
        if force or not self._written or \
                time.monotonic() - self._closed_at >= self.release_every:
            self._disconnect()

    def _disconnect(self) -> None:
        self._written = False
        self._closed_at = time.monotonic()
        con, self._con = self._con, None
        if con is not None:
            try:
                con.close()  # checkpoints: the file alone holds everything committed
            except duckdb.Error:
                pass

    def _session(self) -> _Session:
        return _Session(self)

    # ---------------------------------------------------------------- setup
    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.con.execute(sql, list(params)).fetchall()  # fetch all: leave no open result
        return rows[0][0] if rows else None

    def _check_is_warta(self) -> None:
        names = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if "articles" not in names or "meta" not in names:
            raise StoreError(f"{self.path} is not a Warta store (it has no articles table)")

    def _create(self) -> None:
        try:
            self.con.execute("BEGIN")
            self.con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
            meta = dict(self.con.execute("SELECT key, value FROM meta").fetchall())
            if not meta:
                rows = [("schema_version", SCHEMA_VERSION), *INDEX_PARAMS.items()]
                self.con.executemany("INSERT INTO meta VALUES (?, ?)", rows)
            else:
                if meta.get("schema_version") != SCHEMA_VERSION:
                    raise StoreError(f"{self.path} has schema version {meta.get('schema_version')}, "
                                     f"this Warta reads version {SCHEMA_VERSION}")
                changed = [k for k, v in INDEX_PARAMS.items() if meta.get(k) != v]
                if changed:
                    raise StoreError(f"{self.path} was clustered with other MinHash parameters "
                                     f"({', '.join(changed)}): ingest into a new database")
            self.con.execute("COMMIT")
        except StoreError:
            self.con.execute("ROLLBACK")
            raise
        except duckdb.Error as err:
            self._rollback()
            raise StoreError(f"cannot create the schema in {self.path}: {err}") from None

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # no transaction open, or the connection is gone; the file is intact

    def close(self) -> None:
        if getattr(self, "_con", None) is not None:
            self._disconnect()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- lookups
    def _probe(self, values: Sequence[Any], type_: pa.DataType) -> None:
        self.con.register("_probe", pa.table({"v": pa.array(list(values), type=type_)}))

    def _existing(self, column: str, values: Sequence[str]) -> set[str]:
        if not values:
            return set()
        self._probe(values, pa.string())
        rows = self.con.execute(
            f"SELECT DISTINCT {column} FROM articles WHERE {column} IN (SELECT v FROM _probe)"
        ).fetchall()
        return {r[0] for r in rows}

    def _by_seq(self, table: str, columns: str, seqs: Sequence[int]) -> list[tuple[Any, ...]]:
        if not seqs:
            return []
        self._probe(seqs, pa.int64())
        return self.con.execute(
            f"SELECT seq, {columns} FROM {table} WHERE seq IN (SELECT v FROM _probe)").fetchall()

    def seen_inputs(self, input_hashes: Sequence[str]) -> set[str]:
        with self._session():
            return self._existing("input_hash", input_hashes)

    def count(self, table: str = "articles") -> int:
        with self._session():
            return int(self._scalar(f"SELECT count(*) FROM {table}"))

    # ---------------------------------------------------------------- ClusterIndex
    def band_pairs(self, first_seq: int, top_k: int) -> list[tuple[int, int, int]]:
        return self.con.execute(
            """
            SELECT b.seq, o.seq AS other, count(*) AS shared
            FROM (SELECT band, seq FROM lsh_bands WHERE seq >= ?) b
            JOIN lsh_bands o ON o.band = b.band AND o.seq < b.seq
            GROUP BY b.seq, o.seq
            QUALIFY row_number() OVER (PARTITION BY b.seq ORDER BY shared DESC, other) <= ?
            """,
            [first_seq, top_k],
        ).fetchall()

    def anchor_pairs(self, first_seq: int, *, min_shared: int, window_days: int,
                     top_k: int) -> list[tuple[int, int, int]]:
        return self.con.execute(
            """
            SELECT b.seq, o.seq AS other, count(*) AS shared
            FROM (SELECT * FROM anchors WHERE seq >= ? AND lang IS NOT NULL) b
            JOIN anchors o ON o.anchor = b.anchor AND o.seq < b.seq
            WHERE o.lang IS NOT NULL AND o.lang <> b.lang
              AND (b.day IS NULL OR o.day IS NULL OR abs(b.day - o.day) <= ?)
            GROUP BY b.seq, o.seq
            HAVING count(*) >= ?
            QUALIFY row_number() OVER (PARTITION BY b.seq ORDER BY shared DESC, other) <= ?
            """,
            [first_seq, window_days, min_shared, top_k],
        ).fetchall()

    def languages(self) -> set[str]:
        return self._langs | self._batch_langs

    def signatures(self, seqs: Sequence[int]) -> dict[int, np.ndarray]:
        return {s: np.frombuffer(sig, dtype=np.uint32)
                for s, sig in self._by_seq("minhashes", "sig", seqs)}

    def cluster_ids(self, seqs: Sequence[int]) -> dict[int, int]:
        return {s: c for s, c in self._by_seq("articles", "cluster_id", seqs)}

    def cached_embeddings(self, seqs: Sequence[int]) -> dict[int, np.ndarray]:
        return {s: np.asarray(v, dtype=np.float32)
                for s, v in self._by_seq("embeddings", "vec", seqs)}

    def leads(self, seqs: Sequence[int]) -> dict[int, str]:
        return {s: lead for s, lead in self._by_seq("leads", "lead", seqs)}

    def save_embeddings(self, vecs: dict[int, np.ndarray]) -> None:
        if not vecs:
            return
        seqs = list(vecs)
        flat = pa.array(np.stack([vecs[s] for s in seqs]).astype(np.float32).ravel())
        table = pa.table({"seq": pa.array(seqs, pa.int64()),
                          "vec": pa.FixedSizeListArray.from_arrays(flat, DIM)})
        self.con.register("_b_vecs", table)
        self.con.execute("INSERT INTO embeddings SELECT seq, vec FROM _b_vecs")
        self.con.unregister("_b_vecs")

    # ---------------------------------------------------------------- loading
    def _unique_ids(self, ids: list[str], hashes: list[str]) -> tuple[list[str], int]:
        """Ids unique in the store: a taken id gets "~" and a prefix of the content hash."""
        taken = self._existing("id", ids)
        out: list[str] = []
        used: set[str] = set()
        renamed = 0
        for aid, h in zip(ids, hashes, strict=True):
            new = aid
            attempt = 0
            while new in taken or new in used:
                new = f"{aid}~{h[:8 + 4 * attempt]}" if attempt < 7 else f"{aid}~{h}~{attempt}"
                attempt += 1
                taken |= self._existing("id", [new])
            renamed += new != aid
            used.add(new)
            out.append(new)
        return out, renamed

    def add(self, batch: AnalysedPartition) -> BatchReport:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        report = BatchReport(errors=batch.tables["errors"].num_rows)
        with self._session():
            self._written = True
            return self._add_in_transaction(batch, report)

    def _add_in_transaction(self, batch: AnalysedPartition, report: BatchReport) -> BatchReport:
        try:
            self.con.execute("BEGIN")
            if self.share:  # another writer may have taken turns with us since the last batch
                self._next_seq = self._scalar("SELECT coalesce(max(seq), 0) + 1 FROM articles")
            n = self._add(batch, report)
            self.con.execute("COMMIT")
        except BaseException as err:
            self._rollback()
            self._batch_langs = set()
            if isinstance(err, duckdb.Error | OSError):
                reason = str(err).splitlines()[0]
                raise StoreError(
                    f"cannot write {self.path}: {reason} — nothing of this batch was stored; "
                    "the database holds every batch committed before it (run again to resume)"
                ) from None
            raise
        finally:
            for name in ("_probe", "_idmap", "_b_articles", "_b_errors", "_touched", "_relabel",
                         "_links", *(f"_b_{t}" for t in CHILD_TABLES)):
                try:
                    self.con.unregister(name)
                except (duckdb.Error, AttributeError):
                    pass
        self._next_seq += n
        self._langs |= self._batch_langs
        self._batch_langs = set()
        return report

    def _add(self, batch: AnalysedPartition, report: BatchReport) -> int:
        con = self.con
        now = _utcnow()
        arts = batch.tables["articles"]
        # 1. Content already stored (or twice in this batch): skip.
        hashes = arts.column("content_hash").to_pylist()
        stored = self._existing("content_hash", hashes)
        keep: list[int] = []
        seen: set[str] = set()
        for k, h in enumerate(hashes):
            if h in stored or h in seen:
                report.duplicates += 1
            else:
                keep.append(k)
                seen.add(h)
        if len(keep) < arts.num_rows:
            arts = arts.take(pa.array(keep, pa.int64()))
        n = arts.num_rows

        if n:
            # 2. Ids and ingest order.
            ids, report.renamed = self._unique_ids(arts.column("id").to_pylist(),
                                                   arts.column("content_hash").to_pylist())
            first = self._next_seq
            seqs = np.arange(first, first + n, dtype=np.int64)
            seq_arr = pa.array(seqs)

            # 3. The clusterer's indexes for this batch, then the clusters.
            bands = arts.column("bands")
            con.register("_b_bands", pa.table({
                "band": pc.list_flatten(bands),
                "seq": pc.take(seq_arr, pc.list_parent_indices(bands)),
            }))
            con.execute("INSERT INTO lsh_bands SELECT band, seq FROM _b_bands")
            con.unregister("_b_bands")
            sig_bytes = arts.column("sig").to_pylist()
            con.register("_b_sigs", pa.table({"seq": seq_arr,
                                               "sig": pa.array(sig_bytes, pa.binary())}))
            con.execute("INSERT INTO minhashes SELECT seq, sig FROM _b_sigs")
            con.unregister("_b_sigs")
            anchors = arts.column("anchors")
            parents = pc.list_parent_indices(anchors)
            con.register("_b_anchors", pa.table({
                "anchor": pc.list_flatten(anchors),
                "seq": pc.take(seq_arr, parents),
                "lang": pc.take(arts.column("lang"), parents),
                "day": pc.take(arts.column("published"), parents),
            }))
            con.execute("INSERT INTO anchors SELECT anchor, seq, lang, day FROM _b_anchors")
            con.unregister("_b_anchors")
            con.register("_b_leads", pa.table({"seq": seq_arr, "lead": arts.column("lead")}))
            con.execute("INSERT INTO leads SELECT seq, lead FROM _b_leads")
            con.unregister("_b_leads")
            self._batch_langs = {x for x in arts.column("lang").to_pylist() if x}

            sigs = np.frombuffer(b"".join(sig_bytes), dtype=np.uint32).reshape(n, minhash.NUM_PERM)
            asg = assign([int(s) for s in seqs], sigs, self)
            report.embedded = asg.embedded
            if asg.relabel:
                con.register("_relabel", pa.table({
                    "old": pa.array(list(asg.relabel), pa.int64()),
                    "new": pa.array(list(asg.relabel.values()), pa.int64())}))
                con.execute("UPDATE articles SET cluster_id = r.new FROM _relabel r "
                            "WHERE articles.cluster_id = r.old")

            # 4. The articles and their rows.
            con.register("_idmap", pa.table({
                "_i": arts.column("_i"),
                "article_id": pa.array(ids, pa.string()),
                "seq": seq_arr,
                "cluster_id": pa.array([asg.cluster_of[int(s)] for s in seqs], pa.int64()),
            }))
            con.register("_b_articles", arts.drop_columns(["sig", "bands", "anchors", "lead"]))
            con.execute(
                """
                INSERT INTO articles
                SELECT m.article_id, m.seq, a.content_hash, a.input_hash, a.source, a.position,
                       a.lang, a.published, a.published_source, a.title, a.url, a.outlet,
                       a.text, a.analysis, ?, m.cluster_id
                FROM _b_articles a JOIN _idmap m USING (_i)
                ORDER BY m.seq
                """,
                [now],
            )
            for name in CHILD_TABLES:
                table = batch.tables[name]
                if not table.num_rows:
                    continue
                con.register(f"_b_{name}", table)
                cols = [f.name for f in table.schema if f.name != "_i"]
                extra_col, extra_val = ("event_id, ", "m.article_id || '-e' || (c.idx + 1), ") \
                    if name == "events" else ("", "")
                con.execute(
                    f"INSERT INTO {name} ({extra_col}article_id, {', '.join(cols)}) "
                    f"SELECT {extra_val}m.article_id, {', '.join('c.' + c for c in cols)} "
                    f"FROM _b_{name} c JOIN _idmap m USING (_i) ORDER BY m.seq, c.idx"
                )
            self._add_actors(batch)

            # 5. Why articles cluster, and the clusters they touched.
            if asg.links:
                self._add_links(asg.links, dict(zip((int(s) for s in seqs), ids, strict=True)))
            touched = set(asg.cluster_of.values()) | set(asg.relabel)
            con.register("_touched", pa.table({"c": pa.array(sorted(touched), pa.int64())}))
            con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT c FROM _touched)")
            con.execute(
                """
                INSERT INTO clusters
                SELECT cluster_id, count(*), count(DISTINCT outlet),
                       list_sort(list_distinct(list(lang))),
                       first(id ORDER BY published NULLS LAST, seq),
                       min(published), max(published)
                FROM articles WHERE cluster_id IN (SELECT c FROM _touched)
                GROUP BY cluster_id
                """
            )

        # 6. Errors, each recorded once however often the run meets it.
        errors = batch.tables["errors"]
        if errors.num_rows:
            con.register("_b_errors", errors)
            row = con.execute(
                """
                INSERT INTO errors
                SELECT error_key, source, position, kind, message, article_id, stage, ?
                FROM (SELECT *, row_number() OVER (PARTITION BY error_key) AS k FROM _b_errors)
                WHERE k = 1 AND error_key NOT IN (SELECT error_key FROM errors)
                """,
                [now],
            ).fetchall()
            report.new_errors = int(row[0][0]) if row else 0
        report.added = n
        return n

    def _add_actors(self, batch: AnalysedPartition) -> None:
        """Knowledge-base actors seen for the first time (their first mention names them)."""
        parts = []
        if batch.tables["entities"].num_rows:
            parts.append("SELECT e.actor_id, e.canonical AS name, e.country, e.sector, m.article_id,"
                         " m.seq, 0 AS part, e.idx FROM _b_entities e JOIN _idmap m USING (_i)")
        if batch.tables["events"].num_rows:
            for k, side in enumerate(("source", "target"), start=1):
                parts.append(f"SELECT e.{side}_actor_id, e.{side}_name, e.{side}_country, "
                             f"e.{side}_sector, m.article_id, m.seq, {k}, e.idx "
                             "FROM _b_events e JOIN _idmap m USING (_i)")
        if not parts:
            return
        self.con.execute(
            f"""
            INSERT INTO actors
            SELECT actor_id, arg_min(name, o), arg_min(country, o), arg_min(sector, o),
                   arg_min(article_id, o)
            FROM (SELECT *, [seq, part, idx] AS o
                  FROM ({' UNION ALL '.join(parts)}) AS u(actor_id, name, country, sector,
                                                         article_id, seq, part, idx))
            WHERE actor_id IS NOT NULL AND actor_id NOT IN (SELECT actor_id FROM actors)
            GROUP BY actor_id
            """
        )

    def _add_links(self, links: list[tuple[int, int, str, float]], batch_ids: dict[int, int | str]
                   ) -> None:
        outside = sorted({o for _, o, _, _ in links if o not in batch_ids})
        id_of: dict[int, Any] = dict(batch_ids)
        id_of.update(dict(self._by_seq("articles", "id", outside)))
        self.con.register("_links", pa.table({
            "article_id": pa.array([id_of[s] for s, _, _, _ in links], pa.string()),
            "linked_article_id": pa.array([id_of[o] for _, o, _, _ in links], pa.string()),
            "method": pa.array([m for _, _, m, _ in links], pa.string()),
            "score": pa.array([sc for _, _, _, sc in links], pa.float64()),
        }))
        self.con.execute("INSERT INTO cluster_links SELECT * FROM _links")

    # ---------------------------------------------------------------- reading
    def check_read_only(self, sql: str) -> None:
        """Refuse statements that could write (INSERT, COPY … TO, ATTACH, SET, …)."""
        try:
            statements = self.con.extract_statements(sql)
        except duckdb.Error as err:
            raise StoreError(f"cannot parse the query: {str(err).splitlines()[0]}") from None
        if not statements:
            raise StoreError("the query is empty")
        for st in statements:
            kind = st.type.name
            if kind not in READ_ONLY_STATEMENTS:
                raise StoreError(f"`warta query` is read-only: a {kind} statement is refused "
                                 "(only SELECT, WITH … SELECT, DESCRIBE, SHOW, EXPLAIN)")

    def query(self, sql: str, params: Sequence[Any] = ()) -> QueryResult:
        self.check_read_only(sql)
        try:
            cur = self.con.execute(sql, list(params))
        except duckdb.Error as err:
            raise StoreError(f"query failed: {str(err).strip()}") from None
        columns = [d[0] for d in (cur.description or [])]

        def rows() -> Iterator[tuple[Any, ...]]:
            while True:
                chunk = cur.fetchmany(2048)
                if not chunk:
                    return
                yield from chunk

        return QueryResult(columns, rows())


class _Session:
    """Hold the connection for one operation of a sharing store, then let go of the file."""

    def __init__(self, store: DuckDBStore) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store._in_use += 1

    def __exit__(self, *exc: object) -> None:
        self.store._in_use -= 1
        self.store.release()
