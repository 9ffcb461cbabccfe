"""The activity tagger's token scores, summed from weight rows kept per word and per context.

``sequence_features`` (nlp/activities/features.py) writes a dict of about thirty attributes per
token, which python-crfsuite then encodes and looks up one by one: the same work for every
occurrence of every word. Here a token's attributes are grouped by what they depend on, and each
group's summed weights are computed once and kept:

- the word itself (form, tag, length, first and last characters, digits, vocabulary marks, kind);
- the word seen from a neighbour two or one places before or after (form, tag, some marks), or
  the sentence edge where there is none;
- the token's context (rule label and its neighbours', place in the clause, figure marks, quotes,
  heading), a handful of values packed into one integer (nlp/activities/token_context.py);
- the word pairs with the word before and after: one attribute each, read straight from the
  model's rows.

A document's tokens come as integer keys (nlp/activities/token_arrays.py), so each group's row is
one numpy gather over all of them, and a token's score the sum of eight rows, added in a fixed
order. The groups expand to exactly the attributes ``sequence_features`` writes
(tests/test_activity_crf.py compares the scores token by token on invented documents), so the
scores are the model's, summed in another order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import itemgetter

import numpy as np

from nlp.activities.crf import CRFWeights
from nlp.activities.features import Span, Token, kind_of_word, word_class
from nlp.activities.token_arrays import TaggedTokens, WordKeys, tagged_tokens, tokens_as_arrays
from nlp.activities.token_context import context_codes, context_of
from nlp.activities.word_pairs import PairTables
from nlp.records import Fact, Sentence
from nlp.text.document import Text

_NEIGHBOUR_MARKS = frozenset({"light", "weak", "content", "head", "slogan", "document", "person", "stop"})
_OFFSETS = (-2, -1, 1, 2)
_FIRST, _LAST = itemgetter(0), itemgetter(-1)  # a word's first and last characters
_FIRST_TWO, _LAST_TWO = itemgetter(slice(None, 2)), itemgetter(slice(-2, None))
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
        length = by_prefix.get("len", {})
        # the row of ``len:`` for a word of each length 0 … 4 (longer words read ``len:4``)
        self.length_rows = np.array([length.get(str(n), 0) for n in range(5)], dtype=np.intp)
        # every distinct tuple of marks met so far gets a code; ``_mark_tables`` holds, for each of
        # the five slots, the rows of each code's marks padded with row 0 (made again when it grows)
        self._mark_codes: dict[tuple[str, ...], int] = {}
        self._mark_tables: list[np.ndarray] = []

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
        w, t, _length, p1, s1, s2, p2 = self.own_tables

        def rows(table: dict[str, int], values: Iterable[str | None]) -> np.ndarray:
            return np.fromiter(map(table.get, values, repeat(0)), dtype=np.intp, count=n)

        zero = np.zeros(n, dtype=np.intp)
        own = [
            np.full(n, self.bias[0], dtype=np.intp) if self.bias else zero,
            rows(w, words),
            rows(t, tags),
            self.length_rows[np.minimum(np.fromiter(map(len, words), dtype=np.intp, count=n), 4)],
            rows(p1, map(_FIRST, words)),
            rows(s1, map(_LAST, words)),
            rows(s2, map(_LAST_TWO, words)),
            rows(p2, map(_FIRST_TWO, words)),
        ]
        if self.digit:
            own.append(np.fromiter(map(str.isdigit, words), dtype=bool, count=n) * self.digit[0])
        marks = self._mark_columns(list(map(word_class, words)))
        own += marks[0]
        own.append(rows(self.kinds, map(kind_of_word, words)))  # (``kinds.get(None)``: row 0)
        out = [own]
        for (seen_words, seen_tags), seen_marks in zip(self.seen_tables, marks[1:], strict=True):
            out.append([rows(seen_words, words), rows(seen_tags, tags), *seen_marks])
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
            for slot in range(1 + len(_OFFSETS)):
                width = max((len(found[slot]) for found in lists), default=0)
                table = np.zeros((len(lists), width), dtype=np.intp)
                for code, found in enumerate(lists):
                    table[code, : len(found[slot])] = found[slot]
                self._mark_tables.append(table)
        code = np.fromiter(map(codes.__getitem__, classes), dtype=np.intp, count=len(classes))
        return [list(table.take(code, axis=0).T) for table in self._mark_tables]


class TokenScorer:
    """State scores of a document's tokens under one model's weights, with the summed weights of
    each word and each context kept between calls."""

    def __init__(self, weights: CRFWeights) -> None:
        self.weights = weights
        self._ids = _AttributeIds(weights.attributes)
        self._pairs = PairTables(self._ids.by_prefix.get("w-1|w", {}), self._ids.by_prefix.get("w|w+1", {}))
        self._clear()

    def _clear(self) -> None:
        self.keys = WordKeys()  # the (word, tag) pairs seen, by integer key
        # each key's rows (as itself, then as the neighbour two and one before, one and two after)
        self._word_rows = np.zeros((0, 1 + len(_OFFSETS)), dtype=np.intp)
        self._pair_word = np.zeros(0, dtype=np.int64)  # each key's word in the pair tables, -1: in none
        self._contexts: dict[int, int] = {}  # a packed context's row (token_context.context_codes)
        # row 0 is all zeros (what unknown attributes weigh); rows 1 … hold the model's attributes
        # one by one (a word pair is one attribute: no sum to keep); the sums kept come after
        state = self.weights.state
        self._rows = np.concatenate((np.zeros((1, state.shape[1])), state, np.zeros((1024, state.shape[1]))))
        self._used = 1 + len(state)
        self._edges = [self._add(neighbour_attributes(d, None, "")) for d in _OFFSETS]

    def tokens_of(self, doc: Text, sentences: Sequence[Sentence]) -> TaggedTokens:
        """The tokens of ``sentences`` as arrays keyed by this scorer (its kept sums start afresh
        when a long batch of varied text has filled them)."""
        if len(self._contexts) + len(self.keys) > _CACHE_LIMIT:
            self._clear()
        return tagged_tokens(doc, sentences, self.keys)

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
        words = [word for word, _ in keys]
        slots = []
        for columns in self._ids.columns_of(words, [tag for _, tag in keys]):
            sums = np.zeros((len(keys), self._rows.shape[1]))
            for column in columns:
                sums += self._rows.take(column, axis=0)
            slots.append(sums)
        rows = self._keep(np.stack(slots, axis=1).reshape(-1, self._rows.shape[1]))  # word by word, slot by slot
        self._word_rows = np.concatenate((self._word_rows, rows.reshape(-1, 1 + len(_OFFSETS))))
        self._pair_word = np.concatenate((self._pair_word, self._pairs.word_ids(words)))

    def scores(
        self,
        tokens: Sequence[Token],
        facts: Sequence[Fact] = (),
        rule_spans: Sequence[Span] = (),
        heading_spans: Sequence[Span] = (),
    ) -> np.ndarray:
        """A (tokens × labels) array for one sentence: each token's state score, as
        ``sequence_features`` would give (``facts``: those of the sentence)."""
        if not tokens:
            return np.zeros((0, len(self.weights.labels)))
        fact_starts = [f.norm_start for f in facts]
        sentence = Sentence(
            min([tokens[0].start, *fact_starts]), max([tokens[-1].end, *(s + 1 for s in fact_starts)])
        )
        return self.scores_of(
            tokens_as_arrays([tokens], self.keys, [sentence]), facts, rule_spans, heading_spans
        )

    def scores_of(
        self,
        tokens: TaggedTokens,
        facts: Sequence[Fact],
        rule_spans: Sequence[Span],
        heading_spans: Sequence[Span],
    ) -> np.ndarray:
        """A (tokens × labels) array: the state score of every token of ``tokens`` (made by
        ``tokens_of``), summed over its eight kept rows (``_pieces``)."""
        if not len(tokens):
            return np.zeros((0, len(self.weights.labels)))
        if len(self._word_rows) < len(self.keys):
            self._add_words(self.keys.words[len(self._word_rows) :])
        columns = self._pieces(tokens, facts, rule_spans, heading_spans)
        # the pieces added one column after another, in the order of the columns (``take``
        # gathers rows several times faster than indexing with an array)
        rows = self._rows
        total = rows.take(columns[0], axis=0)
        for column in columns[1:]:
            total += rows.take(column, axis=0)
        return total

    def _pieces(
        self,
        tokens: TaggedTokens,
        facts: Sequence[Fact],
        rule_spans: Sequence[Span],
        heading_spans: Sequence[Span],
    ) -> list[np.ndarray]:
        """The rows whose sum is each token's score: its word, its four neighbours or the
        sentence's edges, its context, and its word pairs with the word before and after."""
        keys = self.keys
        key = tokens.keys
        n = len(key)
        index = np.arange(n)
        word_rows = self._word_rows.take(key, axis=0)
        columns = [word_rows[:, 0]]
        for slot, (offset, edge) in enumerate(zip(_OFFSETS, self._edges, strict=True), start=1):
            other = index + offset
            present = (other >= tokens.first) & (other < tokens.stop)
            column = np.full(n, edge, dtype=np.intp)
            column[present] = word_rows[:, slot].take(other[present])  # the neighbour's row as seen from here
            columns.append(column)
        codes = context_codes(
            tokens,
            keys.clause_mark[key],
            keys.opens_quote[key],
            keys.closes_quote[key],
            facts,
            rule_spans,
            heading_spans,
        )
        columns.append(self._context_rows(codes))
        # the pair of each token with the next one: the next token's w-1|w, this token's w|w+1
        pair_word = self._pair_word[key]
        paired = index[:-1][index[1:] < tokens.stop[:-1]]
        before, after = np.zeros(n, dtype=np.intp), np.zeros(n, dtype=np.intp)
        before[paired + 1] = self._pairs.left_rows(pair_word[paired], pair_word[paired + 1])
        after[paired] = self._pairs.right_rows(pair_word[paired], pair_word[paired + 1])
        return [*columns, before, after]

    def _context_rows(self, codes: np.ndarray) -> np.ndarray:
        distinct, inverse = np.unique(codes, return_inverse=True)
        known = self._contexts
        wanted = distinct.tolist()
        new = [code for code in wanted if code not in known]
        if new:
            attributes = self.weights.attributes
            lists = []
            for code in new:
                found = map(attributes.get, context_attributes(context_of(code)))
                lists.append([1 + i for i in found if i is not None])
            known.update(zip(new, self._add_sums(lists).tolist(), strict=True))
        return np.fromiter(map(known.__getitem__, wanted), dtype=np.intp, count=len(wanted))[inverse]

    def _add_sums(self, lists: Sequence[Sequence[int]]) -> np.ndarray:
        """For each list of rows, a new row holding their sum (row 0 when it weighs nothing).

        Each sum is added up in the order of its list from zeros, padded with the zero row, as
        ``CRFWeights.row`` adds up an attribute list's rows (a test holds the context rows to it).
        """
        width = max(map(len, lists))
        table = np.zeros((len(lists), width), dtype=np.intp)
        for k, rows in enumerate(lists):
            table[k, : len(rows)] = rows
        sums = np.zeros((len(lists), self._rows.shape[1]))
        for column in table.T:
            sums += self._rows.take(column, axis=0)
        return self._keep(sums)

    def _keep(self, sums: np.ndarray) -> np.ndarray:
        """The rows where ``sums`` are kept, in order (row 0, the zeros, for a sum that weighs nothing)."""
        weighing = sums.any(axis=1)
        count = int(weighing.sum())
        while self._used + count > len(self._rows):
            self._rows = np.concatenate((self._rows, np.zeros_like(self._rows)))
        rows = np.zeros(len(sums), dtype=np.intp)
        rows[weighing] = np.arange(self._used, self._used + count)
        self._rows[self._used : self._used + count] = sums[weighing]
        self._used += count
        return rows
