"""Leave-documents-out cross-validation of a learned indicator decision beside the resolution rules.

    python -m evaluation.indicator_cv [--folds 5] [--c 3.0] [--json OUT]

The rules (nlp/figures/resolve.py and the modules it calls) decide each figure's indicator, breakdown
and scope. This asks whether a small multinomial logistic regression that predicts a figure's
indicator (a SPEC section 4 id, or none) improves the rules on documents it was not trained on. It
reads (evaluation/indicator_data.py) the unit, the predicted subject, the characters before the
figure in its clause and sentence, the characters after it, the paragraph's opening, the section
heading, the qualifier and, for two of its three kinds, the rules' own decision (indicator, breakdown
null or its dimensions, scope):

- ``plain``: no rules' features, labels the gold indicator (or none);
- ``ruled``: with them, the same labels;
- ``joint``: with them, column labels: ``X`` for a comparable gold fact, ``X~`` for X as a part or
  not the unit's figure (the model cannot name the part, so it only adds or changes to a whole).

Each is combined with the rules in three ways, a threshold t each:

- **fallback**: where the rules give no indicator and the model's best id has probability ≥ t, that
  id, breakdown null, the scope the rules' place reading gives (``scope_on_trail`` with a fresh trail);
- **veto**: where the rules give a section 4 id whose model probability is < t, no indicator;
- **decider**: when its best label has probability ≥ t the model decides (the rules' breakdown and
  scope kept when it agrees with them; a new id gets breakdown null and the place-reading scope; none
  removes the indicator).

Candidates are the pipeline's own figures on the dev gold's documents: the 30 real reports
(gold/dev/), the 74 written reports (gold/dev/written/) and the 13 long-report excerpts
(gold/dev/facts/, figures inside the excerpts only). Folds are by document (round robin over the
documents sorted by source and name); each document's figures are predicted by a model fitted
without it. Every variant is scored with the project's scorer (``evaluation.scorer.score_indicators``)
on the same matched pairs, per source. Transfer rows: a model fitted on the real documents (dev +
long excerpts) predicts the written reports, and one fitted on the written reports predicts the real
documents.

Thresholds are chosen on the pooled held-out predictions of all documents (the choice itself is
not nested; it is one number per variant). Nothing in nlp/ reads this module.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from evaluation.gold import SPEC_INDICATORS
from evaluation.indicator_data import NONE, PART, REAL, SOURCES, Candidate, DocData, collect
from evaluation.scorer import Counts, score_indicators
from nlp.records import Scope

THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, *(round(0.3 + 0.05 * i, 2) for i in range(14)))  # 0.05 … 0.95

# ---------------------------------------------------------------- fitting


@dataclasses.dataclass(frozen=True)
class Fitted:
    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # features × classes
    bias: np.ndarray

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        scores = np.tile(self.bias, (len(rows), 1))
        for r, row in enumerate(rows):
            ids = [self.index[f] for f in set(row) if f in self.index]
            if ids:
                scores[r] += self.weights[ids].sum(axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)


def fit(rows: Sequence[Sequence[str]], labels: Sequence[str], c: float = 1.0, min_count: int = 2) -> Fitted:
    """A multinomial logistic regression over binary features seen at least ``min_count`` times."""
    from collections import Counter

    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for row in rows for f in set(row))
    index = {f: i for i, f in enumerate(sorted(f for f, n in seen.items() if n >= min_count))}
    indptr, cols = [0], []
    for row in rows:
        cols += sorted({index[f] for f in row if f in index})
        indptr.append(len(cols))
    x = csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(rows), len(index)))
    model = LogisticRegression(C=c, max_iter=3000).fit(x, list(labels))
    classes = tuple(str(k) for k in model.classes_)
    weights, bias = model.coef_.T.copy(), model.intercept_.copy()
    if len(classes) == 2:  # a binary fit has one column: spell out both classes
        weights = np.hstack([-weights / 2, weights / 2])
        bias = np.array([-bias[0] / 2, bias[0] / 2])
    return Fitted(classes, index, weights, bias)


# ---------------------------------------------------------------- deciding and scoring

Decision = tuple[str | None, object, Scope]  # indicator, breakdown, scope


def _rule(c: Candidate) -> Decision:
    return c.fact.indicator, c.fact.breakdown, c.fact.scope


def _take(c: Candidate, indicator: str) -> Decision:
    if indicator == NONE:
        return None, None, Scope.UNIT
    if indicator == c.fact.indicator:
        return _rule(c)
    return indicator, None, c.place_scope


def decide(variant: str, c: Candidate, p: dict[str, float], t: float) -> Decision:
    """One variant's decision for one candidate given the model's probabilities ``p``.

    With column labels (``X~``: X, but a part or not the unit's) the model adds or changes an
    indicator only to a whole (it cannot name the part), and its probability of X is that of X and X~.
    """
    if any(k.endswith(PART) for k in p):
        return _decide_columns(variant, c, p, t)
    best = max(p, key=p.__getitem__)
    rule = c.fact.indicator
    if variant == "fallback":
        return _take(c, best) if rule is None and best != NONE and p[best] >= t else _rule(c)
    if variant == "veto":
        return (None, None, Scope.UNIT) if rule in SPEC_INDICATORS and p.get(rule, 0.0) < t else _rule(c)
    if variant == "fallback+veto":
        if rule is None:
            return decide("fallback", c, p, t)
        return decide("veto", c, p, 1 - t)
    if variant == "decider":  # the model's best when sure enough, else the rules
        if p[best] < t or (best == NONE and rule not in SPEC_INDICATORS):
            return _rule(c)
        return _take(c, best)
    raise ValueError(variant)


def _decide_columns(variant: str, c: Candidate, p: dict[str, float], t: float) -> Decision:
    best = max(p, key=p.__getitem__)
    rule = c.fact.indicator
    whole_best = not best.endswith(PART) and best != NONE
    if variant == "fallback":
        return _take(c, best) if rule is None and whole_best and p[best] >= t else _rule(c)
    if variant == "veto":
        said = p.get(rule or "", 0.0) + p.get(f"{rule}{PART}", 0.0)
        return (None, None, Scope.UNIT) if rule in SPEC_INDICATORS and said < t else _rule(c)
    if variant == "decider":
        if p[best] < t or best.rstrip(PART) == rule:
            return _rule(c)
        if best == NONE:
            return (None, None, Scope.UNIT) if rule in SPEC_INDICATORS else _rule(c)
        return _take(c, best) if whole_best else _rule(c)
    raise ValueError(variant)


def score(docs: Sequence[DocData], decisions: dict[str, list[Decision]] | None) -> tuple[Counts, Counts]:
    """Indicators and comparable counts (the scorer's) over ``docs``; None decisions are the rules'."""
    ind, cmp_ = Counts(), Counts()
    for d in docs:
        facts = d.facts
        if decisions is not None:
            facts = tuple(
                dataclasses.replace(f, indicator=i, breakdown=b, scope=s)
                for f, (i, b, s) in zip(d.facts, decisions[d.doc], strict=True)
            )
        a, b = score_indicators(d.gold, facts, d.pairs)  # type: ignore[arg-type]
        ind, cmp_ = ind + a, cmp_ + b
    return ind, cmp_


# ---------------------------------------------------------------- cross-validation

# model kind → (features, label): without or with the rules' decision; the column label (``~`` parts)
MODELS = {"plain": ("plain", "label"), "ruled": ("ruled", "label"), "joint": ("ruled", "column")}
VARIANTS = (("fallback", "plain"), ("fallback", "ruled"), ("veto", "plain"), ("veto", "ruled"),
            ("fallback+veto", "ruled"), ("decider", "ruled"), ("decider", "plain"),
            ("fallback", "joint"), ("veto", "joint"), ("decider", "joint"))  # fmt: skip
Held = dict[str, dict[str, list[dict[str, float]]]]  # model kind → doc → probabilities per candidate


def _predict(train: Sequence[DocData], held: Sequence[DocData], kind: str, c: float) -> dict[str, list[dict[str, float]]]:
    features, label = MODELS[kind]
    rows = [getattr(x, features) for d in train for x in d.candidates]
    model = fit(rows, [getattr(x, label) for d in train for x in d.candidates], c)
    out = {}
    for d in held:
        p = model.probabilities([getattr(x, features) for x in d.candidates])
        out[d.doc] = [dict(zip(model.classes, row.tolist(), strict=True)) for row in p]
    return out


def cross_validate(docs: Sequence[DocData], folds: int, c: float) -> Held:
    """Every document's probabilities from models fitted on the other folds (by document)."""
    order = sorted(docs, key=lambda d: (d.source, d.doc))
    fold_of = {d.doc: i % folds for i, d in enumerate(order)}
    held: Held = {kind: {} for kind in MODELS}
    for kind in MODELS:
        for k in range(folds):
            train = [d for d in docs if fold_of[d.doc] != k]
            test = [d for d in docs if fold_of[d.doc] == k]
            held[kind].update(_predict(train, test, kind, c))
    return held


def transfer(docs: Sequence[DocData], c: float) -> Held:
    """Written reports predicted by models fitted on the real documents, and the other way round."""
    real = [d for d in docs if d.source in REAL]
    written = [d for d in docs if d.source == "written"]
    held: Held = {kind: {} for kind in MODELS}
    for kind in MODELS:
        held[kind].update(_predict(real, written, kind, c))
        held[kind].update(_predict(written, real, kind, c))
    return held


def decisions(docs: Sequence[DocData], held: Held, variant: str, kind: str, t: float) -> dict[str, list[Decision]]:
    return {
        d.doc: [decide(variant, x, p, t) for x, p in zip(d.candidates, held[kind][d.doc], strict=True)] for d in docs
    }


def _row(docs: Sequence[DocData], chosen: dict[str, list[Decision]] | None) -> dict[str, dict[str, float]]:
    groups = {s: [d for d in docs if d.source == s] for s in SOURCES}
    groups["real (dev + long)"] = [d for d in docs if d.source in REAL]
    groups["all"] = list(docs)
    out = {}
    for name, group in groups.items():
        ind, cmp_ = score(group, chosen)
        out[name] = {
            "ind_p": ind.precision, "ind_r": ind.recall, "ind_f1": ind.f1,
            "cmp_p": cmp_.precision, "cmp_r": cmp_.recall, "cmp_f1": cmp_.f1,
        }  # fmt: skip
    return out


def evaluate_variants(docs: Sequence[DocData], held: Held) -> dict[str, dict]:
    """The rules, and each variant at its best threshold (pooled comparable F1, then indicators F1)."""
    table: dict[str, dict] = {"rules": {"t": None, "by": _row(docs, None)}}
    for variant, kind in VARIANTS:
        best = None
        for t in THRESHOLDS:
            ind, cmp_ = score(docs, decisions(docs, held, variant, kind, t))
            key = (round(cmp_.f1, 4), round(ind.f1, 4))
            if best is None or key > best[0]:
                best = (key, t)
        t = best[1]  # type: ignore[index]
        table[f"{variant} ({kind})"] = {"t": t, "by": _row(docs, decisions(docs, held, variant, kind, t))}
    return table


def _print(title: str, table: dict[str, dict]) -> None:
    print(title)
    for name, entry in table.items():
        t = "" if entry["t"] is None else f" t={entry['t']:.2f}"
        cells = "  ".join(
            f"{s}: ind {v['ind_f1']:.3f} cmp {v['cmp_p']:.3f}/{v['cmp_r']:.3f}/{v['cmp_f1']:.3f}"
            for s, v in entry["by"].items()
            if s != "all"
        )
        print(f"  {name + t:<28} {cells}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--c", type=float, default=3.0, help="inverse regularization strength")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    args = ap.parse_args(argv)
    docs = collect()
    print(f"{len(docs)} documents, {sum(len(d.candidates) for d in docs)} figures, "
          f"{args.folds} folds by document, C={args.c}")  # fmt: skip
    cv = evaluate_variants(docs, cross_validate(docs, args.folds, args.c))
    _print("cross-validated (each document predicted by a model fitted without it)", cv)
    tr = evaluate_variants(docs, transfer(docs, args.c))
    _print("transfer (written ← real, real ← written)", tr)
    if args.json:
        args.json.write_text(json.dumps({"cv": cv, "transfer": tr}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
