"""The local engine: held documents → outcomes, in input order, in ``jobs`` worker processes.

Workers come from a ``forkserver`` (else ``spawn``) context, so they start clean whatever threads
the parent runs (DuckDB, the progress bar), and each loads the models once, on its first document.
At most ``WINDOW_PER_JOB × jobs`` documents are in flight: memory stays flat however large the
archive is. A worker that dies (killed for memory, a crash in a native library) does not end the run:
the documents that were in flight and not done are parsed again one at a time, and the one that
kills its process again becomes an errors row.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime

from nlp.dataset.inputs import Held
from nlp.dataset.worker import Outcome, engine_name, extract_held

WINDOW_PER_JOB = 4
Work = Callable[[Held, datetime], Outcome]


def default_jobs() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _executor(jobs: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["nlp.dataset.worker", "nlp.pipeline"])
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_prepare_worker)


def _prepare_worker() -> None:
    """Each worker loads the models before its first document and exempts them from the garbage
    collector (``nlp.pipeline.prepare_worker``)."""
    from nlp.pipeline import prepare_worker

    prepare_worker()


def run_local(
    held: Iterable[Held], jobs: int, extracted_at: datetime, work: Work = extract_held
) -> Iterator[Outcome]:
    """Outcomes of ``held`` in the same order, parsed in this process (``jobs`` 1) or a pool."""
    if jobs <= 1:
        for item in held:
            yield work(item, extracted_at)
        return
    items = iter(held)
    pool = _executor(jobs)
    waiting: deque = deque()
    try:
        while True:
            while len(waiting) < WINDOW_PER_JOB * jobs and (item := next(items, None)) is not None:
                waiting.append((item, pool.submit(work, item, extracted_at)))
            if not waiting:
                return
            item, future = waiting.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                in_flight = [(item, future), *waiting]
                waiting.clear()
                yield from _recover(in_flight, extracted_at, work)
                pool = _executor(jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _recover(in_flight: list, extracted_at: datetime, work: Work) -> Iterator[Outcome]:
    """The outcomes of the documents in flight when a worker died, in order.

    Those that finished keep their result; the others are parsed again, one at a time in a single
    worker, so the one that kills it is known: it becomes its errors row.
    """
    alone = _executor(1)
    try:
        for item, future in in_flight:
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
                continue
            try:
                yield alone.submit(work, item, extracted_at).result()
            except BrokenProcessPool:
                reason = "the process parsing it died (out of memory, or a crash in a native library)"
                row = (item.path, reason, "parse", extracted_at, item.doc_id, engine_name())
                yield Outcome(item.doc_id, item.path, len(item.data), item.replaces, error=row)
                alone.shutdown(wait=True)
                alone = _executor(1)
    finally:
        alone.shutdown(wait=True)
