"""The lines of a text as (start, end) spans without their surrounding spaces: what the readers of a
document's first and last lines (title, metadata) walk over."""

from __future__ import annotations

from collections.abc import Iterator

SPACES = " \t\r\u3000\xa0"


def lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) spans without surrounding spaces."""
    return list(iter_lines(text))


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """``lines(text)`` one at a time, for a reader that stops after the first few."""
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        s, e = strip_spaces(text, pos, end)
        if e > s:
            yield s, e
        pos = end + 1


def strip_spaces(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in SPACES:
        s += 1
    while e > s and text[e - 1] in SPACES:
        e -= 1
    return s, e
