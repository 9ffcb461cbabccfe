"""End to end on the five sample documents: `zongjie extract corpus/samples -o d.duckdb`, then
`zongjie compare d.duckdb -o r.xlsx` (and r.html): the 党员 totals sit in party_members, nothing else.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from browser import browser, console_errors, screenshot  # noqa: F401 - browser is a fixture
from typer.testing import CliRunner

from cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"

# The party-member total each sample states (file → value); a sample that states none is absent.
# Parts of the total (预备党员, 在职党员, 党员积极分子, 党员、退役军人代表) must not be there.
PARTY_MEMBER_TOTALS = {
    "000_294416f1f207a5bf.txt": 41,
    "001_8c1b39e27a3093a9.txt": 73,
    "002_9f681ec271aace7d.txt": 20,
    "004_5e771539099cc7dd.txt": 256,
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    pytest.importorskip("nlp.dataset", reason="the dataset package (branch dataset) builds the store")
    folder = tmp_path_factory.mktemp("e2e")
    store = folder / "d.duckdb"
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(SAMPLES), "-o", str(store), "--jobs", "1", "--quiet"])
    assert extracted.exit_code == 0, extracted.output
    for suffix in ("xlsx", "html"):
        result = runner.invoke(app, ["compare", str(store), "-o", str(folder / f"r.{suffix}")])
        assert result.exit_code == 0, result.output
    return folder / "r.xlsx", folder / "r.html"


def _chosen(book, indicator: str) -> dict[str, str]:
    """File name → the value the report shows for ``indicator``, read from the provenance sheet."""
    provenance = book["出处 Provenance"]
    header = [c.value for c in provenance[1]]
    at = {name: header.index(name) for name in ("indicator_id", "数值 value", "采用 chosen", "文件 file")}
    return {
        Path(row[at["文件 file"]]).name: row[at["数值 value"]]
        for row in provenance.iter_rows(min_row=2, values_only=True)
        if row[at["indicator_id"]] == indicator and row[at["采用 chosen"]] == "是"
    }


@pytest.fixture(scope="module")
def book(reports):
    return openpyxl.load_workbook(reports[0])


def test_party_members_holds_totals_and_nothing_else(book):
    chosen = _chosen(book, "party_members")
    assert chosen, "the samples state party-member totals"
    assert {name: value for name, value in chosen.items()} == {
        name: str(PARTY_MEMBER_TOTALS[name]) for name in chosen if name in PARTY_MEMBER_TOTALS}
    assert set(chosen) <= set(PARTY_MEMBER_TOTALS)

    summary = book["汇总 Summary"]
    headers = [summary.cell(2, c).value for c in range(1, summary.max_column + 1)]
    column = headers.index("党员 party_members") + 1
    shown = [summary.cell(r, column).value for r in range(3, summary.max_row + 1)]
    assert sorted(v for v in shown if v is not None) == sorted(int(v) for v in chosen.values())


AMBIGUOUS = pytest.mark.xfail(
    strict=False,
    reason="号召支部党员256名: the mobilised branch members read as the total here; indicator resolution "
    "(branch indicators) may leave this subject without an indicator",
)


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=AMBIGUOUS) if n.startswith("004_") else n for n in PARTY_MEMBER_TOTALS])
def test_each_samples_party_member_total_is_there(book, name):
    assert _chosen(book, "party_members").get(name) == str(PARTY_MEMBER_TOTALS[name])


def test_every_source_has_its_line(book):
    provenance = book["出处 Provenance"]
    at = [c.value for c in provenance[1]].index("行 line")
    lines = [row[at] for row in provenance.iter_rows(min_row=2, values_only=True)]
    assert lines and all(isinstance(line, int) and line > 0 for line in lines)


def test_sample_report_opens_cleanly_in_chromium(browser, reports):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.set_window_size(1400, 1000)
    browser.get(reports[1].resolve().as_uri())
    assert console_errors(browser) == []
    chart = browser.find_element(By.ID, "chart-party_members")
    assert len(chart.find_elements(By.CSS_SELECTOR, "a.bar")) >= len(PARTY_MEMBER_TOTALS) - 1
    screenshot(browser, "compare_samples.png")
