"""A linear-chain CRF read from CRFsuite's model file, decoded with numpy, many sentences at once.

python-crfsuite tags one sentence per call and takes its features as dicts of strings that it
encodes and looks up again for every token; on the activity tagger that cost more than the whole
``jieba.lcut`` pass over the same text. Here the model's weights are read once from the binary file
``zongjie train --activities`` writes (CRFsuite's ``crf1d`` format: a header, a feature table of
``(type, source, destination, weight)`` records, and constant-database string tables for labels and
attributes), so a token's score can be summed from rows cached per word
(nlp/activities/scoring.py), and every tagged sentence of a document is decoded in one pass over
positions: Viterbi for the best labels, forward-backward for the marginals (``lenient_labels``).

The arithmetic is CRFsuite's: a token's score for a label is the sum of the weights of its
attributes (all of value 1), a transition adds the weight of the label pair, there is no start or
end weight. Sums are taken in another order, so scores agree to the last few bits; a test checks
labels and marginals against python-crfsuite on real documents.
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
        magic, _size, kind, _version, _nf, n_labels, n_attrs, off_features, off_labels, off_attrs, *_ = (
            _HEADER.unpack_from(data, 0)
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite crf1d model")
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

    def row(self, attributes: Sequence[str]) -> np.ndarray:
        """The summed state weights of ``attributes`` (each of value 1); unknown ones weigh nothing."""
        out = np.zeros(len(self.labels))
        for attribute in attributes:
            i = self.attributes.get(attribute)
            if i is not None:
                out += self.state[i]
        return out


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
    return out


def decode_many(
    weights: CRFWeights, scores: np.ndarray, lengths: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Best labels (as label indices) and marginal probabilities of consecutive sentences.

    ``scores`` holds the state scores of every token (tokens × labels), the sentences one after
    the other with the given ``lengths``. Sentences are decoded together, position by position,
    so the cost grows with the number of tokens plus the longest sentence's length.
    """
    total, n_labels = scores.shape
    best = np.zeros(total, dtype=np.intp)
    marginals = np.zeros((total, n_labels))
    if total == 0:
        return best, marginals
    lengths_array = np.asarray(lengths, dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(lengths_array)[:-1]))
    order = np.argsort(-lengths_array, kind="stable")  # longest first: the active ones are a prefix
    starts, lengths_array = starts[order], lengths_array[order]
    longest = int(lengths_array[0])
    # active[t]: how many sentences have a token at position t
    active = np.searchsorted(-lengths_array, -np.arange(longest), side="left")
    trans = weights.transitions
    # Viterbi (log space), keeping back-pointers per position
    delta = scores[starts].copy()
    back: list[np.ndarray] = [np.empty(0, dtype=np.intp)]
    _finish(best, starts, lengths_array, delta, 1)
    for t in range(1, longest):
        k = int(active[t])
        candidates = delta[:k, :, None] + trans[None, :, :]  # k × from × to
        back.append(candidates.argmax(axis=1))
        delta = candidates.max(axis=1) + scores[starts[:k] + t]  # the value at the argmax, exactly
        _finish(best, starts, lengths_array, delta, t + 1)
    for t in range(longest - 1, 0, -1):  # follow the pointers back from each sentence's last label
        k = int(active[t])
        best[starts[:k] + t - 1] = back[t][np.arange(k), best[starts[:k] + t]]
    # forward-backward in probability space, each position scaled to sum 1 (as CRFsuite does)
    exp_state = np.exp(scores - scores.max(axis=1, keepdims=True))
    exp_trans = np.exp(trans)
    alpha = np.zeros((total, n_labels))
    first = exp_state[starts]
    alpha[starts] = first / first.sum(axis=1, keepdims=True)
    for t in range(1, longest):
        k = int(active[t])
        at = starts[:k] + t
        step = (alpha[at - 1] @ exp_trans) * exp_state[at]
        alpha[at] = step / step.sum(axis=1, keepdims=True)
    beta = np.ones((total, n_labels))
    for t in range(longest - 2, -1, -1):
        k = int(active[t + 1])  # sentences with a token after position t
        at = starts[:k] + t
        step = (exp_trans @ (beta[at + 1] * exp_state[at + 1]).T).T
        beta[at] = step / step.sum(axis=1, keepdims=True)
    joint = alpha * beta
    marginals = joint / joint.sum(axis=1, keepdims=True)
    return best, marginals


def _finish(best: np.ndarray, starts: np.ndarray, lengths: np.ndarray, delta: np.ndarray, length: int) -> None:
    """Record the best last label of the sentences exactly ``length`` tokens long."""
    done = np.flatnonzero(lengths[: len(delta)] == length)
    if done.size:
        best[starts[done] + length - 1] = delta[done].argmax(axis=1)
