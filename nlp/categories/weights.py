"""The category model's fitted weights as plain arrays, and prediction from them with numpy.

``zongjie train`` fits the scikit-learn estimator and writes it with skops (the full estimator,
for anyone who wants it) and, through ``export_weights``, as ``category.npz``: the TF-IDF
vocabulary and idf, and the logistic regression's coefficients. Parsing predicts from the npz
alone, so it neither imports scikit-learn nor unpacks the 8 MB skops file (about 3 s saved per
process), and the file is loaded with ``allow_pickle=False``: arrays only, no code.

The arithmetic is scikit-learn's, step for step: ``TfidfVectorizer(analyzer="char",
sublinear_tf=True, norm="l2")`` (lowercase, white space runs folded to one space, 1- to n-grams),
then a multinomial logistic regression's softmax. A test checks both agree on real sentences.

Where the package was built with a C compiler, the per-text sums (``_row_totals``) are made by
``nlp.categories._totals`` (nlp/categories/_totals.c: the same floats to the last bit, a quarter of
the time); ``ZONGJIE_PURE_PYTHON=1`` or a build without a compiler keeps numpy's ``reduceat``.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nlp.categories.grams import MAX_KEYED, GramTable, counts_of, known_grams, term_key
from nlp.kernels import optional_kernel

_WHITE_SPACE = re.compile(r"\s\s+")
_SEPARATOR = "\x00"


@dataclass(frozen=True)
class CategoryWeights:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # classes × features
    intercept: np.ndarray
    classes: tuple[str, ...]
    ngram_range: tuple[int, int]
    lowercase: bool
    # the vocabulary's n-grams of up to three characters as integer keys (nlp/categories/grams.py)
    grams: GramTable = field(init=False, repr=False, compare=False)
    # each feature's coefficients (one per class) as one record of bytes (``_row_totals``)
    coef_records: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        terms = [t for t in self.vocabulary if 0 < len(t) <= MAX_KEYED]
        keys = np.array([term_key(t) for t in terms], dtype=np.int64)
        columns = np.array([self.vocabulary[t] for t in terms], dtype=np.intp)
        object.__setattr__(self, "grams", GramTable(keys, columns))
        object.__setattr__(self, "coef_records", _as_records(self.coef))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """A (texts × classes) array of class probabilities, columns in ``classes`` order.

        Features stay sparse (each text's known n-grams, gathered for all texts, then scored in one
        vectorized pass), so time and memory grow with the length of the texts, not with
        texts × vocabulary. A text given twice is read once.
        """
        unique = list(dict.fromkeys(texts))
        docs = [self._prepared(text) for text in unique]
        if self.ngram_range[1] <= MAX_KEYED:
            rows, cols, counts = self._known_grams(docs)
        else:
            rows, cols, counts = self._known_grams_by_dict(docs)
        probabilities = self._softmax(*self._sums(rows, cols, counts, len(unique)))
        row_of = {text: i for i, text in enumerate(unique)}
        return probabilities[[row_of[t] for t in texts]] if len(unique) < len(texts) else probabilities

    def joined_probabilities(self, heads: Sequence[str], tails: Sequence[str]) -> np.ndarray:
        """``probabilities([h + t for h, t in zip(heads, tails)])``, reading each distinct tail once.

        Many texts share a long tail (the facts of one sentence are each read as subject + that
        sentence), so a text's n-gram counts are taken as its tail's, counted once per distinct
        tail, plus the n-grams of ``head + tail[:2]`` that start in its head (an n-gram has at
        most three characters). The scores are the same sums in
        another order, so they agree with ``probabilities`` to rounding (a test checks it).
        """
        if self.ngram_range[1] > MAX_KEYED:
            return self.probabilities([h + t for h, t in zip(heads, tails, strict=True)])
        pairs = list(zip(heads, tails, strict=True))
        row_of = {pair: i for i, pair in enumerate(dict.fromkeys(pairs))}
        if len(row_of) < len(pairs):  # a text given twice is read once (each row is its own sums)
            distinct = self.joined_probabilities([h for h, _ in row_of], [t for _, t in row_of])
            return distinct[[row_of[pair] for pair in pairs]]
        tail_rows: dict[str, int] = {}
        tail_rows_of: list[int] = []  # each text's tail row, -1 for a text read whole
        read_heads: list[str] = []  # each text's head, or its whole text when read whole
        for head, tail in zip(heads, tails, strict=True):
            if tail and _joins_cleanly(head, tail):
                row = tail_rows.get(tail)
                if row is None:
                    row = tail_rows[tail] = len(tail_rows)
                read_heads.append(head)
            else:
                row = -1
                read_heads.append(head + tail)
            tail_rows_of.append(row)
        prepared_tails = self._all_prepared(list(tail_rows))
        prepared_heads = self._all_prepared(read_heads)
        # each text's head and the first characters of its tail; the n-grams starting in the
        # head are those the tail lacks
        starts = [
            head + prepared_tails[row][: MAX_KEYED - 1] if row >= 0 else head
            for head, row in zip(prepared_heads, tail_rows_of, strict=True)
        ]
        limits = list(map(len, prepared_heads))
        tail_of = np.array(tail_rows_of, dtype=np.intp)
        base_rows, base_cols, base_counts = self._known_grams(prepared_tails)
        base_sums, base_squares = self._sums(base_rows, base_cols, base_counts, len(tail_rows))
        rows, cols, added = known_grams(
            starts, self.grams, *self.ngram_range, width=len(self.vocabulary), starts_before=limits
        )
        width = len(self.vocabulary)
        base_keys = base_rows * width + base_cols  # sorted: _known_grams returns them in order
        had = np.zeros(len(rows), dtype=np.intp)  # each added n-gram's count in the text's tail
        with_tail = np.flatnonzero(tail_of.take(rows) >= 0)  # (a text read whole has none)
        wanted = tail_of.take(rows.take(with_tail)) * width + cols.take(with_tail)
        had[with_tail] = counts_of(base_keys, base_counts, wanted)
        idf = self.idf.take(cols)
        before = sublinear_tf(had) * idf
        after = sublinear_tf(had + added) * idf
        n = len(heads)
        has_tail = tail_of >= 0
        sums = np.zeros((n, len(self.classes)))
        squares = np.zeros(n)
        sums[has_tail] = base_sums[tail_of[has_tail]]
        squares[has_tail] = base_squares[tail_of[has_tail]]
        sums += _row_totals(rows, cols, after - before, self.coef_records, n)
        squares += np.bincount(rows, weights=after * after - before * before, minlength=n)
        return self._softmax(sums, squares)

    def _prepared(self, text: str) -> str:
        """The text as the vectorizer reads it: lower case, white-space runs folded."""
        return _WHITE_SPACE.sub(" ", text.lower() if self.lowercase else text)

    def _all_prepared(self, texts: list[str]) -> list[str]:
        """``[self._prepared(t) for t in texts]`` in one pass over the texts joined by NUL: NUL is
        neither white space nor cased nor case-ignorable, so no white-space run and no
        final-sigma context crosses it, and nothing lower-cases to it."""
        joined = _SEPARATOR.join(texts)
        if joined.count(_SEPARATOR) != max(0, len(texts) - 1):  # a text holds a NUL itself
            return [self._prepared(text) for text in texts]
        return self._prepared(joined).split(_SEPARATOR) if texts else []

    def _sums(
        self, rows: np.ndarray, cols: np.ndarray, counts: np.ndarray, n: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per text (``rows`` sorted): the coefficients times the TF-IDF weights before the l2
        norm, summed (n × classes), and the squared norm."""
        weights = sublinear_tf(counts) * self.idf.take(cols)
        sums = _row_totals(rows, cols, weights, self.coef_records, n)
        return sums, np.bincount(rows, weights=weights * weights, minlength=n)

    def _softmax(self, sums: np.ndarray, squares: np.ndarray) -> np.ndarray:
        """Class probabilities from per-text sums and squared norms (a text with no known n-gram
        scores its intercepts alone)."""
        norms = np.sqrt(squares)
        scored = norms > 0
        scores = np.tile(self.intercept, (len(sums), 1)).astype(float)
        scores[scored] += sums[scored] / norms[scored, None]
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def _known_grams(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(text row, vocabulary column, count) of every known n-gram of ``docs``, all texts at once."""
        return known_grams(docs, self.grams, *self.ngram_range, width=len(self.vocabulary))

    def _known_grams_by_dict(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """As ``_known_grams``, text by text with a Counter (n-grams longer than the keys hold)."""
        vocabulary = self.vocabulary
        rows: list[int] = []
        columns: list[int] = []
        counts: list[int] = []
        for row, doc in enumerate(docs):
            grams = _ngram_counts(doc, *self.ngram_range)
            known = list(grams.keys() & vocabulary.keys())
            rows += [row] * len(known)
            columns += map(vocabulary.__getitem__, known)
            counts += map(grams.__getitem__, known)
        return (
            np.asarray(rows, dtype=np.intp),
            np.asarray(columns, dtype=np.intp),
            np.asarray(counts, dtype=np.intp),
        )


def _as_records(coef: np.ndarray) -> np.ndarray:
    """The coefficients (classes × features) as one record per feature: its classes' float64
    values, contiguous, in a void dtype, so that gathering a feature's row is one copy."""
    by_feature = np.ascontiguousarray(coef.T, dtype=np.float64)
    return by_feature.view(np.dtype((np.void, 8 * by_feature.shape[1]))).ravel()




COMPILED = optional_kernel("nlp.categories._totals")
_MOST_CLASSES = 64  # what the compiled sums take (its accumulators are arrays of this size)


def _row_totals(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, coef_records: np.ndarray, n: int) -> np.ndarray:
    """``compiled_row_totals`` where they were built, else ``numpy_row_totals``."""
    if COMPILED is not None and coef_records.dtype.itemsize // 8 <= _MOST_CLASSES:
        return compiled_row_totals(rows, cols, weights, coef_records, n)
    return numpy_row_totals(rows, cols, weights, coef_records, n)


def compiled_row_totals(
    rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, coef_records: np.ndarray, n: int
) -> np.ndarray:
    """``numpy_row_totals`` by the compiled sums (which must have been built): the same floats."""
    if COMPILED is None:
        raise RuntimeError("nlp.categories._totals was not built (or ZONGJIE_PURE_PYTHON is set)")
    classes = coef_records.dtype.itemsize // 8
    totals = np.zeros((n, classes))
    COMPILED.row_totals(
        np.ascontiguousarray(rows, dtype=np.int64),
        np.ascontiguousarray(cols, dtype=np.int64),
        np.ascontiguousarray(weights, dtype=np.float64),
        coef_records.view(np.float64).reshape(len(coef_records), classes),
        totals,
    )
    return totals


def numpy_row_totals(
    rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, coef_records: np.ndarray, n: int
) -> np.ndarray:
    """An (n × classes) array: for each row number (``rows`` sorted), the sum over its entries of
    ``weights`` times the coefficients of the entry's column (``coef_records``: ``_as_records``).

    The coefficients are gathered one record (all classes of a column) per entry and summed down
    each class: ``reduceat`` adds a row's first entry and the pairwise sum of the others, whatever
    the stride, so these are the same sums as over a class-major copy, to the last bit. Against
    gathering each class's coefficients on their own (``np.take(coef, cols, axis=1)``), a fifth
    fewer instructions and a quarter less time; a class-major copy of the gathered records takes
    fewer instructions still but more time (the transposition reads across the whole array).
    """
    classes = coef_records.dtype.itemsize // 8
    totals = np.zeros((n, classes))
    if len(rows):
        firsts = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
        gathered = coef_records.take(cols).view(np.float64).reshape(len(cols), classes)
        gathered *= weights[:, None]
        totals[rows[firsts]] = np.add.reduceat(gathered, firsts, axis=0)
    return totals


# 1 + log(count) of the counts a text of a few thousand characters reaches, and 0 for 0
_TF_TABLE = np.concatenate(([0.0], 1.0 + np.log(np.arange(1, 4096, dtype=np.float64))))


def sublinear_tf(counts: np.ndarray) -> np.ndarray:
    """The vectorizer's term frequency of each count, 1 + log(count), and 0 for a count of 0.

    Read from a table of the same ufuncs' results (a count is a small integer and repeats), so
    the values are the same floats as computing them.

    >>> sublinear_tf(np.array([0, 1, 5000])).round(3).tolist()
    [0.0, 1.0, 9.517]
    """
    if len(counts) and counts.max() >= len(_TF_TABLE):
        return np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1).astype(np.float64)), 0.0)
    return _TF_TABLE.take(counts)


def _joins_cleanly(head: str, tail: str) -> bool:
    """Whether preparing ``head + tail`` is preparing each and joining them: no white-space run
    spans the join, and no capital sigma (whose lower case depends on its neighbours) is in either."""
    return not (head[-1:].isspace() and tail[:1].isspace()) and "Σ" not in head and "Σ" not in tail


def _ngram_counts(doc: str, low: int, high: int) -> Counter[str]:
    """Character n-grams of ``doc`` with their counts, for n from ``low`` to ``high``.

    >>> sorted(_ngram_counts("aab", 1, 2).items())
    [('a', 2), ('aa', 1), ('ab', 1), ('b', 1)]
    """
    counts: Counter[str] = Counter()
    grams: Iterable[str] = doc
    for n in range(1, min(high, len(doc)) + 1):
        if n > 1:  # each n-gram is an (n-1)-gram and the character after it
            grams = map(operator.add, grams, doc[n - 1 :])
            grams = list(grams)
        if n >= low:
            counts.update(grams)
    return counts


def export_weights(estimator, path: Path) -> None:
    """Write a fitted TF-IDF + logistic-regression pipeline's weights to an npz file."""
    vectorizer = estimator.named_steps["tfidf"]
    model = estimator.named_steps["logreg"]
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    np.savez_compressed(
        path,
        terms=np.array(terms, dtype=str),
        idf=vectorizer.idf_,
        coef=model.coef_,
        intercept=model.intercept_,
        classes=np.array(model.classes_, dtype=str),
        ngram_range=np.array(vectorizer.ngram_range),
        lowercase=np.array(vectorizer.lowercase),
    )


def load_weights(data) -> CategoryWeights:
    """Weights from an npz file (a path or a binary file object); arrays only, never pickles."""
    with np.load(data, allow_pickle=False) as arrays:
        terms = [str(t) for t in arrays["terms"]]
        return CategoryWeights(
            vocabulary={term: i for i, term in enumerate(terms)},
            idf=arrays["idf"],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
            classes=tuple(str(c) for c in arrays["classes"]),
            ngram_range=(int(arrays["ngram_range"][0]), int(arrays["ngram_range"][1])),
            lowercase=bool(arrays["lowercase"]),
        )
