"""How one comparable figure is written in a report cell: qualifier marks, ranges, conflicts.

A cell shows the number with its qualifier (≈ approximate, ≥ at least, ≤ at most, 3–4 for a range,
×× for a masked figure); a conflict shows every distinct candidate. Missing values never reach
this module: a missing cell stays blank, never 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from nlp.output.labels import same_unit

QUALIFIER_MARKS = {"exact": "", "approx": "≈", "at_least": "≥", "at_most": "≤"}
QUALIFIER_WORDS = {
    "exact": "确数 exact",
    "approx": "约数 approximate",
    "at_least": "以上 at least",
    "at_most": "以下 at most",
    "range": "区间 range",
    "masked": "未填 masked",
}
MASKED_TEXT = "××"
CONFLICT_WORD = "冲突"


def format_number(value: float) -> str:
    """A number as a person writes it: no trailing .0, at most two decimals.

    >>> format_number(41.0), format_number(1.8), format_number(0.125), format_number(75000)
    ('41', '1.8', '0.13', '75000')
    """
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    rounded = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded:f}".rstrip("0").rstrip(".")


def figure_text(
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str,
    unit: str = "",
    column_unit: str = "",
) -> str:
    """One figure with its mark; the unit is added for % and when it differs from the column's.

    >>> figure_text(40, 40, None, "approx")
    '≈40'
    >>> figure_text(100, 100, None, "at_least", "人", "人")
    '≥100'
    >>> figure_text(None, 3, 4, "range", "次", "次")
    '3–4'
    >>> figure_text(95, None, None, "exact", "%", "%")
    '95%'
    >>> figure_text(50134, None, None, "exact", "亩", "平方公里")
    '50134亩'
    >>> figure_text(73, None, None, "exact", "人", "名")
    '73'
    >>> figure_text(None, None, None, "masked")
    '××'
    """
    if qualifier == "masked":
        number = MASKED_TEXT
    elif value is None and low is not None and high is not None:
        number = f"{format_number(low)}–{format_number(high)}"
    elif value is None:
        number = format_number(low) if low is not None else MASKED_TEXT
        number = ("≥" if low is not None else "") + number
    else:
        number = QUALIFIER_MARKS.get(qualifier, "") + format_number(value)
    if unit == "%":
        return number + "%"
    if unit and column_unit and not same_unit(unit, column_unit):
        return number + unit
    return number


def conflict_text(candidates: Sequence[str]) -> str:
    """A conflict names every distinct candidate, in order.

    >>> conflict_text(["41", "45", "41"])
    '冲突: 41 / 45'
    """
    distinct = list(dict.fromkeys(candidates))
    return f"{CONFLICT_WORD}: " + " / ".join(distinct)


def numeric(value: float | None, low: float | None, high: float | None, qualifier: str) -> float | None:
    """The number a cell is ranked and charted by: its value; a range or mask has none.

    >>> numeric(40, 40, None, "approx"), numeric(None, 3, 4, "range"), numeric(None, None, None, "masked")
    (40, None, None)
    """
    if qualifier == "masked" or value is None:
        return None
    return value
