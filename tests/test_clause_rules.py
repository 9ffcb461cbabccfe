"""The clause rules of indicator resolution (nlp/figures/clause_rules.py), each read through the whole
pipeline on invented report sentences, and each rule's function alone.

Every case: (document, figure text, indicator, breakdown, scope).
"""

import pytest

import nlp
from nlp.figures.clause_rules import (
    caring_visit,
    donors_only,
    elided_part,
    outcome_measure,
    part_clause_opened,
    phrase_before,
    quoted_act,
    visit_count,
    zero_measure,
)
from nlp.figures.people_rules import (
    employment_outcome,
    measure_of_phrase,
    participant_measure,
    registered_noun,
    team_before,
)

COMMUNITY = "青石巷社区2024年工作总结\n"
VILLAGE = "河湾村2023年上半年工作总结\n"

CASES = [
    # visit_count: a count of homes after 走访/入户 is households_visited whatever is visited
    (COMMUNITY + "全年走访慰问孤寡老人、残疾人家庭等140余户次，送去慰问品。", "140余户次", "households_visited", None, "unit"),
    (COMMUNITY + "春节前走访慰问五保老人、困难群众72户。", "72户", "households_visited", None, "unit"),
    (VILLAGE + "村两委入户走访低保户、独居老人共85户。", "85户", "households_visited", None, "unit"),
    # outcome_measure: 调解成功N起 is the part that succeeded, or the whole with no count before it
    (COMMUNITY + "受理矛盾纠纷42起，调解成功40起，调解成功率95.2%。", "40起", "disputes_mediated", {"status": "成功"}, "unit"),
    (COMMUNITY + "受理矛盾纠纷42起，调解成功40起，调解成功率95.2%。", "42起", "disputes_mediated", None, "unit"),
    (COMMUNITY + "全年受理矛盾纠纷60起，其中邻里纠纷25起。通过上门劝导等方式，调解成功57起。", "57起", "disputes_mediated", {"status": "成功"}, "unit"),
    (VILLAGE + "依托人民调解委员会，全年调处成功15起。", "15起", "disputes_mediated", None, "unit"),
    # elided_change: a change word with no noun changes the measure counted before it
    (COMMUNITY + "现有低保户21户40人，全年新增3户、退出2户。", "3户", "low_income_households", {"change": "新增"}, "unit"),
    (COMMUNITY + "现有低保户21户40人，全年新增3户、退出2户。", "2户", "low_income_households", {"change": "退出"}, "unit"),
    (COMMUNITY + "新纳入低保5户9人，停保3户6人。", "6人", "low_income_persons", {"change": "停保"}, "unit"),
    (COMMUNITY + "支部现有党员48名，年内发展2名、转入1名。", "1名", "party_members", {"change": "转入"}, "unit"),
    (COMMUNITY + "现有党员60名，新增低保户4户。", "4户", "low_income_households", {"change": "新增"}, "unit"),
    (COMMUNITY + "新申请低保2户，经审核全部纳入。", "2户", "low_income_households", {"change": "新申请"}, "unit"),
    # participant_measure: those who took part in an act
    (COMMUNITY + "开展重温入党誓词活动，参加党员56人次。", "56人次", "participants", {"kind": "重温入党誓词活动"}, "unit"),
    (COMMUNITY + "组织消防演练2场，参与居民210人。", "210人", "participants", {"kind": "消防演练"}, "unit"),
    (COMMUNITY + "开展楼道清理行动6次，发动群众380人次。", "380人次", "participants", {"kind": "楼道清理行动"}, "unit"),
    (COMMUNITY + "举办家风讲座5期，听众近600人次。", "近600人次", "trainees", {"kind": "家风讲座"}, "unit"),
    (COMMUNITY + "举办党员冬训2期，参训党员95人次。", "95人次", "trainees", {"kind": "党员冬训"}, "unit"),
    (COMMUNITY + "举办电商培训班3期，参加学员120人次。", "120人次", "trainees", {"kind": "电商培训班"}, "unit"),
    (COMMUNITY + "开展趣味知识竞赛，参赛党员和居民64人。", "64人", "participants", {"kind": "趣味知识竞赛"}, "unit"),
    # money collected is whole unless an occasion is named; donors are no occasion
    (COMMUNITY + "组织党员群众自愿捐款1.2万元。", "1.2万元", "donations_yuan", None, "unit"),
    (COMMUNITY + "开展慈善一日捐活动，募集善款8600元。", "8600元", "donations_yuan", None, "unit"),
    (COMMUNITY + "收到居民捐款3000余元。", "3000余元", "donations_yuan", None, "unit"),
    (COMMUNITY + "为抗洪救灾捐款6800元。", "6800元", "donations_yuan", {"kind": "抗洪救灾"}, "unit"),
    (COMMUNITY + "全年发放低保金及各类救助金86.5万元。", "86.5万元", "funds_disbursed_yuan", None, "unit"),
    (COMMUNITY + "发放低保金12万元。", "12万元", "funds_disbursed_yuan", {"kind": "低保金"}, "unit"),
    # a statistic that is whole by definition
    (COMMUNITY + "上半年共完成基础设施投资35万元。", "35万元", "investment_yuan", None, "unit"),
    # whose audience: one act's unless the sentence counts all acts
    (COMMUNITY + "组织党员到烈士陵园瞻仰缅怀，参加党员39人。", "39人", "participants", {"kind": "组织党员到烈士陵园瞻仰缅怀"}, "unit"),
    (COMMUNITY + "全年开展各类活动50场，其中文体活动30场、健康讲座10场，参与居民4000余人次。", "4000余人次", "participants", None, "unit"),
    (COMMUNITY + "全年开展各类活动60场，参与群众5000人次。", "5000人次", "participants", None, "unit"),
    (COMMUNITY + "打造“邻里课堂”品牌，全年累计举办9期，听众近700人次。", "近700人次", "participants", {"kind": "打造“邻里课堂”品牌"}, "unit"),
    (COMMUNITY + "组建巡逻队2支，全年巡逻150次，出动巡逻人员900余人次。", "900余人次", "participants", {"kind": "巡逻"}, "unit"),
    (COMMUNITY + "组建巡逻队2支，全年巡逻150次，出动巡逻人员900余人次。", "150次", "patrols", None, "unit"),
    # the audience is the unit's: where the act went does not move it, its own clause's place does
    (COMMUNITY + "在第2网格组织应急疏散演练2次，参与居民260余人。", "260余人", "participants", {"kind": "应急疏散演练"}, "unit"),
    (COMMUNITY + "组织党员到邻县烈士陵园瞻仰缅怀，参加党员39人。", "39人", "participants", {"kind": "组织党员到邻县烈士陵园瞻仰缅怀"}, "unit"),
    (COMMUNITY + "全市共出动志愿者人员2万人次。", "2万人次", "participants", {"kind": "全市共出动志愿者人员"}, "wider"),
    (COMMUNITY + "受理居民诉求230件，接待来访群众150人次。", "150人次", None, None, "unit"),
    (COMMUNITY + "开展各类活动60场，服务居民8000人次。", "8000人次", None, None, "unit"),
    (COMMUNITY + "组织党员45名到红色教育基地参观学习。", "45名", None, None, "unit"),
    # quoted_act: a named act is one kind
    (COMMUNITY + "开展“邻里守望”活动4次，参与居民210人。", "4次", "activities_held", {"kind": "“邻里守望”活动"}, "unit"),
    # zero_measure: a zero statement is a figure of the measure its noun names
    (COMMUNITY + "全年辖区刑事案件零发生。", "零", "criminal_cases", None, "unit"),
    # listed acts in a 其中 clause are kinds of the whole before
    (COMMUNITY + "全年开展各类活动40场，其中文艺演出10场、讲座8场、志愿服务12场。", "8场", "activities_held", {"kind": "讲座"}, "unit"),
    (COMMUNITY + "全年开展各类活动40场，其中文艺演出10场、讲座8场、志愿服务12场。", "12场", "activities_held", {"kind": "志愿服务"}, "unit"),
    (COMMUNITY + "上党课6次，其中书记讲党课2次。", "2次", "party_lessons", {"kind": "书记讲党课"}, "unit"),
    (COMMUNITY + "上党课4次，其中专题党课2次，组织主题党日活动12次。", "12次", "theme_party_days", None, "unit"),
    # clinics, job fairs and report meetings are kinds of activities held (indicators.csv public_events)
    (COMMUNITY + "联合卫生院开展义诊4次，为老人测量血压。", "4次", "activities_held", {"kind": "义诊"}, "unit"),
    (COMMUNITY + "举办专场招聘会2场，提供岗位300个。", "2场", "activities_held", {"kind": "专场招聘会"}, "unit"),
    (COMMUNITY + "开展矛盾纠纷排查6次，调解纠纷12起。", "6次", "activities_held", {"kind": "矛盾纠纷排查"}, "unit"),
    (COMMUNITY + "开展消防安全排查8次。", "8次", "fire_inspections", None, "unit"),
    # 慰问/看望 with no 走访 is a hardship visit; a wider area inside a quoted campaign name is no owner
    (COMMUNITY + "春节期间慰问困难群众90余人次。", "90余人次", "hardship_visits", None, "unit"),
    (COMMUNITY + "慰问低保家庭21户。", "21户", "hardship_visits", None, "unit"),
    (COMMUNITY + "开展“全国助残日”宣传活动，组织社工上门慰问残疾人5户。", "5户", "hardship_visits", None, "unit"),
    # registering counts the noun before the verb; finding work counts employed persons
    (COMMUNITY + "辖区在职党员到社区报到43名。", "43名", "party_members", {"status": "在职"}, "unit"),
    (COMMUNITY + "帮助失业人员再就业61人。", "61人", "employed_persons", {"kind": "再就业"}, "unit"),
    (COMMUNITY + "帮助42名失业人员实现再就业。", "42名", "employed_persons", {"kind": "再就业"}, "unit"),
    (COMMUNITY + "现有失业人员42名。", "42名", "unemployed_persons", None, "unit"),
    (COMMUNITY + "全年下岗失业人员实现再就业64人。", "64人", "employed_persons", {"kind": "再就业"}, "unit"),
    (COMMUNITY + "全年实现就业155人。", "155人", "employed_persons", None, "unit"),
    # data: 另有 leaves a measure whole, 外出务工 is a status
    (COMMUNITY + "现有党员60名，另有流动党员7名。", "7名", "party_members", {"status": "流动"}, "unit"),
    (COMMUNITY + "60岁以上党员19名，外出务工党员8名。", "8名", "party_members", {"status": "外出务工"}, "unit"),
    # volunteers of one team, turnouts for one act; the registered stock is whole
    (COMMUNITY + "社区组建“夕阳红”志愿服务队，吸纳志愿者120名。", "120名", "volunteers", {"kind": "“夕阳红”志愿服务队"}, "unit"),
    (COMMUNITY + "开展学雷锋志愿服务活动，志愿者42人次为居民义务理发。", "42人次", "volunteers", {"kind": "学雷锋志愿服务活动"}, "unit"),
    (COMMUNITY + "组建志愿服务队5支，注册志愿者300名。", "300名", "volunteers", None, "unit"),
    # a survey method names no object of a rate
    (COMMUNITY + "年底问卷调查居民满意率96.5%。", "96.5%", "satisfaction_rate", None, "unit"),
    (COMMUNITY + "电话回访群众满意率98%。", "98%", "satisfaction_rate", None, "unit"),
]


def _fact(document: str, figure: str):
    parse = nlp.parse_text(document)
    found = [f for f in parse.facts if f.text == figure]
    assert found, f"{figure!r} not found among {[f.text for f in parse.facts]}"
    return found[0]


@pytest.mark.parametrize(("document", "figure", "indicator", "breakdown", "scope"), CASES)
def test_clause_rules_in_the_pipeline(document, figure, indicator, breakdown, scope):
    fact = _fact(document, figure)
    assert (fact.indicator, fact.breakdown, fact.scope) == (indicator, breakdown, scope)


@pytest.mark.parametrize(
    ("phrase", "unit", "visits"),
    [
        ("全年走访慰问孤寡老人、残疾人家庭等", "户次", True),
        ("入户走访低保户、独居老人共", "户", True),
        ("走访中新识别困难户", "户", False),
        ("开展入户走访", "次", False),
        ("慰问困难群众", "户", False),
    ],
)
def test_visit_count(phrase, unit, visits):
    assert visit_count(phrase, unit) is visits


def test_phrase_before_keeps_lists_and_stops_at_commas():
    text = "共有低保户20户，走访慰问独居老人、残疾人家庭等40户"
    assert phrase_before(text, len(text) - 3) == "走访慰问独居老人、残疾人家庭等"


@pytest.mark.parametrize(
    ("noun", "clause", "indicator"),
    [("成功", "调解成功", "disputes_mediated"), ("成功", "化解成功", "disputes_mediated"), ("成功", "宣传成功", None), ("党员", "调解党员", None)],
)
def test_outcome_measure(noun, clause, indicator):
    found = outcome_measure(noun, clause)
    assert (found.id if found else None) == indicator


@pytest.mark.parametrize(
    ("words", "change"),
    [("全年新增", "新增"), ("退出", "退出"), ("上半年停保", "停保"), ("新增低保", None), ("累计", None), (None, None), ("全年", None)],
)
def test_elided_part(words, change):
    assert elided_part(words) == ({"change": change} if change else None)


@pytest.mark.parametrize(
    ("clause", "noun", "unit", "unit_before", "measure"),
    [
        ("参加党员", "党员", "人次", None, "participants"),
        ("参与居民", "居民", "人", None, "participants"),
        ("组织党员", "党员", "名", None, None),
        ("组织党员", "党员", "人次", None, "participants"),
        ("听众", "听众", "人次", "期", "participants"),
        ("累计", None, "人次", "场", "participants"),
        ("听众", "听众", "人次", "件", None),
        ("服务居民", "服务居民", "人次", "场", None),
        ("参训党员", "参训党员", "人次", "期", "trainees"),
        ("参加", "宣传资料", "人次", None, None),
    ],
)
def test_participant_measure(clause, noun, unit, unit_before, measure):
    assert participant_measure(clause, noun, unit, unit_before) == measure


def test_quoted_act_names_the_act_with_its_marks():
    text = "开展“清洁家园”集中行动5次"
    assert quoted_act(text, text.index("集中"), 0) == "“清洁家园”集中行动"
    assert quoted_act("开展集中行动5次", 2, 0) is None


def test_zero_measure_finds_the_unit_that_names_a_measure():
    indicator, parts = zero_measure("刑事案件")
    assert (indicator.id, parts) == ("criminal_cases", None)
    assert zero_measure("安全事故隐患") is None or zero_measure("安全事故隐患")[0].id != "criminal_cases"
    assert zero_measure(None) is None


@pytest.mark.parametrize(
    ("between", "opened"), [("，其中文艺演出10场、", True), ("。其中", True), ("，其中男性20人。另有", False), ("、", False)]
)
def test_part_clause_opened(between, opened):
    assert part_clause_opened(between, ("其中",)) is opened


@pytest.mark.parametrize(
    ("document", "figure", "indicator", "breakdown"),
    [
        (COMMUNITY + "持证残疾人120人，其中一、二级重度残疾人40名，三、四级 80名。", "80名", "disabled_persons", {"kind": "三、四级"}),
        (COMMUNITY + "持证残疾人120人，其中一、二级重度残疾人40名，三、四级 80名。", "40名", "disabled_persons", {"kind": "一、二级", "status": "重度"}),
        (COMMUNITY + "持证残疾人96人，其中三四级残疾人61人。", "61人", "disabled_persons", {"kind": "三四级"}),
    ],
)
def test_grades_are_one_marker_and_a_bare_grade_is_a_part(document, figure, indicator, breakdown):
    fact = _fact(document, figure)
    assert (fact.indicator, fact.breakdown) == (indicator, breakdown)


@pytest.mark.parametrize(("modifier", "only"), [("党员群众自愿", True), ("收到居民", True), ("抗洪救灾", False), ("春风行动", False)])
def test_donors_only(modifier, only):
    assert donors_only(modifier) is only


@pytest.mark.parametrize(
    ("clause", "noun"), [("辖区在职党员到社区报到", "辖区在职党员"), ("在职党员报到了", "在职党员"), ("社区党员", None), ("报到", None)]
)
def test_registered_noun(clause, noun):
    assert registered_noun(clause) == noun


def test_measure_of_phrase_takes_the_longest_tail_that_names_a_measure():
    indicator, parts = measure_of_phrase("机关企事业单位在职党员", "名")
    assert (indicator.id, parts) == ("party_members", {"status": "在职"})
    assert measure_of_phrase("社区办公用房", "名") is None


@pytest.mark.parametrize(
    ("upto", "after", "found"),
    [
        ("帮助失业人员再就业", "", ("employed_persons", {"kind": "再就业"})),
        ("帮助", "失业人员实现再就业", ("employed_persons", {"kind": "再就业"})),
        ("帮助", "困难群众实现就业", ("employed_persons", None)),
        ("新增就业", "", None),
        ("为", "失业人员提供就业指导", None),
    ],
)
def test_employment_outcome(upto, after, found):
    assert employment_outcome(upto, after) == found


@pytest.mark.parametrize(
    ("sentence", "noun", "team"),
    [
        ("社区组建“银铃守护”志愿服务队，吸纳志愿者", "志愿者", "“银铃守护”志愿服务队"),
        ("依托党员先锋巡逻队，组织队员", "队员", "党员先锋巡逻队"),
        ("组建志愿服务队5支，注册志愿者", "注册志愿者", None),
        ("组建志愿服务队5支，吸纳", None, None),
        ("全年开展志愿服务，参与志愿者", "志愿者", None),
    ],
)
def test_team_before(sentence, noun, team):
    assert team_before(sentence, noun) == team


@pytest.mark.parametrize(
    ("phrase", "unit", "caring"),
    [("春节期间慰问困难群众", "人次", True), ("走访慰问困难家庭", "户", False), ("发放慰问", "元", False), ("看望独居老人", "人", True)],
)
def test_caring_visit(phrase, unit, caring):
    assert caring_visit(phrase, unit) is caring
