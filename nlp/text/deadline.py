"""The time budget of one parse (``Deadline``), carried by the document's ``Text``
(nlp/text/document.py): the loops that walk a document check it, so a pathological input ends in a
``ParseError`` instead of a hang."""

from __future__ import annotations

import time

from nlp.errors import ParseError


class Deadline:
    """A wall-clock budget; ``check`` raises ``ParseError`` once it is spent.

    >>> Deadline(None).check("anything")  # no budget: never raises
    """

    __slots__ = ("seconds", "_until")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._until = None if seconds is None else time.monotonic() + seconds

    def check(self, where: str) -> None:
        if self._until is not None and time.monotonic() > self._until:
            raise ParseError(f"time budget of {self.seconds:g} s exceeded ({where})")


NO_DEADLINE = Deadline(None)
