"""A pattern's matches found from the few characters it can start with, located by ``str.find``.

``re`` looks for a pattern that opens with a character class (``[%％]``, ``[ \\t\\u3000]``, an
alternation of words) by testing every character of the text against the class: about fifty
machine instructions a character, a whole-text pass of ~4 M instructions over four long reports,
whether or not the class occurs at all. ``str.find`` looks for one character at a small fraction of
that. For a pattern whose first characters are few and rare in the genre's text (percent signs,
mask characters, spaces, quotation marks), finding each of them and trying the pattern there
(``pattern.match``, which still sees the text before the position for a look-behind) gives the
same matches as ``finditer`` at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from nlp.figures.scan import starting_chars


def char_positions(text: str, chars: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """The offsets of every occurrence of one of ``chars`` (single characters) in ``text[start:end]``,
    in order.

    >>> char_positions("增长5%，下降3％。", "%％")
    [3, 8]
    """
    end = len(text) if end is None else end
    find = text.find
    found: list[int] = []
    distinct = set(chars)
    for ch in distinct:
        i = find(ch, start, end)
        while i >= 0:
            found.append(i)
            i = find(ch, i + 1, end)
    if len(distinct) > 1:
        found.sort()
    return found


def finditer_from_chars(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``: the same matches, found by trying ``pattern`` only at
    the characters it can start with (``first_chars``). A pattern whose first characters are not
    known, or that may match the empty string, is given to ``finditer`` as is. As for ``finditer``,
    the text ends at ``endpos`` for the pattern (``pattern.match(text, at, endpos)``: a look-ahead
    or ``$`` sees no further), and a look-behind sees the text before ``pos``.

    >>> [m.group() for m in finditer_from_chars(re.compile(r"[%％](?![0-9A-F]{2})"), "5%，%20，6％")]
    ['%', '％']
    """
    pos = max(0, pos)
    end = len(text) if endpos is None else max(0, min(endpos, len(text)))
    chars = first_chars(pattern)
    if chars is None:
        yield from pattern.finditer(text, pos, end)
        return
    last = pos
    match = pattern.match
    for at in char_positions(text, chars, pos, end):
        if at < last:
            continue  # inside the previous match: finditer goes on from its end
        m = match(text, at, end)
        if m is not None:
            yield m
            last = m.end()


def search_from_chars(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` (the first of ``finditer_from_chars``).

    >>> search_from_chars(re.compile(r"(?<!\\d)(?:19|20)\\d\\d年"), "第12次，2023年").group()
    '2023年'
    """
    return next(finditer_from_chars(pattern, text), None)


@cache
def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with (``starting_chars``), or None when
    they are not known, the pattern may match empty, its flags change what a character matches, or
    they are more than ``MOST_CHARS`` (each is one ``str.find`` pass over the text)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    chars = starting_chars(pattern.pattern)
    return chars if chars is not None and len(chars) <= MOST_CHARS else None


# Up to this many first characters a pattern is tried from its characters' positions: a ``str.find``
# pass costs a few per cent of a class test at every character, so a dozen passes still save most.
MOST_CHARS = 12
