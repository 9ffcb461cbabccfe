"""Activities (issue 5): table-driven examples in the genre's style, through the whole pipeline.

Sentences are invented (community names and figures made up) except the issue's own examples.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities.extract import activity_type, find_activities
from nlp.activities.name_checks import is_aim, is_slogan
from nlp.activities.names import trim
from nlp.activities.vocab import activity_types, canonical_type, kind_of_name, type_of_name
from nlp.categories.assign import categorize_parse
from nlp.pipeline import parse_text
from nlp.records import ActivityKind, Category, DocType, Parse


@cache
def parsed(text: str) -> Parse:
    """The text as the grammar rules alone read it. The rules' finds are the learned tagger's
    strongest feature, so their behaviour is pinned here; tests/test_activity_model.py runs the
    same table through the whole pipeline (the tagger's output)."""
    p = parse_text(text, disable=["activities", "categories"])
    assert p.text is not None
    rules = find_activities(
        p.text, p.sections, p.facts, plan_document=p.doc.doc_type == DocType.PLAN, learned=False
    )
    return categorize_parse(replace(p, activities=rules))


def names(text: str) -> list[str]:
    return [a.name for a in parsed(text).activities]


def one(text: str, name: str):
    found = [a for a in parsed(text).activities if a.name == name]
    assert found, f"{name!r} not among {names(text)}"
    return found[0]


# (id, text, the names expected, in order)
FOUND = [
    ("verb_and_noun", "今年社区开展主题党日活动6次。", ["主题党日活动"]),
    (
        "two_joined_by_he",
        "元宵节期间举办元宵灯会和“邻里同心闹元宵”晚会。",
        ["元宵灯会", "“邻里同心闹元宵”晚会"],
    ),
    ("causative_visit", "组织党员参观永辉超市冷链配送中心。", ["参观永辉超市冷链配送中心"]),
    ("organization", "社区成立太极拳队,丰富老年人的业余生活。", ["太极拳队"]),
    ("invite_then_open", "邀请红会医院的专家开设健康讲座。", ["健康讲座"]),
    ("quoted_pair", "开展“银龄课堂”“党员一小时”等形式多样主题活动。", ["“银龄课堂”", "“党员一小时”"]),
    ("coordinated_three", "今年开展了拔河赛、象棋赛、羽毛球赛等文体活动。", ["拔河赛", "象棋赛", "羽毛球赛"]),
    ("noun_counted_no_verb", "全年召开居民代表大会4次,党课3次。", ["居民代表大会", "党课"]),
    ("content_verb_named", "走访慰问辖区困难群众35户。", ["走访慰问辖区困难群众"]),
    (
        "list_continues_after_comma",
        "组织开展了拔河比赛,趣味跳绳赛,受到居民欢迎。",
        ["拔河比赛", "趣味跳绳赛"],
    ),
    ("group_by_de", "成立由书记任组长、委员为成员的疫情防控工作领导小组。", ["疫情防控工作领导小组"]),
    ("preposition_then_verb", "对辖区背街小巷进行全面清理。", ["全面清理"]),
    ("project", "投资12万元新建文化广场一处。", ["文化广场"]),
    ("adverb_fused_with_verb", "社区积极参与“绿色家园、洁净庭院”活动。", ["“绿色家园、洁净庭院”活动"]),
    ("census_work", "积极做好第七次人口普查工作。", ["第七次人口普查工作"]),
    ("thorough_survey", "社区对辖区出租房进行全面摸底。", ["全面摸底"]),
    ("drill", "物业保安进行消防大练兵。", ["消防大练兵"]),
    ("after_object_de", "加强对辖区商户的防汛宣传。", ["防汛宣传"]),
    ("newly_set_up_team", "新组建的腰鼓队参加了街道汇演。", ["腰鼓队", "街道汇演"]),
    ("study_spirit", "组织党员深入学习全会精神。", ["学习全会精神"]),
    ("finished_project", "新河村的自来水管网工程已经完工。", ["自来水管网工程"]),
    ("finished_road", "投资80万元、全长3公里的环村路已竣工通车。", ["环村路"]),
    ("two_finished", "村史馆和村间道路硬化工程均已完工。", ["村史馆", "村间道路硬化工程"]),
    ("project_list_by_investment", "投资5万元修建公厕一座、投资2万元安装路灯12盏。", ["公厕", "路灯"]),
    ("visit_then_finding", "入户走访发现安全隐患17处。", ["入户走访"]),
    ("clearing", "清除楼道小广告400余张。", ["清除楼道小广告"]),
    ("mentioned_as_vehicle", "以“和美邻里”创建活动为载体,凝聚居民。", ["“和美邻里”创建活动"]),
    ("mentioned_in_games", "在东湖街道第三届运动会中取得好成绩。", ["东湖街道第三届运动会"]),
    ("leading_count_dropped", "社区新增一处室外健身场所。", ["室外健身场所"]),
    ("registration_handled", "全年共办理出租房屋登记备案86件次。", ["出租房屋登记备案"]),
    ("fitted_with", "新建公厕一座,配套一个垃圾收集房。", ["公厕", "垃圾收集房"]),
    (
        "partner_is_not_an_item",
        "举办重阳茶话会、与金苗幼儿园共同举办亲子运动会。",
        ["重阳茶话会", "亲子运动会"],
    ),
    ("person_list_before_meeting", "召开各村妇联主席、第一书记座谈会2次。", ["第一书记座谈会"]),
    ("causative_students", "组织中学生开展“小小河长”体验活动。", ["“小小河长”体验活动"]),
    (
        "places_before_one_act",
        "全年办理东苑、西苑等小区出租房屋登记备案120件次。",
        ["东苑、西苑等小区出租房屋登记备案"],
    ),
    ("items_before_generic_tail", "开展包粽子、猜灯谜、唱红歌等活动。", ["包粽子", "猜灯谜", "唱红歌"]),
    ("on_site_survey", "通过实地考察了全镇9个行政村。", ["考察了全镇"]),
    ("two_quoted_mentioned", "以“红旗支部”和“先锋党员”创建活动为载体。", ["“红旗支部”", "“先锋党员”"]),
    (
        "forms_then_second_verb",
        "通过开展国学讲堂、入户走访等形式进行文明宣传活动。",
        ["国学讲堂", "入户走访", "文明宣传活动"],
    ),
    ("named_handing_out_campaign", "开展为留守儿童捐赠图书活动。", ["捐赠图书活动"]),
    ("promotion_named_as_such", "在集市开展禁毒宣传。", ["禁毒宣传"]),
    (
        "partner_before_together",
        "举办重阳敬老茶话会、与青禾小学共同举办书法比赛。",
        ["重阳敬老茶话会", "书法比赛"],
    ),
    (
        "counted_nouns_after_verb",
        "完成村间道路硬化1500平方米、外墙粉刷2600平方米、新建公厕3座。",
        ["村间道路硬化", "外墙粉刷", "公厕"],
    ),
]

NOT_ACTIVITIES = [
    ("slogan_people_first", "坚持以人为本,推进和谐社区建设。"),
    ("aim_raise_level", "进一步加强基层党组织建设,不断提升服务水平。"),
    ("rate_is_not_activity", "民事纠纷调解成功率达到98%。"),
    ("party_organization_noun", "社区党组织充分发挥战斗堡垒作用。"),
    ("generic_work", "社区干部认真开展各项工作。"),
    ("title_line", "桃源社区创建文明社区工作总结"),
    ("document_signed", "社区与辖区商铺签订消防安全目标责任书45份。"),
    ("rule_set_up", "建立健全网格员值班制度,做到责任到人。"),
    ("plan_drawn_up", "结合实际制定《柳湾社区垃圾分类实施方案》。"),
    ("money_handed_out", "中秋节前发放困难群众慰问金6400元。"),
    ("printed_matter_handed_out", "在广场发放防溺水宣传资料500余份。"),
    ("purchase", "购置办公电脑3台。"),
    ("crop_grown", "引导农户种植高山蔬菜300亩。"),
    ("company_brought_in", "引进食品加工企业2家。"),
    ("regime", "对辖区出租屋实行动态管理。"),
    ("donation", "组织居民为灾区捐款8200元。"),
    ("promoted_content", "利用宣传栏宣传邻里互助的好人好事。"),
    ("team_building_aim", "大力推进志愿者队伍建设。"),
    ("staff_post", "聘请兼职网格员三名。"),
    ("teams_that_exist", "社区现有文艺队伍3支。"),
    ("share_of_green", "小区绿地面积达36%。"),
    ("finished_in_general", "目前上述各项目均已完工。"),
    ("mentioned_generic", "积极参与社区的各项活动。"),
    ("business_growth", "新增个体商户35户,培育龙头企业2家。"),
    ("donation_by_cause", "为洪灾地区捐款3600元。"),
    ("area_share", "新建小区绿地面积达40%以上。"),
    ("supervision", "自觉接受居民监督。"),
    ("fitting_as_noun", "依托片区公建配套用房提供服务。"),
    ("what_exists_listed", "辖区有超市2个、卫生所1个。"),
    ("rate_after_content_verb", "居民培训率达到95%以上。"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_found(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", [c[1] for c in NOT_ACTIVITIES], ids=[c[0] for c in NOT_ACTIVITIES])
def test_not_activities(text: str) -> None:
    assert names(text) == []


@pytest.mark.xfail(reason="a work domain + 工作 after 开展 (no act in it) is not told from an act's 工作 yet")
def test_domain_work_is_not_an_activity() -> None:
    assert names("认真开展残疾人就业工作。") == []


# (id, text, name, verb, kind)
KINDS = [
    ("theme_day_meeting", "今年社区开展主题党日活动6次。", "主题党日活动", "开展", ActivityKind.MEETING),
    ("lecture_training", "邀请红会医院的专家开设健康讲座。", "健康讲座", "开设", ActivityKind.TRAINING),
    (
        "gala_event",
        "元宵节期间举办元宵灯会和“邻里同心闹元宵”晚会。",
        "“邻里同心闹元宵”晚会",
        "举办",
        ActivityKind.EVENT,
    ),
    (
        "visit",
        "组织党员参观永辉超市冷链配送中心。",
        "参观永辉超市冷链配送中心",
        "参观",
        ActivityKind.VISIT,
    ),
    (
        "team_organization",
        "社区成立太极拳队,丰富老年人的业余生活。",
        "太极拳队",
        "成立",
        ActivityKind.ORGANIZATION,
    ),
    (
        "patrol_inspection",
        "组织治安巡逻队开展夜间治安巡逻52次。",
        "夜间治安巡逻",
        "开展",
        ActivityKind.INSPECTION,
    ),
    ("publicity_campaign", "开展禁毒宣传活动3场。", "禁毒宣传活动", "开展", ActivityKind.CAMPAIGN),
    ("volunteer_service", "开展学雷锋志愿服务8次。", "学雷锋志愿服务", "开展", ActivityKind.SERVICE),
    ("road_project", "完成村间道路硬化3200平方米。", "村间道路硬化", "完成", ActivityKind.PROJECT),
    ("quoted_takes_list_head", "开展“文明家庭”“好婆婆”等评选活动。", "“好婆婆”", "开展", ActivityKind.EVENT),
    ("room_built", "新建老年活动室一间。", "老年活动室", "新建", ActivityKind.PROJECT),
    (
        "centre_set_up",
        "在青林社区建立街道社工指导中心。",
        "街道社工指导中心",
        "建立",
        ActivityKind.ORGANIZATION,
    ),
    (
        "activity_named_after_home",
        "开展共建美丽家园活动。",
        "共建美丽家园活动",
        "开展",
        ActivityKind.CAMPAIGN,
    ),
    ("noun_after_content_verb", "组织网格员入户摸查。", "入户摸查", "入户", ActivityKind.CAMPAIGN),
    ("education_of_a_group", "对辖区青少年开展国防教育。", "国防教育", "开展", ActivityKind.TRAINING),
    ("publicity_education", "开展法制宣传教育。", "法制宣传教育", "开展", ActivityKind.CAMPAIGN),
    ("convenience", "开展便民活动12次。", "便民活动", "开展", ActivityKind.SERVICE),
]


@pytest.mark.parametrize(("text", "name", "verb", "kind"), [c[1:] for c in KINDS], ids=[c[0] for c in KINDS])
def test_kind_and_verb(text: str, name: str, verb: str, kind: ActivityKind) -> None:
    activity = one(text, name)
    assert (activity.verb, activity.kind) == (verb, kind)


# (id, text, name, the figures linked, as written)
LINKS = [
    ("count_after_name", "今年社区开展主题党日活动6次。", "主题党日活动", ["6次"]),
    (
        "count_and_participants",
        "全年开展文明实践活动30余场次,覆盖群众800余人次。",
        "文明实践活动",
        ["30余场次", "800余人次"],
    ),
    ("count_before_name", "组织了6次消防安全检查。", "消防安全检查", ["6次"]),
    ("list_shares_count", "开展助残、敬老等活动6次。", "敬老", ["6次"]),
    ("next_verb_not_linked", "开展义诊活动3次,发放宣传资料400份。", "义诊活动", ["3次"]),
    (
        "project_item_figures",
        "投资6万元建设60平方米的公厕一座、投资2万元修建围栏。",
        "公厕",
        ["6万元", "60平方米", "一座"],
    ),
    ("finished_road_length", "全长4公里的环村路已竣工通车。", "环村路", ["4公里"]),
    ("visit_finding", "入户走访发现安全隐患17处。", "入户走访", ["17处"]),
    ("fitted_with_count", "新建公厕一座,配套一个垃圾收集房。", "垃圾收集房", ["一个"]),
    ("on_site_survey_count", "通过实地考察了全镇9个行政村。", "考察了全镇", ["9个"]),
]


@pytest.mark.parametrize(("text", "name", "figures"), [c[1:] for c in LINKS], ids=[c[0] for c in LINKS])
def test_linked_figures(text: str, name: str, figures: list[str]) -> None:
    p = parsed(text)
    activity = one(text, name)
    assert [p.facts[i].text for i in activity.facts] == figures


PLANNED = [
    ("plan_section", "二、下一步工作打算\n(一)举办消防演练2次,开展反诈宣传进小区活动。", "消防演练", True),
    ("plan_sentence", "下半年我们将继续开展“邻里节”活动。", "“邻里节”活动", True),
    ("done", "上半年开展“邻里节”活动1次。", "“邻里节”活动", False),
]


@pytest.mark.parametrize(("text", "name", "planned"), [c[1:] for c in PLANNED], ids=[c[0] for c in PLANNED])
def test_planned(text: str, name: str, planned: bool) -> None:
    assert one(text, name).planned is planned


CATEGORIES = [
    ("party", "今年社区开展主题党日活动6次。", "主题党日活动", Category.PARTY_BUILDING),
    ("security", "开展禁毒宣传活动3场。", "禁毒宣传活动", Category.GOVERNANCE_SECURITY),
    (
        "environment",
        "组织志愿者开展环境卫生整治活动12次。",
        "环境卫生整治活动",
        Category.ENVIRONMENT_SANITATION,
    ),
    (
        "visit_takes_its_context",
        "为做好疫情防控,组织网格员入户走访返乡人员120户。",
        "入户走访返乡人员",
        Category.HEALTH_EPIDEMIC,
    ),
    (
        "visit_to_the_elderly",
        "重阳节前夕,社区走访慰问辖区高龄老人36户。",
        "走访慰问辖区高龄老人",
        Category.SOCIAL_ASSISTANCE,
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "category"), [c[1:] for c in CATEGORIES], ids=[c[0] for c in CATEGORIES]
)
def test_category(text: str, name: str, category: Category) -> None:
    assert one(text, name).category == category


TYPES = [
    ("theme_party_day", "主题党日活动", "theme_party_day"),
    ("party_lesson", "专题党课", "party_lesson"),
    ("morality_hall", "道德讲堂", "morality_hall"),
    ("fire_drill", "消防演练", "fire_drill"),
    ("anti_fraud", "反诈宣传进小区活动", "anti_fraud"),
    ("health_lecture", "健康知识讲座", "health_lecture"),
    ("gala", "迎新春文艺晚会", "gala"),
    ("volunteer", "学雷锋志愿服务", "volunteer_service"),
    ("home_visit", "入户走访", "home_visit"),
    ("condolence", "慰问困难群众", "condolence_visit"),
    ("patrol", "夜间治安巡逻", "security_patrol"),
    ("cleanup", "环境卫生整治", "environment_cleanup"),
    ("garbage", "垃圾分类宣传", "garbage_sorting"),
    ("unknown", "某某某", None),
]


@pytest.mark.parametrize(("name", "type_id"), [c[1:] for c in TYPES], ids=[c[0] for c in TYPES])
def test_canonical_type(name: str, type_id: str | None) -> None:
    assert canonical_type(name) == type_id


def test_activity_type_of_record() -> None:
    activity = one("今年社区开展主题党日活动6次。", "主题党日活动")
    found = activity_type(activity)
    assert found is not None and found.label_zh == "主题党日" and found.category == Category.PARTY_BUILDING


def test_type_table_is_complete() -> None:
    table = activity_types()
    assert len(table) >= 40
    assert len({t.id for t in table}) == len(table)
    assert all(t.synonyms and t.label_en for t in table)


@pytest.mark.parametrize(
    ("name", "slogan", "aim"),
    [
        ("和谐社区建设", True, True),
        ("服务水平", True, False),
        ("提高服务水平", True, False),
        ("志愿服务活动", False, False),
        ("消防演练", False, False),
    ],
)
def test_slogans_and_aims_are_not_activities(name: str, slogan: bool, aim: bool) -> None:
    assert (is_slogan(name), is_aim(name)) == (slogan, aim)


def test_kind_falls_back_to_verb() -> None:
    assert kind_of_name("某某", "走访") == ActivityKind.VISIT
    assert type_of_name("夜间治安巡逻") is not None


DOC = """桃源社区2023年工作总结
一、党建工作
今年社区开展主题党日活动6次,上党课2次。组织党员参观红色教育基地,举办元宵灯会和“邻里一家亲”晚会。
二、平安建设
开展治安巡逻50余次,调解矛盾纠纷12起。开展反诈宣传活动8场,覆盖居民1200余人次。
三、下一步打算
计划成立老年志愿服务队,举办健康讲座4场。
"""


def test_offsets_hold_on_a_document() -> None:
    p = parse_text(DOC)
    assert p.activities
    for a in p.activities:
        assert p.original[a.start : a.end] == a.text == a.name
        assert all(0 <= i < len(p.facts) for i in a.facts)
    planned = {a.name for a in p.activities if a.planned}
    assert {"老年志愿服务队", "健康讲座"} <= planned


def test_offsets_through_normalization() -> None:
    text = "社區開展主題黨日活動6次，舉辦道德講堂。"
    p = parse_text(text)
    assert p.activities
    for a in p.activities:
        assert p.original[a.start : a.end] == a.text


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="开展举办活动讲座成立队,。、和“”等了党员群众社区6次人", max_size=40))
def test_never_raises_and_spans_hold(text: str) -> None:
    p = parse_text(text)
    again = find_activities(p.text, p.sections, p.facts)  # the stage alone, on the same Text
    assert [(a.start, a.end, a.kind) for a in again] == [(a.start, a.end, a.kind) for a in p.activities]
    for a in p.activities:
        assert p.original[a.start : a.end] == a.text


# pieces the trimming rules act on: clause punctuation, trailing words, leading words, manner
# modifiers before 的, and plain words of a name
_TRIM_PIECES = ["，", "。", "、", " ", "达", "等", "和", "了", "一场", "各种形式的", "形式多样", "的", "系列",
                "志愿", "服务", "讲座", "活动", "党员"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TRIM_PIECES), max_size=12), st.integers(0, 6), st.integers(0, 6))
def test_trim_stops_at_a_fixed_point(pieces: list[str], cut_left: int, cut_right: int) -> None:
    """verb_items trims an object once and does not trim it again when it is a single item: that
    needs trimming a trimmed span to change nothing."""
    text = "".join(pieces)
    start, end = min(cut_left, len(text)), max(min(cut_left, len(text)), len(text) - cut_right)
    once = trim(text, start, end)
    assert trim(text, *once) == once
