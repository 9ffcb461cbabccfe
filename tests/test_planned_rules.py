"""The named plan rules on wording they were not written from (issue 12, the planned gap).

Invented report passages, read by the whole pipeline; each case names the figures (as written) and
whether each is planned. The rules: problems_first (a problems-and-plans section, or a sentence of a
plan part naming the problems, states facts up to the first sentence that plans), task_quota (a
task's amount set from above is a target), marker_before (a plan marker governs what follows it in
its clause), run-on item (a numbered item taken whole as its heading plans by its first clause only)
and present_state in a summary's plan section. Traditional script and passages without headings
included.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

DONE = "一、主要工作\n全年共开展各类活动36场次，参与居民1500余人次。\n"

# (id, text, {figure as written: planned})
CASES = [
    # rule problems_first
    ("mixed heading, problems then a 将 sentence",
     DONE + "二、存在问题和下步打算\n社区活动用房仅有260平方米，辖区老年人占比达31%。下一步，社区将新建活动室1处。\n",
     {"260平方米": False, "31%": False, "1处": True}),
    ("mixed heading, 问题：/打算： lines",
     DONE + "二、存在的问题和2024年打算\n问题：一是4个小区没有物业；二是夜间值守不到位，巡查覆盖率不到70%。\n"
            "2024年打算：一是改造桶站8座；二是力争准确率达到90%以上。\n",
     {"4个": False, "不到70%": False, "8座": True, "90%以上": True}),
    ("traditional script",
     DONE + "二、存在問題及下半年打算\n存在問題：一是專職社工僅5名；二是停車位缺口約120個。\n下半年，社區將增設充電樁30個。\n",
     {"5名": False, "約120個": False, "30個": True}),
    ("不足与打算 with a 不足： label",
     DONE + "二、不足与打算\n不足：社区人手少，11名工作人员服务近1.5万居民。\n明年打算：新增停车位60个。\n",
     {"11名": False, "近1.5万": False, "60个": True}),
    ("问题与不足及今后打算, items without a label",
     DONE + "二、问题与不足及今后打算\n一是网格员流失3名，队伍不稳定；二是居民议事会全年只召开2次。今后，社区将每季度召开议事会1次。\n",
     {"3名": False, "2次": False, "1次": True}),
    ("a plan heading whose text opens with the problems",
     DONE + "二、下步工作思路\n当前社区工作还存在一些不足：志愿者中60岁以上的占72%，全年仅开展培训2期。下一步，社区将培训志愿者100人次。\n",
     {"72%": False, "2期": False, "100人次": True}),
    ("problems in the body, the plans under a sub-heading",
     DONE + "二、存在的问题和下一步打算\n辖区还有3个小区没有物业。\n（一）下一步打算\n新建停车位50个。\n",
     {"3个": False, "50个": True}),
    ("a mixed section opening with a plan list",
     DONE + "二、存在问题和下一步打算\n1.新建停车位50个。\n2.增设路灯30盏。\n", {"50个": True, "30盏": True}),
    ("a mixed section that only plans",
     DONE + "二、困难和明年工作思路\n明年，社区将新增助餐点2个。\n",
     {"2个": True}),
    ("a problems sentence that plans itself",
     DONE + "二、存在问题及下步打算\n针对停车难问题，社区将新增车位40个。\n",
     {"40个": True}),
    ("no headings at all",
     "今年社区新建健身广场1处。社区服务用房只有180平方米，难以满足需要。下一步，社区将新建活动室1处。\n",
     {"180平方米": False}),
    ("an unnumbered mixed title",
     DONE + "存在的问题和下一步打算\n辖区停车位缺口约90个。\n下一步，社区将新增车位30个。\n",
     {"约90个": False, "30个": True}),
    ("the problems inside a plan document",
     "幸福里社区2025年工作计划\n一、重点工作\n目前还存在一些短板：社区服务用房只有180平方米。今年计划新建党群服务站1个。\n",
     {"180平方米": False, "1个": True}),
    # rule task_quota
    ("a quota in brackets", "全年新增就业206人，完成区里下达任务（180人）的114.4%。\n",
     {"206人": False, "180人": True, "114.4%": False}),
    ("a quota after 任务", "全镇下达改厕任务300户，完成312户。\n", {"300户": True, "312户": False}),
    ("a quota before 的任务", "帮助困难人员再就业31人，超额完成全年20人的任务。\n", {"31人": False, "20人": True}),
    ("a limit set from above", "城镇登记失业率为2.7%，控制在区里下达的4%以内。\n", {"2.7%": False, "4%以内": True}),
    ("the share of a task done is a fact", "完成固定资产投资3.1亿元，占全年任务的46%。\n",
     {"3.1亿元": False, "46%": False}),
    ("tasks counted are no quota", "全年完成重点任务5项，群众满意率96%。\n", {"5项": False, "96%": False}),
    ("a quota in traditional script", "全年新增就業50人，完成鎮下達任務（40人）的125%。\n", {"50人": False, "40人": True, "125%": False}),
    ("a list of limits set from above", "出生率7.9‰，自然增长率2.1‰，均控制在区里下达的9‰、4‰以内。\n",
     {"7.9‰": False, "2.1‰": False, "9‰": True, "4‰以内": True}),
    ("a quota after 指标", "低保扩面下达指标25户，实际完成27户。\n", {"25户": True, "27户": False}),
    # rule marker_before
    ("the subject before 预计 exists", "12个重点项目预计完成投资8亿元。\n", {"12个": False, "8亿元": True}),
    ("the remaining count before 计划", "已完成改造9个小区，剩余4个小区计划明年完成改造。\n", {"9个": False, "4个": False}),
    ("预计 before the figure", "预计年底前完成管网改造1.5公里。\n", {"1.5公里": True}),
    # rule run-on item
    ("a run-on item planning in its last clause",
     "一、主要工作\n1、为发展乡村旅游，修缮古道3公里，投入资金80多万元，计划明年接待游客2万人次。\n",
     {"3公里": False, "80多万元": False, "2万人次": True}),
    ("a plan heading over its items stays a plan",
     DONE + "二、下一步工作计划\n1、新建停车位40个，增设路灯20盏。\n", {"40个": True, "20盏": True}),
    # rule present_state in a summary's plan section
    ("what exists, in a plan section", DONE + "二、下一步打算\n社区现有日间照料中心1处，明年新增助餐点2个。\n",
     {"1处": False, "2个": True}),
    ("what exists, traditional script", DONE + "二、明年工作打算\n社區現有志願者320名，明年發展到400名。\n",
     {"320名": False, "400名": True}),
    ("將新增 in traditional script plans", "社區將新增停車位45個。\n", {"45個": True}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_planned_rules(text: str, expected: dict[str, bool]) -> None:
    parsed = parse_text(text)
    found = {}
    for fact in parsed.facts:
        found.setdefault(fact.text, fact.planned)
    assert {figure: found.get(figure) for figure in expected} == expected
