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
labels and marginals against python-crfsuite on invented documents.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    # the state rows as plain floats: summing a few of them is faster without numpy
    _state_rows: list[list[float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_state_rows", self.state.tolist())

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
        out = [0.0] * len(self.labels)
        for attribute in attributes:
            i = self.attributes.get(attribute)
            if i is not None:
                out = [a + b for a, b in zip(out, self._state_rows[i], strict=True)]
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
    if len(out) != count:
        raise ValueError("CRFsuite model with a damaged string table")
    return out


# A sentence longer than this is decoded on its own with plain floats: in a batch, the positions
# only it reaches would each cost a round of numpy calls for one sentence (a table flattened
# into one sentence of 40,000 words would take seconds).
_BATCHED_LENGTH = 256


def decode_many(
    weights: CRFWeights, scores: np.ndarray, lengths: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Best labels (as label indices) and marginal probabilities of consecutive sentences.

    ``scores`` holds the state scores of every token (tokens × labels), the sentences one after
    the other with the given ``lengths``. Sentences up to ``_BATCHED_LENGTH`` tokens are decoded
    together, position by position; longer ones one by one. Either way the cost grows with the
    number of tokens.
    """
    total, n_labels = scores.shape
    best = np.zeros(total, dtype=np.intp)
    marginals = np.zeros((total, n_labels))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.intp) if len(lengths) else []
    batched = [(int(s), n) for s, n in zip(starts, lengths, strict=True) if 0 < n <= _BATCHED_LENGTH]
    for chunk in _padded_chunks(batched):
        rows = np.concatenate([np.arange(s, s + n) for s, n in chunk])
        best[rows], marginals[rows] = _decode_batch(weights.transitions, scores[rows], [n for _, n in chunk])
    for s, n in zip(starts, lengths, strict=True):
        if n > _BATCHED_LENGTH:
            best[s : s + n], marginals[s : s + n] = _decode_alone(weights.transitions, scores[s : s + n])
    return best, marginals


# A batch is decoded in arrays of (its longest sentence × its sentences) cells: a document of
# thousands of sentences is cut into batches of at most this many, so memory stays bounded.
_BATCH_CELLS = 1 << 16  # 1.5 MB an array; the largest document of seeds, dev and long needs 31,000


def _padded_chunks(sentences: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The (start, length) of the sentences in batches whose longest × count stays within
    ``_BATCH_CELLS`` (one batch for an ordinary document), the longest sentences first.

    >>> _padded_chunks([(0, 3), (3, 200), (203, 5)])
    [[(3, 200), (203, 5), (0, 3)]]
    """
    chunks: list[list[tuple[int, int]]] = []
    longest = 0
    for sentence in sorted(sentences, key=lambda sn: -sn[1]):
        if not chunks or longest * (len(chunks[-1]) + 1) > _BATCH_CELLS:
            chunks.append([])
            longest = sentence[1]
        chunks[-1].append(sentence)
    return chunks


def _decode_batch(trans: np.ndarray, scores: np.ndarray, lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """``decode_many`` of consecutive sentences, all at once: numpy over the sentences that have a
    token at each position.

    The sentences are laid out position by position, longest first (``[t, j]`` is the token at
    position t of the j-th longest), so the sentences still going at position t are a prefix and
    each step reads and writes plain slices.
    """
    total, n_labels = scores.shape
    lengths_array = np.asarray(lengths, dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(lengths_array)[:-1]))
    order = np.argsort(-lengths_array, kind="stable")  # longest first: the active ones are a prefix
    starts, lengths_array = starts[order], lengths_array[order]
    longest = int(lengths_array[0])
    # active[t]: how many sentences have a token at position t (active[longest] = 0)
    active = np.searchsorted(-lengths_array, -np.arange(longest + 1), side="left")
    present = np.arange(longest)[:, None] < lengths_array[None, :]  # positions × sentences
    at = (starts[None, :] + np.arange(longest)[:, None])[present]  # each present token's row
    state = np.zeros((longest, len(starts), n_labels))
    state[present] = scores[at]
    exp_state = np.zeros_like(state)
    exp_state[present] = np.exp(scores - scores.max(axis=1, keepdims=True))[at]
    exp_trans = np.exp(trans)
    # one pass forward: Viterbi (log space, back-pointers kept per position) and the forward
    # probabilities (each position scaled to sum 1, as CRFsuite does); the sentences ending at
    # position t are columns active[t + 1] to active[t]
    best = np.zeros((longest, len(starts)), dtype=np.intp)
    delta = state[0].copy()
    back: list[np.ndarray] = [np.empty(0, dtype=np.intp)]
    alpha = np.zeros_like(state)
    alpha[0] = exp_state[0] / exp_state[0].sum(axis=1, keepdims=True)
    for t in range(longest):
        if t:
            k = int(active[t])
            candidates = delta[:k, :, None] + trans[None, :, :]  # k × from × to
            back.append(candidates.argmax(axis=1))
            delta = candidates.max(axis=1) + state[t, :k]  # the value at the argmax, exactly
            step = (alpha[t - 1, :k] @ exp_trans) * exp_state[t, :k]
            alpha[t, :k] = step / step.sum(axis=1, keepdims=True)
        if active[t + 1] < active[t]:  # some sentence ends here (at few positions of a long batch)
            done = slice(int(active[t + 1]), int(active[t]))
            best[t, done] = delta[done].argmax(axis=1)
    # one pass backward: follow the pointers from each sentence's last label, and the backward
    # probabilities of position t - 1 from position t
    columns = np.arange(len(starts))
    beta = np.ones_like(state)
    for t in range(longest - 1, 0, -1):
        k = int(active[t])
        best[t - 1, :k] = back[t][columns[:k], best[t, :k]]
        step = (exp_trans @ (beta[t, :k] * exp_state[t, :k]).T).T
        beta[t - 1, :k] = step / step.sum(axis=1, keepdims=True)
    labels = np.zeros(total, dtype=np.intp)
    labels[at] = best[present]
    joint = np.zeros((total, n_labels))
    joint[at] = alpha[present] * beta[present]
    return labels, joint / joint.sum(axis=1, keepdims=True)


def _decode_alone(trans: np.ndarray, scores: np.ndarray) -> tuple[list[int], np.ndarray]:
    """``decode_many`` of one sentence with plain floats: the same sums, maxima and first-best
    ties as the batch, without a round of numpy calls per position."""
    rows = scores.tolist()
    weights = trans.tolist()
    labels = range(len(weights))
    delta = rows[0]
    back: list[list[int]] = []
    for row in rows[1:]:
        pointers, values = [], []
        for j in labels:
            best_i, best_value = 0, delta[0] + weights[0][j]
            for i in labels[1:]:
                value = delta[i] + weights[i][j]
                if value > best_value:
                    best_i, best_value = i, value
            pointers.append(best_i)
            values.append(best_value + row[j])
        back.append(pointers)
        delta = values
    path = [max(labels, key=delta.__getitem__)]  # the first of equal maxima, as argmax
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    path.reverse()
    exp_state = np.exp(scores - scores.max(axis=1, keepdims=True)).tolist()
    exp_trans = np.exp(trans).tolist()
    alpha = [_scaled(exp_state[0])]
    for es in exp_state[1:]:
        previous = alpha[-1]
        alpha.append(_scaled([sum(previous[i] * exp_trans[i][j] for i in labels) * es[j] for j in labels]))
    beta = [[1.0] * len(labels)]
    for es in reversed(exp_state[1:]):
        after = [beta[-1][j] * es[j] for j in labels]
        beta.append(_scaled([sum(exp_trans[i][j] * after[j] for j in labels) for i in labels]))
    beta.reverse()
    joint = np.array(alpha) * np.array(beta)
    return path, joint / joint.sum(axis=1, keepdims=True)


def _scaled(values: list[float]) -> list[float]:
    total = sum(values)
    return [v / total for v in values]
