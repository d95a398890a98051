"""Build warta/kb/data/kb.json.gz from all KB sources (what `make kb` runs).

    python scripts/build_kb.py [--out FILE] [--petrarch DIR] [--overlay FILE ...] [--strict]

Sources: countries (CLDR + press forms), the reference lists in warta/kb/data/*.yaml,
the curated files in warta/kb/data/curated/, overlays in warta/kb/data/overlays/ and on
the command line, and the PETRARCH2 dictionaries (default ../shared/data/petrarch2, or
$WARTA_PETRARCH). The build writes a temporary file and renames it into place, so the
existing KB is never left half-written. Warnings (bad rows, conflicting aliases) are
printed one per line; with --strict any warning from a curated file exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warta.errors import WartaError
from warta.kb.build import DEFAULT_KB, build_kb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_KB)
    ap.add_argument("--petrarch", type=Path, default=None)
    ap.add_argument("--overlay", type=Path, action="append", default=[])
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 when a curated/overlay file has problems")
    args = ap.parse_args(argv)
    try:
        report = build_kb(args.out, petrarch_dir=args.petrarch or "default",
                          overlays=args.overlay)
    except (WartaError, OSError) as err:
        print(f"build_kb: {err}", file=sys.stderr)
        return 2
    for p in report.problems:
        print(f"warning: {p}", file=sys.stderr)
    print(report.summary())
    curated_problems = [p for p in report.problems if "Phoenix." not in str(p)]
    return 1 if args.strict and curated_problems else 0


if __name__ == "__main__":
    sys.exit(main())
