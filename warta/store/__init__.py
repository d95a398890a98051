"""Where analysed articles are kept and queried: a small interface and its DuckDB default.

    >>> from warta.store import open_store
    >>> with open_store("warta.duckdb") as store:          # created on first use
    ...     report = store.add(analysed_partition)         # one atomic batch
    >>> with open_store("warta.duckdb", read_only=True) as store:
    ...     result = store.query("SELECT type, count(*) FROM story_events GROUP BY type")

The schema is ``schema.sql`` beside this file. The ingest loop (``ingest.py``) feeds a
store from any runner; the commands (``commands.py``) are ``warta ingest``, ``warta
query`` and ``warta export``.
"""

from __future__ import annotations

from pathlib import Path

from .base import BatchReport, QueryResult, Store, StoreError


def open_store(path: str | Path, *, read_only: bool = False, **options: object) -> Store:
    """The store at ``path`` (a DuckDB file; the only backend so far)."""
    from .duckdb_store import DuckDBStore

    return DuckDBStore(path, read_only=read_only, **options)  # type: ignore[arg-type]


__all__ = ["BatchReport", "QueryResult", "Store", "StoreError", "open_store"]
