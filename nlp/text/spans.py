"""Offsets: the map from normalized text back to the original, and line/column lookup.

Normalization is a series of edits (delete junk, replace a character, join lines).
``apply_edits`` performs one series and returns the new text with an ``OffsetMap``;
maps of successive passes compose with ``OffsetMap.then``. The map is monotone, so
a span that contains another in normalized text still contains it in the original.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Edit:
    """Replace ``original[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str = ""


class OffsetMap:
    """For each normalized character, the original span it stands for.

    >>> text, m = apply_edits("社區(qū)好", [Edit(2, 6)])
    >>> text, m.to_original(0, 3)
    ('社區好', (0, 7))
    >>> m.to_original(2, 3)
    (6, 7)
    """

    __slots__ = ("_starts", "_ends", "_original_length")

    def __init__(self, starts: array, ends: array, original_length: int) -> None:
        self._starts = starts
        self._ends = ends
        self._original_length = original_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        positions = np.arange(length + 1, dtype=np.int64)
        return cls(_as_array(positions[:-1]), _as_array(positions[1:]), length)

    def __len__(self) -> int:
        return len(self._starts)

    def point(self, index: int) -> int:
        """The original offset of a boundary position in normalized text."""
        if index >= len(self._starts):
            return self._original_length
        return self._starts[index]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalized ``[start, end)``."""
        if end <= start:
            p = self.point(start)
            return p, p
        return self._starts[start], self._ends[end - 1]

    def between(self, index: int) -> tuple[int, int]:
        """The original span between normalized characters ``index - 1`` and ``index`` (what
        normalization removed there), for ``0 < index < len(self)``."""
        return self._ends[index - 1], self._starts[index]

    def joined_at(self, original: str, start: int, end: int, char: str = "\n") -> list[int]:
        """The normalized positions ``k`` in ``(start, end)`` where the original between
        characters ``k - 1`` and ``k`` holds ``char`` (a line break that normalization joined).

        >>> original = "社区|工作 总结".replace("|", chr(10))
        >>> text, m = apply_edits(original, [Edit(2, 3), Edit(5, 6)])
        >>> text, m.joined_at(original, 0, len(text)), m.joined_at(original, 0, 6, " ")
        ('社区工作总结', [2], [4])
        """
        if end - start < 2:
            return []
        befores = _as_numpy(self._ends)[start : end - 1]
        afters = _as_numpy(self._starts)[start + 1 : end]
        low, high = int(befores.min()), int(afters.max())
        found = [m.start() for m in re.compile(re.escape(char)).finditer(original, low, high)]
        if not found:
            return []
        held = np.searchsorted(found, afters) - np.searchsorted(found, befores)
        return (np.flatnonzero(held > 0) + start + 1).tolist()

    def then(self, outer: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps text B → A, ``outer`` maps C → B; result maps C → A."""
        # Sentinels make every boundary index valid: position len(B) maps to the end of A,
        # and an end of 0 maps to where B starts.
        starts_ext = np.append(_as_numpy(self._starts), self._original_length)
        ends_ext = np.insert(_as_numpy(self._ends), 0, self.point(0))
        starts = starts_ext[_as_numpy(outer._starts)]
        ends = ends_ext[_as_numpy(outer._ends)]
        return OffsetMap(_as_array(starts), _as_array(ends), self._original_length)


def _as_numpy(values: array) -> np.ndarray:
    """A read-only numpy view of an array of int64 (no copy)."""
    return np.frombuffer(values, dtype=np.int64) if len(values) else np.zeros(0, dtype=np.int64)


def _as_array(values: np.ndarray) -> array:
    """The values as an ``array("q")``, whose items read back as plain ints (a lookup per figure
    and per section is cheaper there than in numpy)."""
    out = array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).tobytes())
    return out


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits and return the new text with its offset map.

    A replacement of the same length maps character to character; otherwise each
    replacement character maps to the whole replaced span.

    >>> apply_edits("ａｂ", [Edit(0, 1, "a"), Edit(1, 2, "b")])[0]
    'ab'
    """
    pieces: list[str] = []
    # The map is built run by run: a run of ``length`` characters whose k-th character maps to
    # [start + step * k, end + step * k) (step 1: character to character; 0: all to one span).
    lengths: list[int] = []
    run_starts: list[int] = []
    run_ends: list[int] = []
    steps: list[int] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor:
            continue  # overlapping edit: the earlier one wins
        pieces.append(text[cursor : edit.start])
        lengths.append(edit.start - cursor)
        run_starts.append(cursor)
        run_ends.append(cursor + 1)
        steps.append(1)
        repl = edit.replacement
        lengths.append(len(repl))
        run_starts.append(edit.start)
        if len(repl) == edit.end - edit.start:
            run_ends.append(edit.start + 1)
            steps.append(1)
        else:
            run_ends.append(edit.end)
            steps.append(0)
        pieces.append(repl)
        cursor = edit.end
    pieces.append(text[cursor:])
    lengths.append(len(text) - cursor)
    run_starts.append(cursor)
    run_ends.append(cursor + 1)
    steps.append(1)
    sizes = np.array(lengths, dtype=np.int64)
    first_of_run = np.cumsum(sizes) - sizes
    within = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(first_of_run, sizes)
    moved = np.repeat(np.array(steps, dtype=np.int64), sizes) * within
    starts = np.repeat(np.array(run_starts, dtype=np.int64), sizes) + moved
    ends = np.repeat(np.array(run_ends, dtype=np.int64), sizes) + moved
    return "".join(pieces), OffsetMap(_as_array(starts), _as_array(ends), len(text))


def first_wins(edits: Iterable[Edit]) -> list[Edit]:
    """The edits without overlaps: by start, a longer edit before a shorter one at the same place.

    >>> first_wins([Edit(2, 4), Edit(0, 3), Edit(0, 1)])
    [Edit(start=0, end=3, replacement='')]
    """
    result: list[Edit] = []
    cursor = -1
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if edit.start >= cursor:
            result.append(edit)
            cursor = edit.end
    return result


_LINE_BREAK = re.compile("\n")


class LineIndex:
    """Offset → 1-based (line, column) in code points.

    >>> LineIndex("ab\\ncd").line_col(3)
    (2, 1)
    """

    def __init__(self, text: str) -> None:
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1
