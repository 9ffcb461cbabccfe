"""A linear-chain CRF read from CRFsuite's model file (decoded with numpy, many sentences at once,
in nlp/activities/crf_decode.py).

python-crfsuite tags one sentence per call and takes its features as dicts of strings that it
encodes and looks up again for every token; on the activity tagger that cost more than the whole
``jieba.lcut`` pass over the same text. Here the model's weights are read once from the binary file
``zongjie train --activities`` writes (CRFsuite's ``crf1d`` format: a header, a feature table of
``(type, source, destination, weight)`` records, and constant-database string tables for labels and
attributes), so a token's score can be summed from rows cached per word
(nlp/activities/scoring.py). The weights are kept as arrays (a state row per attribute, the
transitions), not as Python lists: tens of thousands of objects fewer for the collector to walk.

The arithmetic is CRFsuite's: a token's score for a label is the sum of the weights of its
attributes (all of value 1), a transition adds the weight of the label pair, there is no start or
end weight. Sums are taken in another order, so scores agree to the last few bits; a test checks
labels and marginals against python-crfsuite on invented documents.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_CQDB_DATA = 24 + 256 * 8  # the header, then 256 hash-table references, then the records
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CRFWeights:
    """Labels, the state weight row of each attribute, and the label-to-label transition weights."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray  # attributes × labels
    transitions: np.ndarray  # labels × labels, [from, to]

    @classmethod
    def read(cls, path: str | Path) -> CRFWeights:
        """The weights of a CRFsuite ``crf1d`` model file.

        Raises ``ValueError`` when the file is not one.
        """
        data = Path(path).read_bytes()
        if len(data) < _HEADER.size:
            raise ValueError("not a CRFsuite model: too short")
        magic, size, kind, _version, _nf, n_labels, n_attrs, off_features, off_labels, off_attrs, *_ = (
            _HEADER.unpack_from(data, 0)
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite crf1d model")
        if size != len(data):
            raise ValueError(f"CRFsuite model of {len(data)} bytes where its header says {size}")
        labels = _strings(data, off_labels, n_labels)
        attributes = _strings(data, off_attrs, n_attrs)
        chunk, _chunk_size, n_features = _CHUNK.unpack_from(data, off_features)
        if chunk != b"FEAT":
            raise ValueError("CRFsuite model without a feature table")
        state = np.zeros((n_attrs, n_labels))
        transitions = np.zeros((n_labels, n_labels))
        for kind_, source, target, weight in _FEATURE.iter_unpack(
            data[off_features + _CHUNK.size : off_features + _CHUNK.size + n_features * _FEATURE.size]
        ):
            if kind_ == _STATE:
                state[source, target] = weight
            elif kind_ == _TRANSITION:
                transitions[source, target] = weight
        return cls(tuple(labels), {a: i for i, a in enumerate(attributes)}, state, transitions)

    def row(self, attributes: Sequence[str]) -> list[float]:
        """The summed state weights of ``attributes`` (each of value 1), added in their order;
        unknown ones weigh nothing."""
        out = np.zeros(len(self.labels))
        for attribute in attributes:
            i = self.attributes.get(attribute)
            if i is not None:
                out += self.state[i]  # (label by label, the same float additions as plain Python's)
        return out.tolist()


def _strings(data: bytes, offset: int, count: int) -> list[str]:
    """The ``count`` strings of a CRFsuite constant database (CQDB) at ``offset``, by id."""
    chunk, _size, _flag, _order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB" or bwd_size < count:
        raise ValueError("CRFsuite model with a damaged string table")
    out = []
    for (record,) in struct.iter_unpack("<I", data[offset + bwd_offset : offset + bwd_offset + 4 * count]):
        _id, length = struct.unpack_from("<II", data, offset + record)
        start = offset + record + 8
        out.append(data[start : start + length - 1].decode("utf-8"))  # the key ends with a NUL
    if len(out) != count:
        raise ValueError("CRFsuite model with a damaged string table")
    return out
