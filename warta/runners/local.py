"""The single-process runner: the partition function, called in a loop."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import Options
from .work import AnalysedPartition, Partition, analyse_partition


class LocalRunner:
    name = "local"

    def map(self, partitions: Iterable[Partition], options: Options) -> Iterator[AnalysedPartition]:
        for part in partitions:
            yield analyse_partition(part, options)

    def close(self) -> None:
        pass

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
