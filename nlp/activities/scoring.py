"""The activity tagger's token scores, summed from weight rows cached per word.

``sequence_features`` (nlp/activities/features.py) writes a dict of about thirty attributes per
token, which python-crfsuite then encodes and looks up one by one: the same work for every
occurrence of every word. Here a token's attributes are grouped by what they depend on, and each
group's summed weights are computed once and kept:

- the word itself (form, tag, length, first and last characters, digits, vocabulary marks, kind);
- the word seen from a neighbour two or one places before or after (form, tag, some marks), or
  the sentence edge where there is none;
- the token's context (rule label and its neighbours', place in the clause, figure marks, quotes,
  heading), a handful of values;
- the word pairs with the word before and after: one attribute each, read straight from the
  model's rows.

So a token costs a few dictionary look-ups, and the sums are numpy's. The groups expand to
exactly the attributes ``sequence_features`` writes (tests/test_activity_crf.py compares the scores
token by token on invented documents), so the scores are the model's, summed in another order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np

from nlp.activities.crf import CRFWeights
from nlp.activities.features import (
    CLAUSE_MARKS,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Span,
    Token,
    bio_labels,
    figure_marks,
    kind_of_word,
    word_class,
)
from nlp.records import Fact

_NEIGHBOUR_MARKS = frozenset({"light", "weak", "content", "head", "slogan", "document", "person", "stop"})
_OFFSETS = (-2, -1, 1, 2)
_PIECES = 8  # per token: its word, four neighbours (or edges), its context, two word pairs
_CACHE_LIMIT = 500_000  # keys kept before the cache starts afresh (a long batch of varied text)


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
    out += [f"rule{d:+d}:{label}" for d, label in zip(_OFFSETS, around, strict=True) if label is not None]
    return out


class TokenScorer:
    """State scores of tokens under one model's weights, with the per-word sums kept between calls."""

    def __init__(self, weights: CRFWeights) -> None:
        self.weights = weights
        self._clear()

    def _clear(self) -> None:
        self._index: dict[Hashable, Any] = {}  # a row, or a tuple of rows
        # row 0 is all zeros (what unknown attributes weigh); rows 1 … hold the model's attributes
        # one by one (a word pair is one attribute: no sum to keep); the sums kept come after
        state = self.weights.state
        self._rows = np.concatenate((np.zeros((1, state.shape[1])), state, np.zeros((1024, state.shape[1]))))
        self._used = 1 + len(state)

    def _row(self, key: Hashable, attributes: Callable[[], list[str]]) -> int:
        row = self._index.get(key)
        if row is None:
            row = self._index[key] = self._add(attributes())
        return row

    def _add(self, attributes: list[str]) -> int:
        """A new row holding the summed weights of ``attributes`` (row 0 when they weigh nothing)."""
        values = self.weights.row(attributes)
        if not any(values):
            return 0
        if self._used == len(self._rows):
            self._rows = np.concatenate((self._rows, np.zeros_like(self._rows)))
        self._rows[self._used] = values
        self._used += 1
        return self._used - 1

    def _add_words(self, keys: Sequence[tuple[str, str]]) -> None:
        """The rows of words not seen before (as itself, then as each neighbour: slot k holds the
        attributes it gives the token ``_OFFSETS[k - 1]`` places before it, that token's w-2, w-1,
        w+1, w+2), all summed in one numpy pass.

        Each row is added up in the order of its attributes, as ``CRFWeights.row`` adds them (an
        unknown attribute adds the zero row), so the sums are the same to the last bit.
        """
        attribute = self.weights.attributes.get
        lists: list[list[int]] = []
        for word, tag in keys:
            for names in (word_attributes(word, tag), *(neighbour_attributes(d, word, tag) for d in _OFFSETS)):
                lists.append([1 + i for i in map(attribute, names) if i is not None])
        width = max(map(len, lists))
        table = np.array([rows + [0] * (width - len(rows)) for rows in lists], dtype=np.intp)
        sums = np.zeros((len(lists), self._rows.shape[1]))
        for k in range(width):
            sums += self._rows[table[:, k]]
        weighing = sums.any(axis=1)
        count = int(weighing.sum())
        while self._used + count > len(self._rows):
            self._rows = np.concatenate((self._rows, np.zeros_like(self._rows)))
        ids = np.zeros(len(lists), dtype=np.intp)  # row 0 for what weighs nothing
        ids[weighing] = np.arange(self._used, self._used + count)
        self._rows[self._used : self._used + count] = sums[weighing]
        self._used += count
        for key, rows in zip(keys, ids.reshape(-1, 1 + len(_OFFSETS)).tolist(), strict=True):
            self._index[key] = tuple(rows)

    def scores(
        self,
        tokens: Sequence[Token],
        facts: Sequence[Fact] = (),
        rule_spans: Sequence[Span] = (),
        heading_spans: Sequence[Span] = (),
    ) -> np.ndarray:
        """A (tokens × labels) array: each token's state score, as ``sequence_features`` would give."""
        return self.scores_many([(tokens, facts, rule_spans, heading_spans)])

    def scores_many(
        self, sentences: Sequence[tuple[Sequence[Token], Sequence[Fact], Sequence[Span], Sequence[Span]]]
    ) -> np.ndarray:
        """The scores of several sentences' tokens, one after the other (one numpy sum for all)."""
        if len(self._index) > _CACHE_LIMIT:
            self._clear()
        index = self._index
        new = {t[2:]: None for tokens, *_ in sentences for t in tokens if t[2:] not in index}  # (word, tag)
        if new:
            self._add_words(list(new))
        pieces: list[int] = []
        for tokens, facts, rule_spans, heading_spans in sentences:
            pieces += self._pieces(tokens, facts, rule_spans, heading_spans)
        chosen = np.asarray(pieces, dtype=np.intp).reshape(-1, _PIECES)
        return self._rows[chosen].sum(axis=1)

    def _pieces(
        self,
        tokens: Sequence[Token],
        facts: Sequence[Fact],
        rule_spans: Sequence[Span],
        heading_spans: Sequence[Span],
    ) -> list[int]:
        """The cached rows whose sum is each token's score, ``_PIECES`` per token."""
        n = len(tokens)
        if n == 0:
            return []
        rule = bio_labels(tokens, rule_spans)
        figure, figure_ahead = figure_marks(tokens, facts)
        known = self._index.get
        words = [known(t[2:]) for t in tokens]  # t[2:]: (word, tag), every one added by scores_many
        edges = [self._row(("edge", d), lambda d=d: neighbour_attributes(d, None, "")) for d in _OFFSETS]
        # the rule labels two and one before and after each token (None past the sentence's edge)
        around = [None, None, *rule, None, None]
        heads = sorted(heading_spans)
        head_starts = [s for s, _ in heads]
        longest_head = max((e - s for s, e in heads), default=0)
        index = self._index
        pieces: list[int] = []
        quoted = False
        clause_index = 0
        left_row = 0
        attribute = self.weights.attributes.get
        for i, t in enumerate(tokens):
            w = t.word
            if w[0] in OPEN_QUOTES:
                quoted = True
            context = (
                rule[i],
                min(clause_index, 4),
                figure[i],
                figure_ahead[i],
                quoted,
                bool(heads) and _in_spans(heads, head_starts, longest_head, t.start),
                around[i],
                around[i + 1],
                around[i + 3],
                around[i + 4],
            )
            context_row = index.get(context)
            if context_row is None:
                context_row = index[context] = self._add(context_attributes(context))
            if i + 1 < n:  # the pair with the next word: this token's w|w+1, the next one's w-1|w
                joined = w + "|" + tokens[i + 1].word
                known = attribute("w|w+1:" + joined)
                right_row = 0 if known is None else 1 + known
                known = attribute("w-1|w:" + joined)
                next_left_row = 0 if known is None else 1 + known
            else:
                right_row = next_left_row = 0
            pieces += (
                words[i][0],
                words[i - 2][1] if i >= 2 else edges[0],
                words[i - 1][2] if i >= 1 else edges[1],
                words[i + 1][3] if i + 1 < n else edges[2],
                words[i + 2][4] if i + 2 < n else edges[3],
                context_row,
                left_row,
                right_row,
            )
            left_row = next_left_row
            if w[-1] in CLOSE_QUOTES:
                quoted = False
            clause_index = 0 if w in CLAUSE_MARKS else clause_index + 1
        return pieces


def _in_spans(spans: Sequence[Span], starts: Sequence[int], longest: int, offset: int) -> bool:
    """Whether some ``[s, e)`` of ``spans`` (sorted by start, none longer than ``longest``) holds ``offset``."""
    for k in range(bisect_left(starts, offset - longest), bisect_right(starts, offset)):
        if spans[k][0] <= offset < spans[k][1]:
            return True
    return False
