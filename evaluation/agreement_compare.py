"""Comparing two annotations of one document in the gold format (the inter-annotator agreement's core).

The second annotation becomes a ``Parse`` whose spans are those its quotes point to, so the project's
``scorer.score_document`` scores it exactly as it scores the pipeline; on top of that, activities matched
on the exact name span, the label pairs of matched facts and activities (for Cohen's kappa), and every
disagreement, field by field. ``evaluation.agreement`` is the command that runs it over folders.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from evaluation.gold import GoldDoc, inner_span, quote_span
from evaluation.scorer import (
    Counts,
    DocScore,
    gold_fact_spans,
    match_nearest,
    score_document,
    score_facts,
    total_of,
)
from nlp.records import (
    Activity,
    ActivityKind,
    Category,
    DocMeta,
    DocType,
    Fact,
    Parse,
    Qualifier,
    Scope,
    Section,
)

NONE = "none"  # the label of a null field in a kappa table


def _span(original: str, quote: str, part: str, what: str) -> tuple[int, int]:
    span = inner_span(original, quote, part)
    if span is None:
        raise ValueError(f"{what} {part!r} in quote {quote!r} does not point to one place of the document")
    return span


def as_parse(second: GoldDoc, original: str) -> Parse:
    """The second annotation as a prediction: each fact and activity at the span its quote points to.

    An activity counts (``facts``) the facts whose span lies inside its quote, as the scorer's
    ``count linked`` reads the gold.
    """
    facts = []
    for i, f in enumerate(second.facts):
        start, end = _span(original, f.quote, f.number_text, "fact number")
        facts.append(
            Fact(
                id=i,
                section=None,
                start=start,
                end=end,
                text=original[start:end],
                number_text=f.number_text,
                value=f.value,
                low=f.low,
                high=f.high,
                unit=f.unit,
                qualifier=Qualifier(f.qualifier),
                subject=f.subject,
                indicator=f.indicator,
                breakdown=f.breakdown,
                scope=Scope(f.scope),
                category=Category(f.category),
                planned=f.planned,
            )
        )
    activities = []
    for i, a in enumerate(second.activities):
        start, end = _span(original, a.quote, a.name, "activity name")
        quote = quote_span(original, a.quote) or (start, end)
        inside = tuple(f.id for f in facts if quote[0] <= f.start and f.end <= quote[1])
        activities.append(
            Activity(
                id=i,
                section=None,
                start=start,
                end=end,
                text=a.name,
                verb=None,
                name=a.name,
                kind=ActivityKind(a.kind),
                facts=inside,
                category=Category(a.category),
                planned=a.planned,
            )
        )
    sections = tuple(
        Section(id=i, parent=None, level=h.level, label=h.label, heading=h.text, start=0, end=0)
        for i, h in enumerate(second.headings)
    )
    meta = DocMeta(
        id=second.doc,
        path=None,
        encoding=None,
        title=second.title,
        community=second.community,
        street=None,
        year=second.year,
        period=second.period,
        doc_type=DocType.SUMMARY,
        chars=len(original),
    )
    return Parse(
        doc=meta, original=original, sections=sections, facts=tuple(facts), activities=tuple(activities)
    )


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two annotators' labels on the same items; None when chance agreement is total.

    >>> cohen_kappa([("a", "a"), ("b", "b"), ("a", "b"), ("b", "b")])
    0.5
    >>> cohen_kappa([("a", "a"), ("a", "a")]) is None
    True
    """
    n = len(pairs)
    if not n:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def _label(value: Any) -> str:
    return NONE if value is None else str(value)


def _dimensions(breakdown: dict[str, str] | None) -> str:
    return NONE if not breakdown else "+".join(sorted(breakdown))


@dataclass(frozen=True)
class Disagreement:
    doc: str
    part: str  # fact or activity
    field: str  # a field name, or "only in gold" / "only in second"
    quote: str
    gold: str
    second: str


@dataclass(frozen=True)
class Agreement:
    """One document's (or the total's) agreement between the gold and the second annotation."""

    score: DocScore
    exact_activities: Counts
    labels: dict[str, tuple[tuple[str, str], ...]]  # field -> (gold label, second label) of matched pairs
    disagreements: tuple[Disagreement, ...] = ()


def _fact_labels(
    gold: GoldDoc, parse: Parse, pairs: Sequence[tuple[int, int]]
) -> dict[str, list[tuple[str, str]]]:
    labels: dict[str, list[tuple[str, str]]] = {
        "fact category": [],
        "planned": [],
        "indicator": [],
        "breakdown dimension": [],
        "scope": [],
    }
    for gi, pi in pairs:
        g, p = gold.facts[gi], parse.facts[pi]
        labels["fact category"].append((g.category, str(p.category)))
        labels["planned"].append((str(g.planned), str(p.planned)))
        labels["indicator"].append((_label(g.indicator), _label(p.indicator)))
        if g.indicator is not None:  # as the scorer tallies breakdown and scope
            labels["breakdown dimension"].append((_dimensions(g.breakdown), _dimensions(p.breakdown)))
            labels["scope"].append((g.scope, str(p.scope)))
    return labels


def _activity_pairs(gold: GoldDoc, parse: Parse) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The scorer's overlap pairs and the exact-span pairs of gold and second activities."""
    spans = [_span(parse.original, a.quote, a.name, "gold activity name") for a in gold.activities]
    preds = [(a.start, a.end) for a in parse.activities]
    overlap = match_nearest(spans, preds)
    exact = match_nearest(spans, preds, lambda gi, pi: spans[gi] == preds[pi])
    return overlap, exact


def _disagreements(
    gold: GoldDoc,
    parse: Parse,
    fact_pairs: Sequence[tuple[int, int]],
    activity_pairs: Sequence[tuple[int, int]],
) -> list[Disagreement]:
    out: list[Disagreement] = []
    for gi, pi in fact_pairs:
        g, p = gold.facts[gi], parse.facts[pi]
        for name, a, b in (
            ("indicator", g.indicator, p.indicator),
            ("breakdown", g.breakdown, p.breakdown),
            ("scope", g.scope, str(p.scope)),
            ("subject", g.subject, p.subject),
            ("category", g.category, str(p.category)),
            ("planned", g.planned, p.planned),
        ):
            if a != b:
                out.append(
                    Disagreement(
                        gold.doc,
                        "fact",
                        name,
                        g.quote,
                        json.dumps(a, ensure_ascii=False),
                        json.dumps(b, ensure_ascii=False),
                    )
                )
    matched_g, matched_p = {gi for gi, _ in activity_pairs}, {pi for _, pi in activity_pairs}
    for gi, pi in activity_pairs:
        g, p = gold.activities[gi], parse.activities[pi]
        for name, a, b in (
            ("name", g.name, p.name),
            ("kind", g.kind, str(p.kind)),
            ("category", g.category, str(p.category)),
        ):
            if a != b:
                out.append(Disagreement(gold.doc, "activity", name, g.quote, a, b))
    out += [
        Disagreement(gold.doc, "activity", "only in gold", a.quote, f"{a.name} ({a.kind})", "")
        for gi, a in enumerate(gold.activities)
        if gi not in matched_g
    ]
    out += [
        Disagreement(
            gold.doc,
            "activity",
            "only in second",
            parse.original[a.start : a.end],
            "",
            f"{a.name} ({a.kind})",
        )
        for pi, a in enumerate(parse.activities)
        if pi not in matched_p
    ]
    return out


def compare(gold: GoldDoc, second: GoldDoc, original: str) -> Agreement:
    """Score ``second`` against ``gold`` on one document's original text."""
    return compare_parse(gold, as_parse(second, original))


def compare_parse(gold: GoldDoc, parse: Parse) -> Agreement:
    """Score any ``Parse`` (a second annotation's, or the pipeline's) against ``gold``, as ``compare`` does."""
    score = score_document(gold, parse)
    _, fact_pairs = score_facts(gold, parse, gold_fact_spans(gold, parse.original))
    overlap, exact = _activity_pairs(gold, parse)
    labels = _fact_labels(gold, parse, fact_pairs)
    labels["activity kind"] = [
        (gold.activities[gi].kind, str(parse.activities[pi].kind)) for gi, pi in overlap
    ]
    labels["activity category"] = [
        (gold.activities[gi].category, str(parse.activities[pi].category)) for gi, pi in overlap
    ]
    return Agreement(
        score=score,
        exact_activities=Counts(
            len(exact), len(parse.activities) - len(exact), len(gold.activities) - len(exact)
        ),
        labels={k: tuple(v) for k, v in labels.items()},
        disagreements=tuple(_disagreements(gold, parse, fact_pairs, overlap)),
    )


def total(agreements: Sequence[Agreement]) -> Agreement:
    """Counts, tallies and label pairs summed over documents (micro averages, pooled kappa)."""
    labels: dict[str, tuple[tuple[str, str], ...]] = {}
    for a in agreements:
        for name, pairs in a.labels.items():
            labels[name] = labels.get(name, ()) + pairs
    return Agreement(
        score=total_of([a.score for a in agreements]),
        exact_activities=sum((a.exact_activities for a in agreements), Counts()),
        labels=labels,
        disagreements=tuple(d for a in agreements for d in a.disagreements),
    )
