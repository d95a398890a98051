"""Exports of a store: tables as Parquet or CSV, events as PLOVER or GDELT-style records.

Parquet and CSV write one file per table and analyst view (``articles.parquet``,
``story_events.parquet``, …) into a folder, through DuckDB's own writers (streaming, so the
size of the store does not matter). PLOVER and GDELT hand the stored analysis dicts, one
article at a time, to the writers of :mod:`warta.export` (the same ones ``warta analyze``
output is exported with).
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .base import StoreError
from .duckdb_store import USER_TABLES, USER_VIEWS, DuckDBStore

TABLE_FORMATS = ("parquet", "csv")
EVENT_FORMATS = ("plover", "gdelt")


def export_tables(store: DuckDBStore, fmt: str, out: str | Path, tables: list[str] | None = None
                  ) -> list[Path]:
    """Write each table (default: all tables and views for analysts) to ``out``/NAME.fmt.

    With a single table and an ``out`` ending in .parquet/.csv, that file is written.
    """
    names = tables or [*USER_TABLES, *USER_VIEWS]
    known = {*USER_TABLES, *USER_VIEWS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise StoreError(f"unknown table {', '.join(unknown)} (tables: {', '.join(sorted(known))})")
    out = Path(out)
    if len(names) == 1 and out.suffix.lower() == f".{fmt}":
        targets = [(names[0], out)]
        out.parent.mkdir(parents=True, exist_ok=True)
    else:
        out.mkdir(parents=True, exist_ok=True)
        targets = [(n, out / f"{n}.{fmt}") for n in names]
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
    written = []
    for name, path in targets:
        order = " ORDER BY seq" if name == "articles" else ""
        sql_path = str(path).replace("'", "''")
        try:
            store.con.execute(f"COPY (SELECT * FROM {name}{order}) TO '{sql_path}' ({options})")
        except Exception as err:  # duckdb.Error, OSError: name the file
            raise StoreError(f"cannot write {path}: {str(err).splitlines()[0]}") from None
        written.append(path)
    return written


def analysis_dicts(store: DuckDBStore, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """The stored analyses as ``Article.as_dict()`` gave them (plus cluster_id), in ingest order."""
    cur = store.con.execute(
        "SELECT id, text, analysis, cluster_id, source, position FROM articles ORDER BY seq")
    while rows := cur.fetchmany(chunk):
        for aid, text, analysis, cluster_id, source, position in rows:
            d = json.loads(analysis) if analysis else {}
            d["id"] = aid
            d["text"] = text
            d["cluster_id"] = cluster_id
            d.setdefault("source", source)
            d.setdefault("position", position)
            yield d


def event_writer(fmt: str) -> Any:
    """The writer function of ``warta.export.<fmt>`` (written beside the events stage)."""
    try:
        mod = importlib.import_module(f"warta.export.{fmt}")
    except ModuleNotFoundError:
        raise StoreError(f"the {fmt.upper()} export is not available in this installation "
                         f"(warta.export.{fmt} is missing)") from None
    for name in (f"write_{fmt}", "write", f"to_{fmt}", "export"):
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    public = [n for n, f in inspect.getmembers(mod, inspect.isfunction)
              if f.__module__ == mod.__name__ and not n.startswith("_")]
    raise StoreError(f"warta.export.{fmt} has no writer function (found: {', '.join(public)})")


def export_events(store: DuckDBStore, fmt: str, out: TextIO) -> Any:
    """PLOVER or GDELT-style records of every stored article's events, to ``out``."""
    return event_writer(fmt)(analysis_dicts(store), out)
