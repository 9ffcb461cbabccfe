"""A kind made only of the measure's own words is the whole (cells17, rule ``own_words_kind``).

GUIDELINES (facts, call 4 of the investment/campaign calls): an unnamed campaign
(环境卫生集中整治N次) is whole; a named one (quoted) is one kind. More generally a modifier that only
repeats pieces of the measure's own names (卫生 of 卫生整治, 居家养老 of 居家养老服务, 项目 of 项目资金)
names no sort of it. Controls: a modifier of another word (家庭纠纷, 文艺演出, 重点项目) stays a kind.

Sentences written for these tests in the style of a community report; the expectations were
committed before the rule was written.
"""

import pytest
from fact_helpers import fact_at

COMMUNITY = "枫林社区2023年工作总结\n"

# (sentence, figure, indicator, breakdown)
CASES = [
    ("全年组织环境卫生大扫除14次，清理卫生死角60余处。", "14次", "sanitation_campaigns", None),
    ("社区开展卫生大扫除7次。", "7次", "sanitation_campaigns", None),
    ("开展大扫除和卫生整治行动11次。", "11次", "sanitation_campaigns", None),
    ("为辖区高龄独居老人提供居家养老上门服务620人次。", "620人次", "home_care_services", None),
    ("全年落实项目资金185万元。", "185万元", "investment_yuan", None),
    # controls: a modifier of its own stays a kind
    ("开展“清洁家园”清扫行动6次。", "6次", "sanitation_campaigns", {"kind": "清洁家园"}),
    ("举办文艺演出4场。", "4场", "activities_held", {"kind": "文艺演出"}),
    ("调解家庭纠纷13起。", "13起", "disputes_mediated", {"kind": "家庭纠纷"}),
]


@pytest.mark.parametrize(("text", "figure", "indicator", "breakdown"), CASES)
def test_own_words_kind(text, figure, indicator, breakdown):
    fact = fact_at(COMMUNITY, text, figure)
    assert fact.indicator == indicator
    assert fact.breakdown == breakdown
