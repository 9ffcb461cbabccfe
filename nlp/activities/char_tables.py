"""Word lists indexed by their first or last character: only a word starting (ending) with the
character at hand can match there, so a look-up replaces a scan of the whole list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def by_first_char(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The words by their first character, each group in the order given (only a word starting
    with the character at hand can match there, and the first that matches wins)."""
    out: dict[str, list[str]] = {}
    for word in words:
        out.setdefault(word[0], []).append(word)
    return {char: tuple(group) for char, group in out.items()}


def ending_test(words: Sequence[str]) -> Callable[[str], bool]:
    """A test ``text.endswith(words)`` that tries only the words ending with the text's last
    character (the table made once, for a word list tested many times).

    >>> ends = ending_test(("议事会", "讲座"))
    >>> ends("居民议事会"), ends("居民"), ends("")
    (True, False, False)
    """
    table: dict[str, list[str]] = {}
    for word in words:
        table.setdefault(word[-1], []).append(word)
    by_last = {char: tuple(group) for char, group in table.items()}
    return lambda text: text.endswith(by_last.get(text[-1:], ()))


def starting_test(words: Sequence[str]) -> Callable[[str], bool]:
    """A test ``text.startswith(words)`` that tries only the words starting with the text's first
    character.

    >>> starts = starting_test(("走访", "核查"))
    >>> starts("走访慰问"), starts("慰问"), starts("")
    (True, False, False)
    """
    by_first = by_first_char(words)
    return lambda text: text.startswith(by_first.get(text[:1], ()))
