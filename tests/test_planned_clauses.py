"""Planned figures and activities: the plan markers issue 12 names, missed or over-applied.

Invented report sentences read by the whole pipeline. A figure or an activity is planned when its
document is a plan, its section names a plan, or a plan marker stands in its clause window (its own
clause and the one before it, further back over a list of figures); a marker in another clause of
the sentence does not reach it.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

DONE = "上半年社区共开展各类活动15场次，参与居民600余人次。\n"

# (id, text, figure as written, planned)
FACTS = [
    ("下一步 before 将", "下一步，社区将增设健身路径2处。", "2处", True),
    ("计划 target", "全年计划改造老旧楼院5个。", "5个", True),
    ("力争 target", "力争年底前新发展党员2名。", "2名", True),
    ("预计 estimate", "预计受益群众800人。", "800人", True),
    ("拟 proposal", "拟投资15万元硬化村内道路。", "15万元", True),
    ("今后 from now on", "今后每月开展义诊1次。", "1次", True),
    ("明年 next year", "明年新建文化广场一处。", "一处", True),
    ("将 + future verb", "社区将继续开展四点半课堂20期。", "20期", True),
    ("将 as 'put into' is done", "将矛盾纠纷化解在萌芽状态，共调解纠纷9起。", "9起", False),
    ("计划生育 is a field", "全面落实计划生育政策，育龄妇女320人。", "320人", False),
    ("按计划完成 is done", "按计划完成危房改造5户。", "5户", False),
    ("计划 naming a programme is done", "实施三年增绿计划，新增绿地12公顷。", "12公顷", False),
    ("计划 before its verb is a plan", "全年计划新增绿地12公顷。", "12公顷", True),
    ("计划 leading a colon is a plan", "下半年计划：新建休闲步道1.5公里。", "1.5公里", True),
    ("争取 resources obtained is done", "积极争取上级资金40万元，修建村道2公里。", "40万元", False),
    ("争取 a target is a plan", "争取年底前完成旱厕改造30户。", "30户", True),
    ("a list of figures after the plan clause", "全年计划改造老旧楼院8个，总面积2.1万平方米，涉及住户360户。", "360户", True),
    ("争取到 resources is done", "争取到上级补助资金12万元，新建活动室1处。", "12万元", False),
    ("准备 as a noun is done", "做好防汛准备，储备沙袋200袋。", "200袋", False),
    ("准备 before its verb is a plan", "准备新建停车位40个。", "40个", True),
    ("达到预期 is done", "活动达到预期效果，参与居民300人次。", "300人次", False),
    ("marker two clauses back does not reach", "下一步继续做好服务，上半年已走访困难户30户，发放慰问金2万元。",
     "2万元", False),
    ("done before the plan clause", "今年开展消防演练2次，明年力争开展4次。", "2次", False),
    ("the plan clause after it", "今年开展消防演练2次，明年力争开展4次。", "4次", True),
    ("start value of a planned change is a fact", "明年将高龄津贴由每人每月50元提高到80元。", "50元", False),
    ("... and the value it goes to a target", "明年将高龄津贴由每人每月50元提高到80元。", "80元", True),
    ("从 … 增加到 start value", "下一步，服务网点从5个增加到8个。", "5个", False),
    ("由 without a change is no start value", "下一步，由街道投入资金6万元。", "6万元", True),
    ("由现有的 … 充实到 start value", "下一步，网格员由现有的6名充实到10名。", "6名", False),
    ("… and the value it is filled up to", "下一步，网格员由现有的6名充实到10名。", "10名", True),
    ("将现有 … 细化为 start value", "下一步，将现有5个网格细化为8个。", "5个", False),
    ("a colon lead governs its list across ；", "明年的主要目标是：新增就业岗位120个；养老床位稳定在300张以上。",
     "300张以上", True),
    ("… a colon lead without a marker does not", "主要做法是：新增就业岗位120个；养老床位达到300张。", "300张", False),
    ("将形成 an outcome to come", "活动中心建成后，将形成休闲区域2处。", "2处", True),
    ("a long clause of figures is not cut", "预计全镇生产总值增长6%，规上工业增加值、社会消费品零售总额、固定资产投资、"
     "一般公共预算收入各增长7%、8%、9%、10%。", "10%", True),
]


@pytest.mark.parametrize(("text", "figure", "planned"), [c[1:] for c in FACTS], ids=[c[0] for c in FACTS])
def test_fact_planned(text: str, figure: str, planned: bool) -> None:
    facts = [f for f in parse_text(DONE + text + "\n").facts if f.text == figure]
    assert facts, f"no fact {figure!r} in {text!r}"
    assert facts[-1].planned is planned
    assert not any(f.planned for f in parse_text(DONE).facts)


# (id, text, activity name, planned)
ACTIVITIES = [
    ("将 + future verb", "下半年社区将举办广场舞比赛。", "广场舞比赛", True),
    ("下一步", "下一步，组织开展消防演练。", "消防演练", True),
    ("规划 as a verb is done", "社区规划了参观路线，培训社区讲解员12名。", "讲解员", False),
    ("marker in another clause of the sentence", "为落实年度计划要求，加强日常管理，认真做好台账，开展夜间巡逻。",
     "夜间巡逻", False),
    ("done", "上半年开展“邻里节”活动1次。", "“邻里节”活动", False),
]


@pytest.mark.parametrize(("text", "name", "planned"), [c[1:] for c in ACTIVITIES], ids=[c[0] for c in ACTIVITIES])
def test_activity_planned(text: str, name: str, planned: bool) -> None:
    found = [a for a in parse_text(text + "\n").activities if name in a.name]
    assert found, f"no activity {name!r} in {text!r}"
    assert found[0].planned is planned


def test_plan_document_makes_every_activity_planned() -> None:
    text = "2024年青松社区工作计划\n一、党建工作\n组织党员开展主题党日活动12次，举办党课4次。\n二、平安建设\n开展夜间巡逻。\n"
    acts = parse_text(text).activities
    assert acts and all(a.planned for a in acts)
    assert all(f.planned for f in parse_text(text).facts)


def test_a_plan_document_opening_with_a_review_of_the_year_before() -> None:
    text = (
        "2024年青松社区工作计划\n2023年，社区各项工作稳步推进。全年开展各类活动28场，调解纠纷19起。"
        "2024年，社区将重点抓好以下工作：\n一、党建工作\n举办党课4次。\n"
    )
    facts = {f.text: f.planned for f in parse_text(text).facts}
    assert facts == {"28场": False, "19起": False, "4次": True}


SECTIONS = [
    ("a plan section", "二、下半年工作计划\n新建健身路径2处。\n", "2处", True),
    ("results of the half year reviewed are done", "一、下半年主要工作及成效\n新建健身路径2处。\n", "2处", False),
    ("a review of the plan is done", "二、年度工作目标完成情况\n新建健身路径2处。\n", "2处", False),
    ("a summary-and-plan heading leaves it to the sub-headings",
     "二、上半年工作总结及下半年工作打算\n（一）上半年工作\n新建健身路径2处。\n（二）下半年打算\n再新建健身路径3处。\n", "2处", False),
    ("… and the plan sub-heading is a plan",
     "二、上半年工作总结及下半年工作打算\n（一）上半年工作\n新建健身路径2处。\n（二）下半年打算\n再新建健身路径3处。\n", "3处", True),
    # rule problems part (nlp/text/plan_parts.py): the problems sub-section of a problems-and-plans heading
    ("a problems sub-section under a problems-and-plans heading states what is",
     "五、存在的问题和明年打算\n（一）存在的问题\n社区专职工作人员仅有9名，服务居民6000余户。\n（二）明年打算\n计划新增网格员3名。\n",
     "9名", False),
    ("… and so do its own sub-sections",
     "五、存在的问题和明年打算\n（一）存在的不足\n1.人手紧张\n专职工作人员仅有9名。\n（二）明年打算\n计划新增网格员3名。\n",
     "9名", False),
    ("… while the plan sub-section stays a plan",
     "五、存在的问题和明年打算\n（一）存在的问题\n社区专职工作人员仅有9名，服务居民6000余户。\n（二）明年打算\n计划新增网格员3名。\n",
     "3名", True),
]

# A government report: a review of one year, then the next year's part named by its year only, its
# chapters numbered as siblings of the part title (nlp/text/plan_parts.py).
REPORT = (
    "一、2022年工作回顾\n（一）产业稳步发展\n全年新增市场主体320户。\n（二）民生持续改善\n改造老旧小区12个。\n"
    "二、2023年发展的总体要求\n地区生产总值增长6%左右。\n"
    "三、抓好乡村振兴\n建设示范村15个。\n"
    "四、做好民生保障\n新增城镇就业2400人。\n"
)
REPORT_CASES = [
    ("the review part", "320户", False),
    ("a heading naming the year after the review", "6%左右", True),
    ("a chapter after the childless part title", "15个", True),
    ("the last chapter of the plan part", "2400人", True),
]


@pytest.mark.parametrize(("figure", "planned"), [c[1:] for c in REPORT_CASES], ids=[c[0] for c in REPORT_CASES])
def test_report_plan_parts(figure: str, planned: bool) -> None:
    facts = [f for f in parse_text(REPORT).facts if f.text == figure]
    assert facts and facts[0].planned is planned


def test_plan_part_ends_at_a_review_heading() -> None:
    text = REPORT + "五、2023年一季度工作总结\n走访企业45家。\n"
    facts = [f for f in parse_text(text).facts if f.text == "45家"]
    assert facts and facts[0].planned is False


def test_a_plan_chapter_with_sub_sections_does_not_reach_its_siblings() -> None:
    text = ("一、2022年工作回顾\n全年新增市场主体320户。\n二、2023年主要任务\n（一）抓好产业\n建设示范村15个。\n"
            "三、加强政府自身建设\n开展廉政教育6次。\n")
    facts = {f.text: f.planned for f in parse_text(text).facts}
    assert facts.get("15个") is True and facts.get("6次") is False


@pytest.mark.parametrize(("text", "figure", "planned"), [c[1:] for c in SECTIONS], ids=[c[0] for c in SECTIONS])
def test_section_planned(text: str, figure: str, planned: bool) -> None:
    facts = [f for f in parse_text(DONE + text).facts if f.text == figure]
    assert facts and facts[0].planned is planned


def test_a_glued_plan_part_title_makes_the_chapters_after_it_plans() -> None:
    # A page whose line breaks were lost: the plan part's title runs into its first sentence.
    text = ("（一）产业稳步发展\n全年新增市场主体320户。\n存在的不足，我们将努力解决。2023年工作安排2023年是关键之年。\n"
            "一、抓好乡村振兴\n建设示范村15个。\n二、做好民生保障\n新增城镇就业2400人。\n")
    facts = {f.text: f.planned for f in parse_text(text).facts}
    assert facts.get("320户") is False
    assert facts.get("15个") is True and facts.get("2400人") is True


# Rule present_state (nlp/figures/planned.py): a plan's sentence opened by what exists now gives facts
# up to a clause that plans (a plan marker or a word of the time planned for).
PLAN_DOCUMENT = (
    "青松社区2025年工作计划\n"
    "2025年是“十四五”收官之年。截至2024年底，社区现有居民2100户，其中60岁以上老人530人；党员96名，全社区划分网格7个。\n"
    "社区书屋现有图书3000册，今年新增图书600册。老年食堂现有就餐老人45人，计划扩大到70人。\n"
    "一、党建工作\n举办党课4次，在现有基础上新建党员活动室1处。\n"
)
PRESENT_STATE = [
    ("截至 … 现有 opens a statement of now", "2100户", False),
    ("… its 其中 clause", "530人", False),
    ("… across ； to the sentence's end", "7个", False),
    ("a subject before 现有", "3000册", False),
    ("a clause of the year planned ends it", "600册", True),
    ("a plan marker ends it", "70人", True),
    ("在现有基础上 opens no statement", "1处", True),
    ("a plan's own figures", "4次", True),
]


@pytest.mark.parametrize(("figure", "planned"), [c[1:] for c in PRESENT_STATE], ids=[c[0] for c in PRESENT_STATE])
def test_plan_document_present_state(figure: str, planned: bool) -> None:
    facts = [f for f in parse_text(PLAN_DOCUMENT).facts if f.text == figure]
    assert facts and facts[0].planned is planned
