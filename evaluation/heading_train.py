"""Train the heading-line model on the dev gold and measure it by leave-documents-out cross-validation.

    python -m evaluation.heading_train            # cross-validation only: rules vs model, per fold
    python -m evaluation.heading_train --write    # also fit on every dev document, write models/heading.json

Each dev document is walked by the outline (``nlp.text.outline.build_outline``) with an *oracle* for a
decision: a candidate line is a heading when the gold has a heading of its level whose text it begins
with. The walk records every candidate's features (``nlp.text.heading_model.features``) and that answer;
the gold headings are the positives, the other candidate lines the negatives. Because the walk follows
the gold, the grammar features (is the number in sequence) are those of a correct outline.

Cross-validation holds out whole documents (``FOLDS`` groups): the model is fitted on the others, and
the held-out documents are outlined with it and scored on (level, text) exactly as ``zongjie evaluate``
scores headings. The rules need no fitting, so their figure is the same with or without folds — and
flattered, since they were tuned on these very documents.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.gold import GoldDoc, find_document, gold_files, load_gold
from evaluation.scorer import strip_heading
from evaluation.splits import doc_folders, gold_dir
from nlp.records import Normalized
from nlp.text.heading_model import (
    FEATURES,
    MODEL_PATH,
    VETO,
    Candidate,
    HeadingModel,
    chrome_words,
    features,
    rule_decision,
)
from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

FOLDS = 5
C = 1.0
THRESHOLD = 0.5


@dataclass(frozen=True)
class Doc:
    name: str
    gold: GoldDoc
    norm: Normalized


def load_dev() -> list[Doc]:
    """The dev gold documents with their normalized texts (documents not found are skipped)."""
    from corpus.readers import read_path

    docs = []
    for path in gold_files(gold_dir("dev")):
        gold = load_gold(path)
        found = find_document(gold.doc, doc_folders("dev"))
        if found is not None:
            docs.append(Doc(gold.doc, gold, normalize(read_path(found).text)))
    return docs


def _key(text: str) -> str:
    return strip_heading(normalize(text).text)


def candidate_rows(doc: Doc) -> list[tuple[dict[str, float], bool]]:
    """Every candidate of ``doc`` with its features and whether the gold calls it a heading."""
    wanted = Counter((h.level, _key(h.text)) for h in doc.gold.headings)
    rows: list[tuple[dict[str, float], bool]] = []

    def oracle(c: Candidate) -> bool:
        line = strip_heading(c.phrase + c.rest)
        match = next(
            (k for k in wanted if wanted[k] > 0 and k[0] == c.level and k[1] and line.startswith(k[1])), None
        )
        if match is not None:
            wanted[match] -= 1
        rows.append((features(c), match is not None))
        return match is not None

    build_outline(doc.norm, decide=oracle)
    return rows


def fit(rows: Sequence[tuple[dict[str, float], bool]], c: float = C, threshold: float = THRESHOLD) -> HeadingModel:
    """A standardized logistic regression over the rows, as a ``HeadingModel``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([[r[0][n] for n in FEATURES] for r in rows])
    y = np.array([r[1] for r in rows])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit((x - scaler.mean_) / scale, y)
    return HeadingModel(
        FEATURES, tuple(map(float, scaler.mean_)), tuple(map(float, scale)), tuple(map(float, lr.coef_[0])),
        float(lr.intercept_[0]), threshold,
    )


def heading_counts(doc: Doc, decide: Callable[[Candidate], bool]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the outline ``decide`` gives ``doc``."""
    gold = Counter((h.level, strip_heading(h.text)) for h in doc.gold.headings)
    pred = Counter((s.level, strip_heading(s.heading)) for s in build_outline(doc.norm, decide=decide))
    tp = sum((gold & pred).values())
    return tp, sum(pred.values()) - tp, sum(gold.values()) - tp


def prf(counts: Sequence[tuple[int, int, int]]) -> tuple[float, float, float]:
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _rules(c: Candidate) -> bool:
    return rule_decision(c) and not c.after_chrome and not chrome_words(c.phrase)


# Ways of combining the grammar with the model; each is scored by the cross-validation.
COMBINED: dict[str, Callable[[Candidate, HeadingModel], bool]] = {
    "rules_and_model": lambda c, m: _rules(c) and m.decide(c),
    "rules_veto (shipped)": lambda c, m: _rules(c) and m.probability(c) >= VETO,
    "rules_or_0.9": lambda c, m: _rules(c) or m.decide(c) and m.probability(c) >= 0.9,
    "veto_or_0.9": lambda c, m: (_rules(c) and m.probability(c) >= VETO) or (m.decide(c) and m.probability(c) >= 0.9),
}


def cross_validate(docs: Sequence[Doc], folds: int = FOLDS) -> dict[str, tuple[float, float, float]]:
    """Headings P/R/F1 of the rules and of the model variants, documents held out by folds."""
    rows = [candidate_rows(d) for d in docs]
    results: dict[str, list[tuple[int, int, int]]] = {name: [] for name in ("rules", "model", *COMBINED)}
    for k in range(folds):
        held = [i for i in range(len(docs)) if i % folds == k]
        model = fit([row for i, r in enumerate(rows) if i not in held for row in r])
        for i in held:
            results["rules"].append(heading_counts(docs[i], _rules))
            results["model"].append(heading_counts(docs[i], model.decide))
            for name, combine in COMBINED.items():
                results[name].append(heading_counts(docs[i], lambda c, m=model, f=combine: f(c, m)))
    return {name: prf(counts) for name, counts in results.items()}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="fit on all dev documents and write the model")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    docs = load_dev()
    rows = [row for d in docs for row in candidate_rows(d)]
    print(f"{len(docs)} dev documents, {len(rows)} candidate lines, {sum(r[1] for r in rows)} gold headings among them")
    cv = cross_validate(docs)
    for name, (p, r, f) in cv.items():
        print(f"{name:21s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({FOLDS}-fold, documents held out)")
    if args.write:
        model = fit(rows)
        card = {
            "trained_on": f"evaluation/gold/dev: {len(docs)} documents, {len(rows)} candidate lines",
            "cross_validation": {name: {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}
                                 for name, (p, r, f) in cv.items()},
            "folds": FOLDS, "C": C,
        }
        args.out.write_text(
            json.dumps({"card": card, "model": model.to_dict()}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
