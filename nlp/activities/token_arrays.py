"""The tagged sentences of a document as integer arrays, for the learned tagger (nlp/activities/model.py).

``features.sentence_tokens`` makes a named tuple per word, and the tagger's features were then
written token by token; here every tagged sentence of a document is read in one pass into flat
arrays (token starts and ends in the normalized text, an integer key per (word, tag) pair, where
each sentence begins), so the tagger's features and scores are numpy over the whole document
(nlp/activities/token_context.py, scoring.py). The tokens are those of ``sentence_tokens``: the
words of each sentence's clauses as the Text segments them, white space dropped; a sentence
left without words is left out, as ``model.sentence_inputs`` leaves it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from operator import itemgetter, not_

import numpy as np

from nlp.activities.features import CLAUSE_MARKS, CLOSE_QUOTES, OPEN_QUOTES, Token
from nlp.kernels import optional_kernel
from nlp.records import Sentence
from nlp.text.document import Text
from nlp.text.tokens import Word

# the look-up of ``WordKeys.encode`` in C (nlp/activities/_keys.c), or None: the Python form runs
COMPILED = optional_kernel("nlp.activities._keys")


class WordKeys:
    """An integer key for every (word, tag) pair seen so far, and what the tagger reads of each
    word's form as arrays by key: its length, whether it is all white space, a clause mark, opens
    or closes a quotation."""

    def __init__(self) -> None:
        self.ids: dict[Word, int] = {}
        self.words: list[Word] = []
        self.length = np.zeros(0, dtype=np.int64)
        self.blank = np.zeros(0, dtype=bool)
        self.clause_mark = np.zeros(0, dtype=bool)
        self.opens_quote = np.zeros(0, dtype=bool)
        self.closes_quote = np.zeros(0, dtype=bool)

    def __len__(self) -> int:
        return len(self.words)

    def encode(self, words: Sequence[Word]) -> np.ndarray:
        """The keys of ``words``, new pairs given the next free keys (in order of first sight)."""
        if COMPILED is not None:  # one pass in C, no Python call per token (the same keys)
            found = np.frombuffer(COMPILED.encode(self.ids, words, self.words), dtype=np.int64)
            if len(self.words) > len(self.length):
                self._describe(self.words[len(self.length) :])
            return found
        # the look-ups read straight into the array, -1 where a pair is new (no list of the keys
        # in between, and the new ones picked out by numpy)
        found = np.fromiter(map(self.ids.get, words, repeat(-1)), dtype=np.int64, count=len(words))
        missing = np.flatnonzero(found < 0)
        if len(missing):
            missed = list(map(words.__getitem__, missing.tolist()))
            # the words not found, each once, in order of first sight (``dict.fromkeys`` keeps it)
            new = list(dict.fromkeys(missed))
            first = len(self.words)
            self.words += new
            self.ids.update(zip(new, range(first, first + len(new)), strict=True))
            self._describe(self.words[len(self.length) :])
            # (only the tokens not found: a second look-up of all costs more)
            found[missing] = np.fromiter(map(self.ids.__getitem__, missed), dtype=np.int64, count=len(missed))
        return found

    def _describe(self, new: Sequence[Word]) -> None:
        if COMPILED is not None:  # the five columns in one pass in C (the same values)
            table = np.frombuffer(
                COMPILED.describe(new, CLAUSE_MARKS, OPEN_QUOTES, CLOSE_QUOTES), dtype=np.int64
            ).reshape(-1, 5)
            flags = table[:, 1:].astype(bool)
            self.length = np.concatenate((self.length, table[:, 0]))
            self.blank = np.concatenate((self.blank, flags[:, 0]))
            self.clause_mark = np.concatenate((self.clause_mark, flags[:, 1]))
            self.opens_quote = np.concatenate((self.opens_quote, flags[:, 2]))
            self.closes_quote = np.concatenate((self.closes_quote, flags[:, 3]))
            return
        # (each as ``fromiter`` over a ``map``: numpy reading a Python list of Python numbers
        # costs several times more a word)
        forms = [word for word, _ in new]
        n = len(forms)

        def column(values: Iterable[object], dtype: type) -> np.ndarray:
            return np.fromiter(values, dtype=dtype, count=n)

        self.length = np.concatenate((self.length, column(map(len, forms), np.int64)))
        self.blank = np.concatenate((self.blank, column(map(not_, map(str.strip, forms)), bool)))
        self.clause_mark = np.concatenate((self.clause_mark, column(map(CLAUSE_MARKS.__contains__, forms), bool)))
        self.opens_quote = np.concatenate(
            (self.opens_quote, column(map(OPEN_QUOTES.__contains__, map(_FIRST, forms)), bool))
        )
        self.closes_quote = np.concatenate(
            (self.closes_quote, column(map(CLOSE_QUOTES.__contains__, map(_LAST, forms)), bool))
        )


_FIRST, _LAST = itemgetter(slice(None, 1)), itemgetter(slice(-1, None))  # a word's first, last character ("" for "")


@dataclass(frozen=True, eq=False)
class TaggedTokens:
    """The tokens of several sentences, one after the other: ``keys``, ``starts`` and ``ends`` per
    token, and ``bounds`` (one more than the sentences): sentence j holds tokens
    ``bounds[j]:bounds[j + 1]``. ``sentences`` are the sentences that have tokens."""

    sentences: tuple[Sentence, ...]
    keys: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    bounds: np.ndarray

    def __len__(self) -> int:
        return len(self.keys)

    @cached_property
    def lengths(self) -> list[int]:
        """How many tokens each sentence has."""
        return np.diff(self.bounds).tolist()

    @cached_property
    def sentence_spans(self) -> tuple[np.ndarray, np.ndarray]:
        """The start and the end of each sentence (normalized offsets)."""
        spans = np.array([(s.norm_start, s.norm_end) for s in self.sentences], dtype=np.int64).reshape(-1, 2)
        return spans[:, 0], spans[:, 1]

    @cached_property
    def sentence_of(self) -> np.ndarray:
        """The sentence (index into ``sentences``) of each token."""
        return np.repeat(np.arange(len(self.sentences)), np.diff(self.bounds))

    @cached_property
    def first(self) -> np.ndarray:
        """For each token, the index of its sentence's first token."""
        return self.bounds[:-1][self.sentence_of]

    @cached_property
    def stop(self) -> np.ndarray:
        """For each token, the index after its sentence's last token."""
        return self.bounds[1:][self.sentence_of]


def tagged_tokens(doc: Text, sentences: Sequence[Sentence], keys: WordKeys) -> TaggedTokens:
    """The tokens of ``sentences`` (in order, not overlapping) as arrays, white space dropped."""
    starts: list[int] = []
    words: list[Word] = []
    raw_bounds = [0]
    for sentence in sentences:
        doc.check_time("activity tagger")
        _gather(doc, sentence, starts, words)
        raw_bounds.append(len(words))
    encoded = keys.encode(words)
    start_array = np.fromiter(starts, dtype=np.int64, count=len(starts))
    kept = ~keys.blank[encoded]
    if kept.all():
        kept_before = np.asarray(raw_bounds, dtype=np.int64)
    else:
        encoded, start_array = encoded[kept], start_array[kept]
        kept_before = np.concatenate(([0], np.cumsum(kept)))[raw_bounds]
    has_words = np.diff(kept_before) > 0
    bounds = np.concatenate((kept_before[:-1][has_words], kept_before[-1:]))
    return TaggedTokens(
        tuple(s for s, keep in zip(sentences, has_words.tolist(), strict=True) if keep),
        encoded,
        start_array,
        start_array + keys.length[encoded],
        bounds,
    )


def tokens_as_arrays(
    sentences: Sequence[Sequence[Token]], keys: WordKeys, spans: Sequence[Sentence] | None = None
) -> TaggedTokens:
    """Sentences already made of tokens (tests, a single sentence) as arrays; none may be empty.
    ``spans`` are the sentences' own spans (by default, from their first token's start to their
    last token's end)."""
    flat = [t for tokens in sentences for t in tokens]
    encoded = keys.encode([(t.word, t.tag) for t in flat])
    starts = np.array([t.start for t in flat], dtype=np.int64)
    bounds = np.concatenate(([0], np.cumsum([len(tokens) for tokens in sentences]))).astype(np.int64)
    if spans is None:
        spans = [Sentence(tokens[0].start, tokens[-1].end) for tokens in sentences]
    return TaggedTokens(tuple(spans), encoded, starts, starts + keys.length[encoded], bounds)


def _gather(doc: Text, sentence: Sentence, starts: list[int], words: list[Word]) -> None:
    """Append the words of one sentence and their starts, read clause by clause from the Text
    (as ``features.sentence_tokens`` reads them, white space still in)."""
    s, e = sentence.norm_start, sentence.norm_end
    for i in doc.clause_range(s, e):
        clause = doc.clauses[i]
        if clause.norm_start < s or clause.norm_end > e:  # a clause the sentence cuts: its part only
            pos = max(s, clause.norm_start)
            for word in doc.words(pos, min(e, clause.norm_end)):
                starts.append(pos)
                words.append(word)
                pos += len(word[0])
            continue
        clause_starts, clause_words = doc.clause_words(i)
        starts += clause_starts
        words += clause_words
