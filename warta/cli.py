"""The `warta` command: a thin layer over the library.

Exit codes: 0 everything succeeded; 1 some inputs or articles failed (each reported on
stderr in one line naming file, line and reason; the rest were processed); 2 bad usage or
nothing could be done.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from . import __version__
from .config import Options
from .doc import Article
from .errors import WartaError

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    print(f"warta: {msg}", file=sys.stderr)


def _options(args: argparse.Namespace) -> Options:
    opts = Options()
    if getattr(args, "max_mb", None):
        opts = opts.with_(max_bytes=int(args.max_mb * 1024 * 1024))
    return opts


def _apply_overrides(art: Article, args: argparse.Namespace) -> Article:
    if getattr(args, "published", None) and not art.published:
        art.published, art.published_source = args.published, "input"
    if getattr(args, "lang", None) and not art.lang:
        art.lang = args.lang
    return art


def analyzed(args: argparse.Namespace) -> Iterator[dict[str, Any] | WartaError]:
    """Analysis dicts (or errors) for the inputs named on the command line, in order."""
    from .io import iter_articles
    from .pipeline import get_pipeline

    opts = _options(args)
    pipeline = get_pipeline(opts)
    inputs = (
        a if isinstance(a, WartaError) else _apply_overrides(a, args)
        for a in iter_articles(args.paths or ["-"], fmt=args.input_format,
                               encoding=args.encoding, max_bytes=opts.max_bytes)
    )
    for out in pipeline.pipe(inputs):
        yield out if isinstance(out, WartaError) else out.as_dict()


def cmd_analyze(args: argparse.Namespace) -> int:
    from .io.readers import check_date

    if args.published:
        try:
            args.published = check_date(args.published, "--published", None)
        except WartaError as err:
            _err(str(err))
            return EXIT_USAGE
    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failed = ok = 0
    collected: list[dict[str, Any]] = []
    console = None
    if args.format == "text":
        from rich.console import Console

        color = {"always": True, "never": False}.get(args.color)
        console = Console(file=out, force_terminal=color, no_color=args.color == "never",
                          highlight=False, soft_wrap=False)
    try:
        for res in analyzed(args):
            if isinstance(res, WartaError):
                failed += 1
                _err(str(res))
                if args.format == "jsonl":
                    out.write(json.dumps({"id": res.article_id, "error": res.as_dict()}, ensure_ascii=False) + "\n")
                continue
            ok += 1
            if args.format == "jsonl":
                out.write(json.dumps(res, ensure_ascii=False) + "\n")
            elif args.format == "json":
                collected.append(res)
            else:
                from .report import render

                render(res, console)
        if args.format == "json":
            doc: Any = collected[0] if len(collected) == 1 else collected
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    finally:
        if args.output:
            out.close()
    if ok == 0 and failed:
        return EXIT_PARTIAL
    return EXIT_PARTIAL if failed else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from .eval.run import run_eval

    return run_eval(args)


def cmd_stages(args: argparse.Namespace) -> int:
    from .config import DEFAULT_STAGES
    from .pipeline import registry

    for name, spec in registry().items():
        mark = "*" if name in DEFAULT_STAGES else " "
        print(f"{mark} {name:<10} requires: {', '.join(spec.requires) or '-':<28} "
              f"provides: {', '.join(spec.provides):<12} {spec.doc}")
    return EXIT_OK


def _add_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="text, HTML or JSON Lines files, or folders; '-' or nothing reads stdin")
    p.add_argument("--input-format", choices=("auto", "text", "html", "jsonl"), default="auto",
                   help="how to read the inputs (default: by file suffix, else by content)")
    p.add_argument("--encoding", help="decode inputs with this encoding instead of UTF-8")
    p.add_argument("--published", help="the article date (YYYY-MM-DD) when the input gives none")
    p.add_argument("--lang", help="the language (id, en, ms) instead of detecting it")
    p.add_argument("--max-mb", type=float, help="refuse single articles larger than this (default 20)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Structured, trustworthy event data from Indonesian and English news.",
    )
    parser.add_argument("--version", action="version", version=f"warta {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse articles and print what was found",
                       description="Analyse articles: entities, quotes, events, dates, trust flags.")
    _add_input_args(p)
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                   help="text: a readable report; json / jsonl: the machine output")
    p.add_argument("--output", "-o", help="write to this file instead of stdout")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("eval", help="score the analysis against a gold file",
                       description="Precision, recall and F1 per part and language against gold "
                                   "articles (the rules of shared/gold/README.md).")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--pred", metavar="PRED.jsonl",
                   help="score these predictions instead of analysing the gold texts")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--details", metavar="PART", action="append",
                   help="list the misses of a part (persons, quotes, events_dyad, dates, …)")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("stages", help="list the registered pipeline stages")
    p.set_defaults(func=cmd_stages)

    for register in _extension_parsers():
        register(sub)
    return parser


def _extension_parsers() -> list[Any]:
    """Sub-command groups that live beside their library code (kb, ingest, serve, …)."""
    import importlib

    found = []
    for mod in ("warta.kb.commands", "warta.store.commands", "warta.web.commands",
                "warta.trust.commands", "warta.export.commands"):
        try:
            found.append(importlib.import_module(mod).add_parser)
        except ModuleNotFoundError as err:
            if err.name and mod.startswith(err.name):
                continue  # that group is not part of this installation
            _err(f"the commands of {mod} are unavailable: {err}")
        except Exception as err:  # one broken group must not take the others down
            _err(f"the commands of {mod} are unavailable: {type(err).__name__}: {err}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except WartaError as err:
        _err(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # the last guard: a bug must not print a traceback at the user
        _err(f"internal error: {type(err).__name__}: {err} (please report this; "
             "run with WARTA_DEBUG=1 for the traceback)")
        import os

        if os.environ.get("WARTA_DEBUG"):
            raise
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
