"""The activity tagger's word-pair attributes (``w-1|w:a|b``, ``w|w+1:a|b``) found by integer codes.

The model names a pair of neighbouring words by joining them with ``|``; looking up the joined
string costs a new string per token. Here every word of the model's pairs gets an id once, a pair
the code ``id(a) × words + id(b)``, and a document's pairs are found with one ``searchsorted``
over the sorted codes (nlp/activities/scoring.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class PairTables:
    """The model's word-pair attributes (``w-1|w:a|b``, ``w|w+1:a|b``) looked up by integer: every
    word of a pair gets an id, a pair the code ``id(a) × words + id(b)``, and the codes are kept
    sorted with their rows. A value holding ``|`` more than once is entered once for each way to
    cut it, so a pair is found exactly when ``a + "|" + b`` names an attribute."""

    def __init__(self, left: dict[str, int], right: dict[str, int]) -> None:
        cuts = {value: _cuts(value) for value in (*left, *right)}
        self._ids: dict[str, int] = {}
        for pairs in cuts.values():
            for a, b in pairs:
                self._ids.setdefault(a, len(self._ids))
                self._ids.setdefault(b, len(self._ids))
        self._left = self._table(left, cuts)
        self._right = self._table(right, cuts)

    def _table(
        self, rows: dict[str, int], cuts: dict[str, list[tuple[str, str]]]
    ) -> tuple[np.ndarray, np.ndarray]:
        width = len(self._ids)
        entries = sorted(
            (self._ids[a] * width + self._ids[b], row) for value, row in rows.items() for a, b in cuts[value]
        )
        codes = np.fromiter((c for c, _ in entries), dtype=np.int64, count=len(entries))
        found = np.fromiter((r for _, r in entries), dtype=np.intp, count=len(entries))
        return codes, found

    def word_ids(self, words: Sequence[str]) -> np.ndarray:
        """Each word's id in the pairs, -1 for a word in none."""
        get = self._ids.get
        return np.fromiter((get(w, -1) for w in words), dtype=np.int64, count=len(words))

    def left_rows(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return self._rows(self._left, a, b)

    def right_rows(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return self._rows(self._right, a, b)

    def _rows(self, table: tuple[np.ndarray, np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
        codes, rows = table
        out = np.zeros(len(a), dtype=np.intp)
        paired = np.flatnonzero((a >= 0) & (b >= 0))  # both words in some pair: the few looked up
        if not len(codes) or not len(paired):
            return out
        wanted = a[paired] * len(self._ids) + b[paired]
        at = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
        hit = codes[at] == wanted
        out[paired[hit]] = rows[at[hit]]
        return out


def _cuts(value: str) -> list[tuple[str, str]]:
    """The ways to read ``value`` as ``a + "|" + b``.

    >>> _cuts("开展|活动"), _cuts("a|b|c")
    ([('开展', '活动')], [('a', 'b|c'), ('a|b', 'c')])
    """
    return [(value[:i], value[i + 1 :]) for i, char in enumerate(value) if char == "|"]
