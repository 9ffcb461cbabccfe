"""Does real labelled text of the long reports teach the activity model? A learning curve.

    python -m evaluation.activity_curve [--folds 5] [--json]

Training sets (each adds to the one before or beside it):

- ``shipped data``: the dev gold (30 documents) and the activities-only files of five long reports
  (``evaluation/gold/dev/activities``), what the shipped model is trained on;
- ``+ long train, rounds 1-2`` / ``+ long train, round 3`` / ``+ long train, rounds 1-3``: the
  sentences of the long reports labelled blind (``evaluation/gold/activities_long``), train part only
  (documents outside ``activities_long.HELD_OUT``).

Held-out measures for each, the shipped variant of the model (rules, tagger, doubted rule finds)
and, unless ``--shipped-only``, the tagger without rule features alone and added to it:

- **held-out long**: the model trained on the whole set, run in the full pipeline (``nlp.parse_file``)
  over the held-out long reports' labelled sentences (all rounds), scored as ``activities_long``;
  ``held-out long sentences, VARIANT``: the same sentences scored as ``activity_cv`` scores a fold;
- **dev CV**: the 30 dev documents in folds by document (``activity_cv``); each fold's model is trained
  on the other folds plus the set's extra documents (never a dev document of the held-out fold).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from evaluation import activities_long as al
from evaluation.activity_cv import ADDED, VARIANTS, _total, cross_validate_with, default_docs, train_and_score
from evaluation.scorer import Counts, Tally
from nlp.activities.training import DocExample, gold_examples, sentence_examples, train_examples

GOLD = Path(__file__).resolve().parent / "gold" / "dev"
SHIPPED = VARIANTS[-1]


def _row(counts: Counts, kinds: Tally, exact: Tally | None = None) -> dict:
    return {
        "gold": counts.tp + counts.fn,
        "predicted": counts.tp + counts.fp,
        "matched": counts.tp,
        "P": round(counts.precision, 3),
        "R": round(counts.recall, 3),
        "F1": round(counts.f1, 3),
        "kind": None if kinds.rate is None else round(kinds.rate, 3),
        "exact": None if exact is None or exact.rate is None else round(exact.rate, 3),
    }


def held_out_long(examples: Sequence[DocExample]) -> dict:
    """Train on ``examples``, run the pipeline with that model on the held-out long sentences."""
    import nlp.activities.model as model_module

    with tempfile.TemporaryDirectory() as tmp:
        train_examples(examples, Path(tmp))
        loaded = model_module.ActivityModel.load(Path(tmp))
        saved = model_module.shipped
        model_module.shipped = lambda: loaded  # type: ignore[assignment]
        try:
            r = al.run("held_out")
        finally:
            model_module.shipped = saved
    return _row(r.counts, r.kind, r.exact)


def held_out_long_variants(examples: Sequence[DocExample], held: Sequence[DocExample]) -> dict:
    """Train on ``examples`` and score the held-out long sentences as ``activity_cv`` scores a fold:
    the tagger alone (no rule features) and the shipped variant with its spans added, beside the rules."""
    results: dict = {}
    train_and_score(examples, held, results, alone=True)
    names = {"rules": VARIANTS[0], "tagger alone": VARIANTS[1], "shipped": SHIPPED, "+ tagger alone": ADDED}
    return {label: _row(*_total(results[v])) for label, v in names.items()}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.activity_curve", description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--skip-cv", action="store_true")
    ap.add_argument("--shipped-only", action="store_true", help="do not fit the tagger without rule features")
    args = ap.parse_args(argv)
    docs = default_docs()
    dev = gold_examples(GOLD, docs)
    partial = gold_examples(GOLD / "activities", docs)
    train_part = lambda doc: doc not in al.HELD_OUT  # noqa: E731
    long12 = sentence_examples([al.LABELS], docs, train_part)
    long3 = sentence_examples([al.LABELS_3], docs, train_part)
    long123 = sentence_examples([al.LABELS, al.LABELS_3], docs, train_part)
    held = sentence_examples([al.LABELS, al.LABELS_3], docs, lambda doc: doc in al.HELD_OUT)
    sets = {
        "shipped data": partial,
        "+ long train, rounds 1-2": partial + long12,
        "+ long train, round 3": partial + long3,
        "+ long train, rounds 1-3": partial + long123,
        "long train rounds 1-3, no activities-only files": long123,
    }
    rows = {}
    for name, extra in sets.items():
        row = {"extra activities": sum(len(e.gold_spans) for e in extra)}
        row["held-out long"] = held_out_long(dev + extra)
        if not args.shipped_only:
            for label, r in held_out_long_variants(dev + extra, held).items():
                row[f"held-out long sentences, {label}"] = r
        if not args.skip_cv:
            results = cross_validate_with(dev, extra, args.folds, alone=not args.shipped_only)
            row["dev CV"] = _row(*_total(results[SHIPPED]))
            if ADDED in results:
                row["dev CV, tagger alone"] = _row(*_total(results[VARIANTS[1]]))
                row["dev CV, + tagger alone"] = _row(*_total(results[ADDED]))
            row["dev CV, rules"] = _row(*_total(results[VARIANTS[0]]))
        rows[name] = row
        print(name, json.dumps(row, ensure_ascii=False), file=sys.stderr)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for name, row in rows.items():
        for part, r in row.items():
            if isinstance(r, dict):
                print(
                    f"{name:48} {part:40} P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f} kind {r['kind']} "
                    f"exact {r['exact']}  (gold {r['gold']}, pred {r['predicted']}, matched {r['matched']}; "
                    f"extra {row['extra activities']})"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
