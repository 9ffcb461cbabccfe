"""Reading the dataset's DataFrames defensively: missing tables or columns, NaN as None, types.

The comparison reads the SPEC section 5 tables as ``dict[str, pandas.DataFrame]``. Columns a
store does not have yet (a fact's ``breakdown``/``scope`` before they existed, a ``line``) read as
their default, so an older store still compares.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd


def records(tables: Mapping[str, pd.DataFrame], name: str, defaults: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The rows of one table as plain dicts, NaN/NA as None, each default filled where absent."""
    frame = tables.get(name)
    if frame is None or frame.empty:
        return []
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row in rows:
        for key, value in defaults.items():
            if row.get(key) is None:
                row[key] = value
    return rows


def as_int(value: Any) -> int | None:
    """A year or line number as int, whatever pandas made of it.

    >>> as_int(2022.0), as_int("2023"), as_int(None), as_int(float("nan")), as_int("")
    (2022, 2023, None, None, None)
    """
    if value is None or value == "":
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def as_float(value: Any) -> float | None:
    """
    >>> as_float("41"), as_float(None), as_float(float("nan"))
    (41.0, None, None)
    """
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def is_whole(breakdown: Any) -> bool:
    """True when a fact counts the whole measure: breakdown null, empty, or a JSON null.

    >>> is_whole(None), is_whole("null"), is_whole("{}"), is_whole({"sex": "女"}), is_whole('{"change": "新增"}')
    (True, True, True, False, False)
    """
    if breakdown is None:
        return True
    if isinstance(breakdown, str):
        text = breakdown.strip()
        if text in ("", "null", "None", "{}"):
            return True
        try:
            breakdown = json.loads(text)
        except ValueError:
            return False
    if isinstance(breakdown, Mapping):
        return not breakdown
    if isinstance(breakdown, Iterable):
        return not list(breakdown)
    return False


def truthy(value: Any) -> bool:
    """A boolean column as stored by DuckDB, pandas or a CSV.

    >>> truthy(True), truthy("false"), truthy(0), truthy(None), truthy("1")
    (True, False, False, False, True)
    """
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "t", "yes")
    return bool(value) if value is not None else False
