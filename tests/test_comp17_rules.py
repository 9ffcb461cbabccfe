"""The fourteenth session's rules on comparable figures (comp17: nlp/figures/act_parts.py ``reach_of_work``,
nlp/figures/wholes.py ``listed_examples``, nlp/figures/no_column.py ``per_period_across_list``,
nlp/figures/resolve.py ``purpose_after_sum``), each on
invented report sentences in the genre's style: the figure, and the indicator, whether it is a part
(breakdown not null) and the scope expected.

None of the sentences is taken from a corpus document. The classes come from the third blind sample of
long-report figures (evaluation/contrast/long_blind_labels_3.tsv) and the dev errors they exposed
(evaluation/README.md, comp17).
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

COMMUNITY = "芦荡社区2024年工作总结\n"
VILLAGE = "柳湾村2024年工作总结\n"
COUNTY = "青禾县2024年政府工作报告\n"

# rule → (document, figure, indicator, part?, scope)
CASES = {
    # reach_of_work: turnouts a named work reached are its audience, a part
    "turnouts one programme reached": (COUNTY + "就业扶贫扎实推进，惠及群众4.6万人次。", "4.6万人次", "participants", True, "unit"),
    "turnouts one service reached": (COMMUNITY + "助餐助浴服务持续开展，受益群众3100余人次。", "3100余人次", "participants", True, "unit"),
    "turnouts of every activity stay whole": (COMMUNITY + "全年各类活动共惠及群众5200人次。", "5200人次", "participants", False, "unit"),
    "turnouts after the whole count of acts stay whole": (COMMUNITY + "全年开展活动46场，受益群众3900人次。", "3900人次", "participants", False, "unit"),
    "a bare reach with nothing named keeps its reading": (COMMUNITY + "受益群众800余人次。", "800余人次", "participants", False, "unit"),
    # listed_examples: a list closed by 等 before the measure's own name gives examples of every activity
    "examples before 活动 are the whole": (COMMUNITY + "全年开展读书会、插花、观影等活动18场。", "18场", "activities_held", False, "unit"),
    "examples before 志愿服务活动 are the whole": (VILLAGE + "组织护河、助老、清扫等志愿服务活动22次。", "22次", "volunteer_activities", False, "unit"),
    "their audience is the whole too": (COMMUNITY + "举办猜灯谜、包饺子等活动共12场，参与群众1500余人次。", "1500余人次", "participants", False, "unit"),
    "a sort's own name keeps the list as the kind": (COMMUNITY + "举办反诈、急救等讲座6场。", "6场", "trainings", True, "unit"),
    "a kind's name after 等 stays a kind": (COMMUNITY + "开展书法、剪纸等文体活动9场。", "9场", "activities_held", True, "unit"),
    "a quoted series before the list keeps it a kind": (COMMUNITY + "以“邻里和美”为主线，举办茶话会、包粽子等活动8场。", "8场", "activities_held", True, "unit"),
    "every sort after the list stays whole": (COMMUNITY + "开展宣讲、义诊等各类活动38场。", "38场", "activities_held", False, "unit"),
    # per_period_across_list: a how-often word before a 、 list of sorts makes the count per period
    "per year across a list": (COMMUNITY + "支部每季度召开议事会1次、党员每年参与助残、敬老等活动4次。", "4次", None, False, "unit"),
    "per month across a list": (COMMUNITY + "网格员每月开展巡查、走访等工作2次。", "2次", None, False, "unit"),
    "a year's count after a per-month item stays": (COMMUNITY + "每月走访独居老人2次、全年开展活动52场。", "52场", "activities_held", False, "unit"),
    "per year across items with figures": (COUNTY + "近三年平均每年培训农民工1800人、转移就业900人。", "900人", None, False, "unit"),
    "per head across items with figures": (COMMUNITY + "春节前为困难家庭每户送去大米1袋、慰问金300元。", "300元", None, False, "unit"),
    "a rate in the list is no count per period": (COMMUNITY + "每年公开居务4次、群众意见处理率97%。", "97%", "problems_resolved_rate", False, "unit"),
    "an item naming its own period stays": (COMMUNITY + "每周巡逻1次、累计巡逻52次。", "52次", "patrols", False, "unit"),
    # purpose_after_sum: a noun after a sum of money is its purpose, the verb names the measure
    "money put into one work named after the sum": (VILLAGE + "投入9万元修缮文化广场。", "9万元", "investment_yuan", True, "unit"),
    "after a time phrase too": (VILLAGE + "今年，投入35万元整修村道。", "35万元", "investment_yuan", True, "unit"),
    "a sum with its fund named before keeps its reading": (COMMUNITY + "全年共投入资金38万元。", "38万元", "investment_yuan", False, "unit"),
}


@pytest.mark.parametrize(("document", "figure", "indicator", "part", "scope"), CASES.values(), ids=CASES.keys())
def test_comp17_rule(document: str, figure: str, indicator: str | None, part: bool, scope: str) -> None:
    at = document.index(figure)
    facts = [f for f in parse_text(document).facts if f.start < at + len(figure) and at < f.end]
    assert facts, f"no fact at {figure!r}"
    fact = facts[0]
    assert (fact.indicator, fact.breakdown is not None, fact.scope.value) == (indicator, part, scope)
