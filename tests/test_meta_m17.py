"""The metadata rules of the meta17 branch on whole invented documents (not the meta_unseen cases that
found them): rule as_of_year (截至 is no span's 至), path_date_stamp and folder_year (the year of a
dated file name or a year folder), bracketed_year_span (a bare span in brackets), opening_sentence_year
(a sentence opening with its year after the unit's description), since_event (自…年 an event 以来),
quoted_summary_year (《关于做好…年度工作总结的通知》), village_community read with a village's generic
ends (新型农村社区), and 1-3季度 among the spans of months that make no period (months_no_period). Each
rule has a case it must read and one it must leave alone."""

from __future__ import annotations

import pytest

from tests.test_meta_stress import SECTIONS, meta

OPENING = "社区两委班子团结带领居民群众，围绕年初确定的任务，扎实做好为民服务各项工作。"


def doc(title: str, opening: str = OPENING, end: str = "") -> str:
    return (title + "\n" if title else "") + opening + "\n" + SECTIONS + ("\n" + end + "\n" if end else "")


# name: (path, text, {field: expected})
CASES: dict[str, tuple[str, str, dict[str, object]]] = {
    "as_of_year: 截至2022年10月底 opens a generic report": (
        "x.txt", doc("社区工作情况汇报", "截至2022年10月底，我社区已完成充电桩建设40个。" + OPENING), {"year": 2022, "period": None},
    ),
    "as_of_year: a span's second year stays unread": (
        "x.txt", doc("社区工作情况汇报", "2019至2021年间，社区先后完成三个小区的改造。" + OPENING), {"year": None},
    ),
    "path_date_stamp: the year of an eight-digit date in the file name": (
        "归档/年终总结20211230.doc", doc("柏林社区年终总结", "一年来，" + OPENING), {"year": 2021, "period": "year"},
    ),
    "path_date_stamp: a long number is no date": (
        "归档/总结_1202112301.doc", doc("柏林社区年终总结", "一年来，" + OPENING), {"year": None},
    ),
    "folder_year: a year folder above a bare file name": (
        "档案/2021年度/总结.docx", doc("工作总结", "一年来，" + OPENING, "柏林社区"), {"year": 2021, "community": "柏林社区"},
    ),
    "folder_year: the file name's year comes first": (
        "档案/2020年/2021年总结.docx", doc("工作总结", "一年来，" + OPENING), {"year": 2021},
    ),
    "folder_year: digits inside a folder's name are no year": (
        "tmp2019ab/总结.docx", doc("工作总结", "一年来，" + OPENING), {"year": None},
    ),
    "bracketed_year_span: a bare span in brackets after a review's title": (
        "x.txt", doc("桃湾村三年工作回顾（2020—2022）", "三年来，" + OPENING), {"year": 2022, "period": None, "community": "桃湾村"},
    ),
    "bracketed_year_span: counts in brackets are no span": (
        "x.txt", doc("桃湾村2022年工作总结（1200-1500户）", OPENING), {"year": 2022, "period": "year"},
    ),
    "opening_sentence_year: a year sentence after the unit's description": (
        "x.txt", doc("工作总结", "柏林社区位于城区东部，辖区居民1800户。2021年，" + OPENING), {"year": 2021, "period": "year"},
    ),
    "opening_sentence_year: a year inside a clause makes no period": (
        "x.txt", doc("工作总结", "柏林社区位于城区东部，2021年新增居民120户，" + OPENING), {"period": None},
    ),
    "since_event: 自…年撤并以来 is no year reported on": (
        "x.txt", doc("社区工作总结", "自2018年两村合并以来，柏林社区面貌焕然一新。" + OPENING, "柏林社区\n2021年12月20日"), {"year": 2021},
    ),
    "since_event: 自…年以来 with no event is read as before": (
        "x.txt", doc("社区工作总结", "自2021年以来，" + OPENING), {"year": 2021},
    ),
    "quoted_summary_year: a notice asking for the year's summary": (
        "x.txt", doc("工作总结", "按照镇党委《关于认真做好2021年度工作总结的通知》要求，现将我村一年来工作总结如下。"), {"year": 2021, "period": "year"},
    ),
    "quoted_summary_year: a quoted plan's year under 要求 stays a target": (
        "x.txt", doc("工作总结", "根据《2023年老旧小区改造工作方案》要求，" + OPENING), {"year": None},
    ),
    "months_no_period: 1-3季度 is the first three quarters": (
        "x.txt", doc("柏林社区2022年1-3季度工作汇报", OPENING), {"year": 2022, "period": None},
    ),
    "months_no_period: 第3季度 alone stays the third quarter": (
        "x.txt", doc("柏林社区2022年第3季度工作汇报", OPENING), {"year": 2022, "period": "Q3"},
    ),
    "village_community: 新型农村社区 in a township's title is no name": (
        "x.txt", doc("新型农村社区建设情况汇报", "我镇共建成新型农村社区4个。" + OPENING), {"community": None},
    ),
    "village_community: a village made a community keeps its name": (
        "x.txt", doc("沙河村社区工作总结", OPENING), {"community": "沙河村社区"},
    ),
}


@pytest.mark.parametrize(("path", "text", "expected"), CASES.values(), ids=CASES.keys())
def test_meta17_rule(path: str, text: str, expected: dict[str, object]) -> None:
    got = meta(text, path)
    assert {field: getattr(got, field) for field in expected} == expected
