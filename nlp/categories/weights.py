"""The category model's fitted weights as plain arrays, and prediction from them with numpy.

``zongjie train`` fits the scikit-learn estimator and writes it with skops (the full estimator,
for anyone who wants it) and, through ``export_weights``, as ``category.npz``: the TF-IDF
vocabulary and idf, and the logistic regression's coefficients. Parsing predicts from the npz
alone, so it neither imports scikit-learn nor unpacks the 8 MB skops file (about 3 s saved per
process), and the file is loaded with ``allow_pickle=False``: arrays only, no code.

The arithmetic is scikit-learn's, step for step: ``TfidfVectorizer(analyzer="char",
sublinear_tf=True, norm="l2")`` (lowercase, white space runs folded to one space, 1- to n-grams),
then a multinomial logistic regression's softmax. A test checks both agree on real sentences.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

_WHITE_SPACE = re.compile(r"\s\s+")


@dataclass(frozen=True)
class CategoryWeights:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # classes × features
    intercept: np.ndarray
    classes: tuple[str, ...]
    ngram_range: tuple[int, int]
    lowercase: bool
    # the vocabulary as integer n-gram keys (see _gram_keys), sorted, and the column of each
    gram_keys: np.ndarray = field(init=False, repr=False, compare=False)
    gram_columns: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        terms = [t for t in self.vocabulary if 0 < len(t) <= _MAX_KEYED]
        keys = np.array([_term_key(t) for t in terms], dtype=np.int64)
        order = np.argsort(keys)
        object.__setattr__(self, "gram_keys", keys[order])
        columns = np.array([self.vocabulary[t] for t in terms], dtype=np.intp)
        object.__setattr__(self, "gram_columns", columns[order])

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """A (texts × classes) array of class probabilities, columns in ``classes`` order.

        Features stay sparse (each text's known n-grams, gathered for all texts, then scored in one
        vectorized pass), so time and memory grow with the length of the texts, not with
        texts × vocabulary. A text given twice is read once.
        """
        unique = list(dict.fromkeys(texts))
        docs = [_WHITE_SPACE.sub(" ", text.lower() if self.lowercase else text) for text in unique]
        if self.ngram_range[1] <= _MAX_KEYED:
            rows, cols, counts = self._known_grams(docs)
        else:
            rows, cols, counts = self._known_grams_by_dict(docs)
        scores = np.tile(self.intercept, (len(unique), 1)).astype(float)
        if len(cols):
            weights = (1.0 + np.log(counts.astype(float))) * self.idf[cols]
            norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=len(unique)))
            weights /= norms[rows]
            contributions = self.coef[:, cols] * weights  # classes × known n-grams
            for k in range(contributions.shape[0]):
                scores[:, k] += np.bincount(rows, weights=contributions[k], minlength=len(unique))
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        probabilities = exp / exp.sum(axis=1, keepdims=True)
        row_of = {text: i for i, text in enumerate(unique)}
        return probabilities[[row_of[t] for t in texts]] if len(unique) < len(texts) else probabilities

    def _known_grams(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(text row, vocabulary column, count) of every known n-gram of ``docs``, all texts at once:
        the characters of all texts side by side, each n-gram as one integer, looked up by bisection."""
        codes = np.frombuffer("".join(docs).encode("utf-32-le"), dtype=np.uint32).astype(np.int64) + 1
        owner = np.repeat(np.arange(len(docs)), [len(d) for d in docs])
        low, high = self.ngram_range
        found_rows, found_keys = [], []
        key = np.zeros(len(codes), dtype=np.int64)
        for n in range(1, high + 1):
            size = len(codes) - n + 1
            if size <= 0:
                break
            # the key of the n-gram starting at each position: its characters, 21 bits each
            key = key[:size] | (codes[n - 1 :] << (_BITS * (_MAX_KEYED - n)))
            if n < low:
                continue
            whole = owner[:size] == owner[n - 1 :]  # the n-gram lies inside one text
            found_rows.append(owner[:size][whole])
            found_keys.append(key[whole])
        if not found_keys:
            empty = np.zeros(0, dtype=np.intp)
            return empty, empty, empty
        rows, keys = np.concatenate(found_rows), np.concatenate(found_keys)
        at = np.searchsorted(self.gram_keys, keys).clip(max=len(self.gram_keys) - 1)
        known = self.gram_keys[at] == keys
        pairs = rows[known] * len(self.vocabulary) + self.gram_columns[at[known]]
        pairs, counts = np.unique(pairs, return_counts=True)
        return pairs // len(self.vocabulary), pairs % len(self.vocabulary), counts

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


_BITS = 21  # every code point + 1 fits in 21 bits
_MAX_KEYED = 3  # three characters of 21 bits fit one int64


def _term_key(term: str) -> int:
    """The integer key of an n-gram of at most three characters: code points + 1, 21 bits each,
    the first highest (so keys of different lengths never meet)."""
    key = 0
    for i, ch in enumerate(term):
        key |= (ord(ch) + 1) << (_BITS * (_MAX_KEYED - 1 - i))
    return key


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
