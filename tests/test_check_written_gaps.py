"""The checker on the kinds of gold flag the written reports showed it missing (issue 12): a
period's total after its months, a count of copies left out, and a list of kinds closed by the rest. Invented passages in a report's
style; each firing case has quiet twins (adding up, months that make up no period, a unit that ends
a word, a vague amount).

Rules: ``months_of_period`` (nlp/checks/period_sums.py, sum_mismatch; partitions.toml
[period_sums]), the count gap of nlp/checks/gaps.py (missing_figure; surface.toml count_gap_*) and
``residual_kind`` (nlp/checks/lists.py, sum_mismatch; partitions.toml [kinds] residual_kinds).
"""

from __future__ import annotations

import pytest
from check_helpers import flags_of

QUARTER = "柳塘社区2022年第四季度工作总结\n一、主要工作\n"
HALF = "柳塘社区2022年上半年工作总结\n一、主要工作\n"

MONTHS = {
    "a quarter's participants, short": (
        QUARTER,
        "10月份开展宣讲6场，参与居民520人次。11月份开展消防演练2场，参与居民380人次。12月份开展送温暖活动3场，参与居民260人次。本季度合计参与居民1260人次。",
        True,
    ),
    "a quarter's participants, adding up": (
        QUARTER,
        "10月份开展宣讲6场，参与居民520人次。11月份开展消防演练2场，参与居民380人次。12月份开展送温暖活动3场，参与居民260人次。本季度合计参与居民1160人次。",
        False,
    ),
    "months in Chinese numerals, households visited": (
        QUARTER,
        "十月份走访困难家庭36户。十一月份走访困难家庭28户。十二月份走访困难家庭41户。季度共走访困难家庭115户。",
        True,
    ),
    "months in Chinese numerals, adding up": (
        QUARTER,
        "十月份走访困难家庭36户。十一月份走访困难家庭28户。十二月份走访困难家庭41户。季度共走访困难家庭105户。",
        False,
    ),
    "traditional script": (
        "社區2022年第四季度工作總結\n一、主要工作\n",
        "10月份開展宣講6場，參與居民520人次。11月份參與居民380人次。12月份參與居民260人次。本季度合計參與居民1260人次。",
        True,
    ),
    "a half year over six months": (
        HALF,
        "1月受理诉求21件，2月受理诉求18件，3月受理诉求25件，4月受理诉求30件，5月受理诉求27件，6月受理诉求24件。上半年共受理诉求150件。",
        True,
    ),
    "a half year over six months, adding up": (
        HALF,
        "1月受理诉求21件，2月受理诉求18件，3月受理诉求25件，4月受理诉求30件，5月受理诉求27件，6月受理诉求24件。上半年共受理诉求145件。",
        False,
    ),
    "two months of a quarter are no sum": (QUARTER, "10月份受理居民诉求46件，11月份受理居民诉求52件。本季度共受理居民诉求120件。", False),
    "months that are not consecutive": (
        QUARTER,
        "10月份受理居民诉求46件，12月份受理居民诉求52件，9月份受理居民诉求30件。本季度共受理居民诉求120件。",
        False,
    ),
    "another measure in one month": (
        QUARTER,
        "10月份受理居民诉求46件，11月份办结居民诉求40件，12月份受理居民诉求52件。本季度共受理居民诉求130件。",
        False,
    ),
    "three months are no year": (QUARTER, "10月份组织巡逻8次。11月份组织巡逻9次。12月份组织巡逻10次。\n全年累计组织巡逻30次。", False),
}


@pytest.mark.parametrize("title,body,fires", MONTHS.values(), ids=MONTHS.keys())
def test_months_of_period(title: str, body: str, fires: bool) -> None:
    assert ("sum_mismatch" in {f.name for f in flags_of(title, body)}) is fires


TITLE = "柳塘社区2022年工作总结\n一、计生服务\n"

COPIES = {
    "certificates issued, the count left out": ("为外出流动人口办理婚育证明份，上门随访118人次。", True),
    "proposals handed out, the count left out": ("组织志愿者发放倡议书份，劝导不文明行为36起。", True),
    "responsibility pledges signed, the count left out": ("与辖区商户签订门前三包责任书份。", True),
    "certificates issued with their count": ("为外出流动人口办理婚育证明41份，上门随访118人次。", False),
    "leaflets in Chinese numerals": ("发放宣传资料一千五百份，悬挂横幅6条。", False),
    "a copy each": ("为新婚夫妇办理证明每人一份。", False),
    "a vague amount": ("为困难群众发放慰问品若干份。", False),
    "an approximate amount": ("发放宣传资料三百余份，悬挂横幅6条。", False),
    "identity is no unit": ("入户核对居民身份，更新信息312条。", False),
    "shares are no unit": ("村集体经济组织发放股份，分红12.6万元。", False),
    "months are no unit": ("按月填写统计报表，汇总各月份。", False),
}


@pytest.mark.parametrize("body,fires", COPIES.values(), ids=COPIES.keys())
def test_count_of_copies_left_out(body: str, fires: bool) -> None:
    assert ("missing_figure" in {f.name for f in flags_of(TITLE, body)}) is fires


KINDS_WITH_THE_REST = {
    "requests by kind with the rest, short": ("全年共受理居民诉求212件，其中环境类95件、物业类80件、其他类30件。", True),
    "requests by kind with the rest, adding up": ("全年共受理居民诉求212件，其中环境类95件、物业类80件、其他类37件。", False),
    "activities by theme with the rest, short": ("全年开展志愿服务活动46场，其中关爱老人22场、环境清洁15场、其他8场。", True),
    "activities by theme with the rest, adding up": ("全年开展志愿服务活动46场，其中关爱老人22场、环境清洁16场、其他8场。", False),
    "members by status with the rest, short": ("社区共有党员126名，其中在职党员60名、离退休党员50名、其他10名。", True),
    "members by status with the rest, adding up": ("社区共有党员126名，其中在职党员60名、离退休党员50名、其他16名。", False),
    "traditional script, short": ("全年共受理居民訴求212件，其中環境類95件、物業類80件、其餘30件。", True),
    "kinds without the rest may fall short": ("全年开展志愿服务活动46场，其中关爱老人22场、环境清洁15场、政策宣讲8场。", False),
    "the rest not last is no closed list": ("全年共受理居民诉求212件，其中环境类95件、其他类80件、物业类30件。", False),
    "two rests are no closed list": ("全年共受理居民诉求212件，其中其他类95件、物业类80件、其他类30件。", False),
}


@pytest.mark.parametrize("body,fires", KINDS_WITH_THE_REST.values(), ids=KINDS_WITH_THE_REST.keys())
def test_kinds_closed_by_the_rest(body: str, fires: bool) -> None:
    assert ("sum_mismatch" in {f.name for f in flags_of(TITLE, body)}) is fires
