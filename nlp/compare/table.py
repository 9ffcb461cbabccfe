"""The comparison: communities × periods (rows) by indicators (columns, grouped by category).

``build_comparison(tables, selection)`` is a pure function over the dataset's tables (SPEC section 5,
as ``dict[str, pandas.DataFrame]``). A row is one community in one year and period; a cell is the
``indicator_values`` row of that community, year, period and indicator, with every fact behind it
(its quote, file and line), its per-1,000-residents and per-100-households figures where the same
row's ``population_total`` / ``households_total`` is known, and its rank among the communities of
the same year and period (1 = the largest figure). A missing value is no cell at all: never 0.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd

from nlp.compare import frames
from nlp.compare.cells import conflict_text, figure_text, numeric
from nlp.compare.model import Cell, Column, CompareError, Comparison, FlagRow, Row, Selection, Source
from nlp.output import labels
from nlp.records import PERIODS

POPULATION = "population_total"
HOUSEHOLDS = "households_total"
UNNAMED = "未识别"  # a community whose name the documents mask or omit

__all__ = ["Cell", "Column", "CompareError", "Comparison", "FlagRow", "Row", "Selection", "Source",
           "build_comparison"]


def _period_key(period: str | None) -> int:
    return PERIODS.index(period) if period in PERIODS else len(PERIODS)


def _check_selection(selection: Selection, known_indicators: set[str]) -> None:
    if selection.period is not None and selection.period not in PERIODS:
        raise CompareError(f"--period {selection.period!r} is not one of {', '.join(PERIODS)}.")
    unknown = [i for i in selection.indicators if i not in known_indicators]
    if unknown:
        raise CompareError(
            f"--indicators: unknown id(s) {', '.join(unknown)}; the ids are those of nlp/resources/indicators.csv "
            "(party_members, low_income_households, …)."
        )


def _communities(tables: Mapping[str, pd.DataFrame]) -> dict[str, dict[str, Any]]:
    """Communities by id; one without a name (masked, unknown) is named after its first file."""
    found = {
        row["community_id"]: dict(row)
        for row in frames.records(tables, "communities", {})
        if row.get("community_id") is not None
    }
    for doc in frames.records(tables, "documents", {}):
        cid = doc.get("community_id")
        if cid is None:
            continue
        known = found.setdefault(cid, {"community_id": cid, "name": doc.get("community"), "street": doc.get("street")})
        if not frames.as_text(known.get("name")) and doc.get("path"):
            known["name"] = f"{UNNAMED} {_file_name(doc['path'])}"
    return found


def _file_name(path: str) -> str:
    """The file's own name, also for an archive member.

    >>> _file_name("a/b.zip!dir/x.txt"), _file_name("corpus/001.txt")
    ('x.txt', '001.txt')
    """
    return path.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]


def _street_matches(street: str | None, wanted: str | None) -> bool:
    return wanted is None or (street is not None and wanted.strip() in street)


def _candidate_facts(tables: Mapping[str, pd.DataFrame]) -> dict[tuple, list[dict[str, Any]]]:
    """Comparable facts (scope unit, breakdown null, not planned) by community, year, period, indicator."""
    by_key: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for fact in frames.records(tables, "facts", {"scope": "unit"}):
        if fact.get("indicator") is None or frames.truthy(fact.get("planned")):
            continue
        if fact.get("scope") != "unit" or not frames.is_whole(fact.get("breakdown")):
            continue
        key = (fact.get("community_id"), frames.as_int(fact.get("year")), fact.get("period"), fact["indicator"])
        by_key[key].append(fact)
    return by_key


def _sources(value_row: dict[str, Any], candidates: list[dict[str, Any]], paths: dict[str, str],
             column_unit: str) -> tuple[Source, ...]:
    chosen_doc, chosen_fact = value_row.get("doc_id"), frames.as_int(value_row.get("fact_id"))
    chosen = Source(
        text=figure_text(*_figure(value_row), column_unit),
        quote=frames.as_text(value_row.get("quote")) or "",
        doc_id=chosen_doc,
        fact_id=chosen_fact,
        path=paths.get(chosen_doc or ""),
        line=None,
        chosen=True,
    )
    others = []
    for fact in candidates:
        is_chosen = fact.get("doc_id") == chosen_doc and frames.as_int(fact.get("id")) == chosen_fact
        line = frames.as_int(fact.get("line"))
        if is_chosen:
            chosen = replace(chosen, line=line, start=frames.as_int(fact.get("start")),
                             quote=chosen.quote or frames.as_text(fact.get("text")) or "")
            continue
        others.append(Source(
            text=figure_text(*_figure(fact), column_unit),
            quote=frames.as_text(fact.get("quote")) or frames.as_text(fact.get("text")) or "",
            doc_id=fact.get("doc_id"),
            fact_id=frames.as_int(fact.get("id")),
            path=paths.get(fact.get("doc_id") or ""),
            line=line,
            chosen=False,
            start=frames.as_int(fact.get("start")),
        ))
    return (chosen, *others)


def _figure(row: Mapping[str, Any]) -> tuple[float | None, float | None, float | None, str, str]:
    return (
        frames.as_float(row.get("value")),
        frames.as_float(row.get("low")),
        frames.as_float(row.get("high")),
        frames.as_text(row.get("qualifier")) or "exact",
        frames.as_text(row.get("unit")) or "",
    )


def _make_cell(value_row: dict[str, Any], candidates: list[dict[str, Any]], paths: dict[str, str],
               column_unit: str) -> Cell:
    value, low, high, qualifier, unit = _figure(value_row)
    status = frames.as_text(value_row.get("status")) or "single"
    sources = _sources(value_row, candidates, paths, column_unit)
    text = figure_text(value, low, high, qualifier, unit, column_unit)
    if status == "conflict":
        text = conflict_text([s.text for s in sources] if len(sources) > 1 else [text, "?"])
    return Cell(value, low, high, qualifier, unit, status, text, numeric(value, low, high, qualifier), sources)


def _ratio(cell: Cell, base: Cell | None, per: float) -> float | None:
    if cell.number is None or base is None or not base.number:
        return None
    return cell.number / base.number * per


def _is_rough(cell: Cell | None) -> bool:
    return cell is not None and (cell.qualifier != "exact" or cell.status == "conflict")


def _with_derived(cells: dict[tuple[int, str], Cell], rows: list[Row], columns: list[Column]) -> list[Column]:
    """Adds per-capita figures and ranks to the cells; returns the columns with their derived flags."""
    out = []
    for column in columns:
        # Per-capita figures for what is counted or paid, not for areas, lengths or rates.
        wants_1000 = labels.unit_kind(column.unit) in ("count", "money") and column.indicator not in (
            POPULATION, HOUSEHOLDS)
        wants_100 = column.unit == "户" and column.indicator != HOUSEHOLDS
        groups: dict[tuple, list[int]] = defaultdict(list)
        has_1000 = has_100 = False
        for index, row in enumerate(rows):
            cell = cells.get((index, column.indicator))
            if cell is None:
                continue
            comparable = not cell.unit or labels.same_unit(cell.unit, column.unit)
            per_1000 = _ratio(cell, cells.get((index, POPULATION)), 1000) if wants_1000 and comparable else None
            per_100 = _ratio(cell, cells.get((index, HOUSEHOLDS)), 100) if wants_100 and comparable else None
            has_1000 |= per_1000 is not None
            has_100 |= per_100 is not None
            bases = [cells.get((index, POPULATION))] * (per_1000 is not None) + [
                cells.get((index, HOUSEHOLDS))] * (per_100 is not None)
            rough = _is_rough(cell) or any(_is_rough(b) for b in bases)
            cells[(index, column.indicator)] = replace(
                cell, per_1000=per_1000, per_100_households=per_100, derived_rough=rough)
            if cell.number is not None and comparable:
                groups[(row.year, row.period)].append(index)
        for members in groups.values():
            values = sorted((cells[(i, column.indicator)].number for i in members), reverse=True)
            for i in members:
                cell = cells[(i, column.indicator)]
                cells[(i, column.indicator)] = replace(cell, rank=values.index(cell.number) + 1, ranked=len(values))
        out.append(replace(column, per_1000=has_1000, per_100_households=has_100))
    return out


def _columns(indicator_ids: set[str], units: dict[str, Counter]) -> list[Column]:
    columns = []
    for indicator_id in indicator_ids:
        label = labels.indicator(indicator_id)
        category = labels.category(label.category)
        common = units[indicator_id].most_common(1)
        columns.append(Column(
            indicator=indicator_id,
            label_zh=label.zh,
            label_en=label.en,
            category=category.id,
            category_zh=category.zh,
            unit=common[0][0] if common else label.unit,
        ))
    order = {c.id: c.order for c in labels.category_labels().values()}
    columns.sort(key=lambda c: (order.get(c.category, 99), labels.indicator(c.indicator).order, c.indicator))
    return columns


def _flags(tables: Mapping[str, pd.DataFrame], documents: dict[str, dict[str, Any]],
           names: dict[str, dict[str, Any]], keep) -> list[FlagRow]:
    rows = []
    for flag in frames.records(tables, "flags", {}):
        doc = documents.get(flag.get("doc_id") or "")
        if doc is None or not keep(doc):
            continue
        cid = doc.get("community_id")
        rows.append(FlagRow(
            community_id=cid,
            community=(names.get(cid) or {}).get("name") or doc.get("community") or cid or "",
            year=frames.as_int(doc.get("year")),
            period=doc.get("period"),
            path=doc.get("path"),
            line=frames.as_int(flag.get("line")),
            col=frames.as_int(flag.get("col")),
            code=str(flag.get("code") or ""),
            name=str(flag.get("name") or ""),
            severity=str(flag.get("severity") or ""),
            message=str(flag.get("message") or ""),
        ))
    rows.sort(key=lambda f: (f.community, f.year or 0, _period_key(f.period), f.path or "", f.line or 0))
    return rows


def build_comparison(tables: Mapping[str, pd.DataFrame], selection: Selection | None = None) -> Comparison:
    """Lay ``indicator_values`` out as community × year × period rows by indicator columns."""
    selection = selection or Selection()
    _check_selection(selection, set(labels.indicator_labels()) | _present_indicators(tables))
    communities = _communities(tables)
    documents = {d["doc_id"]: d for d in frames.records(tables, "documents", {}) if d.get("doc_id")}
    paths = {doc_id: d.get("path") for doc_id, d in documents.items()}
    candidates = _candidate_facts(tables)

    def in_selection(community_id: Any, year: int | None, period: str | None) -> bool:
        street = (communities.get(community_id) or {}).get("street")
        return (
            (selection.year is None or year == selection.year)
            and (selection.period is None or period == selection.period)
            and _street_matches(street, selection.street)
        )

    kept: dict[tuple, dict[str, Any]] = {}
    for value_row in frames.records(tables, "indicator_values", {}):
        cid, year, period = value_row.get("community_id"), frames.as_int(value_row.get("year")), value_row.get("period")
        indicator_id = value_row.get("indicator")
        if cid is None or indicator_id is None or not in_selection(cid, year, period):
            continue
        if selection.indicators and indicator_id not in selection.indicators + (POPULATION, HOUSEHOLDS):
            continue
        kept[(cid, year, period, indicator_id)] = value_row

    # A row needs a figure of its own; population and households alone only serve per-capita figures.
    kept = {k: v for k, v in kept.items() if k[:3] in {
        key[:3] for key in kept if not selection.indicators or key[3] in selection.indicators}}
    if not kept:
        raise CompareError(f"no comparable figures in {selection.describe()}: the indicator_values table "
                           "holds no row that matches.")
    row_keys = sorted({k[:3] for k in kept}, key=lambda k: (
        (communities.get(k[0]) or {}).get("street") or "", _name(communities, k[0]), k[1] or 0, _period_key(k[2])))
    rows = [Row(cid, _name(communities, cid), (communities.get(cid) or {}).get("street"), year, period)
            for cid, year, period in row_keys]
    index_of = {key: i for i, key in enumerate(row_keys)}
    units: dict[str, Counter] = defaultdict(Counter)
    for (_cid, _y, _p, indicator_id), value_row in kept.items():
        if frames.as_text(value_row.get("unit")):
            units[indicator_id][value_row["unit"]] += 1
    shown = set(selection.indicators) if selection.indicators else {k[3] for k in kept}
    columns = _columns(shown | ({POPULATION, HOUSEHOLDS} & {k[3] for k in kept}), units)
    column_units = {c.indicator: c.unit for c in columns}
    cells = {
        (index_of[key[:3]], key[3]): _make_cell(value_row, candidates.get(key, []), paths, column_units[key[3]])
        for key, value_row in kept.items()
    }
    columns = _with_derived(cells, rows, columns)
    if selection.indicators:
        columns = [c for c in columns if c.indicator in selection.indicators]
        cells = {k: v for k, v in cells.items() if k[1] in selection.indicators}
    flags = _flags(tables, documents, communities,
                   lambda d: in_selection(d.get("community_id"), frames.as_int(d.get("year")), d.get("period")))
    return Comparison(selection, tuple(rows), tuple(columns), cells, tuple(flags))


def _present_indicators(tables: Mapping[str, pd.DataFrame]) -> set[str]:
    frame = tables.get("indicator_values")
    if frame is None or frame.empty or "indicator" not in frame:
        return set()
    return {str(i) for i in frame["indicator"].dropna().unique()}


def _name(communities: dict[str, dict[str, Any]], community_id: str) -> str:
    return frames.as_text((communities.get(community_id) or {}).get("name")) or community_id
