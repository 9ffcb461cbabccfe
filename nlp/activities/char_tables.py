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


_SUFFIX_TABLES: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}


def _by_last_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their last character (kept per word list: hashing the list would cost more
    than the look-up saves)."""
    entry = _SUFFIX_TABLES.get(id(words))
    if entry is None or entry[0] is not words:
        table: dict[str, list[str]] = {}
        for word in words:
            table.setdefault(word[-1], []).append(word)
        entry = _SUFFIX_TABLES[id(words)] = (words, {char: tuple(group) for char, group in table.items()})
    return entry[1]


def ends_with_any(text: str, words: tuple[str, ...]) -> bool:
    """``text.endswith(words)``, trying only the words that end with the text's last character.

    >>> ends_with_any("居民议事会", ("议事会", "讲座")), ends_with_any("居民", ("议事会",))
    (True, False)
    """
    return bool(text) and text.endswith(_by_last_char(words).get(text[-1], ()))


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
