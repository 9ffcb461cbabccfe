"""The garbage collector around one parse (nlp/pipeline.py's ``parse_raw``): the objects made before
it, and what each stage made, set aside with ``gc.freeze`` so that full collections walk only the
running stage's objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator


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
    which ``unfreeze`` would release, and when the collector is off.
    """
    if gc.get_freeze_count() or not gc.isenabled():
        yield _nothing
        return
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _nothing() -> None:
    pass
