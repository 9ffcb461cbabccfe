"""The resolution rules of the eleventh session (bd11: nlp/figures/project_sums.py, resolve.py,
trail_rules.py), each on invented report sentences in the genre's style: the figure, and the
indicator, whether it is a part (breakdown not null) and the scope expected.

None of the sentences is taken from a corpus document. The classes come from
`python -m evaluation.comparable_errors evaluation/gold/dev/facts` (evaluation/README.md, bd11).
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

COMMUNITY = "金桥社区2024年工作总结\n"
TOWNSHIP = "白鹤镇2024年工作总结\n"
COUNTY = "青山县人民政府工作报告\n"

# rule → (document, figure, indicator, part?, scope)
CASES = {
    # projects_summed: a total after a count of one class of projects is that class's investment
    "projects, class before the count": (COUNTY + "全年实施县级重点项目41个，累计完成投资23.6亿元。", "23.6亿元", "investment_yuan", True, "unit"),
    "projects, count before the class": (COUNTY + "抓好6个招商引资项目建设，全年完成投资8亿元。", "8亿元", "investment_yuan", True, "unit"),
    "projects, contracted": (COUNTY + "全年新签约项目27个、总投资31亿元。", "31亿元", "investment_yuan", True, "unit"),
    "projects, named before the count": (COUNTY + "引进北辰食品、恒源纺织等3个项目，总投资4.2亿元。", "4.2亿元", "investment_yuan", True, "unit"),
    "projects of no class stay whole": (COMMUNITY + "全年共实施项目5个，总投资126万元。", "126万元", "investment_yuan", False, "unit"),
    "things counted, the total stays whole": (COMMUNITY + "改造老旧小区3个，项目总投资420万元。", "420万元", "investment_yuan", False, "unit"),
    # handled_object: a bare handling rate after a count of cases solved of one sort
    "rate after cases solved of one sort": (COUNTY + "解决各类企业用工问题312件、办结率98.7%。", "98.7%", "problems_resolved_rate", True, "unit"),
    "rate after the whole caseload solved": (COMMUNITY + "全年解决居民各类问题86件，办结率100%。", "100%", "problems_resolved_rate", False, "unit"),
    # driven_jobs: jobs a programme made are a part of employment
    "jobs driven by a loan programme": (COUNTY + "发放创业担保贷款3200万元，扶持带动就业412人。", "412人", "employed_persons", True, "unit"),
    "jobs of one group helped": (COMMUNITY + "全年帮扶辖区残疾人就业9人。", "9人", "employed_persons", True, "unit"),
    "jobs found stay whole": (COMMUNITY + "全年实现就业120人。", "120人", "employed_persons", False, "unit"),
    # taking_part: homes a project reached are no stock
    "homes reached by a project": (COUNTY + "老城区燃气管网改造完成，2.3万户居民用上天然气。", "2.3万户", None, False, "unit"),
    "homes of the unit stay its stock": (COMMUNITY + "社区现有居民2100户，常住人口6300人。", "2100户", "households_total", False, "unit"),
    # financing: money raised or promised is no investment
    "bonds raised": (COUNTY + "积极申报争取专项债券资金6.2亿元。", "6.2亿元", None, False, "unit"),
    "sums of signed agreements": (COUNTY + "全年新签约工业项目14个、协议资金22亿元。", "22亿元", None, False, "unit"),
    "investment the bonds paid for": (COUNTY + "安排国债投资3亿元用于水利建设。", "3亿元", "investment_yuan", True, "unit"),
    "funds obtained for the unit's projects": (COMMUNITY + "全年争取上级资金15万元。", "15万元", "investment_yuan", False, "unit"),
    # activity names in the table: events counted in 场/场次 are activities of one kind
    "screenings": (COMMUNITY + "全年放映公益电影12场。", "12场", "activities_held", True, "unit"),
    "sports events": (COUNTY + "举办篮球、象棋等群众体育赛事26场次。", "26场次", "activities_held", True, "unit"),
    "investment promotion": (COUNTY + "全年开展小分队招商45场次。", "45场次", "activities_held", True, "unit"),
    # 每个: a figure per item has no column
    "per item": (COUNTY + "每个重点产业每年至少举办招商推介会3场。", "3场", None, False, "unit"),
    # value_in_list: a bare figure after 、 right after a figure in the same unit is its measure's next value
    "the second of two values": (COUNTY + "12个省重点项目、35个县重点项目分别完成投资37亿元、82亿元。", "82亿元", "investment_yuan", True, "unit"),
    "a bare figure after no measure stays none": (COMMUNITY + "男性、女性分别为1620人、1560人。", "1560人", None, False, "unit"),
    # speaker_level: the body a government report speaks for gives its level (全区 here is the region)
    "the league's own figure": (
        "各位代表：\n现在，我代表行署作工作报告。全区上下共同努力，全区经济稳中有进。全盟共调解矛盾纠纷3120起。",
        "3120起", "disputes_mediated", False, "unit",
    ),
}


@pytest.mark.parametrize(("document", "figure", "indicator", "part", "scope"), CASES.values(), ids=CASES.keys())
def test_eleventh_session_rule(document: str, figure: str, indicator: str | None, part: bool, scope: str) -> None:
    at = document.index(figure)
    facts = [f for f in parse_text(document).facts if f.start < at + len(figure) and at < f.end]
    assert facts, f"no fact at {figure!r}"
    fact = facts[0]
    assert (fact.indicator, fact.breakdown is not None, fact.scope.value) == (indicator, part, scope)


# the words a kind is written with: list labels, link words and bound suffixes are no part of them
KINDS = {
    "a list label names no kind": (COUNTY + "重点办好三件实事，一是投资80万元实施村村通自来水工程。", "80万元", "实施村村通自来水工程"),
    "a link word before the purpose": (COUNTY + "投资2400万元的城东污水处理厂，年内建成投用。", "2400万元", "城东污水处理厂"),
    "a sum with no object: the class of projects counted": (COUNTY + "实施重点水利项目9个、完成投资3.1亿元。", "3.1亿元", "重点水利项目"),
    "a welfare status names a sort of money": (COMMUNITY + "全年发放低保救助金3.2万元。", "3.2万元", "低保救助金"),
    "性 binds the word before it": (COMMUNITY + "全年举办群众性体育活动12场。", "12场", "群众性体育活动"),
}


@pytest.mark.parametrize(("document", "figure", "kind"), KINDS.values(), ids=KINDS.keys())
def test_kind_words(document: str, figure: str, kind: str) -> None:
    at = document.index(figure)
    fact = next(f for f in parse_text(document).facts if f.start < at + len(figure) and at < f.end)
    assert (fact.breakdown or {}).get("kind") == kind
