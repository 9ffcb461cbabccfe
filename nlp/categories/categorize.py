"""The work-category model: character n-gram TF-IDF + logistic regression (scikit-learn).

Trained by ``zongjie train`` from four data sources that live in the repository: labelled
sentences (corpus/labelled/*.csv), category keywords (nlp/resources/category_keywords.csv), the
indicator synonyms (nlp/resources/indicators.csv) and, when a gold folder is given, the real
report clauses annotated there (each fact's and activity's quote with its category: the development
split only, never the test split). Persisted with skops (loaded with an explicit
list of trusted types, never unpickled blindly) and as plain weight arrays that prediction uses
(nlp/categories/weights.py).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

from nlp.categories.weights import CategoryWeights, export_weights, load_weights
from nlp.errors import ResourceError
from nlp.figures.indicators import indicators
from nlp.records import Category
from nlp.resources import load_csv

MODEL_FILE = "category.skops"
WEIGHTS_FILE = "category.npz"
CARD_FILE = "category.json"
_TRUSTED = [
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.linear_model.LogisticRegression",
    "numpy.dtype",
    "numpy.float64",
    "numpy.ndarray",
    "builtins.str",
]


def build_estimator(c: float = 8.0, max_features: int = 8_000):
    """An unfitted estimator with the project's settings.

    The vocabulary keeps the ``max_features`` most frequent character n-grams: skops stores the
    vocabulary as JSON, so an uncapped one makes the model file grow with the training data (~12 MB
    at 16k n-grams); the cap keeps it near 8 MB at no measured cost in accuracy. The saga solver
    (seeded) fits in well under a second where lbfgs took ~10 s, with the same predictions on gold.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, max_features=max_features)
    return Pipeline(
        [
            ("tfidf", vectorizer),
            ("logreg", LogisticRegression(C=c, solver="saga", max_iter=5000, random_state=0, class_weight="balanced")),
        ]
    )


def labelled_sentences(folder: Path | None = None) -> list[tuple[str, str]]:
    """(text, category) rows of every CSV under corpus/labelled (or ``folder``)."""
    if folder is None:
        root = importlib_resources.files("corpus").joinpath("labelled")
        files = sorted((p for p in root.iterdir() if p.name.endswith(".csv")), key=lambda p: p.name)
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in files]
    else:
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.csv"))]
    rows: list[tuple[str, str]] = []
    for name, content in texts:
        reader = csv.DictReader(io.StringIO(content))
        for row in reader:
            try:
                category = Category(row["category"]).value
            except (KeyError, ValueError):
                raise ResourceError(name, reader.line_num, f"unknown category {row.get('category')!r}") from None
            rows.append((row["text"], category))
    return rows


def gold_examples(gold_dir: Path, exclude: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(text, category) of every fact and activity annotated in the gold files of ``gold_dir``.

    A fact reads as its subject and quote (``党员 社区现有党员73名``), as the pipeline reads a figure
    as its subject and sentence; an activity as its name and quote. ``exclude`` names gold documents
    to leave out (for leave-documents-out estimates).
    """
    rows: list[tuple[str, str]] = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("doc") in exclude:
            continue
        for fact in data.get("facts", ()):
            rows.append((f"{fact.get('subject') or ''} {fact['quote']}".strip(), Category(fact["category"]).value))
        for activity in data.get("activities", ()):
            rows.append((f"{activity['name']} {activity['quote']}", Category(activity["category"]).value))
    return rows


def training_examples(
    folder: Path | None = None, gold_dir: Path | None = None, exclude: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    pairs = labelled_sentences(folder)
    if gold_dir is not None:
        pairs += gold_examples(gold_dir, exclude)
    pairs += [(row["keyword"], row["category"]) for _, row in load_csv("category_keywords.csv", ("keyword", "category"))]
    for indicator in indicators():
        pairs += [(synonym, indicator.category.value) for synonym in indicator.names()]
        pairs.append((indicator.label_zh, indicator.category.value))
    return [p[0] for p in pairs], [p[1] for p in pairs]


def train(out_dir: Path, folder: Path | None = None, gold_dir: Path | None = None) -> dict:
    """Fit the model on all training data, write it and its card to ``out_dir``; return the card."""
    import skops.io as sio
    from sklearn.model_selection import cross_val_score

    texts, labels = training_examples(folder, gold_dir)
    real = len(gold_examples(gold_dir)) if gold_dir is not None else 0
    estimator = build_estimator()
    folds = min(5, min(labels.count(c) for c in set(labels)))
    scores = cross_val_score(build_estimator(), texts, labels, cv=folds) if folds >= 2 else []
    estimator.fit(texts, labels)
    out_dir.mkdir(parents=True, exist_ok=True)
    sio.dump(estimator, out_dir / MODEL_FILE)
    export_weights(estimator, out_dir / WEIGHTS_FILE)
    card = {
        "model": "TF-IDF character 1-3-grams (8,000 most frequent) + logistic regression "
        "(class-balanced, C=8, seeded saga)",
        "files": {MODEL_FILE: "the scikit-learn estimator (skops)", WEIGHTS_FILE: "its weights, used for prediction"},
        "trained": date.today().isoformat(),
        "examples": len(texts),
        "real_clauses": real,
        "classes": sorted(set(labels)),
        "cross_validation_accuracy": round(float(sum(scores) / len(scores)), 3) if len(scores) else None,
        "cross_validation_folds": folds,
        "note": "Cross-validation mixes invented sentences, keywords and real gold clauses; the honest "
        "figure on real documents is the leave-documents-out estimate of `python -m evaluation.category_cv` "
        "and the test split of `zongjie evaluate` (category field).",
    }
    (out_dir / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return card


@cache
def load_estimator():
    """The shipped scikit-learn estimator, loaded with skops and an explicit list of trusted types."""
    import skops.io as sio

    path = importlib_resources.files("models").joinpath(MODEL_FILE)
    if not path.is_file():
        raise ResourceError(f"models/{MODEL_FILE}", None, "category model is missing; run `zongjie train`")
    data = path.read_bytes()
    untrusted = [t for t in sio.get_untrusted_types(data=data) if t not in _TRUSTED]
    if untrusted:
        raise ResourceError(f"models/{MODEL_FILE}", None, f"model holds untrusted types: {', '.join(untrusted)}")
    return sio.loads(data, trusted=_TRUSTED)


@cache
def _weights() -> CategoryWeights:
    path = importlib_resources.files("models").joinpath(WEIGHTS_FILE)
    if not path.is_file():
        raise ResourceError(f"models/{WEIGHTS_FILE}", None, "category model is missing; run `zongjie train`")
    with path.open("rb") as handle:
        return load_weights(handle)


def categorize(texts: Sequence[str]) -> list[Category]:
    """The work category of each text."""
    if not texts:
        return []
    return [CATEGORY_ORDER[i] for i in category_probabilities(texts).argmax(axis=1)]


def category_probabilities(texts: Sequence[str]):
    """A (len(texts) × categories) array of probabilities, columns in ``CATEGORY_ORDER``."""
    import numpy as np

    weights = _weights()
    out = np.zeros((len(texts), len(CATEGORY_ORDER)))
    if not texts:
        return out
    raw = weights.probabilities(list(texts))
    for j, category in enumerate(CATEGORY_ORDER):
        if category.value in weights.classes:
            out[:, j] = raw[:, weights.classes.index(category.value)]
    return out


CATEGORY_ORDER = tuple(Category)
