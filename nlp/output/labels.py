"""Names and colours people see: work categories (categories.csv) and indicators (indicators.csv).

Both tables are data in nlp/resources/ and may be extended through ZONGJIE_RESOURCES; an indicator
or category id that is not in them is shown by its id, in the category ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.errors import ResourceError
from nlp.resources import load_csv, load_toml

_CATEGORIES = "categories.csv"
_INDICATORS = "indicators.csv"
_UNIT_GROUPS = "unit_groups.csv"
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class CategoryLabel:
    id: str
    zh: str
    en: str
    colour: str
    order: int


@dataclass(frozen=True)
class IndicatorLabel:
    id: str
    zh: str
    en: str
    category: str
    unit: str  # the first unit the table lists: the one a column is headed with
    order: int


@cache
def category_labels() -> dict[str, CategoryLabel]:
    """Every work category in display order (the order of SPEC section 3's table)."""
    labels: dict[str, CategoryLabel] = {}
    for line, row in load_csv(_CATEGORIES, ("id", "label_zh", "label_en", "colour", "example")):
        if row["id"] in labels:
            raise ResourceError(_CATEGORIES, line, f"duplicate category id {row['id']!r}")
        if not _COLOUR.fullmatch(row["colour"]):
            raise ResourceError(_CATEGORIES, line, f"colour {row['colour']!r} is not #rrggbb")
        labels[row["id"]] = CategoryLabel(row["id"], row["label_zh"], row["label_en"], row["colour"], len(labels))
    return labels


@cache
def indicator_labels() -> dict[str, IndicatorLabel]:
    """Every indicator of indicators.csv, in file order."""
    labels: dict[str, IndicatorLabel] = {}
    for _line, row in load_csv(_INDICATORS, ("id", "label_zh", "label_en", "units", "category")):
        if row["id"] not in labels:
            unit = next((u for u in row["units"].split("|") if u), "")
            labels[row["id"]] = IndicatorLabel(
                row["id"], row["label_zh"], row["label_en"], row["category"], unit, len(labels)
            )
    return labels


def category(category_id: str | None) -> CategoryLabel:
    """The label of a category id; unknown ids fall back to ``other``.

    >>> category("party_building").zh
    '党的建设'
    >>> category("no_such_thing").id
    'other'
    """
    labels = category_labels()
    return labels.get(category_id or "other") or labels["other"]


def indicator(indicator_id: str) -> IndicatorLabel:
    """The label of an indicator id; an unknown id is labelled by itself, in ``other``.

    >>> indicator("party_members").zh, indicator("party_members").category
    ('党员', 'party_building')
    >>> indicator("my_own_measure").zh
    'my_own_measure'
    """
    known = indicator_labels().get(indicator_id)
    if known is not None:
        return known
    return IndicatorLabel(indicator_id, indicator_id, indicator_id, "other", "", 10_000)


@cache
def unit_groups() -> dict[str, str]:
    """Units that count the same thing (名 and 人 both count persons), by unit."""
    return {row["unit"]: row["group"] for _line, row in load_csv(_UNIT_GROUPS, ("unit", "group", "example"))}


def same_unit(a: str, b: str) -> bool:
    """Whether two units of one indicator count the same thing, so need not be told apart.

    >>> same_unit("名", "人"), same_unit("件", "起"), same_unit("户", "人"), same_unit("亩", "亩")
    (True, True, False, True)
    """
    if a == b:
        return True
    groups = unit_groups()
    return a in groups and groups.get(a) == groups.get(b)


@cache
def _unit_kinds() -> dict[str, str]:
    return {unit["name"]: unit.get("kind", "other") for unit in load_toml("units.toml").get("unit", [])}


def unit_kind(unit: str) -> str:
    """What a unit measures, from units.toml: count, money, area, rate, … (``other`` when unknown).

    >>> unit_kind("名"), unit_kind("元"), unit_kind("平方米"), unit_kind("%"), unit_kind("")
    ('count', 'money', 'area', 'rate', 'other')
    """
    return _unit_kinds().get(unit, "other")
