"""``zongjie compare … -o report.xlsx``: the Excel book a street office opens.

Sheets: 汇总 Summary (every indicator), one sheet per category, 出处 Provenance (every fact behind
every cell: quote, file, line), 问题 Flags, 说明 About. Headers are frozen; figures are numbers whose
number format shows the qualifier (≈40 stays the number 40, so it sorts and takes the colour
scale); ranges and conflicts are text. Every text is written as a string, and one that starts like a
formula carries Excel's quote prefix, so no cell is or becomes a formula.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import xlsxwriter

from nlp.compare.cells import QUALIFIER_MARKS, QUALIFIER_WORDS
from nlp.compare.layout import FORMULA_STARTS, KEY_HEADERS, FlatColumn, flat_columns, key_values
from nlp.compare.model import Cell, Comparison, Row
from nlp.output.labels import same_unit

SUMMARY = "汇总 Summary"
PROVENANCE = "出处 Provenance"
FLAGS = "问题 Flags"
ABOUT = "说明 About"
PROVENANCE_HEADERS = ("社区 community", "年份 year", "期间 period", "指标 indicator", "indicator_id", "数值 value",
                      "状态 status", "采用 chosen", "原文 quote", "文件 file", "行 line", "doc_id", "fact_id")
FLAG_HEADERS = ("社区 community", "年份 year", "期间 period", "文件 file", "行 line", "列 col", "代码 code",
                "规则 name", "级别 severity", "说明 message")
STATUS_WORDS = {"single": "单一 single", "agree": "一致 agree", "conflict": "冲突 conflict"}
HEADER_ROWS = 2  # the category band, then the column headers


@lru_cache(maxsize=1 << 16)
def text_width(text: str) -> int:
    """Columns a text needs: a CJK character is two wide.

    >>> text_width("党员 party_members"), text_width("≈40")
    (18, 3)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Book:
    def __init__(self, path: Path) -> None:
        self.book = xlsxwriter.Workbook(
            str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        )
        self.formats: dict[tuple, Any] = {}
        self.widths: dict[tuple[str, int], int] = {}

    def fmt(self, **props: Any) -> Any:
        key = tuple(props.items())
        if key not in self.formats:
            self.formats[key] = self.book.add_format({"font_name": "Microsoft YaHei", "font_size": 10, **props})
        return self.formats[key]

    def text(self, sheet: Any, row: int, col: int, value: Any, **props: Any) -> None:
        if value is None or value == "":
            self._fit(sheet, col, "")
            return
        if isinstance(value, int | float) and not isinstance(value, bool):
            sheet.write_number(row, col, value, self.fmt(**props))
        else:
            value = str(value)
            if value.startswith(FORMULA_STARTS):
                props = {**props, "quote_prefix": True}
            sheet.write_string(row, col, value, self.fmt(**props))
        self._fit(sheet, col, str(value))

    def _fit(self, sheet: Any, col: int, text: str) -> None:
        key = (sheet.name, col)
        self.widths[key] = max(self.widths.get(key, 6), min(text_width(text) + 2, 60))

    def finish_widths(self, sheet: Any) -> None:
        for (name, col), width in self.widths.items():
            if name == sheet.name:
                sheet.set_column(col, col, width)


def number_format(cell: Cell, column_unit: str) -> str:
    """An Excel number format that shows the qualifier and a unit the column does not imply.

    >>> from nlp.compare.model import Cell
    >>> number_format(Cell(40, 40, None, "approx", "件", "single", "≈40", 40, ()), "件")
    '"≈"#,##0'
    >>> number_format(Cell(95.5, None, None, "exact", "%", "single", "95.5%", 95.5, ()), "%")
    '#,##0.0#"%"'
    """
    body = "#,##0" if float(cell.number or 0).is_integer() else "#,##0.0#"
    mark = QUALIFIER_MARKS.get(cell.qualifier, "")
    suffix = cell.unit if cell.unit == "%" or (cell.unit and not same_unit(cell.unit, column_unit)) else ""
    return (f'"{mark}"' if mark else "") + body + (f'"{suffix}"' if suffix else "")


def _write_cell(out: _Book, sheet: Any, r: int, c: int, cell: Cell | None, flat: FlatColumn) -> None:
    if cell is None:
        out.text(sheet, r, c, None)
        return
    if flat.kind == "rank":
        out.text(sheet, r, c, cell.rank, align="center")
        return
    if flat.kind in ("per_1000", "per_100_households"):
        number = cell.per_1000 if flat.kind == "per_1000" else cell.per_100_households
        out.text(sheet, r, c, number, num_format=('"≈"' if cell.derived_rough else "") + "0.00")
        return
    if cell.status == "conflict":
        out.text(sheet, r, c, cell.text, bg_color="#f8cbad", font_color="#9c2a00", bold=True)
    elif cell.number is None:
        out.text(sheet, r, c, cell.text, align="right")
    else:
        out.text(sheet, r, c, cell.number, num_format=number_format(cell, flat.column.unit))
    source = cell.sources[0] if cell.sources else None
    if source is not None and source.quote:
        where = f"\n— {source.path or '?'}" + (f":{source.line}" if source.line else "")
        others = "".join(f"\n另一数值 {s.text}: {s.quote}" for s in cell.sources[1:])
        sheet.write_comment(r, c, f"{source.quote}{where}{others}", {"x_scale": 2.5, "y_scale": 1.5})


def _matrix_sheet(out: _Book, name: str, comparison: Comparison, flat: list[FlatColumn]) -> None:
    sheet = out.book.add_worksheet(name[:31])
    head = out.fmt(bold=True, bg_color="#dde6f0", border=1, text_wrap=True, valign="top")
    for c, header in enumerate(KEY_HEADERS):
        sheet.merge_range(0, c, 1, c, header, head)
        out._fit(sheet, c, header)
    start = len(KEY_HEADERS)
    c = start
    while c < start + len(flat):
        category = flat[c - start].column.category
        end = c
        while end + 1 < start + len(flat) and flat[end + 1 - start].column.category == category:
            end += 1
        band = f"{flat[c - start].column.category_zh} {category}"
        band_fmt = out.fmt(bold=True, bg_color="#c5d5e8", border=1, align="center")
        if end > c:
            sheet.merge_range(0, c, 0, end, band, band_fmt)
        else:
            sheet.write_string(0, c, band, band_fmt)
        c = end + 1
    for i, column in enumerate(flat):
        sheet.write_string(1, start + i, column.header, head)
        out.widths[(sheet.name, start + i)] = max(10, min(text_width(column.header) // 2 + 2, 30))
    sheet.set_row(1, 45)
    rows: list[Row] = list(comparison.rows)
    for r, row in enumerate(rows):
        for c, value in enumerate(key_values(row)):
            out.text(sheet, HEADER_ROWS + r, c, value)
        for i, column in enumerate(flat):
            _write_cell(out, sheet, HEADER_ROWS + r, start + i, comparison.cell(r, column.column.indicator), column)
    last = HEADER_ROWS + len(rows) - 1
    for i, column in enumerate(flat):
        if column.kind in ("value", "per_1000", "per_100_households") and column.column.unit != "":
            sheet.conditional_format(HEADER_ROWS, start + i, last, start + i, {
                "type": "3_color_scale", "min_color": "#f7fbff", "mid_color": "#9ecae1", "max_color": "#3182bd"})
    sheet.freeze_panes(HEADER_ROWS, 1)
    sheet.autofilter(1, 0, max(last, HEADER_ROWS), start + len(flat) - 1)
    out.finish_widths(sheet)


def _table_sheet(out: _Book, name: str, headers: tuple[str, ...], rows: list[list[Any]], wrap: int = -1) -> None:
    sheet = out.book.add_worksheet(name)
    for c, header in enumerate(headers):
        out.text(sheet, 0, c, header, bold=True, bg_color="#dde6f0", border=1)
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            out.text(sheet, r, c, value, **({"text_wrap": True, "valign": "top"} if c == wrap else {}))
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(headers) - 1)
    out.finish_widths(sheet)


def _provenance_rows(comparison: Comparison) -> list[list[Any]]:
    rows = []
    for r, row in enumerate(comparison.rows):
        for column in comparison.columns:
            cell = comparison.cell(r, column.indicator)
            for source in cell.sources if cell else ():
                rows.append([row.community, row.year, row.period, column.label_zh, column.indicator, source.text,
                             STATUS_WORDS.get(cell.status, cell.status), "是" if source.chosen else "否",
                             source.quote, source.path, source.line, source.doc_id, source.fact_id])
    return rows


def _about_rows(comparison: Comparison) -> list[list[Any]]:
    rows = [["选择 selection", comparison.selection.describe()],
            ["行 rows", "社区 × 年份 × 期间 (one community's periods kept apart)"],
            ["空白 blank", "没有数据 (no figure), never 0"],
            ["每千人 per 1,000", "数值 ÷ 同期总人口 population_total × 1000"],
            ["每百户 per 100 households", "数值 ÷ 同期总户数 households_total × 100 (counts in 户)"],
            ["排名 rank", "同年同期各社区中的名次, 1 = 最大 (1 = the largest figure)"]]
    rows += [[f"{mark or '(无)'} {QUALIFIER_WORDS[q]}", q] for q, mark in QUALIFIER_MARKS.items()]
    rows += [["3–4", QUALIFIER_WORDS["range"]], ["冲突: a / b", "各文件数值不一致 (conflict: every candidate)"]]
    return rows


def write_xlsx(comparison: Comparison, path: Path) -> Path:
    out = _Book(Path(path))
    flat = flat_columns(comparison)
    _matrix_sheet(out, SUMMARY, comparison, flat)
    for category, columns in comparison.groups():
        ids = {c.indicator for c in columns}
        _matrix_sheet(out, f"{category.zh} {category.id}", comparison, [f for f in flat if f.column.indicator in ids])
    _table_sheet(out, PROVENANCE, PROVENANCE_HEADERS, _provenance_rows(comparison), wrap=8)
    flag_rows = [[f.community, f.year, f.period, f.path, f.line, f.col, f.code, f.name, f.severity, f.message]
                 for f in comparison.flags]
    _table_sheet(out, FLAGS, FLAG_HEADERS, flag_rows, wrap=9)
    _table_sheet(out, ABOUT, ("项目 item", "说明 meaning"), _about_rows(comparison))
    out.book.close()
    return Path(path)
