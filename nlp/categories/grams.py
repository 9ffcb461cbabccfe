"""Character n-grams of many texts at once, as integer keys, looked up in the model's vocabulary.

An n-gram of at most three characters is one int64: its code points + 1, 21 bits each, the first
highest (so keys of different lengths never meet, and no key is 0). The vocabulary is a hash
table in two numpy arrays (open addressing, at most a quarter full), so looking up the n-grams of
a whole document is a few vectorized probe rounds, about five times faster than a binary search
over the sorted keys.

Where the package was built with a C compiler, ``known_grams`` reads the texts in C
(nlp/categories/_grams.c: the same table, the same three arrays); ``ZONGJIE_PURE_PYTHON=1`` or a
build without a compiler keeps the numpy reading here (``numpy_known_grams``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.kernels import optional_kernel

BITS = 21  # every code point + 1 fits in 21 bits
MAX_KEYED = 3  # three characters of 21 bits fit one int64
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing's multiplier
_PROBES = 3  # probe rounds before the keys left are looked up by bisection
PREFIX_ONLY = -2  # a table entry that is not a vocabulary term, only the prefix of one
END = 0x110000 + 1  # a code (code point + 1) beyond Unicode: ends each text in ``known_grams``
# the takes of this module read positions known to be in range: mode "wrap" checks them with
# fewer instructions than the default mode (which raises)
_IN_RANGE = "wrap"


def term_key(term: str) -> int:
    """The integer key of an n-gram of at most three characters.

    >>> term_key("a") == (ord("a") + 1) << 42
    True
    """
    key = 0
    for i, ch in enumerate(term):
        key |= (ord(ch) + 1) << (BITS * (MAX_KEYED - 1 - i))
    return key


class GramTable:
    """n-gram keys → vocabulary columns.

    >>> table = GramTable(np.array([term_key("社"), term_key("社区")]), np.array([7, 3]))
    >>> table.columns(np.array([term_key("社区"), term_key("区"), term_key("社")])).tolist()
    [3, -1, 7]
    """

    def __init__(self, keys: np.ndarray, columns: np.ndarray) -> None:
        keys = np.asarray(keys, dtype=np.int64)
        columns = np.asarray(columns, dtype=np.int32)  # (a vocabulary of up to 2**31 terms)
        # the prefixes of longer keys that are not keys themselves are held too, as PREFIX_ONLY,
        # so that a longer n-gram is probed only where its prefix is held (``known_grams``)
        prefixes = np.setdiff1d(_prefixes(keys), keys)
        keys = np.concatenate([keys, prefixes])
        columns = np.concatenate([columns, np.full(len(prefixes), PREFIX_ONLY, dtype=np.int32)])
        bits = max(4, (4 * len(keys)).bit_length())
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        self._keys = np.zeros(1 << bits, dtype=np.int64)  # 0: an empty slot
        self._columns = np.full(1 << bits, -1, dtype=np.int32)
        # single characters (a third of all look-ups) read from a table over every code point + 1
        single = (keys & ((1 << (BITS * (MAX_KEYED - 1))) - 1)) == 0
        self._singles = np.full(END + 1, -1, dtype=np.int32)  # END: no term
        self._singles[keys[single] >> (BITS * (MAX_KEYED - 1))] = columns[single]
        order = np.argsort(keys)  # for the few keys still unsettled after a few probes
        self._sorted_keys, self._sorted_columns = keys[order], columns[order]
        slots = self._home(keys)
        while len(keys):  # place each key in its first free slot from home, a few rounds at once
            free = self._keys[slots] == 0
            slot_taken_now, first = np.unique(np.where(free, slots, -1), return_index=True)
            placed = first[slot_taken_now >= 0]
            self._keys[slots[placed]] = keys[placed]
            self._columns[slots[placed]] = columns[placed]
            rest = np.ones(len(keys), dtype=bool)
            rest[placed] = False
            keys, columns, slots = keys[rest], columns[rest], (slots[rest] + 1) & self._mask

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.view(np.uint64) * _GOLDEN) >> self._shift).astype(np.intp)

    def single_columns(self, codes: np.ndarray) -> np.ndarray:
        """The column of each single character, given as its code point + 1 (-1 where unknown):
        ``columns`` of their keys, by one table look-up.

        >>> table = GramTable(np.array([term_key("社"), term_key("社区")]), np.array([7, 3]))
        >>> table.single_columns(np.array([ord("社") + 1, ord("区") + 1])).tolist()
        [7, -1]
        """
        return np.maximum(self._singles[codes], -1).astype(np.intp)

    def columns(self, keys: np.ndarray) -> np.ndarray:
        """The column of each key, -1 where the vocabulary lacks it."""
        return np.maximum(self.entries(keys), -1)

    def entries(self, keys: np.ndarray) -> np.ndarray:
        """As ``columns``, but ``PREFIX_ONLY`` for a key that is only the prefix of longer keys."""
        slots = self._home(keys)
        held = self._keys.take(slots, mode=_IN_RANGE)
        # the first round over every key without boolean indexing: most keys settle in it
        found = np.where(held == keys, self._columns.take(slots, mode=_IN_RANGE), -1)
        pending = np.flatnonzero((held != keys) & (held != 0))  # the slot holds another key
        slots = (slots.take(pending, mode=_IN_RANGE) + 1) & self._mask
        for _ in range(_PROBES - 1):
            if not len(pending):
                return found
            held = self._keys.take(slots, mode=_IN_RANGE)
            hit = held == keys.take(pending, mode=_IN_RANGE)
            found[pending[hit]] = self._columns[slots[hit]]
            probe_on = ~hit & (held != 0)  # the slot holds another key: try the next one
            pending, slots = pending[probe_on], (slots[probe_on] + 1) & self._mask
        if not len(pending):
            return found
        # the few keys in long probe chains: a binary search (each round costs the same numpy
        # calls however few keys are left)
        rest = keys[pending]
        at = np.searchsorted(self._sorted_keys, rest).clip(max=max(0, len(self._sorted_keys) - 1))
        known = self._sorted_keys[at] == rest if len(self._sorted_keys) else np.zeros(len(rest), dtype=bool)
        found[pending[known]] = self._sorted_columns[at[known]]
        return found

    def single_entries(self, codes: np.ndarray) -> np.ndarray:
        """``entries`` of single characters given as code point + 1, by one table look-up."""
        return self._singles.take(codes, mode=_IN_RANGE)


def _prefixes(keys: np.ndarray) -> np.ndarray:
    """The keys of every proper prefix of the given keys (at least one character long)."""
    found = []
    for n in range(1, MAX_KEYED):
        low = BITS * (MAX_KEYED - n)
        longer = keys[(keys & ((1 << low) - 1)) != 0]  # keys of more than n characters
        found.append((longer >> low) << low)
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)




COMPILED = optional_kernel("nlp.categories._grams")


def known_grams(
    docs: Sequence[str],
    table: GramTable,
    low: int,
    high: int,
    width: int,
    starts_before: Sequence[int] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``compiled_known_grams`` where it was built, else ``numpy_known_grams``."""
    if COMPILED is not None:
        return compiled_known_grams(docs, table, low, high, width, starts_before)
    return numpy_known_grams(docs, table, low, high, width, starts_before)


def compiled_known_grams(
    docs: Sequence[str],
    table: GramTable,
    low: int,
    high: int,
    width: int,
    starts_before: Sequence[int] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``numpy_known_grams`` read in C (which must have been built): the same three arrays."""
    if COMPILED is None:
        raise RuntimeError("nlp.categories._grams was not built (or ZONGJIE_PURE_PYTHON is set)")
    pairs, counts = COMPILED.known_grams(
        list(docs),
        table._keys,
        table._columns,
        table._singles,
        int(table._shift),
        low,
        high,
        width,
        None if starts_before is None else [int(b) for b in starts_before],
    )
    pair_array = np.frombuffer(pairs, dtype=np.int64)
    rows = pair_array // width
    return (
        rows.astype(np.intp),
        (pair_array - rows * width).astype(np.intp),
        np.frombuffer(counts, dtype=np.int64).astype(np.intp),
    )


def numpy_known_grams(
    docs: Sequence[str],
    table: GramTable,
    low: int,
    high: int,
    width: int,
    starts_before: Sequence[int] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(text row, vocabulary column, count) of every known n-gram of ``docs`` (``low`` ≤ n ≤
    ``high`` ≤ ``MAX_KEYED``), sorted by row then column; ``width`` is the vocabulary's size.
    With ``starts_before``, only the n-grams of ``docs[i]`` that start before ``starts_before[i]``.

    The texts are read as one array of codes, each text followed by ``END``. An n-gram is tried
    where its first n - 1 characters are held by the table (a term or a term's prefix); no term
    holds ``END``, so no n-gram runs from one text into the next.

    >>> table = GramTable(np.array([term_key("a"), term_key("ab")]), np.array([0, 1]))
    >>> [a.tolist() for a in known_grams(["aba", "b"], table, 1, 2, 2)]
    [[0, 0], [0, 1], [2, 1]]
    >>> [a.tolist() for a in known_grams(["aba", "b"], table, 1, 2, 2, starts_before=[1, 0])]
    [[0, 0], [0, 1], [1, 1]]
    """
    if not docs:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, empty
    sizes = np.fromiter(map(len, docs), dtype=np.intp, count=len(docs)) + 1  # each text and its END
    ends = np.cumsum(sizes) - 1
    codes = np.frombuffer(("\x00".join(docs) + "\x00").encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    codes += 1
    codes[ends] = END
    # each position's row × width, to which a term's column is added: (row, column) as one int, in
    # 32 bits where it fits (they sort in about half the time of 64 bits)
    small = len(docs) * width < 2**31
    row_base = np.repeat(np.arange(len(docs), dtype=np.int32 if small else np.int64) * width, sizes)
    if starts_before is None:
        at = np.arange(len(codes))  # where an n-gram of the current n is tried (END holds none)
        firsts = codes
    else:
        tried = np.minimum(np.maximum(np.asarray(starts_before, dtype=np.intp), 0), sizes - 1)
        # the first ``tried[i]`` positions of each text, as one range with each text's offset added
        offsets = (ends + 1 - sizes) - (np.cumsum(tried) - tried)
        at = np.arange(int(tried.sum())) + np.repeat(offsets, tried)
        firsts = codes.take(at, mode=_IN_RANGE)
    found = []
    key = firsts << (BITS * (MAX_KEYED - 1))
    entries = table.single_entries(firsts)
    for n in range(1, high + 1):
        if n > 1:  # the key of the n-gram starting at each position: its characters, 21 bits each
            key |= codes.take(at + (n - 1), mode=_IN_RANGE) << (BITS * (MAX_KEYED - n))
            entries = table.entries(key)
        # the positions whose n-gram the table holds: its terms, and the rare prefixes of terms
        held = np.flatnonzero(entries != -1)
        at, entries = at.take(held, mode=_IN_RANGE), entries.take(held, mode=_IN_RANGE)
        if n >= low:
            terms = np.flatnonzero(entries >= 0) if (entries < 0).any() else None
            grams = row_base.take(at, mode=_IN_RANGE) + entries
            found.append(grams if terms is None else grams.take(terms, mode=_IN_RANGE))
        if n < high:  # an (n+1)-gram can be a term only where its first n characters are held
            key = key.take(held, mode=_IN_RANGE)
    pairs = np.concatenate(found) if found else np.zeros(0, dtype=row_base.dtype)
    if not len(pairs):
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, empty
    pairs.sort()  # (np.unique, without its copy and its boolean indexing)
    firsts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1])))
    counts = np.diff(np.append(firsts, len(pairs)))
    pairs = pairs.take(firsts, mode=_IN_RANGE)
    rows = pairs // width  # (a division by a constant, cheaper than the remainder too)
    return rows.astype(np.intp), (pairs - rows * width).astype(np.intp), counts


def counts_of(keys: np.ndarray, counts: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The count of each wanted key among ``keys`` (sorted, distinct, not negative; ``counts``
    beside them), 0 where it is absent.

    About two in three wanted keys are absent, so a bitmap over a hash of the keys (eight bits
    per key: about one absent key in eight passes it) rules most out before the binary search.

    >>> counts_of(np.array([3, 8, 20]), np.array([1, 2, 5]), np.array([8, 4, 20, 21])).tolist()
    [2, 0, 5, 0]
    """
    found = np.zeros(len(wanted), dtype=np.intp)
    if not len(keys) or not len(wanted):
        return found
    at = np.searchsorted(keys, wanted).clip(max=len(keys) - 1)
    hit = np.flatnonzero(keys[at] == wanted)
    found[hit] = counts[at[hit]]
    return found
