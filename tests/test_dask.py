"""The Dask runner on a real LocalCluster with 2 worker processes: a distributed ingest
stores exactly what a single process stores, and partitions stream through with a bounded
number in flight."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.config import Options
from warta.runners.dask_runner import DaskRunner
from warta.runners.work import Partition
from warta.store import open_store
from warta.store.ingest import ingest

from .test_ingest import articles, write_jsonl
from .test_store import dump

STORIES = Path(__file__).parent / "fixtures" / "corpus" / "stories.jsonl"


@pytest.fixture(scope="module")
def runner():
    r = DaskRunner(workers=2)
    yield r
    r.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    tmp = tmp_path_factory.mktemp("dask-corpus")
    stories = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()]
    gen = write_jsonl(tmp / "generated.jsonl", articles(16))
    mixed = tmp / "mixed.jsonl"
    mixed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in stories)
                     + "{not json}\n" + json.dumps(stories[0]) + "\n", encoding="utf-8")
    return [str(mixed), str(gen)]


def test_distributed_ingest_equals_single_process(runner, corpus, tmp_path):
    assert runner.n_workers == 2
    single, distributed = tmp_path / "single.duckdb", tmp_path / "dask.duckdb"
    with open_store(single) as store:
        one = ingest(corpus, store, batch=7)
    with open_store(distributed) as store:
        many = ingest(corpus, store, runner=runner, batch=7)
    assert (one.ingested, one.duplicates, one.errors) == (24, 1, 1)
    assert (many.ingested, many.duplicates, many.errors) == (one.ingested, one.duplicates, one.errors)
    a, b = dump(single), dump(distributed)
    assert a["articles"] and a["cluster_links"]  # something real to compare
    for table in a:
        assert a[table] == b[table], table


def test_partitions_stream_with_a_bounded_number_in_flight(runner):
    pulled: list[int] = []
    done: list[int] = []

    def parts():
        for k in range(12):
            pulled.append(k)
            # never more than `in_flight` partitions submitted beyond the one being loaded
            assert len(pulled) - len(done) <= runner.in_flight + 1
            yield Partition(k, n_inputs=1)

    for result in runner.map(parts(), Options()):
        done.append(result.index)
    assert done == list(range(12))  # in order, whatever finished first
