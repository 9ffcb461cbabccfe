"""Outline: numbering styles → Section tree (nlp.text.outline). Documents are invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evaluation.shared import MISSING, corpus_documents
from nlp.text.normalize import normalize
from nlp.text.outline import build_outline, is_plan_heading, parse_label

PARA = "今年以来，在街道党工委的正确领导下，社区各项工作稳步推进，居民满意度不断提高，取得了较好成效。"


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.label, s.heading) for s in build_outline(normalize(text))]


DOCS = {
    "nested four levels": (
        "2023年青松社区工作总结\n" + PARA + "\n一、党建工作\n（一）组织建设\n1、支部建设\n（1）三会一课\n"
        + PARA + "\n（2）主题党日\n" + PARA + "\n2、党员管理\n" + PARA + "\n（二）作风建设\n" + PARA
        + "\n二、民生服务\n" + PARA,
        [
            (1, "一、", "党建工作"), (2, "（一）", "组织建设"), (3, "1、", "支部建设"), (4, "（1）", "三会一课"),
            (4, "（2）", "主题党日"), (3, "2、", "党员管理"), (2, "（二）", "作风建设"), (1, "二、", "民生服务"),
        ],
    ),
    "dot and half-width styles": (
        PARA + "\n一.基本情况\n" + PARA + "\n(一)人口情况\n" + PARA + "\n1.户籍人口\n" + PARA + "\n2．流动人口\n"
        + PARA + "\n(1)出租房屋\n" + PARA,
        [(1, "一.", "基本情况"), (2, "(一)", "人口情况"), (3, "1.", "户籍人口"), (3, "2．", "流动人口"),
         (4, "(1)", "出租房屋")],
    ),
    "document starting mid-way": (
        "社区2019年上半年工作总结(3)\n" + PARA + "\n三、文化建设\n" + PARA + "\n四、平安建设\n" + PARA,
        [(1, "三、", "文化建设"), (1, "四、", "平安建设")],
    ),
    "starting mid-way at a level-2 label": (
        "（五）环境整治\n" + PARA + "\n（六）安全生产\n" + PARA,
        [(2, "（五）", "环境整治"), (2, "（六）", "安全生产")],
    ),
    "title repeated is not a section": (
        "2022年桂园社区工作总结\n\n2022年桂园社区工作总结\n\n" + PARA + "\n\n2022年桂园社区工作总结\n\n一、党建引领\n\n"
        + PARA,
        [(1, "一、", "党建引领")],
    ),
    "inline 一是 are items": (
        PARA + "\n一、强化服务\n一是抓好便民服务，办理各类证明120件。二是抓好为老服务。\n二是做好残疾人服务。\n二、平安建设\n"
        + PARA,
        [(1, "一、", "强化服务"), (1, "二、", "平安建设")],
    ),
    "page fragment inside a broken word": (
        PARA + "\n一、制度建设\n社区不断完善各项工作制度，建立健全值班制度、学习制\n2、度和考勤制度，确保各项工作有章可循。\n"
        "二、队伍建设\n" + PARA,
        [(1, "一、", "制度建设"), (1, "二、", "队伍建设")],
    ),
    "numbers out of sequence are not headings": (
        PARA + "\n一、社区概况\n" + PARA + "\n二、主要工作\n" + PARA + "\n七、其他方面：各项工作均有提升。\n三、存在问题\n" + PARA,
        [(1, "一、", "社区概况"), (1, "二、", "主要工作"), (1, "三、", "存在问题")],
    ),
    "numbered items inside a paragraph": (
        PARA + "\n一、主要做法\n社区采取了以下措施：1、建立台账；2、定期走访；3、跟踪问效。\n二、取得成效\n" + PARA,
        [(1, "一、", "主要做法"), (1, "二、", "取得成效")],
    ),
    "circled markers are items": (
        PARA + "\n一、五保工作\n⑴落实供养政策，发放供养金。⑵做好日常照料。\n①定期体检\n②上门探视\n二、低保工作\n" + PARA,
        [(1, "一、", "五保工作"), (1, "二、", "低保工作")],
    ),
    "unnumbered plan heading over numbered items": (
        PARA + "\n一、环境整治\n" + PARA + "\n二、文体活动\n" + PARA + "\n\n社区下半年工作打算\n\n1、筹建居民议事会\n\n"
        "2、开展邻里节活动\n",
        [(1, "一、", "环境整治"), (1, "二、", "文体活动"), (1, "", "社区下半年工作打算"), (3, "1、", "筹建居民议事会"),
         (3, "2、", "开展邻里节活动")],
    ),
    "unnumbered short heading under a numbered one": (
        PARA + "\n1.关爱困难群体\n梧桐居委\n" + PARA + "\n银杏居委\n" + PARA,
        [(3, "1.", "关爱困难群体"), (4, "", "梧桐居委"), (4, "", "银杏居委")],
    ),
    "lead line with colon over items": (
        PARA + "\n一、村情概况\n" + PARA + "\n村里面临的主要困难：\n1、道路狭窄\n2、饮水不便\n",
        [(1, "一、", "村情概况"), (2, "", "村里面临的主要困难"), (3, "1、", "道路狭窄"), (3, "2、", "饮水不便")],
    ),
    "long-report run-in headings": (
        "一、过去一年工作回顾\n（一）坚持稳中求进，经济运行平稳。全年地区生产总值增长5.6%。\n"
        "（二）坚持改革创新。今年以来新设市场主体1200户。\n二、今年主要任务\n（一）扩大有效投资。全年实施重点项目60个。",
        [(1, "一、", "过去一年工作回顾"), (2, "（一）", "坚持稳中求进，经济运行平稳"), (2, "（二）", "坚持改革创新"),
         (1, "二、", "今年主要任务"), (2, "（一）", "扩大有效投资")],
    ),
    "heading up to the colon": (
        PARA + "\n1、服务老年人：社区现有60岁以上老人320人。\n2、服务残疾人：走访残疾人家庭15户。",
        [(3, "1、", "服务老年人"), (3, "2、", "服务残疾人")],
    ),
    "traditional script stays as written": (
        "社區工作總結\n" + PARA + "\n一、加強黨的建設\n" + PARA + "\n二、下一步工作計劃\n" + PARA,
        [(1, "一、", "加強黨的建設"), (1, "二、", "下一步工作計劃")],
    ),
    "parts above 一、": (
        "第一部分 工作回顾\n一、经济发展\n" + PARA + "\n二、社会事业\n" + PARA + "\n第二部分 工作安排\n一、重点任务\n" + PARA,
        [(1, "第一部分", "工作回顾"), (1, "一、", "经济发展"), (1, "二、", "社会事业"), (1, "第二部分", "工作安排"),
         (1, "一、", "重点任务")],
    ),
    "label after sentence end in a flattened page": (
        PARA + "工作情况如下： 1、每天早上7:30至9:00安排专人值守。 2、每周开展一次集中清理。",
        [(3, "1、", "每天早上7:30至9:00安排专人值守"), (3, "2、", "每周开展一次集中清理")],
    ),
    "no numbering at all": (PARA + "\n" + PARA, []),
}


@pytest.mark.parametrize("text, expected", DOCS.values(), ids=DOCS.keys())
def test_outline(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected


def test_tree_spans_and_parents() -> None:
    text = DOCS["nested four levels"][0]
    secs = build_outline(normalize(text))
    by_id = {s.id: s for s in secs}
    assert [s.parent for s in secs] == [None, 0, 1, 2, 2, 1, 0, None]
    for s in secs:
        assert text[s.start : s.start + len(s.label)] == s.label
        if s.parent is not None:
            parent = by_id[s.parent]
            assert parent.start <= s.start and s.end <= parent.end
    assert secs[0].end == secs[-1].start - 1  # 一、 ends just before 二、 (and its newline)
    assert secs[-1].end == len(text)


def test_planned_sections_and_children() -> None:
    text = (
        PARA + "\n一、工作成效\n" + PARA + "\n二、存在问题及下步打算\n（一）存在问题\n" + PARA + "\n（二）下步打算\n" + PARA
    )
    secs = build_outline(normalize(text))
    assert [(s.heading, s.planned) for s in secs] == [
        # the problems sub-section states what is: it does not inherit the plan (plan_parts.py, problems part)
        ("工作成效", False), ("存在问题及下步打算", True), ("存在问题", False), ("下步打算", True),
    ]


@pytest.mark.parametrize(
    "heading, planned",
    [("下一步工作打算", True), ("下半年工作计划", True), ("2024年工作思路", True), ("明年工作安排", True),
     ("计划生育工作", False), ("社区党建工作", False), ("2023年工作回顾", False)],
)
def test_is_plan_heading(heading: str, planned: bool) -> None:
    assert is_plan_heading(heading) is planned


@pytest.mark.parametrize(
    "line, kind, number",
    [("一、党建", "cn", 1), ("十二、其他", "cn", 12), ("（三）治安", "pcn", 3), ("(二十)其他", "pcn", 20),
     ("3、低保", "dig", 3), ("4.五保", "dig", 4), ("（2）义诊", "pdig", 2), ("第三章 附则", "part", 3)],
)
def test_parse_label(line: str, kind: str, number: int) -> None:
    label = parse_label(line)
    assert label is not None and (label.kind, label.number) == (kind, number)


@pytest.mark.parametrize("line", ["1.5万元用于改造", "一是抓学习", "2022年工作总结", "①定期体检", "⑴落实政策", "十九大精神"])
def test_not_labels(line: str) -> None:
    assert parse_label(line) is None


CORPUS_DOCS = corpus_documents()


@pytest.mark.skipif(not CORPUS_DOCS, reason=MISSING)
@pytest.mark.parametrize("path", CORPUS_DOCS, ids=[p.name for p in CORPUS_DOCS])
def test_corpus_offsets(path: Path) -> None:
    from corpus.readers import read_path

    raw = read_path(path)
    secs = build_outline(normalize(raw.text))
    for s in secs:
        assert raw.text[s.start : s.start + len(s.label)] == s.label
        # as written, but a heading wrapped over lines by an export is one phrase (line breaks dropped)
        assert s.heading and s.heading in re.sub(r"\s*\n\s*", "", raw.text[s.start : s.end])
        assert s.start < s.end <= len(raw.text)
        assert s.parent is None or s.parent < s.id
