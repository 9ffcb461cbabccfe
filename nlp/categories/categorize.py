"""The work-category model: character n-gram TF-IDF + logistic regression (scikit-learn).

Trained by ``zongjie train`` from invented data that lives in the repository — labelled
sentences (corpus/labelled/*.csv), category keywords (nlp/resources/category_keywords.csv), the
indicator synonyms (nlp/resources/indicators.csv) — and the real clauses of the development gold
(every gold fact as subject + sentence, read from the shared corpus: nlp/categories/training.py;
never the test split). Persisted with skops (loaded with an explicit
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

from nlp.categories.training import RealClause, default_doc_folders, default_gold_dirs, real_clauses
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


def build_estimator(c: float = 16.0, max_features: int = 30_000):
    """An unfitted estimator with the project's settings (chosen by the leave-documents-out
    estimate of ``python -m evaluation.category_cv``; see models/MODEL_CARD.md).

    The vocabulary keeps the ``max_features`` most frequent character n-grams: the real clauses
    bring far more n-grams than the invented sentences, and 8,000 of them lost facts of the long
    reports. The saga solver (seeded) fits in seconds; the rows are not weighted, since weights
    above 1 keep saga from converging and the estimate did not favour any weight.
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


def training_examples(
    folder: Path | None = None, real: Sequence[RealClause] = ()
) -> tuple[list[str], list[str]]:
    """Texts and labels: the invented sentences, the category keywords, the indicator names and
    labels, and ``real`` labelled clauses of gold documents (nlp/categories/training.py)."""
    pairs = labelled_sentences(folder)
    pairs += [(row.text, row.category) for row in real]
    pairs += [(row["keyword"], row["category"]) for _, row in load_csv("category_keywords.csv", ("keyword", "category"))]
    for indicator in indicators():
        pairs += [(synonym, indicator.category.value) for synonym in indicator.names()]
        pairs.append((indicator.label_zh, indicator.category.value))
    return [p[0] for p in pairs], [p[1] for p in pairs]


def train(
    out_dir: Path,
    folder: Path | None = None,
    gold_dirs: Sequence[Path] | None = None,
    doc_folders: Sequence[Path] | None = None,
) -> dict:
    """Fit the model on the invented data and the real clauses of the development gold (documents
    read from ``doc_folders``), write it and its card to ``out_dir``; return the card."""
    real = real_clauses(gold_dirs or default_gold_dirs(), doc_folders or default_doc_folders())
    texts, labels = training_examples(folder, real)
    estimator = build_estimator().fit(texts, labels)
    out_dir.mkdir(parents=True, exist_ok=True)
    dump_estimator(estimator, out_dir / MODEL_FILE)
    export_weights(estimator, out_dir / WEIGHTS_FILE)
    card = {
        "model": "TF-IDF character 1-3-grams (30,000 most frequent) + logistic regression "
        "(class-balanced, C=16, seeded saga)",
        "files": {MODEL_FILE: "the scikit-learn estimator (skops)", WEIGHTS_FILE: "its weights, used for prediction"},
        "trained": date.today().isoformat(),
        "examples": len(texts),
        "real_clauses": len(real),
        "real_documents": len({row.doc for row in real}),
        "classes": sorted(set(labels)),
        "note": "Accuracy on real documents: the leave-documents-out estimate of "
        "`python -m evaluation.category_cv` (models/MODEL_CARD.md) and the category field of `zongjie evaluate`.",
    }
    (out_dir / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return card


def dump_estimator(estimator, path: Path) -> None:
    """Write the estimator with skops, compressed. The vocabulary's column numbers become plain
    ints first: skops writes every numpy integer as a file of its own (8,000 files, 8 MB before)."""
    import zipfile

    import skops.io as sio

    vectorizer = estimator.named_steps["tfidf"]
    vectorizer.vocabulary_ = {term: int(column) for term, column in vectorizer.vocabulary_.items()}
    if hasattr(vectorizer, "stop_words_"):
        del vectorizer.stop_words_  # the n-grams cut by max_features: not needed to predict
    sio.dump(estimator, path, compression=zipfile.ZIP_DEFLATED)


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
    if not texts:
        return _in_category_order(None, 0)
    return _in_category_order(_weights().probabilities(list(texts)), len(texts))


def joined_category_probabilities(heads: Sequence[str], tails: Sequence[str]):
    """``category_probabilities`` of each head + tail, reading each distinct tail once."""
    if not heads:
        return _in_category_order(None, 0)
    return _in_category_order(_weights().joined_probabilities(heads, tails), len(heads))


def _in_category_order(raw, rows: int):
    import numpy as np

    out = np.zeros((rows, len(CATEGORY_ORDER)))
    if raw is None:
        return out
    present, columns = _model_columns()
    out[:, present] = raw[:, columns]
    return out


@cache
def _model_columns() -> tuple[list[int], list[int]]:
    """The positions in ``CATEGORY_ORDER`` of the categories the model knows, and their columns
    in the model's output."""
    classes = _weights().classes
    present = [j for j, category in enumerate(CATEGORY_ORDER) if category.value in classes]
    return present, [classes.index(CATEGORY_ORDER[j].value) for j in present]


CATEGORY_ORDER = tuple(Category)
