"""Train the figure/look-alike filter on the dev gold and measure it by leave-documents-out cross-validation.

    python -m evaluation.lookalike_train                 # cross-validation: rules vs rules + filter vs model alone
    python -m evaluation.lookalike_train --write         # also fit on every document, write models/lookalike.json
    python -m evaluation.lookalike_train --no-excerpts   # leave out the long-report excerpts (gold/dev/facts/)
    python -m evaluation.lookalike_train --no-written    # leave out the written reports (gold/dev/written/)
    python -m evaluation.lookalike_train --long-labels measure   # the blind long-report labels scored, not trained on

Every number the figure grammar finds with a unit is an example, positive when it overlaps a gold
fact (evaluation/lookalike_examples.py reads them, with their features, from the dev gold's documents,
its facts-only excerpt files and the blind long-report labels).

Cross-validation holds out whole documents (``FOLDS`` groups). Three decisions are compared on the
held-out documents, counted like ``zongjie evaluate``'s detection (a gold fact no candidate overlaps
is a miss for all three):

- ``rules``: the grammar alone (a candidate no rule rejects is a figure);
- ``rules+filter``: the grammar proposes, the model vetoes below a threshold (what ships);
- ``model``: the model alone on every candidate, rule decisions ignored.

The filter can be trained on the candidates the rules keep only, or on every candidate (then it also
learns from the dates, ordinals and quotations the rules reject, at ``REJECTED_WEIGHT``); both are
reported.

The blind labels of long-report candidates outside the excerpts (evaluation/lookalike_long/, tenth
session) are training data too, held out with their report's excerpt file; their held-out score is
printed on its own line (``--long-labels measure``: scored without ever being trained on).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass

from evaluation.lookalike_examples import DocExamples, Example, label_examples, load_examples
from nlp.figures.lookalike import MODEL_PATH, LookalikeModel

FOLDS = 10
REJECTED_WEIGHT = 0.5
C = 0.3
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def fit(examples: Sequence[Example], c: float = C, rejected_weight: float | None = None) -> LookalikeModel:
    """A logistic regression on ``examples`` as a ``LookalikeModel`` (threshold 0.5 until chosen).
    The candidates a named rule rejects weigh ``rejected_weight`` (default ``REJECTED_WEIGHT``): the
    model only ever judges the ones the rules keep, and the rejected teach it their shapes without
    outweighing those (with full weight, 五年累计 in Chinese numerals was vetoed for the many
    rejected 过去五年, 的五年, 二〇二一年 it resembles)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([ex.features for ex in examples])
    y = [ex.label for ex in examples]
    weight = REJECTED_WEIGHT if rejected_weight is None else rejected_weight
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y, sample_weight=[1.0 if ex.rule is None else weight for ex in examples])
    weights = {name: round(float(model.coef_[0][i]), 5) for name, i in vectorizer.vocabulary_.items()}
    return LookalikeModel({k: w for k, w in weights.items() if w}, round(float(model.intercept_[0]), 5), 0.5)


def probabilities(model: LookalikeModel, examples: Sequence[Example]) -> list[float]:
    import math

    out = []
    for ex in examples:
        z = model.intercept + sum(model.weights.get(k, 0.0) * v for k, v in ex.features.items())
        out.append(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))))
    return out


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self) -> dict:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "lookalike_rate": round(1 - self.p, 4)}  # fmt: skip


def score(docs: Sequence[DocExamples], kept: dict[str, list[bool]]) -> Score:
    """Detection over documents: kept positives are hits, kept negatives look-alikes taken, and every
    gold fact not kept (or never a candidate) a miss."""
    tp = fp = gold = 0
    for d in docs:
        for ex, keep in zip(d.examples, kept[d.doc], strict=True):
            tp += keep and ex.label
            fp += keep and not ex.label
        gold += d.gold
    return Score(tp, fp, gold - tp)


def report_of(doc: str) -> str:
    """The report a ``DocExamples`` comes from: a long report's blind labels (``L01.txt#labels``) and
    its excerpt file (``L01.txt``) are one report, held out together."""
    return doc.split("#", 1)[0]


def cross_validate(
    docs: Sequence[DocExamples], folds: int = FOLDS, c: float = C, measured: Sequence[DocExamples] = ()
) -> dict:
    """Held-out probabilities for every example under each training choice, and the scores of
    ``docs``. ``measured`` documents are held out with their report's group but never trained on
    (their probabilities are in ``_held``; they are not in the scores)."""
    names = sorted({report_of(d.doc) for d in (*docs, *measured)})
    groups = [set(names[i::folds]) for i in range(min(folds, len(names)))]
    held: dict[str, dict[str, list[float]]] = {"accepted": {}, "all": {}}
    for group in groups:
        train = [ex for d in docs if report_of(d.doc) not in group for ex in d.examples]
        test = [d for d in (*docs, *measured) if report_of(d.doc) in group]
        for variant, pool in (("accepted", [ex for ex in train if ex.rule is None]), ("all", train)):
            model = fit(pool, c)
            for d in test:
                held[variant][d.doc] = probabilities(model, d.examples)
    rules = {d.doc: [ex.rule is None for ex in d.examples] for d in docs}
    out: dict = {"rules": score(docs, rules).row(), "filter": {}, "model_alone": {}}
    for variant in held:
        for t in THRESHOLDS:
            kept = {d.doc: [ex.rule is None and p >= t for ex, p in zip(d.examples, held[variant][d.doc], strict=True)]
                    for d in docs}  # fmt: skip
            out["filter"][f"{variant} t={t}"] = score(docs, kept).row()
    for t in (0.3, 0.5, 0.7):
        kept = {d.doc: [p >= t for p in held["all"][d.doc]] for d in docs}
        out["model_alone"][f"alone t={t}"] = score(docs, kept).row()
    out["_held"] = held
    return out


def labels_row(labelled: Sequence[DocExamples], held: dict[str, list[float]], t: float) -> dict:
    """Rules + filter at ``t`` on the blind labels: look-alikes taken among the kept, figures vetoed."""
    kept = {d.doc: [ex.rule is None and p >= t for ex, p in zip(d.examples, held[d.doc], strict=True)] for d in labelled}
    taken = sum(k and not ex.label for d in labelled for ex, k in zip(d.examples, kept[d.doc], strict=True))
    n_kept = sum(map(sum, kept.values()))
    figures_dropped = sum(ex.label and not k for d in labelled for ex, k in zip(d.examples, kept[d.doc], strict=True))
    return {"labelled": sum(len(d.examples) for d in labelled), "look-alikes taken": f"{taken}/{n_kept}",
            "rate": round(taken / n_kept, 4) if n_kept else None, "figures dropped": figures_dropped}  # fmt: skip


def best_threshold(filter_rows: dict, variant: str) -> float:
    """The threshold of best CV F1 for ``variant``; ties go to the lowest (the fewest vetoes)."""
    rows = [(row["f1"], -t) for t in THRESHOLDS if (row := filter_rows[f"{variant} t={t}"])]
    return -max(rows)[1]


def vetoed(docs: Sequence[DocExamples], held: dict[str, list[float]], t: float) -> list[tuple[str, bool, float, str]]:
    """The rule-kept candidates the held-out model vetoes at ``t``: (doc, label, p, context)."""
    out = []
    for d in docs:
        for ex, p in zip(d.examples, held[d.doc], strict=True):
            if ex.rule is None and p < t:
                out.append((d.doc, ex.label, round(p, 3), ex.text))
    return out


def without(d: DocExamples, prefixes: tuple[str, ...]) -> DocExamples:
    """The same examples with the features named by ``prefixes`` left out (ablation)."""
    kept = tuple(
        Example(ex.doc, {k: v for k, v in ex.features.items() if not k.startswith(prefixes)}, ex.rule, ex.label, ex.text)
        for ex in d.examples
    )
    return DocExamples(d.doc, kept, d.gold)


def _sources(args: argparse.Namespace) -> str:
    parts = ["whole documents"]
    if not args.no_written:
        parts.append("written/ reports")
    if not args.no_excerpts:
        parts.append("facts/ excerpts")
    if args.long_labels == "train":
        parts.append("evaluation/lookalike_long/ blind labels of long reports")
    return ", ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.lookalike_train", description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"fit on every document and write {MODEL_PATH.name}")
    ap.add_argument("--no-excerpts", action="store_true", help="leave out the facts-only excerpt files")
    ap.add_argument("--no-written", action="store_true", help="leave out the written reports (gold/dev/written/)")
    ap.add_argument("--variant", choices=("accepted", "all"), default="all", help="what the filter is trained on")
    ap.add_argument("--show", action="store_true", help="list the candidates the held-out filter vetoes")
    ap.add_argument("--drop", action="append", default=[], help="leave out features starting with this (ablation)")
    ap.add_argument("--c", type=float, default=C, help=f"inverse regularization strength (default {C})")
    ap.add_argument("--threshold", type=float, default=None, help="veto below this (default: the best on CV)")
    ap.add_argument("--long-labels", choices=("train", "measure", "off"), default="train",
                    help="the blind labels of evaluation/lookalike_long/: training data too (default), "
                    "only scored (held out with their report, never trained on), or left out")  # fmt: skip
    args = ap.parse_args(argv)
    docs = load_examples(with_excerpts=not args.no_excerpts, with_written=not args.no_written)
    labelled = label_examples() if args.long_labels != "off" else []
    if args.drop:
        docs = [without(d, tuple(args.drop)) for d in docs]
        labelled = [without(d, tuple(args.drop)) for d in labelled]
    if args.long_labels == "train":
        docs, labelled = [*docs, *labelled], labelled
    n_ex = sum(len(d.examples) for d in docs)
    n_pos = sum(ex.label for d in docs for ex in d.examples)
    print(f"{len(docs)} documents, {n_ex} candidates ({n_pos} overlap a gold fact), "
          f"{sum(d.gold for d in docs)} gold facts")  # fmt: skip
    measured = labelled if args.long_labels == "measure" else []
    cv = cross_validate(docs, c=args.c, measured=measured)
    held = cv.pop("_held")
    print(f"rules alone              {cv['rules']}")
    for name, row in {**cv["filter"], **cv["model_alone"]}.items():
        print(f"{name:24} {row}")
    t = args.threshold if args.threshold is not None else best_threshold(cv["filter"], args.variant)
    print(f"chosen: train on {args.variant}, veto below {t}")
    if labelled:
        print(f"long-report blind labels ({args.long_labels}), held out by report: "
              f"{labels_row(labelled, held[args.variant], t)}")  # fmt: skip
    if args.show:
        for row in vetoed(docs, held[args.variant], t):
            print("  VETO", *row, sep="\t")
    if args.write:
        pool = [ex for d in docs for ex in d.examples if args.variant == "all" or ex.rule is None]
        model = fit(pool, args.c)
        model = LookalikeModel(model.weights, model.intercept, t)
        card = {
            "trained_on": f"evaluation/gold/dev ({_sources(args)}): {len(docs)} documents, {len(pool)} candidates",
            "variant": args.variant,
            "C": args.c,
            "rejected_weight": REJECTED_WEIGHT,
            "folds": FOLDS,
            "cross_validation": {"rules": cv["rules"], "rules+filter (shipped)": cv["filter"][f"{args.variant} t={t}"],
                                 **({"long blind labels": labels_row(labelled, held[args.variant], t)} if labelled else {})},
        }  # fmt: skip
        MODEL_PATH.write_text(
            json.dumps({"card": card, "model": model.to_dict()}, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
