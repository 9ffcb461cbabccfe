"""A word's marks for the learned activity tagger (nlp/activities/features.py): the vocabulary
lists (nlp/resources/activities.toml) and lexicon classes (nlp/resources/activity_lexicons.csv) it
belongs to, and the kind its keyword names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from nlp.activities.lexicons import LEXICON_MATCH, words_by_class
from nlp.activities.vocab import kind_keyword, vocab
from nlp.kernels import optional_kernel
from nlp.records import ActivityKind

# ``_MarkIndex.of`` for a batch of words in C (nlp/activities/_marks.c); None: the Python form runs
COMPILED = optional_kernel("nlp.activities._marks")

# The word lists of the activity vocabulary a word can belong to, each with the mark it gives
# (in this order: the marks are features of the shipped model): (list, how it matches, mark).
_WORD_MARKS = (
    ("light", "in", "light"),
    ("weak", "in", "weak"),
    ("content", "in", "content"),
    ("cut", "in", "cut"),
    ("causative", "in", "causative"),
    ("non_acts", "in", "nonact"),
    ("aim", "in", "aim"),
    ("persons", "in", "person"),
    ("prepositions", "in", "prep"),
    ("generic", "in", "generic"),
    ("heads", "endswith", "head"),
    ("slogan_heads", "endswith", "slogan"),
    ("documents", "endswith", "document"),
    ("aim_heads", "endswith", "aimhead"),
    ("stops", "startswith", "stop"),
    ("modifiers", "in", "modifier"),
)


class _MarkIndex:
    """Every list of ``_WORD_MARKS`` and of the lexicon classes, indexed by what a word must be
    (in ``in`` lists), end with or start with: a word's marks are a few dictionary look-ups of
    its suffixes and prefixes, and one search per contained-word class."""

    def __init__(self) -> None:
        v = vocab()
        lexicon = words_by_class()
        self.marks = [mark for _, _, mark in _WORD_MARKS] + ["lex_" + c for c in lexicon]
        self.whole: dict[str, set[int]] = {}
        self.ends: dict[str, set[int]] = {}
        self.starts: dict[str, set[int]] = {}
        self.contained: list[tuple[int, re.Pattern[str]]] = []
        lists = [(how, getattr(v, name)) for name, how, _ in _WORD_MARKS]
        lists += [(LEXICON_MATCH[c], words) for c, words in lexicon.items()]
        for position, (how, words) in enumerate(lists):
            if how == "contains":
                if words:
                    self.contained.append((position, re.compile("|".join(map(re.escape, words)))))
                continue
            table = {"in": self.whole, "endswith": self.ends, "startswith": self.starts}[how]
            for word in words:
                table.setdefault(word, set()).add(position)
        # the lengths of the listed endings by their last character, of the listed beginnings by
        # their first (about one length a character): a word whose edge character ends or starts
        # no listed word has nothing to look up (most words), the others a slice or two
        self.end_lengths = _lengths_by(self.ends, -1)
        self.start_lengths = _lengths_by(self.starts, 0)
        self.any_contained = re.compile("|".join(pattern.pattern for _, pattern in self.contained) or "(?!)")
        self.contained_words = [
            (position, words) for position, (how, words) in enumerate(lists) if how == "contains" and words
        ]

    def kernel_tables(self) -> tuple[object, ...] | None:
        """The tables the C form (``marks_of`` of nlp/activities/_marks.c) reads: each list's
        position as one bit of a mask, the edge characters in ascending order with their lengths
        as bits (see the kernel's header). None when the marks do not fit in 64 bits, a listed
        edge is longer than 8 characters or a "contains" list holds the empty word: the Python
        form runs then."""
        if (
            len(self.marks) > 64
            or any(len(word) > 8 for word in [*self.ends, *self.starts])
            or any("" in words for _, words in self.contained_words)
        ):
            return None

        def masks(table: dict[str, set[int]]) -> dict[str, int]:
            return {word: sum(1 << position for position in positions) for word, positions in table.items()}

        def by_char(lengths: dict[str, tuple[int, ...]]) -> tuple[str, bytes]:
            chars = sorted(lengths)
            return "".join(chars), bytes(sum(1 << (k - 1) for k in lengths[ch]) for ch in chars)

        contained: dict[str, list[tuple[str, int]]] = {}
        for position, words in self.contained_words:
            for word in words:
                contained.setdefault(word[0], []).append((word, 1 << position))
        firsts = sorted(contained)
        return (
            masks(self.whole),
            masks(self.ends),
            *by_char(self.end_lengths),
            masks(self.starts),
            *by_char(self.start_lengths),
            "".join(firsts),
            tuple(tuple(contained[ch]) for ch in firsts),
            tuple(self.marks),
            {},
        )

    def of(self, word: str) -> tuple[str, ...]:
        hit = self.whole.get(word)
        found = [*hit] if hit else []
        n = len(word)
        lengths = self.end_lengths.get(word[-1:])
        if lengths:
            ends = self.ends
            for length in lengths:
                if length > n:
                    break
                hit = ends.get(word[n - length :])
                if hit:
                    found += hit
        lengths = self.start_lengths.get(word[:1])
        if lengths:
            starts = self.starts
            for length in lengths:
                if length > n:
                    break
                hit = starts.get(word[:length])
                if hit:
                    found += hit
        if self.any_contained.search(word) is not None:
            for position, pattern in self.contained:
                if pattern.search(word) is not None:
                    found.append(position)
        if not found:
            return ()
        marks = self.marks
        return tuple([marks[i] for i in sorted(set(found))])


def _lengths_by(words: Iterable[str], edge: int) -> dict[str, tuple[int, ...]]:
    """The lengths of ``words`` by their character at ``edge`` (0: the first, -1: the last), ascending."""
    lengths: dict[str, set[int]] = {}
    for word in words:
        lengths.setdefault(word[edge], set()).add(len(word))
    return {char: tuple(sorted(group)) for char, group in lengths.items()}


@cache
def _mark_index() -> _MarkIndex:
    return _MarkIndex()


@cache
def _kernel_tables() -> tuple[object, ...] | None:
    return _mark_index().kernel_tables() if COMPILED is not None else None


@lru_cache(maxsize=16384)
def word_class(word: str) -> tuple[str, ...]:
    """The vocabulary marks of a word, then its lexicon classes (nlp/resources/activity_lexicons.csv).

    >>> word_class("开展"), word_class("居民小区")
    (('light', 'cut'), ('lex_place',))
    """
    return word_classes_of((word,))[0]


def word_classes_of(words: Iterable[str]) -> list[tuple[str, ...]]:
    """``word_class`` of many words at once, without its cache (for words new to the process,
    which would only fill it): one call of the C kernel where it is built."""
    tables = _kernel_tables()
    if tables is not None:
        return COMPILED.marks_of(words, tables)  # (any iterable: it is read as a sequence)
    return list(map(_mark_index().of, words))


@lru_cache(maxsize=16384)
def kind_of_word(word: str) -> str | None:
    kind = kind_keyword(word)
    return _KIND_VALUES[kind] if kind is not None else None  # (an enum's ``.value`` runs Python code)


_KIND_VALUES = {kind: kind.value for kind in ActivityKind}
