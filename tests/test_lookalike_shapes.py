"""Contrast sets for the shape rules of nlp/figures/lookalike_shapes.py (tenth session): each
construction in three wordings (other nouns, verbs, count words, sentence shapes) with the figure
readings beside it that must stay. Every sentence is invented in the style of community and
government work reports and read by the whole pipeline; the expected list holds the ``text`` of
every fact, in order, fixed from SPEC section 6 and GUIDELINES before the pipeline was run on them.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

# (sentence, the facts' text in order), by construction
CASES = {
    # er_ordinal: 二 before a count word is an ordinal or a grade; 两 counts
    "er: second phase": ("启动幸福家园二期改造，完成外墙保温3栋。", ["3栋"]),
    "er: second round": ("开展二轮入户排查，发现隐患12处。", ["12处"]),
    "er: second batch": ("社区入选二批省级示范点。", []),
    "er: 两 counts": ("开展两轮入户排查，发现隐患12处。", ["两轮", "12处"]),
    "er: persons stay": ("夫妻二人常年照料孤寡老人。", ["二人"]),
    # article_after_de: 一 right after 的
    "de: biggest event": ("这是社区历年来规模最大的一次义诊。", []),
    "de: favourite service": ("助餐点成为老人最满意的一项服务。", []),
    "de: hard case": ("这是网格员遇到的最棘手的一件纠纷。", []),
    "de: a count stays": ("全年开展义诊一次，服务老人85人。", ["一次", "85人"]),
    # formal_digit_name: one formal digit alone is a name
    "formal: lane": ("陆家巷口袋公园建成开放。", []),
    "formal: hill": ("伍家岭片区新增充电桩12个。", ["12个"]),
    "formal: amount in words stays": ("发放慰问金伍佰元。", ["伍佰元"]),
    # place_class: people bounded before places or bodies
    "place: villages": ("300户以上自然村全部通上自来水。", []),
    "place: firms": ("100人以上企业全部建立工会。", []),
    "place: compounds": ("500户以上小区均配备专职物业。", []),
    "place: people stay": ("帮助10名以上残疾人实现就业。", ["10名以上"]),
    # digits_word: 位数
    "digits: growth": ("税收保持两位数增长。", []),
    "digits: three": ("客流量实现三位数增长。", []),
    "digits: persons stay": ("两位老党员主动认领岗位。", ["两位"]),
    # bound_then_count: a bounded amount before a count is the class; the count stays (the first
    # expectations left the counts out by mistake: GUIDELINES counts them, as the blind labels do)
    "bound then count: firms": ("培育产值亿元以上企业3家、5000万元以上6家。", ["3家", "6家"]),
    "bound then count: projects": ("在建项目中，10亿元以上4个、5亿元以上9个。", ["4个", "9个"]),
    "bound then count: villages": ("集体收入50万元以上12个，20万元以上30个。", ["12个", "30个"]),
    # capacity_in_name: a capacity inside a project's name
    "capacity: feed": ("建成投产鑫源2万吨饲料加工项目。", []),
    "capacity: waste": ("推进日处理800吨垃圾焚烧发电项目建设。", []),
    "capacity: power": ("开工建设50千瓦屋顶光伏项目。", []),
    "capacity: output stays": ("全年加工饲料1.8万吨。", ["1.8万吨"]),
    # programme_name: a span of years naming a programme
    "programme: greening": ("落实两年增绿计划，新增绿地3处。", ["3处"]),
    "programme: campaign": ("实施安全生产三年攻坚行动。", []),
    "programme: quoted": ("推进五年“倍增”计划。", []),
    "programme: a span of work stays": ("三年建成社区公园5个。", ["三年", "5个"]),
    "programme: a streak stays": ("连续两年完成年度计划。", ["两年"]),
    # parallel_one: 一 said again after another verb
    "parallel: find and fix": ("坚持发现一处、整改一处。", []),
    "parallel: ripe and develop": ("按照成熟一个发展一个的原则发展党员。", []),
    "parallel: appear and help": ("做到出现一户、帮扶一户。", []),
    "parallel: two things stay": ("建成活动室一间，配套一间储物室。", ["一间", "一间"]),
    # every_one: 每一
    "every: household": ("把政策送到每一户居民手中。", []),
    "every: expense": ("每一笔支出都经居务监督委员会审核。", []),
    "every: grid": ("责任落实到每一个网格。", []),
    # project_phase: a phase in Chinese numerals after a name
    "phase: plant": ("推进污水处理厂三期工程建设。", []),
    "phase: list": ("风电一期等项目建成投产。", []),
    "phase: bracket": ("体育公园（一期）建成开放。", []),
    "phase: sessions stay": ("举办电商培训班三期，培训居民200人。", ["三期", "200人"]),
    # bound_relative: a bound carried by a relative clause to 的
    "relative: idle projects": ("清理签约一年以上未开工的项目8个。", ["8个"]),
    "relative: large projects": ("投资5000万元以上新开工的项目全部纳入调度。", []),
    "relative: old buildings": ("对建成20年以上未改造的小区进行摸排。", []),
    "relative: a level stays": ("新增投资1000万元以上，带动就业50人。", ["1000万元以上", "50人"]),
    # surroundings: 四周 after a direction or a place
    "surroundings: expand": ("引导城区向四周有序扩展。", []),
    "surroundings: fence": ("在小区四周加装隔离护栏。", []),
    "surroundings: pond": ("沿池塘四周种植绿化带。", []),
    "surroundings: weeks stay": ("专项培训持续四周，结业学员36人。", ["四周", "36人"]),
    # ranges of years, lead times
    "years range: two or three": ("经过两三年的努力，新城初具规模。", ["两三年"]),
    "lead time: a year": ("比原计划提前一年完成改造。", ["一年"]),
    "year in Chinese digits stays a year": ("二〇二三年社区新增党员3名。", ["3名"]),
    # numbered_label (eleventh session): a count before a numeral phrase counts a label's items
    "label: doubling": ("全力实现两个翻一番目标。", []),
    "label: hundred": ("扎实推进三个一百工程建设。", []),
    "label: batch": ("落实三个一批要求，帮扶困难家庭12户。", ["12户"]),
    "label: halls stay": ("建成两个一站式服务点。", ["两个"]),
    # a service circle named by a distance (not_figures.toml, as 15分钟生活圈 by a time)
    "circle: charging": ("初步建成2公里充电服务圈。", []),
    "circle: shopping": ("打造1公里便民购物圈。", []),
    "circle: a path stays": ("新建健身步道2公里。", ["2公里"]),
    # 处 before 室外/室内 counts places (units.toml)
    "places: outdoor": ("新增一处室外健身场所。", ["一处"]),
    "places: indoor": ("改造两处室内活动场地。", ["两处"]),
}


# Known failures, from before this work (the shipped model of 2026-12-07 morning fails them too).
KNOWN = {
    "digits: persons stay": "the filter vetoes 两位 opening a clause before its noun (subject position)",
}


@pytest.mark.parametrize(
    "sentence, facts",
    [
        pytest.param(*case, id=name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[name])] if name in KNOWN else [])
        for name, case in CASES.items()
    ],
)
def test_shape_contrasts(sentence: str, facts: list[str]):
    found = parse_text(sentence, disable=["activities", "categories", "checks"]).facts
    assert [f.text for f in found] == facts
