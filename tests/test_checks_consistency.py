"""ZJ3xx consistency checks, the registry entries of every figure rule, and check_document.

Every text here is invented in the style of a community 工作总结.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from nlp.checks import check_document
from nlp.checks.standing import scope_key
from nlp.pipeline import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
RULE_NAMES = ("conflicting_values", "period_mismatch", "approximate_figure")
FIGURE_RULES = {
    "ZJ101": "sum_mismatch",
    "ZJ102": "subset_exceeds_total",
    "ZJ103": "implausible_magnitude",
    "ZJ201": "rate_out_of_range",
    "ZJ202": "rate_impossible",
    "ZJ203": "rate_mismatch",
    "ZJ204": "unsupported_rate",
    "ZJ301": "conflicting_values",
    "ZJ302": "period_mismatch",
    "ZJ303": "approximate_figure",
}


@functools.cache
def flags_of(text: str, name: str) -> tuple:
    return tuple(f for f in check_document(parse_text(text)) if f.name == name)


CONFLICTS = {
    "two standing counts": ("社区现有党员48名。……社区共有党员52名。", True),
    "same value twice": ("社区现有党员48名。……社区共有党员48名。", False),
    "a sub-unit is another scope": ("社区现有党员48名。第一网格现有党员12名。", False),
    "activity counts are not standing figures": ("开展主题党日活动10次。开展主题党日活动12次。", False),
    "newly admitted members": ("社区现有党员48名。今年新发展党员3名。", False),
    "approximate readings overlap": ("社区现有居民1200余户。社区共有居民1250户。", False),
    "a counted thing with no indicator (口)": ("村内现有灌溉机井9口。……全村共有灌溉机井13口。", True),
    "a noun then 共": ("辖区现有公共厕所6座。……目前全社区公共厕所共8座。", True),
    "the document's own scope words differ": ("社区现有调解小组3个。……村里共有调解小组5个。", True),
    "a city's figure beside the community's": ("全市现有调解小组900个。……本社区现有调解小组5个。", False),
    "an activity count with 共": ("全年开展巡逻活动共40次。……今年开展巡逻活动共36次。", False),
    "a parenthesis about last year": ("社区现有党员48名（上年现有党员45名）。", False),
    "a wider area's figure is another scope": ("社区现有低保户48户。……全市共有低保户5200户。", False),
    "a part is another column": ("社区现有党员48名。……社区现有女党员16名。", False),
}


@pytest.mark.parametrize("body,fires", list(CONFLICTS.values()), ids=list(CONFLICTS))
def test_conflicting_values_cases(body, fires):
    text = "青禾社区2022年工作总结\n一、基本情况\n" + body.replace("……", "\n二、党的建设\n")
    assert bool(flags_of(text, "conflicting_values")) == fires


PERIODS = {
    "body reports another year": ("河畔社区2021年工作总结\n2019年社区开展活动8次。2019年发展党员2名。", True),
    "body reports the title year": (
        "河畔社区2021年工作总结\n2021年社区开展活动8次。2021年发展党员2名。",
        False,
    ),
    "a plan reviews the year before": (
        "河畔社区2021年工作计划\n2020年社区开展活动8次。2020年发展党员2名。",
        False,
    ),
    "one mention is not enough": ("河畔社区2021年工作总结\n社区开展活动8次。2019年发展党员2名。", False),
    "since-year is history": (
        "河畔社区2021年工作总结\n2015年以来开展活动80次，2015年以来发展党员20名。",
        False,
    ),
    "no year in the title": ("河畔社区工作总结\n2019年社区开展活动8次。2019年发展党员2名。", False),
}


@pytest.mark.parametrize("text,fires", list(PERIODS.values()), ids=list(PERIODS))
def test_period_mismatch_cases(text, fires):
    flags = flags_of(text, "period_mismatch")
    assert bool(flags) == fires
    if fires:
        assert "2021" in flags[0].message and "2019" in flags[0].message


@pytest.mark.parametrize(
    "label,key",
    [("社区现有党员", "党员"), ("全村共有党员", "党员"), ("一组现有党员", "一组党员"), ("发展党员", None)],
)
def test_scope_key(label, key):
    assert scope_key(label) == key


def test_select_and_ignore():
    text = (FIXTURES / "rate_mismatch_fires.txt").read_text(encoding="utf-8")
    p = parse_text(text)
    assert {f.name for f in check_document(p, select=("ZJ2",))} <= {
        n for c, n in FIGURE_RULES.items() if c.startswith("ZJ2")
    }
    assert "rate_mismatch" not in {f.name for f in check_document(p, ignore=("rate_mismatch",))}
    flags = check_document(p)
    assert [f.start for f in flags] == sorted(f.start for f in flags)
    for f in flags:
        assert 0 <= f.start <= f.end <= len(text) and f.line >= 1 and f.col >= 1
