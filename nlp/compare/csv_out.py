"""``zongjie compare … -o report.csv``: the comparison table alone, UTF-8 with BOM, formula-safe."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from nlp.compare.layout import KEY_HEADERS, flat_columns, flat_text, key_values, safe_text
from nlp.compare.model import Comparison


def comparison_csv(comparison: Comparison) -> str:
    """The table as CSV text (without the BOM): one row per community, year and period."""
    flat = flat_columns(comparison)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in (*KEY_HEADERS, *(f.header for f in flat))])
    for index, row in enumerate(comparison.rows):
        keys = ["" if v is None else safe_text(str(v)) for v in key_values(row)]
        cells = [safe_text(flat_text(comparison.cell(index, f.column.indicator), f.kind)) for f in flat]
        writer.writerow(keys + cells)
    return buffer.getvalue()


def write_csv(comparison: Comparison, path: Path) -> Path:
    # utf-8-sig: Excel opens a BOM-marked CSV as UTF-8 instead of the local code page.
    Path(path).write_text(comparison_csv(comparison), encoding="utf-8-sig", newline="")
    return Path(path)
