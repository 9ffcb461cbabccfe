"""The comparison table over an invented dataset: cells, marks, conflicts, blanks, per-capita, ranks, filters."""

from __future__ import annotations

import pandas as pd
import pytest
from compare_data import tables

from nlp.compare.table import CompareError, Selection, build_comparison


def _cells(comparison):
    """{(community, year, period, indicator): cell} for reading the table in tests."""
    return {
        (row.community, row.year, row.period, indicator): cell
        for (index, indicator), cell in comparison.cells.items()
        for row in [comparison.rows[index]]
    }


@pytest.fixture(scope="module")
def whole():
    return build_comparison(tables())


# (community, year, period, indicator, shown text, status)
CELL_TEXTS = [
    ("青松社区", 2023, "H1", "party_members", "80", "single"),
    ("青松社区", 2023, "H2", "party_members", "82", "single"),
    ("青松社区", 2023, "H1", "disputes_mediated", "≈40", "single"),
    ("石桥村", 2023, "H1", "party_members", "≥100", "single"),
    ("青松社区", 2023, "H2", "volunteer_activities", "3–4", "single"),
    ("青松社区", 2023, "H1", "satisfaction_rate", "96%", "single"),
    ("白塔社区", 2022, "year", "satisfaction_rate", "≥90%", "single"),
    ("柳岸社区", 2023, "H1", "party_members", "冲突: 47 / 45", "conflict"),
]


@pytest.mark.parametrize(("community", "year", "period", "indicator", "text", "status"), CELL_TEXTS)
def test_cell_shows_value_with_qualifier_mark(whole, community, year, period, indicator, text, status):
    cell = _cells(whole)[(community, year, period, indicator)]
    assert cell.text == text
    assert cell.status == status


def test_one_communitys_periods_are_separate_rows(whole):
    labels = [(r.community, r.year, r.period) for r in whole.rows]
    assert ("青松社区", 2023, "H1") in labels and ("青松社区", 2023, "H2") in labels
    assert len(labels) == len(set(labels)) == 5


# (community, year, period, indicator): no figure given, so no cell: blank, never 0
MISSING = [
    ("青松社区", 2023, "H2", "disputes_mediated"),
    ("石桥村", 2023, "H1", "population_total"),
    ("白塔社区", 2022, "year", "low_income_households"),
]


@pytest.mark.parametrize("key", MISSING)
def test_missing_value_is_no_cell(whole, key):
    assert key not in _cells(whole)


def test_conflict_keeps_every_candidate_with_its_source(whole):
    cell = _cells(whole)[("柳岸社区", 2023, "H1", "party_members")]
    assert cell.value == 47
    assert [(s.text, s.chosen, s.path, s.line) for s in cell.sources] == [
        ("47", True, "archive/liuan_2023h1_v2.docx", 7),
        ("45", False, "archive/liuan_2023h1.txt", 6),
    ]
    assert cell.sources[0].quote == "社区党员47名。"


def test_candidates_are_only_comparable_facts(whole):
    """The planned 90, the female 30 and the district's 3000 are no candidates of the total."""
    shown = {s.text for cell in whole.cells.values() for s in cell.sources}
    assert not {"90", "30", "3000"} & shown


def test_column_headers_group_by_category_with_chinese_labels(whole):
    headers = [(c.category, c.header) for c in whole.columns]
    assert headers[:3] == [
        ("demographics_basic", "总人口 population_total"),
        ("demographics_basic", "总户数 households_total"),
        ("party_building", "党员 party_members"),
    ]
    categories = [c for c, _ in headers]
    assert categories == sorted(categories, key=categories.index), "a category's columns stay together"


# (community, year, period, indicator, per 1,000 residents, per 100 households)
PER_CAPITA = [
    ("青松社区", 2023, "H1", "party_members", 20.0, None),  # 80 / 4000 × 1000
    ("青松社区", 2023, "H1", "low_income_households", 6.25, 2.0),  # 25 / 4000 × 1000; 25 / 1250 × 100
    ("柳岸社区", 2023, "H1", "disputes_mediated", 4.8, None),  # 12 / 2500 × 1000
    ("石桥村", 2023, "H1", "party_members", None, None),  # no population known
    ("青松社区", 2023, "H2", "party_members", None, None),  # population given for H1 only
    ("青松社区", 2023, "H1", "satisfaction_rate", None, None),  # a rate has no per-capita figure
]


@pytest.mark.parametrize(("community", "year", "period", "indicator", "per_1000", "per_100"), PER_CAPITA)
def test_per_capita_only_where_the_base_is_known(whole, community, year, period, indicator, per_1000, per_100):
    cell = _cells(whole)[(community, year, period, indicator)]
    assert cell.per_1000 == (pytest.approx(per_1000) if per_1000 is not None else None)
    assert cell.per_100_households == (pytest.approx(per_100) if per_100 is not None else None)


def test_per_capita_of_an_approximate_figure_is_marked_rough(whole):
    cells = _cells(whole)
    assert cells[("青松社区", 2023, "H1", "disputes_mediated")].derived_rough
    assert not cells[("青松社区", 2023, "H1", "party_members")].derived_rough


def test_rank_is_among_the_same_year_and_period(whole):
    cells = _cells(whole)
    ranks = {c: cells[(c, 2023, "H1", "party_members")].rank for c in ("石桥村", "青松社区", "柳岸社区")}
    assert ranks == {"石桥村": 1, "青松社区": 2, "柳岸社区": 3}
    assert cells[("青松社区", 2023, "H1", "party_members")].ranked == 3
    assert cells[("白塔社区", 2022, "year", "party_members")].rank == 1  # alone in its period
    assert cells[("青松社区", 2023, "H2", "volunteer_activities")].rank is None  # a range is not ranked


# (selection, expected rows as community/year/period, expected indicator columns or None for "any")
FILTERS = [
    (Selection(year=2022), [("白塔社区", 2022, "year")], None),
    (Selection(period="H2"), [("青松社区", 2023, "H2")], None),
    (Selection(street="西山街道"), [("白塔社区", 2022, "year")], None),
    (Selection(street="东湖"), [("柳岸社区", 2023, "H1"), ("石桥村", 2023, "H1"), ("青松社区", 2023, "H1"),
                                ("青松社区", 2023, "H2")], None),
    (Selection(indicators=("satisfaction_rate",)), [("青松社区", 2023, "H1"), ("白塔社区", 2022, "year")],
     ["satisfaction_rate"]),  # 柳岸社区 gives its population, but no satisfaction rate: no row
    (Selection(year=2023, period="H1", indicators=("low_income_households",)),
     [("石桥村", 2023, "H1"), ("青松社区", 2023, "H1")], ["low_income_households"]),
]


@pytest.mark.parametrize(("selection", "rows", "columns"), FILTERS)
def test_filters(selection, rows, columns):
    comparison = build_comparison(tables(), selection)
    assert [(r.community, r.year, r.period) for r in comparison.rows] == rows
    if columns is not None:
        assert [c.indicator for c in comparison.columns] == columns


def test_indicator_filter_keeps_per_capita_figures():
    comparison = build_comparison(tables(), Selection(indicators=("low_income_households",)))
    cells = _cells(comparison)
    assert cells[("青松社区", 2023, "H1", "low_income_households")].per_100_households == pytest.approx(2.0)
    assert "population_total" not in {c.indicator for c in comparison.columns}


def test_flags_follow_the_selection():
    comparison = build_comparison(tables(), Selection(street="西山街道"))
    assert [(f.community, f.code) for f in comparison.flags] == [("白塔社区", "ZJ204")]


BAD_SELECTIONS = [
    (Selection(period="H3"), "--period"),
    (Selection(indicators=("party_member",)), "party_member"),
    (Selection(year=1999), "no comparable figures"),
]


@pytest.mark.parametrize(("selection", "message"), BAD_SELECTIONS)
def test_bad_selection_is_one_clear_error(selection, message):
    with pytest.raises(CompareError, match=message):
        build_comparison(tables(), selection)


def test_store_without_breakdown_scope_or_line_columns_still_compares():
    """A store written before facts had breakdown/scope (and without the extra line column)."""
    data = tables()
    data["facts"] = data["facts"].drop(columns=["breakdown", "scope", "line"])
    cell = _cells(build_comparison(data))[("柳岸社区", 2023, "H1", "party_members")]
    assert cell.sources[0].line is None
    assert len(cell.sources) == 3  # without scope, the district's 3000 cannot be told apart


def test_nan_and_missing_tables_are_tolerated():
    data = {"indicator_values": tables()["indicator_values"].astype(object)}
    data["indicator_values"].loc[0, "low"] = float("nan")
    comparison = build_comparison(data)
    # no communities table: the id stands in for the name
    assert {r.community for r in comparison.rows} == {"c-qs", "c-la", "c-sq", "c-bt"}
    assert comparison.flags == ()


def test_empty_indicator_values_is_an_error():
    with pytest.raises(CompareError):
        build_comparison({"indicator_values": pd.DataFrame(columns=["community_id", "indicator"])})
