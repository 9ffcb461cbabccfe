"""Document-level cross-validation of the learned activity model, beside the grammar rules.

    python -m evaluation.activity_cv [--gold evaluation/gold/dev] [--docs DIR ...] [--folds 5] [--json]

The gold documents are split into folds by document (never a sentence of a test document in
training). For each fold the tagger and the kind classifier are trained on the other folds and
predict the held-out documents; the counts add up over folds (micro averages), scored as
``zongjie evaluate`` scores activities (a predicted name matches a gold one when the spans overlap,
one-to-one, nearest first; kind accuracy on matched pairs), plus the share of matched names whose
span is exactly the gold name: overlap alone would reward names that run on into their counts.

The rules are scored on the same documents. They were tuned on all of them, so their figure is a
development figure, not a held-out one: it flatters them. The model's ``+rules`` variants read the
rules' decision as a feature, so part of that flattery leaks into them too; ``model alone`` does not.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from evaluation.scorer import Counts, Tally, counts_from, match_nearest
from nlp.activities.decoding import decode, lenient_labels
from nlp.activities.features import Span
from nlp.activities.model import KEEP_DOUBTED, THRESHOLD, doubted_rule_spans, kind_features, verb_before
from nlp.activities.training import DocExample, fit_kinds, fit_tagger, gold_examples, without_rules
from nlp.activities.vocab import kind_of_name

Predicted = list[tuple[Span, str]]  # original span, kind
VARIANTS = (
    "rules",
    "model alone",
    "model + rule features",
    "model + rule features, rules' kinds",
    "union (model + rule features, rules)",
    "intersection (model + rule features, rules)",
    "intersection, rules' kinds",
    "intersection, rules' kinds, classifier where they say other",
    "the same, keeping the rule finds the tagger doubts (shipped)",
)
# Not shipped: the shipped variant plus the spans the tagger without rule features finds where no rule
# did (its kind: the keyword rules', the classifier's where they say other). Scored when that tagger is fitted.
ADDED = "shipped, plus the tagger alone's spans where no rule found one"


def default_docs() -> list[Path]:
    shared = Path(os.environ.get("ZONGJIE_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
    return [shared / "corpus" / "seeds", shared / "corpus" / "dev", shared / "corpus" / "long"]


def fold_of(examples: Sequence[DocExample], folds: int) -> list[int]:
    """Documents dealt round-robin in name order, so the full-length seeds spread over folds."""
    order = sorted(range(len(examples)), key=lambda i: examples[i].doc)
    fold = [0] * len(examples)
    for rank, i in enumerate(order):
        fold[i] = rank % folds
    return fold


def _tagged_spans(
    ex: DocExample, crf, use_rules: bool, threshold: float = THRESHOLD, keep_doubted: float | None = None
) -> list[Span]:
    """The tagger's spans; with ``keep_doubted``, also the rule finds it doubts (as the pipeline does)."""
    text = ex.parse.normalized.text
    spans: list[Span] = []
    for tokens, features in ex.sequences:
        x = features if use_rules else without_rules(features)
        marginals = crf.predict_marginals_single(x)
        tagged = decode(text, tokens, lenient_labels(crf.predict_single(x), marginals, threshold))
        if keep_doubted is not None and tokens:
            rules = [sp for sp in ex.rule_norm_spans if sp[0] < tokens[-1].end and tokens[0].start < sp[1]]
            p_outside = [m["O"] for m in marginals]
            tagged += doubted_rule_spans(tokens, p_outside, rules, tagged, keep_doubted)
        spans += sorted(tagged)
    return spans


def _overlapping(span: Span, spans: Sequence[Span]) -> int | None:
    return next((i for i, s in enumerate(spans) if s[0] < span[1] and span[0] < s[1]), None)


def _variants(ex: DocExample, alone: list[Span], ruled: list[Span], kinds) -> dict[str, Predicted]:
    """Every combination of one held-out document, in original offsets."""
    norm = ex.parse.normalized
    text = norm.text

    def classify(spans: list[Span]) -> Predicted:
        rows = [kind_features(text[s:e], verb_before(text, s)) for s, e in spans]
        return [(norm.to_original(*sp), k) for sp, k in zip(spans, kinds.predict(rows), strict=True)]

    rules = list(zip(ex.rule_spans, ex.rule_kinds, strict=True))
    model = classify(ruled)
    with_rule_kinds = []
    for (s, e), (orig, _) in zip(ruled, model, strict=True):
        i = _overlapping(orig, ex.rule_spans)
        kind = ex.rule_kinds[i] if i is not None else kind_of_name(text[s:e], verb_before(text, s)).value
        with_rule_kinds.append((orig, kind))
    union = model + [(sp, k) for sp, k in rules if _overlapping(sp, [m for m, _ in model]) is None]
    inter = [(sp, k) for sp, k in model if _overlapping(sp, ex.rule_spans) is not None]
    inter_rule_kinds = [(sp, k) for sp, k in with_rule_kinds if _overlapping(sp, ex.rule_spans) is not None]
    inter_mixed = [
        (sp, k if k != "other" else learned)
        for (sp, k), (_, learned) in zip(with_rule_kinds, model, strict=True)
        if _overlapping(sp, ex.rule_spans) is not None
    ]
    found = (rules, classify(alone), model, with_rule_kinds, union, inter, inter_rule_kinds, inter_mixed)
    return dict(zip(VARIANTS, found, strict=False))  # the last variant is added by the caller


def _kinds_of_new(ex: DocExample, spans: list[Span], kinds) -> Predicted:
    """Spans no rule found, in original offsets, with the keyword kind (the classifier's where it says other)."""
    norm = ex.parse.normalized
    text = norm.text
    if not spans:
        return []
    learned = kinds.predict([kind_features(text[s:e], verb_before(text, s)) for s, e in spans])
    out = []
    for (s, e), k in zip(spans, learned, strict=True):
        rule = kind_of_name(text[s:e], verb_before(text, s)).value
        out.append((norm.to_original(s, e), rule if rule != "other" else k))
    return out


def score(ex: DocExample, predicted: Predicted) -> tuple[Counts, Tally, Tally]:
    """Detection counts, and on matched pairs: kind right, name span exactly the gold one."""
    pairs = match_nearest(list(ex.gold_spans), [sp for sp, _ in predicted])
    kinds = [ex.gold_kinds[g] == predicted[p][1] for g, p in pairs]
    exact = [ex.gold_spans[g] == predicted[p][0] for g, p in pairs]
    counts = counts_from(pairs, len(ex.gold_spans), len(predicted))
    return counts, Tally(sum(kinds), len(kinds)), Tally(sum(exact), len(exact))


Results = dict[str, dict[str, tuple[Counts, Tally, Tally]]]  # {variant: {doc: (counts, kind, exact name)}}


def train_and_score(
    train: Sequence[DocExample], test: Sequence[DocExample], results: Results, alone: bool = True
) -> None:
    """Fit on ``train``, score every variant on ``test`` into ``results`` (``alone=False``: the
    tagger without rule features is not fitted, and its variant finds nothing)."""
    with tempfile.TemporaryDirectory() as tmp:
        ruled = fit_tagger(train, Path(tmp) / "ruled.crfsuite")
        bare = fit_tagger(train, Path(tmp) / "alone.crfsuite", use_rules=False) if alone else None
        kinds = fit_kinds([row for ex in train for row in ex.kind_rows])
        for ex in test:
            alone_spans = _tagged_spans(ex, bare, False) if bare is not None else []
            variants = _variants(ex, alone_spans, _tagged_spans(ex, ruled, True), kinds)
            kept = _tagged_spans(ex, ruled, True, keep_doubted=KEEP_DOUBTED)
            variants[VARIANTS[-1]] = _variants(ex, [], kept, kinds)[VARIANTS[-2]]
            if bare is not None:
                taken = list(ex.rule_norm_spans) + kept
                added = [sp for sp in alone_spans if _overlapping(sp, taken) is None]
                variants[ADDED] = variants[VARIANTS[-1]] + _kinds_of_new(ex, added, kinds)
            for name, predicted in variants.items():
                results.setdefault(name, {})[ex.doc] = score(ex, predicted)


def cross_validate(
    examples: Sequence[DocExample], folds: int = 5, progress: Callable[[str], None] | None = None
) -> Results:
    """Every variant scored on held-out documents, fold by fold."""
    return cross_validate_with(examples, (), folds, progress, alone=True)


def cross_validate_with(
    examples: Sequence[DocExample],
    extra: Sequence[DocExample],
    folds: int = 5,
    progress: Callable[[str], None] | None = None,
    alone: bool = False,
) -> Results:
    """Cross-validation over ``examples`` with ``extra`` (never scored) added to every fold's training."""
    fold = fold_of(examples, folds)
    results: Results = {}
    for k in range(folds):
        train = list(extra) + [ex for ex, f in zip(examples, fold, strict=True) if f != k]
        test = [ex for ex, f in zip(examples, fold, strict=True) if f == k]
        train_and_score(train, test, results, alone)
        if progress:
            progress(f"fold {k + 1}/{folds}: {len(test)} held-out documents")
    return results


def kind_on_gold_names(examples: Sequence[DocExample], folds: int = 5) -> dict[str, Tally]:
    """Kind accuracy on the gold names themselves: the classifier (held out) against the keyword rules."""
    fold = fold_of(examples, folds)
    learned, keyword = Tally(), Tally()
    for k in range(folds):
        train = [row for ex, f in zip(examples, fold, strict=True) if f != k for row in ex.kind_rows]
        test = [row for ex, f in zip(examples, fold, strict=True) if f == k for row in ex.kind_rows]
        predicted = fit_kinds(train).predict([kind_features(n, v) for n, v, _ in test])
        learned += Tally(sum(p == g for p, (_, _, g) in zip(predicted, test, strict=True)), len(test))
        keyword += Tally(sum(kind_of_name(n, v).value == g for n, v, g in test), len(test))
    return {"classifier (held out)": learned, "keyword rules": keyword}


def _total(
    per_doc: dict[str, tuple[Counts, Tally, Tally]], docs: Sequence[str] | None = None
) -> tuple[Counts, Tally, Tally]:
    counts, kinds, exact = Counts(), Tally(), Tally()
    for doc, (c, k, x) in per_doc.items():
        if docs is None or doc in docs:
            counts, kinds, exact = counts + c, kinds + k, exact + x
    return counts, kinds, exact


def _row(name: str, counts: Counts, kinds: Tally, exact: Tally) -> dict:
    return {
        "variant": name,
        "precision": round(counts.precision, 3),
        "recall": round(counts.recall, 3),
        "f1": round(counts.f1, 3),
        "kind": round(kinds.rate, 3) if kinds.rate is not None else None,
        "gold": counts.tp + counts.fn,
        "predicted": counts.tp + counts.fp,
        "matched": counts.tp,
        "kind_correct": kinds.correct,
        "exact_name": round(exact.rate, 3) if exact.rate is not None else None,
    }


def report(examples: Sequence[DocExample], folds: int, fresh: Sequence[DocExample] = ()) -> dict:
    """Cross-validation on ``examples``; with ``fresh`` (text neither the rules nor the model saw),
    also the model trained on all ``examples`` scored on it beside the rules."""
    results = cross_validate(examples, folds, progress=lambda m: print(m, file=sys.stderr))
    excerpts = [ex.doc for ex in examples if ex.doc.startswith("d")]
    data = {
        "documents": len(examples),
        "folds": folds,
        "all": [_row(v, *_total(results[v])) for v in VARIANTS],
        "excerpts": [_row(v, *_total(results[v], excerpts)) for v in VARIANTS],
        "kind_on_gold_names": {
            k: [v.correct, v.total] for k, v in kind_on_gold_names(examples, folds).items()
        },
    }
    if fresh:
        unseen: Results = {}
        train_and_score(examples, fresh, unseen)
        data["fresh_documents"] = len(fresh)
        data["fresh"] = [_row(v, *_total(unseen[v])) for v in VARIANTS]
    return data


def render(data: dict) -> str:
    lines = [f"{data['documents']} gold documents, {data['folds']} folds by document (held out)"]
    parts = [
        ("all", "cross-validation, all documents"),
        ("excerpts", "cross-validation, the dev excerpts (d*.txt) only"),
    ]
    if "fresh" in data:
        parts.append(
            (
                "fresh",
                f"trained on all {data['documents']}, scored on the {data['fresh_documents']} activities-only files",
            )
        )
    for part, title in parts:
        if part not in data:
            continue
        lines += [
            "",
            f"{title}:",
            f"{'variant':46} {'P':>6} {'R':>6} {'F1':>6} {'kind':>6} {'exact':>6}  counts",
        ]
        for r in data[part]:
            kind = f"{r['kind']:.3f}" if r["kind"] is not None else "-"
            exact = f"{r['exact_name']:.3f}" if r["exact_name"] is not None else "-"
            lines.append(
                f"{r['variant']:46} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {kind:>6} {exact:>6}"
                f"  gold {r['gold']}, predicted {r['predicted']}, matched {r['matched']}"
            )
    lines.append("")
    for name, (correct, total) in data["kind_on_gold_names"].items():
        lines.append(f"kind on the gold names, {name}: {correct / total:.3f} ({correct}/{total})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.activity_cv", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--gold", type=Path, default=Path(__file__).parent / "gold" / "dev")
    parser.add_argument("--docs", type=Path, action="append", help="document folder (may repeat)")
    parser.add_argument(
        "--fresh",
        type=Path,
        default=Path(__file__).parent / "gold" / "dev" / "activities",
        help="activities-only gold of text the rules were not tuned on (scored apart)",
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    examples = gold_examples(args.gold, args.docs or default_docs())
    fresh = gold_examples(args.fresh, args.docs or default_docs()) if args.fresh.is_dir() else []
    data = report(examples, args.folds, fresh)
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else render(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
