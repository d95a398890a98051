"""The ``warta kb`` commands: build, lookup, import-wikidata (thin layers over warta.kb).

Each handler returns an exit code (0 ok, 1 done with warnings worth attention, 2 failed)
and prints problems as one line each on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import KBError, WartaError

EXIT_OK, EXIT_WARN, EXIT_FAIL = 0, 1, 2
MAX_WARNINGS_SHOWN = 50


def _err(msg: str) -> None:
    print(f"warta kb: {msg}", file=sys.stderr)


def _warnings(problems: list[Any], verbose: bool) -> None:
    shown = problems if verbose else problems[:MAX_WARNINGS_SHOWN]
    for p in shown:
        print(f"warning: {p}", file=sys.stderr)
    if len(problems) > len(shown):
        print(f"… and {len(problems) - len(shown)} more warnings (use --verbose)",
              file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .build import DEFAULT_KB, build_kb

    try:
        report = build_kb(
            args.out or DEFAULT_KB,
            petrarch_dir=args.petrarch or "default",
            overlays=args.overlay or (),
        )
    except (WartaError, OSError) as err:
        _err(str(err))
        return EXIT_FAIL
    _warnings(report.problems, args.verbose)
    print(report.summary())
    return EXIT_OK


def _role_line(r: Any, held: bool) -> str:
    open_end = "open" + (f" (as of {r.as_of})" if r.as_of else "")
    span = f"{r.start or '?'} – {r.end or open_end}"
    what = r.role or (f"office ({r.code})" if r.code else "office")
    title = f" {r.title!r}" if r.title else ""
    where = f" [{r.country}]" if r.country else ""
    extra = f" ({r.portfolio})" if r.portfolio else ""
    mark = "  * " if held else "    "
    return f"{mark}{span:38} {what}{extra}{title}{where}"


def cmd_lookup(args: argparse.Namespace) -> int:
    from .store import load_kb, to_date

    day = None
    if args.date:
        day = to_date(args.date)
        if day is None or len(args.date) != 10:
            _err(f"--date {args.date!r} is not a date (use YYYY-MM-DD)")
            return EXIT_FAIL
    try:
        kb = load_kb(args.kb, tuple(args.overlay or ()))
    except KBError as err:
        _err(str(err))
        return EXIT_FAIL
    found = kb.lookup(args.name, day)
    if args.json:
        print(json.dumps([a.as_dict(day) for a, _ in found], ensure_ascii=False, indent=2))
        return EXIT_OK if found else EXIT_WARN
    if not found:
        print(f"no actor named {args.name!r} in the KB")
        return EXIT_WARN
    for actor, held in found[: args.limit]:
        country = f", {actor.country}" if actor.country else ""
        sector = f", {actor.sector}" if actor.sector else ""
        print(f"{actor.name}  ({actor.type}{country}{sector}; id {actor.id}; {actor.origin})")
        if actor.aliases:
            print(f"    also: {', '.join(actor.aliases[:12])}")
        for r in actor.roles:
            print(_role_line(r, held=r in held))
        if day is not None:
            if held:
                print(f"    on {day.isoformat()}: " + "; ".join(
                    (r.role or r.code or "office") + (f" [{r.country}]" if r.country else "")
                    for r in held))
            else:
                print(f"    on {day.isoformat()}: no office known")
    if len(found) > args.limit:
        print(f"({len(found) - args.limit} more actors of that name; use --limit)")
    return EXIT_OK


def cmd_import_wikidata(args: argparse.Namespace) -> int:
    from .build import DEFAULT_KB, OVERLAY_DIR, build_kb
    from .wikidata import import_wikidata

    dump = Path(args.dump)
    if not dump.exists():
        _err(f"{dump}: dump not found")
        return EXIT_FAIL
    out = Path(args.out) if args.out else OVERLAY_DIR / "wikidata.jsonl"
    try:
        report = import_wikidata(dump, out)
    except (WartaError, OSError) as err:
        _err(str(err))
        return EXIT_FAIL
    _warnings(report.problems, args.verbose)
    print(report.summary())
    in_overlays = out.resolve().parent == OVERLAY_DIR.resolve()
    if args.no_build:
        return EXIT_OK
    if not in_overlays:
        print(f"to use it: warta kb build --overlay {out}")
        return EXIT_OK
    built = build_kb(DEFAULT_KB)
    print(built.summary())
    return EXIT_OK


def add_parser(subparsers: Any) -> None:
    """Register the ``kb`` command group on an argparse subparsers object."""
    kb = subparsers.add_parser("kb", help="the knowledge base of actors: build, lookup, import")
    ksub = kb.add_subparsers(dest="kb_command", metavar="{build,lookup,import-wikidata}")
    kb.set_defaults(func=lambda args: (kb.print_help(), EXIT_FAIL)[1])

    p = ksub.add_parser("build", help="compile the KB from PETRARCH2, curated files, overlays")
    p.add_argument("--out", help="where to write the KB (default: the bundled kb.json.gz)")
    p.add_argument("--petrarch", help="the PETRARCH2 dictionaries folder "
                                      "(default: $WARTA_PETRARCH or ../shared/data/petrarch2)")
    p.add_argument("--overlay", action="append", metavar="FILE",
                   help="a YAML/CSV/JSONL overlay that adds or corrects actors (repeatable)")
    p.add_argument("--verbose", action="store_true", help="print every warning")
    p.set_defaults(func=cmd_build)

    p = ksub.add_parser("lookup", help="show an actor, its roles over time, the role on a date")
    p.add_argument("name")
    p.add_argument("--date", help="YYYY-MM-DD: mark the roles held on that day")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--kb", help="a KB file other than the bundled one")
    p.add_argument("--overlay", action="append", metavar="FILE")
    p.add_argument("--limit", type=int, default=5, help="show at most this many actors")
    p.set_defaults(func=cmd_lookup)

    p = ksub.add_parser("import-wikidata", help="import people and organisations from a "
                                                "Wikidata JSON dump (.json or .json.bz2)")
    p.add_argument("dump")
    p.add_argument("--out", help="the overlay to write (default: "
                                 "warta/kb/data/overlays/wikidata.jsonl, then rebuild)")
    p.add_argument("--no-build", action="store_true", help="do not rebuild the KB after")
    p.add_argument("--verbose", action="store_true")
    p.set_defaults(func=cmd_import_wikidata)
