"""`warta ingest`, `warta query`, `warta export`: thin commands over the store library.

Exit codes as everywhere in Warta: 0 everything succeeded; 1 some inputs or articles failed
(recorded in the errors table, the rest stored); 2 bad usage or nothing could be done
(the database cannot be opened or written, a refused query).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TextIO

from ..errors import WartaError
from .base import DEFAULT_BATCH, DEFAULT_COMMIT

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    print(f"warta: {msg}", file=sys.stderr)


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


# ------------------------------------------------------------------------- ingest
def cmd_ingest(args: argparse.Namespace) -> int:
    from ..config import Options
    from ..runners import make_runner
    from . import open_store
    from .ingest import ingest
    from .progress import make_progress

    options = Options()
    if args.max_mb:
        options = options.with_(max_bytes=int(args.max_mb * 1024 * 1024))
    # lets go of the file between batches, so that the page and queries can catch up
    store = open_store(args.db, share=True, release_every=args.release_every)
    runner = None
    try:
        runner = make_runner(workers=args.workers, scheduler=args.scheduler)
        progress = make_progress(quiet=args.quiet)
        report = ingest(args.paths, store, runner=runner, options=options, batch=args.batch,
                        encoding=args.encoding, progress=progress, commit_rows=args.commit,
                        commit_wait=args.release_every)
    finally:
        if runner is not None:
            runner.close()
        store.close()
    print(report.summary(args.db))
    if report.interrupted:
        return 130
    return EXIT_PARTIAL if report.errors else EXIT_OK


# ------------------------------------------------------------------------- query
def _cell(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _text_cell(value: Any, width: int = 60) -> str:
    if value is None:
        return ""
    s = str(_cell(value)).replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def write_table(columns: list[str], rows: list[tuple[Any, ...]], out: TextIO) -> None:
    cells = [[_text_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[k]) for r in cells]) for k, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def cmd_query(args: argparse.Namespace) -> int:
    from . import open_store

    with open_store(args.db, read_only=True) as store:
        result = store.query(args.sql)
        out = sys.stdout
        if args.format == "csv":
            w = csv.writer(out)
            w.writerow(result.columns)
            for row in result.rows:
                w.writerow([_cell(v) for v in row])
        elif args.format == "json":
            out.write("[")
            for k, row in enumerate(result.rows):
                rec = {c: _cell(v) for c, v in zip(result.columns, row, strict=True)}
                out.write(("," if k else "") + "\n  " + json.dumps(rec, ensure_ascii=False,
                                                                  default=str))
            out.write("\n]\n")
        else:
            rows = []
            for row in result.rows:
                rows.append(row)
                if len(rows) >= args.limit:
                    break
            write_table(result.columns, rows, out)
            if len(rows) >= args.limit:
                print(f"(stopped at {args.limit} rows: use --limit, or --format csv|json "
                      "for everything)", file=sys.stderr)
    return EXIT_OK


# ------------------------------------------------------------------------- export
def cmd_export(args: argparse.Namespace) -> int:
    from .duckdb_store import DuckDBStore
    from .export import EVENT_FORMATS, export_events, export_tables

    with DuckDBStore(args.db, read_only=True, sandbox=False) as store:
        if args.format in EVENT_FORMATS:
            if args.out and args.out != "-":
                with open(args.out, "w", encoding="utf-8", newline="") as fh:
                    export_events(store, args.format, fh)
                print(f"wrote {args.out}", file=sys.stderr)
            else:
                export_events(store, args.format, sys.stdout)
            return EXIT_OK
        out = args.out or f"warta-export-{args.format}"
        written = export_tables(store, args.format, out, args.table or None)
        for path in written:
            print(path)
    return EXIT_OK


# ------------------------------------------------------------------------- parsers
def add_parser(sub: Any) -> None:
    """Register ingest, query and export on the `warta` command's sub-parsers."""
    p = sub.add_parser(
        "ingest", help="analyse a corpus into a database (resumable, deduplicated)",
        description="Analyse articles and store everything found in a DuckDB database. "
                    "Inputs: folders (recursive), .txt, .html, .jsonl(.gz), .warc(.gz), '-'. "
                    "Content already stored is skipped, so a killed run resumes when started "
                    "again. Bad inputs go to the errors table; the run goes on.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", required=True, metavar="FILE", help="the database (created if new)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, metavar="N",
                       help="analyse on a local Dask cluster of N worker processes")
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="analyse on an existing Dask cluster")
    p.add_argument("--batch", type=_positive, default=DEFAULT_BATCH, metavar="N",
                   help=f"articles per partition, the unit of work of a process or Dask worker "
                        f"(default {DEFAULT_BATCH})")
    p.add_argument("--commit", type=_positive, default=DEFAULT_COMMIT, metavar="N",
                   help="articles per transaction, at least: partitions are committed in groups "
                        "of N articles, or sooner once one has waited --release-every seconds "
                        f"(default {DEFAULT_COMMIT:,}; 1 = every partition on its own)")
    p.add_argument("--release-every", type=float, default=5.0, metavar="SECONDS",
                   help="let go of the database between transactions at most this often, so "
                        "that `warta serve` and `warta query` can read it during the run "
                        "(closing after a write checkpoints, which costs time), and commit "
                        "what was analysed at least this often (default 5, 0 = after every "
                        "partition)")
    p.add_argument("--encoding", help="decode inputs with this encoding instead of UTF-8")
    p.add_argument("--max-mb", type=float, help="refuse single articles larger than this (default 20)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "query", help="run a read-only SQL query on a database",
        description="Run SQL on a Warta database, read-only (SELECT, WITH, DESCRIBE, SHOW, "
                    "EXPLAIN). Tables: articles, entities, actors, quotes, events, dates, "
                    "flags, clusters, cluster_links, errors; views: events_named, "
                    "story_events, daily_counts.")
    p.add_argument("sql", metavar="SQL")
    p.add_argument("--db", required=True, metavar="FILE")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--limit", type=_positive, default=1000,
                   help="rows shown in table format (default 1000)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser(
        "export", help="export a database as Parquet, CSV, PLOVER or GDELT records",
        description="parquet/csv: one file per table and view into the folder --out "
                    "(default warta-export-FORMAT/); plover/gdelt: event records to --out "
                    "(default standard output).")
    p.add_argument("--db", required=True, metavar="FILE")
    p.add_argument("--format", choices=("parquet", "csv", "plover", "gdelt"), required=True)
    p.add_argument("--out", metavar="PATH")
    p.add_argument("--table", action="append", metavar="NAME",
                   help="parquet/csv: only this table or view (repeatable)")
    p.set_defaults(func=cmd_export)


def run(argv: list[str]) -> int:
    """For tests: parse and run one of these commands, translating errors like the CLI."""
    parser = argparse.ArgumentParser(prog="warta")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except WartaError as err:
        _err(str(err))
        return EXIT_USAGE
