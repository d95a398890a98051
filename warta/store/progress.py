"""The ingest progress bar: records done, rate and ETA, on standard error.

Shown only on a terminal (a log file or a pipe gets the summary line alone). The total is
estimated in the background (lines of JSON Lines files, records of WARC files), so the bar
starts at once and the ETA appears when the count is known.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any


class BarProgress:
    def __init__(self, label: str = "ingest") -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn

        self._t0 = time.perf_counter()
        self._lock = threading.Lock()
        self._done = 0
        self._total: int | None = None
        self._bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[count]}"),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[eta]}"),
            console=Console(file=sys.stderr),
            transient=False,
            refresh_per_second=4,
        )
        self._task = self._bar.add_task(label, total=None, count="0", rate="", eta="ETA ?")
        self._bar.start()

    def _fields(self) -> dict[str, Any]:
        elapsed = max(time.perf_counter() - self._t0, 1e-9)
        rate = self._done / elapsed
        if self._total:
            count = f"{self._done:,}/{max(self._total, self._done):,}"
            left = max(self._total - self._done, 0)
            eta = f"ETA {_clock(left / rate)}" if rate > 0 else "ETA ?"
        else:
            count, eta = f"{self._done:,}", "ETA ?"
        return {"count": count, "rate": f"{rate:,.0f}/s", "eta": eta}

    def set_total(self, total: int) -> None:
        with self._lock:
            self._total = total
            self._bar.update(self._task, total=max(total, self._done), **self._fields())

    def advance(self, n: int) -> None:
        with self._lock:
            self._done += n
            total = max(self._total, self._done) if self._total else None
            self._bar.update(self._task, completed=self._done, total=total, **self._fields())

    def close(self) -> None:
        with self._lock:
            self._bar.stop()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def make_progress(quiet: bool = False) -> Any:
    """A bar on a terminal; nothing when quiet or when standard error is not a terminal."""
    from .ingest import NoProgress

    if quiet or not sys.stderr.isatty():
        return NoProgress()
    return BarProgress()
