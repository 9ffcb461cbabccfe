"""Does more annotated community text help the learned parts on text they have not seen?

The reports of corpus/written/ (gold in evaluation/gold/dev/written/) were written and annotated
blind by the team, in the genre's style and in new wording. Here they are cut into folds by
document; for each fold the activity model (tagger and kinds, the shipped variant) and the fact
category model (the shipped settings) are trained on the development gold they are trained on today
plus ``n`` of the other written reports, and score the fold. ``n = 0`` is the model as shipped
(trained on the development gold alone); the largest ``n`` uses every other written report. A
rising line says more annotated community reports are the lever; a flat one says they are not.

``--transfer`` asks the question that matters for real documents: the **real** dev documents are cut
into folds, and each is scored by models trained on the other real documents alone and on those plus
every written report. Written text helps real text only if the second line is higher. ``headings``
(``--transfer`` only) does so for the two learned heading decisions (``evaluation.heading_train``):
the real dev and long-report documents in its ``FOLDS`` folds, the shipped combination scored with
models trained without and with the written reports' candidate lines and heading ends.

The third batch's check half (``CHECK_HALF``, w065–w074) is never read here: the lead scores it blind.

    python -m evaluation.written_curve [--folds 3] [--only activities,categories,headings] [--transfer] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from evaluation.activity_cv import VARIANTS, Results, _total, train_and_score
from evaluation.activity_cv import _row as activity_row
from evaluation.category_cv import SHIPPED, Case, cases
from evaluation.heading_train import FOLDS
from evaluation.scorer import Counts, Tally
from evaluation.splits import doc_folders, gold_dir
from nlp.activities.training import DocExample, gold_examples
from nlp.activities.training import default_gold_dirs as activity_gold_dirs
from nlp.categories.categorize import build_estimator, training_examples
from nlp.categories.training import RealClause, real_clauses
from nlp.categories.training import default_gold_dirs as category_gold_dirs

WRITTEN = gold_dir("dev") / "written"
SHIPPED_VARIANT = VARIANTS[-1]
# Written reports held out from every training and reading (the third batch's check half).
CHECK_HALF = frozenset(f"w{n:03d}" for n in range(65, 75))


def withheld(name: str) -> bool:
    """Whether a written report (gold or document name) belongs to the check half.

    >>> withheld("w067_2020年下半年垃圾分类工作总结.txt"), withheld("w064.json"), withheld("d065.json")
    (True, False, False)
    """
    return name[:4] in CHECK_HALF


def _kept(rows: Sequence) -> list:
    return [r for r in rows if not withheld(r.doc)]


def folds_of(names: Sequence[str], folds: int) -> list[list[str]]:
    """Documents dealt round-robin in name order.

    >>> folds_of(["w3", "w1", "w2"], 2)
    [['w1', 'w3'], ['w2']]
    """
    ordered = sorted(names)
    return [ordered[k::folds] for k in range(folds)]


def amounts(others: int) -> list[int]:
    """How many of the other written reports each point of the curve adds: none, about half, all.

    >>> amounts(16), amounts(1)
    ([0, 8, 16], [0, 1])
    """
    return sorted({0, others // 2, others})


def activity_curve(dev: Sequence[DocExample], written: Sequence[DocExample], folds: int) -> dict[int, dict]:
    """{n: the shipped variant's row over all held-out folds} for each amount ``n``."""
    by_name = {ex.doc: ex for ex in written}
    split = folds_of(list(by_name), folds)
    results: dict[int, Results] = {}
    for k, held in enumerate(split):
        others = [by_name[name] for j, fold in enumerate(split) if j != k for name in fold]
        for n in amounts(len(others)):
            train_and_score([*dev, *others[:n]], [by_name[name] for name in held], results.setdefault(n, {}))
            print(f"activities: fold {k + 1}/{folds}, {n} written reports added", file=sys.stderr)
    return {n: _row(*_total(r[SHIPPED_VARIANT])) for n, r in sorted(results.items())}


def _row(counts: Counts, kinds: Tally, exact: Tally) -> dict:
    return activity_row(SHIPPED_VARIANT, counts, kinds, exact)


def _right_categories(train_rows: Sequence[RealClause], test: Sequence[Case]) -> int:
    """How many of ``test``'s facts a category model trained on ``train_rows`` (the shipped settings,
    read as nlp/categories/assign.py reads a figure: its text mixed with its section heading) gets right."""
    texts, labels = training_examples(real=list(train_rows))
    model = build_estimator(SHIPPED.c, SHIPPED.max_features).fit(texts, labels)
    own = model.predict_proba([c.text(SHIPPED.context) for c in test])
    headed = [i for i, c in enumerate(test) if c.headings]
    if headed and SHIPPED.section_weight:
        section = model.predict_proba([test[i].headings[-1] for i in headed])
        own[headed] = (1 - SHIPPED.section_weight) * own[headed] + SHIPPED.section_weight * section
    predicted = model.classes_[own.argmax(axis=1)]
    return sum(p == c.category for p, c in zip(predicted, test, strict=True))


def category_curve(
    dev_real: Sequence[RealClause],
    written_real: Sequence[RealClause],
    written_cases: Sequence[Case],
    folds: int,
) -> dict[int, dict]:
    """{n: category accuracy on the held-out written facts} for each amount ``n``."""
    split = folds_of(sorted({c.doc for c in written_cases}), folds)
    right: dict[int, list[int]] = {}
    for k, held in enumerate(split):
        others = [name for j, fold in enumerate(split) if j != k for name in fold]
        test = [c for c in written_cases if c.doc in held]
        for n in amounts(len(others)):
            added = set(others[:n])
            tally = right.setdefault(n, [0, 0])
            tally[0] += _right_categories([*dev_real, *(r for r in written_real if r.doc in added)], test)
            tally[1] += len(test)
            print(f"categories: fold {k + 1}/{folds}, {n} written reports added", file=sys.stderr)
    return {
        n: {"accuracy": round(r / t, 3) if t else None, "facts": t} for n, (r, t) in sorted(right.items())
    }


def activity_transfer(
    real: Sequence[DocExample], extra: Sequence[DocExample], written: Sequence[DocExample], folds: int
) -> dict[str, dict]:
    """The shipped variant on held-out folds of the ``real`` documents, trained on the other real
    documents and ``extra`` (excerpt files), without and with the ``written`` reports."""
    by_name = {ex.doc: ex for ex in real}
    split = folds_of(list(by_name), folds)
    results: dict[str, Results] = {}
    for k, held in enumerate(split):
        train = [by_name[name] for j, fold in enumerate(split) if j != k for name in fold] + list(extra)
        test = [by_name[name] for name in held]
        train_and_score(train, test, results.setdefault("real only", {}))
        train_and_score([*train, *written], test, results.setdefault("real + written", {}))
        print(f"activities transfer: fold {k + 1}/{folds}", file=sys.stderr)
    return {name: _row(*_total(r[SHIPPED_VARIANT])) for name, r in results.items()}


def category_transfer(
    real_cases: Sequence[Case], real_rows: Sequence[RealClause], written_rows: Sequence[RealClause], folds: int
) -> dict[str, dict]:
    """Category accuracy on held-out folds of the real documents, trained on the other real documents'
    clauses without and with the written reports' clauses."""
    split = folds_of(sorted({c.doc for c in real_cases}), folds)
    right: dict[str, list[int]] = {}
    for held in split:
        test = [c for c in real_cases if c.doc in held]
        rows = [r for r in real_rows if r.doc not in held]
        for name, train_rows in (("real only", rows), ("real + written", [*rows, *written_rows])):
            tally = right.setdefault(name, [0, 0])
            tally[0] += _right_categories(train_rows, test)
            tally[1] += len(test)
    return {name: {"accuracy": round(r / t, 3), "facts": t} for name, (r, t) in right.items()}


def heading_transfer() -> dict[str, dict[str, tuple[float, float, float]]]:
    """Headings P/R/F1 on held-out folds of the real documents (dev, long, all), the heading decisions
    trained on the other real documents without and with the written reports (check half left out):
    for each arm, the model alone, the shipped combination without the end model, and with the end
    model at each threshold of ``END_THRESHOLDS``."""
    from evaluation import heading_train as ht
    from evaluation.heading_end_data import fit_end
    from nlp.text.heading_end import learned_end

    real = ht.load_all()
    written = ht._load(WRITTEN, doc_folders("dev"), "written", skip=withheld)
    real_walks = [ht.walk(d) for d in real]
    written_walks = [ht.walk(d) for d in written]
    shipped = ht.COMBINED["rules_veto (shipped)"]
    results: dict[str, dict[str, list[tuple[int, int, int]]]] = {}
    for k in range(ht.FOLDS):
        held = [i for i in range(len(real)) if i % ht.FOLDS == k]
        train = [real_walks[i] for i in range(len(real)) if i not in held]
        for arm, added in (("real only", []), (f"real + {len(written)} written", written_walks)):
            model = ht.fit([row for w in [*train, *added] for row in w[0]])
            ends = [ex for w in [*train, *added] for ex in w[1]]
            variants = {"model alone": (model.decide, None), "shipped, no end model": (lambda c, m=model: shipped(c, m), None)}
            for t in ht.END_THRESHOLDS:
                end_model = fit_end(ends, t)
                variants[f"shipped + end model ≥ {t}"] = (
                    lambda c, m=model: shipped(c, m), lambda p, r, w, e=end_model: learned_end(p, r, w, e)
                )
            for name, (decide, end) in variants.items():
                cell = results.setdefault(f"{arm}: {name}", {"dev": [], "long": []})
                for i in held:
                    counts = ht.heading_counts(real[i], decide, end) if end else ht.heading_counts(real[i], decide)
                    cell[real[i].group].append(counts)
        print(f"headings transfer: fold {k + 1}/{ht.FOLDS}", file=sys.stderr)
    return {
        name: {"dev": ht.prf(g["dev"]), "long": ht.prf(g["long"]), "all": ht.prf(g["dev"] + g["long"])}
        for name, g in results.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.written_curve", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--only", default="activities,categories")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--transfer", action="store_true", help="score real dev documents, trained with and without the written reports")
    args = parser.parse_args(argv)
    docs = doc_folders("dev")
    parts = set(args.only.split(","))
    data: dict[str, dict] = {}
    if args.transfer:
        return _transfer(parts, docs, args.folds, args.json)
    if "activities" in parts:
        dev = [ex for d in activity_gold_dirs() for ex in gold_examples(d, docs)]
        data["activities"] = activity_curve(dev, _kept(gold_examples(WRITTEN, docs)), args.folds)
    if "categories" in parts:
        dev_real = real_clauses(category_gold_dirs(), docs)
        data["categories"] = category_curve(
            dev_real, _kept(real_clauses([WRITTEN], docs)), _kept(cases([WRITTEN], docs)), args.folds
        )
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(
        f"written reports in {args.folds} folds; each point trains on the development gold plus n of the other written reports"
    )
    for n, r in data.get("activities", {}).items():
        print(
            f"activities, n={n:2}: P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}"
            f" kind {r['kind']}  (gold {r['gold']}, predicted {r['predicted']})"
        )
    for n, r in data.get("categories", {}).items():
        print(f"fact category, n={n:2}: {r['accuracy']} over {r['facts']} matched facts")
    return 0


def _transfer(parts: set[str], docs: Sequence[Path], folds: int, as_json: bool) -> int:
    data: dict[str, dict] = {}
    dev_dir = gold_dir("dev")
    if "activities" in parts:
        real = gold_examples(dev_dir, docs)
        extra = [ex for d in activity_gold_dirs() if d != dev_dir for ex in gold_examples(d, docs)]
        data["activities"] = activity_transfer(real, extra, _kept(gold_examples(WRITTEN, docs)), folds)
    if "categories" in parts:
        real_cases = cases([dev_dir], docs)
        data["categories"] = category_transfer(
            real_cases, real_clauses([dev_dir], docs), _kept(real_clauses([WRITTEN], docs)), folds
        )
    if "headings" in parts:
        data["headings"] = heading_transfer()
    if as_json:
        print(json.dumps(data, indent=2))
        return 0
    if parts - {"headings"}:
        print(f"the real dev documents in {folds} folds, trained on the other real documents without and with the written reports")
    for name, r in data.get("activities", {}).items():
        print(f"activities, {name}: P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} kind {r['kind']}")
    for name, r in data.get("categories", {}).items():
        print(f"fact category, {name}: {r['accuracy']} over {r['facts']} matched facts")
    if "headings" in data:
        print(f"headings: the real dev and long documents in {FOLDS} folds (evaluation.heading_train), trained on the other "
              "real documents without and with the written reports")
    for name, by_group in data.get("headings", {}).items():
        cells = "   ".join(f"{g} P {p:.3f} R {r:.3f} F1 {f:.3f}" for g, (p, r, f) in by_group.items())
        print(f"headings, {name}: {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
