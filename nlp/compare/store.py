"""A minimal read-only reader of a DuckDB store, until the dataset package's ``load`` is merged.

``_read_store(path)`` returns the SPEC section 5 tables it finds as ``dict[str, pandas.DataFrame]``,
the same shape as ``nlp.dataset.load``; the lead swaps it for that function at merge.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from nlp.errors import ZongjieError

TABLES = ("documents", "communities", "sections", "facts", "activities", "flags", "errors", "indicator_values")


def store_file(path: Path) -> Path:
    """The DuckDB file of a dataset: the path itself, or OUT/zongjie.duckdb for a folder (SPEC section 5)."""
    return path / "zongjie.duckdb" if path.is_dir() else path


def _read_store(path: Path) -> dict[str, pd.DataFrame]:
    """Every SPEC table present in the store, read-only."""
    file = store_file(Path(path))
    if not file.is_file():
        raise ZongjieError(f"{path}: no dataset there; build one with `zongjie extract FILES -o {path}`.")
    import duckdb

    try:
        with duckdb.connect(str(file), read_only=True) as con:
            present = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            return {name: con.execute(f'SELECT * FROM "{name}"').df() for name in TABLES if name in present}
    except duckdb.Error as exc:
        raise ZongjieError(f"{file}: not a readable zongjie dataset ({str(exc).splitlines()[0]}).") from None
