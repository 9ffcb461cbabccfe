"""The comparison's records: the selection, rows, columns, cells with their sources, flags.

Frozen dataclasses, built by ``nlp.compare.table.build_comparison`` and laid out by the writers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nlp.errors import ZongjieError
from nlp.output import labels


class CompareError(ZongjieError):
    """The selection cannot be compared: an unknown filter value, or nothing left to show."""


@dataclass(frozen=True)
class Selection:
    year: int | None = None
    period: str | None = None
    street: str | None = None
    indicators: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = [
            f"{name} {value}"
            for name, value in (("--year", self.year), ("--period", self.period), ("--street", self.street))
            if value is not None
        ]
        if self.indicators:
            parts.append("--indicators " + ",".join(self.indicators))
        return " ".join(parts) or "the whole dataset"


@dataclass(frozen=True)
class Source:
    """One fact behind a cell; ``chosen`` marks the one the cell shows."""

    text: str
    quote: str
    doc_id: str | None
    fact_id: int | None
    path: str | None
    line: int | None
    chosen: bool
    start: int | None = None  # offset into the document's original text, for finding the line


@dataclass(frozen=True)
class Cell:
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    status: str  # single, agree, conflict
    text: str  # what the report shows: ≈40, ≥100, 3–4, 冲突: 41 / 45
    number: float | None  # what it is ranked and charted by
    sources: tuple[Source, ...]
    per_1000: float | None = None
    per_100_households: float | None = None
    rank: int | None = None
    ranked: int | None = None  # how many communities the rank is among
    derived_rough: bool = False  # a per-capita figure drawn from an approximate or conflicting figure

    @property
    def quote(self) -> str:
        return self.sources[0].quote if self.sources else ""


@dataclass(frozen=True)
class Row:
    community_id: str
    community: str
    street: str | None
    year: int | None
    period: str | None

    @property
    def label(self) -> str:
        return " ".join(str(p) for p in (self.community, self.year, self.period) if p is not None)


@dataclass(frozen=True)
class Column:
    indicator: str
    label_zh: str
    label_en: str
    category: str
    category_zh: str
    unit: str
    per_1000: bool = False
    per_100_households: bool = False

    @property
    def header(self) -> str:
        return f"{self.label_zh} {self.indicator}"


@dataclass(frozen=True)
class FlagRow:
    community_id: str | None
    community: str
    year: int | None
    period: str | None
    path: str | None
    line: int | None
    col: int | None
    code: str
    name: str
    severity: str
    message: str


@dataclass(frozen=True)
class Comparison:
    selection: Selection
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    cells: Mapping[tuple[int, str], Cell] = field(default_factory=dict)
    flags: tuple[FlagRow, ...] = ()

    def cell(self, row: int, indicator: str) -> Cell | None:
        return self.cells.get((row, indicator))

    def groups(self) -> list[tuple[labels.CategoryLabel, list[Column]]]:
        """The columns by category, in the order they appear."""
        grouped: dict[str, list[Column]] = {}
        for column in self.columns:
            grouped.setdefault(column.category, []).append(column)
        return [(labels.category(c), cols) for c, cols in grouped.items()]
