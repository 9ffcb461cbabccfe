"""``zongjie compare DATASET -o REPORT``: read the store, build the comparison, write the report.

The writer is chosen by the report's suffix: .xlsx, .html or .csv.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from nlp.compare.lines import fill_lines, read_original
from nlp.compare.table import CompareError, Comparison, Selection, build_comparison

FORMATS = (".xlsx", ".html", ".csv")


def check_output(output: Path) -> str:
    """The report's format (its suffix), or a CompareError naming the ones there are."""
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise CompareError(f"{output}: the report must end in .xlsx, .html or .csv.")
    return suffix


def write_report(tables: Mapping[str, pd.DataFrame], output: Path, selection: Selection | None = None,
                 roots: tuple[Path, ...] = ()) -> Comparison:
    """Build the comparison of ``tables`` and write it to ``output``; returns what was written."""
    suffix = check_output(output)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    comparison = fill_lines(build_comparison(tables, selection or Selection()), read_original(roots))
    if suffix == ".xlsx":
        from nlp.compare.xlsx_out import write_xlsx

        write_xlsx(comparison, output)
    elif suffix == ".html":
        from nlp.compare.html_out import write_html

        write_html(comparison, output)
    else:
        from nlp.compare.csv_out import write_csv

        write_csv(comparison, output)
    return comparison


def compare_dataset(dataset: Path, output: Path, selection: Selection | None = None) -> Comparison:
    """The whole command: the store at ``dataset`` compared into ``output``."""
    from nlp.dataset import load
    from nlp.dataset.store import store_path

    check_output(output)
    tables = load(dataset)
    # Relative document paths are tried as given, then beside the store.
    return write_report(tables, output, selection, roots=(store_path(dataset).parent,))
