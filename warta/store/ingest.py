"""The ingest loop: inputs → partitions → a runner → the store, streaming all the way.

    reader ──► dedupe (store + in flight) ──► partition ──► runner.map ──► store.add
    (files, WARC)   skip what is stored        N inputs      pipe() + rows    a few partitions,
                                                                              one transaction

Memory stays flat whatever the input size: inputs are read lazily, a runner holds a few
partitions at most, the rows waiting for their transaction are those of ``commit_rows``
articles and one partition at most, and the store keeps nothing per article in memory (its
dedupe and cluster indexes are tables).

Exactly once, even after SIGKILL: partitions are committed in transactions together with
their articles' content hashes; a run started again skips every input whose hash is
stored (before analysing it) and carries on with the rest.
"""

from __future__ import annotations

import gzip
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..config import Options
from ..doc import Article
from ..errors import InputError, WartaError
from ..io.readers import DEFAULT_MAX_BYTES, KNOWN_SUFFIXES, iter_path, iter_stdin
from ..io.warc import HtmlRecord, is_warc, iter_warc_records
from ..runners import Runner
from ..runners.local import LocalRunner
from ..runners.work import AnalysedPartition, Item, Partition, merge_partitions
from .base import DEFAULT_BATCH, DEFAULT_COMMIT, DEFAULT_COMMIT_WAIT, BatchReport, Store
from .rows import content_hash, raw_hash

Input = Article | HtmlRecord | WartaError


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0  # inputs whose content was already stored (or twice in the input)
    errors: int = 0  # inputs or articles that failed (each is in the errors table)
    new_errors: int = 0  # of those, not recorded by an earlier run
    inputs: int = 0  # records read
    batches: int = 0
    embedded: int = 0
    renamed: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def rate(self) -> float:
        return self.inputs / self.seconds if self.seconds else 0.0

    def summary(self, db: str) -> str:
        parts = [f"ingested {self.ingested:,}", f"skipped {self.duplicates:,} as duplicates",
                 f"{self.errors:,} error{'s' if self.errors != 1 else ''}"]
        if self.errors:
            parts[-1] += f" ({self.new_errors:,} new; see the errors table)"
        rate = f"{self.rate:,.0f}" if self.rate >= 10 else f"{self.rate:.1f}"
        line = (f"{', '.join(parts)} — {self.inputs:,} inputs in {self.seconds:.1f} s "
                f"({rate}/s) into {db}")
        if self.renamed:
            line += f"; {self.renamed} ids were taken by other content and got a ~hash suffix"
        if self.interrupted:
            line += "; INTERRUPTED: run the same command again to resume"
        return line


class Progress(Protocol):
    def set_total(self, total: int) -> None: ...

    def advance(self, n: int) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    def set_total(self, total: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


# ------------------------------------------------------------------------- inputs
def _ingestible(p: Path) -> bool:
    if is_warc(p):
        return True
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in KNOWN_SUFFIXES


def input_files(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Each path, folders expanded (recursively, sorted); "-" stays "-" (standard input)."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(os.path.expanduser(p))
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and _ingestible(f))
            if not files:
                yield InputError("the folder holds no .txt, .html, .jsonl or .warc files",
                                 source=str(path))
            yield from files
        else:
            yield path


def iter_inputs(paths: Iterable[str], *, encoding: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Input]:
    """Articles, undecoded WARC pages and errors, in input order."""
    for f in input_files(paths):
        if isinstance(f, InputError):
            yield f
        elif f == "-":
            yield from iter_stdin(encoding=encoding, max_bytes=max_bytes)
        elif is_warc(f):
            yield from iter_warc_records(f, max_bytes=max_bytes)
        else:
            yield from iter_path(Path(f), encoding=encoding, max_bytes=max_bytes)


def estimate_inputs(paths: Iterable[str], stop: threading.Event | None = None) -> int:
    """About how many records the inputs hold (lines of JSON Lines, records of WARC files).

    Only for the progress bar's ETA; runs in a background thread while the ingest starts.
    """
    total = 0
    for f in input_files(paths):
        if stop is not None and stop.is_set():
            break
        if isinstance(f, InputError) or f == "-":
            total += 1
            continue
        name = str(f).lower()
        is_lines = any(name.endswith(s) or name.endswith(s + ".gz")
                       for s in (".jsonl", ".ndjson", ".json"))
        if not (is_lines or is_warc(f)):
            total += 1
            continue
        marker = b"\n" if is_lines else b"WARC-Type: response"
        try:
            opener = gzip.open if name.endswith(".gz") else open
            with opener(f, "rb") as fh:  # type: ignore[operator]
                n = 0
                tail = b""
                while chunk := fh.read(1 << 22):
                    if stop is not None and stop.is_set():
                        break
                    n += (tail + chunk).count(marker) - tail.count(marker)
                    tail = chunk[-len(marker):]
                total += max(n, 1)
        except (OSError, EOFError, ValueError):
            total += 1
    return total


def _item(x: Article | HtmlRecord) -> Item:
    if isinstance(x, HtmlRecord):
        return Item(x, raw_hash(x.html, x.url), x.offset, x.source)
    pos = x.line if x.line is not None else x.extras.get("offset")
    return Item(x, content_hash(x.text, x.url, x.title), pos, x.source)


def make_partitions(inputs: Iterable[Input], store: Store, *, size: int, in_flight: set[str]
                    ) -> Iterator[Partition]:
    """Cut the inputs into partitions of ``size`` items, dropping what need not be analysed.

    An input whose hash is stored, or is on its way to the store in an earlier partition,
    or appeared earlier in this one, is counted as a duplicate and not analysed.
    """
    index = 0
    part = Partition(index)

    def flush() -> Partition:
        nonlocal index, part
        done = part
        hashes = [it.input_hash for it in done.items]
        stored = store.seen_inputs(hashes) if hashes else set()
        kept = []
        for it in done.items:
            if it.input_hash in stored or it.input_hash in in_flight:
                done.skipped += 1
            else:
                in_flight.add(it.input_hash)
                kept.append(it)
        done.items = kept
        index += 1
        part = Partition(index)
        return done

    for x in inputs:
        part.n_inputs += 1
        if isinstance(x, WartaError):
            part.errors.append(x)
        else:
            part.items.append(_item(x))
        if len(part.items) >= size or len(part.errors) >= size:
            yield flush()
    if part.n_inputs:
        yield flush()


# ------------------------------------------------------------------------- the loop
def ingest(paths: Iterable[str], store: Store, *, runner: Runner | None = None,
           options: Options | None = None, batch: int = DEFAULT_BATCH,
           encoding: str | None = None, progress: Progress | None = None,
           on_batch: Callable[[AnalysedPartition, BatchReport], None] | None = None,
           commit_rows: int = DEFAULT_COMMIT, commit_wait: float = DEFAULT_COMMIT_WAIT,
           ) -> IngestReport:
    """Analyse the inputs and store them; return what happened.

    Partitions of ``batch`` inputs are analysed (the unit of work of a runner) and committed
    in groups: a transaction holds at least ``commit_rows`` articles and errors, or what
    has waited ``commit_wait`` seconds since it was analysed, or what is left at the end.
    Fewer, larger transactions cost the store less (each one scans the clusterer's indexes
    and writes every table); the wait bounds how stale the database is during a slow run.

    Raises StoreError if the store cannot be written (nothing of the failing transaction is
    stored); every other failure of an input or article is recorded and the run goes on.
    """
    paths = list(paths)
    options = options or Options()
    runner = runner or LocalRunner()
    progress = progress or NoProgress()
    report = IngestReport()
    in_flight: set[str] = set()
    stop = threading.Event()
    if "-" not in paths:
        threading.Thread(target=lambda: progress.set_total(estimate_inputs(paths, stop)),
                         daemon=True, name="warta-count-inputs").start()
    t0 = time.perf_counter()
    inputs = iter_inputs(paths, encoding=encoding, max_bytes=options.max_bytes)
    parts = make_partitions(inputs, store, size=max(1, batch), in_flight=in_flight)
    pending: list[AnalysedPartition] = []  # analysed, waiting to be committed together
    pending_rows = 0
    waiting_since = 0.0

    def commit() -> None:
        nonlocal pending, pending_rows
        if not pending:
            return
        group = merge_partitions(pending)
        pending, pending_rows = [], 0
        rep = store.add(group)
        in_flight.difference_update(group.input_hashes)
        report.batches += 1
        report.inputs += group.n_inputs
        report.ingested += rep.added
        report.duplicates += group.skipped + rep.duplicates
        report.errors += rep.errors
        report.new_errors += rep.new_errors
        report.embedded += rep.embedded
        report.renamed += rep.renamed
        if on_batch is not None:
            on_batch(group, rep)

    try:
        for result in runner.map(parts, options):
            progress.advance(result.n_inputs)
            if not pending:
                waiting_since = time.monotonic()
            pending.append(result)
            pending_rows += result.n_items + result.tables["errors"].num_rows
            if pending_rows >= commit_rows or time.monotonic() - waiting_since >= commit_wait:
                commit()
        commit()
    except KeyboardInterrupt:
        report.interrupted = True
        try:
            commit()  # what was analysed before the interrupt is kept
        except KeyboardInterrupt:
            pass
    finally:
        stop.set()
        report.seconds = time.perf_counter() - t0
        progress.close()
    return report
