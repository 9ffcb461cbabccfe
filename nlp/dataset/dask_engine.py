"""The dask engine: the same extraction on a dask.distributed cluster (``pip install "zongjie[dask]"``).

This process reads, hashes and filters the inputs as the local engine does, then sends partitions of
documents (their bytes, so workers need no shared file system) to the cluster. A worker parses its
partition and returns one Parquet part per table; this process writes the parts into the store in
its usual transactions, so resuming, ``seq`` and the tables are exactly the local engine's. Without
``--scheduler`` a LocalCluster with ``jobs`` single-threaded worker processes is started.
"""

from __future__ import annotations

import io
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from itertools import islice

import pyarrow as pa
import pyarrow.parquet as pq

from nlp.dataset.engines import Work
from nlp.dataset.inputs import Held
from nlp.dataset.schema import DOCUMENT_TABLES
from nlp.dataset.store import arrow_rows
from nlp.dataset.worker import Outcome, engine_name, extract_held
from nlp.errors import ZongjieError

PARTITION = 16  # documents per task
TASKS_PER_WORKER = 2  # partitions in flight per worker thread
CONNECT_TIMEOUT = "20s"


def extract_partition(
    held: list[Held], extracted_at: datetime, work: Work = extract_held
) -> tuple[list[Outcome], dict[str, bytes]]:
    """Parse a partition on a worker: the outcomes without their rows, and a Parquet part per table."""
    outcomes = [work(h, extracted_at) for h in held]
    parts = {}
    for table in DOCUMENT_TABLES:
        rows = [row for o in outcomes if o.rows for row in o.rows[table]]
        sink = io.BytesIO()
        pq.write_table(arrow_rows(table, rows), sink)
        parts[table] = sink.getvalue()
    return [replace(o, rows=None) for o in outcomes], parts


def _client(scheduler: str | None, jobs: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ZongjieError('--engine dask needs dask.distributed: pip install "zongjie[dask]".') from None
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError) as exc:
        raise ZongjieError(f"--scheduler {scheduler}: cannot reach the dask scheduler ({exc}).") from None


def run_dask(
    held: Iterable[Held], scheduler: str | None, jobs: int, extracted_at: datetime, work: Work = extract_held
) -> Iterator[Outcome]:
    """Outcomes of ``held`` in input order; each partition's first outcome carries its Arrow tables."""
    client, cluster = _client(scheduler, jobs)
    try:
        threads = max(sum(client.nthreads().values()), 1)
        waiting: deque = deque()
        items = iter(held)
        while True:
            while len(waiting) < TASKS_PER_WORKER * threads and (partition := list(islice(items, PARTITION))):
                waiting.append((partition, client.submit(extract_partition, partition, extracted_at, work, pure=False)))
            if not waiting:
                return
            partition, future = waiting.popleft()
            yield from _gathered(client, partition, future, extracted_at, work)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _gathered(client, partition: list[Held], future, extracted_at: datetime, work: Work) -> Iterator[Outcome]:
    """A partition's outcomes; if its task failed (a worker died), each document is tried alone."""
    try:
        yield from _unpack(future.result())
        return
    except Exception as exc:  # KilledWorker, a lost connection: the scheduler says why
        if len(partition) == 1:
            item = partition[0]
            reason = f"the dask task parsing it failed ({type(exc).__name__})"
            row = (item.path, reason, "parse", extracted_at, item.doc_id, engine_name())
            yield Outcome(item.doc_id, item.path, len(item.data), item.replaces, error=row)
            return
    for item in partition:
        single = client.submit(extract_partition, [item], extracted_at, work, pure=False)
        yield from _gathered(client, [item], single, extracted_at, work)


def _unpack(result: tuple[list[Outcome], dict[str, bytes]]) -> Iterator[Outcome]:
    outcomes, parts = result
    if not outcomes:
        return
    tables = {name: pq.read_table(pa.BufferReader(data)) for name, data in parts.items()}
    yield replace(outcomes[0], rows=tables)
    for outcome in outcomes[1:]:
        yield replace(outcome, rows={})
