"""Layout grammar rules of the outline, on invented reports: back matter after the closing is not
outline, and a heading cut by a hard line wrap is joined back to its first 。 or ：."""

from __future__ import annotations

import pytest

from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

PARA = "一年来，全镇上下紧紧围绕年初确定的目标任务，真抓实干，各项事业取得新的进展，群众满意度稳步提升。"
CLOSING = "各位代表！新的一年，让我们团结一心，奋力开创全镇高质量发展新局面！"


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.label, s.heading) for s in build_outline(normalize(text))]


BODY = f"各位代表：\n{PARA}\n一、过去一年工作回顾\n{PARA}\n二、今年主要任务\n{PARA}\n{CLOSING}\n"
HEADS = [(1, "一、", "过去一年工作回顾"), (1, "二、", "今年主要任务")]

BACK_MATTER = {
    "glossary with numbered entries": (
        BODY + "附：短语说明\n1.三清一改：指清理垃圾、清理沟塘、清理杂物，改变不良习惯。\n"
        "2.一站式服务：指群众办事只进一扇门。\n3.网格员：指负责一个网格日常巡查的人员。\n",
        HEADS,
    ),
    "spaced glossary title with bracketed entries": (
        BODY + "名 词 解 释\n〔1〕两个确保：确保完成全年目标。\n1、五小工程：小广场、小游园等。\n",
        HEADS,
    ),
    "notes title with a colon": (BODY + "注释：\n1.数据截至11月底。\n2.增速按可比价计算。\n", HEADS),
    "a numbered list after the closing stays when no back-matter title announces it": (
        BODY + "1.本报告数据截至11月底\n",
        [*HEADS, (3, "1.", "本报告数据截至11月底")],
    ),
}


@pytest.mark.parametrize("case", BACK_MATTER, ids=list(BACK_MATTER))
def test_back_matter_is_not_outline(case):
    text, expected = BACK_MATTER[case]
    assert outline(text) == expected


def wrapped(paragraph: str, width: int = 24) -> str:
    """A paragraph as a PDF export lays it out: a hard break every ``width`` characters, a blank line after each."""
    return "".join(paragraph[i : i + width] + "\n\n" for i in range(0, len(paragraph), width))


FILLER = "全年完成固定资产投资12亿元，同比增长8%，新建改建农村公路35公里，新增城镇就业1200人，" * 3 + "各项工作稳步推进。"

WRAPS = {
    "first-level task heading": ("一、", "坚持项目为王，全力以赴扩大有效投资和居民消费需求"),
    "second-level review heading": ("（一）", "狠抓重点项目建设，全镇经济运行稳中有进、进中向好"),
    "heading with quotes": ("（二）", "扎实做好“三农”工作，推动乡村振兴取得新的突破"),
}


@pytest.mark.parametrize("case", WRAPS, ids=list(WRAPS))
def test_wrapped_heading_is_joined(case):
    label, heading = WRAPS[case]
    section = wrapped(label + heading + "。" + FILLER)
    assert label + heading not in section.replace("\n\n", "|")  # the wrap falls inside the heading
    text = "各位代表：\n\n" + wrapped(FILLER) * 4 + section + wrapped(FILLER) * 2
    level = 1 if label == "一、" else 2
    assert outline(text) == [(level, label, heading)]


def test_heading_on_its_own_short_line_is_not_extended():
    # a heading line shorter than the wrap width is whole; the next line's short sentence is body
    text = "各位代表：\n\n" + wrapped(FILLER) * 4 + "（一）党建工作\n\n成效显著。" + wrapped(FILLER) * 2
    assert (2, "（一）", "党建工作") in outline(text)


# A report in parts: each part numbers its own 一、二、三、 (review, then tasks).
PARTS = {
    "second run after an unnumbered part title": (
        f"各位代表：\n{PARA}\n一、经济运行稳中向好\n{PARA}\n二、民生保障持续加强\n{PARA}\n今年工作安排\n{PARA}\n"
        f"一、坚定不移抓项目建设\n{PARA}\n二、坚定不移抓乡村振兴\n{PARA}\n",
        ["经济运行稳中向好", "民生保障持续加强", "今年工作安排", "坚定不移抓项目建设", "坚定不移抓乡村振兴"],
    ),
    "a 1 with no 2 after it is no new run": (
        f"各位代表：\n{PARA}\n一、经济运行稳中向好\n{PARA}\n二、民生保障持续加强\n{PARA}\n一、此处为误排的编号\n{PARA}\n",
        ["经济运行稳中向好", "民生保障持续加强"],
    ),
    "a 1 inside a paragraph line is no new run": (
        f"各位代表：\n{PARA}\n一、经济运行稳中向好\n{PARA}\n二、民生保障持续加强\n{PARA}\n"
        f"一、抓项目。全年新开工项目12个，完成投资3亿元。\n二、抓民生。新增就业岗位300个。\n",
        ["经济运行稳中向好", "民生保障持续加强"],
    ),
}


@pytest.mark.parametrize("case", PARTS, ids=list(PARTS))
def test_each_part_numbers_anew(case):
    text, expected = PARTS[case]
    assert [h for level, _, h in outline(text) if level == 1] == expected


LONG_TITLE = "今年全镇经济社会发展主要目标和重点任务"  # 19 characters, a part title of a government report


@pytest.mark.parametrize(
    "title, is_heading",
    [(LONG_TITLE, True), ("过去五年全镇经济社会发展和重点工作进展情况及今后五年总体思路", False)],  # 29: a sentence-length line
)
def test_long_unnumbered_part_title(title, is_heading):
    text = f"各位代表：\n{PARA}\n{PARA}\n{title}\n{PARA}\n一、坚定不移抓项目建设\n{PARA}\n二、坚定不移抓乡村振兴\n{PARA}\n"
    assert ((1, "", title) in outline(text)) is is_heading


@pytest.mark.parametrize(
    "line, is_heading",
    [("过去一年工作回顾", True), ("上年工作回顧", True), ("2021年社区工作总结", False), ("关于上半年工作的汇报", False)],
)
def test_a_review_part_title_is_a_heading_a_document_title_is_not(line, is_heading):
    text = f"各位代表：\n{PARA}\n{PARA}\n{line}\n{PARA}\n一、坚定不移抓项目建设\n{PARA}\n二、坚定不移抓乡村振兴\n{PARA}\n"
    assert ((1, "", line) in outline(text)) is is_heading


def _plan_examples() -> list[tuple[str, str, str]]:
    from nlp.resources import load_toml

    planned = load_toml("outline.toml")["planned"]
    return [(name, word, planned[f"{name}_examples"].get(word, "")) for name in ("keywords", "exclude", "review")
            for word in planned[name]]  # fmt: skip


@pytest.mark.parametrize("name, word, example", _plan_examples(), ids=lambda v: str(v))
def test_every_plan_word_has_an_example_decided_as_its_list_says(name, word, example):
    from nlp.text.outline import is_plan_heading

    assert word in example, f"{name}: {word} has no example heading"
    assert is_plan_heading(example) == (name == "keywords")
