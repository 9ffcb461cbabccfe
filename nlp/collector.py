"""The garbage collector around one parse (nlp/pipeline.py's ``parse_raw``): the objects made before
it, and what each stage made, set aside with ``gc.freeze`` so that full collections walk only the
running stage's objects; and young collections made rarer while it runs."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator

# Net container allocations between two young collections while a document is parsed (Python's
# default is 700). A parse keeps what it allocates (words, spans, records) to its end: with the
# default, the 13 long reports (0.68 MB) make 268 young and 4 middle-generation collections, each
# walking the young objects and all they hold, and together they free nothing (0 objects). With
# 20,000 the collector's share of the pipeline is what it is with the collector off (callgrind, 4
# long reports: 2,267 M instructions as is, 2,233 M with 20,000 and with the collector off, 2,250 M
# with 5,000), and unreachable cycles still wait at most 20,000 allocations.
PARSE_YOUNG_THRESHOLD = 20_000


@contextlib.contextmanager
def older_objects_left_alone() -> Iterator[Callable[[], None]]:
    """While one document is parsed, the garbage collector's full collections walk only the objects
    made by the stage that runs: every object already there (the models and vocabularies, about
    70,000, and the caller's own) is set aside with ``gc.freeze`` at the start, what each stage
    made when the next begins (the function yielded), and all are handed back with
    ``gc.unfreeze`` at the end; each is a constant-time move of the collector's lists. It is what
    ``prepare_process`` does for a whole worker, for the length of one call: nothing is collected
    that would not be, only cycles among the objects set aside wait for the end of the call.
    Left out when the process has frozen objects of its own (``prepare_process``, or a caller's),
    which ``unfreeze`` would release, when the collector is off, and when another parse runs in
    another thread (its objects are not this parse's to set aside). Freezing only ever changes
    which objects a collection walks, never what a parse returns: a thread that freezes objects of
    its own while a parse runs gets them back in the collector's lists at the parse's end.
    """
    with _raised:
        alone = _parses_running[0] <= 1
    if not alone or _process_frozen[0] or not gc.isenabled() or gc.get_freeze_count():
        yield _nothing
        return
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _nothing() -> None:
    pass


# Set by ``process_frozen`` (``prepare_process`` froze the models for the whole process). Then a parse
# need not ask ``gc.get_freeze_count``, which counts the frozen objects one by one (a walk of the
# collector's list, tens of thousands of scattered objects: 4–30 ms a document in a prepared worker,
# a fifth of a long report's parse on a busy machine) only to learn that they are there.
_process_frozen = [False]


def process_frozen() -> None:
    """Note that this process froze its long-lived objects for good (``gc.freeze``, by
    ``prepare_process``): every parse from now on leaves the collector's lists alone. A process that
    unfreezes them later only loses the per-stage setting aside (``older_objects_left_alone``),
    never a record."""
    _process_frozen[0] = True


_raised = threading.Lock()
_parses_running = [0]  # parses inside ``fewer_young_collections``; the first sets, the last restores
_threshold_before: list[tuple[int, int, int]] = []


@contextlib.contextmanager
def fewer_young_collections(young: int = PARSE_YOUNG_THRESHOLD) -> Iterator[None]:
    """While one document is parsed, a young collection every ``young`` allocations (at least:
    a caller's own higher threshold is kept); the caller's thresholds are restored at the end,
    also on an error, when the last of the parses running at once ends."""
    with _raised:
        if _parses_running[0] == 0:
            before = gc.get_threshold()
            _threshold_before[:] = [before]
            if 0 < before[0] < young:
                gc.set_threshold(young, *before[1:])
        _parses_running[0] += 1
    try:
        yield
    finally:
        with _raised:
            _parses_running[0] -= 1
            if _parses_running[0] == 0:
                gc.set_threshold(*_threshold_before.pop())
