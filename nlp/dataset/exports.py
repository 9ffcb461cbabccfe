"""``zongjie export``: the dataset's tables as Parquet, CSV, XLSX or JSON-lines files.

One file per table (``documents.csv`` …), or one workbook with a sheet per table for XLSX. CSV is
UTF-8 with a BOM, so Excel opens it right. No cell of any export can start a formula: a text that
begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) gets a leading apostrophe,
the way spreadsheet programs mark text. Lists (aliases, fact ids) stay lists in Parquet and JSON
lines and become JSON text in CSV and XLSX.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from nlp.dataset.schema import ORDER_BY, TABLES
from nlp.dataset.store import Store, StoreError

FORMATS = ("parquet", "csv", "xlsx", "jsonl")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_ROWS = 1_048_575  # a sheet's rows under its header


def escape_cell(text: str) -> str:
    """A text no spreadsheet reads as a formula.

    >>> escape_cell("=SUM(A1:A9)"), escape_cell("-5户"), escape_cell("阿娄社区"), escape_cell("")
    ("'=SUM(A1:A9)", "'-5户", '阿娄社区', '')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _escaped(expr: str) -> str:
    starts = ", ".join("'" + c.replace("'", "''") + "'" for c in FORMULA_STARTS)
    return f"CASE WHEN left({expr}, 1) IN ({starts}) THEN '''' || {expr} ELSE {expr} END"


def select_escaped(table: str, flat: bool) -> str:
    """The SELECT that reads ``table`` with every text escaped; ``flat`` turns lists into JSON text."""
    parts = []
    for column in TABLES[table]:
        name = f'"{column.name}"'
        if column.sql == "VARCHAR":
            expr = _escaped(name)
        elif column.sql == "VARCHAR[]":
            expr = f"list_transform({name}, lambda x: {_escaped('x')})"
            expr = f"CAST(to_json({expr}) AS VARCHAR)" if flat else expr
        elif column.sql.endswith("[]") and flat:
            expr = f"CAST(to_json({name}) AS VARCHAR)"
        else:
            expr = name
        parts.append(f"{expr} AS {name}")
    return f"SELECT {', '.join(parts)} FROM {table} ORDER BY {ORDER_BY[table]}"


def default_folder(out: str | Path, fmt: str) -> Path:
    """Where the files go by default: beside a DuckDB store, in ``<store name>-<format>/``; inside a
    dataset folder, in ``zongjie-<format>/``.

    >>> default_folder("runs/d.duckdb", "csv").as_posix(), default_folder("runs/ds", "xlsx").as_posix()
    ('runs/d-csv', 'runs/ds/zongjie-xlsx')
    """
    out = Path(out)
    if out.suffix == ".duckdb":
        return out.with_name(f"{out.stem}-{fmt}")
    return out / f"zongjie-{fmt}"


def export(out: str | Path, fmt: str, folder: str | Path | None = None) -> list[Path]:
    """Write every table of the dataset ``out`` as ``fmt`` files into ``folder``; returns the files."""
    if fmt not in FORMATS:
        raise StoreError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}.")
    target = Path(folder) if folder else default_folder(out, fmt)
    target.mkdir(parents=True, exist_ok=True)
    with Store(out, read_only=True) as store:
        if fmt == "xlsx":
            return [_xlsx(store, target / "zongjie.xlsx")]
        written = []
        for table in TABLES:
            path = target / f"{table}.{fmt}"
            query = select_escaped(table, flat=fmt == "csv")
            if fmt == "csv":
                _csv_with_bom(store, query, path)
            else:
                options = "FORMAT parquet" if fmt == "parquet" else "FORMAT json"
                store.con.execute(f"COPY ({query}) TO '{_quoted(path)}' ({options})")
            written.append(path)
        return written


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _csv_with_bom(store: Store, query: str, path: Path) -> None:
    body = path.with_suffix(".csv.part")
    store.con.execute(f"COPY ({query}) TO '{_quoted(body)}' (FORMAT csv, HEADER true)")
    with path.open("wb") as handle, body.open("rb") as rows:
        handle.write("\ufeff".encode())
        shutil.copyfileobj(rows, handle)
    body.unlink()


def _xlsx(store: Store, path: Path) -> Path:
    import pandas as pd

    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(path, engine="xlsxwriter", engine_kwargs={"options": options}) as book:
        for table in TABLES:
            frame = store.con.execute(select_escaped(table, flat=True)).df()
            for part, begin in enumerate(range(0, max(len(frame), 1), XLSX_MAX_ROWS)):
                sheet = table if part == 0 else f"{table} ({part + 1})"
                frame.iloc[begin : begin + XLSX_MAX_ROWS].to_excel(book, sheet_name=sheet[:31], index=False)
                book.sheets[sheet[:31]].freeze_panes(1, 0)
    return path
