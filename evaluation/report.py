"""Renderings of a score ``Report``: a plain-text table per document with a total block, and JSON."""

from __future__ import annotations

import json
from typing import Any

from evaluation.scorer import INDICATOR_FIELDS, ActivityScore, Counts, DocScore, FactScore, Report, Tally


def counts_dict(c: Counts) -> dict[str, Any]:
    return {
        "tp": c.tp, "fp": c.fp, "fn": c.fn, "gold": c.tp + c.fn, "predicted": c.tp + c.fp,
        "precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
    }  # fmt: skip


def lookalike_rate(detection: Counts) -> float:
    """The share of predicted figures that gold does not have (1 - detection precision): look-alikes
    taken as figures. Nothing predicted is no look-alike taken.

    >>> lookalike_rate(Counts(tp=97, fp=3, fn=5)), lookalike_rate(Counts(tp=0, fp=0, fn=5))
    (0.03, 0.0)
    """
    predicted = detection.tp + detection.fp
    return detection.fp / predicted if predicted else 0.0


def tally_dict(t: Tally) -> dict[str, Any]:
    return {"correct": t.correct, "total": t.total, "rate": None if t.rate is None else round(t.rate, 4)}


def _meta_overall(meta: dict[str, Tally]) -> Tally:
    total = Tally()
    for t in meta.values():
        total = total + t
    return total


def doc_dict(score: DocScore) -> dict[str, Any]:
    """The JSON form of one document's (or the total's) score."""
    out: dict[str, Any] = {"doc": score.doc}
    if score.error is not None:
        out["error"] = score.error
        return out
    if score.facts is not None:
        out["facts"] = {
            "detection": counts_dict(score.facts.detection),
            "strict": counts_dict(score.facts.strict),
            "indicators": counts_dict(score.facts.indicators),
            "comparable": counts_dict(score.facts.comparable),
            "lookalike_rate": round(lookalike_rate(score.facts.detection), 4),
            "fields": {k: tally_dict(v) for k, v in score.facts.fields.items()},
        }
    if score.headings is not None:
        out["headings"] = counts_dict(score.headings)
    if score.meta is not None:
        out["meta"] = {k: tally_dict(v) for k, v in score.meta.items()}
        out["meta"]["overall"] = tally_dict(_meta_overall(score.meta))
    if score.activities is not None:
        out["activities"] = {
            "detection": counts_dict(score.activities.detection),
            "fields": {k: tally_dict(v) for k, v in score.activities.fields.items()},
            "count_linked": tally_dict(score.activities.count_linked),
        }
    if score.flags is not None:
        out["flags"] = counts_dict(score.flags)
    return out


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "parts": list(report.parts),
        "documents": [doc_dict(s) for s in report.documents],
        "errors": sum(s.error is not None for s in report.documents),
        "total": doc_dict(report.total),
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------- text


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _t(t: Tally) -> str:
    return f"{_f(t.rate)} ({t.correct}/{t.total})"


def _prf(c: Counts) -> str:
    return f"P {_f(c.precision)}  R {_f(c.recall)}  F1 {_f(c.f1)}  (gold {c.tp + c.fn}, predicted {c.tp + c.fp}, matched {c.tp})"


def _columns(report: Report) -> list[tuple[str, int]]:
    cols = [("facts P", 7), ("R", 5), ("F1", 5), ("strict", 6), ("ind F1", 6), ("cmp F1", 6)] if "facts" in report.parts else []
    if "headings" in report.parts:
        cols.append(("head F1", 7))
    if "meta" in report.parts:
        cols.append(("meta", 5))
    if "activities" in report.parts:
        cols.append(("act F1", 6))
    if "flags" in report.parts:
        cols += [("flag P", 6), ("R", 5)]
    return cols


def _row(score: DocScore) -> list[str]:
    cells: list[str] = []
    if score.facts is not None:
        d = score.facts.detection
        cells += [_f(d.precision), _f(d.recall), _f(d.f1), _f(score.facts.strict.f1)]
        cells += [_f(score.facts.indicators.f1), _f(score.facts.comparable.f1)]
    if score.headings is not None:
        cells.append(_f(score.headings.f1))
    if score.meta is not None:
        cells.append(_f(_meta_overall(score.meta).rate))
    if score.activities is not None:
        cells.append(_f(score.activities.detection.f1))
    if score.flags is not None:
        cells += [_f(score.flags.precision), _f(score.flags.recall)]
    return cells


def _total_block(total: DocScore) -> list[str]:
    lines: list[str] = []
    facts: FactScore | None = total.facts
    if facts is not None:
        lines.append(f"facts       detection  {_prf(facts.detection)}")
        lines.append(f"            strict     {_prf(facts.strict)}")
        lines.append(f"indicators  {_prf(facts.indicators)}")
        lines.append(f"comparable  {_prf(facts.comparable)}")
        lines.append("            on matched: " + "  ".join(f"{k} {_t(v)}" for k, v in facts.fields.items()))
    if total.headings is not None:
        lines.append(f"headings    {_prf(total.headings)}")
    if total.meta is not None:
        fields = "  ".join(f"{k} {_t(v)}" for k, v in total.meta.items())
        lines.append(f"metadata    {fields}  overall {_t(_meta_overall(total.meta))}")
    acts: ActivityScore | None = total.activities
    if acts is not None:
        lines.append(f"activities  {_prf(acts.detection)}")
        fields = "  ".join(f"{k} {_t(v)}" for k, v in acts.fields.items())
        lines.append(f"            on matched: {fields}  count linked {_t(acts.count_linked)}")
    if total.flags is not None:
        lines.append(f"flags       {_prf(total.flags)}")
    return lines


def render_text(report: Report) -> str:
    """One row per document, then the micro-averaged total with counts."""
    cols = _columns(report)
    width = max([len("document"), *(len(s.doc) for s in report.documents)])
    header = "document".ljust(width) + "  " + "  ".join(name.rjust(w) for name, w in cols)
    lines = [header, "-" * len(header)]
    for score in report.documents:
        if score.error is not None:
            lines.append(f"{score.doc.ljust(width)}  ERROR {score.error}")
            continue
        cells = _row(score)
        lines.append(
            score.doc.ljust(width)
            + "  "
            + "  ".join(c.rjust(w) for c, (_, w) in zip(cells, cols, strict=True))
        )
    errors = sum(s.error is not None for s in report.documents)
    scored = len(report.documents) - errors
    lines += [
        "",
        f"TOTAL over {scored} document(s), micro-averaged" + (f"; {errors} error(s)" if errors else ""),
    ]
    lines += _total_block(report.total)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- splits side by side


def _prf_cell(c: Counts) -> str:
    return f"{_f(c.precision)} / {_f(c.recall)} / {_f(c.f1)}"


def _summary_rows(report: Report) -> dict[str, str]:
    """The total of one split as (figure, cell) rows; the order is the table's."""
    total, rows = report.total, {}
    scored = sum(s.error is None for s in report.documents)
    rows["documents (errors)"] = f"{scored} ({len(report.documents) - scored})"
    if total.facts is not None:
        rows["facts gold / predicted"] = f"{total.facts.detection.tp + total.facts.detection.fn} / " + str(
            total.facts.detection.tp + total.facts.detection.fp
        )
        rows["facts detection P / R / F1"] = _prf_cell(total.facts.detection)
        rows["facts strict P / R / F1"] = _prf_cell(total.facts.strict)
        rows["look-alikes taken as figures"] = f"{100 * lookalike_rate(total.facts.detection):.1f} %"
        rows["indicators P / R / F1"] = _prf_cell(total.facts.indicators)
        rows["comparable P / R / F1"] = _prf_cell(total.facts.comparable)
        for name, t in total.facts.fields.items():
            rows[f"  {name} (matched{', gold indicator' if name in INDICATOR_FIELDS else ''})"] = _t(t)
    if total.headings is not None:
        rows["headings P / R / F1"] = _prf_cell(total.headings)
    if total.meta is not None:
        for name, t in total.meta.items():
            rows[f"metadata {name}"] = _t(t)
        rows["metadata overall"] = _t(_meta_overall(total.meta))
    if total.activities is not None:
        rows["activities P / R / F1"] = _prf_cell(total.activities.detection)
        for name, t in total.activities.fields.items():
            rows[f"  activity {name}"] = _t(t)
        rows["  count linked"] = _t(total.activities.count_linked)
    if total.flags is not None:
        rows["flags P / R / F1"] = _prf_cell(total.flags)
    return rows


def render_splits_text(reports: dict[str, Report | None]) -> str:
    """Each split's per-document table, then one table of totals with a column per split."""
    lines: list[str] = []
    for name, rep in reports.items():
        lines.append(f"== {name} ==")
        lines.append(render_text(rep) if rep is not None else f"no gold files in evaluation/gold/{name}/ yet\n")
    rows = {name: _summary_rows(rep) if rep is not None else {} for name, rep in reports.items()}
    figures: list[str] = []
    for per_split in rows.values():
        figures += [f for f in per_split if f not in figures]
    widths = [max([len("figure"), *map(len, figures)])]
    widths += [max([len(n), *(len(c) for c in rows[n].values())]) for n in reports]
    header = "  ".join(["figure".ljust(widths[0]), *(n.ljust(w) for n, w in zip(reports, widths[1:], strict=True))])
    header = header.rstrip()
    lines += [f"== {' vs '.join(reports)}, micro-averaged ==", header, "-" * len(header)]
    for figure in figures:
        cells = [rows[n].get(figure, "-").ljust(w) for n, w in zip(reports, widths[1:], strict=True)]
        lines.append("  ".join([figure.ljust(widths[0]), *cells]).rstrip())
    return "\n".join(lines) + "\n"


def render_splits_json(reports: dict[str, Report | None]) -> str:
    """``{"splits": {name: report or null}}``, each report as ``render_json`` gives it."""
    data = {"splits": {name: None if rep is None else report_dict(rep) for name, rep in reports.items()}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
