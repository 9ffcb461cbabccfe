"""The activity tagger's token scores, summed from weight rows kept per word and per context.

``sequence_features`` (nlp/activities/features.py) writes a dict of about thirty attributes per
token, which python-crfsuite then encodes and looks up one by one: the same work for every
occurrence of every word. Here a token's attributes are grouped by what they depend on (their
rows in the model: nlp/activities/attribute_rows.py), and each group's summed weights are computed
once and kept:

- the word itself (form, tag, length, first and last characters, digits, vocabulary marks, kind);
- the word seen from a neighbour two or one places before or after (form, tag, some marks), or
  the sentence edge where there is none;
- the token's context (rule label and its neighbours', place in the clause, figure marks, quotes,
  heading): ten small values (nlp/activities/token_context.py), each of which names at most one
  attribute, so the context's sum is ten rows gathered from a table per value, added in order;
- the word pairs with the word before and after: one attribute each, read straight from the
  model's rows.

A document's tokens come as integer keys (nlp/activities/token_arrays.py), so each group's row is
one numpy gather over all of them, and a token's score the sum of eight rows, added in a fixed
order. The groups expand to exactly the attributes ``sequence_features`` writes
(tests/test_activity_crf.py compares the scores token by token on invented documents), so the
scores are the model's, summed in another order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.activities.attribute_rows import OFFSETS, AttributeIds, neighbour_attributes
from nlp.activities.crf import CRFWeights
from nlp.activities.features import Span, Token
from nlp.activities.token_arrays import TaggedTokens, WordKeys, tagged_tokens, tokens_as_arrays
from nlp.activities.token_context import CONTEXT_RADIX, context_values, slot_attribute
from nlp.activities.word_pairs import PairTables
from nlp.records import Fact, Sentence
from nlp.text.document import Text

_CACHE_LIMIT = 500_000  # keys kept before the cache starts afresh (a long batch of varied text)


class TokenScorer:
    """State scores of a document's tokens under one model's weights, with the summed weights of
    each word and each context kept between calls."""

    def __init__(self, weights: CRFWeights) -> None:
        self.weights = weights
        self._ids = AttributeIds(weights.attributes)
        self._pairs = PairTables(self._ids.by_prefix.get("w-1|w", {}), self._ids.by_prefix.get("w|w+1", {}))
        self._slot_rows = _slot_rows(weights)
        self._clear()

    def _clear(self) -> None:
        self.keys = WordKeys()  # the (word, tag) pairs seen, by integer key
        # each key's rows (as itself, then as the neighbour two and one before, one and two after)
        self._word_rows = np.zeros((0, 1 + len(OFFSETS)), dtype=np.intp)
        self._pair_word = np.zeros(0, dtype=np.int64)  # each key's word in the pair tables, -1: in none
        # row 0 is all zeros (what unknown attributes weigh); rows 1 … hold the model's attributes
        # one by one (a word pair is one attribute: no sum to keep); the sums kept come after
        state = self.weights.state
        self._rows = np.concatenate((np.zeros((1, state.shape[1])), state, np.zeros((1024, state.shape[1]))))
        self._used = 1 + len(state)
        self._edges = [self._add(neighbour_attributes(d, None, "")) for d in OFFSETS]

    def tokens_of(self, doc: Text, sentences: Sequence[Sentence]) -> TaggedTokens:
        """The tokens of ``sentences`` as arrays keyed by this scorer (its kept sums start afresh
        when a long batch of varied text has filled them)."""
        if len(self.keys) > _CACHE_LIMIT:
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
        attributes it gives the token ``OFFSETS[k - 1]`` places before it, that token's w-2, w-1,
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
        self._word_rows = np.concatenate((self._word_rows, rows.reshape(-1, 1 + len(OFFSETS))))
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
        ``tokens_of``), summed over its eight rows (``_pieces``)."""
        if not len(tokens):
            return np.zeros((0, len(self.weights.labels)))
        if len(self._word_rows) < len(self.keys):
            self._add_words(self.keys.words[len(self._word_rows) :])
        words, context, pairs = self._pieces(tokens, facts, rule_spans, heading_spans)
        # the pieces added one after another, in the order of the attributes (``take`` gathers
        # rows several times faster than indexing with an array)
        rows = self._rows
        total = rows.take(words[0], axis=0)
        for column in words[1:]:
            total += rows.take(column, axis=0)
        total += context
        for column in pairs:
            total += rows.take(column, axis=0)
        return total

    def _pieces(
        self,
        tokens: TaggedTokens,
        facts: Sequence[Fact],
        rule_spans: Sequence[Span],
        heading_spans: Sequence[Span],
    ) -> tuple[list[np.ndarray], np.ndarray, list[np.ndarray]]:
        """What each token's score is the sum of: the rows of its word and of its four neighbours
        or the sentence's edges, the sum of its context's weights, and the rows of its word pairs
        with the word before and after."""
        keys = self.keys
        key = tokens.keys
        n = len(key)
        index = np.arange(n)
        word_rows = self._word_rows.take(key, axis=0)
        columns = [word_rows[:, 0]]
        for slot, (offset, edge) in enumerate(zip(OFFSETS, self._edges, strict=True), start=1):
            other = index + offset
            present = (other >= tokens.first) & (other < tokens.stop)
            column = np.full(n, edge, dtype=np.intp)
            column[present] = word_rows[:, slot].take(other[present])  # the neighbour's row as seen from here
            columns.append(column)
        values = context_values(
            tokens,
            keys.clause_mark[key],
            keys.opens_quote[key],
            keys.closes_quote[key],
            facts,
            rule_spans,
            heading_spans,
        )
        # the pair of each token with the next one: the next token's w-1|w, this token's w|w+1
        pair_word = self._pair_word[key]
        paired = index[:-1][index[1:] < tokens.stop[:-1]]
        before, after = np.zeros(n, dtype=np.intp), np.zeros(n, dtype=np.intp)
        before[paired + 1] = self._pairs.left_rows(pair_word[paired], pair_word[paired + 1])
        after[paired] = self._pairs.right_rows(pair_word[paired], pair_word[paired + 1])
        return columns, self._context_sums(values), [before, after]

    def _context_sums(self, values: Sequence[np.ndarray]) -> np.ndarray:
        """Each token's context weights: from zeros, the row each of its ten values names, added
        slot after slot (a value that names no attribute, or one the model lacks, adds the zero
        row).

        These are the sums ``CRFWeights.row`` makes of ``context_attributes`` (the same attributes
        in the same order), to the last bit: it adds only the attributes the model knows, and an
        added zero changes nothing, as a sum that starts from +0.0 is never -0.0.
        """
        total = np.zeros((len(values[0]), self._rows.shape[1]))
        for table, value in zip(self._slot_rows, values, strict=True):
            total += table.take(value, axis=0)
        return total

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


def _slot_rows(weights: CRFWeights) -> list[np.ndarray]:
    """For each context slot, a table whose row v holds the weights of the attribute value v
    writes there (``token_context.slot_attribute``), zeros where it writes none or the model
    does not know it."""
    tables = []
    for slot, radix in enumerate(CONTEXT_RADIX):
        table = np.zeros((radix, len(weights.labels)))
        for value in range(radix):
            attribute = slot_attribute(slot, value)
            i = weights.attributes.get(attribute) if attribute is not None else None
            if i is not None:
                table[value] = weights.state[i]
        tables.append(table)
    return tables
