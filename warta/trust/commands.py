"""`warta check FILE…`: the trust report of each article."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from rich.console import Console
from rich.text import Text


def render_trust(result: dict[str, Any], console: Console) -> None:
    trust = result.get("trust") or {}
    score = trust.get("stale_score", 0.0)
    style = "bold red" if score >= 0.5 else "bold yellow" if score >= 0.2 else "bold green"
    head = Text.assemble((f"{result.get('id')}", "bold"), "  published ",
                         (str(result.get("published") or "unknown"), "bold"),
                         "  stale-news score ", (f"{score:.2f}", style))
    console.print(head)
    flags = result.get("flags") or []
    if not flags:
        console.print(Text("  no trust flags raised", style="green"))
        console.print()
        return
    for f in flags:
        console.print(Text.assemble("  ⚑ ", (f.get("kind", ""), "bold red"),
                                    f"  (confidence {f.get('confidence', 0):.2f})"))
        console.print(Text("    " + f.get("message", "")))
        for key, value in (f.get("evidence") or {}).items():
            if key in ("start", "end"):
                continue
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            console.print(Text(f"      {key}: {shown}"[:300], style="dim"))
    parts = ", ".join(f"{p['kind']} {p['contribution']:.2f}" for p in trust.get("parts", []))
    console.print(Text(f"  score parts: {parts}", style="dim"))
    console.print()


def cmd_check(args: argparse.Namespace) -> int:
    from ..cli import EXIT_OK, EXIT_PARTIAL, analyzed
    from ..errors import WartaError

    console = Console(force_terminal={"always": True, "never": False}.get(args.color),
                      no_color=args.color == "never", highlight=False)
    if args.db and not os.path.exists(args.db):
        print(f"warta: {args.db}: no such database (create it with: warta ingest PATH --db {args.db})",
              file=sys.stderr)
        return 2
    failed = 0
    results = []
    for res in analyzed(args):
        if isinstance(res, WartaError):
            failed += 1
            print(f"warta: {res}", file=sys.stderr)
            continue
        if args.db:
            from ..doc import Flag
            from .copies import check_copies
            from .score import stale_score

            res["flags"] = res["flags"] + check_copies(res, args.db)
            res["trust"] = stale_score([Flag(**f) for f in res["flags"]])
        if args.format == "json":
            results.append({k: res[k] for k in ("id", "published", "lang", "flags", "trust")})
        else:
            render_trust(res, console)
    if args.format == "json":
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2))
    return EXIT_PARTIAL if failed else EXIT_OK


def add_parser(sub: Any) -> None:
    from ..cli import _add_input_args

    p = sub.add_parser("check", help="trust report: recycled, re-dated, machine-translated?",
                       description="Check articles for role anachronisms, internal time "
                                   "inconsistencies, translation and spinning traces and, with "
                                   "--db, earlier copies in a corpus; print a stale-news score with "
                                   "its parts.")
    _add_input_args(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--db", help="a corpus database (warta ingest) to look for earlier copies in")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(func=cmd_check)
