"""MinHash signatures and banded locality-sensitive hashing, in numpy.

The cross-document check needs only this much of MinHash/LSH; datasketch's package imports scipy
(about 1.5 s at every start of `zongjie check`) for its parameter optimiser, which a fixed banding
does not need. Candidates from the index are confirmed with the exact Jaccard similarity by the
caller, so the banding only has to let near copies through.

>>> index = LshIndex(bands=16, rows=6)
>>> a, b, c = (signature(s) for s in ({"社区开展", "区开展文", "开展文明"}, {"社区开展", "区开展文", "开展文明"}, {"其他内容"}))
>>> index.add(0, a); index.add(1, b); index.add(2, c)
>>> sorted(index.candidates(a))
[0, 1]
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

import numpy as np

NUM_PERM = 96
_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.RandomState(seed)
    a = generator.randint(1, _MAX_HASH, size=num_perm, dtype=np.uint64)
    b = generator.randint(0, _MAX_HASH, size=num_perm, dtype=np.uint64)
    return a, b


def signature(shingles: Iterable[str], num_perm: int = NUM_PERM, seed: int = 7) -> np.ndarray:
    """The MinHash signature of a set of shingles (``num_perm`` minima of universal hashes)."""
    hashes = np.array([zlib.crc32(s.encode("utf-8")) for s in shingles] or [0], dtype=np.uint64)
    a, b = _permutations(num_perm, seed)
    # (a·h + b) mod p mod 2³², with a, h < 2³² so the product stays below 2⁶⁴
    values = (np.outer(a, hashes) + b[:, None]) % np.uint64(_PRIME) & np.uint64(_MAX_HASH)
    return values.min(axis=1)


class LshIndex:
    """Signatures cut into ``bands`` of ``rows`` values; keys sharing any band are candidates."""

    def __init__(self, bands: int = 16, rows: int = 6) -> None:
        self.bands = bands
        self.rows = rows
        self._buckets: list[dict[bytes, list[int]]] = [defaultdict(list) for _ in range(bands)]

    def _band_keys(self, sig: np.ndarray) -> list[bytes]:
        return [sig[i * self.rows : (i + 1) * self.rows].tobytes() for i in range(self.bands)]

    def add(self, key: int, sig: np.ndarray) -> None:
        for bucket, band in zip(self._buckets, self._band_keys(sig), strict=True):
            bucket[band].append(key)

    def candidates(self, sig: np.ndarray) -> set[int]:
        found: set[int] = set()
        for bucket, band in zip(self._buckets, self._band_keys(sig), strict=True):
            found.update(bucket.get(band, ()))
        return found
