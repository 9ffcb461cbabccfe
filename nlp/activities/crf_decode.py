"""Decoding the activity tagger's linear-chain CRF (nlp/activities/crf.py holds its weights) with
numpy, every tagged sentence of a document in one pass over positions: Viterbi for the best labels,
forward-backward for the marginals (``lenient_labels``).

The arithmetic is CRFsuite's: a transition adds the weight of the label pair, there is no start or
end weight; a test checks labels and marginals against python-crfsuite on invented documents.

Where the package was built with a C compiler, ``decode_many`` runs the same decoder compiled
(nlp/activities/_crf.c, ``nlp.activities._crf``): the same labels, the same marginals to rounding
(it scales at every position), about a fiftieth of the time. ``ZONGJIE_PURE_PYTHON=1`` in the
environment, or a build without a compiler, keeps the numpy decoder here (``decode_many_numpy``);
tests/test_activity_crf.py holds the two to each other.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.activities.crf import CRFWeights
from nlp.kernels import optional_kernel

COMPILED = optional_kernel("nlp.activities._crf")

# A sentence longer than this is decoded on its own with plain floats: in a batch, the positions
# only it reaches would each cost a round of numpy calls for one sentence (a table flattened
# into one sentence of 40,000 words would take seconds).
_BATCHED_LENGTH = 256


def decode_many(
    weights: CRFWeights, scores: np.ndarray, lengths: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Best labels (as label indices) and marginal probabilities of consecutive sentences:
    ``decode_compiled`` where it was built, else ``decode_many_numpy``."""
    if COMPILED is not None:
        return decode_compiled(weights.transitions, scores, lengths)
    return decode_many_numpy(weights, scores, lengths)


def decode_compiled(
    trans: np.ndarray, scores: np.ndarray, lengths: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """``decode_many`` by the compiled decoder (which must have been built)."""
    if COMPILED is None:
        raise RuntimeError("nlp.activities._crf was not built (or ZONGJIE_PURE_PYTHON is set)")
    scores = np.ascontiguousarray(scores, dtype=np.float64)
    best = np.empty(len(scores), dtype=np.int64)
    marginals = np.empty(scores.shape)
    COMPILED.decode(
        np.ascontiguousarray(trans, dtype=np.float64),
        scores,
        np.ascontiguousarray(lengths, dtype=np.int64),
        best,
        marginals,
    )
    return best, marginals


def decode_many_numpy(
    weights: CRFWeights, scores: np.ndarray, lengths: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Best labels (as label indices) and marginal probabilities of consecutive sentences, with numpy.

    ``scores`` holds the state scores of every token (tokens × labels), the sentences one after
    the other with the given ``lengths``. Sentences up to ``_BATCHED_LENGTH`` tokens are decoded
    together, position by position; longer ones one by one. Either way the cost grows with the
    number of tokens.
    """
    total, n_labels = scores.shape
    best = np.zeros(total, dtype=np.intp)
    marginals = np.zeros((total, n_labels))
    lengths_array = np.asarray(lengths, dtype=np.intp)
    starts = np.cumsum(lengths_array) - lengths_array
    batched = (lengths_array > 0) & (lengths_array <= _BATCHED_LENGTH)
    if len(batched) and batched.all():  # an ordinary document: every sentence in the batch
        return _decode_batch(weights.transitions, scores, lengths_array)
    if batched.any():
        rows = _rows_of(starts[batched], lengths_array[batched])
        best[rows], marginals[rows] = _decode_batch(
            weights.transitions, scores.take(rows, axis=0), lengths_array[batched]
        )
    for s, n in zip(starts.tolist(), lengths_array.tolist(), strict=True):
        if n > _BATCHED_LENGTH:
            best[s : s + n], marginals[s : s + n] = _decode_alone(weights.transitions, scores[s : s + n])
    return best, marginals


def _rows_of(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The rows ``starts[k] … starts[k] + lengths[k] - 1`` of every k, one after the other."""
    return np.repeat(starts, lengths) + (
        np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    )


def _decode_batch(
    trans: np.ndarray, scores: np.ndarray, lengths: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """``decode_many`` of consecutive sentences, all at once: numpy over the sentences that have a
    token at each position.

    The tokens are laid out position by position, and at each position the sentences longest
    first: the sentences still going at position t are a prefix of those going at t - 1, and
    their tokens a block of ``active[t]`` rows starting at ``offsets[t]``, so each step reads
    and writes plain slices, and the layout holds the tokens and nothing else.
    """
    lengths_array = np.asarray(lengths, dtype=np.intp)
    starts = np.cumsum(lengths_array) - lengths_array
    order = np.argsort(-lengths_array, kind="stable")  # longest first: the active ones are a prefix
    starts, lengths_array = starts[order], lengths_array[order]
    longest = int(lengths_array[0])
    # active[t]: how many sentences have a token at position t
    active = np.searchsorted(-lengths_array, -np.arange(longest), side="left")
    offsets = np.cumsum(active) - active
    # the token at each place of the layout: sentence j's token at position t sits at offsets[t] + j
    position = np.repeat(np.arange(longest), active)
    rank = np.arange(len(position)) - offsets[position]
    at = starts[rank] + position
    state = scores.take(at, axis=0)  # ``take``: several times faster than indexing with an array
    exp_state = np.exp(state - state.max(axis=1, keepdims=True))
    steps = list(zip(offsets.tolist(), active.tolist(), strict=True))
    last_place = offsets[lengths_array - 1] + np.arange(len(starts))  # each sentence's last token
    delta, back, alpha = _forward(trans, state, exp_state, steps)
    best = np.empty(len(state), dtype=np.intp)
    best[last_place] = delta[last_place].argmax(axis=1)  # the first of equal maxima
    beta = _backward(trans, exp_state, steps, back, best)
    place_of = np.empty_like(at)  # the place of each token in the layout
    place_of[at] = np.arange(len(at))
    joint = (alpha * beta).take(place_of, axis=0)
    return best.take(place_of), joint / joint.sum(axis=1, keepdims=True)


def _forward(
    trans: np.ndarray, state: np.ndarray, exp_state: np.ndarray, steps: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One pass forward over the layout ``_decode_batch`` makes (``steps``: each position's
    offset and number of sentences): Viterbi's best score of each label at each place, the best
    label before it (``back``), and the forward probabilities.

    Each label's best predecessor is found with ``argmax`` over a (sentence × to × from) array,
    and its value read at that index: numpy's ``max`` along an axis costs several times more per
    call on arrays this small, and the value is the same. The forward probabilities are scaled
    only every ``_scaling_period`` positions (their scale cancels in the marginals; CRFsuite scales
    at every position, which differs in the last bits).
    """
    n_labels = state.shape[1]
    widest = steps[0][1]
    exp_trans = np.exp(trans)
    every = _scaling_period(trans)
    back = np.zeros(state.shape, dtype=np.intp)
    delta = state.copy()  # the state score, to which the best way here is added
    candidates = np.empty((widest, n_labels, n_labels))  # sentence × to × from
    flat_candidates = candidates.reshape(-1)
    cells = np.arange(widest * n_labels) * n_labels  # where each (sentence, to) row starts
    trans_to_from = np.ascontiguousarray(trans.T)
    alpha = exp_state.copy()
    previous = 0
    for t, (here, k) in enumerate(steps[1:], start=1):
        now = slice(here, here + k)
        np.add(delta[previous : previous + k, None, :], trans_to_from, out=candidates[:k])
        pointers = back[now]
        candidates[:k].argmax(axis=2, out=pointers)
        delta[now] += flat_candidates[cells[: k * n_labels] + pointers.reshape(-1)].reshape(k, n_labels)
        forward = alpha[now]
        forward *= alpha[previous : previous + k] @ exp_trans
        if t % every == 0:
            _scale_rows(forward, forward)
        previous = here
    return delta, back, alpha


def _scale_rows(rows: np.ndarray, out: np.ndarray) -> None:
    """``rows / rows.sum(axis=1, keepdims=True)`` written to ``out``: the sum taken label after
    label, in the order numpy sums a few numbers."""
    total = rows[:, 0] + rows[:, 1]
    for i in range(2, rows.shape[1]):
        total += rows[:, i]
    np.divide(rows, total[:, None], out=out)


def _backward(
    trans: np.ndarray, exp_state: np.ndarray, steps: list[tuple[int, int]], back: np.ndarray, best: np.ndarray
) -> np.ndarray:
    """One pass backward over the layout of ``_decode_batch``: the best labels followed along the
    pointers from each sentence's last (``best`` holds those, and is filled in), and the backward
    probabilities of each place from the next position's (1 at a sentence's last token), scaled
    every ``_scaling_period`` positions."""
    n_labels = exp_state.shape[1]
    exp_trans_t = np.exp(trans).T
    every = _scaling_period(trans)
    beta = np.ones_like(exp_state)
    lanes = np.arange(steps[0][1]) * n_labels
    flat_back = back.reshape(-1)
    for t, ((before, _), (here, k)) in enumerate(zip(steps[-2::-1], steps[:0:-1], strict=True), start=1):
        # place ``here + j`` names the best label of place ``before + j``
        best[before : before + k] = flat_back[here * n_labels + lanes[:k] + best[here : here + k]]
        backward = beta[before : before + k]
        np.matmul(beta[here : here + k] * exp_state[here : here + k], exp_trans_t, out=backward)
        if t % every == 0:
            _scale_rows(backward, backward)
    return beta


# How far (in natural log) the forward and backward probabilities may drift from 1 before they
# are scaled back: far from the ends of floating point (about ±708) either way.
_LOG_RANGE = 300.0


def _scaling_period(trans: np.ndarray) -> int:
    """After how many positions the probabilities are scaled back to sum 1.

    From one position to the next, the forward row is mixed by ``exp(trans)`` and multiplied by
    the token's ``exp(score - max score)`` (at most 1, and 1 for some label): its sum changes by a
    factor between the smallest ``exp(trans)`` and the number of labels times the largest. The
    backward row is multiplied first, so the label at 1 may be one the row holds little of: after
    a mixing its entries lie within the largest over the smallest ``exp(trans)`` of each other,
    which the bound pays once more. (The product of the two stays within floating point too.)
    """
    n_labels = len(trans)
    smallest, largest = min(float(trans.min()), 0.0), max(float(trans.max()), 0.0)
    shrink = -2 * smallest + largest + float(np.log(n_labels))
    grow = largest + float(np.log(n_labels))
    return max(1, int(_LOG_RANGE // max(shrink, grow, 1.0)))


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
