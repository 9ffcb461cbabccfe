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
from dataclasses import dataclass
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

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """A (texts × classes) array of class probabilities, columns in ``classes`` order.

        Features stay sparse (each text's known n-grams, gathered for all texts, then scored in one
        vectorized pass), so time and memory grow with the length of the texts, not with
        texts × vocabulary. A text given twice is read once.
        """
        unique = list(dict.fromkeys(texts))
        vocabulary = self.vocabulary
        columns: list[int] = []
        counts: list[int] = []
        bounds = [0]
        for text in unique:
            doc = _WHITE_SPACE.sub(" ", text.lower() if self.lowercase else text)
            grams = _ngram_counts(doc, *self.ngram_range)
            known = list(grams.keys() & vocabulary.keys())
            columns += map(vocabulary.__getitem__, known)
            counts += map(grams.__getitem__, known)
            bounds.append(len(columns))
        scores = np.tile(self.intercept, (len(unique), 1)).astype(float)
        if columns:
            cols = np.asarray(columns, dtype=np.intp)
            weights = (1.0 + np.log(np.asarray(counts, dtype=float))) * self.idf[cols]
            rows = np.repeat(np.arange(len(unique)), np.diff(bounds))
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
