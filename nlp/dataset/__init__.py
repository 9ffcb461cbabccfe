"""The dataset (SPEC section 5): ``extract`` an archive into DuckDB tables, ``load`` them as pandas
DataFrames, ``export`` them as Parquet, CSV, XLSX or JSON lines.

>>> import nlp.dataset
>>> sorted(nlp.dataset.TABLES)[:3]
['activities', 'communities', 'documents']
"""

from __future__ import annotations

from typing import Any

from nlp.dataset.schema import TABLES

__all__ = ["TABLES", "export", "extract", "load"]


def __getattr__(name: str) -> Any:
    # Lazy, so that importing the schema does not load DuckDB or the pipeline.
    if name == "extract":
        from nlp.dataset.extraction import extract

        return extract
    if name == "load":
        from nlp.dataset.store import load

        return load
    if name == "export":
        from nlp.dataset.exports import export

        return export
    raise AttributeError(name)
