"""The checker on issue 12's false-error shapes: a parenthesis restating other figures, a 其中 that
splits a part, a count before a rate that may be its numerator, one place spelled two ways.

Invented passages in the style of a community report (no corpus sentence). ``QUIET``: none may
raise an error or a warning. ``FIRES``: a planted error of each shape, with twins that add up,
so that each rule is seen to keep the real error while it drops the false one.

Rules (nlp/checks/): ``parenthesis_level`` (parens.py: a parenthesis elaborates the figure of its
unit right before it; nothing is a part across its bounds, and the figures of a parenthesis
stand beside no whole: runs.py ``parallel_whole`` looks past them), ``inner_whole`` (arithmetic.py: a 其中
after a part splits that part), ``numerator_reading`` (grim.py), ``same_place_word``
(standing.py, ``[markers] place_level``), ``place_has`` (standing.py: 村里有机井36口 is an
existence statement), ``members_of_bodies`` (arithmetic.py, ``[markers] other_bodies``: 企业职工 are
no residents).
"""

from __future__ import annotations

import pytest
from check_helpers import flags_of, loud

TITLE = "柳塘社区2022年工作总结\n一、基本情况\n"
TOWNSHIP = "东山镇2022年工作总结\n一、基本情况\n"
VILLAGE = "青山村2022年工作总结\n一、基本情况\n"

QUIET = {
    # parenthesis_level: a parenthesis giving another count (a census, an earlier register, the
    # street's) with its own 其中, and figures after it that belong to the sentence outside
    "a census in a parenthesis, residents after it": "社区现有居民1860户（第七次人口普查为1790户、5130人，其中男2580人、女2550人），常住人口5420人。",
    "an earlier register, residents and migrants after it": "社区现有居民1860户（换届时登记5130人，其中男2580人、女2550人），常住人口5420人，流动人口800人。",
    "members before a merger, then this year's women": "社区现有党员126名（合并前东社区党员60名，其中女党员22名），其中女党员52名，预备党员3名。",
    "posts planned, then the posts filled": "社区共有网格员12名（原定编制10名，其中专职8名），其中专职网格员9名、兼职网格员3名。",
    "households by register, then resident households": "社区共有居民2460户（按户籍统计2100户，其中城镇户1500户、农村户600户），常住居民户2300户。",
    "the street's members, then the street's women": "全街道共有党员2350名（我社区126名，其中女党员52名），其中女党员980名。",
    "a statistical caliber in a parenthesis": "社区现有居民1860户（街道统计口径为1790户、5130人，其中男2580人、女2550人），常住人口5420人。",
    "traditional script: members before a merger": "社區現有黨員126名（合併前東社區黨員60名，其中女黨員22名），其中女黨員52名。",
    "half-width parenthesis and spaces": "社区现有居民 1860 户(换届时登记 5130 人，其中男 2580 人、女 2550 人)，常住人口 5420 人。",
    "a remark on one part": "社区总人口5420人，其中男2760人（比上年多40人），女2660人。",
    "a parenthesis on the migrants, split by sex": "社区总人口5420人，流动人口1120人（其中男600人、女520人）。",
    "a parenthesis on the registered, split by sex": "社区总人口5420人（户籍人口4300人，其中男2200人、女2100人），流动人口1120人。",
    "two wholes side by side, a parenthesis on the first": "户籍人口3200人（上年3100人），流动人口860人，其中男性1650人、女性1750人。",
    # inner_whole: a 其中 after a part of the total splits that part
    "registered residents split by sex": "社区总人口5420人，户籍人口4300人，其中男2200人、女2100人，流动人口1120人。",
    "residents split by sex, then the migrants": "社区总人口5420人，常住人口4300人，其中男2200人、女2100人，流动人口1120人。",
    "migrants split by sex": "社区总人口5420人，流动人口1120人，其中男600人、女520人。",
    "villagers at home split by age": "全村总人口3260人，在家人口2100人，其中60岁以上820人、60岁以下1280人，外出人口1160人。",
    # numerator_reading: the count before a rate over the stated whole before it
    "households with tap water over the households": "全村共有农户412户1386人，安装自来水398户，入户率96.6%。",
    "lone elderly with smoke alarms": "辖区共有独居老人46人，已安装智能烟感41人，安装率89.1%。",
    "households with gas over the households, traditional": "社區共有居民560戶，完成燃氣改造530戶，改造率94.6%。",
    # persons and households: never one against the other
    "persons insured beside households": "社区共有居民860户，参加医保居民2100人，参保率97.2%。",
    "vaccinated persons beside households": "社区有常住居民1860户，已接种疫苗4920人，接种率达92.6%。",
}


@pytest.mark.parametrize("body", QUIET.values(), ids=QUIET.keys())
def test_no_false_error(body: str) -> None:
    assert loud(TITLE, body) == []


# (title, body, flag name, fires)
FIRES = {
    "a parenthesis splitting the total, short": (TITLE, "社区总人口5420人（其中男2760人、女2600人）。", "sum_mismatch", True),
    "a parenthesis splitting the total, adding up": (TITLE, "社区总人口5420人（其中男2760人、女2660人）。", "sum_mismatch", False),
    "the labour force split in its own parenthesis, short": (
        TITLE,
        "全村总人口1106人（男560人、女546人），劳动力672人（男380人、女282人）。",
        "sum_mismatch",
        True,
    ),
    "the labour force split in its own parenthesis, adding up": (
        TITLE,
        "全村总人口1106人（男560人、女546人），劳动力672人（男380人、女292人）。",
        "sum_mismatch",
        False,
    ),
    "a census split wrongly inside its parenthesis": (
        TITLE,
        "社区现有居民1860户（普查登记5130人，其中男2580人、女2500人），常住人口5420人。",
        "sum_mismatch",
        True,
    ),
    "a part after a parenthesis, larger than the total outside": (
        TITLE,
        "社区现有党员126名（合并前东社区党员60名），其中女党员152名。",
        "subset_exceeds_total",
        True,
    ),
    "a part after a parenthesis, smaller than the total outside": (
        TITLE,
        "社区现有党员126名（合并前东社区党员60名），其中女党员52名。",
        "subset_exceeds_total",
        False,
    ),
    "residents split wrongly by sex": (
        TITLE,
        "社区总人口5420人，常住人口4300人，其中男2150人、女2100人，流动人口1120人。",
        "sum_mismatch",
        True,
    ),
    "residents and migrants short of the total": (
        TITLE,
        "社区总人口5420人，常住人口4300人，其中男2200人、女2100人，流动人口1020人。",
        "sum_mismatch",
        True,
    ),
    "tap water: a rate neither reading gives": (
        TITLE,
        "全村共有农户412户1386人，安装自来水398户，入户率96.9%。",
        "rate_impossible",
        True,
    ),
    "a bare success rate over its cases": (TITLE, "调解纠纷9起，调解成功率90%。", "rate_impossible", True),
    # same_place_word: 全村 and 村里 are one village in a township's report too
    "a township's village restated as 村里": (
        TOWNSHIP,
        "全村现有公益性岗位27个。全年开展文体活动12次。村里共有公益性岗位34个。",
        "conflicting_values",
        True,
    ),
    "a township's village restated alike": (
        TOWNSHIP,
        "全村现有公益性岗位27个。全年开展文体活动12次。村里共有公益性岗位27个。",
        "conflicting_values",
        False,
    ),
    "a village's own report, 本村 and 全村": (
        VILLAGE,
        "本村现有党员46名。全年召开党员大会4次。全村共有党员49名。",
        "conflicting_values",
        True,
    ),
    "a township: the area and one community are two places": (
        TOWNSHIP,
        "辖区现有低保户320户。全年走访困难群众126人。目前全社区低保户共18户。",
        "conflicting_values",
        False,
    ),
    "a township: a village and a community are two places": (
        TOWNSHIP,
        "全村现有低保户46户。全年走访困难群众126人。全社区低保户共18户。",
        "conflicting_values",
        False,
    ),
    # a township's report about several villages: 全村 in each passage is that passage's village
    "two villages' passages, 全村 in each": (
        TOWNSHIP,
        "青山村位于镇东部，全村现有党员46名。\n二、石门村\n石门村地处山区，全村现有党员60名。",
        "conflicting_values",
        False,
    ),
    "two villages' passages, 全村 then 村里": (
        TOWNSHIP,
        "（一）青山村\n全村现有党员46名。\n（二）石门村\n村里共有党员60名。",
        "conflicting_values",
        False,
    ),
    "one village's passage restating its members": (
        TOWNSHIP,
        "（一）青山村\n全村现有党员46名，全年召开党员大会4次。村里共有党员60名。",
        "conflicting_values",
        True,
    ),
    # members_of_bodies: people counted as a body's, not drawn from the residents
    "employees of the area's firms": (TITLE, "社区共有居民860户2350人。为辖区企业职工3200人办理社保。", "implausible_magnitude", False),
    "partner units' members": (TITLE, "社区共有居民860户2350人。与驻区单位结对共建，共建单位党员2600名。", "implausible_magnitude", False),
    "pupils of the area's schools": (TITLE, "社区共有居民860户2350人。辖区学校在校学生3100人。", "implausible_magnitude", False),
    "entrants of a street's games": (TITLE, "社区共有居民860户2350人。组织居民参加街道运动会，参赛3100人。", "implausible_magnitude", False),
    "needy residents above the population": (TITLE, "社区共有居民860户2350人。全年慰问困难群众2600人。", "implausible_magnitude", True),
    "members above the population": (TITLE, "社区共有居民860户2350人。辖区现有党员2600名。", "implausible_magnitude", True),
    # place_has: a place word then 有 states what exists there, however the place is spelled
    "wells: 村里有 then 总数为": (VILLAGE, "村里有机井36口。全年召开村民代表会议6次。全村机井总数为41口。", "conflicting_values", True),
    "wells: 村里有 then 总数为, alike": (VILLAGE, "村里有机井36口。全年召开村民代表会议6次。全村机井总数为36口。", "conflicting_values", False),
    "members: 本村有 then 共有": (VILLAGE, "本村有党员46名。全年召开党员大会4次。全村共有党员49名。", "conflicting_values", True),
    "members: 本村有 then a new member developed": (VILLAGE, "本村有党员46名。全年召开党员大会4次。全村发展党员2名。", "conflicting_values", False),
    "有关 is no existence": (VILLAGE, "村里有关部门3个参与整治。全年召开村民代表会议6次。村里有关部门5个参加评比。", "conflicting_values", False),
}


@pytest.mark.parametrize("title,body,name,fires", FIRES.values(), ids=FIRES.keys())
def test_planted_error_shapes(title: str, body: str, name: str, fires: bool) -> None:
    assert (name in {f.name for f in flags_of(title, body)}) is fires
