"""The Dask runner: partitions analysed by Dask workers, results loaded here in order.

``DaskRunner(workers=N)`` starts a LocalCluster of N single-threaded worker processes (the
analysis is pure Python: processes, not threads, give parallelism), and
``DaskRunner(scheduler="tcp://host:8786")`` connects to a running cluster. Each worker runs
:func:`~warta.runners.work.analyse_to_parquet` on whole partitions (large tasks: small ones
only reached 1.4x on 2 workers, see MEASURED.md) and sends the rows back as Parquet, so
no shared file system is needed. A bounded number of partitions is in flight, which keeps
memory flat however long the input, and results are yielded in partition order, which
makes the store's content identical to a single-process run.

Workers must run the same Warta version as the driver; this is checked on connect.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Options
from ..errors import WartaError
from .work import AnalysedPartition, Partition, analyse_to_parquet, from_parquet

# Settings of the local cluster (its workers get them from their nannies). Dask's defaults
# suit an interactive cluster with a dashboard: each worker samples its task thread for the
# profile every 10 ms, and the scheduler, nannies and client wake every 20 ms to check their
# event loops and every 100-500 ms to measure memory. For a few long tasks that is waste: on
# 4,000 articles with one worker, 114-121 articles/s with the defaults, 122-126 with these.
# On a cluster of your own, set them in its Dask configuration (see the README).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "2s",
}


def _worker_version() -> str:
    import warta

    return warta.__version__


class DaskRunner:
    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None,
                 in_flight: int | None = None, connect_timeout: float = 15.0) -> None:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as err:  # pragma: no cover - dask[distributed] is a dependency
            raise WartaError(f"the Dask runner needs dask[distributed]: {err}") from None
        self.cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=connect_timeout)
                self.client.wait_for_workers(1, timeout=connect_timeout)
            else:
                with dask.config.set(QUIET):
                    self.cluster = LocalCluster(
                        n_workers=max(1, int(workers or 1)), threads_per_worker=1,
                        processes=True, dashboard_address=None, silence_logs=logging.ERROR,
                    )
                    self.client = Client(self.cluster)
        except (OSError, TimeoutError) as err:
            self.close()
            where = scheduler or "a local cluster"
            raise WartaError(f"cannot start or reach the Dask scheduler at {where}: {err}") from None
        self.n_workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.in_flight = in_flight or max(2, 2 * self.n_workers)
        self._check_versions()

    def _check_versions(self) -> None:
        import warta

        versions = self.client.run(_worker_version)
        wrong = {w: v for w, v in versions.items() if v != warta.__version__}
        if wrong:
            raise WartaError(
                f"Dask workers run another Warta version than this driver ({warta.__version__}): "
                + ", ".join(f"{w} has {v}" for w, v in sorted(wrong.items()))
            )

    def map(self, partitions: Iterable[Partition], options: Options) -> Iterator[AnalysedPartition]:
        window: deque[Any] = deque()
        source = iter(partitions)
        exhausted = False

        def top_up() -> None:
            nonlocal exhausted
            while not exhausted and len(window) < self.in_flight:
                part = next(source, None)
                if part is None:
                    exhausted = True
                    return
                window.append(self.client.submit(analyse_to_parquet, part, options, pure=False))

        top_up()
        try:
            while window:
                future = window.popleft()
                top_up()  # keep the workers busy while this result is loaded
                yield from_parquet(future.result())
        finally:
            for future in window:
                future.cancel()

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
