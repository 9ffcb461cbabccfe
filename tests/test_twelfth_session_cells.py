"""Which figures are candidates of a comparison cell (session 12, branch cells13), on invented report
sentences in the genre's style (none taken from a corpus document):

- a figure per year (每年召开…4次) is a rule of how often, no candidate, as one per month (GUIDELINES,
  the gold12 audit's call 3), while the period's total beside it is;
- rule ``reached_value``: the earlier period (上年, 去年, 2021年) that dates a change's start value
  (由上年的88%…) is not the period of the value the change reaches (…提高到95%): that one is the
  report's own, a candidate; the start value stays none.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

COMMUNITY = "白杨社区2023年工作总结\n"


def _resolved(text: str, figure: str) -> tuple[str | None, dict | None]:
    fact = next(f for f in parse_text(COMMUNITY + text).facts if f.text == figure)
    return fact.indicator, fact.breakdown


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        # how often: per year, beside the year's total
        ("社区规定每年召开居民代表大会4次，全年实际召开居民代表大会6次。", "4次", None),
        ("社区规定每年召开居民代表大会4次，全年实际召开居民代表大会6次。", "6次", "residents_meetings"),
        ("村里每年举办健康讲座3场。", "3场", None),
        # the value a change reaches after an earlier period's start value
        ("经第三方测评，群众满意率由上年的90%提高到97%。", "97%", "satisfaction_rate"),
        ("经第三方测评，群众满意率由上年的90%提高到97%。", "90%", None),
        ("社区在册志愿者由去年的140名增加到205名。", "205名", "volunteers"),
        ("社区党员由2020年的58名增加到64名。", "64名", "party_members"),
        ("社区党员由2020年的58名增加到64名。", "58名", None),
        # a per-head standard stays one after the change (the start value is per month, so is the end)
        ("城市低保标准由每人每月450元提高到500元。", "500元", None),
        # an earlier period before the change's start is still the whole clause's (去年同期: no change)
        ("今年辖区刑事案件去年同期发案12起。", "12起", None),
    ],
)
def test_candidates_of_a_cell(text: str, figure: str, indicator: str | None) -> None:
    assert _resolved(text, figure) == (indicator, None)
