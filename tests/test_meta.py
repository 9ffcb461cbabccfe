"""Metadata: title, community, street, year, period, doc_type (nlp.text.meta). Documents are invented."""

from __future__ import annotations

import pytest

from nlp.records import DocType, RawDoc
from nlp.text.document import Text
from nlp.text.meta import extract_meta, find_doc_type
from nlp.text.outline import build_outline
from nlp.text.period import find_period
from nlp.text.year import find_year

BODY = "在街道党工委的正确领导下，社区各项工作稳步推进，居民满意度不断提高，取得了较好成效。"


def meta(text: str):
    raw = RawDoc(id="0" * 64, path="x.txt", text=text, encoding="utf-8")
    doc = Text.from_string(text)
    return extract_meta(raw, doc, build_outline(doc.normalized))


DOCS = {
    "half-year title with community": (
        "2022年上半年青松社区工作总结\n上半年，青松社区" + BODY + "\n一、党建工作\n青松社区现有党员45名。",
        ("2022年上半年青松社区工作总结", "青松社区", 2022, "H1"),
    ),
    "quarter": (
        "桃源社区2021年第三季度工作汇报\n" + BODY + "桃源社区居民参与热情高涨。",
        ("桃源社区2021年第三季度工作汇报", "桃源社区", 2021, "Q3"),
    ),
    "year in title means a whole-year summary": (
        "2021年社区工作总结\n" + BODY + "\n一、主要工作\n柳溪社区开展活动20场。柳溪社区获评先进。",
        ("2021年社区工作总结", "柳溪社区", 2021, "year"),
    ),
    "年度 report, masked community": (
        "XX社区党总支关于2022年度工作报告\n" + BODY + "\n一、工作开展情况\nXX社区召开会议8次。",
        ("XX社区党总支关于2022年度工作报告", None, 2022, "year"),
    ),
    "masked year": (
        "20xx年村委会工作总结\n我受南岭村村民委员会的委托，向大会报告工作。南岭村" + BODY,
        ("20xx年村委会工作总结", "南岭村", None, "year"),
    ),
    "site chrome before the title": (
        "当前位置：首页 > 工作总结 > 社区\n发布时间：2023-05-06\n社区工作总结精选(九篇)\n"
        "石桥社区创建文明社区工作总结\n" + BODY + "石桥社区环境明显改善。",
        ("石桥社区创建文明社区工作总结", "石桥社区", None, None),
    ),
    "no title: the body starts at once": (
        "2018年，" + BODY + "\n一、加强组织建设\n社区居委会持续完善工作机制。",
        (None, None, 2018, "year"),
    ),
    "street-level report names no community": (
        "2020年梅林街道办事处工作总结\n" + BODY + "竹园社区、松风社区、兰亭社区分别开展了活动。",
        ("2020年梅林街道办事处工作总结", None, 2020, "year"),
    ),
    "summary with a plan for the second half": (
        "2024年社区工作总结和下半年工作计划\n" + BODY,
        ("2024年社区工作总结和下半年工作计划", None, 2024, "year"),
    ),
    "title written in traditional script is kept as written, the community is canonical (SPEC 5)": (
        "2021年社區工作總結\n" + "玄武社區" + BODY + "玄武社區居民踴躍參與。",
        ("2021年社區工作總結", "玄武社区", 2021, "year"),
    ),
    "no period words": (
        "社区“大党委”工作总结\n按照光明路街道工委的部署，红枫社区" + BODY + "红枫社区党委召开会议6次。",
        ("社区“大党委”工作总结", "红枫社区", None, None),
    ),
    "body opening names the period": (
        "社区综治工作总结\n一年来，金桂社区" + BODY + "金桂社区未发生重大案件。",
        ("社区综治工作总结", "金桂社区", None, "year"),
    ),
}


@pytest.mark.parametrize("text, expected", DOCS.values(), ids=DOCS.keys())
def test_meta(text: str, expected: tuple) -> None:
    m = meta(text)
    assert (m.title, m.community, m.year, m.period) == expected
    assert m.chars == len(text)


def test_record_fields_from_raw() -> None:
    m = meta("2022年青松社区工作总结\n" + BODY)
    assert (m.id, m.path, m.encoding) == ("0" * 64, "x.txt", "utf-8")


@pytest.mark.parametrize(
    "text, street",
    [("2023年光华路街道戎苑社区工作总结\n" + BODY, "光华路街道"),
     ("白沙镇龙井村2022年工作总结\n龙井村" + BODY + "龙井村", "白沙镇"),
     ("2022年青松社区工作总结\n" + BODY, None)],
)
def test_street(text: str, street: str | None) -> None:
    assert meta(text).street == street


@pytest.mark.parametrize(
    "title, doc_type",
    [("2022年社区工作总结", DocType.SUMMARY), ("社区2023年工作计划", DocType.PLAN),
     ("2022年工作总结及2023年工作计划", DocType.MIXED), ("关于背街小巷整治工作进展情况的汇报", DocType.REPORT),
     ("社区党委述职报告", DocType.REPORT), ("社区居民委员会工作总结报告", DocType.SUMMARY)],
)
def test_doc_type(title: str, doc_type: DocType) -> None:
    assert find_doc_type(title, ()) is doc_type


@pytest.mark.parametrize(
    "title, opening, period",
    [("社区上半年工作总结", "", "H1"), ("社区下半年工作总结", "", "H2"), ("2023年一季度工作汇报", "", "Q1"),
     ("社区第四季度工作总结", "", "Q4"), ("社区年终工作总结", "", "year"), ("社区工作总结", "半年来，我们……", "H1"),
     ("社区工作总结", "过去一年，社区……", "year"), ("社区工作总结", "社区现有居民3200户。", None)],
)
def test_period(title: str, opening: str, period: str | None) -> None:
    assert find_period(title, opening) == period


@pytest.mark.parametrize(
    "title, opening, year",
    [("2019年社区工作总结", "", 2019), ("20XX年社区工作总结", "2019年……", None),
     ("社区工作总结", "2017年，社区……", 2017), ("社区工作总结", "今年以来……", None)],
)
def test_year(title: str, opening: str, year: int | None) -> None:
    assert find_year(title, opening) == year


def test_year_and_period_from_the_file_name_when_the_text_is_silent():
    from dataclasses import replace

    from corpus.readers import read_text
    from nlp.pipeline import parse_raw

    raw = replace(read_text("社区工作总结\n" + BODY), path="归档/2021年上半年东湖社区工作总结.docx")
    doc = parse_raw(raw, disable=["categories", "activities"]).doc
    assert (doc.year, doc.period, doc.community) == (2021, "H1", "东湖社区")


@pytest.mark.parametrize(
    ("title", "period"),
    [("2022年度社区工作总结", "year"), ("社区全年工作总结", "year"), ("2022年上半年社区工作总结", "H1"),
     ("社区第三季度工作总结", "Q3")],
)
def test_period_words_in_the_title(title, period):
    assert find_period(title, "") == period
