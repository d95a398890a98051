"""The unit of work every runner executes: analyse one partition of articles into rows.

``analyse_partition`` is the same function whether it runs in the ingesting process or in
a Dask worker on another machine: it runs ``Pipeline.pipe`` (the one analysis code path)
over the partition and turns each result into the store's rows, plus what the clusterer
needs (MinHash signature and LSH band keys, anchors, the lead). Doing that here, not in
the process that writes the database, is what lets the work spread over workers.
"""

from __future__ import annotations

import ctypes
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..cluster import anchors as anchor_mod
from ..cluster import minhash
from ..config import Options
from ..doc import Article
from ..errors import InputError, WartaError
from ..io.warc import HtmlRecord
from ..store.rows import SCHEMAS, RowBuilder


@dataclass(slots=True)
class Item:
    """One input record on its way to analysis."""

    payload: Article | HtmlRecord
    input_hash: str
    position: int | None
    source: str | None


@dataclass
class Partition:
    """A batch of inputs: analysed together, committed together."""

    index: int
    items: list[Item] = field(default_factory=list)
    errors: list[WartaError] = field(default_factory=list)  # inputs that could not be read
    n_inputs: int = 0  # records consumed, including skipped duplicates (for progress)
    skipped: int = 0  # duplicates dropped before analysis


@dataclass
class AnalysedPartition:
    index: int
    tables: dict[str, pa.Table]
    input_hashes: list[str]
    n_inputs: int
    skipped: int
    n_items: int


def _articles(items: list[Item]) -> Iterator[Article | WartaError]:
    for item in items:
        payload, item.payload = item.payload, None  # type: ignore[assignment]
        # the item lets go of its article: an analysed article (tokens, entities…) is large,
        # and a partition must not keep a thousand of them alive until it is done
        if isinstance(payload, HtmlRecord):
            try:
                yield payload.to_article()
            except InputError as err:
                yield err
        else:
            yield payload


def analyse_partition(part: Partition, options: Options | None = None) -> AnalysedPartition:
    """Analyse every item of ``part``; failures become error rows, never exceptions."""
    from ..pipeline import get_pipeline

    rows = RowBuilder()
    for err in part.errors:
        rows.add_error(err)
    # Building the pipeline loads models: not for a partition of skipped duplicates.
    outputs = get_pipeline(options).pipe(_articles(part.items)) if part.items else iter(())
    for i, (item, out) in enumerate(zip(part.items, outputs, strict=True)):
        if isinstance(out, WartaError):
            if out.source is None:
                out.source = item.source
            rows.add_error(out, position=item.position)
            continue
        add_analysis(rows, i, out.as_dict(), source=item.source or out.source,
                     position=item.position, input_hash=item.input_hash)
    return AnalysedPartition(
        index=part.index, tables=rows.tables(), input_hashes=[it.input_hash for it in part.items],
        n_inputs=part.n_inputs, skipped=part.skipped, n_items=len(part.items),
    )


def add_analysis(rows: RowBuilder, i: int, d: dict, *, source: str | None = None,
                 position: int | None = None, input_hash: str | None = None) -> None:
    """The rows of one analysis dict, with what the clusterer needs (signature, anchors, lead)."""
    text = d["text"]
    sig = minhash.signature(text)
    lead = anchor_mod.lead_of(text, d.get("sentences") or [])
    title = d.get("title")
    rows.add_article(
        i, d, source=source, position=position, input_hash=input_hash, sig=sig.tobytes(),
        bands=minhash.band_keys(sig).tolist(), anchors=anchor_mod.anchors(title, lead),
        lead=f"{title.rstrip('. ')}. {lead}" if title else lead,
    )


def partition_of_dicts(index: int, analyses: list[dict], *, source: str | None = None
                       ) -> AnalysedPartition:
    """A partition of analyses made elsewhere (``warta analyze --format jsonl`` output)."""
    rows = RowBuilder()
    for i, d in enumerate(analyses):
        add_analysis(rows, i, d, source=source or d.get("source"), position=d.get("position"))
    return AnalysedPartition(index=index, tables=rows.tables(), input_hashes=[],
                             n_inputs=len(analyses), skipped=0, n_items=len(analyses))


def merge_partitions(parts: list[AnalysedPartition]) -> AnalysedPartition:
    """Consecutive analysed partitions as one, to be committed in one transaction.

    Rows find their article by ``_i``, the item's index in its partition; in the merged
    partition it is shifted by the items of the partitions before.
    """
    if len(parts) == 1:
        return parts[0]
    tables: dict[str, list[pa.Table]] = {}
    offset = 0
    for part in parts:
        for name, table in part.tables.items():
            if offset and table.num_rows and "_i" in table.schema.names:
                col = table.schema.get_field_index("_i")
                shifted = pc.add(table.column(col), pa.scalar(offset, pa.int32()))
                table = table.set_column(col, table.schema.field(col), shifted)
            tables.setdefault(name, []).append(table)
        offset += part.n_items
    return AnalysedPartition(
        index=parts[0].index,
        tables={name: pa.concat_tables(ts) for name, ts in tables.items()},
        input_hashes=[h for part in parts for h in part.input_hashes],
        n_inputs=sum(part.n_inputs for part in parts), skipped=sum(part.skipped for part in parts),
        n_items=offset,
    )


def to_parquet(result: AnalysedPartition) -> dict[str, object]:
    """The partition as Parquet bytes per table: what a worker sends back."""
    payload: dict[str, object] = {
        "index": result.index, "input_hashes": result.input_hashes, "n_inputs": result.n_inputs,
        "skipped": result.skipped, "n_items": result.n_items, "tables": {},
    }
    for name, table in result.tables.items():
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd")
        payload["tables"][name] = buf.getvalue()  # type: ignore[index]
    return payload


def from_parquet(payload: dict[str, object]) -> AnalysedPartition:
    tables = {name: pq.read_table(io.BytesIO(data), schema=SCHEMAS[name])
              for name, data in payload["tables"].items()}  # type: ignore[attr-defined]
    return AnalysedPartition(
        index=payload["index"], tables=tables, input_hashes=payload["input_hashes"],  # type: ignore[arg-type]
        n_inputs=payload["n_inputs"], skipped=payload["skipped"], n_items=payload["n_items"],  # type: ignore[arg-type]
    )


def analyse_to_parquet(part: Partition, options: Options | None = None) -> dict[str, object]:
    """What a Dask worker runs: analyse, then write the rows as Parquet."""
    tune_allocator()
    payload = to_parquet(analyse_partition(part, options))
    release_memory()
    return payload


_tuned = False


def tune_allocator() -> None:
    """Undo the allocator setting Dask gives its workers, which slows the analysis by ~10%.

    Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so that glibc returns
    memory eagerly; for this allocation-heavy Python code that costs ~10% of throughput
    (measured: 186 vs 165 articles/s). Thresholds close to glibc's own dynamic ones restore
    the speed, and :func:`release_memory` after each partition keeps memory in check.
    """
    global _tuned
    if _tuned or not sys.platform.startswith("linux"):
        return
    _tuned = True
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-1, 128 << 20)  # M_TRIM_THRESHOLD
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        pass


def release_memory() -> None:
    """Hand freed heap pages back to the system after a partition (glibc keeps them).

    A partition's rows are many small objects, freed together; without this, every
    worker process keeps its high-water mark (measured: ~60-100 MB each).
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass
