"""Document-level cross-validation of a learned comparable/not decision, beside the resolution rules.

    python -m evaluation.comparable_cv [--gold evaluation/gold/dev] [--folds 5] [--json]

A figure is *comparable* when it lands in a comparison column: a SPEC section 4 indicator, breakdown
null, scope ``unit`` (issue 9). The rules (nlp/figures/resolve.py) decide it; this asks whether a small
logistic regression, reading the rules' outputs and the characters around the figure, decides better
on documents it was not trained on.

Candidates are the predicted facts with a section 4 indicator. A candidate is positive when it
matches a gold fact (the scorer's matching) that is comparable with the same indicator. Comparable
gold facts that no candidate matches count as misses for every variant alike. Documents are dealt
into folds round-robin by name; every document's figures are predicted by a model trained on the
other folds. Facts-only excerpt gold (``<gold>/facts/``, the long government reports) is read too
when present, with predictions outside its excerpts left out, as ``zongjie evaluate`` does.

The rules were tuned on the dev documents, so their dev figure flatters them; the long-report
excerpts were never tuned on.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

from evaluation import splits
from evaluation.gold import find_document, gold_files, load_gold, read_gold_json
from evaluation.scorer import (
    Counts,
    comparable,
    gold_fact_spans,
    in_indicator_set,
    pred_breakdown,
    pred_scope,
    score_facts,
)
from nlp.pipeline import parse_file
from nlp.records import Fact, Parse

WINDOW_BEFORE = 10
WINDOW_AFTER = 4
VARIANTS = ("rules", "model alone", "model + rule features", "rules and model")


@dataclasses.dataclass(frozen=True)
class Candidate:
    doc: str
    source: str  # "dev" or "long excerpts"
    features: dict[str, float]
    positive: bool
    rules_say: bool


@dataclasses.dataclass(frozen=True)
class DocCandidates:
    doc: str
    source: str
    candidates: tuple[Candidate, ...]
    missed: int  # comparable gold facts no candidate matches


def features(fact: Fact, original: str) -> dict[str, float]:
    """What the model reads of one candidate: the rules' outputs and the characters around it.

    >>> from nlp.pipeline import parse_text
    >>> p = parse_text("幸福社区2023年工作总结\\n社区现有党员73名。")
    >>> f = features(p.facts[0], p.original)
    >>> f["rule"], f["ind=party_members"], f["b2=党员"]
    (1.0, 1.0, 1.0)
    """
    breakdown = pred_breakdown(fact)
    rule = comparable(fact.indicator, breakdown, pred_scope(fact))
    found: dict[str, float] = {
        f"ind={fact.indicator}": 1.0,
        f"unit={fact.unit}": 1.0,
        f"scope={pred_scope(fact)}": 1.0,
        f"qualifier={getattr(fact.qualifier, 'value', fact.qualifier)}": 1.0,
        "rule": float(rule),
        "breakdown": float(breakdown is not None),
        "no_subject": float(not fact.subject),
        "subject_length": min(len(fact.subject or ""), 10) / 10,
        "planned": float(fact.planned),
    }
    for dimension in breakdown or {}:
        found[f"dim={dimension}"] = 1.0
    before = original[max(0, fact.start - WINDOW_BEFORE) : fact.start]
    for i in range(len(before) - 1):
        found[f"b2={before[i : i + 2]}"] = 1.0
    for ch in original[fact.end : fact.end + WINDOW_AFTER]:
        found[f"a1={ch}"] = 1.0
    return found


def _doc_candidates(doc: str, source: str, gold, parse: Parse) -> DocCandidates:
    spans = gold_fact_spans(gold, parse.original)
    _, pairs = score_facts(gold, parse, spans)
    gold_of = {pi: gi for gi, pi in pairs}
    found, hit = [], set()
    for pi, fact in enumerate(parse.facts):
        if not in_indicator_set(fact.indicator):
            continue
        gi = gold_of.get(pi)
        g = gold.facts[gi] if gi is not None else None
        positive = g is not None and comparable(g.indicator, g.breakdown, g.scope) and g.indicator == fact.indicator
        if positive:
            hit.add(gi)
        rules_say = comparable(fact.indicator, pred_breakdown(fact), pred_scope(fact))
        found.append(Candidate(doc, source, features(fact, parse.original), positive, rules_say))
    missed = sum(
        1 for gi, g in enumerate(gold.facts) if comparable(g.indicator, g.breakdown, g.scope) and gi not in hit
    )
    return DocCandidates(doc, source, tuple(found), missed)


def collect(gold_dir: Path) -> list[DocCandidates]:
    """Candidates of every gold document of ``gold_dir`` (and of its facts-only excerpt files)."""
    docs = []
    folders = splits.doc_folders(gold_dir.name)
    for path in gold_files(gold_dir):
        gold = load_gold(path)
        found = find_document(gold.doc, folders)
        if found is not None:
            docs.append(_doc_candidates(gold.doc, "dev", gold, parse_file(found)))
    excerpt_dir = gold_dir / "facts"
    if excerpt_dir.is_dir():
        from evaluation import excerpt_facts  # the facts-only excerpt scorer (long reports)

        long_folders = splits.excerpt_doc_folders(gold_dir.name)
        for path in gold_files(excerpt_dir):
            excerpt = excerpt_facts.excerpt_gold_from_dict(read_gold_json(path), str(path))
            found = find_document(excerpt.gold.doc, long_folders)
            if found is None:
                continue
            parse = parse_file(found)
            areas = excerpt_facts.excerpt_spans(excerpt, parse.original)
            kept = tuple(f for f in parse.facts if excerpt_facts.inside((f.start, f.end), areas))
            parse = dataclasses.replace(parse, facts=kept)
            docs.append(_doc_candidates(excerpt.gold.doc, "long excerpts", excerpt.gold, parse))
    return docs


def _counts(docs: Sequence[DocCandidates], said: dict[tuple[str, int], bool]) -> Counts:
    tp = fp = fn = 0
    for d in docs:
        for i, c in enumerate(d.candidates):
            yes = said[(d.doc, i)]
            tp += yes and c.positive
            fp += yes and not c.positive
            fn += c.positive and not yes
        fn += d.missed
    return Counts(tp=tp, fp=fp, fn=fn)


def cross_validate(docs: Sequence[DocCandidates], folds: int = 5, c: float = 1.0) -> dict[str, dict[str, Counts]]:
    """Counts per variant and per source (dev, long excerpts, all), every model decision held out."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    order = sorted(range(len(docs)), key=lambda i: docs[i].doc)
    fold_of = {docs[i].doc: rank % folds for rank, i in enumerate(order)}
    said: dict[str, dict[tuple[str, int], bool]] = {v: {} for v in VARIANTS}
    for d in docs:
        for i, cand in enumerate(d.candidates):
            said["rules"][(d.doc, i)] = cand.rules_say
    for use_rules, name in ((False, "model alone"), (True, "model + rule features")):
        for k in range(folds):
            train = [c for d in docs if fold_of[d.doc] != k for c in d.candidates]
            labels = {c.positive for c in train}
            held = [(d, i, c) for d in docs if fold_of[d.doc] == k for i, c in enumerate(d.candidates)]
            if not held:
                continue
            if len(labels) < 2:  # one class only: the model says what it saw
                for d, i, _ in held:
                    said[name][(d.doc, i)] = labels == {True}
                continue

            def row(cand: Candidate, use_rules: bool = use_rules) -> dict[str, float]:
                return cand.features if use_rules else {k: v for k, v in cand.features.items() if k != "rule"}

            vectorizer = DictVectorizer()
            x = vectorizer.fit_transform([row(c) for c in train])
            model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, [c.positive for c in train])
            probabilities = model.predict_proba(vectorizer.transform([row(c) for _, _, c in held]))[:, 1]
            for (d, i, _), p in zip(held, probabilities, strict=True):
                said[name][(d.doc, i)] = bool(p >= 0.5)
    for key, yes in said["model + rule features"].items():
        said["rules and model"][key] = yes and said["rules"][key]
    sources = sorted({d.source for d in docs}) + ["all"]
    out: dict[str, dict[str, Counts]] = {}
    for variant in VARIANTS:
        out[variant] = {}
        for source in sources:
            chosen = [d for d in docs if source in ("all", d.source)]
            out[variant][source] = _counts(chosen, said[variant])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=splits.gold_dir("dev"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularization strength")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    docs = collect(args.gold)
    result = cross_validate(docs, args.folds, args.c)
    if args.json:
        print(json.dumps({v: {s: dataclasses.asdict(c) for s, c in by.items()} for v, by in result.items()}, indent=2))
        return 0
    n = sum(len(d.candidates) for d in docs)
    print(f"{len(docs)} documents, {n} candidates, {args.folds} folds by document, C={args.c}")
    for variant, by_source in result.items():
        cells = "  ".join(
            f"{s}: P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} ({c.tp}/{c.tp + c.fp}/{c.tp + c.fn})"
            for s, c in by_source.items()
        )
        print(f"{variant:<24} {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
