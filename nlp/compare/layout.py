"""The comparison as one flat table: the key columns, then per indicator its value, per-capita
figures and rank. The CSV is this table; the XLSX summary sheet lays out the same columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.compare.cells import format_number
from nlp.compare.model import Cell, Column, Comparison, Row

KEY_HEADERS = ("社区 community", "年份 year", "期间 period", "街道 street", "community_id")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class FlatColumn:
    header: str
    kind: str  # value, per_1000, per_100_households, rank
    column: Column


def safe_text(text: str) -> str:
    """Text that no spreadsheet will take for a formula: a leading = + - @ or control is quoted with '.

    >>> safe_text("=SUM(A1:A9)"), safe_text("-3"), safe_text("党员80名")
    ("'=SUM(A1:A9)", "'-3", '党员80名')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def key_values(row: Row) -> list[str | int | None]:
    return [row.community, row.year, row.period, row.street, row.community_id]


def flat_columns(comparison: Comparison) -> list[FlatColumn]:
    out = []
    for column in comparison.columns:
        out.append(FlatColumn(column.header, "value", column))
        if column.per_1000:
            out.append(FlatColumn(f"{column.label_zh} 每千人 {column.indicator}_per_1000", "per_1000", column))
        if column.per_100_households:
            out.append(FlatColumn(
                f"{column.label_zh} 每百户 {column.indicator}_per_100_households", "per_100_households", column))
        out.append(FlatColumn(f"{column.label_zh} 排名 {column.indicator}_rank", "rank", column))
    return out


def derived_text(cell: Cell, kind: str) -> str:
    """A per-capita figure or rank as the report writes it (≈ when drawn from a rough figure).

    >>> from nlp.compare.model import Cell
    >>> cell = Cell(40, 40, None, "approx", "件", "single", "≈40", 40, (), per_1000=10.0, rank=1, ranked=3,
    ...             derived_rough=True)
    >>> derived_text(cell, "per_1000"), derived_text(cell, "rank"), derived_text(cell, "per_100_households")
    ('≈10', '1/3', '')
    """
    if kind == "rank":
        return f"{cell.rank}/{cell.ranked}" if cell.rank is not None else ""
    number = cell.per_1000 if kind == "per_1000" else cell.per_100_households
    if number is None:
        return ""
    return ("≈" if cell.derived_rough else "") + format_number(number)


def flat_text(cell: Cell | None, kind: str) -> str:
    if cell is None:
        return ""
    return cell.text if kind == "value" else derived_text(cell, kind)
