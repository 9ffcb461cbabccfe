"""Projects reported by their state (建成投用, 开工建设, 完成主体工程) and the stages of a project,
as invented sentences read by the whole pipeline (rules and the shipped model).

The error classes come from blind labels of sentences of the long reports
(evaluation/activities_long.py); every sentence here is invented in the genre's style.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text


def _activities(text: str) -> list[tuple[str, str]]:
    return [(a.name, str(a.kind)) for a in parse_text(text).activities]


# (sentence, the project found, as a project)
FINISHED = [
    ("社区服务中心已建成投运，群众办事更便捷。", "社区服务中心"),
    ("8处健身广场投入使用。", "健身广场"),
    ("村卫生站完成主体工程，年底前投用。", "村卫生站"),
    ("日间照料中心建成投用，可容纳老人30名。", "日间照料中心"),
    ("南门污水处理厂开工建设。", "南门污水处理厂"),
]


@pytest.mark.parametrize(("text", "name"), FINISHED, ids=[c[1] for c in FINISHED])
def test_project_named_by_its_state(text: str, name: str) -> None:
    assert (name, "project") in _activities(text)


# (sentence, words that must not be an activity name): a stage of a project named before it, a bare
# project word
STAGES = [
    ("两座泵站完成基础工程，明年交付。", ["基础工程"]),
    ("全年9个项目竣工投产。", ["项目"]),
]


@pytest.mark.parametrize(("text", "words"), STAGES, ids=[c[1][0] for c in STAGES])
def test_stage_is_no_name(text: str, words: list[str]) -> None:
    names = [n for n, _ in _activities(text)]
    assert not [n for n in names if n in words]


# (sentence, the projects of a list of built facilities): one project per item, the verb outside
FACILITY_LISTS = [
    ("今年社区改造了幸福路、光明路、团结路，居民出行更方便。", ["幸福路", "光明路", "团结路"]),
    ("年内新建了文化站和卫生院。", ["文化站", "卫生院"]),
    ("修缮了东门桥和西门桥。", ["东门桥", "西门桥"]),
]


@pytest.mark.parametrize(("text", "names"), FACILITY_LISTS, ids=[c[1][0] for c in FACILITY_LISTS])
def test_facility_list_items(text: str, names: list[str]) -> None:
    found = _activities(text)
    assert [(n, "project") for n in names] == [a for a in found if a[0] in names]
    assert not [n for n, _ in found if n.startswith(("改造", "新建", "修缮"))]


# (sentence, words that must not be an activity name): the kind of government to become is an aim
AIMS = [
    ("着力建设群众满意的服务型政府。", ["服务型政府", "群众满意的"]),
    ("着力打造学习型党组织。", ["学习型党组织"]),
]


@pytest.mark.parametrize(("text", "words"), AIMS, ids=[c[1][0] for c in AIMS])
def test_aim_is_no_activity(text: str, words: list[str]) -> None:
    names = [n for n, _ in _activities(text)]
    assert not [n for n in names for w in words if w in n]


# (sentence, name, kind): a finished project with its length after the predicate, a building
# verb's object ending where the predicate starts, a started project, and campaigns named as a
# battle or a revolution
READ = [
    ("村道硬化工程完工3.5公里，惠及群众300人。", "村道硬化工程", "project"),
    ("新建文化广场已竣工。", "文化广场", "project"),
    ("村南环路完工800米。", "村南环路", "project"),
    ("扎实推进厕所革命，改造户厕120座。", "厕所革命", "campaign"),
    ("开展人居环境整治攻坚战，清理垃圾50吨。", "人居环境整治攻坚战", "campaign"),
]


@pytest.mark.parametrize(("text", "name", "kind"), READ, ids=[c[1] for c in READ])
def test_name_and_kind(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _activities(text)


def test_an_event_named_by_a_start_keeps_its_name() -> None:
    """开工 ends no verb's object: 集中开工 is the event organised."""
    names = [n for n, _ in _activities("街道组织3次重大项目集中开工。")]
    assert "组织" not in names and any("集中开工" in n for n in names)


# (sentence, name): the title a 创建/争创 competes for is a campaign, whatever its words name
TITLES = [
    ("社区创建学习型家庭示范户10户。", "学习型家庭示范户"),
    ("成功创建省级文明单位2个。", "省级文明单位"),
]


@pytest.mark.parametrize(("text", "name"), TITLES, ids=[c[1] for c in TITLES])
def test_title_competed_for_is_a_campaign(text: str, name: str) -> None:
    assert (name, "campaign") in _activities(text)


def test_a_body_set_up_for_a_title_stays_an_organization() -> None:
    found = _activities("社区成立了创建工作领导小组。")
    assert [k for n, k in found if n.endswith("领导小组")] == ["organization"]


# (sentence, name, kind): kinds read without the place an act is brought to; a road built; a repair;
# a finished project with its date between, kept though the tagger never saw one
MORE = [
    ("社区联合律所开展法律咨询进楼院活动2场。", "法律咨询进楼院活动", "service"),
    ("硬化入户路1.2公里。", "入户路", "project"),
    ("全年维修路灯38盏。", "维修路灯", "project"),
    ("村老年食堂于9月正式投入运营。", "村老年食堂", "project"),
    ("儿童游乐场改造工程完工，新增滑梯2套。", "儿童游乐场改造工程", "project"),
]


@pytest.mark.parametrize(("text", "name", "kind"), MORE, ids=[c[1] for c in MORE])
def test_more_names_and_kinds(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _activities(text)


def test_a_finished_project_keeps_the_rules_cut() -> None:
    """The tagger cut 东岗至西岗通组公路拓宽工程 apart at 至; a finished project is kept whole."""
    names = [n for n, _ in _activities("投资60万元的东岗至西岗通组公路拓宽工程已完工。")]
    assert names == ["东岗至西岗通组公路拓宽工程"]


def test_how_the_work_went_is_framing() -> None:
    """开展情况 is how the work went, not 开展 + an object: the report's own framing."""
    assert _activities("现就我社区2025年工作开展情况作简要汇报。") == []


def test_inline_numbering_is_no_part_of_a_finished_project() -> None:
    names = [n for n, _ in _activities("一是通组公路硬化工程已完工，二是文化广场投入使用。")]
    assert names == ["通组公路硬化工程", "文化广场"]
