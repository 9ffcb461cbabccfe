"""Scoring a ``Parse`` against a ``GoldDoc`` (SPEC section 6).

Pure functions: spans are matched one-to-one, nearest first; counts and tallies add
up across documents (micro averages). ``evaluate`` is the one entry that reads and
parses documents; everything else only compares records.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from evaluation.gold import (
    SPEC_INDICATORS,
    GoldDoc,
    GoldError,
    GoldFact,
    find_document,
    inner_span,
    quote_span,
)
from nlp.records import Parse

PARTS = ("facts", "headings", "meta", "activities", "flags")
FACT_FIELDS = ("value", "unit", "qualifier", "planned", "category", "subject", "indicator", "breakdown", "scope")
# Fields tallied only on matched pairs whose gold fact has an indicator: elsewhere both are null/unit
# almost always, and counting those pairs would only dilute the rate.
INDICATOR_FIELDS = ("breakdown", "scope")
META_FIELDS = ("title", "community", "year", "period")
ACTIVITY_FIELDS = ("kind", "category", "planned")
# Flags gold files do not annotate (gold/GUIDELINES.md: info level and template_text): left out on both sides.
UNANNOTATED_FLAGS = ("approximate_figure", "unsupported_rate", "template_text")

Span = tuple[int, int]


# ---------------------------------------------------------------- counts


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives; they add up across documents.

    >>> c = Counts(tp=3, fp=1, fn=2)
    >>> round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)
    (0.75, 0.6, 0.667)
    >>> (c + Counts(1, 0, 0)).tp
    4
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0 if not self.fp else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Tally:
    """How many of ``total`` comparisons were right.

    >>> Tally(153, 156).rate.__round__(3)
    0.981
    """

    correct: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.total + other.total)

    @property
    def rate(self) -> float | None:
        return self.correct / self.total if self.total else None


def tally(results: Sequence[bool]) -> Tally:
    return Tally(sum(bool(r) for r in results), len(results))


def _add_tallies(a: dict[str, Tally], b: dict[str, Tally]) -> dict[str, Tally]:
    return {k: a.get(k, Tally()) + b.get(k, Tally()) for k in (*a, *(k for k in b if k not in a))}


# ---------------------------------------------------------------- matching


def overlaps(a: Span, b: Span) -> bool:
    """Half-open spans share at least one character.

    >>> overlaps((0, 3), (2, 5)), overlaps((0, 3), (3, 5))
    (True, False)
    """
    return a[0] < b[1] and b[0] < a[1]


def match_nearest(
    gold: Sequence[Span], pred: Sequence[Span], same: Callable[[int, int], bool] = lambda g, p: True
) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans, nearest first.

    All overlapping pairs (for which ``same`` holds) are ranked by the distance between
    span centres, then between starts; pairs are taken greedily.

    >>> match_nearest([(0, 2), (5, 7)], [(1, 6), (5, 6)])
    [(1, 1), (0, 0)]
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if overlaps(g, p) and same(gi, pi):
                centre = abs((g[0] + g[1]) - (p[0] + p[1])) / 2
                candidates.append((centre, abs(g[0] - p[0]), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def counts_from(pairs: Sequence[Any], n_gold: int, n_pred: int) -> Counts:
    return Counts(len(pairs), n_pred - len(pairs), n_gold - len(pairs))


# ---------------------------------------------------------------- field comparisons


@cache
def _unit_table() -> tuple[tuple[tuple[str, int], ...], dict[str, str]]:
    data = json.loads((Path(__file__).with_name("unit_equivalents.json")).read_text(encoding="utf-8"))
    magnitudes = tuple(sorted(data["magnitudes"].items(), key=lambda kv: -len(kv[0])))
    return magnitudes, dict(data["aliases"])


def split_unit(unit: str) -> tuple[int, str]:
    """A gold unit as (scale, unit without its magnitude word, canonical spelling).

    >>> split_unit("万元"), split_unit("万㎡"), split_unit("人次"), split_unit("亿")
    ((10000, '元'), (10000, '平方米'), (1, '人次'), (100000000, ''))
    """
    magnitudes, aliases = _unit_table()
    unit = (unit or "").strip()
    unit = aliases.get(unit, unit)
    scale = 1
    for word, factor in magnitudes:
        if unit.startswith(word):
            scale, unit = factor, unit[len(word) :]
            break
    return scale, aliases.get(unit, unit)


def close(gold: float | None, pred: float | None, rel: float = 1e-9) -> bool:
    """Numbers equal up to a tiny relative tolerance; None only equals None.

    >>> close(0.1 + 0.2, 0.3), close(90000.0, 90000.00000001), close(None, 0.0)
    (True, True, False)
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    return math.isclose(gold, pred, rel_tol=rel, abs_tol=1e-12)


def value_correct(gold: GoldFact, pred: Any) -> bool:
    """Gold value scaled by its magnitude word; ranges compare bounds, masked wants no value."""
    scale, _ = split_unit(gold.unit)

    def scaled(v: float | None) -> float | None:
        return None if v is None else v * scale

    if gold.qualifier == "masked":
        return pred.value is None
    if gold.qualifier == "range":
        return close(scaled(gold.low), pred.low) and close(scaled(gold.high), pred.high)
    return close(scaled(gold.value), pred.value)


def unit_correct(gold_unit: str, pred_unit: str) -> bool:
    """
    >>> unit_correct("万元", "元"), unit_correct("平米", "㎡"), unit_correct("人", "人次")
    (True, True, False)
    """
    return split_unit(gold_unit)[1] == split_unit(pred_unit)[1]


def _is_punct_or_space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def squeeze(text: str) -> str:
    """Text without spaces and punctuation anywhere.

    >>> squeeze("“党员 两小时”活动")
    '党员两小时活动'
    """
    return "".join(ch for ch in text if not _is_punct_or_space(ch))


def subject_correct(gold: str | None, pred: str | None) -> bool:
    """One contains the other (spaces and punctuation removed) and the shorter is at least half.

    >>> subject_correct("党员", "现有党员"), subject_correct("党员", "现有在册党员"), subject_correct(None, None)
    (True, False, True)
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = squeeze(gold), squeeze(pred)
    short, long_ = sorted((g, p), key=len)
    return short in long_ and 2 * len(short) >= len(long_)


def strip_heading(text: str) -> str:
    """Heading text without surrounding spaces and punctuation.

    >>> strip_heading(" 加强党建引领。"), strip_heading("党建、宣传工作："), strip_heading("“三会一课”")
    ('加强党建引领', '党建、宣传工作', '三会一课')
    """
    start, end = 0, len(text)
    while start < end and _is_punct_or_space(text[start]):
        start += 1
    while end > start and _is_punct_or_space(text[end - 1]):
        end -= 1
    return text[start:end]


def pred_breakdown(pred: Any) -> dict[str, str] | None:
    """A prediction's breakdown; predictions made before breakdown existed count as null."""
    breakdown = getattr(pred, "breakdown", None)
    return dict(breakdown) if breakdown else None


def pred_scope(pred: Any) -> str:
    """A prediction's scope as its SPEC string; predictions made before scope existed count as unit."""
    scope = getattr(pred, "scope", None)
    return "unit" if scope is None else str(getattr(scope, "value", scope))


def breakdown_correct(gold: dict[str, str] | None, pred: dict[str, str] | None) -> bool:
    """Both null, or the same dimensions naming the same part (spaces and punctuation aside).

    >>> breakdown_correct({"sex": "女"}, {"sex": "女"}), breakdown_correct({"kind": "一、二级"}, {"kind": "一二级"})
    (True, True)
    >>> breakdown_correct({"sex": "女"}, None), breakdown_correct({"sex": "女"}, {"status": "女"})
    (False, False)
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    return {k: squeeze(v) for k, v in gold.items()} == {k: squeeze(str(v)) for k, v in pred.items()}


def in_indicator_set(indicator: str | None) -> bool:
    """Whether a fact with this indicator is counted by the indicator P/R/F1 (a SPEC section 4 id)."""
    return indicator in SPEC_INDICATORS


def same_column(g: GoldFact, p: Any) -> bool:
    """SPEC section 6's indicator agreement: indicator, breakdown null-or-not and scope all equal."""
    return (
        g.indicator == p.indicator
        and (g.breakdown is None) == (pred_breakdown(p) is None)
        and g.scope == pred_scope(p)
    )


def comparable(indicator: str | None, breakdown: Any, scope: str) -> bool:
    """Whether a figure lands in a comparison column: a section 4 indicator, the whole, the unit's own."""
    return in_indicator_set(indicator) and breakdown is None and scope == "unit"


def _meta_value(value: Any) -> str | None:
    return None if value is None else str(value).strip()


# ---------------------------------------------------------------- one document


@dataclass(frozen=True)
class FactScore:
    detection: Counts
    strict: Counts
    fields: dict[str, Tally]
    indicators: Counts = Counts()
    comparable: Counts = Counts()

    def __add__(self, other: FactScore) -> FactScore:
        return FactScore(
            self.detection + other.detection,
            self.strict + other.strict,
            _add_tallies(self.fields, other.fields),
            self.indicators + other.indicators,
            self.comparable + other.comparable,
        )


@dataclass(frozen=True)
class ActivityScore:
    detection: Counts
    fields: dict[str, Tally]
    count_linked: Tally

    def __add__(self, other: ActivityScore) -> ActivityScore:
        return ActivityScore(
            self.detection + other.detection,
            _add_tallies(self.fields, other.fields),
            self.count_linked + other.count_linked,
        )


@dataclass(frozen=True)
class DocScore:
    doc: str
    facts: FactScore | None = None
    headings: Counts | None = None
    meta: dict[str, Tally] | None = None
    activities: ActivityScore | None = None
    flags: Counts | None = None
    error: str | None = None


def _located(gold: GoldDoc, span: Span | None, what: str) -> Span:
    if span is None:
        raise GoldError(
            f"{gold.file}: {what} does not occur exactly once in {gold.doc}; "
            "run `python -m evaluation.gold validate` to list the problems"
        )
    return span


def gold_fact_spans(gold: GoldDoc, text: str) -> list[Span]:
    return [
        _located(gold, inner_span(text, f.quote, f.number_text), f"fact quote {f.quote!r}")
        for f in gold.facts
    ]


def field_agreement(g: GoldFact, p: Any) -> dict[str, bool]:
    """Which fields of a matched prediction agree with its gold fact."""
    return {
        "value": value_correct(g, p),
        "unit": unit_correct(g.unit, p.unit),
        "qualifier": g.qualifier == str(p.qualifier),
        "planned": g.planned == p.planned,
        "category": g.category == str(p.category),
        "subject": subject_correct(g.subject, p.subject),
        "indicator": g.indicator == getattr(p, "indicator", None),
        "breakdown": breakdown_correct(g.breakdown, pred_breakdown(p)),
        "scope": g.scope == pred_scope(p),
    }


def score_indicators(
    gold: GoldDoc, preds: Sequence[Any], pairs: Sequence[tuple[int, int]]
) -> tuple[Counts, Counts]:
    """Indicator P/R/F1 (SPEC section 6) and its comparable variant (issue 9).

    Indicator: positives are facts whose indicator is a SPEC section 4 id, on either side; a
    matched pair is a true positive when indicator, breakdown null-or-not and scope all agree.
    Comparable: positives are facts that land in a comparison column (section 4 indicator,
    breakdown null, scope unit); a matched pair of two such facts with the same indicator is a
    true positive. Unmatched or disagreeing positives count against precision or recall.
    """
    ind_tp = sum(
        in_indicator_set(gold.facts[gi].indicator) and same_column(gold.facts[gi], preds[pi]) for gi, pi in pairs
    )
    cmp_tp = sum(
        comparable(g.indicator, g.breakdown, g.scope)
        and comparable(p.indicator, pred_breakdown(p), pred_scope(p))
        and g.indicator == p.indicator
        for g, p in ((gold.facts[gi], preds[pi]) for gi, pi in pairs)
    )
    ind_gold = sum(in_indicator_set(g.indicator) for g in gold.facts)
    ind_pred = sum(in_indicator_set(getattr(p, "indicator", None)) for p in preds)
    cmp_gold = sum(comparable(g.indicator, g.breakdown, g.scope) for g in gold.facts)
    cmp_pred = sum(comparable(getattr(p, "indicator", None), pred_breakdown(p), pred_scope(p)) for p in preds)
    return (
        Counts(ind_tp, ind_pred - ind_tp, ind_gold - ind_tp),
        Counts(cmp_tp, cmp_pred - cmp_tp, cmp_gold - cmp_tp),
    )


def score_facts(
    gold: GoldDoc, parse: Parse, spans: Sequence[Span]
) -> tuple[FactScore, list[tuple[int, int]]]:
    """Detection, strict and per-field scores; also the matched (gold, pred) index pairs."""
    preds = parse.facts
    pairs = match_nearest(spans, [(f.start, f.end) for f in preds])
    results: dict[str, list[bool]] = {name: [] for name in FACT_FIELDS}
    strict = 0
    for gi, pi in pairs:
        g, p = gold.facts[gi], preds[pi]
        ok = field_agreement(g, p)
        for name in FACT_FIELDS:
            if name not in INDICATOR_FIELDS or g.indicator is not None:
                results[name].append(ok[name])
        strict += ok["value"] and ok["unit"] and ok["qualifier"]
    detection = counts_from(pairs, len(spans), len(preds))
    strict_counts = Counts(strict, len(preds) - strict, len(spans) - strict)
    indicators, comparable_counts = score_indicators(gold, preds, pairs)
    fields = {k: tally(v) for k, v in results.items()}
    return FactScore(detection, strict_counts, fields, indicators, comparable_counts), pairs


def score_headings(gold: GoldDoc, parse: Parse) -> Counts:
    """Multiset match on (level, text without surrounding punctuation)."""
    g = Counter((h.level, strip_heading(h.text)) for h in gold.headings)
    p = Counter((s.level, strip_heading(s.heading)) for s in parse.sections if s.level >= 1)
    tp = sum((g & p).values())
    return Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def score_meta(gold: GoldDoc, parse: Parse) -> dict[str, Tally]:
    return {
        name: tally([_meta_value(getattr(gold, name)) == _meta_value(getattr(parse.doc, name))])
        for name in META_FIELDS
    }


def score_activities(
    gold: GoldDoc, parse: Parse, fact_spans: Sequence[Span], fact_pairs: Sequence[tuple[int, int]]
) -> ActivityScore:
    """Detection on the name span, kind/category/planned accuracy, and whether counts are linked."""
    text = parse.original
    spans = [
        _located(gold, inner_span(text, a.quote, a.name), f"activity quote {a.quote!r}")
        for a in gold.activities
    ]
    preds = parse.activities
    pairs = match_nearest(spans, [(a.start, a.end) for a in preds])
    fields: dict[str, list[bool]] = {name: [] for name in ACTIVITY_FIELDS}
    for gi, pi in pairs:
        fields["kind"].append(gold.activities[gi].kind == str(preds[pi].kind))
        fields["category"].append(gold.activities[gi].category == str(preds[pi].category))
        fields["planned"].append(gold.activities[gi].planned == preds[pi].planned)
    pred_fact_of = {gi: parse.facts[pi].id for gi, pi in fact_pairs}
    pred_activity_of = dict(pairs)
    linked: list[bool] = []
    for ai, activity in enumerate(gold.activities):
        q = _located(gold, quote_span(text, activity.quote), f"activity quote {activity.quote!r}")
        inside = [fi for fi, s in enumerate(fact_spans) if q[0] <= s[0] and s[1] <= q[1]]
        if not inside:
            continue
        pa = pred_activity_of.get(ai)
        linked.append(
            pa is not None
            and all(fi in pred_fact_of and pred_fact_of[fi] in preds[pa].facts for fi in inside)
        )
    return ActivityScore(
        counts_from(pairs, len(spans), len(preds)), {k: tally(v) for k, v in fields.items()}, tally(linked)
    )


def score_flags(gold: GoldDoc, parse: Parse) -> Counts:
    """Name equal and spans overlapping; flags of unannotated names are left out on both sides."""
    golds = [g for g in gold.flags if g.code not in UNANNOTATED_FLAGS]
    spans = [_located(gold, quote_span(parse.original, g.quote), f"flag quote {g.quote!r}") for g in golds]
    preds = [f for f in parse.flags if f.name not in UNANNOTATED_FLAGS]
    pairs = match_nearest(
        spans, [(f.start, f.end) for f in preds], lambda gi, pi: golds[gi].code == preds[pi].name
    )
    return counts_from(pairs, len(spans), len(preds))


def score_document(gold: GoldDoc, parse: Parse, parts: Sequence[str] = PARTS) -> DocScore:
    """Every requested part of the score of one parsed document."""
    fact_spans = gold_fact_spans(gold, parse.original)
    facts, fact_pairs = score_facts(gold, parse, fact_spans)
    return DocScore(
        doc=gold.doc,
        facts=facts if "facts" in parts else None,
        headings=score_headings(gold, parse) if "headings" in parts else None,
        meta=score_meta(gold, parse) if "meta" in parts else None,
        activities=score_activities(gold, parse, fact_spans, fact_pairs) if "activities" in parts else None,
        flags=score_flags(gold, parse) if "flags" in parts else None,
    )


# ---------------------------------------------------------------- totals and the run


@dataclass(frozen=True)
class Report:
    documents: tuple[DocScore, ...]
    parts: tuple[str, ...] = PARTS
    total: DocScore = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", total_of(self.documents))


def _sum(values: list[Any]) -> Any:
    values = [v for v in values if v is not None]
    if not values:
        return None
    result = values[0]
    for v in values[1:]:
        result = _add_tallies(result, v) if isinstance(result, dict) else result + v
    return result


def total_of(scores: Sequence[DocScore]) -> DocScore:
    """Micro-averaged totals: counts and tallies summed over documents that were scored."""
    ok = [s for s in scores if s.error is None]
    return DocScore(
        doc="TOTAL",
        facts=_sum([s.facts for s in ok]),
        headings=_sum([s.headings for s in ok]),
        meta=_sum([s.meta for s in ok]),
        activities=_sum([s.activities for s in ok]),
        flags=_sum([s.flags for s in ok]),
    )


def _pipeline_parse(path: Path) -> Parse:
    from nlp.pipeline import parse_file

    return parse_file(path)


def evaluate(
    golds: Sequence[Any],
    docs: Sequence[Path],
    parts: Sequence[str] = PARTS,
    parse_fn: Callable[[Path], Parse] | None = None,
    score: Callable[[Any, Parse], DocScore] | None = None,
) -> Report:
    """Find, parse and score the document of every gold file (anything with a ``doc`` name: a
    ``GoldDoc``, or the partial gold another ``score`` function reads).

    A document that cannot be found or parsed becomes an error row; a gold file that
    does not fit its document raises ``GoldError`` (unless ``score`` makes it a row).
    """
    parse_fn = parse_fn or _pipeline_parse
    score = score or (lambda gold, parsed: score_document(gold, parsed, parts))
    scores = []
    for gold in golds:
        path = find_document(gold.doc, docs)
        if path is None:
            scores.append(DocScore(gold.doc, error=f"not found under {', '.join(map(str, docs))}"))
            continue
        try:
            parsed = parse_fn(path)
        except Exception as exc:  # a failing document is a row of the report
            scores.append(DocScore(gold.doc, error=f"{type(exc).__name__}: {exc}"))
            continue
        scores.append(score(gold, parsed))
    return Report(tuple(scores), tuple(parts))
