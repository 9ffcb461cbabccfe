"""A word list scanned over a whole document: the matches its trie pattern finds, and the offsets
inside its words, for the per-document look-ups of the activity grammar (grammar_index.py).

``WordScan(words).spans(text)`` gives the starts and ends of the matches
``re.compile(trie_pattern(words)).finditer(text)`` finds (the leftmost offset where a word starts,
the longest word there, then on from its end) and the index in ``words`` of each matched word;
``covered(text)`` every offset inside a match of that scan or inside the longest word starting
within one (what no verb starts inside: 党组织). The compiled form (nlp/activities/_scan.c, an optional
kernel) walks a trie of the words in C; the Python form runs the pattern. On the 13 long reports
the verb scan was about a third of the grammar index's instructions, the pattern being tried at
every offset of the text. tests/test_activity_word_scan.py holds the two forms to each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from nlp.activities.word_trie import trie_pattern
from nlp.kernels import optional_kernel

COMPILED = optional_kernel("nlp.activities._scan")


class WordScan:
    """One word list, its pattern (``trie_pattern``) and, with the kernel, its trie.

    >>> scan = WordScan(["组织", "党组织", "开展"])
    >>> scan.spans("社区党组织组织开展活动")
    ([2, 5, 7], [5, 7, 9], [1, 0, 2])
    >>> sorted(scan.covered("社区党组织组织活动"))
    [2, 3, 4, 5, 6]
    """

    __slots__ = ("words", "pattern", "_index", "_trie")

    def __init__(self, words: Iterable[str], compiled: bool = True) -> None:
        self.words: tuple[str, ...] = tuple(words)
        self.pattern = re.compile(trie_pattern(self.words))
        self._index = {word: i for i, word in reversed(list(enumerate(self.words)))}  # (a repeated word: its first)
        self._trie = COMPILED.trie(list(self.words)) if COMPILED is not None and compiled else None

    def spans(self, text: str) -> tuple[list[int], list[int], list[int]]:
        """The starts, the ends and the words (indices into ``words``) of the scan's matches."""
        if self._trie is not None:
            return COMPILED.spans(self._trie, text)  # type: ignore[union-attr]
        starts, ends = [], []
        for m in self.pattern.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        index = self._index
        return starts, ends, [index[text[s:e]] for s, e in zip(starts, ends, strict=True)]

    def covered(self, text: str) -> frozenset[int]:
        """Every offset inside a match of the scan, or inside the longest word starting within one."""
        if self._trie is not None:
            return frozenset(COMPILED.covered(self._trie, text))  # type: ignore[union-attr]
        pattern = self.pattern
        inside: set[int] = set()
        for m in pattern.finditer(text):
            inside.update(range(*m.span()))
            for start in range(m.start() + 1, m.end()):  # a word starting inside the one just found
                inner = pattern.match(text, start)
                if inner is not None:
                    inside.update(range(*inner.span()))
        return frozenset(inside)


def containing_test(words: Iterable[str], compiled: bool = True) -> Callable[..., bool]:
    """A test ``holds(text[, start, end])``: whether any of ``words`` lies wholly in
    ``text[start:end]``, as ``re.compile(trie_pattern(words)).search(text, start, end) is not None``
    tells. The engine tries every branch of the alternation at each offset holding some word's
    first character, several thousand instructions on a short name; the kernel walks the trie
    from those offsets only (the test is the kernel's function itself, no Python frame between).

    >>> holds = containing_test(["讲座", "议事会", "会"])
    >>> holds("居民议事会"), holds("消防知识"), holds("消防讲座", 0, 3)
    (True, False, False)
    """
    words = tuple(words)
    if COMPILED is not None and compiled:
        return partial(COMPILED.holds, COMPILED.trie(list(words)))
    search = re.compile(trie_pattern(words)).search
    return lambda text, *span: search(text, *span) is not None


def first_word_test(words: Iterable[str], compiled: bool = True) -> Callable[[str], int]:
    """A function ``first(text)``: the index in ``words`` of the word
    ``re.compile(trie_pattern(words)).search(text)`` finds (the longest word at the leftmost offset
    where one starts; a repeated word: its first index), -1 when none is found. Compiled: the
    kernel's function itself.

    >>> first = first_word_test(["会", "议事会", "讲座"])
    >>> first("居民议事会和讲座"), first("消防"), first("会议")
    (1, -1, 0)
    """
    words = tuple(words)
    if COMPILED is not None and compiled:
        return partial(COMPILED.first_word, COMPILED.trie(list(words)))
    search = re.compile(trie_pattern(words)).search
    index = {word: i for i, word in reversed(list(enumerate(words)))}

    def first(text: str) -> int:
        found = search(text)
        return index[found.group()] if found is not None else -1

    return first
