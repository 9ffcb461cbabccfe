"""The HTML pages in headless Chromium: no console errors, charts drawn, a click shows the sentence.

Skipped (with the reason) when /usr/bin/chromium, /usr/bin/chromedriver or selenium is missing.
Screenshots are written to out/artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest
from browser import browser, console_errors, screenshot  # noqa: F401 - browser is a fixture
from compare_data import tables
from test_review_html import HOSTILE

from nlp.compare.html_out import write_html
from nlp.compare.table import build_comparison
from nlp.output.review_html import write_review
from nlp.pipeline import parse_text


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    comparison = build_comparison(tables())
    return comparison, write_html(comparison, tmp_path_factory.mktemp("html") / "report.html")


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    result = parse_text(HOSTILE)
    return result, write_review(result, tmp_path_factory.mktemp("html") / "review.html")


def _open(driver, path):
    driver.set_window_size(1400, 1000)
    driver.get(path.resolve().as_uri())
    driver.get_log("browser")  # drop what an earlier page left
    driver.refresh()


def _size(driver, element) -> tuple[float, float]:
    box = driver.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", element)
    return box[0], box[1]


def test_report_renders_without_console_errors(browser, report):  # noqa: F811
    from selenium.webdriver.common.by import By

    comparison, path = report
    _open(browser, path)
    assert browser.find_element(By.ID, "matrix").is_displayed()
    assert console_errors(browser) == []


def test_report_charts_are_drawn(browser, report):  # noqa: F811
    from selenium.webdriver.common.by import By

    comparison, path = report
    _open(browser, path)
    charts = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg.bars")
    assert len(charts) == len(comparison.columns)
    for chart in charts:
        width, height = _size(browser, chart)
        assert width > 100 and height > 10
        bars = chart.find_elements(By.CSS_SELECTOR, "rect")
        assert bars and all(_size(browser, bar)[0] > 0 for bar in bars)
    heat = browser.find_element(By.CSS_SELECTOR, "svg.heat")
    assert min(_size(browser, heat)) > 50
    assert len(heat.find_elements(By.CSS_SELECTOR, "rect")) == len(comparison.rows) * len(comparison.groups())


def test_clicking_a_figure_shows_its_sentence(browser, report):  # noqa: F811
    from selenium.webdriver.common.by import By

    _comparison, path = report
    _open(browser, path)
    panel = browser.find_element(By.ID, "panel")
    assert not panel.is_displayed()
    row = browser.find_element(By.ID, "row-2")  # 青松社区 2023 H1
    figure = next(a for a in row.find_elements(By.CSS_SELECTOR, "a.fig") if a.text == "≈40")
    figure.click()
    assert panel.is_displayed()
    assert "调解矛盾纠纷40余件。" in panel.text
    assert "archive/qingsong_2023h1.txt:12" in panel.text
    browser.find_element(By.ID, "panel-close").click()
    assert not panel.is_displayed()


def test_clicking_a_bar_shows_its_sentence_and_markup_stays_text(browser, report):  # noqa: F811
    from selenium.webdriver.common.by import By

    _comparison, path = report
    _open(browser, path)
    chart = browser.find_element(By.ID, "chart-low_income_households")
    browser.execute_script("arguments[0].scrollIntoView()", chart)
    bar = chart.find_elements(By.CSS_SELECTOR, "a.bar rect")[0]
    bar.click()
    panel = browser.find_element(By.ID, "panel")
    assert panel.is_displayed()
    assert "低保户18户<script>alert(1)</script>" in panel.text  # shown, not run
    assert console_errors(browser) == []
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "compare_report.png")


def test_review_page_renders_and_a_fact_explains_itself(browser, review):  # noqa: F811
    from selenium.webdriver.common.by import By

    result, path = review
    _open(browser, path)
    assert console_errors(browser) == []
    text = browser.find_element(By.ID, "text")
    assert '<script>alert("x")</script>' in text.text  # the document's markup, shown as text
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.fact")
    assert {m.get_attribute("data-fact") for m in marks} == {str(f.id) for f in result.facts}
    members = next(m for m in marks if m.text == "52名")
    members.click()
    panel = browser.find_element(By.ID, "panel")
    assert panel.is_displayed() and "党员 (party_members)" in panel.text
    assert "chosen" in members.get_attribute("class")
    browser.find_element(By.CSS_SELECTOR, '#outline a[href="#sec-1"]').click()
    assert browser.execute_script("return location.hash") == "#sec-1"
    assert browser.find_elements(By.CSS_SELECTOR, "span.flag"), "flags are underlined"
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "review_page.png", full_page=False)
