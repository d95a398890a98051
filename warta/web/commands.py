"""`warta serve`: the HTTP API and the page, on loopback by default."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    if args.db and not os.path.exists(args.db):
        print(f"warta: {args.db}: no such database (create it with: warta ingest PATH --db {args.db})",
              file=sys.stderr)
        return 2
    app = create_app(db=args.db)
    where = f"http://{args.host}:{args.port}/"
    print(f"warta: serving {'the corpus in ' + args.db if args.db else 'the analysis API'} at {where}",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def add_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the web page",
                       description="Serve the HTTP API (OpenAPI at /docs and /openapi.json) and the "
                                   "page. Bound to 127.0.0.1 unless --host says otherwise.")
    p.add_argument("--db", help="a Warta database (opened read-only)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.set_defaults(func=cmd_serve)
