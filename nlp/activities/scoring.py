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
from itertools import chain
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


class _AttributeIds:
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
            (by_prefix.get(f"w{d:+d}", {}), by_prefix.get(f"t{d:+d}", {})) for d in _OFFSETS
        )
        self._mark_rows: dict[tuple[str, ...], tuple[list[int], ...]] = {}

    def mark_rows(self, marks: tuple[str, ...]) -> tuple[list[int], ...]:
        """Rows of ``v:mark`` for every mark, then of ``v-2:mark`` … ``v+2:mark`` for the marks a
        neighbour gives."""
        rows = self._mark_rows.get(marks)
        if rows is None:
            out = []
            for prefix in ("v", *(f"v{d:+d}" for d in _OFFSETS)):
                values = self.by_prefix.get(prefix, {})
                wanted = marks if prefix == "v" else [m for m in marks if m in _NEIGHBOUR_MARKS]
                out.append([values[m] for m in wanted if m in values])
            rows = self._mark_rows[marks] = tuple(out)
        return rows

    def rows_of(self, word: str, tag: str) -> list[list[int]]:
        """The rows of ``word_attributes(word, tag)``, then of ``neighbour_attributes(d, word,
        tag)`` for each offset d of ``_OFFSETS``."""
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


class TokenScorer:
    """State scores of tokens under one model's weights, with the per-word sums kept between calls."""

    def __init__(self, weights: CRFWeights) -> None:
        self.weights = weights
        self._ids = _AttributeIds(weights.attributes)
        self._right_pairs = self._ids.by_prefix.get("w|w+1", {})  # "a|b": the row of w|w+1:a|b
        self._left_pairs = self._ids.by_prefix.get("w-1|w", {})
        self._clear()

    def _clear(self) -> None:
        self._index: dict[Hashable, Any] = {}  # a context's or an edge's row
        # a word's rows (as itself, then as each neighbour) by tag, then word: read per token
        # without making a key
        self._words: dict[str, dict[str, tuple[int, ...]]] = {}
        self._word_count = 0
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
        ids = self._ids
        lists: list[list[int]] = []
        for word, tag in keys:
            lists += ids.rows_of(word, tag)
        lengths = np.fromiter(map(len, lists), dtype=np.intp, count=len(lists))
        width = int(lengths.max())
        table = np.zeros((len(lists), width), dtype=np.intp)  # padded with row 0, the zeros
        table[np.arange(width) < lengths[:, None]] = np.fromiter(
            chain.from_iterable(lists), dtype=np.intp, count=int(lengths.sum())
        )
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
        for (word, tag), rows in zip(keys, ids.reshape(-1, 1 + len(_OFFSETS)).tolist(), strict=True):
            self._words.setdefault(tag, {})[word] = tuple(rows)
        self._word_count += len(keys)

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
        if len(self._index) + self._word_count > _CACHE_LIMIT:
            self._clear()
        by_tag = self._words
        new = {
            t[2:]  # (word, tag)
            for tokens, *_ in sentences
            for t in tokens
            if t[2] not in by_tag.get(t[3], ())
        }
        if new:
            self._add_words(sorted(new))
        columns: list[list[int]] = [[] for _ in range(_PIECES)]
        for tokens, facts, rule_spans, heading_spans in sentences:
            for column, rows in zip(columns, self._pieces(tokens, facts, rule_spans, heading_spans), strict=True):
                column += rows
        # the pieces added one column after another: the order in which ``sum(axis=1)`` over a
        # (tokens × pieces × labels) gather adds them, so the same sums to the last bit, without
        # the gathered array or the transposed copy of the row numbers
        rows = self._rows
        total = rows[np.fromiter(columns[0], dtype=np.intp, count=len(columns[0]))]
        for column in columns[1:]:
            total += rows[np.fromiter(column, dtype=np.intp, count=len(column))]
        return total

    def _pieces(
        self,
        tokens: Sequence[Token],
        facts: Sequence[Fact],
        rule_spans: Sequence[Span],
        heading_spans: Sequence[Span],
    ) -> tuple[list[int], ...]:
        """The cached rows whose sum is each token's score: ``_PIECES`` columns, a row per token
        in each (its word, its four neighbours or the edges, its context, its two word pairs)."""
        n = len(tokens)
        if n == 0:
            return tuple([] for _ in range(_PIECES))
        index = self._index
        by_tag = self._words
        own = [by_tag[t[3]][t[2]] for t in tokens]  # every word was added by scores_many
        edge = self._edges()
        words = [t.word for t in tokens]
        # the pair with the next word gives this token its w|w+1 row and the next one its w-1|w row
        joined = [a + "|" + b for a, b in zip(words, words[1:], strict=False)]  # a pair is one attribute
        quoted, place = _quotes_and_places(words)
        if heading_spans:
            heads = sorted(heading_spans)
            head_starts = [s for s, _ in heads]
            longest_head = max(e - s for s, e in heads)
            heading = [_in_spans(heads, head_starts, longest_head, t.start) for t in tokens]
        else:
            heading = [False] * n
        rule = bio_labels(tokens, rule_spans)
        figure, figure_ahead = figure_marks(tokens, facts)
        # the rule labels two and one before and after each token (None past the sentence's edge)
        around = [None, None, *rule, None, None]
        before2, before1, after1, after2 = around[:n], around[1 : n + 1], around[3 : n + 3], around[4:]
        contexts = zip(
            rule, place, figure, figure_ahead, quoted, heading, before2, before1, after1, after2, strict=True
        )
        context_rows = []
        for context in contexts:
            row = index.get(context)
            if row is None:
                row = index[context] = self._add(context_attributes(context))
            context_rows.append(row)
        itself, seen_2_before, seen_1_before, seen_1_after, seen_2_after = map(list, zip(*own, strict=True))
        return (
            itself,
            ([edge[0], edge[0]] + seen_2_before[:-2])[:n],
            [edge[1]] + seen_1_before[:-1],
            seen_1_after[1:] + [edge[2]],
            (seen_2_after[2:] + [edge[3], edge[3]])[:n],
            context_rows,
            [0] + [self._left_pairs.get(j, 0) for j in joined],
            [self._right_pairs.get(j, 0) for j in joined] + [0],
        )

    def _edges(self) -> list[int]:
        """The rows of the sentence's edges seen from the tokens two and one places after the
        start (w-2, w-1) and before the end (w+1, w+2)."""
        return [self._row(("edge", d), lambda d=d: neighbour_attributes(d, None, "")) for d in _OFFSETS]


def _quotes_and_places(words: Sequence[str]) -> tuple[list[bool], list[int]]:
    """For each word: whether it is inside quotes (from an opening mark to the word that closes),
    and its place in its clause (0 after a clause mark, at most 4)."""
    places: list[int] = []
    place = 0
    for w in words:
        places.append(place if place < 4 else 4)
        place = 0 if w in CLAUSE_MARKS else place + 1
    if not any(w[0] in OPEN_QUOTES for w in words):  # most sentences quote nothing
        return [False] * len(words), places
    quoted: list[bool] = []
    inside = False
    for w in words:
        if w[0] in OPEN_QUOTES:
            inside = True
        quoted.append(inside)
        if w[-1] in CLOSE_QUOTES:
            inside = False
    return quoted, places


def _in_spans(spans: Sequence[Span], starts: Sequence[int], longest: int, offset: int) -> bool:
    """Whether some ``[s, e)`` of ``spans`` (sorted by start, none longer than ``longest``) holds ``offset``."""
    for k in range(bisect_left(starts, offset - longest), bisect_right(starts, offset)):
        if spans[k][0] <= offset < spans[k][1]:
            return True
    return False
