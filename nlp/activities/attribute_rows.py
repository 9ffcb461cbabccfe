"""The activity tagger's attributes of a token (what ``features.sequence_features`` writes, grouped
by what they depend on: the word itself, the word seen from a neighbour, the token's context) and
the model rows they name, found by prefix and value without writing the attribute strings
(``AttributeIds``: one word at a time in ``rows_of``, all the new words of a document at once in
``columns_of``). nlp/activities/scoring.py sums the rows into each token's score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import itemgetter

import numpy as np

from nlp.activities.vocab import keyword_kinds
from nlp.activities.word_marks import kind_of_word, word_class, word_classes_of
from nlp.records import ActivityKind

_NEIGHBOUR_MARKS = frozenset({"light", "weak", "content", "head", "slogan", "document", "person", "stop"})
OFFSETS = (-2, -1, 1, 2)
_FIRST, _LAST = itemgetter(0), itemgetter(-1)  # a word's first and last characters
_FIRST_TWO, _LAST_TWO = itemgetter(slice(None, 2)), itemgetter(slice(-2, None))


def word_attributes(word: str, tag: str) -> list[str]:
    """The attributes a token has from its own word."""
    out = [
        "bias",
        "w:" + word,
        "t:" + tag,
        "len:" + str(min(len(word), 4)),
        "p1:" + word[0],
        "s1:" + word[-1],
        "s2:" + word[-2:],
        "p2:" + word[:2],
    ]
    if word.isdigit():
        out.append("digit")
    out += ["v:" + mark for mark in word_class(word)]
    kind = kind_of_word(word)
    if kind is not None:
        out.append("kind:" + kind)
    return out


def neighbour_attributes(offset: int, word: str | None, tag: str) -> list[str]:
    """The attributes a token has from the word ``offset`` places away (None: past the edge)."""
    name = f"{offset:+d}"
    if word is None:
        return [f"w{name}:" + ("<s>" if offset < 0 else "</s>")]
    out = [f"w{name}:" + word, f"t{name}:" + tag]
    out += [f"v{name}:{mark}" for mark in word_class(word) if mark in _NEIGHBOUR_MARKS]
    return out


Context = tuple[str, int, str, str, bool, bool, str | None, str | None, str | None, str | None]


def context_attributes(context: Context) -> list[str]:
    """The attributes of a token's context: (rule label, place in clause, figure, figure ahead,
    quoted, in a heading, and the rule labels two and one before and after, None past the edge)."""
    rule, pos, figure, ahead, quoted, heading, *around = context
    out = ["rule:" + rule, "pos:" + str(pos), "fig:" + (figure or "-"), "figahead:" + (ahead or "-")]
    if quoted:
        out.append("quoted")
    if heading:
        out.append("heading")
    out += [f"rule{d:+d}:{label}" for d, label in zip(OFFSETS, around, strict=True) if label is not None]
    return out


class AttributeIds:
    """The rows of the model's attributes (1 + the attribute's id; unknown ones are left out),
    found by prefix and value without writing the attribute's string: ``rows_of`` gives the rows
    of ``word_attributes`` and of each ``neighbour_attributes``, in their order."""

    def __init__(self, attributes: dict[str, int]) -> None:
        by_prefix: dict[str, dict[str, int]] = {}
        for name, i in attributes.items():
            prefix, colon, value = name.partition(":")
            if colon:
                by_prefix.setdefault(prefix, {})[value] = 1 + i
        self.by_prefix = by_prefix
        self.bias = [1 + attributes["bias"]] if "bias" in attributes else []
        self.digit = [1 + attributes["digit"]] if "digit" in attributes else []
        self.own_tables = tuple(by_prefix.get(p, {}) for p in ("w", "t", "len", "p1", "s1", "s2", "p2"))
        self.kinds = by_prefix.get("kind", {})
        self.seen_tables = tuple(
            (by_prefix.get(f"w{d:+d}", {}), by_prefix.get(f"t{d:+d}", {})) for d in OFFSETS
        )
        self._mark_rows: dict[tuple[str, ...], tuple[list[int], ...]] = {}
        length = by_prefix.get("len", {})
        # the row of ``len:`` for a word of each length 0 … 4 (longer words read ``len:4``)
        self.length_rows = np.array([length.get(str(n), 0) for n in range(5)], dtype=np.intp)
        # every distinct tuple of marks met so far gets a code; ``_mark_tables`` holds, for each of
        # the five slots, the rows of each code's marks padded with row 0 (made again when it grows)
        self._mark_codes: dict[tuple[str, ...], int] = {}
        self._mark_tables: list[np.ndarray] = []
        # a word's rows as itself (``w:``) and as each neighbour (``w-2:`` … ``w+2:``) in one
        # look-up: the word's number in ``_word_table``, whose row k holds them (row 0: zeros);
        # the same for a tag
        self._word_number, self._word_table = _joined(self.own_tables[0], [w for w, _ in self.seen_tables])
        self._tag_number, self._tag_table = _joined(self.own_tables[1], [t for _, t in self.seen_tables])
        self._kind_rows = {kind: self.kinds.get(kind.value, 0) for kind in ActivityKind}

    def mark_rows(self, marks: tuple[str, ...]) -> tuple[list[int], ...]:
        """Rows of ``v:mark`` for every mark, then of ``v-2:mark`` … ``v+2:mark`` for the marks a
        neighbour gives."""
        rows = self._mark_rows.get(marks)
        if rows is None:
            out = []
            for prefix in ("v", *(f"v{d:+d}" for d in OFFSETS)):
                values = self.by_prefix.get(prefix, {})
                wanted = marks if prefix == "v" else [m for m in marks if m in _NEIGHBOUR_MARKS]
                out.append([values[m] for m in wanted if m in values])
            rows = self._mark_rows[marks] = tuple(out)
        return rows

    def rows_of(self, word: str, tag: str) -> list[list[int]]:
        """The rows of ``word_attributes(word, tag)``, then of ``neighbour_attributes(d, word,
        tag)`` for each offset d of ``OFFSETS``."""
        w, t, length, p1, s1, s2, p2 = self.own_tables
        found = (
            w.get(word),
            t.get(tag),
            length.get(str(min(len(word), 4))),
            p1.get(word[0]),
            s1.get(word[-1]),
            s2.get(word[-2:]),
            p2.get(word[:2]),
        )
        own = self.bias + [r for r in found if r is not None]
        if self.digit and word.isdigit():
            own += self.digit
        own_marks, *seen_marks = self.mark_rows(word_class(word))
        own += own_marks
        kind = kind_of_word(word)
        if kind is not None and kind in self.kinds:
            own.append(self.kinds[kind])
        out = [own]
        for (words, tags), marks in zip(self.seen_tables, seen_marks, strict=True):
            found_seen = (words.get(word), tags.get(tag))
            out.append([r for r in found_seen if r is not None] + marks)
        return out


    def columns_of(self, words: Sequence[str], tags: Sequence[str]) -> list[list[np.ndarray]]:
        """``rows_of`` for many words at once: for each of its five lists, columns of rows (one
        entry per word) that hold each word's rows of that list in the same order, with row 0 (the
        zero row) where the word lacks an attribute. The look-ups run as ``map`` over the words,
        not as Python per word.

        Summed column after column from zeros, a word's rows give exactly the sums of its
        ``rows_of`` lists: only zeros are added in between, and adding a zero to a sum that did
        not start as -0.0 leaves it as it is, bit for bit.
        """
        n = len(words)
        _w, _t, _length, p1, s1, s2, p2 = self.own_tables

        def rows(table: dict, values: Iterable[object]) -> np.ndarray:
            return np.fromiter(map(table.get, values, repeat(0)), dtype=np.intp, count=n)

        as_word = self._word_table.take(rows(self._word_number, words), axis=0).T  # w, w-2 … w+2
        as_tag = self._tag_table.take(rows(self._tag_number, tags), axis=0).T
        zero = np.zeros(n, dtype=np.intp)
        own = [
            np.full(n, self.bias[0], dtype=np.intp) if self.bias else zero,
            as_word[0],
            as_tag[0],
            self.length_rows[np.minimum(np.fromiter(map(len, words), dtype=np.intp, count=n), 4)],
            rows(p1, map(_FIRST, words)),
            rows(s1, map(_LAST, words)),
            rows(s2, map(_LAST_TWO, words)),
            rows(p2, map(_FIRST_TWO, words)),
        ]
        if self.digit:
            own.append(np.fromiter(map(str.isdigit, words), dtype=bool, count=n) * self.digit[0])
        marks = self._mark_columns(word_classes_of(words))
        own += marks[0]
        own.append(rows(self._kind_rows, keyword_kinds(words)))  # (``get(None)``: row 0)
        out = [own]
        for slot, seen_marks in enumerate(marks[1:], start=1):
            out.append([as_word[slot], as_tag[slot], *seen_marks])
        return out

    def _mark_columns(self, classes: list[tuple[str, ...]]) -> list[list[np.ndarray]]:
        """The rows of ``mark_rows`` of each word's marks, as five lists of columns."""
        codes = self._mark_codes
        new = set(classes).difference(codes)
        if new or not self._mark_tables:
            for marks in sorted(new):
                codes[marks] = len(codes)
            lists = [self.mark_rows(marks) for marks in codes]  # (in the order of their codes)
            self._mark_tables = []
            for slot in range(1 + len(OFFSETS)):
                width = max((len(found[slot]) for found in lists), default=0)
                table = np.zeros((len(lists), width), dtype=np.intp)
                for code, found in enumerate(lists):
                    table[code, : len(found[slot])] = found[slot]
                self._mark_tables.append(table)
        code = np.fromiter(map(codes.__getitem__, classes), dtype=np.intp, count=len(classes))
        return [list(table.take(code, axis=0).T) for table in self._mark_tables]


def _joined(own: dict[str, int], seen: Sequence[dict[str, int]]) -> tuple[dict[str, int], np.ndarray]:
    """For the keys of ``own`` and of each ``seen`` table, a number (from 1) and a table whose
    row of that number holds the key's row in ``own`` and in each ``seen`` table, in order (0
    where a table lacks the key; row 0 is all zeros)."""
    tables = [own, *seen]
    keys = list(dict.fromkeys(key for table in tables for key in table))
    joined = np.zeros((1 + len(keys), len(tables)), dtype=np.intp)
    for column, table in enumerate(tables):
        joined[1:, column] = [table.get(key, 0) for key in keys]
    return {key: number for number, key in enumerate(keys, start=1)}, joined
