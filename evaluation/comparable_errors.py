"""Every comparable error of a gold folder, classed: why a figure got, or missed, a comparison column.

    python -m evaluation.comparable_errors evaluation/gold/dev/facts              # the 13 long excerpts
    python -m evaluation.comparable_errors evaluation/gold/dev/facts --breakdown  # also breakdown misses
    python -m evaluation.comparable_errors evaluation/gold/dev/written --counts   # the class counts only

A figure is comparable (SPEC sections 3-6) when it has a section 4 indicator, breakdown null and scope
unit. Each false positive (the pipeline gives a column the gold does not) and false negative (the
gold gives a column the pipeline does not) is printed with the gold and predicted triple and one class:

- FP ``part as whole``: the gold has the same indicator with a breakdown;
- FP ``wider scope as unit``: the gold's scope is wider, part or other;
- FP ``no indicator``: the gold has no section 4 indicator;
- FP/FN ``wrong indicator``: both sides comparable, another indicator;
- FN ``whole as part``: the pipeline gives a breakdown to a gold whole;
- FN ``unit as other scope``: the pipeline's scope is not unit;
- FN ``indicator missed``: the pipeline gives no section 4 indicator (or another one);
- FP ``not in gold`` / FN ``not detected``: the figure is on one side only.

``--breakdown`` adds the matched facts with a gold indicator whose breakdown differs (as the scorer's
"breakdown (matched, gold indicator)" row counts them), classed
``part as whole`` (gold part, predicted null), ``whole as part``, ``other dimension`` or ``other words``.
The class ``gold call dubious`` is a reader's judgement, not this script's: the report lists them.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from evaluation import excerpt_facts, splits
from evaluation.scorer import (
    breakdown_correct,
    comparable,
    in_indicator_set,
    pred_breakdown,
    pred_scope,
    score_facts,
)


def _context(text: str, start: int, end: int) -> str:
    left = max(0, start - 30)
    return (text[left:start] + "【" + text[start:end] + "】" + text[end : end + 12]).replace("\n", " ")


def _triple(indicator, breakdown, scope) -> str:
    parts = "" if not breakdown else ",".join(f"{k}={v}" for k, v in dict(breakdown).items())
    return f"{indicator or '-'}|{parts or '-'}|{scope}"


def _fp_class(g, p) -> str:
    if not in_indicator_set(g.indicator):
        return "no indicator"
    if g.indicator != p.indicator:
        return "wrong indicator"
    if g.breakdown is not None:
        return "part as whole"
    return "wider scope as unit"


def _fn_class(g, p) -> str:
    if p.indicator != g.indicator:
        return "wrong indicator" if comparable(p.indicator, pred_breakdown(p), pred_scope(p)) else "indicator missed"
    if pred_breakdown(p) is not None:
        return "whole as part"
    return "unit as other scope"


def _breakdown_class(gold: dict | None, pred: dict | None) -> str:
    if pred is None:
        return "part as whole"
    if gold is None:
        return "whole as part"
    return "other words" if set(gold) == set(pred) else "other dimension"


def errors(gold_dir: Path, docs: list[Path], with_breakdown: bool = False) -> list[tuple[str, str, str, str, str, str]]:
    """(doc, side, class, gold triple, predicted triple, context) for every comparable error."""
    found = []
    for gold, result, spans in excerpt_facts.parsed_with_gold(gold_dir, docs):
        text = result.original
        _, pairs = score_facts(gold, result, spans)
        span_of = dict(enumerate(spans))
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = gold.facts[gi], result.facts[pi]
            g_cmp = comparable(g.indicator, g.breakdown, g.scope)
            p_cmp = comparable(p.indicator, pred_breakdown(p), pred_scope(p))
            row = (_triple(g.indicator, g.breakdown, g.scope), _triple(p.indicator, pred_breakdown(p), pred_scope(p)),
                   _context(text, p.start, p.end))
            if p_cmp and not (g_cmp and g.indicator == p.indicator):
                found.append((gold.doc, "FP", _fp_class(g, p), *row))
            if g_cmp and not (p_cmp and g.indicator == p.indicator):
                found.append((gold.doc, "FN", _fn_class(g, p), *row))
            if with_breakdown and g.indicator is not None and not breakdown_correct(g.breakdown, pred_breakdown(p)):
                found.append((gold.doc, "BD", _breakdown_class(g.breakdown, pred_breakdown(p)), *row))
        for gi, g in enumerate(gold.facts):
            if gi not in matched_g and comparable(g.indicator, g.breakdown, g.scope):
                span = span_of.get(gi)
                ctx = _context(text, *span) if span else g.quote
                found.append((gold.doc, "FN", "not detected", _triple(g.indicator, g.breakdown, g.scope), "", ctx))
        for pi, p in enumerate(result.facts):
            if pi not in matched_p and comparable(p.indicator, pred_breakdown(p), pred_scope(p)):
                found.append((gold.doc, "FP", "not in gold", "", _triple(p.indicator, pred_breakdown(p), pred_scope(p)),
                              _context(text, p.start, p.end)))
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--docs", type=Path, action="append", default=[])
    ap.add_argument("--breakdown", action="store_true", help="also list breakdown errors on matched facts")
    ap.add_argument("--counts", action="store_true", help="print the class counts only")
    args = ap.parse_args(argv)
    if not args.docs and args.gold_dir.name in splits.SPLITS:
        args.docs = splits.doc_folders(args.gold_dir.name)
    elif not args.docs and args.gold_dir.name == excerpt_facts.FOLDER and args.gold_dir.parent.name in splits.SPLITS:
        args.docs = splits.excerpt_doc_folders(args.gold_dir.parent.name)
    rows = errors(args.gold_dir, args.docs, args.breakdown)
    if not args.counts:
        for row in rows:
            print("\t".join(row))
    for (side, cls), n in sorted(Counter((r[1], r[2]) for r in rows).items()):
        print(f"# {side}\t{cls}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
