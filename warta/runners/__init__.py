"""Runners: where the analysis of a corpus runs. One interface, two implementations.

    LocalRunner   analyse each partition in this process (the default)
    DaskRunner    a local Dask cluster of N worker processes (``--workers N``), or an
                  existing cluster (``--scheduler tcp://HOST:PORT``)

Both run the same :func:`~warta.runners.work.analyse_partition` over the same partitions
and hand the results back in partition order, so the store receives identical rows
whichever runner made them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..config import Options
from .work import AnalysedPartition, Partition


class Runner(Protocol):
    name: str

    def map(self, partitions: Iterable[Partition], options: Options) -> Iterator[AnalysedPartition]:
        """Analyse each partition; yield the results in the order of the partitions.

        ``partitions`` is consumed lazily, a few ahead of the results at most, so that a
        corpus of any size streams through in bounded memory.
        """
        ...

    def close(self) -> None: ...


def make_runner(workers: int | None = None, scheduler: str | None = None) -> Runner:
    """The runner the command line asked for."""
    if scheduler or (workers and workers > 0):
        from .dask_runner import DaskRunner

        return DaskRunner(workers=workers, scheduler=scheduler)
    from .local import LocalRunner

    return LocalRunner()


__all__ = ["AnalysedPartition", "Partition", "Runner", "make_runner"]
