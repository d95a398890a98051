"""`warta serve`: the HTTP API and the page, on loopback by default."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app
    from .db import CorpusUnavailable, WriterActive

    if args.db and not os.path.exists(args.db):
        print(f"warta: {args.db}: no such database (create it with: warta ingest PATH --db {args.db})",
              file=sys.stderr)
        return 2
    if args.snapshot_dir and not os.path.isdir(args.snapshot_dir):
        print(f"warta: {args.snapshot_dir}: no such folder", file=sys.stderr)
        return 2
    app = create_app(db=args.db, snapshot_dir=args.snapshot_dir)
    corpus = app.state.corpus
    if corpus is not None:
        # The first copy now, so that a file that is not a Warta database is said at once.
        try:
            corpus.refresh()
        except WriterActive:
            print(f"warta: {args.db} is being written by another process (an ingest?); the "
                  "corpus pages answer 503 until it lets go of the file", file=sys.stderr)
        except CorpusUnavailable as err:
            corpus.close()
            print(f"warta: {err.message}", file=sys.stderr)
            return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warta: warning: listening on {args.host}: anyone who can reach this machine can "
              "use the API and read the corpus (there is no authentication)", file=sys.stderr)
    where = f"http://{args.host}:{args.port}/"
    what = f"the corpus in {args.db}" if args.db else "the analysis API (no corpus database)"
    print(f"warta: serving {what} at {where} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        if corpus is not None:
            corpus.close()
    return 0


def add_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the web page",
                       description="Serve the HTTP API (its OpenAPI spec at /openapi.json) and the "
                                   "page. Bound to 127.0.0.1 unless --host says otherwise. The "
                                   "database is read from a private copy, refreshed when it "
                                   "changes, so `warta ingest` can write it meanwhile.")
    p.add_argument("--db", help="a Warta database (never written)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--snapshot-dir", metavar="DIR",
                   help="where the copy of the database goes (default: the system's temp folder; "
                        "it needs room for two copies)")
    p.set_defaults(func=cmd_serve)
