"""Rule bare plan title (nlp/text/plan_parts.py) visits only the lines short enough to be a title,
found by one pattern: held to its plain definition, a walk over every line, on generated text and on
an invented report (sp15c)."""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.records import Section
from nlp.text.plan_parts import BARE_TITLE_MAX, bare_plan_title_spans, is_bare_plan_title


def _every_line(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    starts = sorted(s.norm_start for s in sections)
    spans = []
    at = text.find("\n") + 1
    if at <= 0:
        return []
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if end - at <= BARE_TITLE_MAX + 8 and end > at and is_bare_plan_title(text[at:end]):
            i = bisect_left(starts, end)
            if bisect_left(starts, at) == i:
                spans.append((end, starts[i] if i < len(starts) else len(text)))
        at = end + 1
    return spans


def _sections(text: str, heads: tuple[str, ...]) -> list[Section]:
    return [
        Section(id=i, parent=None, level=1, label="", heading="", start=0, end=0, norm_start=text.index(h), norm_end=len(text))
        for i, h in enumerate(heads)
        if h in text
    ]


REPORT = (
    "青石社区2024年工作总结\n一、主要工作\n全年组织文体活动18场。\n下一步工作打算\n新建充电桩12个。\n"
    "2、明年工作计划\n增设长椅20张。\n\n明年打算：社区将继续完善服务，推进老旧小区改造，力争年底前全部完工\n"
    "二、存在的问题\n停车位缺口约90个。\n明年打算"
)


def test_an_invented_report() -> None:
    sections = _sections(REPORT, ("一、", "二、"))
    found = bare_plan_title_spans(REPORT, sections)
    assert found == _every_line(REPORT, sections)
    tail = "\n增设长椅20张。\n\n明年打算：社区将继续完善服务，推进老旧小区改造，力争年底前全部完工\n"
    # the two short plan titles run to the next section; the long line is no title; the last line
    # (the text's end) opens an empty stretch
    assert [REPORT[a:b] for a, b in found] == ["\n新建充电桩12个。\n2、明年工作计划" + tail, tail, ""]


# An item label and its spaces before a title: the line is as long as a bare title's line can be.
_SPACED = "2、" + " " * (BARE_TITLE_MAX + 8 - 9) + "下一步工作打算"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["下一步工作打算", "明年计划", "工作回顾", "2、明年工作计划", "一、", "开展活动3场。", "\n", "\n\n", " ", "打算" * 12, _SPACED, _SPACED + " "]), max_size=14))
def test_the_short_lines_are_the_lines_walked(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert bare_plan_title_spans(text, ()) == _every_line(text, [])
    sections = _sections(text, ("一、",))
    assert bare_plan_title_spans(text, sections) == _every_line(text, sections)
