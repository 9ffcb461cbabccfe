"""Quoted names before a figure, kinds read across quotes, and the clean-up synonyms (ind11).

Sentences written for these tests in the style of a community report.
"""

import pytest
from fact_helpers import fact_at

COMMUNITY = "桂园社区2024年工作总结\n"

# (sentence, figure, indicator, breakdown)
CASES = [
    # rule "quoted name before the figure": the quoted title is what is counted
    ("年底评选“最美家庭”6户，在社区宣传栏展示。", "6户", "model_families", None),
    ("通过居民推荐评出“五好家庭”9户。", "9户", "model_families", None),
    # an honour title that names no honour measure leaves the figure without indicator
    ("评出“优秀楼栋长”8名，颁发证书。", "8名", None, None),
    ("表彰“优秀志愿者”25名。", "25名", None, None),
    # the setting of a clean-up and who joined it make no kind of campaign
    ("组织干部群众大扫除7次，清运垃圾30吨。", "7次", "sanitation_campaigns", None),
    ("开展市容环境集中整治行动15次。", "15次", "sanitation_campaigns", None),
    # new synonyms, each with an example of its own
    ("沿街补种银杏树140棵。", "140棵", "trees_planted", None),
    ("在小游园补植花木650株。", "650株", "trees_planted", None),
    ("辖区有驻社区单位17家。", "17家", "resident_units", None),
    ("辖区内机关企事业单位共29家。", "29家", "resident_units", None),
]


def _fact(text: str, figure: str):
    return fact_at(COMMUNITY, text, figure)


@pytest.mark.parametrize(("text", "figure", "indicator", "breakdown"), CASES)
def test_quoted_names_and_synonyms(text, figure, indicator, breakdown):
    fact = _fact(text, figure)
    assert fact.indicator == indicator
    assert (dict(fact.breakdown) if fact.breakdown else None) == breakdown


def test_a_named_campaign_keeps_its_quotes_paired():
    fact = _fact("开展“美丽楼道”集中整治行动4次。", "4次")
    assert fact.indicator == "sanitation_campaigns"
    assert fact.breakdown is not None and fact.breakdown["kind"].count("“") == fact.breakdown["kind"].count("”")


def test_a_kind_begun_inside_quotes_loses_the_stray_mark():
    fact = _fact("村党支部开展“惠民政策大宣讲”9场。", "9场")
    assert fact.indicator == "activities_held"
    assert fact.breakdown is not None and "“" not in fact.breakdown["kind"] and "”" not in fact.breakdown["kind"]
