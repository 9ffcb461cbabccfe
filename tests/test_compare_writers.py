"""The report files, re-read: the CSV as Excel would, the XLSX cell by cell with openpyxl, the HTML as text."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from compare_data import tables

from nlp.compare.csv_out import write_csv
from nlp.compare.html_out import comparison_html
from nlp.compare.table import build_comparison
from nlp.compare.xlsx_out import FLAGS, PROVENANCE, SUMMARY, write_xlsx


@pytest.fixture(scope="module")
def comparison():
    return build_comparison(tables())


@pytest.fixture(scope="module")
def book(comparison, tmp_path_factory):
    path = write_xlsx(comparison, tmp_path_factory.mktemp("xlsx") / "report.xlsx")
    return openpyxl.load_workbook(path)


# --- CSV -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def csv_rows(comparison, tmp_path_factory):
    path = write_csv(comparison, tmp_path_factory.mktemp("csv") / "report.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


# (community, period, column header, text in the CSV)
CSV_CELLS = [
    ("青松社区", "H1", "党员 party_members", "80"),
    ("青松社区", "H1", "党员 每千人 party_members_per_1000", "20"),
    ("青松社区", "H1", "党员 排名 party_members_rank", "2/3"),
    ("青松社区", "H1", "调解纠纷 disputes_mediated", "≈40"),
    ("青松社区", "H1", "调解纠纷 每千人 disputes_mediated_per_1000", "≈10"),
    ("青松社区", "H1", "低保户 每百户 low_income_households_per_100_households", "2"),
    ("石桥村", "H1", "党员 party_members", "≥100"),
    ("石桥村", "H1", "总人口 population_total", ""),
    ("柳岸社区", "H1", "党员 party_members", "冲突: 47 / 45"),
    ("青松社区", "H2", "志愿服务活动 volunteer_activities", "3–4"),
    ("青松社区", "H2", "调解纠纷 disputes_mediated", ""),
    ("白塔社区", "year", "满意率 satisfaction_rate", "≥90%"),
]


@pytest.mark.parametrize(("community", "period", "header", "text"), CSV_CELLS)
def test_csv_cell(csv_rows, community, period, header, text):
    row = next(r for r in csv_rows if r["社区 community"] == community and r["期间 period"] == period)
    assert row[header] == text


def test_csv_has_one_row_per_community_and_period(csv_rows):
    assert len(csv_rows) == 5
    assert all(v == "" or not v.startswith(("=", "+", "@")) for row in csv_rows for v in row.values())


# --- XLSX ----------------------------------------------------------------------------------------


def _find(sheet, row_values: tuple, header: str):
    """The cell of the summary-like sheet whose key columns start with ``row_values`` under ``header``."""
    headers = {sheet.cell(2, c).value: c for c in range(1, sheet.max_column + 1)}
    for r in range(3, sheet.max_row + 1):
        if tuple(sheet.cell(r, c).value for c in range(1, len(row_values) + 1)) == row_values:
            return sheet.cell(r, headers[header])
    raise AssertionError(f"no row {row_values}")


def test_sheets(book, comparison):
    categories = [f"{cat.zh} {cat.id}" for cat, _ in comparison.groups()]
    assert book.sheetnames == [SUMMARY, *categories, PROVENANCE, FLAGS, "说明 About"]


def test_summary_header_rows(book):
    sheet = book[SUMMARY]
    assert [sheet.cell(1, c).value for c in range(1, 6)] == [
        "社区 community", "年份 year", "期间 period", "街道 street", "community_id"]
    band = {sheet.cell(1, c).value for c in range(6, sheet.max_column + 1)} - {None}
    assert "党的建设 party_building" in band and "基本情况 demographics_basic" in band
    assert sheet.freeze_panes == "B3"


# (community, year, period, header, stored value, number format or None for text)
XLSX_CELLS = [
    ("青松社区", 2023, "H1", "党员 party_members", 80, "#,##0"),
    ("青松社区", 2023, "H1", "调解纠纷 disputes_mediated", 40, '"≈"#,##0'),
    ("石桥村", 2023, "H1", "党员 party_members", 100, '"≥"#,##0'),
    ("青松社区", 2023, "H1", "满意率 satisfaction_rate", 96, '#,##0"%"'),
    ("白塔社区", 2022, "year", "满意率 satisfaction_rate", 90, '"≥"#,##0"%"'),
    ("青松社区", 2023, "H1", "党员 每千人 party_members_per_1000", 20, "0.00"),
    ("青松社区", 2023, "H1", "调解纠纷 每千人 disputes_mediated_per_1000", 10, '"≈"0.00'),
    ("青松社区", 2023, "H1", "党员 排名 party_members_rank", 2, None),
    ("柳岸社区", 2023, "H1", "党员 party_members", "冲突: 47 / 45", None),
    ("青松社区", 2023, "H2", "志愿服务活动 volunteer_activities", "3–4", None),
    ("石桥村", 2023, "H1", "总人口 population_total", None, None),
    ("青松社区", 2023, "H2", "调解纠纷 disputes_mediated", None, None),
]


@pytest.mark.parametrize(("community", "year", "period", "header", "value", "number_format"), XLSX_CELLS)
def test_summary_cell(book, community, year, period, header, value, number_format):
    cell = _find(book[SUMMARY], (community, year, period), header)
    assert cell.value == value
    if number_format is not None:
        assert cell.data_type == "n"
        assert cell.number_format == number_format
    elif value is not None and isinstance(value, str):
        assert cell.data_type == "s"


def test_conflict_is_highlighted_and_approximate_has_its_quote_as_comment(book):
    sheet = book[SUMMARY]
    conflict = _find(sheet, ("柳岸社区", 2023, "H1"), "党员 party_members")
    assert conflict.fill.fgColor.rgb.endswith("F8CBAD")
    assert "社区党员47名" in conflict.comment.text and "另一数值 45" in conflict.comment.text
    approx = _find(sheet, ("青松社区", 2023, "H1"), "调解纠纷 disputes_mediated")
    assert "调解矛盾纠纷40余件" in approx.comment.text
    assert "archive/qingsong_2023h1.txt:12" in approx.comment.text


def test_category_sheet_holds_its_columns_only(book):
    sheet = book["党的建设 party_building"]
    headers = [sheet.cell(2, c).value for c in range(6, sheet.max_column + 1)]
    assert headers == ["党员 party_members", "党员 每千人 party_members_per_1000", "党员 排名 party_members_rank"]
    assert _find(sheet, ("石桥村", 2023, "H1"), "党员 party_members").value == 100


def test_colour_scales_and_widths(book):
    sheet = book[SUMMARY]
    ranges = [str(r.sqref) for r in sheet.conditional_formatting]
    assert ranges and all(r.count(":") == 1 for r in ranges)
    rules = [rule.type for r in sheet.conditional_formatting for rule in r.rules]
    assert set(rules) == {"colorScale"}
    assert sheet.column_dimensions["A"].width >= 10  # 4 Chinese characters + margin


def test_provenance_rows(book):
    sheet = book[PROVENANCE]
    header = [c.value for c in sheet[1]]
    assert header[:11] == ["社区 community", "年份 year", "期间 period", "指标 indicator", "indicator_id", "数值 value",
                           "状态 status", "采用 chosen", "原文 quote", "文件 file", "行 line"]
    rows = [[c.value for c in r][:11] for r in sheet.iter_rows(min_row=2)]
    assert ["柳岸社区", 2023, "H1", "党员", "party_members", "47", "冲突 conflict", "是", "社区党员47名。",
            "archive/liuan_2023h1_v2.docx", 7] in rows
    assert ["柳岸社区", 2023, "H1", "党员", "party_members", "45", "冲突 conflict", "否", "45名",
            "archive/liuan_2023h1.txt", 6] in rows
    assert len(rows) == sum(len(c.sources) for c in build_comparison(tables()).cells.values())


def test_flags_sheet(book):
    rows = [[c.value for c in r] for r in book[FLAGS].iter_rows(min_row=2)]
    assert ["柳岸社区", 2023, "H1", "archive/liuan_2023h1.txt", 6, 1, "ZJ101", "sum_mismatch", "error",
            "分项之和与总数不符"] in rows
    assert len(rows) == 3


def test_no_cell_is_or_can_become_a_formula(book):
    formula_like = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    formula_like.append(cell)
    assert formula_like, "the fixture has a quote that starts with '='"
    assert all(c.quotePrefix for c in formula_like), "Excel's quote prefix keeps it text when edited"
    assert formula_like[0].value == "=SUM(A1:A9) 群众满意率达96%。"  # the quote itself is unchanged


# --- HTML ----------------------------------------------------------------------------------------


def test_html_escapes_document_text_and_loads_nothing(comparison):
    page = comparison_html(comparison)
    assert "<script>alert(1)</script>" not in page
    assert "低保户18户&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # the page's own code
    import re

    assert not re.search(r"https?://|\ssrc=|url\(|@import|rel=\"stylesheet", page), "the page loads nothing"


def test_html_every_figure_links_to_a_source(comparison):
    import re

    page = comparison_html(comparison)
    cited = set(re.findall(r'data-src="(\d+)"', page))
    listed = set(re.findall(r'<li id="src-(\d+)"', page))
    assert cited and cited == listed
    figures = re.findall(r'<a class="fig[^"]*" href="#src-(\d+)"', page)
    assert len(figures) == sum(len(c.sources) if c.status == "conflict" else 1 for c in comparison.cells.values())


def test_html_charts_stay_readable_for_a_large_street():
    import re

    from evaluation.bench_compare import synthetic_tables
    from nlp.compare.html_out import MAX_BARS

    comparison = build_comparison(synthetic_tables(communities=100, periods=1, indicators=5))
    page = comparison_html(comparison)
    chart = re.search(r'<figure class="chart" id="chart-population_total">(.*?)</figure>', page, re.S).group(1)
    assert chart.count('<a class="bar"') == MAX_BARS
    assert "the 40 largest" in chart
    reporting = [c for (r, i), c in comparison.cells.items() if i == "population_total"]
    assert len(reporting) > MAX_BARS
    shown = [float(v) for v in re.findall(r'class="val">≈?([\d.]+)<', chart)]
    assert min(shown) >= sorted((c.number for c in reporting), reverse=True)[MAX_BARS - 1]
