"""An activity in a plan is planned but for what the plan states as it is, the same stretches as its
figures (nlp/figures/plan_stretches.py): the review of the year before, what exists, the problems."""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

PLAN = (
    "青桐社区2023年工作计划\n"
    "2022年，社区全年开展文艺演出12场，走访困难家庭80户。\n"
    "2023年，社区将举办健康讲座10场，组织志愿服务活动20次。\n"
    "一、存在问题和下一步打算\n"
    "存在的问题：社区仅开展法律讲座2场，居民参与不多。下一步将开展普法宣传活动6场。\n"
)
SUMMARY_WITH_PLAN = (
    "红星村2022年工作总结\n"
    "一、主要工作\n全年开展文艺演出8场。\n"
    "二、明年工作打算\n"
    "2022年，我村开展健康义诊3次，群众反映良好。\n"
    "明年将组织技能培训4期。\n"
)


@pytest.mark.parametrize(
    ("text", "name", "planned"),
    [
        (PLAN, "文艺演出", False),  # the review of the year before opens its paragraph
        (PLAN, "走访困难家庭", False),
        (PLAN, "健康讲座", True),
        (PLAN, "志愿服务活动", True),
        (PLAN, "法律讲座", False),  # stated as a problem
        (PLAN, "普法宣传活动", True),
        (SUMMARY_WITH_PLAN, "文艺演出", False),
        (SUMMARY_WITH_PLAN, "技能培训", True),
    ],
)
def test_an_activity_is_planned_as_the_figures_beside_it(text: str, name: str, planned: bool) -> None:
    result = parse_text(text)
    found = [a for a in result.activities if a.name == name]
    assert found, [a.name for a in result.activities]
    assert found[0].planned is planned
    figures = [f for f in result.facts if f.section == found[0].section and abs(f.start - found[0].end) <= 3]
    assert all(f.planned is planned for f in figures)
