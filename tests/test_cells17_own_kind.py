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


# Rule ``others_revenue`` (cells17; expectations committed before the rule): the revenue of the
# government (财政, 预算, 税收) or of businesses and trades (营业, 旅游, 销售) is not the income measure,
# which counts what residents or the collective earn (the long reports' and written gold: null for
# 财政收入, 一般公共预算收入, 旅游收入, 营业收入; income_yuan for 集体经济收入, 人均纯收入).
REVENUE = [
    ("全镇完成财政收入2.4亿元。", "2.4亿元", None),
    ("全镇地方财政收入8600万元。", "8600万元", None),
    ("实现旅游收入12.5亿元。", "12.5亿元", None),
    ("规上企业营业收入达到30亿元。", "30亿元", None),
    ("农产品销售收入达到460万元。", "460万元", None),
    # controls: the residents' and the collective's income stays
    ("村集体经济收入达到16万元。", "16万元", "income_yuan"),
    ("全村人均纯收入9100元。", "9100元", "income_yuan"),
    ("村集体经营性收入达到23万元。", "23万元", "income_yuan"),
]


@pytest.mark.parametrize(("text", "figure", "indicator"), REVENUE)
def test_others_revenue(text, figure, indicator):
    assert fact_at("青山镇2023年工作总结\n", text, figure).indicator == indicator


# Rule ``acted_on_stock`` (cells17; expectations committed before the rule): a count of enterprises
# that an act is done to (closed, helped, inspected, brought in) is not the unit's stock of them; a verb
# of having, founding or reaching keeps it (the long reports' and written gold: 关停…企业, 取缔…企业,
# 向230家企业, 帮助辖区186家企业, 引进…公司1家 null; 有企业3个, 新增…企业, 增长到36家 enterprises).
ACTED_ON = [
    ("依法关停污染企业37家。", "37家", None),
    ("帮助辖区94家企业办理复工手续。", "94家", None),
    ("对辖区56家重点企业开展消防检查。", "56家", None),
    ("年内引进企业3家。", "3家", None),
    # controls: the stock and its change stay
    ("辖区有企业46家。", "46家", "enterprises"),
    ("新增个体工商户58户。", "58户", "enterprises"),
    ("全村共有农民专业合作社5家。", "5家", "enterprises"),
    pytest.param("规上工业企业增长到23家。", "23家", "enterprises", marks=pytest.mark.xfail(
        strict=True, reason="the subject reader takes 增长 for the counted noun (cells15's 'a subject that runs on "
        "into a verb'): no measure before this rule runs; left for the subject reader")),
]


@pytest.mark.parametrize(("text", "figure", "indicator"), ACTED_ON)
def test_acted_on_stock(text, figure, indicator):
    assert fact_at("青山镇2023年工作总结\n", text, figure).indicator == indicator


# Rule ``role_not_place`` (cells17; expectations committed before the rule): a place kind that a person
# suffix follows names a role, not a place (专职网格员, 楼栋长): the figure stays the unit's (the written
# gold: 专职网格员12名, 专兼职网格员11名 grid_workers, scope unit). A named place still owns its figures.
ROLES = [
    ("社区有专职网格员9名。", "9名", "unit"),
    ("全社区配备专兼职网格员14名。", "14名", "unit"),
    ("社区有楼栋长46名。", "46名", "unit"),
    ("丽景小区有党员25名。", "25名", "part"),
]


@pytest.mark.parametrize(("text", "figure", "scope"), ROLES)
def test_role_not_place(text, figure, scope):
    assert fact_at(COMMUNITY, text, figure).scope.value == scope


def test_both_kinds_of_grid_workers_are_the_whole():
    # found by the snapshot after role_not_place: the place reading had hidden the modifier 专兼职, which
    # the closed measure then refused; 专兼职网格员 (both kinds together) is a synonym now
    fact = fact_at(COMMUNITY, "全社区配备专兼职网格员14名。", "14名")
    assert (fact.indicator, fact.breakdown) == ("grid_workers", None)
