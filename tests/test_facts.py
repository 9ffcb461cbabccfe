"""Facts end to end: the examples of the facts issue, each as a table row."""

from __future__ import annotations

import pytest

from nlp.figures.facts import PLAN_LIST_REACH, PLAN_REACH, build_facts, plan_window
from nlp.figures.indicators import indicators, match_indicator
from nlp.pipeline import parse_text
from nlp.text.document import Text


def facts_of(text: str):
    """The facts stage alone, on a small Text."""
    doc = Text.from_string(text)
    return [(f.text, f.value, f.unit, f.qualifier.value, f.subject) for f in build_facts(doc, doc.figures, ())]


SUBJECTS = [
    ("party_members", "枫林社区党支部现有党员38名。", [("38名", 38.0, "名", "exact", "党员")]),
    ("theme_day", "上半年开展主题党日活动6次。", [("6次", 6.0, "次", "exact", "主题党日活动")]),
    ("two_in_a_clause", "全年讲党课2次,志愿服务15次。", [("2次", 2.0, "次", "exact", "党课"), ("15次", 15.0, "次", "exact", "志愿服务")]),
    ("households_and_persons", "社区现有低保户86户203人。", [("86户", 86.0, "户", "exact", "低保户"), ("203人", 203.0, "人", "exact", "低保户")]),
    ("rate", "经测评,群众满意率95%。", [("95%", 95.0, "%", "exact", "群众满意率")]),
    ("money_and_count", "投资4.2万元对9户危房进行修缮。", [("4.2万元", 42000.0, "元", "exact", "投资"), ("9户", 9.0, "户", "exact", "危房")]),
    ("subset", "支部现有党员38名,其中支委成员4名。", [("38名", 38.0, "名", "exact", "党员"), ("4名", 4.0, "名", "exact", "支委成员")]),
    ("approx_compound_unit", "开展各类活动30余场次,覆盖群众800余人次。", [("30余场次", 30.0, "场次", "approx", "活动"), ("800余人次", 800.0, "人次", "approx", "群众")]),
    ("classifier_before_noun", "组建了三支志愿服务队伍。", [("三支", 3.0, "支", "exact", "志愿服务队伍")]),
    ("range", "每月组织巡逻3-4次。", [("3-4次", None, "次", "range", "巡逻")]),
    ("masked", "全年走访困难家庭xx户。", [("xx户", None, "户", "masked", "困难家庭")]),
    ("age_bands", "其中18岁以下210人,18岁至60岁640人。", [("210人", 210.0, "人", "exact", "18岁以下"), ("640人", 640.0, "人", "exact", "18岁至60岁")]),
    ("title_in_book_marks", "为育龄妇女办理《婚育证明》12份。", [("12份", 12.0, "份", "exact", "婚育证明")]),
    ("count_word", "社区户数860户。", [("860户", 860.0, "户", "exact", "户数")]),
    ("money_named_by_verb", "组织党员为灾区捐款3200元。", [("3200元", 3200.0, "元", "exact", "灾区捐款")]),
    ("noun_after_de", "对乱倒垃圾者进行50元的处罚。", [("50元", 50.0, "元", "exact", "处罚")]),
    ("place_before_households_is_no_subject", "社区现有住户2676户。", [("2676户", 2676.0, "户", "exact", "住户")]),
    ("masked_count_of_villages", "将xx个村合并为x个社区。", [("xx个", None, "个", "masked", "村"), ("x个", None, "个", "masked", "社区")]),
]


@pytest.mark.parametrize("text, expected", [row[1:] for row in SUBJECTS], ids=[row[0] for row in SUBJECTS])
def test_figures_with_their_subjects(text, expected):
    assert facts_of(text) == expected


INDICATORS = [
    ("party_members", "社区现有党员41名。", "party_members"),
    ("low_income_households", "现有低保户32户。", "low_income_households"),
    ("low_income_persons", "现有低保户32户51人。", "low_income_persons"),
    ("satisfaction", "群众满意率达到98%。", "satisfaction_rate"),
    ("mediation_rate", "调解成功率100%。", "mediation_success_rate"),
    ("disputes", "全年调解矛盾纠纷23起。", "disputes_mediated"),
    ("investment", "投资12万元硬化道路。", "investment_yuan"),
    ("bare_households", "社区现有1835户,5472人。", "households_total"),
    ("bare_population", "社区现有1835户,5472人。", "population_total"),
]


@pytest.mark.parametrize("text, indicator", [row[1:] for row in INDICATORS], ids=[row[0] for row in INDICATORS])
def test_indicator_of_a_fact(text, indicator):
    assert indicator in [f.indicator for f in parse_text(text + "\n").facts]


def test_indicator_table_has_every_spec_id_and_eighty_rows():
    ids = {i.id for i in indicators()}
    spec = """population_total households_total population_resident population_floating party_members
    low_income_households low_income_persons disabled_persons elderly_persons volunteers volunteer_activities
    disputes_mediated mediation_success_rate satisfaction_rate patrols criminal_cases activities_held participants
    trainings trainees employed_persons unemployed_persons investment_yuan funds_disbursed_yuan donations_yuan
    households_visited problems_resolved_rate party_lessons theme_party_days""".split()
    assert set(spec) <= ids
    assert len(ids) >= 80


@pytest.mark.parametrize(
    "subject, unit, expected",
    [("党员", "名", "party_members"), ("党员", "元", None), ("调解成功率", "%", "mediation_success_rate"), (None, "人", None)],
)
def test_match_indicator_needs_subject_and_unit(subject, unit, expected):
    found = match_indicator(subject, unit)
    assert (found.id if found else None) == expected


PLANNED = [
    ("target_sentence", "下半年力争新发展党员2名。", True),
    ("future_jiang", "我们将继续开展文明创建活动3次。", True),
    ("done", "上半年发展党员2名。", False),
    ("plan_section", "一、上半年工作\n发展党员2名。\n二、下半年工作打算\n发展党员3名。", None),
    ("family_planning_is_a_field", "全面落实计划生育政策,育龄妇女320人。", False),
    ("marker_in_previous_clause", "今年开展活动6次,下一步,力争发展党员2名。", None),
]


@pytest.mark.parametrize("text, planned", [row[1:] for row in PLANNED], ids=[row[0] for row in PLANNED])
def test_planned(text, planned):
    facts = parse_text(text + "\n").facts
    if planned is None:  # done first, planned last
        assert [f.planned for f in facts] == [False, True]
    else:
        assert facts and all(f.planned is planned for f in facts)


def test_plan_document_makes_every_figure_a_target():
    text = "2024年社区工作计划\n一、党建工作\n发展党员3名,开展主题党日活动12次。\n"
    assert [f.planned for f in parse_text(text).facts] == [True, True]


def test_plan_window_is_the_clause_up_to_the_figure_and_the_one_before():
    text = "今年开展活动6次,下一步,力争发展党员2名。"
    start = text.index("2名")
    assert plan_window(Text.from_string(text), start, start + 2) == "下一步,力争发展党员2名"


def test_plan_window_is_bounded_in_a_clause_without_punctuation():
    # a clause of figures is a list and reaches further back, but still a bounded way
    text = "计划" + "开展活动6次" * 100
    start = text.rindex("6次")
    window = plan_window(Text.from_string(text), start, start + 2)
    assert window.endswith("6次") and PLAN_REACH < len(window) <= PLAN_LIST_REACH + 2
    text = "计划" + "开展各类活动" * 100 + "6次"
    start = text.rindex("6次")
    window = plan_window(Text.from_string(text), start, start + 2)
    assert window.endswith("6次") and len(window) <= PLAN_REACH + 2


def test_plan_window_reads_a_bounded_stretch_of_a_long_run_of_figures(monkeypatch):
    # every figure of a run with no punctuation reads at most the list reach back, so the run stays linear
    import nlp.figures.facts as facts

    read: list[int] = []

    def recording(clause: str) -> bool:
        read.append(len(clause))
        return True

    monkeypatch.setattr(facts, "continues_figure_list", recording)
    text = "计划" + "开展活动6次" * 2000
    doc = Text.from_string(text)
    for at in range(len(text) - 2, len(text) - 600, -6):
        plan_window(doc, at, at + 2)
    assert read and max(read) <= PLAN_LIST_REACH


def test_plan_window_colon_lead_is_bounded():
    text = "目标" * 100 + "：新增就业岗位120个；养老床位300张。"
    start = text.rindex("300")
    window = plan_window(Text.from_string(text), start, start + 4)
    assert window.endswith("300张") and len(window) <= 2 * PLAN_REACH + 20


def test_traditional_text_keeps_original_offsets_and_simplified_subjects():
    text = "社區現有黨員38名,其中支委成員4名。\n"
    result = parse_text(text)
    assert [(f.text, f.subject) for f in result.facts] == [("38名", "党员"), ("4名", "支委成员")]
    assert all(text[f.start : f.end] == f.text for f in result.facts)


def test_fact_category_follows_topic():
    result = parse_text("一、社会治安\n全年调解矛盾纠纷23起,调解成功率100%。\n二、党的建设\n社区现有党员41名。\n")
    assert [f.category.value for f in result.facts] == ["governance_security", "governance_security", "party_building"]
