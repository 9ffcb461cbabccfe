"""The local engine: held documents → outcomes, in input order, in ``jobs`` worker processes.

Workers come from a ``forkserver`` (else ``spawn``) context, so they start clean whatever threads
the parent runs (DuckDB, the progress bar), and each loads the models once, on its first document.
At most ``WINDOW_PER_JOB × jobs`` documents are in flight: memory stays flat however large the
archive is.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import partial

from nlp.dataset.inputs import Held
from nlp.dataset.worker import Outcome, extract_held

WINDOW_PER_JOB = 4


def default_jobs() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context():
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["nlp.dataset.worker", "nlp.pipeline"])
    return context


def run_local(held: Iterable[Held], jobs: int, extracted_at: datetime) -> Iterator[Outcome]:
    """Outcomes of ``held`` in the same order, parsed in this process (``jobs`` 1) or a pool."""
    work = partial(extract_held, extracted_at=extracted_at)
    if jobs <= 1:
        yield from map(work, held)
        return
    with _context().Pool(jobs) as pool:
        waiting: deque = deque()
        for item in held:
            waiting.append(pool.apply_async(work, (item,)))
            while len(waiting) >= WINDOW_PER_JOB * jobs:
                yield waiting.popleft().get()
        while waiting:
            yield waiting.popleft().get()
