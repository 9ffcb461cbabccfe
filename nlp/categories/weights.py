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

import math
import re
from collections import Counter
from collections.abc import Sequence
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
        """A (texts × classes) array of class probabilities, columns in ``classes`` order."""
        features = np.zeros((len(texts), len(self.idf)))
        low, high = self.ngram_range
        for row, text in enumerate(texts):
            doc = _WHITE_SPACE.sub(" ", text.lower() if self.lowercase else text)
            counts = Counter(
                doc[i : i + n] for n in range(low, min(high, len(doc)) + 1) for i in range(len(doc) - n + 1)
            )
            for gram, count in counts.items():
                column = self.vocabulary.get(gram)
                if column is not None:
                    features[row, column] = (1.0 + math.log(count)) * self.idf[column]
            norm = np.linalg.norm(features[row])
            if norm > 0:
                features[row] /= norm
        scores = features @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


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
