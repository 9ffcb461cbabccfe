"""The scope and level rules of the thirteenth session's precision work on comparable figures (comp15:
nlp/figures/scope.py ``masked_part``, nlp/figures/wholes.py ``works_reach`` and the 居委/numbered-group place kinds, nlp/text/levels.py
``title_no_unit``, nlp/text/place_names.py ``break_in_name``), each on invented report sentences in the genre's style: the figure, and the
indicator, whether it is a part (breakdown not null) and the scope expected.

None of the sentences is taken from a corpus document. The classes come from the blind measure
evaluation/contrast/comparable_excerpts15.toml (evaluation/README.md, comp15).
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text
from nlp.text.levels import reporting_level

COMMUNITY = "银杏社区2023年工作总结\n"
VILLAGE = "石滩村2023年工作总结\n"
STREET = "临江街道2023年工作总结\n"
TOWNSHIP = "白鹭镇2023年工作总结\n"
COUNTY = "关于青山县城镇老旧小区改造工作的汇报\n"

# rule → (document, figure, indicator, part?, scope)
CASES = {
    # masked_part: a masked compound or group is a part in any report
    "a masked compound's households": (COMMUNITY + "辖区共有7个小区，其中**小区有住户860户。", "860户", "households_total", False, "part"),
    "a masked compound's residents": (COMMUNITY + "XX小区常住居民2150人，设有垃圾投放点9个。", "2150人", "population_total", False, "part"),
    # masked_part: a masked village in a township's report is a part
    "a masked village in a township's report": (TOWNSHIP + "据摸底，xx村有低保户31户。", "31户", "low_income_households", False, "part"),
    # a masked community in a community's report may be the report's own masked name: the unit's
    "a masked community in a community's report": (COMMUNITY + "xx社区现有党员96名。", "96名", "party_members", False, "unit"),
    # 居委: a residents' committee named by its short form in a street's review is one of its parts
    "a committee's short name in a street's report": (STREET + "青枫居委现有党员143名。", "143名", "party_members", False, "part"),
    # break_in_name: a name opening with a break character (向, 中, 和) is still a name
    "a community whose name opens with 向": (STREET + "其中向阳社区有党员212名。", "212名", "party_members", False, "part"),
    "a committee whose name opens with 和": (STREET + "和平居委现有党员96名。", "96名", "party_members", False, "part"),
    "a community whose name opens with 中": (STREET + "辖区中山社区有低保户17户。", "17户", "low_income_households", False, "part"),
    # numbered villagers' groups are parts
    "a numbered villagers' group": (VILLAGE + "全村共有农户510户，第四村民小组有农户88户。", "88户", "households_total", False, "part"),
    "the village's own households stay the unit's": (VILLAGE + "全村共有农户510户，第四村民小组有农户88户。", "510户", "households_total", False, "unit"),
    "counted groups are no part": (VILLAGE + "全村下设9个村民小组，共有农户510户。", "510户", "households_total", False, "unit"),
    # works_reach: homes listed after the works' own count are those the works reached
    "homes of the compounds renovated": (COUNTY + "全年改造老旧小区12个，建筑面积8.6万平方米，31栋楼，住户972户。", "972户", None, False, "unit"),
    "people resettled by a new estate": (TOWNSHIP + "新建安置小区2个，安置群众640户。", "640户", None, False, "unit"),
    "the unit's stock after a renovation stays": (COMMUNITY + "小区改造完成后，社区现有住户1320户。", "1320户", "households_total", False, "unit"),
    # acting_subjects: members counted as the subject of what they did are no stock
    "members who gave": (COMMUNITY + "倡议发出后，48名党员主动捐款共计2300元。", "48名", None, False, "unit"),
    "members who did not take part": (COMMUNITY + "仍有9名党员全年未参加组织生活。", "9名", None, False, "unit"),
    "homes a cooperative employed": (VILLAGE + "合作社流转土地260亩，带动35户农户就近务工。", "35户", None, False, "unit"),
    "the stock named before its clause ends": (COMMUNITY + "社区党委现有89名党员，下设4个支部。", "89名", "party_members", False, "unit"),
    # start_of_period: the stock at the period's start is the earlier period's
    "members at the year's start": (COMMUNITY + "年初党支部有党员58名，年内发展1名。", "58名", None, False, "unit"),
    "the change after it keeps its measure": (COMMUNITY + "年初党支部有党员58名，年内发展1名。", "1名", "party_members", True, "unit"),
    "a change's end value from the year's start stays": (COMMUNITY + "注册志愿者由年初的150人增加到236人。", "236人", "volunteers", False, "unit"),
    # relative_subset: those a relative clause with a verb selects are a subset
    "those holding certificates": (COMMUNITY + "举办家政培训2期，取得证书的有46人。", "46人", None, False, "unit"),
    "the members now there stay whole": (COMMUNITY + "社区现有的党员81名。", "81名", "party_members", False, "unit"),
    "all of the members acting are the stock": (COMMUNITY + "七一前夕，全体89名党员分别认领服务岗位。", "89名", "party_members", False, "unit"),
}


@pytest.mark.parametrize(("document", "figure", "indicator", "part", "scope"), CASES.values(), ids=CASES.keys())
def test_comp15_rule(document: str, figure: str, indicator: str | None, part: bool, scope: str) -> None:
    at = document.index(figure)
    facts = [f for f in parse_text(document).facts if f.start < at + len(figure) and at < f.end]
    assert facts, f"no fact at {figure!r}"
    fact = facts[0]
    assert (fact.indicator, fact.breakdown is not None, fact.scope.value) == (indicator, part, scope)


# title_no_unit: 村级 (a tier) and 乡村 (rural) name no reporting unit in a title
LEVELS = {
    "a township's survey of village-level finances": ("关于白鹭乡村级财务管理情况的调查报告", "township"),
    "a village's rural revitalisation summary": ("石滩村乡村振兴工作总结", "community"),
    "a township's own summary": ("白鹭镇2023年工作总结", "township"),
    "a county's report on village-level roads": ("青山县村级道路建设情况汇报", "county"),
}


@pytest.mark.parametrize(("title", "level"), LEVELS.values(), ids=LEVELS.keys())
def test_title_level(title: str, level: str) -> None:
    assert reporting_level(title, "", None) == level
