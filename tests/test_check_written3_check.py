"""The checker on the shapes the third batch's check half showed (round 2, issue 12).

Invented passages in the style of a community report. ``QUIET``: a count followed by what those
counted did (我社区有N人入选) states no population, and a rate right after a 其中 list is a share
of the list's whole, not of its last part, and a rate restating last year in a parenthesis is of
the counts beside it — none may raise an error or a warning. ``FIRES``:
a planted error of each shape with a twin that agrees.
"""

from __future__ import annotations

import pytest
from check_helpers import flags_of as check_flags
from check_helpers import loud as loud_flags

from nlp.checks import check_document
from nlp.pipeline import parse_text

TITLE = "柳塘社区2021年工作总结\n一、主要工作\n"



def flags_of(body: str) -> tuple:
    return check_flags(TITLE, body)


def loud(body: str) -> list[str]:
    return loud_flags(TITLE, body)


QUIET = {
    # count_then_predicate: those who did something, counted with 有, are no population
    "persons chosen, then members": "全区评选优秀志愿者50名，我社区有4人入选。社区现有党员218名，其中女党员96名。",
    "households taking part, then residents": "本村有9户参加文明家庭评选。全年走访群众430人次，慰问困难群众126人。",
    "persons awarded in the community": "本社区有3人获评区级优秀网格员，组织网格员培训4期，参训人员88人次。",
    # whole_of_part: a rate after a 其中 list is of the whole
    "a compliance rate after births by order": "全年出生人口61人，其中一孩40人、二孩21人，政策符合率98.4%。",
    "a completion rate after the kinds of cases": "共受理居民诉求212件，其中环境类95件、物业类117件。已办结208件，办结率98.1%。",
    "a satisfaction rate after the kinds of visits": "全年走访居民户共163户，其中独居老人户58户、困难户105户，满意率98.8%。",
    # a rate restating last year in a parenthesis is of the counts beside it, not of this year's
    "last year's success rate in a parenthesis": "全年调解纠纷64起，调解成功62起，成功率96.9%（上年为58起，成功55起，成功率94.8%）。",
    "last year's completion rate in a parenthesis": "受理居民诉求150件，办结147件，办结率98%（去年同期受理120件，办结率95%）。",
}


@pytest.mark.parametrize("body", QUIET.values(), ids=QUIET.keys())
def test_no_false_error(body: str) -> None:
    assert loud(body) == []


FIRES = {
    # the population still states itself: a figure larger than it is still implausible
    "a stated population with a predicate elsewhere": (
        "社区有居民6人。我社区有4人入选优秀志愿者，全年慰问困难群众126人。",
        "implausible_magnitude",
        True,
    ),
    # whole_of_part: the whole becomes the base, so a wrong rate over it is found
    "completion over the whole, wrong": (
        "共受理居民诉求212件，其中环境类95件、物业类117件。已办结200件，办结率98.1%。",
        "rate_mismatch",
        True,
    ),
    "completion over the whole, right": (
        "共受理居民诉求212件，其中环境类95件、物业类117件。已办结208件，办结率98.1%。",
        "rate_mismatch",
        False,
    ),
    "compliance over the births, impossible": (
        "全年出生人口61人，其中一孩40人、二孩21人，政策符合率98.2%。",
        "rate_impossible",
        True,
    ),
    "last year's rate in a parenthesis, wrong over its own counts": (
        "全年调解纠纷64起，调解成功62起，成功率96.9%（上年为58起，成功55起，成功率90.2%）。",
        "rate_mismatch",
        True,
    ),
    # a placeholder spaced apart from its unit, as figures are in some reports
    "a placeholder spaced before persons": ("为辖区高龄老人办理津贴，享受人数 xx 人。", "masked_figure", True),
    "stars spaced before households": ("党员干部走访群众 *** 户，收集意见建议36条。", "masked_figure", True),
    "a figure spaced before households": ("党员干部走访群众 126 户，收集意见建议36条。", "masked_figure", False),
    "a spaced placeholder with no unit": ("由 xx 同志负责联系，按月报送。", "masked_figure", False),
    # birth_order: first children and second or more split the mothers or the births
    "mothers by birth order, short": (
        "辖区已婚育龄妇女1290人，其中一孩育龄妇女710人、二孩及以上育龄妇女560人。",
        "sum_mismatch",
        True,
    ),
    "mothers by birth order, adding up": (
        "辖区已婚育龄妇女1270人，其中一孩育龄妇女710人、二孩及以上育龄妇女560人。",
        "sum_mismatch",
        False,
    ),
    "first and second children are no partition": ("全年出生人口48人，其中一孩30人、二孩16人。", "sum_mismatch", False),
}


@pytest.mark.parametrize("body,name,fires", FIRES.values(), ids=FIRES.keys())
def test_planted_error_shapes(body: str, name: str, fires: bool) -> None:
    assert (name in {f.name for f in flags_of(body)}) is fires


# framing_part_of_year: (title, opening, fires) — the opening's 如下 sentence against the title
FRAMINGS = {
    "a year's report framed as months 1-6": ("青桐社区2022年工作汇报", "现将社区1—6月份工作情况汇报如下。", True),
    "a year's summary framed as the first half": ("青桐社区2022年工作总结", "今年以来，社区扎实推进各项工作，现将上半年工作总结如下：", True),
    "a year's summary framed as the third quarter": ("青桐社区2022年工作总结", "现将第三季度主要工作报告如下。", True),
    "a year's summary framed as the year": ("青桐社区2022年工作总结", "现将一年来的工作总结如下。", False),
    "a half-year's summary framed as the half": ("青桐社区2022年上半年工作总结", "现将上半年工作总结如下。", False),
    "months 1-9 name no period": ("青桐社区2022年工作总结", "现将1—9月份工作总结如下。", False),
    "a plan reviewing the first half": ("青桐社区2023年工作计划", "现将上半年工作回顾及下步计划汇报如下。", False),
}


@pytest.mark.parametrize("title,opening,fires", FRAMINGS.values(), ids=FRAMINGS.keys())
def test_framing_part_of_year(title: str, opening: str, fires: bool) -> None:
    text = f"{title}\n\n{opening}\n一、党建工作\n全年召开党员大会4次，发展党员2名。\n二、民生服务\n走访困难家庭36户。\n"
    flagged = [f for f in check_document(parse_text(text)) if f.name == "period_mismatch"]
    assert bool(flagged) is fires
    if fires:
        assert "如下" in text[flagged[0].start : flagged[0].end]
