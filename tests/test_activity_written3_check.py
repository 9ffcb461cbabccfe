"""Activities: round 2 of the third written batch (the check half opened), as invented sentences
in the genre's style (no corpus sentence). The grammar rules are pinned (``learned=False``); each
row names the rule or word list it exercises (nlp/resources/activity_words.csv and
nlp/resources/activities.toml hold the words, an example and a source each)."""

from __future__ import annotations

from functools import cache

import pytest

from nlp.activities.extract import find_activities
from nlp.activities.name_checks import is_slogan
from nlp.pipeline import parse_text
from nlp.records import Activity, DocType


@cache
def rule_finds(text: str) -> tuple[Activity, ...]:
    p = parse_text(text, disable=["activities", "categories"])
    assert p.text is not None
    return find_activities(
        p.text, p.sections, p.facts, plan_document=p.doc.doc_type == DocType.PLAN, learned=False
    )


def found(text: str) -> list[tuple[str, str]]:
    return [(a.name, a.kind.value) for a in rule_finds(text)]


# (rule or list, sentence, (name, kind) that must be found)
FOUND = [
    ("errand verb keeps a goods object", "网格员为隔离户代购生活物资。", ("代购生活物资", "service")),
    ("errand verb keeps a goods object", "志愿者为行动不便的老人代办医保缴费证件。", ("代办医保缴费证件", "service")),
    ("content verb 补植", "沿河道补植绿化苗木300株。", ("补植绿化苗木", "project")),
    ("content verb 补植", "在小区东侧补植行道树80株。", ("补植行道树", "project")),
    ("content verb 电话问候", "网格员每周电话问候空巢老人。", ("电话问候空巢老人", "visit")),
    ("meeting word 生活会", "支部召开专题组织生活会2次。", ("专题组织生活会", "meeting")),
    ("service cue 核酸检测", "配合街道开展全员核酸检测4轮。", ("全员核酸检测", "service")),
    ("event word 评比", "组织开展“整洁楼道”积分评比。", ("“整洁楼道”积分评比", "event")),
    ("event word 评比", "开展“美丽庭院”评比活动。", ("“美丽庭院”评比活动", "event")),
    ("fused verb and object 调解纠纷", "全年共调解纠纷26起。", ("调解纠纷", "service")),
    ("a content verb's own act after it still counts", "网格员入户登记流动人口。", ("入户登记流动人口", "campaign")),
]

# (rule, sentence): the rules find nothing there
NOTHING = [
    ("a document handed out is still no activity", "向居民发放宣传资料2000份。"),
    ("a promoted document is still no activity", "宣传防诈骗资料。"),
    ("only the listed fused words open a verb", "社区现有专职调解员3名。"),
]


@pytest.mark.parametrize(("rule", "text", "expected"), FOUND, ids=[f"{c[0]}: {c[1]}" for c in FOUND])
def test_found(rule: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("rule", "text"), NOTHING, ids=[f"{c[0]}: {c[1]}" for c in NOTHING])
def test_nothing(rule: str, text: str) -> None:
    assert found(text) == []


def test_errands_lift_only_the_document_test() -> None:
    assert not is_slogan("代购生活物资", content=True)
    assert is_slogan("代购生活物资")  # not opened by its content verb: the document test holds
    assert is_slogan("宣传防诈骗资料", content=True)  # 宣传 is no errand
